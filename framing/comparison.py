"""Statistical comparisons of outlets (or any grouping) on one measure, article-clustered.

Stage: measure → **compare**. Every function returns a tidy statistics table, one row per
contrast, with the columns of STYLE.md point 4: ``measure, group, group_ref, estimate, se,
ci_low, ci_high, statistic, p_val, p_adj, n, method`` (plus ``n_clusters``, ``cluster``,
``scale``, ``event``, ``adjust``). The article (``doc_id``) is the cluster: paragraphs and
attributions of one article are not independent, so standard errors are cluster-robust.

Models (one per kind of measure, the same measure names as :func:`framing.measures.measure`):

- **Paragraph share** (``attribution_ratio``): binomial GLM, logit link, one row per selected
  paragraph, :math:`y = 1` if the paragraph holds ≥ 1 attribution.
- **Attribution shares** (``direct_share``, ``anonymous_share``, ``refusal_share``,
  ``source_type_<t>_share``, ``identification_<i>_share``, ``cue_class_<c>_share``,
  ``country_<CC>_share``): binomial GLM, one row per attribution, :math:`y` the indicator.
- **Rates** (``<label>_rate_authorial``, ``<label>_rate_quoted``, ``<label>_rate``): Poisson GLM,
  log link, one row per article (× group), :math:`y` = marker count, offset :math:`\\log` words
  (authorial, quoted or all words); articles without such words are dropped. Cluster-robust
  (sandwich) errors make the Poisson model valid under overdispersion (quasi-Poisson
  inference; Cameron & Trivedi 2013, *Regression Analysis of Count Data*, 2nd ed., §2.7).
- **Means** (``sentiment_mean``, ``sentiment_authorial_mean``, ``sentiment_quoted_mean``,
  ``tone_mean``): OLS, one row per paragraph with a score (per actor mention for tone).

Linear predictor :math:`\\eta = \\beta_0 + \\sum_{g \\ne g_0} \\beta_g [group = g]
(+ \\sum_{e \\ne e_0} \\gamma_e [event = e])`. The contrast of groups *g* and *h* is
:math:`\\beta_g - \\beta_h` (:math:`\\beta_{g_0} = 0`): a log odds ratio, a log rate ratio, or a
difference of means. Its standard error comes from the cluster-robust covariance of statsmodels
(``cov_type="cluster"``, groups = article, with statsmodels' default small-sample correction
:math:`\\frac{G}{G-1}\\frac{N-1}{N-K}`), via ``results.t_test``; the interval is the normal Wald
interval (statsmodels' default for cluster-robust fits, ``use_t=False``). Event fixed effects compare
outlets within events (same-event designs such as BASIL or ABP triplets); events in which the
outcome never varies (all 0 or all 1 for shares, all zero counts for rates) carry no information
about the contrasts and would have an infinite fixed effect, so they are dropped.

All pairwise contrasts are reported and adjusted together with
``statsmodels.stats.multitest.multipletests`` (Holm 1979, Scand. J. Statist. 6, 65-70;
Benjamini & Hochberg 1995, doi:10.1111/j.2517-6161.1995.tb02031.x).

References
----------
Cameron, A. C. & Miller, D. L. (2015). A practitioner's guide to cluster-robust inference.
*J. Human Resources* 50(2), 317-372. doi:10.3368/jhr.50.2.317
"""
from __future__ import annotations

import warnings
from collections.abc import Sequence
from itertools import combinations

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests

from .errors import input_error, invalid_choice
from .measures import SENTIMENTS, _attr_indicators, _select
from .tagged import STANCE_LABELS, Tagged

ADJUST = {"holm": "holm", "bh": "fdr_bh", "fdr_bh": "fdr_bh", "bonferroni": "bonferroni",
          "none": None}
COLUMNS = ["measure", "group", "group_ref", "estimate", "se", "ci_low", "ci_high", "statistic",
           "p_val", "p_adj", "n", "n_clusters", "method", "scale", "cluster", "event", "adjust"]


def _levels(values: pd.Series, ref: object | None) -> list:
    """Group levels in a stable order: category order for categoricals, else sorted; `ref`
    first when given."""
    present = pd.unique(values.dropna())
    if isinstance(values.dtype, pd.CategoricalDtype):
        levels = [c for c in values.cat.categories if c in set(present)]
    else:
        levels = sorted(present, key=lambda v: (str(type(v)), v))
    if ref is not None:
        if ref not in levels:
            raise invalid_choice("ref", ref, levels)
        levels.remove(ref)
        levels.insert(0, ref)
    return levels


def _measure_kind(name: str) -> str:
    if name == "attribution_ratio":
        return "paragraph_share"
    if name in {f"{s}_mean" for s in SENTIMENTS} or name == "tone_mean":
        return "mean"
    for label in STANCE_LABELS:
        if name in (f"{label}_rate", f"{label}_rate_authorial", f"{label}_rate_quoted"):
            return "rate"
    if name.endswith("_share"):
        return "attribution_share"
    raise _unknown_measure(name)


def _unknown_measure(name: str, extra: Sequence[str] = ()) -> Exception:
    valid = (["attribution_ratio", "direct_share", "anonymous_share", "refusal_share",
              "source_type_<type>_share", "identification_<value>_share",
              "cue_class_<class>_share", "country_<CC>_share"]
             + [f"{lab}_rate_authorial" for lab in STANCE_LABELS]
             + [f"{lab}_rate_quoted" for lab in STANCE_LABELS]
             + [f"{lab}_rate" for lab in STANCE_LABELS]
             + [f"{s}_mean" for s in SENTIMENTS] + ["tone_mean"] + list(extra))
    return invalid_choice("measure", name, valid)


def _model_data(tagged: Tagged, name: str, by: str, event: str | None,
                roles, exclude_wire_copies) -> tuple[pd.DataFrame, str, str]:
    """Rows of the model: columns y, group, doc_id, (event), (offset). Returns the table, the
    kind of measure and a phrase naming the unit of analysis."""
    kind = _measure_kind(name)
    cols = [by] + ([event] if event else [])
    if event == by:
        raise input_error(f"event={event!r} is also the grouping column by={by!r}",
                          fix="pass the event column, e.g. event='event_id'")
    sel = _select(tagged, cols, roles=roles, exclude_wire_copies=exclude_wire_copies)
    p, a = sel["paragraphs"], sel["attributions"]
    keep = list(dict.fromkeys(cols + ["doc_id"]))
    if kind == "paragraph_share":
        n_attr = a.groupby(["doc_id", "para_idx"]).size().rename("_n").reset_index()
        d = p.merge(n_attr, on=["doc_id", "para_idx"], how="left")
        d = d[keep].assign(y=(d["_n"].fillna(0) > 0).astype(float).to_numpy())
        unit = "paragraph (1 = at least one attribution)"
    elif kind == "attribution_share":
        a2, ind = _attr_indicators(a)
        if name not in ind:
            raise _unknown_measure(name, [n for n in ind if n.startswith("country_")])
        d = a2[keep].assign(y=a2[ind[name]].to_numpy(float))
        unit = "attribution"
    elif kind == "rate":
        label, _, voice = name.partition("_rate")
        voice = voice.lstrip("_")
        counts = ([f"{label}_{voice}"] if voice else [f"{label}_authorial", f"{label}_quoted"])
        words = f"n_words_{voice}" if voice else "n_words"
        missing = [c for c in counts + [words] if c not in p.columns]
        if missing:
            raise input_error(f"tagged.paragraphs lacks {missing}, needed for {name!r}")
        q = p[keep].assign(y=p[counts].apply(pd.to_numeric, errors="coerce").fillna(0)
                           .sum(axis=1).to_numpy(float),
                           _w=pd.to_numeric(p[words], errors="coerce").fillna(0).to_numpy(float))
        d = q.groupby(keep, observed=True, sort=False)[["y", "_w"]].sum().reset_index()
        d = d[d["_w"] > 0]
        d = d.assign(offset=np.log(d.pop("_w").to_numpy()))
        unit = f"article (count of {' + '.join(counts)}, offset log {words})"
    else:  # mean
        if name == "tone_mean":
            src, col = sel["actors"], "tone"
            unit = "actor mention (tone)"
        else:
            src, col = p, name[: -len("_mean")]
            unit = f"paragraph ({col}, non-missing)"
        if col not in src.columns:
            raise input_error(f"column {col!r} is missing, needed for {name!r}")
        y = pd.to_numeric(src[col], errors="coerce").astype(float)
        d = src[keep].assign(y=y.to_numpy())
        d = d[d["y"].notna()]
    return d.reset_index(drop=True), kind, unit


def _design(d: pd.DataFrame, by: str, levels: list, event: str | None) -> tuple[np.ndarray, list]:
    """Intercept, treatment dummies for levels[1:], then event dummies (first event dropped)."""
    g = d[by].to_numpy(dtype=object)
    cols = [np.ones(len(d))] + [(g == lev).astype(float) for lev in levels[1:]]
    names = ["intercept"] + [f"{by}[{lev}]" for lev in levels[1:]]
    if event:
        ev = d[event].astype(str).to_numpy()
        for e in sorted(set(ev))[1:]:
            cols.append((ev == e).astype(float))
            names.append(f"{event}[{e}]")
    return np.column_stack(cols), names


def _adjust(p: np.ndarray, adjust: str) -> np.ndarray:
    method = ADJUST[adjust]
    out = np.full(len(p), np.nan)
    ok = np.isfinite(p)
    if method is None:
        out[ok] = p[ok]
    elif ok.any():
        out[ok] = multipletests(p[ok], method=method)[1]
    return out


def compare(tagged: Tagged, *, measure: str = "attribution_ratio", by: str = "outlet",
            event: str | None = None, ref: object | None = None, adjust: str = "holm",
            roles: Sequence[str] | None = ("body",),
            exclude_wire_copies=False) -> pd.DataFrame:
    """All pairwise contrasts between groups on one measure, article-clustered.

    Parameters
    ----------
    tagged : Tagged
        Output of ``framing.tag``.
    measure : str, default "attribution_ratio"
        A measure of :func:`framing.measures.measure` (see the module docstring for the model
        used for each kind).
    by : str, default "outlet"
        Grouping column (of ``tagged.articles`` or ``tagged.paragraphs``).
    event : str or None
        Column of event identifiers (e.g. ``"event_id"``); adds event fixed effects so that
        groups are compared within events.
    ref : optional
        Reference level: fitted as the model's baseline and listed as ``group_ref`` in each of
        its contrasts. Default: the first category (categoricals) or the smallest value.
    adjust : {"holm", "bh", "fdr_bh", "bonferroni", "none"}, default "holm"
        Multiplicity adjustment over all pairwise contrasts ("bh" = Benjamini-Hochberg).
    roles : sequence of str or None, default ("body",)
        Paragraph roles analysed, as in :func:`framing.measures.measure`.
    exclude_wire_copies : bool or WireCopies, default False
        Keep only the first member of each wire-copy paragraph cluster (`kind == "wire"` in
        `framing.find_wire_copies`; shared quotes and boilerplate stay), as in
        :func:`framing.measures.measure`; a `find_wire_copies` result instead of True uses
        its settings and is not recomputed.

    Returns
    -------
    pandas.DataFrame
        One row per pair of groups (levels in order, ``group`` the later, ``group_ref`` the
        earlier), with columns

        - ``measure`` : the measure compared.
        - ``group``, ``group_ref`` : the two groups.
        - ``estimate`` : :math:`\\beta_{group} - \\beta_{group\\_ref}` on the scale named in
          ``scale`` (log odds ratio, log rate ratio, or mean difference).
        - ``se`` : cluster-robust standard error of the estimate.
        - ``ci_low``, ``ci_high`` : 95 % Wald interval.
        - ``statistic`` : z = estimate / se.
        - ``p_val`` : two-sided p value; ``p_adj`` : adjusted over all rows.
        - ``n`` : observations (rows of the model) in the two groups; ``n_clusters`` : articles
          in the two groups.
        - ``method`` : model, unit, scale, fixed effects, covariance and adjustment in words.
        - ``scale``, ``cluster`` ("doc_id"), ``event`` (column or ""), ``adjust``.
    """
    if not isinstance(by, str):
        raise input_error(f"by={by!r} must be one column name for compare",
                          fix="combine columns first, or use event= for event effects")
    if adjust not in ADJUST:
        raise invalid_choice("adjust", adjust, list(ADJUST))
    d, kind, unit = _model_data(tagged, measure, by, event, roles, exclude_wire_copies)
    levels = _levels(d[by], ref)
    dropped = 0
    if event and kind in ("paragraph_share", "attribution_share", "rate"):
        y = d.groupby(event, observed=True)["y"]
        if kind == "rate":
            informative = y.sum() > 0
        else:
            informative = (y.min() < y.max())
        keep = informative[informative].index
        dropped = int((~informative).sum())
        d = d[d[event].isin(keep)].reset_index(drop=True)
        levels = [lev for lev in levels if (d[by] == lev).any()]
    if len(levels) < 2:
        raise input_error(f"compare needs at least two groups in {by!r} with data for "
                          f"{measure!r}; found {levels}")
    _warn_separation(d, by, levels, kind, measure)
    X, names = _design(d, by, levels, event)
    y = d["y"].to_numpy(float)
    clusters = pd.factorize(d["doc_id"])[0]
    if kind in ("paragraph_share", "attribution_share"):
        model = sm.GLM(y, X, family=sm.families.Binomial())
        family, scale = "binomial GLM (logit link)", "log_odds_ratio"
    elif kind == "rate":
        model = sm.GLM(y, X, family=sm.families.Poisson(), offset=d["offset"].to_numpy(float))
        family, scale = "Poisson GLM (log link, quasi-Poisson via robust SE)", "log_rate_ratio"
    else:
        model = sm.OLS(y, X)
        family, scale = "OLS", "mean_difference"
    res = model.fit(cov_type="cluster", cov_kwds={"groups": clusters})

    rows = []
    g = d[by].to_numpy(dtype=object)
    for i, j in combinations(range(len(levels)), 2):
        L = np.zeros(X.shape[1])
        L[j] += 1.0
        if i > 0:
            L[i] -= 1.0
        t = res.t_test(L)
        lo, hi = np.asarray(t.conf_int(alpha=0.05)).ravel()
        mask = (g == levels[i]) | (g == levels[j])
        rows.append(dict(measure=measure, group=levels[j], group_ref=levels[i],
                         estimate=float(np.ravel(t.effect)[0]), se=float(np.ravel(t.sd)[0]),
                         ci_low=float(lo), ci_high=float(hi),
                         statistic=float(np.ravel(t.tvalue)[0]),
                         p_val=float(np.ravel(t.pvalue)[0]), n=int(mask.sum()),
                         n_clusters=int(d.loc[mask, "doc_id"].nunique())))
    out = pd.DataFrame(rows)
    out["p_adj"] = _adjust(out["p_val"].to_numpy(float), adjust)
    dist = "t" if res.use_t else "normal"
    fe = (f"; event fixed effects ({event}"
          + (f", {dropped} events without variation dropped)" if dropped else ")")
          if event else "")
    out["method"] = (f"{family}, unit: {unit}; estimate: {scale.replace('_', ' ')} "
                     f"(group vs group_ref){fe}; SE cluster-robust by doc_id "
                     f"({res.model.nobs:.0f} obs, {len(np.unique(clusters))} articles), "
                     f"{dist}-based Wald test; p_adj: {adjust} over {len(out)} contrasts")
    out["scale"] = scale
    out["cluster"] = "doc_id"
    out["event"] = event or ""
    out["adjust"] = adjust
    return out[COLUMNS]


def _warn_separation(d: pd.DataFrame, by: str, levels: list, kind: str, measure: str) -> None:
    """A group whose outcome never varies (no attribution is direct, every paragraph has one;
    no hedge in any of its words) has an infinite log odds or log rate ratio: the model then
    returns an arbitrary large estimate with a huge SE and p near 1, which would read as "no
    difference". Its contrasts are kept (the table's shape stays the same for every corpus)
    but a warning names the group, so the rows are not cited as they stand."""
    if kind not in ("paragraph_share", "attribution_share", "rate"):
        return
    y = d.groupby(by, observed=True)["y"]
    lo, hi, total = y.min(), y.max(), y.sum()
    for lev in levels:
        if kind == "rate" and total[lev] == 0:
            why = f"has no {measure} event at all"
        elif kind != "rate" and lo[lev] == hi[lev]:
            why = f"has {measure} {'1' if lo[lev] else '0'} for every unit"
        else:
            continue
        warnings.warn(
            f"group {lev!r} of {by!r} {why} ({int((d[by] == lev).sum())} units): its log "
            f"{'rate' if kind == 'rate' else 'odds'} ratio is infinite, so its contrasts' "
            "estimates, SEs and p values are meaningless; report its measure "
            "(framing.measure) instead", stacklevel=3)


def compare_source_types(tagged: Tagged, *, by: str = "outlet", column: str = "source_type",
                         roles: Sequence[str] | None = ("body",), n_perm: int = 0,
                         seed: int = 0, exclude_wire_copies=False) -> pd.DataFrame:
    """Chi-square test of independence of source type (or another attribution column) × group.

    The contingency table counts attributions in the selected paragraphs by ``column`` (rows)
    and ``by`` (columns); empty rows and columns are dropped. Pearson's
    :math:`X^2 = \\sum (O - E)^2 / E` with :math:`E = r_i c_j / n` (no continuity correction),
    :math:`df = (R - 1)(C - 1)`, p from ``scipy.stats.chi2_contingency(correction=False)``.
    Cramér's :math:`V = \\sqrt{X^2 / (n \\, (\\min(R, C) - 1))}` (Cramér 1946, *Mathematical
    Methods of Statistics*, §21.9).

    The asymptotic p value treats attributions as independent, which they are not within an
    article; ``n_perm > 0`` adds a permutation p value that shuffles the group labels of whole
    *articles* (keeping each article's attributions together):
    :math:`p = (1 + \\#\\{X^2_{perm} \\ge X^2\\}) / (1 + n\\_perm)` (Phipson & Smyth 2010,
    doi:10.2202/1544-6115.1585).

    Returns
    -------
    pandas.DataFrame
        One row: ``measure`` (``column``), ``by``, ``statistic`` (X²), ``df``, ``p_val``,
        ``p_perm`` (NaN unless ``n_perm > 0``), ``n_perm``, ``seed``, ``cramers_v``, ``n``
        (attributions), ``n_clusters`` (articles), ``n_groups``, ``n_categories``, ``method``.
    """
    if not isinstance(by, str):
        raise input_error(f"by={by!r} must be one column name")
    sel = _select(tagged, by, roles=roles, exclude_wire_copies=exclude_wire_copies)
    a = sel["attributions"]
    if column not in a.columns:
        raise input_error(f"column={column!r} is not a column of tagged.attributions",
                          fix=f"use one of: {', '.join(map(str, a.columns))}")
    a = a[a[column].notna() & (a[column].astype(str) != "")]
    levels = _levels(a[by], None)
    if len(levels) < 2:
        raise input_error(f"compare_source_types needs attributions in at least two groups of "
                          f"{by!r}; found {levels}")
    cats = sorted(a[column].astype(str).unique())
    table = pd.crosstab(a[column].astype(str), a[by].astype(object)).reindex(
        index=cats, columns=levels, fill_value=0).to_numpy()
    if len(cats) < 2:
        raise input_error(f"all attributions have the same {column} ({cats}); nothing to test")
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    n = int(table.sum())
    v = float(np.sqrt(chi2 / (n * (min(table.shape) - 1))))
    p_perm = np.nan
    if n_perm > 0:
        spans = a.groupby(a["doc_id"].astype(str))[by].nunique()
        if (spans > 1).any():
            raise input_error(f"article {spans[spans > 1].index[0]!r} has attributions in more "
                              f"than one group of {by!r}: shuffling {by!r} between articles "
                              "needs one group per article",
                              fix="use n_perm=0, or an article-level column such as outlet")
        rng = np.random.default_rng(seed)
        docs, doc_code = np.unique(a["doc_id"].astype(str).to_numpy(), return_inverse=True)
        level_index = {lev: k for k, lev in enumerate(levels)}
        doc_group = (a.assign(_g=a[by].map(level_index)).groupby(a["doc_id"].astype(str))["_g"]
                     .first().reindex(docs).to_numpy())
        cat_code = pd.Categorical(a[column].astype(str), categories=cats).codes
        C, G = len(cats), len(levels)
        hits = 0
        for _ in range(n_perm):
            g = rng.permutation(doc_group)[doc_code]
            t = np.bincount(cat_code * G + g, minlength=C * G).reshape(C, G).astype(float)
            t = t[t.sum(1) > 0][:, t.sum(0) > 0]
            if min(t.shape) >= 2 and \
                    stats.chi2_contingency(t, correction=False)[0] >= chi2 - 1e-12:
                hits += 1
        p_perm = (1 + hits) / (1 + n_perm)
    method = (f"Pearson chi-square test of {column} x {by} (scipy.stats.chi2_contingency, no "
              f"continuity correction), attributions treated as independent; Cramer's V")
    if n_perm:
        method += (f"; permutation p over {n_perm} shuffles of {by} between articles "
                   f"(seed {seed})")
    return pd.DataFrame([dict(measure=column, by=by, statistic=float(chi2), df=int(dof),
                              p_val=float(p), p_perm=p_perm, n_perm=int(n_perm), seed=seed,
                              cramers_v=v, n=n, n_clusters=int(a["doc_id"].nunique()),
                              n_groups=len(levels), n_categories=len(cats), method=method)])
