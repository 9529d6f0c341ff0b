"""Where quotations are: quotation marks paired within a paragraph, paragraphs, and
transcript lines.

A mark opens when text follows it and a space (or the paragraph's start, a bracket, a
dash) precedes it; it closes when text precedes it and a space, punctuation or the end
follows it. A mark with letters on both sides (``don"t``, ``O’Brien``) is neither, so a
mis-decoded apostrophe cannot pair with a quotation mark across a sentence. Double marks
(straight, curly, ``«»``, ``„“``, two apostrophes ``''``) and single marks (straight or
curly) are paired separately; a quotation inside another (US ``'...'`` inside ``"..."``,
UK ``"..."`` inside ``'...'``) is not a quotation of its own. A paragraph that opens a
quotation and does not close it runs to its end; when the next paragraph opens with a
mark, that paragraph continues the quotation (the news convention).
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Piece", "paragraphs", "quote_pieces", "transcript_line"]

_MARK_RE = re.compile(r"''|``|[\"“”„«»‹›‘’']")
_DOUBLE = {'"', "“", "”", "„", "«", "»", "''", "``"}
_OPENS = {"“", "„", "«", "‹", "‘", "``"}
_CLOSES = {"”", "»", "›", "’"}
_BEFORE_OPEN = set(" \t\n([{—–-/:;") | {"\u00a0"}
_AFTER_CLOSE = set(" \t\n,.;:!?)]}—–-/") | {"\u00a0", "…"}
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_LINE_RE = re.compile(r"\n")
_TRANSCRIPT_RE = re.compile(r"(?P<who>(?:[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}|Q|A))"
                            r":[ \t]+(?=\S)")


class Piece(NamedTuple):
    """One quotation inside its marks: the words' span, the marks' span, and whether it
    runs on from the paragraph before (``continued``) or to the paragraph's end."""

    start: int
    end: int
    open_at: int
    close_end: int
    continued: bool = False
    runs_on: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: blocks between blank lines when the text has
    any (single line breaks inside are wrapping), else its lines."""
    splitter = _BLANK_LINE_RE if _BLANK_LINE_RE.search(text) else _LINE_RE
    spans, at = [], 0
    for m in splitter.finditer(text):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _role(text: str, a: int, b: int, mark: str, para_start: int, para_end: int) -> str:
    """``open``, ``close``, ``both`` or ``none`` for the mark at ``text[a:b]``."""
    prev = text[a - 1] if a > para_start else " "
    nxt = text[b] if b < para_end else " "
    can_open = not nxt.isspace() and (prev in _BEFORE_OPEN or prev in _OPENS or
                                      prev in _DOUBLE or prev.isspace())
    can_close = not prev.isspace() and (nxt in _AFTER_CLOSE or nxt in _CLOSES or
                                        nxt in _DOUBLE or nxt.isspace() or nxt == "'")
    if mark in ("’", "'"):
        if prev.isalnum() and nxt.isalnum():
            return "none"                              # don't, O'Brien
        if can_close and prev in "sS" and nxt == " " and b + 1 < para_end and \
                text[b + 1].islower():
            return "none"                              # the leaders’ summit
        if can_open and not nxt.isalpha() and nxt not in _OPENS and nxt not in _DOUBLE:
            can_open = False                           # '90s
    if can_open and can_close:
        return "open" if mark in _OPENS else "close" if mark in _CLOSES else "both"
    return "open" if can_open else "close" if can_close else "none"


def _pair(text: str, marks: list[tuple[int, int, str]], para_start: int, para_end: int,
          single: bool) -> tuple[list[Piece], tuple[int, int] | None]:
    """Pieces of one class of marks in one paragraph, and the mark left open (if any)."""
    pieces: list[Piece] = []
    open_mark: tuple[int, int] | None = None
    for a, b, mark in marks:
        if (mark in _DOUBLE) == single:
            continue
        role = _role(text, a, b, mark, para_start, para_end)
        if role == "none":
            continue
        if open_mark is None:
            if role in ("open", "both"):
                open_mark = (a, b)
            continue
        if role in ("close", "both"):
            pieces.append(Piece(open_mark[1], a, open_mark[0], b))
            open_mark = None
        else:                                          # a second opening: the first lost
            open_mark = (a, b)                         # its closing mark
    return pieces, open_mark


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def quote_pieces(text: str) -> list[Piece]:
    """The quotations of one field, in order (see the module docstring)."""
    out: list[Piece] = []
    carried = None            # the class of an open quotation at the previous paragraph's end
    for pa, pb in paragraphs(text):
        marks = [(m.start(), m.end(), m.group()) for m in _MARK_RE.finditer(text, pa, pb)]
        if not marks:
            carried = None
            continue
        first = text[pa:pb].lstrip()
        lead = pb - len(text[pa:pb].lstrip()) if first else pb
        found: list[Piece] = []
        left_open = None
        for single in (False, True):
            pieces, open_mark = _pair(text, marks, pa, pb, single)
            if open_mark is not None:
                a, b = _strip(text, open_mark[1], pb)
                if b > a:
                    pieces.append(Piece(a, b, open_mark[0], pb, runs_on=True))
                    if left_open is None:
                        left_open = single
            found += pieces
        # A quotation inside another is part of it.
        found.sort(key=lambda p: (p.open_at, -p.close_end))
        kept: list[Piece] = []
        for p in found:
            if kept and p.open_at < kept[-1].close_end:
                continue
            kept.append(p)
        if carried is not None and kept and kept[0].open_at == lead:
            kept[0] = kept[0]._replace(continued=True)
        carried = left_open if kept and kept[-1].runs_on else None
        out += [p._replace(start=_strip(text, p.start, p.end)[0],
                           end=_strip(text, p.start, p.end)[1]) for p in kept
                if _strip(text, p.start, p.end)[1] > _strip(text, p.start, p.end)[0]]
    return out


def transcript_line(text: str, para_start: int, para_end: int) -> tuple[int, int, int, int] | None:
    """``(who_start, who_end, words_start, words_end)`` when the paragraph is a transcript
    line (``PENCE: We will ...``, ``Q: ...``), else None."""
    m = _TRANSCRIPT_RE.match(text, para_start, para_end)
    if m is None:
        return None
    a, b = _strip(text, m.end(), para_end)
    return (m.start("who"), m.end("who"), a, b) if b > a else None
