"""Tone toward a target: plain sentence VADER vs `framing.score_target`, on BASIL.

    .venv/bin/python benchmarks/eval_target.py [--data ../shared/data/basil] [--variants]

Labelled sample (built here, from BASIL's phrase-level annotations; Fan et al. 2019):
- pos / neg: a sentence (`id` pN = sentence N of the flattened `body-paragraphs`) with
  annotations whose `target` is mentioned in that sentence; the label is the majority
  `polarity` of that target's annotations in the sentence (ties dropped). The mention is the
  target's full name or, failing that, one of its capitalised name words (surname first),
  the occurrence nearest the annotated span.
  The last block keeps only pos/neg items with a *lexical* bias span (word choice, the kind
  of tone VADER can see) besides all neutral items.
- neutral: a sentence with no annotation at all that mentions one of the article's
  `main-entities` (first mention in the sentence).
Predictions use VADER's convention (≥ 0.05 pos, ≤ -0.05 neg, else neutral). Prints n per
class and macro-F1 of plain sentence VADER and of score_target (and of other settings with
--variants). The sample is split by event (even/odd triplet position) into dev and test; the
settings of score_target were chosen on dev, and test is reported separately.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.sentiment import vader_compound  # noqa: E402
from framing.target import score_target  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "basil"
_STOP = {"and", "of", "the", "act", "bill", "for", "lawmakers", "officials", "campaign",
         "administration", "house", "senate", "state", "new", "party"}


def _mention(sentence: str, target: str, near: int = 0) -> tuple[int, int] | None:
    name = target.replace("_", " ").strip()
    cands = [name] + [w for w in reversed(name.split())
                      if len(w) >= 3 and w[0].isupper() and w.lower() not in _STOP]
    for cand in cands:
        hits = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(cand)}(?!\w)", sentence)]
        if hits:
            return min(hits, key=lambda h: abs(h[0] - near))
    return None


def build_sample(folder: Path) -> list[dict]:
    rows = []
    ann_files = sorted((folder / "annotations").rglob("*_ann.json"))
    events = sorted({f.name.rsplit("_", 2)[0] for f in ann_files})
    split = {e: ("dev" if i % 2 == 0 else "test") for i, e in enumerate(events)}
    for af in ann_files:
        stem = af.name[:-len("_ann.json")]
        art_path = folder / "articles" / af.parent.name / f"{stem}.json"
        if not art_path.exists():
            continue
        art = json.loads(art_path.read_text(encoding="utf-8"))
        ann = json.loads(af.read_text(encoding="utf-8"))
        sents = [s for para in art["body-paragraphs"] for s in para]
        by_sent: dict[int, list[dict]] = {}
        for p in ann.get("phrase-level-annotations", []):
            if not str(p.get("id", "")).startswith("p"):
                continue
            by_sent.setdefault(int(p["id"][1:]), []).append(p)
        part = split[stem.rsplit("_", 1)[0]]
        for k, sent in enumerate(sents):
            anns = by_sent.get(k, [])
            if anns:
                per_target: dict[str, list[dict]] = {}
                for p in anns:
                    per_target.setdefault(p["target"], []).append(p)
                for target, ps in per_target.items():
                    votes = Counter(p["polarity"] for p in ps).most_common()
                    if len(votes) > 1 and votes[0][1] == votes[1][1]:
                        continue
                    span = _mention(sent, target, near=int(ps[0]["start"]))
                    if span is None:
                        continue
                    rows.append({"sentence": sent, "start": span[0], "end": span[1],
                                 "target": target, "label": votes[0][0], "split": part,
                                 "lexical": any(p["bias"] == "lex" for p in ps)})
            else:
                for ent in art.get("main-entities", []):
                    span = _mention(sent, ent.replace(" ", "_"))
                    if span is not None:
                        rows.append({"sentence": sent, "start": span[0], "end": span[1],
                                     "target": ent, "label": "neu", "split": part,
                                 "lexical": True})
                        break
    return rows


def label_of(score: float) -> str:
    return "pos" if score >= 0.05 else "neg" if score <= -0.05 else "neu"


def macro_f1(gold: list[str], pred: list[str]) -> float:
    f1s = []
    for c in ("pos", "neg", "neu"):
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--variants", action="store_true")
    args = ap.parse_args(argv)
    if not args.data.exists():
        sys.exit(f"{args.data} not found: BASIL comes from github.com/launchnlp/BASIL")
    rows = build_sample(args.data)
    settings = {"score_target (default)": {}}
    if args.variants:
        settings.update({
            "sentence, mention masked": dict(window=None, clause=False),
            "clause, no window": dict(window=None),
            "clause, window 4": dict(window=4),
            "clause, window 6": dict(window=6),
            "clause, window 12": dict(window=12),
            "sentence, window 8": dict(clause=False),
            "default, no entity mask": dict(mask_entities=False),
        })
    parts = [(p, False) for p in ("dev", "test", "all")] + [("all", True)]
    for part, lexical in parts:
        sub = [r for r in rows if (part == "all" or r["split"] == part)
               and (r["lexical"] or not lexical)]
        part = part + (", pos/neg from lexical-bias spans only" if lexical else "")
        gold = [r["label"] for r in sub]
        counts = Counter(gold)
        print(f"[{part}] n={len(sub)} (pos {counts['pos']}, neg {counts['neg']}, "
              f"neu {counts['neu']})")
        plain = [label_of(vader_compound(r["sentence"])) for r in sub]
        print(f"  {'plain sentence VADER':28s} macro-F1 {macro_f1(gold, plain):.3f}")
        for name, kw in settings.items():
            pred = [label_of(score_target(r["sentence"], r["start"], r["end"], **kw))
                    for r in sub]
            print(f"  {name:28s} macro-F1 {macro_f1(gold, pred):.3f}")


if __name__ == "__main__":
    main()
