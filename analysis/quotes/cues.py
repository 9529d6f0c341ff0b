"""Cues over tokens: the speech verb near a quotation and the speaker phrase it governs.

A speaker phrase is read from the words around a speech verb (``speech_verbs.csv``), not
matched by one expression: honorifics and initials with their periods (``Sen.``, ``John
D.``), titles and lower-case roles before a name (``campaign spokesman Tim Ruiz``), an
apposition, an age or a party tag between the name and the verb (``Doe, 54, said``,
``Doe (D-N.C.) said``), pronouns, and role phrases (``the senator``, ``a Downing Street
spokesman``, ``officials``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..actors.lexicons import name_words, speech_verbs

__all__ = ["Token", "Speaker", "Found", "tokens", "speaker_before", "speaker_after",
           "verb_at", "words", "according_to", "cue_text"]

_ABBREVIATIONS = ("Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Brig|Cmdr|Prof|St|"
                  "Jr|Sr|Rev|Hon|Pres|Sec|Supt|Insp|Det|Amb|Fr|Msgr|Cpl|Pvt|Atty|Lt.Gen|"
                  "Mt|Messrs|Mme")
_TOKEN_RE = re.compile(
    rf"(?P<party>\(?[RDI]-(?:[A-Z][a-z]*\.?)+(?:[A-Z]\.)*\)?(?![\w\-]))"     # D-N.Y. (R-Texas)
    rf"|(?P<abbr>(?:{_ABBREVIATIONS})\.)"                                    # Sen.  Mr.
    r"|(?P<initials>(?:[A-Z]\.){1,3})(?![\w])"                               # J.  U.S.
    r"|(?P<word>[^\W\d_](?:[\w'’\-‐]*[^\W_])?)"                              # words
    r"|(?P<num>\d+)"
    r"|(?P<punct>\S)")
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "one", "another",
                "two", "three", "several", "some", "many", "most", "other"}
_AUXILIARIES = {"has", "have", "had", "was", "were", "is", "are", "will", "would", "could",
                "can", "may", "might", "should", "also", "later", "then", "again", "once",
                "quoted", "as", "been", "reportedly", "previously", "recently", "earlier",
                "not", "did", "does", "do", "further", "went", "on", "to", "subsequently"}
_GROUPS = {"officials", "sources", "experts", "analysts", "witnesses", "residents", "critics",
           "aides", "people", "observers", "diplomats", "officers", "lawmakers", "members",
           "activists", "protesters", "organisers", "organizers", "authorities", "police",
           "doctors", "investigators", "prosecutors", "supporters", "opponents", "voters",
           "insiders", "advisers", "advisors", "scientists", "economists", "democrats",
           "republicans", "leaders", "ministers", "spokesmen", "spokespeople", "staff",
           "colleagues", "friends", "relatives", "neighbours", "neighbors", "locals",
           "participants", "representatives", "delegates", "negotiators", "campaigners"}
_ROLE_EXTRA = {"spokesman", "spokeswoman", "spokesperson", "source", "official", "expert",
               "analyst", "witness", "resident", "critic", "statement", "ministry",
               "department", "office", "agency", "government", "embassy", "committee",
               "council", "campaign", "company", "group", "army", "military", "party",
               "administration", "commission", "court", "police", "service", "team",
               "spokeswomen", "report", "memo",
               "document", "letter", "study", "survey", "poll", "filing", "lawsuit",
               "complaint", "indictment", "source", "woman", "man", "mother", "father",
               "wife", "husband", "son", "daughter", "colleague", "friend", "neighbour",
               "neighbor", "teacher", "student", "farmer", "worker", "owner", "victim",
               "survivor", "veteran", "candidate", "challenger", "incumbent", "nominee",
               "democrat", "republican", "lawmaker", "legislator", "manager", "coach",
               "player", "doctor", "nurse", "scientist", "chief", "boss", "presenter",
               "host", "writer", "author", "observer", "insider", "organiser", "organizer"}


# Verbs whose object is the one spoken to, never the speaker ("told MPs", "asked Smith").
_ADDRESSED = {"tell", "inform", "warn", "remind", "assure", "advise", "urge", "ask", "call",
              "brief", "reassure", "counsel", "beg", "plead", "threaten"}


class Token(NamedTuple):
    start: int
    end: int
    text: str
    kind: str                 # party, abbr, initials, word, num, punct
    lower: str


class Speaker(NamedTuple):
    """A speaker phrase as printed: its span, what it is, and the span of its name part."""

    start: int
    end: int
    kind: str                 # name, pronoun, role, group
    name_start: int = -1
    name_end: int = -1


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    new = tuple.__new__                        # skips the named tuple's own __new__
    return [new(Token, (m.start(), m.end(), g, m.lastgroup, g.lower()))
            for m in _TOKEN_RE.finditer(text, start, end) for g in (m.group(),)]


class _Lists(NamedTuple):
    verbs: dict
    titles: frozenset
    honorifics: frozenset
    party: frozenset
    roles: frozenset


@lru_cache(maxsize=1)
def words() -> _Lists:
    """The word lists cues are read with, once per process."""
    roles = name_words()
    titles = roles["title"]
    return _Lists(speech_verbs(), titles, roles["honorific"], roles["party"],
                  frozenset(titles | _ROLE_EXTRA))


def verb_at(tok: Token) -> bool:
    """A speech verb, printed in lower case ("States" and "Notes" are nouns)."""
    return tok.kind == "word" and tok.text[:1].islower() and tok.lower in words().verbs


def _capitalised(tok: Token) -> bool:
    return tok.kind in ("abbr", "initials") or (tok.kind == "word" and tok.text[:1].isupper())


_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el",
              "la", "le", "du", "di", "of", "the", "y", "dos", "das", "ben", "abu"}


def _name_back(toks: list[Token], j: int) -> int:
    """The first index of the capitalised run (with titles, honorifics and particles) that
    ends at ``toks[j]``; ``j + 1`` when there is none."""
    k = j
    while k >= 0 and (_capitalised(toks[k]) or
                      (toks[k].lower in _PARTICLES and k > 0 and k < j and
                       _capitalised(toks[k - 1]))):
        k -= 1
    k += 1
    while k <= j and toks[k].lower in _PARTICLES:
        k += 1
    return k


def _roles_back(toks: list[Token], k: int, lists: _Lists) -> int:
    """Lower-case roles and descriptors right before a name (``campaign spokesman``)."""
    m = k
    while m - 1 >= 0 and k - m < 4 and toks[m - 1].kind == "word" and \
            toks[m - 1].text[:1].islower() and toks[m - 1].lower not in _DETERMINERS and \
            toks[m - 1].lower not in _AUXILIARIES and not verb_at(toks[m - 1]) and \
            toks[m - 1].lower not in ("and", "or", "but", "that", "while", "as", "with",
                                      "by", "to", "for", "in", "on", "at", "from", "said"):
        m -= 1
    # keep them only if a role word is among them ("party spokesman", not "when asked")
    if m < k and any(t.lower in lists.roles for t in toks[m:k]):
        return m
    return k


def _skip_back(toks: list[Token], j: int) -> int:
    """Skip an age, a party tag or an apposition between a name and its verb:
    ``Doe, 54,`` ``Doe (D-N.C.)`` ``Doe, D-N.Y.,`` ``Doe, the committee chairman,``."""
    if j >= 0 and toks[j].kind == "party":
        return j - 1
    if j >= 0 and toks[j].text == ")":
        for k in range(j - 1, max(-1, j - 8), -1):
            if toks[k].text == "(":
                return k - 1
        return j
    if j >= 0 and toks[j].text == ",":
        for k in range(j - 1, max(-1, j - 16), -1):
            if toks[k].text in ".;:!?\"“”":
                break
            if toks[k].text == ",":
                inside = toks[k + 1:j]
                if inside and k > 0 and (_capitalised(toks[k - 1]) or
                                         toks[k - 1].kind == "party") and (
                        (len(inside) == 1 and inside[0].kind in ("num", "party")) or
                        inside[0].lower in _DETERMINERS or inside[0].lower == "who" or
                        inside[0].text[:1].islower()):
                    return k - 1
                break
    return j


def speaker_before(toks: list[Token], v: int) -> Speaker | None:
    """The subject of the speech verb ``toks[v]``: the phrase that ends right before it."""
    lists = words()
    j = v - 1
    while j >= 0 and toks[j].lower in _AUXILIARIES and toks[j].kind == "word" and \
            toks[j].text[:1].islower():
        j -= 1
    while j >= 0 and toks[j].kind == "word" and toks[j].lower.endswith("ly") and \
            toks[j].text[:1].islower() and j > 0:
        j -= 1                                         # "Smith later angrily said"
    if j < 0:
        return None
    t = toks[j]
    if t.lower in PRONOUNS and t.kind == "word":
        return Speaker(t.start, t.end, "pronoun")
    if t.text == "," and j >= 2:
        # "the Defence Minister, Robert Hill, says": the name between the commas
        e = j - 1
        k = _name_back(toks, e)
        if k <= e and k >= 1 and toks[k - 1].text == "," and _capitalised(toks[e]) and \
                not (k == e and (toks[e].lower in _GROUPS or toks[e].lower in lists.roles)):
            return Speaker(toks[k].start, toks[e].end, "name", toks[k].start, toks[e].end)
    j2 = j
    for _ in range(3):       # "Beckwith, a Democrat, said", "Harrow, D-Colo., who ..., said"
        k2 = _skip_back(toks, j2)
        if k2 == j2:
            break
        j2 = k2
    if j2 != j:
        if j2 >= 0 and _capitalised(toks[j2]):
            j = j2
        else:
            return None
        t = toks[j]
    if _capitalised(t) and not (t.kind == "word" and t.lower in ("i",)):
        k = _name_back(toks, j)
        if k > j:
            return None
        if k == j and (t.lower in _GROUPS or t.lower in lists.roles):
            return Speaker(t.start, t.end, "group" if t.lower in _GROUPS else "role")
        first = _roles_back(toks, k, lists)
        d = first - 1
        if d >= 0 and toks[d].lower in ("the", "a", "an") and first < k:
            first = d
        return Speaker(toks[first].start, t.end, "name", toks[k].start, t.end)
    if t.kind == "word" and (t.lower in lists.roles or t.lower in _GROUPS or
                             t.lower.rstrip("s") in lists.roles):
        # "the senator", "a Downing Street spokesman", "officials", "the ministry's"
        k = j
        while k - 1 >= 0 and j - k < 5 and toks[k - 1].kind in ("word", "abbr") and \
                toks[k - 1].lower not in ("and", "but", "that", "while", "as", "said") and \
                not verb_at(toks[k - 1]):
            k -= 1
            if toks[k].lower in _DETERMINERS:
                break
        if toks[k].lower not in _DETERMINERS:
            k = j
            while k - 1 >= 0 and j - k < 3 and toks[k - 1].kind == "word" and \
                    toks[k - 1].lower not in _DETERMINERS and toks[k - 1].text[:1].isupper():
                k -= 1
            if k - 1 >= 0 and toks[k - 1].lower in _DETERMINERS:
                k -= 1
        group = t.lower in _GROUPS or toks[k].lower in ("a", "an", "one", "two", "three",
                                                         "several", "some", "many", "other",
                                                         "another")
        return Speaker(toks[k].start, t.end, "group" if group else "role")
    return None


def speaker_after(toks: list[Token], v: int) -> Speaker | None:
    """The subject after an inverted verb: ``said Sen. Jane Doe``, ``said the senator``,
    ``said campaign spokesman Tim Ruiz``."""
    lists = words()
    j = v + 1
    verb = lists.verbs.get(toks[v].lower)
    if j >= len(toks) or (verb is not None and verb.lemma in _ADDRESSED):
        return None                  # "told the Commons": who follows is the listener
    t = toks[j]
    if t.kind == "word" and t.lower in PRONOUNS:
        return Speaker(t.start, t.end, "pronoun")
    k = j
    while k < len(toks) and toks[k].kind == "word" and toks[k].text[:1].islower() and \
            toks[k].lower not in ("that", "and", "in", "on", "at", "to", "for", "with") and \
            k - j < 4:
        k += 1
    det = toks[j].lower in _DETERMINERS
    if k < len(toks) and _capitalised(toks[k]) and (k == j or det or
                                                     any(x.lower in lists.roles
                                                         for x in toks[j:k])):
        e = k
        name_at = k
        while True:
            while e + 1 < len(toks) and (_capitalised(toks[e + 1]) or
                                         (toks[e + 1].lower in _PARTICLES and
                                          e + 2 < len(toks) and _capitalised(toks[e + 2]))):
                e += 1
            # "Kremlin spokesman Dmitry Peskov", "White House press secretary Jane Roe"
            r = e + 1
            while r < len(toks) and r - e <= 3 and toks[r].kind == "word" and \
                    toks[r].text[:1].islower() and toks[r].lower not in _PARTICLES:
                r += 1
            if r < len(toks) and r > e + 1 and _capitalised(toks[r]) and \
                    toks[r - 1].lower in lists.roles:
                e = name_at = r
                continue
            break
        k = max(k, name_at)
        if det and not any(x.lower in lists.roles for x in toks[j:e + 1]):
            return Speaker(toks[j].start, toks[e].end, "group" if toks[j].lower in
                           ("a", "an") else "role")
        return Speaker(toks[j].start, toks[e].end, "name", toks[k].start, toks[e].end)
    if k > j:
        last = toks[k - 1]
        if last.lower in lists.roles or last.lower in _GROUPS:
            group = last.lower in _GROUPS or toks[j].lower in ("a", "an", "one", "some")
            return Speaker(toks[j].start, last.end, "group" if group else "role")
    return None


class Found(NamedTuple):
    """A quote before its speaker is named: span, kind, the speaker phrase as printed
    (span and kind, or None), how it was attributed, the cue's words and its paragraph."""

    start: int
    end: int
    kind: str                      # direct, reported, headline
    speaker: Speaker | None
    how: str
    cue: str
    para: int
    piece_of: int = -1             # start of the first piece of the same quotation
    chain: int = -1                # start of the first paragraph of a multi-paragraph one
    short: bool = False            # a scare quote or title unless someone is said to say it


_ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+")


def cue_text(text: str, speaker: Speaker, verb: Token) -> str:
    a, b = min(speaker.start, verb.start), max(speaker.end, verb.end)
    return text[a:b]


def according_to(text: str, a: int, b: int) -> tuple[Speaker, str] | None:
    m = _ACCORDING_RE.search(text, a, b)
    if m is None:
        return None
    toks = tokens(text, m.end(), min(b, m.end() + 120))
    if not toks:
        return None
    e = 0
    if toks[0].lower in ("the", "a", "an", "his", "her", "its", "their"):
        e = 1
        while e < len(toks) and toks[e].kind in ("word", "abbr") and \
                toks[e].text not in ",.;:" and e < 7:
            e += 1
        e -= 1
        kind = "role"
        sp = Speaker(toks[0].start, toks[e].end, kind)
    else:
        while e < len(toks) and (toks[e].kind in ("abbr", "initials") or
                                 (toks[e].kind == "word" and (toks[e].text[:1].isupper() or
                                  toks[e].lower in ("of", "de", "van", "bin", "al")))):
            e += 1
        if e == 0:
            return None
        while e > 1 and toks[e - 1].lower in ("of", "de", "van", "bin", "al"):
            e -= 1
        e -= 1
        sp = Speaker(toks[0].start, toks[e].end, "name", toks[0].start, toks[e].end)
    return sp, text[m.start():toks[e].end]
