"""Finding the quotes of one field and the cue of each: after the quotation, before it,
``according to X``, a signature, a transcript tag, a colon introduction, a sibling piece, a
carried-over quotation, or the sentence before; then reported speech (see
:mod:`analysis.quotes`)."""

from __future__ import annotations

import bisect
import re

from ..text import sentence_spans
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
from .marks import paragraphs, quote_pieces, transcript_line
from .reported import reported_speech

__all__ = ["Found", "find_quotes"]


_SIGNATURE_RE = re.compile(r"[ \t]*(?:—|―|–|--|-)[ \t]*(?=[A-Z])")
_HEADLINE_RE = re.compile(r"^(?P<who>[A-Z][\w'’\- ]{1,40}?):\s+(?P<claim>\S.{8,})$")
_WORDS_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with"}


def _sentence_of(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _after_cue(text: str, close_end: int, limit: int) -> tuple[Speaker, str, str] | None:
    """``"...," X said`` / ``"...," said X`` / ``"..." ― Name`` right after the marks."""
    window_end = min(limit, close_end + 160)
    sig = _SIGNATURE_RE.match(text, close_end, window_end)
    toks = tokens(text, close_end, window_end)
    if sig:
        sig_toks = tokens(text, sig.end(), window_end)
        e = 0
        while e < len(sig_toks) and sig_toks[e].kind in ("word", "abbr", "initials") and \
                (sig_toks[e].text[:1].isupper() or sig_toks[e].lower in ("de", "van", "bin")):
            e += 1
        if e:
            s, t = sig_toks[0], sig_toks[e - 1]
            return Speaker(s.start, t.end, "name", s.start, t.end), "signature", \
                text[sig.start():t.end].strip()
    k = 0
    while k < len(toks) and toks[k].text in ",.!?…":
        k += 1
    # The verb within the next few words, before any sentence end or quotation mark.
    for v in range(k, min(len(toks), k + 14)):
        if toks[v].text in ".!?;\"“”«»„" or (toks[v].text == ":" and v > k):
            break
        if verb_at(toks[v]):
            if v == k:
                sp = speaker_after(toks, v)
            else:
                sp = speaker_before(toks[k:], v - k)
            if sp is not None and sp.start >= toks[k].start:
                return sp, "cue-after", cue_text(text, sp, toks[v])
            if v == k:
                continue
            break
    return None


def _before_cue(text: str, open_at: int, para_start: int, floor: int):
    """``X said: "..."`` / ``X said "..."`` / ``said X: "..."``, or the last speech verb
    earlier in the same sentence (``Officials said they "did not expect" delays``)."""
    start = max(para_start, floor, open_at - 300)
    toks = tokens(text, start, open_at)
    for v in range(len(toks) - 1, -1, -1):
        if toks[v].text in "\"“”«»„.!?;":
            break
        if verb_at(toks[v]):
            sp = speaker_before(toks, v)
            if sp is None:
                sp = speaker_after(toks, v)
            if sp is None and toks[v].lower.endswith("ing") and v and toks[v - 1].text == ",":
                sp = _clause_subject(toks, v)      # "Black defended it, saying "...""
            if sp is not None:
                return sp, "cue-before", cue_text(text, sp, toks[v])
            if toks[v].lower.endswith("ing"):
                continue
            return None
    return None


def _clause_subject(toks: list[Token], v: int) -> Speaker | None:
    """The subject of the clause an ``-ing`` verb hangs on: the name or pronoun that
    comes before the clause's own verb (``Black defended the plan, saying ...``)."""
    for j in range(v - 1, 0, -1):
        if toks[j].text in ".!?;\"“”":
            return None
        if verb_at(toks[j]) or (toks[j].kind == "word" and toks[j].text[:1].islower() and
                                toks[j].lower.endswith("ed")):
            sp = speaker_before(toks, j)
            if sp is not None:
                return sp
    return None


def _scare(text: str, start: int, end: int) -> bool:
    """One or two words, or a short Title-Case phrase (a name, a title, an operation)."""
    found = _WORDS_RE.findall(text, start, end)
    if len(found) <= 2:
        return True
    big = [w for w in found if w.lower() not in _SMALL]
    return len(found) <= 6 and all(w[:1].isupper() for w in big) and \
        not text[start:end].rstrip().endswith((".", "!", "?", ","))


def _whole_sentence(text: str, piece, para_start: int) -> bool:
    """A short piece that is a sentence of its own (``"Today."`` after a sibling)."""
    before = text[para_start:piece.open_at].rstrip()
    words_in = text[piece.start:piece.end]
    return (not before or before[-1] in ".!?:\"”’") and words_in[:1].isupper() and \
        words_in.rstrip()[-1:] in (".", "!", "?", "…")


def find_quotes(text: str, field: str, people: list[tuple[int, int]] = ()) -> list[Found]:
    """Every quote of one field, with its cue (see the module docstring); ``people`` are
    the spans of the field's top-level person mentions, in order."""
    bounds = sentence_spans(text) or [(0, len(text))]
    starts = [a for a, _ in bounds]
    paras = paragraphs(text)
    para_starts = [a for a, _ in paras]
    out: list[Found] = []
    transcript = {}
    shaped = [transcript_line(text, a, b) for a, b in paras]
    if sum(t is not None for t in shaped) >= 2:
        transcript = {k: t for k, t in enumerate(shaped) if t is not None}
    for k, t in transcript.items():
        ws, we, a, b = t
        tag = text[ws:we].lower()
        kind = "role" if tag in words().roles or tag in ("q", "a") else "name"
        out.append(Found(a, b, "direct", Speaker(ws, we, kind, ws, we), "transcript",
                         text[ws:we] + ":", k))
    previous_end = 0
    according: dict[tuple[int, int], tuple | None] = {}
    chain_of: dict[int, int] = {}          # piece start -> its quotation's first piece
    pieces = quote_pieces(text)
    for prev, piece in zip(pieces, pieces[1:]):
        if piece.continued and prev.runs_on:
            chain_of[piece.start] = chain_of.setdefault(prev.start, prev.start)
    for piece in pieces:
        chain = chain_of.get(piece.start, -1)
        p = max(0, bisect.bisect_right(para_starts, piece.open_at) - 1)
        if p in transcript:
            continue
        pa, pb = paras[p] if paras else (0, len(text))
        s = _sentence_of(starts, piece.open_at)
        sent_start, sent_end = bounds[s]
        # the sentence may have been cut inside the quotation: take the one the marks close in
        close_sentence = _sentence_of(starts, max(piece.close_end - 1, piece.open_at))
        cue_limit = max(bounds[close_sentence][1], min(pb, piece.close_end + 160))
        cue_limit = min(cue_limit, pb)
        found = _after_cue(text, piece.close_end, cue_limit)
        cue_end = piece.close_end
        if found is None:
            found = _before_cue(text, piece.open_at, pa, previous_end)
        elif found[1] == "cue-after":
            # the next piece's "before" starts after this cue: "A," X said. "B."
            at = text.find(found[2], piece.close_end)
            cue_end = at + len(found[2]) if at >= 0 else piece.close_end
        if found is None:
            span = (max(sent_start, pa), min(sent_end, pb))
            if span not in according:              # once per sentence, not per quote
                according[span] = according_to(text, *span)
            acc = according[span]
            if acc is not None:
                found = (acc[0], "according-to", acc[1])
        previous_end = cue_end
        if found is None:
            short = _scare(text, piece.start, piece.end) and \
                not _whole_sentence(text, piece, pa)
            out.append(Found(piece.start, piece.end, "direct", None, "", "", p, chain=chain,
                             short=short))
            continue
        speaker, how, cue = found
        if speaker.kind == "pronoun" and how in ("cue-after", "cue-before"):
            how = "pronoun"
        elif speaker.kind in ("role", "group") and how in ("cue-after", "cue-before"):
            how = "role"
        out.append(Found(piece.start, piece.end, "direct", speaker, how, cue, p, chain=chain))
    out = _chains(out)
    out = _subjects(text, out, bounds, starts, people)
    # Scare quotes and titles nobody is said to have said are not quotes.
    out = [f for f in out if not (f.short and f.speaker is None)]
    out = _siblings(text, out, bounds, starts)
    out += reported_speech(text, bounds, paras, para_starts, out)
    if field == "title":
        out += _headline(text)
    return sorted(out, key=lambda f: (f.start, f.end))


def _chains(found: list[Found]) -> list[Found]:
    """The paragraphs of one multi-paragraph quotation share the first cue found in them."""
    first: dict[int, Found] = {}
    for f in found:
        if f.chain >= 0 and f.speaker is not None and f.chain not in first:
            first[f.chain] = f
    return [f._replace(speaker=first[f.chain].speaker, how="continued",
                       cue=first[f.chain].cue)
            if f.chain >= 0 and f.speaker is None and f.chain in first else f for f in found]


def _verb_cue(text: str, toks: list[Token], order, *, nearest_only: bool):
    """``(speaker, cue)`` of the first speech verb, taken in ``order``, whose speaker
    phrase can be read; with ``nearest_only``, of the first speech verb or none."""
    for v in order:
        if verb_at(toks[v]):
            sp = speaker_before(toks, v) or speaker_after(toks, v)
            if sp is not None:
                return sp, cue_text(text, sp, toks[v])
            if nearest_only:
                return None
    return None


def _subjects(text: str, found: list[Found], bounds, starts, people) -> list[Found]:
    """A quotation with no cue of its own belongs to the first person named before it in
    its sentence (``Ridgeway smiled and shot back that he had "..."``)."""
    if not people:
        return found
    quoted = [(f.start, f.end) for f in found if f.kind == "direct"]
    out = []
    for f in found:
        if f.speaker is None and f.kind == "direct" and f.chain < 0:
            a, _ = bounds[_sentence_of(starts, f.start - 1)]
            inside = [(s, e) for s, e in people if a <= s and e <= f.start - 1 and
                      not any(x <= s < y for x, y in quoted)]
            if inside:
                s, e = inside[0]
                f = f._replace(speaker=Speaker(s, e, "name", s, e), how="subject",
                               cue=text[s:e])
        out.append(f)
    return out


def _end_before(text: str, pos: int, chars: str, *, limit: int = 1000) -> int:
    """``len(text[:pos].rstrip(chars))``, looking back at most ``limit`` characters
    (0 beyond it), without copying the text before ``pos``."""
    stop = max(0, pos - limit)
    while pos > stop and text[pos - 1] in chars:
        pos -= 1
    return pos if pos > stop or stop == 0 else 0


def _siblings(text: str, found: list[Found], bounds, starts) -> list[Found]:
    """Pieces without a cue: a sibling in the same paragraph, a carried-over quotation,
    a colon at the end of the paragraph before, or the speaker of the sentence before."""
    out = list(found)
    order = sorted(range(len(out)), key=lambda k: out[k].start)
    # The first piece with a speaker after each one, in its paragraph (pieces after this
    # one are not named here before it is reached, so this can be known in advance).
    next_in_para: dict[int, Found | None] = {}
    coming: dict[int, Found] = {}
    for k in reversed(order):
        next_in_para[k] = coming.get(out[k].para)
        if out[k].speaker is not None and out[k].how != "sibling":
            coming[out[k].para] = out[k]
    last: Found | None = None                 # the last piece with a speaker so far
    last_in_para: dict[int, Found] = {}
    for k in order:
        if out[k].speaker is not None:        # named before it is reached, or just now
            last = last_in_para[out[k].para] = out[k]
            continue
        f = out[k]
        if f.kind != "direct":
            continue
        g = last_in_para.get(f.para) or next_in_para[k]
        if g is not None:
            out[k] = f._replace(speaker=g.speaker, how="sibling", cue=g.cue,
                                piece_of=g.start if g.start < f.start else -1)
            last = last_in_para[f.para] = out[k]
            continue
        # "Caddell continued:" closing the paragraph before.
        colon = _end_before(text, f.start, " \t\"“«„'‘\n")
        if colon > 0 and text[colon - 1] == ":":
            toks = tokens(text, max(0, colon - 200), colon)
            cue = _verb_cue(text, toks, reversed(range(len(toks))), nearest_only=True)
            if cue is not None:
                out[k] = f._replace(speaker=cue[0], how="colon", cue=cue[1])
                continue
        # The sentence before names who speaks: `Smith disagreed. "It will fail."`
        s = _sentence_of(starts, f.start - 1)
        if s > 0 or bounds[0][0] < f.start:
            prev = s - 1 if bounds[s][0] >= f.start - 2 else s
            if prev >= 0:
                a, b = bounds[prev]
                # at most 300 characters back, as before a quotation: re-reading a
                # sentence that never ends for each quote in it was quadratic
                toks = tokens(text, max(a, f.start - 300), min(b, f.start))
                cue = _verb_cue(text, toks, range(len(toks)), nearest_only=False)
                if cue is not None:
                    out[k] = f._replace(speaker=cue[0], how="previous-sentence", cue=cue[1])
        if out[k].speaker is None and last is not None and last.para >= f.para - 1 and \
                last.kind == "direct":
            g = last                          # a quotation paragraph after the speaker's
            out[k] = f._replace(speaker=g.speaker, how="previous-sentence", cue=g.cue)
        if out[k].speaker is not None:
            last = last_in_para[f.para] = out[k]
    return out


def _headline(text: str) -> list[Found]:
    """``Expert: Kazakhstan, Russia should ...``; desk tags (``UPDATE 2:``) are not."""
    m = _HEADLINE_RE.match(text)
    if m is None:
        return []
    who = m.group("who")
    if len(who.split()) > 4 or who.isupper():
        return []
    start, end = m.start("claim"), m.end("claim")
    while start < end and text[start] in "\"“'‘«":
        start += 1
    while end > start and text[end - 1] in "\"”'’»":
        end -= 1
    kind = "name" if who[:1].isupper() and who.split()[-1].lower() not in words().roles \
        else "role"
    return [Found(start, end, "headline", Speaker(0, len(who), kind, 0, len(who)),
                  "cue-before" if kind == "name" else "role", who + ":", 0)]
