"""Charts: each function takes a table or a corpus and returns a matplotlib Figure.

Figures are built with :class:`matplotlib.figure.Figure` directly (not pyplot), so they
never pile up in pyplot's state and render the same in scripts, notebooks and reports.
They use seaborn's colour-blind palette, say what they show in the title, label both
axes, and carry a source line (articles, agencies, date range).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ._validate import check_columns
from .overview import articles_per_period, group_sizes, summary_line
from .types import UNKNOWN_GROUP, Period

__all__ = ["plot_articles_over_time", "plot_articles_by_agency", "plot_top_terms",
           "plot_keyness", "plot_top_actors", "plot_attention", "plot_co_mention_heatmap",
           "plot_co_mention_network", "source_line", "new_figure"]

class _Seaborn:
    """seaborn, imported on first use (it imports SciPy: about 0.9 s at ``import analysis``)."""

    def __getattr__(self, name):
        import seaborn

        return getattr(seaborn, name)


sns = _Seaborn()

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
    return summary_line(docs, form="source")


def _finish(fig: Figure, ax, docs: pd.DataFrame, title: str, xlabel: str, ylabel: str) -> Figure:
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.text(0.0, -0.01, source_line(docs), ha="left", va="top", fontsize=8, color="#555555",
             transform=fig.transFigure)
    return fig


_PERIOD_FORMAT = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%b %Y",
                  "quarter": "%Y-%m", "year": "%Y"}


LABEL_WIDTH = 40     # characters of a term, actor or group name a chart prints


def _short(label, width: int = LABEL_WIDTH) -> str:
    """A label cut to ``width`` characters with an ellipsis: a pasted blob or a very long
    name would otherwise take the chart (and minutes of text layout)."""
    label = str(label)
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def _bars(ax, labels, values, **style) -> None:
    """Horizontal bars, one per label from the bottom up; labels shortened, and drawn by
    position so that two labels that shorten alike stay two bars."""
    labels = [_short(v) for v in labels]
    ax.barh(range(len(labels)), values, **style)
    ax.set_yticks(range(len(labels)), labels)


def plot_articles_over_time(
    docs: pd.DataFrame,
    *,
    period: Period = "month",
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


def plot_articles_by_agency(docs: pd.DataFrame, *, by: str = "agency", top_n: int = 15
                            ) -> Figure:
    """Horizontal bars: articles per credited agency (the ``top_n`` largest), or per
    value of another column with ``by="outlet"``; articles without one are
    ``(unknown)``, and a note says how many articles the bars leave out."""
    check_columns(docs, "docs", ["doc_id", by])
    sizes = group_sizes(docs, by).set_index(by)["articles"]      # largest first, ties by name
    hidden = int(sizes.iloc[top_n:].sum())
    counts = sizes.head(top_n)[::-1]
    fig, ax = new_figure(7.0, max(2.5, 0.45 * len(counts) + 1.2))
    _bars(ax, counts.index, counts.to_numpy(), color=sns.color_palette("colorblind")[0])
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.xaxis.get_major_locator().set_params(integer=True)
    for y, value in enumerate(counts.to_numpy()):
        ax.text(value, y, f" {value:,}", va="center", fontsize=9)
    title = "Articles by credited agency" if by == "agency" else f"Articles by {by}"
    if hidden:
        title += f" (top {top_n}; {hidden:,} more articles in smaller groups)"
    return _finish(fig, ax, docs, title, "Articles", by.capitalize())


def _facets(n: int, width: float = 4.2, height_per_row: float = 3.6, *,
            empty: str = "Nothing to show"):
    """``n`` panels, three to a row; with ``n == 0`` one blank panel saying ``empty``."""
    import math

    if n == 0:
        fig, ax = new_figure(7.0, 2.5)
        ax.axis("off")
        ax.text(0.5, 0.5, empty, ha="center", va="center", transform=ax.transAxes,
                fontsize=10, color="#555555", wrap=True)
        return fig, []
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


def _groups(table: pd.DataFrame, by: str) -> list[tuple[str, pd.DataFrame]]:
    """The table's groups by name, a missing name kept as the group ``(unknown)``."""
    labels = table[by].astype("object").where(table[by].notna(), UNKNOWN_GROUP).astype("str")
    return list(table.groupby(labels.rename(by), sort=True))


def plot_top_terms(
    table: pd.DataFrame,
    *,
    by: str | None = None,
    top_n: int = 15,
    docs: pd.DataFrame | None = None,
    title: str | None = None,
) -> Figure:
    """Horizontal bars of the most frequent terms of a :func:`~analysis.term_frequencies` table.

    With ``by`` (a column of the table, e.g. ``"agency"``) one panel per group, every
    group shown (a missing value as ``(unknown)``). ``docs`` adds the source line
    (articles, agencies, dates) under the chart.
    """
    check_columns(table, "table", ["term", "count"] + ([by] if by else []))
    groups = [(None, table)] if by is None else _groups(table, by)
    fig, axes = (_facets(len(groups), empty="No terms counted") if by
                 else new_figure(7.0, max(3.0, 0.3 * top_n + 1.2)))
    axes = axes if by else [axes]
    colour = sns.color_palette("colorblind")[0]
    for ax, (label, part) in zip(axes, groups):
        part = part.sort_values(["count", "term"], ascending=[False, True], kind="stable").head(top_n)
        _bars(ax, part["term"].tolist()[::-1], part["count"].to_numpy()[::-1], color=colour)
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
    """Diverging bars of Log Ratio from a :func:`~analysis.keyness` table: the ``top_n`` most
    over-used and under-used terms (by G2) of each group, one panel per group."""
    check_columns(table, "table", ["term", "g2", "log_ratio"])
    group_col = table.columns[0] if table.columns[0] != "term" else None
    groups = [(None, table)] if group_col is None else _groups(table, group_col)
    fig, axes = _facets(len(groups), width=4.6, height_per_row=0.28 * 2 * top_n + 1.4,
                        empty="No key terms: fewer than two groups to compare, or none "
                              "passed the min_docs and min_effect limits")
    over, under = sns.color_palette("colorblind")[0], sns.color_palette("colorblind")[3]
    for ax, (label, part) in zip(axes, groups):
        ranked = part.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
        shown = pd.concat([ranked[ranked["log_ratio"] > 0].head(top_n),
                           ranked[ranked["log_ratio"] < 0].head(top_n)])
        shown = shown.sort_values("log_ratio", kind="stable")
        values = shown["log_ratio"].to_numpy()
        _bars(ax, shown["term"], values, color=[over if v > 0 else under for v in values])
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


_KIND_ORDER = ["country", "igo", "organisation", "armed_group", "person", "media", "place"]


def plot_top_actors(counts: pd.DataFrame, *, top_n: int = 15,
                    docs: pd.DataFrame | None = None) -> Figure:
    """Horizontal bars: the ``top_n`` most mentioned actors of an :func:`~analysis.actor_counts`
    table, coloured by kind."""
    check_columns(counts, "counts", ["actor_id", "name", "kind", "mentions"])
    top = counts.sort_values(["mentions", "actor_id"], ascending=[False, True],
                             kind="stable").head(top_n)[::-1]
    fig, ax = new_figure(7.5, max(3.0, 0.32 * len(top) + 1.4))
    palette = dict(zip(_KIND_ORDER, sns.color_palette("colorblind", len(_KIND_ORDER))))
    _bars(ax, top["name"], top["mentions"].to_numpy(),
          color=[palette.get(k, "#888888") for k in top["kind"]])
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.xaxis.get_major_locator().set_params(integer=True)
    from matplotlib.patches import Patch

    shown = [k for k in _KIND_ORDER if k in set(top["kind"])]
    ax.legend(handles=[Patch(color=palette[k], label=k.replace("_", " ")) for k in shown],
              title="Kind", frameon=False, loc="lower right")
    title = "Most mentioned actors"
    if docs is None:
        ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
        ax.set_xlabel("Mentions")
        return fig
    return _finish(fig, ax, docs, title, "Mentions", "Actor")


def plot_attention(table: pd.DataFrame, *, docs: pd.DataFrame | None = None) -> Figure:
    """Lines: share of each period's articles mentioning each actor (from
    :func:`~analysis.actor_attention`)."""
    check_columns(table, "table", ["period", "actor_id", "name", "share"])
    fig, ax = new_figure(8.5, 4.5)
    names = list(dict.fromkeys(table["name"]))
    styles = ["-", "--", "-.", ":"]
    colours = sns.color_palette("colorblind", max(1, len(names)))
    for k, name in enumerate(names):
        part = table[table["name"] == name]
        ax.plot(part["period"], part["share"] * 100, styles[k % 4], marker="o", markersize=3,
                color=colours[k % len(colours)], label=_short(name))
    ax.set_ylim(0, 105)
    if names:
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0), title="Actor")
    fig.autofmt_xdate()
    title = "Share of articles mentioning each actor"
    if docs is None:
        ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
        return fig
    return _finish(fig, ax, docs, title, "Period", "Articles mentioning (%)")


def plot_co_mention_heatmap(pairs: pd.DataFrame, *, top_n: int = 12,
                            docs: pd.DataFrame | None = None) -> Figure:
    """Heatmap of co-mention weights among the ``top_n`` best-connected actors."""
    check_columns(pairs, "pairs", ["actor_a", "actor_b", "weight"])
    strength = pd.concat([pairs[["actor_a", "weight"]].rename(columns={"actor_a": "actor"}),
                          pairs[["actor_b", "weight"]].rename(columns={"actor_b": "actor"})])
    order = (strength.groupby("actor")["weight"].sum().reset_index()
             .sort_values(["weight", "actor"], ascending=[False, True])["actor"].head(top_n).tolist())
    matrix = pd.DataFrame(0, index=order, columns=order, dtype="int64")
    for row in pairs.itertuples(index=False):
        if row.actor_a in matrix.index and row.actor_b in matrix.index:
            matrix.loc[row.actor_a, row.actor_b] = row.weight
            matrix.loc[row.actor_b, row.actor_a] = row.weight
    size = max(4.5, 0.45 * len(order) + 2)
    fig, ax = new_figure(size + 1, size)
    if len(order):
        sns.heatmap(matrix, ax=ax, cmap="Blues", annot=True, fmt="d", linewidths=0.5,
                    cbar_kws={"label": "Co-mentions"}, square=True)
    title = "Actors mentioned together"
    if docs is None:
        ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
        return fig
    return _finish(fig, ax, docs, title, "", "")


def plot_co_mention_network(pairs: pd.DataFrame, counts: pd.DataFrame, *, top_n: int = 20,
                            docs: pd.DataFrame | None = None) -> Figure:
    """The co-mention network of the ``top_n`` most mentioned actors: node size by
    mentions, edge width by co-mentions. The layout is seeded, so it is the same each run."""
    import networkx as nx

    check_columns(counts, "counts", ["actor_id", "name", "kind", "mentions"])
    top = counts.sort_values(["mentions", "actor_id"], ascending=[False, True]).head(top_n)
    keep = set(top["actor_id"])
    graph = nx.Graph()
    for row in top.itertuples(index=False):
        graph.add_node(row.actor_id, name=row.name, kind=row.kind, mentions=row.mentions)
    for row in pairs.itertuples(index=False):
        if row.actor_a in keep and row.actor_b in keep:
            graph.add_edge(row.actor_a, row.actor_b, weight=row.weight)
    fig, ax = new_figure(8.0, 6.5)
    ax.axis("off")
    if graph.number_of_nodes():
        pos = nx.spring_layout(graph, seed=7, weight="weight")
        palette = dict(zip(_KIND_ORDER, sns.color_palette("colorblind", len(_KIND_ORDER))))
        biggest = max(d["mentions"] for _, d in graph.nodes(data=True))
        heaviest = max([d["weight"] for _, _, d in graph.edges(data=True)] or [1])
        nx.draw_networkx_edges(graph, pos, ax=ax, edge_color="#999999",
                               width=[0.5 + 4 * d["weight"] / heaviest
                                      for _, _, d in graph.edges(data=True)])
        nx.draw_networkx_nodes(graph, pos, ax=ax,
                               node_size=[80 + 900 * d["mentions"] / biggest
                                          for _, d in graph.nodes(data=True)],
                               node_color=[palette.get(d["kind"], "#888888")
                                           for _, d in graph.nodes(data=True)])
        # Long names of blocs print as their acronym (SCO, CSTO).
        labels = {n: _short(n if len(str(d["name"])) > 22 and d["kind"] == "igo" else d["name"])
                  for n, d in graph.nodes(data=True)}
        nx.draw_networkx_labels(graph, pos, ax=ax, font_size=8, labels=labels)
    title = "Co-mention network (node size: mentions; line width: co-mentions)"
    if docs is None:
        ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
        return fig
    return _finish(fig, ax, docs, title, "", "")
