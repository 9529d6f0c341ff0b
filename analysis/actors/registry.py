"""The actor registry: canonical ids, names, kinds and aliases.

The default registry is the plain file ``analysis/data/actors.csv`` (``actor_id, name,
kind, aliases`` with aliases separated by ``|``). Its countries come from ``pycountry``
(ISO 3166-1 alpha-3 ids and names) plus the short names and demonyms in
``analysis/data/country_forms.csv``; organisations, armed groups and media come from
``analysis/data/organisations.csv`` and ``security_organisations.csv`` (armed groups,
militias, coalitions, intelligence services), ethnic and religious groups (kind
``nationality``) from ``groups.csv``. ``python -m analysis registry`` rebuilds it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import pandas as pd

__all__ = ["actor_registry", "build_default_registry", "rebuild_registry", "KINDS",
           "REGISTRY_COLUMNS"]

KINDS = ["country", "igo", "organisation", "armed_group", "person", "place", "media", "nationality"]
REGISTRY_COLUMNS = ["actor_id", "name", "kind", "aliases"]


def _data_path(name: str):
    return resources.files("analysis").joinpath("data", name)


def build_default_registry() -> pd.DataFrame:
    """The default registry, built from pycountry and the kit's hand-kept files."""
    import pycountry

    forms = pd.read_csv(_data_path("country_forms.csv").open(encoding="utf-8"), dtype=str,
                        keep_default_na=False).set_index("actor_id")
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        names = [getattr(country, "common_name", None), country.name,
                 getattr(country, "official_name", None)]
        # "Korea, Republic of" and "Bolivia (Plurinational State of)" are index forms,
        # never printed in running text.
        aliases = [n for n in names if n and "," not in n and "(" not in n]
        display = aliases[0] if aliases else country.name
        if country.alpha_3 in forms.index:
            extra = forms.loc[country.alpha_3]
            short = [a for a in extra["short_names"].split("|") if a]
            display = short[0] if short else display
            aliases = short + aliases + [a for a in extra["adjectives_and_demonyms"].split("|") if a]
        rows.append((country.alpha_3, display, "country", _join_unique(aliases)))
    organisations = pd.concat(
        [pd.read_csv(_data_path(name).open(encoding="utf-8"), dtype=str, keep_default_na=False)
         for name in ("organisations.csv", "security_organisations.csv", "groups.csv")],
        ignore_index=True)
    for row in organisations.itertuples(index=False):
        # The name is always an alias too ("United Nations Security Council").
        aliases = row.aliases.split("|") + [row.name]
        rows.append((row.actor_id, row.name, row.kind, _join_unique(aliases)))
    return pd.DataFrame(rows, columns=["actor_id", "name", "kind", "aliases"])


def _join_unique(aliases: Iterable[str]) -> str:
    seen: dict[str, None] = {}
    for alias in aliases:
        alias = alias.strip()
        if alias:
            seen.setdefault(alias, None)
    return "|".join(seen)


def actor_registry(*extra: str | os.PathLike | pd.DataFrame) -> pd.DataFrame:
    """The actor registry: the kit's default, plus or overridden by ``extra`` tables.

    Each ``extra`` is a CSV path or a DataFrame with ``actor_id, name, kind, aliases``
    (aliases separated by ``|``; more columns, such as ``role``, are kept). A row whose
    ``actor_id`` is already in the registry replaces it; new ids are added.

    Returns ``actor_id, name, kind, aliases`` (and any extra columns), one row per actor.

    >>> reg = actor_registry()
    >>> reg.set_index("actor_id").loc[["KAZ", "CICA"], "kind"].tolist()
    ['country', 'igo']
    """
    table = pd.read_csv(_data_path("actors.csv").open(encoding="utf-8"), dtype=str,
                        keep_default_na=False)
    for item in extra:
        if isinstance(item, pd.DataFrame):
            more = item.copy()
            where = "a DataFrame"
        else:
            path = Path(item)
            if not path.exists():
                raise FileNotFoundError(f"extra={os.fspath(item)!r} does not exist; give the path "
                                        "of a CSV with actor_id, name, kind, aliases.")
            more = pd.read_csv(path, dtype=str, keep_default_na=False)
            where = os.fspath(item)
        missing = [c for c in ("actor_id", "name", "kind", "aliases") if c not in more.columns]
        if missing:
            raise ValueError(f"{where} lacks the column(s) {missing}; an actor table needs "
                             "actor_id, name, kind and aliases (separated by '|').")
        if more["aliases"].map(lambda v: isinstance(v, (list, tuple))).any():
            more["aliases"] = more["aliases"].map(
                lambda v: "|".join(v) if isinstance(v, (list, tuple)) else v)
        bad = sorted(set(more["kind"]) - set(KINDS))
        if bad:
            raise ValueError(f"{where}: kind {bad} is not one of {KINDS}.")
        more = more.astype({"actor_id": "str", "name": "str", "kind": "str", "aliases": "str"})
        table = pd.concat([table[~table["actor_id"].isin(more["actor_id"])], more],
                          ignore_index=True)
    return table.fillna("").astype({c: "str" for c in ("actor_id", "name", "kind", "aliases")})


def rebuild_registry() -> Path:
    """Write :func:`build_default_registry` to ``analysis/data/actors.csv``; return the path."""
    from .matching import default_matcher

    target = Path(__file__).resolve().parent.parent / "data" / "actors.csv"
    build_default_registry().to_csv(target, index=False, lineterminator="\n")
    default_matcher.cache_clear()
    return target
