"""Quotes and their speakers: who says what, with offsets.

:func:`quotes` finds

- **direct quotes** in straight or curly quotation marks, attributed by a speech verb
  after the quote (``"...," he said``, ``"...," said Karin``), before it (``Karin said:
  "..."``, ``he said, adding that "..."``), or by ``according to X`` in the same sentence;
- **reported speech**: ``X said (that) ...``, ``X thinks ...``, ``according to X, ...``;
- **headline attributions**: ``Expert: Kazakhstan, Russia should ...``.

Speakers are resolved through :func:`analysis.actor_mentions`: a name becomes the actor
mentioned there; ``he``/``she`` and role nouns (``the expert``, ``the minister``) become
the most recent person mentioned before the quote in the same article.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd

from ._run import Block, Kept, Work, fields_of, in_table_order, paused_gc, per_article, resolve_jobs
from ._validate import check_columns
from .text import iter_texts, sentence_spans
from .types import CacheOption, Fields

__all__ = ["quotes", "quote_ledger", "QUOTE_COLUMNS"]

QUOTE_COLUMNS = ["doc_id", "field", "start", "end", "quote", "speaker_id", "speaker_name",
                 "cue", "kind"]

_VERBS = (r"said|says|say|told|tells|added|adds|noted|notes|stressed|stresses|emphasized|"
          r"emphasised|explained|explains|stated|states|declared|insisted|argued|warned|"
          r"announced|believes|thinks|asked|replied|recalled|continued|pointed out|"
          r"underlined|underscored|observed|wrote|commented|remarked|concluded|claimed|suggested|"
          r"proposed|promised|urged|vowed|denied|confirmed|admitted|acknowledged|assured|"
          r"pledged|mentioned|indicated|called|reiterated|recommended|predicted|complained")
_PRONOUNS = {"he", "she", "they", "him", "her"}
_ROLE_NOUNS = (r"expert|analyst|minister|president|official|spokesman|spokeswoman|"
               r"spokesperson|diplomat|leader|chairman|head|envoy|ambassador|source|"
               r"secretary|commander|governor|politician|economist|researcher|professor|"
               r"lawmaker|senator|deputy|director|chief|representative")
_QUOTE_RE = re.compile(r"[\"“«]([^\"“”«»]{2,}?)[\"”»]")
_NAMEISH = rf"(?:[A-Z][\w'’\-]*|of|(?:{_ROLE_NOUNS}))"


def _speaker(group: str) -> str:
    """A speaker: a pronoun, "the <role>", or a capitalised name with roles inside."""
    return (rf"(?P<{group}>(?:[Hh]e|[Ss]he|[Tt]hey|the\s+(?:[\w\-]+\s+){{0,3}}?"
            rf"(?:{_ROLE_NOUNS})|[A-Z][\w'’\-]*(?:\s+{_NAMEISH}){{0,6}}))")


_SPEAKER = _speaker("who")
_AFTER_RE = re.compile(
    rf"^[ \t]*[,.!?]?[ \t]*(?:{_SPEAKER}\s+(?P<verb>{_VERBS})\b|(?P<verb2>{_VERBS})\s+{_speaker('who2')})")
_BEFORE_RE = re.compile(
    rf"{_SPEAKER}\s+(?P<verb>{_VERBS})(?:\s+\w+){{0,2}}?(?:,\s+adding)?(?:\s+that)?\s*[:,]?\s*$")
_ACCORDING_RE = re.compile(rf"[Aa]ccording to\s+{_SPEAKER}")
_SAYS_RE = re.compile(rf"{_SPEAKER}\s+(?P<verb>{_VERBS})\b")
_REPORTED_RE = re.compile(
    rf"{_SPEAKER}\s+(?P<verb>said|says|thinks|believes|stressed|noted|added|warned|told\s+\w+)\s+(?:that\s+)?(?P<claim>[^.!?\"“]{{12,}})")
_HEADLINE_RE = re.compile(r"^(?P<who>[A-Z][\w'’\- ]{1,40}?):\s+(?P<claim>\S.{8,})$")


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
        ``doc_id, field, start, end, quote, speaker_id, speaker_name, cue, kind``:
        ``docs.loc[doc_id, field][start:end] == quote`` (the words inside the quotation
        marks, or the reported claim); ``cue`` is the attribution as printed (``he said``,
        ``according to Karin``); ``kind`` is ``direct``, ``reported`` or ``headline``.
        The speaker is empty when it could not be resolved. Rows in table order.
    """
    from .actors import actor_mentions

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
                kept=Kept({"fields": fields}, key_extra=index.digests,
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
        doc_mentions = by_doc.get(items[0][0], [])
        for doc_id, field, text in items:
            here = [m for m in doc_mentions if m[0] == field]
            for start, end, cue, who, at, kind in _find(text, field):
                speaker = _resolve(who, at, field, here, doc_mentions, rank)
                rows.append((pos, rank[field], doc_id, field, start, end, text[start:end],
                             speaker[0], speaker[1], cue, kind))
    rows.sort(key=lambda r: (r[0], r[1], r[4]))
    return _typed(pd.DataFrame([r[2:] for r in rows], columns=QUOTE_COLUMNS))


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    return table.astype({"doc_id": "str", "field": "str", "start": "int64", "end": "int64",
                         "quote": "str", "speaker_id": "str", "speaker_name": "str",
                         "cue": "str", "kind": "str"})


def _find(text: str, field: str):
    """``(start, end, cue, who, who_position, kind)`` for each quote in one field."""
    found = []
    spans = sentence_spans(text)
    covered = []
    for match in _QUOTE_RE.finditer(text):
        start, end = match.span(1)
        sentence = next(((a, b) for a, b in spans if a <= match.start() < b), (0, len(text)))
        after = text[match.end() : min(len(text), match.end() + 80)]
        before = text[max(sentence[0], match.start() - 120) : match.start()]
        cue = who = None
        at = match.start()
        m = _AFTER_RE.match(after)
        if m:
            who = m.group("who") or m.group("who2")
            cue = m.group().strip(" ,.!?")
            at = match.end() + m.start("who" if m.group("who") else "who2")
        else:
            m = _BEFORE_RE.search(before)
            if m:
                who, cue = m.group("who"), m.group().strip(" ,:")
                at = match.start() - len(before) + m.start("who")
            else:
                m = _ACCORDING_RE.search(text, sentence[0], sentence[1])
                if m is None:
                    # "Also, the expert said, a wider range ... , "for example ..."".
                    said = list(_SAYS_RE.finditer(text, sentence[0], match.start()))
                    m = said[-1] if said else None
                if m:
                    who, cue = m.group("who"), m.group()
                    at = m.start("who")
        if cue is None and len(match.group(1).split()) < 4:
            continue           # a scare-quoted phrase, not a quotation
        found.append((start, end, cue or "", who, at, "direct"))
        covered.append((match.start(), match.end()))
    # Reported speech in sentences without quotation marks.
    for a, b in spans:
        if any(x < b and y > a for x, y in covered):
            continue
        sentence = text[a:b]
        m = _ACCORDING_RE.search(sentence)
        if m and m.start() == 0:
            rest = sentence[m.end():].lstrip(" ,")
            if len(rest.split()) >= 3:
                start = a + len(sentence) - len(rest)
                end = a + len(sentence.rstrip(" .!?"))
                found.append((start, end, m.group(), m.group("who"), a + m.start("who"),
                              "reported"))
                continue
        m = _REPORTED_RE.search(sentence)
        if m:
            claim_start = a + m.start("claim")
            claim_end = a + len(sentence.rstrip(" .!?"))
            head = sentence[: m.start()]
            comma = head.rfind(",")
            if comma > 0 and len(head[comma:].split()) <= 15 and len(head[:comma].split()) >= 6:
                # "<claim>, the chairman of ... Karin told TASS on the sidelines ...": the
                # claim comes first.
                claim_start, claim_end = a, a + comma
            if claim_end > claim_start:
                found.append((claim_start, claim_end, f"{m.group('who')} {m.group('verb')}",
                               m.group("who"), a + m.start("who"), "reported"))
    if field == "title":
        m = _HEADLINE_RE.match(text)
        who = m.group("who") if m else ""
        # "UPDATE 2:", "IN BRIEF:", "EXCLUSIVE:" are desk tags, not speakers.
        if m and len(who.split()) <= 4 and not who.isupper():
            start, end = m.start("claim"), m.end("claim")
            while start < end and text[start] in "\"“'‘«":
                start += 1
            while end > start and text[end - 1] in "\"”'’»":
                end -= 1
            found.append((start, end, who + ":", who, 0, "headline"))
    return sorted(found)


def _resolve(who, at: int, field: str, here: list, doc_mentions: list, rank) -> tuple[str, str]:
    """The speaker's (actor_id, name); ("", "") when unknown.

    ``here`` and ``doc_mentions`` are the article's mentions in this field and in all
    fields, as ``(field, start, end, actor_id, name, kind)`` in table order.
    """
    if who is None:
        return "", ""
    plain = who.strip()
    first = plain.split()[0].lower()
    if here and first not in _PRONOUNS and first != "the":
        # A name: the mentions inside it, a person first ("Kremlin spokesman Dmitry
        # Peskov", "the Chairman of the ... Council ... Yerlan Karin").
        inside = [m for m in here if m[1] < at + len(plain) and m[2] > at]
        if inside:
            persons = [m for m in inside if m[5] == "person"]
            m = persons[-1] if persons else inside[0]
            return str(m[3]), str(m[4])
    people = [m for m in doc_mentions if m[5] == "person"]
    if not people:
        return "", ""
    if first in _PRONOUNS or first == "the" or field == "title":
        # The most recent person before the cue; in a headline, the article's main person
        # when the headline names a role ("Expert:"), not a name it could not resolve.
        if field == "title":
            if not re.fullmatch(rf"(?i:{_ROLE_NOUNS}|source|sources|official|officials)s?",
                                plain):
                return "", ""
            counts: dict[tuple[str, str], int] = {}
            for m in people:
                counts[(m[3], m[4])] = counts.get((m[3], m[4]), 0) + 1
            most = max(counts.values())
            actor_id, name = min(k for k, v in counts.items() if v == most)
            return str(actor_id), str(name)
        limit = rank[field] * 10**9 + at
        best, best_order = None, -1
        for m in people:
            if m[0] in rank:
                order = rank[m[0]] * 10**9 + m[1]
                if order < limit and order > best_order:
                    best, best_order = m, order
        if best is not None:
            return str(best[3]), str(best[4])
    return "", ""


def quote_ledger(table: pd.DataFrame) -> pd.DataFrame:
    """Who is quoted, how often and on what: one row per resolved speaker.

    Takes the output of :func:`quotes`; returns ``speaker_id, speaker_name, quotes,
    direct, docs, example, example_doc_id`` (the longest direct quote as the example),
    most quoted first. Quotes without a resolved speaker are counted under an empty id.
    """
    check_columns(table, "table", QUOTE_COLUMNS)
    columns = ["speaker_id", "speaker_name", "quotes", "direct", "docs", "example",
               "example_doc_id"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    work = table.assign(_len=table["quote"].str.len(), _direct=table["kind"] == "direct")
    best = work.sort_values(["_direct", "_len"], ascending=[False, False], kind="stable") \
        .drop_duplicates("speaker_id").set_index("speaker_id")
    out = work.groupby(["speaker_id", "speaker_name"], sort=False).agg(
        quotes=("quote", "size"), direct=("_direct", "sum"), docs=("doc_id", "nunique")
    ).reset_index()
    out["example"] = out["speaker_id"].map(best["quote"])
    out["example_doc_id"] = out["speaker_id"].map(best["doc_id"])
    out = out.sort_values(["quotes", "speaker_id"], ascending=[False, True], kind="stable")
    return out[columns].reset_index(drop=True).astype({"quotes": "int64", "direct": "int64",
                                                      "docs": "int64"})
