"""The by-group tables of the terms and actors pages count every article.

A real multi-outlet corpus had 3,350 of 3,824 articles without an agency, and the pages
compared four agency groups without them. Here the sample corpus is made like it: most
articles credit no agency, and some have no outlet either. The calls are the notebooks'.
"""

import pandas as pd
import pytest

import analysis

from ..conftest import SAMPLE

STOP = ["said", "says", "told"]


@pytest.fixture(scope="module")
def docs():
    loaded = analysis.load_corpus(SAMPLE, errors="ignore")
    # The 18 articles of the first sample (text files, JSON, JSON Lines and the wires CSV).
    later = ("archives/", "pages/", "nitf/", "exports/regional_sites", "exports/silk_road")
    loaded = loaded[~loaded["doc_id"].str.startswith(later)]
    folder = loaded["doc_id"].str.split("/").str[0]
    outlet = folder.map({"tass": "TASS", "wires": "wires.example.org"})   # exports: none
    made = loaded.assign(agency=loaded["agency"].where(folder == "tass"), outlet=outlet)
    assert made["agency"].notna().sum() == 4 and made["outlet"].isna().sum() == 10
    # What prepare_corpus does once the articles are loaded and filtered:
    return analysis.with_groups(made, analysis.default_group_by(made))


def test_the_default_groups_are_outlets_with_the_unknown_group(docs):
    assert analysis.group_column(docs) == "outlet"
    groups = analysis.group_sizes(docs, "outlet")
    assert groups.values.tolist() == [["(unknown)", 10, 10 / 18], ["TASS", 4, 4 / 18],
                                      ["wires.example.org", 4, 4 / 18]]
    assert groups["articles"].sum() == len(docs) == 18
    assert analysis.group_note(docs, "outlet", min_docs=5) == (
        "Grouped by outlet: 2 groups of 4 articles, and (unknown) for the 10 articles with no "
        "outlet; every article is in one group. Too small to compare (fewer than 5 articles): "
        "TASS (4), wires.example.org (4).")


def test_term_tables_and_charts_by_group_include_every_article(docs):
    group_by = analysis.group_column(docs)
    per_doc = analysis.term_frequencies(docs, by=[group_by, "doc_id"], extra_stopwords=STOP)
    documents = per_doc.groupby(group_by)["doc_id"].nunique()
    assert documents.to_dict() == {"(unknown)": 10, "TASS": 4, "wires.example.org": 4}
    assert documents.sum() == len(docs)
    by_group = analysis.term_frequencies(docs, by=group_by, extra_stopwords=STOP)
    overall = analysis.term_frequencies(docs, extra_stopwords=STOP)
    assert by_group.groupby(group_by)["count"].sum().sum() == overall["count"].sum()
    figure = analysis.plot_top_terms(by_group, by=group_by, top_n=10, docs=docs)
    assert [a.get_title(loc="left") for a in figure.axes if a.get_visible()] == [
        "(unknown)", "TASS", "wires.example.org"]
    keys = analysis.group_keyness(docs, group_by, extra_stopwords=STOP, min_docs=2,
                                  min_effect=1.0)
    assert set(keys[group_by]) == {"(unknown)", "TASS", "wires.example.org"}
    strict = analysis.group_keyness(docs, group_by, extra_stopwords=STOP, min_docs=5)
    assert set(strict[group_by]) == {"(unknown)"}
    assert strict.attrs["too_small"] == {"TASS": 4, "wires.example.org": 4}
    shown = keys[keys["log_ratio"] > 0].groupby(group_by).head(5)
    assert set(shown[group_by]) == {"(unknown)", "TASS", "wires.example.org"}


def test_actor_tables_by_group_include_every_article(docs):
    group_by = analysis.group_column(docs)
    mentions = analysis.actor_mentions(docs)
    by_group = analysis.actor_counts(mentions, by=group_by, docs=docs)
    assert by_group["mentions"].sum() == (mentions["depth"] == 0).sum()   # top-level counted
    mentioned = mentions.merge(docs[["doc_id", group_by]].astype({"doc_id": "str"}), on="doc_id")
    per_group = mentioned.groupby(group_by)["doc_id"].nunique()
    assert per_group.sum() == mentions["doc_id"].nunique() == len(docs)
    assert set(by_group.groupby(group_by).head(5)[group_by]) == set(per_group.index) == {
        "(unknown)", "TASS", "wires.example.org"}


def test_an_agency_report_keeps_the_articles_without_an_agency(docs):
    raw = docs.assign(agency=docs["agency"].where(docs["agency"] != "(unknown)"))
    grouped = analysis.with_groups(raw, "agency")
    by_group = analysis.term_frequencies(grouped, by=["agency", "doc_id"], extra_stopwords=STOP)
    assert by_group.groupby("agency")["doc_id"].nunique().to_dict() == {"(unknown)": 14, "TASS": 4}
    assert analysis.group_sizes(grouped, "agency")["articles"].sum() == len(docs)
    assert pd.api.types.is_string_dtype(grouped["agency"])
