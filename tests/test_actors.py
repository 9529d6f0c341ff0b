import networkx as nx
import pandas as pd
import pytest

import analysis
from analysis import actor_counts, actor_mentions, actor_registry, co_mention_graph, co_mentions
from analysis.actors import MENTION_COLUMNS, build_default_registry

from .conftest import shared_path


def ids(text):
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]}, index=["a"])
    return actor_mentions(docs)["actor_id"].tolist()


def test_shipped_registry_is_the_built_one():
    """analysis/data/actors.csv is what `python -m analysis.actors` builds from pycountry
    and the two hand-kept files: edit those, then rebuild."""
    pd.testing.assert_frame_equal(actor_registry(), build_default_registry())


def test_registry_contents():
    reg = actor_registry().set_index("actor_id")
    assert len(reg[reg["kind"] == "country"]) == 249
    assert {"KAZ", "RUS", "SYR", "UN", "UNSC", "NATO", "EU", "OSCE", "SCO", "CSTO", "CICA", "CIS",
            "EAEU", "BRICS", "ASEAN", "AU", "ARAB_LEAGUE", "OPEC", "IAEA", "ISIL", "AQ",
            "TALIBAN", "HAMAS", "HEZBOLLAH", "TASS", "REUTERS", "AP", "AFP", "XINHUA"} <= set(reg.index)
    assert "CICMA" in reg.loc["CICA", "aliases"].split("|")
    assert {"Kazakh", "Kazakhs"} <= set(reg.loc["KAZ", "aliases"].split("|"))
    assert set(reg["kind"]) <= {"country", "igo", "organisation", "armed_group", "person",
                                "place", "media"}


def test_seed_actors():
    docs = analysis.load_corpus(shared_path("seed"))
    mentions = actor_mentions(docs)
    assert list(mentions.columns[:10]) == MENTION_COLUMNS
    assert {"KAZ", "RUS", "SYR", "SCO", "CSTO", "CICA"} <= set(mentions["actor_id"])
    assert mentions.loc[mentions["surface"] == "CICMA", "actor_id"].unique().tolist() == ["CICA"]
    text = docs["text"].iloc[0]
    compound = text.index("Kazakh-Russian")
    inside = mentions[(mentions["field"] == "text") & (mentions["start"] >= compound)
                      & (mentions["end"] <= compound + len("Kazakh-Russian"))]
    assert inside["actor_id"].tolist() == ["KAZ", "RUS"]
    pairs = co_mentions(mentions, level="sentence")
    assert ((pairs["actor_a"] == "KAZ") & (pairs["actor_b"] == "RUS")).any()
    for row in mentions.itertuples(index=False):
        assert docs.loc[row.doc_id, row.field][row.start:row.end] == row.surface


def test_longest_match_and_case_rules():
    assert ids("South Sudan and Sudan met. The US and us.") == ["SSD", "SDN", "USA"]
    assert ids("Kazakhstan’s and Russia's envoys; Russians and Syrians.") == \
        ["KAZ", "RUS", "RUS", "SYR"]
    assert ids("The U.S. and the United States of America, in Latin America.") == \
        ["USA", "USA", "LATIN_AMERICA"]
    assert ids("WHAT IS NEXT FOR THE US ECONOMY?") == []          # acronyms in a caps headline
    assert ids("IS claimed the attack; turkey for dinner in Turkey.") == ["ISIL", "TUR"]
    assert ids("Russianness and Kazakhstani-made") == ["KAZ"]


def test_real_corpora_offsets_slice_back():
    for path in (shared_path("tass_2024", "politics_20.json"),
                 shared_path("abc_lee_2001", "lee_background.cor")):
        docs = analysis.load_corpus(path, errors="ignore")
        mentions = actor_mentions(docs)
        assert len(mentions) > 100
        for row in mentions.itertuples(index=False):
            assert docs.loc[row.doc_id, row.field][row.start:row.end] == row.surface
        # no two mentions overlap
        ordered = mentions.sort_values(["doc_id", "field", "start"])
        same = ordered[["doc_id", "field"]].eq(ordered[["doc_id", "field"]].shift()).all(axis=1)
        assert (ordered["start"][same] >= ordered["end"].shift()[same]).all()


def test_extra_registry_rows_add_and_override(tmp_path):
    extra = tmp_path / "people.csv"
    extra.write_text("actor_id,name,kind,aliases,role\n"
                     "KARIN,Yerlan Karin,person,Yerlan Karin|Karin,expert\n"
                     "SCO,Shanghai Cooperation Organization,igo,SCO|Shanghai Five,\n",
                     encoding="utf-8")
    reg = actor_registry(extra)
    assert reg.set_index("actor_id").loc["KARIN", "role"] == "expert"
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["Yerlan Karin said the Shanghai Five met. "
                                                    "Karin added."]})
    assert actor_mentions(docs, registry=reg)["actor_id"].tolist() == ["KARIN", "SCO", "KARIN"]
    with pytest.raises(ValueError, match=r"lacks the column\(s\) \['kind'\]"):
        actor_registry(pd.DataFrame({"actor_id": ["X"], "name": ["X"], "aliases": ["X"]}))
    with pytest.raises(ValueError, match=r"kind \['alien'\] is not one of"):
        actor_registry(pd.DataFrame({"actor_id": ["X"], "name": ["X"], "kind": ["alien"],
                                     "aliases": ["X"]}))
    with pytest.raises(FileNotFoundError, match="does not exist"):
        actor_registry(tmp_path / "none.csv")


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
