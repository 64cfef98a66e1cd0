"""framing.datasets.read_vader_nyt and framing.validation_sentiment.score_vader_nyt: counts of
VADER's NYT ground truth, identity with SentimentIntensityAnalyzer with masking off, r values
against a direct numpy/scipy computation on the same arrays, and errors naming file and line."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import need_shared
from scipy import stats

from framing.datasets import read_vader_nyt
from framing.errors import FramingError
from framing.validation_sentiment import pearson_r, score_vader_nyt


@pytest.fixture(scope="module")
def nyt() -> pd.DataFrame:
    return read_vader_nyt(need_shared("vader_nyt"))


@pytest.fixture(scope="module")
def results(nyt) -> dict:
    return {mask: score_vader_nyt(nyt, mask_entities=mask) for mask in (False, True)}


def test_counts_and_columns(nyt):
    assert list(nyt.columns) == ["sentence_id", "article_id", "sentence_no", "human_mean",
                                 "human_sd", "ratings", "text"]
    assert len(nyt) == 5190 and nyt["sentence_id"].is_unique
    assert nyt["article_id"].nunique() == 498
    assert nyt["ratings"].map(len).eq(20).all()
    first = nyt.iloc[0]
    assert (first.sentence_id, first.article_id, first.sentence_no) == ("1_1", 1, 1)
    assert first.human_mean == 0.4 and first.human_sd == pytest.approx(0.73485)
    assert first.text.startswith("On Dec. 19, around noon,") and "\r" not in "".join(nyt.text)
    # the means and standard deviations are those of the 20 ratings (population sd)
    r = np.array(nyt["ratings"].tolist(), dtype=float)
    assert np.abs(r.mean(1) - nyt["human_mean"]).max() < 1e-3
    assert np.abs(r.std(1) - nyt["human_sd"]).max() < 1e-4


def test_identity_with_vader_when_masking_off(nyt, results):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    off = results[False]
    assert off["n_differ_from_vader"] == 0
    sia = SentimentIntensityAnalyzer()
    direct = np.array([sia.polarity_scores(t)["compound"] for t in nyt["text"]])
    assert np.array_equal(off["scores"]["compound"].to_numpy(), direct)
    assert off["r_sentence"] == off["r_sentence_vader"]
    # masking changes some sentences, and the count is what differs from VADER
    on = results[True]
    assert on["n_differ_from_vader"] == int((on["scores"]["compound"].to_numpy() != direct).sum())
    assert on["n_differ_from_vader"] > 0


@pytest.mark.parametrize("mask", [False, True])
def test_r_values_equal_direct_computation(nyt, results, mask):
    res = results[mask]
    comp = res["scores"]["compound"].to_numpy()
    human = nyt["human_mean"].to_numpy() / 4
    assert (res["n_sentences"], res["n_editorials"]) == (5190, 498)
    assert res["r_sentence"] == pytest.approx(stats.pearsonr(comp, human)[0], abs=1e-6)
    assert res["r_sentence"] == pytest.approx(np.corrcoef(comp, human)[0, 1], abs=1e-6)
    arts = nyt["article_id"].to_numpy()
    ids = np.unique(arts)
    ed_c = np.array([comp[arts == a].mean() for a in ids])
    ed_h = np.array([human[arts == a].mean() for a in ids])
    assert res["r_editorial"] == pytest.approx(stats.pearsonr(ed_c, ed_h)[0], abs=1e-6)
    # published magnitudes: VADER's paper r = 0.492 per sentence; ≈ 0.63 per editorial
    assert 0.45 < res["r_sentence"] < 0.55 and 0.58 < res["r_editorial"] < 0.68


def test_masking_does_not_lower_agreement(results):
    """The condition under which MASK_ENTITIES_DEFAULT is True (DESIGN.md, Sentiment)."""
    assert results[True]["r_sentence"] >= results[False]["r_sentence"]
    assert results[True]["r_editorial"] >= results[False]["r_editorial"]


def test_subset_and_pearson_r():
    table = pd.DataFrame({"sentence_id": ["1_1", "1_2", "2_1", "3_1"],
                          "article_id": [1, 1, 2, 3], "human_mean": [2.0, 1.0, -2.0, 0.0],
                          "text": ["A wonderful, happy day.", "Good.", "A terrible disaster.",
                                   "The table."]})
    res = score_vader_nyt(table, mask_entities=False)
    assert (res["n_sentences"], res["n_editorials"]) == (4, 3)
    assert res["scores"]["compound"].iloc[3] == 0.0
    x, y = [1.0, 2.0, 4.0], [2.0, 1.0, 5.0]
    # by hand: deviations (-4,-1,5)/3 and (-2,-5,7)/3 → r = 48 / sqrt(42 · 78)
    assert pearson_r(x, y) == pytest.approx(48 / np.sqrt(42 * 78), abs=1e-12)
    assert np.isnan(pearson_r([1.0], [2.0])) and np.isnan(pearson_r([1, 1], [2, 3]))


def test_errors_name_file_and_line(tmp_path):
    with pytest.raises(FramingError, match="vader_nyt folder.*vaderSentiment"):
        read_vader_nyt(tmp_path / "absent")
    (tmp_path / "nytEditorialSnippets_GroundTruth.txt").write_text(
        "1_1\t0.5\tGood.\r\n1_2\tnot-a-number\tBad.\r\n")
    (tmp_path / "nytEditorialSnippets_anonDataRatings.txt").write_text(
        "1_1\t0.5\t0.5\t[0, 1]\n1_2\t-1.0\t0.0\t[-1, -1]\n")
    with pytest.raises(FramingError, match=r"GroundTruth.txt, line 2: not 'ID<TAB>MEAN"):
        read_vader_nyt(tmp_path)
    (tmp_path / "nytEditorialSnippets_GroundTruth.txt").write_text(
        "1_1\t0.5\tGood.\r\n1_3\t-1.0\tBad.\r\n")
    with pytest.raises(FramingError, match=r"anonDataRatings.txt, line 2: id '1_2' where"):
        read_vader_nyt(tmp_path)
    (tmp_path / "nytEditorialSnippets_GroundTruth.txt").write_text(
        "1_1\t0.5\tGood.\r\n1_2\t-1.0\tBad.\r\n")
    t = read_vader_nyt(tmp_path)
    assert t["text"].tolist() == ["Good.", "Bad."] and t["ratings"].iloc[0] == [0, 1]
    with pytest.raises(FramingError, match="lacks columns"):
        score_vader_nyt(t.drop(columns="human_mean"))
