"""The execution layer: one table wherever the work runs (here, forked, cached, on Dask or
the $DATELINE_SCHEDULER cluster), on hand-countable frames and on the real corpora."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import _run, engine
from analysis.text import iter_texts

from .conftest import shared_path

CORPORA = [("abc_lee_2001", "lee_background.cor"), ("tass_2024", "politics_20.json")]

CALLS: list[int] = []


def _words_block(block, fields, *, weight=None):
    """Words per field of each article, times the article's weight (a per-block extra)."""
    CALLS.append(len(block))
    rows = sorted((pos, fields.index(field), doc_id, field, 0,
                   len(text.split()) * (1 if weight is None else int(weight[pos])))
                  for pos, doc_id, field, text in iter_texts(block, fields))
    return pd.DataFrame([r[2:] for r in rows], columns=["doc_id", "field", "start", "words"]).astype(
        {"doc_id": "str", "field": "str", "start": "int64", "words": "int64"})


def _concat(parts):
    return pd.concat(parts, ignore_index=True)


def _words(docs, *, jobs=1, cache=False, weight=(1, 2, 3, 1), keyed=False):
    """``weight`` per row; by default a and d, which print the same text, weigh the same.
    With ``keyed``, the weight is part of each article's cache key (``Kept.key_extra``)."""
    fields = _run.fields_of(docs, ("title", "text"))
    weight = np.asarray(weight)
    work = _run.Work(
        "words-test", _words_block, _concat, args=(fields,),
        extra=lambda block: {"weight": weight[block.rows]},
        kept=_run.Kept({"fields": fields}, finish=lambda rows, row_index, position:
                       _run.in_table_order(rows, row_index, position, docs, fields),
                       key_extra=(lambda frame: [bytes([w]) for w in weight]) if keyed
                       else None))
    return _run.per_article(docs, fields, work, jobs=jobs, cache=cache)


DOCS = pd.DataFrame({"doc_id": ["a", "b", "c", "d"],
                     "title": ["One two", None, "Five", "One two"],
                     "text": ["three four five", "six", "", "three four five"]})
WORDS = pd.DataFrame({"doc_id": ["a", "a", "b", "c", "d", "d"],
                      "field": ["title", "text", "text", "title", "title", "text"],
                      "start": [0] * 6, "words": [2, 3, 2, 3, 2, 3]})


def test_one_table_here_forked_and_cached(tmp_path, monkeypatch):
    pd.testing.assert_frame_equal(_words(DOCS), WORDS)
    cold = _words(DOCS, cache=tmp_path)
    CALLS.clear()
    warm = _words(DOCS, cache=tmp_path)
    assert CALLS == []                     # every article came from the cache
    monkeypatch.setattr(_run, "PARALLEL_CHARS", 0)
    monkeypatch.setattr(_run, "BLOCK_CHARS", 8)
    forked = _words(DOCS, jobs=2)
    forked_cached = _words(DOCS, jobs=2, cache=tmp_path / "forked")
    on_dask = _words(engine.to_dask(DOCS, rows_per_partition=2))     # Dask's own scheduler
    for table in (cold, warm, forked, forked_cached, on_dask):
        pd.testing.assert_frame_equal(table, WORDS)


def test_the_cache_computes_a_repeated_article_once(tmp_path):
    """d repeats a's text: computed once, rows for both. (A work whose extra arguments can
    differ between equal texts puts them in Kept.key_extra, as quotes do with mentions.)"""
    CALLS.clear()
    got = _words(DOCS, cache=tmp_path)
    assert CALLS == [3]                    # a, b, c; d is a's text
    pd.testing.assert_frame_equal(got, WORDS)


def test_what_changes_a_result_goes_into_its_cache_key(tmp_path):
    """d repeats a's text but weighs 4: with the weight in the key, d is computed apart."""
    weighted = WORDS.assign(words=[2, 3, 2, 3, 8, 12])
    pd.testing.assert_frame_equal(_words(DOCS, weight=(1, 2, 3, 4)), weighted)
    CALLS.clear()
    cached = _words(DOCS, weight=(1, 2, 3, 4), keyed=True, cache=tmp_path)
    assert CALLS == [4]
    pd.testing.assert_frame_equal(cached, weighted)


def test_forked_calls_from_two_threads_keep_their_own_work():
    from concurrent.futures import ThreadPoolExecutor

    def run(k):
        return _run.fork_map(_scaled, k, list(range(40)), 2)

    with ThreadPoolExecutor(2) as threads:
        results = list(threads.map(run, [10, 1000] * 3))
    for k, got in zip([10, 1000] * 3, results):
        assert got == [k * i for i in range(40)]


def _scaled(k, item):
    return k * item


def test_blocks_hold_whole_articles_of_about_the_target_size():
    blocks = _run._char_blocks(np.array([5, 5, 5, 5, 30, 1]), 10)
    assert blocks == [(0, 2), (2, 4), (4, 5), (5, 6)]
    assert _run._char_blocks(np.array([], dtype=np.int64), 10) == []
    lengths = _run.text_lengths(DOCS, ["title", "text"])
    assert lengths.tolist() == [22, 3, 4, 22]


def test_jobs_and_paused_collector():
    import gc

    assert _run.resolve_jobs(3) == 3 and _run.resolve_jobs(None) >= 1
    with pytest.raises(ValueError, match="n_jobs=0 is out of range"):
        _run.resolve_jobs(0)

    @_run.paused_gc
    def inside():
        """Doc."""
        return gc.isenabled()

    assert inside() is False and gc.isenabled() and inside.__doc__ == "Doc."


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    shared_path()                         # skip before starting anything without ../shared
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local, \
            distributed.Client(local) as client:
        yield local, client
        engine.close_client()          # before the cluster goes away


@pytest.fixture(scope="module", params=CORPORA, ids=[c[0] for c in CORPORA])
def corpus(request):
    path = shared_path(*request.param)
    docs = analysis.load_corpus(path, errors="ignore")
    # Several partitions, so the per-partition results really are combined.
    return docs, engine.to_dask(docs, rows_per_partition=len(docs) // 3 + 1)


def test_load_corpus_dask_engine_has_the_same_columns(cluster):
    path = shared_path("tass_2024", "politics_20.json")
    docs = analysis.load_corpus(path, errors="ignore")
    lazy = analysis.load_corpus(path, errors="ignore", engine="dask")
    assert engine.is_dask(lazy) and not engine.is_dask(docs)
    pd.testing.assert_frame_equal(lazy.compute(), docs)
    with pytest.raises(ValueError, match=r"engine='spark' is not allowed; use one of: "
                                         r"'pandas', 'dask'\."):
        analysis.load_corpus(path, engine="spark")


def test_dask_engine_gives_the_pandas_tables(cluster, corpus):
    docs, lazy = corpus
    for function, options in [(analysis.term_frequencies, {"ngram": (1, 2)}),
                              (analysis.term_frequencies, {"by": "agency"}),
                              (analysis.tfidf, {"top_n": 5}),
                              (analysis.actor_mentions, {})]:
        pd.testing.assert_frame_equal(function(lazy, **options),
                                      function(docs, cache=False, **options))
    reference = analysis.term_frequencies(docs, cache=False).head(50)
    pd.testing.assert_frame_equal(analysis.keyness(lazy, reference=reference),
                                  analysis.keyness(docs, reference=reference, cache=False))
    mentions = analysis.actor_mentions(docs, cache=False)
    pd.testing.assert_frame_equal(analysis.actor_counts(mentions, by="agency", docs=lazy),
                                  analysis.actor_counts(mentions, by="agency", docs=docs))


def test_scheduler_variable_sends_pandas_work_to_the_cluster(cluster, corpus, monkeypatch):
    local, _ = cluster
    docs, _ = corpus
    mentions = analysis.actor_mentions(docs, cache=False)
    expected = (analysis.term_frequencies(docs, ngram=2, cache=False),
                analysis.quotes(docs, mentions=mentions, cache=False))
    monkeypatch.setenv("DATELINE_SCHEDULER", local.scheduler_address)
    pd.testing.assert_frame_equal(analysis.actor_mentions(docs, cache=False), mentions)
    pd.testing.assert_frame_equal(analysis.term_frequencies(docs, ngram=2, cache=False),
                                  expected[0])
    pd.testing.assert_frame_equal(analysis.quotes(docs, mentions=mentions, cache=False),
                                  expected[1])
    assert engine.scheduler_client() is not None
    prefixes = set(local.scheduler.task_prefixes)
    assert {"terms", "mentions", "quotes"} <= prefixes, prefixes


def test_scheduler_variable_with_nobody_there(monkeypatch):
    pytest.importorskip("distributed")
    engine.close_client()
    monkeypatch.setenv("DATELINE_SCHEDULER", "tcp://127.0.0.1:9")
    monkeypatch.setattr(engine, "_CONNECT_TIMEOUT", "1s")
    with pytest.raises(RuntimeError, match=r"DATELINE_SCHEDULER='tcp://127.0.0.1:9': no Dask "
                                           r"scheduler answers there"):
        analysis.term_frequencies(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), cache=False)


def test_persisted_frame_in_many_partitions_gives_the_pandas_counts(cluster):
    # Enough partitions for two levels of the merge tree, kept on the workers.
    docs = analysis.load_corpus(shared_path("tass_2024", "politics_20.json"), errors="ignore")
    lazy = engine.persist(engine.to_dask(docs, rows_per_partition=1))
    assert lazy.npartitions > 16
    for options in [{"ngram": (1, 2), "stopwords": None}, {"by": "agency"}]:
        pd.testing.assert_frame_equal(analysis.term_frequencies(lazy, **options),
                                      analysis.term_frequencies(docs, cache=False, **options))


def test_report_runner_sends_the_notebooks_work_to_the_scheduler(cluster, tmp_path):
    from analysis.report import run_report

    from .conftest import SAMPLE

    local, _ = cluster
    before = set(local.scheduler.task_prefixes)
    quiet = {"echo": lambda *a: None, "notebooks": ["02_terms"], "cache": False}
    manifest = run_report(SAMPLE, out_dir=tmp_path / "dask", scheduler=local.scheduler_address,
                          **quiet)
    assert manifest["failed"] == [] and manifest["scheduler"] == local.scheduler_address
    assert "terms" in set(local.scheduler.task_prefixes) - before or \
        local.scheduler.task_prefixes["terms"].states, local.scheduler.task_prefixes
    run_report(SAMPLE, out_dir=tmp_path / "plain", **quiet)
    for table in sorted((tmp_path / "plain" / "tables").glob("*.csv")):
        assert (tmp_path / "dask" / "tables" / table.name).read_bytes() == table.read_bytes()


def test_problems_travel_with_the_dask_frame(write):
    pytest.importorskip("dask")
    write("a.txt", "Title\n\nMOSCOW, May 2. /TASS/. The CSTO met.\n")
    path = write("b.json", '[{"title": "x", "text": "fine"}, {"title": ')
    lazy = analysis.load_corpus(path.parent, engine="dask", errors="ignore")
    eager = analysis.load_corpus(path.parent, errors="ignore")
    pd.testing.assert_frame_equal(analysis.problems(lazy), analysis.problems(eager))
    assert len(analysis.problems(lazy)) == 1
