"""Where the report notebooks are, which of them to run, and checks of their parameters.

The notebooks ship inside the package (``analysis/report/templates/``, a link to the
checkout's top-level ``notebooks/`` folder that a wheel holds as copied files), so
``importlib.resources.files("analysis")`` finds them in an editable install and a normal
one alike. The environment variable ``DATELINE_NOTEBOOKS`` (a folder) overrides that.
"""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["notebook_folder", "NOTEBOOK_DIR"]

NOTEBOOKS_VARIABLE = "DATELINE_NOTEBOOKS"
_PATTERN = "[0-9][0-9]_*.ipynb"


def _shipped_folder() -> Path:
    """The notebooks shipped with the package (resolved: in a checkout, ``notebooks/``)."""
    return Path(os.fspath(resources.files("analysis") / "report" / "templates")).resolve()


def notebook_folder() -> Path:
    """The folder of the report notebooks: ``$DATELINE_NOTEBOOKS`` when set and not empty,
    else the notebooks shipped with the package (in a checkout: its ``notebooks/``).

    Read each time it is called, so :func:`~analysis.run_report` honours a change of the setting.
    """
    override = os.environ.get(NOTEBOOKS_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser().resolve()
    return _shipped_folder()


#: The notebooks folder as found when the package was imported (see :func:`notebook_folder`).
NOTEBOOK_DIR = notebook_folder()


def _notebooks(selected: list[str] | None, folder: Path | None = None) -> list[Path]:
    """The notebooks to run from ``folder`` (default: :func:`notebook_folder`), in order."""
    folder = notebook_folder() if folder is None else folder
    available = sorted(folder.glob(_PATTERN))
    if not available:
        where = f" (set by {NOTEBOOKS_VARIABLE})" if os.environ.get(NOTEBOOKS_VARIABLE, "").strip() \
            else ""
        raise FileNotFoundError(f"No report notebooks found in {folder}{where}.")
    if not selected:
        return available
    by_name = {p.stem: p for p in available}
    missing = [s for s in selected if s not in by_name]
    if missing:
        raise ValueError(f"notebooks={missing!r} unknown; choose from {sorted(by_name)}.")
    return [by_name[s] for s in selected]


def _declared_names(notebooks: list[Path]) -> set[str]:
    """Every parameter name the notebooks declare."""
    import papermill

    names: set[str] = set()
    for nb in notebooks:
        names |= set(papermill.inspect_notebook(str(nb)))
    return names


def _check_parameters(notebook: Path, parameters: dict[str, Any]) -> dict[str, Any]:
    """Keep the parameters the notebook declares; refuse unknown names and wrong types."""
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    accepted = {}
    for name, value in parameters.items():
        if name not in declared:
            continue
        inferred = (declared[name].get("inferred_type_name") or "").lower()
        if inferred and value is not None and not _type_ok(inferred, value):
            raise TypeError(
                f"parameter {name}={value!r} must be {inferred} for {notebook.name} "
                f"(default {declared[name].get('default')})."
            )
        accepted[name] = value
    return accepted


def _check_values(parameters: dict[str, Any]) -> None:
    """Refuse parameter values the notebooks would only fail on later, before any run."""
    from ..types import PERIODS

    for name in ("date_from", "date_to"):
        value = parameters.get(name)
        if value:
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
                    raise ValueError(value)
                pd.Timestamp(value)
            except (ValueError, TypeError):
                raise ValueError(f"parameter {name}={value!r} is not a date; write it as "
                                 "YYYY-MM-DD, e.g. 2025-05-01.") from None
    if parameters.get("date_from") and parameters.get("date_to") and \
            pd.Timestamp(parameters["date_from"]) > pd.Timestamp(parameters["date_to"]):
        raise ValueError(f"parameters date_from={parameters['date_from']!r} and date_to="
                         f"{parameters['date_to']!r} leave no day; swap them.")
    for name, value in parameters.items():
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            odd = [v for v in value if not isinstance(v, str)]
            raise TypeError(f"parameter {name}={value!r} must be a list of text; {odd!r} "
                            "are not (quote them in YAML: [\"no\", \"on\", \"2024\"]).")
    year = parameters.get("year")
    if isinstance(year, int) and not isinstance(year, bool) and year != 0 and \
            not 1800 <= year <= 2200:
        raise ValueError(f"parameter year={year!r} is out of range; use a year from 1800 to "
                         "2200, or 0 for none.")
    effect = parameters.get("min_effect")
    if isinstance(effect, (int, float)) and not isinstance(effect, bool) and \
            not 0 <= effect < float("inf"):
        raise ValueError(f"parameter min_effect={effect!r} must be a number >= 0, e.g. 1.0.")
    if "period" in parameters and (not isinstance(parameters["period"], str)
                                   or parameters["period"] not in PERIODS):
        raise ValueError(f"parameter period={parameters['period']!r} is not a period; use one "
                         f"of {', '.join(PERIODS)}.")
    for name, low, high in (("top_n", 1, 10_000), ("ngram", 1, 6), ("min_docs", 1, 10**9)):
        value = parameters.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and not low <= value <= high:
            raise ValueError(f"parameter {name}={value!r} is out of range; use {low} to {high}.")
    group_by = parameters.get("group_by", "")
    if not isinstance(group_by, str) or (group_by and not group_by.strip()):
        raise ValueError(f"parameter group_by={group_by!r} must name a column (agency, "
                         "outlet, place) or a period (week, month, quarter, year), or be "
                         "empty (\"\") to let the report choose outlet or agency.")


def _type_ok(inferred: str, value: Any) -> bool:
    inferred = inferred.replace(" ", "")
    checks = {
        "str": lambda v: isinstance(v, str),
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "bool": lambda v: isinstance(v, bool),
        "list": lambda v: isinstance(v, list),
        "list[str]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    }
    for kind in inferred.split("|"):
        kind = kind.strip()
        if kind == "none" and value is None:
            return True
        check = checks.get(kind.replace("optional[", "").rstrip("]"))
        if check is None or check(value):
            return True
    return False
