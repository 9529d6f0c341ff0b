import math

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import collocations, keyness, kwic, term_frequencies, tfidf, tokenize
from analysis import _run
from analysis.terms import counting
from analysis.terms import compare as keyness_module

from .conftest import shared_path

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


def test_keyness_against_the_hand_computed_2x2():
    # Target: 10 "alpha" in 1,000 counted terms; reference: 5 in 2,000.
    docs = pd.DataFrame({"doc_id": ["t"], "text": ["alpha " * 10 + "beta " * 990]})
    reference = pd.DataFrame({"term": ["alpha", "beta"], "count": [5, 1995]})
    got = keyness(docs, reference=reference).set_index("term")
    # E_t = 1000 * 15 / 3000 = 5, E_r = 10: G2 = 2 * (10 ln 2 + 5 ln 0.5) = 10 ln 2
    g2 = 10 * math.log(2)
    assert got.loc["alpha", "g2"] == pytest.approx(g2)
    assert got.loc["alpha", "log_ratio"] == pytest.approx(2.0)     # log2(0.01 / 0.0025)
    assert got.loc["alpha", "p_value"] == pytest.approx(math.erfc(math.sqrt(g2 / 2)))
    assert got.loc["alpha", "p_value"] == pytest.approx(0.008469, abs=1e-6)
    assert (got.loc["alpha", "target_per_10k"], got.loc["alpha", "reference_per_10k"]) == (100, 25)
    assert got.loc["beta", "log_ratio"] < 0
    assert got.index.tolist() == ["alpha", "beta"]          # sorted by G2


def test_keyness_zero_counts_use_half_a_count():
    docs = pd.DataFrame({"doc_id": ["t"], "text": ["alpha beta"]})
    reference = pd.DataFrame({"term": ["beta", "gamma"], "count": [3, 1]})
    got = keyness(docs, reference=reference).set_index("term")
    assert got.loc["alpha", "log_ratio"] == pytest.approx(math.log2((1 / 2) / (0.5 / 4)))
    assert got.loc["gamma", "log_ratio"] == pytest.approx(math.log2((0.5 / 2) / (1 / 4)))
    assert got.loc["gamma", "target_count"] == 0 and got.loc["gamma", "g2"] > 0


def test_keyness_every_group_against_the_rest():
    docs = pd.DataFrame({
        "doc_id": ["1", "2", "3", "4"],
        "agency": ["TASS", "TASS", "AP", "Xinhua"],
        "text": ["sco sco csto", "sco csto", "nato nato sco", "sco sco sco"],
    })
    got = keyness(docs, by="agency")
    assert sorted(got["agency"].unique()) == ["AP", "TASS", "Xinhua"]
    tass = got[got["agency"] == "TASS"].set_index("term")
    # TASS: sco 3, csto 2 of 5; rest: sco 4, nato 2 of 6.
    assert (tass.loc["csto", "target_count"], tass.loc["csto", "reference_count"]) == (2, 0)
    assert tass.loc["csto", "target_docs"] == 2
    assert tass.loc["nato", "log_ratio"] < 0
    assert tass.loc["csto", "g2"] == pytest.approx(keyness_module._g2(np.array([2]), np.array([0]), 5, 6)[0])
    one = keyness(docs, by="agency", target="TASS", reference="AP").set_index("term")
    assert one.loc["sco", "reference_count"] == 1
    strict = keyness(docs, by="agency", target="AP", min_docs=2)
    assert "nato" not in set(strict["term"])           # one article cannot make a keyword
    assert set(keyness(docs, by="agency", target="TASS", min_effect=1.5)["term"]) == {"csto", "nato"}


def test_keyness_errors():
    docs = pd.DataFrame({"doc_id": ["1"], "agency": ["TASS"], "text": ["sco"]})
    with pytest.raises(ValueError, match="needs by= .* or reference="):
        keyness(docs)
    with pytest.raises(ValueError, match=r"target='BBC': \['BBC'\] not found in column 'agency'"):
        keyness(docs, by="agency", target="BBC")
    with pytest.raises(ValueError, match=r"min_effect=-1 must be a number >= 0"):
        keyness(docs, by="agency", min_effect=-1)


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


def test_kwic_offsets_slice_back_and_phrases_match():
    docs = analysis.load_corpus(shared_path("seed"), errors="ignore")
    lines = kwic(docs, ["Collective Security Treaty", "Kazakhstan", "terror*"], window=3)
    assert len(lines) > 5
    for row in lines.itertuples(index=False):
        assert docs.loc[row.doc_id, row.field][row.start:row.end] == row.match
    kaz = lines[lines["match"] == "Kazakhstan"]
    assert kaz["field"].tolist()[:2] == ["title", "lede"]
    assert {"terror", "terrorism"} <= set(lines["match"].str.lower())


def test_kwic_whole_frame():
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["One two SCO three four. The sco\nsummit."]},
                        index=["a"])
    got = kwic(docs, "sco summit", window=2)
    expected = pd.DataFrame({"doc_id": ["a"], "field": ["text"], "start": [28], "end": [38],
                             "pre": [". The"], "match": ["sco\nsummit"], "post": ["."]})
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert kwic(docs, "SCO", case=True)["start"].tolist() == [8]
    assert kwic(docs, "SCO")["start"].tolist() == [8, 28]
    assert kwic(docs, r"t\w+", regex=True)["match"].tolist() == ["two", "three", "The"]
    with pytest.raises(ValueError, match="is not a valid regular expression"):
        kwic(docs, "(", regex=True)


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


# ---------------------------------------------------------------------------------------
# Regressions from a review of the term functions
# ---------------------------------------------------------------------------------------


def test_counts_match_tokenize_on_marks_superscripts_and_controls():
    docs = pd.DataFrame({"doc_id": ["a"], "text": [
        "भारत की राजधानी दिल्ली; cafe\u0301; CO₂; x²; a\x1cb"]}, index=["a"])
    assert term_frequencies(docs, stopwords=None)[["term", "count", "doc_count"]].pipe(
        pd.testing.assert_frame_equal, _reference_counts(docs, 1, {"stopwords": None}),
        check_dtype=False) is None


def test_log_ratio_sign_follows_relative_frequency_and_min_docs():
    docs = pd.DataFrame({"doc_id": list("abc"), "g": ["x", "z", "x"],
                         "text": ["one two", "three", "four four four"]})
    got = keyness(docs, by="g", target="x").set_index("term")
    assert got.loc["four", "log_ratio"] >= 0
    assert "four" not in set(keyness(docs, by="g", target="x", min_docs=2)["term"])


def test_keyness_groups_without_terms_lists_and_lengths():
    docs = pd.DataFrame({"doc_id": list("abcd"), "g": ["A", "B", "C", "A"],
                         "text": ["summit talks", "summit summit", "the of and", "talks held"]})
    every = keyness(docs, by="g")
    assert sorted(every["g"].unique()) == ["A", "B"]          # C has only stopwords
    pair = keyness(docs, by="g", target=["A", "C"])
    assert set(pair["g"]) == {"A, C"}
    both = keyness(docs, by="g", target="B", ngram=(1, 2)).set_index("term")
    # Totals are per term length: B has 2 unigrams, 1 bigram.
    assert both.loc["summit", "target_per_10k"] == pytest.approx(10_000)
    assert both.loc["summit summit", "target_per_10k"] == pytest.approx(10_000)


def test_tokenize_keeps_table_order_with_repeated_ids():
    docs = pd.DataFrame({"doc_id": ["a", "b", "a"], "title": ["T0", "T1", "T2"],
                         "text": ["x0", "x1", "x2"]})
    assert tokenize(docs)["token"].tolist() == ["T0", "x0", "T1", "x1", "T2", "x2"]


def test_kwic_matches_like_the_norms():
    docs = pd.DataFrame({"doc_id": ["a"], "text": [
        "Post\u2011Soviet states, post-soviet ties. Kazakhstan's and Kazakhstan’s terrorism’s."]},
        index=["a"])
    assert kwic(docs, "post-soviet")["match"].tolist() == ["Post\u2011Soviet", "post-soviet"]
    assert kwic(docs, "soviet").empty
    assert kwic(docs, "Kazakhstan’s")["match"].tolist() == ["Kazakhstan's", "Kazakhstan’s"]
    assert kwic(docs, "terror*")["match"].tolist() == ["terrorism"]
    url = "see " + "https://example.com/" + "x" * 500 + " now MATCH"
    line = kwic(pd.DataFrame({"doc_id": ["u"], "text": [url]}, index=["u"]), "match", window=3)
    assert line["pre"].iloc[0].startswith("x") is False and line["pre"].iloc[0].endswith("now")


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


def test_phrase_search_equals_the_full_regex():
    import random

    from analysis.terms.concordance import _phrase_regex, _phrase_spans

    rng = random.Random(3)
    pieces = ["ab", "a", "b", "-", "\u2011", " ", "  ", "_", "'", "’s", "x", "ab-ab", "é", "."]
    patterns = [_phrase_regex(p, case) for p in ("ab", "a b", "ab*", "a?", "ab-ab", "ab's")
                for case in (False, True)]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        for rx in patterns:
            assert list(_phrase_spans(rx, text)) == [m.span() for m in rx.finditer(text)], \
                (rx.pattern, text)


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
