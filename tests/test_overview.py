import pandas as pd
import pytest

from analysis import articles_per_period, corpus_summary, filter_corpus, plot_articles_by_agency, \
    plot_articles_over_time

DOCS = pd.DataFrame({
    "doc_id": ["a", "b", "c", "d"],
    "agency": ["TASS", "TASS", "AP", None],
    "date": pd.to_datetime(["2024-01-05", "2024-03-01", "2024-01-20", None]),
    "dateline": ["MOSCOW, Jan. 5 /TASS/.", None, "KYIV (AP)", None],
    "title": ["A", "B", None, "D"],
    "text": ["same body", "other", "same body", ""],
    "n_words": [2, 1, 2, 0],
})


def test_articles_per_period_fills_empty_months():
    got = articles_per_period(DOCS, period="month", by="agency")
    expected = pd.DataFrame({
        "period": pd.to_datetime(["2024-01-01"] * 2 + ["2024-02-01"] * 2 + ["2024-03-01"] * 2),
        "agency": ["AP", "TASS"] * 3,
        "articles": [1, 1, 0, 0, 0, 1],
    })
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    total = articles_per_period(DOCS, period="month", by=None)
    assert total["articles"].tolist() == [2, 0, 1]


def test_articles_per_period_rejects_unknown_period():
    with pytest.raises(ValueError, match=r"period='fortnight' is not allowed; use one of: 'day'"):
        articles_per_period(DOCS, period="fortnight")


def test_corpus_summary_counts():
    got = corpus_summary(DOCS).set_index("measure")["value"].to_dict()
    assert got == {
        "articles": "4", "agencies": "AP, TASS", "first date": "2024-01-05",
        "last date": "2024-03-01", "without a date": "1", "without a dateline": "2",
        "without a title": "1", "duplicates": "1", "near duplicates": "0", "words": "5",
        "loading problems": "0",
    }


def test_filter_corpus():
    assert filter_corpus(DOCS, date_from="2024-01-06")["doc_id"].tolist() == ["b", "c"]
    assert filter_corpus(DOCS, date_to="2024-01-20")["doc_id"].tolist() == ["a", "c"]
    assert filter_corpus(DOCS, agencies=["AP"])["doc_id"].tolist() == ["c"]
    assert filter_corpus(DOCS)["doc_id"].tolist() == ["a", "b", "c", "d"]
    with pytest.raises(ValueError, match=r"agencies=\['BBC'\]: none of these is in the corpus"):
        filter_corpus(DOCS, agencies=["BBC"])
    with pytest.raises(ValueError, match=r"date_from='soon' is not a date"):
        filter_corpus(DOCS, date_from="soon")


def test_charts_have_titles_labels_and_a_source_line():
    fig = plot_articles_over_time(DOCS)
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Articles per month by agency (1 undated not shown)"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Month", "Articles")
    assert [t.get_text() for t in fig.texts] == ["Source: 4 articles; AP, TASS; 2024-01-05 to 2024-03-01"]
    fig = plot_articles_by_agency(DOCS)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["unknown", "AP", "TASS"]


def test_term_charts():
    from analysis import keyness, plot_keyness, plot_top_terms, term_frequencies

    docs = DOCS.assign(text=["sco sco csto", "sco nato", "nato nato sco", "csto"])
    fig = plot_top_terms(term_frequencies(docs), top_n=2, docs=docs)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["nato", "sco"]
    assert ax.get_title(loc="left") == "Most frequent terms"
    by = plot_top_terms(term_frequencies(docs, by="agency"), by="agency")
    assert [a.get_title(loc="left") for a in by.axes if a.get_visible()] == ["AP", "TASS"]
    key = plot_keyness(keyness(docs, by="agency"), top_n=1)
    assert [a.get_title(loc="left") for a in key.axes if a.get_visible()] == ["AP", "TASS"]


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


def test_with_groups_labels_periods_and_undated():
    from analysis import with_groups

    grouped = with_groups(DOCS, "month")
    assert grouped["month"].tolist() == [
        "undated" if pd.isna(d) else f"{d:%Y-%m}" for d in DOCS["date"]]
    assert "undated" in set(grouped["month"])
    assert with_groups(DOCS, "agency") is DOCS
    with pytest.raises(ValueError, match=r"group_by='agencyy' is neither a column of docs nor a period"):
        with_groups(DOCS, "agencyy")
