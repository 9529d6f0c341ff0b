"""The command line: report, load, terms and actors, and how it reads parameter values."""

import json

import pytest

from analysis.__main__ import main
from analysis.errors import CorpusWarning

from ..conftest import SAMPLE


def test_cli_errors_exit_2(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nowhere"), "--out", str(tmp_path)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_cli_load_prints_csv(capsys):
    with pytest.warns(CorpusWarning, match="5 mapped"):
        assert main(["load", str(SAMPLE), "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("doc_id,source,agency,outlet,title") and len(lines) >= 19


def test_cli_quick_tables(capsys):
    assert main(["terms", str(SAMPLE), "--top", "3", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "term,count,doc_count,share,rank" and len(lines) == 4
    assert main(["actors", str(SAMPLE), "--top", "2", "--by", "agency", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # Two actors for each of five agencies and (unknown).
    assert lines[0] == "agency,actor_id,name,kind,mentions,docs" and len(lines) == 13


def test_cli_tables_by_group_keep_articles_without_a_value(write, capsys):
    write("tass.txt", "Drills\n\nMOSCOW, May 20. /TASS/. The CSTO held drills.\n")
    write("site.txt", "Trade\n\nChina and Kazakhstan signed a trade deal.\n")
    corpus = str(write("other.txt", "Talks\n\nTrade talks went on.\n").parent)
    assert main(["terms", corpus, "--top", "1", "--by", "agency", "--csv"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "agency,term,count,doc_count,share,rank", "(unknown),trade,3,2,0.3,1",
        "TASS,drills,2,1,0.5,1"]
    assert main(["actors", corpus, "--top", "1", "--by", "month", "--csv"]) == 0
    assert [line.split(",")[0] for line in capsys.readouterr().out.splitlines()] == [
        "month", "undated"]


def test_failing_notebook_exits_non_zero_and_is_marked(tmp_path, capsys):
    code = main(["report", str(SAMPLE), "--out", str(tmp_path), "--notebook", "01_corpus_overview",
                 "-p", "group_by", "no_such_column"])
    assert code == 1
    assert "1 notebook(s) failed: 01_corpus_overview.ipynb" in capsys.readouterr().err
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["failed"] == ["01_corpus_overview.ipynb"]
    assert manifest["notebooks"][0]["status"] == "failed"
    assert "failed: see the report" in (tmp_path / "index.html").read_text()
    page = (tmp_path / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "group_by=&#x27;no_such_column&#x27; is neither a column" in page or \
        "group_by='no_such_column' is neither a column" in page


def test_cli_reads_yaml_dates_as_text(tmp_path):
    from analysis.__main__ import _parse_value

    assert _parse_value("2025-05-01") == "2025-05-01"
    assert _parse_value("[said, no, on, yes, off]") == ["said", "no", "on", "yes", "off"]
    assert _parse_value("true") is True and _parse_value("no") == "no"
    assert _parse_value("[TASS, Reuters]") == ["TASS", "Reuters"]
    assert _parse_value("20") == 20
