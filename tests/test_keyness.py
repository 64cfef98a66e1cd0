"""framing.keyness: Monroe, Colaresi & Quinn (2008) weighted log-odds with an informative
Dirichlet prior, against a hand-computed example."""
from __future__ import annotations

import math

import pandas as pd
import pytest
from helpers_stats import _finish, _paragraph, small_tagged

from framing.errors import FramingError
from framing.keyness import keyness


def _corpus(texts_by_outlet):
    articles, paragraphs = [], []
    for outlet, texts in texts_by_outlet.items():
        for k, text in enumerate(texts):
            doc = f"{outlet}{k}"
            articles.append(dict(doc_id=doc, outlet=outlet, published="2020-01-01", title="t",
                                 event_id="e", wire=""))
            paragraphs.append(_paragraph(doc, 0, "body", 5, 0, 0.0, 0.0, float("nan"),
                                         text=text))
    return _finish(articles, paragraphs, [], [])


def test_hand_computed_two_groups():
    # A: "war war peace" -> war 2, peace 1 (n=3); B: "Peace, peace talks." -> peace 2, talks 1
    t = _corpus({"A": ["War war peace"], "B": ["Peace, peace talks."]})
    out = keyness(t, prior=6.0)
    # pooled: war 2, peace 3, talks 1, n = 6 -> alpha_w = 6 * y_w / 6 = y_w, alpha_0 = 6
    row = out[(out.group == "A") & (out.token == "war")].iloc[0]
    yi, yj, ni, nj, aw, a0 = 2, 0, 3, 3, 2.0, 6.0
    delta = (math.log((yi + aw) / (ni + a0 - yi - aw))
             - math.log((yj + aw) / (nj + a0 - yj - aw)))   # log(4/5) - log(2/7)
    se = math.sqrt(1 / (yi + aw) + 1 / (yj + aw))
    assert delta == pytest.approx(math.log(4 / 5) - math.log(2 / 7))
    assert row.log_odds_ratio == pytest.approx(delta, abs=1e-12)
    assert row.se == pytest.approx(se, abs=1e-12) and row.z == pytest.approx(delta / se)
    assert (row["count"], row.count_rest, row.n_group, row.n_rest) == (2, 0, 3, 3)
    assert row.alpha == pytest.approx(2.0) and row.alpha0 == pytest.approx(6.0)
    # two groups: B vs rest is the mirror image of A vs rest
    a = out[out.group == "A"].set_index("token")
    b = out[out.group == "B"].set_index("token")
    assert (a.z + b.z.reindex(a.index)).abs().max() < 1e-12
    assert list(a.index) == ["war", "peace", "talks"]  # sorted by z, decreasing


def test_three_groups_each_against_rest():
    t = _corpus({"A": ["x x x y"], "B": ["y y z"], "C": ["z z z x"]})
    out = keyness(t, prior=1.0)
    # C vs rest for z: y_i = 3, y_j = 1, n_i = 4, n_j = 7; alpha_z = 4/11, alpha_0 = 1
    aw, a0 = 4 / 11, 1.0
    delta = math.log((3 + aw) / (4 + a0 - 3 - aw)) - math.log((1 + aw) / (7 + a0 - 1 - aw))
    row = out[(out.group == "C") & (out.token == "z")].iloc[0]
    assert row.log_odds_ratio == pytest.approx(delta, abs=1e-12)
    assert out.groupby("group").size().tolist() == [3, 3, 3]
    assert out[out.group == "A"].iloc[0].token == "x"


def test_layer_cue_and_mapping_prior():
    t = small_tagged()
    out = keyness(t, layer="cue", prior={"said": 1.0, "claimed": 1.0})
    assert set(out.token) == {"said", "claimed", "warned", "declined to comment", "reported"}
    row = out[(out.group == "A") & (out.token == "claimed")].iloc[0]
    assert row["count"] == 1 and row.count_rest == 0 and row.alpha == 1.0
    assert out[(out.token == "warned")].alpha.iloc[0] == pytest.approx(0.01)


def test_errors():
    t = small_tagged()
    with pytest.raises(FramingError, match="layer='verbs'"):
        keyness(t, layer="verbs")
    with pytest.raises(FramingError, match="prior"):
        keyness(t, prior=-1.0)
    with pytest.raises(FramingError, match="by='paper'"):
        keyness(t, by="paper")


def test_row_order_invariance():
    t = _corpus({"A": ["a b c a", "c c d"], "B": ["b b e", "a e e"]})
    base = keyness(t)
    sh = type(t)(articles=t.articles.iloc[::-1], paragraphs=t.paragraphs.iloc[::-1])
    pd.testing.assert_frame_equal(base, keyness(sh))
