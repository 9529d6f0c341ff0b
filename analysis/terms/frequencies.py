"""How often terms occur: frequency tables and TF-IDF, overall or per group."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from .._validate import check_int
from ..types import CacheOption, Fields, NGram, Stopwords
from .counting import DEFAULT_FIELDS, count_terms, group_codes

__all__ = ["term_frequencies", "tfidf"]


def term_frequencies(
    docs: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    ngram: NGram = 1,
    stopwords: Stopwords = "english",
    extra_stopwords: Iterable[str] | None = None,
    min_count: int = 1,
    fields: Fields = DEFAULT_FIELDS,
    n_jobs: int | None = None,
    cache: CacheOption = "auto",
) -> pd.DataFrame:
    """How often each term occurs, overall or per group.

    Parameters
    ----------
    docs
        Any DataFrame with ``doc_id`` and the text columns in ``fields``.
    by
        Column name(s) to count within (``"agency"``, ``["agency", "month"]``); None for
        the whole corpus. Missing group values form their own group (labelled
        ``(unknown)`` by :func:`~analysis.with_groups`, as the report notebooks do).
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
        Keep per-article counts on disk and reuse them; see
        :data:`analysis.types.CacheOption` (default: only when ``$DATELINE_CACHE`` is set).

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
    codes, labels, by_cols = group_codes(docs, by)
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
    ngram: NGram = 1,
    stopwords: Stopwords = "english",
    extra_stopwords: Iterable[str] | None = None,
    smooth: bool = False,
    top_n: int | None = None,
    fields: Fields = DEFAULT_FIELDS,
    n_jobs: int | None = None,
    cache: CacheOption = "auto",
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
    codes, labels, _ = group_codes(docs, by)
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
