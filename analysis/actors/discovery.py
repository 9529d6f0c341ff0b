"""Finding actors the registry does not know: candidates first, then a typing cascade.

**Candidates.** One regular expression finds capitalised runs (joined across ``of``, ``the``,
``for``, ``and``, ``on``, name particles such as ``de``, ``bin``, ``von der``, and ``al-``;
initials and hyphens stay inside words). A run is cut into chunks at possessives and
connectors, never inside a registry match; a chunk is joined again across ``of``/``for``/
``on``/``and`` after an institution's head noun (``Ministry of Foreign Affairs``) and across
name particles (``Osama bin Laden``). A sentence-initial ordinary word is trimmed (one the
article prints in lower case, or a common English word the article never capitalises
mid-sentence); ``X-led`` and ``X-backed`` give ``X``. Lines in capitals and headlines in
title case yield registry names only.

**Types**, first rule that applies (``how`` says which):

- ``title``: a title, role or honorific before the name (``President Joe Biden``,
  ``spokesman Ali Hassan``, ``Mr Smith``). A capitalised title next to the name makes an
  outer mention (``President Joe Biden``) with the bare name nested inside;
- ``head``: the chunk's head noun (``Ministry``, ``Brigade``, ``Party`` -> organisation;
  ``Province``, ``Valley``, ``Mount`` -> place); days, treaties, operations and laws are not
  actors;
- ``place-list``: a place name shipped in ``places.tsv.gz`` (GeoNames);
- ``phrase``: ``city of X``, ``X province``, ``northern X`` and ``X, <country>`` are places;
  a country, demonym, organisation or acronym + up to three modifiers + a generic head
  (``Syrian government forces``, ``Kurdish fighters``) is an organisation, the first part
  nested;
- ``context``: a speech verb after a name (``Hassan said``) or an apposition with a role
  (``Marat Zhunusov, a security analyst``) makes a person; a locative preposition before
  it (``in Tal Afar``) a place;
- ``name-shape``: a first name from the shipped list, or two or three name-shaped words,
  make a person; an unknown acronym an organisation;
- ``surname``: a surname or first name alone, resolved to the full name printed earlier in
  the article (see :mod:`~analysis.actors.mentions`).

Nested mentions: a country, demonym or place inside a longer name (``Iraqi`` in ``Iraqi
Security Forces``, ``Woomera`` in ``Woomera Detention Centre``) and a bare name inside its
titled span are returned with their parent's span; the same actor is never nested in itself
by a registry name ("South Sudan" is never also "Sudan").

Ids are readable and stable: ``person:yerlan-karin``, ``org:csto``, ``place:tal-afar``.
"""

from __future__ import annotations

import bisect
import re

from .candidates import (_APPOSITION_RE, _JOINERS, _LONG, _PARTICLES, _RUN_RE, Found, _Article,
                         _bare, _chunks, _headline_case, _is_acronym, _lists,
                         _name_like, _plain, _sentence_start, _split_compounds,
                         _starts_with_title, _trim, _words_of, _Words, slug)
from .phrases import _expanded_acronyms, _nested_places, _phrases


def discover(text: str, found: list[Found]) -> list[Found]:
    """All mentions of ``text``: the registry's ``found`` (top level, not overlapping) plus
    the discovered ones, with nested mentions pointing at their parent's span."""
    lists = _lists()
    article = _Article(text)
    registry = sorted(found)
    reg_begins = [f.start for f in registry]
    reg_cover: dict[int, Found] = {}            # word start -> the registry match over it
    out: list[Found] = []
    headline = _headline_case(text)

    def covering(s: int, e: int) -> Found | None:
        k = bisect.bisect_right(reg_begins, s) - 1      # the last match starting at or before s
        return registry[k] if k >= 0 and e <= registry[k].end else None

    initial_stopwords = lists.initial_stopwords
    for match in _RUN_RE.finditer(text):
        run = match.group()
        if covering(match.start(), match.end()) is not None:
            continue                            # a registry name and nothing else
        if " " not in run:
            if len(run) > 4 * _LONG:
                continue
            # The commonest run by far: "The", "But", "He" opening a sentence. The cascade
            # would drop it as an ordinary word; saying so here saves the work.
            if run.isalpha() and run.lower() in initial_stopwords and \
                    _sentence_start(text, match.start()):
                continue
        if headline or article.lines.capitals(match.start()):
            continue
        words = _split_compounds(_words_of(match))
        for word in words:
            reg = covering(word[0], word[1])
            if reg is not None:
                reg_cover[word[0]] = reg
        for chunk in _chunks(words, reg_cover, lists):
            out.extend(_type_chunk(text, chunk, reg_cover, article, lists))
    # Registry matches that became nested inside a discovered outer mention.
    parents = {(f.start, f.end): (f.parent_start, f.parent_end)
               for f in out if f.how == "registry"}
    merged = [f for f in out if f.how != "registry"]
    for f in registry:
        ps, pe = parents.get((f.start, f.end), (-1, -1))
        merged.append(f._replace(parent_start=ps, parent_end=pe))
    merged = _phrases(text, merged, lists, article.lines)
    merged = _nested_places(text, merged, lists)
    merged = _expanded_acronyms(text, merged)
    taken: set[tuple[int, int]] = set()
    reach = -1                  # top-level mentions come by start, so one end is enough
    final = []
    for f in sorted(merged, key=lambda f: (f.parent_start >= 0, f.start, -f.end)):
        if f.parent_start < 0:
            if reach > f.start:                 # overlaps one already taken
                continue
            taken.add((f.start, f.end))
            reach = max(reach, f.end)
        elif (f.parent_start, f.parent_end) not in taken:
            continue                            # its parent lost to an overlapping name
        final.append(f)
    return sorted(final, key=lambda f: (f.start, -f.end))


def _type_chunk(text: str, chunk: list[list], reg_cover: dict,
                article: _Article, lists: _Words) -> list[Found]:
    """The mentions one chunk yields (registry words stay registry mentions)."""
    chunk = _trim(chunk)
    words = [w for w in chunk if w[0] is not None]
    if not words:
        return []
    # A sentence-initial ordinary word is not part of a name.
    while words and words[0][0] not in reg_cover and _sentence_start(text, words[0][0]) and \
            _ordinary(words[0][2], words, text, article, lists):
        drop = words[0]
        chunk = chunk[chunk.index(drop) + 1:]
        while chunk and chunk[0][0] is None:
            chunk = chunk[1:]
        words = [w for w in chunk if w[0] is not None]
    if not words:
        return []
    regs = []
    for w in words:
        reg = reg_cover.get(w[0])
        if reg is not None and (not regs or regs[-1] is not reg):
            regs.append(reg)
    free = [w for w in words if w[0] not in reg_cover]
    if not free:
        return []                                      # registry names only
    plain = [_plain(w[2]) for w in chunk]
    # Not actors: days, treaties, operations, laws ("Victory Day", "Operation Inherent Resolve")
    if any(p in lists.not_actor for p in plain) or plain[0] == "operation":
        return []
    if regs:
        return _with_registry(text, chunk, regs, reg_cover, article, lists)
    return _type_free(text, chunk, article, lists)


def _with_registry(text: str, chunk: list[list], regs: list[Found], reg_cover: dict,
                   article: _Article, lists: _Words) -> list[Found]:
    """A chunk holding registry names: an institution after a country or demonym
    (``Russian Foreign Ministry``), a place after a direction (``South Australia``) or with
    a place's head (``Gaza City``); otherwise the free parts are typed on their own."""
    start, end = chunk[0][0], chunk[-1][1]
    name = text[start:end]
    reg = regs[0]
    first = chunk[0][0] in reg_cover
    rest = [w for w in chunk if w[0] is not None and w[0] >= reg.end]
    rest_plain = [_plain(w[2]) for w in rest]
    lone = len(regs) == 1
    if first and lone and rest:
        if reg.kind in ("country", "nationality", "igo", "organisation", "armed_group",
                        "media") and not _starts_with_title(rest, lists) and \
                any(p in lists.org_heads for p in rest_plain):
            return [Found(start, end, f"org:{slug(name)}", name, "organisation", "head"),
                    reg._replace(parent_start=start, parent_end=end)]
        if reg.kind in ("country", "place") and len(rest) == 1 and \
                rest_plain[0] in lists.place_heads:
            return [Found(start, end, f"place:{slug(name)}", name, "place", "head")]
    before = [w for w in chunk if w[0] is not None and w[1] <= reg.start]
    if lone and before and not rest and reg.kind in ("country", "place", "nationality") and \
            all(_plain(w[2]) in lists.directions or _plain(w[2]) in
                ("north", "south", "east", "west") for w in before):
        if reg.kind == "nationality":
            return [Found(start, end, reg.actor_id, name, "nationality", "phrase")]
        return [Found(start, end, f"place:{slug(name)}", name, "place", "phrase")]
    out: list[Found] = []
    part: list = []
    for w in chunk:
        if w[0] is not None and w[0] in reg_cover:
            if part:
                out += _type_chunk(text, part, reg_cover, article, lists)
            part = []
        elif w[0] is not None or part:
            part.append(w)
    if part:
        out += _type_chunk(text, part, reg_cover, article, lists)
    return out


def _ordinary(word: str, words, text: str, article: _Article, lists: _Words) -> bool:
    """A sentence-initial word that is an ordinary word, not a name."""
    plain = word.lower()
    if plain in lists.role_like or plain in lists.heads:
        return False                         # "President Putin", "Ministry of ..."
    if plain in article.lower or plain in lists.stopwords:
        return True
    if len(words) == 1 and plain in lists.common and word not in article.capitalised_inside and \
            word not in lists.places and word not in lists.first:
        after = text[words[0][1]: words[0][1] + 12].split()
        # "Hassan said" at a sentence start is still a name
        return not (len(words) == 1 and after and after[0].strip(",.") in lists.speech)
    return False


def _type_free(text: str, chunk: list[list], article: _Article, lists: _Words) -> list[Found]:
    """The cascade for a chunk with no registry name in it."""
    chunk = _trim(chunk)
    while chunk and chunk[-1][0] is not None and _plain(chunk[-1][2]) in lists.post_nominal \
            and len(chunk) > 1:
        chunk = _trim(chunk[:-1])                     # "Terrence Cole QC"
    if not chunk:
        return []
    words = [w for w in chunk if w[0] is not None]
    start, end = chunk[0][0], chunk[-1][1]
    plain = [_plain(w[2]) for w in chunk]
    if len(words) == 1 and plain[0] in lists.calendar:
        return []
    # Titles and roles: "President Joe Biden", "Foreign Affairs Minister Alexander Downer",
    # "Democrat X"; the name is what follows the last title word.
    roles = [k for k, w in enumerate(chunk) if w[0] is not None and plain[k] in lists.role_like]
    if roles:
        k = roles[-1] + 1
        name_words = [w for w in chunk[k:] if w[0] is not None]
        if not name_words:
            return []                                 # titles alone
        if len(name_words) <= 4 and all(_name_like(w[2], lists) for w in name_words) and \
                not any(_plain(w[2]) in lists.heads for w in name_words):
            if len(name_words) == 4:
                name_words = name_words[1:]
            ns, ne = name_words[0][0], name_words[-1][1]
            bare = text[ns:ne]
            actor = f"person:{slug(bare)}"
            first = roles[-1]
            while first > 0 and chunk[first - 1][0] is not None and \
                    (plain[first - 1] in lists.role_like or
                     plain[first - 1] in lists.title_modifiers):
                first -= 1
            block = [w for w in chunk[first:k] if w[0] is not None and
                     _plain(w[2]) not in lists.party]
            inner = Found(ns, ne, actor, bare, "person", "title")
            if block:
                return [Found(block[0][0], ne, actor, bare, "person", "title"),
                        inner._replace(parent_start=block[0][0], parent_end=ne)]
            return [inner]
        rest = _trim(chunk[k:])
        if rest and not any(_plain(w[2]) in lists.heads for w in rest if w[0] is not None):
            return _type_free(text, rest, article, lists)
        if roles[0] > 0:
            return _type_free(text, chunk[:roles[0]], article, lists)
        return []
    name = text[start:end]
    before = text[max(0, start - 80):start]
    after = text[end:end + 100]
    # Head nouns: "Ministry of Defence", "Helmand Province", "Mount Sinjar".
    if len(words) >= 2:
        # "... Council on International Relations Yerlan Karin": an institution, then a
        # person's name at the end of the run.
        tail = _name_tail(chunk, lists)
        if tail and any(p in lists.org_heads for p in plain[:len(chunk) - len(tail)]):
            head = _trim(chunk[:len(chunk) - len(tail)])
            ts, te = tail[0][0], tail[-1][1]
            bare = text[ts:te]
            return _type_free(text, head, article, lists) + [
                Found(ts, te, f"person:{slug(bare)}", bare, "person", "title")]
        if plain[-1] in lists.org_heads or plain[0] in lists.org_prefix or any(
                p in lists.org_heads and k2 + 1 < len(plain) and plain[k2 + 1] in _JOINERS
                for k2, p in enumerate(plain)):
            return [Found(start, end, f"org:{slug(name)}", name, "organisation", "head")]
        if plain[-1] in lists.place_heads or plain[0] in lists.place_prefix or any(
                p in lists.place_heads and k2 + 1 < len(plain) and plain[k2 + 1] == "of"
                for k2, p in enumerate(plain)):
            return [Found(start, end, f"place:{slug(name)}", name, "place", "head")]
    # Place names from the shipped list.
    if name in lists.places:
        return [Found(start, end, f"place:{slug(name)}", name, "place", "place-list")]
    # "Hanoi Gennady Bezdetko": a place, then a name.
    if len(words) >= 3 and chunk[1][0] is not None and words[0][2] in lists.places and \
            words[1][2] in lists.first:
        return [Found(words[0][0], words[0][1], f"place:{slug(words[0][2])}", words[0][2],
                      "place", "place-list")] + _type_free(text, chunk[1:], article, lists)
    if _place_phrase(before, after, lists):
        return [Found(start, end, f"place:{slug(name)}", name, "place", "phrase")]
    single = len(words) == 1
    if single and _is_acronym(words[0][2]):
        w = words[0][2]
        if w in lists.not_acronym or w.rstrip("s") in lists.not_acronym:
            return []
        return [Found(start, end, f"org:{slug(w)}", w, "organisation", "name-shape")]
    names_ok = all(_name_like(w[2], lists) for w in words) and len(words) <= 4
    uncommon = any(_plain(_bare(w[2])) not in lists.common for w in words)
    if names_ok and (uncommon or not single) and \
            (_person_context(text, start, end, before, after, lists) or
             _role_before(before, lists)):
        return [Found(start, end, f"person:{slug(name)}", name, "person", "context")]
    last_before = before.split()[-1:]
    if last_before and last_before[0].lower() in lists.locative and len(words) <= 3 and \
            words[0][2] not in lists.first and uncommon:
        return [Found(start, end, f"place:{slug(name)}", name, "place", "context")]
    if single:
        return []
    particle = any(w[0] is None and w[2] in _PARTICLES for w in chunk)
    if names_ok and 2 <= len(words) <= 3 and (
            (words[0][2] in lists.first and
             (_plain(words[0][2]) not in lists.common or
              _plain(_bare(words[-1][2])) not in lists.common)) or particle or
            not any(_plain(_bare(w[2])) in lists.common for w in words)):
        return [Found(start, end, f"person:{slug(name)}", name, "person", "name-shape")]
    return []


def _name_tail(chunk: list[list], lists: _Words) -> list[list]:
    """The last two or three words when they are a person's name (uncommon, name-shaped)."""
    tail: list[list] = []
    for w in reversed(chunk):
        if w[0] is None or not _name_like(w[2], lists) or len(tail) == 3 or \
                (_plain(_bare(w[2])) in lists.common and w[2] not in lists.first):
            break
        tail.insert(0, w)
    return tail if len(tail) >= 2 else []


def _role_before(before: str, lists: _Words) -> bool:
    """A lower-case role right before the name, same sentence ("spokesman Ali Hassan",
    "Russia's leader Vladimir Putin", "commander Yuri Onufrienko")."""
    tail = re.split(r"[.!?;:]\s", before)[-1]
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", tail)[-3:]
    return bool(words) and words[-1] in lists.titles and before[-1:] == " "


def _person_context(text: str, start: int, end: int, before: str, after: str,
                    lists: _Words) -> bool:
    """A speech verb right after (``X said``, ``X, 45, told``), or an apposed role."""
    following = re.sub(r"^,\s*\d{1,3},", "", after)
    nxt = following.split()[:1]
    if nxt and nxt[0].strip(",.;:") in lists.speech and nxt[0].strip(",.;:") != "according":
        return True
    if before.rstrip().endswith(("said", "says", "told")) and \
            (after[:1] in (",", ".", "") or after[:1].isspace()):
        return before.rstrip().split()[-1] in ("said", "says")
    m = _APPOSITION_RE.match(after)
    if m:
        role = re.findall(r"[A-Za-z][A-Za-z\-]*", m.group(1))[:6]
        return any(w.lower() in lists.titles for w in role)
    return False


def _place_phrase(before: str, after: str, lists: _Words) -> bool:
    b = before.rstrip().lower().split()[-2:]
    if len(b) == 2 and b[1] == "of" and b[0] in lists.place_words:
        return True                                    # "the city of X"
    if b and b[-1] in lists.directions:
        return True                                    # "northern X"
    a = after.split()[:1]
    return bool(a) and a[0].strip(",.;:)") in lists.place_words and after[:1] == " " and \
        a[0][:1].islower()                             # "X province"


