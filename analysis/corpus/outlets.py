"""The outlet that published an article: from its record, else from its address.

An outlet is the publisher (``BBC``, ``Al Jazeera``, ``The Moscow Times``, or a site's
domain such as ``steppe-herald.example``); the agency is the wire the story is credited
to (see :mod:`.wire`). A Reuters story on the BBC's site has outlet ``BBC`` and agency
``Reuters``.

Addresses are reduced to their registered domain with ``tldextract`` and the public
suffix list bundled in its wheel (never fetched: ``bbc.co.uk``, not ``co.uk``), then
named from ``analysis/data/outlets.csv`` (domain, outlet, kind, country; hand-kept, edit
it to add yours). The longest listed domain wins, so ``abcnews.go.com`` is ``ABC News``
while other ``go.com`` pages are ``go.com``.

>>> outlet_from_url("https://www.bbc.co.uk/news/world-123")
'BBC'
>>> outlet_from_url("https://europe.newsweek.com/x"), outlet_from_url("http://m.steppe-herald.example/a")
('Newsweek', 'steppe-herald.example')
>>> canonical_outlet("aljazeera.com"), canonical_outlet("the guardian"), canonical_outlet("Kyiv Daily")
('Al Jazeera', 'The Guardian', 'Kyiv Daily')
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from .wire import canonical_agency

__all__ = ["outlet_from_url", "canonical_outlet", "is_wire_agency", "outlet_table"]

_HOST_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//([^/?#]+)|^([^/?#\s]+\.[a-z]{2,})(?:[/?#]|$)",
                      re.IGNORECASE)
# Sub-domains that name an edition or a device, not another outlet.
_EDITION_PREFIXES = ("www.", "www2.", "www3.", "m.", "mobile.", "amp.", "europe.", "edition.",
                     "international.", "uk.", "us.", "en.", "english.", "eng.")


def _outlets_file():
    return resources.files("analysis").joinpath("data", "outlets.csv")


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """``{domain: outlet}``, ``{lower-case outlet name, with and without "the ": outlet}``
    and the names of the wire agencies."""
    by_domain: dict[str, str] = {}
    names: dict[str, str] = {}
    wires: set[str] = set()
    with _outlets_file().open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["outlet"].strip()
            by_domain[row["domain"].strip().lower()] = name
            names.setdefault(name.lower(), name)
            names.setdefault(name.lower().removeprefix("the "), name)
            if row["kind"].strip() == "agency":
                wires.add(name)
    return by_domain, names, frozenset(wires)


def outlet_table():
    """The shipped outlets list as a DataFrame: ``domain, outlet, kind, country``.

    ``kind`` is ``agency`` (a wire service), ``broadcaster``, ``newspaper``,
    ``magazine`` or ``site``.
    """
    import pandas as pd

    with _outlets_file().open(encoding="utf-8") as handle:
        return pd.read_csv(handle, dtype="str", keep_default_na=False)


@lru_cache(maxsize=1)
def _extractor():
    import tldextract

    # No list URLs and no cache folder: only the snapshot bundled in the wheel, no network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _host(url: str) -> str | None:
    match = _HOST_RE.match(url.strip())
    if not match:
        return None
    host = (match.group(1) or match.group(2)).lower()
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    # A DNS name is at most 253 characters; a longer "host" is not one (and taking its
    # suffixes one by one would be quadratic).
    return host if host and len(host) <= 253 else None


@lru_cache(maxsize=65536)
def _outlet_of_host(host: str) -> str:
    """The outlet of a host name: the longest listed domain's, else the registered domain,
    else the host without its edition prefixes."""
    by_domain = _table()[0]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        listed = by_domain.get(".".join(parts[i:]))
        if listed is not None:
            return listed
    result = _extractor()(host)
    registered = getattr(result, "top_domain_under_public_suffix", None)
    if registered is None:
        registered = result.registered_domain
    if registered:
        return registered
    bare = host
    changed = True
    while changed:
        changed = False
        for prefix in _EDITION_PREFIXES:
            if bare.startswith(prefix) and bare.count(".") > 1:
                bare, changed = bare[len(prefix):], True
    return bare


def outlet_from_url(url: str | None) -> str | None:
    """The outlet of an article's address: its listed name, else its registered domain.

    ``None`` only when ``url`` holds no host name at all.
    """
    if not url or not isinstance(url, str):
        return None
    host = _host(url)
    return None if host is None else _outlet_of_host(host)


def canonical_outlet(value: str | None) -> str | None:
    """The outlet a record's own field names: a listed outlet's name (any case, with or
    without ``The``), an address or domain reduced like :func:`outlet_from_url`, else the
    value with its spacing tidied. Agencies keep their usual names (``ASSOCIATED
    PRESS`` is ``AP``, as in :func:`.wire.canonical_agency`)."""
    if value is None:
        return None
    cleaned = " ".join(str(value).split())
    if not cleaned:
        return None
    names = _table()[1]
    key = cleaned.lower()
    if key in names:
        return names[key]
    if key.removeprefix("the ") in names:
        return names[key.removeprefix("the ")]
    agency = canonical_agency(cleaned)
    if agency != cleaned.strip(" ./"):
        return agency           # a known agency's other spelling: ASSOCIATED PRESS -> AP
    if " " not in cleaned and "." in cleaned:
        host = _host(cleaned if "//" in cleaned else "//" + cleaned)
        if host is not None and re.search(r"\.[a-z]{2,}$", host):
            return _outlet_of_host(host)
    return cleaned


def is_wire_agency(outlet: str | None) -> bool:
    """Whether ``outlet`` is a wire service in the outlets list (TASS, Reuters, AP...)."""
    return bool(outlet) and outlet in _table()[2]
