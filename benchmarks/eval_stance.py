"""Precision and recall of `framing.stance.tag_stance` on the golden table
tests/data/stance_golden.tsv (real news sentences read from ../shared by id).

    .venv/bin/python benchmarks/eval_stance.py [--shared ../shared] [-v]

A predicted span counts as correct when label, start and end all equal an expected span.
Prints P/R/F1 overall and per label; -v lists every miss and false alarm.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.stance import tag_stance  # noqa: E402

GOLDEN = ROOT / "tests" / "data" / "stance_golden.tsv"


def read_golden(path: Path = GOLDEN) -> list[dict]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_texts(rows: list[dict], shared: Path) -> list[str]:
    """The text of every golden row, read from ../shared (seed, ABP, BASIL)."""
    abp_ids = {r["doc"] for r in rows if r["source"] == "abp"}
    abp = {}
    with (shared / "data" / "allsides_abp" / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["ID"] in abp_ids:
                abp[rec["ID"]] = rec["content_original"]
    texts = []
    for r in rows:
        k = int(r["unit"])
        if r["source"] == "seed":
            texts.append((shared / "seeds" / r["doc"]).read_text(encoding="utf-8").split("\n")[k])
        elif r["source"] == "abp":
            texts.append(abp[r["doc"]].split("\n\n")[k].strip())
        elif r["source"] == "basil":
            art = json.loads((shared / "data" / "basil" / "articles" / f"{r['doc']}.json")
                             .read_text(encoding="utf-8"))
            texts.append([s for p in art["body-paragraphs"] for s in p][k])
        else:
            raise ValueError(f"unknown source {r['source']!r} in {GOLDEN}")
    return texts


def expected_spans(text: str, expected: str) -> list[tuple[str, int, int]]:
    """Resolve 'label:text | …' to (label, start, end), each text searched after the last."""
    out, pos = [], 0
    if expected.strip() == "-":
        return out
    for item in expected.split(" | "):
        label, _, words = item.partition(":")
        i = text.find(words, pos)
        if i < 0:
            i = text.find(words)
        if i < 0:
            raise ValueError(f"expected {words!r} not in text {text[:80]!r}")
        out.append((label, i, i + len(words)))
        pos = i + len(words)
    return out


def score(rows, texts):
    tp, fp, fn = Counter(), Counter(), Counter()
    errors = []
    for r, t in zip(rows, texts):
        gold = set(expected_spans(t, r["expected"]))
        pred = {(s["label"], s["start"], s["end"]) for s in tag_stance(t)}
        for lab, s, e in pred & gold:
            tp[lab] += 1
        for lab, s, e in pred - gold:
            fp[lab] += 1
            errors.append(("false alarm", r, lab, t[s:e]))
        for lab, s, e in gold - pred:
            fn[lab] += 1
            errors.append(("miss", r, lab, t[s:e]))
    return tp, fp, fn, errors


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args(argv)
    rows = read_golden()
    texts = load_texts(rows, args.shared)
    tp, fp, fn, errors = score(rows, texts)
    print(f"golden items {len(rows)}, expected spans {sum(tp.values()) + sum(fn.values())}")
    for lab in ["all", "hedge", "booster", "attitude", "approximator"]:
        t = sum(tp.values()) if lab == "all" else tp[lab]
        p_ = t + (sum(fp.values()) if lab == "all" else fp[lab])
        g = t + (sum(fn.values()) if lab == "all" else fn[lab])
        prec = t / p_ if p_ else float("nan")
        rec = t / g if g else float("nan")
        print(f"{lab:13s} precision {prec:.3f} ({t}/{p_})  recall {rec:.3f} ({t}/{g})")
    if args.v:
        for kind, r, lab, words in errors:
            print(f"  {kind:11s} {lab:12s} {words!r:28s} {r['source']} {r['doc']} {r['unit']}")


if __name__ == "__main__":
    main()
