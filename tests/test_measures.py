"""framing.measures.measure: hand-computed values on a five-article corpus, bootstrap checks,
invariance (row order, category order, dtype), errors."""
from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest
from helpers_stats import random_tagged, small_tagged

from framing.errors import FramingError
from framing.measures import measure
from framing.tagged import Tagged

# Hand computation for small_tagged(), body paragraphs only (headings and captions excluded):
# A: paragraphs a1/1, a1/2, a2/0; attributions: a1/1 direct named KR, a1/1 indirect unnamed
#    KR;US (distancing), a2/0 mixed named_group US (warning); actors a1/1 0.5, a1/2 -0.3
# B: paragraphs b1/0, b1/1, b2/0, b3/0, b3/1; attributions: b1/1 refusal, b2/0 indirect unnamed
#    expert US, b2/0 indirect unnamed_group media CN, b2/0 direct named citizen; actor b2/0 -0.2
EXPECTED = {
    "A": dict(n_articles=2, n_paragraphs=3, n_attributions=3,
              attribution_ratio=2 / 3, direct_share=2 / 3, anonymous_share=1 / 3,
              refusal_share=0.0, source_type_government_share=2 / 3,
              source_type_military_share=1 / 3, source_type_expert_share=0.0,
              identification_named_group_share=1 / 3, cue_class_distancing_share=1 / 3,
              cue_class_warning_share=1 / 3, cue_class_neutral_share=1 / 3,
              country_KR_share=2 / 3, country_US_share=2 / 3, country_CN_share=0.0,
              hedge_rate_authorial=1000 * 3 / 150, hedge_rate_quoted=1000 * 2 / 40,
              hedge_rate=1000 * 5 / 190, booster_rate_authorial=1000 * 1 / 150,
              sentiment_mean=(0.5 - 0.1 + 0.0) / 3, sentiment_authorial_mean=(0.4 - 0.1 + 0.2) / 3,
              sentiment_quoted_mean=(0.8 - 0.2) / 2, tone_mean=(0.5 - 0.3) / 2),
    "B": dict(n_articles=3, n_paragraphs=5, n_attributions=4,
              attribution_ratio=2 / 5, direct_share=1 / 4, anonymous_share=1 / 4,
              refusal_share=1 / 4, source_type_government_share=0.0,
              source_type_expert_share=1 / 4, source_type_media_share=1 / 4,
              cue_class_refusal_share=1 / 4, cue_class_neutral_share=3 / 4,
              country_KR_share=0.0, country_US_share=1 / 4, country_CN_share=1 / 4,
              hedge_rate_authorial=1000 * 3 / 250, hedge_rate_quoted=1000 * 2 / 40,
              booster_rate_authorial=1000 * 2 / 250,
              sentiment_mean=(0.3 - 0.5 + 0.1 - 0.4 + 0.2) / 5,
              sentiment_authorial_mean=(0.3 + 0.1 + 0.2) / 3,
              sentiment_quoted_mean=(-0.5 - 0.4) / 2, tone_mean=-0.2),
}


@pytest.fixture(scope="module")
def small():
    return small_tagged()


def test_hand_computed_values(small):
    m = measure(small, n_boot=200).set_index("outlet")
    for outlet, expected in EXPECTED.items():
        for col, value in expected.items():
            assert m.loc[outlet, col] == pytest.approx(value, abs=1e-12), (outlet, col)


def test_all_roles_include_heading(small):
    m = measure(small, roles=None, n_boot=0).set_index("outlet")
    # A gains heading a1/0 (with an attribution) and caption a2/1 (without)
    assert m.loc["A", "attribution_ratio"] == pytest.approx(3 / 5)
    assert m.loc["A", "anonymous_share"] == pytest.approx(2 / 4)
    assert m.loc["A", "tone_mean"] == pytest.approx((0.9 + 0.5 - 0.3) / 3)


def test_contract_columns_and_ci_columns(small):
    m = measure(small, n_boot=50)
    for col in ["attribution_ratio", "direct_share", "anonymous_share", "refusal_share",
                "sentiment_mean", "sentiment_authorial_mean", "sentiment_quoted_mean",
                "tone_mean", "hedge_rate_authorial", "approximator_rate_quoted",
                "source_type_state_media_share", "identification_document_share",
                "cue_class_commissive_share", "n_boot", "seed", "ci_level"]:
        assert col in m.columns
    measures = [c[: -len("_ci_low")] for c in m.columns if c.endswith("_ci_low")]
    assert len(measures) > 40
    for name in measures:
        assert f"{name}_ci_high" in m.columns and name in m.columns
    assert (m["n_boot"] == 50).all() and (m["seed"] == 0).all()


def test_by_list_and_per_article(small):
    m = measure(small, by=["outlet", "event_id"], n_boot=0)
    assert list(m[["outlet", "event_id"]].itertuples(index=False, name=None)) == [
        ("A", "e1"), ("A", "e2"), ("B", "e1"), ("B", "e2")]
    row = m[(m.outlet == "B") & (m.event_id == "e2")].iloc[0]
    # b2 (1 paragraph, 3 attributions, 1 direct) and b3 (2 paragraphs, none)
    assert row["attribution_ratio"] == pytest.approx(1 / 3)
    assert row["direct_share"] == pytest.approx(1 / 3)
    per_article = measure(small, by="doc_id", n_boot=100).set_index("doc_id")
    assert per_article.loc["b3", "direct_share"] != per_article.loc["b3", "direct_share"]  # nan
    assert per_article.loc["a1", "attribution_ratio"] == pytest.approx(1 / 2)
    # one article per group: no between-article variation, interval undefined
    assert per_article["attribution_ratio_ci_low"].isna().all()


def test_bootstrap_matches_explicit_loop():
    """The vectorised bootstrap equals a plain loop over resampled article lists."""
    t = random_tagged(30, outlets=("A",), seed=3)
    m = measure(t, n_boot=300, seed=7).iloc[0]
    paras = t.paragraphs[t.paragraphs.role == "body"]
    has = paras.assign(h=(paras.n_attributions > 0).astype(float)).groupby("doc_id")["h"]
    num, den = has.sum().sort_index(), has.size().sort_index()
    import zlib
    rng = np.random.default_rng(np.random.SeedSequence([7, zlib.crc32(b"A")]))
    idx = rng.integers(0, len(num), size=(300, len(num)))
    boot = np.array([num.to_numpy()[i].sum() / den.to_numpy()[i].sum() for i in idx])
    lo, hi = np.quantile(boot, [0.025, 0.975])
    assert m["attribution_ratio"] == pytest.approx(num.sum() / den.sum())
    assert m["attribution_ratio_ci_low"] == pytest.approx(lo, abs=1e-12)
    assert m["attribution_ratio_ci_high"] == pytest.approx(hi, abs=1e-12)


def test_ci_covers_estimate_and_seed_reproducible():
    t = random_tagged(60, seed=2)
    m1 = measure(t, n_boot=200, seed=5)
    m2 = measure(t, n_boot=200, seed=5)
    m3 = measure(t, n_boot=200, seed=6)
    pd.testing.assert_frame_equal(m1, m2)
    assert not m1["attribution_ratio_ci_low"].equals(m3["attribution_ratio_ci_low"])
    for name in ["attribution_ratio", "direct_share", "hedge_rate_authorial", "sentiment_mean"]:
        assert (m1[f"{name}_ci_low"] <= m1[name]).all() and (m1[name] <= m1[f"{name}_ci_high"]).all()


def _shuffled(t: Tagged, seed: int) -> Tagged:
    rng = np.random.default_rng(seed)
    shuffle = lambda df: df.iloc[rng.permutation(len(df))].reset_index(drop=True)  # noqa: E731
    return Tagged(articles=shuffle(t.articles), paragraphs=shuffle(t.paragraphs),
                  attributions=shuffle(t.attributions), actors=shuffle(t.actors))


def _categorical(t: Tagged, categories) -> Tagged:
    arts = t.articles.assign(outlet=pd.Categorical(t.articles.outlet, categories=categories))
    return Tagged(articles=arts, paragraphs=t.paragraphs, attributions=t.attributions,
                  actors=t.actors)


def test_invariance_row_order_category_order_dtype():
    t = random_tagged(60, seed=4)
    base = measure(t, n_boot=200, seed=1)
    shuffled = measure(_shuffled(t, 0), n_boot=200, seed=1)
    pd.testing.assert_frame_equal(base, shuffled)
    cat = measure(_categorical(t, ["C", "B", "A"]), n_boot=200, seed=1)
    assert list(cat.outlet) == ["C", "B", "A"]
    cat = cat.assign(outlet=cat.outlet.astype(str)).sort_values("outlet").reset_index(drop=True)
    pd.testing.assert_frame_equal(base, cat)


def test_group_interval_independent_of_other_groups():
    t = random_tagged(60, seed=4)
    full = measure(t, n_boot=100, seed=1).set_index("outlet")
    keep = t.articles.outlet != "C"
    sub = Tagged(articles=t.articles[keep], paragraphs=t.paragraphs,
                 attributions=t.attributions, actors=t.actors)
    part = measure(sub, n_boot=100, seed=1).set_index("outlet")
    pd.testing.assert_series_equal(full.loc["A"], part.loc["A"])


def test_speed_300_articles():
    t = random_tagged(300, seed=5)
    start = time.perf_counter()
    measure(t, n_boot=1000)
    assert time.perf_counter() - start < 3.0


def test_errors_name_columns(small):
    with pytest.raises(FramingError, match="by='paper'.*use one of: .*event_id"):
        measure(small, by="paper")
    with pytest.raises(FramingError, match="roles='bodies' is not valid"):
        measure(small, roles=("bodies",))
    with pytest.raises(FramingError, match="n_boot"):
        measure(small, n_boot=-1)
    with pytest.raises(FramingError, match="ci="):
        measure(small, ci=95)


# ------------------------------------------------------------------ measure_actor_tone

def _with_actors(t: Tagged, rows) -> Tagged:
    cols = ["doc_id", "para_idx", "actor", "tone"]
    acts = pd.DataFrame(rows, columns=cols).assign(actor_type="person", country="", start=0,
                                                   end=1, text="x")
    acts["outlet"] = acts["doc_id"].map(t.articles.set_index("doc_id")["outlet"])
    return Tagged(articles=t.articles, paragraphs=t.paragraphs, attributions=t.attributions,
                  actors=acts)


def test_actor_tone_hand_computed(small):
    from framing.measures import measure_actor_tone

    # body paragraphs only: A/X is a1/1 0.5 (a1/0 is a heading), A/Y a1/2 -0.3, B/X b2/0 -0.2
    m = measure_actor_tone(small, min_mentions=1, n_boot=100)
    assert list(m.columns) == ["outlet", "actor", "n_articles", "n_mentions", "tone_mean",
                               "tone_mean_ci_low", "tone_mean_ci_high", "n_boot", "seed",
                               "ci_level"]
    assert m[["outlet", "actor", "n_articles", "n_mentions"]].values.tolist() == [
        ["A", "X", 1, 1], ["A", "Y", 1, 1], ["B", "X", 1, 1]]
    assert m["tone_mean"].tolist() == pytest.approx([0.5, -0.3, -0.2], abs=1e-12)
    assert m["tone_mean_ci_low"].isna().all()  # one article per row: no interval
    every = measure_actor_tone(small, min_mentions=1, roles=None, n_boot=0)
    assert every.loc[0, "tone_mean"] == pytest.approx((0.9 + 0.5) / 2)
    assert every.loc[0, "n_mentions"] == 2
    # min_mentions counts over all groups: X has 3 mentions (2 body), Y one
    assert measure_actor_tone(small, min_mentions=2, n_boot=0)["actor"].tolist() == ["X", "X"]
    assert measure_actor_tone(small, actors=["Y"], min_mentions=1, n_boot=0)[
        "actor"].tolist() == ["Y"]
    # the same numbers as measure()'s tone_mean when one actor is the only one
    only_x = measure_actor_tone(_with_actors(small, [("a1", 1, "X", 0.5), ("b2", 0, "X", -0.2)]),
                                min_mentions=1, n_boot=0).set_index("outlet")["tone_mean"]
    base = measure(_with_actors(small, [("a1", 1, "X", 0.5), ("b2", 0, "X", -0.2)]),
                   n_boot=0).set_index("outlet")["tone_mean"]
    pd.testing.assert_series_equal(only_x, base, check_names=False)


def test_actor_tone_mean_of_mentions_and_two_article_interval(small):
    """A/X: a1 has mentions 0.6 and 0.2 (two paragraphs), a2 one of -0.4. Mean over mentions
    (0.6 + 0.2 - 0.4) / 3 = 0.4/3. Resampling 2 articles gives only {a1,a1} (0.4), {a2,a2}
    (-0.4) or both (0.4/3), each pure draw with probability 1/4 > 2.5 %, so the 95 % interval
    is exactly [-0.4, 0.4], the article means."""
    from framing.measures import measure_actor_tone

    t = _with_actors(small, [("a1", 1, "X", 0.6), ("a1", 2, "X", 0.2), ("a2", 0, "X", -0.4),
                             ("a2", 0, "X", None), ("b1", 0, "Z", 0.1)])
    m = measure_actor_tone(t, min_mentions=1, n_boot=1000, seed=3).set_index(["outlet",
                                                                              "actor"])
    r = m.loc[("A", "X")]
    assert (r.n_articles, r.n_mentions) == (2, 3)  # a mention without a tone is not counted
    assert r.tone_mean == pytest.approx(0.4 / 3, abs=1e-12)
    assert r.tone_mean_ci_low == pytest.approx(-0.4, abs=1e-12)
    assert r.tone_mean_ci_high == pytest.approx(0.4, abs=1e-12)
    assert m.loc[("B", "Z"), "tone_mean"] == pytest.approx(0.1)


def test_actor_tone_bootstrap_matches_explicit_loop():
    from framing.measures import measure_actor_tone

    t = random_tagged(40, outlets=("A",), seed=8)
    m = measure_actor_tone(t, n_boot=300, seed=7).iloc[0]
    a = t.actors.merge(t.paragraphs[["doc_id", "para_idx", "role"]], on=["doc_id", "para_idx"])
    a = a[a.role == "body"]
    per = a.groupby("doc_id")["tone"].agg(["sum", "size"]).sort_index()
    import zlib
    rng = np.random.default_rng(np.random.SeedSequence([7, zlib.crc32("A\x1fX".encode())]))
    idx = rng.integers(0, len(per), size=(300, len(per)))
    s, n = per["sum"].to_numpy(), per["size"].to_numpy()
    boot = np.array([s[i].sum() / n[i].sum() for i in idx])
    assert m["tone_mean"] == pytest.approx(s.sum() / n.sum(), abs=1e-12)
    assert m["n_articles"] == len(per) and m["n_mentions"] == n.sum()
    assert m["tone_mean_ci_low"] == pytest.approx(np.quantile(boot, 0.025), abs=1e-12)
    assert m["tone_mean_ci_high"] == pytest.approx(np.quantile(boot, 0.975), abs=1e-12)


def test_actor_tone_invariance_and_errors(small):
    from framing.measures import measure_actor_tone

    t = random_tagged(60, seed=4)
    base = measure_actor_tone(t, n_boot=100, seed=1)
    pd.testing.assert_frame_equal(base, measure_actor_tone(_shuffled(t, 0), n_boot=100, seed=1))
    cat = measure_actor_tone(_categorical(t, ["C", "B", "A"]), n_boot=100, seed=1)
    assert list(cat.outlet) == ["C", "B", "A"]
    cat = cat.assign(outlet=cat.outlet.astype(str)).sort_values("outlet").reset_index(drop=True)
    pd.testing.assert_frame_equal(base, cat)
    with pytest.raises(FramingError, match="min_mentions=0"):
        measure_actor_tone(small, min_mentions=0)
    with pytest.raises(FramingError, match="by='paper'"):
        measure_actor_tone(small, by="paper")
    with pytest.raises(FramingError, match="n_boot"):
        measure_actor_tone(small, n_boot=-1)
    empty = measure_actor_tone(small, actors=["nobody"], n_boot=0)
    assert empty.empty and "tone_mean_ci_low" in empty.columns
