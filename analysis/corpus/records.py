"""One record to one row: field names mapped to the kit's columns, the text repaired
and split into title, lede, dateline and body, duplicates flagged, and the rows made
into the articles table.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._validate import check_choice
from ..text import LONG_TOKEN, long_tokens
from .dates import _dateline_date, _in_range, _parse_dates
from .outlets import canonical_outlet, is_wire_agency, outlet_from_url
from .repair import _as_text, _fix_surrogates, _repair_text
from .story import split_story
from .wire import canonical_agency, parse_printed_date

if TYPE_CHECKING:
    from .load import _FileContext

ARTICLE_COLUMNS = [
    "doc_id", "source", "agency", "outlet", "title", "lede", "dateline", "place", "place_detail",
    "date", "url", "text", "n_words",
]

# Field names recognised in JSON and CSV records, in order of preference. Keys are
# compared case-insensitively, with spaces and hyphens read as underscores.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "head", "heading", "header"),
    "lede": ("lede", "lead", "description", "subtitle", "sub_title", "summary", "standfirst",
             "abstract", "dek", "teaser", "excerpt", "intro", "subheadline"),
    "text": ("text", "content", "body", "article", "full_text", "fulltext", "article_text",
             "articletext", "article_body", "articlebody", "body_text", "maintext",
             "main_text", "story"),
    "date": ("date", "published", "publish_date", "published_date", "published_at",
             "publishedat", "pubdate", "pub_date", "publication_date", "date_published",
             "datetime", "date_time", "timestamp", "time", "created_at", "created"),
    "url": ("url", "link", "href", "permalink", "web_url", "canonical_url", "uri"),
    "agency": ("agency", "news_agency", "agency_name", "wire", "wire_service", "credit"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "sitename", "source_name",
               "outlet_name", "publisher_name", "domain", "media", "media_outlet",
               "publication", "newspaper"),
}
# Tried on the fields that no exact name took, column by column in this order: the
# first field (in the record's order) whose name matches one of a column's patterns
# (``fnmatch`` style, on the lower-case name) goes to that column, and the guess is
# reported (``action: mapped``). Names that say they are something else (an id, a
# count, an image's address) and names starting with ``_`` are never guessed.
NAME_PATTERNS: dict[str, tuple[str, ...]] = {
    "url": ("*permalink*", "*link*", "*url*", "*href*", "*uri"),
    "lede": ("*subtitle*", "*sub_title*", "*subhead*", "*standfirst*", "*summary*",
             "*description*", "*abstract*", "*teaser*", "*lede*"),
    "title": ("headline*", "*headline*", "*title*"),
    "date": ("published*", "*pub*date*", "*date*", "*time*"),
    "text": ("*text*", "*body*", "*content*", "*article*", "*story*"),
    "outlet": ("*outlet*", "*publisher*", "*site_name*", "*source_name*", "*publication*",
               "*newspaper*"),
    "agency": ("*agency*",),
}
_NOT_GUESSED_RE = re.compile(
    r"(?:^|_)(?:id|ids|uuid|guid|key|count|length|len|size|type|kind|lang|language|category|"
    r"categories|tags?|image|images|img|photo|thumbnail|picture|video|icon|logo|timezone|zone|"
    r"reading|read|author|authors|words?|dateline|datelines|html_id|status|score|rank|views?|shares?)(?:_|$)")
_URL_VALUE_RE = re.compile(r"https?://[^\s/][^\s/.]*+\.\S*+", re.IGNORECASE)   # no backtracking
_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass
class _Row:
    """One article: its columns, and what is needed to finish its date afterwards."""

    values: dict[str, Any]
    ctx: "_FileContext"
    number: int | None
    date_raw: Any
    printed_date: str | None
    dateline_date: pd.Timestamp | None
    words_key: bytes | None = None


def _check_fields(fields: Mapping[str, str] | None) -> dict[str, str]:
    if fields is None:
        return {}
    if not isinstance(fields, Mapping):
        raise TypeError(f"fields={fields!r} must be a dict such as {{'text': 'body'}}.")
    for key, value in fields.items():
        check_choice("fields key", key, list(FIELD_ALIASES))
        if not isinstance(value, str):
            raise TypeError(f"fields[{key!r}]={value!r} must be the name of a record field (a str).")
    return dict(fields)


def _field_key(name: Any) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def _map_fields(record: dict, ctx: "_FileContext") -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a record into the kit's fields and the rest (kept as extra columns).

    The plan (which field goes to which column) is made once per file and set of field
    names; its guesses are reported then, once per file.
    """
    names = tuple(record)
    known = ctx.plans.get(names)
    if known is None:
        plan, guesses = _plan_fields(record, ctx.options.fields, guess=not ctx.parsed)
        known = ctx.plans[names] = (plan, frozenset(plan.values()))
        for column, name, how in guesses:
            ctx.add(None, "field guessed", f"{column} <- {name} ({how}; pass fields="
                    f"{{{column!r}: ...}} to choose another field)", "mapped")
    plan, used = known
    mapped = {column: record[name] for column, name in plan.items()}
    extras = {}
    for name, value in record.items():
        if name in used:
            continue
        column = str(name)
        if column in ARTICLE_COLUMNS:
            column = f"record_{column}"
        extras[column] = value
    return mapped, extras


def _plan_fields(record: dict, overrides: dict[str, str], *, guess: bool = True
                 ) -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    """``{column: field name}`` for a record's fields, and the guesses among them as
    ``(column, field name, how)``: exact names first (:data:`FIELD_ALIASES`), then name
    patterns (:data:`NAME_PATTERNS`), then, for ``url``, a field whose value is a web
    address."""
    by_key: dict[str, Any] = {}
    for name in record:
        by_key.setdefault(_field_key(name), name)
    plan: dict[str, Any] = {}
    used: set = set()
    for column, aliases in FIELD_ALIASES.items():
        if column in overrides:
            candidates = [overrides[column]] if overrides[column] in record else []
        else:
            candidates = [by_key[a] for a in aliases if a in by_key]
        for name in candidates:
            if name not in used:
                plan[column] = name
                used.add(name)
                break
    guesses: list[tuple[str, str, str]] = []
    if not guess:
        return plan, guesses
    free = [(key, name) for key, name in by_key.items() if name not in used
            and not key.startswith("_") and not _NOT_GUESSED_RE.search(key)]
    for column, patterns in NAME_PATTERNS.items():
        if column in plan or column in overrides:
            continue
        for pattern in patterns:
            name = next((name for key, name in free if name not in used
                         and fnmatchcase(key, pattern) and _fits(column, record[name])), None)
            if name is not None:
                plan[column] = name
                used.add(name)
                guesses.append((column, str(name), "by its name"))
                break
    if "url" not in plan and "url" not in overrides:
        name = next((name for key, name in free if name not in used
                     and isinstance(record[name], str)
                     and _URL_VALUE_RE.fullmatch(record[name].strip())), None)
        if name is not None:
            plan["url"] = name
            guesses.append(("url", str(name), "its values are web addresses"))
    return plan, guesses


def _fits(column: str, value: Any) -> bool:
    """Whether a field's value can be the column's (a number is no title)."""
    if value is None or isinstance(value, str):
        return True
    if column == "date":
        return not isinstance(value, (bool, list, dict))
    if column in ("text", "lede"):
        return isinstance(value, (list, tuple))
    return isinstance(value, dict) and column == "outlet"


def _paragraphs(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [p for p in (_as_text(v) for v in value) if p]
    text = _as_text(value)
    if text is None:
        return []
    if re.search(r"\n[ \t]*\n", text):
        return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    return [p.strip() for p in text.split("\n") if p.strip()]


def _article(
    number: int | None, record: Any, ctx: _FileContext, *, mapped: bool = False,
    layout: bool = False,
) -> _Row | None:
    """One record's row (None when it is skipped, with a problems row saying why)."""
    try:
        return _record_row(number, record, ctx, mapped=mapped, layout=layout)
    except RecursionError:
        # A record the JSON parser took but nested too deeply to walk (hundreds of levels).
        ctx.add(number, "JSON nested too deeply", "a value nested too deeply to read (hundreds "
                "of levels); the record was not read", "skipped")
        return None


def _record_row(
    number: int | None, record: Any, ctx: _FileContext, *, mapped: bool, layout: bool,
) -> _Row | None:
    if isinstance(record, str):
        record, mapped = {"text": record}, True
    if not isinstance(record, dict):
        ctx.add(number, "not a record", f"expected an object, got {type(record).__name__}",
                "skipped")
        return None
    repaired: list[int] = []
    record = _fix_surrogates(record, repaired)
    if repaired:
        ctx.add(number, "lone surrogates",
                f"replaced {sum(repaired)} lone surrogate code point(s) with U+FFFD", "repaired")
    if mapped:
        fields, extras = record, {}
    else:
        fields, extras = _map_fields(record, ctx)

    markup = not ctx.parsed
    title = _as_text(_repair_text(_as_text(fields.get("title")), number, ctx, "title",
                                  markup=markup))
    lede = _as_text(_repair_text(_as_text(fields.get("lede")), number, ctx, "lede",
                                 markup=markup))
    paragraphs = _paragraphs(_repair_text(fields.get("text"), number, ctx, "text",
                                          markup=markup))
    if not layout and not paragraphs and not title and not lede:
        keys = ", ".join(map(str, list(record)[:8])) or "none"
        ctx.add(number, "no text", f"no title, lede or text field (fields: {keys}); pass "
                "fields={'text': ...} if the text is under another name", "skipped")
        return None
    story = split_story(paragraphs, title=title, lede=lede)
    if not story.body and not layout:
        ctx.add(number, "no text", "the record has a title or lede but no body text",
                "kept partially")

    dateline = story.dateline
    url = _as_text(fields.get("url"))
    agency, outlet = _agency_and_outlet(fields, dateline, url)

    text = "\n\n".join(story.body)
    _note_long_tokens(number, ctx, title=story.title, lede=story.lede, text=text)
    words = _WORD_RE.findall(text)
    suffix = "" if number is None else f"#{number}"
    values = {
        "doc_id": ctx.rel + suffix,
        "source": ctx.display + suffix,
        "agency": agency,
        "outlet": outlet,
        "title": story.title,
        "lede": story.lede,
        "dateline": dateline.text if dateline else None,
        "place": dateline.place if dateline else None,
        "place_detail": dateline.place_detail if dateline else None,
        "date": None,
        "url": url,
        "text": text,
        "n_words": len(words),
        **({"byline": story.byline} if story.byline else {}),
    }
    values.update(extras)
    return _Row(values, ctx, number, fields.get("date"), story.printed_date,
                _dateline_date(dateline, ctx.options.year, ctx.display),
                _words_key(words))


def _note_long_tokens(number: int | None, ctx: _FileContext, **fields: str | None) -> None:
    """One problems row for an article holding runs of over 200 characters with no space
    (a base64 image, a pasted table): kept, but the actor and quote passes skip them."""
    found = {name: [b - a for a, b in long_tokens(value)] for name, value in fields.items()
             if value and len(value) > LONG_TOKEN}
    found = {name: sizes for name, sizes in found.items() if sizes}
    if found:
        sizes = [n for runs in found.values() for n in runs]
        ctx.add(number, "very long token", f"{len(sizes)} run(s) of over {LONG_TOKEN} characters "
                f"with no space (the longest {max(sizes):,}) in {', '.join(found)}; not analysed "
                "for quotes and actors", "kept")


def _agency_and_outlet(fields: dict, dateline: Any, url: str | None
                       ) -> tuple[str | None, str | None]:
    """The credited wire and the publisher.

    Agency: the record's agency field, else the dateline's credit, else the outlet when
    the outlet is itself a wire agency (``tass.com``). Outlet: the record's outlet field
    (a name, a domain, or an object with a ``name``), else the URL's site, else, for copy
    with neither (a wire story in a text file), the agency.
    """
    agency = canonical_agency(_as_text(fields.get("agency")))
    if agency is None and dateline is not None:
        agency = dateline.agency
    named = fields.get("outlet")
    if isinstance(named, dict):
        named = named.get("name") or named.get("title") or named.get("id")
    outlet = canonical_outlet(_as_text(named)) or outlet_from_url(url)
    if agency is None and is_wire_agency(outlet):
        agency = outlet
    return agency, outlet or agency


def _words_key(words: list[str]) -> bytes | None:
    """A digest of the body's words alone, for finding near duplicates.

    It ignores everything but the words and their order: case, punctuation, spacing and
    line breaks, curly or straight apostrophes, and hyphens (``Post-Soviet`` and ``post
    Soviet`` are the same words). None for a body without words.
    """
    if not words:
        return None
    near = " ".join(words).lower().replace("\u2019", "'").replace("-", " ")
    return hashlib.blake2b(near.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _flag_duplicates(rows: list[_Row]) -> None:
    """A problems row for each article whose body repeats an earlier one's; all are kept."""
    exact: dict[str, _Row] = {}
    near: dict[bytes, _Row] = {}
    for row in rows:
        if row.words_key is None:
            continue
        first = exact.setdefault(row.values["text"], row)
        if first is not row:
            row.ctx.add(row.number, "duplicate",
                        f"same body text as {first.values['doc_id']}", "kept")
            continue
        first = near.setdefault(row.words_key, row)
        if first is not row:
            row.ctx.add(row.number, "near duplicate",
                        f"same words as {first.values['doc_id']}, differing only in case, "
                        "punctuation or spacing", "kept")


def _to_frame(rows: list[_Row]) -> pd.DataFrame:
    dates = []
    parsed = _parse_dates([row.date_raw for row in rows])
    for row, (stamp, why) in zip(rows, parsed):
        if why is not None:
            row.ctx.add(row.number, "bad date", f"{why}; the date is left empty", "kept partially")
        if stamp is None and row.printed_date is not None:
            printed = parse_printed_date(row.printed_date)
            stamp = _in_range(pd.Timestamp(printed)) if printed and \
                1800 <= printed.year <= 2200 else None
        if stamp is None:
            stamp = row.dateline_date
        dates.append(stamp)
    frame = pd.DataFrame([row.values for row in rows])
    extras = [c for c in frame.columns if c not in ARTICLE_COLUMNS]
    frame = frame[ARTICLE_COLUMNS + extras]
    frame["date"] = pd.to_datetime(pd.Series(dates, dtype="object"), errors="coerce") \
        .astype("datetime64[ns]").to_numpy()
    frame["n_words"] = frame["n_words"].astype("int64")
    for column in ARTICLE_COLUMNS:
        if column not in ("date", "n_words"):
            frame[column] = frame[column].astype("str")
    frame.index = pd.Index(frame["doc_id"].to_numpy(), name=None)
    return frame
