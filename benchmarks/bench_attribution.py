"""Speed of the attribution extractor: paragraphs/s on PolNeAR dev, and the time for a
100,000-character adversarial paragraph (quote marks, commas, capitalised words).

Run: .venv/bin/python benchmarks/bench_attribution.py
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from framing.attribution import extract_attributions

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "polnear_dev.jsonl"


def main() -> None:
    extract_attributions("Warm-up, he said.")
    if DEV.exists():
        texts = [json.loads(line)["text"] for line in DEV.open(encoding="utf-8")]
        best = 0.0
        for _ in range(3):
            started = time.perf_counter()
            for text in texts:
                extract_attributions(text)
            best = max(best, len(texts) / (time.perf_counter() - started))
        print(f"PolNeAR dev: {len(texts)} paragraphs, {best:,.0f} paragraphs/s (best of 3)")
    else:
        print(f"{DEV} is absent (PolNeAR, Newell et al. 2018): skipping the paragraphs/s figure")
    for name, text in [("quotes+commas+capitals", ('"Smith, ' * 12500)[:100_000]),
                       ("said-chain", ("Smith said, " * 9000)[:100_000]),
                       ("1 MB of words", ("The Minister said that " * 45000)[:1_000_000])]:
        started = time.perf_counter()
        found = extract_attributions(text)
        print(f"{name}: {len(text):,} chars in {time.perf_counter() - started:.3f} s "
              f"({len(found)} attributions)")


if __name__ == "__main__":
    main()
