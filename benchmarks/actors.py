"""Benchmark: actor mention quality against a hand-annotated set, and matching speed.

Quality: ``tests/data/actor_gold.jsonl`` holds 50 sentences from
``../shared/corpora/abc_lee_2001`` and ``../shared/corpora/tass_2024`` with every country,
intergovernmental organisation, organisation, armed group, person and media mention
marked by hand (offsets only; the texts stay in ../shared). ``actor_mentions`` runs on
those articles; its mentions inside the annotated sentences are compared with the gold
ones, per kind, by exact span and by overlapping span (kind must agree). Places are not
annotated, so predicted places are left out.

Speed: the ~100,000-article corpus of ``benchmarks/terms.py`` (Lee sentences recombined at
run time), with the default registry and discovery off, and with a registry grown to
10,000 more aliases.

    .venv/bin/python benchmarks/actors.py                  # quality, then speed on 100k
    .venv/bin/python benchmarks/actors.py --articles 10000 --skip-speed
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
GOLD = ROOT / "tests" / "data" / "actor_gold.jsonl"
KINDS = ["country", "igo", "organisation", "armed_group", "person", "media"]


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def quality(discover: bool = True) -> pd.DataFrame:
    """Precision and recall per kind (exact and overlapping spans), plus all kinds."""
    import analysis

    gold = load_gold()
    docs = pd.concat([
        analysis.load_corpus(SHARED / "abc_lee_2001" / "lee_background.cor", errors="ignore"),
        analysis.load_corpus(SHARED / "tass_2024" / "politics_20.json", errors="ignore"),
    ])
    wanted = sorted({g["doc_id"] for g in gold})
    subset = docs[docs["doc_id"].isin(wanted)]
    mentions = analysis.actor_mentions(subset, discover=discover)
    predicted, expected = [], []
    for sentence in gold:
        inside = mentions[(mentions["doc_id"] == sentence["doc_id"])
                          & (mentions["field"] == sentence["field"])
                          & (mentions["start"] >= sentence["start"])
                          & (mentions["end"] <= sentence["end"])
                          & mentions["kind"].isin(KINDS)]
        key = (sentence["doc_id"], sentence["field"])
        predicted += [(key, r.start, r.end, r.kind) for r in inside.itertuples()]
        expected += [(key, m["start"], m["end"], m["kind"]) for m in sentence["mentions"]]
    rows = []
    for kind in KINDS + ["all kinds"]:
        p = [x for x in predicted if kind == "all kinds" or x[3] == kind]
        g = [x for x in expected if kind == "all kinds" or x[3] == kind]
        for match in ("exact", "overlap"):
            hit_p = sum(any(_same(x, y, match) for y in g) for x in p)
            hit_g = sum(any(_same(x, y, match) for y in p) for x in g)
            precision = hit_p / len(p) if p else float("nan")
            recall = hit_g / len(g) if g else float("nan")
            rows.append((kind, match, len(g), len(p), precision, recall))
    return pd.DataFrame(rows, columns=["kind", "match", "gold", "predicted", "precision", "recall"])


def _same(a, b, match: str) -> bool:
    if a[0] != b[0] or a[3] != b[3]:
        return False
    if match == "exact":
        return a[1] == b[1] and a[2] == b[2]
    return a[1] < b[2] and b[1] < a[2]


def speed(n_articles: int) -> pd.DataFrame:
    import analysis

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from terms import build_corpus

    docs = build_corpus(n_articles)
    megabytes = docs["text"].str.encode("utf-8").str.len().sum() / 1e6
    registry = analysis.actor_registry()
    rng = random.Random(1)
    first = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hamid", "Irina",
             "Jonas", "Kira", "Lev", "Maria", "Nikolai", "Olga", "Pavel", "Rosa", "Sergei"]
    people = sorted({f"{rng.choice(first)} {''.join(rng.choices('bcdfghklmnprstvz', k=3)).title()}"
                     f"{rng.choice(['ov', 'enko', 'ian', 'sson', 'ez', 'ski'])}"
                     for _ in range(12_000)})[:10_000]
    big = analysis.actor_registry(pd.DataFrame({
        "actor_id": [f"P{i}" for i in range(len(people))], "name": people,
        "kind": "person", "aliases": people}))
    rows = []
    for label, reg in (("default registry", registry),
                       (f"default + {len(people):,} aliases", big)):
        analysis.actor_mentions(docs.head(50), registry=reg, discover=False)   # warm up
        start = time.perf_counter()
        found = analysis.actor_mentions(docs, registry=reg, discover=False)
        seconds = time.perf_counter() - start
        rows.append((label, len(reg), n_articles, round(megabytes, 1), round(seconds, 2),
                     round(megabytes / seconds, 1), len(found)))
    return pd.DataFrame(rows, columns=["registry", "actors", "articles", "MB", "seconds",
                                       "MB/s", "mentions"])


def markdown(table: pd.DataFrame) -> str:
    """A DataFrame as a Markdown table (no extra dependency)."""
    def cell(v):
        return f"{v:.2f}" if isinstance(v, float) else f"{v:,}" if isinstance(v, int) else str(v)
    lines = ["| " + " | ".join(table.columns) + " |",
             "|" + "|".join("---" for _ in table.columns) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |"
              for row in table.astype(object).itertuples(index=False)]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    if not GOLD.exists() or not SHARED.exists():
        print(f"needs {GOLD} and {SHARED}", file=sys.stderr)
        return 2
    table = quality()
    print("Quality (discovery on), gold: tests/data/actor_gold.jsonl\n")
    print(markdown(table))
    if not args.skip_speed:
        print("\nSpeed (discovery off)\n")
        print(markdown(speed(args.articles)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
