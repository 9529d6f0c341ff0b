"""Naming speakers: the name printed at the cue first, the actor second.

A name at the cue becomes the person (or organisation) mentioned there when
:func:`analysis.actor_mentions` found one, else the printed name without titles, honorifics,
party words and possessives; a surname or first name alone becomes the full name printed
earlier in the article. ``he``/``she`` and definite roles (``the senator``, ``the
ministry``) become the most recent speaker or mention that fits; groups (``officials``, ``a
spokesman``) keep their words and get no name. No speaker is dropped because no actor
matches it.
"""

from __future__ import annotations

from typing import NamedTuple

from .attribution import Found
from .cues import tokens, words

__all__ = ["Named", "name_speakers"]

_ABBREVIATED = {"sen": "senator", "rep": "representative", "gov": "governor",
                "pres": "president", "gen": "general", "col": "colonel", "lt": "lieutenant",
                "capt": "captain", "maj": "major", "adm": "admiral", "prof": "professor",
                "dr": "doctor", "sec": "secretary", "amb": "ambassador"}
_HIGH = {"cue-after", "cue-before", "transcript", "signature", "according-to", "colon"}
_ORG_KINDS = ("organisation", "igo", "armed_group", "media", "country", "place")


class Named(NamedTuple):
    speaker_text: str
    speaker_start: int
    speaker_end: int
    speaker_name: str | None
    speaker_id: str | None
    confidence: str


class _Person(NamedTuple):
    order: int
    actor_id: str
    name: str
    surface: str
    kind: str


def _clean(text: str) -> str:
    """The printed name without titles, honorifics, party words, tags and possessives."""
    lists = words()
    kept = []
    for t in tokens(text):
        low = t.lower.rstrip(".")
        if t.kind in ("party", "punct", "num"):
            continue
        if low in lists.honorifics or low in lists.titles or low in lists.party or \
                low in _ABBREVIATED or (t.kind == "word" and t.text[:1].islower() and
                                        low not in ("de", "van", "von", "bin", "al", "la",
                                                    "le", "da", "del", "der", "ibn")):
            if kept and t.kind == "word" and t.text[:1].isupper():
                kept.append(t.text)            # a title word after the name starts: keep
            continue
        kept.append(t.text)
    name = " ".join(kept)
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.strip()


def name_speakers(items: list[tuple[str, str, list[Found]]], mentions: list[tuple],
                  rank: dict[str, int]) -> list[list[Named]]:
    """One :class:`Named` per quote, for one article.

    ``items`` holds ``(field, text, found)`` per field in field order; ``mentions`` the
    article's top-level mentions as ``(field, start, end, actor_id, name, kind)``.
    """
    def order(field: str, pos: int) -> int:
        return rank.get(field, 0) * 10**9 + pos

    known = sorted((_Person(order(m[0], m[1]), str(m[3]), str(m[4]), "", str(m[5]))
                    for m in mentions), key=lambda p: p.order)
    by_field: dict[str, list[tuple]] = {}
    for m in mentions:
        by_field.setdefault(m[0], []).append(m)
    full_names: dict[str, tuple[str, str]] = {}
    for p in known:
        if p.kind == "person":
            parts = p.name.split()
            if len(parts) >= 2:
                full_names.setdefault(parts[-1], (p.actor_id, p.name))
                full_names.setdefault(parts[0], (p.actor_id, p.name))
            full_names.setdefault(p.name, (p.actor_id, p.name))
    speakers: list[_Person] = []          # named speakers so far, in order
    out: list[list[Named]] = []
    cache: dict[tuple[str, int, int], tuple[str | None, str | None, bool]] = {}
    for field, text, found in items:
        named_here: list[Named] = []
        for f in sorted(found, key=lambda f: f.start):
            sp = f.speaker
            if sp is None:
                named_here.append(Named("", -1, -1, None, None, "none"))
                continue
            key = (field, sp.start, sp.end)
            if key not in cache:
                cache[key] = _resolve(text, field, sp, by_field.get(field, []), known,
                                      speakers, full_names, order(field, sp.start))
            name, actor, near = cache[key]
            if name is not None and sp.kind == "name":
                speakers.append(_Person(order(field, sp.start), actor or "", name, "",
                                        "person"))
            if name is None:
                confidence = "none" if sp.kind != "group" else "low"
            elif sp.kind == "name" and f.how in _HIGH:
                confidence = "high"
            elif sp.kind == "name" or near:
                confidence = "medium"
            else:
                confidence = "low"
            named_here.append(Named(text[sp.start:sp.end], sp.start, sp.end, name, actor,
                                    confidence))
        out.append(named_here)
    return _headline_roles(items, out)


def _headline_roles(items, out: list[list[Named]]) -> list[list[Named]]:
    """``Expert: ...`` in a headline is the article's most quoted named speaker."""
    counts: dict[tuple[str, str | None], int] = {}
    for named_here in out:
        for n in named_here:
            if n.speaker_name is not None:
                key = (n.speaker_name, n.speaker_id)
                counts[key] = counts.get(key, 0) + 1
    if not counts:
        return out
    top = max(counts.values())
    name, actor = next(k for k, v in counts.items() if v == top)
    for (field, _, found), named_here in zip(items, out):
        ordered = sorted(found, key=lambda f: f.start)
        for k, f in enumerate(ordered):
            n = named_here[k]
            if f.kind == "headline" and n.speaker_name is None and f.speaker is not None and \
                    f.speaker.kind == "role":
                named_here[k] = n._replace(speaker_name=name, speaker_id=actor,
                                           confidence="low")
    return out


def _resolve(text, field, sp, here, known, speakers, full_names, at):
    """``(speaker_name, speaker_id, near)`` of one speaker phrase."""
    if sp.kind == "name":
        a, b = (sp.name_start, sp.name_end) if sp.name_start >= 0 else (sp.start, sp.end)
        inside = [m for m in here if m[1] < b and m[2] > a]
        persons = [m for m in inside if m[5] == "person"]
        if persons:
            m = persons[-1]
            return str(m[4]), str(m[3]), True
        name = _clean(text[a:b])
        if name.isupper() and len(name) > 3:
            name = name.title()                   # a transcript tag: PENCE
        if not name:
            return None, None, False
        hit = full_names.get(name)
        if hit is not None:
            return hit[1], hit[0], True
        if inside and len(inside) == 1 and inside[0][2] - inside[0][1] >= len(name) - 2:
            m = inside[0]                          # "the Kremlin said", "NATO said"
            return str(m[4]), str(m[3]), True
        return name, None, True
    if sp.kind == "group":
        return None, None, False
    if sp.kind == "role":
        inside = [m for m in here if m[1] >= sp.start and m[2] <= sp.end]
        head = text[sp.start:sp.end].split()[-1].lower().rstrip("'’s")
        persons = [m for m in inside if m[5] == "person"]
        if persons:
            return str(persons[-1][4]), str(persons[-1][3]), True
        if inside and head not in words().titles:   # "the Russian embassy", not "the
            m = inside[-1]                          # Russian leader" (a person)
            return str(m[4]), str(m[3]), True
        printed = text[sp.start:sp.end].split()
        if printed[-1][:1].isupper() and printed[-1].lower() not in words().roles:
            # "the Kremlin", "the White House"
            return " ".join(w for w in printed if w.lower() not in ("the", "a", "an")), \
                None, True
    word = text[sp.start:sp.end].split()[-1].lower().rstrip("'’s") if sp.kind == "role" \
        else text[sp.start:sp.end].lower()
    if sp.kind == "pronoun":
        if word not in ("he", "she"):
            if word == "it":
                orgs = [p for p in known if p.order < at and p.kind in _ORG_KINDS[:4]]
                if orgs:
                    return orgs[-1].name, orgs[-1].actor_id, False
            return None, None, False
        recent = [p for p in speakers if p.order < at]
        people = [p for p in known if p.order < at and p.kind == "person"]
        if recent and (not people or recent[-1].order >= people[-1].order - 400):
            near = at - recent[-1].order < 1500
            return recent[-1].name, recent[-1].actor_id or None, near
        if people:
            return people[-1].name, people[-1].actor_id, at - people[-1].order < 1500
        return None, None, False
    # a definite role: the last mention whose printed title or name holds the word
    for m in reversed([m for m in here if m[1] < sp.start]):
        surface = text[m[1]:m[2]].lower()
        words_in = {w.rstrip(".") for w in surface.split()}
        full = {_ABBREVIATED.get(w, w) for w in words_in}
        if word in full or word in str(m[4]).lower().split():
            return str(m[4]), str(m[3]), sp.start - m[2] < 1500
    if word in words().titles:
        people = [p for p in known if p.order < at and p.kind == "person"]
        recent = [p for p in speakers if p.order < at]
        pick = max(people[-1:] + recent[-1:], key=lambda p: p.order, default=None)
        if pick is not None:
            return pick.name, pick.actor_id or None, False
    return None, None, False
