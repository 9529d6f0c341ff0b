"""Which terms set a group apart: G2 log-likelihood and Log Ratio keyness."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from .._run import columns_of
from .._validate import check_columns, check_int
from ..types import UNKNOWN_GROUP, CacheOption, Fields, NGram, Stopwords
from .counting import DEFAULT_FIELDS, count_terms, group_codes

__all__ = ["keyness", "group_keyness"]


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
    ngram: NGram = 1,
    stopwords: Stopwords = "english",
    extra_stopwords: Iterable[str] | None = None,
    min_docs: int = 1,
    min_effect: float = 0.0,
    fields: Fields = DEFAULT_FIELDS,
    n_jobs: int | None = None,
    cache: CacheOption = "auto",
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
    ``docs`` may be a Dask DataFrame; ``cache`` as in :func:`~analysis.term_frequencies`.

    Returns ``[by], term, target_count, reference_count, target_per_10k,
    reference_per_10k, g2, p_value, log_ratio, target_docs``.
    """
    check_int("min_docs", min_docs, minimum=1, maximum=10**12)
    if not isinstance(min_effect, (int, float)) or isinstance(min_effect, bool) or \
            not min_effect >= 0:
        raise ValueError(f"min_effect={min_effect!r} must be a number >= 0, e.g. 1.0 (twice as frequent).")
    options = dict(fields=fields, ngram=ngram, stopwords=stopwords,
                   extra_stopwords=extra_stopwords, n_jobs=n_jobs, cache=cache)
    codes, labels, by_cols = group_codes(docs, by)
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




_KEYNESS_COLUMNS = ["term", "target_count", "reference_count", "target_per_10k",
                    "reference_per_10k", "g2", "p_value", "log_ratio", "target_docs"]


def group_keyness(docs: pd.DataFrame, by: str, **options) -> pd.DataFrame:
    """:func:`keyness` of each group of ``by`` against the others, safe for reports.

    With fewer than two groups (a report filtered to one agency, say) there is nothing to
    compare: the result is an empty table with the usual columns instead of an error.
    ``options`` go to :func:`keyness` (``min_docs``, ``min_effect``, ``extra_stopwords``...).

    A group of fewer than ``min_docs`` articles cannot have a key term of its own (a key
    term must be in ``min_docs`` of its articles), so it is not compared: it gets no rows,
    its articles stay in the reference of every other group, and it is named with its
    number of articles in ``result.attrs["too_small"]`` (``{group: articles}``, by name;
    a missing value as ``(unknown)``). :func:`~analysis.describe_groups` says the same on
    a report page. Missing values of ``by`` form a group of their own; give
    :func:`~analysis.with_groups`'s frame to have it labelled ``(unknown)``.

    >>> docs = pd.DataFrame({"doc_id": list("abcde"), "agency": ["TASS"] * 3 + ["AP", "AFP"],
    ...     "text": ["drills drills", "drills", "drills", "trade talks", "trade deal"]})
    >>> keys = group_keyness(docs, "agency", min_docs=2)
    >>> sorted(set(keys["agency"])), keys.attrs["too_small"]
    (['TASS'], {'AFP': 1, 'AP': 1})
    """
    check_columns(docs, "docs", [by])
    check_int("min_docs", options.get("min_docs", 1), minimum=1, maximum=10**12)
    groups = columns_of(docs, "docs", [by])[by]
    sizes = groups.value_counts(dropna=False, sort=False)
    small = [label for label, n in sizes.items() if n < options.get("min_docs", 1)]
    too_small = dict(sorted(
        (UNKNOWN_GROUP if pd.isna(label) else str(label), int(sizes[label])) for label in small))
    if len(sizes) < 2:
        result = pd.DataFrame(columns=[by, *_KEYNESS_COLUMNS])
    else:
        result = keyness(docs, by=by, **options)
        result = result[~result[by].isin(small)].reset_index(drop=True)
    result.attrs = {"too_small": too_small if len(sizes) >= 2 else {}}
    return result
