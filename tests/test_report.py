"""The report runner end to end on the sample corpus, and its guard rails."""

import json

import pandas as pd
import pytest

from analysis import save_figure, save_table
from analysis.__main__ import main
from analysis.report import NOTEBOOK_DIR, run_report

from .conftest import SAMPLE


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
        "actor_attention.png", "articles_by_agency.png", "articles_over_time.png",
        "co_mention_heatmap.png", "co_mention_network.png", "keyness.png", "top_actors.png",
        "top_terms.png", "top_terms_by_group.png"]
    mentions = pd.read_csv(out / "tables" / "actor_mentions.csv")
    assert {"doc_id", "field", "start", "end", "surface", "actor_id"} <= set(mentions.columns)
    assert {"CSTO", "SCO", "CICA", "KAZ"} <= set(mentions["actor_id"])
    assert {p.name for p in (out / "tables").glob("*.csv")} >= {
        "corpus_summary.csv", "articles.csv", "problems.csv", "top_terms.csv", "keyness.csv",
        "kwic_focus_terms.csv"}
    kwic = pd.read_csv(out / "tables" / "kwic_focus_terms.csv")
    assert {"doc_id", "field", "start", "end"} <= set(kwic.columns) and len(kwic) > 10
    articles = pd.read_csv(out / "tables" / "articles.csv")
    assert len(articles) == 18 and "text" not in articles.columns
    saved = json.loads((out / "manifest.json").read_text())
    assert saved["fingerprint"]["files"] == 11
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


def test_cli_errors_exit_2(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nowhere"), "--out", str(tmp_path)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_cli_load_prints_csv(capsys):
    assert main(["load", str(SAMPLE), "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("doc_id,source,agency,title") and len(lines) >= 19


def test_save_helpers_refuse_unsafe_names(tmp_path):
    table = pd.DataFrame({"a": [1]})
    assert save_table(table, "ok_name", tmp_path) is table
    assert (tmp_path / "tables" / "ok_name.csv").read_text() == "a\n1\n"
    for bad in ("../escape", "a/b", "", ".hidden"):
        with pytest.raises(ValueError, match="is not a safe file name"):
            save_table(table, bad, tmp_path)
    with pytest.raises(ValueError, match="is not a safe file name"):
        save_figure(object(), "../x", tmp_path)


def test_cli_quick_tables(capsys):
    assert main(["terms", str(SAMPLE), "--top", "3", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "term,count,doc_count,share,rank" and len(lines) == 4
    assert main(["actors", str(SAMPLE), "--top", "2", "--by", "agency", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "agency,actor_id,name,kind,mentions,docs" and len(lines) == 11
