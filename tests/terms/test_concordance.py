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
