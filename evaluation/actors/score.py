"""Score ``analysis.actor_mentions`` against the blind actor gold sets.

Gold sets (see the READMEs next to this file): ``gold.jsonl`` (ABC 2001 and TASS 2024
articles in ``../shared``, offsets only) and ``invented/gold.jsonl`` (invented security news,
text in ``invented/security_news.jsonl``). Each is split by document into ``dev`` and
``test``.

A predicted mention counts when its span and kind equal a gold mention's (typed exact
match). The kit's kinds map onto the gold's four: ``country`` and ``place`` -> place;
``igo``, ``organisation``, ``armed_group``, ``media`` -> organisation; ``person``;
``nationality``. Nested mentions (``depth > 0``) are scored like top-level ones. Only
mentions inside a document's annotated range of its ``text`` are scored.

    .venv/bin/python evaluation/actors/score.py --split dev
    .venv/bin/python evaluation/actors/score.py --split dev --misses person   # look at dev
    .venv/bin/python evaluation/actors/score.py --split test                  # once, at the end
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
KIND_MAP = {"country": "place", "place": "place", "igo": "organisation",
            "organisation": "organisation", "armed_group": "organisation",
            "media": "organisation", "person": "person", "nationality": "nationality"}
KINDS = ["person", "organisation", "place", "nationality"]


def load_gold() -> list[dict]:
    rows = []
    for path in (HERE / "gold.jsonl", HERE / "invented" / "gold.jsonl"):
        if path.exists():
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip()]
    return rows


def load_docs(gold: list[dict]) -> pd.DataFrame:
    import analysis

    sources = {"abc_lee_2001": SHARED / "abc_lee_2001",
               "tass_2024": SHARED / "tass_2024" / "politics_20.json",
               "invented_security": HERE / "invented" / "security_news.jsonl"}
    frames = []
    for corpus in sorted({g["corpus"] for g in gold}):
        path = sources[corpus]
        if not path.exists():
            print(f"skipped {corpus}: {path} is missing", file=sys.stderr)
            continue
        frames.append(analysis.load_corpus(path, errors="ignore", cache=False)
                      .assign(corpus=corpus))
    docs = pd.concat(frames, ignore_index=True)
    return docs[docs["doc_id"].isin({g["doc_id"] for g in gold})].reset_index(drop=True)


def predictions(docs: pd.DataFrame) -> pd.DataFrame:
    import analysis

    mentions = analysis.actor_mentions(docs, fields=["text"], cache=False)
    child = mentions[mentions["depth"] > 0]
    titled = set(zip(child["parent"], child["actor_id"]))
    outer = [(m, a) in titled for m, a in zip(mentions["mention_id"], mentions["actor_id"])]
    mentions = mentions[~pd.Series(outer, index=mentions.index)
                        | (mentions["kind"] != "person")]
    return mentions.assign(gold_kind=mentions["kind"].map(KIND_MAP))


def score(gold: list[dict], mentions: pd.DataFrame, split: str) -> tuple[pd.DataFrame, list]:
    """Precision, recall and F1 per corpus and kind; plus the misses and false alarms."""
    by_doc = {d: g for d, g in mentions.groupby("doc_id")}
    pairs = []          # (corpus, kind, in_gold, in_pred, doc_id, start, end, surface)
    for doc in gold:
        if doc["split"] != split:
            continue
        expected = {(m["start"], m["end"], m["kind"]): m["surface"] for m in doc["mentions"]}
        found = by_doc.get(doc["doc_id"])
        predicted = {}
        if found is not None:
            inside = found[(found["start"] >= doc["start"]) & (found["end"] <= doc["end"])]
            predicted = {(r.start, r.end, r.gold_kind): r.surface
                         for r in inside.itertuples() if isinstance(r.gold_kind, str)}
        for key in expected.keys() | predicted.keys():
            surface = expected.get(key) or predicted.get(key)
            pairs.append((doc["corpus"], key[2], key in expected, key in predicted,
                          doc["doc_id"], key[0], key[1], surface))
    table = pd.DataFrame(pairs, columns=["corpus", "kind", "gold", "pred", "doc_id", "start",
                                         "end", "surface"])
    rows = []
    for corpus in sorted(table["corpus"].unique()) + ["all"]:
        part = table if corpus == "all" else table[table["corpus"] == corpus]
        for kind in KINDS + ["all"]:
            sub = part if kind == "all" else part[part["kind"] == kind]
            tp = int((sub["gold"] & sub["pred"]).sum())
            n_gold, n_pred = int(sub["gold"].sum()), int(sub["pred"].sum())
            p = tp / n_pred if n_pred else float("nan")
            r = tp / n_gold if n_gold else float("nan")
            f = 2 * p * r / (p + r) if n_pred and n_gold and p + r else 0.0
            rows.append((corpus, kind, n_gold, n_pred, tp, p, r, f))
    result = pd.DataFrame(rows, columns=["corpus", "kind", "gold", "predicted", "correct",
                                         "precision", "recall", "f1"])
    return result, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--misses", default="", help="print misses/false alarms of this kind "
                        "(person, organisation, place, nationality or all); dev only")
    args = parser.parse_args()
    gold = load_gold()
    docs = load_docs(gold)
    mentions = predictions(docs)
    result, table = score(gold, mentions, args.split)
    with pd.option_context("display.width", 120, "display.precision", 3):
        print(result.to_string(index=False))
    if args.misses:
        if args.split != "dev":
            sys.exit("--misses is for the dev split only: score test once, at the end.")
        wrong = table[table["gold"] != table["pred"]]
        if args.misses != "all":
            wrong = wrong[wrong["kind"] == args.misses]
        text = docs.set_index("doc_id")["text"]
        for r in wrong.sort_values(["doc_id", "start"]).itertuples():
            t = text[r.doc_id]
            left = " ".join(t[max(0, r.start - 40):r.start].split())
            right = " ".join(t[r.end:r.end + 30].split())
            tag = "MISS" if r.gold else "FALSE"
            print(f"{tag:5} {r.kind:12} {left[-40:]:>40} [{r.surface}] {right}")


if __name__ == "__main__":
    main()
