"""The quote ledger: who is quoted, how often, how surely, and on what."""

from __future__ import annotations

import pandas as pd

from .._validate import check_columns
from .table import CONFIDENCE, QUOTE_COLUMNS

__all__ = ["quote_ledger"]

LEDGER_COLUMNS = ["speaker_name", "speaker_id", "quotes", "direct", "reported", "docs",
                  "high", "medium", "low", "example", "example_doc_id"]


def quote_ledger(table: pd.DataFrame) -> pd.DataFrame:
    """Who is quoted, how often and on what: one row per ``speaker_name``.

    Takes the output of :func:`~analysis.quotes`; returns ``speaker_name, speaker_id,
    quotes, direct, reported, docs, high, medium, low, example, example_doc_id``: counts of
    quotes (all kinds), direct quotes and reported speech, articles, the quotes at each
    confidence tier, and the longest direct quote of the speaker's surest tier as the
    example. ``speaker_id`` is the actor id most of the speaker's quotes carry (missing
    when none matched an actor). Quotes whose speaker has no name (groups such as
    ``officials``, or no cue) are counted in one last row with a missing name. Most quoted
    first.

    Examples
    --------
    >>> t = pd.DataFrame({c: [] for c in QUOTE_COLUMNS})
    >>> list(quote_ledger(t).columns)[:4]
    ['speaker_name', 'speaker_id', 'quotes', 'direct']
    """
    check_columns(table, "table", QUOTE_COLUMNS)
    if table.empty:
        return pd.DataFrame(columns=LEDGER_COLUMNS)
    work = table.assign(
        _name=table["speaker_name"].astype(object).where(table["speaker_name"].notna(), None),
        _len=table["quote"].str.len(), _direct=table["kind"] == "direct",
        _reported=table["kind"] == "reported",
        _tier=table["confidence"].map({c: k for k, c in enumerate(CONFIDENCE)}).fillna(9))
    named = work[work["_name"].notna()]
    rows = []
    for name, group in named.groupby("_name", sort=False):
        ids = group["speaker_id"].dropna()
        best = group.sort_values(["_direct", "_tier", "_len"], ascending=[False, True, False],
                                 kind="stable").iloc[0]
        rows.append((name, ids.value_counts().index[0] if len(ids) else None, len(group),
                     int(group["_direct"].sum()), int(group["_reported"].sum()),
                     group["doc_id"].nunique(), int((group["confidence"] == "high").sum()),
                     int((group["confidence"] == "medium").sum()),
                     int((group["confidence"] == "low").sum()), best["quote"], best["doc_id"]))
    out = pd.DataFrame(rows, columns=LEDGER_COLUMNS)
    out = out.sort_values(["quotes", "speaker_name"], ascending=[False, True], kind="stable")
    rest = work[work["_name"].isna()]
    if len(rest):
        best = rest.sort_values(["_direct", "_len"], ascending=[False, False],
                                kind="stable").iloc[0]
        out = pd.concat([out, pd.DataFrame([(None, None, len(rest), int(rest["_direct"].sum()),
                                             int(rest["_reported"].sum()),
                                             rest["doc_id"].nunique(),
                                             int((rest["confidence"] == "high").sum()),
                                             int((rest["confidence"] == "medium").sum()),
                                             int((rest["confidence"] == "low").sum()),
                                             best["quote"], best["doc_id"])],
                                           columns=LEDGER_COLUMNS)], ignore_index=True)
    return out.reset_index(drop=True).astype(
        {"speaker_name": "str", "speaker_id": "str", "quotes": "int64", "direct": "int64",
         "reported": "int64", "docs": "int64", "high": "int64", "medium": "int64",
         "low": "int64", "example": "str", "example_doc_id": "str"})
