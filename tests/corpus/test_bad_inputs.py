"""The bad-input catalogue: every kind of broken input, with exactly what comes out.

Each case writes a tiny, hand-countable corpus into a fresh folder and loads it. The
expected outcome is whole: the articles kept (their key fields, as a frame), every row of
``analysis.problems(docs)`` (as a frame, with the file named relative to the corpus
folder), and one warning line when there are problems, none when there are not. Cases
that cannot give a corpus (a path that does not exist, a folder with nothing readable)
expect the exact error instead.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis import CorpusError, CorpusWarning, load_corpus, problems
from analysis.corpus import PROBLEM_COLUMNS

from .helpers import tar_bytes, zip_bytes

RU = "Президент России заявил, что Москва готова к переговорам."
GOOD = {"good.txt": "Good headline\n\nMOSCOW (Reuters) - A good body."}
GOOD_ROW = {"doc_id": "good.txt", "title": "Good headline", "text": "A good body."}


@dataclass
class Case:
    id: str
    files: dict[str, str | bytes | Callable[[], str | bytes]]
    articles: list[dict[str, Any]] = field(default_factory=list)
    problems: list[tuple[str, int | None, str, str, str]] = field(default_factory=list)
    load: dict[str, Any] = field(default_factory=dict)
    setup: Callable[[Path, pytest.MonkeyPatch], None] | None = None
    error: tuple[type[Exception], str] | None = None   # exception type, full message ({corpus})


def _symlink_to_nowhere(corpus: Path, monkeypatch) -> None:
    (corpus / "gone.txt").symlink_to(corpus.parent / "missing.txt")


def _locked(corpus: Path, monkeypatch) -> None:
    # The tests run as root, who can read a chmod 000 file: simulate the refusal instead.
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def _vanishing(corpus: Path, monkeypatch) -> None:
    # Listed, then deleted before it is read (another process cleaning up an export).
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "gone.txt" and self.exists():
            self.unlink()
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def _nested(levels: int) -> list:
    value: list = []
    for _ in range(levels - 1):
        value = [value]
    return value


_DEEP = "more levels of nesting than the JSON parser takes (about 1,000); not read"
_LONG = ("1 number(s) of up to 100,000 digits, more than Python reads as an integer, kept as "
         "text")
_LOL = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(2, 10))
_XML_BOMB = ('<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY lol1 "lol">' + _LOL + ']><nitf><head>'
             "<title>T</title></head><body><body.content><p>&lol9;</p></body.content></body></nitf>")
_XXE = ('<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf>'
        "<head><title>T</title></head><body><body.content><p>A &x; B</p></body.content></body>"
        "</nitf>")


_ZEROS = 20 * 2**20      # bytes of zeros: about 20 KB deflated, 1,000 to 1


def _jsonl(*records: dict) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


CASES = [
    # --- files that are not text -------------------------------------------------------
    Case("empty file", {**GOOD, "empty.txt": ""}, [GOOD_ROW],
         [("empty.txt", None, "empty file", "0 bytes, no text", "skipped")]),
    Case("whitespace-only file", {**GOOD, "blank.txt": " \r\n\t\n"}, [GOOD_ROW],
         [("blank.txt", None, "empty file", "5 bytes, no text", "skipped")]),
    Case("binary file (a PNG named .txt)", {**GOOD, "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256))},
         [GOOD_ROW], [("image.txt", None, "binary file", "looks like a PNG image, not text", "skipped")]),
    Case("NUL-filled binary data", {**GOOD, "data.txt": b"\x00\x01\x02\x03" * 100}, [GOOD_ROW],
         [("data.txt", None, "binary file", "100 NUL byte(s) in the first 400 bytes", "skipped")]),
    Case("stray NUL bytes in text", {"a.txt": b"Headline\n\nKazakh\x00stan and\x00 Russia."},
         [{"doc_id": "a.txt", "title": "Headline", "text": "Kazakhstan and Russia."}],
         [("a.txt", None, "control characters", "removed 2 control character(s) (U+0000)", "repaired")]),

    # --- encodings ---------------------------------------------------------------------
    Case("truncated UTF-8", {"a.txt": "Headline\n\nA naïve café".encode("utf-8")[:-1]},
         [{"doc_id": "a.txt", "title": "Headline", "text": "A naïve caf"}],
         [("a.txt", None, "truncated UTF-8",
           "the file ends inside a character; dropped the last 1 byte(s)", "kept partially")]),
    Case("Windows-1251 Cyrillic", {"a.txt": ("Заголовок\n\n" + RU).encode("cp1251")},
         [{"doc_id": "a.txt", "title": "Заголовок", "text": RU}],
         [("a.txt", None, "not UTF-8", "decoded as cp1251 (detected; pass encoding= to override)",
           "repaired")]),
    Case("UTF-16 with a byte-order mark", {"a.txt": ("Заголовок\n\n" + RU).encode("utf-16")},
         [{"doc_id": "a.txt", "title": "Заголовок", "text": RU}], []),
    Case("UTF-16 without a byte-order mark", {"a.txt": ("Заголовок\n\n" + RU).encode("utf-16-le")},
         [{"doc_id": "a.txt", "title": "Заголовок", "text": RU}],
         [("a.txt", None, "no byte-order mark", "read as utf-16-le (detected from the byte pattern)",
           "repaired")]),
    Case("mixed line endings", {"a.txt": b"Headline\r\n\r\nMOSCOW, May 20. /TASS/. One.\rTwo.\n\nThree.\r\n"},
         [{"doc_id": "a.txt", "title": "Headline", "dateline": "MOSCOW, May 20. /TASS/.",
           "text": "One.\nTwo.\n\nThree."}], []),
    Case("mojibake (UTF-8 read as Windows-1252), repaired with ftfy",
         {"a.txt": "Headline\n\nThe minister\u00e2\u20ac\u2122s plan \u00e2\u20ac\u201c a "
                   "\u00e2\u20ac\u0153test\u00e2\u20ac\x9d in Almat\u00c4\u00b1."},
         [{"doc_id": "a.txt", "title": "Headline",
           "text": "The minister’s plan – a “test” in Almatı."}],
         [("a.txt", None, "mojibake", "text was UTF-8 decoded with the wrong encoding; repaired "
           "with ftfy (encode sloppy-windows-1252, decode utf-8)", "repaired")]),
    Case("mojibake in a JSON record's title, curly quotes elsewhere left alone",
         {"a.jsonl": _jsonl({"title": "Kazakhstan\u00e2\u20ac\u2122s view", "text": "It’s “fine”."})},
         [{"doc_id": "a.jsonl#1", "title": "Kazakhstan’s view", "text": "It’s “fine”."}],
         [("a.jsonl", 1, "mojibake", "title was UTF-8 decoded with the wrong encoding; repaired "
           "with ftfy (encode sloppy-windows-1252, decode utf-8)", "repaired")]),
    Case("lone surrogates from scraped JSON",
         {"a.jsonl": '{"title": "T \\ud83d", "text": "Good \\ud83d\\ude00 and bad \\udc00."}\n'},
         [{"doc_id": "a.jsonl#1", "title": "T \ufffd", "text": "Good \U0001F600 and bad \ufffd."}],
         [("a.jsonl", 1, "lone surrogates", "replaced 2 lone surrogate code point(s) with U+FFFD",
           "repaired")]),
    Case("zero-width characters",
         {"a.txt": "Head\u200bline\n\nKaza\u200bkh\u200dstan and Rus\u00adsia met\u2060.\ufeff"},
         [{"doc_id": "a.txt", "title": "Headline", "text": "Kazakhstan and Russia met."}],
         [("a.txt", None, "invisible characters", "removed 6 zero-width or bidirectional control "
           "character(s) from text (U+00AD, U+200B, U+200D, U+2060, U+FEFF)", "repaired")]),
    Case("bidirectional controls; a joiner inside Persian and in an emoji is kept",
         {"a.jsonl": _jsonl({"title": "\u202eSCO\u202c summit",
                             "text": "\u200fTehran\u200e: \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 "
                                     "\U0001F468\u200d\U0001F469 \u2067Astana\u2069."})},
         [{"doc_id": "a.jsonl#1", "title": "SCO summit",
           "text": "Tehran: \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 "
                   "\U0001F468\u200d\U0001F469 Astana."}],
         [("a.jsonl", 1, "invisible characters", "removed 2 zero-width or bidirectional control "
           "character(s) from title (U+202C, U+202E)", "repaired"),
          ("a.jsonl", 1, "invisible characters", "removed 4 zero-width or bidirectional control "
           "character(s) from text (U+200E, U+200F, U+2067, U+2069)", "repaired")]),

    # --- sizes and shapes --------------------------------------------------------------
    Case("a single 10 MB line", {"big.txt": lambda: "Headline\n\n" + "word " * 2_000_000},
         [{"doc_id": "big.txt", "title": "Headline", "n_words": 2_000_000}], []),
    Case("JSON syntax error mid-file: the records around it are kept",
         {"list.json": json.dumps([{"title": f"T{i}", "text": f"Body {i}."} for i in range(1, 5)],
                                  indent=2).replace('"title": "T2",', '"title": "T2"')},
         [{"doc_id": f"list.json#{i}", "title": f"T{i}", "text": f"Body {i}."} for i in (1, 3, 4)],
         [("list.json", 2, "invalid JSON",
           "Expecting ',' delimiter at line 8 column 5; resumed at line 10", "skipped")]),
    Case("truncated JSON export",
         {"cut.json": json.dumps([{"title": f"T{i}", "text": f"Body {i}."} for i in (1, 2, 3)],
                                 indent=2)[:-30]},
         [{"doc_id": f"cut.json#{i}", "title": f"T{i}", "text": f"Body {i}."} for i in (1, 2)],
         [("cut.json", 3, "invalid JSON", "Unterminated string starting at line 11 column 14; "
           "nothing readable after it", "skipped")]),
    Case("JSONL with bad lines between good ones",
         {"feed.jsonl": '{"title": "A", "text": "One."}\n{"title": "B", "text": \n\n'
                        '{"title": "C", "text": "Three."}\n[1, 2]\n{"title": "E", "text": "Five."}\n'},
         [{"doc_id": "feed.jsonl#1", "title": "A", "text": "One."},
          {"doc_id": "feed.jsonl#4", "title": "C", "text": "Three."},
          {"doc_id": "feed.jsonl#6", "title": "E", "text": "Five."}],
         [("feed.jsonl", 2, "invalid JSON line", "Expecting value at column 24", "skipped"),
          ("feed.jsonl", 5, "not a record", "expected an object, got list", "skipped")]),
    Case("CSV with embedded newlines, doubled quotes and short and long rows",
         {"e.csv": 'title,text\r\n"He said ""no""","Line one\r\nLine two, with comma"\r\n'
                   'Short row\r\nLong,Body.,extra\r\n'},
         [{"doc_id": "e.csv#1", "title": 'He said "no"', "text": "Line one\n\nLine two, with comma"},
          {"doc_id": "e.csv#2", "title": "Short row", "text": ""},
          {"doc_id": "e.csv#3", "title": "Long", "text": "Body."}],
         [("e.csv", 2, "wrong number of fields", "expected 2 fields, got 1", "kept partially"),
          ("e.csv", 2, "no text", "the record has a title or lede but no body text", "kept partially"),
          ("e.csv", 3, "wrong number of fields",
           "expected 2 fields, got 3; extra values not kept: ['extra']", "kept partially")]),
    Case("records without text",
         {"r.json": json.dumps([{"title": "Only a headline"}, {"id": 5, "tags": ["a"]},
                                {"title": "Full", "text": "Body."}])},
         [{"doc_id": "r.json#1", "title": "Only a headline", "text": ""},
          {"doc_id": "r.json#3", "title": "Full", "text": "Body."}],
         [("r.json", 1, "no text", "the record has a title or lede but no body text", "kept partially"),
          ("r.json", 2, "no text", "no title, lede or text field (fields: id, tags); pass "
           "fields={'text': ...} if the text is under another name", "skipped")]),

    # --- dates and datelines -----------------------------------------------------------
    Case("impossible dates",
         {"d.jsonl": _jsonl({"title": "A", "text": "One.", "date": "2020-02-30"},
                            {"title": "B", "text": "Two.", "date": "2023-13-01"},
                            {"title": "C", "text": "Three.", "date": "31/02/2024"})},
         [{"doc_id": "d.jsonl#1", "title": "A", "date": None},
          {"doc_id": "d.jsonl#2", "title": "B", "date": None},
          {"doc_id": "d.jsonl#3", "title": "C", "date": None}],
         [("d.jsonl", 1, "bad date", "'2020-02-30' is not a valid date; the date is left empty",
           "kept partially"),
          ("d.jsonl", 2, "bad date", "'2023-13-01' is not a valid date; the date is left empty",
           "kept partially"),
          ("d.jsonl", 3, "bad date", "'31/02/2024' is not a valid date; the date is left empty",
           "kept partially")]),
    Case("dates in many formats",
         {"d.jsonl": _jsonl(*({"title": f"T{i}", "text": f"Body {i}.", "date": value} for i, value in
                              enumerate(["2024-12-26", "2024-12-26T21:09:18Z", "2024-12-26T21:09:18+03:00",
                                         "Thu, 26 Dec 2024 21:09:18 +0000", "December 26, 2024",
                                         "26 Dec 2024", "26/12/2024", "26.12.2024", "20241226",
                                         1735247358, {"$date": "2024-12-26T21:09:18Z"}], 1)))},
         [{"doc_id": f"d.jsonl#{i}", "date": date} for i, date in enumerate(
             ["2024-12-26 00:00:00", "2024-12-26 21:09:18", "2024-12-26 18:09:18",
              "2024-12-26 21:09:18", "2024-12-26 00:00:00", "2024-12-26 00:00:00",
              "2024-12-26 00:00:00", "2024-12-26 00:00:00", "2024-12-26 00:00:00",
              "2024-12-26 21:09:18", "2024-12-26 21:09:18"], 1)], []),
    Case("ambiguous day and month are read month first, like pandas",
         {"d.jsonl": _jsonl({"title": "T", "text": "Body.", "date": "03/04/2024"})},
         [{"doc_id": "d.jsonl#1", "date": "2024-03-04 00:00:00"}], []),
    Case("odd dateline spacing",
         {"a.txt": "Headline A\n\nMOSCOW ,  May 20 . /TASS/ .  Body A.",
          "b.txt": "Headline B\n\n   LONDON,May 21 (Reuters)-Body B.",
          "c.txt": "Headline C\n\nBEIJING,  May 22  (Xinhua)  --  Body C."},
         [{"doc_id": "a.txt", "place": "MOSCOW", "agency": "TASS", "date": "2024-05-20 00:00:00",
           "dateline": "MOSCOW ,  May 20 . /TASS/ .", "text": "Body A."},
          {"doc_id": "b.txt", "place": "LONDON", "agency": "Reuters", "date": "2024-05-21 00:00:00",
           "dateline": "LONDON,May 21 (Reuters)", "text": "Body B."},
          {"doc_id": "c.txt", "place": "BEIJING", "agency": "Xinhua", "date": "2024-05-22 00:00:00",
           "dateline": "BEIJING,  May 22  (Xinhua)", "text": "Body C."}],
         [], load={"year": 2024}),

    # --- markup ------------------------------------------------------------------------
    Case("HTML markup inside text",
         {"a.jsonl": _jsonl({"title": "<b>Bold</b> &amp; plain",
                             "text": "<p>BEIJING, Dec. 26 (Xinhua) -- One &amp; two.</p>"
                                     "<p>Three<br>four <i>five</i>.</p><!-- ad -->"})},
         [{"doc_id": "a.jsonl#1", "title": "Bold & plain", "dateline": "BEIJING, Dec. 26 (Xinhua)",
           "text": "One & two.\n\nThree\n\nfour five."}],
         [("a.jsonl", 1, "HTML markup", "removed tags and entities from title", "repaired"),
          ("a.jsonl", 1, "HTML markup", "removed tags and entities from text", "repaired")]),
    Case("HTML in a list of paragraphs is one row, not one per paragraph",
         {"a.json": json.dumps([{"title": "T", "content": ["<p>One.</p>", "<p>Two.</p>", "<p>Three.</p>"]}])},
         [{"doc_id": "a.json#1", "title": "T", "text": "One.\n\nTwo.\n\nThree."}],
         [("a.json", 1, "HTML markup", "removed tags and entities from text", "repaired")]),

    Case("tickers and names in angle brackets (Reuters wire copy) are text, not HTML",
         {"a.jsonl": _jsonl({"title": "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT",
                             "text": "Standard Oil Co, a unit of <Hughes Corp> said shares of "
                                     "<ABC.N> rose; <RTRS> AT&amp;T <T> fell."}),
          "b.txt": "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT\n\nNEW YORK, March 2 (Reuters) - "
                   "Standard Oil Co <SRD>, a unit of <Hughes Corp> said shares of <ABC.N> rose."},
         [{"doc_id": "a.jsonl#1", "title": "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT",
           "text": "Standard Oil Co, a unit of <Hughes Corp> said shares of <ABC.N> rose; "
                   "<RTRS> AT&T <T> fell."},
          {"doc_id": "b.txt", "title": "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT",
           "text": "Standard Oil Co <SRD>, a unit of <Hughes Corp> said shares of <ABC.N> rose."}],
         []),
    Case("angle brackets as comparisons are text",
         {"a.jsonl": _jsonl({"title": "When a < b > c", "text": "If a < b > c then x<y and 3>2."})},
         [{"doc_id": "a.jsonl#1", "title": "When a < b > c", "text": "If a < b > c then x<y and 3>2."}],
         []),
    Case("HTML and a ticker in one value: the tags go, the ticker stays",
         {"a.jsonl": _jsonl({"title": "<b>STANDARD OIL</b> <SRD> TO FORM UNIT",
                             "text": "<p>Standard Oil <SRD> said.</p><p>Shares of <ABC.N> rose.</p>"})},
         [{"doc_id": "a.jsonl#1", "title": "STANDARD OIL <SRD> TO FORM UNIT",
           "text": "Standard Oil <SRD> said.\n\nShares of <ABC.N> rose."}],
         [("a.jsonl", 1, "HTML markup", "removed tags and entities from title", "repaired"),
          ("a.jsonl", 1, "HTML markup", "removed tags and entities from text", "repaired")]),
    Case("HTML script and style elements go with their content",
         {"a.jsonl": _jsonl({"title": "T", "text": "<p>One.</p><script type=\"text/javascript\">"
                                                   "if (a < b) { ad(\"<p>\"); }</script>"
                                                   "<STYLE>p { color: red; }</STYLE><p>Two.</p>"})},
         [{"doc_id": "a.jsonl#1", "title": "T", "text": "One.\n\nTwo."}],
         [("a.jsonl", 1, "HTML markup", "removed tags and entities from text", "repaired")]),

    # --- duplicates: flagged, never dropped ----------------------------------------------
    Case("exact duplicates are kept and flagged",
         {"a.txt": "Headline A\n\nMOSCOW, May 20. /TASS/. Kazakhstan and Russia met.",
          "b.jsonl": _jsonl({"title": "Headline B", "text": "Kazakhstan and Russia met."},
                            {"title": "Headline C", "text": "Kazakhstan and Russia met."})},
         [{"doc_id": "a.txt", "title": "Headline A", "text": "Kazakhstan and Russia met."},
          {"doc_id": "b.jsonl#1", "title": "Headline B", "text": "Kazakhstan and Russia met."},
          {"doc_id": "b.jsonl#2", "title": "Headline C", "text": "Kazakhstan and Russia met."}],
         [("b.jsonl", 1, "duplicate", "same body text as a.txt", "kept"),
          ("b.jsonl", 2, "duplicate", "same body text as a.txt", "kept")]),
    Case("near duplicates (case, punctuation, spacing, hyphens) are kept and flagged",
         {"a.txt": "Headline A\n\nPost-Soviet blocs: Kazakhstan’s view.",
          "b.txt": "Headline B\n\npost Soviet blocs -- KAZAKHSTAN'S   view!",
          "c.txt": "Headline C\n\nPost-Soviet blocs: Kazakhstan’s new view."},
         [{"doc_id": "a.txt", "text": "Post-Soviet blocs: Kazakhstan’s view."},
          {"doc_id": "b.txt", "text": "post Soviet blocs -- KAZAKHSTAN'S   view!"},
          {"doc_id": "c.txt", "text": "Post-Soviet blocs: Kazakhstan’s new view."}],
         [("b.txt", None, "near duplicate", "same words as a.txt, differing only in case, "
           "punctuation or spacing", "kept")]),

    # --- hostile files: each is one problems row, and its neighbours load ----------------
    Case("JSON nested 200,000 levels deep", {**GOOD, "deep.json": "[" * 200_000 + "]" * 200_000},
         [GOOD_ROW], [("deep.json", 1, "JSON nested too deeply", _DEEP, "skipped")]),
    Case("a deeply nested record between good JSON Lines",
         {"feed.jsonl": _jsonl({"title": "A", "text": "One."}) + '{"a": ' * 50_000 + "1" +
                        "}" * 50_000 + "\n" + _jsonl({"title": "C", "text": "Three."})},
         [{"doc_id": "feed.jsonl#1", "title": "A"}, {"doc_id": "feed.jsonl#3", "title": "C"}],
         [("feed.jsonl", 2, "JSON nested too deeply", _DEEP, "skipped")]),
    Case("a deeply nested record inside a JSON list, and inside a wrapper's list",
         {"list.json": '[{"title": "A", "text": "One."}, ' + '{"a": [' * 5_000 + "]}" * 5_000 +
                       ', {"title": "C", "text": "Three."}]',
          "wrapped.json": '{"status": "ok", "articles": [{"title": "D", "text": "Four."}, ' +
                          "[" * 5_000 + "]" * 5_000 + "]}"},
         [{"doc_id": "list.json#1", "title": "A"}, {"doc_id": "list.json#3", "title": "C"},
          {"doc_id": "wrapped.json#1", "title": "D"}],
         [("list.json", 2, "JSON nested too deeply", _DEEP, "skipped"),
          ("wrapped.json", 2, "JSON nested too deeply", _DEEP, "skipped")]),
    Case("a record the parser takes but too deep to walk",
         {"feed.jsonl": _jsonl({"title": "A", "text": "One.", "x": _nested(600)},
                               {"title": "B", "text": "Two."})},
         [{"doc_id": "feed.jsonl#2", "title": "B"}],
         [("feed.jsonl", 1, "JSON nested too deeply", "a value nested too deeply to read "
           "(hundreds of levels); the record was not read", "skipped")]),
    Case("JSON numbers with 100,000 digits are kept as text",
         {"feed.jsonl": '{"title": "A", "text": "One.", "n": ' + "9" * 100_000 + "}\n" +
                        _jsonl({"title": "B", "text": "Two."}),
          "list.json": '[{"title": "C", "text": "Three.", "n": -' + "7" * 100_000 + "}]"},
         [{"doc_id": "feed.jsonl#1", "title": "A", "n": "9" * 100_000},
          {"doc_id": "feed.jsonl#2", "title": "B", "n": None},
          {"doc_id": "list.json#1", "title": "C", "n": "-" + "7" * 100_000}],
         [("feed.jsonl", 1, "long number", _LONG, "repaired"),
          ("list.json", None, "long number", _LONG, "repaired")]),
    Case("a CSV field over the csv module's 131,072-character limit is read whole",
         {"e.csv": 'title,text\nA,"' + "word " * 40_000 + '"\nB,Two.\n'},
         [{"doc_id": "e.csv#1", "title": "A", "n_words": 40_000},
          {"doc_id": "e.csv#2", "title": "B", "n_words": 1}], []),
    Case("XML that expands entities a billion times, and XML naming a local file",
         {**GOOD, "bomb.xml": _XML_BOMB, "xxe.xml": _XXE},
         [GOOD_ROW],
         [("bomb.xml", None, "invalid XML", "limit on input amplification factor (from DTD and "
           "entities) breached at line 1 column 734", "skipped"),
          ("xxe.xml", None, "invalid XML", "undefined entity &x; at line 1 column 139",
           "skipped")]),
    Case("a very long token (an inline base64 image) is kept and noted once",
         {"a.jsonl": _jsonl({"title": "T", "text": "The chart: data:image/png;base64," + "QUJD" * 500 +
                             " shows it.\n\nAnd " + "x" * 300 + " again."})},
         [{"doc_id": "a.jsonl#1", "text": "The chart: data:image/png;base64," + "QUJD" * 500 +
           " shows it.\n\nAnd " + "x" * 300 + " again."}],
         [("a.jsonl", 1, "very long token", "2 run(s) of over 200 characters with no space (the "
           "longest 2,022) in text; not analysed for quotes and actors", "kept")]),
    Case("zip bomb: a member decompressing 1,000 to 1",
         {**GOOD, "bomb.zip": lambda: zip_bytes({"a.txt": "Headline A\n\nThe body of A.",
                                                  "bomb.txt": b"\x00" * _ZEROS})},
         [{"doc_id": "bomb.zip/a.txt", "title": "Headline A", "text": "The body of A."}, GOOD_ROW],
         [("bomb.zip/bomb.txt", None, "decompression bomb", "decompresses to over 10 MB, more "
           "than 100 times its compressed size; not read", "skipped")]),
    Case("gzip bomb",
         {**GOOD, "bomb.jsonl.gz": lambda: gzip.compress(b"\x00" * _ZEROS)}, [GOOD_ROW],
         [("bomb.jsonl.gz", None, "decompression bomb", "decompresses to over 10 MB, more than "
           "100 times its compressed size; not read", "skipped")]),
    Case("tar.gz bomb: the members before it are kept",
         {**GOOD, "bomb.tar.gz": lambda: tar_bytes({"a.txt": "Headline A\n\nThe body of A.",
                                                     "bomb.txt": b"\x00" * _ZEROS,
                                                     "z.txt": "Headline Z\n\nThe body of Z."})},
         [{"doc_id": "bomb.tar.gz/a.txt", "title": "Headline A", "text": "The body of A."},
          GOOD_ROW],
         [("bomb.tar.gz/bomb.txt", None, "decompression bomb", "the gzipped tar data "
           "decompresses to over 10 MB, more than 100 times its compressed size; this member "
           "and any after it were not read", "skipped")]),
    Case("archives nested in archives: read two deep",
         {"batch.zip": lambda: zip_bytes({"inner.tar.gz": tar_bytes({
             "a.txt": "Headline A\n\nThe body of A.",
             "deeper.zip": zip_bytes({"b.txt": "Headline B\n\nThe body of B.",
                                       "deepest.zip": zip_bytes({"c.txt": "C\n\nNot read."})})})})},
         [{"doc_id": "batch.zip/inner.tar.gz/a.txt", "title": "Headline A",
           "text": "The body of A."},
          {"doc_id": "batch.zip/inner.tar.gz/deeper.zip/b.txt", "title": "Headline B",
           "text": "The body of B."}],
         [("batch.zip/inner.tar.gz/deeper.zip/deepest.zip", None, "nested archive",
           "archives inside archives are read 2 levels deep and this one is deeper; extract it "
           "and load it directly", "skipped")]),
    Case("archive members named with absolute paths and '..' are labels as stored, never written",
         {"batch.tar": lambda: tar_bytes({"/etc/evil.txt": "Headline E\n\nThe body of E.",
                                           "../../up.txt": "Headline U\n\nThe body of U."},
                                          mode="w")},
         [{"doc_id": "batch.tar/../../up.txt", "title": "Headline U"},
          {"doc_id": "batch.tar//etc/evil.txt", "title": "Headline E"}], []),
    Case("a file that vanishes after it was listed", {**GOOD, "gone.txt": "Body."}, [GOOD_ROW],
         [("gone.txt", None, "unreadable file", "No such file or directory", "skipped")],
         setup=_vanishing),

    # --- files that cannot be read -----------------------------------------------------
    Case("unreadable file", {**GOOD, "locked.txt": "Body."}, [GOOD_ROW],
         [("locked.txt", None, "unreadable file", "Permission denied", "skipped")], setup=_locked),
    Case("dangling symlink", GOOD, [GOOD_ROW],
         [("gone.txt", None, "dangling symlink", "points to '{tmp}/missing.txt', which does "
           "not exist", "skipped")], setup=_symlink_to_nowhere),
    Case("a path that does not exist", {}, load={"source": "nowhere"}, error=(
        FileNotFoundError, "source='{corpus}/nowhere' does not exist. Pass a file, a folder or a "
        "glob such as 'data/*.json' (the current folder is '{cwd}').")),
    Case("a folder with no readable files", {"empty.txt": "", "image.txt": b"\x89PNG\r\n",
                                            "README.md": "Read me."},
         error=(CorpusError, "No articles could be read from '{corpus}': 3 file(s) found "
                "(3 skipped; first: {corpus}/README.md: documentation file). Check the path, "
                "or pass fields= if your records name their text field differently.")),
    Case("an empty folder", {}, error=(
        CorpusError, "No articles could be read from '{corpus}': 0 file(s) found. Check the path, "
        "or pass fields= if your records name their text field differently.")),
]


def _fill(text: str, corpus: Path) -> str:
    """Expected text with the test's folders put in."""
    return text.replace("{corpus}", str(corpus)).replace("{tmp}", str(corpus.parent)) \
        .replace("{cwd}", os.getcwd())


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame([[row.get(c) for c in columns] for row in rows], columns=columns,
                        dtype="object")


def _articles(docs: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    got = docs[columns].reset_index(drop=True).copy()
    if "date" in got:
        got["date"] = got["date"].dt.strftime("%Y-%m-%d %H:%M:%S")
    got = got.astype("object")
    return got.where(got.notna(), None)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, content in case.files.items():
        if callable(content):
            content = content()
        path = corpus / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    if case.setup:
        case.setup(corpus, monkeypatch)
    load = dict(case.load)
    source = corpus / load.pop("source") if "source" in load else corpus

    if case.error:
        kind, message = case.error
        with pytest.raises(kind) as raised:
            load_corpus(source, **load)
        assert str(raised.value) == _fill(message, corpus)
        return

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = load_corpus(source, **load)
    caught = [w for w in caught if issubclass(w.category, CorpusWarning)]

    columns = list(dict.fromkeys(c for row in case.articles for c in row))
    pd.testing.assert_frame_equal(_articles(docs, columns), _frame(case.articles, columns))

    table = problems(docs)
    got = pd.DataFrame([[Path(source).relative_to(corpus).as_posix(),
                         None if pd.isna(record) else int(record), problem, detail, action]
                        for source, record, problem, detail, action in table.itertuples(index=False)],
                       columns=PROBLEM_COLUMNS, dtype="object")
    expected = pd.DataFrame([[p[0], p[1], p[2], _fill(p[3], corpus), p[4]]
                             for p in case.problems], columns=PROBLEM_COLUMNS, dtype="object")
    pd.testing.assert_frame_equal(got, expected)
    assert len(caught) == (1 if case.problems else 0)


def test_the_catalogue_covers_the_issue():
    assert len(CASES) >= 25
    ids = " ".join(c.id for c in CASES)
    for kind in ("empty", "whitespace", "binary", "NUL", "truncated UTF-8", "Windows-1251", "UTF-16",
                 "line endings", "10 MB", "JSON syntax error", "JSONL", "CSV", "without text",
                 "impossible dates", "many formats", "dateline spacing", "HTML", "tickers", "zero-width",
                 "bidirectional", "surrogates", "mojibake", "exact duplicates", "near duplicates",
                 "unreadable", "dangling symlink", "does not exist", "no readable files",
                 "nested 200,000 levels", "deeply nested record", "100,000 digits",
                 "csv module's", "entities", "vanishes", "very long token", "zip bomb",
                 "gzip bomb", "tar.gz bomb", "nested in archives", "absolute paths"):
        assert kind in ids, kind


def test_duplicates_count_as_problems_for_errors_raise(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Same body.", encoding="utf-8")
    (corpus / "b.txt").write_text("Same body.", encoding="utf-8")
    with pytest.raises(CorpusError, match=re.escape("b.txt: duplicate (same body text as a.txt); kept")):
        load_corpus(corpus, errors="raise")


HOSTILE_MARKUP = {
    "1 MB of <": ("<" * 1_000_000, False),
    "1 MB of '<a '": ("<a " * 333_334, False),
    "1 MB of unclosed comments": ("<!--" * 250_000, False),
    "1 MB of unclosed scripts": ("<p>" + "<script>x" * 111_112, True),
    "1 MB of half tags and comments in HTML": ("<p>" + "<a <b <!-- " * 83_334, True),
    "1 MB of attributes that never close": ("<p>x</p><div " + "a=b " * 250_000, True),
}


@pytest.mark.parametrize("name", list(HOSTILE_MARKUP))
def test_markup_repair_takes_linear_time_on_hostile_input(name, tmp_path):
    """Every markup pattern scans forward: no input makes it rescan the rest of the text
    from each ``<`` (a lazy ``<!--.*?-->`` took minutes on 1 MB of ``<!--``)."""
    text, html = HOSTILE_MARKUP[name]
    path = tmp_path / "hostile.jsonl"
    path.write_text(_jsonl({"title": "T", "text": text}), encoding="utf-8")
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs = load_corpus(path, cache=False)
    assert time.perf_counter() - started < 2.0
    # Text with no space is one very long token: kept, with its row, not analysed.
    long_token = [] if " " in docs["text"].iloc[0] else ["very long token"]
    assert [r.problem for r in problems(docs).itertuples()] == \
        (["HTML markup"] if html else []) + long_token
    if not html:   # nothing there is HTML: the text is kept as it was
        assert docs["text"].iloc[0] == text.strip()
