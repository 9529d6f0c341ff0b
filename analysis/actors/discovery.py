"""Finding actors the registry does not know: people, acronyms with their expansion, and
named organisations and places.

Rules, in order (each within one text field; nothing overlaps a registry match):

- **People introduced by a title or role**: a name of two or three capitalised words
  right after a title (``President Vladimir Putin``, ``Foreign Ministry spokesperson Olena
  Marchuk``), at the end of a capitalised run that follows a role within the sentence
  (``Chairman of the Kazakhstan’s Council on International Relations Yerlan Karin``),
  before an apposition with a role (``Marat Zhunusov, a security analyst``), or after
  ``Mr``/``Mrs``/``Ms``/``Dr`` (surname alone).
- **Acronyms with their expansion**: ``Collective Security Treaty Organization (CSTO)``;
  later uses of the acronym get the same id.
- **Named organisations and places**: capitalised runs that end in a head noun such as
  ``Ministry``, ``Council``, ``Institute`` (organisation) or ``Region``, ``Province``,
  ``Highlands`` (place).

Then, across the fields of one article, a surname alone (``Karin``) resolves to the
person whose full name appeared in the article. Ids are stable and readable:
``person:yerlan-karin``, ``org:csto``, ``place:southern-highlands``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

__all__ = ["discover", "slug", "TITLES"]

TITLES = {
    "president", "vice-president", "prime", "minister", "premier", "chancellor", "secretary",
    "secretary-general", "general", "chairman", "chairwoman", "chair", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "envoy", "director", "head", "chief",
    "governor", "mayor", "king", "queen", "prince", "princess", "sheikh", "emir", "colonel",
    "lieutenant", "commander", "captain", "major", "sergeant", "admiral", "senator",
    "congressman", "congresswoman", "representative", "commissioner", "speaker", "judge",
    "justice", "pope", "patriarch", "cardinal", "archbishop", "bishop", "professor",
    "expert", "analyst", "researcher", "fellow", "leader", "official", "diplomat",
    "lawyer", "economist", "deputy", "adviser", "advisor", "aide", "founder", "ceo",
    "executive", "editor", "correspondent", "reporter", "journalist", "scholar",
    "coordinator", "inspector", "officer", "activist", "candidate", "mp", "lawmaker",
    "politician", "presidential", "ministry", "manager", "mufti", "imam", "rabbi", "dean",
    "superintendent", "sen", "rep", "gen", "col", "lt", "capt", "maj", "gov",
}
_HONORIFICS = {"Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Dame", "Lord"}
_ORG_HEADS = {
    "ministry", "department", "council", "committee", "agency", "office", "institute",
    "centre", "center", "forum", "party", "court", "bank", "fund", "assembly", "parliament",
    "government", "commission", "service", "services", "university", "school", "academy",
    "company", "corporation", "corp", "inc", "group", "foundation", "association",
    "federation", "union", "organization", "organisation", "movement", "front", "army",
    "navy", "police", "guard", "brigade", "battalion", "command", "bureau", "authority",
    "board", "club", "church", "society", "network", "alliance", "coalition", "trust",
    "tribunal", "secretariat", "duma", "senate", "congress", "cabinet", "kremlin",
    "administration", "directorate", "inspectorate", "exchange", "airlines", "railways",
    "news", "television", "radio", "times", "post", "journal", "herald", "house", "forces",
}
_PLACE_HEADS = {
    "region", "province", "district", "territory", "oblast", "krai", "republic",
    "county", "island", "islands", "peninsula", "highlands", "mountains", "valley",
    "river", "sea", "ocean", "gulf", "strait", "desert", "highway", "street", "square",
    "airport", "city", "bay", "coast", "lake", "park", "basin", "plateau",
}
_NOT_NAMES = {
    "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I",
    "In", "On", "At", "For", "But", "And", "Or", "If", "As", "By", "From", "With", "After",
    "Before", "When", "While", "According", "Also", "However", "Meanwhile", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Mr", "Mrs", "Ms", "Dr", "President", "Minister", "Prime",
    "Foreign", "Deputy", "Secretary", "General", "Chairman", "Russian", "Chinese",
}
# Capitalised words of institution names, never of people's names.
_NON_NAME_WORDS = {
    "studies", "affairs", "relations", "research", "sciences", "development", "security",
    "cooperation", "policy", "issues", "rights", "economics", "defense", "defence", "energy",
    "trade", "international", "national", "foreign", "public", "social", "strategic",
    "regional", "federal", "central", "united", "european", "asian", "african", "eurasian",
    "economic", "political", "nuclear", "human", "global", "world", "interior", "justice",
    "health", "finance", "emergency", "emergencies", "situations", "investigative",
    "staff", "state", "house", "radio", "media", "press", "white",
}
_LEADING = {
    "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I",
    "In", "On", "At", "For", "But", "And", "Or", "If", "As", "By", "From", "With", "After",
    "Before", "When", "While", "According", "Also", "However", "Meanwhile",
}
_CONNECTORS = {"of", "the", "for", "and", "on", "in", "de", "du", "al", "bin", "van", "von"}
_CAP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_CAP_WORD = rf"(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Gov)\.|[{_CAP}][\w'’\-]*)"
_CAP_RUN_RE = re.compile(
    rf"(?<![\w'’\-]){_CAP_WORD}(?:[ ](?:(?:of|the|for|and|on|in|de|al)[ ])*{_CAP_WORD})*"
)
_ACRONYM_RE = re.compile(r"\((?P<acro>[A-Z][A-Za-z0-9&\-]{1,9})\)")


class Spans:
    """Non-overlapping character spans, with fast overlap checks (sorted, bisected)."""

    def __init__(self, spans=()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            self.add(a, b)

    def free(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)
        return k == 0 or self.ends[k - 1] <= start

    def add(self, start: int, end: int) -> None:
        k = bisect.bisect_left(self.starts, start)
        self.starts.insert(k, start)
        self.ends.insert(k, end)


def _headline_case(text: str) -> bool:
    """Most words capitalised ("Russia Says It Will Respond"): capitals say nothing here."""
    stripped = text.strip()
    if len(stripped.split()) > 30 or re.search(r"[.!?]\s", stripped) or \
            stripped[-1:] in ".!?\"”’":
        return False            # running text, not a headline
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def slug(text: str) -> str:
    """``Yerlan Karin`` -> ``yerlan-karin`` (accents dropped, lower case)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "x"


def _words(run: str, start: int) -> list[tuple[int, int, str]]:
    """The words of a run; a possessive ending is cut off and marks the word with '’'."""
    words = []
    for m in re.finditer(r"\S+", run):
        word, end = m.group(), start + m.end()
        if word.endswith(("'s", "’s")) and len(word) > 2:
            word, end = word[:-2] + "’", end - 2
        words.append((start + m.start(), end, word))
    return words


def _is_name_word(word: str) -> bool:
    word = word.rstrip("’")
    lower = word.lower()
    parts = re.split(r"[-'’]", word)
    shaped = len(word) > 1 and word[0].isupper() and any(c.islower() for c in word) and \
        all(p.isalpha() for p in parts)
    return shaped and word not in _NOT_NAMES \
        and lower not in _ORG_HEADS and lower not in _PLACE_HEADS \
        and lower not in TITLES and lower not in _NON_NAME_WORDS


def _has_apposed_role(after: str) -> bool:
    """", a security analyst in Bishkek" / ", head of the ...": a role within the apposition."""
    match = re.match(r"^,\s+(?:(?:a|an|the)\s+)?([^,.;:()]{1,80})", after)
    if not match:
        return False
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", match.group(1))[:7]
    return any(w.lower() in TITLES for w in words)


def _title_before(text: str, start: int) -> bool:
    """A title or role word among the last dozen words before ``start``, same sentence."""
    before = text[max(0, start - 160) : start]
    before = re.split(r"[.!?;]\s", before)[-1]
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", before)[-12:]
    return any(w.lower().rstrip(".") in TITLES for w in words)


def discover(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str, str]]:
    """``(start, end, actor_id, name, kind)`` for names in ``text`` not in ``taken``."""
    found: list[tuple[int, int, str, str, str]] = []
    occupied = Spans(taken)
    free = occupied.free

    def add(start: int, end: int, actor_id: str, name: str, kind: str) -> None:
        if start < end and free(start, end):
            found.append((start, end, actor_id, name, kind))
            occupied.add(start, end)

    headline_case = _headline_case(text)

    # Acronyms introduced with their expansion.
    acronyms: dict[str, tuple[str, str]] = {}
    for match in _ACRONYM_RE.finditer(text):
        acro = match.group("acro")
        head = text[: match.start()].rstrip()
        run = list(_CAP_RUN_RE.finditer(head[-200:]))
        if not run or run[-1].end() != len(head[-200:]):
            continue
        full = run[-1].group()
        while full.split(" ", 1)[0] in _NOT_NAMES and " " in full:
            full = full.split(" ", 1)[1]
        initials = "".join(w[0] for w in full.split() if w[0].isupper())
        letters = "".join(c for c in acro if c.isupper())
        if len(letters) < 2 or not initials.endswith(letters[: len(initials)]) and \
                letters not in initials:
            continue
        full_start = match.start() - (len(text[: match.start()]) - len(head)) - len(full)
        kind = _guess_kind(full) or "organisation"
        actor_id = f"org:{slug(full)}"
        acronyms[acro] = (actor_id, full)
        add(full_start, full_start + len(full), actor_id, full, kind)
        add(match.start("acro"), match.end("acro"), actor_id, full, kind)
    for acro, (actor_id, full) in acronyms.items():
        for match in re.finditer(rf"(?<![\w\-]){re.escape(acro)}(?![\w\-])", text):
            add(match.start(), match.end(), actor_id, full, _guess_kind(full) or "organisation")

    for match in _CAP_RUN_RE.finditer(text):
        words = _words(match.group(), match.start())
        # Drop a leading capitalised function word ("The", "In") at a sentence start.
        while words and words[0][2] in _LEADING:
            words = words[1:]
        if not words or headline_case:
            continue
        # Joining words separate people ("President Joe Biden and First Lady Jill Biden",
        # "Foreign Minister Sergei Lavrov in Moscow"); institutions keep them.
        segment: list = []
        for word in words + [(0, 0, "and")]:
            if word[2] in _CONNECTORS:
                if segment:
                    _people(text, segment, add)
                segment = []
            else:
                segment.append(word)
        _named_bodies(words, add, free)
    return sorted(found)


def _people(text: str, words, add) -> None:
    """People in one capitalised run: after an honorific or title, or with a role nearby."""
    plain = list(words)
    honorifics = {h.rstrip(".") for h in _HONORIFICS}
    for k, (_, _, word) in enumerate(plain):
        if word.rstrip(".") in honorifics and k + 1 < len(plain):
            nxt = plain[k + 1]
            if _is_name_word(nxt[2]):
                tail = []
                for w in plain[k + 1 : k + 3]:
                    if not _is_name_word(w[2]):
                        break
                    tail.append(w)
                    if w[2].endswith("’"):
                        break
                name = " ".join(w[2].rstrip("’") for w in tail)
                add(tail[0][0], tail[-1][1], f"person:{slug(name)}", name, "person")
            return
    # The name: the last two or three name-like words of the run.
    tail = []
    for start, end, word in reversed(plain):
        if _is_name_word(word) and len(tail) < 3 and not (tail and word.endswith("’")):
            tail.insert(0, (start, end, word))
        else:
            break
    if len(tail) < 2:
        return
    if len(tail) == 3:
        # Three name words only when nothing but titles precede them ("Vice President
        # Kamala Devi Harris"); after other words ("... International Relations Yerlan
        # Karin") the name is the last two.
        before = [w for w in plain if w[1] <= tail[0][0]]
        if (before and before[-1][2].lower().rstrip(".") not in TITLES) or \
                tail[0][2].lower() in _CONNECTORS:
            tail = tail[1:]
    name_start, name_end = tail[0][0], tail[-1][1]
    before_in_run = [w for w in plain if w[1] <= name_start]
    titled = any(w[2].lower().rstrip(".") in TITLES for w in before_in_run) or \
        _title_before(text, name_start)
    apposition = _has_apposed_role(text[name_end : name_end + 100])
    if not (titled or apposition):
        return
    if _guess_kind(" ".join(w[2] for w in tail)):
        return
    name = " ".join(w[2].rstrip("’") for w in tail)
    add(name_start, name_end, f"person:{slug(name)}", name, "person")


def _named_bodies(words, add, free) -> None:
    """Organisations and places: a run of two or more words holding an institution's head
    noun (``Moscow Centre for Eurasian Studies``, ``Council on International Relations``)
    or ending in a place's (``Fergana Valley``), cut before any name already found."""
    # The free stretches of the run (registry matches and people split it), the first
    # one holding a head noun; a weekday or month ends it ("ABC Radio on Tuesday").
    stretches: list[list] = [[]]
    for word in words:
        if not free(word[0], word[1]) or word[2] in _NOT_NAMES and stretches[-1]:
            stretches.append([])
        else:
            stretches[-1].append(word)
    heads = _ORG_HEADS | _PLACE_HEADS
    kept = next((st for st in stretches
                 if any(w[2].lower().strip("'’") in heads for w in st)), [])
    # An organisation's name starts after a possessive ("Russia’s Foreign Ministry").
    marks = [k for k, w in enumerate(kept) if w[2].endswith("’")]
    if marks:
        kept = kept[marks[-1] + 1 :]
    while kept and kept[-1][2].lower() in _CONNECTORS:
        kept.pop()
    if len(kept) < 2:
        return
    lowered = [w[2].lower().strip("'’") for w in kept]
    heads = [k for k, w in enumerate(lowered) if w in _ORG_HEADS]
    if heads:
        kind = "organisation"
        # The name starts after the last "of"/"the" before its head noun ("Yuri Danilin of
        # the Moscow Centre ...") and stops before a trailing "in/at <place>".
        first = heads[0]
        begin = max([k + 1 for k in range(first) if lowered[k] in ("of", "the")] or [0])
        stop = next((k for k in range(first + 1, len(kept)) if lowered[k] in ("in", "at")),
                    len(kept))
        kept = kept[begin:stop]
        while kept and kept[-1][2].lower() in _CONNECTORS:
            kept.pop()
        if len(kept) < 2:
            return
    else:
        places = [k for k, w in enumerate(lowered) if w in _PLACE_HEADS]
        if not places or places[-1] < 1:
            return
        kind = "place"
        kept = kept[: places[-1] + 1]
    start, end = kept[0][0], kept[-1][1]
    name = " ".join(w[2] for w in kept)
    add(start, end, f"{'org' if kind == 'organisation' else 'place'}:{slug(name)}", name, kind)


def _guess_kind(name: str) -> str | None:
    words = [w.lower().strip("'’") for w in name.split()]
    if any(w in ("army", "front", "brigade", "militia", "brigades", "mujahideen") for w in words):
        return "armed_group"
    if any(w in ("treaty", "nations", "cooperation", "conference", "community") for w in words) \
            and any(w in ("organization", "organisation", "conference", "union", "nations",
                          "community", "council") for w in words):
        return "igo"
    if words and words[-1] in _ORG_HEADS:
        return "organisation"
    if words and words[-1] in _PLACE_HEADS:
        return "place"
    return None
