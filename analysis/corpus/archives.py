"""Compressed files and archives: their bytes, in memory, one file or member at a time.

A ``.gz``, ``.bz2`` or ``.xz`` file is decompressed (:func:`_decompress`) and read as the
format its inner suffix names (``corpus.jsonl.gz`` is JSON Lines, a bare ``x.gz`` text).
A ``.zip``, ``.tar``, ``.tar.gz``/``.tgz``, ``.tar.bz2`` or ``.tar.xz`` is read member by
member (:func:`_read_archive`): every regular member whose name the loader reads in a
folder (compressed members too), in the order of the member names. A member is labelled
by the archive's path, a slash, and its name as stored (:func:`_member_label`):
``exports/batch.zip/2024/a.txt`` for ``source``, ``batch.zip/2024/a.txt`` for ``doc_id``.

Nothing is ever written to disk: member names (absolute, with ``..``, drive letters or
backslashes) are labels only. Hidden members (a path part starting with ``.``, or
``__MACOSX``) and directories are skipped silently, like hidden files and folders in a
folder; links, devices and other non-regular members, members over :data:`_LIMIT` bytes
once decompressed (counted while reading, whatever the header says), nested archives
and corrupt or cut-short members become problems rows, and the members around them are
still read.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import IO, Any

from .files import _name_problem, _safe_name
from .formats import _ARCHIVES, _kind

_LIMIT = 512 * 2**20          # bytes, decompressed, per file or member
_CHUNK = 1 << 20
_OPENERS: dict[str, Callable[[IO[bytes]], IO[bytes]]] = {
    "gz": lambda raw: gzip.GzipFile(fileobj=raw, mode="rb"), "bz2": bz2.BZ2File,
    "xz": lzma.LZMAFile}
_NAMES = {"gz": "gzip", "bz2": "bzip2", "xz": "xz", "zip": "zip", "tar": "tar",
          "tar.gz": "gzipped tar", "tar.bz2": "bzip2 tar", "tar.xz": "xz tar"}
_CORRUPT = (OSError, EOFError, zlib.error, lzma.LZMAError, zipfile.BadZipFile,
            tarfile.TarError, NotImplementedError, RuntimeError, ValueError)

Problem = tuple[str, str, str]
# A member's payload: its rows and problems, as the loader caches them.
Part = tuple[str, list, list]


def _is_archive(name: str) -> bool:
    return _kind(name)[0] in _ARCHIVES.values()


def _member_label(base: str, member: str) -> str:
    """``source`` / ``doc_id`` of an archive member: the archive's, ``/``, the member's."""
    return f"{base}/{member}"


def _truncated(err: BaseException) -> bool:
    return isinstance(err, EOFError) or "unexpected end of data" in str(err)


def _describe(err: BaseException) -> str:
    text = str(err) or type(err).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _read_limited(stream: IO[bytes]) -> tuple[bytes, BaseException | None, bool]:
    """``(bytes read, the error that stopped reading, too large)``, reading in chunks."""
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
                return b"", None, True
            chunks.append(chunk)
    except _CORRUPT as err:
        return b"".join(chunks), err, False
    return b"".join(chunks), None, False


def _too_large() -> Problem:
    return ("too large", f"more than {_LIMIT // 2**20} MB once decompressed; not read",
            "skipped")


def _unwrap(data: bytes, name: str) -> tuple[bytes | None, str, Problem | None]:
    """``(bytes, format suffix, problem)`` of a file named ``name``: decompressed for
    ``.gz``, ``.bz2`` and ``.xz`` (bytes None when nothing is usable)."""
    container, suffix = _kind(name.replace("\\", "/").rsplit("/", 1)[-1])
    if container is None:
        return data, suffix, None
    out, problem = _decompress(data, container)
    return out, suffix, problem


def _parts(display: str, rel: str, payload: tuple) -> Iterator[tuple[str, str, list, list]]:
    """``(source, doc_id base, rows, problems)`` of a file's payload: the file's own, then
    an archive's members' (its third item: ``(member name, rows, problems)`` each)."""
    yield display, rel, payload[0], payload[1]
    for name, rows, problems in (payload[2] if len(payload) > 2 else ()):
        yield _member_label(display, name), _member_label(rel, name), rows, problems


def _decompress(data: bytes, container: str) -> tuple[bytes | None, Problem | None]:
    """A compressed file's bytes (None when nothing is usable) and at most one problem:
    a file cut short keeps what was decompressed before the cut (``kept partially``)."""
    stream = _OPENERS[container](io.BytesIO(data))
    out, err, large = _read_limited(stream)
    if large:
        return None, _too_large()
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


def _read_archive(
    data: bytes, name: str, read: Callable[[str, bytes], tuple[list, list]],
    add: Callable[[str, str, str], None],
) -> list[Part]:
    """One part per member, sorted by member name: ``(member name, rows, problems)``, the
    rows and problems from ``read(member name, bytes)``; problems of the archive as a
    whole go to ``add(problem, detail, action)``."""
    container = _kind(name)[0]
    reader = _zip_members if container == "zip" else _tar_members
    problems: list[Problem] = []
    parts: dict[str, Part] = {}
    for member, payload in reader(data, container, problems):
        label = _safe_name(member)
        while label.startswith("./"):
            label = label[2:]
        label = label or member
        if label in parts:
            parts[label][2].append((None, "duplicate archive member", "the archive holds "
                                    "this name more than once; the first one was read",
                                    "skipped"))
        elif isinstance(payload, bytes):
            parts[label] = (label, *read(label, payload))
        else:
            problem, partial = payload
            if partial is not None and partial.strip():
                rows, found = read(label, partial)
                parts[label] = (label, rows, [(None, problem[0], problem[1], "kept partially"),
                                              *found])
            else:
                parts[label] = (label, [], [(None, *problem)])
    if not parts and not problems:
        problems.append(("empty archive", "no files the loader reads in the archive",
                         "skipped"))
    for problem in problems:
        add(*problem)
    return sorted(parts.values(), key=lambda part: part[0])


def _hidden(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return any(p == "__MACOSX" or (p.startswith(".") and p not in (".", "..")) for p in parts)


def _skip(name: str) -> tuple[Problem, None] | None:
    """Why a regular member is not read, from its name: its type, or a nested archive."""
    basename = name.replace("\\", "/").rsplit("/", 1)[-1]
    if _is_archive(basename):
        return ("nested archive", "archives inside archives are not read; extract this one "
                "and load it directly", "skipped"), None
    problem = _name_problem(basename, member=True)
    return None if problem is None else (problem, None)


def _member_bytes(stream: IO[bytes]) -> Any:
    """A member's bytes, or ``(problem, bytes read before a cut or None)``."""
    content, err, large = _read_limited(stream)
    if large:
        return _too_large(), None
    if err is None:
        return content
    if _truncated(err):
        return ("truncated archive", "the archive is cut short inside this member",
                "skipped"), content
    return ("corrupt archive member", _describe(err), "skipped"), None


def _special(what: str) -> tuple[Problem, None]:
    return ("unreadable path", f"{what} inside the archive; not read", "skipped"), None


def _zip_members(data: bytes, container: str, problems: list[Problem]
                 ) -> Iterator[tuple[str, Any]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _CORRUPT as err:
        if not data.startswith(b"PK"):
            problems.append(("not an archive", f"not a zip archive ({_describe(err)})",
                             "skipped"))
        else:
            problems.append(("truncated archive", "no readable zip directory: the archive "
                             f"is cut short or damaged ({_describe(err)})", "skipped"))
        return
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            name = info.filename
            mode = info.external_attr >> 16
            if info.is_dir() or _hidden(name):
                continue
            if stat.S_ISLNK(mode) or (stat.S_IFMT(mode) and not stat.S_ISREG(mode)):
                yield name, _special("a link or special file")
            elif _skip(name):
                yield name, _skip(name)
            elif info.flag_bits & 0x1:
                yield name, (("encrypted archive member", "password-protected; not read",
                              "skipped"), None)
            else:
                try:
                    with archive.open(info) as stream:
                        payload = _member_bytes(stream)
                except _CORRUPT as err:
                    payload = (("corrupt archive member", _describe(err), "skipped"), None)
                yield name, payload


def _tar_members(data: bytes, container: str, problems: list[Problem]
                 ) -> Iterator[tuple[str, Any]]:
    """Members in the archive's order, streaming (a compressed tar is decompressed once);
    the caller sorts them. An archive without its end-of-archive blocks was cut short."""
    compression = container.partition(".")[2]
    raw = _Salvage(_OPENERS[compression](io.BytesIO(data))) if compression else \
        io.BytesIO(data)
    ended: list[bool] = []

    class _Header(tarfile.TarInfo):
        @classmethod
        def fromtarfile(cls, tar):
            try:
                return super().fromtarfile(tar)
            except tarfile.EOFHeaderError:
                ended.append(True)
                raise

    count = 0
    try:
        with tarfile.open(fileobj=raw, mode="r|", tarinfo=_Header) as archive:
            for info in archive:
                count += 1
                name = info.name
                if info.isdir() or _hidden(name):
                    continue
                if not info.isreg():
                    kind = "a link" if info.issym() or info.islnk() else "a special file"
                    yield name, _special(kind)
                elif _skip(name):
                    yield name, _skip(name)
                else:
                    payload = _member_bytes(archive.extractfile(info))
                    yield name, payload
                    if isinstance(payload, tuple) and payload[0][0] == "truncated archive":
                        return
    except _CORRUPT as err:
        action = "kept partially" if count else "skipped"
        if _truncated(err):
            problems.append(("truncated archive", f"the archive is cut short after {count} "
                             "member(s)", action))
        elif count == 0:
            problems.append(("not an archive", f"not a readable {_NAMES[container]} archive "
                             f"({_describe(err)})", "skipped"))
        else:
            problems.append(("corrupt archive", f"unreadable after {count} member(s) "
                             f"({_describe(err)})", action))
        return
    # The rest of the stream (padding, the gzip trailer) is read to see it is whole.
    err = _read_limited(raw)[1]
    if err is not None:
        problems.append(("truncated archive", f"the {_NAMES[compression]} data is cut short "
                         "after the last member", "kept partially") if _truncated(err) else
                        ("corrupt archive", f"the {_NAMES[compression]} data is damaged after "
                         f"the last member ({_describe(err)})", "kept partially"))
    elif not ended:
        problems.append(("truncated archive", "the archive ends without its end-of-archive "
                         f"blocks after {count} member(s)", "kept partially" if count else
                         "skipped"))


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
