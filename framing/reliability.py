"""Agreement between coders (and between the machine and coders) on nominal labels.

Stage: validation. Input is a long table, one row per (coder, item) with the label given; a
missing label (NaN/None) or a missing row means the coder did not code the item.

Krippendorff's alpha (nominal), from the coincidence matrix (Krippendorff 2011, "Computing
Krippendorff's Alpha-Reliability", https://repository.upenn.edu/asc_papers/43; Krippendorff
2004, *Content Analysis*, 2nd ed., ch. 11). With :math:`n_{uc}` the number of coders who gave
label *c* to item *u* and :math:`m_u = \\sum_c n_{uc}` (items with :math:`m_u < 2` are not
pairable and are dropped):

.. math::
    o_{ck} = \\sum_u \\frac{n_{uc} (n_{uk} - [c = k])}{m_u - 1}, \\quad
    n_c = \\sum_k o_{ck}, \\quad n = \\sum_c n_c, \\quad
    \\alpha = 1 - (n - 1) \\frac{\\sum_{c \\ne k} o_{ck}}{\\sum_{c \\ne k} n_c n_k}.

Kappa: Cohen's (1960, doi:10.1177/001316446002000104) for two coders, over the items both
coded: :math:`\\kappa = (p_o - p_e) / (1 - p_e)` with :math:`p_e = \\sum_c p_{1c} p_{2c}` from each
coder's own marginals. Fleiss' (1971, doi:10.1037/h0031619) for three or more, over the items
every coder coded: :math:`p_o` = mean over items of :math:`\\sum_c n_{uc}(n_{uc}-1) / (m(m-1))`,
:math:`p_e = \\sum_c p_c^2` with pooled marginals. The mean of the pairwise Cohen's kappas (Light
1971, doi:10.1037/h0031643) is reported too; it is what ``nltk``'s ``AnnotationTask.kappa()``
computes.
"""
from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd

from .errors import input_error
from .measures import resample_counts


def _long(codes: pd.DataFrame, coder: str, item: str, label: str) -> pd.DataFrame:
    if not isinstance(codes, pd.DataFrame):
        raise input_error(f"codes must be a DataFrame (long table: {coder}, {item}, {label}), "
                          f"got {type(codes).__name__}")
    missing = [c for c in (coder, item, label) if c not in codes.columns]
    if missing:
        raise input_error(f"codes lacks columns {missing}",
                          fix=f"columns present: {', '.join(map(str, codes.columns))}; pass "
                              f"coder=, item=, label= to name yours")
    d = codes[[coder, item, label]].rename(columns={coder: "coder", item: "item",
                                                    label: "label"})
    d = d[d["label"].notna()]
    dup = d.duplicated(["coder", "item"], keep=False)
    if dup.any():
        first = d[dup].iloc[0]
        raise input_error(f"coder {first['coder']!r} labelled item {first['item']!r} more "
                          f"than once", fix="keep one label per coder and item")
    return d.reset_index(drop=True)


def _counts(d: pd.DataFrame) -> tuple[np.ndarray, list, list]:
    """Items × categories matrix of n_uc (pairable items only)."""
    items, item_code = np.unique(d["item"].astype(str), return_inverse=True)
    cats, cat_code = np.unique(d["label"].astype(str), return_inverse=True)
    N = np.zeros((len(items), len(cats)))
    np.add.at(N, (item_code, cat_code), 1.0)
    keep = N.sum(1) >= 2
    return N[keep], list(items[keep]), list(cats)


def _item_coincidences(N: np.ndarray) -> np.ndarray:
    """Per-item contributions to the coincidence matrix, items × (C·C)."""
    m = N.sum(1)
    O = N[:, :, None] * N[:, None, :]
    idx = np.arange(N.shape[1])
    O[:, idx, idx] -= N
    O /= (m - 1)[:, None, None]
    return O.reshape(len(N), -1)


def _alpha_from_coincidence(o: np.ndarray, C: int) -> np.ndarray:
    """Alpha for each row of o (rows are flattened C × C coincidence matrices)."""
    o = o.reshape(-1, C, C)
    nc = o.sum(2)
    n = nc.sum(1)
    off = ~np.eye(C, dtype=bool)
    do = o[:, off].sum(1)
    de = (nc[:, :, None] * nc[:, None, :])[:, off].sum(1)
    with np.errstate(all="ignore"):
        a = 1.0 - (n - 1) * do / de
    # a single category in the data: no disagreement possible, alpha undefined
    return np.where(de > 0, a, np.nan)


def krippendorff_alpha(codes: pd.DataFrame, *, coder: str = "coder", item: str = "item",
                       label: str = "label") -> float:
    """Krippendorff's alpha for nominal labels (formula in the module docstring).

    >>> d = pd.DataFrame({"coder": list("AABB"), "item": [1, 2, 1, 2], "label": list("xyxy")})
    >>> krippendorff_alpha(d)
    1.0
    """
    N, _, cats = _counts(_long(codes, coder, item, label))
    if len(N) == 0:
        return float("nan")
    return float(_alpha_from_coincidence(_item_coincidences(N).sum(0), len(cats))[0])


def _cohen(a: pd.Series, b: pd.Series) -> float:
    """Cohen's kappa of two coders' labels (statsmodels), 1.0 when both used one category."""
    from statsmodels.stats.inter_rater import cohens_kappa

    cats = sorted(set(a) | set(b))
    if len(cats) == 1:
        return 1.0  # both coders chose the one category every time: kappa's 0/0
    table = pd.crosstab(a.to_numpy(), b.to_numpy()).reindex(index=cats, columns=cats,
                                                               fill_value=0)
    return float(cohens_kappa(table.to_numpy()).kappa)


def _fleiss(N: np.ndarray) -> float:
    """Fleiss' kappa of an items x categories count table (statsmodels), 1.0 when every
    rating fell in one category."""
    from statsmodels.stats.inter_rater import fleiss_kappa

    if np.count_nonzero(N.sum(0)) == 1:
        return 1.0
    return float(fleiss_kappa(N, method="fleiss"))


def agreement(codes: pd.DataFrame, *, coder: str = "coder", item: str = "item",
              label: str = "label", n_boot: int = 1000, seed: int = 0,
              ci: float = 0.95) -> pd.DataFrame:
    """Inter-coder agreement on nominal labels: Krippendorff's alpha with a bootstrap interval,
    kappa and percent agreement.

    Parameters
    ----------
    codes : pandas.DataFrame
        Long table, one row per coder and item (e.g. the coders' sheets of
        :func:`framing.coding.sample_for_coding` stacked). Rows with a missing label are
        ignored (the coder did not code the item).
    coder, item, label : str
        Column names.
    n_boot : int, default 1000
        Bootstrap resamples of items for the alpha interval (0: no interval).
    seed : int, default 0
        Seed of the ``numpy.random.Generator`` used by the bootstrap.
    ci : float, default 0.95
        Coverage of the percentile interval.

    Returns
    -------
    pandas.DataFrame
        One row with columns

        - ``alpha`` : Krippendorff's alpha, nominal (module docstring), all pairable items.
        - ``alpha_ci_low``, ``alpha_ci_high`` : percentile interval over ``n_boot`` resamples
          of pairable items with replacement (each resample recomputes the coincidence matrix
          from the drawn items). This item bootstrap differs from Hayes & Krippendorff's (2007,
          doi:10.1080/19312450709336664) resampling of pairable values.
        - ``kappa`` : Cohen's kappa (2 coders, items both coded) or Fleiss' kappa (≥ 3 coders,
          items every coder coded); ``kappa_method`` says which ("cohen" / "fleiss").
        - ``kappa_pairwise_mean`` : mean of the Cohen's kappas of all coder pairs, each over
          the items both coders coded (Light 1971).
        - ``percent_agreement`` : agreeing pairs of labels / all pairs of labels within items,
          :math:`\\sum_u \\sum_c n_{uc}(n_{uc}-1) / \\sum_u m_u(m_u-1)` (a share in [0, 1]).
        - ``n_items`` (pairable items), ``n_coders``, ``n_labels`` (pairable values),
          ``n_categories``, ``n_boot``, ``seed``, ``ci_level``.

    Examples
    --------
    Krippendorff (2011), nominal data with missing values, alpha = 0.743:

    >>> rows = {"A": "1 2 3 3 2 1 4 1 2 . . .", "B": "1 2 3 3 2 2 4 1 2 5 . 3",
    ...         "C": ". 3 3 3 2 3 4 2 2 5 1 .", "D": "1 2 3 3 2 4 4 1 2 5 1 ."}
    >>> codes = pd.DataFrame([(c, u, v) for c, s in rows.items()
    ...                       for u, v in enumerate(s.split()) if v != "."],
    ...                      columns=["coder", "item", "label"])
    >>> round(float(agreement(codes, n_boot=0)["alpha"].iloc[0]), 3)
    0.743
    """
    if not isinstance(n_boot, (int, np.integer)) or n_boot < 0:
        raise input_error(f"n_boot={n_boot!r} must be a non-negative integer")
    if not 0 < ci < 1:
        raise input_error(f"ci={ci!r} must lie strictly between 0 and 1", fix="e.g. ci=0.95")
    d = _long(codes, coder, item, label)
    coders = sorted(d["coder"].astype(str).unique())
    N, items, cats = _counts(d)
    per_item = _item_coincidences(N) if len(N) else np.zeros((0, len(cats) ** 2))
    alpha = (float(_alpha_from_coincidence(per_item.sum(0), len(cats))[0]) if len(N)
             else float("nan"))
    lo = hi = float("nan")
    if n_boot > 0 and len(N) >= 2:
        rng = np.random.default_rng(seed)
        w = resample_counts(rng, len(N), n_boot)  # items are the units
        boot = _alpha_from_coincidence(w @ per_item, len(cats))
        boot = boot[np.isfinite(boot)]
        if len(boot):
            lo, hi = (float(x) for x in np.quantile(boot, [(1 - ci) / 2, 1 - (1 - ci) / 2]))

    wide = d.assign(coder=d["coder"].astype(str), item=d["item"].astype(str)).pivot(
        index="item", columns="coder", values="label")
    pair_kappas = []
    for a, b in combinations(coders, 2):
        both = wide[[a, b]].dropna()
        if len(both):
            pair_kappas.append(_cohen(both[a].astype(str), both[b].astype(str)))
    if len(coders) == 2:
        kappa, method = (pair_kappas[0] if pair_kappas else float("nan")), "cohen"
    elif len(coders) >= 3:
        complete = wide.dropna()
        if len(complete):
            Nf = np.zeros((len(complete), len(cats)))
            cat_index = {c: k for k, c in enumerate(cats)}
            for k, c in enumerate(complete.columns):
                codes_k = complete[c].astype(str).map(cat_index).to_numpy()
                Nf[np.arange(len(complete)), codes_k] += 1
            kappa = _fleiss(Nf)
        else:
            kappa = float("nan")
        method = "fleiss"
    else:
        kappa, method = float("nan"), ""
    pairs_all = float((N.sum(1) * (N.sum(1) - 1)).sum())
    agree = float((N * (N - 1)).sum() / pairs_all) if pairs_all else float("nan")
    return pd.DataFrame([dict(
        alpha=alpha, alpha_ci_low=lo, alpha_ci_high=hi, kappa=kappa, kappa_method=method,
        kappa_pairwise_mean=float(np.mean(pair_kappas)) if pair_kappas else float("nan"),
        percent_agreement=agree, n_items=len(items), n_coders=len(coders),
        n_labels=int(N.sum()), n_categories=len(cats), n_boot=int(n_boot), seed=seed,
        ci_level=ci)])


def machine_vs_human(machine: pd.DataFrame, human: pd.DataFrame, *, item: str = "item",
                     label: str = "label", coder: str = "coder") -> pd.DataFrame:
    """Per-category precision, recall and F1 of machine labels against human labels.

    The human reference for an item is the majority label of its coders (``coder`` column, if
    present; one row per item otherwise); items whose top labels tie are left out and counted
    in ``n_ties``. Items missing from either table are left out. For each category *c*:
    precision = TP / (TP + FP), recall = TP / (TP + FN) (NaN where a denominator is 0),
    F1 = 2TP / (2TP + FP + FN) (= 2PR / (P + R); 0 for a category the machine never gets
    right), with TP = items both label *c*, FP = machine says *c* and humans do not, FN = the
    converse. The macro averages count an undefined precision or recall as 0 (a category the
    humans use and the machine never predicts is a failure, not a category to skip; scikit-learn's
    ``zero_division=0``).

    Returns
    -------
    pandas.DataFrame
        One row per category (sorted), then ``macro`` (unweighted mean over categories of
        precision, recall, F1) and ``micro`` (pooled TP/FP/FN; equals accuracy when every item
        has exactly one label), with columns ``category``, ``precision``, ``recall``, ``f1``,
        ``support`` (items humans gave *c*), ``n_predicted`` (items the machine gave *c*),
        ``tp``, ``fp``, ``fn``, ``n_items``, ``n_ties``.
    """
    for name, table, cols in (("machine", machine, [item, label]),
                              ("human", human, [item, label])):
        if not isinstance(table, pd.DataFrame):
            raise input_error(f"{name} must be a DataFrame, got {type(table).__name__}")
        missing = [c for c in cols if c not in table.columns]
        if missing:
            raise input_error(f"the {name} table lacks columns {missing}",
                              fix=f"columns present: {', '.join(map(str, table.columns))}")
    m = machine[[item, label]].dropna()
    if m[item].duplicated().any():
        raise input_error("the machine table has more than one label for an item "
                          f"({m[item][m[item].duplicated()].iloc[0]!r})")
    h = human[[item, label]].dropna()
    counts = h.groupby([item, label]).size().rename("k").reset_index()
    top = counts.groupby(item)["k"].transform("max")
    best = counts[counts["k"] == top]
    n_top = best.groupby(item)[label].transform("size")
    ties = best[n_top > 1][item].nunique()
    ref = best[n_top == 1][[item, label]]
    j = m.merge(ref, on=item, suffixes=("_m", "_h"))
    pm, ph = j[f"{label}_m"].astype(str), j[f"{label}_h"].astype(str)
    cats = sorted(set(pm) | set(ph))
    rows = []
    for c in cats:
        tp = int(((pm == c) & (ph == c)).sum())
        fp = int(((pm == c) & (ph != c)).sum())
        fn = int(((pm != c) & (ph == c)).sum())
        rows.append(dict(category=c, **_prf(tp, fp, fn), support=tp + fn, n_predicted=tp + fp,
                         tp=tp, fp=fp, fn=fn))
    out = pd.DataFrame(rows, columns=["category", "precision", "recall", "f1", "support",
                                      "n_predicted", "tp", "fp", "fn"])
    if len(out):
        macro = dict(category="macro", precision=out.precision.fillna(0.0).mean(),
                     recall=out.recall.fillna(0.0).mean(), f1=out.f1.fillna(0.0).mean(),
                     support=int(out.support.sum()),
                     n_predicted=int(out.n_predicted.sum()), tp=int(out.tp.sum()),
                     fp=int(out.fp.sum()), fn=int(out.fn.sum()))
        micro = dict(macro, category="micro", **_prf(macro["tp"], macro["fp"], macro["fn"]))
        out = pd.concat([out, pd.DataFrame([macro, micro])], ignore_index=True)
    out["n_items"] = len(j)
    out["n_ties"] = int(ties)
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else float("nan")
    return dict(precision=p, recall=r, f1=f)
