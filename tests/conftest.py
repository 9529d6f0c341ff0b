"""Shared fixtures: the real corpora beside the checkout, and a tiny corpus writer."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
SAMPLE = ROOT / "data" / "sample"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/corpora, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real corpus not available: {path}")
    return path


@pytest.fixture
def write(tmp_path):
    """write("a/b.txt", "text" or b"bytes") -> path, under a fresh corpus folder."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return _write


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Keep the tests' caches out of the user's ~/.cache and ignore their settings."""
    import os

    saved = {k: os.environ.get(k) for k in ("XDG_CACHE_HOME", "DATELINE_CACHE",
                                            "DATELINE_SCHEDULER")}
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg_cache"))
    os.environ.pop("DATELINE_CACHE", None)
    os.environ.pop("DATELINE_SCHEDULER", None)
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
