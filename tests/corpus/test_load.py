import json
import os
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import CorpusError, CorpusWarning, load_corpus, problems
from analysis.corpus import ARTICLE_COLUMNS, PROBLEM_COLUMNS

from ..conftest import SAMPLE, shared_path

NA = np.nan


def quiet_load(*args, **kwargs):
    """Load, returning (docs, the warnings raised)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = load_corpus(*args, **kwargs)
    return docs, [w for w in caught if issubclass(w.category, CorpusWarning)]


def problem_rows(docs):
    return [tuple(r) for r in problems(docs).astype("object").where(problems(docs).notna(), None)
            .itertuples(index=False)]


# ---------------------------------------------------------------------------------------
# Real corpora
# ---------------------------------------------------------------------------------------


def test_seed_article_is_parsed_exactly():
    path = shared_path("seed")
    docs = load_corpus(path, year=2024)
    assert len(docs) == 1
    row = docs.iloc[0]
    assert row["title"] == ("Expert: Kazakhstan, Russia should widely use Post-Soviet security "
                            "blocs to fight terror")
    assert row["lede"].startswith("The Chairman of the Kazakhstan’s Council on International")
    assert row["lede"].endswith("outside of the authority of intelligence services")
    assert (row["place"], row["agency"], row["dateline"]) == ("ASTANA", "TASS", "ASTANA, May 20. /TASS/.")
    assert pd.isna(row["place_detail"]) and pd.isna(row["url"])
    assert (row["date"].year, row["date"].month, row["date"].day) == (2024, 5, 20)
    assert row["text"].startswith("Kazakhstan and Russia should more extensively use")
    assert "All news" not in row["text"] and row["lede"] not in row["text"]
    assert row["text"].count("\n\n") == 4          # five body paragraphs
    assert row["doc_id"] == "000_3b2ba64f5e650fef.txt"
    assert list(docs.columns) == ARTICLE_COLUMNS
    assert problems(docs).empty


def test_seed_without_year_keeps_the_dateline_and_no_date():
    docs = load_corpus(shared_path("seed"))
    assert pd.isna(docs["date"].iloc[0])
    assert docs["dateline"].iloc[0] == "ASTANA, May 20. /TASS/."


def test_tass_json_gives_20_articles_with_places_and_dates():
    path = shared_path("tass_2024", "politics_20.json")
    docs = load_corpus(path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert len(docs) == 20
    assert (docs["agency"] == "TASS").all()
    assert docs["place"].notna().all() and docs["date"].notna().all()
    assert set(docs["place"]) == {"IGORA", "BRUSSELS", "MOSCOW", "HANOI", "HAVANA", "DONETSK"}
    assert docs["date"].dt.strftime("%Y-%m-%d").eq("2024-12-26").all()
    assert docs["date"].iloc[0] == pd.Timestamp("2024-12-26 21:09:18")
    assert set(docs["place_detail"].dropna().str.lower()) == {"leningrad region"}
    assert docs["doc_id"].tolist() == [f"politics_20.json#{i}" for i in range(1, 21)]
    for (_, row), record in zip(docs.iterrows(), raw):
        assert row["title"] == record["title"]
        assert row["lede"] == record["description"]
        assert row["url"] == record["link"]
        # content[0] repeats the lede: it is not counted twice; content[1] opens with the
        # dateline, which is cut from the body.
        paragraphs = row["text"].split("\n\n")
        assert len(paragraphs) == len(record["content"]) - 1
        assert record["content"][1].endswith(paragraphs[0])
        assert record["content"][1].startswith(row["dateline"])
        assert paragraphs[-1] == record["content"][-1].strip()
    assert "top_words" in docs.columns              # extra fields are kept
    assert problems(docs).empty


def test_lee_lines_give_300_articles():
    path = shared_path("abc_lee_2001", "lee_background.cor")
    docs, _ = quiet_load(path)
    assert len(docs) == 300
    assert docs["doc_id"].iloc[0] == "lee_background.cor#1"
    assert docs["text"].iloc[0].startswith("Hundreds of people have been forced to vacate")
    assert docs["title"].isna().all() and docs["date"].isna().all()
    assert (docs["n_words"] > 0).all()
    # One story quotes a book title in HTML italics: repaired, and said so. Seven stories
    # repeat an earlier one word for word: kept, and flagged with the first one's id.
    dup = [(113, 105), (120, 116), (121, 118), (157, 151), (237, 231), (272, 264), (289, 282)]
    expected = [(path.as_posix(), n, "duplicate", f"same body text as lee_background.cor#{first}",
                 "kept") for n, first in dup]
    expected.insert(4, (path.as_posix(), 215, "HTML markup", "removed tags and entities from text",
                        "repaired"))
    assert problem_rows(docs) == expected
    assert "his book Diplomacy Mr Kissinger" in docs.loc["lee_background.cor#215", "text"]


def test_whole_shared_folder_loads():
    root = shared_path()
    docs, caught = quiet_load(root)
    assert len(docs) == 1 + 20 + 300
    assert docs["doc_id"].is_unique
    assert docs["doc_id"].iloc[0] == "abc_lee_2001/lee_background.cor#1"
    # The README and the licence file are documentation: skipped, and said so.
    assert [(Path(r[0]).name, r[2], r[4]) for r in problem_rows(docs)] == [
        ("README.md", "documentation file", "skipped"),
        *[("lee_background.cor", "duplicate", "kept")] * 4,
        ("lee_background.cor", "HTML markup", "repaired"),
        *[("lee_background.cor", "duplicate", "kept")] * 3,
        ("LICENSE.repo-MIT.txt", "documentation file", "skipped"),
    ]
    assert len(caught) == 1


# ---------------------------------------------------------------------------------------
# Sample corpus
# ---------------------------------------------------------------------------------------


def test_sample_corpus_is_rich_enough_for_the_reports():
    with pytest.warns(CorpusWarning, match="fields guessed: url <- story_permalink"):
        docs = load_corpus(SAMPLE)
    assert len(docs) >= 12
    assert set(docs["agency"]) >= {"TASS", "Reuters", "AP", "AFP", "Xinhua"}
    assert docs["date"].notna().all()
    assert docs["date"].dt.to_period("M").nunique() >= 4
    text = " ".join(docs["text"])
    for name in ("SCO", "CSTO", "CICMA", "Kazakhstan", "Russia", '"'):
        assert name in text
    # Outlets beside agencies, and every format of the data README.
    assert docs["outlet"].nunique() >= 6 and docs["outlet"].notna().all()
    assert {"The Steppe Herald", "steppe-herald.example", "Silk Road Daily"} <= set(docs["outlet"])
    kinds = docs["doc_id"].str.extract(r"(\.[a-z]+(?:\.gz)?)(?:#\d+)?$")[0]
    assert set(kinds) >= {".txt", ".json", ".jsonl", ".csv", ".jsonl.gz", ".html", ".xml"}
    assert docs["doc_id"].str.contains(r"\.zip/").sum() == 2
    # The only problems: the regional CSV's columns, mapped by their names and reported.
    found = problems(docs)
    assert set(found["action"]) == {"mapped"}
    assert found["detail"].str.split(" \\(").str[0].tolist() == [
        "url <- story_permalink", "lede <- standfirst_text", "title <- headline_text",
        "date <- pub_datetime", "text <- story_body"]


# ---------------------------------------------------------------------------------------
# Formats, fields, ids
# ---------------------------------------------------------------------------------------


def test_small_corpus_whole_frame(write):
    write("a.txt", "All news\n\nHeadline A\n\nThe lede\n\nMOSCOW, May 20. /TASS/. Body A.\n\nMore A.")
    write("b.jsonl", json.dumps({"headline": "Headline B", "body": ["LONDON, May 21 (Reuters) - Body B."],
                                 "published": "2024-05-21T10:00:00+02:00", "link": "http://x/b",
                                 "lang": "en"}) + "\n")
    write("c.csv", 'title,text,date,source\nHeadline C,"PARIS (AFP) - Body C.\n\nMore C.",2024-05-22,AFP\n'
                   'Headline D,"KYIV, Ukraine (AP) — Body D.",,\n')
    docs = load_corpus(Path(write("x.md", "X").parent), year=2024)
    expected = pd.DataFrame({
        "doc_id": ["a.txt", "b.jsonl#1", "c.csv#1", "c.csv#2", "x.md"],
        "agency": ["TASS", "Reuters", "AFP", "AP", NA],
        "outlet": ["TASS", "x", "AFP", "AP", NA],
        "title": ["Headline A", "Headline B", "Headline C", "Headline D", NA],
        "lede": ["The lede", NA, NA, NA, NA],
        "dateline": ["MOSCOW, May 20. /TASS/.", "LONDON, May 21 (Reuters)", "PARIS (AFP)", "KYIV, Ukraine (AP)", NA],
        "place": ["MOSCOW", "LONDON", "PARIS", "KYIV", NA],
        "place_detail": [NA, NA, NA, "Ukraine", NA],
        "date": pd.to_datetime(["2024-05-20", "2024-05-21 08:00", "2024-05-22", None, None], format="mixed").astype("datetime64[ns]"),
        "url": [NA, "http://x/b", NA, NA, NA],
        "text": ["Body A.\n\nMore A.", "Body B.", "Body C.\n\nMore C.", "Body D.", "X"],
        "n_words": [4, 2, 4, 2, 1],
        "lang": [NA, "en", NA, NA, NA],
    }, index=["a.txt", "b.jsonl#1", "c.csv#1", "c.csv#2", "x.md"])
    for column in expected.columns:
        if column not in ("date", "n_words"):
            expected[column] = expected[column].astype("str")
    got = docs.drop(columns=["source"])
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert docs["source"].str.endswith(("corpus/a.txt", "corpus/b.jsonl#1", "corpus/c.csv#1",
                                        "corpus/c.csv#2", "corpus/x.md")).all()


def test_doc_ids_do_not_depend_on_order_or_working_directory(write, monkeypatch):
    a = write("x/a.txt", "Headline\n\nBody one.")
    b = write("y/b.json", json.dumps([{"title": "T1", "text": "One."}, {"title": "T2", "text": "Two."}]))
    first = load_corpus([a, b])["doc_id"].tolist()
    second = load_corpus([b, a])["doc_id"].tolist()
    monkeypatch.chdir(a.parent)
    third = load_corpus(["a.txt", os.path.relpath(b)])["doc_id"].tolist()
    assert first == second == third == ["x/a.txt", "y/b.json#1", "y/b.json#2"]
    assert load_corpus(str(a.parent.parent / "*" / "*.json"))["doc_id"].tolist() == \
        ["y/b.json#1", "y/b.json#2"]


def test_field_names_are_mapped_and_extra_fields_kept(write):
    path = write("r.json", json.dumps([
        {"Headline": "H", "Summary": "S", "Content": "Body.", "Publish_Date": "2024-01-02",
         "URL": "https://www.reuters.com/x", "author": "A. N. Other", "doc_id": 7},
    ]))
    docs = load_corpus(path)
    row = docs.iloc[0]
    assert (row["title"], row["lede"], row["text"], row["agency"]) == ("H", "S", "Body.", "Reuters")
    assert row["date"] == pd.Timestamp("2024-01-02")
    assert row["author"] == "A. N. Other" and row["record_doc_id"] == 7
    assert list(docs.columns) == ARTICLE_COLUMNS + ["author", "record_doc_id"]


def test_fields_override(write):
    path = write("r.jsonl", json.dumps({"hed": "H", "story": "Body.", "text": "not this"}) + "\n")
    docs = load_corpus(path, fields={"title": "hed", "text": "story"})
    row = docs.iloc[0]
    assert (row["title"], row["text"], row["record_text"]) == ("H", "Body.", "not this")


def test_bad_arguments_say_how_to_fix_them(write, tmp_path):
    path = write("a.txt", "Body.")
    with pytest.raises(ValueError, match=r"fields key='headline' is not allowed; use one of: 'title'"):
        load_corpus(path, fields={"headline": "hed"})
    with pytest.raises(ValueError, match=r"errors='loud' is not allowed; use one of: 'warn', 'raise', 'ignore'"):
        load_corpus(path, errors="loud")
    with pytest.raises(TypeError, match=r"year='2024' must be an int"):
        load_corpus(path, year="2024")
    with pytest.raises(FileNotFoundError, match=r"source='.*nowhere' does not exist"):
        load_corpus(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match=r"the glob matches no files"):
        load_corpus(str(tmp_path / "*.nothing"))
    with pytest.raises(ValueError, match=r"encoding='klingon' is not an encoding"):
        load_corpus(path, encoding="klingon")


def test_year_argument_and_record_date_precedence(write):
    write("t.txt", "Headline\n\nMOSCOW, May 20. /TASS/. Body.")
    write("r.jsonl", json.dumps({"title": "T", "text": "MOSCOW, May 20. /TASS/. Other body.",
                                 "date": "2023-05-19 23:30"}) + "\n")
    docs = load_corpus(write("u.txt", "x").parent, year=2024)
    assert docs.loc["t.txt", "date"] == pd.Timestamp("2024-05-20")
    assert docs.loc["r.jsonl#1", "date"] == pd.Timestamp("2023-05-19 23:30")


def test_date_from_path(write):
    write("2023/a.txt", "Headline\n\nMOSCOW, May 20. /TASS/. Body.")
    write("b_2022-03-04.txt", "Headline\n\nBody without dateline.")
    docs = load_corpus(write("c.txt", "x").parent)
    assert docs.loc["2023/a.txt", "date"] == pd.Timestamp("2023-05-20")
    assert docs.loc["b_2022-03-04.txt", "date"] == pd.Timestamp("2022-03-04")


def test_concatenated_corpora_keep_working(write):
    a = load_corpus(write("a.txt", "Headline\n\nBody."))
    b = load_corpus(write("b.txt", "Headline\n\nBody."))
    both = pd.concat([a, b])
    assert len(both) == 2
    assert problems(both).empty
    assert isinstance(a.attrs["problems"], list)


def test_problems_of_a_plain_frame_is_empty_with_columns():
    table = problems(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}))
    assert list(table.columns) == PROBLEM_COLUMNS and table.empty
    with pytest.raises(TypeError, match="load_corpus"):
        problems([1, 2])


# ---------------------------------------------------------------------------------------
# Encodings
# ---------------------------------------------------------------------------------------

RU = "Президент России заявил, что Москва готова к переговорам."
WEST = "The minister’s café – a “naïve” plan for München."


@pytest.mark.parametrize("data, text, problem", [
    (("Headline\n\n" + WEST).encode("utf-8"), WEST, None),
    (b"\xef\xbb\xbf" + ("Headline\n\n" + WEST).encode("utf-8"), WEST, None),
    (("Headline\n\n" + WEST).encode("utf-16"), WEST, None),
    (("Headline\r\n\r\n" + WEST + "\r\nLine two").encode("utf-8"), WEST + "\nLine two", None),
    (("Headline\n\n" + RU).encode("cp1251"), RU, ("not UTF-8", "decoded as cp1251 (detected; pass encoding= to override)", "repaired")),
    (("Headline\n\n" + WEST).encode("cp1252"), WEST, ("not UTF-8", "decoded as cp1252 (detected; pass encoding= to override)", "repaired")),
    (("Headline\n\n" + WEST).encode("utf-8")[:-1] + "ё".encode("utf-8")[:1], WEST[:-1], ("truncated UTF-8", "the file ends inside a character; dropped the last 1 byte(s)", "kept partially")),
    (("Headline\n\n" + WEST).encode("utf-8") + b" caf\xe9.", WEST + " café.", ("mixed encoding", "1 byte(s) not valid UTF-8 among 7 UTF-8 character(s); read those bytes as windows-1252", "repaired")),
    (("Headline\n\nA\x00B\x07C.").encode("utf-8"), "ABC.", ("control characters", "removed 2 control character(s) (U+0000, U+0007)", "repaired")),
])
def test_encodings(write, data, text, problem):
    path = write("a.txt", data)
    docs, caught = quiet_load(path)
    assert docs["title"].iloc[0] == "Headline"
    assert docs["text"].iloc[0] == text
    expected = [] if problem is None else [(path.as_posix(), None, *problem)]
    assert problem_rows(docs) == expected
    assert len(caught) == (0 if problem is None else 1)


def test_forced_encoding(write):
    path = write("a.txt", ("Headline\n\n" + RU).encode("koi8-r"))
    assert load_corpus(path, encoding="koi8-r")["text"].iloc[0] == RU


def test_lone_surrogates_are_repaired_not_fatal(write):
    path = write("a.jsonl", '{"title": "T \\ud83d", "text": "Good \\ud83d\\ude00 and bad \\udc00."}\n'
                            '{"title": "Next", "text": "Fine."}\n')
    docs, caught = quiet_load(path)
    assert docs["title"].tolist() == ["T \ufffd", "Next"]
    assert docs["text"].iloc[0] == "Good \U0001F600 and bad \ufffd."
    assert problem_rows(docs) == [(path.as_posix(), 1, "lone surrogates",
                                   "replaced 2 lone surrogate code point(s) with U+FFFD", "repaired")]
    assert len(caught) == 1


# ---------------------------------------------------------------------------------------
# Broken input: a problems row each, good neighbours kept
# ---------------------------------------------------------------------------------------


def test_broken_files_next_to_good_ones(write, tmp_path):
    good = write("good.txt", "Headline\n\nMOSCOW (Reuters) - Body.")
    empty = write("empty.txt", "")
    blank = write("blank.txt", " \n\t\n")
    binary = write("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    nul = write("nul.txt", b"\x00\x01\x02\x03" * 100)
    pdf = write("paper.pdf", b"%PDF-1.4 ...")
    dangling = tmp_path / "corpus" / "gone.txt"
    dangling.symlink_to(tmp_path / "missing.txt")
    docs, caught = quiet_load(good.parent)
    assert docs["doc_id"].tolist() == ["good.txt"]
    assert problem_rows(docs) == [
        (blank.as_posix(), None, "empty file", "4 bytes, no text", "skipped"),
        (empty.as_posix(), None, "empty file", "0 bytes, no text", "skipped"),
        (dangling.as_posix(), None, "dangling symlink",
         f"points to {str(tmp_path / 'missing.txt')!r}, which does not exist", "skipped"),
        (binary.as_posix(), None, "binary file", "looks like a PNG image, not text", "skipped"),
        (nul.as_posix(), None, "binary file", "100 NUL byte(s) in the first 400 bytes", "skipped"),
        (pdf.as_posix(), None, "unsupported file type",
         "'.pdf' files are not read (text, .json, .jsonl, .csv, .tsv, .cor, .html, .xml, "
         ".nitf, .parquet and .feather are)", "skipped"),
    ]
    assert len(caught) == 1
    assert str(caught[0].message) == (
        f"6 problem(s) while loading '{good.parent.as_posix()}' (6 skipped); "
        "see analysis.problems(docs).")


def test_unreadable_file(write, monkeypatch):
    good = write("good.txt", "Body.")
    bad = write("locked.txt", "Body.")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    docs, _ = quiet_load(good.parent)
    assert docs["doc_id"].tolist() == ["good.txt"]
    assert problem_rows(docs) == [(bad.as_posix(), None, "unreadable file", "Permission denied", "skipped")]


def test_jsonl_bad_lines_between_good_ones(write):
    path = write("feed.jsonl", '{"title": "A", "text": "One."}\n{"title": "B", "text": \n\n'
                               '{"title": "C", "text": "Three."}\n[1, 2]\n{"title": "E", "text": "Five."}\n')
    docs, caught = quiet_load(path)
    assert docs["doc_id"].tolist() == ["feed.jsonl#1", "feed.jsonl#4", "feed.jsonl#6"]
    assert docs["title"].tolist() == ["A", "C", "E"]
    assert problem_rows(docs) == [
        (path.as_posix(), 2, "invalid JSON line", "Expecting value at column 24", "skipped"),
        (path.as_posix(), 5, "not a record", "expected an object, got list", "skipped"),
    ]
    assert len(caught) == 1


def test_json_syntax_error_mid_file_keeps_the_records_around_it(write):
    records = [{"title": f"T{i}", "text": f"Body {i}."} for i in range(1, 5)]
    text = json.dumps(records, indent=2).replace('"title": "T2",', '"title": "T2"')
    path = write("list.json", text)
    docs, caught = quiet_load(path)
    assert docs["title"].tolist() == ["T1", "T3", "T4"]
    assert docs["doc_id"].tolist() == ["list.json#1", "list.json#3", "list.json#4"]
    assert problem_rows(docs) == [(path.as_posix(), 2, "invalid JSON",
                                   "Expecting ',' delimiter at line 8 column 5; resumed at line 10",
                                   "skipped")]


def test_truncated_json_export(write):
    records = [{"title": f"T{i}", "text": f"Body {i}."} for i in range(1, 4)]
    text = json.dumps(records, indent=2)
    path = write("cut.json", text[: text.index('"T3"') + 10])
    docs, _ = quiet_load(path)
    assert docs["title"].tolist() == ["T1", "T2"]
    assert [r[2] for r in problem_rows(docs)] == ["invalid JSON"]


def test_records_without_text(write):
    path = write("r.json", json.dumps([
        {"title": "Only a headline"},
        {"id": 5, "tags": ["a"]},
        {"title": "Full", "text": "Body."},
    ]))
    docs, _ = quiet_load(path)
    assert docs["title"].tolist() == ["Only a headline", "Full"]
    assert docs["text"].tolist() == ["", "Body."]
    assert problem_rows(docs) == [
        (path.as_posix(), 1, "no text", "the record has a title or lede but no body text", "kept partially"),
        (path.as_posix(), 2, "no text", "no title, lede or text field (fields: id, tags); pass "
         "fields={'text': ...} if the text is under another name", "skipped"),
    ]


def test_csv_embedded_newlines_doubled_quotes_and_bad_rows(write):
    path = write("e.csv", 'title,text,date\r\n'
                          '"He said ""no""","Line one\r\nLine two, with comma",2024-01-01\r\n'
                          'Short row\r\n'
                          'Long,Body.,2024-01-03,extra,more\r\n'
                          'Bad date,Other body.,2020-02-30\r\n')
    docs, _ = quiet_load(path)
    assert docs["title"].tolist() == ['He said "no"', "Short row", "Long", "Bad date"]
    # Line breaks inside a record's text separate paragraphs, like blank lines do.
    assert docs["text"].iloc[0] == "Line one\n\nLine two, with comma"
    assert docs["date"].isna().tolist() == [False, True, False, True]
    assert problem_rows(docs) == [
        (path.as_posix(), 2, "wrong number of fields", "expected 3 fields, got 1", "kept partially"),
        (path.as_posix(), 2, "no text", "the record has a title or lede but no body text", "kept partially"),
        (path.as_posix(), 3, "wrong number of fields",
         "expected 3 fields, got 5; extra values not kept: ['extra', 'more']", "kept partially"),
        (path.as_posix(), 4, "bad date",
         "'2020-02-30' is not a valid date; the date is left empty",
         "kept partially"),
    ]


def test_errors_raise_and_ignore(write):
    write("good.txt", "Body.")
    folder = write("empty.txt", "").parent
    with pytest.raises(CorpusError, match=r"1 problem\(s\) while loading .*\n  .*empty.txt: empty file"):
        load_corpus(folder, errors="raise")
    docs, caught = quiet_load(folder, errors="ignore")
    assert caught == [] and len(problems(docs)) == 1


def test_folder_with_nothing_readable_is_an_error(write):
    folder = write("empty.txt", "").parent
    write("img.txt", b"\x89PNG\r\n")
    with pytest.raises(CorpusError, match=r"No articles could be read from .*: 2 file\(s\) found "
                                          r"\(2 skipped; first: .*empty.txt: empty file\)"):
        load_corpus(folder)


def test_warning_points_at_the_callers_line(write):
    folder = write("empty.txt", "").parent
    write("good.txt", "Body.")
    with pytest.warns(CorpusWarning) as record:
        load_corpus(folder)
    assert len(record) == 1 and record[0].filename == __file__


def test_bylines_are_kept_in_their_own_column(write):
    path = write("a.txt", "Headline\n\nBy Jane Doe\n\nLONDON, May 20 (Reuters) - Body.")
    row = load_corpus(path).iloc[0]
    assert (row["title"], row["byline"], row["text"]) == ("Headline", "By Jane Doe", "Body.")
    assert pd.isna(row["lede"])


@pytest.mark.parametrize("value, expected", [
    ("2024-12-26 21:09:18", "2024-12-26 21:09:18"),
    ("2024-12-26T21:09:18+03:00", "2024-12-26 18:09:18"),
    ("Thu, 26 Dec 2024 21:09:18 +0300", "2024-12-26 18:09:18"),
    ("December 26, 2024 at 9:05 p.m. EST", "2024-12-26 21:05:00"),
    ("26 December 2024", "2024-12-26 00:00:00"),
    (1735247358, "2024-12-26 21:09:18"),
    (1735247358000, "2024-12-26 21:09:18"),
])
def test_record_dates_in_many_formats(write, value, expected):
    path = write("a.jsonl", json.dumps({"title": "T", "text": "Body.", "date": value}) + "\n")
    assert load_corpus(path)["date"].iloc[0] == pd.Timestamp(expected)


def test_forced_encoding_reports_undecodable_bytes(write):
    path = write("a.txt", b"Headline\n\nBad \xff byte.")
    docs, caught = quiet_load(path, encoding="utf-8")
    assert docs["text"].iloc[0] == "Bad \ufffd byte."
    assert problem_rows(docs) == [(path.as_posix(), None, "undecodable bytes",
                                   "1 byte sequence(s) not valid utf-8, replaced with U+FFFD",
                                   "kept partially")]


# ---------------------------------------------------------------------------------------
# Regressions from an adversarial review of the loader
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected, problem", [
    ("9999-12-31", None, "'9999-12-31' is outside the years 1800-2200; the date is left empty"),
    ("0001-01-01", None, "'0001-01-01' is outside the years 1800-2200; the date is left empty"),
    (20241226091500, "2024-12-26 09:15:00", None),
    ("20241226", "2024-12-26", None),
    ({"$date": "2024-12-26T09:15:00Z"}, "2024-12-26 09:15:00", None),
    (99999999999999, None, "99999999999999 is not a usable date or epoch time; the date is left empty"),
    ("yesterday", None, "'yesterday' has no year; the date is left empty"),
])
def test_dates_that_pandas_cannot_hold_become_problems(write, value, expected, problem):
    path = write("a.jsonl", json.dumps({"title": "T", "text": "Body.", "date": value}) + "\n"
                 + json.dumps({"title": "U", "text": "Other body."}) + "\n")
    docs, _ = quiet_load(path)
    assert len(docs) == 2
    got = docs["date"].iloc[0]
    assert (None if pd.isna(got) else got) == (None if expected is None else pd.Timestamp(expected))
    assert [r[3] for r in problem_rows(docs)] == ([] if problem is None else [problem])


def test_bad_dates_count_for_errors_raise(write):
    path = write("a.jsonl", json.dumps({"title": "T", "text": "Body.", "date": "soon"}) + "\n")
    with pytest.raises(CorpusError, match="bad date"):
        load_corpus(path, errors="raise")


def test_record_fields_named_like_internals_are_just_fields(write):
    path = write("a.jsonl", json.dumps({"title": "A", "text": "Body", "_ctx": "x",
                                        "_date_raw": "2020-01-01", "_record": 5}) + "\n")
    docs = load_corpus(path)
    assert docs[["_ctx", "_date_raw", "_record"]].iloc[0].tolist() == ["x", "2020-01-01", 5]
    assert pd.isna(docs["date"].iloc[0])


def test_undecodable_file_names_and_pipes(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text("Body.", encoding="utf-8")
    os.mkfifo(folder / "pipe")
    name = os.fsencode(folder) + b"/bad\xffname.txt"
    with open(name, "wb") as handle:
        handle.write(b"Other body.")
    docs, _ = quiet_load(folder)
    assert docs["doc_id"].tolist() == ["bad\ufffdname.txt", "good.txt"]
    assert [(Path(r[0]).name, r[2]) for r in problem_rows(docs)] == [("pipe", "unreadable path")]


def test_long_runs_of_spaces_do_not_stall_the_dateline_parser():
    from analysis.corpus.wire import parse_dateline

    assert parse_dateline("MOSCOW" + " " * 50_000 + "x") is None
    assert parse_dateline("MOSCOW, May 20" + " " * 50_000 + "(Reuters) - x") is None


def test_json_recovery_does_not_invent_records_from_nested_objects(write):
    text = """[
  {"title": "Story 1", "text": "One."},
  {"title": "Story 2" "text": "Two.", "related": [{"title": "Older story", "text": "Related."}]},
  {"title": "Story 3", "text": "Three.", "tags": [{"name": "a"}, {"name": "b"}]}
]
"""
    path = write("list.json", text)
    docs, _ = quiet_load(path)
    assert docs["title"].tolist() == ["Story 1", "Story 3"]
    assert docs["doc_id"].tolist() == ["list.json#1", "list.json#3"]
    assert [(r[1], r[2]) for r in problem_rows(docs)] == [(2, "invalid JSON")]


def test_json_wrapped_lists_concatenated_lists_and_empty_lists(write):
    wrapped = write("api.json", '{"status": "ok", "articles": [{"title": "A", "content": "One."}, '
                                '{"title": "B" "content": "Two."}, {"title": "C", "content": "Three."}]}')
    docs, _ = quiet_load(wrapped)
    assert docs["title"].tolist() == ["A", "C"]
    both = write("two.json", '[{"title": "A", "text": "One."}]\n[{"title": "B", "text": "Two."}]\n')
    docs, _ = quiet_load(both)
    assert docs["doc_id"].tolist() == ["two.json#1", "two.json#2"]
    assert problems(docs).empty
    single = write("one.json", '[{"title": "A", "text": "One."}]')
    assert load_corpus(single)["doc_id"].tolist() == ["one.json#1"]
    empty = write("e/empty.json", "[]")
    write("e/good.txt", "Body.")
    docs, _ = quiet_load(empty.parent)
    assert [(Path(r[0]).name, r[2]) for r in problem_rows(docs)] == [("empty.json", "no records")]


@pytest.mark.parametrize("text, title, lede, dateline, body", [
    ("Title\nWASHINGTON (AP) — Body.\n\nMore.", "Title", None, "WASHINGTON (AP)", "Body.\n\nMore."),
    ("All news\nHeadline\n\nMOSCOW, May 20. /TASS/. Body.", "Headline", None, "MOSCOW, May 20. /TASS/.", "Body."),
    ("All news\n\nPutin meets Tokayev\n\nThe lede.\n\nPhoto: a caption\n\nMOSCOW, May 20. /TASS/. Body.",
     "Putin meets Tokayev", "The lede.", "MOSCOW, May 20. /TASS/.", "Body."),
    ("China, Russia sign deal\n\nSource: Xinhua\n\nEditor: huaxia\n\nBEIJING, May 20 (Xinhua) -- Body.",
     "China, Russia sign deal", None, "BEIJING, May 20 (Xinhua)", "Body."),
    ("Headline\n\nBY MARY SMITH\n\n4 min read\n\nLONDON (Reuters) - Body.", "Headline", None, "LONDON (Reuters)", "Body."),
    ("NATO (North Atlantic Treaty Organization) allies agreed on Monday.\n\nMore.", None, None, None,
     "NATO (North Atlantic Treaty Organization) allies agreed on Monday.\n\nMore."),
    ("LIVE UPDATES, March 3 - Election night\n\nThe polls closed.", "LIVE UPDATES, March 3 - Election night",
     None, None, "The polls closed."),
])
def test_text_layouts(write, text, title, lede, dateline, body):
    row = load_corpus(write("a.txt", text)).iloc[0]
    got = [None if pd.isna(row[c]) else row[c] for c in ("title", "lede", "dateline")]
    assert got == [title, lede, dateline]
    assert row["text"] == body


@pytest.mark.parametrize("paragraph, place, agency", [
    ("Rio de Janeiro (AFP) - Body.", "Rio de Janeiro", "AFP"),
    ("Port-au-Prince (AFP) - Body.", "Port-au-Prince", "AFP"),
    ("Dar es Salaam (AFP) - Body.", "Dar es Salaam", "AFP"),
    ("N'Djamena (AFP) - Body.", "N'Djamena", "AFP"),
    ("Moscow, 26 December /TASS/. Body.", "Moscow", "TASS"),
    ("ANKARA (AA) - Body.", "ANKARA", "Anadolu"),
])
def test_more_dateline_styles(paragraph, place, agency):
    from analysis.corpus.wire import parse_dateline

    d = parse_dateline(paragraph)
    assert (d.place, d.agency, paragraph[d.end:]) == (place, agency, "Body.")


def test_html_and_truncation_markers_in_records(write):
    path = write("a.jsonl", json.dumps({
        "title": "T", "content": "<p>BEIJING, Dec. 26 (Xinhua) -- China &amp; Russia met.</p>"
                                 "<p>More text… [+2345 chars]</p>"}) + "\n")
    docs, _ = quiet_load(path)
    row = docs.iloc[0]
    assert (row["dateline"], row["text"]) == ("BEIJING, Dec. 26 (Xinhua)", "China & Russia met.\n\nMore text")
    assert [(r[2], r[4]) for r in problem_rows(docs)] == [("HTML markup", "repaired"),
                                                           ("truncated text", "kept partially")]


def test_more_encodings(write):
    cyrillic = write("a.txt", ("Заголовок\n\n" + RU).encode("utf-16-le"))
    assert load_corpus(cyrillic, errors="ignore")["text"].iloc[0] == RU
    noise = write("noise.txt", bytes((i * 7919 + 13) % 256 for i in range(2000)))
    docs, _ = quiet_load(noise.parent)
    assert "noise.txt" not in set(docs["doc_id"])
    assert ("noise.txt", "binary file") in [(Path(r[0]).name, r[2]) for r in problem_rows(docs)]
    bom = write("bom.txt", ("Headline\n\n" + WEST).encode("utf-16"))
    assert load_corpus(bom, encoding="cp1251")["text"].iloc[0] == WEST


def test_csv_line_separators_and_repeated_headers(write):
    path = write("a.csv", "title,text,text\nA,Para one\u2028Para two,second\n")
    docs = load_corpus(path)
    assert len(docs) == 1
    assert docs["text"].iloc[0] == "Para one\u2028Para two" and docs["text_2"].iloc[0] == "second"


def test_year_folder_counts_whichever_folder_is_passed(write):
    path = write("2024/a.txt", "Headline\n\nMOSCOW, May 20. /TASS/. Body.")
    assert load_corpus(path.parent)["date"].iloc[0] == pd.Timestamp("2024-05-20")
    assert load_corpus(path.parent.parent)["date"].iloc[0] == pd.Timestamp("2024-05-20")


def test_symlinked_folders_are_followed_once(write, tmp_path):
    path = write("real/a.txt", "Body.")
    (tmp_path / "corpus" / "link").symlink_to(path.parent, target_is_directory=True)
    (path.parent / "loop").symlink_to(path.parent, target_is_directory=True)
    docs = load_corpus(tmp_path / "corpus")
    assert docs["doc_id"].tolist() == ["link/a.txt"]
