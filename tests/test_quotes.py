import networkx as nx
import pandas as pd
import pytest

import analysis
from analysis import actor_counts, actor_mentions, actor_registry, co_mention_graph, co_mentions
from analysis.actors import MENTION_COLUMNS, build_default_registry

from .conftest import shared_path


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


def test_wire_attributions_and_desk_tags():
    docs = pd.DataFrame({"doc_id": ["a", "b"],
                         "title": ["Talks go on", "UPDATE 2: Oil prices rise as OPEC cuts output"],
                         "text": ['"We will respond firmly to this," said Kremlin spokesman Dmitry Peskov.',
                                  "Deputy Prime Minister Alexander Novak spoke."]})
    table = analysis.quotes(docs)
    assert table[["doc_id", "speaker_id", "kind"]].values.tolist() == [
        ["a", "person:dmitry-peskov", "direct"]]


def test_parallel_quotes_equal_serial(monkeypatch):
    from analysis import _run

    docs = analysis.load_corpus(shared_path("abc_lee_2001", "lee_background.cor"), errors="ignore")
    mentions = actor_mentions(docs, n_jobs=1)
    serial = analysis.quotes(docs, mentions=mentions, n_jobs=1)
    assert len(serial) > 50
    monkeypatch.setattr(_run, "PARALLEL_CHARS", 0)
    monkeypatch.setattr(_run, "BLOCK_CHARS", 37 * 1_000)
    pd.testing.assert_frame_equal(analysis.quotes(docs, mentions=mentions, n_jobs=2), serial)
