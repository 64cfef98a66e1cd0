"""framing.reliability (framing.agreement): Krippendorff's (2011) published worked example, NLTK's AnnotationTask and
statsmodels' kappas on random data, hand-computed precision/recall/F1."""
from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest
from nltk.metrics import agreement as nltk_agreement
from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa, fleiss_kappa

import framing.reliability as fa
from framing.reliability import agreement, krippendorff_alpha, machine_vs_human
from framing.errors import FramingError

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
# twelve units, nominal values, missing data ('.'); published alpha_nominal = 0.743.
KRIPPENDORFF_2011 = {"A": "1 2 3 3 2 1 4 1 2 . . .", "B": "1 2 3 3 2 2 4 1 2 5 . 3",
                     "C": ". 3 3 3 2 3 4 2 2 5 1 .", "D": "1 2 3 3 2 4 4 1 2 5 1 ."}


def _published():
    return pd.DataFrame([(c, u, v) for c, s in KRIPPENDORFF_2011.items()
                         for u, v in enumerate(s.split(), start=1) if v != "."],
                        columns=["coder", "item", "label"])


def _random_codes(rng, n_coders, n_items, n_cats, p_missing=0.0):
    truth = rng.integers(n_cats, size=n_items)
    rows = []
    for c in range(n_coders):
        for i in range(n_items):
            if rng.random() < p_missing:
                continue
            lab = truth[i] if rng.random() < 0.6 else rng.integers(n_cats)
            rows.append((f"c{c}", f"i{i}", f"L{lab}"))
    return pd.DataFrame(rows, columns=["coder", "item", "label"])


def _nltk(codes):
    return nltk_agreement.AnnotationTask([tuple(r) for r in codes.itertuples(index=False)])


def test_published_worked_example():
    out = agreement(_published(), n_boot=0).iloc[0]
    assert round(out.alpha, 3) == 0.743
    # the paper's coincidence totals: n = 40 pairable values, unit 12 (one value) dropped
    assert out.n_labels == 40 and out.n_items == 11 and out.n_coders == 4
    # by hand: n_c = 9, 13, 10, 5, 3 -> sum_{c!=k} n_c n_k = 40**2 - 384 = 1216; disagreeing
    # coincidences: unit 2 (2,3,2,2) 6/3, unit 6 (1,2,3,4) 12/3, unit 8 (1,2,1,1) 6/3 -> 8
    assert out.alpha == pytest.approx(1 - 39 * 8 / 1216, abs=1e-12)


def test_module_doctests():
    assert doctest.testmod(fa).failed == 0


@pytest.mark.parametrize("seed", range(8))
def test_alpha_matches_nltk_with_missing_data(seed):
    rng = np.random.default_rng(seed)
    codes = _random_codes(rng, n_coders=int(rng.integers(2, 6)), n_items=40,
                          n_cats=int(rng.integers(2, 6)), p_missing=0.25)
    assert agreement(codes, n_boot=0).alpha.iloc[0] == pytest.approx(_nltk(codes).alpha(),
                                                                      abs=1e-9)
    assert krippendorff_alpha(codes) == pytest.approx(_nltk(codes).alpha(), abs=1e-9)


@pytest.mark.parametrize("seed", range(6))
def test_kappas_match_nltk_and_statsmodels(seed):
    rng = np.random.default_rng(100 + seed)
    two = _random_codes(rng, n_coders=2, n_items=50, n_cats=3)
    out = agreement(two, n_boot=0).iloc[0]
    assert out.kappa_method == "cohen"
    assert out.kappa == pytest.approx(_nltk(two).kappa(), abs=1e-9)
    wide = two.pivot(index="item", columns="coder", values="label")
    table = pd.crosstab(wide["c0"], wide["c1"])
    cats = sorted(set(table.index) | set(table.columns))
    table = table.reindex(index=cats, columns=cats, fill_value=0)
    assert out.kappa == pytest.approx(cohens_kappa(table.to_numpy()).kappa, abs=1e-9)
    assert out.percent_agreement == pytest.approx(_nltk(two).avg_Ao(), abs=1e-9)

    many = _random_codes(rng, n_coders=4, n_items=50, n_cats=4)
    out = agreement(many, n_boot=0).iloc[0]
    assert out.kappa_method == "fleiss"
    wide = many.pivot(index="item", columns="coder", values="label")
    counts, _ = aggregate_raters(wide.to_numpy())
    assert out.kappa == pytest.approx(fleiss_kappa(counts, method="fleiss"), abs=1e-9)
    assert out.kappa == pytest.approx(_nltk(many).pi(), abs=1e-9)  # multi-pi = Fleiss' kappa
    assert out.kappa_pairwise_mean == pytest.approx(_nltk(many).kappa(), abs=1e-9)
    assert out.percent_agreement == pytest.approx(_nltk(many).avg_Ao(), abs=1e-9)


def test_bootstrap_interval():
    codes = _published()
    a = agreement(codes, n_boot=500, seed=1).iloc[0]
    b = agreement(codes, n_boot=500, seed=1).iloc[0]
    assert a.alpha_ci_low == b.alpha_ci_low and a.alpha_ci_high == b.alpha_ci_high
    assert a.alpha_ci_low < a.alpha < a.alpha_ci_high <= 1
    # the vectorised item bootstrap equals recomputing alpha on resampled items
    rng = np.random.default_rng(1)
    items = sorted(codes.groupby("item").filter(lambda g: len(g) >= 2)["item"].astype(str)
                   .unique())
    idx = rng.integers(0, len(items), size=(500, len(items)))
    s = codes.assign(item=codes["item"].astype(str))
    boot = []
    for row in idx[:20]:
        parts = [s[s.item == items[k]].assign(item=f"{n}") for n, k in enumerate(row)]
        boot.append(krippendorff_alpha(pd.concat(parts)))
    w = np.bincount((idx[:20] + len(items) * np.arange(20)[:, None]).ravel(),
                    minlength=20 * len(items)).reshape(20, len(items))
    assert w.sum(1).tolist() == [len(items)] * 20
    N, _, cats = fa._counts(fa._long(codes, "coder", "item", "label"))
    vec = fa._alpha_from_coincidence(w @ fa._item_coincidences(N), len(cats))
    assert np.allclose(vec, boot, atol=1e-12)


def test_invariance_to_row_order_and_names():
    codes = _published()
    shuffled = codes.sample(frac=1, random_state=0).rename(
        columns={"coder": "who", "item": "unit", "label": "code"})
    a = agreement(codes, n_boot=200)
    b = agreement(shuffled, coder="who", item="unit", label="code", n_boot=200)
    pd.testing.assert_frame_equal(a, b)


def test_machine_vs_human_hand_example():
    human = pd.DataFrame({"coder": ["h1", "h2", "h3"] * 5,
                          "item": [i for i in range(5) for _ in range(3)],
                          "label": ["x", "x", "y",  "x", "x", "x",  "y", "y", "x",
                                    "y", "z", "z",  "x", "y", "z"]})  # item 4 is a tie
    machine = pd.DataFrame({"item": [0, 1, 2, 3, 4], "label": ["x", "y", "y", "z", "x"]})
    out = machine_vs_human(machine, human).set_index("category")
    # reference: 0 x, 1 x, 2 y, 3 z (4 tied); machine: x, y, y, z
    assert out.loc["x", "precision"] == 1.0 and out.loc["x", "recall"] == 0.5
    assert out.loc["x", "f1"] == pytest.approx(2 / 3)
    assert out.loc["y", "precision"] == 0.5 and out.loc["y", "recall"] == 1.0
    assert out.loc["z", "f1"] == 1.0
    assert out.loc["micro", "f1"] == pytest.approx(3 / 4)
    assert out.loc["macro", "f1"] == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert (out.n_items == 4).all() and (out.n_ties == 1).all()


def test_errors():
    with pytest.raises(FramingError, match="lacks columns"):
        agreement(pd.DataFrame({"rater": [1], "item": [1], "label": [1]}))
    dup = pd.DataFrame({"coder": ["a", "a"], "item": [1, 1], "label": ["x", "y"]})
    with pytest.raises(FramingError, match="more than once"):
        agreement(dup)


# --- framing.coding.sample_for_coding: the sheet whose filled copies feed agreement() -------

def test_sample_for_coding_sheet(tmp_path):
    from helpers_stats import random_tagged

    from framing.coding import sample_for_coding
    from framing.tagged import Tagged

    t = random_tagged(60, seed=3)
    path = tmp_path / "sheet.csv"
    sheet = sample_for_coding(t, n=31, seed=2, path=path)
    assert sheet.outlet.value_counts().sort_index().tolist() == [11, 10, 10]  # equal allocation
    assert sheet.item.is_unique and (sheet.role == "body").all()
    assert not any(c.startswith("machine_") for c in sheet.columns)
    back = pd.read_csv(path, keep_default_na=False)
    assert back.item.tolist() == sheet.item.tolist()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.csv"]  # no temp file left
    with pytest.raises(FramingError, match="exists already"):
        sample_for_coding(t, n=31, seed=2, path=path)
    shown = sample_for_coding(t, n=31, seed=2, path=path, overwrite=True,
                              show_machine_codes=True)
    assert shown.item.tolist() == sheet.item.tolist()
    assert "machine_attributions" in shown.columns
    # row order does not change the draw
    rev = Tagged(articles=t.articles.iloc[::-1], paragraphs=t.paragraphs.iloc[::-1],
                 attributions=t.attributions, actors=t.actors)
    assert sample_for_coding(rev, n=31, seed=2).item.tolist() == sheet.item.tolist()
    # a filled sheet from two coders goes straight into agreement()
    filled = pd.concat([sheet.assign(coder=c, label=(sheet.para_idx % 2).astype(str))
                        for c in ("h1", "h2")])
    assert agreement(filled, n_boot=0).alpha.iloc[0] == 1.0


def test_macro_counts_a_category_the_machine_never_predicts():
    """Humans a,a,c,c,b,b; machine a,a,a,a,b,b. c: TP 0, FP 0, FN 2 → precision undefined,
    recall 0, F1 0; it must pull the macro averages down, not drop out of them."""
    human = pd.DataFrame({"item": range(6), "label": list("aaccbb")})
    machine = pd.DataFrame({"item": range(6), "label": list("aaaabb")})
    out = machine_vs_human(machine, human).set_index("category")
    assert np.isnan(out.loc["c", "precision"]) and out.loc["c", "recall"] == 0.0
    assert out.loc["c", "f1"] == 0.0 and out.loc["a", "f1"] == pytest.approx(2 / 3)
    assert out.loc["macro", "precision"] == pytest.approx((0.5 + 1 + 0) / 3)
    assert out.loc["macro", "recall"] == pytest.approx((1 + 1 + 0) / 3)
    assert out.loc["macro", "f1"] == pytest.approx((2 / 3 + 1 + 0) / 3)
    assert out.loc["micro", "f1"] == pytest.approx(4 / 6)
