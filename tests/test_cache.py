"""The per-article cache: identical tables, reuse, invalidation, the cache command."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis import cache as dl_cache
from analysis.__main__ import main

from .conftest import shared_path

DOCS = pd.DataFrame({
    "doc_id": ["a", "b", "c", "d"],
    "title": ["Expert: Russia and Kazakhstan should act", None, "SCO summit", "SCO summit"],
    "text": ['"We must act now," said Yerlan Karin. The CSTO met in Astana.',
             "The SCO and the CSTO met. Russia said that the talks were useful.",
             "President Vladimir Putin spoke. Putin thinks the bloc matters a great deal.",
             "President Vladimir Putin spoke. Putin thinks the bloc matters a great deal."],
    "agency": ["TASS", "Reuters", "TASS", "AP"],
})


def _all(docs, cache):
    mentions = analysis.actor_mentions(docs, cache=cache)
    return {
        "terms": analysis.term_frequencies(docs, ngram=(1, 2), by="agency", cache=cache),
        "tfidf": analysis.tfidf(docs, cache=cache),
        "keyness": analysis.keyness(docs, by="agency", cache=cache),
        "mentions": mentions,
        "quotes": analysis.quotes(docs, mentions=mentions, cache=cache),
    }


def _segments(folder, kind):
    return sorted(folder.glob(f"{kind}-*/seg-*.keys.parquet"))


def test_cached_tables_are_identical_cold_and_warm(tmp_path):
    plain = _all(DOCS, False)
    cold = _all(DOCS, tmp_path)
    written = {k: _segments(tmp_path, k) for k in ("terms", "mentions", "quotes")}
    warm = _all(DOCS, tmp_path)
    for name in plain:
        pd.testing.assert_frame_equal(cold[name], plain[name])
        pd.testing.assert_frame_equal(warm[name], plain[name])
    # The warm run found everything: no new segment.
    assert {k: _segments(tmp_path, k) for k in written} == written
    assert all(written.values())


def test_only_new_or_changed_articles_are_recomputed(tmp_path):
    analysis.term_frequencies(DOCS, cache=tmp_path)
    changed = DOCS.copy()
    changed.loc[1, "text"] = "The SCO met again in Minsk."
    more = pd.concat([changed, pd.DataFrame({"doc_id": ["e"], "text": ["Belarus joined."],
                                             "agency": ["TASS"]})], ignore_index=True)
    table = analysis.term_frequencies(more, cache=tmp_path)
    pd.testing.assert_frame_equal(table, analysis.term_frequencies(more, cache=False))
    segments = _segments(tmp_path, "terms")
    assert len(segments) == 2
    newest = max(segments, key=lambda p: p.stat().st_mtime_ns)
    assert pd.read_parquet(newest)["key"].size == 2        # the changed one and the new one


def test_a_changed_option_is_a_new_namespace(tmp_path):
    analysis.term_frequencies(DOCS, cache=tmp_path)
    analysis.term_frequencies(DOCS, cache=tmp_path, extra_stopwords=["said"])
    analysis.actor_mentions(DOCS, cache=tmp_path)
    analysis.actor_mentions(DOCS, cache=tmp_path, discover=False)
    registry = analysis.actor_registry(pd.DataFrame({
        "actor_id": ["person:karin"], "name": ["Yerlan Karin"], "kind": ["person"],
        "aliases": ["Yerlan Karin|Karin"]}))
    with_karin = analysis.actor_mentions(DOCS, cache=tmp_path, registry=registry)
    pd.testing.assert_frame_equal(with_karin,
                                  analysis.actor_mentions(DOCS, cache=False, registry=registry))
    info = dl_cache.cache_info(tmp_path)
    assert info.groupby("kind").size().to_dict() == {"mentions": 3, "terms": 2}
    assert (info["articles"] == 3).all()             # c and d share one text


def test_quotes_follow_changed_mentions(tmp_path):
    mentions = analysis.actor_mentions(DOCS, cache=False)
    first = analysis.quotes(DOCS, mentions=mentions, cache=tmp_path)
    fewer = mentions[mentions["kind"] != "person"]
    again = analysis.quotes(DOCS, mentions=fewer, cache=tmp_path)
    pd.testing.assert_frame_equal(again, analysis.quotes(DOCS, mentions=fewer, cache=False))
    assert not first.equals(again)


def test_environment_variable_turns_the_cache_on(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path / "env"))
    analysis.term_frequencies(DOCS)
    assert _segments(tmp_path / "env", "terms")
    analysis.term_frequencies(DOCS, ngram=2, cache=False)
    assert len(list((tmp_path / "env").glob("terms-*"))) == 1


def test_cache_option_and_default_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("DATELINE_CACHE", raising=False)
    assert dl_cache.cache_folder(True) == tmp_path / "dateline"
    assert dl_cache.cache_folder("auto") is None
    assert dl_cache.cache_folder(None) is None and dl_cache.cache_folder(False) is None
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path / "mine"))
    assert dl_cache.cache_folder(True) == dl_cache.cache_folder("auto") == tmp_path / "mine"
    monkeypatch.delenv("DATELINE_CACHE")
    with pytest.raises(TypeError, match=r"cache=3 must be True \(the default folder"):
        analysis.term_frequencies(DOCS, cache=3)


def test_cache_command_info_and_clear(tmp_path, capsys):
    analysis.actor_mentions(DOCS, cache=tmp_path)
    assert main(["cache", "info", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path) in out and "mentions" in out and "3 articles" in out
    assert main(["cache", "clear", "--dir", str(tmp_path)]) == 0
    assert "removed" in capsys.readouterr().out
    assert dl_cache.cache_info(tmp_path).empty


def test_cache_on_real_corpora(tmp_path):
    lee = analysis.load_corpus(shared_path("abc_lee_2001", "lee_background.cor"), errors="ignore")
    tass = analysis.load_corpus(shared_path("tass_2024", "politics_20.json"), errors="ignore")
    for docs in (lee, tass):
        pd.testing.assert_frame_equal(
            analysis.term_frequencies(docs, ngram=(1, 2), cache=tmp_path),
            analysis.term_frequencies(docs, ngram=(1, 2), cache=False))
        mentions = analysis.actor_mentions(docs, cache=tmp_path)
        pd.testing.assert_frame_equal(mentions, analysis.actor_mentions(docs, cache=False))
        pd.testing.assert_frame_equal(analysis.quotes(docs, mentions=mentions, cache=tmp_path),
                                      analysis.quotes(docs, mentions=mentions, cache=False))
