"""Tables built from actor mentions: counts, co-mentions, attention over time, contexts,
the gap report of unknown actors, and a network graph."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import pandas as pd

from .._run import as_pandas, columns_of
from .._validate import check_choice, check_columns, check_int
from ..text import context_end, context_start, sentence_spans
from ..types import CHOICES, PERIODS, CoMentionLevel, Fields, Period
from .matching import default_matcher
from .mentions import MENTION_COLUMNS, actor_mentions

# How a discovered actor was typed, most confident first (see analysis.actors.discovery).
HOW_RANK = {"title": 0, "head": 1, "place-list": 2, "phrase": 3, "context": 4, "surname": 5,
            "name-shape": 6}

__all__ = ["unknown_actors", "actor_counts", "co_mentions", "actor_attention", "actor_contexts",
           "co_mention_graph"]


def unknown_actors(
    docs: pd.DataFrame,
    *,
    registry: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    fields: Fields = ("title", "lede", "text"),
) -> pd.DataFrame:
    """The gap report: actors found in the text but missing from the registry.

    Returns ``actor_id, name, kind, how, mentions, docs, example_doc_id, example`` (the
    sentence of the first mention), so the analyst can add them to a registry CSV
    (``actor_id, name, kind, aliases``) and pass it to :func:`~analysis.actor_registry`.
    ``how`` is the most confident rule that found the actor (``title``, ``head``,
    ``place-list``, ``phrase``, ``context``, ``surname``, ``name-shape``, in that order);
    rows are ranked by it, then by mentions (most first), so the surest finds come first.
    Top-level mentions only.
    """
    if mentions is None:
        mentions = actor_mentions(docs, registry=registry, fields=fields, discover=True)
    check_columns(mentions, "mentions", MENTION_COLUMNS)
    columns = ["actor_id", "name", "kind", "how", "mentions", "docs", "example_doc_id",
               "example"]
    found = counted(mentions)
    found = found[found["how"] != "registry"]
    if found.empty:
        return pd.DataFrame(columns=columns).astype({"mentions": "int64", "docs": "int64"})
    found = found.assign(_rank=found["how"].map(HOW_RANK).fillna(len(HOW_RANK)))
    table = found.groupby("actor_id", sort=False).agg(
        name=("name", "first"), kind=("kind", "first"), _rank=("_rank", "min"),
        mentions=("doc_id", "size"),
        docs=("doc_id", "nunique"), example_doc_id=("doc_id", "first"),
        field=("field", "first"), start=("start", "first")).reset_index()
    text_of = docs.set_index(docs["doc_id"].astype(str), drop=False) if "doc_id" in docs else None

    spans_of: dict[tuple[str, str], tuple[str, list, list]] = {}

    def example(row) -> str:
        key = (row.example_doc_id, row.field)
        if key not in spans_of:      # split once per text, not once per actor in it
            text = text_of.loc[row.example_doc_id, row.field]
            if isinstance(text, pd.Series):
                text = text.iloc[0]
            spans = sentence_spans(text)
            spans_of[key] = (text, spans, [a for a, _ in spans])
        text, spans, starts = spans_of[key]
        k = bisect.bisect_right(starts, row.start) - 1
        if k >= 0 and spans[k][0] <= row.start < spans[k][1]:
            a, b = spans[k]
            return " ".join(text[a:b].split())
        return ""

    table["example"] = [example(row) for row in table.itertuples(index=False)]
    names = {v: k for k, v in HOW_RANK.items()}
    table["how"] = table["_rank"].map(lambda r: names.get(int(r), "other"))
    table = table.sort_values(["_rank", "mentions", "docs", "actor_id"],
                              ascending=[True, False, False, True],
                              kind="stable").reset_index(drop=True)
    return table[columns].astype({"mentions": "int64", "docs": "int64"})




def counted(mentions: pd.DataFrame, nested: bool = False) -> pd.DataFrame:
    """The mentions a count counts: top-level ones (``depth == 0``), or with ``nested``
    the nested ones too, except a name nested in a mention of the same actor (the bare
    name inside ``President Joe Biden``), which would count one mention twice."""
    if "depth" not in mentions.columns:
        return mentions
    if not nested:
        return mentions[mentions["depth"] == 0]
    parent_actor = dict(zip(mentions["mention_id"], mentions["actor_id"]))
    same = [p == p and parent_actor.get(p) == a
            for p, a in zip(mentions["parent"], mentions["actor_id"])]
    return mentions[~pd.Series(same, index=mentions.index, dtype=bool)]


def _actor_kinds(mentions: pd.DataFrame) -> dict:
    """One kind per actor: its registry kind rather than the ``nationality`` of its
    demonym ("Iraqi" is the nationality form of the country Iraq)."""
    kinds = mentions[["actor_id", "kind"]].drop_duplicates()
    kinds = kinds.assign(_n=(kinds["kind"] == "nationality").astype(int)).sort_values(
        ["actor_id", "_n"], kind="stable")
    first = kinds.drop_duplicates("actor_id")
    out = dict(zip(first["actor_id"], first["kind"]))
    if "nationality" in out.values():
        registry, _ = default_matcher()
        known = dict(zip(registry["actor_id"], registry["kind"]))
        out = {a: known.get(a, k) if k == "nationality" else k for a, k in out.items()}
    return out


def actor_counts(
    mentions: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    docs: pd.DataFrame | None = None,
    nested: bool = False,
) -> pd.DataFrame:
    """Mentions and documents per actor, overall or per group.

    ``by`` names columns of ``mentions``, or of ``docs`` (joined on ``doc_id``) when
    given, e.g. ``actor_counts(mentions, by="agency", docs=docs)``. Top-level mentions
    are counted; ``nested=True`` counts nested ones too (``Iraqi`` inside ``Iraqi Security
    Forces``), never a name nested in a mention of the same actor.

    Returns ``[by], actor_id, name, kind, mentions, docs`` sorted by group, then mentions
    (descending), then actor_id; ``kind`` is the actor's kind (a country's, not the
    ``nationality`` of its demonym). ``mentions`` and ``docs`` may be Dask DataFrames
    (only the columns needed are computed).
    """
    mentions = as_pandas(mentions)
    check_columns(mentions, "mentions", ["doc_id", "actor_id", "name", "kind"])
    mentions = counted(mentions, nested)
    mentions = mentions.assign(kind=mentions["actor_id"].map(_actor_kinds(mentions)))
    columns = [] if by is None else ([by] if isinstance(by, str) else list(by))
    table = mentions
    missing = [c for c in columns if c not in mentions.columns]
    if missing:
        if docs is None:
            raise ValueError(f"by={by!r}: {missing} not in mentions; pass docs= to take them "
                             "from the articles table.")
        # Mentions carry doc_id as text (as actor_mentions writes it); match that.
        groups = columns_of(docs, "docs", ["doc_id"] + missing).astype({"doc_id": "str"}).drop_duplicates("doc_id")
        table = mentions.astype({"doc_id": "str"}).merge(groups, on="doc_id", how="left")
    keys = columns + ["actor_id", "name", "kind"]
    out = table.groupby(keys, dropna=False, sort=False).agg(
        mentions=("doc_id", "size"), docs=("doc_id", "nunique")).reset_index()
    out = out.sort_values(columns + ["mentions", "actor_id"],
                          ascending=[True] * len(columns) + [False, True], kind="stable")
    return out.reset_index(drop=True).astype({"mentions": "int64", "docs": "int64"})


def co_mentions(
    mentions: pd.DataFrame,
    *,
    level: CoMentionLevel = "sentence",
    nested: bool = False,
) -> pd.DataFrame:
    """Pairs of actors mentioned in the same sentence, paragraph or document.

    Top-level mentions only; ``nested=True`` adds nested ones (as :func:`actor_counts`).

    Returns ``actor_a, actor_b, weight, docs, example_doc_id`` with ``actor_a < actor_b``:
    ``weight`` counts the units (sentences, paragraphs or documents) where both occur,
    ``docs`` the documents, ``example_doc_id`` the first such document in table order.
    Sorted by weight (descending), then the pair.
    """
    check_choice("level", level, CHOICES["level"])
    unit = {"sentence": ["doc_id", "field", "sent"], "paragraph": ["doc_id", "field", "para"],
            "document": ["doc_id"]}[level]
    check_columns(mentions, "mentions", unit + ["actor_id"])
    columns = ["actor_a", "actor_b", "weight", "docs", "example_doc_id"]
    present = counted(mentions, nested)[unit + ["actor_id"]].drop_duplicates()
    present = present.assign(_order=pd.factorize(present["doc_id"])[0])
    pairs = present.merge(present, on=unit, suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_id_a"] < pairs["actor_id_b"]]
    if pairs.empty:
        return pd.DataFrame(columns=columns).astype({"weight": "int64", "docs": "int64"})
    out = pairs.sort_values("_order_a", kind="stable").groupby(
        ["actor_id_a", "actor_id_b"], sort=True).agg(
        weight=("doc_id", "size"), docs=("doc_id", "nunique"), example_doc_id=("doc_id", "first"))
    out = out.reset_index().rename(columns={"actor_id_a": "actor_a", "actor_id_b": "actor_b"})
    out = out.sort_values(["weight", "actor_a", "actor_b"], ascending=[False, True, True],
                          kind="stable").reset_index(drop=True)
    return out[columns].astype({"weight": "int64", "docs": "int64"})


def actor_attention(
    mentions: pd.DataFrame,
    docs: pd.DataFrame,
    *,
    period: Period = "month",
    top_n: int = 8,
    actors: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Share of each period's articles that mention each of the ``top_n`` actors.

    Returns ``period, actor_id, name, articles, share``: ``articles`` mentioning the actor
    in that period, ``share`` over all dated articles of the period (0 when none).
    Undated articles are left out. Actors ranked by the articles mentioning them overall.
    ``actors`` follows these actors instead (ids or names, any case, in the order
    given); one never mentioned gets a share of 0 throughout.
    """
    check_choice("period", period, list(PERIODS))
    check_columns(mentions, "mentions", ["doc_id", "actor_id", "name"])
    check_columns(docs, "docs", ["doc_id", "date"])
    columns = ["period", "actor_id", "name", "articles", "share"]
    dated = docs[docs["date"].notna()][["doc_id", "date"]].astype({"doc_id": "str"})
    if dated.empty or mentions.empty:
        return pd.DataFrame(columns=columns)
    dated = dated.assign(period=dated["date"].dt.to_period(PERIODS[period]).dt.start_time)
    mentions = counted(mentions)
    present = mentions[["doc_id", "actor_id", "name"]].drop_duplicates(["doc_id", "actor_id"])
    present = present.merge(dated[["doc_id", "period"]], on="doc_id")
    top = (present.groupby(["actor_id", "name"]).size().reset_index(name="n")
           .sort_values(["n", "actor_id"], ascending=[False, True]))
    top = _pick_actors(top, actors) if actors else top.head(top_n)
    periods = pd.period_range(dated["date"].min(), dated["date"].max(),
                              freq=PERIODS[period]).start_time
    totals = dated.groupby("period").size().reindex(periods, fill_value=0)
    grid = pd.MultiIndex.from_product([periods, top["actor_id"]], names=["period", "actor_id"])
    counts = present[present["actor_id"].isin(top["actor_id"])].groupby(
        ["period", "actor_id"]).size().reindex(grid, fill_value=0).rename("articles").reset_index()
    counts["name"] = counts["actor_id"].map(dict(zip(top["actor_id"], top["name"])))
    total = counts["period"].map(totals)
    counts["share"] = (counts["articles"] / total.where(total > 0)).fillna(0.0)
    return counts[columns].astype({"articles": "int64"})


def _pick_actors(known: pd.DataFrame, actors: Sequence[str]) -> pd.DataFrame:
    """Rows of ``known`` (actor_id, name) for the given ids or names, in that order."""
    if isinstance(actors, str) or not all(isinstance(a, str) for a in actors):
        raise TypeError(f"actors={actors!r} must be a list of actor ids or names, "
                        "e.g. ['CSTO', 'Yerlan Karin'].")
    by_key: dict[str, tuple[str, str]] = {}
    for actor_id, name in zip(known["actor_id"], known["name"]):
        by_key.setdefault(str(name).casefold(), (actor_id, name))
        by_key[str(actor_id).casefold()] = (actor_id, name)
    rows = []
    for actor in dict.fromkeys(actors):
        rows.append(by_key.get(actor.casefold(), (actor, f"{actor} (not mentioned)")))
    return pd.DataFrame(rows, columns=["actor_id", "name"]).drop_duplicates("actor_id")


def actor_contexts(
    mentions: pd.DataFrame,
    docs: pd.DataFrame,
    *,
    actors: Sequence[str] | None = None,
    top_n: int = 3,
    window: int = 8,
    per_actor: int | None = 20,
) -> pd.DataFrame:
    """Mentions of chosen actors with the words around them: the evidence behind counts.

    ``actors`` are ids or names (any case); without them, the ``top_n`` most mentioned
    actors. ``per_actor`` caps the lines per actor (first in table order; ``None``: all).

    Returns ``actor_id, name, doc_id, field, start, end, pre, match, post``, as
    :func:`~analysis.kwic` does: ``docs.loc[doc_id, field][start:end] == match``.

    >>> mentions = actor_mentions(docs)                               # doctest: +SKIP
    >>> actor_contexts(mentions, docs, actors=["CSTO"], window=5)     # doctest: +SKIP
    """
    check_columns(mentions, "mentions", ["doc_id", "field", "start", "end", "actor_id", "name"])
    check_columns(docs, "docs", ["doc_id"])
    check_int("window", window, minimum=0, maximum=1000)
    check_int("per_actor", per_actor, minimum=1, allow_none=True)
    columns = ["actor_id", "name", "doc_id", "field", "start", "end", "pre", "match", "post"]
    mentions = counted(mentions)
    ranked = (mentions.groupby(["actor_id", "name"]).size().reset_index(name="n")
              .sort_values(["n", "actor_id"], ascending=[False, True]))
    chosen = _pick_actors(ranked, actors) if actors else ranked.head(top_n)
    order = {a: k for k, a in enumerate(chosen["actor_id"])}
    picked = mentions[mentions["actor_id"].isin(order)]
    if per_actor is not None:
        picked = picked.groupby("actor_id", sort=False).head(per_actor)
    texts = docs.set_index(docs["doc_id"].astype("str"), drop=False) if "doc_id" in docs.columns else docs
    rows = []
    for m in picked.itertuples(index=False):
        text = texts.at[str(m.doc_id), m.field] if str(m.doc_id) in texts.index else None
        if not isinstance(text, str):
            continue
        pre = " ".join(text[context_start(text, m.start, window):m.start].split())
        post = " ".join(text[m.end:context_end(text, m.end, window)].split())
        rows.append((order[m.actor_id], m.actor_id, m.name, str(m.doc_id), m.field,
                     int(m.start), int(m.end), pre, text[m.start:m.end], post))
    rows.sort(key=lambda r: r[0])
    table = pd.DataFrame([r[1:] for r in rows], columns=columns)
    return table.astype({"actor_id": "str", "name": "str", "doc_id": "str", "field": "str",
                         "start": "int64", "end": "int64", "pre": "str", "match": "str",
                         "post": "str"})


def co_mention_graph(pairs: pd.DataFrame, *, counts: pd.DataFrame | None = None):
    """A :class:`networkx.Graph` of a :func:`co_mentions` table, for Gephi and friends.

    Edges carry ``weight`` and ``docs``; nodes carry ``name``, ``kind`` and ``mentions``
    when ``counts`` (from :func:`actor_counts`) is given. Write it with
    ``networkx.write_graphml(graph, "actors.graphml")``.
    """
    import networkx as nx

    check_columns(pairs, "pairs", ["actor_a", "actor_b", "weight"])
    graph = nx.Graph()
    if counts is not None:
        check_columns(counts, "counts", ["actor_id", "name", "kind", "mentions"])
        for row in counts.itertuples(index=False):
            graph.add_node(row.actor_id, name=str(row.name), kind=str(row.kind),
                           mentions=int(row.mentions))
    for row in pairs.itertuples(index=False):
        graph.add_edge(row.actor_a, row.actor_b, weight=int(row.weight),
                       docs=int(getattr(row, "docs", 0)))
    return graph
