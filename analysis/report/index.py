"""What a report records about itself and the page it opens with: the corpus fingerprint,
the package versions, the headline numbers read back from its tables, and ``index.html``."""

from __future__ import annotations

import hashlib
import html
import os
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["corpus_fingerprint", "versions", "headline_numbers", "write_index"]


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


def versions() -> dict[str, str]:
    """The versions of the packages a report depends on (``"not installed"`` when absent)."""
    names = ["pandas", "matplotlib", "seaborn", "nltk", "papermill", "nbconvert", "numpy"]
    out = {}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


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
        named = ledger[ledger["speaker_name"].notna() &
                       (ledger["speaker_name"].astype(str).str.strip() != "")]
        if len(named):
            numbers.append(("Most quoted", f"{named['speaker_name'].iloc[0]} "
                                           f"({int(named['quotes'].iloc[0]):,} quotes)"))
    return numbers


def write_index(out: Path, manifest: dict[str, Any]) -> None:
    """Write ``out/index.html``: headline numbers, then links to every page, chart and table."""
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
