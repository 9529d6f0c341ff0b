"""Finding files: what ``source`` names, walked into the files the loader reads.

A file, a folder (searched recursively; hidden files and documentation files are
skipped, symbolic links to folders followed once each), a glob, or a list of these; each
file found once, in the order of its path relative to the corpus root.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .formats import _ARCHIVES, _FORMATS, _kind, _suffix

_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class _Found:
    path: Path
    display: str          # the path as found from the user's argument
    explicit: bool        # named directly (not found by walking a directory)
    problem: tuple[str, str, str] | None = None
    absolute: str = ""    # absolute path, for the id relative to the corpus root


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
    return _Found(child, display, False, _name_problem(child.name), absolute)


def _name_problem(name: str, *, member: bool = False) -> tuple[str, str, str] | None:
    """Why a file found by walking a folder (or an archive) is not read, from its name:
    an unsupported type, or documentation. ``.gz``/``.bz2``/``.xz`` are judged by the
    suffix inside; archives are read (see :mod:`.archives`)."""
    container, suffix = _kind(name)
    if container in _ARCHIVES.values():
        return None
    if suffix not in _FORMATS:
        outer = _suffix(name)
        shown = outer if container is None else _suffix(name[: -len(outer)]) + outer
        return ("unsupported file type", f"'{shown}' files are not read (text, .json, .jsonl, "
                ".csv, .tsv, .cor, .html, .xml, .nitf, .parquet and .feather are)", "skipped")
    if _DOC_FILE_RE.match(name) and suffix in (".txt", ".md", ""):
        where = "" if member else "; name the file directly to read it"
        return ("documentation file", f"{name} looks like documentation, not an article{where}",
                "skipped")
    return None


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


def _describe(source: Any) -> str:
    if isinstance(source, (list, tuple)):
        return f"{len(source)} sources" if len(source) != 1 else _describe(source[0])
    return f"'{os.fspath(source)}'"


def _file_key(data: bytes, found: _Found, root: Path) -> bytes:
    """The cache's key for a file: its bytes, its name as found and relative to the root."""
    digest = hashlib.blake2b(data, digest_size=16)
    digest.update(b"\0" + found.display.encode("utf-8", "surrogatepass") + b"\0" +
                  _relative(found, root).encode("utf-8", "surrogatepass"))
    return digest.digest()


def _hash_file(found: _Found, root: Path) -> bytes | None:
    """:func:`_file_key` of the file's bytes; None when it cannot be read."""
    try:
        data = found.path.read_bytes()
    except OSError:
        return None
    # The bytes are not kept: a file not cached yet is read again to be parsed, so a
    # large corpus is never held twice.
    return _file_key(data, found, root)
