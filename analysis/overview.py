"""Corpus health and volume tables: what is in the corpus, what is missing, and how the
articles fall into the groups a report compares."""

from __future__ import annotations

from typing import Literal

import pandas as pd

from ._validate import check_choice, check_columns, check_int
from .corpus import problems, with_groups
from .types import PERIODS, UNKNOWN_GROUP, Period

__all__ = ["corpus_summary", "articles_per_period", "summary_line", "group_sizes", "group_note"]


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
    agencies = _agencies(docs)
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
        ("agencies", ", ".join(agencies) or "none known",
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


def _agencies(docs: pd.DataFrame) -> list[str]:
    """The credited agencies, sorted (no agency and ``(unknown)`` left out)."""
    if "agency" not in docs:
        return []
    names = docs["agency"].dropna().astype(str).str.strip()
    return sorted(set(names[(names != "") & (names != UNKNOWN_GROUP)]))


def _day(stamp) -> str:
    return "unknown" if pd.isna(stamp) else pd.Timestamp(stamp).strftime("%Y-%m-%d")


def articles_per_period(
    docs: pd.DataFrame,
    *,
    period: Period = "month",
    by: str | None = "agency",
) -> pd.DataFrame:
    """Count articles per period (and per value of ``by``), in long form.

    Columns: ``period`` (the period's first day, a Timestamp), ``by`` (when given; missing
    values shown as ``"(unknown)"``), ``articles``. Periods with no article inside the
    corpus' date range appear with 0, so charts show gaps honestly. Undated articles are
    left out (count them with :func:`corpus_summary`).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "agency": ["TASS", "TASS", "AP"],
    ...                      "date": pd.to_datetime(["2025-01-05", "2025-03-01", "2025-01-09"])})
    >>> articles_per_period(docs, by=None)
          period  articles
    0 2025-01-01         2
    1 2025-02-01         0
    2 2025-03-01         1
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
        groups = dated[by].astype("object").where(dated[by].notna(), UNKNOWN_GROUP).astype("str")
        counts = pd.crosstab(periods, groups).reindex(full, fill_value=0)
        counts.index = full.start_time
        table = (counts.rename_axis(index="period", columns=by).stack()
                 .rename("articles").reset_index())
    table["articles"] = table["articles"].astype("int64")
    return table.sort_values(columns[:-1], kind="stable").reset_index(drop=True)[columns]


def summary_line(docs: pd.DataFrame, *, form: Literal["sentence", "source"] = "sentence") -> str:
    """The corpus in one line: how many articles, from which agencies, over which dates.

    ``form="sentence"`` is the line under each report's title (see
    :func:`analysis.describe_corpus`): the number of agencies and up to eight of their
    names, and how many articles are undated. ``form="source"`` is the source line under
    each chart: up to six agency names, no count of undated articles. Agency names come
    from the data as they are (not escaped).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "agency": ["TASS", "AP", None],
    ...                      "date": pd.to_datetime(["2025-01-05", "2025-03-01", None])})
    >>> summary_line(docs)
    '3 articles from 2 agencies (AP, TASS), 2025-01-05 to 2025-03-01 (1 undated)'
    >>> summary_line(docs, form="source")
    'Source: 3 articles; AP, TASS; 2025-01-05 to 2025-03-01'
    """
    check_choice("form", form, ["sentence", "source"])
    n = len(docs)
    articles = f"{n:,} article{'s' if n != 1 else ''}"
    agencies = _agencies(docs)
    most = 8 if form == "sentence" else 6
    shown = ", ".join(agencies[:most]) + (
        f" and {len(agencies) - most} more" if len(agencies) > most else "")
    dated = "date" in docs and docs["date"].notna().any()
    span = f"{docs['date'].min():%Y-%m-%d} to {docs['date'].max():%Y-%m-%d}" if dated else ""
    if form == "source":
        return "Source: " + "; ".join([articles] + [p for p in (shown, span) if p])
    text = articles
    if agencies:
        text += f" from {len(agencies):,} agenc{'ies' if len(agencies) != 1 else 'y'} ({shown})"
    if dated:
        text += f", {span}"
        undated = int(docs["date"].isna().sum())
        if undated:
            text += f" ({undated:,} undated)"
    return text


def group_sizes(docs: pd.DataFrame, by: str) -> pd.DataFrame:
    """Articles per group of ``by``: every article in exactly one group.

    ``by`` is a column or a period, as for :func:`~analysis.with_groups` (missing values
    are the group ``(unknown)``, undated articles the group ``undated``), so the
    ``articles`` add up to the number of articles. Columns: ``by``, ``articles``,
    ``share`` (of all articles). Largest group first, ties by name.

    >>> docs = pd.DataFrame({"doc_id": list("abcd"), "agency": ["TASS", "TASS", None, "AP"]})
    >>> group_sizes(docs, "agency")
          agency  articles  share
    0       TASS         2   0.50
    1  (unknown)         1   0.25
    2         AP         1   0.25
    """
    labels = with_groups(docs, by)[by].astype("str")
    table = labels.value_counts(sort=False).rename("articles").rename_axis(by).reset_index()
    table = table.sort_values(["articles", by], ascending=[False, True], kind="stable")
    table["share"] = table["articles"] / max(len(docs), 1)
    return table.reset_index(drop=True).astype({by: "str", "articles": "int64"})


def group_note(docs: pd.DataFrame, by: str, *, min_docs: int = 1, most: int = 20) -> str:
    """One sentence saying how the articles fall into the groups of ``by``, for the pages
    that compare groups: how many groups of what size, how many articles have no value
    (the group ``(unknown)``, or ``undated`` for a period), and which groups have fewer
    than ``min_docs`` articles, too small to compare (up to ``most`` of them named).

    >>> docs = pd.DataFrame({"doc_id": list("abcdefgh"),
    ...                      "agency": ["TASS"] * 3 + ["AFP", "Xinhua", "Xinhua", None, None]})
    >>> group_note(docs, "agency", min_docs=3)
    'Grouped by agency: 3 groups of 1 to 3 articles, and (unknown) for the 2 articles with no agency; every article is in one group. Too small to compare (fewer than 3 articles): (unknown) (2), AFP (1), Xinhua (2).'
    """
    check_int("min_docs", min_docs, minimum=1, maximum=10**12)
    check_int("most", most, minimum=1, maximum=10**6)
    table = group_sizes(docs, by)
    if table.empty:
        return f"No articles to group by {by}."
    missing_label = "undated" if by in PERIODS and by not in docs.columns else UNKNOWN_GROUP
    unknown = table[by] == missing_label
    known = table[~unknown]
    n_unknown = int(table.loc[unknown, "articles"].sum())
    text = f"Grouped by {by}: {_groups(known['articles'])}"
    if n_unknown:
        what = "undated articles" if missing_label == "undated" else f"articles with no {by}"
        text += (f"{', and' if len(known) else ''} {missing_label} for the {n_unknown:,} "
                 f"{what if n_unknown != 1 else what.replace('articles', 'article', 1)}")
    text += "; every article is in one group." if len(table) > 1 else \
        "; there is no other group to compare it with."
    small = table[table["articles"] < min_docs].sort_values(by, kind="stable")
    if len(small) and len(table) > 1:
        named = ", ".join(f"{g} ({n:,})" for g, n in zip(small[by].head(most), small["articles"]))
        more = f" and {len(small) - most:,} more" if len(small) > most else ""
        text += (f" Too small to compare (fewer than {min_docs:,} articles): "
                 f"{named}{more}.")
    return text


def _groups(sizes: pd.Series) -> str:
    """'3 groups of 1 to 3 articles', '1 group of 18 articles', 'no group'."""
    if sizes.empty:
        return "no named group"
    k, low, high = len(sizes), int(sizes.min()), int(sizes.max())
    span = f"{low:,}" if low == high else f"{low:,} to {high:,}"
    return f"{k:,} group{'s' if k != 1 else ''} of {span} article{'s' if high != 1 else ''}"
