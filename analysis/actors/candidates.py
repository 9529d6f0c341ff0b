"""Candidates for discovery: capitalised runs cut into chunks, and the word lists they are
judged by (see :mod:`~analysis.actors.discovery` for the rules)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from ..text import stopword_list
from .lexicons import common_words, first_names, name_words, places, speech_verbs

__all__ = ["Found", "slug"]

_CAP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_ABBREVIATIONS = ("Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Maj|Capt|Adm|Brig|Sen|Rep|Gov|Prof|St|Jr|Sr|"
                  "Rev|Hon|Cmdr|Gens|Mt|Ft|Pres")
# A capitalised word: an abbreviation with its period, initials (J., U.S.), or a word with
# hyphens and apostrophes inside; "al-Assad" / "bin" style lower-case particles before it.
_WORD = (rf"(?:(?:{_ABBREVIATIONS})\.|(?:[{_CAP}]\.){{1,3}}(?![\w])|"
         rf"(?:(?:al|el|ad|ash|as|ar|an|at|az|ul|ud|abu|abd|ibn|bin|d)[\-‐’'])?"
         rf"[{_CAP}][\w'’]*+(?:[\-‐][\w'’]++)*+)")
_CONNECTORS = ("of|the|for|and|on|de|da|do|dos|das|del|della|der|den|van|von|bin|ibn|al|el|"
               "la|le|du|di|y|&")
_RUN_RE = re.compile(rf"(?<![\w'’\-‐.]){_WORD}(?:[ ](?:(?:{_CONNECTORS})[ ])*+{_WORD})*+")
_PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "der", "den", "van", "von",
              "bin", "ibn", "al", "el", "la", "le", "du", "di", "y"}
_JOINERS = {"of", "for", "on", "and", "the", "&"}
_COMPOUND_RE = re.compile(r"^(.+?)[\-‐](?:led|backed|based|born|controlled|held|run|allied|"
                          r"aligned|funded|made|sponsored|occupied|dominated|linked|"
                          r"supported|armed|trained|brokered|built|owned|style|type)$")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]['\"’”)]*\s+|\n\s*|^['\"“‘(]|\s['\"“‘(])$")
_APPOSITION_RE = re.compile(r"^,\s+(?:(?:a|an|the)\s+)?([^,.;:()\n]{1,80})")
_LONG = 200                     # words longer than this (blobs, tables) are not looked at


class Found(NamedTuple):
    """One mention: span, actor, kind, how it was found, and its parent's span (or -1)."""

    start: int
    end: int
    actor_id: str
    name: str
    kind: str
    how: str
    parent_start: int = -1
    parent_end: int = -1


def slug(text: str) -> str:
    """``Yerlan Karin`` -> ``yerlan-karin`` (accents dropped, lower case)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "x"


class _Words:
    """The word lists, as sets, once per process."""

    def __init__(self):
        roles = name_words()
        self.titles = roles["title"]
        self.honorifics = roles["honorific"]
        self.party = roles["party"]
        self.org_heads = roles["org_head"]
        self.place_heads = roles["place_head"]
        self.place_prefix = roles["place_prefix"]
        self.not_actor = roles["not_actor"]
        self.generic = roles["generic_head"]
        self.modifiers = roles["phrase_modifier"]
        self.place_words = roles["place_word"]
        self.directions = roles["direction"]
        self.speech = frozenset(speech_verbs()) | {"according"}
        self.locative = roles["locative"]
        self.not_acronym = roles["not_acronym"]
        self.post_nominal = roles["post_nominal"]
        self.calendar = roles["calendar"]
        self.org_prefix = roles["org_prefix"]
        self.title_modifiers = roles["title_modifier"]
        self.stopwords = stopword_list()
        self.places = places()
        self.first = first_names()
        self.common = common_words()
        self.role_like = self.titles | self.honorifics | self.party
        self.heads = self.org_heads | self.place_heads
        # stopwords that a sentence-initial capital never makes a name (see _ordinary)
        self.initial_stopwords = self.stopwords - self.role_like - self.heads
        self.generic_re = re.compile(
            r"(?:[ ](?:[\w\-]+)){0,3}[ ](" + "|".join(sorted(self.generic, key=len,
                                                                reverse=True)) + r")\b",
            re.IGNORECASE)


_LISTS: _Words | None = None


def _lists() -> _Words:
    global _LISTS
    if _LISTS is None:
        _LISTS = _Words()
    return _LISTS


# Word-level tests are pure functions of the word (and of the one set of lists), asked of the
# same words over and over: kept, a bounded number of them.
_WORD_CACHE = 1 << 16


@lru_cache(maxsize=_WORD_CACHE)
def _plain(word: str) -> str:
    return word.lower().rstrip(".").strip("'’")


@lru_cache(maxsize=_WORD_CACHE)
def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters) and \
        word.replace(".", "").replace("-", "").isalnum()


_NEWLINE_RE = re.compile("\n")
_NO_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")


class _Lines:
    """Which lines of one text are written in capitals (at least 8 letters, over 80% of
    them capitals), decided once per line."""

    def __init__(self, text: str):
        self.text = text
        self._seen: dict[int, bool] = {}
        self._breaks: list[int] | None = None       # where the newlines are, once asked

    def capitals(self, start: int) -> bool:
        """True when the line holding ``start`` is written in capitals."""
        text = self.text
        if self._breaks is None:
            # Looking back for the newline from every candidate is quadratic on one long
            # line; the newlines are found once instead.
            self._breaks = [m.start() for m in _NEWLINE_RE.finditer(text)]
        k = bisect.bisect_left(self._breaks, start)
        a = self._breaks[k - 1] + 1 if k else 0
        known = self._seen.get(a)
        if known is None:
            b = text.find("\n", a)
            line = text[a: b if b >= 0 else len(text)]
            # Cheap and exact rejection first: capitals must outnumber the ASCII
            # lower-case letters four to one, and there cannot be more capitals than
            # characters that are not ASCII lower case.
            lower = len(line) - len(line.translate(_NO_LOWER))
            if len(line) - lower <= 4 * lower:
                known = False
            else:
                letters = sum(map(str.isalpha, line))
                known = letters >= 8 and sum(map(str.isupper, line)) > 0.8 * letters
            self._seen[a] = known
        return known


def _headline_case(text: str) -> bool:
    """Most words capitalised ("Russia Says It Will Respond"): capitals say nothing here."""
    stripped = text.strip()
    if len(stripped.split()) > 30 or re.search(r"[.!?]\s", stripped) or \
            stripped[-1:] in ".!?\"”’":
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


class _Article:
    """What the cascade needs to know about one text: its lower-case vocabulary and the
    words it capitalises mid-sentence."""

    def __init__(self, text: str):
        self.text = text
        self.lines = _Lines(text)
        self._lower: set[str] | None = None
        self._inside: set[str] | None = None

    @property
    def lower(self) -> set[str]:
        """The words the article prints in lower case."""
        if self._lower is None:
            self._lower = set(_LOWER_WORD_RE.findall(self.text))
        return self._lower

    @property
    def capitalised_inside(self) -> set[str]:
        """The words the article capitalises after a lower-case word or a comma."""
        if self._inside is None:
            self._inside = set(_INSIDE_RE.findall(self.text))
        return self._inside


_LOWER_WORD_RE = re.compile(r"(?<![\w'’\-])[a-z][a-z'’\-]*")
_INSIDE_RE = re.compile(rf"(?<=[a-z,] )[{_CAP}][\w'’\-]*")


def _words_of(match: re.Match) -> list[list]:
    """``[start, end, word, possessive]`` per word of a run (its words are one space apart)."""
    out = []
    s = match.start()
    for w in match.group().split(" "):
        e = s + len(w)
        nxt = e + 1
        possessive = False
        if w.endswith(("'s", "’s")) and len(w) > 2:
            w, e, possessive = w[:-2], e - 2, True
        elif w.endswith(("s'", "s’")) and len(w) > 3:
            w, e, possessive = w[:-1], e - 1, True
        out.append([s, e, w, possessive])
        s = nxt
    return out


def _split_compounds(words: list[list]) -> list[list]:
    """``Saudi-led`` -> ``Saudi``, ending the chunk (like a possessive)."""
    for word in words:
        compound = _COMPOUND_RE.match(word[2]) if "-" in word[2] or "‐" in word[2] else None
        if compound:
            word[2] = compound.group(1)
            word[1] = word[0] + len(word[2])
            word[3] = True
    return words


def _chunks(words: list[list], reg_cover: dict, lists: _Words):
    """Split a run into chunks: at possessives and connectors, never inside a registry match;
    joined again after a head noun or across name particles."""
    pieces: list[list] = []          # [words, connectors-before]
    current: list = []
    connectors: list[str] = []
    for word in words:
        w = word[2]
        inside = word[0] in reg_cover and current and current[-1][0] in reg_cover and \
            reg_cover[current[-1][0]] is reg_cover[word[0]]
        if w in _CONNECTORS_SET and not inside and not (current and
                                                        current[-1][0] in reg_cover and
                                                        reg_cover[current[-1][0]].end > word[0]):
            if current:
                pieces.append([current, connectors])
                current, connectors = [], []
            connectors = connectors + [w]
            continue
        current.append(word)
        if word[3]:                       # possessive: the chunk ends here
            pieces.append([current, connectors])
            current, connectors = [], []
    if current:
        pieces.append([current, connectors])
    # Join across connectors where the name goes on.
    joined: list[list] = []
    for chunk, conns in pieces:
        if joined and conns:
            prev = joined[-1][0]
            last = _plain(prev[-1][2])
            prev_has_head = any(_plain(w[2]) in lists.org_heads for w in prev)
            possessive = prev[-1][3]
            particle = all(c in _PARTICLES for c in conns)
            if not possessive and (
                    (particle and _name_like(prev[-1][2], lists) and
                     _name_like(chunk[0][2], lists)) or
                    (set(conns) <= _JOINERS and last in lists.org_heads and
                     not _starts_with_title(chunk, lists) and
                     _plain(chunk[0][2]) not in lists.calendar) or
                    (conns == ["of"] and last in lists.place_heads) or
                    (set(conns) <= _JOINERS and prev_has_head and
                     conns[0] in ("and", "&", "of", "for", "on") and
                     _plain(chunk[0][2]) not in lists.calendar and
                     all(_plain(w[2]) in lists.common and w[0] not in reg_cover
                         for w in chunk))):
                # "Ministry of Defence", "Centre for Eurasian Studies", "Osama bin Laden"
                prev.extend([[None, None, c, False] for c in conns])
                prev.extend(chunk)
                continue
        joined.append([chunk, conns])
    for chunk, _ in joined:
        yield chunk


_CONNECTORS_SET = set(_CONNECTORS.split("|"))


@lru_cache(maxsize=_WORD_CACHE)
def _name_like(word: str, lists: _Words) -> bool:
    word = _bare(word)
    plain = _plain(word)
    return word[:1].isupper() and plain not in lists.heads and plain not in lists.role_like \
        and plain not in lists.not_actor


def _starts_with_title(chunk, lists: _Words) -> bool:
    return bool(chunk) and _plain(chunk[0][2]) in lists.role_like


def _sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_START_RE.search(text[max(0, start - 4):start])) or start == 0


def _trim(chunk: list[list]) -> list[list]:
    """Without connectors at either end."""
    a, b = 0, len(chunk)
    while a < b and chunk[a][0] is None:
        a += 1
    while b > a and chunk[b - 1][0] is None:
        b -= 1
    return chunk[a:b]


_PARTICLE_RE = re.compile(r"^(?:al|el|ad|ash|as|ar|an|at|az|ul|ud|abu|abd|ibn|bin|d)[\-‐’']"
                          r"(?=[^\W\d_])")


@lru_cache(maxsize=_WORD_CACHE)
def _bare(word: str) -> str:
    """``al-Rantissi`` -> ``Rantissi``."""
    m = _PARTICLE_RE.match(word)
    return word[m.end():] if m else word
