"""Groups: no article left out of a by-group table, and the default column to compare."""

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import (UNKNOWN_GROUP, default_group_by, filter_corpus, group_column,
                      prepare_corpus, with_groups)

from ..conftest import SAMPLE


def test_with_groups_fills_missing_and_empty_values_with_unknown():
    docs = pd.DataFrame({"doc_id": list("abcde"),
                         "agency": pd.Series(["TASS", None, "", "  ", "AP"], dtype="str")})
    grouped = with_groups(docs, "agency")
    expected = docs.assign(agency=pd.Series(["TASS", "(unknown)", "(unknown)", "(unknown)", "AP"],
                                            dtype="str"))
    pd.testing.assert_frame_equal(grouped, expected)
    assert UNKNOWN_GROUP == "(unknown)" and analysis.UNKNOWN_GROUP == UNKNOWN_GROUP
    assert docs["agency"].isna().sum() == 1 and grouped is not docs     # input unchanged
    assert group_column(grouped) == "agency" and "group_by" not in docs.attrs


def test_with_groups_keeps_other_columns_types_and_attrs():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "section": ["World", np.nan, "World"],
                         "issue": [3.0, np.nan, 4.0], "outlet": ["BBC", "TASS", "BBC"]})
    docs.attrs["note"] = "kept"
    assert with_groups(docs, "section")["section"].tolist() == ["World", "(unknown)", "World"]
    assert with_groups(docs, "issue")["issue"].tolist() == [3.0, "(unknown)", 4.0]
    grouped = with_groups(docs, "outlet")
    pd.testing.assert_frame_equal(grouped, docs)                         # nothing missing
    assert grouped.attrs == {"note": "kept", "group_by": "outlet"}
    # Periods keep their own label for articles without a date.
    dated = pd.DataFrame({"doc_id": ["a", "b"], "date": pd.to_datetime(["2025-02-03", None])})
    assert with_groups(dated, "month")["month"].tolist() == ["2025-02", "undated"]


def test_group_column_needs_grouped_docs():
    with pytest.raises(ValueError, match=r"docs carry no groups; call with_groups\(docs, group_by\)"):
        group_column(pd.DataFrame({"doc_id": ["a"], "agency": ["AP"]}))


def _frame(outlets, agencies):
    return pd.DataFrame({"doc_id": [f"d{k}" for k in range(len(outlets))],
                         "outlet": pd.Series(outlets, dtype="str"),
                         "agency": pd.Series(agencies, dtype="str")})


def test_default_group_by_outlet_for_many_outlets_with_few_agency_credits():
    # The corpus of the issue, scaled down: 20 articles of four sites, 3 credit an agency.
    outlets = ["BBC"] * 8 + ["example.org"] * 6 + ["TASS"] * 4 + ["CNN"] * 2
    agencies = [None] * 8 + [None] * 5 + ["AFP"] + ["TASS"] * 2 + [None] * 2 + [None, "AP"]
    assert default_group_by(_frame(outlets, agencies)) == "outlet"
    # Exactly half the articles credited to the two largest agencies: still outlet.
    half = [None] * 10 + ["AFP"] * 5 + ["TASS"] * 5
    assert default_group_by(_frame(outlets, half)) == "outlet"
    # One more article credited: agencies cover most articles.
    assert default_group_by(_frame(outlets, [None] * 9 + ["AFP"] * 6 + ["TASS"] * 5)) == "agency"
    # No agency column at all, two outlets: outlet.
    assert default_group_by(_frame(outlets, agencies).drop(columns="agency")) == "outlet"


def test_default_group_by_agency_for_wire_corpora():
    wires = _frame(["BBC", "Reuters", "Reuters", "AP", "TASS"],
                   ["Reuters", "Reuters", "AP", "AP", "TASS"])
    assert default_group_by(wires) == "agency"            # two agencies needed for most
    # One agency alone on most articles: agency would set it against the rest.
    one_wire = _frame(["BBC", "Reuters", "Reuters", "AP", "TASS"],
                      ["Reuters", "Reuters", "Reuters", "AP", "TASS"])
    assert default_group_by(one_wire) == "outlet"
    no_outlet = _frame(["x"] * 4, [None] * 4).drop(columns="outlet")
    assert default_group_by(no_outlet) == "agency"                      # no outlet column
    one_outlet = _frame(["TASS", "TASS", None, ""], [None] * 4)
    assert default_group_by(one_outlet) == "agency"                     # one outlet only
    # (unknown) is no outlet and no agency, whether filled in already or not.
    filled = _frame(["BBC", "(unknown)", "(unknown)"], ["(unknown)", "AP", "AP"])
    assert default_group_by(filled) == "agency"
    assert default_group_by(_frame([], [])) == "agency"


def test_filter_corpus_keeps_agencies_and_the_unknown_group():
    docs = pd.DataFrame({"doc_id": list("abcd"), "agency": ["TASS", None, "AP", "TASS"]})
    assert filter_corpus(docs, agencies=["TASS"])["doc_id"].tolist() == ["a", "d"]
    assert filter_corpus(docs, agencies=["AP", "(unknown)"])["doc_id"].tolist() == ["b", "c"]
    grouped = with_groups(docs, "agency")
    assert filter_corpus(grouped, agencies="AP")["doc_id"].tolist() == ["c"]
    with pytest.raises(ValueError, match=r"none of these is in the corpus; it has "
                                         r"\['\(unknown\)', 'AP', 'TASS'\]"):
        filter_corpus(docs, agencies=["BBC"])


def test_prepare_corpus_resolves_an_empty_group_by_once():
    docs = prepare_corpus(SAMPLE)
    # The sample: most articles credit one of five agencies, none alone on half of them.
    assert group_column(docs) == default_group_by(docs) == "agency"
    assert group_column(prepare_corpus(SAMPLE, group_by=None)) == "agency"
    assert group_column(prepare_corpus(SAMPLE, group_by="quarter")) == "quarter"
    tass = prepare_corpus(SAMPLE, agencies=["TASS"], group_by="")
    # Resolved after filtering: TASS's articles, on its own site and a scraped one.
    assert set(tass["agency"]) == {"TASS"} and group_column(tass) == "outlet"
    assert set(tass["outlet"]) == {"TASS", "example.org"}
