"""Every mention of an actor, with offsets: registry matches plus discovered actors."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import pandas as pd

from .._run import (Kept, Work, check_cache, fields_of, in_table_order, paused_gc, per_article,
                    resolve_jobs)
from .._validate import check_columns
from ..cache import frame_fingerprint
from ..text import PARAGRAPH_RE, iter_texts, sentence_spans
from ..types import CacheOption, Fields
from .discovery import discover as find_new
from .discovery import slug
from .matching import matcher_for
from .registry import REGISTRY_COLUMNS

__all__ = ["actor_mentions", "MENTION_COLUMNS"]

MENTION_COLUMNS = ["doc_id", "field", "start", "end", "surface", "actor_id", "name", "kind",
                   "sent", "how"]
_DTYPES = {"doc_id": "str", "field": "str", "start": "int64", "end": "int64", "surface": "str",
           "actor_id": "str", "name": "str", "kind": "str", "sent": "int64", "how": "str",
           "para": "int64"}


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
        Also find actors the registry lacks (see :mod:`analysis.actors.discovery`): people
        introduced by a title or role, acronyms with their expansion, named organisations
        and places. Their ids are provisional (``person:yerlan-karin``); list them with
        :func:`~analysis.unknown_actors`. A surname alone (``Karin``) resolves to the person named
        in full earlier in the same article, from the registry or discovered.
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
        ``doc_id, field, start, end, surface, actor_id, name, kind, sent, how``, then
        ``para``: ``docs.loc[doc_id, field][start:end] == surface``; ``sent`` and ``para``
        number the sentence and paragraph within the field (from 0); ``how`` is
        ``"registry"`` or ``"discovered"``. Mentions never overlap. Rows in table order,
        then by field and position.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["South Sudan and Sudan met. The US and us."]})
    >>> actor_mentions(docs)["actor_id"].tolist()
    ['SSD', 'SDN', 'USA']
    """
    check_cache(cache)
    jobs = resolve_jobs(n_jobs)
    if registry is not None:
        check_columns(registry, "registry", REGISTRY_COLUMNS)
    # Built here, so forked workers inherit it; None stays None for the default registry,
    # which every process (a Dask worker too) builds once from the shipped file.
    table, _ = matcher_for(registry)
    fields = fields_of(docs, fields)
    options = {"fields": fields, "discover": bool(discover),
               "registry": frame_fingerprint(table[REGISTRY_COLUMNS])}
    work = Work("mentions", mentions_block, concat_mentions,
                args=(registry, fields, bool(discover)),
                kept=Kept(options, finish=lambda rows, row_index, position: typed_mentions(
                    in_table_order(rows, row_index, position, docs, fields))))
    return per_article(docs, fields, work, jobs=jobs, cache=cache)


def concat_mentions(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Mention tables of consecutive blocks, in order."""
    parts = [p for p in parts if len(p)] or parts[:1]
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)


def typed_mentions(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the columns of :func:`actor_mentions`, in order and typed."""
    return table[MENTION_COLUMNS + ["para"]].astype(_DTYPES)


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
        found = [(start, end, ids[row], names[row], kinds[row], "registry")
                 for start, end, row in matcher.find(text)]
        if discover:
            taken = [(a, b) for a, b, *_ in found]
            new = [(a, b, i, n, k, "discovered") for a, b, i, n, k in find_new(text, taken)]
            found = _absorb_prefixes(sorted(found + new), text)
        per_doc.setdefault(pos, []).append((doc_id, field, text, found))
    rows = []
    for pos, items in per_doc.items():
        _resolve_surnames(items)
        for doc_id, field, text, found in items:
            if not found:
                continue
            sentence_ends = [end for _, end in sentence_spans(text)]
            paragraph_starts = [m.end() for m in PARAGRAPH_RE.finditer(text)]
            for start, end, actor_id, name, kind, how in found:
                sent = min(bisect.bisect_right(sentence_ends, start),
                           max(0, len(sentence_ends) - 1))
                para = bisect.bisect_right(paragraph_starts, start)
                rows.append((pos, rank[field], doc_id, field, start, end, text[start:end],
                             actor_id, name, kind, sent, how, para))
    rows.sort(key=lambda r: (r[0], r[1], r[4]))
    return pd.DataFrame([r[2:] for r in rows], columns=MENTION_COLUMNS + ["para"]).astype(_DTYPES)


def _absorb_prefixes(found: list, text: str) -> list:
    """"Russian Foreign Ministry", "US State Department", "BRICS Media Forum": a country or
    bloc printed right before a discovered organisation is part of its name."""
    out: list = []
    for item in found:
        start, end, actor_id, name, kind, how = item
        if out and how == "discovered" and kind == "organisation":
            p_start, p_end, _, _, p_kind, p_how = out[-1]
            if p_how == "registry" and p_kind in ("country", "igo") and \
                    text[p_end:start] == " " and not text[p_start:p_end].endswith(("'s", "’s")):
                full = text[p_start:end]
                out[-1] = (p_start, end, f"org:{slug(full)}", full, kind, how)
                continue
        out.append(item)
    return out


def _resolve_surnames(items: list) -> None:
    """Within one article: a surname alone becomes the person named in full.

    ``items`` holds ``(doc_id, field, text, found)`` per field; ``found`` is extended and
    re-labelled in place.
    """
    people: dict[str, tuple[str, str, str]] = {}
    for _, _, _, found in items:
        for _, _, actor_id, name, kind, how in found:
            parts = str(name).split()
            if kind == "person" and len(parts) >= 2:
                people.setdefault(str(name), (actor_id, name, how))
                people.setdefault(parts[-1], (actor_id, name, how))
    if not people:
        return
    # Full names first, so "Yuri Danilin" is one mention, not "Yuri" and "Danilin".
    alternatives = sorted(people, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w\-])(" + "|".join(map(re.escape, alternatives)) +
                         r")(?![\w\-])")
    for k, (doc_id, field, text, found) in enumerate(items):
        relabelled = []
        for start, end, actor_id, name, kind, how in found:
            # "Mr Karin" discovered on its own becomes the Karin named in full.
            if kind == "person" and len(str(name).split()) == 1 and name in people:
                actor_id, name, how = people[name]
            relabelled.append((start, end, actor_id, name, kind, how))
        taken = [(a, b) for a, b, *_ in relabelled]
        for match in pattern.finditer(text):
            a, b = match.span()
            if all(b <= x or a >= y for x, y in taken):
                actor_id, name, how = people[match.group()]
                relabelled.append((a, b, actor_id, name, "person", how))
                taken.append((a, b))
        relabelled.sort()
        items[k] = (doc_id, field, text, relabelled)
