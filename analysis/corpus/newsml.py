"""News agency XML (``.xml``, ``.nitf``): IPTC's NITF and NewsML-G2, by the root element.

Element names are matched without their namespace, so NITF with the 2006 namespace
(``{http://iptc.org/std/NITF/2006-10-18/}nitf``), an older one or none reads alike.

- ``<nitf>``: one article. Title from ``head/title``, else ``hedline/hl1``; lede from
  ``hedline/hl2``, else ``body.head/abstract``; ``byline``; the ``dateline``; the
  ``<p>`` paragraphs of ``body.content`` (inside ``block`` too; not media or tables);
  date from ``docdata/date.issue@norm``, else ``pubdata@date.publication``, else
  ``docdata/date.release@norm``; agency from ``docdata/doc.copyright@holder``, else
  ``pubdata@name``, else ``distributor``.
- ``<newsMessage>`` (records 1..n, one per item of its ``itemSet``), ``<newsItem>`` or
  ``<packageItem>`` (one record), NewsML-G2: ``contentMeta``'s ``headline``,
  ``description`` (the lede), ``by``, ``dateline`` (else ``located/name``) and
  ``creditline`` (the agency, else ``itemMeta/provider``); the date from
  ``itemMeta/versionCreated``, else ``contentMeta/contentCreated``; the text from
  ``contentSet``: ``inlineXML`` holding NITF (read as above; the item's own metadata comes
  first) or XHTML (its paragraphs), or ``inlineData``. Items without text (pictures,
  packages pointing to other items) are problems rows.

A separate dateline is put before the first paragraph when the two read as a printed
dateline (so the loader's ``dateline`` and ``place`` columns get it), else kept as the
record's ``dateline`` field. Other roots, malformed XML (parsed by
:mod:`xml.etree.ElementTree`: no DTD or external entity is ever fetched) and HTML
entities undefined in XML (read as their characters) are problems rows.

>>> record = _nitf_record(_parse_xml('''<nitf><head><title>Talks end</title>
...   <docdata><date.issue norm="20250520T114200Z"/></docdata></head>
...   <body><body.head><dateline>MOSCOW, May 20</dateline></body.head>
...   <body.content><p>The talks ended.</p></body.content></body></nitf>''', None))
>>> record["title"], record["date"], record["text"]
('Talks end', '20250520T114200Z', ['MOSCOW, May 20 - The talks ended.'])
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .wire import parse_dateline

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from .load import _FileContext

_NEWSML_ROOTS = ("newsMessage", "newsItem", "packageItem")
_ITEMS = ("newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem")
# Elements read as one paragraph each, and the ones whose text is not the article's.
_PARAGRAPH_TAGS = frozenset({"p", "hl2", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre"})
_SKIPPED_TAGS = frozenset({"media", "table", "script", "style", "nav", "header", "footer",
                           "aside", "figure", "figcaption", "head", "noscript"})
_ENTITY_RE = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_DATELINE_END_RE = re.compile(r"(?<![\s\-–—:])[\s\-–—:]++$")   # from a run's start only


def _xml_records(text: str, ctx: _FileContext) -> Iterator[tuple[int | None, dict]]:
    """The records of an NITF or NewsML-G2 document; problems rows for the rest."""
    root = _parse_xml(text, ctx)
    if root is None:
        return
    name = _local(root.tag)
    if name == "nitf":
        record = _nitf_record(root)
        if record is None:
            ctx.add(None, "no text", "the NITF document has no title, lede or paragraphs",
                    "skipped")
        else:
            yield None, record
    elif name in _NEWSML_ROOTS:
        yield from _newsml_records(root, ctx)
    else:
        space = root.tag[1:].split("}")[0] if root.tag.startswith("{") else None
        where = f" (namespace {space})" if space else ""
        ctx.add(None, "unknown XML", f"the root element is <{name}>{where}, neither NITF "
                "(<nitf>) nor NewsML-G2 (<newsMessage>, <newsItem>, <packageItem>)", "skipped")


def _parse_xml(text: str, ctx: _FileContext | None) -> Element | None:
    """The document's root element, or None (and a problems row) when it is not XML.

    HTML entities (``&nbsp;``, ``&eacute;``) that the document uses without a DTD
    defining them are read as their characters."""
    import xml.etree.ElementTree as ET

    text = text.lstrip()
    try:
        return ET.fromstring(text)
    except ET.ParseError as err:
        error = err
    if error.code == 11:        # undefined entity
        fixed, names = _html_entities(text)
        if names:
            try:
                root = ET.fromstring(fixed)
            except ET.ParseError as err:
                error = err
            else:
                if ctx is not None:
                    shown = ", ".join(f"&{n};" for n in sorted(set(names))[:5])
                    ctx.add(None, "HTML entities", f"read {len(names)} HTML entity "
                            f"reference(s) that XML does not define ({shown}) as their "
                            "characters", "repaired")
                return root
    if ctx is not None:
        line, column = error.position
        message = str(error).split(":")[0]
        ctx.add(None, "invalid XML", f"{message} at line {line} column {column + 1}",
                "skipped")
    return None


def _html_entities(text: str) -> tuple[str, list[str]]:
    """``text`` with HTML's named entities written as character references, and the
    names replaced."""
    from html.entities import name2codepoint

    names: list[str] = []

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name in _XML_ENTITIES or name not in name2codepoint:
            return match.group()
        names.append(name)
        return f"&#{name2codepoint[name]};"

    return _ENTITY_RE.sub(replace, text), names


def _local(tag: Any) -> str:
    """An element's name without its namespace (``{...}nitf`` -> ``nitf``)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _find(element: Element | None, *path: str) -> Element | None:
    """The first child named ``path[0]``, then its first child named ``path[1]``..."""
    for name in path:
        if element is None:
            return None
        element = next((c for c in element if _local(c.tag) == name), None)
    return element


def _clean(element: Element | None) -> str | None:
    """An element's text, spaces collapsed; None when it has none."""
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def _attribute(element: Element | None, name: str) -> str | None:
    value = None if element is None else element.get(name)
    return " ".join(value.split()) or None if value else None


def _paragraphs(element: Element | None) -> list[str]:
    """The paragraphs (``p``, subheads, list items) under ``element``, in order."""
    found: list[str] = []
    for child in [] if element is None else element:
        name = _local(child.tag)
        if name in _PARAGRAPH_TAGS:
            text = _clean(child)
            if text:
                found.append(text)
        elif name not in _SKIPPED_TAGS:
            found.extend(_paragraphs(child))
    return found


def _nitf_parts(nitf: Element) -> dict[str, Any]:
    """What an ``<nitf>`` element says: title, lede, text, date, agency, byline, dateline."""
    head, body = _find(nitf, "head"), _find(nitf, "body")
    body_head = _find(body, "body.head")
    hedline = _find(body_head, "hedline")
    docdata = _find(head, "docdata")
    pubdata = _find(head, "pubdata")
    abstract = _find(body_head, "abstract")
    lede = _clean(_find(hedline, "hl2"))
    if lede is None and abstract is not None:
        lede = " ".join(_paragraphs(abstract)) or _clean(abstract)
    return {
        "title": _clean(_find(head, "title")) or _clean(_find(hedline, "hl1")),
        "lede": lede,
        "text": _paragraphs(_find(body, "body.content")),
        "date": _attribute(_find(docdata, "date.issue"), "norm")
        or _attribute(pubdata, "date.publication")
        or _attribute(_find(docdata, "date.release"), "norm"),
        "agency": _attribute(_find(docdata, "doc.copyright"), "holder")
        or _attribute(pubdata, "name") or _clean(_find(body_head, "distributor")),
        "byline": _clean(_find(body_head, "byline")),
        "dateline": _clean(_find(body_head, "dateline")),
    }


def _nitf_record(nitf: Element) -> dict[str, Any] | None:
    """The record of one ``<nitf>`` element (None when it has no text at all)."""
    return _record(_nitf_parts(nitf))


def _record(parts: dict[str, Any]) -> dict[str, Any] | None:
    """The record of an article's parts: the dateline put before the first paragraph
    when it reads as one there, the values made to pass the markup repair unchanged."""
    if not parts.get("text") and not parts.get("title") and not parts.get("lede"):
        return None
    parts = dict(parts)
    dateline, paragraphs = parts.pop("dateline", None), list(parts.get("text") or [])
    if dateline and paragraphs and parse_dateline(paragraphs[0]) is None:
        printed = _DATELINE_END_RE.sub("", dateline)
        joined = f"{printed} - {paragraphs[0]}"
        found = parse_dateline(joined) if printed else None
        if found is not None and joined[found.end:].strip() == paragraphs[0].strip():
            paragraphs[0], dateline = joined, None
        parts["text"] = paragraphs
    elif dateline and paragraphs:
        dateline = None         # the body prints its own dateline
    parts["dateline"] = dateline
    return {key: value for key, value in parts.items() if value}


def _newsml_records(root: Element, ctx: _FileContext) -> Iterator[tuple[int | None, dict]]:
    """One record per item with text; the items of a ``newsMessage`` numbered 1..n."""
    if _local(root.tag) == "newsMessage":
        items = [item for item_set in root if _local(item_set.tag) == "itemSet"
                 for item in item_set if _local(item.tag) in _ITEMS]
        numbered: list[tuple[int | None, Element]] = list(enumerate(items, 1))
        if not items:
            ctx.add(None, "no records", "the newsMessage holds no items", "skipped")
    else:
        numbered = [(None, root)]
    for number, item in numbered:
        kind = _local(item.tag)
        if kind != "newsItem":
            ctx.add(number, "no text", f"a {kind} holds no article text (a package points "
                    "to other items)" if kind == "packageItem" else
                    f"a {kind} holds no article text", "skipped")
            continue
        record = _news_item_record(item)
        if record is None:
            item_class = _attribute(_find(item, "itemMeta", "itemClass"), "qcode")
            what = f"a {item_class} item" if item_class else "the newsItem"
            ctx.add(number, "no text", f"{what} has no inline text (no inlineXML or "
                    "inlineData with paragraphs)", "skipped")
            continue
        yield number, record


def _news_item_record(item: Element) -> dict[str, Any] | None:
    """The record of a NewsML-G2 ``newsItem`` with inline text; None without text."""
    meta, content = _find(item, "itemMeta"), _find(item, "contentMeta")
    inline: dict[str, Any] = {}
    renditions = _find(item, "contentSet")
    for rendition in [] if renditions is None else renditions:
        inline = _inline_parts(rendition)
        if inline.get("text"):
            break
    if not inline.get("text"):
        return None
    provider = _find(meta, "provider")
    own = {
        "title": _clean(_find(content, "headline")),
        "lede": _clean(_find(content, "description")),
        "date": _clean(_find(meta, "versionCreated")) or _clean(_find(content, "contentCreated")),
        "agency": _clean(_find(content, "creditline")) or _attribute(provider, "literal")
        or _clean(_find(provider, "name")) or _qcode_name(_attribute(provider, "qcode")),
        "byline": _clean(_find(content, "by")),
        "dateline": _clean(_find(content, "dateline")) or inline.get("dateline")
        or _clean(_find(content, "located", "name")),
    }
    return _record({key: own.get(key) or inline.get(key)
                    for key in ("title", "lede", "text", "date", "agency", "byline", "dateline")})


def _qcode_name(qcode: str | None) -> str | None:
    """``nprov:REUTERS`` -> ``REUTERS``."""
    return qcode.split(":", 1)[-1] or None if qcode else None


def _inline_parts(rendition: Element) -> dict[str, Any]:
    """The parts of one ``contentSet`` rendition: NITF, XHTML or plain inline text."""
    name = _local(rendition.tag)
    if name == "inlineData":
        text = rendition.text or ""
        return {"text": [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]}
    if name != "inlineXML":
        return {}
    for child in rendition:
        if _local(child.tag) == "nitf":
            return _nitf_parts(child)
        if _local(child.tag) == "html":
            return {"text": _paragraphs(_find(child, "body")),
                    "title": _clean(_find(child, "head", "title"))}
    return {"text": _paragraphs(rendition)}
