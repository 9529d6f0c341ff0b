"""The report runner end to end on the sample corpus, and its guard rails."""

import json

import nbformat
import pandas as pd
import pytest

from analysis.report import NOTEBOOK_DIR, headline_numbers, run_report

from ..conftest import SAMPLE

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    manifest = run_report(SAMPLE, out_dir=out, echo=lambda *a: None)
    return out, manifest


def test_report_writes_html_charts_tables_and_manifest(report):
    out, manifest = report
    assert manifest["failed"] == []
    assert (out / "index.html").exists() and (out / "manifest.json").exists()
    assert sorted(p.name for p in (out / "figures").glob("*.png")) == [
        "actor_attention.png", "articles_by_agency.png", "articles_by_outlet.png", "articles_over_time.png",
        "co_mention_heatmap.png", "co_mention_network.png", "keyness.png", "top_actors.png",
        "top_terms.png", "top_terms_by_group.png"]
    mentions = pd.read_csv(out / "tables" / "actor_mentions.csv")
    assert {"doc_id", "field", "start", "end", "surface", "actor_id"} <= set(mentions.columns)
    assert {"CSTO", "SCO", "CICA", "KAZ"} <= set(mentions["actor_id"])
    assert {p.name for p in (out / "tables").glob("*.csv")} >= {
        "corpus_summary.csv", "articles.csv", "problems.csv", "top_terms.csv", "keyness.csv",
        "kwic.csv", "actor_contexts.csv", "problem_counts.csv"}
    kwic = pd.read_csv(out / "tables" / "kwic.csv")
    assert {"doc_id", "field", "start", "end"} <= set(kwic.columns) and len(kwic) > 10
    articles = pd.read_csv(out / "tables" / "articles.csv")
    assert len(articles) == 29 and "text" not in articles.columns
    # Every article is in one group of the by-group tables (the default: agency here).
    groups = pd.read_csv(out / "tables" / "groups.csv")
    assert list(groups.columns) == ["agency", "articles", "share"]
    assert groups["articles"].sum() == len(articles)
    assert set(pd.read_csv(out / "tables" / "top_terms_by_group.csv")["agency"]) == \
        set(groups["agency"]) == set(articles["agency"])
    assert set(pd.read_csv(out / "tables" / "actor_counts_by_group.csv")["agency"]) <= \
        set(groups["agency"])
    for page in ("02_terms.html", "03_actors.html"):
        assert "Grouped by agency: 5 groups of 3 to 8 articles, and (unknown) for the 5 articles " \
            "with no agency; every article is in one group." \
            in (out / page).read_text(encoding="utf-8"), page
    saved = json.loads((out / "manifest.json").read_text())
    assert saved["fingerprint"]["files"] == 16
    assert [n["notebook"] for n in saved["notebooks"]] == \
        [p.name for p in sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))]


def test_same_input_gives_byte_identical_tables_and_charts(report, tmp_path):
    out, _ = report
    again = tmp_path / "again"
    run_report(SAMPLE, out_dir=again, echo=lambda *a: None)
    for kind in ("figures", "tables"):
        first = {p.name: p.read_bytes() for p in (out / kind).iterdir()}
        second = {p.name: p.read_bytes() for p in (again / kind).iterdir()}
        assert first == second, kind


@pytest.mark.parametrize("name", ["01_corpus_overview", "02_terms", "03_actors"])
def test_report_html_has_no_code_and_no_stray_output(report, name):
    out, _ = report
    page = (out / f"{name}.html").read_text(encoding="utf-8")
    assert "<img" in page and "<table" in page
    for stray in ("analysis.load_corpus", "analysis.save_", "&lt;Figure size", "&lt;Axes", "Warning", "PosixPath",
                  "jp-RenderedText\" data-mime-type=\"application/vnd.jupyter.stderr"):
        assert stray not in page, stray


def test_unknown_or_mistyped_parameters_stop_the_run(tmp_path):
    with pytest.raises(ValueError, match=r"Unknown parameter\(s\) \['top_m'\]; the notebooks declare"):
        run_report(SAMPLE, out_dir=tmp_path, parameters={"top_m": 5})
    with pytest.raises(TypeError, match=r"parameter year='2024' must be int"):
        run_report(SAMPLE, out_dir=tmp_path, parameters={"year": "2024"})
    with pytest.raises(FileNotFoundError, match=r"corpus='.*nowhere' does not exist; nothing was run"):
        run_report(tmp_path / "nowhere", out_dir=tmp_path)
    with pytest.raises(FileNotFoundError, match=r"parameter actors_file='nope.csv' does not exist"):
        run_report(SAMPLE, out_dir=tmp_path, parameters={"actors_file": "nope.csv"})
    assert not (tmp_path / "index.html").exists()


def _hostile_corpus(folder):
    folder.mkdir()
    (folder / "tass.txt").write_text(
        "&lt;script&gt;alert(1)&lt;/script&gt;\n\nMOSCOW, May 20. /TASS/. The CSTO and the SCO "
        "met in Astana. Kazakhstan and Russia agreed. \"We will act,\" Yerlan Karin, director "
        "of the institute, said.\n", encoding="utf-8")
    (folder / "<img src=x onerror=alert(2)>.txt").write_text(
        "Drills near Dushanbe\n\nDUSHANBE, June 3 (Reuters) - Tajikistan and Russia held CSTO "
        "drills. China watched the SCO partners.\n", encoding="utf-8")
    (folder / "xinhua.txt").write_text(
        "China and Kazakhstan sign deal\n\nBEIJING, June 4 (Xinhua) -- China and Kazakhstan "
        "signed a trade deal on Tuesday, the SCO secretariat said.\n", encoding="utf-8")
    # Input that once hung or crashed a run: a 200,000-character capitalised token (an
    # inline image), and a JSON file nested 200,000 levels deep.
    (folder / "image.txt").write_text(
        "Satellite images of the drills\n\nMOSCOW, June 5. /TASS/. The CSTO published "
        "images: " + "A" + "b" * 199_999 + " \"We saw the drills,\" a spokesman said.\n",
        encoding="utf-8")
    (folder / "deep.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    corpus = _hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus")
    out = tmp_path_factory.mktemp("hostile_report")
    params = {"year": 2025, "top_n": 5, "group_by": "month", "focus_terms": ["drills"],
              "focus_actors": ["CSTO", "Kazakhstan"], "extra_stopwords": ["met"]}
    manifest = run_report(corpus, out_dir=out, parameters=params, echo=lambda *a: None)
    return out, manifest


def test_fixture_report_with_injected_parameters(hostile_report):
    out, manifest = hostile_report
    assert manifest["failed"] == []
    for entry in manifest["notebooks"]:
        assert entry["parameters"]["top_n"] == 5 and entry["parameters"]["group_by"] == "month"
    executed = nbformat.read(out / "02_terms.ipynb", as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "top_n = 5" in injected[0].source
    keys = pd.read_csv(out / "tables" / "keyness.csv")
    assert list(keys.columns[:2]) == ["month", "term"]
    assert set(keys["month"]) == {"2025-06"}              # May has one article: too small
    page = (out / "02_terms.html").read_text(encoding="utf-8")
    assert "Too small to compare (fewer than 2 articles): 2025-05 (1)." in page
    kwic = pd.read_csv(out / "tables" / "kwic.csv")
    assert "drills" in set(kwic["match"].str.lower())
    attention = pd.read_csv(out / "tables" / "actor_attention.csv")
    assert list(dict.fromkeys(attention["actor_id"])) == ["CSTO", "KAZ"]
    contexts = pd.read_csv(out / "tables" / "actor_contexts.csv")
    assert set(contexts["actor_id"]) == {"CSTO", "KAZ"}


def test_hostile_files_report_to_the_end_and_are_listed(hostile_report):
    out, manifest = hostile_report
    assert manifest["failed"] == []
    found = pd.read_csv(out / "tables" / "problems.csv")
    assert {("image.txt", "very long token"), ("deep.json", "JSON nested too deeply")} <= \
        {(source.rsplit("/", 1)[-1], problem) for source, problem in
         zip(found["source"], found["problem"])}
    page = (out / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "very long token" in page and "JSON nested too deeply" in page
    quoted = pd.read_csv(out / "tables" / "quotes.csv")
    assert "We saw the drills," in set(quoted["quote"])       # the text after it is read


def test_untrusted_text_is_escaped_in_every_page(hostile_report):
    out, _ = hostile_report
    articles = pd.read_csv(out / "tables" / "articles.csv")
    assert HOSTILE in set(articles["title"])
    assert any("<img src=x onerror=alert(2)>" in d for d in articles["doc_id"])
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["01_corpus_overview.html"]
    assert "&lt;img src=x onerror=alert(2)&gt;" in pages["01_corpus_overview.html"]
    for name, page in pages.items():
        assert HOSTILE not in page and "<img src=x" not in page, name
        assert "<script" not in page.lower() and "cdnjs" not in page, name


def test_index_leads_with_headline_numbers(report):
    out, _ = report
    numbers = dict(headline_numbers(out))
    assert numbers["Articles"] == "29"
    assert numbers["Dates"] == "2025-01-16 to 2025-06-27"
    assert numbers["Top actors"].startswith("Kazakhstan (")
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<th>Articles</th><td>29</td>" in page and page.count('class="ok">ok<') == 3


@pytest.mark.parametrize("params, message", [
    ({"date_from": "May 2025"}, r"parameter date_from=.May 2025. is not a date"),
    ({"date_to": "2025-02-30"}, r"parameter date_to=.2025-02-30. is not a date"),
    ({"date_from": "2025-06-01", "date_to": "2025-01-01"}, r"leave no day; swap them"),
    ({"period": "fortnight"}, r"parameter period='fortnight' is not a period"),
    ({"top_n": 0}, r"parameter top_n=0 is out of range"),
    ({"agencies": "TASS"}, r"parameter agencies='TASS' must be list"),
    ({"focus_terms": ["csto", 2024]}, r"must be a list of text; \[2024\] are not"),
    ({"year": 99999}, r"parameter year=99999 is out of range"),
    ({"min_effect": -1.0}, r"parameter min_effect=-1.0 must be a number >= 0"),
    ({"period": ["month"]}, r"parameter period=\['month'\] is not a period"),
    ({"group_by": "  "}, r"parameter group_by='  ' must name a column \(agency, outlet, place\) "
                         r"or a period \(week, month, quarter, year\), or be empty"),
    ({"out_dir": "/tmp/elsewhere"}, r"\['out_dir'\] are set by the runner"),
    ({"corpus": "other", "top_n": 3}, r"\['corpus'\] are set by the runner: give the corpus"),
])
def test_bad_parameter_values_stop_before_any_run(tmp_path, params, message):
    with pytest.raises((ValueError, TypeError), match=message):
        run_report(SAMPLE, out_dir=tmp_path, parameters=params, echo=lambda *a: None)
    assert not list(tmp_path.glob("*.ipynb"))


def test_report_on_a_glob(tmp_path):
    pattern = str(SAMPLE / "exports" / "*.json*")
    manifest = run_report(pattern, out_dir=tmp_path, notebooks=["01_corpus_overview"],
                          cache=False, echo=lambda *a: None)
    assert manifest["failed"] == [] and manifest["fingerprint"]["files"] == 3
    assert pd.read_csv(tmp_path / "tables" / "articles.csv")["doc_id"].str.startswith(
        "tass_scrape_2025.json#").sum() > 0
