"""Report outputs: :func:`save_figure` and :func:`save_table` are the one way report
notebooks write files (``out_dir/figures/*.png`` and ``out_dir/tables/*.csv``)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

__all__ = ["save_figure", "save_table"]

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,100}$")


def _output_path(out_dir: str | os.PathLike, kind: str, name: str, suffix: str) -> Path:
    if not isinstance(name, str) or not _NAME_RE.match(name) or ".." in name:
        raise ValueError(
            f"name={name!r} is not a safe file name; use letters, digits, '_', '-' and '.' "
            "only, e.g. 'articles_per_month'."
        )
    folder = Path(out_dir) / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}{suffix}"


def save_figure(fig, name: str, out_dir: str | os.PathLike | None):
    """Save ``fig`` as ``out_dir/figures/<name>.png`` at 150 dpi and return ``fig``.

    Returning the figure lets a notebook cell save and show a chart in one line. The PNG
    carries no timestamp or version, so the same input gives the same bytes. With
    ``out_dir=None`` nothing is written.
    """
    if out_dir is not None:
        path = _output_path(out_dir, "figures", name, ".png")
        fig.savefig(path, dpi=150, bbox_inches="tight", facecolor="white",
                    metadata={"Software": None})
    return fig


def save_table(table: pd.DataFrame, name: str, out_dir: str | os.PathLike | None) -> pd.DataFrame:
    """Save ``table`` as ``out_dir/tables/<name>.csv`` (UTF-8, no index) and return it.

    Dates are written as ISO 8601; the same table gives the same bytes.
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table must be a pandas DataFrame, got {type(table).__name__}.")
    if out_dir is not None:
        path = _output_path(out_dir, "tables", name, ".csv")
        table.to_csv(path, index=False, date_format="%Y-%m-%dT%H:%M:%S", lineterminator="\n")
    return table
