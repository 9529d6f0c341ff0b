"""Preparing a loaded corpus for analysis: filtering by date and agency, adding groups.

:func:`prepare_corpus` is how every report notebook starts: load, filter, group.
"""

from __future__ import annotations

import pandas as pd

from .._validate import check_columns
from ..types import PERIODS
from .load import load_corpus

__all__ = ["filter_corpus", "with_groups", "prepare_corpus"]


def filter_corpus(
    docs: pd.DataFrame,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    agencies: list[str] | None = None,
) -> pd.DataFrame:
    """Keep the articles within a date range (inclusive) and of the given agencies.

    Empty ``date_from``/``date_to`` or ``agencies`` mean no limit. Undated articles are kept
    unless a date limit is set. Returns a new frame; ``attrs`` (the problems) travel along.
    """
    check_columns(docs, "docs", ["doc_id"])
    keep = pd.Series(True, index=docs.index)
    for name, value, op in (("date_from", date_from, "ge"), ("date_to", date_to, "le")):
        if value:
            try:
                limit = pd.Timestamp(value)
            except ValueError:
                raise ValueError(f"{name}={value!r} is not a date; write it as 'YYYY-MM-DD'.") from None
            check_columns(docs, "docs", ["date"])
            if op == "le" and limit == limit.normalize():
                limit = limit + pd.Timedelta(days=1) - pd.Timedelta(1, unit="ns")
            keep &= getattr(docs["date"], op)(limit).fillna(False)
    if agencies:
        if isinstance(agencies, str):
            agencies = [agencies]
        check_columns(docs, "docs", ["agency"])
        known = set(docs["agency"].dropna())
        unknown = [a for a in agencies if a not in known]
        if unknown and not known & set(agencies):
            raise ValueError(
                f"agencies={agencies!r}: none of these is in the corpus; it has "
                f"{sorted(known)}."
            )
        keep &= docs["agency"].isin(agencies)
    result = docs[keep].copy()
    result.attrs = dict(docs.attrs)
    return result


def with_groups(docs: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """Make sure ``docs`` has a column named ``group_by`` to compare groups by.

    ``group_by`` is a column of ``docs`` (``"agency"``, ``"place"``, a record field), or
    a period name when no such column exists: ``day``, ``week``, ``month``, ``quarter``
    or ``year``. A period adds that column as text labels (``2025-05``, ``2025Q2``,
    ``2025``; a week is labelled by its Monday; ``undated`` for articles without a date,
    which so stay visible as a group of their own), so
    ``term_frequencies(docs, by="month")`` or ``keyness(docs, by="quarter")`` compare
    periods. Returns a new frame (the problems in ``attrs`` travel along).

    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"],
    ...                      "date": pd.to_datetime(["2025-01-31", "2025-04-01"])})
    >>> with_groups(docs, "quarter")["quarter"].tolist()
    ['2025Q1', '2025Q2']
    """
    check_columns(docs, "docs", ["doc_id"])
    if not isinstance(group_by, str) or not group_by:
        raise TypeError(f"group_by={group_by!r} must be a column name such as 'agency' or a "
                        f"period: {', '.join(PERIODS)}.")
    if group_by in docs.columns:
        return docs
    if group_by not in PERIODS:
        raise ValueError(
            f"group_by={group_by!r} is neither a column of docs nor a period; use a column "
            f"({', '.join(map(str, docs.columns[:12]))}) or one of {', '.join(PERIODS)}."
        )
    check_columns(docs, "docs", ["date"])
    dates = docs["date"]
    if group_by == "week":
        labels = dates.dt.to_period("W").dt.start_time.dt.strftime("%Y-%m-%d")
    else:
        labels = dates.dt.to_period(PERIODS[group_by]).astype("str")
    result = docs.assign(**{group_by: labels.where(dates.notna(), "undated").astype("str")})
    result.attrs = dict(docs.attrs)
    return result


def prepare_corpus(
    corpus,
    *,
    year: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    agencies: list[str] | None = None,
    group_by: str | None = None,
) -> pd.DataFrame:
    """Load, filter and group a corpus the way every report notebook starts.

    :func:`~analysis.load_corpus` (problems kept in the table, no warning: the overview report
    shows them), then :func:`filter_corpus` with the date and agency limits, then
    :func:`with_groups` for ``group_by``. ``year=0`` counts as no year.

    >>> docs = prepare_corpus("data/sample", group_by="quarter")   # doctest: +SKIP
    """
    docs = load_corpus(corpus, year=year or None, errors="ignore")
    docs = filter_corpus(docs, date_from=date_from, date_to=date_to, agencies=agencies)
    return with_groups(docs, group_by) if group_by else docs
