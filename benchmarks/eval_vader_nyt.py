"""Agreement of framing's sentence sentiment with the human ratings of VADER's NYT editorial
sentences (Hutto & Gilbert 2014), with entity masking off and on.

    .venv/bin/python benchmarks/eval_vader_nyt.py [--data ../shared/data/vader_nyt] [-v]

Prints: the number of sentences whose compound differs from SentimentIntensityAnalyzer's
(must be 0 with masking off), Pearson r against the human mean / 4 per sentence, and per
editorial (mean of sentence compounds vs mean of human means), for mask_entities False and
True, plus how many sentences masking changed. The reader is
`framing.datasets.read_vader_nyt`, the evaluation `framing.validation_sentiment.score_vader_nyt`.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.datasets import VADER_NYT_URL, read_vader_nyt  # noqa: E402
from framing.validation_sentiment import score_vader_nyt  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "vader_nyt"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list the first 40 sentences that masking changed")
    args = ap.parse_args(argv)
    if not args.data.exists():
        sys.exit(f"{args.data} not found: VADER's NYT ground truth comes from {VADER_NYT_URL}")
    table = read_vader_nyt(args.data)
    off = score_vader_nyt(table, mask_entities=False)
    on = score_vader_nyt(table, mask_entities=True)
    print(f"sentences {off['n_sentences']}, editorials {off['n_editorials']}")
    print(f"identity (mask off): {off['n_differ_from_vader']} sentences differ "
          "from SentimentIntensityAnalyzer")
    print(f"plain VADER            r_sentence {off['r_sentence_vader']:.4f}")
    for name, res in (("mask_entities=False", off), ("mask_entities=True", on)):
        print(f"{name:22s} r_sentence {res['r_sentence']:.4f}  "
              f"r_editorial {res['r_editorial']:.4f}")
    changed = on["scores"]["compound"].to_numpy() != off["scores"]["compound"].to_numpy()
    print(f"masking changed {int(changed.sum())} sentences")
    if args.verbose:
        s_on, s_off = on["scores"], off["scores"]
        for i in changed.nonzero()[0][:40]:
            print(f"  {table['sentence_id'].iloc[i]} human {s_on['human'].iloc[i]:+.2f} "
                  f"off {s_off['compound'].iloc[i]:+.3f} on {s_on['compound'].iloc[i]:+.3f}  "
                  f"{table['text'].iloc[i][:110]}")


if __name__ == "__main__":
    main()
