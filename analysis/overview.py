"""Corpus health and volume tables: what is in the corpus, and what is missing."""

from __future__ import annotations

from typing import Literal

import pandas as pd

from ._validate import check_choice, check_columns
from .corpus import problems

__all__ = ["corpus_summary", "articles_per_period", "filter_corpus", "with_groups",
           "prepare_corpus", "PERIODS"]

# Period names accepted by the kit, and the pandas period codes behind them.
PERIODS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}


def corpus_summary(docs: pd.DataFrame) -> pd.DataFrame:
    """Headline numbers about a loaded corpus, one row per measure.

    Columns: ``measure``, ``value`` (a string, ready to print), ``note`` (how to read it).
    Measures: articles, agencies, first and last date, articles without a date, without a
    dateline, without a title, duplicates and near duplicates (each counted once, after
    the first), words, and loading problems.

    >>> corpus_summary(load_corpus("data/sample"))             # doctest: +SKIP
    """
    check_columns(docs, "docs", ["doc_id", "text"])
    n = len(docs)
    dates = docs["date"] if "date" in docs else pd.Series(pd.NaT, index=docs.index)
    agencies = docs["agency"].dropna() if "agency" in docs else pd.Series(dtype="str")
    texts = docs["text"].fillna("").str.strip()
    duplicated = texts[texts != ""].duplicated(keep="first").sum()
    words = int(docs["n_words"].sum()) if "n_words" in docs else int(texts.str.split().str.len().sum())
    table = problems(docs)
    n_problems = len(table)
    near = int((table["problem"] == "near duplicate").sum())

    def missing(column: str) -> int:
        return int(docs[column].isna().sum()) if column in docs else n

    rows = [
        ("articles", f"{n:,}", "rows in the table, one per article"),
        ("agencies", ", ".join(sorted(agencies.unique())) or "none known",
         "credited agencies (dateline, record field or site)"),
        ("first date", _day(dates.min()), "earliest article date"),
        ("last date", _day(dates.max()), "latest article date"),
        ("without a date", f"{missing('date'):,}", "date unknown: give year= for TASS datelines"),
        ("without a dateline", f"{missing('dateline'):,}", "no dateline found at the body's start"),
        ("without a title", f"{missing('title'):,}", "no headline found"),
        ("duplicates", f"{int(duplicated):,}",
         "articles whose body repeats an earlier one's word for word (kept, and flagged "
         "in the problems table)"),
        ("near duplicates", f"{near:,}",
         "articles with an earlier one's words in the same order, differing only in case, "
         "punctuation or spacing (kept and flagged)"),
        ("words", f"{words:,}", "words in the bodies"),
        ("loading problems", f"{n_problems:,}", "rows of analysis.problems(docs)"),
    ]
    return pd.DataFrame(rows, columns=["measure", "value", "note"])


def _day(stamp) -> str:
    return "unknown" if pd.isna(stamp) else pd.Timestamp(stamp).strftime("%Y-%m-%d")


def articles_per_period(
    docs: pd.DataFrame,
    *,
    period: Literal["day", "week", "month", "quarter", "year"] = "month",
    by: str | None = "agency",
) -> pd.DataFrame:
    """Count articles per period (and per value of ``by``), in long form.

    Columns: ``period`` (the period's first day, a Timestamp), ``by`` (when given; missing
    values shown as ``"unknown"``), ``articles``. Periods with no article inside the
    corpus' date range appear with 0, so charts show gaps honestly. Undated articles are
    left out (count them with :func:`corpus_summary`).

    >>> articles_per_period(docs, period="month", by="agency")  # doctest: +SKIP
    """
    check_columns(docs, "docs", ["doc_id", "date"])
    check_choice("period", period, list(PERIODS))
    if by is not None:
        check_columns(docs, "docs", [by])
    dated = docs[docs["date"].notna()]
    columns = ["period"] + ([by] if by else []) + ["articles"]
    if dated.empty:
        return pd.DataFrame(columns=columns).astype({"articles": "int64"})
    periods = dated["date"].dt.to_period(PERIODS[period])
    full = pd.period_range(periods.min(), periods.max(), freq=PERIODS[period])
    if by is None:
        counts = periods.value_counts().reindex(full, fill_value=0)
        table = pd.DataFrame({"period": full.start_time, "articles": counts.to_numpy()})
    else:
        groups = dated[by].astype("object").where(dated[by].notna(), "unknown").astype("str")
        counts = pd.crosstab(periods, groups).reindex(full, fill_value=0)
        counts.index = full.start_time
        table = (counts.rename_axis(index="period", columns=by).stack()
                 .rename("articles").reset_index())
    table["articles"] = table["articles"].astype("int64")
    return table.sort_values(columns[:-1], kind="stable").reset_index(drop=True)[columns]


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

    :func:`load_corpus` (problems kept in the table, no warning: the overview report
    shows them), then :func:`filter_corpus` with the date and agency limits, then
    :func:`with_groups` for ``group_by``. ``year=0`` counts as no year.

    >>> docs = prepare_corpus("data/sample", group_by="quarter")   # doctest: +SKIP
    """
    from .corpus import load_corpus

    docs = load_corpus(corpus, year=year or None, errors="ignore")
    docs = filter_corpus(docs, date_from=date_from, date_to=date_to, agencies=agencies)
    return with_groups(docs, group_by) if group_by else docs
