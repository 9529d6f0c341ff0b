import pandas as pd
import pytest

from analysis import articles_per_period, corpus_summary, filter_corpus
from analysis.overview import summary_line

DOCS = pd.DataFrame({
    "doc_id": ["a", "b", "c", "d"],
    "agency": ["TASS", "TASS", "AP", None],
    "date": pd.to_datetime(["2024-01-05", "2024-03-01", "2024-01-20", None]),
    "dateline": ["MOSCOW, Jan. 5 /TASS/.", None, "KYIV (AP)", None],
    "title": ["A", "B", None, "D"],
    "text": ["same body", "other", "same body", ""],
    "n_words": [2, 1, 2, 0],
})


def test_articles_per_period_fills_empty_months():
    got = articles_per_period(DOCS, period="month", by="agency")
    expected = pd.DataFrame({
        "period": pd.to_datetime(["2024-01-01"] * 2 + ["2024-02-01"] * 2 + ["2024-03-01"] * 2),
        "agency": ["AP", "TASS"] * 3,
        "articles": [1, 1, 0, 0, 0, 1],
    })
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    total = articles_per_period(DOCS, period="month", by=None)
    assert total["articles"].tolist() == [2, 0, 1]


def test_articles_per_period_rejects_unknown_period():
    with pytest.raises(ValueError, match=r"period='fortnight' is not allowed; use one of: 'day'"):
        articles_per_period(DOCS, period="fortnight")


def test_corpus_summary_counts():
    got = corpus_summary(DOCS).set_index("measure")["value"].to_dict()
    assert got == {
        "articles": "4", "agencies": "AP, TASS", "first date": "2024-01-05",
        "last date": "2024-03-01", "without a date": "1", "without a dateline": "2",
        "without a title": "1", "duplicates": "1", "near duplicates": "0", "words": "5",
        "loading problems": "0",
    }


def test_filter_corpus():
    assert filter_corpus(DOCS, date_from="2024-01-06")["doc_id"].tolist() == ["b", "c"]
    assert filter_corpus(DOCS, date_to="2024-01-20")["doc_id"].tolist() == ["a", "c"]
    assert filter_corpus(DOCS, agencies=["AP"])["doc_id"].tolist() == ["c"]
    assert filter_corpus(DOCS)["doc_id"].tolist() == ["a", "b", "c", "d"]
    with pytest.raises(ValueError, match=r"agencies=\['BBC'\]: none of these is in the corpus"):
        filter_corpus(DOCS, agencies=["BBC"])
    with pytest.raises(ValueError, match=r"date_from='soon' is not a date"):
        filter_corpus(DOCS, date_from="soon")


def test_with_groups_labels_periods_and_undated():
    from analysis import with_groups

    grouped = with_groups(DOCS, "month")
    assert grouped["month"].tolist() == [
        "undated" if pd.isna(d) else f"{d:%Y-%m}" for d in DOCS["date"]]
    assert "undated" in set(grouped["month"])
    grouped = with_groups(DOCS, "agency")
    assert grouped["agency"].tolist() == ["TASS", "TASS", "AP", "(unknown)"]
    assert DOCS["agency"].isna().sum() == 1                     # the input is not changed
    with pytest.raises(ValueError, match=r"group_by='agencyy' is neither a column of docs nor a period"):
        with_groups(DOCS, "agencyy")


def test_summary_line_names_at_most_eight_or_six_agencies():
    docs = pd.DataFrame({"doc_id": list("abcdefghij"), "agency": list("JIHGFEDCBA"),
                         "date": pd.to_datetime(["2024-01-05"] * 9 + [None])})
    assert summary_line(docs) == ("10 articles from 10 agencies (A, B, C, D, E, F, G, H and 2 "
                                  "more), 2024-01-05 to 2024-01-05 (1 undated)")
    assert summary_line(docs, form="source") == \
        "Source: 10 articles; A, B, C, D, E, F and 4 more; 2024-01-05 to 2024-01-05"
    one = pd.DataFrame({"doc_id": ["a"], "text": ["x"]})
    assert (summary_line(one), summary_line(one, form="source")) == ("1 article", "Source: 1 article")
    with pytest.raises(ValueError, match=r"form='chart' is not allowed"):
        summary_line(one, form="chart")


def test_group_sizes_count_every_article_once():
    from analysis import group_sizes

    got = group_sizes(DOCS, "agency")
    expected = pd.DataFrame({"agency": ["TASS", "(unknown)", "AP"], "articles": [2, 1, 1],
                             "share": [0.5, 0.25, 0.25]}).astype({"agency": "str"})
    pd.testing.assert_frame_equal(got, expected)
    months = group_sizes(DOCS, "month")
    assert months.values.tolist() == [["2024-01", 2, 0.5], ["2024-03", 1, 0.25],
                                      ["undated", 1, 0.25]]
    assert group_sizes(DOCS.iloc[:0], "agency")["articles"].sum() == 0


def test_group_note_names_unknown_and_too_small_groups():
    from analysis import describe_groups, group_note

    docs = pd.DataFrame({"doc_id": [f"d{k}" for k in range(20)],
                         "agency": ["TASS"] * 10 + ["Xinhua"] * 3 + ["AFP"] * 2 + [None] * 5})
    assert group_note(docs, "agency", min_docs=5) == (
        "Grouped by agency: 3 groups of 2 to 10 articles, and (unknown) for the 5 articles with "
        "no agency; every article is in one group. Too small to compare (fewer than 5 "
        "articles): AFP (2), Xinhua (3).")
    assert group_note(docs, "agency") == (
        "Grouped by agency: 3 groups of 2 to 10 articles, and (unknown) for the 5 articles with "
        "no agency; every article is in one group.")
    assert group_note(docs, "agency", min_docs=3).endswith(
        "Too small to compare (fewer than 3 articles): AFP (2).")
    assert group_note(docs, "agency", min_docs=4, most=1).endswith(
        "(fewer than 4 articles): AFP (2) and 1 more.")
    assert group_note(DOCS, "month") == (
        "Grouped by month: 2 groups of 1 to 2 articles, and undated for the 1 undated article; "
        "every article is in one group.")
    assert group_note(DOCS[DOCS["agency"] == "TASS"], "agency", min_docs=5) == (
        "Grouped by agency: 1 group of 2 articles; there is no other group to compare it with.")
    assert group_note(DOCS.iloc[:0], "agency") == "No articles to group by agency."
    line = describe_groups(docs.assign(agency=docs["agency"].replace("AFP", "<b>AFP</b>")),
                           "agency", min_docs=5)
    assert "&lt;b&gt;AFP&lt;/b&gt; (2)" in line._repr_html_() and "<b>" not in line._repr_html_()
    assert repr(line).endswith("<b>AFP</b> (2), Xinhua (3).")


def test_summary_lines_do_not_count_unknown_as_an_agency():
    from analysis import with_groups

    grouped = with_groups(DOCS, "agency")
    assert summary_line(grouped) == summary_line(DOCS)
    assert corpus_summary(grouped).set_index("measure").loc["agencies", "value"] == "AP, TASS"
    assert articles_per_period(DOCS, by="agency")["agency"].tolist()[:2] == ["AP", "TASS"]
