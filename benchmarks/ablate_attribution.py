"""What each rule of the attribution extractor adds: switch it off, score again.

    .venv/bin/python benchmarks/ablate_attribution.py [--split dev|train] [--gold FILE]

Every switch of framing/attribution/extract.py and clauses.py (module-level booleans, the word
sets that turn a rule on, and the parts of TRIM and NESTED_DROP) is turned off alone, the extractor is scored on the PolNeAR gold
with the project's own scorer (`framing.attribution.evaluate.score_gold`, which agrees with
../shared/tools/score_attribution.py), and the change against all rules on is printed: attribution
precision, recall, F1, indirect recall and attribution+source F1. A rule whose removal lowers F1
earns its place; the figures back the claims in CHANGELOG.md and the commit messages.
PolNeAR is research data read in place from ../shared/data/polnear, never copied.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.attribution import clauses, constructions, extract  # noqa: E402
from framing.attribution.evaluate import score_gold  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "polnear"
SWITCHES = [(extract, name) for name in ("CONSTRUCTIONS", "SUBJECT_FALLBACK", "PASSIVES",
                                         "REDUCED_PASSIVE", "BARE_REDUCED_PASSIVE", "WEAK_THAT",
                                         "INFINITIVES", "CITING_PHRASE", "TIME_SKIP",
                                         "POSSESSORS", "GAPS", "FINAL_CLAUSE",
                                         "PLURAL_SUBJECTS", "EVIDENTIAL", "QUOTE_BEFORE",
                                         "RELATIVE_SUBJECTS", "RAISING_CLAUSES",
                                         "HEAD_AFTER_DET", "LONG_INFINITIVES", "NOMINAL_USE",
                                         "OBJECT_GAP", "DEPICTION",
                                         "MIDDLE_INITIALS", "DECIMALS",
                                         "INVERSION_FALLTHROUGH")] + [
    (clauses, "PRESENT_FORM")]
SET_SWITCHES = [(clauses, "TRIM"), (extract, "NESTED_DROP")]  # each part off alone
# word sets that turn a rule on: emptied to switch the rule off (relative-clause sources,
# stance verbs with a pronoun object, verbs of intention with a to-infinitive, `about` and
# particles after a weak verb; 0.4.1: news furniture before a colon, page furniture and
# openers as sources, nouns after their modifiers, degree words before an attitude, which
# both modules read)
EMPTIED = [[(extract, "RELATIVE_SOURCES")], [(extract, "OBJECT_STANCE")],
           [(constructions, "INTENTION")], [(extract, "TOPIC_PREPS")],
           [(extract, "PARTICLES")], [(extract, "NOT_SPEAKERS")], [(extract, "PAGE_FURNITURE")],
           [(extract, "OPENERS")], [(extract, "NOUN_AFTER")],
           [(clauses, "DEGREE"), (extract, "DEGREE")]]


def figures(gold) -> dict[str, float]:
    s = score_gold(gold)
    a = s["attribution"]["aligned"]
    return {"P": a["precision"], "R": a["recall"], "F1": a["f1"],
            "indirect R": s["recall_by_kind"]["indirect"]["recall"],
            "attr+source F1": s["attribution+source"]["aligned"]["f1"]}


def ablate(gold) -> list[tuple[str, dict[str, float]]]:
    """[(switch, figures with it off)], first ("all rules on", figures)."""
    rows = [("all rules on", figures(gold))]
    for module, name in SWITCHES:
        setattr(module, name, False)
        try:
            rows.append((name, figures(gold)))
        finally:
            setattr(module, name, True)
    for targets in EMPTIED:
        full = [getattr(module, name) for module, name in targets]
        for module, name in targets:
            setattr(module, name, type(getattr(module, name))())
        try:
            rows.append((f"{targets[0][1]} (emptied)", figures(gold)))
        finally:
            for (module, name), value in zip(targets, full):
                setattr(module, name, value)
    for module, name in SET_SWITCHES:
        full = getattr(module, name)
        for part in sorted(full):
            setattr(module, name, full - {part})
            try:
                rows.append((f"{name} -{part}", figures(gold)))
            finally:
                setattr(module, name, full)
    return rows


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--gold", type=Path, help="a PolNeAR-format JSONL (default: the split's)")
    args = ap.parse_args(argv)
    gold = args.gold or DEFAULT / f"polnear_{args.split}.jsonl"
    if not gold.exists():
        sys.exit(f"{gold} not found: place PolNeAR as ../shared/data/polnear beside the clone "
                 "(see its SOURCE.md)")
    lines = gold.read_text(encoding="utf-8").splitlines()
    gold_records = [json.loads(line) for line in lines if line.strip()]
    rows = ablate(gold_records)
    base = rows[0][1]
    keys = list(base)
    print(f"{gold.name}: {len(gold_records):,} paragraphs; change when one rule is off")
    print(f"  {'switch off':<28}" + "".join(f"{k:>16}" for k in keys))
    for label, figs in rows:
        cells = (f"{figs[k]:16.3f}" if label == "all rules on" else f"{figs[k] - base[k]:+16.3f}"
                 for k in keys)
        print(f"  {label:<28}" + "".join(cells))


if __name__ == "__main__":
    main()
