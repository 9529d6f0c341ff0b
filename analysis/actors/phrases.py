"""Passes over an article's typed mentions: generic-head phrases (``Syrian government
forces``), places nested in longer names, and acronyms introduced with their expansion."""

from __future__ import annotations

import re

from .candidates import _CAP, Found, _is_acronym, _Lines, _plain, _Words, slug

def _phrases(text: str, found: list[Found], lists: _Words, lines: _Lines) -> list[Found]:
    """Generic-head phrases after a country, demonym, organisation or acronym:
    ``Syrian government forces`` (organisation, the demonym nested); ``X, Country``
    places for discovered single names before a country."""
    out = list(found)
    spans = sorted((f.start, f.end) for f in found if f.parent_start < 0)
    for f in found:
        if f.parent_start >= 0 or f.kind not in ("country", "nationality", "igo",
                                                 "organisation", "armed_group"):
            continue
        if f.how != "registry" and not _is_acronym(f.name) or \
                lines.capitals(f.start):
            continue
        m = lists.generic_re.match(text, f.end) if text[f.end:f.end + 1] == " " else None
        if not m:
            continue
        between = text[f.end:m.start(1)].split()
        if not all(w.lower() in lists.modifiers or w[:1].isupper() for w in between):
            continue
        end = m.end(1)
        if any(a < end and f.start < b for a, b in spans if (a, b) != (f.start, f.end)):
            continue
        phrase = text[f.start:end]
        out = [g for g in out if (g.start, g.end) != (f.start, f.end)]
        out.append(Found(f.start, end, f"org:{slug(phrase)}", phrase, "organisation",
                         "phrase"))
        out.append(f._replace(parent_start=f.start, parent_end=end))
    return out


_ACRONYM_RE = re.compile(r"\s\((?P<acro>[A-Z][A-Za-z0-9&\-]{1,9})\)")


def _expanded_acronyms(text: str, found: list[Found]) -> list[Found]:
    """``Collective Security Treaty Organization (CSTO)``: the acronym in brackets after
    a discovered organisation's name, and its later uses, are that organisation."""
    ends = {f.end: f for f in found if f.parent_start < 0 and f.how != "registry" and
            f.kind == "organisation"}
    same: dict[str, Found] = {}
    for m in _ACRONYM_RE.finditer(text):
        org = ends.get(m.start())
        if org is None:
            continue
        acro = m.group("acro")
        initials = "".join(w[0] for w in org.name.split() if w[:1].isupper())
        letters = "".join(c for c in acro if c.isupper())
        if len(letters) >= 2 and (letters in initials or initials.endswith(letters)):
            same[acro] = org
    if not same:
        return found
    out = []
    for f in found:
        org = same.get(f.name) if f.how != "registry" else None
        if org is not None and f.parent_start < 0:
            f = f._replace(actor_id=org.actor_id, name=org.name, kind=org.kind, how=org.how)
        out.append(f)
    return out


def _nested_places(text: str, found: list[Found], lists: _Words) -> list[Found]:
    """Places from the shipped list inside a discovered organisation or place name
    (``Woomera`` in ``Woomera Detention Centre``)."""
    out = list(found)
    nested = {(f.parent_start, f.parent_end, f.start) for f in found if f.parent_start >= 0}
    for f in found:
        if f.parent_start >= 0 or f.how in ("registry", "place-list") or \
                f.kind not in ("organisation", "place") or \
                (f.kind == "place" and (f.how != "head" or len(f.name.split()) < 3)):
            continue                # "Bir Halawa" is one place; "Baghdad ... Airport" holds one
        for m in re.finditer(rf"[{_CAP}][\w'’\-]*(?: [{_CAP}][\w'’\-]*)?", f.name):
            for cand in (m.group(), m.group().split(" ")[0]):
                s = f.start + m.start()
                if cand != f.name and cand in lists.places and \
                        (f.start, f.end, s) not in nested and _plain(cand) not in lists.heads:
                    out.append(Found(s, s + len(cand), f"place:{slug(cand)}", cand, "place",
                                     "place-list", f.start, f.end))
                    nested.add((f.start, f.end, s))
                    break
    return out
