"""Benchmark: term counting throughput and peak memory, next to common baselines.

Builds a corpus of news-like articles by recombining the sentences of the ABC Lee corpus
(``../shared/corpora/abc_lee_2001``) at run time (nothing is written to disk), then
measures, in one run and on the same text:

- ``analysis.term_frequencies`` (unigrams; unigrams + bigrams; serial and all cores),
- scikit-learn's ``CountVectorizer`` (unigrams; ``ngram_range=(1, 2)``),
- an NLTK pipeline (``RegexpTokenizer`` + ``FreqDist``, with bigrams via ``nltk.bigrams``),
- the floors: ``re.findall`` + ``Counter``, and splitting on whitespace.

Each method runs in a fresh process; its peak memory is the growth of the proportional
memory (PSS) of that process and its workers over what it held with the corpus loaded.
Usage::

    .venv/bin/python benchmarks/terms.py            # 100,000 articles (about 120 MB)
    .venv/bin/python benchmarks/terms.py --articles 10000
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import sys
import time
from pathlib import Path

LEE = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "abc_lee_2001" / \
    "lee_background.cor"


def build_corpus(n_articles: int, seed: int = 0):
    import pandas as pd

    text = LEE.read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 20]
    rng = random.Random(seed)
    bodies = []
    for _ in range(n_articles):
        k = rng.randint(4, 14)
        picked = rng.choices(sentences, k=k)
        # Paragraphs of two or three sentences, as wire copy has.
        paras, i = [], 0
        while i < len(picked):
            step = rng.randint(2, 3)
            paras.append(" ".join(picked[i : i + step]))
            i += step
        bodies.append("\n\n".join(paras))
    return pd.DataFrame({"doc_id": [f"a{i}" for i in range(n_articles)], "text": bodies})


class _PeakMemory:
    """Samples the proportional memory (PSS) of this process and its children.

    PSS splits shared pages among the processes that share them, so forked workers are
    not charged again for the corpus they inherit; the peak is of the sum over the
    process tree, minus what the process held before the method started. It reads
    /proc/PID/smaps_rollup every 100 ms (Linux), which costs little CPU.
    """

    def __init__(self) -> None:
        import threading

        import psutil

        self.process = psutil.Process()
        self.base = self._total()
        self.peak = self.base
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _total(self) -> int:
        import psutil

        total = 0
        for proc in [self.process, *self.process.children(recursive=True)]:
            try:
                with open(f"/proc/{proc.pid}/smaps_rollup", encoding="ascii") as handle:
                    for line in handle:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1]) * 1024
                            break
            except (OSError, psutil.Error):
                pass
        return total

    def _sample(self) -> None:
        while self.running:
            self.peak = max(self.peak, self._total())
            time.sleep(0.1)

    def stop(self) -> float:
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, self._total())
        return (self.peak - self.base) / 1e6


def _run(method: str, n_articles: int, queue) -> None:
    import analysis  # noqa: F401  (imports are not part of any method's time or memory)
    import nltk  # noqa: F401
    from sklearn.feature_extraction.text import CountVectorizer  # noqa: F401

    docs = build_corpus(n_articles)
    texts = docs["text"].tolist()
    memory = _PeakMemory()
    start = time.perf_counter()
    tokens = _METHODS[method](docs, texts)
    seconds = time.perf_counter() - start
    queue.put((seconds, memory.stop(), tokens))


def _ours(ngram, n_jobs):
    def run(docs, texts):
        import analysis

        table = analysis.term_frequencies(docs, ngram=ngram, stopwords=None, n_jobs=n_jobs)
        return int(table["count"].sum())
    return run


def _count_vectorizer(ngram_range):
    def run(docs, texts):
        from sklearn.feature_extraction.text import CountVectorizer

        matrix = CountVectorizer(ngram_range=ngram_range).fit_transform(texts)
        return int(matrix.sum())
    return run


def _nltk(bigrams):
    def run(docs, texts):
        import nltk
        from nltk.tokenize import RegexpTokenizer

        tokenizer = RegexpTokenizer(r"\w+(?:[-']\w+)*|[^\w\s]")
        fd = nltk.FreqDist()
        for text in texts:
            tokens = tokenizer.tokenize(text.lower())
            fd.update(tokens)
            if bigrams:
                fd.update(nltk.bigrams(tokens))
        return fd.N()
    return run


def _findall(docs, texts):
    from collections import Counter

    pattern = re.compile(r"\w+")
    counter = Counter()
    for text in texts:
        counter.update(pattern.findall(text.lower()))
    return sum(counter.values())


def _split(docs, texts):
    from collections import Counter

    counter = Counter()
    for text in texts:
        counter.update(text.split())
    return sum(counter.values())


_METHODS = {
    "term_frequencies, unigrams, all cores": _ours(1, None),
    "term_frequencies, uni+bigrams, all cores": _ours((1, 2), None),
    "term_frequencies, uni+bigrams, 1 process": _ours((1, 2), 1),
    "CountVectorizer, unigrams": _count_vectorizer((1, 1)),
    "CountVectorizer(ngram_range=(1, 2))": _count_vectorizer((1, 2)),
    "NLTK RegexpTokenizer + FreqDist, unigrams": _nltk(False),
    "NLTK RegexpTokenizer + FreqDist, uni+bigrams": _nltk(True),
    "floor: re.findall + Counter": _findall,
    "floor: str.split + Counter": _split,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--only", help="run only methods whose name contains this")
    args = parser.parse_args()
    if not LEE.exists():
        print(f"needs the Lee corpus at {LEE}", file=sys.stderr)
        return 2
    docs = build_corpus(args.articles)
    megabytes = docs["text"].str.encode("utf-8").str.len().sum() / 1e6
    del docs
    print(f"corpus: {args.articles:,} articles, {megabytes:.1f} MB of text, "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print()
    print(f"| {'method':<46} | {'seconds':>7} | {'MB/s':>6} | {'M tokens/s':>10} | {'peak MB':>7} | {'x text':>6} |")
    print(f"|{'-' * 48}|{'-' * 9}|{'-' * 8}|{'-' * 12}|{'-' * 9}|{'-' * 8}|")
    context = multiprocessing.get_context("fork")
    for name in _METHODS:
        if args.only and args.only not in name:
            continue
        queue = context.Queue()
        process = context.Process(target=_run, args=(name, args.articles, queue))
        process.start()
        seconds, peak, tokens = queue.get()
        process.join()
        print(f"| {name:<46} | {seconds:7.2f} | {megabytes / seconds:6.1f} | "
              f"{tokens / seconds / 1e6:10.2f} | {peak:7.0f} | {peak / megabytes:6.2f} |",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
