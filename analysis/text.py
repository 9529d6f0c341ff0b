"""One tokenizer behind every count: tokens, sentences and stopwords.

Tokens come from one regular expression (the pattern NLTK's ``RegexpTokenizer`` would take,
run with Python's ``re`` so that counting and tokenizing share one engine; NLTK's wrapper
runs patterns through the ``regex`` engine under a 5-second limit, which treats some
marks differently and fails on very long fields) and sentences from NLTK's Punkt with an
abbreviation list the kit ships, so everything runs offline. :func:`tokenize` returns the per-token table;
the counting functions in :mod:`analysis.terms` use the same expression on the same text,
so their counts agree with :func:`tokenize` term for term.

Token rules
-----------
- hyphenated words stay whole: ``Post-Soviet``, ``Kazakh-Russian``, ``COVID-19``;
- possessives split off: ``Kazakhstan’s`` -> ``Kazakhstan`` + ``’s`` (straight or curly);
  other apostrophes stay inside the word: ``don't``, ``O’Brien``;
- acronyms with periods stay whole: ``U.S.``, ``a.m.``; ``SCO`` is a word;
- numbers with separators stay whole: ``2,000``, ``5.4``, ``21:09``;
- every other non-space character (quotes, dashes, ``%``, ``$``) is a one-character token.

``norm`` is the token lower-cased, with curly apostrophes and Unicode hyphens made plain
(``Kazakhstan’s`` -> ``kazakhstan`` + ``'s``; ``Post‑Soviet`` -> ``post-soviet``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

import pandas as pd

from ._validate import check_columns

__all__ = ["tokenize", "stopword_list", "TOKEN_PATTERN", "TOKEN_COLUMNS", "normalize"]

TOKEN_COLUMNS = ["doc_id", "field", "sent", "i", "token", "norm", "start", "end", "is_stop",
                 "is_punct"]

_HYPHENS = "\\-\u2010\u2011"
_APOSTROPHES = "'\u2019"
TOKEN_PATTERN = (
    r"(?:[^\W\d_]\.){2,}"                                   # U.S., a.m.
    r"|\d+(?:[.,:]\d+)+"                                    # 2,000  5.4  21:09
    rf"|[^\W_]+(?:[{_HYPHENS}][^\W_]+)*"                    # Post-Soviet, COVID-19
    rf"(?:[{_APOSTROPHES}](?!s\b)[^\W_]+)*"                 # don't, O'Brien
    rf"|[{_APOSTROPHES}]s\b"                                # 's  ’s
    r"|[^\w\s]"                                             # any other symbol, one each
)
TOKEN_RE = re.compile(TOKEN_PATTERN, re.IGNORECASE)
NORM_TABLE = str.maketrans({"\u2019": "'", "\u2010": "-", "\u2011": "-"})
PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")

# Abbreviations after which Punkt must not end a sentence (lower case, no final period).
_ABBREVIATIONS = """
mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm gov sen rep rev hon pres amb
st mt ft jr sr inc ltd corp co plc bros dept est approx vs etc al fig no nos vol pp
jan feb mar apr jun jul aug sep sept oct nov dec
u.s u.k u.n e.u u.s.a u.a.e d.c a.m p.m e.g i.e
ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo
mont neb nev okla ore pa tenn tex va vt wash wis wyo
""".split()


def normalize(token: str) -> str:
    """The ``norm`` of a token: lower case, plain apostrophes and hyphens."""
    return token.lower().translate(NORM_TABLE)


def is_punct(token: str) -> bool:
    return not any(c.isalnum() for c in token)


@lru_cache(maxsize=1)
def _sentence_splitter():
    """NLTK's Punkt with the kit's abbreviations (see :mod:`analysis._punkt`)."""
    from nltk.tokenize.punkt import PunktParameters

    from ._punkt import PunktSplitter

    params = PunktParameters()
    params.abbrev_types = set(_ABBREVIATIONS)
    return PunktSplitter(params)


@lru_cache(maxsize=8)
def _shipped_stopwords(name: str) -> frozenset[str]:
    text = resources.files("analysis").joinpath("data", f"stopwords_{name}.txt").read_text(
        encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def stopword_list(
    stopwords: str | Iterable[str] | None = "english",
    extra_stopwords: Iterable[str] | None = None,
) -> frozenset[str]:
    """The stopwords in force, as norms.

    ``"english"`` is the kit's own list (``analysis/data/stopwords_en.txt``); ``None``
    keeps every word; ``"nltk"`` uses NLTK's English list if its data is installed; an
    iterable is used as given. ``extra_stopwords`` are added (normalised like tokens).

    >>> "the" in stopword_list(), "said" in stopword_list(extra_stopwords=["said"])
    (True, True)
    """
    if stopwords is None:
        base: frozenset[str] = frozenset()
    elif not isinstance(stopwords, str) and not _is_word_list(stopwords):
        raise TypeError(
            f"stopwords={stopwords!r} must be 'english', 'nltk', None or a list of words."
        )
    elif isinstance(stopwords, str):
        if stopwords == "english":
            base = _shipped_stopwords("en")
        elif stopwords == "nltk":
            base = _nltk_stopwords()
        else:
            raise ValueError(
                f"stopwords={stopwords!r} is not allowed; use 'english' (the kit's list), "
                "'nltk', None (keep all words) or a list of words."
            )
    else:
        base = frozenset(normalize(w) for w in stopwords)
    if extra_stopwords is not None:
        if isinstance(extra_stopwords, str) or not _is_word_list(extra_stopwords):
            raise TypeError(
                f"extra_stopwords={extra_stopwords!r} must be a list of words, e.g. ['said']."
            )
        base = base | {normalize(w) for w in extra_stopwords}
    return frozenset(base)


def _is_word_list(value) -> bool:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return False
    return all(isinstance(v, str) for v in value)


def _nltk_stopwords() -> frozenset[str]:
    try:
        from nltk.corpus import stopwords as nltk_stopwords

        words = nltk_stopwords.words("english")
    except LookupError:
        raise LookupError(
            "stopwords='nltk' needs NLTK's stopwords data, which is not installed. Install it "
            "once with:\n    .venv/bin/python -m nltk.downloader -d .venv/share/nltk_data "
            "stopwords\nor use stopwords='english' (the kit's own list, no download)."
        ) from None
    return frozenset(normalize(w) for w in words)


def text_fields(docs: pd.DataFrame, fields: Sequence[str] | str) -> list[str]:
    """The text columns of ``fields`` that ``docs`` has (at least one must be there)."""
    check_columns(docs, "docs", ["doc_id"])
    if isinstance(fields, str):
        fields = [fields]
    if not _is_word_list(fields):
        raise TypeError(
            f"fields={fields!r} must be a column name or a list of them, e.g. ('title', 'text')."
        )
    fields = list(fields)
    if not fields:
        raise ValueError("fields=() is empty; name at least one text column, e.g. ('text',).")
    present = [f for f in fields if f in docs.columns]
    if not present:
        raise ValueError(
            f"fields={tuple(fields)!r}: none of these columns is in docs; it has "
            f"{list(docs.columns)}."
        )
    return present


def iter_texts(docs: pd.DataFrame, fields: Sequence[str]):
    """``(row position, doc_id, field, text)`` for every non-empty text, in table order.

    Missing values are skipped; any other non-string value is an error, so nothing is
    dropped silently.
    """
    ids = docs["doc_id"].astype("str").to_numpy()
    for field in fields:
        values = docs[field].to_numpy()
        for pos, (doc_id, text) in enumerate(zip(ids, values)):
            if isinstance(text, str):
                if text:
                    yield pos, doc_id, field, text
            else:
                check_missing(text, field, doc_id)


def check_missing(value, field: str, doc_id) -> None:
    """Accept a missing value in a text column; raise for anything else that is not text."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return
    raise TypeError(
        f"docs[{field!r}] holds a {type(value).__name__} for doc_id {doc_id!r}; text columns "
        f"must hold strings (convert with docs[{field!r}].astype(str))."
    )


# A run of more than LONG_TOKEN characters with no whitespace is not prose: an inline
# base64 image, a pasted data table, a hash. The loader notes each article holding one
# (problem "very long token"); the actor and quote passes read such runs as blanks.
LONG_TOKEN = 200
_LONG_TOKEN_RE = re.compile(r"(?<!\S)\S{%d,}+" % (LONG_TOKEN + 1))


def long_tokens(text: str) -> list[tuple[int, int]]:
    """Spans of the runs of more than :data:`LONG_TOKEN` characters with no whitespace.

    >>> long_tokens("see " + "A" * 250 + " here")
    [(4, 254)]
    """
    return [m.span() for m in _LONG_TOKEN_RE.finditer(text)]


def blank_long_tokens(text: str) -> str:
    """``text`` with each :func:`long_tokens` run turned into as many spaces: the same
    length, so every offset still points into the original text.

    >>> blank_long_tokens("a " + "B" * 201 + " c") == "a " + " " * 201 + " c"
    True
    """
    spans = long_tokens(text)
    if not spans:
        return text
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], " " * (end - start)]
        at = end
    parts.append(text[at:])
    return "".join(parts)


class SpanIndex:
    """Spans ``(start, end, ...)`` of one text, sorted, for overlap questions in
    logarithmic time (a loop asking each mention about every quote is quadratic on a long
    article).

    >>> spans = SpanIndex([(10, 20, "b"), (0, 5, "a"), (30, 90, "c")])
    >>> spans.overlapping(4, 12)
    [(0, 5, 'a'), (10, 20, 'b')]
    >>> spans.overlaps(5, 10), spans.overlaps(40, 41)
    (False, True)
    """

    def __init__(self, spans: Iterable[tuple]):
        self.spans = sorted(spans, key=lambda s: (s[0], s[1]))
        self.starts = [s[0] for s in self.spans]
        self.widest = max((s[1] - s[0] for s in self.spans), default=0)
        self.reach, furthest = [], -1          # the furthest end of the spans so far
        for s in self.spans:
            furthest = max(furthest, s[1])
            self.reach.append(furthest)

    def __len__(self) -> int:
        return len(self.spans)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps ``[start, end)`` (a point when ``start == end``:
        whether a span holds it)."""
        k = bisect.bisect_left(self.starts, end if end > start else start + 1)
        return k > 0 and self.reach[k - 1] > start

    def overlapping(self, start: int, end: int) -> list[tuple]:
        """The spans overlapping ``[start, end)``, in order."""
        lo = bisect.bisect_left(self.starts, start - self.widest)
        hi = bisect.bisect_left(self.starts, end)
        return [s for s in self.spans[lo:hi] if s[1] > start]

    def before(self, pos: int) -> list[tuple]:
        """The spans starting before ``pos``, in order."""
        return self.spans[:bisect.bisect_left(self.starts, pos)]


def load_sentence_splitter() -> None:
    """Load the sentence splitter now (it imports NLTK, about a second and a half), so
    that workers forked afterwards inherit it instead of each loading it again."""
    _sentence_splitter()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text``: paragraphs first, then Punkt."""
    splitter = _sentence_splitter()
    spans = []
    start = 0
    for match in [*PARAGRAPH_RE.finditer(text), None]:
        end = match.start() if match else len(text)
        paragraph = text[start:end]
        spans.extend((start + a, start + b) for a, b in splitter.span_tokenize(paragraph))
        if match:
            start = match.end()
    return spans


def context_start(text: str, start: int, window: int) -> int:
    """Where the ``window`` tokens before ``start`` begin (widening the search as needed)."""
    if window == 0:
        return start
    reach = window * 10 + 30           # widened below when the tokens are longer
    while True:
        begin = max(0, start - reach)
        tokens = [m.start() for m in TOKEN_RE.finditer(text, begin, start)]
        # The first token found may be cut by the search window: it does not count.
        complete = tokens[1:] if begin > 0 else tokens
        if len(complete) >= window or begin == 0:
            return complete[-window] if len(complete) >= window else \
                (complete[0] if complete else start)
        reach *= 4


def context_end(text: str, end: int, window: int) -> int:
    """Where the ``window`` tokens after ``end`` stop (widening the search as needed)."""
    if window == 0:
        return end
    reach = window * 10 + 30
    while True:
        stop = min(len(text), end + reach)
        tokens = [m.end() for m in TOKEN_RE.finditer(text, end, stop)]
        complete = tokens[:-1] if stop < len(text) else tokens
        if len(complete) >= window or stop == len(text):
            return complete[window - 1] if len(complete) >= window else \
                (complete[-1] if complete else end)
        reach *= 4


def tokenize(
    docs: pd.DataFrame,
    *,
    fields: Sequence[str] | str = ("title", "lede", "text"),
    stopwords: str | Iterable[str] | None = "english",
    extra_stopwords: Iterable[str] | None = None,
) -> pd.DataFrame:
    """One row per token of the given text columns.

    Parameters
    ----------
    docs
        Any DataFrame with ``doc_id`` and the text columns in ``fields`` (those missing
        from ``docs`` are skipped, so a frame with only ``doc_id`` and ``text`` works).
    fields
        Text columns to tokenize, in this order.
    stopwords, extra_stopwords
        Which norms get ``is_stop`` (see :func:`stopword_list`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``field`` (the column), ``sent`` (sentence number within the field,
        from 0), ``i`` (token number within the field, from 0), ``token`` (as printed),
        ``norm`` (lower case, plain apostrophes and hyphens), ``start``, ``end``
        (character offsets: ``docs.loc[doc, field][start:end] == token`` where the index is
        ``doc_id``, as from :func:`analysis.load_corpus`), ``is_stop``, ``is_punct``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Kazakhstan’s Post-Soviet ties."]})
    >>> tokenize(docs)[["token", "norm", "start", "end", "is_stop"]].values.tolist()
    [['Kazakhstan', 'kazakhstan', 0, 10, False], ['’s', "'s", 10, 12, True], ['Post-Soviet', 'post-soviet', 13, 24, False], ['ties', 'ties', 25, 29, False], ['.', '.', 29, 30, False]]
    """
    fields = text_fields(docs, fields)
    stops = stopword_list(stopwords, extra_stopwords)
    columns: dict[str, list] = {c: [] for c in TOKEN_COLUMNS}
    rank = {f: k for k, f in enumerate(fields)}
    order: list[int] = []
    for pos, doc_id, field, text in iter_texts(docs, fields):
        spans = [m.span() for m in TOKEN_RE.finditer(text)]
        if not spans:
            continue
        sentences = sentence_spans(text)
        s = 0
        for i, (start, end) in enumerate(spans):
            while s < len(sentences) - 1 and start >= sentences[s][1]:
                s += 1
            token = text[start:end]
            norm = normalize(token)
            columns["doc_id"].append(doc_id)
            columns["field"].append(field)
            columns["sent"].append(s)
            columns["i"].append(i)
            columns["token"].append(token)
            columns["norm"].append(norm)
            columns["start"].append(start)
            columns["end"].append(end)
            columns["is_stop"].append(norm in stops)
            columns["is_punct"].append(is_punct(token))
        order.extend([pos * len(fields) + rank[field]] * len(spans))
    table = pd.DataFrame(columns)
    table = table.astype({"doc_id": "str", "field": "str", "sent": "int64", "i": "int64",
                          "token": "str", "norm": "str", "start": "int64", "end": "int64",
                          "is_stop": "bool", "is_punct": "bool"})
    # Rows in table order: row by row of docs, fields in the order given.
    key = pd.Series(order, dtype="int64")
    table = table.iloc[key.argsort(kind="stable").to_numpy()].reset_index(drop=True)
    return table
