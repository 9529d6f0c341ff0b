"""Bytes to text for scraped corpora: encodings, byte-order marks, binary files.

:func:`decode` never guesses silently: everything other than clean UTF-8 comes back with
a note saying what was done, which the loader turns into a row of the problems table.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import NotText

__all__ = ["decode", "Decoded", "NotText"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"BZh91AY&SY", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3", "an SQLite database"),
)
# C0 controls other than tab, newline and carriage return, and DEL.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Runs of three or more non-ASCII letters: how Cyrillic (Windows-1251) looks when read
# as Windows-1252 ("Ïðåçèäåíò"); Western text rarely has them.
_HIGH_RUN_RE = re.compile(r"[^\x00-\x7f\W\d_]{3,}")


@dataclass
class Decoded:
    """Decoded text, the encoding used, and notes ``(problem, detail, action)``."""

    text: str
    encoding: str
    notes: list[tuple[str, str, str]]


def decode(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode a file's bytes, detecting the encoding unless ``encoding`` is given.

    Order of trust: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; UTF-8 whose
    last character was cut off (the cut bytes dropped); UTF-8 with a few stray bytes
    (read as Windows-1252); and for files with no UTF-8 at all, Windows-1251 when the
    text reads as Cyrillic, else Windows-1252. Line ends become ``\\n``; control
    characters other than tab and newline are removed. Raises :class:`NotText` for empty
    and binary files.
    """
    notes: list[tuple[str, str, str]] = []
    if not data.strip():
        raise NotText("empty file", f"{len(data)} bytes, no text")
    _check_magic(data[:16])
    if encoding is not None and any(data.startswith(bom) for bom, _ in _BOMS):
        # A byte-order mark outranks encoding=: it says how the file was written.
        encoding = None
    if encoding is not None:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd") - _count_replacement_chars(data, encoding)
        if bad > 0:
            notes.append(("undecodable bytes",
                          f"{bad} byte sequence(s) not valid {encoding}, replaced with U+FFFD",
                          "kept partially"))
        used = encoding
    else:
        text, used = _detect(data, notes)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = _CONTROL_RE.findall(text)
    if controls:
        text = _CONTROL_RE.sub("", text)
        names = sorted({f"U+{ord(c):04X}" for c in controls})
        notes.append(("control characters",
                      f"removed {len(controls)} control character(s) ({', '.join(names[:5])})",
                      "repaired"))
    if not text.strip():
        raise NotText("empty file", f"{len(data)} bytes, only whitespace or control characters")
    return Decoded(text, used, notes)


def _count_replacement_chars(data: bytes, encoding: str) -> int:
    """U+FFFD characters that were in the file itself (not produced by decoding)."""
    try:
        return data.decode(encoding).count("\ufffd")
    except UnicodeDecodeError:
        return 0


def _detect(data: bytes, notes: list) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data.decode(name, errors="replace")
            if "\ufffd" in text:
                notes.append(("undecodable bytes",
                              f"{text.count(chr(0xFFFD))} invalid sequence(s) in {name} "
                              "replaced with U+FFFD", "kept partially"))
            return text, name

    head = data[:8192]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(data)
        if utf16:
            text = data.decode(utf16, errors="replace")
            notes.append(("no byte-order mark", f"read as {utf16} (detected from the byte "
                          "pattern)", "repaired"))
            return text, utf16
        nuls = head.count(b"\x00")
        controls = sum(1 for b in head if b < 9 or 13 < b < 32)
        # A few stray NULs in text are junk to remove; many are a binary format.
        if (nuls >= 8 and nuls > 0.05 * len(head)) or controls > 0.3 * len(head):
            raise NotText("binary file",
                          f"{head.count(0)} NUL byte(s) in the first {len(head)} bytes")

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        first_error = err

    # A file cut off in the middle of its last character.
    if first_error.reason == "unexpected end of data" and first_error.start >= len(data) - 3:
        try:
            text = data[: first_error.start].decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            dropped = len(data) - first_error.start
            notes.append(("truncated UTF-8",
                          f"the file ends inside a character; dropped the last {dropped} byte(s)",
                          "kept partially"))
            return text, "utf-8"

    as_utf8 = data.decode("utf-8", errors="replace")
    invalid = as_utf8.count("\ufffd")
    valid_multibyte = sum(1 for c in as_utf8 if ord(c) > 127) - invalid
    if valid_multibyte > 0 and valid_multibyte >= invalid:
        # Mostly UTF-8 with a few stray single-byte characters (a bad merge or a copy
        # from a Windows editor): read each stray byte as Windows-1252.
        text = data.decode("utf-8", errors="dateline-cp1252")
        notes.append(("mixed encoding",
                      f"{invalid} byte(s) not valid UTF-8 among {valid_multibyte} UTF-8 "
                      "character(s); read those bytes as windows-1252", "repaired"))
        return text, "utf-8+cp1252"

    legacy = _guess_legacy(data)
    text = data.decode(legacy, errors="replace")
    if not _plausible_text(text):
        raise NotText("binary file", "not UTF-8, and does not read as text in windows-1251 "
                      "or windows-1252; pass encoding= if it is text")
    notes.append(("not UTF-8", f"decoded as {legacy} (detected; pass encoding= to override)",
                  "repaired"))
    return text, legacy


def _check_magic(head: bytes) -> None:
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise NotText("binary file", f"looks like {what}, not text")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look and read like UTF-16 text.

    In UTF-16 text one byte of each pair is the script's block (0x00 for Latin, 0x04
    for Cyrillic, ...): a handful of values. That half must be so concentrated, and the
    whole must decode strictly to mostly printable characters.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    for high, name in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        counts = sorted((high.count(b) for b in set(high)), reverse=True)
        if sum(counts[:3]) < 0.9 * len(high):
            continue
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        if _mostly_printable(text) and _plausible_text(text):
            return name
    return None


def _plausible_text(text: str) -> bool:
    """Letters, digits, spaces and common punctuation make up most of real text."""
    sample = text[:20000]
    common = sum(1 for c in sample if c.isalnum() or c.isspace() or c in ".,;:!?'\"()-–—’“”«»%$/")
    return common >= 0.8 * max(1, len(sample))


def _mostly_printable(text: str) -> bool:
    good = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
    return good >= 0.95 * max(1, len(text))


def _guess_legacy(data: bytes) -> str:
    """Windows-1251 when the high bytes read as Cyrillic words, else Windows-1252."""
    as_1252 = data.decode("cp1252", errors="replace")
    high_letters = sum(1 for c in as_1252 if ord(c) > 127 and c.isalpha())
    if high_letters == 0:
        return "cp1252"
    in_runs = sum(len(run) for run in _HIGH_RUN_RE.findall(as_1252))
    return "cp1251" if in_runs >= 0.5 * high_letters else "cp1252"


def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    chunk = err.object[err.start : err.end]
    return chunk.decode("cp1252", errors="replace"), err.end


codecs.register_error("dateline-cp1252", _cp1252_fallback)
