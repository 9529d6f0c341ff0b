"""Preparing a loaded corpus for analysis: filtering by date and agency, adding groups.

:func:`prepare_corpus` is how every report notebook starts: load, filter, group. This is
the one home of the grouping rules: which column a report compares by default
(:func:`default_group_by`), and that an article whose group is missing stays in, as the
group :data:`UNKNOWN_GROUP` (:func:`with_groups`).
"""

from __future__ import annotations

import pandas as pd

from .._validate import check_columns
from ..types import PERIODS, UNKNOWN_GROUP
from .load import load_corpus

__all__ = ["filter_corpus", "with_groups", "group_column", "default_group_by", "prepare_corpus",
           "UNKNOWN_GROUP"]


def filter_corpus(
    docs: pd.DataFrame,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    agencies: list[str] | None = None,
) -> pd.DataFrame:
    """Keep the articles within a date range (inclusive) and of the given agencies.

    Empty ``date_from``/``date_to`` or ``agencies`` mean no limit. Undated articles are kept
    unless a date limit is set; the articles credited to no agency are kept by naming
    ``"(unknown)"`` (:data:`UNKNOWN_GROUP`) among the ``agencies``. Returns a new frame;
    ``attrs`` (the problems) travel along.

    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "agency": ["TASS", None, "AP"]})
    >>> filter_corpus(docs, agencies=["TASS", "(unknown)"])["doc_id"].tolist()
    ['a', 'b']
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
        credited = _known_or_unknown(docs["agency"])
        known = set(credited.dropna())
        unknown = [a for a in agencies if a not in known]
        if unknown and not known & set(agencies):
            raise ValueError(
                f"agencies={agencies!r}: none of these is in the corpus; it has "
                f"{sorted(map(str, known))}."
            )
        keep &= credited.isin(agencies)
    result = docs[keep].copy()
    result.attrs = dict(docs.attrs)
    return result


def with_groups(docs: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """Make sure ``docs`` has a column named ``group_by`` to compare groups by, with no
    article left out.

    ``group_by`` is a column of ``docs`` (``"agency"``, ``"outlet"``, ``"place"``, a record
    field), or a period name when no such column exists: ``day``, ``week``, ``month``,
    ``quarter`` or ``year``. A missing or empty value of the column becomes the group
    :data:`UNKNOWN_GROUP` (``"(unknown)"``), so the articles without an agency (say) stay in
    every by-group table and chart as a visible group instead of dropping out. A period
    adds that column as text labels (``2025-05``, ``2025Q2``, ``2025``; a week is labelled
    by its Monday; ``undated`` for articles without a date, which so stay visible as a
    group of their own), so ``term_frequencies(docs, by="month")`` or
    ``keyness(docs, by="quarter")`` compare periods. The column's name is kept in
    ``docs.attrs["group_by"]`` (read it with :func:`group_column`). Returns a new frame
    (the problems in ``attrs`` travel along).

    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "agency": ["TASS", None, " "],
    ...                      "date": pd.to_datetime(["2025-01-31", "2025-04-01", None])})
    >>> with_groups(docs, "quarter")["quarter"].tolist()
    ['2025Q1', '2025Q2', 'undated']
    >>> with_groups(docs, "agency")["agency"].tolist()
    ['TASS', '(unknown)', '(unknown)']
    """
    check_columns(docs, "docs", ["doc_id"])
    if not isinstance(group_by, str) or not group_by:
        raise TypeError(f"group_by={group_by!r} must be a column name such as 'agency' or a "
                        f"period: {', '.join(PERIODS)}.")
    if group_by in docs.columns:
        result = docs.assign(**{group_by: _known_or_unknown(docs[group_by])})
    elif group_by not in PERIODS:
        raise ValueError(
            f"group_by={group_by!r} is neither a column of docs nor a period; use a column "
            f"({', '.join(map(str, docs.columns[:12]))}) or one of {', '.join(PERIODS)}."
        )
    else:
        check_columns(docs, "docs", ["date"])
        dates = docs["date"]
        if group_by == "week":
            labels = dates.dt.to_period("W").dt.start_time.dt.strftime("%Y-%m-%d")
        else:
            labels = dates.dt.to_period(PERIODS[group_by]).astype("str")
        result = docs.assign(**{group_by: labels.where(dates.notna(), "undated").astype("str")})
    result.attrs = {**docs.attrs, "group_by": group_by}
    return result


def _missing(values: pd.Series) -> pd.Series:
    """True where a group value is missing: NaN/None, or text that is empty or blank."""
    missing = values.isna()
    if pd.api.types.is_string_dtype(values.dtype) and values.dtype != object:
        return missing | values.str.strip().eq("").fillna(False)
    return missing | values.map(lambda v: isinstance(v, str) and not v.strip()).astype(bool)


def _known_or_unknown(values: pd.Series) -> pd.Series:
    """``values`` with each missing one replaced by :data:`UNKNOWN_GROUP`."""
    missing = _missing(values)
    if not missing.any():
        return values
    if not (pd.api.types.is_string_dtype(values.dtype) and values.dtype != object):
        values = values.astype("object")
    return values.where(~missing, UNKNOWN_GROUP)


def group_column(docs: pd.DataFrame) -> str:
    """The column :func:`with_groups` (or :func:`prepare_corpus`) grouped ``docs`` by.

    The report notebooks read it after :func:`prepare_corpus`, so an empty ``group_by``
    parameter (automatic) becomes the column chosen by :func:`default_group_by`.

    >>> import pandas as pd
    >>> group_column(with_groups(pd.DataFrame({"doc_id": ["a"], "agency": ["AP"]}), "agency"))
    'agency'
    """
    name = docs.attrs.get("group_by")
    if not isinstance(name, str) or name not in docs.columns:
        raise ValueError("docs carry no groups; call with_groups(docs, group_by) or "
                         "prepare_corpus(corpus, group_by=...) first.")
    return name


def default_group_by(docs: pd.DataFrame) -> str:
    """The groups a report compares when ``group_by`` is left empty: ``outlet`` or ``agency``.

    The rule: ``"outlet"`` when ``docs`` has an ``outlet`` column naming at least two
    outlets **and** fewer than two agencies cover most articles: either the articles
    credited to an agency are at most half of the corpus (grouping by agency would
    compare a minority, the rest being ``(unknown)``), or one agency alone is credited on
    more than half (grouping by agency would set it against the rest). Otherwise, when
    two or more agencies are needed to cover most articles, ``"agency"``. Missing, empty
    and ``(unknown)`` values count as no outlet or agency. A corpus of wire stories from
    several agencies is thus compared by agency; a scrape of many sites where few
    articles credit an agency, by outlet.

    >>> import pandas as pd
    >>> sites = pd.DataFrame({"doc_id": list("abcde"), "outlet": ["BBC", "BBC", "TASS", "CNN", "CNN"],
    ...                       "agency": [None, None, "TASS", "AP", None]})
    >>> default_group_by(sites)          # TASS and AP credited on 2 of 5 articles
    'outlet'
    >>> default_group_by(sites.assign(agency=["AP", "AFP", "TASS", "AP", None]))
    'agency'
    >>> default_group_by(sites.assign(agency=["AP", "AP", "TASS", "AP", None]))   # AP: 3 of 5
    'outlet'
    """
    n = len(docs)
    outlets = _credited(docs, "outlet")
    if outlets is None or outlets.nunique() < 2:
        return "agency"
    agencies = _credited(docs, "agency")
    if agencies is None or 2 * len(agencies) <= n:
        return "outlet"
    largest = int(agencies.value_counts().iloc[0])
    return "outlet" if 2 * largest > n else "agency"


def _credited(docs: pd.DataFrame, column: str) -> pd.Series | None:
    """The known values of ``column`` (None without the column)."""
    if column not in docs.columns:
        return None
    values = docs[column]
    values = values[~_missing(values)]
    return values[values != UNKNOWN_GROUP]


def prepare_corpus(
    corpus,
    *,
    year: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    agencies: list[str] | None = None,
    group_by: str | None = "",
) -> pd.DataFrame:
    """Load, filter and group a corpus the way every report notebook starts.

    :func:`~analysis.load_corpus` (problems kept in the table, no warning: the overview report
    shows them), then :func:`filter_corpus` with the date and agency limits, then
    :func:`with_groups` for ``group_by``. An empty ``group_by`` (or None) means automatic:
    :func:`default_group_by` of the filtered articles (``outlet`` or ``agency``); read the
    column chosen with :func:`group_column`. ``year=0`` counts as no year.

    >>> docs = prepare_corpus("data/sample", group_by="quarter")   # doctest: +SKIP
    """
    docs = load_corpus(corpus, year=year or None, errors="ignore")
    docs = filter_corpus(docs, date_from=date_from, date_to=date_to, agencies=agencies)
    return with_groups(docs, group_by or default_group_by(docs))
