"""Reports: run the notebooks with papermill, export code-free HTML, save charts and tables.

:func:`save_figure` and :func:`save_table` are the one way report notebooks write files;
:func:`run_report` is what ``python -m analysis report`` and ``make report`` call.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["save_figure", "save_table", "run_report", "NOTEBOOK_DIR", "corpus_fingerprint"]

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,100}$")


def _output_path(out_dir: str | os.PathLike, kind: str, name: str, suffix: str) -> Path:
    if not isinstance(name, str) or not _NAME_RE.match(name) or ".." in name:
        raise ValueError(
            f"name={name!r} is not a safe file name; use letters, digits, '_', '-' and '.' "
            "only, e.g. 'articles_per_month'."
        )
    folder = Path(out_dir) / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}{suffix}"


def save_figure(fig, name: str, out_dir: str | os.PathLike | None):
    """Save ``fig`` as ``out_dir/figures/<name>.png`` at 150 dpi and return ``fig``.

    Returning the figure lets a notebook cell save and show a chart in one line. The PNG
    carries no timestamp or version, so the same input gives the same bytes. With
    ``out_dir=None`` nothing is written.
    """
    if out_dir is not None:
        path = _output_path(out_dir, "figures", name, ".png")
        fig.savefig(path, dpi=150, bbox_inches="tight", facecolor="white",
                    metadata={"Software": None})
    return fig


def save_table(table: pd.DataFrame, name: str, out_dir: str | os.PathLike | None) -> pd.DataFrame:
    """Save ``table`` as ``out_dir/tables/<name>.csv`` (UTF-8, no index) and return it.

    Dates are written as ISO 8601; the same table gives the same bytes.
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table must be a pandas DataFrame, got {type(table).__name__}.")
    if out_dir is not None:
        path = _output_path(out_dir, "tables", name, ".csv")
        table.to_csv(path, index=False, date_format="%Y-%m-%dT%H:%M:%S", lineterminator="\n")
    return table


def corpus_fingerprint(corpus: str | os.PathLike) -> dict[str, Any]:
    """Number of files under ``corpus`` (a file, a folder or a glob) and one SHA-256 over
    their paths and contents."""
    import glob

    root = Path(corpus)
    if root.exists():
        files = [root] if root.is_file() else sorted(
            p for p in root.rglob("*") if p.is_file() and not any(
                part.startswith(".") for part in p.relative_to(root).parts))
    else:
        files = sorted(Path(p) for p in glob.glob(os.fspath(corpus), recursive=True)
                       if Path(p).is_file())
    digest = hashlib.sha256()
    for path in files:
        rel = path.name if not root.is_dir() else path.relative_to(root).as_posix()
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return {"files": len(files), "sha256": digest.hexdigest()}


def _versions() -> dict[str, str]:
    names = ["pandas", "matplotlib", "seaborn", "nltk", "papermill", "nbconvert", "numpy"]
    out = {}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _notebooks(selected: list[str] | None) -> list[Path]:
    available = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
    if not available:
        raise FileNotFoundError(f"No report notebooks found in {NOTEBOOK_DIR}.")
    if not selected:
        return available
    by_name = {p.stem: p for p in available}
    missing = [s for s in selected if s not in by_name]
    if missing:
        raise ValueError(f"notebooks={missing!r} unknown; choose from {sorted(by_name)}.")
    return [by_name[s] for s in selected]


def _check_parameters(notebook: Path, parameters: dict[str, Any]) -> dict[str, Any]:
    """Keep the parameters the notebook declares; refuse unknown names and wrong types."""
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    accepted = {}
    for name, value in parameters.items():
        if name not in declared:
            continue
        inferred = (declared[name].get("inferred_type_name") or "").lower()
        if inferred and value is not None and not _type_ok(inferred, value):
            raise TypeError(
                f"parameter {name}={value!r} must be {inferred} for {notebook.name} "
                f"(default {declared[name].get('default')})."
            )
        accepted[name] = value
    return accepted


def _check_values(parameters: dict[str, Any]) -> None:
    """Refuse parameter values the notebooks would only fail on later, before any run."""
    from .types import PERIODS

    for name in ("date_from", "date_to"):
        value = parameters.get(name)
        if value:
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
                    raise ValueError(value)
                pd.Timestamp(value)
            except (ValueError, TypeError):
                raise ValueError(f"parameter {name}={value!r} is not a date; write it as "
                                 "YYYY-MM-DD, e.g. 2025-05-01.") from None
    if parameters.get("date_from") and parameters.get("date_to") and \
            pd.Timestamp(parameters["date_from"]) > pd.Timestamp(parameters["date_to"]):
        raise ValueError(f"parameters date_from={parameters['date_from']!r} and date_to="
                         f"{parameters['date_to']!r} leave no day; swap them.")
    for name, value in parameters.items():
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            odd = [v for v in value if not isinstance(v, str)]
            raise TypeError(f"parameter {name}={value!r} must be a list of text; {odd!r} "
                            "are not (quote them in YAML: [\"no\", \"on\", \"2024\"]).")
    year = parameters.get("year")
    if isinstance(year, int) and not isinstance(year, bool) and year != 0 and \
            not 1800 <= year <= 2200:
        raise ValueError(f"parameter year={year!r} is out of range; use a year from 1800 to "
                         "2200, or 0 for none.")
    effect = parameters.get("min_effect")
    if isinstance(effect, (int, float)) and not isinstance(effect, bool) and \
            not 0 <= effect < float("inf"):
        raise ValueError(f"parameter min_effect={effect!r} must be a number >= 0, e.g. 1.0.")
    if "period" in parameters and (not isinstance(parameters["period"], str)
                                   or parameters["period"] not in PERIODS):
        raise ValueError(f"parameter period={parameters['period']!r} is not a period; use one "
                         f"of {', '.join(PERIODS)}.")
    for name, low, high in (("top_n", 1, 10_000), ("ngram", 1, 6), ("min_docs", 1, 10**9)):
        value = parameters.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and not low <= value <= high:
            raise ValueError(f"parameter {name}={value!r} is out of range; use {low} to {high}.")
    if "group_by" in parameters and not (isinstance(parameters["group_by"], str)
                                         and parameters["group_by"].strip()):
        raise ValueError(f"parameter group_by={parameters['group_by']!r} must name a column "
                         "(agency, place) or a period (week, month, quarter, year).")


def _type_ok(inferred: str, value: Any) -> bool:
    inferred = inferred.replace(" ", "")
    checks = {
        "str": lambda v: isinstance(v, str),
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "bool": lambda v: isinstance(v, bool),
        "list": lambda v: isinstance(v, list),
        "list[str]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    }
    for kind in inferred.split("|"):
        kind = kind.strip()
        if kind == "none" and value is None:
            return True
        check = checks.get(kind.replace("optional[", "").rstrip("]"))
        if check is None or check(value):
            return True
    return False


def run_report(
    corpus: str | os.PathLike,
    *,
    out_dir: str | os.PathLike = "reports/sample",
    parameters: dict[str, Any] | None = None,
    notebooks: list[str] | None = None,
    timeout: int = 600,
    scheduler: str | None = None,
    cache: bool | str | os.PathLike | None = True,
    progress: bool | None = None,
    echo=print,
) -> dict[str, Any]:
    """Run the report notebooks on ``corpus`` and write everything under ``out_dir``.

    Writes the executed notebooks, a code-free HTML page per notebook, ``figures/*.png``
    and ``tables/*.csv`` (written by the notebooks), ``manifest.json`` and ``index.html``.
    Unknown parameter names, values of the wrong type or out of range, and a corpus or
    ``*_file`` parameter that does not exist raise before anything runs. Returns the
    manifest; its ``failed`` list names the notebooks that raised (their HTML shows the
    error, and the index marks them failed).

    Parameters
    ----------
    corpus
        File, folder or glob of articles (see :func:`load_corpus`).
    out_dir
        Output folder, created if needed.
    parameters
        Notebook parameters, e.g. ``{"top_n": 20, "agencies": ["TASS"]}``; see
        ``papermill --help-notebook notebooks/02_terms.ipynb`` for the list.
    notebooks
        Notebook stems to run (default: all, in order), e.g. ``["02_terms"]``.
    timeout
        Seconds a single cell may run.
    scheduler
        Address of a dask scheduler (``tcp://host:8786``) for the heavy steps; passed to
        the notebooks as the ``DATELINE_SCHEDULER`` environment variable.
    cache
        Where per-article results (term counts, mentions, quotes, parsed articles) are
        kept between runs, so a re-run redoes only new or changed articles: ``True``
        (default) the kit's cache folder (``$DATELINE_CACHE``, else
        ``$XDG_CACHE_HOME/dateline`` or ``~/.cache/dateline``), a folder path, or ``False``/``None`` for none. Passed to
        the notebooks as ``DATELINE_CACHE``.
    progress
        Show a bar of executed cells per notebook (default: when standard error is a
        terminal).
    echo
        Where the one-line-per-notebook progress goes (``print`` by default).

    Examples
    --------
    >>> run_report("data/sample", out_dir="reports/q2",
    ...            parameters={"date_from": "2025-04-01", "group_by": "agency"})  # doctest: +SKIP
    """
    import sys

    import papermill

    import glob

    corpus_path = Path(corpus)
    if not corpus_path.exists() and not (
            glob.has_magic(os.fspath(corpus)) and glob.glob(os.fspath(corpus), recursive=True)):
        raise FileNotFoundError(f"corpus={os.fspath(corpus)!r} does not exist; nothing was run.")
    fixed = sorted({"corpus", "out_dir"} & set(parameters or {}))
    if fixed:
        raise ValueError(
            f"parameter(s) {fixed} are set by the runner: give the corpus as the command's "
            "CORPUS argument (run_report's corpus=) and the output folder with --out "
            "(out_dir=), not as notebook parameters."
        )
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    parameters = dict(parameters or {})
    chosen = _notebooks(notebooks)
    declared_names = set()
    for nb in chosen:
        declared_names |= set(papermill.inspect_notebook(str(nb)))
    unknown = sorted(set(parameters) - declared_names)
    if unknown:
        raise ValueError(
            f"Unknown parameter(s) {unknown}; the notebooks declare {sorted(declared_names)}."
        )
    base = {"corpus": str(corpus_path.resolve()) if corpus_path.exists()
            else os.path.abspath(os.fspath(corpus)), "out_dir": str(out)}
    # File parameters (actors_file) are read from the notebooks' folder: resolve relative
    # paths against the caller's working directory first.
    for name, value in list(parameters.items()):
        if name.endswith("_file") and isinstance(value, str) and value:
            if not Path(value).exists():
                raise FileNotFoundError(f"parameter {name}={value!r} does not exist; nothing was run.")
            parameters[name] = str(Path(value).resolve())
    _check_values(parameters)
    if scheduler is not None and not (isinstance(scheduler, str) and scheduler.strip()):
        raise ValueError(f"scheduler={scheduler!r} must be a dask scheduler address such as "
                         "'tcp://10.0.0.5:8786'.")
    if progress is None:
        progress = sys.stderr.isatty()
    from .cache import cache_folder

    if not (cache is None or isinstance(cache, (bool, str, os.PathLike))):
        raise TypeError(f"cache={cache!r} must be True, False, None or a folder path.")
    folder = cache_folder(cache)
    cache_env = str(folder.resolve()) if folder is not None else ""
    manifest: dict[str, Any] = {
        "corpus": os.fspath(corpus),
        "fingerprint": corpus_fingerprint(corpus_path),
        "parameters": parameters,
        "versions": _versions(),
        "scheduler": scheduler,
        "cache": cache_env or None,
        "notebooks": [],
        "failed": [],
    }
    checked = [(nb, _check_parameters(nb, {**base, **parameters})) for nb in chosen]
    for number, (nb, params) in enumerate(checked, start=1):
        executed = out / nb.name
        started = time.time()
        status = "ok"
        echo(f"[{number}/{len(checked)}] {nb.name} ...")
        try:
            with _environment(DATELINE_SCHEDULER=scheduler, DATELINE_CACHE=cache_env):
                papermill.execute_notebook(
                    str(nb), str(executed), parameters=params, kernel_name="python3",
                    cwd=str(NOTEBOOK_DIR), progress_bar=progress, execution_timeout=timeout,
                    log_output=False, kernel_manager_class=_kernel_manager_class(),
                )
        except papermill.PapermillExecutionError as err:
            status = "failed"
            manifest["failed"].append(nb.name)
            echo(f"  {nb.name} failed: {err.ename}: {err.evalue}")
        duration = round(time.time() - started, 1)
        html_path = out / f"{nb.stem}.html"
        _export_html(executed, html_path)
        manifest["notebooks"].append({
            "notebook": nb.name, "status": status, "html": html_path.name,
            "started": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(started)),
            "seconds": duration, "parameters": {k: v for k, v in params.items()
                                                if k not in ("corpus", "out_dir")},
        })
        echo(f"  {status} in {duration:.1f}s -> {html_path.relative_to(out.parent)}")
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n",
                                       encoding="utf-8")
    _write_index(out, manifest)
    return manifest


class _environment:
    """Set environment variables (None: leave alone) for the kernels started inside."""

    def __init__(self, **values: str | None):
        self.values = {k: v for k, v in values.items() if v is not None}
        self.saved: dict[str, str | None] = {}

    def __enter__(self):
        for key, value in self.values.items():
            self.saved[key] = os.environ.get(key)
            os.environ[key] = value
        return self

    def __exit__(self, *exc):
        for key, value in self.saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        return False


def _kernel_manager_class():
    """A kernel manager that encrypts the local kernel channel when it can.

    ipykernel 7.3+ warns on every start over unencrypted TCP; with CurveZMQ available
    ("auto") there is nothing to warn about, and the report output stays clean.
    """
    from jupyter_client.manager import AsyncKernelManager

    if "transport_encryption" not in AsyncKernelManager.class_trait_names():
        return AsyncKernelManager

    class _Manager(AsyncKernelManager):
        def __init__(self, **kwargs):
            kwargs.setdefault("transport_encryption", "auto")
            super().__init__(**kwargs)

    return _Manager


def _export_html(executed: Path, target: Path) -> None:
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(executed, as_version=4)
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(notebook)
    # The reports need no script: nbconvert's template would fetch require.js, MathJax
    # and mermaid from a CDN when the page opens (not offline, and MathJax would typeset
    # "$5 million ... $6 million" in article text as mathematics).
    body = _SCRIPT_RE.sub("", body)
    title = html.escape(f"Dateline: {executed.stem.split('_', 1)[-1].replace('_', ' ')}")
    body = body.replace("<title>Notebook</title>", f"<title>{title}</title>", 1)
    target.write_text(body, encoding="utf-8")


_SCRIPT_RE = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.DOTALL | re.IGNORECASE)


def _read_table(out: Path, name: str) -> pd.DataFrame | None:
    path = out / "tables" / f"{name}.csv"
    try:
        return pd.read_csv(path, keep_default_na=False) if path.exists() else None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError):
        return None


def headline_numbers(out_dir: str | os.PathLike) -> list[tuple[str, str]]:
    """The few numbers an index page leads with, read back from a report's tables.

    Returns ``(label, value)`` pairs: articles, agencies, dates, loading problems (from
    ``corpus_summary.csv``), top terms, top actors and the most quoted speaker, when those
    tables exist. Values are plain text; the caller escapes them.
    """
    out = Path(out_dir)
    numbers: list[tuple[str, str]] = []
    summary = _read_table(out, "corpus_summary")
    if summary is not None and {"measure", "value"} <= set(summary.columns):
        values = dict(zip(summary["measure"], summary["value"].astype(str)))
        for label, key in (("Articles", "articles"), ("Agencies", "agencies"),
                           ("Without a date", "without a date"),
                           ("Loading problems", "loading problems")):
            if key in values:
                numbers.append((label, values[key]))
        if "first date" in values and "last date" in values:
            numbers.insert(2, ("Dates", f"{values['first date']} to {values['last date']}"))
    terms = _read_table(out, "top_terms")
    if terms is not None and {"term", "count"} <= set(terms.columns) and len(terms):
        numbers.append(("Top terms", ", ".join(
            f"{t} ({c:,})" for t, c in zip(terms["term"].head(5), terms["count"].head(5)))))
    actors = _read_table(out, "actor_counts")
    if actors is not None and {"name", "mentions"} <= set(actors.columns) and len(actors):
        numbers.append(("Top actors", ", ".join(
            f"{n} ({c:,})" for n, c in zip(actors["name"].head(5), actors["mentions"].head(5)))))
    ledger = _read_table(out, "quote_ledger")
    if ledger is not None and {"speaker_name", "quotes"} <= set(ledger.columns):
        named = ledger[ledger["speaker_name"].astype(str).str.strip() != ""]
        if len(named):
            numbers.append(("Most quoted", f"{named['speaker_name'].iloc[0]} "
                                           f"({int(named['quotes'].iloc[0]):,} quotes)"))
    return numbers


def _write_index(out: Path, manifest: dict[str, Any]) -> None:
    esc = html.escape
    rows = []
    for entry in manifest["notebooks"]:
        state = ('<td class="ok">ok</td>' if entry["status"] == "ok"
                 else '<td class="failed">failed: see the report</td>')
        rows.append(f'<tr><td><a href="{esc(entry["html"])}">{esc(Path(entry["html"]).stem)}</a></td>'
                    f'{state}<td>{entry["seconds"]:.1f} s</td>'
                    f'<td><a href="{esc(entry["notebook"])}">notebook</a></td></tr>')
    figures = sorted((out / "figures").glob("*.png")) if (out / "figures").exists() else []
    tables = sorted((out / "tables").glob("*.csv")) if (out / "tables").exists() else []
    fig_items = "".join(f'<li><a href="figures/{esc(p.name)}">{esc(p.name)}</a></li>' for p in figures)
    tab_items = "".join(f'<li><a href="tables/{esc(p.name)}">{esc(p.name)}</a></li>' for p in tables)
    numbers = "".join(f"<tr><th>{esc(label)}</th><td>{esc(value)}</td></tr>"
                      for label, value in headline_numbers(out))
    fp = manifest["fingerprint"]
    failed = manifest["failed"]
    banner = (f'<p class="failed">{len(failed)} report(s) failed: '
              f'{esc(", ".join(failed))}. Their pages show the error.</p>' if failed else "")
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dateline report: {esc(manifest['corpus'])}</title>
<style>body{{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.4}}
table{{border-collapse:collapse}}th,td{{text-align:left;padding:.2em .8em .2em 0;vertical-align:top}}
.failed{{color:#b00;font-weight:bold}}.ok{{color:#070}}</style></head>
<body><h1>Dateline report</h1>
<p>Corpus <code>{esc(manifest['corpus'])}</code>: {fp['files']:,} file(s), sha256 <code>{esc(fp['sha256'][:16])}</code>.</p>
{banner}<h2>In numbers</h2><table>{numbers}</table>
<h2>Reports</h2><table>{''.join(rows)}</table>
<h2>Charts</h2><ul>{fig_items}</ul>
<h2>Tables</h2><ul>{tab_items}</ul>
<p><a href="manifest.json">manifest.json</a> records the corpus fingerprint, the parameters, the package versions and the timings.</p>
</body></html>
"""
    (out / "index.html").write_text(page, encoding="utf-8")
