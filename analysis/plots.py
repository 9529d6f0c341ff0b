"""Charts: each function takes a table or a corpus and returns a matplotlib Figure.

Figures are built with :class:`matplotlib.figure.Figure` directly (not pyplot), so they
never pile up in pyplot's state and render the same in scripts, notebooks and reports.
They use seaborn's colour-blind palette, say what they show in the title, label both
axes, and carry a source line (articles, agencies, date range).
"""

from __future__ import annotations

from typing import Literal

import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

from ._validate import check_columns
from .overview import articles_per_period

__all__ = ["plot_articles_over_time", "plot_articles_by_agency", "plot_top_terms",
           "plot_keyness", "source_line", "new_figure"]

_STYLE = {
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "font.family": "DejaVu Sans",
}


def new_figure(width: float = 8.0, height: float = 4.5) -> tuple[Figure, object]:
    """A figure and its axes in the kit's style (white, light grid, readable in print)."""
    import matplotlib

    with matplotlib.rc_context(_STYLE):
        fig = Figure(figsize=(width, height), layout="constrained")
        ax = fig.add_subplot()
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.title.set_fontsize(12)
    ax.title.set_fontweight("bold")
    return fig, ax


def source_line(docs: pd.DataFrame) -> str:
    """'Source: 16 articles; AP, Reuters, TASS; 2025-01-14 to 2025-06-02'."""
    parts = [f"{len(docs):,} article{'s' if len(docs) != 1 else ''}"]
    if "agency" in docs:
        agencies = sorted(docs["agency"].dropna().unique())
        if agencies:
            shown = ", ".join(agencies[:6]) + (f" and {len(agencies) - 6} more" if len(agencies) > 6 else "")
            parts.append(shown)
    if "date" in docs and docs["date"].notna().any():
        first, last = docs["date"].min(), docs["date"].max()
        parts.append(f"{first:%Y-%m-%d} to {last:%Y-%m-%d}")
    return "Source: " + "; ".join(parts)


def _finish(fig: Figure, ax, docs: pd.DataFrame, title: str, xlabel: str, ylabel: str) -> Figure:
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.text(0.0, -0.01, source_line(docs), ha="left", va="top", fontsize=8, color="#555555",
             transform=fig.transFigure)
    return fig


_PERIOD_FORMAT = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%b %Y",
                  "quarter": "%Y-%m", "year": "%Y"}


def plot_articles_over_time(
    docs: pd.DataFrame,
    *,
    period: Literal["day", "week", "month", "quarter", "year"] = "month",
    by: str | None = "agency",
) -> Figure:
    """Stacked bars: articles per period, coloured by ``by`` (default: agency).

    >>> fig = plot_articles_over_time(docs)        # doctest: +SKIP
    """
    check_columns(docs, "docs", ["doc_id", "date"])
    table = articles_per_period(docs, period=period, by=by)
    fig, ax = new_figure()
    undated = int(docs["date"].isna().sum())
    if table.empty:
        ax.text(0.5, 0.5, "No dated articles", ha="center", va="center", transform=ax.transAxes)
    else:
        wide = table.pivot(index="period", columns=by, values="articles") if by else \
            table.set_index("period")[["articles"]]
        labels = [p.strftime(_PERIOD_FORMAT[period]) for p in wide.index]
        colours = sns.color_palette("colorblind", n_colors=max(1, wide.shape[1]))
        bottom = [0] * len(wide)
        for i, column in enumerate(wide.columns):
            values = wide[column].to_numpy()
            ax.bar(range(len(wide)), values, bottom=bottom, color=colours[i % len(colours)],
                   label=str(column), width=0.8)
            bottom = [b + v for b, v in zip(bottom, values)]
        ax.set_xticks(range(len(wide)), labels, rotation=45 if len(wide) > 8 else 0,
                      ha="right" if len(wide) > 8 else "center")
        if by:
            ax.legend(title=by.replace("_", " ").capitalize(), frameon=False,
                      loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.yaxis.get_major_locator().set_params(integer=True)
    title = f"Articles per {period}" + (f" by {by.replace('_', ' ')}" if by else "")
    if undated:
        title += f" ({undated:,} undated not shown)"
    return _finish(fig, ax, docs, title, period.capitalize(), "Articles")


def plot_articles_by_agency(docs: pd.DataFrame, *, top_n: int = 15) -> Figure:
    """Horizontal bars: articles per credited agency (the ``top_n`` largest)."""
    check_columns(docs, "docs", ["doc_id", "agency"])
    counts = (docs["agency"].astype("object").where(docs["agency"].notna(), "unknown")
              .value_counts())
    counts = counts.sort_index().sort_values(ascending=False, kind="stable").head(top_n)[::-1]
    fig, ax = new_figure(7.0, max(2.5, 0.45 * len(counts) + 1.2))
    ax.barh(counts.index.astype(str), counts.to_numpy(), color=sns.color_palette("colorblind")[0])
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.xaxis.get_major_locator().set_params(integer=True)
    for y, value in enumerate(counts.to_numpy()):
        ax.text(value, y, f" {value:,}", va="center", fontsize=9)
    return _finish(fig, ax, docs, "Articles by credited agency", "Articles", "Agency")


def _facets(n: int, width: float = 4.2, height_per_row: float = 3.6):
    import math

    cols = min(n, 3)
    rows = math.ceil(n / cols)
    import matplotlib

    with matplotlib.rc_context(_STYLE):
        fig = Figure(figsize=(width * cols, height_per_row * rows), layout="constrained")
        axes = fig.subplots(rows, cols, squeeze=False)
    flat = [ax for row in axes for ax in row]
    for ax in flat[n:]:
        ax.set_visible(False)
    for ax in flat:
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    return fig, flat[:n]


def plot_top_terms(
    table: pd.DataFrame,
    *,
    by: str | None = None,
    top_n: int = 15,
    docs: pd.DataFrame | None = None,
    title: str | None = None,
) -> Figure:
    """Horizontal bars of the most frequent terms of a :func:`term_frequencies` table.

    With ``by`` (a column of the table, e.g. ``"agency"``) one panel per group. ``docs``
    adds the source line (articles, agencies, dates) under the chart.
    """
    check_columns(table, "table", ["term", "count"] + ([by] if by else []))
    groups = [(None, table)] if by is None else list(table.groupby(by, sort=True))
    fig, axes = _facets(len(groups)) if by else new_figure(7.0, max(3.0, 0.3 * top_n + 1.2))
    axes = axes if by else [axes]
    colour = sns.color_palette("colorblind")[0]
    for ax, (label, part) in zip(axes, groups):
        part = part.sort_values(["count", "term"], ascending=[False, True], kind="stable").head(top_n)
        ax.barh(part["term"].astype(str)[::-1], part["count"].to_numpy()[::-1], color=colour)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("Occurrences")
        if label is not None:
            ax.set_title(str(label), loc="left", fontsize=11, fontweight="bold")
    heading = title or ("Most frequent terms" + (f" by {by.replace('_', ' ')}" if by else ""))
    if by:
        fig.suptitle(heading, x=0.0, ha="left", fontsize=12, fontweight="bold")
        if docs is not None:
            fig.text(0.0, -0.01, source_line(docs), ha="left", va="top", fontsize=8,
                     color="#555555")
        return fig
    ax = axes[0]
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    if docs is None:
        ax.set_title(heading, loc="left", fontsize=12, fontweight="bold")
        ax.set_ylabel("Term")
        return fig
    return _finish(fig, ax, docs, heading, "Occurrences", "Term")


def plot_keyness(
    table: pd.DataFrame,
    *,
    top_n: int = 10,
    docs: pd.DataFrame | None = None,
) -> Figure:
    """Diverging bars of Log Ratio from a :func:`keyness` table: the ``top_n`` most
    over-used and under-used terms (by G2) of each group, one panel per group."""
    check_columns(table, "table", ["term", "g2", "log_ratio"])
    group_col = table.columns[0] if table.columns[0] != "term" else None
    groups = [(None, table)] if group_col is None else list(table.groupby(group_col, sort=True))
    fig, axes = _facets(len(groups), width=4.6, height_per_row=0.28 * 2 * top_n + 1.4)
    over, under = sns.color_palette("colorblind")[0], sns.color_palette("colorblind")[3]
    for ax, (label, part) in zip(axes, groups):
        ranked = part.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
        shown = pd.concat([ranked[ranked["log_ratio"] > 0].head(top_n),
                           ranked[ranked["log_ratio"] < 0].head(top_n)])
        shown = shown.sort_values("log_ratio", kind="stable")
        values = shown["log_ratio"].to_numpy()
        ax.barh(shown["term"].astype(str), values, color=[over if v > 0 else under for v in values])
        ax.axvline(0, color="#333333", linewidth=0.8)
        ax.set_xlabel("Log Ratio (log2 of relative frequency vs the rest)")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_title("all documents" if label is None else str(label), loc="left",
                     fontsize=11, fontweight="bold")
    fig.suptitle("Key terms: over-used (right) and under-used (left), strongest G2 first",
                 x=0.0, ha="left", fontsize=12, fontweight="bold")
    if docs is not None:
        fig.text(0.0, -0.01, source_line(docs), ha="left", va="top", fontsize=8, color="#555555")
    return fig
