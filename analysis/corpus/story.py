"""Title / lede / body: the parts of one article, as :func:`split_story` finds them.

An article's paragraphs may open with site chrome (``All news``), a headline, a lede, a
date or byline line, then the body, which a dateline (see :mod:`analysis.corpus.wire`)
starts when there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .wire import _MONTH_RE, Dateline, parse_dateline

__all__ = ["split_story", "Story"]

# Lines that news sites print above the headline: navigation, section names.
_CHROME = {
    "all news", "latest news", "news", "top stories", "home", "main", "world", "politics",
    "russian politics & diplomacy", "world news", "business", "economy", "society & culture",
    "military & defense", "science & space", "sport", "sports", "emergencies",
    "in other media", "press review", "opinion", "analysis", "breaking news", "menu",
    "share", "print", "advertisement", "read more", "more news",
}
# How far into an article the dateline may sit (chrome, headline, lede, date, caption).
_MAX_PRE_PARAGRAPHS = 5

_TIME = (r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
         r"(?:\s*(?:\(?(?:[A-Z]{2,5}|GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?|[+-]\d{2}:?\d{2}))?")
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
_DATE_LINE_RE = re.compile(
    rf"""(?:{_TIME}\s*[,|]?\s*)?(?:{_WEEKDAY})?
    (?:\d{{1,2}}\s+(?:{_MONTH_RE})\.?(?:,?\s+\d{{4}})?
      |(?:{_MONTH_RE})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?
      |\d{{4}}-\d{{2}}-\d{{2}}(?:T\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?
      |\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})
    (?:\s*(?:,|\||\s)\s*(?:at\s+)?{_TIME})?""",
    re.VERBOSE | re.IGNORECASE,
)
_META_LABEL_RE = re.compile(
    r"^(?:last\s+updated|updated|published|posted|first\s+published|date|created|modified)"
    r"\s*(?:on|at)?\s*:?\s*",
    re.IGNORECASE,
)
_META_FIELD_RE = re.compile(
    r"^(?:source|editor|editors|author|authors|photo|photos|image|picture|credit|caption|"
    r"tags?|topics?|category|section|filed under|reporting by|writing by|editing by)\s*:", re.I)
# Page furniture that is neither headline nor lede.
_FURNITURE_RE = re.compile(
    r"^(?:\d+\s*(?:-\s*)?min(?:ute)?s?\s+read|listen to (?:this )?article(?:\s+\d+.*)?|"
    r"(?:file )?photo\b.{0,200}|©.{0,200}|share(?: this)?(?: article| story)?|"
    r"advertisement|skip to (?:main )?content|print this (?:page|article))$",
    re.IGNORECASE)
_BYLINE_RE = re.compile(
    r"^(?:By|BY)\s+(?:[A-Z][\w.'’\-]*|and|de|da|van|von|der|al|el|bin|le|la)"
    r"(?:[\s,]+(?:[A-Z][\w.'’\-]*|and|de|da|van|von|der|al|el|bin|le|la|in|for|staff|writer|"
    r"correspondent|reporter))*\.?$"
)




def _metadata_line(paragraph: str) -> tuple[str | None, str | None] | None:
    """``(printed date, byline)`` when ``paragraph`` is a date or byline line, else None.

    Date lines: ``16 January 2025, 11:42``, ``26 DEC, 21:09``, ``Updated: 2024-12-26
    21:09 GMT``, ``Source: Xinhua | 2024-12-26 20:14:32 | Editor: huaxia``. Bylines:
    ``By John Smith and Jane Doe``. Labelled fields (``Source: Xinhua``, ``Photo: ...``)
    and page furniture (``4 min read``) give ``(None, None)``.
    """
    text = paragraph.strip()
    if not text or len(text) > 200 or "\n" in text:
        return None
    if len(text.split()) <= 12 and _BYLINE_RE.match(text):
        return None, text
    if _FURNITURE_RE.match(text):
        return None, None
    date = None
    for piece in re.split(r"\s*[|•·]\s*", text):
        core = _META_LABEL_RE.sub("", piece).strip(" ,")
        if not core:
            continue
        if date is None and _DATE_LINE_RE.fullmatch(core):
            date = core
        elif not _META_FIELD_RE.match(core):
            return None
    # A date line, or a line of labelled fields ("Source: Xinhua", "Photo: ...").
    return date, None


@dataclass
class Story:
    """The parts of one article, as :func:`split_story` finds them."""

    title: str | None = None
    lede: str | None = None
    dateline: Dateline | None = None
    body: list[str] = field(default_factory=list)
    printed_date: str | None = None
    byline: str | None = None


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_chrome(paragraph: str) -> bool:
    return _norm(paragraph) in _CHROME


def _looks_like_title(paragraph: str) -> bool:
    words = paragraph.split()
    return 0 < len(words) <= 30 and "\n" not in paragraph.strip()


def _looks_like_section(paragraph: str) -> bool:
    """A site's section name ("Military & Defense", "World / Europe"): short, with '&' or '/'."""
    words = paragraph.split()
    return 0 < len(words) <= 5 and bool(re.search(r"\s[&/|]\s", paragraph)) and \
        not re.search(r"[.!?:;\"”»]$", paragraph.strip())


def split_story(
    paragraphs: list[str], *, title: str | None = None, lede: str | None = None
) -> Story:
    """Split an article's paragraphs into headline, lede, dateline and body.

    ``title`` and ``lede`` are the values a record already carries (from JSON or CSV
    fields); paragraphs that repeat them are dropped from the body. For a text file both
    are ``None`` and are read from the layout: optional site chrome (``All news``), the
    headline, an optional lede, then the body. A paragraph that opens with a dateline
    always starts the body, so it is never taken for the lede.

    >>> s = split_story(["All news", "Headline", "The lede.", "ASTANA, May 20. /TASS/. Body."])
    >>> s.title, s.lede, s.dateline.place, s.body
    ('Headline', 'The lede.', 'ASTANA', ['Body.'])
    """
    paras = [p.strip() for p in paragraphs]
    paras = [p for p in paras if p]
    known = {_norm(v) for v in (title, lede) if v}

    start, found = _find_dateline(paras, layout=title is None)
    if start is None and title is None:
        # Headers on single lines above a body split by blank lines ("All news\nHeadline
        # \n\nMOSCOW ..."): read the first blocks line by line.
        lines = _split_head(paras)
        if lines is not paras:
            line_start, line_found = _find_dateline(lines, layout=True)
            if line_start is not None or _is_chrome(lines[0]) or _metadata_line(lines[1]):
                paras, start, found = lines, line_start, line_found

    story = Story(title=title, lede=lede, dateline=found)
    if start is None:
        pre, body = _leading_parts(paras, title=title, known=known)
    else:
        pre = paras[:start]
        if title is None:
            pre = [line for p in pre for line in _header_lines(p)]
        first = paras[start][found.end :].strip()
        body = ([first] if first else []) + paras[start + 1 :]

    # Paragraphs before the body: drop chrome and repeats, read a printed date, then fill
    # the headline and lede that the record lacks; what is left stays in the body.
    rest = []
    for paragraph in pre:
        if _norm(paragraph) in known:
            continue
        meta = _metadata_line(paragraph)
        if meta is not None:
            date, byline = meta
            story.printed_date = story.printed_date or date
            story.byline = story.byline or byline
            continue
        rest.append(paragraph)
    while rest and _is_chrome(rest[0]):
        rest.pop(0)
    if story.title is None and len(rest) >= 3 and _looks_like_section(rest[0]):
        rest.pop(0)
    if story.title is None and rest:
        story.title = rest.pop(0)
    if story.lede is None and rest and start is not None:
        story.lede = rest.pop(0)
    # Leftovers (a photo caption, a second standfirst) are kept at the top of the body.
    body = rest + body
    # A body that repeats the lede or headline in its first paragraph (common in scraped
    # JSON) does not count it twice.
    while body and _norm(body[0]) in known | {_norm(v) for v in (story.title, story.lede) if v}:
        body.pop(0)
    story.body = body
    return story


def _header_lines(paragraph: str) -> list[str]:
    """A block whose first line is site chrome or a date/byline line, split into lines."""
    lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
    if len(lines) > 1 and (_is_chrome(lines[0]) or _metadata_line(lines[0]) is not None):
        return lines
    return [paragraph]


def _find_dateline(paras: list[str], *, layout: bool) -> tuple[int | None, Dateline | None]:
    """The first paragraph (among the first few) that opens with a dateline.

    In a text file's layout the first paragraph may be an all-capitals headline
    ("LIVE UPDATES, March 3 - ..."), so there only a dateline with an agency credit counts.
    """
    for i, paragraph in enumerate(paras[: _MAX_PRE_PARAGRAPHS + 1]):
        dateline = parse_dateline(paragraph, credit_required=layout and i == 0)
        if dateline is not None:
            return i, dateline
    return None, None


def _split_head(paras: list[str]) -> list[str]:
    """The first blocks split into lines, when they hold several short lines."""
    head = []
    changed = False
    for _k, paragraph in enumerate(paras[:3]):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        if 1 < len(lines) <= 6 and all(len(line) <= 400 for line in lines[:-1]):
            head.extend(lines)
            changed = True
        else:
            head.append(paragraph)
    if not changed or len(head) < 2:
        return paras
    return head + paras[3:]


def _leading_parts(
    paras: list[str], *, title: str | None, known: set[str]
) -> tuple[list[str], list[str]]:
    """Without a dateline: which leading paragraphs are chrome / headline, and the body."""
    if title is not None or len(paras) < 2:
        return [], paras
    i = 0
    pre = []
    def skippable(p: str) -> bool:
        return _is_chrome(p) or _norm(p) in known or _metadata_line(p) is not None

    while i < len(paras) - 1 and skippable(paras[i]):
        pre.append(paras[i])
        i += 1
    if i < len(paras) - 1 and _looks_like_title(paras[i]) and not re.search(
        r"[.;,]$", paras[i].rstrip("\"”’' ")
    ):
        pre.append(paras[i])
        i += 1
        # A byline or date line right under the headline.
        while i < len(paras) - 1 and _metadata_line(paras[i]) is not None:
            pre.append(paras[i])
            i += 1
    return pre, paras[i:]
