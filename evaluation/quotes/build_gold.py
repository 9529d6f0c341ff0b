"""Turn the hand-written annotation tables (ann_*.py) into gold.jsonl.

Each annotation entry was written by READING the text; this script only turns the
chosen strings into offsets (str.find from a moving cursor) and records them.

Entry: (type, start_anchor, end_anchor, speaker_name, speaker_text, cue, flags)
  type          'd' direct | 'r' reported
  start_anchor  the first words of the content (or the whole content if end_anchor is None)
  end_anchor    the last words of the content (searched from the start anchor)
  speaker_text  the words at the cue naming the speaker (None if there is no cue at all)
  flags         'p' = piece of the current quotation (piece_of = start of its first record)
                'c' = continuation paragraph of the current quotation (continued=True)
                '<' / '>' = take the nearest occurrence of speaker_text before / after the quote
                'N:k' not used; '@k' = skip k extra occurrences in the chosen direction
"""
import json
from pathlib import Path
import re
import sys

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))
from analysis import load_corpus  # noqa: E402

BASE = str(HERE)
AFTER_CUES = {"after", "next-sentence"}
BEFORE_CUES = {"before", "colon", "previous-sentence", "signature_before"}


def _occurrences(text, s):
    pat = re.escape(s)
    if re.match(r"\w", s):
        pat = r"(?<!\w)" + pat
    if re.search(r"\w$", s):
        pat = pat + r"(?!\w)"
    return [m.start() for m in re.finditer(pat, text)]


def resolve(doc_id, text, entries, lo=0, hi=None):
    hi = len(text) if hi is None else hi
    out = []
    cursor = lo
    group = None
    for e in entries:
        t, a, b, name, spk, cue, flags = (list(e) + [""])[:7]
        flags = flags or ""
        s = text.find(a, cursor)
        if s < 0:
            raise ValueError(f"{doc_id}: start anchor not found after {cursor}: {a!r}")
        if b is None:
            end = s + len(a)
        else:
            be = text.find(b, s)
            if be < 0:
                raise ValueError(f"{doc_id}: end anchor not found: {b!r} (start {a!r})")
            end = be + len(b)
        if end > hi:
            raise ValueError(f"{doc_id}: record beyond annotated range: {a!r}")
        rec = dict(type={"d": "direct", "r": "reported"}[t], start=s, end=end,
                   text=text[s:end], para=text.count("\n\n", 0, s),
                   speaker_name=name, speaker_text=spk, speaker_start=None,
                   speaker_end=None, speaker_cue=cue, piece_of=None, continued=False)
        is_part = ("p" in flags) or ("c" in flags)
        if is_part:
            rec["piece_of"] = group["start"]
            rec["continued"] = "c" in flags
        if spk:
            if is_part and group and group["speaker_text"] == spk and cue in ("sibling", "continued"):
                rec["speaker_start"], rec["speaker_end"] = group["speaker_start"], group["speaker_end"]
            else:
                occ = _occurrences(text, spk)
                if not occ:
                    raise ValueError(f"{doc_id}: speaker text not found: {spk!r}")
                skip = int(flags.split("@")[1][0]) if "@" in flags else 0
                if "<" in flags or ("> " not in flags and ">" not in flags and cue in BEFORE_CUES):
                    cands = [o for o in occ if o < s][::-1]
                elif ">" in flags or cue in AFTER_CUES:
                    cands = [o for o in occ if o >= end]
                else:  # nearest either side
                    cands = sorted(occ, key=lambda o: min(abs(o - s), abs(o - end)))
                if not cands:
                    raise ValueError(f"{doc_id}: no speaker {spk!r} in direction for {a!r}")
                ss = cands[skip]
                rec["speaker_start"], rec["speaker_end"] = ss, ss + len(spk)
        if not is_part:
            group = rec
        out.append(rec)
        cursor = s + 1
    out.sort(key=lambda r: (r["start"], r["end"]))
    return out


def corpora():
    inv = load_corpus(f"{BASE}/invented/political_news.jsonl", errors="ignore", cache=False)
    tass = load_corpus(f"{HERE.parents[2]}/shared/corpora/tass_2024/politics_20.json", errors="ignore", cache=False)
    lee = load_corpus(f"{HERE.parents[2]}/shared/corpora/abc_lee_2001", errors="ignore", cache=False)
    lee = lee.iloc[3::6].head(40)
    docs = []
    styles = [json.loads(line)["style"] for line in open(f"{BASE}/invented/political_news.jsonl", encoding="utf-8")]
    for row, style in zip(inv.itertuples(), styles):
        docs.append(("invented_" + style, row.doc_id, row.text))
    for row in tass.itertuples():
        docs.append(("tass_2024", row.doc_id, row.text))
    for row in lee.itertuples():
        docs.append(("abc_lee_2001", row.doc_id, row.text))
    return docs


def main(review=False):
    from ann_invented import ANN as A1
    try:
        from ann_tass import ANN as A2
        from ann_lee import ANN as A3
    except ImportError:
        sys.exit("ann_tass.py and ann_lee.py are not in the repository (they quote the shared "
                 "texts); gold.jsonl is the record for those documents, see README.md")
    ann = {**A1, **A2, **A3}
    counters = {}
    lines = []
    for corpus, doc_id, text in corpora():
        n = counters.get(corpus, 0)
        counters[corpus] = n + 1
        split = "dev" if n % 2 == 0 else "test"
        hi = min(len(text), 3000) if corpus == "abc_lee_2001" else len(text)
        if doc_id not in ann:
            print("NOT YET ANNOTATED:", doc_id)
            continue
        recs = resolve(doc_id, text, ann[doc_id], 0, hi)
        for r in recs:
            del r["text"]
        lines.append(dict(doc_id=doc_id, corpus=corpus, split=split, start=0, end=hi, quotes=recs))
        if review:
            for r in recs:
                sp = ""
                if r["speaker_start"] is not None:
                    a, b = r["speaker_start"], r["speaker_end"]
                    sp = text[max(0, a - 25):a] + "[" + text[a:b] + "]" + text[b:b + 15]
                print(f"{doc_id} {r['type'][0]} {r['speaker_cue']:<17} {str(r['speaker_name']):<20} "
                      f"<<{text[r['start']:r['start']+40]}...{text[r['end']-25:r['end']]}>> "
                      f"{text[r['end']:r['end']+2]!r} SPK: {sp!r}")
    with open(f"{BASE}/gold.jsonl", "w", encoding="utf-8") as f:
        for d in lines:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print("wrote", len(lines), "documents,", sum(len(d["quotes"]) for d in lines), "records")


if __name__ == "__main__":
    main(review="--review" in sys.argv)
