"""Keyness across K groups: weighted log-odds ratios with an informative Dirichlet prior.

Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' words: lexical feature selection
and evaluation for identifying the content of political conflict. *Political Analysis* 16(4),
372-403. doi:10.1093/pan/mpn018 (eqs. 16, 18-22).

For group *i* against all other groups pooled (*j*), token *w* with counts :math:`y_w^i,
y_w^j`, totals :math:`n^i, n^j`, prior pseudo-counts :math:`\\alpha_w` and
:math:`\\alpha_0 = \\sum_w \\alpha_w`:

.. math::
    \\hat\\delta_w = \\log \\frac{y_w^i + \\alpha_w}{n^i + \\alpha_0 - y_w^i - \\alpha_w}
                  - \\log \\frac{y_w^j + \\alpha_w}{n^j + \\alpha_0 - y_w^j - \\alpha_w}, \\qquad
    \\sigma^2(\\hat\\delta_w) \\approx \\frac{1}{y_w^i + \\alpha_w} + \\frac{1}{y_w^j + \\alpha_w},
    \\qquad z_w = \\hat\\delta_w / \\sigma(\\hat\\delta_w).

The informative prior spreads a total of :math:`\\alpha_0` pseudo-counts over the tokens in
proportion to their frequency in the whole corpus, :math:`\\alpha_w = \\alpha_0 \\, y_w / n`
(Monroe et al., §3.5.2 "informative Dirichlet prior"): rare tokens are shrunk towards no
difference, frequent ones barely move. A mapping of token → :math:`\\alpha_w` (for instance
scaled counts from a background corpus) can be given instead.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .errors import input_error
from .measures import _select
from .tagged import Tagged

_TOKEN = re.compile(r"\w+")


def _tokens_table(tagged: Tagged, by: str, layer: str | None,
                  roles: Sequence[str] | None) -> pd.DataFrame:
    """One row per token occurrence: group, token."""
    sel = _select(tagged, by, roles=roles, exclude_wire_copies=False)
    if layer is None:
        p = sel["paragraphs"]
        toks = p["text"].fillna("").astype(str).str.lower().str.findall(_TOKEN)
        d = pd.DataFrame({"group": p[by].to_numpy(), "token": toks.to_numpy()}).explode("token")
        return d.dropna(subset=["token"])
    a = sel["attributions"]
    if layer in a.columns:
        vals = a[layer].astype("string").str.strip().str.lower()
        d = pd.DataFrame({"group": a[by].to_numpy(), "token": vals.to_numpy()})
        return d[d["token"].notna() & (d["token"] != "")]
    spans = getattr(tagged, "spans", None)
    if spans is not None and "layer" in spans.columns and (spans["layer"] == layer).any():
        s = spans[spans["layer"] == layer].merge(
            sel["paragraphs"][["doc_id", "para_idx", by]], on=["doc_id", "para_idx"])
        vals = s["text"].astype("string").str.strip().str.lower()
        d = pd.DataFrame({"group": s[by].to_numpy(), "token": vals.to_numpy()})
        return d[d["token"].notna() & (d["token"] != "")]
    layers = sorted(spans["layer"].dropna().unique()) if spans is not None and \
        "layer" in spans.columns else []
    raise input_error(f"layer={layer!r} is neither a column of tagged.attributions nor a span "
                      f"layer", fix=f"use None (paragraph words), an attributions column "
                                    f"({', '.join(map(str, a.columns))}) or a span layer "
                                    f"({', '.join(map(str, layers)) or 'none present'})")


def keyness(tagged: Tagged, *, by: str = "outlet", layer: str | None = None,
            prior: float | Mapping[str, float] = 500.0, min_count: int = 1,
            roles: Sequence[str] | None = ("body",)) -> pd.DataFrame:
    """Which tokens distinguish each group from all the others (formulas in the module
    docstring).

    Parameters
    ----------
    tagged : Tagged
        Output of ``framing.tag``.
    by : str, default "outlet"
        Grouping column; each group is compared with all other groups pooled.
    layer : str or None
        None: lower-cased ``\\w+`` tokens of the paragraph text. A column of
        ``tagged.attributions`` (``"cue"``, ``"source"``, ``"speaker"``, ``"cue_class"``, …):
        each attribution's lower-cased value is one token (which reporting verbs or which
        sources distinguish outlets). A span layer of ``tagged.spans`` (e.g. ``"stance"``): the
        lower-cased span texts.
    prior : float or mapping, default 500.0
        Float: :math:`\\alpha_0`, the total prior pseudo-count, spread over tokens in
        proportion to their pooled frequency (informative Dirichlet prior). Larger values
        shrink more. 500 is this package's default, not a value from Monroe et al.; report
        the prior you use and check that the top tokens hold at other values. Mapping token → :math:`\\alpha_w`: used as given; tokens missing from it
        get 0.01.
    min_count : int, default 1
        Tokens seen fewer times in the whole corpus are dropped (after computing the prior).
    roles : sequence of str or None, default ("body",)
        Paragraph roles used.

    Returns
    -------
    pandas.DataFrame
        One row per group and token, sorted by group and decreasing ``z``: ``group``,
        ``token``, ``count`` (:math:`y_w^i`), ``count_rest`` (:math:`y_w^j`), ``n_group``
        (:math:`n^i`), ``n_rest`` (:math:`n^j`), ``alpha`` (:math:`\\alpha_w`), ``alpha0``,
        ``log_odds_ratio`` (:math:`\\hat\\delta_w`), ``se``, ``z``.
    """
    if not isinstance(by, str):
        raise input_error(f"by={by!r} must be one column name for keyness")
    d = _tokens_table(tagged, by, layer, roles)
    if d.empty:
        raise input_error("no tokens to compare", fix="check layer= and roles=")
    counts = pd.crosstab(d["token"], d["group"].astype(object))
    groups = list(counts.columns)
    if len(groups) < 2:
        raise input_error(f"keyness needs at least two groups in {by!r}; found {groups}")
    y = counts.to_numpy(float)                     # tokens × groups
    total = y.sum(1)
    n_all = total.sum()
    if isinstance(prior, Mapping):
        alpha = counts.index.to_series().map(dict(prior)).fillna(0.01).to_numpy(float)
        if (alpha <= 0).any():
            raise input_error("prior pseudo-counts must be positive")
    else:
        if not np.isfinite(prior) or prior <= 0:
            raise input_error(f"prior={prior!r} must be a positive number (alpha_0) or a "
                              f"mapping token -> alpha_w")
        alpha = float(prior) * total / n_all
    a0 = alpha.sum()
    keep = total >= min_count
    rows = []
    for k, g in enumerate(groups):
        yi = y[:, k]
        yj = total - yi
        ni, nj = yi.sum(), n_all - yi.sum()
        delta = (np.log((yi + alpha) / (ni + a0 - yi - alpha))
                 - np.log((yj + alpha) / (nj + a0 - yj - alpha)))
        se = np.sqrt(1 / (yi + alpha) + 1 / (yj + alpha))
        rows.append(pd.DataFrame({
            "group": g, "token": counts.index.to_numpy()[keep], "count": yi[keep].astype(int),
            "count_rest": yj[keep].astype(int), "n_group": int(ni), "n_rest": int(nj),
            "alpha": alpha[keep], "alpha0": a0, "log_odds_ratio": delta[keep],
            "se": se[keep], "z": (delta / se)[keep]}))
    out = pd.concat(rows, ignore_index=True)
    out["_g"] = out["group"].map({g: k for k, g in enumerate(groups)})
    out = out.sort_values(["_g", "z", "token"], ascending=[True, False, True], kind="stable")
    return out.drop(columns="_g").reset_index(drop=True)
