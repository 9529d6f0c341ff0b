"""Every mention of an actor, with offsets: registry matches plus discovered actors."""

from __future__ import annotations

import bisect

import pandas as pd

from .._run import (Kept, Work, check_cache, fields_of, in_table_order, paused_gc, per_article,
                    resolve_jobs)
from .._validate import check_columns
from ..cache import frame_fingerprint
from ..text import (
    PARAGRAPH_RE,
    SpanIndex,
    blank_long_tokens,
    iter_texts,
    load_sentence_splitter,
    sentence_spans,
)
from ..types import CacheOption, Fields
from .candidates import _lists as discovery_lists
from .discovery import Found
from .discovery import discover as find_new
from .lexicons import first_names
from .matching import matcher_for
from .registry import REGISTRY_COLUMNS

__all__ = ["actor_mentions", "MENTION_COLUMNS"]

MENTION_COLUMNS = ["doc_id", "field", "start", "end", "surface", "actor_id", "name", "kind",
                   "sent", "how", "mention_id", "parent", "depth"]
_DTYPES = {"doc_id": "str", "field": "str", "start": "int64", "end": "int64", "surface": "str",
           "actor_id": "str", "name": "str", "kind": "str", "sent": "int64", "how": "str",
           "mention_id": "str", "parent": "str", "depth": "int64", "para": "int64"}
HOW = ["registry", "title", "head", "place-list", "phrase", "context", "name-shape", "surname"]


# Discovery costs about four times the registry's work per character (benchmarks/discovery.py),
# so it runs on all cores from a quarter of the usual size.
DISCOVERY_COST = 4


@paused_gc
def actor_mentions(
    docs: pd.DataFrame,
    *,
    registry: pd.DataFrame | None = None,
    fields: Fields = ("title", "lede", "text"),
    discover: bool = True,
    n_jobs: int | None = None,
    cache: CacheOption = "auto",
) -> pd.DataFrame:
    """Every mention of an actor, one row each, with offsets.

    Parameters
    ----------
    docs
        Any DataFrame with ``doc_id`` and the text columns in ``fields``.
    registry
        An actor table from :func:`~analysis.actor_registry` (default: the kit's registry).
    fields
        Text columns to search.
    discover
        Also find actors the registry lacks (see :mod:`analysis.actors.discovery`): people,
        organisations and places typed by titles, head nouns, the shipped places list,
        phrases, context and the shape of names. Their ids are provisional
        (``person:yerlan-karin``); list them with :func:`~analysis.unknown_actors`. A surname
        or first name alone (``Karin``) resolves to the person named in full earlier in the
        same article, from the registry or discovered.
    n_jobs
        Processes for large inputs (default: all cores; inputs under about 8 million
        characters run in one process).
    cache
        Keep each article's mentions on disk and reuse them; see
        :data:`analysis.types.CacheOption` (default: only when ``$DATELINE_CACHE`` is set).

    ``docs`` may be a Dask DataFrame: each partition is matched on the active Dask
    scheduler. With ``$DATELINE_SCHEDULER`` set, a pandas corpus is matched on that
    cluster. The table is the same either way.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, field, start, end, surface, actor_id, name, kind, sent, how, mention_id,
        parent, depth``, then ``para``: ``docs.loc[doc_id, field][start:end] == surface``;
        ``kind`` is the registry's kind (``country``, ``igo``, ``organisation``,
        ``armed_group``, ``media``, ``person``, ``place``) or ``nationality`` for a demonym or
        an ethnic or religious group (``Iraqi``, ``Kurds``: a country's demonym keeps the
        country's id); ``sent`` and ``para`` number the sentence and paragraph within the
        field (from 0); ``how`` is ``registry`` or the rule that typed a discovered actor:
        ``title``, ``head``, ``place-list``, ``phrase``, ``context``, ``name-shape`` or
        ``surname`` (in about that order of confidence). ``mention_id`` is
        ``doc_id:field:start-end``; a mention inside another (``Iraqi`` in ``Iraqi Security
        Forces``, ``Joe Biden`` in ``President Joe Biden``) has ``depth`` 1 and the outer
        mention's id in ``parent`` (missing at the top level, where ``depth`` is 0).
        Top-level mentions never overlap, and a name is never nested in a country or place
        ("South Sudan" is not also "Sudan"). Rows in table order, then by field and
        position, an outer mention before the ones inside it.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["South Sudan and Sudan met. The US and us."]})
    >>> actor_mentions(docs)["actor_id"].tolist()
    ['SSD', 'SDN', 'USA']
    >>> docs = pd.DataFrame({"doc_id": ["b"], "text": ["Iraqi Security Forces entered Mosul."]})
    >>> actor_mentions(docs)[["surface", "kind", "how", "depth"]].values.tolist()
    [['Iraqi Security Forces', 'organisation', 'head', 0], ['Iraqi', 'nationality', 'registry', 1], ['Mosul', 'place', 'place-list', 0]]
    """
    check_cache(cache)
    jobs = resolve_jobs(n_jobs)
    if registry is not None:
        check_columns(registry, "registry", REGISTRY_COLUMNS)
    # Built here, so forked workers inherit it; None stays None for the default registry,
    # which every process (a Dask worker too) builds once from the shipped file.
    table, _ = matcher_for(registry)
    if discover:
        discovery_lists()               # likewise the word lists
    load_sentence_splitter()            # and the sentence splitter (the NLTK import)
    fields = fields_of(docs, fields)
    options = {"fields": fields, "discover": bool(discover),
               "registry": frame_fingerprint(table[REGISTRY_COLUMNS])}
    work = Work("mentions", mentions_block, concat_mentions,
                args=(registry, fields, bool(discover)), cost=DISCOVERY_COST if discover else 1,
                kept=Kept(options, finish=lambda rows, row_index, position: typed_mentions(
                    in_table_order(rows, row_index, position, docs, fields))))
    return per_article(docs, fields, work, jobs=jobs, cache=cache)


def concat_mentions(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Mention tables of consecutive blocks, in order."""
    parts = [p for p in parts if len(p)] or parts[:1]
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)


def typed_mentions(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the columns of :func:`actor_mentions`, in order and typed; the ids
    rebuilt from the final ``doc_id`` (cached rows were computed under another label)."""
    table = table[MENTION_COLUMNS + ["para"]].astype(_DTYPES)
    prefix = table["doc_id"] + ":" + table["field"] + ":"
    parent = [p + str(q).rsplit(":", 1)[-1] if isinstance(q, str) else None
              for p, q in zip(prefix, table["parent"].astype(object))]
    return table.assign(
        mention_id=prefix + table["start"].astype(str) + "-" + table["end"].astype(str),
        parent=pd.Series(parent, index=table.index, dtype="str"))


def mentions_block(docs: pd.DataFrame, registry: pd.DataFrame | None, fields: list[str],
                   discover: bool) -> pd.DataFrame:
    """The mentions of one block of articles, in table order (see :func:`actor_mentions`)."""
    registry, matcher = matcher_for(registry)
    fields = [f for f in fields if f in docs.columns]
    ids = registry["actor_id"].tolist()
    names = registry["name"].tolist()
    kinds = registry["kind"].tolist()
    rank = {f: k for k, f in enumerate(fields)}
    per_doc: dict[int, list] = {}
    for pos, doc_id, field, text in iter_texts(docs, fields):
        text = blank_long_tokens(text)      # no actor inside a base64 blob; offsets kept
        found = [Found(a, b, ids[row], names[row], "nationality" if demonym else kinds[row],
                       "registry", ps, pe)
                 for a, b, row, demonym, ps, pe in matcher.find(text, nested=True)]
        if discover:
            top = [f for f in found if f.parent_start < 0]
            inner = [f for f in found if f.parent_start >= 0]
            found = find_new(text, top)
            kept = {(f.start, f.end) for f in found if f.parent_start < 0}
            found += [f for f in inner if (f.parent_start, f.parent_end) in kept]
        per_doc.setdefault(pos, []).append((doc_id, field, text, found))
    rows = []
    for pos, items in per_doc.items():
        _resolve_surnames(items)
        for doc_id, field, text, found in items:
            if not found:
                continue
            sentence_ends = [end for _, end in sentence_spans(text)]
            paragraph_starts = [m.end() for m in PARAGRAPH_RE.finditer(text)]
            prefix = f"{doc_id}:{field}:"
            for f in found:
                sent = min(bisect.bisect_right(sentence_ends, f.start),
                           max(0, len(sentence_ends) - 1))
                para = bisect.bisect_right(paragraph_starts, f.start)
                nested = f.parent_start >= 0
                parent = f"{prefix}{f.parent_start}-{f.parent_end}" if nested else None
                rows.append((pos, rank[field], f.start, int(nested), doc_id, field, f.start,
                             f.end, text[f.start:f.end], f.actor_id, f.name, f.kind, sent,
                             f.how, f"{prefix}{f.start}-{f.end}", parent, int(nested), para))
    rows.sort(key=lambda r: r[:4] + (-r[7],))
    return pd.DataFrame([r[4:] for r in rows], columns=MENTION_COLUMNS + ["para"]).astype(_DTYPES)


def _resolve_surnames(items: list) -> None:
    """Within one article: a surname or first name alone becomes the person named in full.

    ``items`` holds ``(doc_id, field, text, found)`` per field; ``found`` (a list of
    :class:`~analysis.actors.discovery.Found`) is extended and re-labelled in place. A
    full name is two or more words; its last word (the surname) and its first word (a first
    name) point to it, the first person printed winning.
    """
    people: dict[str, tuple[str, str, str]] = {}
    for _, _, _, found in items:
        for f in found:
            parts = str(f.name).split()
            if f.kind == "person" and len(parts) >= 2:
                people.setdefault(str(f.name), (f.actor_id, f.name, f.how))
    if not people:
        return
    parts_of = {}
    for full, value in people.items():
        words = full.split()
        parts_of.setdefault(words[-1], (value[0], value[1], "surname"))
        if words[0] in first_names():
            parts_of.setdefault(words[0], (value[0], value[1], "surname"))
    for full, value in people.items():
        parts_of[full] = value
    for k, (doc_id, field, text, found) in enumerate(items):
        relabelled = []
        for f in found:
            # "Mr Karin" or "Karin said" found on their own become the Karin named in full.
            if f.how != "registry" and len(str(f.name).split()) == 1 and f.name in parts_of:
                actor_id, name, how = parts_of[f.name]
                f = f._replace(actor_id=actor_id, name=name, kind="person",
                               how="title" if f.how == "title" else "surname")
            relabelled.append(f)
        # The words found never overlap each other: only the mentions already there matter.
        taken = SpanIndex((f.start, f.end) for f in relabelled if f.parent_start < 0)
        for a, b, word in _whole_words(text, parts_of):
            if not taken.overlaps(a, b):
                # a full name keeps how it was found; a part of one is "surname"
                actor_id, name, how = parts_of[word]
                relabelled.append(Found(a, b, actor_id, name, "person", how))
        relabelled.sort(key=lambda f: (f.start, f.parent_start >= 0, -f.end))
        items[k] = (doc_id, field, text, relabelled)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


def _whole_words(text: str, words) -> list[tuple[int, int, str]]:
    """Where ``words`` occur in ``text`` as whole words (no letter, digit, ``_`` or ``-``
    on either side), left to right, the longest first where two begin together, none
    overlapping: what one regular expression of the words would find, without compiling
    one per article. Few words are looked for one by one; many (an article naming
    thousands of people) through one Aho-Corasick pass, so the time stays linear."""
    hits = []
    words = list(words)
    if len(words) <= 32:
        found = ((at, word) for word in words for at in _find_all(text, word))
    else:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for word in words:
            automaton.add_word(word, word)
        automaton.make_automaton()
        found = ((end - len(word) + 1, word) for end, word in automaton.iter(text))
    for at, word in found:
        end = at + len(word)
        if (at == 0 or not _is_word_char(text[at - 1])) and \
                (end == len(text) or not _is_word_char(text[end])):
            hits.append((at, -len(word), word))
    out, reach = [], 0
    for at, minus, word in sorted(hits):
        if at >= reach:
            out.append((at, at - minus, word))
            reach = at - minus
    return out


def _find_all(text: str, word: str):
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)
