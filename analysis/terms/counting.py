"""The counting engine behind term frequencies, TF-IDF and keyness.

Every count here comes from the tokenizer of :mod:`analysis.text` and agrees with
:func:`analysis.tokenize` for the same options: a term is the ``norm`` of a token that is
neither a stopword nor punctuation, and an n-gram is ``n`` consecutive tokens of one text
field, none of them a stopword or punctuation, joined with a space.

Counting never builds the per-token table: texts are tokenized in chunks, tokens become
integer codes (``pandas.factorize``) and n-grams are counted as integer keys. Where the
blocks of articles are counted (here, forked workers, a Dask cluster) and how the
per-article cache wraps them is :mod:`analysis._run`'s business: :func:`count_terms`
describes the work once.
"""

from __future__ import annotations

import numbers
from array import array
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from .._run import Kept, Work, check_cache, columns_of, fields_of, per_article, resolve_jobs
from ..cache import concat_frames, fingerprint
from ..text import NORM_TABLE, TOKEN_RE, check_missing, is_punct, normalize, stopword_list
from ..types import CacheOption, Fields, NGram, Stopwords

__all__ = ["count_terms", "count_block", "combine_counts", "group_codes", "ngram_range",
           "DEFAULT_FIELDS"]

_CHUNK_CHARS = 2_000_000          # text tokenized at a time: bounded memory
DEFAULT_FIELDS = ("title", "lede", "text")

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


def ngram_range(ngram: int | tuple[int, int]) -> tuple[int, int]:
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




def count_terms(
    docs: pd.DataFrame,
    *,
    groups: np.ndarray | None = None,
    fields: Fields = DEFAULT_FIELDS,
    ngram: NGram = 1,
    stopwords: Stopwords = "english",
    extra_stopwords: Iterable[str] | None = None,
    n_jobs: int | None = None,
    cache: CacheOption = "auto",
) -> pd.DataFrame:
    """Raw counts per group code: ``group, n, term, count, doc_count`` (unsorted).

    The engine behind :func:`~analysis.term_frequencies`, :func:`~analysis.tfidf` and :func:`~analysis.keyness`;
    ``groups`` gives each row of ``docs`` an integer group code (default: all 0).
    ``docs`` may be a Dask DataFrame (counted per partition on the active scheduler);
    with ``$DATELINE_SCHEDULER`` set, a pandas corpus is counted on that cluster.
    ``cache``: per-article counts kept on disk (pandas input only); see
    :data:`analysis.types.CacheOption`.
    """
    lo, hi = ngram_range(ngram)
    stops = stopword_list(stopwords, extra_stopwords)
    check_cache(cache)
    jobs = resolve_jobs(n_jobs)
    fields = fields_of(docs, fields)
    options = {"fields": fields, "ngram": [lo, hi], "stopwords": fingerprint(sorted(stops))}
    work = Work(
        "terms", count_block, combine_counts, args=(fields, lo, hi, stops),
        extra=None if groups is None else (lambda block: {"groups": groups[block.rows]}),
        kept=Kept(options, func=doc_counts_block, combine=_concat_doc_counts,
                  finish=lambda rows, row_index, position: _counts_by_group(
                      rows, row_index, position, groups)),
        extra_needs_ids=False,
    )
    return per_article(docs, fields, work, jobs=jobs, cache=cache)


def count_block(docs: pd.DataFrame, fields: list[str], lo: int, hi: int,
                stops: frozenset[str], groups: np.ndarray | None = None) -> pd.DataFrame:
    """Counts of one block of articles, per group code (all 0 without ``groups``)."""
    if groups is None:
        groups = np.zeros(len(docs), dtype=np.int64)
    return combine_counts([_count_chunk(chunk, lo, hi, stops)
                           for chunk in _chunks(docs, fields, groups)])


def combine_counts(parts: list[pd.DataFrame]) -> pd.DataFrame:
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




def doc_counts_block(docs: pd.DataFrame, fields: list[str], lo: int, hi: int,
                     stops: frozenset[str], groups: np.ndarray | None = None) -> pd.DataFrame:
    """Per-article counts of one block, for the cache: ``article, n, term, count`` with
    ``article`` the block's ``doc_id`` read as a number (``groups`` is not needed)."""
    parts = [p for p in (_count_chunk(chunk, lo, hi, stops, per_doc=True) for chunk in
                         _chunks(docs, fields, np.zeros(len(docs), dtype=np.int64))) if len(p)]
    table = _concat_doc_counts(parts)
    numbers = docs["doc_id"].astype("int64").to_numpy()
    return table.assign(article=numbers[table["article"].to_numpy(dtype=np.int64)])


def _concat_doc_counts(parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if len(p)]
    if not parts:
        return _empty_doc_counts()
    return parts[0] if len(parts) == 1 else concat_frames(parts)


def _counts_by_group(rows: pd.DataFrame, row_index: np.ndarray, position: np.ndarray,
                     groups: np.ndarray | None) -> pd.DataFrame:
    """The cached per-article counts added up per group code, as :func:`count_terms`."""
    if rows.empty:
        return combine_counts([])
    term = rows["term"].array
    codes = np.asarray(term.codes, dtype=np.int64)[row_index]
    vocab = np.asarray(term.categories, dtype=object)
    n_vocab = max(len(vocab), 1)
    group_of = np.zeros(int(position.max()) + 1 if len(position) else 0, dtype=np.int64) \
        if groups is None else groups
    key = group_of[position].astype(np.int64) * n_vocab + codes
    factor, unique = pd.factorize(key)
    counts = np.bincount(factor, weights=rows["count"].to_numpy(dtype=np.float64)[row_index])
    n_of = np.zeros(len(unique), dtype=np.int64)
    n_of[factor] = rows["n"].to_numpy(dtype=np.int64)[row_index]
    table = pd.DataFrame({"group": unique // n_vocab, "n": n_of, "term": vocab[unique % n_vocab],
                          "count": counts.astype(np.int64),
                          "doc_count": np.bincount(factor).astype(np.int64)})
    return combine_counts([table])


def group_codes(docs: pd.DataFrame, by: str | Sequence[str] | None) -> tuple[np.ndarray, pd.DataFrame, list[str]]:
    """Integer group per row, the groups' labels (one row per code), and the by columns.

    Without ``by``, codes are None (one group, 0); for a Dask frame only the ``by`` columns
    are computed.
    """
    if by is None:
        return None, pd.DataFrame(index=[0]), []
    columns = [by] if isinstance(by, str) else list(by)
    frame = columns_of(docs, "docs", columns)
    codes = frame.groupby(columns, dropna=False, sort=True).ngroup().to_numpy().astype(np.int64)
    labels = frame.assign(_code=codes).drop_duplicates("_code").set_index("_code") \
        .sort_index()
    return codes, labels, columns
