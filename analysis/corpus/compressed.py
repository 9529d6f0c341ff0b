"""Compressed files: their bytes decompressed in memory, within limits.

A ``.gz``, ``.bz2`` or ``.xz`` file is decompressed (:func:`_decompress`) and read as the
format its inner suffix names (``corpus.jsonl.gz`` is JSON Lines, a bare ``x.gz`` text);
:mod:`.archives` reads archive members through the same limits.

Decompression bombs are stopped while reading, in chunks of :data:`_CHUNK` bytes, never
from what a header says: a file or member is a ``too large`` row once it passes
:data:`_LIMIT` bytes decompressed (1 GB), and a ``decompression bomb`` row once it passes
:data:`_RATIO_FLOOR` decompressed (10 MB) at more than :data:`_RATIO` (100) times the
compressed bytes it came from. Those compressed bytes are, for a zip member, its
compressed size (``compress_size``, at most the archive's length: a member can read no
more); for a ``.gz``/``.bz2``/``.xz`` file and for a compressed tar (one stream for all its
members), the compressed bytes read so far (a little more than the decompressor used: it
reads ahead, 8 to 128 KB). So a compressed tar is measured as a whole: the member being
read when its stream passes the limit is the row and the members after it are not read
(skipping them would mean decompressing the bomb); past the last member, or while
skipping a member the loader does not read, the row is the archive's. Everything an
archive holds (its members, nested archives, compressed members) is also measured
together against the archive's length, once past :data:`_TOTAL_FLOOR` (100 MB): many
bombs each stopped at 10 MB, or zip members sharing their compressed bytes, stop there;
the member being read is the row and the rest are not read. Reading a file thus
decompresses at most about 100 times its size, or 10 MB if that is more (100 MB for an
archive).
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import IO

from .formats import _kind

_LIMIT = 2**30                # bytes, decompressed, per file or member
_RATIO = 100                  # decompressed bytes per compressed byte, at most, once ...
_RATIO_FLOOR = 10 * 2**20     # ... more than this many bytes were decompressed
_TOTAL_FLOOR = 100 * 2**20    # the same ratio for all an archive holds, past this many
_CHUNK = 1 << 20
_OPENERS: dict[str, Callable[[IO[bytes]], IO[bytes]]] = {
    "gz": lambda raw: gzip.GzipFile(fileobj=raw, mode="rb"), "bz2": bz2.BZ2File,
    "xz": lzma.LZMAFile}
_NAMES = {"gz": "gzip", "bz2": "bzip2", "xz": "xz", "zip": "zip", "tar": "tar",
          "tar.gz": "gzipped tar", "tar.bz2": "bzip2 tar", "tar.xz": "xz tar"}
_CORRUPT = (OSError, EOFError, zlib.error, lzma.LZMAError, zipfile.BadZipFile,
            tarfile.TarError, NotImplementedError, RuntimeError, ValueError)

Problem = tuple[str, str, str]


def _basename(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def _truncated(err: BaseException) -> bool:
    return isinstance(err, EOFError) or "unexpected end of data" in str(err)


def _describe(err: BaseException) -> str:
    text = str(err) or type(err).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _size(n: int) -> str:
    """``1 GB``, ``10 MB``, ``1,000 bytes``."""
    for unit, size in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n:,} bytes"


# ---------------------------------------------------------------------------------------
# Limits: counted while decompressing
# ---------------------------------------------------------------------------------------


class _Bomb(Exception):
    """A :class:`_Meter` passed the ratio limit (not a :data:`_CORRUPT` error: nothing
    catches it by accident)."""

    def __init__(self, meter: _Meter) -> None:
        super().__init__(meter.detail)
        self.meter = meter


class _Meter:
    """Decompressed bytes counted against the compressed bytes they came from
    (``compressed()``, asked when needed); past ``floor`` (:data:`_RATIO_FLOOR`) and
    :data:`_RATIO` times those, :meth:`count` raises :class:`_Bomb` (and keeps raising).
    ``what`` decompresses (``the archive's contents``), against ``of`` (``the archive's
    size``); ``then``, what is not read."""

    def __init__(self, compressed: Callable[[], int], what: str, of: str, then: str,
                 floor: int | None = None) -> None:
        self.compressed, self.then = compressed, then
        self.floor = _RATIO_FLOOR if floor is None else floor
        self.claim = f"{what} to over {_size(self.floor)}, more than {_RATIO} times {of}"
        self.out, self.tripped = 0, False

    @property
    def detail(self) -> str:
        """``decompresses to over 10 MB, more than 100 times its compressed size; not
        read``."""
        return f"{self.claim}; {self.then}"

    def count(self, n: int) -> None:
        self.out += n
        if self.tripped or (self.out > self.floor and self.out > _RATIO * self.compressed()):
            self.tripped = True
            raise _Bomb(self)

    @property
    def problem(self) -> Problem:
        return ("decompression bomb", self.detail, "skipped")


class _Guard:
    """A (decompressing) stream whose every chunk read is counted by its meters."""

    def __init__(self, stream: IO[bytes], *meters: _Meter) -> None:
        self.stream, self.meters = stream, meters

    def read1(self, size: int = -1) -> bytes:
        return self._counted(self.stream.read1(size))

    def read(self, size: int = -1) -> bytes:
        return self._counted(self.stream.read(size))

    def _counted(self, chunk: bytes) -> bytes:
        for meter in self.meters:
            meter.count(len(chunk))
        return chunk


# Everything decompressed inside the archive being read (its members, nested archives, and
# compressed members, which the loader's ``read`` decompresses through :func:`_unwrap`),
# against the archive's length, past :data:`_TOTAL_FLOOR`: set by :func:`_read_archive`
# while it reads. Each bomb costs up to :data:`_RATIO_FLOOR` before it is stopped; this
# keeps many of them (or members that overlap) from costing more than that in all.
_BUDGET: ContextVar[_Meter | None] = ContextVar("_BUDGET", default=None)
_REST = "this member and any after it were not read"


@contextmanager
def _archive_budget(size: int) -> Iterator[_Meter]:
    """While an archive of ``size`` bytes is read: the budget of all it decompresses."""
    budget = _Meter(lambda: size, "the archive's contents decompress", "the archive's size",
                    _REST, floor=_TOTAL_FLOOR)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def _guarded(stream: IO[bytes], *meters: _Meter) -> _Guard:
    """``stream`` counted by ``meters`` and, inside an archive, by its budget."""
    budget = _BUDGET.get()
    # The budget first: it counts every chunk, even the one another meter stops at.
    return _Guard(stream, *(() if budget is None else (budget,)), *meters)


def _spent() -> bool:
    """Whether the budget of the archive being read is spent: read no further."""
    budget = _BUDGET.get()
    return budget is not None and budget.tripped


def _read_limited(stream: IO[bytes]) -> tuple[bytes, BaseException | None, Problem | None]:
    """``(bytes read, the error that stopped reading, the limit passed)``, reading in
    chunks: past :data:`_LIMIT` bytes, or a meter of the stream passing the ratio limit,
    nothing is kept."""
    chunks: list[bytes] = []
    total = 0
    # read1: each call returns what one step decompressed, so a cut loses nothing before it.
    read = getattr(stream, "read1", stream.read)
    try:
        while True:
            chunk = read(_CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > _LIMIT:
                return b"", None, _too_large()
            chunks.append(chunk)
    except _Bomb as bomb:
        return b"", None, bomb.meter.problem
    except _CORRUPT as err:
        return b"".join(chunks), err, None
    return b"".join(chunks), None, None


def _drain(stream: IO[bytes]) -> BaseException | None:
    """Read a stream to its end, keeping nothing: the error that stopped it, if any (a
    :class:`_Bomb` is raised)."""
    try:
        while stream.read(_CHUNK):
            pass
    except _CORRUPT as err:
        return err
    return None


def _too_large() -> Problem:
    return ("too large", f"more than {_size(_LIMIT)} once decompressed; not read", "skipped")


def _unwrap(data: bytes, name: str) -> tuple[bytes | None, str, Problem | None]:
    """``(bytes, format suffix, problem)`` of a file named ``name``: decompressed for
    ``.gz``, ``.bz2`` and ``.xz`` (bytes None when nothing is usable)."""
    container, suffix = _kind(_basename(name))
    if container is None:
        return data, suffix, None
    out, problem = _decompress(data, container)
    return out, suffix, problem


def _decompress(data: bytes, container: str) -> tuple[bytes | None, Problem | None]:
    """A compressed file's bytes (None when nothing is usable) and at most one problem:
    a file cut short keeps what was decompressed before the cut (``kept partially``);
    one past :data:`_LIMIT` or the ratio limit (against the compressed bytes read so
    far) is not read."""
    raw = io.BytesIO(data)
    meter = _Meter(raw.tell, "decompresses", "its compressed size", "not read")
    out, err, limit = _read_limited(_guarded(_OPENERS[container](raw), meter))
    if limit is not None:
        return None, limit
    if err is None:
        return out, None
    what = _NAMES[container]
    if _truncated(err):
        problem = ("truncated compressed file", f"the {what} data is cut short; "
                   f"{len(out):,} byte(s) decompressed before the cut")
        return (out, (*problem, "kept partially")) if out.strip() else \
            (None, (*problem, "skipped"))
    return None, ("corrupt compressed file", f"not valid {what} data ({_describe(err)})",
                  "skipped")




class _Salvage(io.RawIOBase):
    """A decompressing stream that, on an error, first hands over what it decompressed
    before it (tarfile reads 10 KB at a time), then raises it."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream, self.error = stream, None

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            raise self.error
        chunks, total = [], 0
        while size < 0 or total < size:
            try:
                chunk = self.stream.read1(_CHUNK if size < 0 else size - total)
            except _CORRUPT as err:
                self.error = err
                break
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if not chunks and self.error is not None:
            raise self.error
        return b"".join(chunks)
