"""Argument checks shared by the public functions: one message style everywhere.

Every message names the argument, the bad value and how to fix it.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from typing import Any

__all__ = ["check_choice", "check_int", "check_columns"]


def check_choice(name: str, value: Any, allowed: Iterable[Any]) -> Any:
    """Return ``value`` if it is one of ``allowed``, else raise a ``ValueError``.

    >>> check_choice("errors", "warn", ["warn", "raise"])
    'warn'
    >>> check_choice("errors", "loud", ["warn", "raise"])
    Traceback (most recent call last):
    ...
    ValueError: errors='loud' is not allowed; use one of: 'warn', 'raise'.
    """
    allowed = list(allowed)
    if value not in allowed:
        options = ", ".join(repr(a) for a in allowed)
        raise ValueError(f"{name}={value!r} is not allowed; use one of: {options}.")
    return value


def check_int(
    name: str, value: Any, *, minimum: int | None = None, maximum: int | None = None,
    allow_none: bool = False,
) -> int | None:
    """Return ``value`` if it is an int within the bounds, else raise with a fix."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        hint = " or None" if allow_none else ""
        raise TypeError(f"{name}={value!r} must be an int{hint}, got {type(value).__name__}.")
    value = int(value)
    if minimum is not None and value < minimum or maximum is not None and value > maximum:
        raise ValueError(
            f"{name}={value!r} is out of range; give a value from {minimum} to {maximum}."
        )
    return value


def check_columns(frame: Any, name: str, required: Iterable[str]) -> None:
    """Raise if ``frame`` is not a DataFrame holding the ``required`` columns."""
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            f"{name} must be a pandas DataFrame (for example from analysis.load_corpus), "
            f"got {type(frame).__name__}."
        )
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{name} lacks the column(s) {missing}; it has {list(frame.columns)}. "
            "Load it with analysis.load_corpus or rename your columns."
        )
