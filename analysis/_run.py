"""Where per-article work runs, and how the cache wraps it: the kit's one execution layer.

Term counting, actor mentions, quotes and collocations are each a function of a block of
articles whose results for consecutive blocks add up (counts) or follow one another
(rows). A domain module describes that computation once, as a :class:`Work`, and hands it
to :func:`per_article`, which decides where it runs:

1. a **Dask DataFrame** (``load_corpus(..., engine="dask")``): each partition where it
   lives, on the active Dask scheduler, results combined on the workers in a tree;
2. with **``$DATELINE_SCHEDULER``** set (see :mod:`analysis.engine`): blocks of 2,000 rows
   of a pandas corpus sent to that cluster;
3. **forked workers** for inputs of at least :data:`PARALLEL_CHARS` characters when more
   than one job is allowed: blocks of about :data:`BLOCK_CHARS` characters, the corpus
   inherited by the workers rather than sent to them;
4. **here**, in this process, otherwise.

With a cache folder (see :data:`analysis.types.CacheOption`) the work is wrapped by the
per-article cache of :mod:`analysis.cache`: only articles not seen before are computed,
wherever 2-4 put them. The same table comes back in every case. :func:`per_item` does the
same for the loader's files; :func:`paused_gc` pauses the cyclic garbage collector around
the heavy loops.

Domain modules import from here and contain no Dask, fork or cache branches.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from ._validate import check_columns, check_int
from .types import CacheOption, EngineOption

__all__ = [
    "Work", "Kept", "Block", "per_article", "per_item", "in_table_order", "paused_gc", "resolve_jobs", "check_cache",
    "fields_of", "columns_of", "as_pandas", "to_engine", "frame_attrs", "text_lengths",
    "PARALLEL_CHARS", "BLOCK_CHARS",
]

PARALLEL_CHARS = 8_000_000   # below this, one process is faster than starting more
BLOCK_CHARS = 2_000_000      # text per forked task: bounded memory, enough work per task

F = TypeVar("F", bound=Callable[..., Any])


# ---------------------------------------------------------------------------------------
# Describing the work
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """Which articles a block of work holds, for :attr:`Work.extra`.

    ``rows``: their positions in the frame given to :func:`per_article`; ``ids``: their
    ``doc_id`` there; ``labels``: the ``doc_id`` the block's rows carry (the cache numbers
    the articles it computes ``"0"``, ``"1"``...; elsewhere ``labels`` equal ``ids``).
    """

    rows: np.ndarray
    ids: np.ndarray
    labels: np.ndarray


@dataclass(frozen=True)
class Kept:
    """How a :class:`Work`'s results are kept per article by the cache.

    ``options``: what changes an article's results besides its text (fields, n-grams,
    stopwords, registry fingerprint...); they name the cache namespace with the kit version.
    ``func``: like :attr:`Work.func`, returning rows with an int ``article`` column (the
    block's ``doc_id`` read as a number) in place of ``doc_id``; default: the work's own
    function, its ``doc_id`` column read so. ``combine``: blocks' rows to one table
    (default: concatenated, categoricals kept). ``finish(rows, row_index, position)``:
    the result from the cached rows of the distinct articles, given for every row of
    ``docs`` by :func:`analysis.cache.expand` (``rows.iloc[row_index]`` belong to
    ``docs.iloc[position]``). ``key_extra(docs)``: bytes per row added to its key (quotes:
    a digest of the article's mentions).
    """

    options: dict
    finish: Callable[[pd.DataFrame, np.ndarray, np.ndarray], Any]
    func: Callable[..., pd.DataFrame] | None = None
    combine: Callable[[list[pd.DataFrame]], pd.DataFrame] | None = None
    key_extra: Callable[[pd.DataFrame], list[bytes]] | None = None


@dataclass(frozen=True)
class Work:
    """A per-article computation, as :func:`per_article` needs to know it.

    ``func(block, *args, **extra)`` computes the result for a block of articles (a pandas
    frame with ``doc_id`` and the text fields); ``combine(parts)`` joins the results of
    consecutive blocks, in table order. Both are module-level functions, so that they can
    be sent to Dask workers. ``args`` are the shared, read-only arguments (fields, options,
    registry). ``extra(block)``, when given, returns the keyword arguments that belong to
    one :class:`Block` (the group codes of its rows; their mentions). ``kind`` names the
    work in the cache; ``kept`` says how the cache keeps it (None: never cached).
    ``extra_needs_ids=False`` says ``extra`` reads ``Block.rows`` only, which spares a Dask
    frame a pass over its ``doc_id`` column. ``cost`` is the work per character relative
    to the common case (term counting, registry matching): work four times as heavy
    forks at a quarter of :data:`PARALLEL_CHARS`, in blocks of a quarter of
    :data:`BLOCK_CHARS`.
    """

    kind: str
    func: Callable[..., Any]
    combine: Callable[[list[Any]], Any]
    args: tuple = ()
    extra: Callable[[Block], dict] | None = None
    kept: Kept | None = None
    extra_needs_ids: bool = True
    cost: float = 1.0


# ---------------------------------------------------------------------------------------
# Running it
# ---------------------------------------------------------------------------------------


def per_article(docs, fields: list[str], work: Work, *, jobs: int = 1,
                cache: CacheOption = "auto"):
    """Run ``work`` over ``docs`` where it runs best (see the module docstring).

    ``fields`` are the text columns (from :func:`fields_of`); ``jobs`` the processes
    allowed here (from :func:`resolve_jobs`); ``cache`` as in every public function. A
    Dask frame is never cached: its partitions are processed where they live.
    """
    from .cache import cache_folder
    from .engine import is_dask

    folder = cache_folder(cache) if work.kept is not None else None
    if is_dask(docs):
        return _on_dask(docs, work)
    if folder is None:
        return _anywhere(docs, fields, work, work.func, work.combine, jobs)
    return _cached(docs, fields, work, jobs, folder)


def _anywhere(docs: pd.DataFrame, fields: list[str], work: Work, func: Callable,
              combine: Callable, jobs: int, origin: Block | None = None):
    """``combine`` of ``func`` over blocks of ``docs``: on the cluster, forked, or here.

    ``origin`` says where the rows of ``docs`` come from when the cache computes a subset
    of the caller's frame (for :attr:`Work.extra`).
    """
    from .engine import scheduler_client

    if origin is None and work.extra is not None:
        ids = docs["doc_id"].astype("str").to_numpy()
        origin = Block(np.arange(len(docs)), ids, ids)
    client = scheduler_client()
    if client is not None and len(docs):
        return combine(_on_cluster(client, docs, fields, work, func, origin))
    if jobs > 1 and os.name == "posix" and len(docs) > 1:
        lengths = text_lengths(docs, fields)
        if int(lengths.sum()) * work.cost >= PARALLEL_CHARS:
            bounds = _char_blocks(lengths, max(1, int(BLOCK_CHARS / work.cost)))
            return combine(fork_map(_forked_block, (docs, work, func, origin), bounds, jobs))
    return combine([_call(docs, work, func, origin, slice(0, len(docs)))])


def _extra(work: Work, origin: Block | None, rows: slice) -> dict:
    if work.extra is None:
        return {}
    return work.extra(Block(origin.rows[rows], origin.ids[rows], origin.labels[rows]))


def _call(block: pd.DataFrame, work: Work, func: Callable, origin: Block | None, rows: slice):
    return func(block, *work.args, **_extra(work, origin, rows))


def _forked_block(shared, bound: tuple[int, int]):
    docs, work, func, origin = shared
    rows = slice(*bound)
    return _call(docs.iloc[rows], work, func, origin, rows)


def _remote_block(block: pd.DataFrame, extra: dict, func: Callable, args: tuple):
    """One block on a Dask worker (module-level, so that it can be sent there)."""
    return func(block, *args, **extra)


def _on_cluster(client, docs: pd.DataFrame, fields: list[str], work: Work, func: Callable,
                origin: Block | None) -> list:
    """The blocks' results from the cluster of ``client``, in table order."""
    from .engine import map_blocks, row_blocks, scatter

    slices = row_blocks(len(docs))
    extras = [_extra(work, origin, s) for s in slices]
    blocks = scatter(client, [docs.iloc[s][["doc_id", *fields]] for s in slices])
    return map_blocks(client, _remote_block, [(b, e) for b, e in zip(blocks, extras)],
                      func, work.args, name=work.kind)


def _on_dask(docs, work: Work):
    """``work`` on each partition of a Dask frame, combined on the workers."""
    from .engine import map_reduce, partition_heads, partition_sizes

    if work.extra is None:
        per_part = [({},)] * docs.npartitions
    elif not work.extra_needs_ids:
        bounds = np.concatenate([[0], np.cumsum(partition_sizes(docs))]).astype(np.int64)
        none = np.zeros(0, dtype=object)
        per_part = [(work.extra(Block(np.arange(a, b), none, none)),)
                    for a, b in zip(bounds[:-1], bounds[1:])]
    else:
        heads = partition_heads(docs, ["doc_id"])
        bounds = np.concatenate([[0], np.cumsum([len(h) for h in heads])]).astype(np.int64)
        per_part = []
        for i, head in enumerate(heads):
            ids = head["doc_id"].astype("str").to_numpy()
            per_part.append((work.extra(Block(np.arange(bounds[i], bounds[i + 1]), ids, ids)),))
    return map_reduce(docs, _remote_block, work.combine, work.func, work.args,
                      per_part=per_part)


def _cached(docs: pd.DataFrame, fields: list[str], work: Work, jobs: int, folder):
    """``work`` through the per-article cache: only articles not cached are computed."""
    from .cache import article_keys, concat_frames, distinct, expand, per_article as stored

    kept = work.kept
    extra_keys = kept.key_extra(docs) if kept.key_extra is not None else None
    keys, inverse = distinct(article_keys(docs, fields, extra_keys))
    first = np.zeros(len(keys), dtype=np.int64)
    first[inverse[::-1]] = np.arange(len(inverse) - 1, -1, -1)
    func = kept.func or work.func
    combine = kept.combine or concat_frames

    def articles(parts: list[pd.DataFrame]) -> pd.DataFrame:
        table = combine(parts)
        if "article" not in table.columns:
            table = table.rename(columns={"doc_id": "article"}).astype({"article": "int64"})
        return table

    ids = docs["doc_id"].astype("str").to_numpy()

    def compute(missing: list[int]) -> pd.DataFrame:
        rows = first[missing]
        # The articles to compute, numbered 0.. as their doc_id: the number is the key.
        labels = np.array([str(i) for i in range(len(missing))], dtype=object)
        sub = docs.iloc[rows][[*fields]].assign(doc_id=labels)
        return _anywhere(sub, fields, work, func, articles, jobs,
                         origin=Block(rows, ids[rows], labels))

    rows = stored(folder, work.kind, kept.options, keys, compute)
    row_index, position = expand(rows["article"].to_numpy(dtype=np.int64), inverse)
    return kept.finish(rows, row_index, position)


def in_table_order(rows: pd.DataFrame, row_index: np.ndarray, position: np.ndarray,
                   docs: pd.DataFrame, fields: Sequence[str]) -> pd.DataFrame:
    """Cached rows (with ``field`` and ``start``) for every row of ``docs``, in table
    order (row, then field, then position), with ``doc_id`` first: a :attr:`Kept.finish`."""
    rows = rows.iloc[row_index].drop(columns="article").reset_index(drop=True)
    rank = {f: k for k, f in enumerate(fields)}
    order = np.lexsort((rows["start"].to_numpy(), rows["field"].map(rank).to_numpy(), position))
    rows.insert(0, "doc_id", docs["doc_id"].astype("str").to_numpy()[position])
    return rows.iloc[order].reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# Forked workers
# ---------------------------------------------------------------------------------------

_STATE: tuple[Callable, Any] | None = None    # in a forked worker: what it works on


def fork_map(worker: Callable[[Any, Any], Any], shared: Any, items: Sequence[Any],
             jobs: int) -> list:
    """``[worker(shared, item) for item in items]`` on ``jobs`` forked processes, in order.

    ``shared`` (the corpus, the registry, ...) is inherited by the forked workers, not
    pickled; only the items and the results travel. Each pool hands its workers their
    own ``worker`` and ``shared``, so calls from several threads do not mix. ``gc.freeze()``
    first, so the parent's objects stay in shared pages instead of being copied into every
    worker by its garbage collector; each worker keeps its freed memory for the next task
    (:func:`tune_malloc`): fresh pages cost more here than the counting of a block.
    """
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_install,
                                 initargs=(worker, shared),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_fork_call, items))
    finally:
        gc.unfreeze()


def _install(worker: Callable, shared: Any) -> None:
    """A forked worker's start: what it works on (inherited, not pickled), and malloc."""
    global _STATE
    _STATE = (worker, shared)
    tune_malloc()


def _fork_call(item: Any) -> Any:
    worker, shared = _STATE
    return worker(shared, item)


def tune_malloc() -> None:
    """:data:`analysis.engine.WORKER_ENV`'s settings for this process (glibc only).

    For short-lived worker processes of this kit (forked for one call), not for a
    long-running Dask worker, whose memory policy belongs to whoever started it.
    """
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    mallopt(-3, 32 << 20)           # M_MMAP_THRESHOLD
    mallopt(-2, 64 << 20)           # M_TOP_PAD


def _char_blocks(lengths: np.ndarray, target: int) -> list[tuple[int, int]]:
    """Consecutive row ranges of about ``target`` characters each (whole rows)."""
    bounds, start, size = [], 0, 0
    for i, n in enumerate(lengths.tolist()):
        size += n
        if size >= target:
            bounds.append((start, i + 1))
            start, size = i + 1, 0
    if start < len(lengths):
        bounds.append((start, len(lengths)))
    return bounds


# ---------------------------------------------------------------------------------------
# Small shared pieces
# ---------------------------------------------------------------------------------------


def paused_gc(func: F) -> F:
    """Run ``func`` with Python's cyclic garbage collector paused (a decorator).

    Matching, quoting and loading build millions of small tuples and lists that live until
    the end; the collector would walk them again and again (measured: 100,000 articles of
    actor mentions took 11.0 s with it and 6.5 s without). These loops make no reference
    cycles, and the collector is switched back on afterwards, whatever happens.
    """

    @functools.wraps(func)
    def paused(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused  # type: ignore[return-value]


def check_cache(cache: CacheOption) -> None:
    """Raise, naming the value and the fix, when ``cache`` is not a :data:`CacheOption`
    (public functions check it first, before any work)."""
    from .cache import cache_folder

    cache_folder(cache)


def resolve_jobs(n_jobs: int | None) -> int:
    """The number of processes for ``n_jobs``: None or -1 mean every core."""
    if n_jobs is None or n_jobs == -1:
        return os.cpu_count() or 1
    check_int("n_jobs", n_jobs, minimum=1, maximum=1024)
    return n_jobs


def text_lengths(docs: pd.DataFrame, fields: Sequence[str]) -> np.ndarray:
    """Characters of text per row, over ``fields`` (missing values count 0)."""
    total = np.zeros(len(docs), dtype=np.int64)
    for f in fields:
        column = docs[f]
        lengths = column.str.len() if pd.api.types.is_string_dtype(column) else \
            column.map(lambda v: len(v) if isinstance(v, str) else 0)
        total += lengths.fillna(0).to_numpy(dtype=np.int64)
    return total


def fields_of(docs, fields) -> list[str]:
    """The text columns of ``fields`` that ``docs`` (pandas or Dask) has; see
    :func:`analysis.text.text_fields`."""
    from .engine import is_dask
    from .text import text_fields

    return text_fields(docs._meta if is_dask(docs) else docs, fields)


def columns_of(frame, name: str, columns: Sequence[str]) -> pd.DataFrame:
    """``frame[columns]`` as a pandas frame, computed from a Dask frame when it is one;
    raises, naming ``name``, when a column is missing."""
    from .engine import is_dask, partition_heads

    columns = list(columns)
    if is_dask(frame):
        check_columns(frame._meta, name, columns)
        return pd.concat(partition_heads(frame, columns), ignore_index=True)
    check_columns(frame, name, columns)
    return frame[columns]


def as_pandas(frame):
    """``frame`` itself, or a Dask frame computed into pandas."""
    from .engine import is_dask

    return frame.compute() if is_dask(frame) else frame


def per_item(
    n: int,
    compute: Callable[[list[int]], list[Any]],
    *,
    cache: CacheOption,
    kind: str,
    options: dict,
    keys: Callable[[], list[bytes | None]],
) -> list[Any]:
    """One result per item ``0..n-1`` (files the loader parses), through the cache when on.

    ``compute(indices)`` returns one result per index, in that order. With the cache off
    (see :data:`analysis.types.CacheOption`) that is all that happens. With it on,
    ``keys()`` gives each item's key (None: never cached, always computed); results of
    items already cached under ``kind`` and ``options`` are read back, the rest computed
    and stored. A result wrapped in :class:`analysis.cache.NotKept` is returned unwrapped
    and not stored (its key went stale while it was computed).
    """
    from .cache import NotKept, cache_folder, per_key_objects

    def plain(values: list[Any]) -> list[Any]:
        return [v.value if isinstance(v, NotKept) else v for v in values]

    folder = cache_folder(cache)
    if folder is None:
        return plain(compute(list(range(n))))
    item_keys = keys()
    keyed = [i for i, key in enumerate(item_keys) if key is not None]
    out: list[Any] = [None] * n
    stored = per_key_objects(folder, kind, options, [item_keys[i] for i in keyed],
                             lambda missing: compute([keyed[j] for j in missing]))
    for i, value in zip(keyed, stored):
        out[i] = value
    rest = [i for i, key in enumerate(item_keys) if key is None]
    for i, value in zip(rest, plain(compute(rest)) if rest else []):
        out[i] = value
    return out


def to_engine(docs, engine: EngineOption):
    """``docs`` as the frame ``engine`` asks for: itself (``"pandas"``), or a Dask frame in
    partitions of 2,000 articles, kept on the workers of an active ``distributed.Client``."""
    if engine == "dask":
        from .engine import persist, to_dask

        return persist(to_dask(docs))
    return docs


def frame_attrs(docs) -> dict | None:
    """``docs.attrs`` of a pandas frame, or of a Dask frame's empty pandas model; None for
    anything else."""
    from .engine import is_dask

    if is_dask(docs):
        return getattr(docs, "_meta", pd.DataFrame()).attrs
    if isinstance(docs, pd.DataFrame):
        return docs.attrs
    return None
