"""The report notebooks: where they are found, and what the shipped templates hold."""

import shutil
from pathlib import Path

import nbformat
import papermill
import pytest

from analysis.report import NOTEBOOK_DIR, notebook_folder, run_report

from ..conftest import ROOT, SAMPLE

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
COMMON = ["corpus", "date_from", "date_to", "agencies", "group_by", "top_n", "ngram",
          "extra_stopwords", "actors_file", "focus_terms", "focus_actors", "out_dir"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_templates_have_no_outputs_and_one_parameters_cell(path):
    notebook = nbformat.read(path, as_version=4)
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]
            assert len(cell.source.splitlines()) <= 3 or cell is tagged[0], cell.source
    declared = papermill.inspect_notebook(str(path))
    assert list(declared)[:len(COMMON)] == COMMON
    for name, spec in declared.items():
        assert spec["inferred_type_name"] != "None" and spec["help"], name


def test_default_finds_the_shipped_notebooks_through_the_package(monkeypatch):
    from importlib import resources

    monkeypatch.delenv("DATELINE_NOTEBOOKS", raising=False)
    folder = notebook_folder()
    shipped = resources.files("analysis") / "report" / "templates"
    assert folder == Path(str(shipped)).resolve()
    assert sorted(p.name for p in folder.glob("[0-9][0-9]_*.ipynb")) == [
        "01_corpus_overview.ipynb", "02_terms.ipynb", "03_actors.ipynb"]
    assert sorted(p.name for p in shipped.iterdir() if p.name.endswith(".ipynb")) == [
        "01_corpus_overview.ipynb", "02_terms.ipynb", "03_actors.ipynb"]
    if (ROOT / "notebooks").is_dir() and (ROOT / "analysis" / "report").is_dir():
        assert folder == (ROOT / "notebooks").resolve()       # in a checkout: notebooks/
    assert NOTEBOOK_DIR == folder


def test_dateline_notebooks_names_the_folder_used(tmp_path, monkeypatch):
    own = tmp_path / "my_notebooks"
    own.mkdir()
    shutil.copy(NOTEBOOK_DIR / "01_corpus_overview.ipynb", own / "07_my_overview.ipynb")
    monkeypatch.setenv("DATELINE_NOTEBOOKS", str(own))
    assert notebook_folder() == own.resolve()
    assert [p.name for p in notebook_folder().glob("*.ipynb")] == ["07_my_overview.ipynb"]
    with pytest.raises(ValueError, match=r"notebooks=\['02_terms'\] unknown; choose from "
                                         r"\['07_my_overview'\]"):
        run_report(SAMPLE, out_dir=tmp_path / "refused", notebooks=["02_terms"])
    out = tmp_path / "report"
    manifest = run_report(SAMPLE, out_dir=out, cache=False, echo=lambda *a: None)
    assert manifest["failed"] == []
    assert [n["notebook"] for n in manifest["notebooks"]] == ["07_my_overview.ipynb"]
    assert (out / "07_my_overview.html").exists() and (out / "tables" / "corpus_summary.csv").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("DATELINE_NOTEBOOKS", str(empty))
    with pytest.raises(FileNotFoundError, match=r"No report notebooks found in .*empty "
                                                r"\(set by DATELINE_NOTEBOOKS\)"):
        run_report(SAMPLE, out_dir=tmp_path / "none")
