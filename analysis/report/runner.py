"""The report runner: :func:`run_report` as named steps.

validate (corpus, fixed parameters, unknown names, values, ``*_file`` paths, scheduler,
cache) -> plan (the notebooks with their checked parameters, the manifest skeleton) ->
execute (one notebook through papermill, with the environment and kernel manager) ->
export (code-free HTML) -> write the manifest and the index page.
"""

from __future__ import annotations

import html
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..types import CacheOption
from .index import corpus_fingerprint, versions, write_index
from .notebooks import _check_parameters, _check_values, _declared_names, _notebooks, notebook_folder

__all__ = ["run_report"]


def run_report(
    corpus: str | os.PathLike,
    *,
    out_dir: str | os.PathLike = "reports/sample",
    parameters: dict[str, Any] | None = None,
    notebooks: list[str] | None = None,
    timeout: int = 600,
    scheduler: str | None = None,
    cache: CacheOption = True,
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
        File, folder or glob of articles (see :func:`~analysis.load_corpus`).
    out_dir
        Output folder, created if needed.
    parameters
        Notebook parameters, e.g. ``{"top_n": 20, "agencies": ["TASS"]}``; see
        ``papermill --help-notebook notebooks/02_terms.ipynb`` for the list.
    notebooks
        Notebook stems to run (default: all, in order), e.g. ``["02_terms"]``. They are
        taken from the notebooks shipped with the package (in a checkout, its
        ``notebooks/`` folder), or from the folder named by the environment variable
        ``DATELINE_NOTEBOOKS`` when that is set (read at each call).
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
    run = _validate(corpus, out_dir=out_dir, parameters=parameters, notebooks=notebooks,
                    timeout=timeout, scheduler=scheduler, cache=cache, progress=progress)
    plan, manifest = _plan(run)
    for number, (notebook, params) in enumerate(plan, start=1):
        echo(f"[{number}/{len(plan)}] {notebook.name} ...")
        started = time.time()
        status = _execute(run, notebook, params, echo)
        if status == "failed":
            manifest["failed"].append(notebook.name)
        duration = round(time.time() - started, 1)
        page = _export(run.out / notebook.name, run.out / f"{notebook.stem}.html")
        manifest["notebooks"].append(_entry(notebook, status, page, started, duration, params))
        echo(f"  {status} in {duration:.1f}s -> {page.relative_to(run.out.parent)}")
    _write_manifest(run.out, manifest)
    write_index(run.out, manifest)
    return manifest


@dataclass
class _Run:
    """A validated request: what every later step reads."""

    corpus: str | os.PathLike
    corpus_path: Path
    out: Path
    folder: Path
    parameters: dict[str, Any]
    chosen: list[Path]
    base: dict[str, str]
    timeout: int
    scheduler: str | None
    cache_env: str
    progress: bool


def _validate(corpus, *, out_dir, parameters, notebooks, timeout, scheduler, cache,
              progress) -> _Run:
    """Every check that can fail before a notebook runs, in the order the runner has
    always made them; creates ``out_dir``."""
    import glob
    import sys

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
    folder = notebook_folder()
    chosen = _notebooks(notebooks, folder)
    declared_names = _declared_names(chosen)
    unknown = sorted(set(parameters) - declared_names)
    if unknown:
        raise ValueError(
            f"Unknown parameter(s) {unknown}; the notebooks declare {sorted(declared_names)}."
        )
    base = {"corpus": str(corpus_path.resolve()) if corpus_path.exists()
            else os.path.abspath(os.fspath(corpus)), "out_dir": str(out)}
    _resolve_files(parameters)
    _check_values(parameters)
    if scheduler is not None and not (isinstance(scheduler, str) and scheduler.strip()):
        raise ValueError(f"scheduler={scheduler!r} must be a dask scheduler address such as "
                         "'tcp://10.0.0.5:8786'.")
    if progress is None:
        progress = sys.stderr.isatty()
    return _Run(corpus=corpus, corpus_path=corpus_path, out=out, folder=folder,
                parameters=parameters, chosen=chosen, base=base, timeout=timeout,
                scheduler=scheduler, cache_env=_cache_env(cache), progress=progress)


def _resolve_files(parameters: dict[str, Any]) -> None:
    """File parameters (actors_file) are read from the notebooks' folder: resolve relative
    paths against the caller's working directory first (in place)."""
    for name, value in list(parameters.items()):
        if name.endswith("_file") and isinstance(value, str) and value:
            if not Path(value).exists():
                raise FileNotFoundError(f"parameter {name}={value!r} does not exist; nothing was run.")
            parameters[name] = str(Path(value).resolve())


def _cache_env(cache) -> str:
    """The cache folder passed to the notebooks as ``DATELINE_CACHE`` ("" for none)."""
    from ..cache import cache_folder

    if not (cache is None or isinstance(cache, (bool, str, os.PathLike))):
        raise TypeError(f"cache={cache!r} must be True, False, None or a folder path.")
    folder = cache_folder(cache)
    return str(folder.resolve()) if folder is not None else ""


def _plan(run: _Run) -> tuple[list[tuple[Path, dict[str, Any]]], dict[str, Any]]:
    """The manifest skeleton, and each chosen notebook with the parameters it declares
    (type-checked against its defaults)."""
    manifest: dict[str, Any] = {
        "corpus": os.fspath(run.corpus),
        "fingerprint": corpus_fingerprint(run.corpus_path),
        "parameters": run.parameters,
        "versions": versions(),
        "scheduler": run.scheduler,
        "cache": run.cache_env or None,
        "notebooks": [],
        "failed": [],
    }
    plan = [(nb, _check_parameters(nb, {**run.base, **run.parameters})) for nb in run.chosen]
    return plan, manifest


def _execute(run: _Run, notebook: Path, params: dict[str, Any], echo) -> str:
    """Run one notebook into ``run.out`` with papermill: "ok", or "failed" when a cell
    raised (the executed notebook then shows the error)."""
    import papermill

    try:
        with _environment(DATELINE_SCHEDULER=run.scheduler, DATELINE_CACHE=run.cache_env):
            papermill.execute_notebook(
                str(notebook), str(run.out / notebook.name), parameters=params,
                kernel_name="python3", cwd=str(run.folder), progress_bar=run.progress,
                execution_timeout=run.timeout, log_output=False,
                kernel_manager_class=_kernel_manager_class(),
            )
    except papermill.PapermillExecutionError as err:
        echo(f"  {notebook.name} failed: {err.ename}: {err.evalue}")
        return "failed"
    return "ok"


def _entry(notebook: Path, status: str, page: Path, started: float, duration: float,
           params: dict[str, Any]) -> dict[str, Any]:
    """The manifest's record of one notebook."""
    return {
        "notebook": notebook.name, "status": status, "html": page.name,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(started)),
        "seconds": duration, "parameters": {k: v for k, v in params.items()
                                            if k not in ("corpus", "out_dir")},
    }


def _write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n",
                                       encoding="utf-8")


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


def _export(executed: Path, target: Path) -> Path:
    """Write ``target``: the executed notebook as HTML without code, prompts or scripts."""
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
    return target


_SCRIPT_RE = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.DOTALL | re.IGNORECASE)
