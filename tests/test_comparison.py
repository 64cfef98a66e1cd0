"""framing.comparison (framing.compare): each model against a direct statsmodels/scipy call on the same data, against
hand-computed values, multiplicity adjustment, and invariance (row order, category order,
dtype)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf
from helpers_stats import random_tagged, small_tagged
from scipy import stats
from statsmodels.stats.multitest import multipletests

from framing.comparison import compare, compare_source_types
from framing.errors import FramingError
from framing.measures import measure
from framing.tagged import Tagged


@pytest.fixture(scope="module")
def rand():
    return random_tagged(150, seed=11)


def _body(t):
    p = t.paragraphs[t.paragraphs.role == "body"].drop(columns="outlet")
    return p.merge(t.articles[["doc_id", "outlet", "event_id"]], on="doc_id")


def _attrs(t):
    keys = _body(t)[["doc_id", "para_idx", "outlet", "event_id"]]
    return t.attributions.drop(columns="outlet").merge(keys, on=["doc_id", "para_idx"])


def _groups(df):
    return pd.factorize(df["doc_id"])[0]


def _pair(res, names, g, h):
    """t_test of coefficient g minus h by name (the reference has no coefficient)."""
    L = np.zeros(len(res.params))
    if g in names:
        L[names.index(g)] += 1
    if h in names:
        L[names.index(h)] -= 1
    return res.t_test(L)


def _check(row, t):
    assert row.estimate == pytest.approx(float(np.ravel(t.effect)[0]), abs=1e-9)
    assert row.se == pytest.approx(float(np.ravel(t.sd)[0]), rel=1e-7)
    assert row.p_val == pytest.approx(float(np.ravel(t.pvalue)[0]), rel=1e-6, abs=1e-15)
    lo, hi = np.asarray(t.conf_int()).ravel()
    assert (row.ci_low, row.ci_high) == (pytest.approx(lo, abs=1e-9), pytest.approx(hi, abs=1e-9))


def test_attribution_ratio_matches_statsmodels_formula_glm_with_events(rand):
    d = _body(rand)
    n = _attrs(rand).groupby(["doc_id", "para_idx"]).size().rename("k").reset_index()
    d = d.merge(n, on=["doc_id", "para_idx"], how="left")
    d["y"] = (d["k"].fillna(0) > 0).astype(int)
    res = smf.glm("y ~ C(outlet) + C(event_id)", d, family=sm.families.Binomial()).fit(
        cov_type="cluster", cov_kwds={"groups": _groups(d)})
    names = list(res.params.index)
    out = compare(rand, measure="attribution_ratio", event="event_id")
    assert list(zip(out.group, out.group_ref)) == [("B", "A"), ("C", "A"), ("C", "B")]
    for row in out.itertuples():
        _check(row, _pair(res, names, f"C(outlet)[T.{row.group}]",
                          f"C(outlet)[T.{row.group_ref}]"))
    assert (out.n == [len(d[d.outlet.isin(p)]) for p in (["A", "B"], ["A", "C"], ["B", "C"])]).all()
    assert (out.cluster == "doc_id").all() and out.method.str.contains("event fixed").all()


def test_direct_share_matches_statsmodels(rand):
    a = _attrs(rand)
    a["y"] = a["kind"].isin(["direct", "mixed"]).astype(int)
    res = smf.glm("y ~ C(outlet)", a, family=sm.families.Binomial()).fit(
        cov_type="cluster", cov_kwds={"groups": _groups(a)})
    out = compare(rand, measure="direct_share")
    _check(out.iloc[0], _pair(res, list(res.params.index), "C(outlet)[T.B]", "none"))
    # hand: without covariates the contrast is the difference of the groups' log odds
    m = measure(rand, n_boot=0).set_index("outlet")["direct_share"]
    logit = np.log(m / (1 - m))
    assert out.iloc[2].estimate == pytest.approx(logit["C"] - logit["B"], abs=1e-9)


def test_rate_matches_statsmodels_poisson_with_offset(rand):
    d = _body(rand).groupby(["doc_id", "outlet", "event_id"], as_index=False)[
        ["hedge_authorial", "n_words_authorial"]].sum()
    res = smf.glm("hedge_authorial ~ C(outlet) + C(event_id)", d,
                  family=sm.families.Poisson(), offset=np.log(d["n_words_authorial"])).fit(
        cov_type="cluster", cov_kwds={"groups": _groups(d)})
    out = compare(rand, measure="hedge_rate_authorial", event="event_id")
    names = list(res.params.index)
    for row in out.itertuples():
        _check(row, _pair(res, names, f"C(outlet)[T.{row.group}]",
                          f"C(outlet)[T.{row.group_ref}]"))
    # hand: without events, exp(estimate) is the ratio of the pooled rates of measure()
    plain = compare(rand, measure="hedge_rate_authorial")
    m = measure(rand, n_boot=0).set_index("outlet")["hedge_rate_authorial"]
    assert np.exp(plain.iloc[0].estimate) == pytest.approx(m["B"] / m["A"], rel=1e-8)
    assert "log rate ratio" in plain.method[0]


def test_sentiment_matches_statsmodels_ols_and_mean_difference(rand):
    d = _body(rand).dropna(subset=["sentiment_quoted"])
    res = smf.ols("sentiment_quoted ~ C(outlet)", d).fit(
        cov_type="cluster", cov_kwds={"groups": _groups(d)})
    out = compare(rand, measure="sentiment_quoted_mean")
    names = list(res.params.index)
    for row in out.itertuples():
        _check(row, _pair(res, names, f"C(outlet)[T.{row.group}]",
                          f"C(outlet)[T.{row.group_ref}]"))
    means = d.groupby("outlet")["sentiment_quoted"].mean()
    assert out.iloc[0].estimate == pytest.approx(means["B"] - means["A"], abs=1e-12)


def test_hand_computed_small_corpus():
    t = small_tagged()
    out = compare(t, measure="attribution_ratio")
    # A: 2 of 3 body paragraphs, B: 2 of 5 -> log odds ratio B vs A
    assert out.iloc[0].estimate == pytest.approx(np.log((2 / 3) / (3 / 3)) - np.log(2 / 1))
    out = compare(t, measure="sentiment_mean")
    assert out.iloc[0].estimate == pytest.approx(-0.06 - 0.4 / 3)
    # cluster-robust SE of a difference of two means, by hand (CR1 with G/(G-1)(N-1)/(N-K))
    p = t.paragraphs[t.paragraphs.role == "body"]
    g = p.doc_id.str[0].to_numpy()
    y = p.sentiment.to_numpy()
    resid = y - np.where(g == "a", y[g == "a"].mean(), y[g == "b"].mean())
    X = np.column_stack([np.ones(len(y)), (g == "b").astype(float)])
    bread = np.linalg.inv(X.T @ X)
    scores = pd.DataFrame(X * resid[:, None]).groupby(p.doc_id.to_numpy()).sum().to_numpy()
    G, N, K = 5, len(y), 2
    V = bread @ scores.T @ scores @ bread * G / (G - 1) * (N - 1) / (N - K)
    assert out.iloc[0].se == pytest.approx(np.sqrt(V[1, 1]), rel=1e-10)


def test_adjustment(rand):
    holm = compare(rand, measure="sentiment_mean")
    assert np.allclose(holm.p_adj, multipletests(holm.p_val, method="holm")[1])
    bh = compare(rand, measure="sentiment_mean", adjust="bh")
    assert np.allclose(bh.p_adj, multipletests(bh.p_val, method="fdr_bh")[1])
    p = np.sort(holm.p_val.to_numpy())
    hand = np.maximum.accumulate(np.minimum(1, p * np.array([3, 2, 1])))
    assert np.allclose(np.sort(holm.p_adj.to_numpy()), hand)
    none = compare(rand, measure="sentiment_mean", adjust="none")
    assert np.allclose(none.p_adj, none.p_val)


def _canonical(out):
    """Rows keyed by the unordered pair, estimates oriented alphabetically."""
    flip = out.group.astype(str) < out.group_ref.astype(str)
    key = [tuple(sorted((str(a), str(b)))) for a, b in zip(out.group, out.group_ref)]
    sign = np.where(flip, -1.0, 1.0)
    return pd.DataFrame({"key": key, "estimate": out.estimate * sign, "se": out.se,
                         "p_val": out.p_val, "p_adj": out.p_adj, "n": out.n}
                        ).sort_values("key").reset_index(drop=True)


@pytest.mark.parametrize("name", ["attribution_ratio", "direct_share", "hedge_rate_authorial",
                                  "sentiment_mean"])
def test_invariance(rand, name):
    base = compare(rand, measure=name, event="event_id")
    rng = np.random.default_rng(0)
    sh = lambda df: df.iloc[rng.permutation(len(df))].reset_index(drop=True)  # noqa: E731
    shuffled = Tagged(articles=sh(rand.articles), paragraphs=sh(rand.paragraphs),
                      attributions=sh(rand.attributions), actors=sh(rand.actors))
    out = compare(shuffled, measure=name, event="event_id")
    pd.testing.assert_frame_equal(_canonical(base), _canonical(out), rtol=1e-6)
    for cats in (["A", "B", "C"], ["C", "B", "A"]):
        arts = rand.articles.assign(outlet=pd.Categorical(rand.articles.outlet, categories=cats))
        t = Tagged(articles=arts, paragraphs=rand.paragraphs, attributions=rand.attributions,
                   actors=rand.actors)
        out = compare(t, measure=name, event="event_id")
        assert str(out.group_ref.iloc[0]) == cats[0]
        pd.testing.assert_frame_equal(_canonical(base), _canonical(out), rtol=1e-6)


def test_ref_puts_reference_first(rand):
    out = compare(rand, measure="sentiment_mean", ref="C")
    assert list(zip(out.group, out.group_ref)) == [("A", "C"), ("B", "C"), ("B", "A")]
    base = compare(rand, measure="sentiment_mean").set_index(["group", "group_ref"])
    assert out.iloc[0].estimate == pytest.approx(-base.loc[("C", "A"), "estimate"])


def test_source_types_chi_square(rand):
    a = _attrs(rand)
    table = pd.crosstab(a.source_type, a.outlet)
    chi2, p, dof, _ = stats.chi2_contingency(table.to_numpy(), correction=False)
    out = compare_source_types(rand).iloc[0]
    assert out.statistic == pytest.approx(chi2) and out.p_val == pytest.approx(p)
    assert out.df == dof and out.n == len(a)
    assert out.cramers_v == pytest.approx(np.sqrt(chi2 / (len(a) * (min(table.shape) - 1))))
    r1 = compare_source_types(rand, n_perm=99, seed=3).iloc[0]
    # the reference: shuffle the outlets of whole articles with the same generator, rebuild
    # the table with pandas, count statistics at least as large (Phipson & Smyth)
    rng = np.random.default_rng(3)
    outlet_of = a.groupby("doc_id")["outlet"].first()
    hits = 0
    for _ in range(99):
        shuffled = pd.Series(rng.permutation(outlet_of.to_numpy()), index=outlet_of.index)
        t = pd.crosstab(a.source_type, a.doc_id.map(shuffled)).to_numpy()
        hits += stats.chi2_contingency(t, correction=False)[0] >= chi2 - 1e-12
    assert r1.p_perm == (1 + hits) / 100


def test_source_types_hand_example():
    t = small_tagged()
    # body attributions: A: government 2, military 1; B: organization, expert, media, citizen
    out = compare_source_types(t).iloc[0]
    O = np.array([[0, 1], [1, 0], [2, 0], [0, 1], [1, 0], [0, 1]], dtype=float)  # cit,exp,gov,med,mil,org
    E = np.outer(O.sum(1), O.sum(0)) / O.sum()
    chi2 = ((O - E) ** 2 / E).sum()
    assert out.statistic == pytest.approx(chi2) and chi2 == pytest.approx(7.0)
    assert out.cramers_v == pytest.approx(1.0)


def test_errors(rand):
    with pytest.raises(FramingError, match="measure='hedges'"):
        compare(rand, measure="hedges")
    with pytest.raises(FramingError, match="adjust='sidak'"):
        compare(rand, adjust="sidak")
    with pytest.raises(FramingError, match="ref='Z'"):
        compare(rand, ref="Z")
    with pytest.raises(FramingError, match="use one of: .*event_id"):
        compare(rand, by="paper")
    with pytest.raises(FramingError, match="country_"):
        compare(rand, measure="country_ZZ_share")


def test_a_group_without_variation_is_flagged():
    """small_tagged: no attribution of outlet A is a refusal, so A's refusal share is 0 for
    every body attribution (3: the heading's is left out) and the log odds ratio B vs A is
    infinite: compare warns, naming A."""
    t = small_tagged()
    with pytest.warns(UserWarning, match=r"group 'A' of 'outlet' has refusal_share 0 for "
                                         r"every unit \(3 units\).*infinite"):
        compare(t, measure="refusal_share")
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compare(t, measure="direct_share")  # both outlets vary: no warning


def test_permutation_needs_one_group_per_article(rand):
    # a paragraph-level column puts one article in several groups: no article shuffle exists
    compare_source_types(rand, by="hedge_authorial")  # the asymptotic test still runs
    with pytest.raises(FramingError, match="article 'd000' has attributions in more than one "
                                           "group of 'hedge_authorial'"):
        compare_source_types(rand, by="hedge_authorial", n_perm=9)
