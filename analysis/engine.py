"""Dask: frames in partitions, a client for ``$DATELINE_SCHEDULER``, map and reduce over them.

- A ``dask.dataframe.DataFrame`` (from ``load_corpus(..., engine="dask")`` or built by
  hand) is processed partition by partition on whatever Dask scheduler is active: a
  ``dask.distributed.Client`` (to a cluster or a ``LocalCluster``), else Dask's default.
- With the environment variable ``DATELINE_SCHEDULER`` set to a scheduler address
  (``tcp://10.0.0.5:8786``), the kit connects one ``Client`` to it, the first time it is
  needed, and sends blocks of a pandas corpus there too (term counting, actor mentions,
  quotes, collocations); ``python -m analysis report CORPUS --scheduler ADDRESS`` sets it for the
  report notebooks.

Which of these a computation uses is decided in one place, :mod:`analysis._run`; results
are the same pandas tables as in one process: partitions are processed independently and
combined in table order.

Worker processes: Dask's nanny starts workers with ``MALLOC_TRIM_THRESHOLD_=65536``, which
also fixes glibc's mmap threshold at 128 KiB, so every large array a task allocates is
fresh memory from the kernel; on machines where touching fresh memory is slow, term
counting then ran 1.4x slower on a worker than in this process. Start workers with
:data:`WORKER_ENV` in their environment (for a ``LocalCluster``:
``dask.config.set({"distributed.nanny.pre-spawn-environ": {**current, **WORKER_ENV}})``
before starting it) to keep freed memory for reuse: about 100 MB more per worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

__all__ = ["is_dask", "scheduler_client", "to_dask", "persist", "ENV_SCHEDULER", "WORKER_ENV"]

ENV_SCHEDULER = "DATELINE_SCHEDULER"
_ROWS_PER_PARTITION = 2_000
_CONNECT_TIMEOUT = "20s"
_client: Any = None

# glibc malloc: serve allocations up to 32 MiB from the heap and keep 64 MiB of it spare,
# so that repeated tasks reuse memory instead of faulting in fresh pages.
WORKER_ENV = {"MALLOC_MMAP_THRESHOLD_": str(32 << 20), "MALLOC_TOP_PAD_": str(64 << 20)}


_client_address: str | None = None


def is_dask(obj: Any) -> bool:
    """True for a Dask DataFrame or Series (without importing Dask when it is not)."""
    return type(obj).__module__.split(".")[0] in ("dask", "dask_expr") and \
        hasattr(obj, "npartitions")


def to_dask(docs: pd.DataFrame, *, rows_per_partition: int = _ROWS_PER_PARTITION):
    """A loaded corpus as a ``dask.dataframe.DataFrame`` with the same columns and order."""
    import dask
    import dask.dataframe as dd

    n = max(1, -(-len(docs) // rows_per_partition))
    # Keep pandas' own string dtype (Dask would turn text into string[pyarrow] with pd.NA).
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_pandas(docs, npartitions=n, sort=False)


def persist(lazy):
    """``lazy`` computed and kept on the workers of the active ``distributed.Client``.

    Later computations then refer to the partitions where they live instead of sending
    the data along with every graph. Without a distributed client, ``lazy`` unchanged.
    """
    try:
        from distributed import default_client
        default_client()
    except (ImportError, ValueError):
        return lazy
    import warnings

    with warnings.catch_warnings():
        # Sending the loaded partitions once is the point; Dask warns about large graphs.
        warnings.filterwarnings("ignore", message="Sending large graph", category=UserWarning)
        return lazy.persist()


def scheduler_client():
    """The ``distributed.Client`` for ``$DATELINE_SCHEDULER``, connected once; else None."""
    global _client, _client_address
    address = os.environ.get(ENV_SCHEDULER, "").strip()
    if not address:
        return None
    if _client is not None and _client_address == address and _client.status == "running":
        return _client
    from distributed import Client

    try:
        _client = Client(address, timeout=_CONNECT_TIMEOUT, set_as_default=True)
    except (OSError, TimeoutError) as err:
        raise RuntimeError(
            f"{ENV_SCHEDULER}={address!r}: no Dask scheduler answers there ({err}). Start one "
            "with `dask scheduler` and workers with `dask worker ADDRESS`, or unset "
            f"{ENV_SCHEDULER} to compute in this process."
        ) from None
    _client_address = address
    return _client


def close_client() -> None:
    """Close the ``$DATELINE_SCHEDULER`` client, if one was connected (tests, shutdown)."""
    global _client, _client_address
    if _client is not None:
        _client.close()
    _client, _client_address = None, None


def partition_heads(docs, columns: Sequence[str]) -> list[pd.DataFrame]:
    """``columns`` of each partition of a Dask frame, as pandas frames (small, in order)."""
    import dask

    return [_pandas_strings(h) for h in dask.compute(*docs[list(columns)].to_delayed())]


def _pandas_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as pandas' default ``str`` dtype (missing = NaN), as load_corpus has them."""
    text = [c for c in frame.columns if isinstance(frame[c].dtype, pd.StringDtype)
            and frame[c].dtype != pd.StringDtype(na_value=float("nan"))]
    return frame.astype({c: "str" for c in text}) if text else frame


def partition_sizes(docs) -> list[int]:
    """Rows in each partition of a Dask frame (only the lengths travel back)."""
    return [int(n) for n in docs.map_partitions(len).compute()]


def map_reduce(docs, func: Callable, combine: Callable, *args,
               per_part: Sequence[tuple] | None = None, split_every: int = 4):
    """``func(partition, *per_part[i], *args)`` for each partition, combined on the workers.

    ``combine(list_of_results)`` adds up at most ``split_every`` results at a time, in
    partition order, in a tree; only the final result comes back to this process.
    """
    import dask

    parts = docs.to_delayed()
    call = dask.delayed(func, pure=True)
    join = dask.delayed(combine, pure=True)
    level = [call(part, *(per_part[i] if per_part else ()), *args) for i, part in enumerate(parts)]
    while len(level) > 1:
        level = [level[i] if len(level[i : i + split_every]) == 1 else
                 join(level[i : i + split_every]) for i in range(0, len(level), split_every)]
    return dask.compute(level[0])[0]


def map_blocks(client, func: Callable, blocks: list[tuple], *args, name: str | None = None
               ) -> list:
    """``func(*block, *args)`` for each block on the cluster of ``client``; results in order.

    ``name`` prefixes the tasks' keys (the dashboard's task names: ``terms``, ``mentions``).
    """
    import uuid

    futures = [client.submit(func, *block, *args, pure=False,
                             key=None if name is None else f"{name}-{uuid.uuid4().hex}")
               for block in blocks]
    return client.gather(futures)


def scatter(client, items: list) -> list:
    """Send ``items`` to the cluster's workers; futures in the same order.

    ``hash=False``: two calls sending equal data must not share (and release) one key.
    """
    return client.scatter(list(items), hash=False)


def row_blocks(n_rows: int, rows: int = _ROWS_PER_PARTITION) -> list[slice]:
    """Slices of about ``rows`` rows covering ``range(n_rows)``."""
    return [slice(a, min(a + rows, n_rows)) for a in range(0, n_rows, rows)] or [slice(0, 0)]
