"""Dates: the record's own date (ISO 8601, epochs, compact and printed forms), the
dateline's month and day, and dates or year folders in the file's path.

Dates outside the years 1800-2200 are errors (``datetime64[ns]`` holds 1677-2262).
"""

from __future__ import annotations

import re
import warnings
from typing import Any

import pandas as pd

from .repair import _as_text
from .wire import Dateline, parse_printed_date

_YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")


_PATH_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)


def _path_date(rel: str) -> tuple[pd.Timestamp | None, int | None]:
    """A date written in the file's path (``2025-03-27_story.txt``), or a year folder."""
    match = _PATH_DATE_RE.search(rel)
    if match:
        try:
            stamp = pd.Timestamp(year=int(match[1]), month=int(match[2]), day=int(match[3]))
            return stamp, stamp.year
        except ValueError:
            pass
    years = {part for part in rel.split("/")[:-1] if re.fullmatch(r"(?:19|20)\d\d", part)}
    return None, (int(years.pop()) if len(years) == 1 else None)


def _dateline_date(
    dateline: Dateline | None, year: int | None, rel: str
) -> pd.Timestamp | None:
    """The dateline's month and day, with its own year, else ``year=``, else the path's."""
    path_stamp, path_year = _path_date(rel)
    if dateline is None or dateline.month is None or dateline.day is None:
        return path_stamp
    y = dateline.year or year or path_year
    if y is None:
        return None
    try:
        return pd.Timestamp(year=y, month=dateline.month, day=dateline.day)
    except ValueError:
        return None


# datetime64[ns] holds 1677-09-21 to 2262-04-11; news dates outside 1800-2200 are errors.
_EARLIEST = pd.Timestamp("1800-01-01")
_LATEST = pd.Timestamp("2200-12-31")
_COMPACT_RE = re.compile(r"^((?:1[89]|2\d)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"
                         r"(?:(\d\d)(\d\d)(\d\d)?)?$")


def _in_range(stamp: pd.Timestamp | None) -> pd.Timestamp | None:
    if stamp is None or pd.isna(stamp) or not _EARLIEST <= stamp <= _LATEST:
        return None
    return stamp


def _parse_date(value: Any) -> tuple[pd.Timestamp | None, str | None]:
    """A timestamp (naive, UTC if the value had a zone), or a reason it is not one."""
    if value is None or (isinstance(value, float) and value != value):
        return None, None
    if isinstance(value, dict) and len(value) == 1:
        # {"$date": "..."} (MongoDB exports) and similar wrappers.
        return _parse_date(next(iter(value.values())))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _parse_date(str(int(value))) if float(value).is_integer() and \
            _COMPACT_RE.match(str(int(value))) else _epoch(value)
    text = _as_text(value)
    if text is None:
        return None, None
    compact = _COMPACT_RE.match(text)
    if compact:
        # 20241226 and GDELT's 20241226091500.
        y, m, d, hh, mm, ss = (int(g) if g else 0 for g in compact.groups())
        try:
            return pd.Timestamp(y, m, d, hh, mm, ss), None
        except ValueError:
            return None, f"{text!r} is not a valid date"
    if text.isdigit() and 9 <= len(text) <= 13:
        return _epoch(int(text))
    if not _YEAR_RE.search(text):
        return None, f"{text!r} has no year"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stamp = pd.to_datetime(text, utc=True)
    except (ValueError, OverflowError, TypeError, pd.errors.OutOfBoundsDatetime):
        stamp = pd.NaT
    if stamp is pd.NaT or pd.isna(stamp):
        printed = parse_printed_date(text)
        if printed is None:
            return None, f"{text!r} is not a valid date"
        try:
            stamp = pd.Timestamp(printed)
        except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
            return None, f"{text!r} is outside the years 1800-2200"
    else:
        stamp = stamp.tz_convert(None)
    if _in_range(stamp) is None:
        return None, f"{text!r} is outside the years 1800-2200"
    return stamp, None


def _epoch(value: int | float) -> tuple[pd.Timestamp | None, str | None]:
    """Seconds (or, for large values, milliseconds) since 1970."""
    unit = "ms" if abs(value) > 1e11 else "s"
    try:
        stamp = pd.Timestamp(value, unit=unit)
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        stamp = None
    if _in_range(stamp) is None:
        return None, f"{value!r} is not a usable date or epoch time"
    return stamp, None


def _parse_dates(values: list[Any]) -> list[tuple[pd.Timestamp | None, str | None]]:
    """:func:`_parse_date` for many values: ISO 8601 strings in one vectorised pass."""
    strings = pd.Series([v if isinstance(v, str) and not _COMPACT_RE.match(v) else None
                         for v in values], dtype="object")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fast = pd.to_datetime(strings, format="ISO8601", utc=True, errors="coerce")
    fast = fast.dt.tz_convert(None)
    out = []
    for value, stamp in zip(values, fast):
        if not pd.isna(stamp) and _in_range(stamp) is not None:
            out.append((stamp, None))
        else:
            out.append(_parse_date(value))
    return out
