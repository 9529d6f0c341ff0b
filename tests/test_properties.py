"""Property-based tests (Hypothesis): what must hold for any text at all.

- token, mention, quote and KWIC offsets slice back to the text they name;
- mentions never overlap;
- term counts do not depend on the order of the articles;
- loading the same files twice gives the same doc_ids.

Texts come from two strategies: arbitrary Unicode (``st.text()`` over every category but
lone surrogates, which pandas' strings cannot hold, including controls, format characters,
combining marks and line separators), and news-like text that mixes registry names
("Kazakhstan", "SCO", "Yerlan Karin"), titles, quotation marks and punctuation with
arbitrary fragments, so that mentions and quotes actually occur. The runs are derandomized
so that CI sees the same examples every time.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import warnings
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import (
    CorpusError,
    actor_mentions,
    kwic,
    load_corpus,
    problems,
    quotes,
    term_frequencies,
    tokenize,
)

# DATELINE_HUNT=2000 runs that many random (not derandomized) examples per test: a longer
# search for bugs, on demand. The default is quick and the same on every run.
HUNT = int(os.environ.get("DATELINE_HUNT", "0"))
SETTINGS = settings(max_examples=HUNT or 60, deadline=None, derandomize=not HUNT,
                    suppress_health_check=[HealthCheck.too_slow])

WORDS = [
    "Kazakhstan", "Kazakhstan’s", "Kazakhstan's", "Kazakh-Russian", "Russia", "Russians", "SCO",
    "CSTO", "CICMA", "US", "us", "U.S.", "South Sudan", "Sudan", "NATO", "TASS", "Reuters",
    "Yerlan Karin", "Karin", "President Vladimir Putin", "Putin", "Mr Zhunusov",
    "Marat Zhunusov, a security analyst,", "the Moscow Centre for Eurasian Studies", "Astana",
    "the expert", "he", "she", "said", "says", "told", "thinks", "according to", "that",
    "security", "terror", "terrorism", "Post-Soviet", "blocs", "2,000", "5.4", "May 20",
    "the", "and", "of", "in", "Expert:", "MOSCOW, May 20. /TASS/.", "LONDON (Reuters) -",
]
MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", ".", ",", ":", ";", "?", "!", "-", "–", "—",
         "(", ")", "...", "…"]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", ""]

# Any character but a lone surrogate: controls, format characters (zero-width, bidi),
# combining marks, private use, unassigned code points, line and paragraph separators.
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=80)
piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MARKS),
                  st.text(st.characters(exclude_categories=["Cs"]), max_size=3))
words = st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=12).map(
    lambda parts: "".join(p + s for p, s in parts))
# A quotation with an attribution before or after it, so that quotes() finds something.
quoted = st.tuples(
    st.sampled_from(["", "Yerlan Karin said: ", "Karin told TASS ", "The expert said that ",
                     "Expert: ", "According to Mr Zhunusov, "]),
    st.sampled_from(['"', "“", "«", "‘", "'", ""]), words, st.sampled_from(['"', "”", "»", "’", "'", ""]),
    st.sampled_from(["", ", he said.", " Karin said.", ", according to Yerlan Karin.",
                     ", President Vladimir Putin says.", ", she told reporters."]),
).map("".join)
news_text = st.lists(st.tuples(st.one_of(piece, quoted), st.sampled_from(SEPARATORS)),
                     max_size=30).map(lambda parts: "".join(p + s for p, s in parts))
text = st.one_of(news_text, news_text, any_text)


@st.composite
def doc_frames(draw, min_size=1, max_size=4):
    """A docs frame like load_corpus gives: doc_id index, title, lede, text, agency."""
    n = draw(st.integers(min_size, max_size))
    rows = []
    for i in range(n):
        rows.append({
            "doc_id": f"d{i}",
            "agency": draw(st.sampled_from(["TASS", "Reuters", None])),
            "title": draw(st.one_of(st.none(), text)),
            "lede": draw(st.one_of(st.none(), text)),
            "text": draw(text),
        })
    frame = pd.DataFrame(rows)
    for column in ("doc_id", "agency", "title", "lede", "text"):
        frame[column] = frame[column].astype("str")
    frame.index = pd.Index(frame["doc_id"].to_numpy())
    return frame


def _slices_back(docs: pd.DataFrame, table: pd.DataFrame, column: str) -> None:
    for doc_id, field, start, end, value in table[["doc_id", "field", "start", "end", column]] \
            .itertuples(index=False):
        source = docs.loc[doc_id, field]
        assert 0 <= start < end <= len(source), (doc_id, field, start, end)
        assert source[start:end] == value, (doc_id, field, start, end, value)


@SETTINGS
@given(doc_frames())
def test_token_offsets_slice_back(docs):
    _slices_back(docs, tokenize(docs), "token")


@SETTINGS
@given(doc_frames())
def test_mention_offsets_slice_back_and_never_overlap(docs):
    mentions = actor_mentions(docs, n_jobs=1)
    _slices_back(docs, mentions, "surface")
    top = mentions[mentions["depth"] == 0]
    spans = dict(zip(top["mention_id"], zip(top["start"], top["end"])))
    for row in mentions[mentions["depth"] > 0].itertuples():
        start, end = spans[row.parent]                 # nested inside a top-level parent
        assert start <= row.start < row.end <= end
    for _, part in top.groupby(["doc_id", "field"]):
        spans = sorted(zip(part["start"], part["end"]))
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert end <= start, spans


@SETTINGS
@given(doc_frames())
def test_quote_offsets_slice_back(docs):
    _slices_back(docs, quotes(docs), "quote")


@SETTINGS
@given(doc_frames(), st.sampled_from(["Kazakhstan", "security", "terror*", "SCO",
                                      "collective security", "Yerlan Karin", "the"]),
       st.integers(0, 5))
def test_kwic_offsets_slice_back(docs, pattern, window):
    _slices_back(docs, kwic(docs, pattern, window=window), "match")


@SETTINGS
@given(doc_frames(min_size=2, max_size=5), st.randoms(use_true_random=False),
       st.sampled_from([None, "agency"]), st.sampled_from([1, 2, (1, 2)]))
def test_term_counts_do_not_depend_on_article_order(docs, rnd, by, ngram):
    order = list(range(len(docs)))
    rnd.shuffle(order)
    shuffled = docs.iloc[order]
    first = term_frequencies(docs, by=by, ngram=ngram, n_jobs=1)
    second = term_frequencies(shuffled, by=by, ngram=ngram, n_jobs=1)
    pd.testing.assert_frame_equal(first, second)


FILE_NAMES = ["a.txt", "b.json", "c.jsonl", "d.csv", "sub/e.txt", "sub/f.cor", "2024/g.txt",
              "h.json", "i.jsonl"]
records = st.lists(st.fixed_dictionaries({"title": text, "text": text},
                                         optional={"date": st.sampled_from(
                                             ["2024-12-26", "2020-02-30", "soon", "26/12/2024"])}),
                   max_size=4)


def _csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["title", "text", "date"])
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


file_content = st.one_of(
    text, st.binary(max_size=60), text.map(lambda t: t.encode("utf-16")),
    text.map(lambda t: t.encode("cp1251", "replace")),
    records.map(lambda rows: json.dumps(rows, ensure_ascii=False)),
    records.map(lambda rows: "".join(json.dumps(r) + "\n" for r in rows)),
    records.map(_csv),
)


@settings(SETTINGS, max_examples=HUNT or 40)
@given(st.dictionaries(st.sampled_from(FILE_NAMES), file_content, min_size=1, max_size=5))
def test_loading_the_same_files_twice_gives_the_same_doc_ids(files):
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        paths = []
        for name, content in files.items():
            path = corpus / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="")
            paths.append(path)
        first = _load(corpus)
        again = _load(corpus)
        # Named one by one, in any order: ids are relative to the files' common folder.
        listed = _load(paths)
        backwards = _load(list(reversed(paths)))
    if first is None:
        assert again is listed is backwards is None
        return
    assert first[0]["doc_id"].tolist() == again[0]["doc_id"].tolist()
    assert listed[0]["doc_id"].tolist() == backwards[0]["doc_id"].tolist()
    # Not only the ids: the same input gives the same tables.
    pd.testing.assert_frame_equal(first[0], again[0])
    pd.testing.assert_frame_equal(first[1], again[1])
    pd.testing.assert_frame_equal(listed[0], backwards[0])


def _load(source):
    """The articles and problems tables, or None when nothing could be read."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            docs = load_corpus(source)
        except CorpusError:
            return None
    return docs, problems(docs)


# ---------------------------------------------------------------------------------------
# Regressions: failures Hypothesis found, pinned with the smallest example
# ---------------------------------------------------------------------------------------
