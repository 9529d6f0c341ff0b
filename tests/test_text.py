import pandas as pd
import pytest

import analysis
from analysis import stopword_list, tokenize
from analysis.text import TOKEN_COLUMNS

from .conftest import shared_path


def test_tokenize_whole_frame():
    docs = pd.DataFrame({
        "doc_id": ["a", "b"],
        "title": ["Kazakhstan’s bloc", None],
        "text": ["The U.S. and Kazakh-Russian ties. It's 2,000 km—“far”.", "SCO"],
    }, index=["a", "b"])
    got = tokenize(docs)
    rows = [
        ("a", "title", 0, 0, "Kazakhstan", "kazakhstan", 0, 10, False, False),
        ("a", "title", 0, 1, "’s", "'s", 10, 12, True, False),
        ("a", "title", 0, 2, "bloc", "bloc", 13, 17, False, False),
        ("a", "text", 0, 0, "The", "the", 0, 3, True, False),
        ("a", "text", 0, 1, "U.S.", "u.s.", 4, 8, False, False),
        ("a", "text", 0, 2, "and", "and", 9, 12, True, False),
        ("a", "text", 0, 3, "Kazakh-Russian", "kazakh-russian", 13, 27, False, False),
        ("a", "text", 0, 4, "ties", "ties", 28, 32, False, False),
        ("a", "text", 0, 5, ".", ".", 32, 33, False, True),
        ("a", "text", 1, 6, "It", "it", 34, 36, True, False),
        ("a", "text", 1, 7, "'s", "'s", 36, 38, True, False),
        ("a", "text", 1, 8, "2,000", "2,000", 39, 44, False, False),
        ("a", "text", 1, 9, "km", "km", 45, 47, False, False),
        ("a", "text", 1, 10, "—", "—", 47, 48, False, True),
        ("a", "text", 1, 11, "“", "“", 48, 49, False, True),
        ("a", "text", 1, 12, "far", "far", 49, 52, False, False),
        ("a", "text", 1, 13, "”", "”", 52, 53, False, True),
        ("a", "text", 1, 14, ".", ".", 53, 54, False, True),
        ("b", "text", 0, 0, "SCO", "sco", 0, 3, False, False),
    ]
    expected = pd.DataFrame(rows, columns=TOKEN_COLUMNS).astype(got.dtypes.to_dict())
    pd.testing.assert_frame_equal(got, expected)


def _check_offsets(docs, tokens):
    for row in tokens.itertuples(index=False):
        assert docs.loc[row.doc_id, row.field][row.start:row.end] == row.token


def test_seed_tokens_and_offsets():
    docs = analysis.load_corpus(shared_path("seed"), errors="ignore")
    tokens = tokenize(docs)
    _check_offsets(docs, tokens)
    norms = set(tokens["norm"])
    assert {"kazakhstan", "post-soviet", "cicma", "csto", "terrorism", "kazakh-russian"} <= norms
    assert "'s" in norms and "kazakhstan’s" not in norms
    # Sentences: the body's first paragraph is one sentence, its second paragraph three.
    body = tokens[tokens["field"] == "text"]
    assert body["sent"].max() == 11


def test_real_corpora_offsets_slice_back():
    for path in (shared_path("tass_2024", "politics_20.json"),
                 shared_path("abc_lee_2001", "lee_background.cor")):
        docs = analysis.load_corpus(path, errors="ignore")
        _check_offsets(docs, tokenize(docs))


def test_stopword_lists():
    english = stopword_list()
    assert {"the", "and", "'s", "don't"} <= english and "us" not in english
    assert "said" not in english and "said" in stopword_list(extra_stopwords=["Said"])
    assert stopword_list(None) == frozenset()
    assert stopword_list(["The", "Kazakhstan’s"]) == {"the", "kazakhstan's"}
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["The said"]})
    assert tokenize(docs, stopwords=None)["is_stop"].tolist() == [False, False]
    assert tokenize(docs, extra_stopwords=["said"])["is_stop"].tolist() == [True, True]


def test_stopword_errors_say_how_to_fix():
    with pytest.raises(ValueError, match=r"stopwords='french' is not allowed; use 'english'"):
        stopword_list("french")
    with pytest.raises(TypeError, match=r"extra_stopwords='said' must be a list"):
        stopword_list(extra_stopwords="said")


def test_nltk_stopwords_explain_the_install(monkeypatch):
    import nltk

    monkeypatch.setattr(nltk.data, "path", ["/nonexistent"])
    try:
        words = stopword_list("nltk")
    except LookupError as err:
        assert "python -m nltk.downloader -d .venv/share/nltk_data stopwords" in str(err)
        assert "stopwords='english'" in str(err)
    else:       # NLTK's data happens to be installed on this machine
        assert "the" in words


def test_tokenize_bad_arguments():
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["x"]})
    with pytest.raises(ValueError, match=r"fields=\('body',\): none of these columns is in docs"):
        tokenize(docs, fields=("body",))
    with pytest.raises(ValueError, match=r"lacks the column\(s\) \['doc_id'\]"):
        tokenize(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        tokenize(["x"])


def _nltk_spans(text):
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from analysis.text import _sentence_splitter

    return list(PunktSentenceTokenizer.span_tokenize(_sentence_splitter(), text))


def test_fast_punkt_gives_nltk_spans_on_real_text():
    from analysis.text import _sentence_splitter

    splitter = _sentence_splitter()
    docs = pd.concat([analysis.load_corpus(shared_path("abc_lee_2001"), errors="ignore"),
                      analysis.load_corpus(shared_path("tass_2024"), errors="ignore")])
    paragraphs = [p for field in ("title", "lede", "text") if field in docs
                  for t in docs[field].dropna() for p in [t, *t.split("\n\n")]]
    assert len(paragraphs) > 300
    for text in paragraphs:
        assert list(splitter.span_tokenize(text)) == _nltk_spans(text)


def test_fast_punkt_gives_nltk_spans_on_odd_punctuation():
    import random

    from analysis.text import _sentence_splitter

    splitter = _sentence_splitter()
    rng = random.Random(7)
    pieces = list('ab. !?"\')]}(«»“”‘’--\n\t\x0b  XY') + [
        "Mr.", "U.S.", "...", "Dr. ", " The", " and", " I", " J.", " 3.", " e.g.", "Smith",
        " said.", " Jan.", " no."]
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert list(splitter.span_tokenize(text)) == _nltk_spans(text), repr(text)
    assert list(splitter.span_tokenize("(He left.) Then? Yes!")) == [(0, 10), (11, 16), (17, 21)]
