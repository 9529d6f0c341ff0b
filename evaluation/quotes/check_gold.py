"""Verify evaluation/quotes/gold.jsonl against the texts returned by analysis.load_corpus.

Checks, for every record:
  * text[start:end] is non-empty and has no leading/trailing whitespace;
  * start/end lie inside the document's annotated range;
  * direct quotes: the character just before the span is an opening quotation mark and the
    one just after is a closing mark (whitespace padding inside guillemets, « like this »,
    is skipped); for transcript records the span follows "NAME: " and ends at the paragraph end;
  * text[speaker_start:speaker_end] == speaker_text when given;
  * piece_of points at the start of another record of the same document;
  * records are sorted by start and do not overlap;
  * para equals the number of blank-line separators before start.
Then prints counts per corpus, split, type and speaker_cue.
"""
import collections
import json
from pathlib import Path
import sys

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))
from build_gold import corpora  # noqa: E402  (loads the texts with analysis.load_corpus)

OPEN = set('"“‘«„\'‚‹')
CLOSE = set('"”’»“\'‘›')
CUES = {"after", "before", "previous-sentence", "next-sentence", "sibling", "colon", "signature",
        "transcript", "according-to", "pronoun", "role", "continued", "none"}


def main():
    texts = {doc_id: (corpus, text) for corpus, doc_id, text in corpora()}
    gold = [json.loads(line) for line in open(HERE / "gold.jsonl", encoding="utf-8")]
    errors = []
    counts = collections.Counter()
    docs = collections.Counter()
    seen = set()
    for d in gold:
        corpus, text = texts[d["doc_id"]]
        assert corpus == d["corpus"], d["doc_id"]
        seen.add(d["doc_id"])
        docs[(d["corpus"], d["split"])] += 1
        starts = {q["start"] for q in d["quotes"]}
        prev_end = -1
        for q in d["quotes"]:
            s, e = q["start"], q["end"]
            span = text[s:e]
            where = f"{d['doc_id']}@{s}"
            if not span or span != span.strip():
                errors.append(f"{where}: empty or whitespace-padded span {span!r}")
            if s < d["start"] or e > d["end"]:
                errors.append(f"{where}: outside annotated range")
            if s < prev_end:
                errors.append(f"{where}: overlaps previous record")
            prev_end = e
            if q["type"] == "direct":
                if q["speaker_cue"] == "transcript":
                    line_start = text.rfind("\n\n", 0, s)
                    line_start = 0 if line_start < 0 else line_start + 2
                    head = text[line_start:s]
                    ok_end = e == len(text) or text.startswith("\n\n", e)
                    if not (head.endswith(": ") and head[:-2].isupper() and ok_end):
                        errors.append(f"{where}: transcript span not 'NAME: ...<para end>'")
                else:
                    i = s - 1
                    while i >= 0 and text[i] == " " and text[i - 1] in "«»":
                        i -= 1
                    j = e
                    while j < len(text) and text[j] == " " and text[j + 1:j + 2] in ("»", "«"):
                        j += 1
                    before = text[i] if i >= 0 else ""
                    after = text[j] if j < len(text) else ""
                    para_end = j == len(text) or text.startswith("\n\n", j)
                    if before not in OPEN:
                        errors.append(f"{where}: no opening mark before span ({before!r})")
                    if after not in CLOSE:
                        # a quotation left open (the next paragraph, or in one-paragraph texts
                        # the next sentence, re-opens with a mark): the next record must be a
                        # continuation starting right after whitespace and an opening mark
                        nxt = [r for r in d["quotes"] if r["start"] > e]
                        gap = text[e:nxt[0]["start"]] if nxt else ""
                        if not (nxt and nxt[0]["continued"] and gap.strip() in OPEN):
                            errors.append(f"{where}: no closing mark after span ({after!r}) and no continuation")
            if q["speaker_text"] is not None:
                got = text[q["speaker_start"]:q["speaker_end"]]
                if got != q["speaker_text"]:
                    errors.append(f"{where}: speaker_text {q['speaker_text']!r} != {got!r}")
            if q["piece_of"] is not None and q["piece_of"] not in starts:
                errors.append(f"{where}: piece_of {q['piece_of']} is not a record start")
            if q["speaker_cue"] not in CUES:
                errors.append(f"{where}: unknown cue {q['speaker_cue']}")
            if q["para"] != text.count("\n\n", 0, s):
                errors.append(f"{where}: para mismatch")
            counts[(d["corpus"], d["split"], q["type"], q["speaker_cue"])] += 1
    missing = set(texts) - seen
    if missing:
        errors.append(f"documents without a gold line: {sorted(missing)[:5]} ... ({len(missing)})")

    print("documents per corpus/split:")
    for k in sorted(docs):
        print(f"  {k[0]:<16} {k[1]:<5} {docs[k]}")
    total = collections.Counter()
    by_corpus_type = collections.Counter()
    by_cue = collections.Counter()
    for (c, sp, t, cue), n in counts.items():
        total[(c, sp, t)] += n
        by_corpus_type[(c, t)] += n
        by_cue[(c, cue)] += n
    print("\nrecords per corpus/split/type:")
    for k in sorted(total):
        print(f"  {k[0]:<16} {k[1]:<5} {k[2]:<9} {total[k]}")
    print("\nrecords per corpus/split/type/speaker_cue:")
    for k in sorted(counts):
        print(f"  {k[0]:<16} {k[1]:<5} {k[2]:<9} {k[3]:<17} {counts[k]}")
    print("\nrecords per corpus/type:")
    for k in sorted(by_corpus_type):
        print(f"  {k[0]:<16} {k[1]:<9} {by_corpus_type[k]}")
    print("\nrecords per corpus/speaker_cue:")
    for k in sorted(by_cue):
        print(f"  {k[0]:<16} {k[1]:<17} {by_cue[k]}")
    cue_all = collections.Counter()
    type_all = collections.Counter()
    split_all = collections.Counter()
    for (c, sp, t, cue), n in counts.items():
        cue_all[cue] += n
        type_all[t] += n
        split_all[sp] += n
    print("\nall corpora by type:", dict(type_all), " by split:", dict(split_all))
    print("all corpora by cue:", dict(sorted(cue_all.items())))
    print("TOTAL records:", sum(counts.values()))
    if errors:
        print(f"\n{len(errors)} ERRORS")
        for e in errors:
            print("  ", e)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()
