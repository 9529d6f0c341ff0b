"""Report sections: the small compositions the report notebooks need, kept out of cells.

Each function is a thin, documented step on top of the public API, so that a notebook cell
stays one line and the same step is available to scripts.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ._validate import check_columns, check_int
from .corpus import problems

__all__ = ["group_keyness", "evidence_terms", "problem_counts"]

_KEYNESS_COLUMNS = ["term", "target_count", "reference_count", "target_per_10k",
                    "reference_per_10k", "g2", "p_value", "log_ratio", "target_docs"]


def group_keyness(docs: pd.DataFrame, by: str, **options) -> pd.DataFrame:
    """:func:`keyness` of each group of ``by`` against the others, safe for reports.

    With fewer than two groups (a report filtered to one agency, say) there is nothing to
    compare: the result is an empty table with the usual columns instead of an error.
    ``options`` go to :func:`keyness` (``min_docs``, ``min_effect``, ``extra_stopwords``...).

    >>> group_keyness(docs, "agency", min_docs=2)                 # doctest: +SKIP
    """
    from .terms import keyness

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


def problem_counts(docs: pd.DataFrame) -> pd.DataFrame:
    """The problems table of a loaded corpus, counted: ``problem, action, rows, files``.

    One line per kind of problem and what was done about it, most frequent first; the
    full table is :func:`problems`.
    """
    table = problems(docs)
    columns = ["problem", "action", "rows", "files"]
    if table.empty:
        return pd.DataFrame(columns=columns).astype({"rows": "int64", "files": "int64"})
    files = table["source"].astype("str").str.replace(r"#\d+$", "", regex=True)
    counted = (table.assign(file=files).groupby(["problem", "action"])
               .agg(rows=("file", "size"), files=("file", "nunique")).reset_index())
    counted = counted.sort_values(["rows", "problem", "action"], ascending=[False, True, True])
    return counted.reset_index(drop=True)[columns].astype({"rows": "int64", "files": "int64"})
