"""Validation of framing's sentence sentiment against human ratings (VADER's NYT editorials).

Hutto & Gilbert (2014) had 20 people rate each of 5,190 sentences from 498 New York Times
editorials on −4 … +4 (`framing.datasets.read_vader_nyt`). Their paper reports r = 0.492
between VADER's compound and the mean rating per sentence. `score_vader_nyt` scores every
sentence as `framing.tag` does (`framing.sentiment.score_sentences` over the whole sentence,
with or without entity masking) and reports

    r_sentence  = Pearson r over sentences s of (compound(s), human_mean(s) / 4)
    r_editorial = Pearson r over editorials e of (mean_{s in e} compound(s),
                                                  mean_{s in e} human_mean(s) / 4)

(the division by 4 puts the ratings on the compound's scale and does not change r), and
`n_differ_from_vader`, the sentences whose compound differs from
``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]`` (0 with masking off, by
construction; with masking on, the sentences the masking changed).

Reference: Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text. ICWSM-14.
https://ojs.aaai.org/index.php/ICWSM/article/view/14550
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from .errors import input_error
from .lexicons import Lexicon
from .sentiment import MASK_ENTITIES_DEFAULT, score_sentences

__all__ = ["score_vader_nyt", "pearson_r"]

_NEED = ("sentence_id", "article_id", "human_mean", "text")


def pearson_r(x, y) -> float:
    """Pearson's r of two equal-length arrays (`scipy.stats.pearsonr`; NaN with fewer than 2
    values or no variance)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.shape != y.shape or x.ndim != 1:
        raise input_error(f"pearson_r needs two 1-d arrays of one length, got {x.shape} and "
                          f"{y.shape}")
    if len(x) < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")  # scipy raises or warns here; undefined is NaN in our tables
    return float(stats.pearsonr(x, y).statistic)


def score_vader_nyt(table: pd.DataFrame, *,
                    mask_entities: bool | Lexicon | str | Path = MASK_ENTITIES_DEFAULT) -> dict:
    """Agreement of framing's sentence compound with the human ratings of `table`.

    Parameters
    ----------
    table : DataFrame
        ``framing.datasets.read_vader_nyt(path)`` or any subset of its rows (e.g. the first
        editorials for a quick run); needs ``sentence_id, article_id, human_mean, text``.
    mask_entities : bool, Lexicon, name or path
        Passed to ``framing.sentiment.score_sentences``; False scores the raw text.

    Returns
    -------
    dict with
      ``mask_entities`` : the option as given (str of a Lexicon/path),
      ``n_sentences``, ``n_editorials`` : rows and distinct ``article_id``,
      ``r_sentence``, ``r_editorial`` : Pearson r (module docstring),
      ``r_sentence_vader`` : the same r for plain SentimentIntensityAnalyzer compounds,
      ``n_differ_from_vader`` : sentences whose compound differs from
      SentimentIntensityAnalyzer's,
      ``scores`` : DataFrame, one row per sentence in table order: ``sentence_id,
      article_id, human`` (human_mean / 4), ``compound`` (framing), ``compound_vader``
      (SentimentIntensityAnalyzer), ``differs`` (bool).
    """
    if not isinstance(table, pd.DataFrame):
        raise input_error(f"expected a DataFrame from framing.datasets.read_vader_nyt, got "
                          f"{type(table).__name__}")
    missing = [c for c in _NEED if c not in table.columns]
    if missing:
        raise input_error(f"table lacks columns {missing}",
                          fix=f"columns present: {', '.join(map(str, table.columns))}; "
                              "read it with framing.datasets.read_vader_nyt(path)")
    if table.empty:
        raise input_error("table has no sentences", fix="pass read_vader_nyt(path) or a "
                                                         "non-empty subset of it")
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()  # a fresh analyzer: the outside reference
    texts = table["text"].astype(str).tolist()
    comp = np.array([score_sentences(t, [(0, len(t))], mask_entities=mask_entities)
                     ["compounds"][0] for t in texts], dtype=float)
    ref = np.array([sia.polarity_scores(t)["compound"] for t in texts], dtype=float)
    human = table["human_mean"].to_numpy(dtype=float) / 4.0
    scores = pd.DataFrame({"sentence_id": table["sentence_id"].to_numpy(),
                           "article_id": table["article_id"].to_numpy(),
                           "human": human, "compound": comp, "compound_vader": ref,
                           "differs": comp != ref})
    per_ed = scores.groupby("article_id", sort=True)[["compound", "human"]].mean()
    option = mask_entities if isinstance(mask_entities, bool) else str(mask_entities)
    return {"mask_entities": option,
            "n_sentences": int(len(scores)),
            "n_editorials": int(len(per_ed)),
            "r_sentence": pearson_r(comp, human),
            "r_editorial": pearson_r(per_ed["compound"], per_ed["human"]),
            "r_sentence_vader": pearson_r(ref, human),
            "n_differ_from_vader": int(scores["differs"].sum()),
            "scores": scores}
