"""Quotes and their speakers: who says what, with offsets.

:func:`quotes` finds

- **direct quotes**: quotation marks paired within a paragraph (straight, curly, ``«»``,
  ``„“``, ``''``; single marks in UK copy), pieces of one quotation around its cue, and
  quotations that run over several paragraphs (:mod:`~analysis.quotes.marks`); transcript
  lines (``PENCE: ...``) are quotes of the name before the colon;
- **reported speech**: ``X said (that) ...``, ``..., X said.``, ``according to X, ...``;
- **headline attributions**: ``Expert: Kazakhstan, Russia should ...``.

Each quote's cue is read over tokens (:mod:`~analysis.quotes.cues`): after the
quotation, before it, ``according to X``, a signature after a dash, a transcript tag, a
colon introduction, a sibling piece in the paragraph, a quotation carried over from the
paragraph before, or the sentence before (:mod:`~analysis.quotes.attribution`). The
speaker is the name printed at the cue, linked to an actor when one matches
(:mod:`~analysis.quotes.speakers`).
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from .._run import (Block, Kept, Work, fields_of, in_table_order, paused_gc, per_article,
                    resolve_jobs)
from .._validate import check_columns
from ..text import blank_long_tokens, iter_texts
from ..types import CacheOption, Fields
from .attribution import find_quotes
from .speakers import name_speakers

__all__ = ["quotes", "QUOTE_COLUMNS"]

QUOTE_COLUMNS = ["doc_id", "field", "start", "end", "quote", "kind", "speaker_text",
                 "speaker_start", "speaker_end", "speaker_name", "speaker_id", "speaker_how",
                 "confidence", "cue", "para", "quote_id"]
_DTYPES = {"doc_id": "str", "field": "str", "start": "int64", "end": "int64", "quote": "str",
           "kind": "str", "speaker_text": "str", "speaker_start": "int64",
           "speaker_end": "int64", "speaker_name": "str", "speaker_id": "str",
           "speaker_how": "str", "confidence": "str", "cue": "str", "para": "int64",
           "quote_id": "str"}
CONFIDENCE = ["high", "medium", "low", "none"]


@paused_gc
def quotes(
    docs: pd.DataFrame,
    *,
    mentions: pd.DataFrame | None = None,
    fields: Fields = ("title", "lede", "text"),
    cache: CacheOption = "auto",
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Direct quotes, reported speech and headline attributions, with their speakers.

    Parameters
    ----------
    docs
        Any DataFrame with ``doc_id`` and the text columns in ``fields``.
    mentions
        The output of :func:`analysis.actor_mentions` for ``docs`` (computed when None).
    fields
        Text columns to search.
    cache
        Keep each article's quotes on disk and reuse them (keyed by the article's text and
        its mentions); see :data:`analysis.types.CacheOption` (default: only when
        ``$DATELINE_CACHE`` is set). With ``$DATELINE_SCHEDULER`` set, quotes are found on
        that Dask cluster.
    n_jobs
        Processes for large inputs (default: all cores; inputs under about 8 million
        characters run in one process).

    Returns
    -------
    pandas.DataFrame
        One row per quote (a quotation interrupted by its cue is two rows, one per piece;
        one that runs over paragraphs is one row per paragraph), in table order:

        - ``doc_id, field, start, end, quote``: ``docs.loc[doc_id, field][start:end] ==
          quote``, the words inside the marks, or the reported claim;
        - ``kind``: ``direct``, ``reported`` or ``headline``;
        - ``speaker_text, speaker_start, speaker_end``: the speaker as printed at the cue
          (``Caddell``, ``Sen. Jane Doe``, ``he``, ``a Downing Street spokesman``) and its
          offsets in the same field; empty and -1 when no cue was found;
        - ``speaker_name``: canonical: the actor's name when one matched, else the printed
          name without titles, honorifics and party words, a surname resolved to the full
          name printed in the article; a pronoun or a definite role (``the senator``)
          resolved to the speaker it refers to; missing for groups (``officials``) and when
          nobody could be named;
        - ``speaker_id``: the actor id (``person:jane-doe``, ``RUS``) or missing;
        - ``speaker_how``: ``cue-after``, ``cue-before``, ``according-to``,
          ``signature``, ``transcript``, ``colon``, ``subject`` (no cue: the person named
          before it in its sentence), ``sibling``, ``continued``, ``previous-sentence``,
          ``pronoun``, ``role``, ``article`` (no cue anywhere: the article's most quoted
          person, confidence low), or empty;
        - ``confidence``: ``high`` (a name at a cue of the quote's own), ``medium`` (a
          name carried from a sibling, the sentence or paragraph before; a pronoun or role
          resolved nearby), ``low`` (resolved further away, or a group), ``none``;
        - ``cue``: the cue's words as printed (``he said``, ``according to Karin``);
        - ``para``: the paragraph within the field (from 0);
        - ``quote_id``: ``doc_id:field:start-end``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": [
    ...     '"We will sign it," said Sen. Jane Doe, D-N.Y. "Today."\\n\\nDoe said the vote was close.']})
    >>> quotes(docs)[["quote", "kind", "speaker_name", "speaker_how"]].values.tolist()
    [['We will sign it,', 'direct', 'Jane Doe', 'cue-after'], ['Today.', 'direct', 'Jane Doe', 'sibling'], ['the vote was close', 'reported', 'Jane Doe', 'cue-before']]
    """
    from ..actors import actor_mentions

    fields = fields_of(docs, fields)
    jobs = resolve_jobs(n_jobs)
    if mentions is None:
        mentions = actor_mentions(docs, fields=fields, cache=cache, n_jobs=jobs)
    check_columns(mentions, "mentions", ["doc_id", "field", "start", "end", "actor_id", "name",
                                         "kind"])
    if "depth" in mentions.columns:
        mentions = mentions[mentions["depth"] == 0]     # speakers are top-level names
    index = _MentionIndex(mentions)
    work = Work("quotes", quotes_block, concat_quotes, args=(fields,), extra=index.of_block,
                kept=Kept({"fields": fields, "version": 2}, key_extra=index.digests,
                          finish=lambda rows, row_index, position: _typed(in_table_order(
                              rows, row_index, position, docs, fields)[QUOTE_COLUMNS])))
    return per_article(docs, fields, work, jobs=jobs, cache=cache)


class _MentionIndex:
    """An article's mentions by ``doc_id``: the mentions each block of quotes needs, and a
    digest of each article's mentions (part of its cache key: new mentions, new quotes)."""

    def __init__(self, mentions: pd.DataFrame):
        self.mentions = mentions
        self.ids = mentions["doc_id"].astype("str").to_numpy()
        self.order = np.argsort(self.ids, kind="stable")
        sorted_ids = self.ids[self.order]
        cuts = np.flatnonzero(sorted_ids[1:] != sorted_ids[:-1]) + 1 if len(sorted_ids) else \
            np.zeros(0, dtype=np.int64)
        starts = np.concatenate([[0], cuts]).astype(np.int64)
        ends = np.concatenate([cuts, [len(sorted_ids)]]).astype(np.int64)
        self.spans = {sorted_ids[a]: (a, b) for a, b in zip(starts, ends)} if len(sorted_ids) \
            else {}

    def of_block(self, block: Block) -> dict:
        """``{"mentions": ...}``: the mentions of the block's articles, labelled as there."""
        take, labels = [], []
        for doc_id, label in dict.fromkeys(zip(block.ids, block.labels)):
            span = self.spans.get(doc_id)
            if span is not None:
                rows = self.order[span[0]:span[1]]
                take.append(rows)
                labels.append(np.full(len(rows), label, dtype=object))
        rows = np.concatenate(take) if take else np.zeros(0, dtype=np.int64)
        picked = self.mentions.iloc[rows]
        if not np.array_equal(block.ids, block.labels):
            picked = picked.assign(doc_id=np.concatenate(labels) if labels else
                                   np.zeros(0, dtype=object))
        return {"mentions": picked}

    def digests(self, docs: pd.DataFrame) -> list[bytes]:
        """One digest per row of ``docs``: of its article's mentions (b"" for none)."""
        cols = ["field", "start", "end", "actor_id", "name", "kind"]
        hashed = pd.util.hash_pandas_object(self.mentions[cols].reset_index(drop=True),
                                            index=False).to_numpy()
        digest = {doc_id: hashlib.blake2b(hashed[self.order[a:b]].tobytes(),
                                          digest_size=16).digest()
                  for doc_id, (a, b) in self.spans.items()}
        return [digest.get(d, b"") for d in docs["doc_id"].astype("str").to_numpy()]


def concat_quotes(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Quote tables of consecutive blocks, in order."""
    parts = [p for p in parts if len(p)] or parts[:1]
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def quotes_block(docs: pd.DataFrame, fields: list[str], mentions: pd.DataFrame) -> pd.DataFrame:
    """The quotes of one block of articles, given their mentions (see :func:`quotes`)."""
    fields = [f for f in fields if f in docs.columns]
    # Mentions as plain tuples per article: filtering small pandas frames per quote cost
    # far more than finding the quotes.
    by_doc: dict[str, list[tuple]] = {}
    columns = ["doc_id", "field", "start", "end", "actor_id", "name", "kind"]
    for doc_id, *rest in zip(*(mentions[c].tolist() for c in columns)):
        by_doc.setdefault(str(doc_id), []).append(tuple(rest))
    rank = {f: k for k, f in enumerate(fields)}
    rows = []
    per_doc: dict[int, list] = {}
    for pos, doc_id, field, text in iter_texts(docs, fields):
        per_doc.setdefault(pos, []).append((doc_id, field, text))
    for pos, items in per_doc.items():
        items.sort(key=lambda item: rank[item[1]])
        doc_id = items[0][0]
        mentioned = by_doc.get(str(doc_id), [])
        printed = {field: text for _, field, text in items}
        # Runs of over 200 characters with no space (base64, pasted tables) read as blanks:
        # no quote mark or cue inside one is paired; the quotes keep the printed text.
        blanked = [(field, blank_long_tokens(text)) for _, field, text in items]
        found = [(field, text, find_quotes(text, field, sorted(
            (m[1], m[2]) for m in mentioned if m[0] == field and m[5] == "person")))
            for field, text in blanked]
        named = name_speakers(found, mentioned, rank)
        for (field, _, quotes_here), names in zip(found, named):
            text = printed[field]
            for f, n in zip(sorted(quotes_here, key=lambda f: f.start), names):
                rows.append((pos, rank[field], doc_id, field, f.start, f.end,
                             text[f.start:f.end], f.kind, n.speaker_text, n.speaker_start,
                             n.speaker_end, n.speaker_name, n.speaker_id,
                             n.how or (f.how if f.speaker is not None else ""),
                             n.confidence, f.cue,
                             f.para, ""))                  # quote_id: set by _typed
    rows.sort(key=lambda r: (r[0], r[1], r[4], r[5]))
    return _typed(pd.DataFrame([r[2:] for r in rows], columns=QUOTE_COLUMNS))


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    """The columns of :func:`quotes`, typed; ``quote_id`` rebuilt from the final ``doc_id``
    (cached rows were computed under another label)."""
    table = table[QUOTE_COLUMNS].astype(_DTYPES)
    return table.assign(quote_id=table["doc_id"] + ":" + table["field"] + ":" +
                        table["start"].astype(str) + "-" + table["end"].astype(str))
