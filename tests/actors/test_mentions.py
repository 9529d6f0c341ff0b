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
    assert list(mentions.columns[:13]) == MENTION_COLUMNS
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
        # no two top-level mentions overlap; nested ones lie inside their parent
        top = mentions[mentions["depth"] == 0]
        inner = mentions[mentions["depth"] > 0].merge(
            top[["mention_id", "start", "end"]], left_on="parent", right_on="mention_id",
            suffixes=("", "_parent"))
        assert len(inner) == (mentions["depth"] > 0).sum()
        assert ((inner["start"] >= inner["start_parent"]) &
                (inner["end"] <= inner["end_parent"])).all()
        ordered = top.sort_values(["doc_id", "field", "start"])
        same = ordered[["doc_id", "field"]].eq(ordered[["doc_id", "field"]].shift()).all(axis=1)
        assert (ordered["start"][same] >= ordered["end"].shift()[same]).all()


def test_seed_person_is_one_id_across_mentions():
    docs = analysis.load_corpus(shared_path("seed"))
    mentions = actor_mentions(docs)
    karin = mentions[mentions["surface"].str.contains("Karin")]
    assert karin["actor_id"].unique().tolist() == ["person:yerlan-karin"]
    assert karin["surface"].tolist() == ["Yerlan Karin", "Yerlan Karin", "Karin", "Karin"]
    assert karin["how"].tolist() == ["title", "title", "surname", "surname"]
    assert mentions[mentions["how"] == "registry"]["actor_id"].str.startswith("person:").sum() == 0
    # discovery off: registry mentions only
    assert set(actor_mentions(docs, discover=False)["how"]) == {"registry"}


def frame(text, **options):
    """The mentions of one text as (surface, actor_id, kind, how, parent surface) rows."""
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]}, index=["a"])
    found = actor_mentions(docs, cache=False, **options)
    surface = dict(zip(found["mention_id"], found["surface"]))
    return [(r.surface, r.actor_id, r.kind, r.how, surface.get(r.parent) if r.depth else None)
            for r in found.itertuples()]


@pytest.mark.parametrize("text, expected", [
    # title: the titled span is the outer mention, the bare name nested in it
    ("Russian President Vladimir Putin met the press. Putin said no.",
     [("Russian", "RUS", "nationality", "registry", None),
      ("President Vladimir Putin", "person:vladimir-putin", "person", "title", None),
      ("Vladimir Putin", "person:vladimir-putin", "person", "title", "President Vladimir Putin"),
      ("Putin", "person:vladimir-putin", "person", "surname", None)]),
    # context: apposition with a role; honorific + surname
    ("Marat Zhunusov, a security analyst in Bishkek, disagreed. Mr Zhunusov left.",
     [("Marat Zhunusov", "person:marat-zhunusov", "person", "context", None),
      ("Bishkek", "place:bishkek", "place", "place-list", None),
      ("Mr Zhunusov", "person:marat-zhunusov", "person", "title", None),
      ("Zhunusov", "person:marat-zhunusov", "person", "title", "Mr Zhunusov")]),
    # head noun; an acronym introduced with its expansion
    ("The Eurasian Development Bank (EDB) lent money. EDB grew.",
     [("Eurasian Development Bank", "org:eurasian-development-bank", "organisation", "head", None),
      ("EDB", "org:eurasian-development-bank", "organisation", "head", None),
      ("EDB", "org:eurasian-development-bank", "organisation", "head", None)]),
    # joined across "for" after a head noun; a listed place nested inside
    ("Yuri Danilin, head of the Moscow Centre for Eurasian Studies, spoke.",
     [("Yuri Danilin", "person:yuri-danilin", "person", "context", None),
      ("Moscow Centre for Eurasian Studies", "org:moscow-centre-for-eurasian-studies",
       "organisation", "head", None),
      ("Moscow", "place:moscow", "place", "place-list", "Moscow Centre for Eurasian Studies")]),
    # place head; a weekday is not joined
    ("Smoke drifted over the Southern Highlands on Monday.",
     [("Southern Highlands", "place:southern-highlands", "place", "head", None)]),
    # not actors: ordinary capitals, days, treaties, operations
    ("The Big Storm hit Monday. Many People left. The Minsk Agreement and Operation Sea "
     "Guardian ended on Victory Day.", []),
    # phrase: demonym + modifiers + generic head; capitalised head noun after a demonym
    ("Syrian government forces and Iraqi Security Forces advanced.",
     [("Syrian government forces", "org:syrian-government-forces", "organisation", "phrase", None),
      ("Syrian", "SYR", "nationality", "registry", "Syrian government forces"),
      ("Iraqi Security Forces", "org:iraqi-security-forces", "organisation", "head", None),
      ("Iraqi", "IRQ", "nationality", "registry", "Iraqi Security Forces")]),
    # place phrases: "city of X", "X province", "northern X", "X-backed"
    ("Fighting spread from the city of Tal Hamis to Bir Halawa province and northern Dahr Ruwaq, "
     "where Iran-backed militias hold the hills.",
     [("Tal Hamis", "place:tal-hamis", "place", "phrase", None),
      ("Bir Halawa", "place:bir-halawa", "place", "phrase", None),
      ("Dahr Ruwaq", "place:dahr-ruwaq", "place", "phrase", None),
      ("Iran", "IRN", "country", "registry", None)]),
    # ethnic and religious groups and plural demonyms are nationalities
    ("Kurdish and Yazidi families fled; Kurds and Palestinians protested.",
     [("Kurdish", "KURDS", "nationality", "registry", None),
      ("Yazidi", "YAZIDIS", "nationality", "registry", None),
      ("Kurds", "KURDS", "nationality", "registry", None),
      ("Palestinians", "PSE", "nationality", "registry", None)]),
    # name shape: a first name from the list, and a speech verb; a surname resolved
    ("Later, Maria Okonkwo visited the camp. Okonkwo said little. Teodor Vasquez said more.",
     [("Maria Okonkwo", "person:maria-okonkwo", "person", "name-shape", None),
      ("Okonkwo", "person:maria-okonkwo", "person", "surname", None),
      ("Teodor Vasquez", "person:teodor-vasquez", "person", "context", None)]),
    # party words and honorifics are never part of the name
    ("Democrat Hillary Clinton spoke. Dr. Amina Yusuf QC replied.",
     [("Hillary Clinton", "person:hillary-clinton", "person", "title", None),
      ("Dr. Amina Yusuf", "person:amina-yusuf", "person", "title", None),
      ("Amina Yusuf", "person:amina-yusuf", "person", "title", "Dr. Amina Yusuf")]),
])
def test_discovery_rules(text, expected):
    assert frame(text) == expected


def test_lower_case_aliases_match_as_printed():
    assert frame("Fighters of al-Qaeda and al-Shabaab; Al-Qaeda again.") == [
        ("al-Qaeda", "AQ", "armed_group", "registry", None),
        ("al-Shabaab", "AL_SHABAAB", "armed_group", "registry", None),
        ("Al-Qaeda", "AQ", "armed_group", "registry", None)]


def test_capitals_lines_give_registry_names_only():
    assert frame("RUSSIAN TROOPS ENTER KHARKIV REGION\n\nThe talks went on.") == [
        ("RUSSIAN", "RUS", "nationality", "registry", None)]


def test_registry_people_resolve_surnames_too():
    reg = actor_registry(pd.DataFrame({"actor_id": ["PUTIN"], "name": ["Vladimir Putin"],
                                       "kind": ["person"], "aliases": ["Vladimir Putin"]}))
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["Vladimir Putin spoke. Later Putin left."]})
    got = actor_mentions(docs, registry=reg, discover=False)
    assert got[["surface", "actor_id", "how"]].values.tolist() == [
        ["Vladimir Putin", "PUTIN", "registry"], ["Putin", "PUTIN", "surname"]]


def test_parallel_mentions_equal_serial(monkeypatch):
    from analysis import _run

    docs = analysis.load_corpus(shared_path("abc_lee_2001", "lee_background.cor"), errors="ignore")
    serial = actor_mentions(docs, n_jobs=1)
    monkeypatch.setattr(_run, "PARALLEL_CHARS", 0)
    monkeypatch.setattr(_run, "BLOCK_CHARS", 37 * 1_000)      # blocks of a few dozen articles
    pd.testing.assert_frame_equal(actor_mentions(docs, n_jobs=2), serial)


@pytest.mark.parametrize("text, expected", [
    ("President Joe Biden and First Lady Jill Biden attended. Biden said.",
     [("President Joe Biden", "person:joe-biden"), ("Joe Biden", "person:joe-biden"),
      ("First Lady Jill Biden", "person:jill-biden"), ("Jill Biden", "person:jill-biden"),
      ("Biden", "person:joe-biden")]),
    ("He met Foreign Minister Sergei Lavrov in Moscow.",
     [("Foreign Minister Sergei Lavrov", "person:sergei-lavrov"),
      ("Sergei Lavrov", "person:sergei-lavrov"), ("Moscow", "place:moscow")]),
    ("Spanish Prime Minister Pedro Sánchez said so.",
     [("Spanish", "ESP"), ("Prime Minister Pedro Sánchez", "person:pedro-sanchez"),
      ("Pedro Sánchez", "person:pedro-sanchez")]),
    ("Kremlin Spokesman Dmitry Peskov Says Talks Stalled", []),
    ("The Russian Foreign Ministry said.",
     [("Russian Foreign Ministry", "org:russian-foreign-ministry"), ("Russian", "RUS")]),
    ("Mr. Smith said.", [("Mr. Smith", "person:smith"), ("Smith", "person:smith")]),
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
