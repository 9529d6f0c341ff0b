"""Benchmark: what actor discovery costs, next to registry-only matching and the floor.

A corpus is generated at run time from the Lee sentences (``benchmarks/terms.py``'s
generator, recombined into new articles) with a fresh seed each run unless ``--seed`` is
given, so no cache or earlier run has seen it, and written as JSON Lines to a temporary
folder (deleted afterwards). Then, in one run and each in a fresh process (see
``run.py``'s ``measure``; imports, loading the corpus and a warm-up on 50 articles are not
timed):

- the floor: read the file and split on whitespace into a ``Counter``;
- ``actor_mentions(discover=False)``: the registry only;
- ``actor_mentions(discover=True)``: the registry, then discovery (the default);

each on all cores and in one process; then ``quotes`` (which computes its mentions) on all
cores, whose goal (issue 14) is at most twice ``actor_mentions``. The ratios that matter are within the run:
discovery over registry-only, and each over the floor.

Usage::

    .venv/bin/python benchmarks/discovery.py                    # about 20 MB
    .venv/bin/python benchmarks/discovery.py --articles 4000 --seed 1
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import m_floor, measure, row, write_corpus  # noqa: E402


def m_mentions(discover: bool, n_jobs: int | None):
    def setup(folder):
        import analysis

        docs = analysis.load_corpus(folder, errors="ignore")
        analysis.actor_mentions(docs.head(50), discover=discover, cache=False)   # warm up
        return lambda: analysis.actor_mentions(docs, discover=discover, n_jobs=n_jobs,
                                               cache=False)
    return setup


def m_quotes(n_jobs: int | None):
    def setup(folder):
        import analysis

        docs = analysis.load_corpus(folder, errors="ignore")
        analysis.quotes(docs.head(50), cache=False)                             # warm up
        return lambda: analysis.quotes(docs, n_jobs=n_jobs, cache=False)
    return setup


METHODS = [
    ("floor: read the file, split on whitespace", m_floor),
    ("actor_mentions, registry only, all cores", m_mentions(False, None)),
    ("actor_mentions, with discovery, all cores", m_mentions(True, None)),
    ("actor_mentions, registry only, 1 process", m_mentions(False, 1)),
    ("actor_mentions, with discovery, 1 process", m_mentions(True, 1)),
    ("quotes (with their mentions), all cores", m_quotes(None)),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=16000,
                        help="articles to generate (16,000 is about 20 MB)")
    parser.add_argument("--seed", type=int, default=None,
                        help="generator seed (default: a new one each run)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**9)
    folder = Path(tempfile.mkdtemp(prefix="dateline-discovery-"))
    try:
        megabytes = write_corpus(folder, args.articles, seed=seed)
        print(f"{args.articles:,} articles, {megabytes:.1f} MB of text, seed {seed}\n")
        print(f"| {'method':<48} |  seconds |   MB/s | peak MB | x text |")
        print(f"|{'-' * 50}|----------|--------|---------|--------|")
        seconds = {}
        for name, setup in METHODS:
            took, peak, error = measure(setup, folder)
            seconds[name] = took
            print(row(name, took, peak, megabytes, error or ""), flush=True)
        floor = seconds[METHODS[0][0]]
        print()
        for jobs in ("all cores", "1 process"):
            off = seconds[f"actor_mentions, registry only, {jobs}"]
            on = seconds[f"actor_mentions, with discovery, {jobs}"]
            print(f"{jobs}: discovery / registry-only {on / off:.2f}x; "
                  f"registry-only {off / floor:.1f}x the floor, with discovery "
                  f"{on / floor:.1f}x")
        q = seconds["quotes (with their mentions), all cores"]
        print(f"quotes / actor_mentions with discovery, all cores: "
              f"{q / seconds['actor_mentions, with discovery, all cores']:.2f}x")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
