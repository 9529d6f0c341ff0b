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

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from ..actors.lexicons import first_names, name_words
from .cues import Found
from ..text import SpanIndex
from .cues import tokens, words

__all__ = ["Named", "name_speakers"]

_ABBREVIATED = {"sen": "senator", "rep": "representative", "gov": "governor",
                "pres": "president", "gen": "general", "col": "colonel", "lt": "lieutenant",
                "capt": "captain", "maj": "major", "adm": "admiral", "prof": "professor",
                "dr": "doctor", "sec": "secretary", "amb": "ambassador"}
_HIGH = {"cue-after", "cue-before", "transcript", "signature", "according-to", "colon"}
# "subject", "sibling", "continued", "previous-sentence": a name carried, medium
# A definite role (``the senator``) is looked for among this many mentions before it.
_ROLE_LOOKBACK = 200
_ORG_KINDS = ("organisation", "igo", "armed_group", "media", "country", "place")


class Named(NamedTuple):
    speaker_text: str
    speaker_start: int
    speaker_end: int
    speaker_name: str | None
    speaker_id: str | None
    confidence: str
    how: str | None = None          # set when naming decided how (``article``)


class _Person(NamedTuple):
    order: int
    actor_id: str
    name: str
    kind: str


def _clean(text: str) -> str:
    """The printed name without titles, honorifics, party words, tags and possessives."""
    lists = words()
    kept = []
    for t in tokens(text):
        low = t.lower.rstrip(".")
        if t.kind in ("party", "punct", "num"):
            continue
        if "-" in low and any(part in lists.titles for part in low.split("-")):
            continue                           # Minister-designate, ex-President
        if low in lists.honorifics or low in lists.titles or low in lists.party or \
                low in _ABBREVIATED or (t.kind == "word" and t.text[:1].islower() and
                                        low not in ("de", "van", "von", "bin", "al", "la",
                                                    "le", "da", "del", "der", "ibn")):
            if kept and t.kind == "word" and t.text[:1].isupper():
                kept.append(t.text)            # a title word after the name starts: keep
            continue
        kept.append(t.text)
    firsts = first_names()
    at = next((k for k, w in enumerate(kept) if w in firsts), 0)
    if 0 < at < len(kept) - 1:
        kept = kept[at:]                       # "State Lorraine Beckwith" -> Lorraine ...
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

    # Names printed inside a quotation are not whom "he said" refers to.
    quoted = {field: SpanIndex((f.start, f.end) for f in found if f.kind == "direct")
              for field, _, found in items}
    none = SpanIndex(())
    known = _Known(items, sorted(
        (_Person(order(m[0], m[1]), str(m[3]), str(m[4]), str(m[5])) for m in mentions
         if not quoted.get(m[0], none).overlaps(m[1], m[1])), key=lambda p: p.order))
    by_field: dict[str, SpanIndex] = {}
    for m in mentions:
        by_field.setdefault(m[0], []).append(m)
    by_field = {field: SpanIndex((m[1], m[2], *m) for m in here)
                for field, here in by_field.items()}
    full_names: dict[str, tuple[str, str]] = {}
    for p in known.people:
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
                cache[key] = _resolve(text, sp, by_field.get(field, none), known,
                                      speakers, full_names, order(field, sp.start))
            name, actor, near = cache[key]
            if name is not None and sp.kind == "name" and _person_like(name, actor, known):
                speakers.append(_Person(order(field, sp.start), actor or "", name, "person"))
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
    return _uncued(items, _headline_roles(items, out), known)


class _Known:
    """The article's mentions outside quotations, as persons in printed order, indexed
    for the questions naming asks of them per quote (the last person before a point, is
    this actor a person, where is this surname printed in full)."""

    def __init__(self, items, people: list[_Person]):
        self.items, self.people = items, people
        self.persons = [p for p in people if p.kind == "person"]
        self.person_orders = [p.order for p in self.persons]
        self.orgs = [p for p in people if p.kind in _ORG_KINDS[:4]]
        self.org_orders = [p.order for p in self.orgs]
        self.person_ids = {p.actor_id for p in self.persons}
        self.full: dict[str, str | None] = {}

    def last_person(self, at: int) -> _Person | None:
        """The last person mentioned before order ``at``."""
        k = bisect.bisect_left(self.person_orders, at)
        return self.persons[k - 1] if k else None

    def last_org(self, at: int) -> _Person | None:
        k = bisect.bisect_left(self.org_orders, at)
        return self.orgs[k - 1] if k else None

    def full_name(self, word: str) -> str | None:
        """:func:`_full_name` of ``word`` in this article, found once."""
        if word not in self.full:
            self.full[word] = _full_name(self.items, word)
        return self.full[word]


def _last_before(speakers: list[_Person], at: int) -> list[_Person]:
    """The last speaker named so far whose cue comes before order ``at`` (as a list)."""
    for p in reversed(speakers):
        if p.order < at:
            return [p]
    return []


def _uncued(items, out: list[list[Named]], known: _Known) -> list[list[Named]]:
    """A direct quotation with no cue at all (``Below are Putin's key statements``) is the
    article's protagonist's: the person most often mentioned (outside quotations) or
    quoted by name: ``article``, confidence low."""
    counts: dict[str, int] = {}
    ids: dict[str, str | None] = {}
    for named_here in out:
        for n in named_here:
            if n.speaker_name is not None and n.confidence in ("high", "medium") and \
                    _person_like(n.speaker_name, n.speaker_id, known):
                counts[n.speaker_name] = counts.get(n.speaker_name, 0) + 1
                ids.setdefault(n.speaker_name, n.speaker_id)
    for p in known.persons:
        counts[p.name] = counts.get(p.name, 0) + 1
        ids[p.name] = ids.get(p.name) or p.actor_id
    if not counts:
        return out
    top = max(counts.values())
    name = next(k for k, v in counts.items() if v == top)
    actor = ids.get(name)
    for (_, _, found), named_here in zip(items, out):
        for k, f in enumerate(sorted(found, key=lambda f: f.start)):
            if f.kind == "direct" and f.speaker is None:
                named_here[k] = Named("", -1, -1, name, actor, "low", "article")
    return out


def _person_like(name: str, actor: str | None, known: _Known) -> bool:
    """A speaker ``he`` or ``she`` may refer to: a person, or a printed name that no
    actor of another kind matched and that holds no organisation's head noun."""
    if actor:
        return actor.startswith("person:") or actor in known.person_ids
    heads = _org_heads()
    return not any(w.lower() in heads for w in name.split())


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    roles = name_words()
    return roles["org_head"] | roles["place_head"]


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


_NAME_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z]\.[ ]|[A-Z][\w'’\-]*+[ ]){1,3})$")


def _full_name(items, word: str) -> str | None:
    """The first name-shaped run ending in ``word`` printed in the article (``Dana
    Marlowe`` for ``Marlowe``), without titles. Each whole-word ``word`` is looked at
    with the 700 characters before it (three words of at most 200 characters: runs past
    that are blanked), so many surnames cost no more than one pass over the text each."""
    for _, text, _ in items:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if end == len(text) or not (text[end].isalnum() or text[end] in "_-"):
                m = _NAME_BEFORE.search(text, max(0, at - 700), at)
                if m is not None:
                    name = _clean(m.group() + word)
                    if len(name.split()) >= 2 and name.split()[-1] == word:
                        return name
            at = text.find(word, at + 1)
    return None


def _resolve(text, sp, here: SpanIndex, known: _Known, speakers, full_names, at):
    """``(speaker_name, speaker_id, near)`` of one speaker phrase; ``here`` holds the
    field's mentions as ``(start, end, field, start, end, actor_id, name, kind)``."""
    if sp.kind == "name":
        a, b = (sp.name_start, sp.name_end) if sp.name_start >= 0 else (sp.start, sp.end)
        inside = [m[2:] for m in here.overlapping(a, b)]
        persons = [m for m in inside if m[5] == "person"]
        if persons:
            m = persons[-1]
            if len(str(m[4]).split()) == 1:      # a surname the mentions left alone
                full = known.full_name(str(m[4]))
                if full is not None:
                    hit = full_names.get(full)
                    return (hit[1], hit[0], True) if hit else (full, str(m[3]), True)
            return str(m[4]), str(m[3]), True
        name = _clean(text[a:b])
        if name.isupper() and len(name) > 3:
            name = name.title()                   # a transcript tag: PENCE
        if not name:
            return None, None, False
        hit = full_names.get(name)
        if hit is not None:
            return hit[1], hit[0], True
        if len(name.split()) == 1:
            full = known.full_name(name)
            if full is not None:
                hit = full_names.get(full)
                return (hit[1], hit[0], True) if hit else (full, None, True)
        if inside and len(inside) == 1 and inside[0][2] - inside[0][1] >= len(name) - 2:
            m = inside[0]                          # "the Kremlin said", "NATO said"
            return str(m[4]), str(m[3]), True
        return name, None, True
    if sp.kind == "group":
        return None, None, False
    if sp.kind == "role":
        inside = [m[2:] for m in here.overlapping(sp.start, sp.end)
                  if m[0] >= sp.start and m[1] <= sp.end]
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
                org = known.last_org(at)
                if org is not None:
                    return org.name, org.actor_id, False
            return None, None, False
        # the most recent person, mentioned or named at a cue
        person = known.last_person(at)
        recent = _last_before(speakers, at) + ([person] if person else [])
        if recent:
            pick = max(recent, key=lambda p: p.order)
            return pick.name, pick.actor_id or None, at - pick.order < 1500
        return None, None, False
    # a definite role: the last mention whose printed title or name holds the word
    for m in reversed(here.before(sp.start)[-_ROLE_LOOKBACK:]):
        m = m[2:]
        surface = text[m[1]:m[2]].lower()
        words_in = {w.rstrip(".") for w in surface.split()}
        full = {_ABBREVIATED.get(w, w) for w in words_in}
        if word in full or word in str(m[4]).lower().split():
            return str(m[4]), str(m[3]), sp.start - m[2] < 1500
    if word in words().titles:
        person = known.last_person(at)
        pick = max(([person] if person else []) + _last_before(speakers, at),
                   key=lambda p: p.order, default=None)
        if pick is not None:
            return pick.name, pick.actor_id or None, False
    return None, None, False
