import networkx as nx
import pandas as pd
import pytest

import analysis
from analysis import actor_counts, actor_mentions, actor_registry, co_mention_graph, co_mentions
from analysis.actors import MENTION_COLUMNS, build_default_registry

from ..conftest import shared_path


def test_counts_and_co_mentions_whole_frames():
    docs = pd.DataFrame({
        "doc_id": ["a", "b"], "agency": ["TASS", "AP"],
        "text": ["Russia and China met. Russia left.\n\nChina stayed with Kazakhstan.",
                 "China and Russia."]})
    mentions = actor_mentions(docs)
    counts = actor_counts(mentions)
    expected = pd.DataFrame({"actor_id": ["CHN", "RUS", "KAZ"],
                             "name": ["China", "Russia", "Kazakhstan"],
                             "kind": ["country"] * 3, "mentions": [3, 3, 1], "docs": [2, 2, 1]})
    pd.testing.assert_frame_equal(counts, expected, check_dtype=False)
    by = actor_counts(mentions, by="agency", docs=docs)
    assert by[["agency", "actor_id", "mentions"]].values.tolist() == [
        ["AP", "CHN", 1], ["AP", "RUS", 1], ["TASS", "CHN", 2], ["TASS", "RUS", 2], ["TASS", "KAZ", 1]]
    sentence = co_mentions(mentions, level="sentence")
    expected = pd.DataFrame({"actor_a": ["CHN", "CHN"], "actor_b": ["RUS", "KAZ"],
                             "weight": [2, 1], "docs": [2, 1], "example_doc_id": ["a", "a"]})
    pd.testing.assert_frame_equal(sentence, expected, check_dtype=False)
    paragraph = co_mentions(mentions, level="paragraph")
    assert paragraph[["actor_a", "actor_b", "weight"]].values.tolist() == [
        ["CHN", "RUS", 2], ["CHN", "KAZ", 1]]
    document = co_mentions(mentions, level="document")
    assert document[["actor_a", "actor_b", "weight", "docs"]].values.tolist() == [
        ["CHN", "RUS", 2, 2], ["CHN", "KAZ", 1, 1], ["KAZ", "RUS", 1, 1]]
    with pytest.raises(ValueError, match=r"level='clause' is not allowed"):
        co_mentions(mentions, level="clause")


def test_graphml_export(tmp_path):
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["Russia and China met Kazakhstan."]})
    mentions = actor_mentions(docs)
    graph = co_mention_graph(co_mentions(mentions), counts=actor_counts(mentions))
    path = tmp_path / "actors.graphml"
    nx.write_graphml(graph, path)
    back = nx.read_graphml(path)
    assert sorted(back.nodes) == ["CHN", "KAZ", "RUS"]
    assert back.nodes["RUS"]["name"] == "Russia" and back.edges["CHN", "RUS"]["weight"] == 1


def test_unknown_actors_gap_report():
    docs = analysis.load_corpus(shared_path("seed"))
    gaps = analysis.unknown_actors(docs)
    assert list(gaps.columns) == ["actor_id", "name", "kind", "how", "mentions", "docs",
                                  "example_doc_id", "example"]
    row = gaps.set_index("actor_id").loc["person:yerlan-karin"]
    assert (row["name"], row["kind"], row["how"], row["mentions"], row["docs"]) == \
        ("Yerlan Karin", "person", "title", 4, 1)
    # ranked by how it was found, the surest rule first
    rank = gaps["how"].map(analysis.actors.tables.HOW_RANK)
    assert rank.is_monotonic_increasing
    assert row["example"].startswith("The Chairman of the Kazakhstan’s Council")


def test_actor_counts_with_integer_doc_ids():
    docs = pd.DataFrame({"doc_id": [1, 2], "agency": ["AP", "TASS"],
                         "text": ["Russia spoke.", "Russia and China."]})
    got = actor_counts(actor_mentions(docs), by="agency", docs=docs)
    assert got[["agency", "actor_id", "mentions"]].values.tolist() == [
        ["AP", "RUS", 1], ["TASS", "CHN", 1], ["TASS", "RUS", 1]]


def test_counts_are_top_level_unless_nested():
    docs = pd.DataFrame({"doc_id": ["a"], "text": [
        "Iraqi Security Forces met President Joe Biden. Iraqi Security Forces left."]})
    mentions = actor_mentions(docs)
    top = actor_counts(mentions)
    assert top[["actor_id", "kind", "mentions"]].values.tolist() == [
        ["org:iraqi-security-forces", "organisation", 2], ["person:joe-biden", "person", 1]]
    both = actor_counts(mentions, nested=True)
    # the nested "Iraqi" counts; the bare "Joe Biden" inside its own titled span does not
    assert both[["actor_id", "kind", "mentions"]].values.tolist() == [
        ["IRQ", "country", 2], ["org:iraqi-security-forces", "organisation", 2],
        ["person:joe-biden", "person", 1]]
    pairs = co_mentions(mentions, level="document")
    assert pairs[["actor_a", "actor_b"]].values.tolist() == [
        ["org:iraqi-security-forces", "person:joe-biden"]]
    assert len(co_mentions(mentions, level="document", nested=True)) == 3


def test_a_demonym_counts_under_its_country_kind():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Iraq voted.", "Iraqi voters voted."]})
    got = actor_counts(actor_mentions(docs))
    assert got[["actor_id", "kind", "mentions", "docs"]].values.tolist() == [
        ["IRQ", "country", 2, 2]]
