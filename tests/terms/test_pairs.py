import math

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import collocations, keyness, kwic, term_frequencies, tfidf, tokenize
from analysis import _run
from analysis.terms import counting
from analysis.terms import compare as keyness_module

from ..conftest import shared_path

# quanteda.textstats' hand-countable fixture.
ABC = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "text": ["a a b b c d", "a d d d", "a a a"],
                    "grp": ["x", "y", "y"]})


def test_collocations_with_nltk_measures():
    text = ("Collective security treaty. " * 3 + "Security council met. " * 2 + "Treaty talks.")
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    got = collocations(docs, min_count=2, measure="raw_freq")
    assert got[["term_a", "term_b", "count"]].values.tolist() == [
        ["collective", "security", 3], ["security", "treaty", 3], ["council", "met", 2],
        ["security", "council", 2]]
    # Windows never cross a sentence's punctuation into stopwords, or documents.
    focus = collocations(docs, min_count=1, window=3, focus="council")
    assert set(zip(focus["term_a"], focus["term_b"])) == {("security", "council"), ("council", "met")}
    with pytest.raises(ValueError, match=r"measure='mi' is not allowed; use one of: 'llr', 'pmi'"):
        collocations(docs, measure="mi")


@pytest.mark.parametrize("window, focus", [(2, None), (5, ["police", "government"])])
def test_collocations_match_nltk_finder(window, focus):
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    from analysis.terms.counting import _norms

    docs = analysis.load_corpus(shared_path("abc_lee_2001", "lee_background.cor"), errors="ignore")
    ours = analysis.collocations(docs, window=window, focus=focus, min_count=2,
                                 fields=("text",))
    documents = [_norms(t) for t in docs["text"]]
    words = [w for doc in documents for w in [*doc, *[None] * (window - 1)]]
    finder = BigramCollocationFinder.from_words(words, window_size=window)
    for key in [k for k in finder.ngram_fd if None in k]:
        del finder.ngram_fd[key]
    finder.apply_freq_filter(2)
    stops = analysis.stopword_list()
    finder.apply_word_filter(lambda w: w in stops or not any(c.isalnum() for c in w))
    if focus:
        finder.apply_ngram_filter(lambda a, b: a not in focus and b not in focus)
    expected = sorted(((-s, a, b, finder.ngram_fd[(a, b)])
                       for (a, b), s in finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)))
    assert len(ours) == len(expected) > 20
    assert list(zip(ours["term_a"], ours["term_b"], ours["count"])) == \
        [(a, b, c) for _, a, b, c in expected]
    assert ours["score"].to_numpy() == pytest.approx([-s for s, *_ in expected], rel=1e-12)


def test_parallel_collocations_equal_serial(monkeypatch):
    docs = analysis.load_corpus(shared_path("abc_lee_2001", "lee_background.cor"), errors="ignore")
    serial = [collocations(docs, window=5, focus=["police"], n_jobs=1),
              collocations(docs, window=2, n_jobs=1)]
    monkeypatch.setattr(_run, "PARALLEL_CHARS", 0)
    monkeypatch.setattr(_run, "BLOCK_CHARS", 40 * 500)       # slices of a few articles each
    parallel = [collocations(docs, window=5, focus=["police"], n_jobs=2),
                collocations(docs, window=2, n_jobs=2)]
    for a, b in zip(serial, parallel):
        pd.testing.assert_frame_equal(a, b)
