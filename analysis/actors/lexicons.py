"""The shipped word lists discovery reads, loaded once per process.

- ``places.tsv.gz``: place names (GeoNames, CC BY 4.0; built by :mod:`~analysis.actors.build`);
- ``first_names.txt``: first names (1990 US Census, public domain; built);
- ``common_words.txt``: common English words (wordfreq, CC BY-SA 4.0; built);
- ``name_words.csv``: hand-kept ``word, role`` pairs: titles and roles, honorifics, party
  words, organisation and place head nouns, words that make a name not an actor (``Treaty``,
  ``Day``), the generic heads and modifiers of phrases (``Syrian government forces``),
  place words (``city of``, ``province``), directions, locative prepositions and
  capitalised abbreviations that are not organisations (``TV``, ``GDP``);
- ``speech_verbs.csv``: hand-kept speech and statement verbs in every form (``say, says,
  said, saying``), each with its lemma, its form and whether it introduces reported speech
  (``X said (that) ...``); read by discovery (``X said``) and by :mod:`analysis.quotes`.
"""

from __future__ import annotations

import csv
import gzip
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

__all__ = ["places", "first_names", "common_words", "name_words", "demonyms", "speech_verbs",
           "SpeechVerb"]


def _path(name: str):
    return resources.files("analysis").joinpath("data", name)


def _lines(name: str) -> list[str]:
    text = _path(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Place names as printed (``Mosul``, ``Abu Dhabi``)."""
    with _path("places.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        names = [line.split("\t", 1)[0] for line in f if line[:1] != "#"]
    return frozenset(names[1:])                 # the header line is "name<TAB>country"


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """First names, capitalised (``John``, ``Maria``)."""
    return frozenset(_lines("first_names.txt"))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common English words, lower case."""
    return frozenset(_lines("common_words.txt"))


@lru_cache(maxsize=1)
def name_words() -> dict[str, frozenset[str]]:
    """``role -> words`` from ``name_words.csv`` (lower case, except ``not_acronym``)."""
    roles: dict[str, set[str]] = {}
    with _path("name_words.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            roles.setdefault(row["role"], set()).add(row["word"])
    return {role: frozenset(words) for role, words in roles.items()}


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Adjectives and demonyms of countries (``Iraqi``, ``Afghans``), as printed."""
    with _path("country_forms.csv").open(encoding="utf-8") as f:
        return frozenset(a for row in csv.DictReader(f)
                         for a in row["adjectives_and_demonyms"].split("|") if a)


class SpeechVerb(NamedTuple):
    """One form of a speech verb: ``lemma`` (``say``), ``form`` (``base``, ``present``,
    ``past`` or ``ing``) and whether it introduces reported speech."""

    lemma: str
    form: str
    reported: bool


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, SpeechVerb]:
    """``word -> SpeechVerb`` from ``speech_verbs.csv`` (lower case)."""
    with _path("speech_verbs.csv").open(encoding="utf-8") as f:
        return {row["word"]: SpeechVerb(row["lemma"], row["form"], row["reported"] == "yes")
                for row in csv.DictReader(f)}
