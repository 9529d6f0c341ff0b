"""Forked worker processes for the per-article loops (mentions, quotes, collocations)."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

_STATE: tuple[Callable, Any] | None = None


def fork_map(worker: Callable[[Any, Any], Any], shared: Any, items: Iterable[Any],
             jobs: int) -> list:
    """``[worker(shared, item) for item in items]`` on ``jobs`` forked processes, in order.

    ``shared`` (the corpus, the registry, ...) is inherited by the forked workers, not
    pickled; only the items and the results travel. ``gc.freeze()`` first, so the
    parent's objects stay in shared pages instead of being copied into every worker by
    its garbage collector.
    """
    global _STATE
    _STATE = (worker, shared)
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=jobs,
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_call, items))
    finally:
        gc.unfreeze()
        _STATE = None


def _call(item: Any) -> Any:
    worker, shared = _STATE
    return worker(shared, item)
