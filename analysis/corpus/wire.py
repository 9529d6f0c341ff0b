"""Datelines and agencies: the opening of a wire story.

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
    Toronto, Feb 26 -                            Reuters, AP (no credit printed)

:func:`parse_dateline` recognises these (and their spacing and punctuation variants) at
the start of a paragraph. :func:`split_story` (in :mod:`analysis.corpus.story`, offered
here too) uses it to tell the headline, the lede and the body of an article apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

__all__ = ["Dateline", "parse_dateline", "parse_printed_date", "canonical_agency"]

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
# Reuters and AP also print title-case places with a month-day and a dash, no credit:
# "Toronto, Feb 26 - ", "Washington, Jan. 5 — ", "St. Louis, Oct. 3 - ". The comma, the
# month-day and the dash are the evidence, so a sentence ("Paris, March 3 was ...", "In
# Toronto, Feb 26 - ...") is not taken. Repetition is bounded and the classes next to each
# other do not overlap, so the cost stays linear on hostile input.
_TITLE_WORD_B = r"(?:(?:St|Ste|Mt|Ft)\.|[A-Z][\w'’]{0,30})"
# Words that open a sentence rather than a place ("In Toronto, Feb 26 - ...").
_SENTENCE_WORD = (r"(?:In|On|At|By|For|From|To|Of|With|Without|Into|Onto|And|But|Or|Nor|So|Yet|"
                  r"As|An|After|Before|Since|Until|Till|Through|During|Near|Outside|Inside|"
                  r"Across|Over|Under|Around|Back|Here|There|Then|Now|This|That|These|Those|"
                  r"Last|Next|Early|Late|Earlier|Later|When|While|Where|If|Also|However|"
                  r"Meanwhile|Yesterday|Today|Tomorrow|Tonight|It|He|She|We|They|I|You|Our|His|"
                  r"Her|Their|Its|My|Your|Mr|Mrs|Ms|Dr|The(?![ ]Hague\b))")
_WEEKDAY = (r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?")
_TITLE_CASE_DATED_RE = re.compile(
    rf"""
    (?!(?:{_SENTENCE_WORD}|{_WEEKDAY}|{_MONTH_RE})(?![\w'’]))
    (?P<place>{_TITLE_WORD_B}(?:[ \-](?:{_PARTICLE}[ \-]){{0,3}}{_TITLE_WORD_B}){{0,4}})
    (?:[ ]{{0,2}},[ ]{{0,2}}(?!(?:{_MONTH_RE})\b)(?!\d)
        (?P<detail_comma>[A-Z][\w.'’\- ]{{0,40}}?))?          # Oakland, Calif.
    [ ]{{0,2}},[ ]{{0,2}}
    (?:(?P<month>{_MONTH_RE})\.?[ ]{{0,2}}(?P<day>\d{{1,2}})
      |(?P<day2>\d{{1,2}})[ ]{{1,2}}(?P<month2>{_MONTH_RE})\.?)(?!\d)
    (?:,?[ ]{{1,2}}(?P<year>(?:19|20)\d\d))?                  # , Feb 26, 2024
    [ ]{{0,2}}{_DASH}(?=\s)
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


def parse_dateline(paragraph: str, *, credit_required: bool = False) -> Dateline | None:
    """Parse the dateline at the very start of ``paragraph``; ``None`` if it has none.

    The place is printed in capitals (``ASTANA``, ``NEW YORK``, ``ST. PETERSBURG``), or in
    title case before a known agency's credit (``Paris (AFP) -``) or before a comma, a
    month-day and a dash (``Toronto, Feb 26 -``, ``St. Louis, Oct. 3 -``). The dateline
    ends in an agency credit (``/TASS/.``, ``(Reuters) -``) or, unless ``credit_required``,
    for papers that print no credit, in a date and a dash (``NEW YORK, May 20 -``).

    >>> d = parse_dateline("IGORA /Leningrad Region/, December 26. /TASS/. Russia could ...")
    >>> d.place, d.place_detail, d.agency, d.month, d.day
    ('IGORA', 'Leningrad Region', 'TASS', 12, 26)
    >>> parse_dateline("KYIV, Ukraine (AP) — Russian drones ...").place_detail
    'Ukraine'
    >>> d = parse_dateline("Rio de Janeiro, March 3 - Brazil's ...")
    >>> d.place, d.agency, d.month, d.day
    ('Rio de Janeiro', None, 3, 3)
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
            match = _TITLE_CASE_DATED_RE.match(head, lead)
            if match is None or not 1 <= int(match.group("day") or match.group("day2")) <= 31:
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


def __getattr__(name: str):
    # split_story and Story live in analysis.corpus.story, which imports this module;
    # they are looked up there on first use, so either module can be imported first.
    if name in ("split_story", "Story"):
        from .story import Story, split_story

        return {"split_story": split_story, "Story": Story}[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
