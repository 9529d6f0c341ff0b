"""Term statistics as tidy tables: frequencies, TF-IDF, keyness, collocations, KWIC.

Every count here comes from the tokenizer of :mod:`analysis.text` and agrees with
:func:`analysis.tokenize` for the same options: a term is the ``norm`` of a token that is
neither a stopword nor punctuation, and an n-gram is ``n`` consecutive tokens of one text
field, none of them a stopword or punctuation, joined with a space.

Counting never builds the per-token table: texts are tokenized in chunks, tokens become
integer codes (``pandas.factorize``) and n-grams are counted as integer keys, on all
cores for large inputs.
"""

from __future__ import annotations

import math
import numbers
import os
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import pandas as pd

from ._gc import paused_gc
from ._validate import check_choice, check_columns, check_int
from .text import (
    NORM_TABLE,
    TOKEN_RE,
    text_fields,
    is_punct,
    check_missing,
    context_end,
    context_start,
    iter_texts,
    normalize,
    stopword_list,
)

__all__ = ["term_frequencies", "tfidf", "keyness", "collocations", "kwic", "count_terms",
           "group_keyness", "evidence_terms"]

_CHUNK_CHARS = 2_000_000          # text per task: bounded memory, enough work per process
_PARALLEL_CHARS = 8_000_000       # below this, one process is faster than starting more
_DEFAULT_FIELDS = ("title", "lede", "text")


# ---------------------------------------------------------------------------------------
# Counting engine
# ---------------------------------------------------------------------------------------


_TRAILING = frozenset(',.;:?!)"”')


def _norms(text: str) -> list[str]:
    """The norms of ``text``'s tokens, exactly as :func:`analysis.tokenize` gives them.

    Tokens never span whitespace and the pattern has no look-behind, so each
    whitespace-separated piece can be tokenized on its own; pieces made only of letters
    (most of them) are one token each, and a letters-plus-final-comma-or-period piece is
    two. Only the rest go through the regular expression: about 2.5 times faster than
    running it over the whole text, with identical output (tested).
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        # Lower-casing changed some character's length (rare): take the slow, sure path.
        return [normalize(m.group()) for m in TOKEN_RE.finditer(text)]
    out: list[str] = []
    append, extend, findall = out.append, out.extend, TOKEN_RE.findall
    for piece in lowered.translate(NORM_TABLE).split():
        if piece.isalpha():
            append(piece)
        elif piece[-1] in _TRAILING and piece[:-1].isalpha():
            append(piece[:-1])
            append(piece[-1])
        else:
            extend(findall(piece))
    return out


def _ngram_range(ngram: int | tuple[int, int]) -> tuple[int, int]:
    def whole(n) -> bool:
        return isinstance(n, numbers.Integral) and not isinstance(n, bool)

    if whole(ngram):
        lo = hi = int(ngram)
    elif isinstance(ngram, tuple) and len(ngram) == 2 and all(whole(n) for n in ngram):
        lo, hi = int(ngram[0]), int(ngram[1])
    else:
        raise TypeError(f"ngram={ngram!r} must be an int such as 2 or a (min, max) tuple such as (1, 2).")
    if not 1 <= lo <= hi <= 6:
        raise ValueError(f"ngram={ngram!r} is out of range; use sizes from 1 to 6 with min <= max.")
    return lo, hi


def _count_chunk(
    texts: list[tuple[int, int, str]], lo: int, hi: int, stops: frozenset[str],
    per_doc: bool = False,
) -> pd.DataFrame:
    """Counts for one chunk: columns group, n, term, count, doc_count.

    ``texts`` holds ``(doc number, group code, text)``; all fields of a document are in
    the same chunk, so document counts add up across chunks. With ``per_doc=True``
    (for the cache): ``article, n, term, count`` per document, ``term`` categorical, so
    each distinct n-gram is spelled out once per chunk.
    """
    # Tokens become integer codes as they are read (a dict is faster than building a
    # list of strings and factorizing it).
    vocab: dict[str, int] = {}
    code_list = array("i")          # 4 bytes a token, not a Python int object each
    append, lookup = code_list.append, vocab.get
    lengths = np.zeros(len(texts), dtype=np.int64)
    for k, (_, _, text) in enumerate(texts):
        norms = _norms(text)
        for norm in norms:
            code = lookup(norm)
            if code is None:
                code = vocab[norm] = len(vocab)
            append(code)
        lengths[k] = len(norms)
    columns = ["group", "n", "term", "count", "doc_count"]
    if not code_list:
        return _empty_doc_counts() if per_doc else pd.DataFrame(columns=columns)
    codes = np.frombuffer(code_list, dtype=np.int32)
    uniques = np.array(list(vocab), dtype=object)
    n_vocab = len(uniques)
    bad = np.fromiter((u in stops or is_punct(u) for u in uniques), dtype=bool, count=n_vocab)
    unit = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)
    doc_of_unit = np.array([t[0] for t in texts], dtype=np.int64)
    group_of_unit = np.array([t[1] for t in texts], dtype=np.int64)
    group_of_doc = np.zeros(int(doc_of_unit.max()) + 1, dtype=np.int64)
    group_of_doc[doc_of_unit] = group_of_unit
    good = ~bad[codes]

    frames = []
    vocab_parts: list[np.ndarray] = []
    offset = 0
    for n in range(lo, hi + 1):
        if len(codes) < n:
            continue
        m = len(codes) - n + 1
        ok = good[:m].copy()
        for j in range(1, n):
            ok &= good[j : j + m] & (unit[j : j + m] == unit[:m])
        positions = np.flatnonzero(ok)
        if positions.size == 0:
            continue
        # One integer key per n-gram: factorize step by step so keys stay small.
        key = codes[positions]
        parts = [key]
        for j in range(1, n):
            nxt = codes[positions + j]
            key, _ = pd.factorize(key.astype(np.int64) * n_vocab + nxt)
            parts.append(nxt)
        key = key.astype(np.int64)
        n_keys = int(key.max()) + 1
        if per_doc:
            if n == 1:          # token codes: make them dense, so every key is spelled once
                key = pd.factorize(key)[0].astype(np.int64)
                n_keys = int(key.max()) + 1
            units = unit[positions]
            values, counts = _value_counts(doc_of_unit[units] * n_keys + key)
            first = np.full(n_keys, -1, dtype=np.int64)
            first[key[::-1]] = np.arange(len(key) - 1, -1, -1)
            spelled = uniques[parts[0][first]].astype(object)
            for p in parts[1:]:
                spelled = spelled + " " + uniques[p[first]].astype(object)
            vocab_parts.append(spelled)
            frames.append(pd.DataFrame({"article": values // n_keys, "n": np.int8(n),
                                        "code": values % n_keys + offset,
                                        "count": counts.astype(np.int32)}))
            offset += n_keys
            continue
        # Counts per (group, n-gram) and documents per (group, n-gram), as int64 keys.
        units = unit[positions]
        gk = group_of_unit[units] * n_keys + key
        gk_values, gk_counts = _value_counts(gk)
        del gk
        dk = pd.unique(doc_of_unit[units] * n_keys + key)
        dk_group = group_of_doc[dk // n_keys]
        _, doc_counts = _value_counts(dk_group * n_keys + dk % n_keys, order=gk_values)
        # One example position per key to spell the n-gram back out.
        first = np.full(n_keys, -1, dtype=np.int64)
        first[key[::-1]] = np.arange(len(key) - 1, -1, -1)
        k_of = gk_values % n_keys
        where = first[k_of]
        spelled = uniques[parts[0][where]].astype(object)
        for p in parts[1:]:
            spelled = spelled + " " + uniques[p[where]].astype(object)
        table = pd.DataFrame({"group": gk_values // n_keys, "n": n, "term": spelled,
                              "count": gk_counts, "doc_count": doc_counts})
        frames.append(table)
    if per_doc:
        if not frames:
            return _empty_doc_counts()
        table = pd.concat(frames, ignore_index=True)
        vocab = pd.Index(np.concatenate(vocab_parts), dtype="str")
        term = pd.Categorical.from_codes(table.pop("code").to_numpy(), vocab)
        table.insert(2, "term", term)
        return table.astype({"article": "int64", "n": "int8", "count": "int32"})
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)


def _empty_doc_counts() -> pd.DataFrame:
    return pd.DataFrame({"article": pd.Series(dtype="int64"), "n": pd.Series(dtype="int8"),
                         "term": pd.Categorical([], categories=pd.Index([], dtype="str")),
                         "count": pd.Series(dtype="int32")})


def _value_counts(keys: np.ndarray, order: np.ndarray | None = None):
    """Distinct int64 keys and their counts (in ``order`` when given)."""
    counts = pd.Series(keys).value_counts(sort=False)
    if order is None:
        return counts.index.to_numpy(dtype=np.int64), counts.to_numpy(dtype=np.int64)
    return order, counts.reindex(order, fill_value=0).to_numpy(dtype=np.int64)


def _chunks(docs: pd.DataFrame, fields: list[str], groups: np.ndarray):
    """Lists of ``(doc number, group code, text)``, about ``_CHUNK_CHARS`` each, whole docs.

    Rows are read a block at a time, so the texts never all exist as Python strings at
    once (a corpus in pandas' Arrow-backed strings stays there).
    """
    chunk: list[tuple[int, int, str]] = []
    size = 0
    block = 2000
    for begin in range(0, len(docs), block):
        values = [docs[f].iloc[begin : begin + block].to_numpy(dtype=object) for f in fields]
        for offset, row in enumerate(zip(*values)):
            pos = begin + offset
            for field, text in zip(fields, row):
                if isinstance(text, str):
                    if text:
                        chunk.append((pos, int(groups[pos]), text))
                        size += len(text)
                elif not (text is None or text is pd.NA or (isinstance(text, float)
                                                           and text != text)):
                    # Not text and not missing: raises, naming the document.
                    check_missing(text, field, docs["doc_id"].iloc[pos])
            if size >= _CHUNK_CHARS:
                yield chunk
                chunk, size = [], 0
    if chunk:
        yield chunk


def _total_chars(docs: pd.DataFrame, fields: list[str]) -> int:
    total = 0
    for f in fields:
        lengths = docs[f].str.len() if pd.api.types.is_string_dtype(docs[f]) else \
            docs[f].map(lambda v: len(v) if isinstance(v, str) else 0)
        total += int(lengths.fillna(0).sum())
    return total


def _n_jobs(n_jobs: int | None) -> int:
    if n_jobs is None or n_jobs == -1:
        return os.cpu_count() or 1
    check_int("n_jobs", n_jobs, minimum=1, maximum=1024)
    return n_jobs


def count_terms(
    docs: pd.DataFrame,
    *,
    groups: np.ndarray | None = None,
    fields: Sequence[str] | str = _DEFAULT_FIELDS,
    ngram: int | tuple[int, int] = 1,
    stopwords: str | Iterable[str] | None = "english",
    extra_stopwords: Iterable[str] | None = None,
    n_jobs: int | None = None,
    cache: Any = "auto",
) -> pd.DataFrame:
    """Raw counts per group code: ``group, n, term, count, doc_count`` (unsorted).

    The engine behind :func:`term_frequencies`, :func:`tfidf` and :func:`keyness`;
    ``groups`` gives each row of ``docs`` an integer group code (default: all 0).
    ``docs`` may be a Dask DataFrame (counted per partition on the active scheduler);
    with ``$DATELINE_SCHEDULER`` set, a pandas corpus is counted on that cluster.
    ``cache``: see :mod:`analysis.cache` (pandas input only).
    """
    from .cache import cache_folder
    from .engine import is_dask, scheduler_client

    lo, hi = _ngram_range(ngram)
    stops = stopword_list(stopwords, extra_stopwords)
    folder = cache_folder(cache)
    jobs = _n_jobs(n_jobs)
    if is_dask(docs):
        return _count_dask(docs, groups, text_fields(docs._meta, fields), lo, hi, stops)
    fields = text_fields(docs, fields)
    if groups is None:
        groups = np.zeros(len(docs), dtype=np.int64)
    client = scheduler_client()
    if folder is not None:
        return _count_cached(docs, fields, groups, lo, hi, stops, jobs, folder, client)
    if client is not None:
        from .engine import map_blocks, row_blocks, scatter

        blocks = [(block, groups[s]) for s, block in zip(
            row_blocks(len(docs)), scatter(client, [docs.iloc[s][["doc_id", *fields]]
                                                   for s in row_blocks(len(docs))]))]
        return _combine(map_blocks(client, _count_local, blocks, fields, lo, hi, stops, 1))
    return _count_local(docs, groups, fields, lo, hi, stops, jobs)


def _count_local(docs: pd.DataFrame, groups: np.ndarray, fields: list[str], lo: int, hi: int,
                 stops: frozenset[str], jobs: int) -> pd.DataFrame:
    """:func:`count_terms` in this process (and its forked workers)."""
    chunks = _chunks(docs, fields, groups)
    total_chars = _total_chars(docs, fields)
    if jobs > 1 and total_chars >= _PARALLEL_CHARS:
        parts = _count_parallel(chunks, jobs, lo, hi, stops)
    else:
        parts = [_count_chunk(chunk, lo, hi, stops) for chunk in chunks]
    return _combine(parts)


def _combine(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Raw count tables of disjoint sets of documents, added up."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame({"group": pd.Series(dtype="int64"), "n": pd.Series(dtype="int64"),
                             "term": pd.Series(dtype="str"), "count": pd.Series(dtype="int64"),
                             "doc_count": pd.Series(dtype="int64")})
    if len(parts) == 1:
        table = parts[0]
    else:
        table = pd.concat(parts, ignore_index=True).groupby(
            ["group", "n", "term"], sort=False, as_index=False)[["count", "doc_count"]].sum()
    return table.astype({"group": "int64", "n": "int64", "term": "str", "count": "int64",
                         "doc_count": "int64"})


def _count_dask(docs, groups, fields, lo, hi, stops) -> pd.DataFrame:
    """Counts of a Dask frame: each partition counted where it lives, the partition tables
    added up on the workers (a tree of :func:`_combine`), one table sent back."""
    from .engine import map_reduce, partition_sizes

    per_part = None
    if groups is not None:
        bounds = np.concatenate([[0], np.cumsum(partition_sizes(docs))])
        per_part = [(groups[bounds[i] : bounds[i + 1]],) for i in range(len(bounds) - 1)]
    return _combine([map_reduce(docs, _count_partition, _combine, fields, lo, hi, stops,
                                per_part=per_part if per_part else None)])


def _count_partition(part: pd.DataFrame, *args) -> pd.DataFrame:
    """:func:`_count_local` of one Dask partition, in one process; ``args`` are
    ``[groups,] fields, lo, hi, stops`` (groups all 0 when not given)."""
    if len(args) == 4:
        args = (np.zeros(len(part), dtype=np.int64), *args)
    return _count_local(part, *args, 1)


def _doc_counts(docs: pd.DataFrame, fields: list[str], lo: int, hi: int,
                stops: frozenset[str], jobs: int) -> pd.DataFrame:
    """Per-document counts (``article`` = row position in ``docs``), for the cache."""
    from .cache import concat_frames

    chunks = _chunks(docs, fields, np.zeros(len(docs), dtype=np.int64))
    if jobs > 1 and _total_chars(docs, fields) >= _PARALLEL_CHARS:
        parts = _count_parallel(chunks, jobs, lo, hi, stops, per_doc=True)
    else:
        parts = [_count_chunk(chunk, lo, hi, stops, per_doc=True) for chunk in chunks]
    parts = [p for p in parts if len(p)]
    if not parts:
        return _empty_doc_counts()
    return parts[0] if len(parts) == 1 else concat_frames(parts)


def _doc_counts_block(docs, offset, fields, lo, hi, stops, jobs):
    table = _doc_counts(docs, fields, lo, hi, stops, jobs)
    return table.assign(article=table["article"] + offset)


def _count_cached(docs, fields, groups, lo, hi, stops, jobs, folder, client) -> pd.DataFrame:
    """:func:`count_terms` through the per-article cache (see :mod:`analysis.cache`)."""
    from .cache import concat_frames, article_keys, distinct, expand, fingerprint, per_article

    keys, inverse = distinct(article_keys(docs, fields))
    first = np.zeros(len(keys), dtype=np.int64)
    first[inverse[::-1]] = np.arange(len(inverse) - 1, -1, -1)

    def compute(missing: list[int]) -> pd.DataFrame:
        sub = docs.iloc[first[missing]][["doc_id", *fields]]
        if client is None or len(sub) == 0:
            return _doc_counts(sub, fields, lo, hi, stops, jobs)
        from .engine import map_blocks, row_blocks, scatter

        slices = row_blocks(len(sub))
        blocks = [(b, s.start) for s, b in zip(slices, scatter(client, [sub.iloc[s] for s in slices]))]
        parts = [p for p in map_blocks(client, _doc_counts_block, blocks, fields, lo, hi, stops, 1)
                 if len(p)]
        return concat_frames(parts) if len(parts) > 1 else (parts[0] if parts else _empty_doc_counts())

    options = {"fields": fields, "ngram": [lo, hi], "stopwords": fingerprint(sorted(stops))}
    rows = per_article(folder, "terms", options, keys, compute)
    if rows.empty:
        return _combine([])
    row_index, position = expand(rows["article"].to_numpy(dtype=np.int64), inverse)
    term = rows["term"].array
    codes = np.asarray(term.codes, dtype=np.int64)[row_index]
    vocab = np.asarray(term.categories, dtype=object)
    n_vocab = max(len(vocab), 1)
    key = groups[position].astype(np.int64) * n_vocab + codes
    factor, unique = pd.factorize(key)
    counts = np.bincount(factor, weights=rows["count"].to_numpy(dtype=np.float64)[row_index])
    n_of = np.zeros(len(unique), dtype=np.int64)
    n_of[factor] = rows["n"].to_numpy(dtype=np.int64)[row_index]
    table = pd.DataFrame({"group": unique // n_vocab, "n": n_of, "term": vocab[unique % n_vocab],
                          "count": counts.astype(np.int64),
                          "doc_count": np.bincount(factor).astype(np.int64)})
    return _combine([table])


def _count_parallel(chunks, jobs: int, lo: int, hi: int, stops: frozenset[str],
                    per_doc: bool = False) -> list:
    """:func:`_count_chunk` on worker processes, at most two chunks per worker in flight.

    Workers are forked (cheap to start) after ``gc.freeze()``, so the parent's objects
    stay in shared pages instead of being copied into every worker by its garbage
    collector; bounding the chunks in flight bounds the memory of the queue. Each worker
    keeps its freed memory for the next chunk (:func:`analysis.engine.tune_malloc`):
    fresh pages cost more here than the counting of a chunk's arrays.
    """
    import gc
    import multiprocessing
    from collections import deque

    from .engine import tune_malloc

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    parts: list = []
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                 initializer=tune_malloc) as pool:
            pending: deque = deque()
            for chunk in chunks:
                pending.append(pool.submit(_count_chunk, chunk, lo, hi, stops, per_doc))
                while len(pending) >= 2 * jobs:
                    parts.append(pending.popleft().result())
            while pending:
                parts.append(pending.popleft().result())
    finally:
        gc.unfreeze()
    return parts


def _group_codes(docs: pd.DataFrame, by: str | Sequence[str] | None) -> tuple[np.ndarray, pd.DataFrame, list[str]]:
    """Integer group per row, the groups' labels (one row per code), and the by columns.

    For a Dask frame only the ``by`` columns are computed (codes None when ``by`` is None).
    """
    from .engine import is_dask, partition_heads

    if by is None:
        codes = None if is_dask(docs) else np.zeros(len(docs), dtype=np.int64)
        return codes, pd.DataFrame(index=[0]), []
    columns = [by] if isinstance(by, str) else list(by)
    if is_dask(docs):
        check_columns(docs._meta, "docs", columns)
        docs = pd.concat(partition_heads(docs, columns), ignore_index=True)
    check_columns(docs, "docs", columns)
    codes = docs.groupby(columns, dropna=False, sort=True).ngroup().to_numpy().astype(np.int64)
    labels = docs[columns].assign(_code=codes).drop_duplicates("_code").set_index("_code") \
        .sort_index()
    return codes, labels, columns


# ---------------------------------------------------------------------------------------
# Public tables
# ---------------------------------------------------------------------------------------


def term_frequencies(
    docs: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    ngram: int | tuple[int, int] = 1,
    stopwords: str | Iterable[str] | None = "english",
    extra_stopwords: Iterable[str] | None = None,
    min_count: int = 1,
    fields: Sequence[str] | str = _DEFAULT_FIELDS,
    n_jobs: int | None = None,
    cache: Any = "auto",
) -> pd.DataFrame:
    """How often each term occurs, overall or per group.

    Parameters
    ----------
    docs
        Any DataFrame with ``doc_id`` and the text columns in ``fields``.
    by
        Column name(s) to count within (``"agency"``, ``["agency", "month"]``); None for
        the whole corpus. Missing group values form their own group.
    ngram
        Term length in tokens: ``1``, ``2``, or a range such as ``(1, 2)``.
    stopwords, extra_stopwords
        See :func:`analysis.text.stopword_list`; ``stopwords=None`` keeps all words.
    min_count
        Drop terms counted fewer times than this (within their group).
    fields
        Text columns to count.
    n_jobs
        Processes for large inputs (default: all cores).
    cache
        Keep per-article counts on disk and reuse them (see :mod:`analysis.cache`):
        ``True`` (the default folder), a folder path, ``False``/``None`` (off), or
        ``"auto"`` (default): the folder in ``$DATELINE_CACHE`` when set, else off.

    ``docs`` may also be a Dask DataFrame (``load_corpus(..., engine="dask")``): it is
    counted per partition on the active Dask scheduler, with the same result.

    Returns
    -------
    pandas.DataFrame
        ``[by columns], term, count, doc_count, share, rank``: ``count`` occurrences,
        ``doc_count`` documents containing the term, ``share`` its count over all counted
        terms of the same length in the group, ``rank`` 1 for the most frequent (ties
        ordered by term). Sorted by group, then rank.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["SCO and CSTO.", "The SCO met."]})
    >>> term_frequencies(docs)
       term  count  doc_count  share  rank
    0   sco      2          2   0.50     1
    1  csto      1          1   0.25     2
    2   met      1          1   0.25     3
    """
    check_int("min_count", min_count, minimum=1, maximum=10**12)
    codes, labels, by_cols = _group_codes(docs, by)
    raw = count_terms(docs, groups=codes, fields=fields, ngram=ngram, stopwords=stopwords,
                      extra_stopwords=extra_stopwords, n_jobs=n_jobs, cache=cache)
    totals = raw.groupby(["group", "n"])["count"].transform("sum")
    raw["share"] = raw["count"] / totals
    raw = raw[raw["count"] >= min_count]
    raw = raw.sort_values(["group", "count", "term"], ascending=[True, False, True], kind="stable")
    raw["rank"] = raw.groupby("group").cumcount() + 1
    out = raw[["group", "term", "count", "doc_count", "share", "rank"]].reset_index(drop=True)
    if by_cols:
        out = labels.reindex(out["group"]).reset_index(drop=True).join(out.drop(columns="group"))
    else:
        out = out.drop(columns="group")
    return out.astype({"term": "str", "count": "int64", "doc_count": "int64", "rank": "int64"})


def tfidf(
    docs: pd.DataFrame,
    *,
    by: str = "doc_id",
    ngram: int | tuple[int, int] = 1,
    stopwords: str | Iterable[str] | None = "english",
    extra_stopwords: Iterable[str] | None = None,
    smooth: bool = False,
    top_n: int | None = None,
    fields: Sequence[str] | str = _DEFAULT_FIELDS,
    n_jobs: int | None = None,
    cache: Any = "auto",
) -> pd.DataFrame:
    """TF-IDF of each term in each group (by default each document).

    ``tf`` is the term's count over all counted terms of its length in the group; ``idf`` is
    ``ln(G / g)`` with ``G`` groups and ``g`` groups containing the term (with
    ``smooth=True``: ``ln((1 + G) / (1 + g)) + 1``, as scikit-learn); ``tfidf = tf * idf``.
    A term found in every group has idf 0 unless smoothed. With ``by="agency"`` the
    groups are agencies: the terms that set one agency's coverage apart.

    ``docs`` may be a Dask DataFrame; ``cache`` as in :func:`term_frequencies`.

    Returns ``group, term, tf, idf, tfidf, rank`` (rank 1 = highest tfidf in the group,
    ties by term), sorted by group and rank; ``top_n`` keeps that many terms per group.
    """
    if not isinstance(by, str):
        raise TypeError(f"by={by!r} must be one column name, e.g. 'doc_id' or 'agency'.")
    check_int("top_n", top_n, minimum=1, maximum=10**9, allow_none=True)
    codes, labels, _ = _group_codes(docs, by)
    raw = count_terms(docs, groups=codes, fields=fields, ngram=ngram, stopwords=stopwords,
                      extra_stopwords=extra_stopwords, n_jobs=n_jobs, cache=cache)
    n_groups = len(labels)
    raw["tf"] = raw["count"] / raw.groupby(["group", "n"])["count"].transform("sum")
    present = raw.groupby("term")["group"].transform("nunique")
    if smooth:
        raw["idf"] = np.log((1 + n_groups) / (1 + present)) + 1
    else:
        raw["idf"] = np.log(n_groups / present)
    raw["tfidf"] = raw["tf"] * raw["idf"]
    raw = raw.sort_values(["group", "tfidf", "term"], ascending=[True, False, True], kind="stable")
    raw["rank"] = raw.groupby("group").cumcount() + 1
    if top_n is not None:
        raw = raw[raw["rank"] <= top_n]
    out = raw[["group", "term", "tf", "idf", "tfidf", "rank"]].reset_index(drop=True)
    out["group"] = labels[by].reindex(out["group"]).to_numpy()
    return out.astype({"term": "str", "rank": "int64"})


def _chi2_sf_1df(x: np.ndarray) -> np.ndarray:
    """Upper tail of the chi-squared distribution with one degree of freedom."""
    return np.array([math.erfc(math.sqrt(v / 2.0)) for v in np.asarray(x, dtype=float)])


def _g2(o_t: np.ndarray, o_r: np.ndarray, n_t: float | np.ndarray, n_r: float | np.ndarray) -> np.ndarray:
    """Rayson & Garside's two-cell log-likelihood; zero counts contribute nothing."""
    o_t = np.asarray(o_t, dtype=float)
    o_r = np.asarray(o_r, dtype=float)
    total = o_t + o_r
    e_t = n_t * total / (n_t + n_r)
    e_r = n_r * total / (n_t + n_r)
    with np.errstate(divide="ignore", invalid="ignore"):
        part_t = np.where(o_t > 0, o_t * np.log(o_t / e_t), 0.0)
        part_r = np.where(o_r > 0, o_r * np.log(o_r / e_r), 0.0)
    return 2.0 * (part_t + part_r)


def _log_ratio(o_t, o_r, n_t, n_r) -> np.ndarray:
    """Hardie's Log Ratio: log2 of the ratio of relative frequencies; zeros count as 0.5."""
    o_t = np.where(np.asarray(o_t, dtype=float) == 0, 0.5, o_t)
    o_r = np.where(np.asarray(o_r, dtype=float) == 0, 0.5, o_r)
    return np.log2((o_t / n_t) / (o_r / n_r))


def _reference_counts(reference: Any, options: dict) -> pd.Series:
    """Term counts of a background reference, indexed by (n, term)."""
    if isinstance(reference, pd.DataFrame) and {"term", "count"} <= set(reference.columns):
        counts = reference.groupby("term")["count"].sum()
        n = counts.index.to_series().str.split().str.len().to_numpy()
        counts.index = pd.MultiIndex.from_arrays([n, counts.index], names=["n", "term"])
        return counts
    if isinstance(reference, pd.DataFrame):
        return count_terms(reference, **options).groupby(["n", "term"])["count"].sum()
    raise TypeError(
        "reference must be a docs DataFrame (with doc_id and text), a term-frequency table "
        f"(with term and count columns), or a value of `by`; got {type(reference).__name__}."
    )


def keyness(
    docs: pd.DataFrame,
    *,
    by: str | None = None,
    target: Any = None,
    reference: Any = None,
    ngram: int | tuple[int, int] = 1,
    stopwords: str | Iterable[str] | None = "english",
    extra_stopwords: Iterable[str] | None = None,
    min_docs: int = 1,
    min_effect: float = 0.0,
    fields: Sequence[str] | str = _DEFAULT_FIELDS,
    n_jobs: int | None = None,
    cache: Any = "auto",
) -> pd.DataFrame:
    """Which terms a target uses more (or less) than a reference, with G2 and Log Ratio.

    Comparisons
    -----------
    - ``by="agency"`` alone: every group against all the other groups together;
    - ``by="agency", target="TASS"``: that group against all others;
    - ``by="agency", target="TASS", reference="Xinhua"`` (or a list of values): that
      group against the named group(s);
    - ``reference=`` another docs frame or a term-frequency table (``term, count``): the
      target (the group, or all of ``docs`` when ``by`` is None) against that background.

    Statistics
    ----------
    ``g2`` is the log-likelihood of Rayson & Garside (2000), as in the UCREL calculator:
    ``G2 = 2 * sum(O_i * ln(O_i / E_i))`` over target and reference, with
    ``E_i = N_i * (O_t + O_r) / (N_t + N_r)``, ``N`` the counted-term totals (of terms
    of the same length, with ``ngram=(1, 2)``), and zero counts contributing nothing. ``p_value`` is its chi-squared upper tail (1 d.f.).
    ``log_ratio`` is Hardie's effect size ``log2((O_t / N_t) / (O_r / N_r))``, with a
    zero count replaced by 0.5 so the ratio stays finite (and set to 0 in the rare case
    where that would flip its sign). Positive: over-used by the target; negative:
    under-used. A group whose texts have no counted terms gets no rows. ``*_per_10k`` are the relative frequencies per 10,000
    counted terms; ``target_docs`` the target documents containing the term.

    ``min_docs`` keeps over-used terms only when found in at least that many target
    documents (so one article cannot make a keyword); ``min_effect`` keeps terms with
    ``|log_ratio| >= min_effect``. Rows are sorted by ``g2`` (descending), then term.
    ``docs`` may be a Dask DataFrame; ``cache`` as in :func:`term_frequencies`.

    Returns ``[by], term, target_count, reference_count, target_per_10k,
    reference_per_10k, g2, p_value, log_ratio, target_docs``.
    """
    check_int("min_docs", min_docs, minimum=1, maximum=10**12)
    if not isinstance(min_effect, (int, float)) or isinstance(min_effect, bool) or \
            not min_effect >= 0:
        raise ValueError(f"min_effect={min_effect!r} must be a number >= 0, e.g. 1.0 (twice as frequent).")
    options = dict(fields=fields, ngram=ngram, stopwords=stopwords,
                   extra_stopwords=extra_stopwords, n_jobs=n_jobs, cache=cache)
    codes, labels, by_cols = _group_codes(docs, by)
    if by is None and reference is None:
        raise ValueError("keyness needs by= (to compare groups) or reference= (a background corpus).")
    if by is not None and not isinstance(by, str):
        raise TypeError(f"by={by!r} must be one column name, e.g. 'agency'.")
    if target is not None and by is None:
        raise ValueError(f"target={target!r} needs by=, the column whose value it is.")
    if by is not None and target is not None and reference is not None and \
            not isinstance(reference, pd.DataFrame) and reference == target:
        raise ValueError(f"reference={reference!r} is the target itself; choose another group "
                         "or leave reference=None to compare with all other groups.")
    raw = count_terms(docs, groups=codes, **options)
    index = ["n", "term"]
    counts = raw.pivot_table(index=index, columns="group", values="count", aggfunc="sum",
                             fill_value=0)
    doc_counts = raw.pivot_table(index=index, columns="group", values="doc_count",
                                 aggfunc="sum", fill_value=0)
    code_of = {} if by is None else {v: c for c, v in labels[by].items()}

    def codes_for(value, name) -> list[int]:
        values = value if isinstance(value, (list, tuple, set)) else [value]
        missing = [v for v in values if v not in code_of]
        if missing:
            raise ValueError(
                f"{name}={value!r}: {missing} not found in column {by!r}; it has "
                f"{sorted(map(str, code_of))}."
            )
        return [code_of[v] for v in values]

    external = reference is not None and not (
        by is not None and not isinstance(reference, pd.DataFrame))
    if external:
        ref_counts = _reference_counts(reference, options)
    if by is None:
        targets = [(None, [0], True)]
    elif target is None:
        targets = [(labels.loc[c, by], [c], False) for c in labels.index]
    else:
        label = ", ".join(map(str, target)) if isinstance(target, (list, tuple, set)) else target
        targets = [(label, codes_for(target, "target"), True)]

    frames = []
    for label, target_codes, explicit in targets:
        t_counts = counts.reindex(columns=target_codes, fill_value=0).sum(axis=1)
        t_docs = doc_counts.reindex(columns=target_codes, fill_value=0).sum(axis=1)
        if external:
            r_counts = ref_counts
        elif reference is not None:
            r_counts = counts.reindex(columns=codes_for(reference, "reference"),
                                      fill_value=0).sum(axis=1)
        else:
            others = [c for c in counts.columns if c not in target_codes]
            r_counts = counts[others].sum(axis=1) if others else t_counts * 0
        if t_counts.sum() == 0:
            if explicit:
                raise ValueError(f"The target of the comparison ({label!r}) has no counted "
                                 "terms; check by=, target= and the stopwords.")
            continue            # a group of empty or all-stopword texts has no key terms
        if r_counts.sum() == 0:
            hint = (f"only one group in column {by!r}: pass reference= (another group, a "
                    "docs frame or a term-frequency table)" if by is not None and
                    len(labels) == 1 and reference is None else "check reference=")
            raise ValueError(f"The reference of the comparison ({label!r}) has no counted "
                             f"terms; {hint}.")
        frames.append(_keyness_table(t_counts, r_counts, t_docs, min_docs, min_effect, by, label))
    columns = ([by] if by else []) + ["term", "target_count", "reference_count",
                                      "target_per_10k", "reference_per_10k", "g2", "p_value",
                                      "log_ratio", "target_docs"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def _keyness_table(t_counts: pd.Series, r_counts: pd.Series, t_docs: pd.Series,
                   min_docs: int, min_effect: float, by: str | None, label: Any) -> pd.DataFrame:
    """G2 and Log Ratio for every term; totals are per term length (n)."""
    terms = t_counts.index.union(r_counts.index)
    frame = pd.DataFrame({"o_t": t_counts.reindex(terms, fill_value=0).astype(float),
                          "o_r": r_counts.reindex(terms, fill_value=0).astype(float)},
                         index=terms)
    frame = frame[(frame["o_t"] > 0) | (frame["o_r"] > 0)]
    totals = frame.groupby(level="n").transform("sum")
    o_t, o_r = frame["o_t"].to_numpy(), frame["o_r"].to_numpy()
    n_t, n_r = totals["o_t"].to_numpy(), totals["o_r"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        rel_t = np.where(n_t > 0, o_t / n_t, 0.0)
        rel_r = np.where(n_r > 0, o_r / n_r, 0.0)
        log_ratio = _log_ratio(o_t, o_r, np.maximum(n_t, 1), np.maximum(n_r, 1))
    # Replacing a zero by 0.5 can flip the sign when a total is tiny; the sign must say
    # over- or under-use, so such a ratio is reported as 0.
    log_ratio = np.where(np.sign(log_ratio) != np.sign(rel_t - rel_r), 0.0, log_ratio)
    table = pd.DataFrame({
        "term": frame.index.get_level_values("term").astype("str"),
        "target_count": o_t.astype("int64"),
        "reference_count": o_r.astype("int64"),
        "target_per_10k": rel_t * 10_000,
        "reference_per_10k": rel_r * 10_000,
        "g2": _g2(o_t, o_r, n_t, n_r),
        "log_ratio": log_ratio,
        "target_docs": t_docs.reindex(frame.index, fill_value=0).to_numpy().astype("int64"),
    })
    table["p_value"] = _chi2_sf_1df(table["g2"].to_numpy())
    # min_docs guards keywords (over-used terms); under-used terms stay listed.
    over = table["target_per_10k"] > table["reference_per_10k"]
    table = table[~over | (table["target_docs"] >= min_docs)]
    table = table[table["log_ratio"].abs() >= min_effect]
    table = table.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    if by is not None:
        table.insert(0, by, label)
    return table


_MEASURES = {
    "llr": "likelihood_ratio",
    "pmi": "pmi",
    "chi_sq": "chi_sq",
    "t": "student_t",
    "dice": "dice",
    "jaccard": "jaccard",
    "poisson_stirling": "poisson_stirling",
    "raw_freq": "raw_freq",
}


def collocations(
    docs: pd.DataFrame,
    *,
    window: int = 2,
    measure: Literal["llr", "pmi", "chi_sq", "t", "dice", "jaccard", "poisson_stirling",
                     "raw_freq"] = "llr",
    min_count: int = 3,
    focus: Iterable[str] | str | None = None,
    stopwords: str | Iterable[str] | None = "english",
    extra_stopwords: Iterable[str] | None = None,
    top_n: int | None = None,
    fields: Sequence[str] | str = _DEFAULT_FIELDS,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Word pairs that occur together more than chance, scored with NLTK's measures.

    Pairs are found by :class:`nltk.collocations.BigramCollocationFinder` within
    ``window`` tokens (2 = adjacent words) inside each text field, on token norms;
    pairs with a stopword or punctuation are dropped after counting, and pairs seen fewer
    than ``min_count`` times are ignored. ``focus`` (a term or list of terms) keeps only
    the collocates of those terms. ``term_a`` comes before ``term_b`` in the text.

    ``n_jobs`` processes count large inputs (default: all cores).

    Returns ``term_a, term_b, count, score``, sorted by score (descending), then terms.
    """
    with paused_gc():
        return _collocations(docs, window, measure, min_count, focus, stopwords, extra_stopwords, top_n, fields, n_jobs)


def _collocations(docs, window, measure, min_count, focus, stopwords, extra_stopwords, top_n, fields, n_jobs):
    from nltk.collocations import BigramAssocMeasures

    check_choice("measure", measure, list(_MEASURES))
    check_int("window", window, minimum=2, maximum=50)
    check_int("min_count", min_count, minimum=1, maximum=10**12)
    check_int("top_n", top_n, minimum=1, maximum=10**9, allow_none=True)
    fields = text_fields(docs, fields)
    stops = stopword_list(stopwords, extra_stopwords)
    wanted = None
    if focus is not None:
        if not isinstance(focus, str) and not (
                isinstance(focus, Iterable) and all(isinstance(f, str) for f in focus)):
            raise TypeError(f"focus={focus!r} must be a term or a list of terms, e.g. ['csto'].")
        wanted = {normalize(f) for f in ([focus] if isinstance(focus, str) else focus)}
    jobs = _n_jobs(n_jobs)
    texts = [text for _, _, _, text in iter_texts(docs, fields)]
    # The counts NLTK's BigramCollocationFinder keeps (every token once in word_fd; each
    # pair of tokens less than `window` apart inside a document in ngram_fd), counted with
    # C-level Counter updates, and for focus terms only around their occurrences.
    if jobs > 1 and os.name == "posix" and sum(map(len, texts)) >= _PARALLEL_CHARS:
        word_fd, pairs = _colloc_parallel(texts, window, wanted, jobs)
    else:
        word_fd, pairs = _colloc_counts(texts, window, wanted)
    total = sum(word_fd.values())
    scorer = getattr(BigramAssocMeasures, _MEASURES[measure])
    scale = window - 1.0
    rows = []
    for (a, b), count in pairs.items():
        if count < min_count or a in stops or b in stops or is_punct(a) or is_punct(b):
            continue
        if wanted is not None and a not in wanted and b not in wanted:
            continue
        rows.append((a, b, count, scorer(count / scale, (word_fd[a], word_fd[b]), total)))
    table = pd.DataFrame(rows, columns=["term_a", "term_b", "count", "score"])
    table = table.sort_values(["score", "term_a", "term_b"], ascending=[False, True, True],
                              kind="stable").reset_index(drop=True)
    if top_n is not None:
        table = table.head(top_n)
    return table.astype({"term_a": "str", "term_b": "str", "count": "int64", "score": "float64"})


def _colloc_counts(texts: list[str], window: int, focus: set[str] | None
                   ) -> tuple[Counter, Counter]:
    """Token counts and pair counts of some texts (see :func:`collocations`)."""
    documents = [_norms(text) for text in texts]
    word_fd: Counter = Counter()
    for doc in documents:
        word_fd.update(doc)
    return word_fd, _pair_counts(documents, window, focus)


def _colloc_parallel(texts: list[str], window: int, focus: set[str] | None, jobs: int
                     ) -> tuple[Counter, Counter]:
    """:func:`_colloc_counts` on forked workers over slices of about 4 million characters;
    counts add up, so the result is the same as in one process."""
    from ._workers import fork_map

    bounds, start, size = [], 0, 0
    for i, text in enumerate(texts):
        size += len(text)
        if size >= 4_000_000:
            bounds.append((start, i + 1))
            start, size = i + 1, 0
    if start < len(texts):
        bounds.append((start, len(texts)))
    word_fd, pairs = Counter(), Counter()
    for words, found in fork_map(_colloc_chunk, (texts, window, focus), bounds, jobs):
        word_fd.update(words)
        pairs.update(found)
    return word_fd, pairs


def _colloc_chunk(shared, bounds: tuple[int, int]) -> tuple[Counter, Counter]:
    texts, window, focus = shared
    return _colloc_counts(texts[bounds[0]:bounds[1]], window, focus)


def _pair_counts(documents: list[list[str]], window: int, focus: set[str] | None) -> Counter:
    """``(a, b) -> count`` of tokens ``a`` before ``b`` less than ``window`` apart in a
    document; with ``focus``, only pairs with a focus term (each pair counted once)."""
    pairs: Counter = Counter()
    if focus is None:
        for doc in documents:
            for gap in range(1, window):
                pairs.update(zip(doc, doc[gap:]))
        return pairs
    for doc in documents:
        hits = [i for i, word in enumerate(doc) if word in focus]
        if not hits:
            continue
        n = len(doc)
        for i in hits:
            word = doc[i]
            for j in range(i + 1, min(n, i + window)):
                pairs[(word, doc[j])] += 1
            for j in range(max(0, i - window + 1), i):
                if doc[j] not in focus:        # else counted from doc[j] going forward
                    pairs[(doc[j], word)] += 1
    return pairs


_HYPHEN_CLASS = "[-\u2010\u2011]"
_APOSTROPHE_CLASS = "['\u2019]"


def _phrase_regex(pattern: str, case: bool) -> re.Pattern:
    """A phrase (``"security council"``, ``"terror*"``) as a regex matching whole tokens.

    Straight and curly apostrophes, and the Unicode hyphens, match each other, as their
    norms do; a match never starts or ends inside a hyphenated word (``soviet`` does not
    match ``Post-Soviet``, whose token is ``post-soviet``); ``*`` matches the rest of a
    word, not a possessive ``'s``.
    """
    words = pattern.split()
    if not words:
        raise ValueError(f"pattern={pattern!r} is empty; give a word or phrase such as 'CSTO'.")
    parts = []
    for word in words:
        piece = re.escape(word)
        piece = re.sub(r"\\?[-\u2010\u2011]", lambda m: _HYPHEN_CLASS, piece)
        piece = re.sub(r"\\?['\u2019]", lambda m: _APOSTROPHE_CLASS, piece)
        piece = piece.replace(r"\*", "(?:\\w|" + _HYPHEN_CLASS + "(?=\\w))*")
        piece = piece.replace(r"\?", r"\w")
        parts.append(piece)
    body = r"\s+".join(parts)
    end = rf"(?!\w)(?!{_HYPHEN_CLASS}\w)"
    return re.compile(_PHRASE_START + body + end, 0 if case else re.IGNORECASE)


_PHRASE_START = rf"(?<!\w)(?<!\w{_HYPHEN_CLASS})"
_HYPHENS = "-\u2010\u2011"


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _phrase_spans(phrase: re.Pattern, text: str):
    """The matches of a :func:`_phrase_regex`, found faster.

    A regex that starts with a lookbehind is tried at every position; without it, `re`
    jumps to the phrase's first letters. The lookbehind (not inside a word, nor after
    a word and a hyphen) is checked here instead, and a refused match is retried from
    the next position, exactly as the regex engine would.
    """
    body = _phrase_body(phrase)
    pos = 0
    search = body.search
    while True:
        m = search(text, pos)
        if m is None:
            return
        a, b = m.span()
        before = text[a - 1] if a > 0 else ""
        if before and (_is_word_char(before) or (
                before in _HYPHENS and a > 1 and _is_word_char(text[a - 2]))):
            pos = a + 1
            continue
        yield a, b
        pos = b if b > a else a + 1


@lru_cache(maxsize=256)
def _phrase_body(phrase: re.Pattern) -> re.Pattern:
    return re.compile(phrase.pattern[len(_PHRASE_START):], phrase.flags)


def kwic(
    docs: pd.DataFrame,
    pattern: str | Sequence[str],
    *,
    window: int = 8,
    regex: bool = False,
    case: bool = False,
    fields: Sequence[str] | str = _DEFAULT_FIELDS,
) -> pd.DataFrame:
    """Keyword in context: every match of ``pattern`` with ``window`` tokens each side.

    ``pattern`` is a word or phrase (``"collective security"``; ``*`` matches any word
    ending, e.g. ``"terror*"``), a list of them, or with ``regex=True`` a regular
    expression. Matching ignores case unless ``case=True``; phrases match across any
    whitespace and possessives (``Kazakhstan`` matches ``Kazakhstan’s``).

    Returns ``doc_id, field, start, end, pre, match, post``: ``start``/``end`` are
    character offsets of the match in that field (``docs.loc[doc_id, field][start:end]
    == match``), ``pre``/``post`` the surrounding words with whitespace collapsed. Rows
    follow the table's order, then position.
    """
    check_int("window", window, minimum=0, maximum=1000)
    fields = text_fields(docs, fields)
    if isinstance(pattern, str):
        patterns = [pattern]
    elif isinstance(pattern, Iterable) and all(isinstance(p, str) for p in pattern):
        patterns = list(pattern)
    else:
        raise TypeError(f"pattern={pattern!r} must be a word or phrase (str) or a list of them.")
    if not patterns:
        raise ValueError("pattern=[] is empty; give a word, phrase or list of them.")
    if regex:
        try:
            compiled = [re.compile(p, 0 if case else re.IGNORECASE) for p in patterns]
        except re.error as err:
            raise ValueError(f"pattern={pattern!r} is not a valid regular expression: {err}.") from None
    else:
        compiled = [_phrase_regex(p, case) for p in patterns]
    rows = []
    for pos, doc_id, field, text in iter_texts(docs, fields):
        if regex:
            spans = sorted({(m.start(), m.end()) for rx in compiled for m in rx.finditer(text)
                            if m.end() > m.start()})
        else:
            spans = sorted({(a, b) for rx in compiled for a, b in _phrase_spans(rx, text)
                            if b > a})
        for start, end in spans:
            pre_start = context_start(text, start, window)
            post_end = context_end(text, end, window)
            rows.append((pos, doc_id, field, start, end, " ".join(text[pre_start:start].split()),
                         text[start:end], " ".join(text[end:post_end].split())))
    field_rank = {f: k for k, f in enumerate(fields)}
    rows.sort(key=lambda r: (r[0], field_rank[r[2]], r[3]))
    table = pd.DataFrame([r[1:] for r in rows],
                         columns=["doc_id", "field", "start", "end", "pre", "match", "post"])
    return table.astype({"doc_id": "str", "field": "str", "start": "int64", "end": "int64",
                         "pre": "str", "match": "str", "post": "str"})


_KEYNESS_COLUMNS = ["term", "target_count", "reference_count", "target_per_10k",
                    "reference_per_10k", "g2", "p_value", "log_ratio", "target_docs"]


def group_keyness(docs: pd.DataFrame, by: str, **options) -> pd.DataFrame:
    """:func:`keyness` of each group of ``by`` against the others, safe for reports.

    With fewer than two groups (a report filtered to one agency, say) there is nothing to
    compare: the result is an empty table with the usual columns instead of an error.
    ``options`` go to :func:`keyness` (``min_docs``, ``min_effect``, ``extra_stopwords``...).

    >>> group_keyness(docs, "agency", min_docs=2)                 # doctest: +SKIP
    """
    check_columns(docs, "docs", [by])
    if docs[by].dropna().nunique() < 2:
        return pd.DataFrame(columns=[by, *_KEYNESS_COLUMNS])
    return keyness(docs, by=by, **options)


def evidence_terms(
    focus: Sequence[str],
    *tables: pd.DataFrame,
    per_group: int = 2,
    by: str | None = None,
) -> list[str]:
    """The terms to show keyword-in-context lines for: the focus terms, then top items.

    ``tables`` are term tables in rank order (:func:`term_frequencies`, :func:`keyness`);
    from each, the first ``per_group`` terms (per value of ``by`` when the table has that
    column; for keyness, only terms more frequent in their group). Duplicates dropped,
    order kept.

    >>> import pandas as pd
    >>> evidence_terms(["csto"], pd.DataFrame({"term": ["sco", "csto", "drills"]}))
    ['csto', 'sco']
    """
    if isinstance(focus, str) or not all(isinstance(t, str) for t in focus):
        raise TypeError(f"focus={focus!r} must be a list of terms, e.g. ['csto', 'sco'].")
    check_int("per_group", per_group, minimum=0)
    chosen = list(focus)
    for table in tables:
        check_columns(table, "table", ["term"])
        if "log_ratio" in table.columns:
            table = table[table["log_ratio"] > 0]
        if by is not None and by in table.columns:
            table = table.groupby(by, sort=False).head(per_group)
        else:
            table = table.head(per_group)
        chosen.extend(str(t) for t in table["term"])
    return list(dict.fromkeys(chosen))
