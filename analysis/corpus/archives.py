"""Compressed files and archives: their bytes, in memory, one file or member at a time.

A ``.gz``, ``.bz2`` or ``.xz`` file is decompressed (:func:`_decompress`) and read as the
format its inner suffix names (``corpus.jsonl.gz`` is JSON Lines, a bare ``x.gz`` text).
A ``.zip``, ``.tar``, ``.tar.gz``/``.tgz``, ``.tar.bz2`` or ``.tar.xz`` is read member by
member (:func:`_read_archive`): every regular member whose name the loader reads in a
folder (compressed members too), in the order of the member names. A member is labelled
by the archive's path, a slash, and its name as stored (:func:`_member_label`):
``exports/batch.zip/2024/a.txt`` for ``source``, ``batch.zip/2024/a.txt`` for ``doc_id``.

An archive inside an archive (a ``.zip``, ``.tar`` or ``.tar.gz`` member...) is read like
the file itself, its members labelled through it (``batch.zip/inner.zip/2024/a.txt``),
up to :data:`_MAX_DEPTH` archives deep below the file (2: ``a.zip/b.zip/c.tgz/x.txt`` is
read); an archive deeper than that is a ``nested archive`` row, so an archive that holds
itself (a zip quine) stops there. A nested archive's own problems (cut short, empty, not
an archive at all) are rows of its label, ``batch.zip/inner.zip``.

Nothing is ever written to disk: member names (absolute, with ``..``, drive letters or
backslashes) are labels only. Hidden members (a path part starting with ``.``, or
``__MACOSX``) and directories are skipped silently, like hidden files and folders in a
folder; links, devices and other non-regular members, nested archives too deep, and
corrupt or cut-short members become problems rows, and the members around them are
still read.

Compressed bytes are read, and decompression bombs stopped, by :mod:`.compressed`.
"""

from __future__ import annotations

import io
import stat
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, Any

from .compressed import (
    _archive_budget,
    _basename,
    _Bomb,
    _CORRUPT,
    _describe,
    _drain,
    _guarded,
    _Meter,
    _NAMES,
    _OPENERS,
    Problem,
    _read_limited,
    _REST,
    _Salvage,
    _spent,
    _truncated,
)
from .files import _name_problem, _safe_name
from .formats import _ARCHIVES, _kind

_MAX_DEPTH = 2                # archives inside archives read, below the file itself
# A member's payload: its rows and problems, as the loader caches them.
Part = tuple[str, list, list]


def _is_archive(name: str) -> bool:
    return _kind(name)[0] in _ARCHIVES.values()


def _member_label(base: str, member: str) -> str:
    """``source`` / ``doc_id`` of an archive member: the archive's, ``/``, the member's."""
    return f"{base}/{member}"


def _parts(display: str, rel: str, payload: tuple) -> Iterator[tuple[str, str, list, list]]:
    """``(source, doc_id base, rows, problems)`` of a file's payload: the file's own, then
    an archive's members' (its third item: ``(member name, rows, problems)`` each; a
    nested archive's members are named through it, ``inner.zip/a.txt``)."""
    yield display, rel, payload[0], payload[1]
    for name, rows, problems in (payload[2] if len(payload) > 2 else ()):
        yield _member_label(display, name), _member_label(rel, name), rows, problems


# ---------------------------------------------------------------------------------------
# Archives
# ---------------------------------------------------------------------------------------


def _read_archive(
    data: bytes, name: str, read: Callable[[str, bytes], tuple[list, list]],
    add: Callable[[str, str, str], None],
) -> list[Part]:
    """One part per member, sorted by member name: ``(member name, rows, problems)``, the
    rows and problems from ``read(member name, bytes)``; problems of the archive as a
    whole go to ``add(problem, detail, action)``. The members of a nested archive are
    parts too, named through it (``inner.zip/a.txt``, and so given to ``read``); its
    problems as a whole are the problems of a part named for it (``inner.zip``)."""
    parts: dict[str, Part] = {}
    with _archive_budget(len(data)):
        found = _add_members(data, _basename(name), read, parts, "", 0)
    for problem in found:
        add(*problem)
    return sorted(parts.values(), key=lambda part: part[0])


def _add_members(data: bytes, name: str, read: Callable[[str, bytes], tuple[list, list]],
                 parts: dict[str, Part], prefix: str, depth: int) -> list[Problem]:
    """Put the parts of the members of the archive ``name`` (``depth`` archives below the
    file) into ``parts`` under ``prefix`` and their names; return the archive's own
    problems."""
    container = _kind(name)[0]
    reader = _zip_members if container == "zip" else _tar_members
    problems: list[Problem] = []
    found = 0
    for member, payload in reader(data, container, problems, depth < _MAX_DEPTH):
        found += 1
        label = _safe_name(member)
        while label.startswith("./"):
            label = label[2:]
        label = prefix + (label or member)
        nested = _is_archive(_basename(label))
        if label in parts:
            parts[label][2].append((None, "duplicate archive member", "the archive holds "
                                    "this name more than once; the first one was read",
                                    "skipped"))
        elif isinstance(payload, bytes) and nested:
            # Its part holds its own problems; an archive read cleanly has none (its
            # members' parts say it all) but is still kept, to know a duplicate of it.
            parts[label] = (label, [], [])
            own = _add_members(payload, _basename(label), read, parts, label + "/", depth + 1)
            parts[label][2].extend((None, *problem) for problem in own)
        elif isinstance(payload, bytes):
            parts[label] = (label, *read(label, payload))
        else:
            problem, partial = payload
            if partial is not None and partial.strip() and not nested:
                rows, found_problems = read(label, partial)
                parts[label] = (label, rows, [(None, problem[0], problem[1], "kept partially"),
                                              *found_problems])
            else:
                parts[label] = (label, [], [(None, *problem)])
    if not found and not problems:
        problems.append(("empty archive", "no files the loader reads in the archive",
                         "skipped"))
    return problems


def _hidden(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return any(p == "__MACOSX" or (p.startswith(".") and p not in (".", "..")) for p in parts)


def _skip(name: str, nested: bool) -> tuple[Problem, None] | None:
    """Why a regular member is not read, from its name: its type, or an archive deeper
    than :data:`_MAX_DEPTH` (``nested`` False: archives found here are not opened)."""
    basename = _basename(name)
    if _is_archive(basename):
        if nested:
            return None
        if _MAX_DEPTH < 1:
            detail = "archives inside archives are not read; extract this one and load it " \
                     "directly"
        else:
            levels = "1 level" if _MAX_DEPTH == 1 else f"{_MAX_DEPTH} levels"
            detail = (f"archives inside archives are read {levels} deep and this one is "
                      "deeper; extract it and load it directly")
        return ("nested archive", detail, "skipped"), None
    problem = _name_problem(basename, member=True)
    return None if problem is None else (problem, None)


def _member_bytes(stream: IO[bytes]) -> Any:
    """A member's bytes, or ``(problem, bytes read before a cut or None)``."""
    content, err, limit = _read_limited(stream)
    if limit is not None:
        return limit, None
    if err is None:
        return content
    if _truncated(err):
        return ("truncated archive", "the archive is cut short inside this member",
                "skipped"), content
    return ("corrupt archive member", _describe(err), "skipped"), None


def _special(what: str) -> tuple[Problem, None]:
    return ("unreadable path", f"{what} inside the archive; not read", "skipped"), None


def _zip_members(data: bytes, container: str, problems: list[Problem], nested: bool
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
            elif _skip(name, nested):
                yield name, _skip(name, nested)
            elif info.flag_bits & 0x1:
                yield name, (("encrypted archive member", "password-protected; not read",
                              "skipped"), None)
            else:
                compressed = min(info.compress_size, len(data))
                own = _Meter(lambda size=compressed: size, "decompresses",
                             "its compressed size", "not read")
                try:
                    with archive.open(info) as stream:
                        payload = _member_bytes(_guarded(stream, own))
                except _CORRUPT as err:
                    payload = (("corrupt archive member", _describe(err), "skipped"), None)
                yield name, payload
            if _spent():            # by this member, or by reading what it held
                return


def _tar_members(data: bytes, container: str, problems: list[Problem], nested: bool
                 ) -> Iterator[tuple[str, Any]]:
    """Members in the archive's order, streaming (a compressed tar is decompressed once,
    measured as a whole against the compressed bytes read so far); the caller sorts them.
    An archive without its end-of-archive blocks was cut short."""
    compression = container.partition(".")[2]
    what = _NAMES[container]
    meter = None
    if compression:
        compressed = io.BytesIO(data)
        meter = _Meter(compressed.tell, f"the {what} data decompresses",
                       "its compressed size", _REST)
        raw = _Salvage(_guarded(_OPENERS[compression](compressed), meter))
    else:
        raw = io.BytesIO(data)
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
                elif _skip(name, nested):
                    yield name, _skip(name, nested)
                else:
                    payload = _member_bytes(archive.extractfile(info))
                    yield name, payload
                    if (meter is not None and meter.tripped) or _spent():
                        return
                    if isinstance(payload, tuple) and payload[0][0] == "truncated archive":
                        return
    except _Bomb as bomb:
        # Between members: reading a header, or skipping a member not read.
        problems.append(("decompression bomb", f"{bomb.meter.claim}, after {count} "
                         "member(s); the rest was not read",
                         "kept partially" if count else "skipped"))
        return
    except _CORRUPT as err:
        action = "kept partially" if count else "skipped"
        if _truncated(err):
            problems.append(("truncated archive", f"the archive is cut short after {count} "
                             "member(s)", action))
        elif count == 0:
            problems.append(("not an archive", f"not a readable {what} archive "
                             f"({_describe(err)})", "skipped"))
        else:
            problems.append(("corrupt archive", f"unreadable after {count} member(s) "
                             f"({_describe(err)})", action))
        return
    # The rest of the stream (padding, the gzip trailer) is read to see it is whole.
    try:
        err = _drain(raw)
    except _Bomb as bomb:
        problems.append(("decompression bomb", f"{bomb.meter.claim}, after the last member; "
                         "the rest was not read", "kept partially"))
        return
    if err is not None:
        problems.append(("truncated archive", f"the {_NAMES[compression]} data is cut short "
                         "after the last member", "kept partially") if _truncated(err) else
                        ("corrupt archive", f"the {_NAMES[compression]} data is damaged after "
                         f"the last member ({_describe(err)})", "kept partially"))
    elif not ended:
        problems.append(("truncated archive", "the archive ends without its end-of-archive "
                         f"blocks after {count} member(s)", "kept partially" if count else
                         "skipped"))
