"""Saved web pages (``.html``, ``.htm``, ``.xhtml``): one article each, read offline.

:func:`_page_record` hands the page's text to trafilatura (never a URL: nothing is
fetched), which keeps the main text and leaves out menus, cookie banners, share buttons
and footers, and reads the title, date, site name, address (canonical link or
``og:url``) and author. Its text keeps the page's ``<h1>`` as the first paragraph: that
paragraph is dropped when it repeats the title (so the two are never glued together).
When trafilatura finds no text (or fails), the page's ``<title>`` (or first ``<h1>``)
and ``<p>`` paragraphs outside navigation, headers, footers and banners are read with
lxml's HTML parser instead, and the problems table says so.

The record's fields: ``title``, ``text`` (a list of paragraphs), ``date``, ``url``,
``site`` (the site's name) and ``byline`` (the author), each only when the page has it.

>>> page = '''<html><head><title>Talks end | Example News</title></head><body>
... <nav><a href="/">Home</a> <a href="/world">World</a></nav>
... <h1>Talks end</h1><p>The talks ended on Tuesday with a joint statement on trade.</p>
... <p>The next round is due in the autumn, officials said after the meeting.</p>
... <footer><p>Copyright Example News. All rights reserved.</p></footer></body></html>'''
>>> record, fallback = _page_record(page)
>>> record["title"], record["text"], fallback
('Talks end', ['The talks ended on Tuesday with a joint statement on trade.', \
'The next round is due in the autumn, officials said after the meeting.'], None)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from .load import _FileContext

# htmldate's settings: dates from the page's metadata, markup and address only (not
# guessed from the body's text, which the loader reads itself), with the time when given.
# A date in the address (``/2025/05/20/``) only when the page gives none with its time.
_DATE_PARAMS = {"original_date": True, "extensive_search": False,
                "outputformat": "%Y-%m-%dT%H:%M:%S%z", "deferred_url_extractor": True}
# Where the fallback looks for no article text.
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "button", "menu",
                          "noscript", "template", "figure", "dialog"})
_CHROME_RE = re.compile(r"cookie|consent|gdpr|share|social|newsletter|subscribe|breadcrumb|"
                        r"advert|promo|menu|navbar|navigation|footer", re.IGNORECASE)
# A title that ends with the site's name after a separator: "Talks end | Example News".
_TITLE_TAIL_RE = re.compile(r"\s*[|\-–—:·•]\s*\S")
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")


def _page_records(text: str, ctx: _FileContext) -> Iterator[tuple[None, dict[str, Any]]]:
    """The page's one record, and a problems row when the fallback read it."""
    record, fallback = _page_record(text)
    if not record.get("text") and not record.get("title"):
        why = "" if fallback is None else f" ({fallback.split(';')[0]})"
        ctx.add(None, "no text", f"the page has no main text, title or paragraphs{why}",
                "skipped")
        return
    if fallback is not None:
        ctx.add(None, "page fallback", fallback, "kept partially")
    yield None, record


def _page_record(html: str) -> tuple[dict[str, Any], str | None]:
    """``(record, why the fallback was used or None)`` of one page's HTML."""
    import trafilatura

    why = None
    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=dict(_DATE_PARAMS))
    except Exception as err:  # noqa: BLE001 - any failure of the extractor falls back
        document, why = None, f"trafilatura failed ({type(err).__name__}: {err})"[:300]
    paragraphs = _blocks(document) if document is not None else []
    if paragraphs:
        meta = document
    else:
        why = why or "trafilatura found no main text"
        meta = _metadata(trafilatura, html)
        paragraphs = _fallback_paragraphs(html)
        why += "; read the page's <title> and <p> paragraphs instead"
    title = _clean(getattr(meta, "title", None)) if meta is not None else None
    if title is None and why is not None:
        title = _fallback_title(html)
    title, paragraphs = _without_heading(title, paragraphs)
    record = {
        "title": title,
        "text": [text for text, _ in paragraphs],
        "date": getattr(meta, "date", None) or None,
        "url": getattr(meta, "url", None) or None,
        "site": _clean(getattr(meta, "sitename", None)),
        "byline": _clean(getattr(meta, "author", None)),
    }
    record = {k: v for k, v in record.items() if v}
    return record, why


def _metadata(trafilatura: Any, html: str) -> Any:
    """trafilatura's metadata alone (for the fallback), or None when it fails too."""
    try:
        return trafilatura.extract_metadata(html, date_config=dict(_DATE_PARAMS))
    except Exception:  # noqa: BLE001 - the fallback then reads the title itself
        return None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _text(element: Any) -> str:
    """An element's text: white space collapsed as a browser does, line breaks
    (``<lb/>``, ``<br>``) kept."""
    lines: list[list[str]] = [[]]

    def walk(node: Any) -> None:
        if node.text:
            lines[-1].append(node.text)
        for child in node:
            if child.tag in ("lb", "br"):
                lines.append([])
            elif isinstance(child.tag, str):
                walk(child)
            if child.tail:
                lines[-1].append(child.tail)

    walk(element)
    joined = (" ".join("".join(line).split()) for line in lines)
    return "\n".join(line for line in joined if line)


def _blocks(document: Any) -> list[tuple[str, bool]]:
    """trafilatura's main text as ``(paragraph, is a heading)``: each paragraph, heading,
    quote, list item and table row of its body (the plain text when there is no body)."""
    body = getattr(document, "body", None)
    if body is None or not len(body):
        text = getattr(document, "text", None) or ""
        return [(line.strip(), False) for line in text.split("\n") if line.strip()]
    blocks = []
    for element in body:
        if element.tag == "list":
            texts = [_text(item) for item in element.iter("item")]
        elif element.tag == "table":
            texts = [" | ".join(t for t in (_text(cell) for cell in row) if t)
                     for row in element.iter("row")]
        elif element.tag == "graphic":
            texts = []
        else:
            texts = [_text(element)]
        blocks.extend((t, element.tag == "head") for t in texts if t)
    return blocks


def _without_heading(
    title: str | None, paragraphs: list[tuple[str, bool]]
) -> tuple[str | None, list[tuple[str, bool]]]:
    """The title, and the paragraphs without the headline that repeats it (the page's
    ``<h1>``, which trafilatura keeps as the first line); a title that is the headline
    plus the site's name (``Talks end | Example News``) becomes the headline."""
    for i, (text, heading) in enumerate(paragraphs[:3]):
        if not heading and i > 0:
            continue
        same = _norm(text)
        if title is None and heading:
            return text, paragraphs[:i] + paragraphs[i + 1:]
        if title is None:
            break
        full = _norm(title)
        if same == full or (heading and full.startswith(same)
                            and _TITLE_TAIL_RE.match(full[len(same):])):
            return text, paragraphs[:i] + paragraphs[i + 1:]
    return title, paragraphs


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _parse_html(html: str) -> Any:
    """The page's tree from lxml's HTML parser (None for a page it cannot parse)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        return lxml.html.document_fromstring(_XML_DECLARATION_RE.sub("", html, count=1))
    except (ParserError, ValueError):
        return None


def _fallback_title(html: str) -> str | None:
    """The page's ``<title>``, else its first ``<h1>``."""
    root = _parse_html(html)
    if root is None:
        return None
    for path in (".//title", ".//h1"):
        found = root.find(path)
        if found is not None and _clean(found.text_content()):
            return _clean(found.text_content())
    return None


def _fallback_paragraphs(html: str) -> list[tuple[str, bool]]:
    """The page's first ``<h1>`` and its ``<p>`` paragraphs outside page furniture."""
    root = _parse_html(html)
    if root is None:
        return []
    for element in root.iter("script", "style", "noscript", "template"):
        element.drop_tree()
    blocks = []
    seen_h1 = False
    for element in root.iter("h1", "p"):
        if any(_is_chrome(a) for a in element.iterancestors()) or _is_chrome(element):
            continue
        if element.tag == "h1":
            if seen_h1:
                continue
            seen_h1 = True
        text = _text(element)
        if text:
            blocks.append((text, element.tag == "h1"))
    return blocks


def _is_chrome(element: Any) -> bool:
    if element.tag in _CHROME_TAGS:
        return True
    marks = f"{element.get('id', '')} {element.get('class', '')} {element.get('role', '')}"
    return bool(marks.strip()) and bool(_CHROME_RE.search(marks))
