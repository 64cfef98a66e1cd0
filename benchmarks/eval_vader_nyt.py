"""Agreement of framing's sentence sentiment with the human ratings of VADER's NYT editorial
sentences (Hutto & Gilbert 2014), with entity masking off and on.

    .venv/bin/python benchmarks/eval_vader_nyt.py [--data ../shared/data/vader_nyt]

Prints: the number of sentences whose compound differs from SentimentIntensityAnalyzer's
(must be 0 with masking off), Pearson r against the human mean / 4 per sentence, and per
editorial (article = id before `_`; mean of sentence compounds vs mean of human means), for
mask_entities False and True, plus how many sentences masking changed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.sentiment import score_sentences  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "vader_nyt"


def read_ground_truth(folder: Path) -> list[tuple[str, float, str]]:
    """(id, human mean on -4..4, sentence) for every snippet."""
    rows = []
    path = folder / "nytEditorialSnippets_GroundTruth.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        sid, mean, text = line.split("\t", 2)
        rows.append((sid, float(mean), text))
    return rows


def evaluate(rows, mask) -> dict:
    human = np.array([m / 4 for _, m, _ in rows])
    comp = np.array([score_sentences(t, [(0, len(t))], mask_entities=mask)["compounds"][0]
                     for _, _, t in rows])
    arts: dict[str, list[int]] = {}
    for i, (sid, _, _) in enumerate(rows):
        arts.setdefault(sid.split("_")[0], []).append(i)
    a_h = np.array([human[ix].mean() for ix in arts.values()])
    a_c = np.array([comp[ix].mean() for ix in arts.values()])
    return {"compounds": comp, "r_sentence": float(np.corrcoef(comp, human)[0, 1]),
            "r_editorial": float(np.corrcoef(a_c, a_h)[0, 1]), "n": len(rows),
            "n_editorials": len(arts)}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    args = ap.parse_args(argv)
    if not args.data.exists():
        sys.exit(f"{args.data} not found: VADER's NYT ground truth comes from "
                 "github.com/cjhutto/vaderSentiment additional_resources/hutto_ICWSM_2014.tar.gz")
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    rows = read_ground_truth(args.data)
    sia = SentimentIntensityAnalyzer()
    ref = np.array([sia.polarity_scores(t)["compound"] for _, _, t in rows])
    off = evaluate(rows, False)
    on = evaluate(rows, True)
    print(f"sentences {off['n']}, editorials {off['n_editorials']}")
    print(f"identity (mask off): {int((off['compounds'] != ref).sum())} sentences differ "
          "from SentimentIntensityAnalyzer")
    print(f"plain VADER            r_sentence {np.corrcoef(ref, [m / 4 for _, m, _ in rows])[0, 1]:.4f}")
    for name, res in (("mask_entities=False", off), ("mask_entities=True", on)):
        print(f"{name:22s} r_sentence {res['r_sentence']:.4f}  r_editorial {res['r_editorial']:.4f}")
    changed = np.flatnonzero(on["compounds"] != off["compounds"])
    print(f"masking changed {len(changed)} sentences")
    if "-v" in sys.argv or "--verbose" in sys.argv:
        for i in changed[:40]:
            print(f"  {rows[i][0]} human {rows[i][1] / 4:+.2f} off {off['compounds'][i]:+.3f} "
                  f"on {on['compounds'][i]:+.3f}  {rows[i][2][:110]}")


if __name__ == "__main__":
    main([a for a in sys.argv[1:] if a not in ("-v", "--verbose")])
