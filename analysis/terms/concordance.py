"""Keyword in context: every match of a word or phrase with the words around it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd

from .._validate import check_columns, check_int
from ..text import context_end, context_start, iter_texts, text_fields
from ..types import Fields
from .counting import DEFAULT_FIELDS

__all__ = ["kwic", "evidence_terms"]


_HYPHEN_CLASS = "[-\u2010\u2011]"
_APOSTROPHE_CLASS = "['\u2019]"


def _phrase_regex(pattern: str, case: bool) -> re.Pattern:
    """A phrase (``"security council"``, ``"terror*"``) as a regex matching whole tokens.

    Straight and curly apostrophes, and the Unicode hyphens, match each other, as their
    norms do; a match never starts or ends inside a hyphenated word (``soviet`` does not
    match ``Post-Soviet``, whose token is ``post-soviet``); ``*`` matches the rest of a
    word, not a possessive ``'s``.
    """
    words = pattern.split()
    if not words:
        raise ValueError(f"pattern={pattern!r} is empty; give a word or phrase such as 'CSTO'.")
    parts = []
    for word in words:
        piece = re.escape(word)
        piece = re.sub(r"\\?[-\u2010\u2011]", lambda m: _HYPHEN_CLASS, piece)
        piece = re.sub(r"\\?['\u2019]", lambda m: _APOSTROPHE_CLASS, piece)
        piece = piece.replace(r"\*", "(?:\\w|" + _HYPHEN_CLASS + "(?=\\w))*")
        piece = piece.replace(r"\?", r"\w")
        parts.append(piece)
    body = r"\s+".join(parts)
    end = rf"(?!\w)(?!{_HYPHEN_CLASS}\w)"
    return re.compile(_PHRASE_START + body + end, 0 if case else re.IGNORECASE)


_PHRASE_START = rf"(?<!\w)(?<!\w{_HYPHEN_CLASS})"
_HYPHENS = "-\u2010\u2011"
# A word and the hyphens joining it to the next: where a refused match can skip to.
_INSIDE_WORD = re.compile(r"(?:\w|[-\u2010\u2011](?=\w))*+")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _phrase_spans(phrase: re.Pattern, text: str):
    """The matches of a :func:`_phrase_regex`, found faster.

    A regex that starts with a lookbehind is tried at every position; without it, `re`
    jumps to the phrase's first letters. The lookbehind (not inside a word, nor after
    a word and a hyphen) is checked here instead, and a refused match is retried from
    the next position, exactly as the regex engine would.
    """
    body = _phrase_body(phrase)
    pos = 0
    search = body.search
    while pos <= len(text):
        m = search(text, pos)
        if m is None:
            return
        a, b = m.span()
        before = text[a - 1] if a > 0 else ""
        if before and (_is_word_char(before) or (
                before in _HYPHENS and a > 1 and _is_word_char(text[a - 2]))):
            # Every start inside this word is refused the same way: skip to its end
            # (retrying at each one was quadratic on a long word and a wildcard).
            inside = _INSIDE_WORD.match(text, a).end() \
                if a < len(text) and _is_word_char(text[a]) else a
            pos = max(a + 1, inside)
            continue
        yield a, b
        pos = b if b > a else a + 1


@lru_cache(maxsize=256)
def _phrase_body(phrase: re.Pattern) -> re.Pattern:
    return re.compile(phrase.pattern[len(_PHRASE_START):], phrase.flags)


def kwic(
    docs: pd.DataFrame,
    pattern: str | Sequence[str],
    *,
    window: int = 8,
    regex: bool = False,
    case: bool = False,
    fields: Fields = DEFAULT_FIELDS,
) -> pd.DataFrame:
    """Keyword in context: every match of ``pattern`` with ``window`` tokens each side.

    ``pattern`` is a word or phrase (``"collective security"``; ``*`` matches any word
    ending, e.g. ``"terror*"``), a list of them, or with ``regex=True`` a regular
    expression. Matching ignores case unless ``case=True``; phrases match across any
    whitespace and possessives (``Kazakhstan`` matches ``Kazakhstan’s``).

    Returns ``doc_id, field, start, end, pre, match, post``: ``start``/``end`` are
    character offsets of the match in that field (``docs.loc[doc_id, field][start:end]
    == match``), ``pre``/``post`` the surrounding words with whitespace collapsed. Rows
    follow the table's order, then position.
    """
    check_int("window", window, minimum=0, maximum=1000)
    fields = text_fields(docs, fields)
    if isinstance(pattern, str):
        patterns = [pattern]
    elif isinstance(pattern, Iterable) and all(isinstance(p, str) for p in pattern):
        patterns = list(pattern)
    else:
        raise TypeError(f"pattern={pattern!r} must be a word or phrase (str) or a list of them.")
    if not patterns:
        raise ValueError("pattern=[] is empty; give a word, phrase or list of them.")
    if regex:
        try:
            compiled = [re.compile(p, 0 if case else re.IGNORECASE) for p in patterns]
        except re.error as err:
            raise ValueError(f"pattern={pattern!r} is not a valid regular expression: {err}.") from None
    else:
        compiled = [_phrase_regex(p, case) for p in patterns]
    rows = []
    for pos, doc_id, field, text in iter_texts(docs, fields):
        if regex:
            spans = sorted({(m.start(), m.end()) for rx in compiled for m in rx.finditer(text)
                            if m.end() > m.start()})
        else:
            spans = sorted({(a, b) for rx in compiled for a, b in _phrase_spans(rx, text)
                            if b > a})
        for start, end in spans:
            pre_start = context_start(text, start, window)
            post_end = context_end(text, end, window)
            rows.append((pos, doc_id, field, start, end, " ".join(text[pre_start:start].split()),
                         text[start:end], " ".join(text[end:post_end].split())))
    field_rank = {f: k for k, f in enumerate(fields)}
    rows.sort(key=lambda r: (r[0], field_rank[r[2]], r[3]))
    table = pd.DataFrame([r[1:] for r in rows],
                         columns=["doc_id", "field", "start", "end", "pre", "match", "post"])
    return table.astype({"doc_id": "str", "field": "str", "start": "int64", "end": "int64",
                         "pre": "str", "match": "str", "post": "str"})




def evidence_terms(
    focus: Sequence[str],
    *tables: pd.DataFrame,
    per_group: int = 2,
    by: str | None = None,
) -> list[str]:
    """The terms to show keyword-in-context lines for: the focus terms, then top items.

    ``tables`` are term tables in rank order (:func:`~analysis.term_frequencies`, :func:`~analysis.keyness`);
    from each, the first ``per_group`` terms (per value of ``by`` when the table has that
    column; for keyness, only terms more frequent in their group). Duplicates dropped,
    order kept.

    >>> import pandas as pd
    >>> evidence_terms(["csto"], pd.DataFrame({"term": ["sco", "csto", "drills"]}))
    ['csto', 'sco']
    """
    if isinstance(focus, str) or not all(isinstance(t, str) for t in focus):
        raise TypeError(f"focus={focus!r} must be a list of terms, e.g. ['csto', 'sco'].")
    check_int("per_group", per_group, minimum=0)
    chosen = list(focus)
    for table in tables:
        check_columns(table, "table", ["term"])
        if "log_ratio" in table.columns:
            table = table[table["log_ratio"] > 0]
        if by is not None and by in table.columns:
            table = table.groupby(by, sort=False, dropna=False).head(per_group)
        else:
            table = table.head(per_group)
        chosen.extend(str(t) for t in table["term"])
    return list(dict.fromkeys(chosen))
