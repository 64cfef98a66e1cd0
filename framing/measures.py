"""Outlet measures of sourcing, stance and tone, with article-cluster bootstrap intervals.

Stage: tag → **measure** → compare. `measure` takes a :class:`framing.tagged.Tagged` and returns
one row per group (outlet, event, outlet × event, article, …), one column per measure, each with
a percentile confidence interval from a cluster bootstrap that resamples *articles* within the
group (the article is the sampling unit; paragraphs and attributions of one article are not
independent). See DESIGN.md, "Measures".

Every measure is a ratio of sums over the group, ``sum(numerator) / sum(denominator)``, never a
mean of per-article ratios, so long articles weigh in proportion to what they contain. The same
numerators and denominators, summed per article, drive the bootstrap.

References
----------
Efron, B. & Tibshirani, R. (1993). *An Introduction to the Bootstrap*, ch. 13 (percentile
interval). Field, C. A. & Welsh, A. H. (2007). Bootstrapping clustered data. *JRSS B* 69(3),
369-390. doi:10.1111/j.1467-9868.2007.00593.x (resampling whole clusters).
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .errors import input_error, invalid_choice
from .tagged import STANCE_LABELS, Tagged

SOURCE_TYPES = ("government", "military", "state_media", "media", "expert", "organization",
                "citizen", "document", "unknown")
IDENTIFICATIONS = ("named_person", "unnamed_person", "named_group", "unnamed_group", "document")
CUE_CLASSES = ("neutral", "assertive", "distancing", "denial", "warning", "directive",
               "commissive", "endorsing", "tentative", "refusal")
KINDS = ("direct", "indirect", "mixed", "refusal")
ROLES = ("body", "heading", "caption", "credit", "dateline")
SENTIMENTS = ("sentiment", "sentiment_authorial", "sentiment_quoted")
_KEY_SEP = "\x1f"


# --------------------------------------------------------------------------------------------
# Shared preparation (also used by framing.compare and framing.keyness)
# --------------------------------------------------------------------------------------------

def _as_list(by: str | Sequence[str]) -> list[str]:
    if isinstance(by, str):
        return [by]
    by = list(by)
    if not by or not all(isinstance(b, str) for b in by):
        raise input_error(f"by={by!r} must be a column name or a non-empty list of them")
    return by


def _check_roles(roles: Sequence[str] | str | None) -> tuple[str, ...] | None:
    if roles is None:
        return None
    if isinstance(roles, str):
        roles = (roles,)
    for r in roles:
        if r not in ROLES:
            raise invalid_choice("roles", r, ROLES)
    return tuple(roles)


def _select(tagged: Tagged, by: str | Sequence[str], *, roles: Sequence[str] | str | None,
            exclude_wire_copies) -> dict:
    """Paragraphs, attributions and actors of the chosen roles, each with the group columns.

    Group columns come from `tagged.articles` when they exist there (article-level variables
    such as outlet, event_id, wire, or doc_id itself), else from `tagged.paragraphs`. Returns a
    dict with keys ``by`` (list of column names), ``paragraphs``, ``attributions``, ``actors``
    and ``articles`` (the article table restricted to articles with a selected paragraph).
    """
    if not isinstance(tagged, Tagged) and not all(
            hasattr(tagged, a) for a in ("articles", "paragraphs", "attributions")):
        raise input_error(f"expected a Tagged object (from framing.tag), got "
                          f"{type(tagged).__name__}", fix="call framing.tag(corpus) first")
    by = _as_list(by)
    roles = _check_roles(roles)
    arts = tagged.articles
    paras = tagged.paragraphs
    for name, table, need in (("articles", arts, ["doc_id"]),
                              ("paragraphs", paras, ["doc_id", "para_idx", "role"])):
        missing = [c for c in need if c not in table.columns]
        if missing:
            raise input_error(f"tagged.{name} lacks columns {missing}",
                              fix=f"columns present: {', '.join(map(str, table.columns))}")
    for b in by:
        if b not in arts.columns and b not in paras.columns:
            cols = sorted(set(arts.columns) | set(paras.columns), key=str)
            raise input_error(f"by={b!r} is not a column of tagged.articles or "
                              f"tagged.paragraphs",
                              fix=f"use one of: {', '.join(map(str, cols))}")
    art_by = [b for b in by if b in arts.columns and b != "doc_id"]

    p = paras
    if roles is not None:
        p = p[p["role"].isin(roles)]
    p = p.drop(columns=[c for c in art_by if c in p.columns])
    keep_art = ["doc_id"] + [c for c in art_by]
    for extra in ("published",):
        if extra in arts.columns and extra not in keep_art:
            keep_art.append(extra)
    p = p.merge(arts[keep_art], on="doc_id", how="inner", validate="many_to_one")
    if exclude_wire_copies is not False:
        p = _drop_wire_copies(tagged, p, exclude_wire_copies)
    # rows whose group value is missing belong to no group
    p = p.dropna(subset=by).reset_index(drop=True)
    keys = p[["doc_id", "para_idx"] + [b for b in by if b != "doc_id"]]

    def attach(table: pd.DataFrame | None) -> pd.DataFrame:
        if table is None or table.empty:
            cols = [] if table is None else list(table.columns)
            out = pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
            for b in by:
                if b not in out.columns:
                    out[b] = pd.Series(dtype=p[b].dtype if b in p.columns else object)
            return out.iloc[0:0]
        t = table.drop(columns=[c for c in by if c in table.columns and c != "doc_id"])
        return t.merge(keys, on=["doc_id", "para_idx"], how="inner")

    attributions = attach(getattr(tagged, "attributions", None))
    actors = attach(getattr(tagged, "actors", None))
    articles = arts[arts["doc_id"].isin(p["doc_id"].unique())]
    return {"by": by, "paragraphs": p, "attributions": attributions, "actors": actors,
            "articles": articles}


def _drop_wire_copies(tagged: Tagged, p: pd.DataFrame, copies) -> pd.DataFrame:
    """Drop every member of a wire-copy paragraph cluster except the first; shared quotations,
    boilerplate and same-outlet repeats are kept (framing.wirecopy, "Classes"). `copies` is
    True (run `find_wire_copies` with its defaults) or a `WireCopies` the caller computed
    (its own settings, computed once for many measures)."""
    from .wirecopy import WireCopies, find_wire_copies  # local: wirecopy imports nothing here

    if copies is True:
        copies = find_wire_copies(tagged)
    elif not isinstance(copies, WireCopies):
        raise input_error(f"exclude_wire_copies must be True, False or the result of "
                          f"framing.find_wire_copies, got {type(copies).__name__}",
                          fix="e.g. copies = framing.find_wire_copies(tagged, threshold=0.9); "
                              "measure(tagged, exclude_wire_copies=copies)")
    clusters = copies.paragraphs
    if clusters.empty:
        return p
    wire = (clusters["kind"] == "wire") & clusters["cross_outlet"].astype(bool)
    drop = clusters[wire & ~clusters["is_first"].astype(bool)][["doc_id", "para_idx"]]
    mark = p[["doc_id", "para_idx"]].merge(drop.assign(_drop=True), how="left",
                                           on=["doc_id", "para_idx"])["_drop"]
    return p[~mark.fillna(False).to_numpy(dtype=bool)]


def _keep_group_dtypes(out: pd.DataFrame, source: pd.DataFrame, by: list[str]) -> None:
    """Give `out`'s group columns the dtype they have in `source` (categoricals stay
    categorical, with their categories and order)."""
    for b in by:
        src = source[b]
        if isinstance(src.dtype, pd.CategoricalDtype):
            out[b] = pd.Categorical(out[b], categories=src.cat.categories,
                                    ordered=src.cat.ordered)


def _group_keys(df: pd.DataFrame, by: list[str]) -> pd.Series:
    """One string key per row naming its group; used to seed the bootstrap independently of
    row order, category order and dtype."""
    parts = [df[b].astype(str) for b in by]
    key = parts[0]
    for part in parts[1:]:
        key = key + _KEY_SEP + part
    return key


def _group_rng(seed: int, key: str) -> np.random.Generator:
    """A Generator for one group: the stream depends on the seed and the group's name only, so
    adding or reordering groups does not change another group's interval."""
    return np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(key.encode())]))


def _attr_indicators(a: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """0/1 columns per attribution; returns the table and {measure name: indicator column}."""
    ind = {}
    cols = {}
    kind = a["kind"].astype("string") if "kind" in a else pd.Series(pd.NA, index=a.index)
    cols["_direct"] = kind.isin(["direct", "mixed"]).to_numpy(float)
    ind["direct_share"] = "_direct"
    ident = a["identification"].astype("string") if "identification" in a else \
        pd.Series(pd.NA, index=a.index, dtype="string")
    cols["_anon"] = (ident == "unnamed_person").fillna(False).to_numpy(float)
    ind["anonymous_share"] = "_anon"
    cols["_refusal"] = (kind == "refusal").fillna(False).to_numpy(float)
    ind["refusal_share"] = "_refusal"
    for col, fixed in (("source_type", SOURCE_TYPES), ("identification", IDENTIFICATIONS),
                       ("cue_class", CUE_CLASSES)):
        values = a[col].astype("string") if col in a else \
            pd.Series(pd.NA, index=a.index, dtype="string")
        seen = sorted(set(values.dropna().unique()) - set(fixed) - {""})
        for v in list(fixed) + seen:
            name = f"{col}_{v}_share"
            cols["_" + name] = (values == v).fillna(False).to_numpy(float)
            ind[name] = "_" + name
    if "country" in a:
        codes = a["country"].fillna("").astype(str).str.split(";")
        sets = codes.map(lambda xs: {x.strip() for x in xs if x.strip()})
        every = sorted(set().union(*sets)) if len(sets) else []
        for cc in every:
            name = f"country_{cc}_share"
            cols["_" + name] = sets.map(lambda s, cc=cc: cc in s).to_numpy(float)
            ind[name] = "_" + name
    out = pd.DataFrame(cols, index=a.index)
    return pd.concat([a, out], axis=1), ind


def _cluster_sums(sel: dict) -> tuple[pd.DataFrame, list[tuple[str, str, str]]]:
    """Per (group, article) numerator and denominator sums for every measure.

    Returns the table (group columns, ``doc_id``, then sum columns) and a list of
    ``(measure, numerator column, denominator column)``.
    """
    by = sel["by"]
    gcols = list(dict.fromkeys(by + ["doc_id"]))
    p = sel["paragraphs"].copy()
    a = sel["attributions"]
    act = sel["actors"]
    specs: list[tuple[str, str, str]] = []

    # paragraph level
    n_attr = a.groupby(["doc_id", "para_idx"]).size().rename("_n_attr")
    p = p.merge(n_attr.reset_index(), on=["doc_id", "para_idx"], how="left")
    p["_n_attr"] = p["_n_attr"].fillna(0)
    p["_para"] = 1.0
    p["_has_attr"] = (p["_n_attr"] > 0).astype(float)
    specs.append(("attribution_ratio", "_has_attr", "_para"))
    for label in STANCE_LABELS:
        for voice in ("authorial", "quoted"):
            col, words = f"{label}_{voice}", f"n_words_{voice}"
            if col in p and words in p:
                p[f"_{col}"] = pd.to_numeric(p[col], errors="coerce").fillna(0).astype(float)
                p[f"_{words}"] = pd.to_numeric(p[words], errors="coerce").fillna(0).astype(float)
                p[f"_{col}_k"] = p[f"_{col}"] * 1000.0
                specs.append((f"{label}_rate_{voice}", f"_{col}_k", f"_{words}"))
        if f"_{label}_authorial_k" in p and f"_{label}_quoted_k" in p and "n_words" in p:
            p[f"_{label}_all_k"] = 1000.0 * (p[f"_{label}_authorial_k"] / 1000.0
                                             + p[f"_{label}_quoted_k"] / 1000.0)
            p["_n_words"] = pd.to_numeric(p["n_words"], errors="coerce").fillna(0).astype(float)
            specs.append((f"{label}_rate", f"_{label}_all_k", "_n_words"))
    for s in SENTIMENTS:
        if s in p:
            v = pd.to_numeric(p[s], errors="coerce").astype(float)
            p[f"_{s}_sum"] = v.fillna(0.0)
            p[f"_{s}_n"] = v.notna().astype(float)
            specs.append((f"{s}_mean", f"_{s}_sum", f"_{s}_n"))
    pcols = sorted({c for _, n, d in specs for c in (n, d)} | {"_n_attr"})
    sums = p.groupby(gcols, observed=True, sort=False)[pcols].sum()
    sums["_n_paragraphs"] = p.groupby(gcols, observed=True, sort=False).size()

    # attribution level
    a, ind = _attr_indicators(a)
    a["_attr"] = 1.0
    acols = ["_attr"] + list(ind.values())
    if len(a):
        sums = sums.join(a.groupby(gcols, observed=True, sort=False)[acols].sum(), how="left")
    else:
        sums = sums.assign(**{c: 0.0 for c in acols})
    for name, col in ind.items():
        specs.append((name, col, "_attr"))

    # actor mentions
    tone = pd.to_numeric(act["tone"], errors="coerce").astype(float) if "tone" in act else \
        pd.Series(dtype=float)
    act = act.assign(_tone_sum=tone.fillna(0.0), _tone_n=tone.notna().astype(float))
    if len(act):
        sums = sums.join(act.groupby(gcols, observed=True, sort=False)[["_tone_sum", "_tone_n"]]
                         .sum(), how="left")
    else:
        sums = sums.assign(_tone_sum=0.0, _tone_n=0.0)
    specs.append(("tone_mean", "_tone_sum", "_tone_n"))

    sums = sums.fillna(0.0).reset_index()
    # column order: attribution ratio, attribution-level shares, rates, sentiment, tone
    first = [s for s in specs if s[0] == "attribution_ratio"]
    shares = [s for s in specs if s[2] == "_attr"]
    rest = [s for s in specs if s not in first and s not in shares]
    return sums, first + shares + rest


def _bootstrap_ratios(num: np.ndarray, den: np.ndarray, *, n_boot: int,
                      rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Resample rows (articles) of `num`/`den` (articles × measures) `n_boot` times.

    Each resample is a vector of counts (how often each article is drawn); the resampled sums
    are one matrix product. Returns (numerator sums, denominator sums), each n_boot × measures.
    """
    counts = resample_counts(rng, num.shape[0], n_boot)
    return counts @ num, counts @ den


def resample_counts(rng: np.random.Generator, m: int, n_boot: int) -> np.ndarray:
    """n_boot × m: how often each of m units is drawn in each of n_boot resamples with
    replacement (the cluster bootstrap as weights; one `rng.integers` call)."""
    idx = rng.integers(0, m, size=(n_boot, m))
    return np.bincount((idx + m * np.arange(n_boot)[:, None]).ravel(),
                       minlength=n_boot * m).reshape(n_boot, m).astype(float)


def _percentile_ci(boot: np.ndarray, ci: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval per column, ignoring undefined (NaN) resamples."""
    lo, hi = (1 - ci) / 2, 1 - (1 - ci) / 2
    with np.errstate(all="ignore"):
        ok = np.isfinite(boot)
        out_lo = np.full(boot.shape[1], np.nan)
        out_hi = np.full(boot.shape[1], np.nan)
        for j in np.flatnonzero(ok.any(axis=0)):
            col = boot[ok[:, j], j]
            out_lo[j], out_hi[j] = np.quantile(col, [lo, hi])
    return out_lo, out_hi


# --------------------------------------------------------------------------------------------
# Public
# --------------------------------------------------------------------------------------------

def measure(tagged: Tagged, *, by: str | Sequence[str] = "outlet",
            roles: Sequence[str] | None = ("body",), n_boot: int = 1000, seed: int = 0,
            ci: float = 0.95, exclude_wire_copies=False) -> pd.DataFrame:
    r"""Sourcing, stance and tone measures per group, with article-cluster bootstrap intervals.

    Parameters
    ----------
    tagged : Tagged
        Output of ``framing.tag``.
    by : str or list of str, default "outlet"
        Grouping column(s) of ``tagged.articles`` (outlet, event_id, wire, doc_id, …) or of
        ``tagged.paragraphs`` (e.g. role). ``["outlet", "event_id"]`` gives outlet × event;
        ``"doc_id"`` gives one row per article.
    roles : sequence of str or None, default ("body",)
        Paragraph roles measured (DESIGN.md: body paragraphs unless asked otherwise); ``None``
        keeps every paragraph. Attributions and actor mentions count only when they lie in a
        selected paragraph.
    n_boot : int, default 1000
        Bootstrap resamples; 0 skips the intervals (they are NaN).
    seed : int, default 0
        Seed of the bootstrap. Each group draws from its own ``numpy.random.Generator`` seeded
        by ``SeedSequence([seed, crc32(group name)])``, so a group's interval does not depend on
        row order, on the other groups, or on the category order of ``by``.
    ci : float, default 0.95
        Coverage of the percentile intervals.
    exclude_wire_copies : bool or WireCopies, default False
        Drop wire copy before measuring: within every paragraph cluster of kind ``wire`` of
        ``framing.wirecopy.find_wire_copies(tagged)`` (near-verbatim across outlets, not
        boilerplate, not the same statement quoted by each) only the first member (earliest
        ``published``, then ``doc_id``, then ``para_idx``) is kept. Pass the result of
        ``find_wire_copies`` instead of True to use its settings (threshold, roles …) and to
        compute the clusters once for several measures and comparisons.

    Returns
    -------
    pandas.DataFrame
        One row per group, sorted by the group column(s) (category order for categoricals).
        Every measure is :math:`\sum_{a \in g} x_a / \sum_{a \in g} d_a`, a ratio of sums over
        the articles :math:`a` of group :math:`g` (NaN when the denominator is 0):

        - *group column(s)* : the values of ``by``.
        - ``n_articles`` : articles with at least one selected paragraph in the group.
        - ``n_paragraphs``, ``n_attributions``, ``n_actor_mentions`` : counts behind the
          measures (selected paragraphs, attributions in them, actor mentions in them).
        - ``attribution_ratio`` : paragraphs with ≥ 1 attribution (any kind, incl. refusals,
          counted from ``tagged.attributions``) / paragraphs.
        - ``direct_share`` : attributions of kind ``direct`` or ``mixed`` / attributions.
        - ``anonymous_share`` : attributions with identification ``unnamed_person`` /
          attributions.
        - ``refusal_share`` : attributions of kind ``refusal`` / attributions.
        - ``source_type_<t>_share`` for t in government, military, state_media, media, expert,
          organization, citizen, document, unknown (and any other value present) : attributions
          with that source type / attributions.
        - ``identification_<i>_share`` for i in named_person, unnamed_person, named_group,
          unnamed_group, document (and others present) : same, by identification.
        - ``cue_class_<c>_share`` for c in neutral, assertive, distancing, denial, warning,
          directive, commissive, endorsing, tentative, refusal (and others present).
        - ``country_<CC>_share`` for every ISO code CC present : attributions whose
          ``country`` (``;``-joined codes) contains CC / attributions. Shares of several
          countries can sum to more than 1.
        - ``<label>_rate_authorial`` for label in hedge, booster, attitude, approximator :
          1000 × Σ ``<label>_authorial`` / Σ ``n_words_authorial`` (markers per 1,000 words of
          the journalist's own text); ``<label>_rate_quoted`` likewise with the quoted
          counts and ``n_words_quoted``; ``<label>_rate`` : 1000 × (authorial + quoted) /
          Σ ``n_words``.
        - ``sentiment_mean``, ``sentiment_authorial_mean``, ``sentiment_quoted_mean`` : mean of
          the paragraph scores over paragraphs where the score is not NaN (Σ score / number of
          non-NaN paragraphs; paragraphs, not articles, are weighted equally).
        - ``tone_mean`` : mean ``tone`` of the actor mentions (``tagged.actors``) in the
          selected paragraphs.
        - ``<measure>_ci_low``, ``<measure>_ci_high`` for each measure above : percentile
          interval of the measure over ``n_boot`` resamples of the group's articles with
          replacement (cluster bootstrap). Resamples whose denominator is 0 are ignored; a
          group with fewer than 2 articles gets NaN (no between-article variation to resample).
        - ``n_boot``, ``seed``, ``ci_level`` : how the intervals were made.

    Notes
    -----
    The bootstrap sums numerators and denominators per article once; a resample is a vector of
    draw counts per article, so all resamples of a group are one matrix product
    (counts [n_boot × articles] @ sums [articles × measures]).

    Examples
    --------
    >>> framing.measure(tagged, by=["outlet", "event_id"], n_boot=2000, seed=1)  # doctest: +SKIP
    """
    if not isinstance(n_boot, (int, np.integer)) or n_boot < 0:
        raise input_error(f"n_boot={n_boot!r} must be a non-negative integer")
    if not 0 < ci < 1:
        raise input_error(f"ci={ci!r} must lie strictly between 0 and 1", fix="e.g. ci=0.95")
    sel = _select(tagged, by, roles=roles, exclude_wire_copies=exclude_wire_copies)
    by = sel["by"]
    sums, specs = _cluster_sums(sel)
    names = [s[0] for s in specs]
    num_cols = [s[1] for s in specs]
    den_cols = [s[2] for s in specs]
    sums["_key"] = _group_keys(sums, by).to_numpy()

    rows = []
    for key, g in sums.groupby("_key", sort=False):
        g = g.sort_values("doc_id", kind="stable")
        num = g[num_cols].to_numpy(float)
        den = g[den_cols].to_numpy(float)
        with np.errstate(all="ignore"):
            est = num.sum(0) / den.sum(0)
        est[den.sum(0) == 0] = np.nan
        lo = np.full(len(names), np.nan)
        hi = np.full(len(names), np.nan)
        if n_boot > 0 and len(g) >= 2:
            bn, bd = _bootstrap_ratios(num, den, n_boot=int(n_boot), rng=_group_rng(seed, key))
            with np.errstate(all="ignore"):
                boot = np.where(bd > 0, bn / np.where(bd > 0, bd, 1.0), np.nan)
            lo, hi = _percentile_ci(boot, ci)
        row = {b: g[b].iloc[0] for b in by}
        row.update(n_articles=int(g["doc_id"].nunique()),
                   n_paragraphs=int(g["_n_paragraphs"].sum()),
                   n_attributions=int(g["_attr"].sum()),
                   n_actor_mentions=int(g["_tone_n"].sum()))
        for j, name in enumerate(names):
            row[name] = est[j]
            row[f"{name}_ci_low"] = lo[j]
            row[f"{name}_ci_high"] = hi[j]
        rows.append(row)

    cols = by + ["n_articles", "n_paragraphs", "n_attributions", "n_actor_mentions"]
    for name in names:
        cols += [name, f"{name}_ci_low", f"{name}_ci_high"]
    out = pd.DataFrame(rows, columns=cols)
    _keep_group_dtypes(out, sel["paragraphs"], by)
    out = out.sort_values(by, kind="stable").reset_index(drop=True)
    out["n_boot"] = int(n_boot)
    out["seed"] = seed
    out["ci_level"] = ci
    return out


def measure_actor_tone(tagged: Tagged, *, by: str | Sequence[str] = "outlet",
                       actors: Sequence[str] | None = None, min_mentions: int = 5,
                       roles: Sequence[str] | None = ("body",), n_boot: int = 1000,
                       seed: int = 0, ci: float = 0.95) -> pd.DataFrame:
    r"""Tone toward each actor per group, with article-cluster bootstrap intervals.

    The tone of a mention is ``tagged.actors.tone`` (``framing.score_target`` over the words
    around it, VADER's compound scale [-1, 1]). For group :math:`g` and actor :math:`x`, with
    :math:`M_{a,x}` the mentions of :math:`x` with a tone in article :math:`a`:

    .. math:: \mathrm{tone\_mean}(g, x) = \frac{\sum_{a \in g} \sum_{m \in M_{a,x}} t_m}
                                              {\sum_{a \in g} |M_{a,x}|}

    the mean over mentions (an article mentioning the actor often weighs more), as
    ``tone_mean`` of :func:`measure`.

    Parameters
    ----------
    tagged : Tagged
        Output of ``framing.tag`` (needs ``tagged.actors`` with ``actor`` and ``tone``).
    by : str or list of str, default "outlet"
        Grouping column(s), as in :func:`measure`.
    actors : sequence of str or None
        Only these actors (by ``actor`` name); None: every actor with at least
        ``min_mentions`` mentions.
    min_mentions : int, default 5
        Actors with fewer mentions with a tone, counted over all groups together, are left
        out (1 keeps every actor). Applied to ``actors`` too.
    roles : sequence of str or None, default ("body",)
        Paragraph roles whose mentions count (None: all), as in :func:`measure`.
    n_boot, seed, ci
        As in :func:`measure`; the interval of (g, x) resamples, with replacement, the
        articles of g that mention x (cluster bootstrap: an article's mentions are drawn
        together), from a generator seeded by ``SeedSequence([seed, crc32(key)])`` with key
        the group value(s) and the actor name, so a row's interval does not depend on the
        other rows or on row order.

    Returns
    -------
    pandas.DataFrame
        One row per (group, actor) with at least one mention, sorted by the group column(s)
        then ``actor``:

        - *group column(s)*, ``actor`` : the group and the actor.
        - ``n_articles`` : articles of the group mentioning the actor (with a tone).
        - ``n_mentions`` : mentions with a tone.
        - ``tone_mean`` : the mean tone defined above.
        - ``tone_mean_ci_low``, ``tone_mean_ci_high`` : percentile interval over ``n_boot``
          resamples (NaN with fewer than 2 articles, or n_boot = 0).
        - ``n_boot``, ``seed``, ``ci_level`` : how the intervals were made.
    """
    if not isinstance(n_boot, (int, np.integer)) or n_boot < 0:
        raise input_error(f"n_boot={n_boot!r} must be a non-negative integer")
    if not 0 < ci < 1:
        raise input_error(f"ci={ci!r} must lie strictly between 0 and 1", fix="e.g. ci=0.95")
    if not isinstance(min_mentions, (int, np.integer)) or min_mentions < 1:
        raise input_error(f"min_mentions={min_mentions!r} must be a positive integer",
                          fix="1 keeps every actor")
    if isinstance(actors, str):
        actors = [actors]
    table = getattr(tagged, "actors", None)
    if table is not None and len(table) and not {"actor", "tone"} <= set(table.columns):
        raise input_error("tagged.actors lacks columns 'actor' and 'tone'",
                          fix=f"columns present: {', '.join(map(str, table.columns))}")
    sel = _select(tagged, by, roles=roles, exclude_wire_copies=False)
    by = sel["by"]
    act = sel["actors"]
    cols = by + ["actor", "n_articles", "n_mentions", "tone_mean", "tone_mean_ci_low",
                 "tone_mean_ci_high"]
    if len(act) and "tone" in act and "actor" in act:
        act = act.assign(_tone=pd.to_numeric(act["tone"], errors="coerce").astype(float))
        act = act[act["_tone"].notna() & act["actor"].notna()]
        act = act.assign(actor=act["actor"].astype(str))
        if actors is not None:
            act = act[act["actor"].isin([str(a) for a in actors])]
        total = act.groupby("actor").size()
        act = act[act["actor"].map(total) >= min_mentions]
    else:
        act = pd.DataFrame(columns=by + ["doc_id", "actor", "_tone"])
    rows = []
    if len(act):
        art = (act.groupby(by + ["actor", "doc_id"], observed=True, sort=False)["_tone"]
               .agg(_sum="sum", _n="size").reset_index())
        art["_key"] = (_group_keys(art, by) + _KEY_SEP + art["actor"]).to_numpy()
        for key, g in art.groupby("_key", sort=False):
            g = g.sort_values("doc_id", kind="stable")
            num = g[["_sum"]].to_numpy(float)
            den = g[["_n"]].to_numpy(float)
            lo = hi = np.nan
            if n_boot > 0 and len(g) >= 2:
                bn, bd = _bootstrap_ratios(num, den, n_boot=int(n_boot),
                                           rng=_group_rng(seed, key))
                lo_, hi_ = _percentile_ci(bn / bd, ci)  # every article has ≥ 1 mention
                lo, hi = lo_[0], hi_[0]
            row = {b: g[b].iloc[0] for b in by}
            row.update(actor=g["actor"].iloc[0], n_articles=int(len(g)),
                       n_mentions=int(den.sum()), tone_mean=float(num.sum() / den.sum()),
                       tone_mean_ci_low=lo, tone_mean_ci_high=hi)
            rows.append(row)
    out = pd.DataFrame(rows, columns=cols)
    _keep_group_dtypes(out, sel["paragraphs"], by)
    out = out.sort_values(by + ["actor"], kind="stable").reset_index(drop=True)
    out["n_articles"] = out["n_articles"].astype(int)
    out["n_mentions"] = out["n_mentions"].astype(int)
    out["n_boot"] = int(n_boot)
    out["seed"] = seed
    out["ci_level"] = ci
    return out
