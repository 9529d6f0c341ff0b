"""Load a news corpus into one tidy articles table, with an account of what went wrong.

The public entry points are :func:`load_corpus` and :func:`problems`.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import json
import os
import re
import sys
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from . import wire
from ._decode import decode
from .errors import CorpusError, CorpusWarning, NotText
from .types import CHOICES, CacheOption, EngineOption, ErrorsOption
from ._run import paused_gc
from ._validate import check_choice, check_int

__all__ = [
    "load_corpus",
    "problems",
    "CorpusWarning",
    "CorpusError",
    "ARTICLE_COLUMNS",
    "PROBLEM_COLUMNS",
    "problem_counts",
]

ARTICLE_COLUMNS = [
    "doc_id", "source", "agency", "title", "lede", "dateline", "place", "place_detail",
    "date", "url", "text", "n_words",
]
PROBLEM_COLUMNS = ["source", "record", "problem", "detail", "action"]

# Field names recognised in JSON and CSV records, in order of preference. Keys are
# compared case-insensitively, with spaces and hyphens read as underscores.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "head", "heading", "header"),
    "lede": ("lede", "lead", "description", "subtitle", "sub_title", "summary", "standfirst",
             "abstract", "dek", "teaser", "excerpt", "intro", "subheadline"),
    "text": ("text", "content", "body", "article", "full_text", "fulltext", "article_text",
             "articletext", "article_body", "articlebody", "body_text", "maintext",
             "main_text", "story"),
    "date": ("date", "published", "publish_date", "published_date", "published_at",
             "publishedat", "pubdate", "pub_date", "publication_date", "date_published",
             "datetime", "date_time", "timestamp", "time", "created_at", "created"),
    "url": ("url", "link", "href", "permalink", "web_url", "canonical_url", "uri"),
    "agency": ("agency", "source", "outlet", "publisher", "source_name", "news_agency",
               "media", "site"),
}
_RECORD_LIST_KEYS = ("articles", "data", "items", "results", "records", "docs", "documents",
                     "news", "entries", "hits", "rows", "stories")
_FORMATS = {
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv",
    ".cor": "lines", ".txt": "text", ".text": "text", ".md": "text", "": "text",
}
_GLOB_CHARS = re.compile(r"[*?\[]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
_YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")


# ---------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------


@paused_gc
def load_corpus(
    source: str | os.PathLike | list[str | os.PathLike],
    *,
    year: int | None = None,
    fields: Mapping[str, str] | None = None,
    lines: bool | None = None,
    encoding: str | None = None,
    errors: ErrorsOption = "warn",
    progress: bool | None = None,
    engine: EngineOption = "pandas",
    cache: CacheOption = "auto",
) -> pd.DataFrame:
    """Read news articles from files into one DataFrame, one row per article.

    Parameters
    ----------
    source
        A file, a directory (searched recursively; hidden files are skipped), a glob such
        as ``"exports/*.jsonl"``, or a list of these. Text files (``.txt``, ``.text``,
        ``.md``, no extension), ``.json`` (a list of objects, or an object holding one),
        ``.jsonl``/``.ndjson``, ``.csv``/``.tsv`` and ``.cor`` (one article per line).
    year
        Year for datelines that print none (TASS: ``ASTANA, May 20. /TASS/.``) when the
        record has no date of its own. Without it such articles get ``date`` NaT.
    fields
        Which record field holds which column, overriding the automatic mapping, e.g.
        ``{"title": "hed", "text": "story_html", "date": "pubDate"}``. Keys: ``title``,
        ``lede``, ``text``, ``date``, ``url``, ``agency``.
    lines
        Read text files as one article per line. Default: only ``.cor`` files.
    encoding
        Force an encoding (e.g. ``"cp1251"``) instead of detecting it.
    errors
        ``"warn"`` (default): problems become rows of :func:`problems` and one warning
        line; ``"raise"``: raise :class:`CorpusError` listing them; ``"ignore"``: no
        warning (the problems table is still filled).
    progress
        Show a progress bar. Default: only for more than 500 files on a terminal.
    engine
        ``"pandas"`` (default) or ``"dask"``: a ``dask.dataframe.DataFrame`` with the same
        columns, in partitions of 2,000 articles, for :func:`analysis.term_frequencies`,
        :func:`analysis.actor_mentions` and friends to process on the active Dask
        scheduler (see :mod:`analysis.engine`). The files are read here and, with a
        ``distributed.Client`` active, the partitions are sent to its workers once and kept
        there (``persist``). :func:`problems` works on the frame returned (frames
        derived from it by Dask operations may not keep them).
    cache
        Keep what each file parsed into on disk and reuse it while the file's bytes, its
        name and these options stay the same (see :mod:`analysis.cache`): ``True`` (the
        default folder), a folder path, ``False``/``None`` (off), or ``"auto"``
        (default): the folder in ``$DATELINE_CACHE`` when set, else off. Files are still
        read (to hash them); the table and the problems are identical either way.

    Returns
    -------
    pandas.DataFrame
        One row per article, indexed by ``doc_id``, with these columns first:

        ============= ==========================================================
        doc_id        stable id: path relative to the corpus root, plus ``#N``
                      (the record number) for files holding several articles
        source        the file as found from ``source``, plus ``#N`` for records
        agency        credited agency (TASS, Reuters, AP, AFP, Xinhua, ...): the
                      record's own field, else the dateline, else the site's URL
        title         headline
        lede          lede / standfirst, when the article has one
        dateline      the dateline as printed (``ASTANA, May 20. /TASS/.``)
        place         the place as printed (``ASTANA``)
        place_detail  its qualifier (``Leningrad Region``, ``Ukraine``)
        date          datetime64; the record's date (UTC when it carries a zone),
                      else a date line printed above the story, else the
                      dateline's month and day with the year it prints, else
                      ``year=``, else a year in the file's path (``2024/``,
                      ``2024-05-20_x.txt``); without a dateline, a full date in
                      the path; NaT if unknown
        url           the article's address, when known
        text          the body, paragraphs separated by a blank line, without
                      the dateline and without repeating the title or lede
        n_words       words in ``text``
        ============= ==========================================================

        Other fields of JSON and CSV records follow as extra columns (a field whose name
        clashes with a column above gets the prefix ``record_``). Missing values are NaN.
        Rows are sorted by file and record. The problems table travels in
        ``docs.attrs["problems"]``; read it with :func:`problems`.

        Scraped text is repaired in ``title``, ``lede`` and ``text``: HTML tags and
        entities, mojibake (UTF-8 read with the wrong encoding, undone with ftfy) and
        invisible zero-width and bidirectional control characters. Articles whose body
        repeats an earlier one's are kept and flagged: ``duplicate`` (the same text) or
        ``near duplicate`` (the same words in the same order, differing only in case,
        punctuation, spacing, apostrophes or hyphens).

    Examples
    --------
    >>> docs = load_corpus("data/sample")                      # doctest: +SKIP
    >>> docs[["agency", "place", "date", "title"]].head()      # doctest: +SKIP
    >>> load_corpus("seed/article.txt", year=2024).loc[:, "date"]  # doctest: +SKIP
    """
    check_choice("errors", errors, CHOICES["errors"])
    check_choice("engine", engine, CHOICES["engine"])
    check_int("year", year, minimum=1800, maximum=2200, allow_none=True)
    fields = _check_fields(fields)
    if lines is not None and not isinstance(lines, bool):
        raise TypeError(f"lines={lines!r} must be True, False or None (the default).")

    files, root = _find_files(source)
    log = _Problems()
    rows: list[_Row] = []
    options = _Options(year=year, fields=fields, lines=lines, encoding=encoding)
    from .cache import cache_folder

    folder = cache_folder(cache)
    if folder is None:
        for found in _progress(files, progress):
            if found.problem:
                log.add(found.display, None, *found.problem)
                continue
            rows.extend(_read_file(found, root, options, log))
    else:
        rows = _read_cached(files, root, options, log, folder, progress)
    _flag_duplicates(rows)
    docs = _to_frame(rows) if rows else None
    log.rows.sort(key=lambda p: (p["source"], -1 if p["record"] is None else p["record"]))

    if errors == "raise" and log.rows:
        raise CorpusError(
            f"{len(log.rows)} problem(s) while loading {_describe(source)}:\n"
            + "\n".join(f"  {p['source']}{'' if p['record'] is None else ' #' + str(p['record'])}"
                        f": {p['problem']} ({p['detail']}); {p['action']}" for p in log.rows)
        )
    if docs is None:
        detail = f" ({log.summary()}; first: {log.rows[0]['source']}: {log.rows[0]['problem']})" \
            if log.rows else ""
        raise CorpusError(
            f"No articles could be read from {_describe(source)}: {len(files)} file(s) "
            f"found{detail}. Check the path, or pass fields= if your records name their "
            "text field differently."
        )
    docs.attrs["problems"] = log.rows
    docs.attrs["source"] = _describe(source)
    if log.rows and errors == "warn":
        warnings.warn(
            f"{len(log.rows)} problem(s) while loading {_describe(source)} ({log.summary()}); "
            "see analysis.problems(docs).",
            CorpusWarning,
            stacklevel=3,
        )
    if engine == "dask":
        from .engine import persist, to_dask

        return persist(to_dask(docs))
    return docs


def problems(docs: pd.DataFrame) -> pd.DataFrame:
    """The problems met while loading ``docs``, one row each.

    Columns: ``source`` (the file's path), ``record`` (record number within the file, or
    missing), ``problem`` (short name), ``detail`` (what exactly), ``action`` (``skipped``,
    ``kept partially``, ``repaired``, or ``kept`` for an article flagged as a duplicate or
    near duplicate of the earlier one its detail names). Empty when everything was read
    cleanly. Frames built by concatenating loaded corpora keep the problems of the first
    one (pandas' rule for ``attrs``).

    >>> problems(load_corpus("data/sample"))            # doctest: +SKIP
    """
    from .engine import is_dask

    if is_dask(docs):
        # load_corpus(engine="dask") keeps the problems on the frame's empty pandas model.
        records = getattr(docs, "_meta", pd.DataFrame()).attrs.get("problems", [])
    elif not isinstance(docs, pd.DataFrame):
        raise TypeError(
            f"docs must be the DataFrame returned by analysis.load_corpus, got {type(docs).__name__}."
        )
    else:
        records = docs.attrs.get("problems", [])
    table = pd.DataFrame(list(records), columns=PROBLEM_COLUMNS)
    table["record"] = table["record"].astype("Int64")
    for column in ("source", "problem", "detail", "action"):
        table[column] = table[column].astype("str")
    return table


def problem_counts(docs: pd.DataFrame) -> pd.DataFrame:
    """The problems table of a loaded corpus, counted: ``problem, action, rows, files``.

    One line per kind of problem and what was done about it, most frequent first; the
    full table is :func:`problems`.
    """
    table = problems(docs)
    columns = ["problem", "action", "rows", "files"]
    if table.empty:
        return pd.DataFrame(columns=columns).astype({"rows": "int64", "files": "int64"})
    files = table["source"].astype("str").str.replace(r"#\d+$", "", regex=True)
    counted = (table.assign(file=files).groupby(["problem", "action"])
               .agg(rows=("file", "size"), files=("file", "nunique")).reset_index())
    counted = counted.sort_values(["rows", "problem", "action"], ascending=[False, True, True])
    return counted.reset_index(drop=True)[columns].astype({"rows": "int64", "files": "int64"})


# ---------------------------------------------------------------------------------------
# Finding files
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    path: Path
    display: str          # the path as found from the user's argument
    explicit: bool        # named directly (not found by walking a directory)
    problem: tuple[str, str, str] | None = None
    absolute: str = ""    # absolute path, for the id relative to the corpus root


@dataclass
class _Row:
    """One article: its columns, and what is needed to finish its date afterwards."""

    values: dict[str, Any]
    ctx: "_FileContext"
    number: int | None
    date_raw: Any
    printed_date: str | None
    dateline_date: pd.Timestamp | None
    words_key: bytes | None = None


@dataclass(frozen=True)
class _Options:
    year: int | None
    fields: dict[str, str]
    lines: bool | None
    encoding: str | None


def _describe(source: Any) -> str:
    if isinstance(source, (list, tuple)):
        return f"{len(source)} sources" if len(source) != 1 else _describe(source[0])
    return f"'{os.fspath(source)}'"


def _find_files(source: Any) -> tuple[list[_Found], Path]:
    items = list(source) if isinstance(source, (list, tuple)) else [source]
    if not items:
        raise ValueError("source=[] is empty; pass a file, a folder, a glob or a list of them.")
    found: list[_Found] = []
    roots: list[Path] = []
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(
                f"source={item!r} must be a path (str or pathlib.Path), a glob, or a list of them."
            )
        text = os.fspath(item)
        if _GLOB_CHARS.search(text) and not os.path.exists(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise FileNotFoundError(
                    f"source={text!r}: the glob matches no files. Check the pattern "
                    "(use '**' with a folder for recursive search)."
                )
            prefix = _GLOB_CHARS.split(text, 1)[0]
            roots.append(Path(os.path.dirname(prefix) or "."))
            for match in matches:
                found.extend(_walk(Path(match), explicit=not os.path.isdir(match)))
            continue
        path = Path(text)
        if not os.path.lexists(path):
            raise FileNotFoundError(
                f"source={text!r} does not exist. Pass a file, a folder or a glob such as "
                f"'data/*.json' (the current folder is {os.getcwd()!r})."
            )
        roots.append(path if path.is_dir() else path.parent)
        found.extend(_walk(path, explicit=True))
    root = Path(os.path.commonpath([os.path.abspath(r) for r in roots]))
    # The same file named twice is read once.
    unique: dict[str, _Found] = {}
    for f in found:
        unique.setdefault(f.absolute, f)
    ordered = sorted(unique.values(), key=lambda f: _relative(f, root))
    return ordered, root


_DOC_FILE_RE = re.compile(r"^(?:readme|license|licence|copying|changelog|notice|authors)(?:[._-].*)?$",
                          re.IGNORECASE)


def _safe_name(path: str) -> str:
    """A path as text pandas can store: undecodable bytes in file names become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _walk(path: Path, *, explicit: bool) -> Iterator[_Found]:
    display = _safe_name(path.as_posix())
    absolute = os.path.abspath(path)
    if path.is_symlink() and not path.exists():
        yield _Found(path, display, explicit,
                     ("dangling symlink", f"points to {os.readlink(path)!r}, which does not exist",
                      "skipped"), absolute)
        return
    if path.is_file():
        yield _Found(path, display, explicit, None, absolute)
        return
    if not path.is_dir():
        yield _Found(path, display, explicit,
                     ("unreadable path", "not a regular file or folder", "skipped"), absolute)
        return
    seen = {os.path.realpath(path)}
    for dirpath, dirnames, filenames in os.walk(path, followlinks=True):
        # Symbolic links to folders are followed, each real folder once (no cycles).
        keep = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            real = os.path.realpath(os.path.join(dirpath, d))
            if real not in seen:
                seen.add(real)
                keep.append(d)
        dirnames[:] = keep
        absolute_dir = os.path.abspath(dirpath)
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            yield _walk_file(Path(dirpath) / name, os.path.join(absolute_dir, name))


def _walk_file(child: Path, absolute: str) -> _Found:
    display = _safe_name(child.as_posix())
    if child.is_symlink() and not child.exists():
        return _Found(child, display, False,
                      ("dangling symlink",
                       f"points to {os.readlink(child)!r}, which does not exist", "skipped"),
                      absolute)
    if not child.is_file():
        # FIFOs, sockets and devices: reading them could block forever.
        return _Found(child, display, False,
                      ("unreadable path", "not a regular file (a pipe, socket or device)",
                       "skipped"), absolute)
    if child.suffix.lower() not in _FORMATS:
        return _Found(child, display, False,
                      ("unsupported file type",
                       f"'{child.suffix}' files are not read (text, .json, .jsonl, .csv, "
                       ".tsv and .cor are)", "skipped"), absolute)
    if _DOC_FILE_RE.match(child.name) and child.suffix.lower() in (".txt", ".md", ""):
        return _Found(child, display, False,
                      ("documentation file",
                       f"{child.name} looks like documentation, not an article; name the "
                       "file directly to read it", "skipped"), absolute)
    return _Found(child, display, False, None, absolute)


def _relative(found: _Found, root: Path) -> str:
    root_text = str(root)
    if found.absolute.startswith(root_text.rstrip(os.sep) + os.sep):
        rel = found.absolute[len(root_text.rstrip(os.sep)) + 1:]
    else:
        rel = os.path.relpath(found.absolute, root_text)
    return _safe_name(rel.replace(os.sep, "/"))


def _progress(files: list[_Found], progress: bool | None):
    show = progress if progress is not None else (len(files) > 500 and sys.stderr.isatty())
    if not show:
        return files
    from tqdm.auto import tqdm

    return tqdm(files, desc="loading", unit="file")


# ---------------------------------------------------------------------------------------
# Reading one file
# ---------------------------------------------------------------------------------------


class _Problems:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add(self, source: str, record: int | None, problem: str, detail: str, action: str):
        self.rows.append({"source": source, "record": record, "problem": problem,
                          "detail": detail, "action": action})

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for row in self.rows:
            counts[row["action"]] = counts.get(row["action"], 0) + 1
        return ", ".join(f"{n} {action}" for action, n in sorted(counts.items()))


def _file_key(data: bytes, found: _Found, root: Path) -> bytes:
    digest = hashlib.blake2b(data, digest_size=16)
    digest.update(b"\0" + found.display.encode("utf-8", "surrogatepass") + b"\0" +
                  _relative(found, root).encode("utf-8", "surrogatepass"))
    return digest.digest()


def _read_cached(files: list[_Found], root: Path, options: _Options, log: _Problems,
                 folder: Path, progress: bool | None) -> list[_Row]:
    """:func:`_read_file` through the cache: a file whose name and bytes were parsed before
    (with the same options and kit version) gives back the same articles and problems."""
    from .cache import NotKept, per_key_objects

    keyed: list[tuple[_Found, bytes | None, bytes | None, str | None]] = []
    for found in _progress(files, progress):
        if found.problem:
            keyed.append((found, None, None, None))
            continue
        try:
            data = found.path.read_bytes()
        except OSError as err:
            keyed.append((found, None, None, err.strerror or str(err)))
            continue
        # The bytes are not kept: a file not cached yet is read again to be parsed, so a
        # large corpus is never held twice.
        keyed.append((found, None, _file_key(data, found, root), None))
        del data
    readable = [k for k, item in enumerate(keyed) if item[2] is not None]

    def compute(missing: list[int]) -> list[Any]:
        out = []
        for i in missing:
            found, _, key, _ = keyed[readable[i]]
            file_log = _Problems()
            try:
                data = found.path.read_bytes()
            except OSError as err:
                data = None
                file_log.add(found.display, None, "unreadable file", err.strerror or str(err),
                             "skipped")
            parsed = _read_file(found, root, options, file_log, data=data) if data is not None \
                else []
            payload = ([(r.values, r.number, r.date_raw, r.printed_date, r.dateline_date,
                         r.words_key) for r in parsed],
                       [(p["record"], p["problem"], p["detail"], p["action"])
                        for p in file_log.rows])
            # A file that changed since it was hashed is parsed as it is now, but not
            # stored under the old hash.
            current = None if data is None else _file_key(data, found, root)
            out.append(payload if current == key else NotKept(payload))
            del data
        return out

    settings = {"year": options.year, "fields": options.fields, "lines": options.lines,
                "encoding": options.encoding}
    stored = per_key_objects(folder, "load", settings, [keyed[k][2] for k in readable], compute)
    by_position = dict(zip(readable, stored))
    rows: list[_Row] = []
    for k, (found, data, key, error) in enumerate(keyed):
        if found.problem:
            log.add(found.display, None, *found.problem)
        elif error is not None:
            log.add(found.display, None, "unreadable file", error, "skipped")
        else:
            parsed, problems_found = by_position[k]
            for record, problem, detail, action in problems_found:
                log.add(found.display, record, problem, detail, action)
            context = _FileContext(found.display, _relative(found, root), options, log)
            rows.extend(_Row(values, context, number, date_raw, printed, dateline, words)
                        for values, number, date_raw, printed, dateline, words in parsed)
    return rows


def _read_file(found: _Found, root: Path, options: _Options, log: _Problems, *,
               data: bytes | None = None) -> list[_Row]:
    if data is None:
        try:
            data = found.path.read_bytes()
        except OSError as err:
            log.add(found.display, None, "unreadable file", err.strerror or str(err), "skipped")
            return []
    try:
        decoded = decode(data, encoding=options.encoding)
    except NotText as err:
        log.add(found.display, None, err.problem, err.detail, "skipped")
        return []
    except LookupError:
        raise ValueError(
            f"encoding={options.encoding!r} is not an encoding Python knows; use a name "
            "such as 'utf-8', 'cp1251' or 'cp1252', or None to detect it."
        ) from None
    del data            # the decoded text is all that is needed from here on
    for problem, detail, action in decoded.notes:
        log.add(found.display, None, problem, detail, action)

    fmt = _FORMATS.get(found.path.suffix.lower(), "text")
    if fmt == "text" and options.lines:
        fmt = "lines"
    if fmt == "lines" and options.lines is False:
        fmt = "text"
    rel = _relative(found, root)
    context = _FileContext(found.display, rel, options, log)
    text = decoded.text
    if fmt == "lines":
        lines = ((n, {"text": line}) for n, line in enumerate(_lines(text), 1)
                 if line.strip())
        rows = [_article(n, rec, context, mapped=True) for n, rec in lines]
    elif fmt == "text":
        rows = [_article(None, {"text": text}, context, mapped=True, layout=True)]
    else:
        if fmt == "json":
            records = _json_records(text, context)
        elif fmt == "jsonl":
            records = _jsonl_records(text, context)
        else:
            records = _csv_records(text, context, tab=found.path.suffix.lower() == ".tsv")
        rows = [_article(number, record, context) for number, record in records]
    return [row for row in rows if row is not None]


@dataclass
class _FileContext:
    display: str
    rel: str
    options: _Options
    log: _Problems

    def add(self, record: int | None, problem: str, detail: str, action: str) -> None:
        self.log.add(self.display, record, problem, detail, action)


def _json_records(text: str, ctx: _FileContext) -> Iterator[tuple[int | None, Any]]:
    stripped = text.lstrip()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data" and stripped.startswith("{"):
            # JSON Lines saved with a .json name.
            yield from _jsonl_records(text, ctx)
            return
        if stripped.startswith("["):
            yield from _json_list_salvage(text, text.index("["), ctx, wrapped=False)
            return
        wrapper = re.search(rf'"(?:{"|".join(_RECORD_LIST_KEYS)})"\s*:\s*\[', text, re.IGNORECASE)
        if stripped.startswith("{") and wrapper:
            # {"status": "ok", "articles": [...]} with a broken record inside.
            yield from _json_list_salvage(text, wrapper.end() - 1, ctx, wrapped=True)
            return
        ctx.add(None, "invalid JSON", f"{_json_message(err)} at line {err.lineno} column "
                f"{err.colno}", "skipped")
        return
    if isinstance(data, dict):
        key = next((k for k in data if str(k).lower() in _RECORD_LIST_KEYS
                    and isinstance(data[k], list)), None)
        if key is None:
            yield None, data
            return
        data = data[key]
    if not isinstance(data, list):
        ctx.add(None, "no records", f"the JSON holds a {type(data).__name__}, not a list of "
                "articles", "skipped")
        return
    if not data:
        ctx.add(None, "no records", "the JSON list is empty", "skipped")
        return
    yield from enumerate(data, 1)


def _json_message(err: json.JSONDecodeError) -> str:
    """The parser's message without a dangling 'at' ('Unterminated string starting at')."""
    return err.msg.removesuffix(" at")


def _json_list_salvage(
    text: str, bracket: int, ctx: _FileContext, *, wrapped: bool
) -> Iterator[tuple[int, Any]]:
    """Read the records of a JSON list one by one, skipping over broken ones.

    After a broken record, reading resumes at the next object that starts a list item:
    in pretty-printed files, an object at the same indentation as the first record (so
    objects nested inside the broken record are not mistaken for records). Several lists
    one after another (``[...][...]``) are read in turn.
    """
    decoder = json.JSONDecoder()
    ws = re.compile(r"\s*")
    number = 0
    pos = bracket + 1
    while True:
        first = ws.match(text, pos).end()
        newline = text.rfind("\n", pos, first)
        indent = text[newline + 1 : first] if newline >= 0 else None
        pos = first
        while True:
            pos = ws.match(text, pos).end()
            if pos >= len(text):
                ctx.add(number + 1, "truncated JSON", "the file ends before the list is closed",
                        "skipped")
                return
            if text[pos] == "]":
                pos += 1
                break
            number += 1
            try:
                obj, end = decoder.raw_decode(text, pos)
            except json.JSONDecodeError as err:
                resume = _resync(text, max(err.pos, pos + 1), decoder, indent)
                where = f"{_json_message(err)} at line {err.lineno} column {err.colno}"
                if resume is None:
                    ctx.add(number, "invalid JSON", f"{where}; nothing readable after it",
                            "skipped")
                    return
                line = text.count("\n", 0, resume) + 1
                ctx.add(number, "invalid JSON", f"{where}; resumed at line {line}", "skipped")
                pos = resume
                continue
            yield number, obj
            pos = ws.match(text, end).end()
            if pos < len(text) and text[pos] == ",":
                pos += 1
            elif pos >= len(text):
                ctx.add(number + 1, "truncated JSON", "the file ends before the list is closed",
                        "skipped")
                return
        if wrapped:
            return
        pos = ws.match(text, pos).end()
        if pos >= len(text):
            return
        if text[pos] == "[":
            pos += 1
        else:
            ctx.add(None, "extra data", f"{len(text) - pos} character(s) after the end of the "
                    "JSON list were not read", "skipped")
            return


def _resync(text: str, start: int, decoder: json.JSONDecoder, indent: str | None) -> int | None:
    """Position of the next object after ``start`` that parses and ends a list item."""
    if indent is not None:
        pattern = re.compile("\n" + re.escape(indent) + r"(\{)")
    else:
        pattern = re.compile(r"[,\[]\s*(\{)")
    for match in pattern.finditer(text, start):
        candidate = match.start(1)
        try:
            obj, end = decoder.raw_decode(text, candidate)
        except json.JSONDecodeError:
            continue
        after = text[end:end + 200].lstrip()[:1]
        if isinstance(obj, dict) and after in (",", "]", ""):
            return candidate
    return None


def _lines(text: str) -> Iterator[str]:
    """``text.split("\\n")``, one line at a time (no second copy of a large file)."""
    start, size = 0, len(text)
    while start <= size:
        end = text.find("\n", start)
        if end < 0:
            end = size
        yield text[start:end]
        start = end + 1


def _jsonl_records(text: str, ctx: _FileContext) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as err:
            ctx.add(number, "invalid JSON line", f"{_json_message(err)} at column {err.colno}",
                    "skipped")


def _csv_records(text: str, ctx: _FileContext, *, tab: bool) -> Iterator[tuple[int, Any]]:
    csv.field_size_limit(2**31 - 1)
    if tab:
        delimiter = "\t"
    else:
        try:
            delimiter = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    # StringIO, not str.splitlines: line separators such as U+2028 inside a field are text.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as err:
        ctx.add(None, "invalid CSV", f"no header row ({err})", "skipped")
        return
    header = [h.strip() or f"column_{i + 1}" for i, h in enumerate(header)]
    seen: dict[str, int] = {}
    for i, name in enumerate(header):
        # A repeated column name would overwrite the first; number the repeats.
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            header[i] = f"{name}_{seen[name]}"
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            number += 1
            ctx.add(number, "invalid CSV row", str(err), "skipped")
            continue
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        if len(row) != len(header):
            extra = row[len(header):]
            detail = f"expected {len(header)} fields, got {len(row)}"
            if extra:
                detail += f"; extra values not kept: {extra!r:.200}"
            ctx.add(number, "wrong number of fields", detail, "kept partially")
            row = (row + [""] * len(header))[: len(header)]
        yield number, dict(zip(header, row))


# ---------------------------------------------------------------------------------------
# One record to one row
# ---------------------------------------------------------------------------------------


def _check_fields(fields: Mapping[str, str] | None) -> dict[str, str]:
    if fields is None:
        return {}
    if not isinstance(fields, Mapping):
        raise TypeError(f"fields={fields!r} must be a dict such as {{'text': 'body'}}.")
    for key, value in fields.items():
        check_choice("fields key", key, list(FIELD_ALIASES))
        if not isinstance(value, str):
            raise TypeError(f"fields[{key!r}]={value!r} must be the name of a record field (a str).")
    return dict(fields)


def _field_key(name: Any) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def _map_fields(record: dict, overrides: dict[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a record into the kit's fields and the rest (kept as extra columns)."""
    by_key = {}
    for name in record:
        by_key.setdefault(_field_key(name), name)
    mapped: dict[str, Any] = {}
    used = set()
    for column, aliases in FIELD_ALIASES.items():
        if column in overrides:
            candidates = [overrides[column]] if overrides[column] in record else []
        else:
            candidates = [by_key[a] for a in aliases if a in by_key]
        for name in candidates:
            if name not in used:
                mapped[column] = record[name]
                used.add(name)
                break
    extras = {}
    for name, value in record.items():
        if name in used:
            continue
        column = str(name)
        if column in ARTICLE_COLUMNS:
            column = f"record_{column}"
        extras[column] = value
    return mapped, extras


def _as_text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("text")
        return _as_text(value)
    if isinstance(value, (list, tuple)):
        parts = [t for t in (_as_text(v) for v in value) if t]
        return "\n\n".join(parts) if parts else None
    text = str(value).strip()
    return text or None


def _paragraphs(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [p for p in (_as_text(v) for v in value) if p]
    text = _as_text(value)
    if text is None:
        return []
    if re.search(r"\n[ \t]*\n", text):
        return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    return [p.strip() for p in text.split("\n") if p.strip()]


def _fix_surrogates(value: Any, found: list[int]) -> Any:
    """Replace lone surrogates (pandas' strings cannot hold them) with U+FFFD."""
    if isinstance(value, str):
        if _SURROGATE_RE.search(value):
            found.append(len(_SURROGATE_RE.findall(value)))
            return _SURROGATE_RE.sub("\ufffd", value)
        return value
    if isinstance(value, list):
        return [_fix_surrogates(v, found) for v in value]
    if isinstance(value, dict):
        return {_fix_surrogates(k, found): _fix_surrogates(v, found) for k, v in value.items()}
    return value


_TAG_RE = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?|!--.*?--)>", re.DOTALL)
_BLOCK_END_RE = re.compile(r"</(?:p|div|h[1-6]|li|blockquote|section|article|tr)\s*>|<br\s*/?>",
                           re.IGNORECASE)
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]{2,8});")
_TRUNCATED_RE = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")
# Invisible format characters that split words for the tokenizer and the actor matcher:
# soft hyphen, zero-width space, word joiner and friends, the zero-width no-break space
# (a BOM inside the text), and the bidirectional marks, embeddings, overrides and
# isolates. Zero-width (non-)joiners carry meaning in Persian, Indic scripts and emoji,
# so they are removed only between two ASCII characters, where they never do.
_INVISIBLE_HINT_RE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                                "\u2066-\u2069\ufeff]")
_INVISIBLE_RE = re.compile("[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
                           "\u2066-\u2069\ufeff]|(?<=[\x00-\x7f])[\u200c\u200d](?=[\x00-\x7f])")


def _mojibake_hint() -> re.Pattern:
    """Text that may be mojibake: a character that a UTF-8 lead byte becomes when read as
    Windows-1252, Latin-1 or Windows-1251, followed by what a continuation byte becomes;
    or a C1 control character. ftfy alone decides; this only spares it clean text (it
    reads about 7 MB/s, the pattern about 85 MB/s and :data:`_SUSPECT_RE`, a first look
    for the lead characters alone, about 400 MB/s)."""
    leads = {c for enc in ("cp1252", "latin-1", "cp1251")
             for c in bytes(range(0xC2, 0xF5)).decode(enc, "ignore")}
    follows = {c for enc in ("cp1252", "latin-1", "cp1251")
               for c in bytes(range(0x80, 0xC0)).decode(enc, "ignore")}
    return re.compile(f"[{re.escape(''.join(sorted(leads)))}][{re.escape(''.join(sorted(follows)))}]"
                      "|[\u00c2\u00c3] |[\u0080-\u009f]")


_MOJIBAKE_HINT_RE = _mojibake_hint()
# A first look, in one pass: any of those lead characters, or of the invisible ones.
# Simple ranges scan quickly; most English news (curly quotes and all) has none of them.
_SUSPECT_RE = re.compile("[\u0080-\u009f\u00c2-\u00f4\u0400-\u045f\u00ad\u061c\u200b-\u200f"
                         "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


@lru_cache(maxsize=1)
def _ftfy_config():
    """ftfy set to undo mojibake only: quotes, widths, ligatures and the rest stay as printed."""
    import ftfy

    return ftfy, ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_encoding=True,
        restore_byte_a0=True, replace_lossy_sequences=True, decode_inconsistent_utf8=True,
        fix_c1_controls=True, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
        remove_control_chars=False, normalization=None, explain=True,
    )


class _Repairs:
    """What :func:`_repair_text` did to one field, summed over its paragraphs."""

    def __init__(self) -> None:
        self.markup = False
        self.truncated: str | None = None
        self.mojibake: list[str] = []
        self.invisible: list[str] = []


def _repair_text(value: Any, number: int | None, ctx: "_FileContext", field: str) -> Any:
    """Repair scraped text: HTML tags and entities, API truncation markers, mojibake
    (with ftfy) and invisible format characters; one problems row per kind and field."""
    done = _Repairs()
    value = _repair_value(value, done)
    if done.markup:
        ctx.add(number, "HTML markup", f"removed tags and entities from {field}", "repaired")
    if done.truncated is not None:
        ctx.add(number, "truncated text", f"{field} ends with the marker "
                f"{done.truncated!r}: the source cut it short", "kept partially")
    if done.mojibake:
        ctx.add(number, "mojibake", f"{field} was UTF-8 decoded with the wrong encoding; "
                f"repaired with ftfy ({', '.join(done.mojibake)})", "repaired")
    if done.invisible:
        names = sorted({f"U+{ord(c):04X}" for c in done.invisible})
        ctx.add(number, "invisible characters",
                f"removed {len(done.invisible)} zero-width or bidirectional control "
                f"character(s) from {field} ({', '.join(names[:5])})", "repaired")
    return value


def _repair_value(value: Any, done: _Repairs) -> Any:
    if isinstance(value, (list, tuple)):
        return [_repair_value(v, done) for v in value]
    if not isinstance(value, str):
        return value
    text = value
    if _TAG_RE.search(text):
        import html

        text = _BLOCK_END_RE.sub("\n\n", text)
        text = html.unescape(_TAG_RE.sub("", text))
        done.markup = True
    elif _ENTITY_RE.search(text):
        import html

        text = html.unescape(text)
    # The marker ends the text: test that first, the regex alone tries every position.
    match = _TRUNCATED_RE.search(text) if text.rstrip().endswith("chars]") else None
    if match:
        if done.truncated is None:
            done.truncated = match.group().strip()
        text = text[: match.start()]
    if text.isascii() or not _SUSPECT_RE.search(text):
        return text
    if _MOJIBAKE_HINT_RE.search(text):
        ftfy, config = _ftfy_config()
        fixed, steps = ftfy.fix_and_explain(text, config)
        if fixed != text:
            for step in steps or []:
                name = f"{step.action} {step.parameter}"
                if name not in done.mojibake:
                    done.mojibake.append(name)
            text = fixed
    invisible = _INVISIBLE_RE.findall(text) if _INVISIBLE_HINT_RE.search(text) else None
    if invisible:
        done.invisible.extend(invisible)
        text = _INVISIBLE_RE.sub("", text)
    return text


def _article(
    number: int | None, record: Any, ctx: _FileContext, *, mapped: bool = False,
    layout: bool = False,
) -> _Row | None:
    if isinstance(record, str):
        record, mapped = {"text": record}, True
    if not isinstance(record, dict):
        ctx.add(number, "not a record", f"expected an object, got {type(record).__name__}",
                "skipped")
        return None
    repaired: list[int] = []
    record = _fix_surrogates(record, repaired)
    if repaired:
        ctx.add(number, "lone surrogates",
                f"replaced {sum(repaired)} lone surrogate code point(s) with U+FFFD", "repaired")
    if mapped:
        fields, extras = record, {}
    else:
        fields, extras = _map_fields(record, ctx.options.fields)

    title = _as_text(_repair_text(_as_text(fields.get("title")), number, ctx, "title"))
    lede = _as_text(_repair_text(_as_text(fields.get("lede")), number, ctx, "lede"))
    paragraphs = _paragraphs(_repair_text(fields.get("text"), number, ctx, "text"))
    if not layout and not paragraphs and not title and not lede:
        keys = ", ".join(map(str, list(record)[:8])) or "none"
        ctx.add(number, "no text", f"no title, lede or text field (fields: {keys}); pass "
                "fields={'text': ...} if the text is under another name", "skipped")
        return None
    story = wire.split_story(paragraphs, title=title, lede=lede)
    if not story.body and not layout:
        ctx.add(number, "no text", "the record has a title or lede but no body text",
                "kept partially")

    dateline = story.dateline
    agency = wire.canonical_agency(_as_text(fields.get("agency")))
    if agency is None and dateline is not None:
        agency = dateline.agency
    url = _as_text(fields.get("url"))
    if agency is None:
        agency = wire.agency_from_url(url)

    text = "\n\n".join(story.body)
    words = _WORD_RE.findall(text)
    suffix = "" if number is None else f"#{number}"
    values = {
        "doc_id": ctx.rel + suffix,
        "source": ctx.display + suffix,
        "agency": agency,
        "title": story.title,
        "lede": story.lede,
        "dateline": dateline.text if dateline else None,
        "place": dateline.place if dateline else None,
        "place_detail": dateline.place_detail if dateline else None,
        "date": None,
        "url": url,
        "text": text,
        "n_words": len(words),
        **({"byline": story.byline} if story.byline else {}),
    }
    values.update(extras)
    return _Row(values, ctx, number, fields.get("date"), story.printed_date,
                _dateline_date(dateline, ctx.options.year, ctx.display),
                _words_key(words))


def _words_key(words: list[str]) -> bytes | None:
    """A digest of the body's words alone, for finding near duplicates.

    It ignores everything but the words and their order: case, punctuation, spacing and
    line breaks, curly or straight apostrophes, and hyphens (``Post-Soviet`` and ``post
    Soviet`` are the same words). None for a body without words.
    """
    if not words:
        return None
    near = " ".join(words).lower().replace("\u2019", "'").replace("-", " ")
    return hashlib.blake2b(near.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _flag_duplicates(rows: list[_Row]) -> None:
    """A problems row for each article whose body repeats an earlier one's; all are kept."""
    exact: dict[str, _Row] = {}
    near: dict[bytes, _Row] = {}
    for row in rows:
        if row.words_key is None:
            continue
        first = exact.setdefault(row.values["text"], row)
        if first is not row:
            row.ctx.add(row.number, "duplicate",
                        f"same body text as {first.values['doc_id']}", "kept")
            continue
        first = near.setdefault(row.words_key, row)
        if first is not row:
            row.ctx.add(row.number, "near duplicate",
                        f"same words as {first.values['doc_id']}, differing only in case, "
                        "punctuation or spacing", "kept")


_PATH_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)


def _path_date(rel: str) -> tuple[pd.Timestamp | None, int | None]:
    """A date written in the file's path (``2025-03-27_story.txt``), or a year folder."""
    match = _PATH_DATE_RE.search(rel)
    if match:
        try:
            stamp = pd.Timestamp(year=int(match[1]), month=int(match[2]), day=int(match[3]))
            return stamp, stamp.year
        except ValueError:
            pass
    years = {part for part in rel.split("/")[:-1] if re.fullmatch(r"(?:19|20)\d\d", part)}
    return None, (int(years.pop()) if len(years) == 1 else None)


def _dateline_date(
    dateline: wire.Dateline | None, year: int | None, rel: str
) -> pd.Timestamp | None:
    """The dateline's month and day, with its own year, else ``year=``, else the path's."""
    path_stamp, path_year = _path_date(rel)
    if dateline is None or dateline.month is None or dateline.day is None:
        return path_stamp
    y = dateline.year or year or path_year
    if y is None:
        return None
    try:
        return pd.Timestamp(year=y, month=dateline.month, day=dateline.day)
    except ValueError:
        return None


# datetime64[ns] holds 1677-09-21 to 2262-04-11; news dates outside 1800-2200 are errors.
_EARLIEST = pd.Timestamp("1800-01-01")
_LATEST = pd.Timestamp("2200-12-31")
_COMPACT_RE = re.compile(r"^((?:1[89]|2\d)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
                         r"(?:(\d\d)(\d\d)(\d\d)?)?$")


def _in_range(stamp: pd.Timestamp | None) -> pd.Timestamp | None:
    if stamp is None or pd.isna(stamp) or not _EARLIEST <= stamp <= _LATEST:
        return None
    return stamp


def _parse_date(value: Any) -> tuple[pd.Timestamp | None, str | None]:
    """A timestamp (naive, UTC if the value had a zone), or a reason it is not one."""
    if value is None or (isinstance(value, float) and value != value):
        return None, None
    if isinstance(value, dict) and len(value) == 1:
        # {"$date": "..."} (MongoDB exports) and similar wrappers.
        return _parse_date(next(iter(value.values())))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _parse_date(str(int(value))) if float(value).is_integer() and \
            _COMPACT_RE.match(str(int(value))) else _epoch(value)
    text = _as_text(value)
    if text is None:
        return None, None
    compact = _COMPACT_RE.match(text)
    if compact:
        # 20241226 and GDELT's 20241226091500.
        y, m, d, hh, mm, ss = (int(g) if g else 0 for g in compact.groups())
        try:
            return pd.Timestamp(y, m, d, hh, mm, ss), None
        except ValueError:
            return None, f"{text!r} is not a valid date"
    if text.isdigit() and 9 <= len(text) <= 13:
        return _epoch(int(text))
    if not _YEAR_RE.search(text):
        return None, f"{text!r} has no year"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stamp = pd.to_datetime(text, utc=True)
    except (ValueError, OverflowError, TypeError, pd.errors.OutOfBoundsDatetime):
        stamp = pd.NaT
    if stamp is pd.NaT or pd.isna(stamp):
        printed = wire.parse_printed_date(text)
        if printed is None:
            return None, f"{text!r} is not a valid date"
        try:
            stamp = pd.Timestamp(printed)
        except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
            return None, f"{text!r} is outside the years 1800-2200"
    else:
        stamp = stamp.tz_convert(None)
    if _in_range(stamp) is None:
        return None, f"{text!r} is outside the years 1800-2200"
    return stamp, None


def _epoch(value: int | float) -> tuple[pd.Timestamp | None, str | None]:
    """Seconds (or, for large values, milliseconds) since 1970."""
    unit = "ms" if abs(value) > 1e11 else "s"
    try:
        stamp = pd.Timestamp(value, unit=unit)
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        stamp = None
    if _in_range(stamp) is None:
        return None, f"{value!r} is not a usable date or epoch time"
    return stamp, None


def _parse_dates(values: list[Any]) -> list[tuple[pd.Timestamp | None, str | None]]:
    """:func:`_parse_date` for many values: ISO 8601 strings in one vectorised pass."""
    strings = pd.Series([v if isinstance(v, str) and not _COMPACT_RE.match(v) else None
                         for v in values], dtype="object")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fast = pd.to_datetime(strings, format="ISO8601", utc=True, errors="coerce")
    fast = fast.dt.tz_convert(None)
    out = []
    for value, stamp in zip(values, fast):
        if not pd.isna(stamp) and _in_range(stamp) is not None:
            out.append((stamp, None))
        else:
            out.append(_parse_date(value))
    return out


def _to_frame(rows: list[_Row]) -> pd.DataFrame:
    dates = []
    parsed = _parse_dates([row.date_raw for row in rows])
    for row, (stamp, why) in zip(rows, parsed):
        if why is not None:
            row.ctx.add(row.number, "bad date", f"{why}; the date is left empty", "kept partially")
        if stamp is None and row.printed_date is not None:
            printed = wire.parse_printed_date(row.printed_date)
            stamp = _in_range(pd.Timestamp(printed)) if printed and \
                1800 <= printed.year <= 2200 else None
        if stamp is None:
            stamp = row.dateline_date
        dates.append(stamp)
    frame = pd.DataFrame([row.values for row in rows])
    extras = [c for c in frame.columns if c not in ARTICLE_COLUMNS]
    frame = frame[ARTICLE_COLUMNS + extras]
    frame["date"] = pd.to_datetime(pd.Series(dates, dtype="object"), errors="coerce") \
        .astype("datetime64[ns]").to_numpy()
    frame["n_words"] = frame["n_words"].astype("int64")
    for column in ARTICLE_COLUMNS:
        if column not in ("date", "n_words"):
            frame[column] = frame[column].astype("str")
    frame.index = pd.Index(frame["doc_id"].to_numpy(), name=None)
    return frame
