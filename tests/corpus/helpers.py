"""Small helpers shared by the corpus tests: a quiet load, its problems as tuples, a
folder of files written from a dict, and zip and tar archives built in memory."""

from __future__ import annotations

import io
import tarfile
import warnings
import zipfile
from pathlib import Path

import analysis


def load(source, **kwargs):
    """``load_corpus`` without the cache and without the warning line."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analysis.load_corpus(source, errors="ignore", cache=False, **kwargs)


def rows(docs):
    """The problems of ``docs`` as tuples ``(source, record, problem, detail, action)``."""
    return [tuple(r) for r in analysis.problems(docs).itertuples(index=False)]


def write_folder(folder: Path, files: dict) -> Path:
    """Write ``{relative name: text or bytes}`` under ``folder``; return ``folder``."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def zip_bytes(members: dict) -> bytes:
    """A zip archive's bytes, ``{member name: text or bytes}`` deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data if isinstance(data, bytes) else data.encode("utf-8"))
    return buffer.getvalue()


def tar_bytes(members: dict, mode: str = "w:gz") -> bytes:
    """A tar archive's bytes (gzipped by default), members in the order given."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:
        for name, data in members.items():
            data = data if isinstance(data, bytes) else data.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()
