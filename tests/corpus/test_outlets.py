"""Outlets (the publisher, beside the credited agency) and field mapping that finds what is
there: exact names, name patterns, web-address values; every guess reported."""

from __future__ import annotations

import json
import socket
import warnings

import pandas as pd
import pytest

from analysis import load_corpus, problems
from analysis.corpus import canonical_outlet, outlet_from_url, outlet_table
from analysis.corpus import outlets as outlets_module
from analysis.errors import CorpusWarning

from ..conftest import shared_path


@pytest.mark.parametrize("url, outlet", [
    ("https://www.bbc.co.uk/news/world-1", "BBC"),
    ("https://www.bbc.com/news/world-1", "BBC"),
    ("http://europe.newsweek.com/x", "Newsweek"),
    ("https://m.aljazeera.com/news/2017/1/1/x", "Al Jazeera"),
    ("https://abcnews.go.com/International/x", "ABC News"),    # the longest listed domain
    ("https://tass.com/politics/1894093", "TASS"),
    ("http://english.news.cn/20250520/x.htm", "Xinhua"),
    ("https://news.steppe-herald.co.uk/a?b=1", "steppe-herald.co.uk"),   # registered domain
    ("https://WWW.Unlisted-Daily.COM:8080/x", "unlisted-daily.com"),
    ("http://m.steppe-herald.example/a", "steppe-herald.example"),      # no public suffix
    ("http://10.0.0.7/story", "10.0.0.7"),
    ("example.org/invented/a", "example.org"),
    ("not an address", None),
    ("", None),
    (None, None),
])
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


def test_outlet_from_url_never_uses_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    outlets_module._extractor.cache_clear()
    outlets_module._outlet_of_host.cache_clear()
    assert outlet_from_url("https://www.never-seen-before.co.jp/a") == "never-seen-before.co.jp"


@pytest.mark.parametrize("value, outlet", [
    ("BBC", "BBC"), ("the guardian", "The Guardian"), ("Guardian", "The Guardian"),
    ("www.aljazeera.com", "Al Jazeera"), ("https://tass.com", "TASS"),
    ("ASSOCIATED PRESS", "AP"), ("  Kyiv   Daily ", "Kyiv Daily"), ("", None), (None, None),
])
def test_canonical_outlet(value, outlet):
    assert canonical_outlet(value) == outlet


def test_the_shipped_outlet_list():
    table = outlet_table()
    assert list(table.columns) == ["domain", "outlet", "kind", "country"]
    assert table["outlet"].nunique() >= 150
    assert not table["domain"].duplicated().any()
    assert (table["domain"] == table["domain"].str.lower().str.strip()).all()
    assert set(table["kind"]) <= {"agency", "broadcaster", "newspaper", "magazine", "site"}
    agencies = set(table.loc[table["kind"] == "agency", "outlet"])
    assert {"TASS", "Reuters", "AP", "AFP", "Xinhua", "Interfax", "Anadolu"} <= agencies
    assert (table["outlet"].str.strip() != "").all()


def test_outlet_and_agency_are_separate(write):
    rows = [
        {"title": "A", "text": "MOSCOW (Reuters) - Body.", "url": "https://www.bbc.com/news/a"},
        {"title": "B", "text": "Body.", "url": "https://tass.com/world/2"},
        {"title": "C", "text": "Body.", "source": {"id": "kd", "name": "Kyiv Daily"}},
        {"title": "D", "text": "Body.", "publisher": "aljazeera.com", "agency": "AFP"},
        {"title": "E", "text": "Body."},
    ]
    path = write("a.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    docs = load_corpus(path, errors="ignore")
    got = docs[["agency", "outlet"]].astype("object").where(docs[["agency", "outlet"]].notna(),
                                                            None)
    assert got.values.tolist() == [
        ["Reuters", "BBC"], ["TASS", "TASS"], [None, "Kyiv Daily"], ["AFP", "Al Jazeera"],
        [None, None],
    ]
    assert list(docs.columns[:5]) == ["doc_id", "source", "agency", "outlet", "title"]


def test_wire_copy_without_address_is_its_agencys(write):
    path = write("a.txt", "Headline\n\nKYIV, Ukraine (AP) — Body of the story.")
    docs = load_corpus(path)
    assert docs[["agency", "outlet"]].iloc[0].tolist() == ["AP", "AP"]


MULTI_OUTLET_CSV = (
    "id,story_permalink,pub_datetime,article_title,subtitle_text,main_body,image_url,word_count\n"
    "1,https://www.bbc.co.uk/news/a,2016-05-01 10:00,Title one,Sub one,Body one.,https://i.x/1.jpg,2\n"
    "2,https://www.aljazeera.com/news/b,2016-05-02 11:00,Title two,Sub two,Body two.,,2\n"
    "3,http://europe.newsweek.com/c,2016-05-03,Title three,,Body three.,,2\n"
    "4,https://www.rt.com/news/d,2016-05-04,Title four,,Body four.,,2\n"
    "5,https://www.chinadaily.com.cn/e,2016-05-05,Title five,,Body five.,,2\n"
    "6,https://unlisted-news.net/f,2016-05-06,Title six,,Body six.,,2\n"
)


def test_unusual_column_names_are_mapped_and_reported(write):
    path = write("export.csv", MULTI_OUTLET_CSV)
    with pytest.warns(CorpusWarning) as caught:
        docs = load_corpus(path)
    assert docs["url"].notna().all() and docs["outlet"].notna().all()
    assert docs["outlet"].tolist() == ["BBC", "Al Jazeera", "Newsweek", "RT", "China Daily",
                                       "unlisted-news.net"]
    assert docs["title"].tolist()[:2] == ["Title one", "Title two"]
    assert docs["lede"].tolist()[:2] == ["Sub one", "Sub two"]
    assert docs["text"].tolist()[0] == "Body one."
    assert docs["date"].tolist()[0] == pd.Timestamp("2016-05-01 10:00")
    # The image's address and the count stay fields of their own.
    assert docs["image_url"].tolist()[0] == "https://i.x/1.jpg"
    assert "word_count" in docs.columns
    mapped = problems(docs).query("action == 'mapped'")
    assert mapped["record"].isna().all() and len(mapped) == 5       # once per file
    details = mapped["detail"].str.split(" \\(").str[0].tolist()
    assert details == ["url <- story_permalink", "lede <- subtitle_text",
                       "title <- article_title", "date <- pub_datetime", "text <- main_body"]
    message = str(caught[0].message)
    assert "5 mapped" in message and "url <- story_permalink" in message
    assert message.count("url <- story_permalink") == 1


def test_given_fields_are_not_guessed(write):
    path = write("export.csv", MULTI_OUTLET_CSV)
    docs = load_corpus(path, fields={"url": "image_url", "text": "main_body"}, errors="ignore")
    assert docs["url"].tolist()[0] == "https://i.x/1.jpg"
    details = problems(docs).query("action == 'mapped'")["detail"].tolist()
    assert not any(d.startswith(("url <-", "text <-")) for d in details)


def test_a_column_of_web_addresses_is_the_url(write):
    path = write("a.csv", "title,text,where\nT,Body.,https://www.dw.com/en/x\nU,Body 2.,"
                          "https://www.dw.com/en/y\n")
    docs = load_corpus(path, errors="ignore")
    assert docs["url"].tolist() == ["https://www.dw.com/en/x", "https://www.dw.com/en/y"]
    assert docs["outlet"].tolist() == ["Deutsche Welle"] * 2
    detail = problems(docs)["detail"].tolist()
    assert detail == ["url <- where (its values are web addresses; pass fields={'url': ...} "
                      "to choose another field)"]


def test_exact_names_are_not_reported(write):
    path = write("a.jsonl", json.dumps({"title": "T", "text": "Body.", "link": "https://x.org/a",
                                        "published": "2024-01-01"}) + "\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = load_corpus(path)
    assert problems(docs).empty and docs["outlet"].tolist() == ["x.org"]


def test_shared_tass_json_outlet_is_tass():
    docs = load_corpus(shared_path("tass_2024", "politics_20.json"), errors="ignore")
    assert len(docs) == 20
    assert docs["outlet"].eq("TASS").all() and docs["agency"].eq("TASS").all()
