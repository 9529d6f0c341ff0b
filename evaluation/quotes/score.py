"""Score ``analysis.quotes`` against the blind quote gold set (``gold.jsonl``).

    .venv/bin/python evaluation/quotes/score.py --split dev          # look freely
    .venv/bin/python evaluation/quotes/score.py --split dev --misses  # what went wrong
    .venv/bin/python evaluation/quotes/score.py --split test         # once, at the end

Per corpus and overall:

- **direct** and **reported**: overlap precision, recall and F1. A predicted quote of the
  kind matches a gold one when their spans overlap; each gold quote matches at most one
  prediction (the one overlapping it most).
- **speaker**: of the gold direct quotes with a named speaker (``speaker_name`` not null),
  the share whose matched prediction carries the same ``speaker_name`` (lower case,
  accents and punctuation dropped). A gold quote nobody found counts as wrong. *lenient*
  also accepts the same surname; *reported speaker* is the same over reported speech.

Predictions are counted only inside each document's annotated range of the ``text``
column, where the gold set was made.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(ROOT))

SOURCES = {
    "tass_2024": SHARED / "tass_2024" / "politics_20.json",
    "abc_lee_2001": SHARED / "abc_lee_2001",
    "invented": HERE / "invented" / "political_news.jsonl",
}


def norm(name) -> str:
    if not isinstance(name, str):
        return ""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", plain.lower()).split())


def load_docs():
    import analysis

    frames = []
    for path in SOURCES.values():
        if path.exists():
            frames.append(analysis.load_corpus(path, errors="ignore", cache=False))
    import pandas as pd

    return pd.concat(frames)


def match(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """gold index -> pred index, one to one, by largest overlap first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                pairs.append((-overlap, i, j))
    taken_g, taken_p, out = set(), set(), {}
    for _, i, j in sorted(pairs):
        if i not in taken_g and j not in taken_p:
            out[i] = j
            taken_g.add(i)
            taken_p.add(j)
    return out


def prf(hit_p, n_p, hit_g, n_g):
    p = hit_p / n_p if n_p else float("nan")
    r = hit_g / n_g if n_g else float("nan")
    f = 2 * p * r / (p + r) if n_p and n_g and (p + r) else float("nan")
    return p, r, f


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--misses", action="store_true", help="print the errors (dev only)")
    args = parser.parse_args()
    if args.misses and args.split != "dev":
        parser.error("--misses is for the dev split only")
    import analysis

    records = [json.loads(line) for line in (HERE / "gold.jsonl").read_text().splitlines()
               if line.strip()]
    records = [r for r in records if args.split == "all" or r["split"] == args.split]
    docs = load_docs()
    wanted = [r["doc_id"] for r in records if r["doc_id"] in docs.index]
    subset = docs.loc[wanted]
    table = analysis.quotes(subset, cache=False)
    table = table[table["field"] == "text"]
    by_doc = defaultdict(list)
    for row in table.to_dict("records"):
        by_doc[row["doc_id"]].append(row)
    stats = defaultdict(lambda: defaultdict(int))
    misses = []
    for r in records:
        if r["doc_id"] not in docs.index:
            continue
        text = docs.loc[r["doc_id"], "text"]
        preds = [p for p in by_doc[r["doc_id"]] if p["start"] < r["end"] and p["end"] > r["start"]]
        for kind in ("direct", "reported"):
            gold = [q for q in r["quotes"] if q["type"] == kind]
            pred = [p for p in preds if p["kind"] == kind]
            pairs = match(gold, pred)
            for key in (r["corpus"], "all"):
                s = stats[key]
                s[f"{kind}_gold"] += len(gold)
                s[f"{kind}_pred"] += len(pred)
                s[f"{kind}_hit"] += len(pairs)
            for i, g in enumerate(gold):
                if not g.get("speaker_name"):
                    continue
                j = pairs.get(i)
                got = pred[j]["speaker_name"] if j is not None else None
                exact = norm(got) == norm(g["speaker_name"])
                lenient = exact or (norm(got) and norm(got).split()[-1:] ==
                                    norm(g["speaker_name"]).split()[-1:])
                for key in (r["corpus"], "all"):
                    stats[key][f"{kind}_named"] += 1
                    stats[key][f"{kind}_right"] += exact
                    stats[key][f"{kind}_lenient"] += bool(lenient)
                if not exact:
                    misses.append((r["doc_id"], kind, g.get("speaker_cue"), g["speaker_name"],
                                   got, text[g["start"]:g["end"]][:70],
                                   pred[j]["speaker_how"] if j is not None else "not found"))
            if args.misses:
                for j, p in enumerate(pred):
                    if j not in pairs.values():
                        misses.append((r["doc_id"], kind, "-", "(no gold)", p["speaker_name"],
                                       p["quote"][:70], "false positive"))
                for i, g in enumerate(gold):
                    if i not in pairs:
                        misses.append((r["doc_id"], kind, g.get("speaker_cue"),
                                       g.get("speaker_name"), None,
                                       text[g["start"]:g["end"]][:70], "missed quote"))
    print(f"split: {args.split}\n")
    print("| corpus | direct P | R | F1 | speaker (named) | lenient | reported P | R | F1 |"
          " reported speaker |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for key in sorted(stats, key=lambda k: (k == "all", k)):
        s = stats[key]
        dp, dr, df = prf(s["direct_hit"], s["direct_pred"], s["direct_hit"], s["direct_gold"])
        rp, rr, rf = prf(s["reported_hit"], s["reported_pred"], s["reported_hit"],
                         s["reported_gold"])
        sp = s["direct_right"] / s["direct_named"] if s["direct_named"] else float("nan")
        sl = s["direct_lenient"] / s["direct_named"] if s["direct_named"] else float("nan")
        rs = s["reported_right"] / s["reported_named"] if s["reported_named"] else float("nan")
        print(f"| {key} | {dp:.3f} | {dr:.3f} | {df:.3f} | {sp:.3f} of {s['direct_named']} | "
              f"{sl:.3f} | {rp:.3f} | {rr:.3f} | {rf:.3f} | {rs:.3f} of "
              f"{s['reported_named']} |")
    if args.misses:
        print()
        for m in misses:
            print(" | ".join(str(x) for x in m))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
