"""Actors: a canonical registry, mentions with offsets, counts and co-mention networks.

The default registry is the plain file ``analysis/data/actors.csv`` (``actor_id, name,
kind, aliases`` with aliases separated by ``|``). Its countries come from ``pycountry``
(ISO 3166-1 alpha-3 ids and names) plus the short names and demonyms in
``analysis/data/country_forms.csv``; organisations, armed groups and media come from
``analysis/data/organisations.csv``. ``python -m analysis registry`` rebuilds it.

Matching uses an Aho-Corasick automaton (``pyahocorasick``) over all aliases at once:
longest match wins and no text is counted twice ("South Sudan" never also yields Sudan);
acronyms match only in their printed case ("US" is the United States, "us" is not) and
not inside all-capital headlines; other names must start with a capital letter.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from ._gc import paused_gc
from ._validate import check_choice, check_columns, check_int
from .text import NORM_TABLE, PARAGRAPH_RE, text_fields, iter_texts, sentence_spans

__all__ = ["actor_registry", "actor_mentions", "unknown_actors", "actor_counts", "co_mentions",
           "actor_attention", "actor_contexts",
           "co_mention_graph", "MENTION_COLUMNS", "build_default_registry"]

MENTION_COLUMNS = ["doc_id", "field", "start", "end", "surface", "actor_id", "name", "kind",
                   "sent", "how"]
KINDS = ["country", "igo", "organisation", "armed_group", "person", "place", "media"]


# ---------------------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------------------


def _data_path(name: str):
    return resources.files("analysis").joinpath("data", name)


def build_default_registry() -> pd.DataFrame:
    """The default registry, built from pycountry and the kit's two hand-kept files."""
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
    organisations = pd.read_csv(_data_path("organisations.csv").open(encoding="utf-8"),
                                dtype=str, keep_default_na=False)
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


# ---------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


class _Matcher:
    """Aho-Corasick automatons over the aliases of a registry.

    Acronym aliases only match as printed (``US``, not ``us``), so the keys that are
    nothing but acronyms go into a second, case-sensitive automaton run on the text as
    printed: the lower-cased one would otherwise report every "us" and "is" in running
    text, only for the case check to throw it away.
    """

    def __init__(self, registry: pd.DataFrame):
        import ahocorasick

        entries: dict[str, list[tuple[int, str, bool]]] = {}
        for row, aliases in enumerate(registry["aliases"].to_numpy()):
            for alias in str(aliases).split("|"):
                alias = alias.strip()
                if not alias:
                    continue
                key = alias.lower().translate(NORM_TABLE)
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

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """Non-overlapping ``(start, end, registry row)`` matches, longest first."""
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
                    elif not surface[:1].isupper():
                        continue
                    candidates.append((start, -(end - start), row, end))
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
                candidates.append((start, -(end - start), row, end))
        candidates.sort()
        chosen = []
        reach = -1
        for start, _, row, end in candidates:
            if start >= reach:
                chosen.append((start, end, row))
                reach = end
        return chosen


def _in_capitals(text: str, start: int, end: int) -> bool:
    """True inside an all-capitals stretch ("IS IT OVER?"), where acronyms can't be told."""
    around = text[max(0, start - 24) : start] + text[end : end + 24]
    letters = "".join(filter(str.isalpha, around))
    return len(letters) >= 6 and sum(map(str.isupper, letters)) / len(letters) > 0.7


@lru_cache(maxsize=4)
def _default_matcher() -> tuple[pd.DataFrame, _Matcher]:
    registry = actor_registry()
    return registry, _Matcher(registry)


def actor_mentions(
    docs: pd.DataFrame,
    *,
    registry: pd.DataFrame | None = None,
    fields: Sequence[str] | str = ("title", "lede", "text"),
    discover: bool = True,
    n_jobs: int | None = None,
    cache: Any = "auto",
) -> pd.DataFrame:
    """Every mention of an actor, one row each, with offsets.

    Parameters
    ----------
    docs
        Any DataFrame with ``doc_id`` and the text columns in ``fields``.
    registry
        An actor table from :func:`actor_registry` (default: the kit's registry).
    fields
        Text columns to search.
    discover
        Also find actors the registry lacks (see :mod:`analysis.discovery`): people
        introduced by a title or role, acronyms with their expansion, named organisations
        and places. Their ids are provisional (``person:yerlan-karin``); list them with
        :func:`unknown_actors`. A surname alone (``Karin``) resolves to the person named
        in full earlier in the same article, from the registry or discovered.
    n_jobs
        Processes for large inputs (default: all cores; inputs under about 8 million
        characters run in one process).
    cache
        Keep each article's mentions on disk and reuse them (see :mod:`analysis.cache`):
        ``True`` (the default folder), a folder path, ``False``/``None`` (off), or
        ``"auto"`` (default): the folder in ``$DATELINE_CACHE`` when set, else off.

    ``docs`` may be a Dask DataFrame: each partition is matched on the active Dask
    scheduler. With ``$DATELINE_SCHEDULER`` set, a pandas corpus is matched on that
    cluster. The table is the same either way.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, field, start, end, surface, actor_id, name, kind, sent, how``, then
        ``para``: ``docs.loc[doc_id, field][start:end] == surface``; ``sent`` and ``para``
        number the sentence and paragraph within the field (from 0); ``how`` is
        ``"registry"`` or ``"discovered"``. Mentions never overlap. Rows in table order,
        then by field and position.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["South Sudan and Sudan met. The US and us."]})
    >>> actor_mentions(docs)["actor_id"].tolist()
    ['SSD', 'SDN', 'USA']
    """
    with paused_gc():
        return _actor_mentions(docs, registry, fields, discover, n_jobs, cache)


def _actor_mentions(docs, registry, fields, discover, n_jobs, cache):
    from .cache import cache_folder
    from .engine import is_dask, scheduler_client
    from .terms import _n_jobs

    folder = cache_folder(cache)
    jobs = _n_jobs(n_jobs)
    if registry is None:
        registry, matcher = _default_matcher()
    else:
        check_columns(registry, "registry", ["actor_id", "name", "kind", "aliases"])
        matcher = None
    if is_dask(docs):
        from .engine import map_partitions

        fields = text_fields(docs._meta, fields)
        parts = map_partitions(docs, _mentions_remote, registry, fields, discover)
        return _concat_mentions(parts)
    fields = text_fields(docs, fields)
    if matcher is None:
        matcher = _Matcher(registry)
    client = scheduler_client()
    if folder is None:
        return _mentions_any(docs, registry, matcher, fields, discover, jobs, client)
    return _mentions_cached(docs, registry, matcher, fields, discover, jobs, client, folder)


def _mentions_any(docs, registry, matcher, fields, discover, jobs, client) -> pd.DataFrame:
    """Mentions computed on the cluster of ``client``, in forked workers, or here."""
    from .terms import _total_chars

    if client is not None and len(docs):
        from .engine import map_blocks, row_blocks, scatter

        slices = row_blocks(len(docs))
        blocks = [(b,) for b in scatter(client, [docs.iloc[s][["doc_id", *fields]] for s in slices])]
        return _concat_mentions(map_blocks(client, _mentions_remote, blocks, registry, fields,
                                           discover))
    if jobs > 1 and os.name == "posix" and len(docs) > 1 and \
            _total_chars(docs, fields) >= _PARALLEL_CHARS:
        return _mentions_parallel(docs, registry, matcher, fields, discover, jobs)
    return _mentions(docs, registry, matcher, fields, discover)


def _concat_mentions(parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if len(p)] or parts[:1]
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)


_REMOTE_MATCHERS: dict[str, "_Matcher"] = {}


def _mentions_remote(docs, registry, fields, discover) -> pd.DataFrame:
    """:func:`_mentions` on a Dask worker; the matcher is built once per registry."""
    from .cache import frame_fingerprint

    key = frame_fingerprint(registry[["actor_id", "name", "kind", "aliases"]])
    matcher = _REMOTE_MATCHERS.get(key)
    if matcher is None:
        matcher = _REMOTE_MATCHERS[key] = _Matcher(registry)
    present = [f for f in fields if f in docs.columns]
    return _mentions(docs, registry, matcher, present, discover)


def _mentions_cached(docs, registry, matcher, fields, discover, jobs, client, folder):
    """:func:`actor_mentions` through the per-article cache (see :mod:`analysis.cache`)."""
    from .cache import article_keys, distinct, expand, frame_fingerprint, per_article

    keys, inverse = distinct(article_keys(docs, fields))
    first = np.zeros(len(keys), dtype=np.int64)
    first[inverse[::-1]] = np.arange(len(inverse) - 1, -1, -1)

    def compute(missing: list[int]) -> pd.DataFrame:
        sub = docs.iloc[first[missing]][[*fields]].assign(
            doc_id=[str(i) for i in range(len(missing))])
        found = _mentions_any(sub, registry, matcher, fields, discover, jobs, client)
        return found.rename(columns={"doc_id": "article"}).astype({"article": "int64"})

    options = {"fields": fields, "discover": bool(discover),
               "registry": frame_fingerprint(registry[["actor_id", "name", "kind", "aliases"]])}
    rows = per_article(folder, "mentions", options, keys, compute)
    row_index, position = expand(rows["article"].to_numpy(dtype=np.int64), inverse)
    rows = rows.iloc[row_index].drop(columns="article").reset_index(drop=True)
    rank = {f: k for k, f in enumerate(fields)}
    order = np.lexsort((rows["start"].to_numpy(), rows["field"].map(rank).to_numpy(), position))
    ids = docs["doc_id"].astype("str").to_numpy()
    rows.insert(0, "doc_id", ids[position])
    table = rows.iloc[order].reset_index(drop=True)[MENTION_COLUMNS + ["para"]]
    return table.astype({"doc_id": "str", "field": "str", "start": "int64", "end": "int64",
                         "surface": "str", "actor_id": "str", "name": "str", "kind": "str",
                         "sent": "int64", "how": "str", "para": "int64"})


_PARALLEL_CHARS = 8_000_000
_BLOCK_ROWS = 2_000


def _mentions_parallel(docs, registry, matcher, fields, discover, jobs) -> pd.DataFrame:
    """:func:`_mentions` on blocks of rows in forked workers, results in table order."""
    from ._workers import fork_map

    starts = list(range(0, len(docs), _BLOCK_ROWS))
    parts = fork_map(_mentions_block, (docs, registry, matcher, fields, discover), starts, jobs)
    return pd.concat(parts, ignore_index=True)


def _mentions_block(shared, begin: int) -> pd.DataFrame:
    docs, registry, matcher, fields, discover = shared
    return _mentions(docs.iloc[begin : begin + _BLOCK_ROWS], registry, matcher, fields, discover)


def _mentions(docs, registry, matcher, fields, discover) -> pd.DataFrame:
    from .discovery import discover as find_new

    ids = registry["actor_id"].tolist()
    names = registry["name"].tolist()
    kinds = registry["kind"].tolist()
    rank = {f: k for k, f in enumerate(fields)}
    per_doc: dict[int, list] = {}
    for pos, doc_id, field, text in iter_texts(docs, fields):
        found = [(start, end, ids[row], names[row], kinds[row], "registry")
                 for start, end, row in matcher.find(text)]
        if discover:
            taken = [(a, b) for a, b, *_ in found]
            new = [(a, b, i, n, k, "discovered") for a, b, i, n, k in find_new(text, taken)]
            found = _absorb_prefixes(sorted(found + new), text)
        per_doc.setdefault(pos, []).append((doc_id, field, text, found))
    rows = []
    for pos, items in per_doc.items():
        _resolve_surnames(items)
        for doc_id, field, text, found in items:
            if not found:
                continue
            sentence_ends = [end for _, end in sentence_spans(text)]
            paragraph_starts = [m.end() for m in PARAGRAPH_RE.finditer(text)]
            for start, end, actor_id, name, kind, how in found:
                sent = min(bisect.bisect_right(sentence_ends, start),
                           max(0, len(sentence_ends) - 1))
                para = bisect.bisect_right(paragraph_starts, start)
                rows.append((pos, rank[field], doc_id, field, start, end, text[start:end],
                             actor_id, name, kind, sent, how, para))
    rows.sort(key=lambda r: (r[0], r[1], r[4]))
    table = pd.DataFrame([r[2:] for r in rows], columns=MENTION_COLUMNS + ["para"])
    return table.astype({"doc_id": "str", "field": "str", "start": "int64", "end": "int64",
                         "surface": "str", "actor_id": "str", "name": "str", "kind": "str",
                         "sent": "int64", "how": "str", "para": "int64"})


def _absorb_prefixes(found: list, text: str) -> list:
    """"Russian Foreign Ministry", "US State Department", "BRICS Media Forum": a country or
    bloc printed right before a discovered organisation is part of its name."""
    out: list = []
    for item in found:
        start, end, actor_id, name, kind, how = item
        if out and how == "discovered" and kind == "organisation":
            p_start, p_end, _, _, p_kind, p_how = out[-1]
            if p_how == "registry" and p_kind in ("country", "igo") and \
                    text[p_end:start] == " " and not text[p_start:p_end].endswith(("'s", "’s")):
                from .discovery import slug

                full = text[p_start:end]
                out[-1] = (p_start, end, f"org:{slug(full)}", full, kind, how)
                continue
        out.append(item)
    return out


def _resolve_surnames(items: list) -> None:
    """Within one article: a surname alone becomes the person named in full.

    ``items`` holds ``(doc_id, field, text, found)`` per field; ``found`` is extended and
    re-labelled in place.
    """
    people: dict[str, tuple[str, str, str]] = {}
    for _, _, _, found in items:
        for _, _, actor_id, name, kind, how in found:
            parts = str(name).split()
            if kind == "person" and len(parts) >= 2:
                people.setdefault(str(name), (actor_id, name, how))
                people.setdefault(parts[-1], (actor_id, name, how))
    if not people:
        return
    # Full names first, so "Yuri Danilin" is one mention, not "Yuri" and "Danilin".
    alternatives = sorted(people, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w\-])(" + "|".join(map(re.escape, alternatives)) +
                         r")(?![\w\-])")
    for k, (doc_id, field, text, found) in enumerate(items):
        relabelled = []
        for start, end, actor_id, name, kind, how in found:
            # "Mr Karin" discovered on its own becomes the Karin named in full.
            if kind == "person" and len(str(name).split()) == 1 and name in people:
                actor_id, name, how = people[name]
            relabelled.append((start, end, actor_id, name, kind, how))
        taken = [(a, b) for a, b, *_ in relabelled]
        for match in pattern.finditer(text):
            a, b = match.span()
            if all(b <= x or a >= y for x, y in taken):
                actor_id, name, how = people[match.group()]
                relabelled.append((a, b, actor_id, name, "person", how))
                taken.append((a, b))
        relabelled.sort()
        items[k] = (doc_id, field, text, relabelled)


def unknown_actors(
    docs: pd.DataFrame,
    *,
    registry: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    fields: Sequence[str] | str = ("title", "lede", "text"),
) -> pd.DataFrame:
    """The gap report: actors found in the text but missing from the registry.

    Returns ``actor_id, name, kind, mentions, docs, example_doc_id, example`` (the
    sentence of the first mention), most mentioned first, so the analyst can add them to
    a registry CSV (``actor_id, name, kind, aliases``) and pass it to
    :func:`actor_registry`.
    """
    if mentions is None:
        mentions = actor_mentions(docs, registry=registry, fields=fields, discover=True)
    check_columns(mentions, "mentions", MENTION_COLUMNS)
    columns = ["actor_id", "name", "kind", "mentions", "docs", "example_doc_id", "example"]
    found = mentions[mentions["how"] == "discovered"]
    if found.empty:
        return pd.DataFrame(columns=columns).astype({"mentions": "int64", "docs": "int64"})
    table = found.groupby("actor_id", sort=False).agg(
        name=("name", "first"), kind=("kind", "first"), mentions=("doc_id", "size"),
        docs=("doc_id", "nunique"), example_doc_id=("doc_id", "first"),
        field=("field", "first"), start=("start", "first")).reset_index()
    text_of = docs.set_index(docs["doc_id"].astype(str), drop=False) if "doc_id" in docs else None

    def example(row) -> str:
        text = text_of.loc[row.example_doc_id, row.field]
        if isinstance(text, pd.Series):
            text = text.iloc[0]
        for a, b in sentence_spans(text):
            if a <= row.start < b:
                return " ".join(text[a:b].split())
        return ""

    table["example"] = [example(row) for row in table.itertuples(index=False)]
    table = table.sort_values(["mentions", "docs", "actor_id"], ascending=[False, False, True],
                              kind="stable").reset_index(drop=True)
    return table[columns].astype({"mentions": "int64", "docs": "int64"})


# ---------------------------------------------------------------------------------------
# Aggregates
# ---------------------------------------------------------------------------------------


def actor_counts(
    mentions: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    docs: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Mentions and documents per actor, overall or per group.

    ``by`` names columns of ``mentions``, or of ``docs`` (joined on ``doc_id``) when
    given, e.g. ``actor_counts(mentions, by="agency", docs=docs)``.

    Returns ``[by], actor_id, name, kind, mentions, docs`` sorted by group, then mentions
    (descending), then actor_id. ``mentions`` and ``docs`` may be Dask DataFrames (only
    the columns needed are computed).
    """
    from .engine import is_dask

    if is_dask(mentions):
        mentions = mentions.compute()
    check_columns(mentions, "mentions", ["doc_id", "actor_id", "name", "kind"])
    columns = [] if by is None else ([by] if isinstance(by, str) else list(by))
    table = mentions
    missing = [c for c in columns if c not in mentions.columns]
    if missing:
        if docs is None:
            raise ValueError(f"by={by!r}: {missing} not in mentions; pass docs= to take them "
                             "from the articles table.")
        if is_dask(docs):
            check_columns(docs._meta, "docs", ["doc_id"] + missing)
            docs = docs[["doc_id"] + missing].compute()
        check_columns(docs, "docs", ["doc_id"] + missing)
        # Mentions carry doc_id as text (as actor_mentions writes it); match that.
        groups = docs[["doc_id"] + missing].astype({"doc_id": "str"}).drop_duplicates("doc_id")
        table = mentions.astype({"doc_id": "str"}).merge(groups, on="doc_id", how="left")
    keys = columns + ["actor_id", "name", "kind"]
    out = table.groupby(keys, dropna=False, sort=False).agg(
        mentions=("doc_id", "size"), docs=("doc_id", "nunique")).reset_index()
    out = out.sort_values(columns + ["mentions", "actor_id"],
                          ascending=[True] * len(columns) + [False, True], kind="stable")
    return out.reset_index(drop=True).astype({"mentions": "int64", "docs": "int64"})


def co_mentions(
    mentions: pd.DataFrame,
    *,
    level: Literal["sentence", "paragraph", "document"] = "sentence",
) -> pd.DataFrame:
    """Pairs of actors mentioned in the same sentence, paragraph or document.

    Returns ``actor_a, actor_b, weight, docs, example_doc_id`` with ``actor_a < actor_b``:
    ``weight`` counts the units (sentences, paragraphs or documents) where both occur,
    ``docs`` the documents, ``example_doc_id`` the first such document in table order.
    Sorted by weight (descending), then the pair.
    """
    check_choice("level", level, ["sentence", "paragraph", "document"])
    unit = {"sentence": ["doc_id", "field", "sent"], "paragraph": ["doc_id", "field", "para"],
            "document": ["doc_id"]}[level]
    check_columns(mentions, "mentions", unit + ["actor_id"])
    columns = ["actor_a", "actor_b", "weight", "docs", "example_doc_id"]
    present = mentions[unit + ["actor_id"]].drop_duplicates()
    present = present.assign(_order=pd.factorize(present["doc_id"])[0])
    pairs = present.merge(present, on=unit, suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_id_a"] < pairs["actor_id_b"]]
    if pairs.empty:
        return pd.DataFrame(columns=columns).astype({"weight": "int64", "docs": "int64"})
    out = pairs.sort_values("_order_a", kind="stable").groupby(
        ["actor_id_a", "actor_id_b"], sort=True).agg(
        weight=("doc_id", "size"), docs=("doc_id", "nunique"), example_doc_id=("doc_id", "first"))
    out = out.reset_index().rename(columns={"actor_id_a": "actor_a", "actor_id_b": "actor_b"})
    out = out.sort_values(["weight", "actor_a", "actor_b"], ascending=[False, True, True],
                          kind="stable").reset_index(drop=True)
    return out[columns].astype({"weight": "int64", "docs": "int64"})


def actor_attention(
    mentions: pd.DataFrame,
    docs: pd.DataFrame,
    *,
    period: Literal["day", "week", "month", "quarter", "year"] = "month",
    top_n: int = 8,
    actors: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Share of each period's articles that mention each of the ``top_n`` actors.

    Returns ``period, actor_id, name, articles, share``: ``articles`` mentioning the actor
    in that period, ``share`` over all dated articles of the period (0 when none).
    Undated articles are left out. Actors ranked by the articles mentioning them overall.
    ``actors`` follows these actors instead (ids or names, any case, in the order
    given); one never mentioned gets a share of 0 throughout.
    """
    from .types import PERIODS

    check_choice("period", period, list(PERIODS))
    check_columns(mentions, "mentions", ["doc_id", "actor_id", "name"])
    check_columns(docs, "docs", ["doc_id", "date"])
    columns = ["period", "actor_id", "name", "articles", "share"]
    dated = docs[docs["date"].notna()][["doc_id", "date"]].astype({"doc_id": "str"})
    if dated.empty or mentions.empty:
        return pd.DataFrame(columns=columns)
    dated = dated.assign(period=dated["date"].dt.to_period(PERIODS[period]).dt.start_time)
    present = mentions[["doc_id", "actor_id", "name"]].drop_duplicates(["doc_id", "actor_id"])
    present = present.merge(dated[["doc_id", "period"]], on="doc_id")
    top = (present.groupby(["actor_id", "name"]).size().reset_index(name="n")
           .sort_values(["n", "actor_id"], ascending=[False, True]))
    top = _pick_actors(top, actors) if actors else top.head(top_n)
    periods = pd.period_range(dated["date"].min(), dated["date"].max(),
                              freq=PERIODS[period]).start_time
    totals = dated.groupby("period").size().reindex(periods, fill_value=0)
    grid = pd.MultiIndex.from_product([periods, top["actor_id"]], names=["period", "actor_id"])
    counts = present[present["actor_id"].isin(top["actor_id"])].groupby(
        ["period", "actor_id"]).size().reindex(grid, fill_value=0).rename("articles").reset_index()
    counts["name"] = counts["actor_id"].map(dict(zip(top["actor_id"], top["name"])))
    total = counts["period"].map(totals)
    counts["share"] = (counts["articles"] / total.where(total > 0)).fillna(0.0)
    return counts[columns].astype({"articles": "int64"})


def _pick_actors(known: pd.DataFrame, actors: Sequence[str]) -> pd.DataFrame:
    """Rows of ``known`` (actor_id, name) for the given ids or names, in that order."""
    if isinstance(actors, str) or not all(isinstance(a, str) for a in actors):
        raise TypeError(f"actors={actors!r} must be a list of actor ids or names, "
                        "e.g. ['CSTO', 'Yerlan Karin'].")
    by_key: dict[str, tuple[str, str]] = {}
    for actor_id, name in zip(known["actor_id"], known["name"]):
        by_key.setdefault(str(name).casefold(), (actor_id, name))
        by_key[str(actor_id).casefold()] = (actor_id, name)
    rows = []
    for actor in dict.fromkeys(actors):
        rows.append(by_key.get(actor.casefold(), (actor, f"{actor} (not mentioned)")))
    return pd.DataFrame(rows, columns=["actor_id", "name"]).drop_duplicates("actor_id")


def actor_contexts(
    mentions: pd.DataFrame,
    docs: pd.DataFrame,
    *,
    actors: Sequence[str] | None = None,
    top_n: int = 3,
    window: int = 8,
    per_actor: int | None = 20,
) -> pd.DataFrame:
    """Mentions of chosen actors with the words around them: the evidence behind counts.

    ``actors`` are ids or names (any case); without them, the ``top_n`` most mentioned
    actors. ``per_actor`` caps the lines per actor (first in table order; ``None``: all).

    Returns ``actor_id, name, doc_id, field, start, end, pre, match, post``, as
    :func:`kwic` does: ``docs.loc[doc_id, field][start:end] == match``.

    >>> mentions = actor_mentions(docs)                               # doctest: +SKIP
    >>> actor_contexts(mentions, docs, actors=["CSTO"], window=5)     # doctest: +SKIP
    """
    from .text import context_end, context_start

    check_columns(mentions, "mentions", ["doc_id", "field", "start", "end", "actor_id", "name"])
    check_columns(docs, "docs", ["doc_id"])
    check_int("window", window, minimum=0, maximum=1000)
    check_int("per_actor", per_actor, minimum=1, allow_none=True)
    columns = ["actor_id", "name", "doc_id", "field", "start", "end", "pre", "match", "post"]
    ranked = (mentions.groupby(["actor_id", "name"]).size().reset_index(name="n")
              .sort_values(["n", "actor_id"], ascending=[False, True]))
    chosen = _pick_actors(ranked, actors) if actors else ranked.head(top_n)
    order = {a: k for k, a in enumerate(chosen["actor_id"])}
    picked = mentions[mentions["actor_id"].isin(order)]
    if per_actor is not None:
        picked = picked.groupby("actor_id", sort=False).head(per_actor)
    texts = docs.set_index(docs["doc_id"].astype("str"), drop=False) if "doc_id" in docs.columns else docs
    rows = []
    for m in picked.itertuples(index=False):
        text = texts.at[str(m.doc_id), m.field] if str(m.doc_id) in texts.index else None
        if not isinstance(text, str):
            continue
        pre = " ".join(text[context_start(text, m.start, window):m.start].split())
        post = " ".join(text[m.end:context_end(text, m.end, window)].split())
        rows.append((order[m.actor_id], m.actor_id, m.name, str(m.doc_id), m.field,
                     int(m.start), int(m.end), pre, text[m.start:m.end], post))
    rows.sort(key=lambda r: r[0])
    table = pd.DataFrame([r[1:] for r in rows], columns=columns)
    return table.astype({"actor_id": "str", "name": "str", "doc_id": "str", "field": "str",
                         "start": "int64", "end": "int64", "pre": "str", "match": "str",
                         "post": "str"})


def co_mention_graph(pairs: pd.DataFrame, *, counts: pd.DataFrame | None = None):
    """A :class:`networkx.Graph` of a :func:`co_mentions` table, for Gephi and friends.

    Edges carry ``weight`` and ``docs``; nodes carry ``name``, ``kind`` and ``mentions``
    when ``counts`` (from :func:`actor_counts`) is given. Write it with
    ``networkx.write_graphml(graph, "actors.graphml")``.
    """
    import networkx as nx

    check_columns(pairs, "pairs", ["actor_a", "actor_b", "weight"])
    graph = nx.Graph()
    if counts is not None:
        check_columns(counts, "counts", ["actor_id", "name", "kind", "mentions"])
        for row in counts.itertuples(index=False):
            graph.add_node(row.actor_id, name=str(row.name), kind=str(row.kind),
                           mentions=int(row.mentions))
    for row in pairs.itertuples(index=False):
        graph.add_edge(row.actor_a, row.actor_b, weight=int(row.weight),
                       docs=int(getattr(row, "docs", 0)))
    return graph


def rebuild_registry() -> Path:
    """Write :func:`build_default_registry` to ``analysis/data/actors.csv``; return the path."""
    target = Path(__file__).resolve().parent / "data" / "actors.csv"
    build_default_registry().to_csv(target, index=False, lineterminator="\n")
    _default_matcher.cache_clear()
    return target
