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


def test_term_frequencies_whole_frame():
    got = term_frequencies(ABC, stopwords=None)
    expected = pd.DataFrame({
        "term": ["a", "d", "b", "c"],
        "count": [6, 4, 2, 1],
        "doc_count": [3, 2, 1, 1],
        "share": [6 / 13, 4 / 13, 2 / 13, 1 / 13],
        "rank": [1, 2, 3, 4],
    })
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_term_frequencies_by_group_and_min_count():
    got = term_frequencies(ABC, by="grp", stopwords=None, min_count=2)
    expected = pd.DataFrame({
        "grp": ["x", "x", "y", "y"],
        "term": ["a", "b", "a", "d"],
        "count": [2, 2, 4, 3],
        "doc_count": [1, 1, 2, 1],
        "share": [2 / 6, 2 / 6, 4 / 7, 3 / 7],
        "rank": [1, 2, 1, 2],
    })
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_bigrams_stop_at_stopwords_and_punctuation():
    docs = pd.DataFrame({"doc_id": ["a"], "title": ["Collective security"],
                         "text": ["The Collective Security Treaty. Collective security, again."]})
    got = term_frequencies(docs, ngram=2)
    assert dict(zip(got["term"], got["count"])) == {
        "collective security": 3, "security treaty": 1}
    both = term_frequencies(docs, ngram=(1, 2))
    assert set(both["term"]) == {"collective", "security", "treaty",
                                 "collective security", "security treaty"}
    # share is within terms of the same length
    assert both.loc[both["term"] == "collective security", "share"].item() == pytest.approx(3 / 4)


def _reference_counts(docs, n, stops_kwargs):
    """Counts computed straight from tokenize's table: the independent reference."""
    tokens = tokenize(docs, **stops_kwargs)
    rows = []
    for (_, _), part in tokens.groupby(["doc_id", "field"], sort=False):
        ok = (~part["is_stop"] & ~part["is_punct"]).to_numpy()
        norms = part["norm"].to_numpy()
        doc = part["doc_id"].iloc[0]
        for i in range(len(norms) - n + 1):
            if ok[i:i + n].all():
                rows.append((doc, " ".join(norms[i:i + n])))
    table = pd.DataFrame(rows, columns=["doc_id", "term"])
    counts = table.groupby("term").agg(count=("doc_id", "size"), doc_count=("doc_id", "nunique"))
    return counts.reset_index().sort_values(["count", "term"], ascending=[False, True],
                                            kind="stable").reset_index(drop=True)


@pytest.mark.parametrize("n", [1, 2, 3])
def test_counts_agree_with_tokenize_on_lee(n):
    docs = analysis.load_corpus(shared_path("abc_lee_2001", "lee_background.cor"), errors="ignore")
    got = term_frequencies(docs, ngram=n)[["term", "count", "doc_count"]]
    pd.testing.assert_frame_equal(got, _reference_counts(docs, n, {}), check_dtype=False)


def test_counts_agree_with_tokenize_on_tass_all_fields_no_stopwords():
    docs = analysis.load_corpus(shared_path("tass_2024", "politics_20.json"), errors="ignore")
    got = term_frequencies(docs, ngram=1, stopwords=None)[["term", "count", "doc_count"]]
    pd.testing.assert_frame_equal(got, _reference_counts(docs, 1, {"stopwords": None}),
                                  check_dtype=False)


def test_parallel_and_serial_counts_are_identical(monkeypatch):
    docs = analysis.load_corpus(shared_path("abc_lee_2001", "lee_background.cor"), errors="ignore")
    docs["half"] = np.where(np.arange(len(docs)) % 2 == 0, "even", "odd")
    serial = term_frequencies(docs, by="half", ngram=(1, 2), n_jobs=1)
    monkeypatch.setattr(counting, "_CHUNK_CHARS", 20_000)
    monkeypatch.setattr(_run, "PARALLEL_CHARS", 0)
    monkeypatch.setattr(_run, "BLOCK_CHARS", 20_000)
    parallel = term_frequencies(docs, by="half", ngram=(1, 2), n_jobs=2)
    pd.testing.assert_frame_equal(serial, parallel)


def test_counts_do_not_depend_on_row_order():
    docs = analysis.load_corpus(shared_path("tass_2024", "politics_20.json"), errors="ignore")
    a = term_frequencies(docs, ngram=(1, 2))
    b = term_frequencies(docs.iloc[::-1], ngram=(1, 2))
    pd.testing.assert_frame_equal(a, b)


def test_empty_and_bad_arguments():
    empty = term_frequencies(pd.DataFrame({"doc_id": ["a"], "text": ["the of and"]}))
    assert list(empty.columns) == ["term", "count", "doc_count", "share", "rank"] and empty.empty
    with pytest.raises(TypeError, match=r"ngram='2' must be an int such as 2 or a \(min, max\)"):
        term_frequencies(ABC, ngram="2")
    with pytest.raises(ValueError, match=r"ngram=\(2, 1\) is out of range"):
        term_frequencies(ABC, ngram=(2, 1))
    with pytest.raises(ValueError, match=r"min_count=0 is out of range"):
        term_frequencies(ABC, min_count=0)
    with pytest.raises(ValueError, match=r"lacks the column\(s\) \['outlet'\]"):
        term_frequencies(ABC, by="outlet")


def test_tfidf_matches_the_documented_formula():
    got = tfidf(ABC, stopwords=None)
    # d1: a2 b2 c1 d1 (6 terms); d2: a1 d3 (4); d3: a3 (3). G = 3 documents.
    idf = {"a": math.log(3 / 3), "b": math.log(3 / 1), "c": math.log(3 / 1), "d": math.log(3 / 2)}
    rows = [("d1", "b", 2 / 6), ("d1", "c", 1 / 6), ("d1", "d", 1 / 6), ("d1", "a", 2 / 6),
            ("d2", "d", 3 / 4), ("d2", "a", 1 / 4), ("d3", "a", 3 / 3)]
    expected = pd.DataFrame([(g, t, tf, idf[t], tf * idf[t]) for g, t, tf in rows],
                            columns=["group", "term", "tf", "idf", "tfidf"])
    expected["rank"] = [1, 2, 3, 4, 1, 2, 1]
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    smooth = tfidf(ABC, stopwords=None, smooth=True)
    assert smooth.loc[smooth["term"] == "a", "idf"].iloc[0] == pytest.approx(math.log(4 / 4) + 1)
    assert tfidf(ABC, stopwords=None, top_n=1)["term"].tolist() == ["b", "d", "a"]


def test_fast_counting_path_tokenizes_exactly_like_tokenize():
    """Random strings from a tricky alphabet: the split-based fast path and the regular
    expression over the whole text must give the same norms, token for token."""
    import random

    from analysis.terms.counting import _norms
    from analysis.text import normalize

    alphabet = list("abcXYZ  \n\t.,;:!?'’‐‑-—–\"“”()%$_0123456789sSİıßÉéКкж") + ["U.S.", "’s", "'s", "a.m."]
    rng = random.Random(20261130)
    texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 40))) for _ in range(3000)]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts},
                        index=[f"d{i}" for i in range(len(texts))])
    tokens = tokenize(docs, stopwords=None)
    by_doc = tokens.groupby("doc_id", sort=False)["token"].apply(list).to_dict()
    for doc_id, text in zip(docs["doc_id"], texts):
        expected = [normalize(t) for t in by_doc.get(doc_id, [])]
        assert _norms(text) == expected, repr(text)


def test_counts_match_tokenize_on_marks_superscripts_and_controls():
    docs = pd.DataFrame({"doc_id": ["a"], "text": [
        "भारत की राजधानी दिल्ली; cafe\u0301; CO₂; x²; a\x1cb"]}, index=["a"])
    assert term_frequencies(docs, stopwords=None)[["term", "count", "doc_count"]].pipe(
        pd.testing.assert_frame_equal, _reference_counts(docs, 1, {"stopwords": None}),
        check_dtype=False) is None


def test_tokenize_keeps_table_order_with_repeated_ids():
    docs = pd.DataFrame({"doc_id": ["a", "b", "a"], "title": ["T0", "T1", "T2"],
                         "text": ["x0", "x1", "x2"]})
    assert tokenize(docs)["token"].tolist() == ["T0", "x0", "T1", "x1", "T2", "x2"]


def test_term_function_arguments_are_checked():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "g": ["x", "y"], "text": ["sco", "csto"]})
    with pytest.raises(TypeError, match=r"stopwords=5 must be 'english', 'nltk', None or a list"):
        term_frequencies(docs, stopwords=5)
    with pytest.raises(TypeError, match=r"extra_stopwords=5 must be a list of words"):
        term_frequencies(docs, extra_stopwords=5)
    with pytest.raises(TypeError, match=r"fields=5 must be a column name or a list"):
        term_frequencies(docs, fields=5)
    with pytest.raises(TypeError, match=r"focus=5 must be a term or a list"):
        collocations(docs, focus=5)
    with pytest.raises(TypeError, match=r"pattern=5 must be a word or phrase"):
        kwic(docs, 5)
    with pytest.raises(ValueError, match=r"target='x' needs by="):
        keyness(docs, target="x", reference=docs)
    with pytest.raises(ValueError, match=r"reference='x' is the target itself"):
        keyness(docs, by="g", target="x", reference="x")
    with pytest.raises(ValueError, match=r"min_effect=nan must be a number >= 0"):
        keyness(docs, by="g", min_effect=float("nan"))
    with pytest.raises(ValueError, match=r"only one group in column 'g'"):
        keyness(docs.assign(g="x"), by="g")
    with pytest.raises(TypeError, match=r"docs\['text'\] holds a int for doc_id 'b'"):
        term_frequencies(docs.assign(text=pd.Series(["sco", 5], dtype=object)))
    assert term_frequencies(docs, ngram=np.int64(1), min_count=np.int64(1))["term"].tolist() == \
        ["csto", "sco"]
    titles = pd.DataFrame({"doc_id": ["a"], "title": ["SCO summit"]})
    assert term_frequencies(titles)["term"].tolist() == ["sco", "summit"]
