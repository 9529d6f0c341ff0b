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


# ---------------------------------------------------------------------------------------
# Discovery, coreference, the gap report and quotes
# ---------------------------------------------------------------------------------------


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


def test_unknown_actors_gap_report():
    docs = analysis.load_corpus(shared_path("seed"))
    gaps = analysis.unknown_actors(docs)
    assert list(gaps.columns) == ["actor_id", "name", "kind", "mentions", "docs",
                                  "example_doc_id", "example"]
    row = gaps.set_index("actor_id").loc["person:yerlan-karin"]
    assert (row["name"], row["kind"], row["mentions"], row["docs"]) == \
        ("Yerlan Karin", "person", 4, 1)
    assert row["example"].startswith("The Chairman of the Kazakhstan’s Council")


def test_seed_quotes_are_attributed_to_karin():
    docs = analysis.load_corpus(shared_path("seed"))
    table = analysis.quotes(docs)
    assert list(table.columns) == ["doc_id", "field", "start", "end", "quote", "speaker_id",
                                   "speaker_name", "cue", "kind"]
    for row in table.itertuples(index=False):
        assert docs.loc[row.doc_id, row.field][row.start:row.end] == row.quote
    direct = table[table["kind"] == "direct"]
    assert (direct["speaker_id"] == "person:yerlan-karin").sum() >= 4
    assert direct["quote"].str.startswith("very closely and efficiently").any()
    headline = table[table["kind"] == "headline"]
    assert headline[["quote", "speaker_id", "cue"]].values.tolist() == [[
        "Kazakhstan, Russia should widely use Post-Soviet security blocs to fight terror",
        "person:yerlan-karin", "Expert:"]]
    assert (table[table["kind"] == "reported"]["speaker_id"] == "person:yerlan-karin").all()


def test_quote_patterns():
    docs = pd.DataFrame({"doc_id": ["a"], "text": [
        "Foreign Minister Aidar Bekov arrived. \u201cWe will sign the deal today,\u201d he said. "
        "Bekov added: \"The talks went very well indeed.\" "
        "According to Bekov, the corridor will open in May next year. "
        "Officials said they \"did not expect\" delays."]}, index=["a"])
    table = analysis.quotes(docs)
    got = table[["quote", "speaker_id", "cue", "kind"]].values.tolist()
    assert got[0] == ["We will sign the deal today,", "person:aidar-bekov", "he said", "direct"]
    assert got[1] == ["The talks went very well indeed.", "person:aidar-bekov", "Bekov added",
                      "direct"]
    assert got[2][1:] == ["person:aidar-bekov", "According to Bekov", "reported"]
    assert got[2][0] == "the corridor will open in May next year"
    # A partial quote with an attribution the registry cannot resolve keeps no speaker.
    assert got[3] == ["did not expect", "", "Officials said they", "direct"]
    scare = pd.DataFrame({"doc_id": ["b"], "text": ['The "deal" was signed.']})
    assert analysis.quotes(scare).empty          # a scare-quoted word is not a quotation


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


def test_wire_attributions_and_desk_tags():
    docs = pd.DataFrame({"doc_id": ["a", "b"],
                         "title": ["Talks go on", "UPDATE 2: Oil prices rise as OPEC cuts output"],
                         "text": ['"We will respond firmly to this," said Kremlin spokesman Dmitry Peskov.',
                                  "Deputy Prime Minister Alexander Novak spoke."]})
    table = analysis.quotes(docs)
    assert table[["doc_id", "speaker_id", "kind"]].values.tolist() == [
        ["a", "person:dmitry-peskov", "direct"]]


def test_actor_counts_with_integer_doc_ids():
    docs = pd.DataFrame({"doc_id": [1, 2], "agency": ["AP", "TASS"],
                         "text": ["Russia spoke.", "Russia and China."]})
    got = actor_counts(actor_mentions(docs), by="agency", docs=docs)
    assert got[["agency", "actor_id", "mentions"]].values.tolist() == [
        ["AP", "RUS", 1], ["TASS", "CHN", 1], ["TASS", "RUS", 1]]


def test_gold_annotations_match_the_shared_corpora():
    """tests/data/actor_gold.jsonl holds offsets only; they must still fit the texts."""
    import json
    from pathlib import Path

    lee = analysis.load_corpus(shared_path("abc_lee_2001", "lee_background.cor"), errors="ignore")
    tass = analysis.load_corpus(shared_path("tass_2024", "politics_20.json"))
    docs = pd.concat([lee, tass])
    lines = (Path(__file__).parent / "data" / "actor_gold.jsonl").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in lines.splitlines() if line]
    assert len(gold) == 50 and sum(len(g["mentions"]) for g in gold) == 172
    for sentence in gold:
        text = docs.loc[sentence["doc_id"], sentence["field"]]
        assert "sentence" not in sentence          # no copied text in the repository
        for m in sentence["mentions"]:
            assert sentence["start"] <= m["start"] < m["end"] <= sentence["end"]
            assert text[m["start"]:m["end"]] == m["surface"]


def test_parallel_quotes_equal_serial(monkeypatch):
    from analysis import _run

    docs = analysis.load_corpus(shared_path("abc_lee_2001", "lee_background.cor"), errors="ignore")
    mentions = actor_mentions(docs, n_jobs=1)
    serial = analysis.quotes(docs, mentions=mentions, n_jobs=1)
    assert len(serial) > 50
    monkeypatch.setattr(_run, "PARALLEL_CHARS", 0)
    monkeypatch.setattr(_run, "BLOCK_CHARS", 37 * 1_000)
    pd.testing.assert_frame_equal(analysis.quotes(docs, mentions=mentions, n_jobs=2), serial)
