"""Small helpers shared by the corpus tests: a quiet load, its problems as tuples, and a
folder of files written from a dict."""

from __future__ import annotations

import warnings
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
