"""Reported speech: ``X said (that) ...``, ``..., X said.``, ``according to X, ...`` in the
sentences of one field that its direct quotes do not cover (see :mod:`analysis.quotes`)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..text import SpanIndex
from .cues import (
    Found,
    Speaker,
    Token,
    according_to,
    cue_text,
    speaker_after,
    speaker_before,
    tokens,
    verb_at,
    words,
)

__all__ = ["reported_speech"]


_NONSPACE_RE = re.compile(r"\S+")


def _has_words(text: str, start: int, end: int, n: int) -> bool:
    """``len(text[start:end].split()) >= n``, reading only as far as the n-th word."""
    for k, _ in enumerate(_NONSPACE_RE.finditer(text, start, end), 1):
        if k >= n:
            return True
    return n <= 0


class _Quoted:
    """The direct quotes overlapping one sentence (in order, never overlapping each other),
    for the question each reporting verb in it asks: is the claim after me mostly
    quoted words, or does it open with them?"""

    def __init__(self, text: str, inside: list[tuple], body_end: int):
        self.text, self.inside = text, inside
        self.ends = [y for _, y in inside]
        # the longest quote from each one to the end of the sentence (claims end there)
        self.longest = [0] * (len(inside) + 1)
        for k in range(len(inside) - 1, -1, -1):
            x, y = inside[k]
            self.longest[k] = max(self.longest[k + 1], y - x if x < body_end else 0)

    def covers(self, start: int, end: int) -> bool:
        """Whether a quote overlapping ``[start, end)`` (which ends the sentence) covers
        over 40% of it or starts within its first three words."""
        k = bisect.bisect_right(self.ends, start)          # the first quote ending after
        if k >= len(self.inside) or self.inside[k][0] >= end:
            return False
        return self.longest[k] > 0.4 * (end - start) or \
            not _has_words(self.text, start, self.inside[k][0], 4)


def reported_speech(text: str, bounds, paras, para_starts, direct: list[Found]) -> list[Found]:
    """``X said (that) ...``, ``..., X said.``, ``according to X, ...`` in sentences the
    direct quotes do not cover."""
    lists = words()
    out = []
    covered = SpanIndex((f.start, f.end) for f in direct)
    for a, b in bounds:
        body_end = b
        while body_end > a and text[body_end - 1] in " \t\n.!?\"”’»":
            body_end -= 1
        inside = covered.overlapping(a, b)
        if sum(y - x for x, y in inside) > 0.3 * (b - a):
            continue
        p = max(0, bisect.bisect_right(para_starts, a) - 1)
        quoted = _Quoted(text, inside, body_end)
        acc = according_to(text, a, b)
        if acc is not None:
            sp, cue = acc
            if sp.start - a <= 16:             # "According to X, CLAIM"
                m = text.find(",", sp.end, body_end)
                if m > 0 and len(text[m + 1:body_end].split()) >= 3:
                    start = m + 1
                    while text[start].isspace():
                        start += 1
                    out.append(Found(start, body_end, "reported", sp, "according-to", cue, p))
                    continue
            elif text[sp.end:body_end].strip(" ,") == "" and \
                    len(text[a:sp.start].split()) >= 5:   # "CLAIM, according to X."
                claim_end = text.rfind(",", a, sp.start)
                if claim_end > a:
                    out.append(Found(a, claim_end, "reported", sp, "according-to", cue, p))
                    continue
        if _reporting_forms().isdisjoint(text[a:body_end].split()):
            continue                            # no reporting verb: nothing to read
        toks = tokens(text, a, body_end)
        for v, t in enumerate(toks):
            verb = lists.verbs.get(t.lower) if verb_at(t) else None
            if verb is None or not verb.reported:
                continue
            if verb.form == "ing":
                continue
            sp = speaker_before(toks, v)
            if sp is not None:
                claim = _claim_after(text, toks, v, body_end)
                # A claim made mostly of the speaker's quoted words, or opening with
                # them, is their direct quote already, not a second, reported one.
                if claim is not None and not quoted.covers(*claim):
                    cue = cue_text(text, sp, t)
                    for c in _split_claim(text, toks, claim):
                        out.append(Found(c[0], c[1], "reported", sp, _how(sp), cue, p))
                    break
                # "CLAIM, X said." with the verb at the end of the sentence
                if len(toks) - v <= 7 and v >= 1:
                    comma = text.rfind(",", a, sp.start)
                    if comma > a and len(text[a:comma].split()) >= 4 and \
                            text[sp.start - 2:sp.start].strip() in (",", ""):
                        out.append(Found(a, comma, "reported", sp, _how(sp),
                                         cue_text(text, sp, t), p))
                        break
            if v >= 1 and toks[v - 1].text == "," and len(toks) - v <= 9:
                sp = speaker_after(toks, v)              # "CLAIM, said X."
                if sp is not None:
                    out.append(Found(a, toks[v - 1].start, "reported", sp, _how(sp),
                                     cue_text(text, sp, t), p))
                    break
    return [f for f in out if f.end > f.start and len(text[f.start:f.end].split()) >= 3]


def _split_claim(text: str, toks: list[Token], claim: tuple[int, int]):
    """``the plan would fail, adding that the party ...``: two claims of one speaker."""
    lists = words()
    pieces, start = [], claim[0]
    for k in range(1, len(toks)):
        t = toks[k]
        if t.start <= start or t.start >= claim[1] or toks[k - 1].text != ",":
            continue
        verb = lists.verbs.get(t.lower) if verb_at(t) else None
        if verb is None or verb.form != "ing" or not verb.reported:
            continue
        nxt = k + 1
        if nxt < len(toks) and toks[nxt].lower == "that":
            nxt += 1
        if nxt >= len(toks) or toks[nxt].start >= claim[1]:
            continue
        pieces.append((start, toks[k - 1].start))
        start = toks[nxt].start
    pieces.append((start, claim[1]))
    return [(a, b) for a, b in pieces if len(text[a:b].split()) >= 3]


@lru_cache(maxsize=1)
def _reporting_forms() -> frozenset[str]:
    """The verb forms that introduce reported speech, as whitespace-split words may print
    them (``said``, ``said,``)."""
    forms = [w for w, v in words().verbs.items() if v.reported and v.form != "ing"]
    return frozenset(f + tail for f in forms for tail in ("", ",", ";", ":", ".", ")"))


def _how(sp: Speaker) -> str:
    return {"pronoun": "pronoun", "role": "role", "group": "role"}.get(sp.kind, "cue-before")


def _claim_after(text: str, toks: list[Token], v: int, end: int) -> tuple[int, int] | None:
    """The claim after ``X said``: after ``that`` within a few words, or right after the
    verb (and its object, for ``told reporters``)."""
    k = v + 1
    for j in range(v + 1, min(len(toks), v + 10)):
        if toks[j].lower == "that":
            k = j + 1
            break
        if toks[j].text in ",;:\"“":
            break
    else:
        j = None
    if k == v + 1:
        lemma = words().verbs[toks[v].lower].lemma
        if lemma in ("tell", "inform", "assure", "warn", "remind", "advise") and \
                k < len(toks) and toks[k].kind == "word":
            k += 1
            while k < len(toks) and toks[k].kind == "word" and toks[k].text[:1].isupper():
                k += 1                               # told the BBC / told reporters
        if k < len(toks) and toks[k].lower in ("on", "in", "at", "during", "after",
                                               "before", "last", "this", "earlier", "to",
                                               "of", "about", "so", "yes", "no", "nothing",
                                               "something", "goodbye", "hello"):
            return None
        if k < len(toks) and toks[k].text in ",.;:!?\"“”":
            return None
    if k >= len(toks):
        return None
    start = toks[k].start
    return (start, end) if _has_words(text, start, end, 3) else None
