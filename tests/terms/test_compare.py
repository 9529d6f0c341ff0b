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


def test_group_keyness_names_the_groups_too_small_to_compare():
    docs = pd.DataFrame({
        "doc_id": ["1", "2", "3", "4", "5"],
        "agency": ["TASS", "TASS", "AP", "(unknown)", "(unknown)"],
        "text": ["sco sco csto", "sco csto", "nato nato sco", "trade deal", "trade talks"],
    })
    got = analysis.group_keyness(docs, "agency", min_docs=2)
    assert sorted(set(got["agency"])) == ["(unknown)", "TASS"]
    assert got.attrs["too_small"] == {"AP": 1}
    # AP's article stays in the reference of the others: TASS against AP and (unknown).
    tass = got[got["agency"] == "TASS"].set_index("term")
    assert tass.loc["nato", "reference_count"] == 2
    pd.testing.assert_frame_equal(
        got[got["agency"] == "TASS"].reset_index(drop=True),
        keyness(docs, by="agency", target="TASS", min_docs=2))
    assert analysis.group_keyness(docs, "agency").attrs["too_small"] == {}
    # A missing value is a group of its own, named (unknown) when too small.
    raw = docs.assign(agency=["TASS", "TASS", "AP", None, "AP"])
    assert analysis.group_keyness(raw, "agency", min_docs=2).attrs["too_small"] == {"(unknown)": 1}
    none = analysis.group_keyness(docs, "agency", min_docs=3)
    assert none.empty and none.attrs["too_small"] == {"(unknown)": 2, "AP": 1, "TASS": 2}
    single = analysis.group_keyness(docs.assign(agency="TASS"), "agency", min_docs=9)
    assert single.empty and single.attrs["too_small"] == {}
    with pytest.raises(ValueError, match=r"min_docs=0 is out of range"):
        analysis.group_keyness(docs, "agency", min_docs=0)
