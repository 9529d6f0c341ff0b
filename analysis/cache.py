"""An on-disk cache of per-article results, so a re-run redoes only new or changed articles.

What is cached
--------------
Per file: the articles the loader parsed from it (:func:`analysis.load_corpus`, keyed
by the file's bytes and name). Per article: its term counts (:func:`analysis.term_frequencies`, :func:`analysis.tfidf`,
:func:`analysis.keyness`), its actor mentions (:func:`analysis.actor_mentions`) and its
quotes (:func:`analysis.quotes`). Tables built from the cache are identical to those
computed without it.

Keys
----
An article's key is a hash (BLAKE2b, 128 bits) of its text fields (the names and the
texts of ``fields``; not ``doc_id``, not the path). Results live in one folder per kind
and per *namespace*: a hash of the kit version (:data:`analysis.__version__`) and of the
options that change per-article results (n-gram range, stopword list, fields; registry
fingerprint and ``discover``; for quotes, also the article's mentions). A changed
article gets a new key; a changed option or a new kit version a new namespace; either
way the old result is simply not found, and is recomputed.

Files
-----
``<folder>/<kind>-<namespace>/`` holds ``meta.json`` (the options, in plain words) and
segments: each run that computes something writes ``seg-<id>.parquet`` (rows, with an
``article`` column numbering the articles of the segment) and then
``seg-<id>.keys.parquet`` (the keys of those articles, including those with no rows).
Files are written under a temporary name and renamed, so a reader never sees half a
segment, and two processes can share the folder.

Where
-----
``cache=True``: ``$DATELINE_CACHE`` if set, else ``$XDG_CACHE_HOME/dateline``, else
``~/.cache/dateline``; ``cache="path"``:
that folder; left at its default (``"auto"``), the folder named by the environment
variable ``DATELINE_CACHE`` when it is set, else no cache. ``python -m analysis cache
info`` and ``python -m analysis cache clear`` show and empty it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._version import __version__
from .types import CacheOption

__all__ = ["cache_folder", "default_cache_folder", "cache_info", "clear_cache", "info_folder",
           "concat_frames", "per_article", "per_key_objects", "NotKept"]

ENV = "DATELINE_CACHE"


def default_cache_folder() -> Path:
    """The kit's cache folder: ``$DATELINE_CACHE`` when set, else
    ``$XDG_CACHE_HOME/dateline``, else ``~/.cache/dateline``.

    >>> default_cache_folder().name
    'dateline'
    """
    env = os.environ.get(ENV, "").strip()
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "dateline"


def cache_folder(cache: CacheOption = "auto") -> Path | None:
    """The folder a ``cache=`` option points to, or None when the cache is off.

    ``"auto"`` (the default of every function that caches): ``$DATELINE_CACHE`` when set,
    else off; ``True``: :func:`default_cache_folder` (``$DATELINE_CACHE`` when set, else
    the XDG cache folder); ``False``/``None``: off; a ``str`` or path: that folder.

    >>> cache_folder(False) is None
    True
    >>> cache_folder("/tmp/dl").as_posix()
    '/tmp/dl'
    """
    if isinstance(cache, str) and cache == "auto":
        env = os.environ.get(ENV, "").strip()
        return Path(env).expanduser() if env else None
    if cache is None or cache is False:
        return None
    if cache is True:
        return default_cache_folder()
    if isinstance(cache, (str, os.PathLike)):
        if not os.fspath(cache):
            raise ValueError("cache='' is empty; give a folder, True for the default folder "
                             f"({default_cache_folder()}) or False for no cache.")
        return Path(cache).expanduser()
    raise TypeError(f"cache={cache!r} must be True (the default folder, "
                    f"{default_cache_folder()}), False or None (no cache), a folder path, or "
                    f"'auto' (the folder in ${ENV}, if set).")


# ---------------------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------------------


def article_keys(docs: pd.DataFrame, fields: Sequence[str], extra: Sequence[bytes] | None = None
                 ) -> list[bytes]:
    """One 16-byte key per row: the hash of its fields' names and texts (plus ``extra``)."""
    from .text import check_missing

    ids = docs["doc_id"].astype("str").to_numpy()
    columns = [docs[f].to_numpy(dtype=object) for f in fields]
    keys = []
    for pos in range(len(docs)):
        h = hashlib.blake2b(digest_size=16)
        for field, values in zip(fields, columns):
            text = values[pos]
            h.update(field.encode())
            if isinstance(text, str):
                h.update(b"\x01")
                h.update(text.encode("utf-8", "surrogatepass"))
            else:
                check_missing(text, field, ids[pos])
                h.update(b"\x00")
            h.update(b"\x02")
        if extra is not None:
            h.update(extra[pos])
        keys.append(h.digest())
    return keys


def fingerprint(*parts: Any) -> str:
    """A short stable hash of JSON-able parts (options, versions)."""
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def frame_fingerprint(frame: pd.DataFrame) -> str:
    """A stable hash of a small table's contents (e.g. an actor registry)."""
    data = frame.to_csv(index=False, lineterminator="\n").encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def distinct(keys: list[bytes]) -> tuple[list[bytes], np.ndarray]:
    """The distinct keys in first-seen order, and each row's index into them."""
    index: dict[bytes, int] = {}
    inverse = np.fromiter((index.setdefault(k, len(index)) for k in keys), dtype=np.int64,
                          count=len(keys))
    return list(index), inverse


def expand(article: np.ndarray, inverse: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows of distinct articles -> (row index, row position in docs) for every position.

    An article found at several positions of ``docs`` (the same text twice) gets its rows
    once per position.
    """
    n_distinct = int(inverse.max()) + 1 if len(inverse) else 0
    mult = np.bincount(inverse, minlength=n_distinct)
    order = np.argsort(inverse, kind="stable")
    starts = np.concatenate([[0], np.cumsum(mult)[:-1]]).astype(np.int64)
    if len(article) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if (mult == 1).all():
        return np.arange(len(article)), order[article]
    rep = mult[article]
    rows = np.repeat(np.arange(len(article)), rep)
    within = np.arange(len(rows)) - np.repeat(np.cumsum(rep) - rep, rep)
    return rows, order[starts[article[rows]] + within]


# ---------------------------------------------------------------------------------------
# Store
# ---------------------------------------------------------------------------------------


def per_article(
    folder: Path,
    kind: str,
    options: dict,
    keys: list[bytes],
    compute: Callable[[list[int]], pd.DataFrame],
) -> pd.DataFrame:
    """Rows for every key in ``keys`` (distinct), from the cache or from ``compute``.

    ``compute(missing)`` gets the indices (into ``keys``) of the articles not cached and
    returns their rows with an ``article`` column numbering them 0..len(missing)-1. The
    result has ``article`` as an index into ``keys``; rows of one article stay in the
    order they were computed, articles in segment order.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    space = _namespace(folder, kind, options)
    wanted = {k: i for i, k in enumerate(keys)}
    hits: dict[str, tuple[list[int], list[int], int]] = {}
    done: set[int] = set()
    for keys_file in sorted(space.glob("seg-*.keys.parquet")):
        segment = keys_file.name[: -len(".keys.parquet")]
        stored = pq.read_table(keys_file).column("key").to_pylist()
        local, glob = [], []
        for j, key in enumerate(stored):
            i = wanted.get(key)
            if i is not None and i not in done:
                done.add(i)
                local.append(j)
                glob.append(i)
        if local:
            hits[segment] = (local, glob, len(stored))
    frames = []
    for segment, (local, glob, size) in hits.items():
        table = pq.read_table(space / f"{segment}.parquet")
        if table.num_rows == 0:
            continue
        lookup = np.full(size, -1, dtype=np.int64)
        lookup[np.asarray(local)] = np.asarray(glob)
        mapped = lookup[table.column("article").to_numpy()]
        keep = mapped >= 0
        if not keep.all():
            table = table.filter(pa.array(keep))
            mapped = mapped[keep]
        frames.append(_arrow_to_frame(table).assign(article=mapped))
    missing = [i for i in range(len(keys)) if i not in done]
    if missing:
        new = compute(missing)
        _write_segment(space, [keys[i] for i in missing], new)
        frames.append(new.assign(article=np.asarray(missing, dtype=np.int64)[
            new["article"].to_numpy(dtype=np.int64)]))
    frames = [f for f in frames if len(f)]
    if not frames:
        return compute([]).assign(article=np.zeros(0, dtype=np.int64))
    return frames[0] if len(frames) == 1 else concat_frames(frames)


def per_key_objects(
    folder: Path,
    kind: str,
    options: dict,
    keys: list[bytes],
    compute: Callable[[list[int]], list[Any]],
) -> list[Any]:
    """One Python object per key (files parsed by the loader), from the cache or ``compute``.

    Like :func:`per_article`, for results that are not tables: ``compute(missing)``
    returns one object per missing index. Objects are kept pickled in
    ``seg-<id>.pkl`` (with ``seg-<id>.keys.parquet`` beside it, for ``cache info``), and
    read back by an unpickler that accepts plain Python values and pandas Timestamps only:
    a segment holding anything else, or damaged, counts as not cached.
    """
    import pickle

    space = _namespace(folder, kind, options)
    wanted: dict[bytes, list[int]] = {}
    for i, key in enumerate(keys):
        wanted.setdefault(key, []).append(i)
    found: list[Any] = [None] * len(keys)
    done = [False] * len(keys)
    for segment in sorted(space.glob("seg-*.pkl")):
        if all(done):
            break
        try:
            stored = _SafeUnpickler.loads(segment.read_bytes())
        except Exception:                       # noqa: BLE001 - a bad segment is a miss
            continue
        if not isinstance(stored, dict):
            continue
        for key, value in stored.items():
            for i in wanted.get(key, ()):
                if not done[i]:
                    found[i], done[i] = value, True
    missing = [i for i, hit in enumerate(done) if not hit]
    if missing:
        new = compute(missing)
        fresh = {}
        for i, value in zip(missing, new):
            if isinstance(value, NotKept):
                found[i] = value.value
            else:
                found[i] = value
                fresh[keys[i]] = value
        if fresh:
            name = f"seg-{uuid.uuid4().hex}"
            _atomic_write_bytes(space / f"{name}.pkl", pickle.dumps(fresh, protocol=5))
            _write_keys(space / f"{name}.keys.parquet", list(fresh))
    return found


class NotKept:
    """A result ``compute`` returns but that must not be cached (its key is stale)."""

    def __init__(self, value: Any):
        self.value = value


_KINDS = ("terms", "mentions", "quotes", "load")


def _namespace(folder: Path, kind: str, options: dict) -> Path:
    """The folder of one kind of result under one kit version and set of options, with
    its ``meta.json`` (the options in plain words), created when missing."""
    space = folder / f"{kind}-{fingerprint(kind, __version__, options)}"
    space.mkdir(parents=True, exist_ok=True)
    meta = space / "meta.json"
    if not meta.exists():
        _atomic_write_bytes(meta, json.dumps({"kind": kind, "version": __version__,
                                              "options": options}, indent=1, default=str,
                                             sort_keys=True).encode("utf-8"))
    return space


def _write_keys(path: Path, keys: list[bytes]) -> None:
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    pq.write_table(pa.table({"key": pa.array(keys, type=pa.binary())}), buffer)
    _atomic_write_bytes(path, buffer.getvalue())


class _SafeUnpickler:
    """Unpickle plain values (and pandas Timestamps) only: the cache folder is data."""

    _ALLOWED = {("pandas._libs.tslibs.timestamps", "_unpickle_timestamp")}

    @classmethod
    def loads(cls, data: bytes) -> Any:
        import io
        import pickle

        allowed = cls._ALLOWED

        class _Restricted(pickle.Unpickler):
            def find_class(self, module, name):
                if (module, name) not in allowed:
                    raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
                return super().find_class(module, name)

        return _Restricted(io.BytesIO(data)).load()


def concat_frames(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate, keeping categorical columns categorical (categories unified)."""
    from pandas.api.types import union_categoricals

    out = {}
    for column in frames[0].columns:
        values = [f[column] for f in frames]
        if isinstance(values[0].dtype, pd.CategoricalDtype):
            out[column] = union_categoricals([
                pd.Categorical.from_codes(v.cat.codes.to_numpy(), v.cat.categories.astype("str"))
                for v in values])
        else:
            out[column] = pd.concat(values, ignore_index=True)
    return pd.DataFrame(out)


def _arrow_to_frame(table) -> pd.DataFrame:
    """A segment as pandas: dictionary columns become categoricals, strings ``str``."""
    frame = table.to_pandas()
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            values = frame[column]
            frame[column] = pd.Categorical.from_codes(
                values.cat.codes.to_numpy(), values.cat.categories.astype("str"))
        elif frame[column].dtype == object:
            frame[column] = frame[column].astype("str")
    return frame


def _write_segment(space: Path, keys: list[bytes], rows: pd.DataFrame) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = f"seg-{uuid.uuid4().hex}"
    columns = {}
    for column in rows.columns:
        series = rows[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            columns[column] = pa.DictionaryArray.from_arrays(
                pa.array(series.cat.codes.to_numpy(dtype=np.int32)),
                pa.array(series.cat.categories.astype(str).tolist(), type=pa.string()))
        elif pd.api.types.is_string_dtype(series.dtype) or series.dtype == object:
            # missing text (a mention's empty parent) is stored as null, not as a float NaN
            columns[column] = pa.array(series.astype(str).tolist(), type=pa.string(),
                                       from_pandas=True)
        else:
            columns[column] = pa.array(series.to_numpy())
    table = pa.table(columns) if columns else pa.table({"article": pa.array([], pa.int64())})
    tmp = space / f".{name}.parquet.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, space / f"{name}.parquet")
    tmp = space / f".{name}.keys.tmp"
    pq.write_table(pa.table({"key": pa.array(keys, type=pa.binary(16))}), tmp)
    os.replace(tmp, space / f"{name}.keys.parquet")


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------
# Inspecting and clearing
# ---------------------------------------------------------------------------------------


def cache_info(folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """What the cache holds: one row per namespace.

    Returns ``kind, version, namespace, articles, segments, bytes, options`` (``articles``
    counts cached article results, ``options`` the options of that namespace as JSON),
    sorted by kind and namespace. ``folder`` defaults to ``$DATELINE_CACHE``, else
    :func:`default_cache_folder`.
    """
    import pyarrow.parquet as pq

    root = info_folder(folder)
    rows = []
    if root.is_dir():
        for space in sorted(p for p in root.iterdir() if p.is_dir()):
            try:
                meta = json.loads((space / "meta.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                meta = {}
            key_files = sorted(space.glob("seg-*.keys.parquet"))
            articles = sum(pq.read_metadata(f).num_rows for f in key_files)
            size = sum(f.stat().st_size for f in space.iterdir() if f.is_file())
            rows.append((meta.get("kind", space.name.split("-")[0]), meta.get("version", ""),
                         space.name, articles, len(key_files), size,
                         json.dumps(meta.get("options", {}), sort_keys=True, default=str)))
    return pd.DataFrame(rows, columns=["kind", "version", "namespace", "articles", "segments",
                                       "bytes", "options"]).astype(
        {"articles": "int64", "segments": "int64", "bytes": "int64"})


def clear_cache(folder: str | os.PathLike | None = None) -> int:
    """Remove every cached result under ``folder``; return the bytes freed.

    Only the namespace folders the kit writes (``terms-*``, ``mentions-*``, ``quotes-*``,
    ``load-*``)
    are removed, so pointing it at a wrong folder deletes nothing else.
    """
    root = info_folder(folder)
    freed = 0
    if root.is_dir():
        for space in root.iterdir():
            if space.is_dir() and space.name.split("-")[0] in _KINDS \
                    and (space / "meta.json").exists():
                freed += sum(f.stat().st_size for f in space.rglob("*") if f.is_file())
                shutil.rmtree(space, ignore_errors=True)
    return freed


def info_folder(folder: str | os.PathLike | None) -> Path:
    if folder is not None:
        return Path(folder).expanduser()
    return cache_folder("auto") or default_cache_folder()
