import pandas as pd
import pytest

from analysis.corpus.wire import canonical_agency, parse_dateline, split_story

# Each dateline form the kit promises, with what it must find and where the story starts.
DATELINES = [
    # paragraph, dateline as printed, place, detail, agency, month, day, year, story start
    ("ASTANA, May 20. /TASS/. Kazakhstan and Russia", "ASTANA, May 20. /TASS/.", "ASTANA", None, "TASS", 5, 20, None, "Kazakhstan"),
    ("WASHINGTON, February 9./TASS/. The US", "WASHINGTON, February 9./TASS/.", "WASHINGTON", None, "TASS", 2, 9, None, "The"),
    ("IGORA /Leningrad Region/, December 26. /TASS/. Russia could", "IGORA /Leningrad Region/, December 26. /TASS/.", "IGORA", "Leningrad Region", "TASS", 12, 26, None, "Russia"),
    ("MURMANSK. February 7. /TASS/. The icebreaker", "MURMANSK. February 7. /TASS/.", "MURMANSK", None, "TASS", 2, 7, None, "The"),
    ("MOSCOW (Reuters) - Russia said", "MOSCOW (Reuters)", "MOSCOW", None, "Reuters", None, None, None, "Russia"),
    ("LONDON, May 20 (Reuters) - Britain", "LONDON, May 20 (Reuters)", "LONDON", None, "Reuters", 5, 20, None, "Britain"),
    ("KYIV, Ukraine (AP) — Russian drones", "KYIV, Ukraine (AP)", "KYIV", "Ukraine", "AP", None, None, None, "Russian"),
    ("BEIJING, May 20 (Xinhua) -- China and", "BEIJING, May 20 (Xinhua)", "BEIJING", None, "Xinhua", 5, 20, None, "China"),
    ("PARIS (AFP) - France on", "PARIS (AFP)", "PARIS", None, "AFP", None, None, None, "France"),
    # Variants met in other outlets and years.
    ("Washington (AFP) - The", "Washington (AFP)", "Washington", None, "AFP", None, None, None, "The"),
    ("MOSCOW, Dec. 26 (Interfax) - A", "MOSCOW, Dec. 26 (Interfax)", "MOSCOW", None, "Interfax", 12, 26, None, "A"),
    ("MOSCOW, December 26 /ITAR-TASS/ -- A", "MOSCOW, December 26 /ITAR-TASS/", "MOSCOW", None, "TASS", 12, 26, None, "A"),
    ("ST. PETERSBURG, June 1. /TASS/. A", "ST. PETERSBURG, June 1. /TASS/.", "ST. PETERSBURG", None, "TASS", 6, 1, None, "A"),
    ("WASHINGTON, D.C. (AP) — A", "WASHINGTON, D.C. (AP)", "WASHINGTON", "D.C.", "AP", None, None, None, "A"),
    ("LONDON, 20 May (Reuters) - A", "LONDON, 20 May (Reuters)", "LONDON", None, "Reuters", 5, 20, None, "A"),
    ("NEW YORK, May 20, 2024 — Stocks", "NEW YORK, May 20, 2024", "NEW YORK", None, None, 5, 20, 2024, "Stocks"),
    ("BOGOTÁ, Colombia (AP) — A", "BOGOTÁ, Colombia (AP)", "BOGOTÁ", "Colombia", "AP", None, None, None, "A"),
    ("UNITED NATIONS, March 18 (Xinhua) -- A", "UNITED NATIONS, March 18 (Xinhua)", "UNITED NATIONS", None, "Xinhua", 3, 18, None, "A"),
]


def _assert_parsed(expected: list[tuple]) -> None:
    """Each paragraph's dateline, place, detail, agency, month, day, year and first body word,
    compared as one frame with ``expected``."""
    got = []
    for paragraph, *_ in expected:
        d = parse_dateline(paragraph)
        assert d is not None, paragraph
        got.append((paragraph, d.text, d.place, d.place_detail, d.agency, d.month, d.day,
                    d.year, paragraph[d.end:].split()[0]))
    columns = ["paragraph", "dateline", "place", "detail", "agency", "month", "day", "year", "start"]
    pd.testing.assert_frame_equal(pd.DataFrame(got, columns=columns),
                                  pd.DataFrame(expected, columns=columns))


def test_every_dateline_form_is_parsed():
    _assert_parsed(DATELINES)


@pytest.mark.parametrize("paragraph", [
    "The Chairman of the Kazakhstan’s Council on International Relations Yerlan Karin thinks",
    "US President Joe Biden offered Russia’s leader a deal",
    "Moscow is the capital of Russia.",
    "SCO members (AP) said",
    "Expert: Kazakhstan, Russia should widely use Post-Soviet security blocs",
    "NATO, the EU and the UN met on Monday.",
    "",
])
def test_ordinary_sentences_are_not_datelines(paragraph):
    assert parse_dateline(paragraph) is None


def test_canonical_agency_names():
    assert [canonical_agency(x) for x in ["REUTERS", " tass ", "ITAR-TASS", "Associated Press",
                                          "www.xinhuanet.com", "Kyiv Independent", None, " "]] \
        == ["Reuters", "TASS", "TASS", "AP", "Xinhua", "Kyiv Independent", None, None]


def test_split_story_seed_layout():
    story = split_story(["All news", "Headline here", "The lede sentence",
                         "ASTANA, May 20. /TASS/. Body one.", "Body two."])
    assert (story.title, story.lede, story.dateline.place, story.body) == \
        ("Headline here", "The lede sentence", "ASTANA", ["Body one.", "Body two."])


def test_a_dateline_paragraph_is_never_the_lede():
    story = split_story(["All news", "Headline", "MOSCOW, May 20. /TASS/. Body.", "More."])
    assert (story.title, story.lede, story.body) == ("Headline", None, ["Body.", "More."])


def test_split_story_drops_repeats_of_known_title_and_lede():
    story = split_story(["The lede.", "MOSCOW, May 20. /TASS/. Body."], title="T", lede="The lede.")
    assert (story.title, story.lede, story.body) == ("T", "The lede.", ["Body."])


def test_split_story_without_dateline_takes_a_headline_but_no_lede():
    story = split_story(["A headline", "First paragraph.", "Second paragraph."])
    assert (story.title, story.lede, story.body) == \
        ("A headline", None, ["First paragraph.", "Second paragraph."])


def test_split_story_reads_a_printed_date_line():
    story = split_story(["All news", "Headline", "16 January 2025, 11:42",
                         "ASTANA, January 16. /TASS/. Body."])
    assert (story.title, story.lede, story.printed_date) == ("Headline", None, "16 January 2025, 11:42")


def test_section_name_chrome_is_dropped():
    story = split_story(["Military & Defense", "Headline", "Lede.", "MOSCOW, May 20. /TASS/. Body."])
    assert (story.title, story.lede) == ("Headline", "Lede.")


def test_joint_datelines_keep_both_places():
    d = parse_dateline("WASHINGTON/LONDON, May 20 (Reuters) - The")
    assert (d.place, d.agency, d.month, d.day) == ("WASHINGTON/LONDON", "Reuters", 5, 20)


@pytest.mark.parametrize("line, date, byline", [
    ("16 January 2025, 11:42", "16 January 2025, 11:42", None),
    ("26 DEC, 21:09", "26 DEC, 21:09", None),
    ("Updated: 2024-12-26 21:09 GMT", "2024-12-26 21:09 GMT", None),
    ("Source: Xinhua | 2024-12-26 20:14:32 | Editor: huaxia", "2024-12-26 20:14:32", None),
    ("Thu, 26 Dec 2024 21:09:18 +0300", "Thu, 26 Dec 2024 21:09:18 +0300", None),
    ("By John Smith and Jane Doe", None, "By John Smith and Jane Doe"),
])
def test_date_and_byline_lines_are_neither_title_nor_lede(line, date, byline):
    story = split_story(["Headline", line, "The lede.", "MOSCOW, May 20. /TASS/. Body."])
    assert (story.title, story.lede, story.printed_date, story.byline) == \
        ("Headline", "The lede.", date, byline)


@pytest.mark.parametrize("line", ["By the way, the talks failed.", "Byelorussian leader speaks",
                                  "May talks fail again", "Expert: SCO must act"])
def test_ordinary_lines_are_not_metadata(line):
    story = split_story(["Headline", line, "MOSCOW, May 20. /TASS/. Body."])
    assert story.lede == line and story.printed_date is None and story.byline is None


@pytest.mark.parametrize("text, expected", [
    ("16 January 2025, 11:42", (2025, 1, 16, 11, 42)),
    ("Dec. 26, 2024 at 9:05 p.m. EST", (2024, 12, 26, 21, 5)),
    ("12:30 a.m. May 3 2024", (2024, 5, 3, 0, 30)),
    ("2024-12-26 21:09 GMT", (2024, 12, 26, 21, 9)),
    ("26.12.2024 10:00", (2024, 12, 26, 10, 0)),
    ("05/06/2024", (2024, 5, 6, 0, 0)),
    ("26 DEC, 21:09", None),
    ("2024-02-30", None),
])
def test_parse_printed_date(text, expected):
    from analysis.corpus.wire import parse_printed_date

    got = parse_printed_date(text)
    assert (None if got is None else (got.year, got.month, got.day, got.hour, got.minute)) == expected


# Title-case and mixed-case places with a month-day and a dash, as Reuters and AP print
# them without a credit (issue "real corpora", part 6).
TITLE_CASE_DATED = [
    # paragraph, dateline as printed, place, detail, agency, month, day, year, story start
    ("Toronto, Feb 26 - Shares rose", "Toronto, Feb 26", "Toronto", None, None, 2, 26, None, "Shares"),
    ("New York, Feb 26 - Stocks fell", "New York, Feb 26", "New York", None, None, 2, 26, None, "Stocks"),
    ("Rio de Janeiro, March 3 (Reuters) - Brazil", "Rio de Janeiro, March 3 (Reuters)", "Rio de Janeiro", None, "Reuters", 3, 3, None, "Brazil"),
    ("Rio de Janeiro, March 3 - Brazil", "Rio de Janeiro, March 3", "Rio de Janeiro", None, None, 3, 3, None, "Brazil"),
    ("Washington, Jan. 5 — The Senate", "Washington, Jan. 5", "Washington", None, None, 1, 5, None, "The"),
    ("Port-au-Prince, Jan 12 - An earthquake", "Port-au-Prince, Jan 12", "Port-au-Prince", None, None, 1, 12, None, "An"),
    ("St. Louis, Oct. 3 - The Cardinals", "St. Louis, Oct. 3", "St. Louis", None, None, 10, 3, None, "The"),
    ("Oakland, Calif., May 3 - Police", "Oakland, Calif., May 3", "Oakland", "Calif.", None, 5, 3, None, "Police"),
    ("Washington, D.C., Jan. 5 -- A", "Washington, D.C., Jan. 5", "Washington", "D.C.", None, 1, 5, None, "A"),
    ("The Hague, Feb 26 – Judges", "The Hague, Feb 26", "The Hague", None, None, 2, 26, None, "Judges"),
    ("Toronto, Feb 26, 2024 - Shares", "Toronto, Feb 26, 2024", "Toronto", None, None, 2, 26, 2024, "Shares"),
    ("Toronto, 26 February - Shares", "Toronto, 26 February", "Toronto", None, None, 2, 26, None, "Shares"),
    ("Toronto, Feb 31 - Shares", "Toronto, Feb 31", "Toronto", None, None, 2, 31, None, "Shares"),
    # A space before the comma between a capitalised place and its detail.
    ("OAKLAND , N.J., May 3 (AP) - Police", "OAKLAND , N.J., May 3 (AP)", "OAKLAND", "N.J.", "AP", 5, 3, None, "Police"),
    ("OAKLAND, N.J., May 3 (AP) - Police", "OAKLAND, N.J., May 3 (AP)", "OAKLAND", "N.J.", "AP", 5, 3, None, "Police"),
    ("OAKLAND , N.J., May 3 - Police", "OAKLAND , N.J., May 3", "OAKLAND", "N.J.", None, 5, 3, None, "Police"),
    ("OAKLAND , Calif. (AP) - Police", "OAKLAND , Calif. (AP)", "OAKLAND", "Calif.", "AP", None, None, None, "Police"),
]


def test_title_case_datelines_with_a_month_day_and_a_dash():
    _assert_parsed(TITLE_CASE_DATED)


@pytest.mark.parametrize("paragraph", [
    "Paris, March 3 was a day to remember",          # no dash
    "Toronto, Feb 26 shares rose",
    "In Toronto, Feb 26 - shares rose",              # a sentence word first
    "in Toronto, Feb 26 - shares rose",              # lower case
    "On Monday, Feb 26 - talks resumed",
    "The President, Feb 26 - a speech",
    "Yesterday, Feb 26 - markets fell",
    "Monday, Feb 26 - markets fell",                 # a weekday is no place
    "May 3 - the talks",                             # a date alone
    "May, June 3 - the talks",
    "Toronto Feb 26 - Shares rose",                  # no comma
    "Toronto, Feb 32 - Shares rose",                 # no such day
    "Toronto, Feb 0 - Shares rose",
    "Toronto, Feb 26-27 talks",                      # a range, not a dash
    "Toronto, Febtember 26 - Shares",                # no such month
    "Toronto, May - Shares",
    "Paris, March 3 (local time) - a day",           # not an agency
    "Toronto, Feb 26 (Reuters) said",
])
def test_title_case_sentences_with_a_date_are_not_datelines(paragraph):
    assert parse_dateline(paragraph) is None


def test_a_title_case_dated_dateline_needs_no_credit_but_not_in_a_headline():
    # The first paragraph of a text file may be a headline: there a credit is required.
    assert parse_dateline("Toronto, Feb 26 - Shares rose", credit_required=True) is None
    story = split_story(["Toronto, Feb 26 - a headline", "Toronto, Feb 26 - Shares rose."])
    assert (story.title, story.dateline.place, story.body) == \
        ("Toronto, Feb 26 - a headline", "Toronto", ["Shares rose."])


@pytest.mark.parametrize("paragraph", [
    "Aa " * 20_000,
    "Aa-de-" * 10_000,
    "Toronto, " * 10_000,
    "Toronto, Calif" + " " * 50_000 + ", Feb 26 - x",
    "Toronto, Feb" + " " * 50_000 + "26 - x",
    "Rio" + " de" * 20_000 + " Janeiro, May 3 - x",
    "St. " * 20_000,
    "Toronto, " + "A." * 20_000 + ", May 3 - x",
])
def test_title_case_dated_pattern_is_fast_on_hostile_input(paragraph):
    import time

    t0 = time.perf_counter()
    for _ in range(20):
        assert parse_dateline(paragraph) is None
    assert time.perf_counter() - t0 < 1.0


def test_lede_before_a_tass_dateline_is_the_lede():
    # TASS pages: headline, lede, then "MOSCOW, May 20. /TASS/. body".
    page = ["Russia and Kazakhstan sign deal", "The two countries agreed on gas supplies.",
            "MOSCOW, May 20. /TASS/. Russia and Kazakhstan signed", "Second paragraph."]
    story = split_story(page)
    assert (story.title, story.lede, story.dateline.text, story.body) == \
        ("Russia and Kazakhstan sign deal", "The two countries agreed on gas supplies.",
         "MOSCOW, May 20. /TASS/.", ["Russia and Kazakhstan signed", "Second paragraph."])
    # A record with its own title: the first paragraph, before the dateline, is the lede.
    story = split_story(page[1:], title="Russia and Kazakhstan sign deal")
    assert (story.title, story.lede, story.body) == \
        ("Russia and Kazakhstan sign deal", "The two countries agreed on gas supplies.",
         ["Russia and Kazakhstan signed", "Second paragraph."])


def test_the_records_own_lede_wins_over_the_paragraph_before_the_dateline():
    story = split_story(["A standfirst printed on the page.",
                         "MOSCOW, May 20. /TASS/. Russia said", "More."],
                        title="Headline", lede="The record's own lede.")
    assert (story.title, story.lede, story.body) == \
        ("Headline", "The record's own lede.", ["A standfirst printed on the page.", "Russia said", "More."])
