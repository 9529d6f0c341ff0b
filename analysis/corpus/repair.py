"""Repairing scraped text: HTML tags (of real HTML elements only) and entities, API
truncation markers, mojibake (undone with ftfy), invisible zero-width and bidirectional
characters, lone surrogates.

Each repair of a record's field becomes one row of the problems table; :func:`_as_text`
turns a record's value (a string, a list of paragraphs, ``{"name": ...}``) into text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .load import _FileContext

_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def _as_text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("text")
        return _as_text(value)
    if isinstance(value, (list, tuple)):
        parts = [t for t in (_as_text(v) for v in value) if t]
        return "\n\n".join(parts) if parts else None
    text = str(value).strip()
    return text or None


def _fix_surrogates(value: Any, found: list[int]) -> Any:
    """Replace lone surrogates (pandas' strings cannot hold them) with U+FFFD."""
    if isinstance(value, str):
        if _SURROGATE_RE.search(value):
            found.append(len(_SURROGATE_RE.findall(value)))
            return _SURROGATE_RE.sub("\ufffd", value)
        return value
    if isinstance(value, list):
        return [_fix_surrogates(v, found) for v in value]
    if isinstance(value, dict):
        return {_fix_surrogates(k, found): _fix_surrogates(v, found) for k, v in value.items()}
    return value


# HTML markup. A tag is removed only when its name is an HTML element (below) or it is a
# comment: wire copy prints tickers and names in angle brackets (``STANDARD OIL <SRD>``,
# ``a unit of <Hughes Corp>``, ``<ABC.N>``), and those are text. A value "holds HTML" when
# it has at least one such tag; only then are tags removed (and entities unescaped, as
# they are too in a value that has entities and no tags). The names: HTML5's elements,
# the obsolete ones old pages still use, and SVG's common ones. A ticker spelled like an
# element (``<A>``, ``<DD>``, ``<TIME>``) still reads as a tag in a value that holds
# HTML, and alone it makes the value hold HTML.
_HTML_ELEMENTS = frozenset("""
    a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
    caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em
    embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr
    html i iframe img input ins kbd label legend li link main map mark math menu meta meter
    nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby
    s samp script search section select slot small source span strong style sub summary sup
    table tbody td template textarea tfoot th thead time title tr track u ul var video wbr
    acronym applet basefont bgsound big blink center dir font frame frameset image isindex
    keygen listing marquee menuitem multicol nextid nobr noembed noframes plaintext rb rtc
    spacer strike tt xmp
    svg g path circle ellipse rect polygon polyline defs symbol tspan
""".split())


def _names_pattern(names: list[str]) -> str:
    """A regex matching exactly ``names`` (lower case), any case, as a tree by first
    letter: a long alternation of case-insensitive names is tried name by name at every
    ``<`` (1 MB of ``<<<<`` took 2 s), the tree in a few steps (under 0.1 s)."""
    follows: dict[str, list[str]] = {}
    for name in names:
        if name:
            follows.setdefault(name[0], []).append(name[1:])
    branches = [(f"[{c}{c.upper()}]" if c.isalpha() else re.escape(c)) + _names_pattern(rest)
                for c, rest in sorted(follows.items())]
    if not branches:
        return ""
    return "(?:" + "|".join(branches) + ")" + ("?" if "" in names else "")


# A tag: an element name, then white space, ``/`` or ``>`` (so ``<bx>`` is no ``<b>``),
# attributes up to the next ``<`` or ``>``. Every part scans forward only, and the
# attributes stop at the next ``<``: no position is read more than twice.
_TAG_RE = re.compile(r"</?(?=[A-Za-z])" + _names_pattern(sorted(_HTML_ELEMENTS))
                     + r"(?=[\s/>])(?:\s[^<>]*)?/?>")
_BLOCK_END_RE = re.compile(r"</(?:p|div|h[1-6]|li|blockquote|section|article|tr)\s*>|<br\s*/?>",
                           re.IGNORECASE)
# Script and style elements: their content is code, not article text, and goes with them.
# An element that is never closed keeps what follows its opening tag (the tag alone goes).
_RAW_OPEN_RE = re.compile(r"<(script|style)(?:\s[^<>]*)?>", re.IGNORECASE)
_RAW_CLOSE_RE = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]{2,8});")


def _holds_html(text: str) -> bool:
    """Whether ``text`` has a tag of an HTML element or a complete ``<!-- -->`` comment."""
    if "<" not in text:
        return False
    if _TAG_RE.search(text):
        return True
    start = text.find("<!--")
    return start >= 0 and text.find("-->", start + 4) >= 0


def _drop_comments(text: str) -> str:
    """``text`` without its ``<!-- ... -->`` comments; one pass, with ``str.find`` (a lazy
    regex rescans the rest of the text from every unclosed ``<!--``)."""
    parts: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        parts.append(text[pos:start])
        pos = end + 3
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _drop_raw_elements(text: str) -> str:
    """``text`` without its ``<script>`` and ``<style>`` elements, content and all; one
    pass (once a closing tag is missing, that element's closing tag is not looked for
    again)."""
    parts: list[str] = []
    pos = search = 0
    unclosed: set[str] = set()
    while match := _RAW_OPEN_RE.search(text, search):
        name = match.group(1).lower()
        close = None if name in unclosed else _RAW_CLOSE_RE[name].search(text, match.end())
        if close is None:
            unclosed.add(name)
            search = match.end()
            continue
        parts.append(text[pos:match.start()])
        pos = search = close.end()
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _strip_markup(text: str) -> str:
    """``text`` (which holds HTML) without its comments, scripts, styles and element tags;
    block ends and line breaks become paragraph breaks, entities are unescaped. Tags of
    names that are not HTML elements (``<SRD>``) stay."""
    import html

    if "<!--" in text:
        text = _drop_comments(text)
    text = _drop_raw_elements(text)
    text = _BLOCK_END_RE.sub("\n\n", text)
    return html.unescape(_TAG_RE.sub("", text))


# Possessive, and starting only where a whitespace run starts: backtracking through a
# long run of spaces before the marker was cubic.
_TRUNCATED_RE = re.compile(r"(?<!\s)\s*+(?:…|\.\.\.)?\s*+\[\+\d++ chars\]\s*+$")
# Invisible format characters that split words for the tokenizer and the actor matcher:
# soft hyphen, zero-width space, word joiner and friends, the zero-width no-break space
# (a BOM inside the text), and the bidirectional marks, embeddings, overrides and
# isolates. Zero-width (non-)joiners carry meaning in Persian, Indic scripts and emoji,
# so they are removed only between two ASCII characters, where they never do.
_INVISIBLE_HINT_RE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                                "\u2066-\u2069\ufeff]")
_INVISIBLE_RE = re.compile("[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
                           "\u2066-\u2069\ufeff]|(?<=[\x00-\x7f])[\u200c\u200d](?=[\x00-\x7f])")


def _mojibake_hint() -> re.Pattern:
    """Text that may be mojibake: a character that a UTF-8 lead byte becomes when read as
    Windows-1252, Latin-1 or Windows-1251, followed by what a continuation byte becomes;
    or a C1 control character. ftfy alone decides; this only spares it clean text (it
    reads about 7 MB/s, the pattern about 85 MB/s and :data:`_SUSPECT_RE`, a first look
    for the lead characters alone, about 400 MB/s)."""
    leads = {c for enc in ("cp1252", "latin-1", "cp1251")
             for c in bytes(range(0xC2, 0xF5)).decode(enc, "ignore")}
    follows = {c for enc in ("cp1252", "latin-1", "cp1251")
               for c in bytes(range(0x80, 0xC0)).decode(enc, "ignore")}
    return re.compile(f"[{re.escape(''.join(sorted(leads)))}][{re.escape(''.join(sorted(follows)))}]"
                      "|[\u00c2\u00c3] |[\u0080-\u009f]")


_MOJIBAKE_HINT_RE = _mojibake_hint()
# A first look, in one pass: any of those lead characters, or of the invisible ones.
# Simple ranges scan quickly; most English news (curly quotes and all) has none of them.
_SUSPECT_RE = re.compile("[\u0080-\u009f\u00c2-\u00f4\u0400-\u045f\u00ad\u061c\u200b-\u200f"
                         "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


@lru_cache(maxsize=1)
def _ftfy_config():
    """ftfy set to undo mojibake only: quotes, widths, ligatures and the rest stay as printed."""
    import ftfy

    return ftfy, ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_encoding=True,
        restore_byte_a0=True, replace_lossy_sequences=True, decode_inconsistent_utf8=True,
        fix_c1_controls=True, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
        remove_control_chars=False, normalization=None, explain=True,
    )


class _Repairs:
    """What :func:`_repair_text` did to one field, summed over its paragraphs."""

    def __init__(self) -> None:
        self.markup = False
        self.truncated: str | None = None
        self.mojibake: list[str] = []
        self.invisible: list[str] = []


def _repair_text(value: Any, number: int | None, ctx: "_FileContext", field: str, *,
                 markup: bool = True) -> Any:
    """Repair scraped text: HTML tags and entities, API truncation markers, mojibake
    (with ftfy) and invisible format characters; one problems row per kind and field.
    ``markup=False`` for text a reader has already parsed out of its markup (web pages,
    XML): tags and entities in it are text as printed."""
    done = _Repairs()
    value = _repair_value(value, done, markup)
    if done.markup:
        ctx.add(number, "HTML markup", f"removed tags and entities from {field}", "repaired")
    if done.truncated is not None:
        ctx.add(number, "truncated text", f"{field} ends with the marker "
                f"{done.truncated!r}: the source cut it short", "kept partially")
    if done.mojibake:
        ctx.add(number, "mojibake", f"{field} was UTF-8 decoded with the wrong encoding; "
                f"repaired with ftfy ({', '.join(done.mojibake)})", "repaired")
    if done.invisible:
        names = sorted({f"U+{ord(c):04X}" for c in done.invisible})
        ctx.add(number, "invisible characters",
                f"removed {len(done.invisible)} zero-width or bidirectional control "
                f"character(s) from {field} ({', '.join(names[:5])})", "repaired")
    return value


def _repair_value(value: Any, done: _Repairs, markup: bool = True) -> Any:
    """One value repaired (a list: each item), what was done noted in ``done``.

    >>> _repair_value("Why <b>tags</b> &amp; more", _Repairs())
    'Why tags & more'
    >>> _repair_value("Why <p> tags & &amp; matter", _Repairs(), markup=False)
    'Why <p> tags & &amp; matter'
    """
    if isinstance(value, (list, tuple)):
        return [_repair_value(v, done, markup) for v in value]
    if not isinstance(value, str):
        return value
    text = value
    if markup and _holds_html(text):
        text = _strip_markup(text)
        done.markup = True
    elif markup and _ENTITY_RE.search(text):
        import html

        text = html.unescape(text)
    # The marker ends the text: test that first, the regex alone tries every position.
    match = _TRUNCATED_RE.search(text) if text.rstrip().endswith("chars]") else None
    if match:
        if done.truncated is None:
            done.truncated = match.group().strip()
        text = text[: match.start()]
    if text.isascii() or not _SUSPECT_RE.search(text):
        return text
    if _MOJIBAKE_HINT_RE.search(text):
        ftfy, config = _ftfy_config()
        fixed, steps = ftfy.fix_and_explain(text, config)
        if fixed != text:
            for step in steps or []:
                name = f"{step.action} {step.parameter}"
                if name not in done.mojibake:
                    done.mojibake.append(name)
            text = fixed
    invisible = _INVISIBLE_RE.findall(text) if _INVISIBLE_HINT_RE.search(text) else None
    if invisible:
        done.invisible.extend(invisible)
        text = _INVISIBLE_RE.sub("", text)
    return text
