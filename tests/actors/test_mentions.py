import networkx as nx
import pandas as pd
import pytest

import analysis
from analysis import actor_counts, actor_mentions, actor_registry, co_mention_graph, co_mentions
from analysis.actors import MENTION_COLUMNS, build_default_registry

from ..conftest import shared_path


def ids(text):
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]}, index=["a"])
    return actor_mentions(docs)["actor_id"].tolist()


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


def test_seed_person_is_one_id_across_mentions():
    docs = analysis.load_corpus(shared_path("seed"))
    mentions = actor_mentions(docs)
    karin = mentions[mentions["surface"].str.contains("Karin")]
    assert karin["actor_id"].unique().tolist() == ["person:yerlan-karin"]
    assert karin["surface"].tolist() == ["Yerlan Karin", "Yerlan Karin", "Karin", "Karin"]
    assert set(karin["how"]) == {"discovered"}
    assert mentions[mentions["how"] == "registry"]["actor_id"].str.startswith("person:").sum() == 0
    # discovery off: registry mentions only
    assert set(actor_mentions(docs, discover=False)["how"]) == {"registry"}


@pytest.mark.parametrize("text, expected", [
    ("Russian President Vladimir Putin met the press. Putin said no.",
     [("Vladimir Putin", "person:vladimir-putin"), ("Putin", "person:vladimir-putin")]),
    ("Marat Zhunusov, a security analyst in Bishkek, disagreed. Mr Zhunusov left.",
     [("Marat Zhunusov", "person:marat-zhunusov"), ("Zhunusov", "person:marat-zhunusov")]),
    ("The Eurasian Development Bank (EDB) lent money. EDB grew.",
     [("Eurasian Development Bank", "org:eurasian-development-bank"),
      ("EDB", "org:eurasian-development-bank"), ("EDB", "org:eurasian-development-bank")]),
    ("Yuri Danilin, head of the Moscow Centre for Eurasian Studies, spoke.",
     [("Yuri Danilin", "person:yuri-danilin"),
      ("Moscow Centre for Eurasian Studies", "org:moscow-centre-for-eurasian-studies")]),
    ("Smoke drifted over the Southern Highlands on Monday.",
     [("Southern Highlands", "place:southern-highlands")]),
    ("The Big Storm hit Monday. Many People left.", []),
])
def test_discovery_rules(text, expected):
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]}, index=["a"])
    found = actor_mentions(docs)
    found = found[found["how"] == "discovered"]
    assert list(zip(found["surface"], found["actor_id"])) == expected


def test_registry_people_resolve_surnames_too():
    reg = actor_registry(pd.DataFrame({"actor_id": ["PUTIN"], "name": ["Vladimir Putin"],
                                       "kind": ["person"], "aliases": ["Vladimir Putin"]}))
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["Vladimir Putin spoke. Later Putin left."]})
    got = actor_mentions(docs, registry=reg, discover=False)
    assert got[["surface", "actor_id", "how"]].values.tolist() == [
        ["Vladimir Putin", "PUTIN", "registry"], ["Putin", "PUTIN", "registry"]]


def test_parallel_mentions_equal_serial(monkeypatch):
    from analysis import _run

    docs = analysis.load_corpus(shared_path("abc_lee_2001", "lee_background.cor"), errors="ignore")
    serial = actor_mentions(docs, n_jobs=1)
    monkeypatch.setattr(_run, "PARALLEL_CHARS", 0)
    monkeypatch.setattr(_run, "BLOCK_CHARS", 37 * 1_000)      # blocks of a few dozen articles
    pd.testing.assert_frame_equal(actor_mentions(docs, n_jobs=2), serial)


@pytest.mark.parametrize("text, expected", [
    ("President Joe Biden and First Lady Jill Biden attended. Biden said.",
     [("Joe Biden", "person:joe-biden"), ("Jill Biden", "person:jill-biden"),
      ("Biden", "person:joe-biden")]),
    ("He met Foreign Minister Sergei Lavrov in Moscow.", [("Sergei Lavrov", "person:sergei-lavrov")]),
    ("Spanish Prime Minister Pedro Sánchez said so.",
     [("Spanish", "ESP"), ("Pedro Sánchez", "person:pedro-sanchez")]),
    ("Kremlin Spokesman Dmitry Peskov Says Talks Stalled", []),
    ("The Russian Foreign Ministry said.", [("Russian Foreign Ministry", "org:russian-foreign-ministry")]),
    ("Mr. Smith said.", [("Smith", "person:smith")]),
])
def test_review_cases_for_discovery(text, expected):
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    found = actor_mentions(docs)
    assert list(zip(found["surface"], found["actor_id"])) == expected


def test_gold_annotations_match_the_shared_corpora():
    """tests/data/actor_gold.jsonl holds offsets only; they must still fit the texts."""
    import json
    from pathlib import Path

    lee = analysis.load_corpus(shared_path("abc_lee_2001", "lee_background.cor"), errors="ignore")
    tass = analysis.load_corpus(shared_path("tass_2024", "politics_20.json"))
    docs = pd.concat([lee, tass])
    lines = (Path(__file__).parent.parent / "data" / "actor_gold.jsonl").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in lines.splitlines() if line]
    assert len(gold) == 50 and sum(len(g["mentions"]) for g in gold) == 172
    for sentence in gold:
        text = docs.loc[sentence["doc_id"], sentence["field"]]
        assert "sentence" not in sentence          # no copied text in the repository
        for m in sentence["mentions"]:
            assert sentence["start"] <= m["start"] < m["end"] <= sentence["end"]
            assert text[m["start"]:m["end"]] == m["surface"]
