"""Reading records out of one file: JSON, JSON Lines, CSV / TSV, lines, and Parquet and
Feather / Arrow tables (from the bytes).

Each reader yields ``(record number, record)`` and notes what it could not read in the
file's problems log (broken JSON is salvaged record by record; see
:func:`_json_list_salvage`). Plain text files are one article each and need no reader;
web pages are read by :mod:`.pages`, NITF and NewsML-G2 by :mod:`.newsml`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .load import _FileContext

_RECORD_LIST_KEYS = ("articles", "data", "items", "results", "records", "docs", "documents",
                     "news", "entries", "hits", "rows", "stories")
_FORMATS = {
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv",
    ".cor": "lines", ".txt": "text", ".text": "text", ".md": "text", "": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".xml": "xml", ".nitf": "xml",
    ".parquet": "parquet", ".feather": "feather", ".arrow": "feather",
}
# Formats read from the bytes, not decoded to text first.
_BINARY_FORMATS = frozenset({"parquet", "feather"})
# Rows of a table turned into records at a time.
_TABLE_BATCH = 2048
# Compressed single files (decided by the suffix inside: ``corpus.jsonl.gz``) and archives,
# read by :mod:`.archives`.
_COMPRESSED = {".gz": "gz", ".bz2": "bz2", ".xz": "xz"}
_ARCHIVES = {".zip": "zip", ".tar": "tar", ".tgz": "tar.gz", ".tbz2": "tar.bz2",
             ".tbz": "tar.bz2", ".txz": "tar.xz"}


def _kind(name: str) -> tuple[str | None, str]:
    """``(container, suffix)`` of a file name: ``(None, ".jsonl")``, ``("gz", ".jsonl")``
    for ``corpus.jsonl.gz``, ``("gz", "")`` for ``x.gz``, ``("zip", "")``, ``("tar.gz", "")``
    for ``x.tar.gz`` and ``x.tgz``. ``suffix`` is lower-case, as ``pathlib`` splits it."""
    lower = name.lower()
    suffix = _suffix(lower)
    if suffix in _ARCHIVES:
        return _ARCHIVES[suffix], ""
    if suffix in _COMPRESSED:
        inner = _suffix(lower[: -len(suffix)])
        if inner == ".tar":
            return "tar." + _COMPRESSED[suffix], ""
        return _COMPRESSED[suffix], inner
    return None, suffix


def _suffix(name: str) -> str:
    """``PurePosixPath(name).suffix``, faster: not for ``.bashrc`` nor ``name.``."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 and "/" not in name[dot:] \
        and name[dot - 1] != "/" else ""


# JSON a parser cannot take whole. Python's parser recurses once per level of nesting and
# stops near its recursion limit (about 1,000 levels; no article nests more than a few
# dozen); it reads integers of at most ``sys.get_int_max_str_digits()`` digits (4,300),
# so a longer one is kept as its digits, as text.
_TOO_DEEP = ("JSON nested too deeply", "more levels of nesting than the JSON parser takes "
             "(about 1,000); not read", "skipped")


def _long_number_decoder(found: list[int]) -> json.JSONDecoder:
    """A decoder that keeps an integer too long for ``int()`` as its digits (a ``str``),
    noting each one's length in ``found``."""
    def parse_int(digits: str) -> int | str:
        try:
            return int(digits)
        except ValueError:
            found.append(len(digits.lstrip("-")))
            return digits
    return json.JSONDecoder(parse_int=parse_int)


def _long_numbers(ctx: _FileContext, record: int | None, found: list[int]) -> None:
    if found:
        ctx.add(record, "long number", f"{len(found)} number(s) of up to {max(found):,} digits, "
                "more than Python reads as an integer, kept as text", "repaired")


def _is_digit_limit(err: ValueError) -> bool:
    return not isinstance(err, json.JSONDecodeError) and "integer string conversion" in str(err)


def _loads(text: str, ctx: _FileContext, record: int | None) -> Any:
    """``json.loads``, keeping integers too long for Python as text (with a row)."""
    try:
        return json.loads(text)
    except ValueError as err:
        if not _is_digit_limit(err):
            raise
    found: list[int] = []
    value = _long_number_decoder(found).decode(text)
    _long_numbers(ctx, record, found)
    return value


def _json_records(text: str, ctx: _FileContext) -> Iterator[tuple[int | None, Any]]:
    stripped = text.lstrip()
    try:
        data = _loads(text, ctx, None)
    except (json.JSONDecodeError, RecursionError) as err:
        deep = isinstance(err, RecursionError)
        if not deep and err.msg == "Extra data" and stripped.startswith("{"):
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
        if deep:
            ctx.add(None, *_TOO_DEEP)
        else:
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
                obj, end = _raw_decode(decoder, text, pos, ctx, number)
            except RecursionError:
                end = _value_end(text, pos)
                if end is None:
                    ctx.add(number, _TOO_DEEP[0], f"{_TOO_DEEP[1]}, and the file ends before "
                            "it closes", "skipped")
                    return
                ctx.add(number, *_TOO_DEEP)
                pos = ws.match(text, end).end()
                if pos < len(text) and text[pos] == ",":
                    pos += 1
                continue
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


def _raw_decode(decoder: json.JSONDecoder, text: str, pos: int, ctx: _FileContext,
                number: int) -> tuple[Any, int]:
    """``decoder.raw_decode(text, pos)``, keeping integers too long for Python as text."""
    try:
        return decoder.raw_decode(text, pos)
    except ValueError as err:
        if not _is_digit_limit(err):
            raise
    found: list[int] = []
    value = _long_number_decoder(found).raw_decode(text, pos)
    _long_numbers(ctx, number, found)
    return value


_JSON_SYNTAX = re.compile(r'[\[\]{}"]')
_JSON_STRING_END = re.compile(r'(?:[^"\\]|\\.)*+"', re.DOTALL)


def _value_end(text: str, pos: int) -> int | None:
    """Where the JSON array or object opening at ``pos`` closes (None if it never does),
    found without recursion: brackets are counted outside strings, in one pass."""
    depth = 0
    at = pos
    while True:
        m = _JSON_SYNTAX.search(text, at)
        if m is None:
            return None
        c = m.group()
        if c == '"':
            close = _JSON_STRING_END.match(text, m.end())
            if close is None:
                return None
            at = close.end()
            continue
        depth += 1 if c in "[{" else -1
        at = m.end()
        if depth <= 0:
            return at


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
        except (ValueError, RecursionError):
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
            record = _loads(line, ctx, number)
        except RecursionError:
            ctx.add(number, *_TOO_DEEP)
            continue
        except json.JSONDecodeError as err:
            ctx.add(number, "invalid JSON line", f"{_json_message(err)} at column {err.colno}",
                    "skipped")
            continue
        yield number, record


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
    header = _numbered([h.strip() or f"column_{i + 1}" for i, h in enumerate(header)])
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


def _numbered(names: list[str]) -> list[str]:
    """Column names with repeats numbered (``text, text_2``): a repeated name would
    otherwise overwrite the first column's values."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return out


def _table_records(data: bytes, ctx: _FileContext, *, fmt: str) -> Iterator[tuple[int, Any]]:
    """The rows of a Parquet or Feather / Arrow IPC table (file or stream format), read
    from its bytes with pyarrow, as records numbered from 1 like CSV rows. Cells keep
    their values: lists (paragraphs of a text column) stay lists."""
    import pyarrow as pa

    try:
        table = _read_table(pa.BufferReader(data), fmt)
    except (pa.ArrowException, OSError, ValueError) as err:
        what = "Parquet" if fmt == "parquet" else "Feather / Arrow"
        ctx.add(None, f"invalid {what} file", f"{err}"[:300], "skipped")
        return
    names = table.column_names
    if len(set(names)) != len(names):
        table = table.rename_columns(_numbered(names))
    if table.num_rows == 0:
        ctx.add(None, "no records", "the table has no rows", "skipped")
        return
    number = 0
    for batch in table.to_batches(max_chunksize=_TABLE_BATCH):
        for record in batch.to_pylist():
            number += 1
            yield number, record


def _read_table(source: Any, fmt: str) -> Any:
    import pyarrow as pa

    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.read_table(source)
    import pyarrow.feather as feather

    try:
        return feather.read_table(source)
    except pa.ArrowInvalid:
        # An Arrow IPC stream (not the file format) saved as .arrow.
        source.seek(0)
        return pa.ipc.open_stream(source).read_all()
