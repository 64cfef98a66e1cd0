"""Speed of stance tagging and sentiment scoring against VADER alone, on news paragraphs.

    .venv/bin/python benchmarks/bench_stance_sentiment.py [--n 20000] [--seed 1]

Paragraphs: a random sample of AllSides-ABP paragraphs (`content_original` split on blank
lines) from ../shared/data/allsides_abp/articles.jsonl; without that file, the bundled seed
article in corpora/ (repeated). Prints paragraphs/s of
  - VADER alone (SentimentIntensityAnalyzer.polarity_scores on each whole paragraph),
  - VADER per sentence (one call per sentence, for reference),
  - tag_stance, score_sentences (quotes and sentences given), and both together,
and the ratio (stance + sentiment) / VADER alone. Sentence splitting and quote finding are
shared by every layer of `framing.tag`, so they are timed separately and not in the ratio
(their rate is printed too).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.quotes import find_quotes  # noqa: E402
from framing.sentiment import score_sentences, _analyzer  # noqa: E402
from framing.stance import tag_stance  # noqa: E402

ABP = ROOT.parent / "shared" / "data" / "allsides_abp" / "articles.jsonl"


def load_paragraphs(n: int, seed: int) -> tuple[list[str], str]:
    if ABP.exists():
        paras = []
        with ABP.open(encoding="utf-8") as f:
            for line in f:
                for p in json.loads(line)["content_original"].split("\n\n"):
                    if p.strip():
                        paras.append(p.strip())
        random.Random(seed).shuffle(paras)
        return paras[:n], f"ABP sample of {min(n, len(paras))} from {len(paras)} paragraphs"
    seed_files = sorted((ROOT / "corpora").rglob("*.txt"))
    base = [ln.strip() for f in seed_files for ln in f.read_text(encoding="utf-8").splitlines()
            if ln.strip()]
    if not base:
        sys.exit("no ABP data and no bundled corpus in corpora/")
    reps = max(1, n // len(base))
    return base * reps, f"bundled seed paragraphs ×{reps} (ABP not found at {ABP})"


def timed(fn, items) -> float:
    t0 = time.perf_counter()
    for it in items:
        fn(*it)
    return time.perf_counter() - t0


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    paras, what = load_paragraphs(args.n, args.seed)
    try:
        from framing.segment import split_sentences
    except ImportError:  # the lead's segmenter not there yet: whole paragraph = one sentence
        def split_sentences(t):
            return [(0, len(t))]
    sia = _analyzer()
    tag_stance("warm up: it may be clear.")
    n = len(paras)
    t0 = time.perf_counter()
    sents = [split_sentences(p) for p in paras]
    t_split = time.perf_counter() - t0
    t0 = time.perf_counter()
    quotes = [[(q.start, q.end) for q in find_quotes(p)] for p in paras]
    t_quotes = time.perf_counter() - t0
    items = list(zip(paras, quotes, sents))
    fns = {
        "vader": lambda p, q, s: sia.polarity_scores(p),
        "vader_s": lambda p, q, s: [sia.polarity_scores(p[a:b]) for a, b in s],
        "stance": lambda p, q, s: tag_stance(p, quotes=q, sentences=s),
        "sent": lambda p, q, s: score_sentences(p, s, quotes=q),
        "sent_nomask": lambda p, q, s: score_sentences(p, s, quotes=q, mask_entities=False),
    }
    # The machine is shared: time chunks of 500 paragraphs, each function back to back on the
    # same chunk, best of `--repeat` runs per chunk, summed over chunks.
    total = dict.fromkeys(fns, 0.0)
    for k in range(0, n, 500):
        chunk = items[k:k + 500]
        best = dict.fromkeys(fns, float("inf"))
        for _ in range(args.repeat):
            for name, fn in fns.items():
                best[name] = min(best[name], timed(fn, chunk))
        for name in fns:
            total[name] += best[name]
    t_vader, t_vader_s, t_stance, t_sent, t_sent_nomask = (
        total[k] for k in ("vader", "vader_s", "stance", "sent", "sent_nomask"))
    print(what)
    print(f"paragraphs {n}, sentences {sum(map(len, sents))}")
    for name, t in [("VADER alone (per paragraph)", t_vader),
                    ("VADER per sentence", t_vader_s),
                    ("stance (tag_stance)", t_stance),
                    ("sentiment (score_sentences)", t_sent),
                    ("sentiment, mask_entities=False", t_sent_nomask),
                    ("stance + sentiment", t_stance + t_sent),
                    ("[shared] split_sentences", t_split),
                    ("[shared] find_quotes", t_quotes)]:
        print(f"{name:32s} {n / t:10.0f} paragraphs/s  ({t:.2f} s)")
    print(f"ratio (stance + sentiment) / VADER alone: {(t_stance + t_sent) / t_vader:.3f}")
    print(f"ratio incl. find_quotes:                  "
          f"{(t_stance + t_sent + t_quotes) / t_vader:.3f}")


if __name__ == "__main__":
    main()
