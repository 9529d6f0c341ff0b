"""Tables for reading: escaped, formatted and index-free, for notebooks and reports."""

from __future__ import annotations

from typing import Mapping

import pandas as pd

from .._validate import check_int
from ..overview import group_note, summary_line

__all__ = ["show", "describe_corpus", "describe_groups"]


def show(
    table: pd.DataFrame,
    *,
    rows: int | None = None,
    formats: Mapping[str, str] | None = None,
    caption: str | None = None,
):
    """A table ready to read in a notebook or an HTML report: a pandas ``Styler``.

    Every cell and header is HTML-escaped (article titles, names and file names come
    from outside: ``<script>`` shows as text), the index is hidden, missing values show
    as empty cells, numbers get thousands separators, ``share`` columns show as
    percentages, other decimals with two places, and a cell of more than 1,000 characters
    (a pasted blob, a whole article) is cut there, saying how long it is. The table itself
    is not changed: save it with :func:`~analysis.save_table` first.

    Parameters
    ----------
    table
        Any DataFrame.
    rows
        Show only the first ``rows`` rows (``None``: all).
    formats
        Format strings by column, overriding the defaults, e.g. ``{"g2": "{:.1f}"}``.
    caption
        A line shown above the table.

    Examples
    --------
    >>> import pandas as pd
    >>> styled = show(pd.DataFrame({"title": ["<b>x</b>"], "share": [0.25]}))
    >>> "&lt;b&gt;x&lt;/b&gt;" in styled.to_html() and "25.0%" in styled.to_html()
    True
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table must be a pandas DataFrame, got {type(table).__name__}; "
                        "wrap a Series with .to_frame().")
    if rows is not None:
        check_int("rows", rows, minimum=0)
        table = table.head(rows)
    chosen: dict[str, str] = {}
    for column in table.columns:
        dtype = table[column].dtype
        if pd.api.types.is_bool_dtype(dtype):
            continue
        if str(column).startswith("share") or str(column).endswith("_share"):
            chosen[column] = "{:.1%}"
        elif pd.api.types.is_integer_dtype(dtype):
            chosen[column] = "{:,}"
        elif pd.api.types.is_float_dtype(dtype):
            chosen[column] = "{:,.2f}"
        elif pd.api.types.is_datetime64_any_dtype(dtype):
            chosen[column] = _date_format(table[column])
    if formats:
        unknown = [c for c in formats if c not in table.columns]
        if unknown:
            raise ValueError(f"formats={dict(formats)!r} names columns {unknown} the table "
                             f"does not have; it has {list(table.columns)}.")
        chosen.update(formats)
    styler = table.style.hide(axis="index")
    # pandas escapes str cells only: lists, dicts and other objects (record fields kept
    # from JSON) are turned into text and escaped here.
    styler = styler.format(_escaped_text, na_rep="")
    for column, spec in chosen.items():
        styler = styler.format(spec, subset=[column], escape="html", na_rep="")
    styler = styler.format_index(escape="html", axis=1)
    if caption:
        import html

        styler = styler.set_caption(html.escape(caption))
    return styler


def _escaped_text(value) -> str:
    import html

    if isinstance(value, str):
        return html.escape(_cut(value))
    try:
        if value is None or pd.isna(value) is True:
            return ""
    except (TypeError, ValueError):
        pass
    return html.escape(_cut(str(value)))


CELL_WIDTH = 1000     # characters of one cell shown; the saved table keeps them all


def _cut(text: str) -> str:
    if len(text) <= CELL_WIDTH:
        return text
    return f"{text[:CELL_WIDTH - 1]}… ({len(text):,} characters; all of them in the saved table)"


def _date_format(values: pd.Series):
    """Day precision when every value is midnight, else minutes."""
    stamps = values.dropna()
    whole_days = stamps.empty or bool((stamps == stamps.dt.normalize()).all())
    pattern = "%Y-%m-%d" if whole_days else "%Y-%m-%d %H:%M"
    return lambda v: "" if pd.isna(v) else v.strftime(pattern)


class _Line:
    """A line of HTML for notebooks (``_repr_html_``) that prints as plain text."""

    def __init__(self, text: str, html_text: str):
        self.text, self.html = text, html_text

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def describe_corpus(docs: pd.DataFrame, *, filters: Mapping[str, object] | None = None):
    """One line saying what a report covers: articles, agencies, dates, limits applied.

    Shown under each report's title, so every page says what it was computed on. The
    agency names come from the data and are HTML-escaped.

    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "agency": ["TASS", None],
    ...                      "date": pd.to_datetime(["2025-05-20", None])})
    >>> describe_corpus(docs, filters={"agencies": [], "date_from": "2025-01-01"})
    2 articles from 1 agency (TASS), 2025-05-20 to 2025-05-20 (1 undated); limits: date_from 2025-01-01.
    """
    import html

    text = summary_line(docs, form="sentence")
    limits = [f"{k} {', '.join(map(str, v)) if isinstance(v, (list, tuple)) else v}"
              for k, v in (filters or {}).items() if v not in (None, "", [], ())]
    text += ("; limits: " + "; ".join(limits) if limits else "; no limits") + "."
    return _Line(text, f"<p><em>{html.escape(text)}</em></p>")


def describe_groups(docs: pd.DataFrame, by: str, *, min_docs: int = 1):
    """One line saying how the articles fall into the groups a page compares.

    :func:`~analysis.overview.group_note` as a line for notebooks and reports: the groups
    and their sizes, the articles without a value of ``by`` (the group ``(unknown)``), and
    the groups of fewer than ``min_docs`` articles, too small to compare, by name. Group
    names come from the data and are HTML-escaped.

    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "agency": ["TASS", "TASS", None]})
    >>> describe_groups(docs, "agency", min_docs=2)
    Grouped by agency: 1 group of 2 articles, and (unknown) for the 1 article with no agency; every article is in one group. Too small to compare (fewer than 2 articles): (unknown) (1).
    """
    import html

    text = group_note(docs, by, min_docs=min_docs)
    return _Line(text, f"<p><em>{html.escape(text)}</em></p>")
