"""Charts: titles, labels, the source line, and empty tables."""

import io

import pandas as pd

import analysis
from analysis import plot_articles_by_agency, plot_articles_over_time

from .conftest import SAMPLE
from .test_overview import DOCS


def test_charts_have_titles_labels_and_a_source_line():
    fig = plot_articles_over_time(DOCS)
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Articles per month by agency (1 undated not shown)"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Month", "Articles")
    assert [t.get_text() for t in fig.texts] == ["Source: 4 articles; AP, TASS; 2024-01-05 to 2024-03-01"]
    fig = plot_articles_by_agency(DOCS)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["AP", "(unknown)", "TASS"]


def test_a_very_long_term_is_one_shortened_bar():
    """A 200,000-character token once took two minutes of text layout in one chart."""
    from analysis import plot_top_terms

    table = pd.DataFrame({"term": ["A" + "b" * 199_999, "A" + "b" * 199_998, "sco"],
                          "count": [3, 2, 1]})
    ax = plot_top_terms(table, top_n=3).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["sco", "A" + "b" * 38 + "…", "A" + "b" * 38 + "…"]
    assert len(ax.patches) == 3           # two labels that shorten alike stay two bars


def test_term_charts():
    from analysis import keyness, plot_keyness, plot_top_terms, term_frequencies

    docs = DOCS.assign(text=["sco sco csto", "sco nato", "nato nato sco", "csto"])
    fig = plot_top_terms(term_frequencies(docs), top_n=2, docs=docs)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["nato", "sco"]
    assert ax.get_title(loc="left") == "Most frequent terms"
    # Article d has no agency: its group is kept, as (unknown), not dropped from the panels.
    by = plot_top_terms(term_frequencies(docs, by="agency"), by="agency")
    assert [a.get_title(loc="left") for a in by.axes if a.get_visible()] == ["(unknown)", "AP", "TASS"]
    key = plot_keyness(keyness(docs, by="agency"), top_n=1)
    assert [a.get_title(loc="left") for a in key.axes if a.get_visible()] == ["(unknown)", "AP", "TASS"]


def test_actor_charts_and_tables():
    from analysis import (actor_attention, actor_counts, actor_mentions, co_mentions,
                          plot_attention, plot_co_mention_heatmap, plot_co_mention_network,
                          plot_top_actors, quote_ledger, quotes)

    docs = DOCS.assign(text=["Russia and China met.", "Russia spoke.", "China and Kazakhstan.", ""])
    mentions = actor_mentions(docs)
    attention = actor_attention(mentions, docs, period="month", top_n=2)
    assert attention[["actor_id", "articles"]].values.tolist() == [
        ["CHN", 2], ["RUS", 1], ["CHN", 0], ["RUS", 0], ["CHN", 0], ["RUS", 1]]
    assert attention["share"].tolist() == [1.0, 0.5, 0.0, 0.0, 0.0, 1.0]
    counts = actor_counts(mentions)
    assert plot_top_actors(counts).axes[0].get_title(loc="left") == "Most mentioned actors"
    assert plot_attention(attention).axes[0].get_legend() is not None
    pairs = co_mentions(mentions)
    assert len(plot_co_mention_heatmap(pairs).axes) == 2           # heatmap and colour bar
    assert plot_co_mention_network(pairs, counts).axes[0].get_title(loc="left").startswith(
        "Co-mention network")
    ledger = quote_ledger(quotes(pd.DataFrame({"doc_id": ["q"], "text": [
        'Minister Anna Sokolova arrived. "We will sign the deal today," she said.']})))
    assert ledger[["speaker_id", "quotes", "direct"]].values.tolist() == [
        ["person:anna-sokolova", 1, 1]]


def test_charts_draw_empty_tables():
    docs = analysis.prepare_corpus(SAMPLE)
    empty_terms = pd.DataFrame(columns=["agency", "term", "count", "g2", "log_ratio"])
    counts = pd.DataFrame(columns=["actor_id", "name", "kind", "mentions"])
    pairs = pd.DataFrame(columns=["actor_a", "actor_b", "weight"])
    figures = [
        analysis.plot_keyness(empty_terms, docs=docs),
        analysis.plot_top_terms(empty_terms, by="agency", docs=docs),
        analysis.plot_top_actors(counts, docs=docs),
        analysis.plot_attention(pd.DataFrame(columns=["period", "actor_id", "name", "share"])),
        analysis.plot_co_mention_heatmap(pairs), analysis.plot_co_mention_network(pairs, counts),
        analysis.plot_articles_over_time(docs.iloc[:0]),
    ]
    for fig in figures:
        fig.savefig(io.BytesIO(), format="png")


def test_articles_by_outlet_counts_every_article():
    docs = pd.DataFrame({"doc_id": list("abcdef"),
                         "outlet": ["BBC", "BBC", "TASS", None, " ", "CNN"],
                         "agency": ["AP"] * 6})
    fig = analysis.plot_articles_by_agency(docs, by="outlet", top_n=2)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["BBC", "(unknown)"]   # bottom to top: the two largest (2 each), ties by name
    assert "Articles by outlet" in ax.get_title(loc="left")
    assert "2 more articles in smaller groups" in ax.get_title(loc="left")
