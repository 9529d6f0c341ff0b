"""Matching registry aliases in text: one Aho-Corasick pass, longest match wins.

Matching uses an Aho-Corasick automaton (``pyahocorasick``) over all aliases at once:
longest match wins and no text is counted twice ("South Sudan" never also yields Sudan);
acronyms match only in their printed case ("US" is the United States, "us" is not) and
not inside all-capital headlines; other names must start with a capital letter, unless the
alias itself starts in lower case and is printed so (``al-Qaeda``, ``al-Shabaab``).

A country's demonym or adjective (``Iraqi``, ``Afghans``, listed in ``country_forms.csv``)
is the kind ``nationality``, linked to the country's id. A country, demonym or place inside a
longer organisation's name (``Australian`` in ``Australian Federal Police``, ``Islamic`` in
``Islamic State``) is reported as a nested match; a name is never nested inside a country or place ("South Sudan" is never also
"Sudan").
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..cache import frame_fingerprint
from ..text import NORM_TABLE
from .lexicons import demonyms
from .registry import REGISTRY_COLUMNS, actor_registry

__all__ = ["Matcher", "default_matcher", "matcher_for"]


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


class Matcher:
    """Aho-Corasick automatons over the aliases of a registry.

    Acronym aliases only match as printed (``US``, not ``us``), so the keys that are
    nothing but acronyms go into a second, case-sensitive automaton run on the text as
    printed: the lower-cased one would otherwise report every "us" and "is" in running
    text, only for the case check to throw it away.
    """

    def __init__(self, registry: pd.DataFrame):
        import ahocorasick

        entries: dict[str, list[tuple[int, str, bool]]] = {}
        forms = demonyms()
        kinds = registry["kind"].tolist()
        self.kinds = kinds
        self.demonym: set[tuple[int, str]] = set()      # (row, alias as printed)
        for row, aliases in enumerate(registry["aliases"].to_numpy()):
            for alias in str(aliases).split("|"):
                alias = alias.strip()
                if not alias:
                    continue
                key = alias.lower().translate(NORM_TABLE)
                if kinds[row] == "country" and alias in forms:
                    self.demonym.add((row, key))
                entries.setdefault(key, []).append((row, alias, _is_acronym(alias)))
        self.automaton = ahocorasick.Automaton()
        self.acronyms = ahocorasick.Automaton()
        exact: dict[str, list[int]] = {}
        for key, values in entries.items():
            if all(acronym for _, _, acronym in values):
                for row, alias, _ in values:
                    exact.setdefault(alias, []).append(row)
            else:
                self.automaton.add_word(key, (len(key), values))
        for alias, rows in exact.items():
            self.acronyms.add_word(alias, (len(alias), rows[0]))
        self.has_words = len(self.automaton) > 0
        self.has_acronyms = len(self.acronyms) > 0
        if self.has_words:
            self.automaton.make_automaton()
        if self.has_acronyms:
            self.acronyms.make_automaton()
        self.empty = not entries

    def find(self, text: str, *, nested: bool = False) -> list[tuple[int, int, int, bool]]:
        """Non-overlapping ``(start, end, registry row, demonym)`` matches, longest first;
        ``demonym`` is True for a country's adjective or demonym. With ``nested=True``,
        ``(start, end, row, demonym, parent_start, parent_end)`` and the nested matches too."""
        if self.empty:
            return []
        n = len(text)
        candidates = []
        if self.has_words:
            lowered = text.lower()
            if len(lowered) != n:
                lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
            lowered = lowered.translate(NORM_TABLE)
            for last, (length, values) in self.automaton.iter(lowered):
                start, end = last - length + 1, last + 1
                if start > 0 and lowered[start - 1].isalnum():
                    continue
                if end < n and lowered[end].isalnum():
                    continue
                surface = text[start:end]
                for row, alias, acronym in values:
                    if acronym:
                        if surface != alias or _in_capitals(text, start, end):
                            continue
                    elif not surface[:1].isupper() and not (alias[:1].islower() and
                                                            surface == alias):
                        continue
                    candidates.append((start, -(end - start), row, end,
                                       (row, lowered[start:end]) in self.demonym))
                    break
        if self.has_acronyms:
            for last, (length, row) in self.acronyms.iter(text):
                start, end = last - length + 1, last + 1
                if start > 0 and text[start - 1].lower().translate(NORM_TABLE)[:1].isalnum():
                    continue
                if end < n and text[end].lower().translate(NORM_TABLE)[:1].isalnum():
                    continue
                if _in_capitals(text, start, end):
                    continue
                candidates.append((start, -(end - start), row, end, False))
        candidates.sort()
        chosen = []
        inner = []
        reach = -1
        for start, _, row, end, demonym in candidates:
            if start >= reach:
                chosen.append((start, end, row, demonym))
                reach = end
            elif nested:
                inner.append((start, end, row, demonym))
        if not nested:
            return chosen
        out = [(a, b, r, d, -1, -1) for a, b, r, d in chosen]
        kinds = self.kinds
        for start, end, row, demonym in inner:
            parent = next((c for c in reversed(chosen) if c[0] <= start), None)
            if parent is None or end > parent[1] or parent[2] == row or \
                    kinds[parent[2]] in ("country", "place") or \
                    kinds[row] not in ("country", "place", "nationality"):
                continue
            if (start > parent[0] and text[start - 1].isalnum()) or \
                    (end < parent[1] and text[end].isalnum()):
                continue
            if out and out[-1][4] == parent[0] and out[-1][1] > start:
                continue                       # one nested name per stretch
            out.append((start, end, row, demonym, parent[0], parent[1]))
        return sorted(out, key=lambda m: (m[0], -m[1]))


def _in_capitals(text: str, start: int, end: int) -> bool:
    """True inside an all-capitals stretch ("IS IT OVER?"), where acronyms can't be told."""
    around = text[max(0, start - 24) : start] + text[end : end + 24]
    letters = "".join(filter(str.isalpha, around))
    return len(letters) >= 6 and sum(map(str.isupper, letters)) / len(letters) > 0.7


@lru_cache(maxsize=4)
def default_matcher() -> tuple[pd.DataFrame, Matcher]:
    registry = actor_registry()
    return registry, Matcher(registry)


_MATCHERS: dict[str, Matcher] = {}


def matcher_for(registry: pd.DataFrame | None) -> tuple[pd.DataFrame, Matcher]:
    """The registry (the default when None) and its matcher, built once per process and
    registry contents (so a Dask worker builds it once, and forked workers inherit it)."""
    if registry is None:
        return default_matcher()
    key = frame_fingerprint(registry[REGISTRY_COLUMNS])
    matcher = _MATCHERS.get(key)
    if matcher is None:
        if len(_MATCHERS) >= 8:
            _MATCHERS.clear()
        matcher = _MATCHERS[key] = Matcher(registry)
    return registry, matcher

