"""Benchmark: load_corpus on many files, and what the bad-input checks add to it.

Builds, in a temporary folder removed afterwards, 20,000 text files and one JSON Lines
file of 100,000 records by recombining the sentences of the ABC Lee corpus
(``../shared/corpora/abc_lee_2001``), with curly apostrophes and quotation marks so that
the non-ASCII path of the repairs runs as it does on real news. It then times
``load_corpus`` on each (best of ``--repeat``), and, on the 100,000 bodies, the steps the
bad-input work added to loading: the near-duplicate key (a blake2b digest of the words the
loader already extracts for ``n_words``), the duplicate lookup, and the one-pass look for
characters that may be mojibake or invisible (clean text goes no further). It also times
a gzip copy of the JSON Lines file (``corpus.jsonl.gz``, level 6) and prints its ratio to
the plain file. Every ``load_corpus`` call has ``cache=False`` and ``errors="ignore"``.
Usage::

    .venv/bin/python benchmarks/loading.py
    .venv/bin/python benchmarks/loading.py --files 2000 --records 10000 --repeat 1
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import tempfile
import time
import warnings
from pathlib import Path

LEE = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "abc_lee_2001" / \
    "lee_background.cor"


def bodies(n: int, seed: int) -> list[str]:
    text = LEE.read_text(encoding="utf-8").replace("'", "\u2019")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 20]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        picked = rng.choices(sentences, k=rng.randint(4, 14))
        out.append(" ".join(picked) + " \u201cWe will see,\u201d he said.")
    return out


def best(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not LEE.exists():
        raise SystemExit(f"needs the shared corpora: {LEE} is missing")

    import analysis
    from analysis.corpus import records, repair

    print(f"analysis {analysis.__version__} from {analysis.__file__}")

    warnings.simplefilter("ignore")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "files"
        folder.mkdir()
        for i, body in enumerate(bodies(args.files, seed=1)):
            (folder / f"{i:06d}.txt").write_text(f"Headline {i}\n\nMOSCOW, May 20. /TASS/. {body}",
                                                 encoding="utf-8")
        feed = Path(tmp) / "feed.jsonl"
        texts = bodies(args.records, seed=2)
        with feed.open("w", encoding="utf-8") as handle:
            for i, body in enumerate(texts):
                handle.write(json.dumps({"title": f"T{i}", "text": body, "date": "2024-05-20"},
                                        ensure_ascii=False) + "\n")
        packed = Path(tmp) / "corpus.jsonl.gz"
        with feed.open("rb") as source, gzip.open(packed, "wb", compresslevel=6) as target:
            target.write(source.read())
        timed = {}
        for name, path, n in (("text files", folder, args.files), ("JSONL records", feed, args.records),
                              ("JSONL records, .gz", packed, args.records)):
            seconds = best(lambda: analysis.load_corpus(path, errors="ignore", cache=False),
                           args.repeat)
            timed[name] = seconds
            rows.append((f"load_corpus, {n:,} {name}", seconds, n))
        feed_mb, packed_mb = feed.stat().st_size / 1e6, packed.stat().st_size / 1e6

    words = [records._WORD_RE.findall(t) for t in texts]
    rows.append(("  word list (already made for n_words)",
                 best(lambda: [records._WORD_RE.findall(t) for t in texts], 1), len(texts)))
    rows.append(("  added: near-duplicate key", best(lambda: [records._words_key(w) for w in words],
                                                      args.repeat), len(texts)))

    class Log:
        def add(self, *row):
            pass

    class Row:
        def __init__(self, i):
            self.values = {"doc_id": str(i), "text": texts[i]}
            self.words_key, self.number, self.ctx = records._words_key(words[i]), i, Log()

    fake = [Row(i) for i in range(len(texts))]
    rows.append(("  added: duplicate lookup", best(lambda: records._flag_duplicates(fake),
                                                    args.repeat), len(texts)))
    rows.append(("  added: first look for mojibake or invisibles", best(
        lambda: [repair._SUSPECT_RE.search(t) for t in texts], args.repeat), len(texts)))

    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"JSONL bodies: {len(texts):,} articles, {megabytes:.1f} MB\n")
    print(f"| {'step':<48} | seconds |")
    print(f"|{'-' * 50}|---------|")
    for name, seconds, _ in rows:
        print(f"| {name:<48} | {seconds:7.2f} |")
    ratio = timed["JSONL records, .gz"] / timed["JSONL records"]
    print(f"\nJSONL file {feed_mb:.1f} MB ({feed_mb / timed['JSONL records']:.1f} MB/s), "
          f".gz {packed_mb:.1f} MB; load_corpus gz / plain JSONL: {ratio:.2f}x")


if __name__ == "__main__":
    main()
