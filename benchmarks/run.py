"""Benchmark: the kit at scale, in one table, with the goals of issue 6 marked met or not.

For each size (about 10,000 and 100,000 articles) a corpus is generated at run time from
the Lee sentences (``benchmarks/terms.py``'s generator), with an agency and a 2024 date per
article, and written as JSON Lines to a temporary folder (deleted afterwards). Then, in one
run and each in a fresh process (timed in one process, then run again in another for its
peak memory, since sampling memory slows the work; peak memory: growth of the proportional
memory of the process and its workers or kernels over what it held before, see
``terms.py``; the report runs are timed and sampled at once):

- load: ``analysis.load_corpus`` of the folder;
- term frequencies, uni+bigrams, ``stopwords=None``: the kit (all cores, one process, and
  the Dask engine on a two-worker ``LocalCluster`` started with
  ``analysis.engine.WORKER_ENV``, and without it, on a frame already persisted on the
  workers: cluster start, loading and sending the data not timed), scikit-learn's
  ``CountVectorizer(ngram_range=(1, 2))``, an NLTK ``RegexpTokenizer`` + ``FreqDist``
  pipeline, and the floor: read the file and split on whitespace into a ``Counter``;
- actor mentions, default registry, discovery off (all cores);
- the full report (``analysis.report.run_report``), cold and warm: with
  ``DATELINE_CACHE`` pointing at an empty folder, then again after adding 1% new
  articles (a second file) with the cache filled by the cold run.

Usage::

    .venv/bin/python benchmarks/run.py                       # 10,000 and 100,000 articles
    .venv/bin/python benchmarks/run.py --sizes 10000
    .venv/bin/python benchmarks/run.py --sizes 10000 --skip-report
"""

from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from terms import LEE, _PeakMemory, build_corpus  # noqa: E402

AGENCIES = ["TASS", "Reuters", "AP", "Xinhua"]


def write_corpus(folder: Path, n_articles: int, *, seed: int = 0, name: str = "corpus.jsonl") -> float:
    """Write ``n_articles`` generated articles as JSON Lines; return MB of text."""
    docs = build_corpus(n_articles, seed=seed)
    rng = random.Random(seed + 1)
    size = 0
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / name, "w", encoding="utf-8") as handle:
        for text in docs["text"]:
            size += len(text.encode("utf-8"))
            record = {"agency": rng.choice(AGENCIES),
                      "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                      "text": text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return size / 1e6


# Each method: (setup(folder) -> state, run(state) -> None). Setup is not timed.


def _load_docs(folder):
    import analysis

    return analysis.load_corpus(folder, errors="ignore")


def _texts(folder):
    return _load_docs(folder)["text"].tolist()


def m_load(folder):
    import analysis

    return lambda: analysis.load_corpus(folder, errors="ignore")


def m_terms(n_jobs):
    def setup(folder):
        import analysis

        docs = _load_docs(folder)
        return lambda: analysis.term_frequencies(docs, ngram=(1, 2), stopwords=None,
                                                 n_jobs=n_jobs, cache=False)
    return setup


def m_terms_dask(worker_env: bool):
    """The Dask engine on a frame that already lives on the workers (untimed: cluster start,
    loading, sending the partitions to the workers, warming the workers' imports); with
    ``worker_env``, the workers start with ``analysis.engine.WORKER_ENV``."""
    def setup(folder):
        import analysis
        import dask
        from analysis.engine import WORKER_ENV, persist, to_dask
        from distributed import Client, LocalCluster, wait

        docs = _load_docs(folder)
        environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ"))
        if worker_env:
            environ.update(WORKER_ENV)
        with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}):
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        client = Client(cluster)
        # Four partitions per worker: even shares, and the tree of merges stays small.
        lazy = persist(to_dask(docs, rows_per_partition=-(-len(docs) // 8)))
        wait(lazy)
        del docs
        client.run(importlib.import_module, "analysis.terms")          # warm every worker
        run = lambda: analysis.term_frequencies(lazy, ngram=(1, 2), stopwords=None)  # noqa: E731
        run.keep = (client, cluster)
        return run
    return setup


def m_count_vectorizer(folder):
    from sklearn.feature_extraction.text import CountVectorizer

    texts = _texts(folder)
    return lambda: CountVectorizer(ngram_range=(1, 2)).fit_transform(texts)


def m_nltk(folder):
    import nltk
    from nltk.tokenize import RegexpTokenizer

    texts = _texts(folder)

    def run():
        tokenizer = RegexpTokenizer(r"\w+(?:[-']\w+)*|[^\w\s]")
        fd = nltk.FreqDist()
        for text in texts:
            tokens = tokenizer.tokenize(text.lower())
            fd.update(tokens)
            fd.update(nltk.bigrams(tokens))
    return run


def m_floor(folder):
    from collections import Counter

    def run():
        counter = Counter()
        for path in sorted(Path(folder).glob("*.jsonl")):
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    counter.update(line.split())
    return run


def m_actors(folder):
    import analysis

    docs = _load_docs(folder)
    analysis.actor_mentions(docs.head(50), discover=False, cache=False)        # warm up
    return lambda: analysis.actor_mentions(docs, discover=False, cache=False)


def m_report(folder):
    """The full report with the cache in $DATELINE_CACHE (set by the caller)."""
    from analysis.report import run_report

    out = Path(os.environ["BENCH_REPORT_OUT"])

    def run():
        manifest = run_report(folder, out_dir=out, echo=lambda *a, **k: None, timeout=3600)
        if manifest.get("failed"):
            raise RuntimeError(f"report notebooks failed: {manifest['failed']}")
    return run


def _child(setup, folder, queue, sample: bool) -> None:
    try:
        import analysis  # noqa: F401  (imports are not part of any method's time or memory)

        run = setup(folder)
        memory = _PeakMemory() if sample else None
        start = time.perf_counter()
        run()
        seconds = time.perf_counter() - start
        queue.put((seconds, memory.stop() if memory else float("nan"), None))
    except Exception as err:          # reported in the table, not a crash of the benchmark
        queue.put((float("nan"), float("nan"), f"{type(err).__name__}: {err}"))


def _once(setup, folder, sample: bool) -> tuple[float, float, str | None]:
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_child, args=(setup, str(folder), queue, sample))
    process.start()
    result = queue.get()
    process.join()
    return result


def measure(setup, folder, *, separate: bool = True) -> tuple[float, float, str | None]:
    """Seconds and peak MB of one method, each in a fresh process.

    The memory sampler reads /proc/PID/smaps_rollup of every process ten times a second,
    which costs the timed work up to a third of a core on two cores when the processes
    are large. So with ``separate`` the method runs twice: timed without the sampler,
    then again for its peak memory.
    """
    if not separate:
        return _once(setup, folder, True)
    seconds, _, error = _once(setup, folder, False)
    if error:
        return seconds, float("nan"), error
    _, peak, error = _once(setup, folder, True)
    return seconds, peak, error


def row(name, seconds, peak, megabytes, note="") -> str:
    rate = megabytes / seconds if seconds == seconds and seconds > 0 else float("nan")
    return (f"| {name:<48} | {seconds:8.2f} | {rate:6.1f} | {peak:7.0f} | "
            f"{peak / megabytes:6.2f} | {note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--skip-report", action="store_true", help="leave out the report runs")
    parser.add_argument("--skip-dask", action="store_true", help="leave out the Dask engine")
    args = parser.parse_args()
    if not LEE.exists():
        print(f"needs the Lee corpus at {LEE}", file=sys.stderr)
        return 2
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
        try:
            folder = work / "corpus"
            megabytes = write_corpus(folder, n)
            print(f"\n### {n:,} articles ({megabytes:.1f} MB of text)\n")
            print(f"| {'method':<48} | {'seconds':>8} | {'MB/s':>6} | {'peak MB':>7} | "
                  f"{'x text':>6} |")
            print(f"|{'-' * 50}|{'-' * 10}|{'-' * 8}|{'-' * 9}|{'-' * 8}|")
            results = {}
            methods = [
                ("load_corpus (JSON Lines)", m_load),
                ("term_frequencies, uni+bigrams, all cores", m_terms(None)),
                ("term_frequencies, uni+bigrams, 1 process", m_terms(1)),
                ("term_frequencies, uni+bigrams, Dask 2 workers", m_terms_dask(True)),
                ("term_frequencies, Dask, workers w/o WORKER_ENV", m_terms_dask(False)),
                ("CountVectorizer(ngram_range=(1, 2))", m_count_vectorizer),
                ("NLTK RegexpTokenizer + FreqDist, uni+bigrams", m_nltk),
                ("floor: read the file, split on whitespace", m_floor),
                ("actor_mentions, discover off, all cores", m_actors),
            ]
            for name, setup in methods:
                if args.skip_dask and "Dask" in name:
                    continue
                seconds, peak, error = measure(setup, folder)
                results[name] = (seconds, peak)
                print(row(name, seconds, peak, megabytes, error or ""), flush=True)
            if not args.skip_report:
                os.environ["DATELINE_CACHE"] = str(work / "cache")
                os.environ["BENCH_REPORT_OUT"] = str(work / "report")
                seconds, peak, error = measure(m_report, folder, separate=False)
                results["report cold"] = (seconds, peak)
                print(row("full report, cold (empty cache)", seconds, peak, megabytes,
                          error or ""), flush=True)
                extra = write_corpus(folder, max(1, n // 100), seed=99, name="new.jsonl")
                seconds, peak, error = measure(m_report, folder, separate=False)
                results["report warm"] = (seconds, peak)
                print(row("full report, warm (cache, +1% new articles)", seconds, peak,
                          megabytes + extra, error or ""), flush=True)
                del os.environ["DATELINE_CACHE"]
            print()
            _goals(results, megabytes)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _goals(results: dict, megabytes: float) -> None:
    def get(name):
        return results.get(name, (float("nan"), float("nan")))

    ours, cv = get("term_frequencies, uni+bigrams, all cores")[0], \
        get("CountVectorizer(ngram_range=(1, 2))")[0]
    single, dask = get("term_frequencies, uni+bigrams, 1 process")[0], \
        get("term_frequencies, uni+bigrams, Dask 2 workers")[0]
    actors = get("actor_mentions, discover off, all cores")[0]
    peaks = {k: v[1] / megabytes for k, v in results.items()
             if k.startswith(("load", "term_frequencies", "actor_mentions"))}
    cold, warm = get("report cold")[0], get("report warm")[0]

    def mark(ok):
        return "met" if ok else "**not met**"

    print(f"- term_frequencies >= 3x CountVectorizer: {cv / ours:.1f}x, {mark(cv / ours >= 3)}")
    print(f"- Dask 2 workers no slower than 1 process: {single / dask:.2f}x the speed, "
          f"{mark(dask <= single)}")
    plain = get("term_frequencies, Dask, workers w/o WORKER_ENV")[0]
    print(f"  (workers without WORKER_ENV: {single / plain:.2f}x the speed)")
    print(f"- actor_mentions >= 25 MB/s: {megabytes / actors:.1f} MB/s, "
          f"{mark(megabytes / actors >= 25)}")
    worst = max(peaks, key=peaks.get) if peaks else ""
    print(f"- peak memory < 3x text (load, terms, actors): worst {peaks.get(worst, 0):.2f}x "
          f"({worst}), {mark(all(v < 3 for v in peaks.values()))}")
    if cold == cold:
        print(f"- warm re-run (+1%) < 20% of cold: {warm / cold:.0%}, {mark(warm < 0.2 * cold)}")


if __name__ == "__main__":
    sys.exit(main())
