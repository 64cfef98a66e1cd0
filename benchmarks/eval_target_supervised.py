"""Would a model trained on labelled items beat `framing.score_target`? Tone toward a person, BASIL.

    .venv/bin/pip install scikit-learn      # only this benchmark needs it
    .venv/bin/python benchmarks/eval_target_supervised.py [--data ../shared/data/basil]

Issue 4 aims at macro-F1 >= 0.56 for tone toward a named person; the lexical score_target gets
0.442 on the held-out half of the BASIL sample of `eval_target.py` (same items, same split).
This checks whether the labelled data itself, not another lexicon, could close the gap. The model is
a multinomial logistic regression (scikit-learn, class weights balanced) over TF-IDF word 1-2
grams of the sentence with the person's mention replaced by the token TARGET, plus two numbers:
score_target's score and the sentence's plain VADER compound. So it can only add to what the
lexical score already knows.

Printed:
1. dev: macro-F1 of each setting (C, n-gram range) under 5-fold cross-validation with events as
   groups (the articles of one event never straddle train and test), the chosen setting, and the
   held-out test macro-F1 of that setting trained on all dev items, next to score_target's;
2. all 100 events, 10-fold event-grouped cross-validation (every item predicted by a model that
   never saw its event; about 1,060 training items per fold), next to score_target on the same
   items.
Nothing of BASIL or of a fitted model is written anywhere.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_target import DEFAULT, build_sample, label_of, macro_f1  # noqa: E402
from framing.sentiment import vader_compound  # noqa: E402
from framing.target import score_target  # noqa: E402

SETTINGS = [(c, ngram) for ngram in ((1, 1), (1, 2)) for c in (0.1, 0.3, 1.0, 3.0, 10.0)]


def _features(rows: list[dict]) -> list[dict]:
    for r in rows:
        s, a, b = r["sentence"], r["start"], r["end"]
        r["masked"] = f"{s[:a]} TARGET {s[b:]}"
        r["score"] = score_target(s, a, b)
        r["plain"] = vader_compound(s)
    return rows


def _model(c: float, ngram: tuple[int, int]):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.preprocessing import FunctionTransformer

    words = make_pipeline(FunctionTransformer(lambda rs: [r["masked"] for r in rs]),
                          TfidfVectorizer(ngram_range=ngram, min_df=2, sublinear_tf=True))
    scores = FunctionTransformer(lambda rs: np.array([[r["score"], r["plain"]] for r in rs]))
    return make_pipeline(make_union(words, scores),
                         LogisticRegression(C=c, class_weight="balanced", max_iter=3000))


def _grouped_cv(rows: list[dict], c: float, ngram, folds: int) -> float:
    from sklearn.model_selection import GroupKFold, cross_val_predict
    gold = [r["label"] for r in rows]
    pred = cross_val_predict(_model(c, ngram), rows, gold, groups=[r["event"] for r in rows],
                             cv=GroupKFold(folds))
    return macro_f1(gold, list(pred))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT)
    args = ap.parse_args(argv)
    if importlib.util.find_spec("sklearn") is None:
        sys.exit("this benchmark needs scikit-learn: .venv/bin/pip install scikit-learn")
    if not args.data.exists():
        sys.exit(f"{args.data} not found: BASIL comes from github.com/launchnlp/BASIL")
    rows = _features(build_sample(args.data))
    dev = [r for r in rows if r["split"] == "dev"]
    test = [r for r in rows if r["split"] == "test"]
    cv = {}
    for c, ngram in SETTINGS:
        cv[c, ngram] = _grouped_cv(dev, c, ngram, folds=5)
        print(f"dev 5-fold event CV  C={c:<4} ngrams={ngram}  macro-F1 {cv[c, ngram]:.4f}")
    c, ngram = max(cv, key=cv.get)
    model = _model(c, ngram).fit(dev, [r["label"] for r in dev])
    gold = [r["label"] for r in test]
    print(f"chosen on dev: C={c}, ngrams={ngram}. held-out test macro-F1: supervised "
          f"{macro_f1(gold, list(model.predict(test))):.4f}, score_target "
          f"{macro_f1(gold, [label_of(r['score']) for r in test]):.4f} (n={len(test)})")
    gold = [r["label"] for r in rows]
    print(f"all events, 10-fold event CV, C={c}, ngrams={ngram}: supervised "
          f"{_grouped_cv(rows, c, ngram, folds=10):.4f}, score_target "
          f"{macro_f1(gold, [label_of(r['score']) for r in rows]):.4f} (n={len(rows)})")


if __name__ == "__main__":
    main()
