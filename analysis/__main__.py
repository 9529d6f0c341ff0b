"""Command line: ``python -m analysis report CORPUS [--out DIR] [-f params.yaml] [-p NAME VALUE]``.

Also: ``load CORPUS`` prints the articles table (``--problems``: the problems table),
``terms CORPUS --top 20`` the most frequent terms, ``actors CORPUS`` the most mentioned
actors (``--csv`` for CSV), and ``registry`` rebuilds the shipped actor registry.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _yaml_loader():
    """YAML's safe loader, except that only true/false are booleans.

    YAML 1.1 reads yes, no, on and off as booleans, which would turn stopwords or agency
    names into True and False; papermill's own -y has the same trap.
    """
    import re

    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                                 re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))
    return Loader


def _parse_value(text: str):
    """A -p value: YAML scalars and lists (``20``, ``true``, ``[a, b]``), else the string."""
    import yaml

    try:
        value = yaml.load(text, Loader=_yaml_loader())
    except yaml.YAMLError:
        return text
    value = text if value is None and text.strip() not in ("null", "~", "") else value
    return _dates_as_text(value)


def _dates_as_text(value):
    """YAML reads 2025-05-01 as a date; the notebooks take dates as 'YYYY-MM-DD' text."""
    import datetime

    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    return value


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "cache":
        return _cache(args)
    if args.command == "report":
        return _report(args)
    if args.command in ("terms", "actors"):
        return _table(args)
    if args.command == "registry":
        return _registry()
    return _load(args)


def _parser() -> argparse.ArgumentParser:
    """The command line's parser: one sub-command per helper below."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    _add_report(commands)
    _add_load(commands)
    _add_terms(commands)
    _add_actors(commands)
    commands.add_parser("registry", help="rebuild analysis/data/actors.csv from pycountry and "
                        "the hand-kept CSVs, and the places, first-name and common-word lists "
                        "from the packages in requirements-build.txt")
    _add_cache(commands)
    return parser


def _add_report(commands) -> None:
    report = commands.add_parser("report", help="run the report notebooks on a corpus")
    report.add_argument("corpus", help="file, folder or glob of articles")
    report.add_argument("--out", default="reports/sample", help="output folder (default: %(default)s)")
    report.add_argument("-f", "--parameters-file", help="YAML file of notebook parameters")
    report.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                        default=[], help="one notebook parameter (repeatable)")
    report.add_argument("--notebook", action="append", help="run only this notebook (stem)")
    report.add_argument("--timeout", type=int, default=600, help="seconds per cell (default: %(default)s)")
    report.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="dask scheduler for the heavy steps, e.g. tcp://10.0.0.5:8786")
    report.add_argument("--cache", default=True, metavar="DIR",
                        help="cache folder for per-article results (default: the kit's "
                             "cache folder, see `python -m analysis cache info`)")
    report.add_argument("--no-cache", dest="cache", action="store_false",
                        help="compute everything afresh and keep nothing")


def _add_load(commands) -> None:
    load = commands.add_parser("load", help="load a corpus and print its articles table")
    load.add_argument("corpus")
    load.add_argument("--year", type=int, default=None, help="year for datelines without one")
    load.add_argument("--csv", action="store_true", help="write CSV to standard output")
    load.add_argument("--problems", action="store_true", help="print the problems table instead")


def _add_terms(commands) -> None:
    terms = commands.add_parser("terms", help="print the most frequent terms of a corpus")
    terms.add_argument("corpus")
    terms.add_argument("--top", type=int, default=20, help="terms to show (default: %(default)s)")
    terms.add_argument("--ngram", type=int, default=1, help="term length in words")
    terms.add_argument("--by", default=None, help="count per value of this column or period, "
                       "e.g. agency, outlet, month (no value: the group (unknown))")
    terms.add_argument("--csv", action="store_true", help="write CSV to standard output")


def _add_actors(commands) -> None:
    actors = commands.add_parser("actors", help="print the most mentioned actors of a corpus")
    actors.add_argument("corpus")
    actors.add_argument("--top", type=int, default=20, help="actors to show (default: %(default)s)")
    actors.add_argument("--by", default=None, help="count per value of this column or period, "
                        "e.g. agency, outlet, month (no value: the group (unknown))")
    actors.add_argument("--registry", default=None, help="your own actor CSV to add")
    actors.add_argument("--csv", action="store_true", help="write CSV to standard output")


def _add_cache(commands) -> None:
    cache = commands.add_parser("cache", help="show (info) or empty (clear) the cache of "
                                "per-article results")
    cache.add_argument("action", choices=["info", "clear"])
    cache.add_argument("--dir", default=None, help="cache folder (default: $DATELINE_CACHE, "
                       "else $XDG_CACHE_HOME/dateline or ~/.cache/dateline)")


def _registry() -> int:
    from .actors import rebuild_registry
    from .actors.build import build_lexicons

    print(f"wrote {rebuild_registry()}")
    try:
        paths = build_lexicons()
    except ImportError as error:
        print(f"kept the shipped lexicons: {error}")
        return 0
    for path in paths:
        print(f"wrote {path}")
    return 0


def _report(args) -> int:
    from .report import run_report

    parameters = _report_parameters(args)
    if parameters is None:
        return 2
    try:
        manifest = run_report(args.corpus, out_dir=args.out, parameters=parameters,
                              notebooks=args.notebook, timeout=args.timeout,
                              scheduler=args.scheduler, cache=args.cache)
    except (FileNotFoundError, ValueError, TypeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    index = Path(args.out) / "index.html"
    if manifest["failed"]:
        print(f"{len(manifest['failed'])} notebook(s) failed: {', '.join(manifest['failed'])}; "
              f"see {index}", file=sys.stderr)
        return 1
    print(f"report written: {index}")
    return 0


def _report_parameters(args) -> dict | None:
    """The notebook parameters of ``-f`` then ``-p`` (later ones win); None, with the
    error printed, when the file holds no mapping."""
    import yaml

    parameters = {}
    if args.parameters_file:
        with open(args.parameters_file, encoding="utf-8") as handle:
            loaded = yaml.load(handle, Loader=_yaml_loader()) or {}
        if not isinstance(loaded, dict):
            print(f"error: {args.parameters_file} must hold a mapping of parameter names to values",
                  file=sys.stderr)
            return None
        parameters.update(_dates_as_text(loaded))
    for name, value in args.parameter:
        parameters[name] = _parse_value(value)
    return parameters


def _table(args) -> int:
    """``terms`` and ``actors``: a quick table for scripts and terminals."""
    import pandas as pd

    from .actors import actor_counts, actor_mentions, actor_registry
    from .corpus import load_corpus, with_groups
    from .terms import term_frequencies
    from .types import PERIODS

    try:
        docs = load_corpus(args.corpus, errors="ignore")
        if args.by and (args.by in docs.columns or args.by in PERIODS):
            docs = with_groups(docs, args.by)
        if args.command == "terms":
            table = term_frequencies(docs, ngram=args.ngram, by=args.by)
        else:
            registry = actor_registry(*([args.registry] if args.registry else []))
            table = actor_counts(actor_mentions(docs, registry=registry), by=args.by, docs=docs)
    except (FileNotFoundError, ValueError, TypeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    table = table.groupby(args.by, sort=True, dropna=False).head(args.top) if args.by else \
        table.head(args.top)
    if args.csv:
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        with pd.option_context("display.width", 160, "display.max_colwidth", 50):
            print(table.to_string(index=False))
    return 0


def _cache(args) -> int:
    from .cache import info_folder, cache_info, clear_cache

    folder = info_folder(args.dir)
    if args.action == "clear":
        freed = clear_cache(folder)
        print(f"removed {freed / 1e6:.1f} MB of cached results from {folder}")
        return 0
    info = cache_info(folder)
    print(f"cache: {folder}")
    print(f"{info['articles'].sum()} article results in {len(info)} namespace(s), "
          f"{info['bytes'].sum() / 1e6:.1f} MB")
    for row in info.itertuples(index=False):
        print(f"  {row.namespace}: {row.articles} articles, {row.segments} segment(s), "
              f"{row.bytes / 1e6:.1f} MB, kit {row.version}, {row.options}")
    return 0


def _load(args) -> int:
    import pandas as pd

    from .corpus import load_corpus, problems

    try:
        docs = load_corpus(args.corpus, year=args.year)
    except (FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    table = problems(docs) if args.problems else docs.drop(columns=["text"])
    if args.csv:
        table.to_csv(sys.stdout, index=False)
    else:
        with pd.option_context("display.max_rows", 50, "display.width", 160,
                               "display.max_colwidth", 40):
            print(table.to_string(index=False, max_rows=50))
    return 0


if __name__ == "__main__":
    sys.exit(main())
