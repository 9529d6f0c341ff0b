"""Web pages, NITF and NewsML-G2 XML, Parquet and Feather load as articles like the other
formats (in archives too); what cannot be read is a problems row, and its neighbours load."""

import io
import zipfile

import pandas as pd
import pytest

from analysis.corpus import pages

from .helpers import load, rows, write_folder

COLUMNS = ["title", "lede", "dateline", "place", "date", "agency", "url", "text"]
TEXT_COLUMNS = [c for c in COLUMNS if c != "date"]


def expected(articles: dict) -> pd.DataFrame:
    """The loader's columns COLUMNS for ``{doc_id: (title, lede, ..., text)}``."""
    frame = pd.DataFrame(list(articles.values()), columns=COLUMNS,
                         index=pd.Index(list(articles)))
    frame[TEXT_COLUMNS] = frame[TEXT_COLUMNS].astype("str")
    frame["date"] = pd.to_datetime(frame["date"], format="ISO8601").astype("datetime64[ns]")
    return frame


def assert_articles(docs, articles):
    pd.testing.assert_frame_equal(docs[COLUMNS], expected(articles), check_index_type=False)


# ---------------------------------------------------------------------------------------
# Web pages
# ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Russia and China meet | Reuters</title>
<meta property="og:title" content="Russia and China meet">
<meta property="og:site_name" content="Reuters">
<meta property="og:url" content="https://www.reuters.com/world/russia-china-meet-2025-05-20/">
<link rel="canonical" href="https://www.reuters.com/world/russia-china-meet-2025-05-20/">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-05-20T11:42:00Z">
<script>var tracking = "do not keep";</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your
experience. Accept all cookies?</p><button>Accept</button></div>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li></ul></nav>
<article>
<h1>Russia and China meet</h1>
<p>MOSCOW, May 20 (Reuters) - The leaders of Russia and China met in Moscow on Tuesday
to discuss trade and security.</p>
<p>They signed a joint statement on energy cooperation, officials said after the talks,
and the ministry's page printed the word &lt;b&gt;historic&lt;/b&gt; in its own markup.</p>
<p>The next meeting is planned for the autumn in Beijing, according to the statement.</p>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
</article>
<footer><p>&copy; 2025 Reuters. All rights reserved.</p><p><a href="/privacy">Privacy
policy</a></p></footer>
</body></html>
"""
PAGE_TEXT = (
    "The leaders of Russia and China met in Moscow on Tuesday to discuss trade and "
    "security.\n\nThey signed a joint statement on energy cooperation, officials said after "
    "the talks, and the ministry's page printed the word <b>historic</b> in its own markup."
    "\n\nThe next meeting is planned for the autumn in Beijing, according to the statement.")
PAGE_URL = "https://www.reuters.com/world/russia-china-meet-2025-05-20/"
PAGE_ROW = ("Russia and China meet", None, "MOSCOW, May 20 (Reuters)", "MOSCOW",
            "2025-05-20 11:42", "Reuters", PAGE_URL, PAGE_TEXT)


def test_a_web_page_is_its_main_text_without_boilerplate_and_the_title_apart(tmp_path):
    folder = write_folder(tmp_path / "c", {"page.html": PAGE})
    docs = load(folder)
    assert_articles(docs, {"page.html": PAGE_ROW})
    text = docs.loc["page.html", "text"]
    for chrome in ("cookies", "Home", "Share on", "rights reserved", "Privacy", "tracking"):
        assert chrome not in text
    assert not text.startswith("Russia and China meet")
    assert docs.loc["page.html", "byline"] == "Jane Doe"
    assert rows(docs) == []          # the <b> in the text is text, not markup to repair


def test_the_page_record_names_the_site_and_keeps_paragraphs_apart():
    record, fallback = pages._page_record(PAGE)
    assert fallback is None
    assert record["site"] == "Reuters"
    assert record["title"] == "Russia and China meet"
    assert len(record["text"]) == 3
    assert record["text"][0].startswith("MOSCOW, May 20 (Reuters) - The leaders")


@pytest.mark.parametrize("name", ["page.htm", "page.xhtml", "PAGE.HTML"])
def test_other_page_suffixes(tmp_path, name):
    page = PAGE if name != "page.xhtml" else \
        '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE.replace(
            "<!DOCTYPE html>\n<html", '<html xmlns="http://www.w3.org/1999/xhtml"')
    docs = load(write_folder(tmp_path / "c", {name: page}))
    assert_articles(docs, {name: PAGE_ROW})


def test_when_trafilatura_finds_nothing_the_title_and_paragraphs_are_read(tmp_path,
                                                                          monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    folder = write_folder(tmp_path / "c", {"page.html": PAGE})
    docs = load(folder)
    assert_articles(docs, {"page.html": PAGE_ROW})
    assert rows(docs) == [(
        f"{folder.as_posix()}/page.html", pd.NA, "page fallback",
        "trafilatura found no main text; read the page's <title> and <p> paragraphs instead",
        "kept partially")]


def test_when_trafilatura_fails_the_page_title_is_not_glued_to_the_h1(tmp_path, monkeypatch):
    import trafilatura

    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(trafilatura, "bare_extraction", fail)
    monkeypatch.setattr(trafilatura, "extract_metadata", fail)
    folder = write_folder(tmp_path / "c", {"page.html": PAGE})
    docs = load(folder)
    # Without trafilatura's metadata: the <title> less the site's name, no date or address.
    assert_articles(docs, {"page.html": ("Russia and China meet", None,
                                         "MOSCOW, May 20 (Reuters)", "MOSCOW", None,
                                         "Reuters", None, PAGE_TEXT)})
    assert rows(docs) == [(
        f"{folder.as_posix()}/page.html", pd.NA, "page fallback",
        "trafilatura failed (RuntimeError: boom); read the page's <title> and <p> paragraphs "
        "instead", "kept partially")]


def test_nothing_is_fetched_for_a_page_that_is_only_an_address(tmp_path, monkeypatch):
    import htmldate.utils
    import trafilatura.downloads

    def fetch(*args, **kwargs):
        raise AssertionError("a page was fetched")

    monkeypatch.setattr(htmldate.utils, "fetch_url", fetch)
    monkeypatch.setattr(trafilatura.downloads, "fetch_url", fetch)
    folder = write_folder(tmp_path / "c", {"link.html": "https://example.com/2025/05/20/a",
                                           "page.html": PAGE})
    docs = load(folder)
    assert "page.html" in docs.index


def test_a_page_without_any_text_is_a_problem_and_its_neighbours_load(tmp_path):
    folder = write_folder(tmp_path / "c", {
        "empty.html": "<html><head><script>start()</script></head><body> </body></html>",
        "page.html": PAGE})
    docs = load(folder)
    assert docs.index.tolist() == ["page.html"]
    assert rows(docs) == [(
        f"{folder.as_posix()}/empty.html", pd.NA, "no text",
        "the page has no main text, title or paragraphs (trafilatura found no main text)",
        "skipped")]


# ---------------------------------------------------------------------------------------
# NITF
# ---------------------------------------------------------------------------------------

NITF_NS = """<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.5//EN">
  <head>
    <title>Talks end with a statement</title>
    <docdata>
      <doc-id id-string="x-2025-0520-1"/>
      <date.issue norm="20250520T114200Z"/>
      <doc.copyright holder="REUTERS" year="2025"/>
    </docdata>
    <pubdata type="web" date.publication="20250521T000000Z" name="Daily Planet"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Talks end with a statement</hl1><hl2>Both sides signed.</hl2></hedline>
      <byline>By <person>Jane Doe</person></byline>
      <dateline><location><city>MOSCOW</city></location>,
        <story.date norm="20250520">May 20</story.date></dateline>
    </body.head>
    <body.content>
      <p>The talks ended on <em>Tuesday</em> with a joint statement.</p>
      <media media-type="image"><media-caption><p>A photo caption.</p></media-caption></media>
      <block><p>The next round is due in the autumn &lt;officials said&gt;.</p></block>
    </body.content>
    <body.end><tagline>Editing by John Roe</tagline></body.end>
  </body>
</nitf>
"""
NITF_PLAIN = """<nitf>
  <head><pubdata date.publication="2025-05-19" name="AP"/></head>
  <body>
    <body.head>
      <hedline><hl1>Storm hits the coast</hl1></hedline>
      <abstract><p>Thousands are without power.</p></abstract>
      <dateline>WASHINGTON</dateline>
    </body.head>
    <body.content>
      <p>WASHINGTON (AP) &mdash; A storm hit the coast on Monday.</p>
      <p>Crews worked through the night.</p>
    </body.content>
  </body>
</nitf>
"""
NITF_ROWS = {
    "a.xml": ("Talks end with a statement", "Both sides signed.", "MOSCOW, May 20", "MOSCOW",
              "2025-05-20 11:42", "Reuters", None,
              "The talks ended on Tuesday with a joint statement.\n\n"
              "The next round is due in the autumn <officials said>."),
    "b.nitf": ("Storm hits the coast", "Thousands are without power.", "WASHINGTON (AP)",
               "WASHINGTON", "2025-05-19", "AP", None,
               "A storm hit the coast on Monday.\n\nCrews worked through the night."),
}


def test_nitf_with_and_without_a_namespace(tmp_path):
    folder = write_folder(tmp_path / "c", {"a.xml": NITF_NS, "b.nitf": NITF_PLAIN})
    docs = load(folder)
    assert_articles(docs, NITF_ROWS)
    assert docs.loc["a.xml", "byline"] == "By Jane Doe"
    assert rows(docs) == [(
        f"{folder.as_posix()}/b.nitf", pd.NA, "HTML entities",
        "read 1 HTML entity reference(s) that XML does not define (&mdash;) as their "
        "characters", "repaired")]


# ---------------------------------------------------------------------------------------
# NewsML-G2
# ---------------------------------------------------------------------------------------

NEWSML = """<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>2025-05-20T12:00:00Z</sent></header>
  <itemSet>
    <newsItem guid="tag:example.com,2025:1" standard="NewsML-G2" standardversion="2.29">
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider qcode="nprov:REUTERS"/>
        <versionCreated>2025-05-20T11:42:00Z</versionCreated>
      </itemMeta>
      <contentMeta>
        <contentCreated>2025-05-20T10:00:00Z</contentCreated>
        <located><name>Moscow</name></located>
        <headline>Talks end with a statement</headline>
        <description role="drol:summary">Both sides signed.</description>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/nitf+xml">
          <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
            <body>
              <body.head><dateline>MOSCOW, May 20</dateline></body.head>
              <body.content><p>The talks ended on Tuesday.</p><p>A second paragraph.</p>
              </body.content>
            </body>
          </nitf>
        </inlineXML>
      </contentSet>
    </newsItem>
    <newsItem guid="tag:example.com,2025:2" standard="NewsML-G2" standardversion="2.29">
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider literal="AFP"/>
      </itemMeta>
      <contentMeta>
        <contentCreated>2025-05-21T08:00:00+02:00</contentCreated>
        <located><name>Paris</name></located>
        <creditline>AFP</creditline>
        <headline>Paris hosts a summit</headline>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/xhtml+xml">
          <html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head>
            <body><h1>Paris hosts a summit</h1><p>Leaders gathered in Paris.</p>
            <p>The summit ends on Friday.</p></body></html>
        </inlineXML>
      </contentSet>
    </newsItem>
    <newsItem guid="tag:example.com,2025:3" standard="NewsML-G2" standardversion="2.29">
      <itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
      <contentMeta><headline>Leaders at the summit</headline></contentMeta>
      <contentSet><remoteContent href="https://example.com/photo.jpg"/></contentSet>
    </newsItem>
  </itemSet>
</newsMessage>
"""
NEWSML_ROWS = {
    "message.xml#1": ("Talks end with a statement", "Both sides signed.", "MOSCOW, May 20",
                      "MOSCOW", "2025-05-20 11:42", "Reuters", None,
                      "The talks ended on Tuesday.\n\nA second paragraph."),
    "message.xml#2": ("Paris hosts a summit", None, None, None, "2025-05-21 06:00", "AFP",
                      None, "Leaders gathered in Paris.\n\nThe summit ends on Friday."),
}


def test_a_newsml_message_gives_one_article_per_news_item_with_text(tmp_path):
    folder = write_folder(tmp_path / "c", {"message.xml": NEWSML})
    docs = load(folder)
    assert_articles(docs, NEWSML_ROWS)
    # The place the item is located at, which prints no dateline before the text.
    assert docs.loc["message.xml#2", "record_dateline"] == "Paris"
    assert rows(docs) == [(
        f"{folder.as_posix()}/message.xml", 3, "no text",
        "a ninat:picture item has no inline text (no inlineXML or inlineData with paragraphs)",
        "skipped")]


def test_a_news_item_or_package_as_the_root(tmp_path):
    item = NEWSML[NEWSML.index("<newsItem"): NEWSML.index("</newsItem>") + len("</newsItem>")]
    item = item.replace("<newsItem ", '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" ',
                        1)
    package = ('<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/"><groupSet root="G1">'
               '<group id="G1"><itemRef residref="tag:example.com,2025:1"/></group></groupSet>'
               '</packageItem>')
    folder = write_folder(tmp_path / "c", {"item.xml": item, "package.xml": package})
    docs = load(folder)
    assert_articles(docs, {"item.xml": NEWSML_ROWS["message.xml#1"]})
    assert rows(docs) == [(
        f"{folder.as_posix()}/package.xml", pd.NA, "no text",
        "a packageItem holds no article text (a package points to other items)", "skipped")]


# ---------------------------------------------------------------------------------------
# XML that is not read
# ---------------------------------------------------------------------------------------


def test_malformed_and_unknown_xml_are_problems_and_their_neighbours_load(tmp_path):
    folder = write_folder(tmp_path / "c", {
        "a.xml": NITF_NS,
        "broken.xml": "<nitf><head><title>Cut</title></head>\n<body></nitf>",
        "feed.xml": '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>',
        "rss.xml": "<rss version='2.0'><channel/></rss>",
    })
    docs = load(folder)
    assert_articles(docs, {"a.xml": NITF_ROWS["a.xml"]})
    base = folder.as_posix()
    assert rows(docs) == [
        (f"{base}/broken.xml", pd.NA, "invalid XML", "mismatched tag at line 2 column 9",
         "skipped"),
        (f"{base}/feed.xml", pd.NA, "unknown XML", "the root element is <feed> (namespace "
         "http://www.w3.org/2005/Atom), neither NITF (<nitf>) nor NewsML-G2 (<newsMessage>, "
         "<newsItem>, <packageItem>)", "skipped"),
        (f"{base}/rss.xml", pd.NA, "unknown XML", "the root element is <rss>, neither NITF "
         "(<nitf>) nor NewsML-G2 (<newsMessage>, <newsItem>, <packageItem>)", "skipped"),
    ]


def test_external_entities_are_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET CONTENT", encoding="utf-8")
    xxe = (f'<?xml version="1.0"?>\n<!DOCTYPE nitf [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n'
           "<nitf><body><body.content><p>&x;</p></body.content></body></nitf>")
    folder = write_folder(tmp_path / "c", {"a.xml": NITF_NS, "xxe.xml": xxe})
    docs = load(folder)
    assert docs.index.tolist() == ["a.xml"]
    assert not docs["text"].str.contains("SECRET").any()
    assert [r[2:] for r in rows(docs)] == [
        ("invalid XML", "undefined entity &x; at line 3 column 30", "skipped")]


# ---------------------------------------------------------------------------------------
# Parquet and Feather
# ---------------------------------------------------------------------------------------

TABLE = pd.DataFrame({
    "headline": ["Talks end", "Markets rise"],
    "body": ["MOSCOW, May 20. /TASS/. The talks ended.", "Markets rose on Friday."],
    "published": ["2025-05-20T11:42:00Z", "2025-05-23"],
    "link": ["https://tass.com/politics/1", "https://example.com/markets"],
    "section": ["World", "Business"],
})


def table_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    buffer = io.BytesIO()
    getattr(frame, f"to_{fmt}")(buffer)
    return buffer.getvalue()


def test_parquet_and_feather_rows_are_mapped_like_csv(tmp_path):
    folder = write_folder(tmp_path / "c", {
        "t.csv": TABLE.to_csv(index=False), "t.parquet": table_bytes(TABLE, "parquet"),
        "t.feather": table_bytes(TABLE, "feather"), "t.arrow": table_bytes(TABLE, "feather")})
    docs = load(folder)
    first = ("Talks end", None, "MOSCOW, May 20. /TASS/.", "MOSCOW", "2025-05-20 11:42",
             "TASS", "https://tass.com/politics/1", "The talks ended.")
    second = ("Markets rise", None, None, None, "2025-05-23", None,
              "https://example.com/markets", "Markets rose on Friday.")
    assert_articles(docs, {f"t.{ext}#{n}": row for ext in ("arrow", "csv", "feather", "parquet")
                           for n, row in ((1, first), (2, second))})
    assert docs["section"].tolist() == ["World", "Business"] * 4
    # The same rows in four files: all but the first copies are flagged, and kept.
    assert [(r[1], r[2], r[3]) for r in rows(docs)] == [
        (n, "duplicate", f"same body text as t.arrow#{n}") for n in (1, 2)] * 3


def test_list_cells_are_paragraphs_or_extra_columns(tmp_path):
    frame = pd.DataFrame({"title": ["Talks end"], "text": [["First paragraph.", "Second."]],
                          "tags": [["politics", "russia"]],
                          "date": pd.to_datetime(["2025-05-20 11:42"])})
    docs = load(write_folder(tmp_path / "c", {"t.parquet": table_bytes(frame, "parquet")}))
    assert docs.loc["t.parquet#1", "text"] == "First paragraph.\n\nSecond."
    assert list(docs.loc["t.parquet#1", "tags"]) == ["politics", "russia"]
    assert docs.loc["t.parquet#1", "date"] == pd.Timestamp("2025-05-20 11:42")


def test_a_corrupt_table_is_a_problem(tmp_path):
    parquet = table_bytes(TABLE, "parquet")
    folder = write_folder(tmp_path / "c", {"bad.parquet": parquet[: len(parquet) // 2],
                                           "bad.feather": b"not a feather file at all",
                                           "t.parquet": parquet})
    docs = load(folder)
    assert docs.index.tolist() == ["t.parquet#1", "t.parquet#2"]
    found = rows(docs)
    assert [r[:3] + r[4:] for r in found] == [
        (f"{folder.as_posix()}/bad.feather", pd.NA, "invalid Feather / Arrow file", "skipped"),
        (f"{folder.as_posix()}/bad.parquet", pd.NA, "invalid Parquet file", "skipped")]


# ---------------------------------------------------------------------------------------
# Inside archives
# ---------------------------------------------------------------------------------------


def test_every_new_format_loads_inside_a_zip_as_in_a_folder(tmp_path):
    files = {"page.html": PAGE, "a.xml": NITF_NS, "b.nitf": NITF_PLAIN, "message.xml": NEWSML,
             "t.parquet": table_bytes(TABLE, "parquet"),
             "t.feather": table_bytes(TABLE.assign(body=["One body.", "Another body."]),
                                      "feather")}
    plain = load(write_folder(tmp_path / "plain", files))
    archive = tmp_path / "packed" / "batch.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for name, content in files.items():
            zipped.writestr(f"in/{name}",
                            content if isinstance(content, bytes) else content.encode())
    packed = load(archive)
    assert packed.index.tolist() == [f"batch.zip/in/{d}" for d in plain.index]
    body = lambda frame: frame.drop(columns=["doc_id", "source"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(body(packed), body(plain))
    assert [r[1:] for r in rows(packed)] == [r[1:] for r in rows(plain)]
    assert len(plain) == 9


def test_compressed_pages_xml_and_tables_read_as_their_inner_format(tmp_path):
    import gzip

    files = {"page.html": PAGE, "a.xml": NITF_NS, "t.parquet": table_bytes(TABLE, "parquet")}
    plain = load(write_folder(tmp_path / "plain", files))
    packed = load(write_folder(tmp_path / "packed", {
        f"{name}.gz": gzip.compress(content if isinstance(content, bytes) else content.encode())
        for name, content in files.items()}))
    assert packed.index.tolist() == ["a.xml.gz", "page.html.gz", "t.parquet.gz#1",
                                     "t.parquet.gz#2"]
    body = lambda frame: frame.drop(columns=["doc_id", "source"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(body(packed), body(plain))
