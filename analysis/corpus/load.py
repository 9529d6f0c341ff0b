"""Load a news corpus into one tidy articles table, with an account of what went wrong.

The public entry points are :func:`load_corpus` and :func:`problems` (and
:func:`problem_counts`). Loading finds the files (:mod:`.files`), parses each one
through the cache when it is on (:func:`analysis._run.per_item`): its bytes decoded
(:mod:`.decode`), its records read (:mod:`.formats`, :mod:`.pages`, :mod:`.newsml`)
and made rows (:mod:`.records`),
then flags duplicates, finishes the dates and builds the table. Every problem met is a
row of the problems log kept here.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from .._run import frame_attrs, paused_gc, per_item, to_engine
from .._validate import check_choice, check_int
from ..errors import CorpusError, CorpusWarning, NotText
from ..types import CHOICES, CacheOption, EngineOption, ErrorsOption
from .archives import _is_archive, _member_label, _parts, _read_archive
from .compressed import _unwrap
from .decode import decode
from .files import _describe, _file_key, _find_files, _Found, _hash_file, _progress, _relative
from .formats import (_BINARY_FORMATS, _FORMATS, _csv_records, _json_records,
                      _jsonl_records, _lines, _table_records)
from .newsml import _xml_records
from .pages import _page_records
from .records import _article, _check_fields, _flag_duplicates, _Row, _to_frame

__all__ = ["load_corpus", "problems", "problem_counts", "PROBLEM_COLUMNS"]

PROBLEM_COLUMNS = ["source", "record", "problem", "detail", "action"]


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
        ``.jsonl``/``.ndjson``, ``.csv``/``.tsv``, ``.cor`` (one article per line), web
        pages (``.html``, ``.htm``, ``.xhtml``: the main text, title, date, site name and
        address, read offline; see :mod:`analysis.corpus.pages`), news agency XML
        (``.xml``, ``.nitf``: NITF, and NewsML-G2 messages and items, one article per item;
        see :mod:`analysis.corpus.newsml`) and tables (``.parquet``, ``.feather``,
        ``.arrow``: one article per row, columns mapped like CSV's); any of these compressed
        (``.gz``, ``.bz2``, ``.xz``: ``corpus.jsonl.gz``), and archives
        (``.zip``, ``.tar``, ``.tar.gz``/``.tgz``, ``.tar.bz2``, ``.tar.xz``) read member by
        member in memory, each member labelled ``<archive>/<member>`` in ``doc_id`` and
        ``source`` (``exports/batch.zip/2024/a.txt``; see :mod:`analysis.corpus.archives`).
    year
        Year for datelines that print none (TASS: ``ASTANA, May 20. /TASS/.``) when the
        record has no date of its own. Without it such articles get ``date`` NaT.
    fields
        Which record field holds which column, overriding the automatic mapping, e.g.
        ``{"title": "hed", "text": "story_html", "date": "pubDate"}``. Keys: ``title``,
        ``lede``, ``text``, ``date``, ``url``, ``agency``, ``outlet``. Without it, fields
        are taken by their exact names (:data:`~analysis.corpus.FIELD_ALIASES`), then by
        name patterns (``story_permalink`` is the url, ``pub_datetime`` the date; see
        :data:`~analysis.corpus.NAME_PATTERNS`), then a field of web addresses is the
        url; each guess is a ``mapped`` row of :func:`problems` and named in the warning.
        ``fields`` applies to JSON, CSV and table records; web pages and XML name their
        own fields.
    lines
        Read text files as one article per line. Default: only ``.cor`` files.
    encoding
        Force an encoding (e.g. ``"cp1251"``) instead of detecting it.
    errors
        ``"warn"`` (default): problems become rows of :func:`problems` and one warning
        line; ``"raise"``: raise :class:`~analysis.CorpusError` listing them; ``"ignore"``: no
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
        Keep what each file parsed into and reuse it while the file's bytes, its name and
        these options stay the same; see :data:`analysis.types.CacheOption`. Files are
        still read (to hash them); the table and the problems are identical either way.

    Returns
    -------
    pandas.DataFrame
        One row per article, indexed by ``doc_id``, with these columns first:

        ============= ==========================================================
        doc_id        stable id: path relative to the corpus root, plus ``#N``
                      (the record number) for files holding several articles
        source        the file as found from ``source``, plus ``#N`` for records
        agency        credited wire (TASS, Reuters, AP, AFP, Xinhua, ...): the
                      record's own field, else the dateline's credit, else the
                      outlet when it is a wire agency itself
        outlet        the publisher (BBC, Al Jazeera, TASS, or a site's domain):
                      the record's own field (outlet, source, publisher, site,
                      domain, media...), else the URL's registered domain named
                      from ``analysis/data/outlets.csv``, else the agency (wire
                      copy with no address); never empty when there is a URL
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

        Other fields of JSON, CSV and table records follow as extra columns (a field whose
        name clashes with a column above gets the prefix ``record_``), as does the
        ``byline`` of web pages and XML. Missing values are NaN.
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
    options = _Options(year=year, fields=fields, lines=lines, encoding=encoding)
    payloads = _parse_files(files, root, options, progress, cache)
    rows = _collect(files, payloads, root, options, log)
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
            f"{len(log.rows)} problem(s) while loading {_describe(source)} ({log.summary()})"
            f"{log.guesses()}; see analysis.problems(docs).",
            CorpusWarning,
            stacklevel=3,
        )
    return to_engine(docs, engine)


def problems(docs: pd.DataFrame) -> pd.DataFrame:
    """The problems met while loading ``docs``, one row each.

    Columns: ``source`` (the file's path), ``record`` (record number within the file, or
    missing), ``problem`` (short name), ``detail`` (what exactly), ``action`` (``skipped``,
    ``kept partially``, ``repaired``, ``kept`` for an article flagged as a duplicate or
    near duplicate of the earlier one its detail names, or ``mapped`` for a record field
    taken for a column by its name or values, ``url <- story_permalink``, once per
    file). Empty when everything was read cleanly. Frames built by concatenating loaded corpora keep the problems of the first
    one (pandas' rule for ``attrs``).

    >>> problems(load_corpus("data/sample"))            # doctest: +SKIP
    """
    # A Dask frame from load_corpus(engine="dask") keeps them on its empty pandas model.
    attrs = frame_attrs(docs)
    if attrs is None:
        raise TypeError(
            f"docs must be the DataFrame returned by analysis.load_corpus, got {type(docs).__name__}."
        )
    records = attrs.get("problems", [])
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


@dataclass(frozen=True)
class _Options:
    year: int | None
    fields: dict[str, str]
    lines: bool | None
    encoding: str | None


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

    def guesses(self) -> str:
        """``"; fields guessed: url <- story_permalink"``: each guessed mapping once."""
        found = dict.fromkeys(row["detail"].split(" (", 1)[0] for row in self.rows
                              if row["action"] == "mapped")
        return f"; fields guessed: {', '.join(found)}" if found else ""


@dataclass
class _FileContext:
    display: str
    rel: str
    options: _Options
    log: _Problems
    plans: dict = field(default_factory=dict)     # record field names -> (plan, fields used)
    # Records of a reader that parsed the markup and names the kit's fields (web pages,
    # XML): no field guessing, no markup repair.
    parsed: bool = False

    def add(self, record: int | None, problem: str, detail: str, action: str) -> None:
        self.log.add(self.display, record, problem, detail, action)



# ---------------------------------------------------------------------------------------
# Reading the files
# ---------------------------------------------------------------------------------------


def _parse_files(files: list[_Found], root: Path, options: _Options, progress: bool | None,
                 cache: CacheOption) -> list[Any]:
    """What each file parsed into (see :func:`_parse_file`), through the cache when it is
    on: a file whose name and bytes were parsed before (with the same options and kit
    version) gives back the same articles and problems."""
    settings = {"year": options.year, "fields": options.fields, "lines": options.lines,
                "encoding": options.encoding}
    hashed: list[bytes | None] = []

    def keys() -> list[bytes | None]:
        for found in _progress(files, progress):
            hashed.append(None if found.problem else _hash_file(found, root))
        return hashed

    def compute(indices: list[int]) -> list[Any]:
        chosen = [files[i] for i in indices]
        # The progress bar follows the pass that reads every file: hashing, when the
        # files were hashed, else parsing.
        shown = chosen if hashed else _progress(chosen, progress)
        return [_parse_file(found, root, options, hashed[i] if hashed else None)
                for i, found in zip(indices, shown)]

    return per_item(len(files), compute, cache=cache, kind="load", options=settings,
                    keys=keys)


def _parse_file(found: _Found, root: Path, options: _Options, key: bytes | None) -> Any:
    """One file's payload: its rows (values, record number, raw date, printed date,
    dateline date, words key) and its problems (record, problem, detail, action); for an
    archive, its members' ``(name, rows, problems)`` as a third item.

    With ``key`` (the file was hashed for the cache), a file whose bytes no longer match
    it (it changed since it was hashed) is parsed as it is now, but wrapped in
    :class:`analysis.cache.NotKept` so that it is not stored under the old hash.
    """
    file_log, parsed = _Problems(), ([], [])
    if found.problem:
        file_log.add(found.display, None, *found.problem)
    elif key is None:
        parsed = _read_file(found, root, options, file_log)
    else:
        try:
            data = found.path.read_bytes()
        except OSError as err:
            data = None
            file_log.add(found.display, None, "unreadable file", err.strerror or str(err),
                         "skipped")
        if data is not None:
            parsed = _read_file(found, root, options, file_log, data=data)
    payload = _packed(parsed[0], file_log) + ((parsed[1],) if parsed[1] else ())
    if key is None:
        return payload
    from ..cache import NotKept

    current = None if data is None else _file_key(data, found, root)
    return payload if current == key else NotKept(payload)


def _packed(rows: list[_Row], log: _Problems) -> tuple[list, list]:
    """Rows and problems as plain values (what the cache keeps)."""
    return ([(r.values, r.number, r.date_raw, r.printed_date, r.dateline_date, r.words_key)
             for r in rows], [(p["record"], p["problem"], p["detail"], p["action"])
                              for p in log.rows])


def _collect(files: list[_Found], payloads: list[Any], root: Path, options: _Options,
             log: _Problems) -> list[_Row]:
    """The files' problems into ``log`` and their rows, file by file."""
    rows: list[_Row] = []
    for found, payload in zip(files, payloads):
        for display, rel, parsed, problems_found in _parts(found.display,
                                                           _relative(found, root), payload):
            for record, problem, detail, action in problems_found:
                log.add(display, record, problem, detail, action)
            if parsed:
                context = _FileContext(display, rel, options, log)
                rows.extend(_Row(values, context, number, date_raw, printed, dateline, words)
                            for values, number, date_raw, printed, dateline, words in parsed)
    return rows


def _read_file(found: _Found, root: Path, options: _Options, log: _Problems, *,
               data: bytes | None = None) -> tuple[list[_Row], list]:
    """The file's rows, and an archive's members (see :func:`.archives._read_archive`)."""
    if data is None:
        try:
            data = found.path.read_bytes()
        except OSError as err:
            log.add(found.display, None, "unreadable file", err.strerror or str(err), "skipped")
            return [], []
    rel = _relative(found, root)
    if not _is_archive(found.path.name):
        box = [data]
        del data        # _read_bytes frees the bytes once decoded
        return _read_bytes(box, found.path.name, _FileContext(found.display, rel, options,
                                                              log)), []

    def member(name: str, content: bytes) -> tuple[list, list]:
        member_log = _Problems()
        context = _FileContext(_member_label(found.display, name), _member_label(rel, name),
                               options, member_log)
        return _packed(_read_bytes([content], name, context), member_log)

    return [], _read_archive(data, found.path.name, member, partial(log.add, found.display, None))


def _read_bytes(box: list[bytes], name: str, context: _FileContext) -> list[_Row]:
    """The rows of one file's (or member's) bytes, handed over in a list it empties;
    ``name`` gives the format."""
    data, suffix, note = _unwrap(box.pop(), name)
    if note is not None:
        context.add(None, *note)
    if data is None:
        return []
    options = context.options
    fmt = _FORMATS.get(suffix, "text")
    if fmt in _BINARY_FORMATS:
        rows = [_article(n, rec, context) for n, rec in _table_records(data, context, fmt=fmt)]
        return [row for row in rows if row is not None]
    try:
        decoded = decode(data, encoding=options.encoding)
    except NotText as err:
        context.add(None, err.problem, err.detail, "skipped")
        return []
    except LookupError:
        raise ValueError(
            f"encoding={options.encoding!r} is not an encoding Python knows; use a name "
            "such as 'utf-8', 'cp1251' or 'cp1252', or None to detect it."
        ) from None
    del data            # the decoded text is all that is needed from here on
    for problem, detail, action in decoded.notes:
        context.add(None, problem, detail, action)

    if fmt == "text" and options.lines:
        fmt = "lines"
    if fmt == "lines" and options.lines is False:
        fmt = "text"
    text = decoded.text
    if fmt == "lines":
        lines = ((n, {"text": line}) for n, line in enumerate(_lines(text), 1)
                 if line.strip())
        rows = [_article(n, rec, context, mapped=True) for n, rec in lines]
    elif fmt == "text":
        rows = [_article(None, {"text": text}, context, mapped=True, layout=True)]
    elif fmt in ("html", "xml"):
        # Their records name the kit's fields: fields= (for JSON and CSV) does not apply.
        own = replace(context, options=replace(options, fields={}), parsed=True)
        reader = _page_records if fmt == "html" else _xml_records
        records = reader(text, context)
        rows = [_article(number, record, own) for number, record in records]
    else:
        if fmt == "json":
            records = _json_records(text, context)
        elif fmt == "jsonl":
            records = _jsonl_records(text, context)
        else:
            records = _csv_records(text, context, tab=suffix == ".tsv")
        rows = [_article(number, record, context) for number, record in records]
    return [row for row in rows if row is not None]
