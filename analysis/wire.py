"""The anatomy of a wire story: datelines, agencies and the title / lede / body split.

A wire story opens its body with a *dateline*: the place it was filed from, often the
date, and the credited agency, in one of a handful of house styles::

    ASTANA, May 20. /TASS/.                      TASS
    IGORA /Leningrad Region/, December 26. /TASS/.
    MURMANSK. February 7. /TASS/.
    MOSCOW (Reuters) -                           Reuters
    LONDON, May 20 (Reuters) -
    KYIV, Ukraine (AP) —                         AP
    BEIJING, May 20 (Xinhua) --                  Xinhua
    PARIS (AFP) -                                AFP

:func:`parse_dateline` recognises these (and their spacing and punctuation variants) at
the start of a paragraph. :func:`split_story` uses it to tell the headline, the lede and
the body of an article apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

__all__ = ["Dateline", "parse_dateline", "parse_printed_date", "canonical_agency", "split_story",
           "Story"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH_RE = "(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"

# Upper-case letters of Latin script (ASCII plus the accented capitals of Latin-1 and
# Latin Extended-A), so that BOGOTÁ, SÃO PAULO and ŁÓDŹ are places too.
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
# Capitals, with spaces, periods, hyphens and apostrophes inside (NEW YORK, ST. PETERSBURG,
# NUR-SULTAN) and a slash between places filed from jointly (WASHINGTON/LONDON).
_PLACE = (rf"[{_UP}](?:[{_UP}'’.\-]|[ ](?=[{_UP}])|/(?=[{_UP}]{{2,}}[{_UP} .'’\-]*(?:,|\s\()))*"
          rf"[{_UP}]\.?")
_DASH = r"(?:-{1,3}|[—–―])"
# An agency credit: a capitalised name of at most four words (TASS, ITAR-TASS, Reuters,
# AP, Xinhua, dpa, Interfax-Ukraine, Reuters Health ...).
_AGENCY = r"[A-Za-z][A-Za-z&.'\-]*(?:\s[A-Z][A-Za-z&.'\-]*){0,3}"
_DAY_MONTH = (
    rf"(?:(?P<month>{_MONTH_RE})\.?\s*(?P<day>\d{{1,2}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_RE})\.?)"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
)

_DATELINE_RE = re.compile(
    rf"""
    (?P<place>{_PLACE})
    (?:\s*/\s*(?P<detail_slash>[^/\n]{{1,60}}?)\s*/)?          # IGORA /Leningrad Region/
    (?:\s*,\s*(?!(?:{_MONTH_RE})\b\.?\s*\d)(?!\d)
        (?P<detail_comma>[{_UP}][\w.'’\- ]{{0,40}}?))?         # KYIV, Ukraine
    (?:\s*[,.]?\s*(?P<date>{_DAY_MONTH}))?                    # , May 20
    \s*\.?\s*
    (?:
        /\s*(?P<agency_slash>{_AGENCY})\s*/\s*\.?(?:\s*{_DASH}(?=\s))?  # /TASS/.
      | \(\s*(?P<agency_paren>{_AGENCY})\s*\)\s*{_DASH}        # (Reuters) -
      | (?<=\d)\s*{_DASH}                                     # NEW YORK, May 20 -
    )
    [ \t]*
    """,
    re.VERBOSE,
)
# AFP and some papers print the place in title case: "Washington (AFP) -", "Rio de Janeiro
# (AFP) -", "Port-au-Prince (AFP) -". Accepted only with a known agency's credit, so that
# ordinary sentences are never taken for datelines.
_TITLE_WORD = r"[A-Z][\w'’]*"
_PARTICLE = (r"(?:de|da|do|dos|das|del|della|di|du|des|la|le|les|es|el|al|au|aux|am|im|an|"
             r"on|upon|sur|sous|en|y|van|von|der|den|ter)")
_TITLE_CASE_DATELINE_RE = re.compile(
    rf"""
    (?P<place>{_TITLE_WORD}(?:[ \-](?:{_PARTICLE}[ \-])*{_TITLE_WORD}){{0,4}})
    (?:\s*,\s*(?!(?:{_MONTH_RE})\b)(?!\d)(?P<detail_comma>[A-Z][\w.'’\- ]{{0,40}}?))?
    (?:\s*[,.]\s*(?P<date>{_DAY_MONTH}))?
    \s*\.?\s*
    (?:
        \(\s*(?P<agency_paren>{_AGENCY})\s*\)\s*{_DASH}
      | /\s*(?P<agency_slash>{_AGENCY})\s*/\s*\.?(?:\s*{_DASH}(?=\s))?
    )
    [ \t]*
    """,
    re.VERBOSE,
)
# A dateline is short: the patterns only look at the start of a paragraph, which also
# keeps their cost bounded on long paragraphs of odd spacing.
_DATELINE_MAX = 160

_AGENCY_NAMES = {
    "tass": "TASS", "itar-tass": "TASS", "itar tass": "TASS", "tass.com": "TASS",
    "reuters": "Reuters", "reuters.com": "Reuters", "thomson reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "the associated press": "AP", "apnews.com": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP", "afp.com": "AFP",
    "xinhua": "Xinhua", "xinhuanet": "Xinhua", "xinhua news agency": "Xinhua",
    "xinhuanet.com": "Xinhua", "news.cn": "Xinhua",
    "ria novosti": "RIA Novosti", "ria.ru": "RIA Novosti", "interfax": "Interfax",
    "interfax.com": "Interfax", "dpa": "dpa", "upi": "UPI", "bloomberg": "Bloomberg",
    "bloomberg.com": "Bloomberg", "kyodo": "Kyodo", "anadolu": "Anadolu",
    "anadolu agency": "Anadolu", "aa.com.tr": "Anadolu", "efe": "EFE", "ansa": "ANSA",
    "yonhap": "Yonhap", "pti": "PTI", "ukrinform": "Ukrinform", "belta": "BelTA",
    "kazinform": "Kazinform", "irna": "IRNA", "aa": "Anadolu", "sputnik": "Sputnik", "bbc": "BBC",
    "bbc.com": "BBC", "bbc.co.uk": "BBC", "cnn": "CNN", "cnn.com": "CNN",
    "abc": "ABC", "abc.net.au": "ABC", "al jazeera": "Al Jazeera", "aljazeera.com": "Al Jazeera",
    "rt": "RT", "rt.com": "RT",
}


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a paragraph.

    ``text`` is the dateline as printed (without the dash or space that separates it from
    the story); ``end`` is where the story itself starts in the paragraph.
    """

    text: str
    place: str
    place_detail: str | None
    agency: str | None
    month: int | None
    day: int | None
    year: int | None
    end: int


def canonical_agency(name: str | None) -> str | None:
    """Return the usual spelling of a news agency's name, or ``name`` stripped.

    >>> canonical_agency("REUTERS"), canonical_agency("ITAR-TASS"), canonical_agency("www.apnews.com")
    ('Reuters', 'TASS', 'AP')
    """
    if name is None:
        return None
    cleaned = " ".join(str(name).split()).strip(" ./")
    if not cleaned:
        return None
    key = cleaned.lower()
    key = key.removeprefix("www.")
    if key in _AGENCY_NAMES:
        return _AGENCY_NAMES[key]
    return cleaned


def agency_from_url(url: str | None) -> str | None:
    """Guess the agency from a known news site's address (``https://tass.com/...`` -> TASS)."""
    if not url:
        return None
    match = re.match(r"^(?:[a-z]+://)?(?:www\.)?([^/:?#]+)", str(url).strip(), re.IGNORECASE)
    if not match:
        return None
    host = match.group(1).lower()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in _AGENCY_NAMES and "." in candidate:
            return _AGENCY_NAMES[candidate]
    return None


def parse_dateline(paragraph: str, *, credit_required: bool = False) -> Dateline | None:
    """Parse the dateline at the very start of ``paragraph``; ``None`` if it has none.

    The place is printed in capitals (``ASTANA``, ``NEW YORK``, ``ST. PETERSBURG``), or in
    title case before a known agency's credit (``Paris (AFP) -``). The dateline ends in an
    agency credit (``/TASS/.``, ``(Reuters) -``) or, unless ``credit_required``, for
    papers that print no credit, in a date and a dash (``NEW YORK, May 20 -``).

    >>> d = parse_dateline("IGORA /Leningrad Region/, December 26. /TASS/. Russia could ...")
    >>> d.place, d.place_detail, d.agency, d.month, d.day
    ('IGORA', 'Leningrad Region', 'TASS', 12, 26)
    >>> parse_dateline("KYIV, Ukraine (AP) — Russian drones ...").place_detail
    'Ukraine'
    >>> parse_dateline("Moscow is the capital.") is None
    True
    """
    lead = len(paragraph) - len(paragraph.lstrip())
    head = paragraph[: lead + _DATELINE_MAX]
    match = _DATELINE_RE.match(head, lead)
    if match is None:
        match = _TITLE_CASE_DATELINE_RE.match(head, lead)
        credit = match and (match.group("agency_paren") or match.group("agency_slash"))
        if match is None or credit.lower() not in _AGENCY_NAMES:
            return None
    groups = match.groupdict()
    if credit_required and not (groups.get("agency_slash") or groups.get("agency_paren")):
        return None
    place = match.group("place")
    place = place.rstrip(".") if not re.search(r"\b[A-Z]\.$|\bST\.$", place) else place
    detail = groups.get("detail_slash") or groups.get("detail_comma")
    if detail is not None:
        detail = " ".join(detail.split()).strip(" ,")
        # "D.C." and "Calif.": the lazy pattern leaves an abbreviation's last period out.
        after = match.end("detail_comma")
        if after > 0 and paragraph[after : after + 1] == "." and (
                re.search(r"\.\w$", detail) or len(detail) <= 5):
            detail += "."
        if not detail:
            detail = None
    agency_raw = groups.get("agency_slash") or groups.get("agency_paren")
    if agency_raw is not None and not _looks_like_agency(agency_raw):
        return None
    month = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    year = match.group("year")
    end = match.end()
    printed = paragraph[lead:end].rstrip()
    # The separator after a credit ("-", "—", "--") is not part of the dateline as printed.
    printed = re.sub(rf"\s*{_DASH}$", "", printed)
    return Dateline(
        text=printed,
        place=place,
        place_detail=detail,
        agency=canonical_agency(agency_raw),
        month=_MONTHS[month.lower()] if month else None,
        day=int(day) if day else None,
        year=int(year) if year else None,
        end=end,
    )


def _looks_like_agency(name: str) -> bool:
    """An agency credit starts with a capital (dpa and other known names excepted)."""
    name = name.strip()
    return name[:1].isupper() or name.lower() in _AGENCY_NAMES


# ---------------------------------------------------------------------------------------
# Title / lede / body
# ---------------------------------------------------------------------------------------

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


def parse_printed_date(text: str) -> datetime | None:
    """Read a date as printed on a page (``16 January 2025, 11:42``, ``Dec. 26, 2024 at
    9:05 p.m. EST``, ``2024-12-26 21:09``, ``26.12.2024``); ``None`` without a year.

    The clock time is kept as printed; a time zone name is ignored.

    >>> parse_printed_date("December 26, 2024 at 9:05 p.m. EST")
    datetime.datetime(2024, 12, 26, 21, 5)
    """
    match = re.search(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", text)
    if match:
        y, m, d = int(match[1]), int(match[2]), int(match[3])
    elif match := re.search(r"(?<!\d)(\d{1,2})([./])(\d{1,2})\2(\d{4})(?!\d)", text):
        a, b, y = int(match[1]), int(match[3]), int(match[4])
        # Dots are day-first (Europe); slashes month-first (US) unless that is impossible.
        d, m = (a, b) if match[2] == "." or a > 12 else (b, a)
    elif match := re.search(
        rf"(?<!\d)(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})(?!\d)", text
    ):
        d, m, y = int(match[1]), _MONTHS[match[2].lower()], int(match[3])
    elif match := re.search(
        rf"({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", text
    ):
        m, d, y = _MONTHS[match[1].lower()], int(match[2]), int(match[3])
    else:
        return None
    rest = text[: match.start()] + " " + text[match.end() :]
    hour = minute = second = 0
    clock = re.search(r"(?<![\d.])(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(?:([ap])\.?m\.?)?", rest,
                      re.IGNORECASE)
    if clock:
        hour, minute, second = int(clock[1]), int(clock[2]), int(clock[3] or 0)
        if clock[4]:
            hour = hour % 12 + (12 if clock[4].lower() == "p" else 0)
    try:
        return datetime(y, m, d, hour, minute, second)
    except ValueError:
        return None


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
