"""Plots of outlet measures, and `save_figure`, which writes them byte for byte reproducibly.

Stage: compare → **plot**. Every `plot_*` function takes a tidy table (the output of
`framing.measure`, `framing.keyness`, …), an optional Matplotlib ``Axes`` (``ax=None`` makes a
new figure) and returns the Axes; it computes nothing beyond picking columns. Figures are made
with ``matplotlib.figure.Figure`` and the Agg canvas directly, so importing this module or
plotting never switches pyplot's backend or touches global state outside a
``matplotlib.rc_context``.

Colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design",
https://jfly.uni-koeln.de/color/), safe for the common colour-vision deficiencies. An outlet
keeps one colour across figures: :func:`outlet_colors` assigns colours by the sorted outlet
names, so the same outlets get the same colours in every figure that is given the same list.

Reproducibility (:func:`save_figure`): a fixed style (DejaVu Sans, the font bundled with
Matplotlib; ``svg.hashsalt``; ``pdf.fonttype`` 42 = embedded TrueType), no dates in the files
(``CreationDate``/``Date`` metadata removed, ``SOURCE_DATE_EPOCH`` fixed while saving), and a
JSON sidecar with the versions, lexicon hashes, input hashes and parameters behind the figure.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import input_error, invalid_choice

__all__ = ["OKABE_ITO", "STYLE", "style", "outlet_colors", "category_colors", "new_axes",
           "save_figure", "plot_measure", "plot_composition", "plot_cue_profile",
           "plot_sentiment_voices", "plot_actor_tone", "plot_keyness"]

# Okabe–Ito, black last (it is for text and reference lines), plus a neutral grey for "other".
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000")
GREY = "#999999"

STYLE = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": __import__("cycler").cycler(color=list(OKABE_ITO)),
    "legend.frameon": False,
    "figure.figsize": (6.0, 3.6),
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "savefig.bbox": None,  # "tight" would make the canvas size depend on text extents only
    "svg.hashsalt": "framing",  # ids of clip paths etc. otherwise random per run
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "pdf.compression": 6,
    "path.simplify": True,
}
FORMATS = ("pdf", "png", "svg")
_METADATA = {"pdf": {"CreationDate": None, "ModDate": None},
             "svg": {"Date": None},
             "png": {}}
SOURCE_DATE_EPOCH = "0"


@contextlib.contextmanager
def style():
    """The figures' style, applied for the duration of the block (rcParams are restored)."""
    import matplotlib

    with matplotlib.rc_context(STYLE):
        yield


def _styled(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with style():
            return func(*args, **kwargs)
    return wrapper


def new_axes(figsize: tuple[float, float] | None = None):
    """A new Figure on an Agg canvas (no pyplot, no backend switch) and its one Axes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with style():
        fig = Figure(figsize=figsize or STYLE["figure.figsize"], layout="constrained")
        FigureCanvasAgg(fig)
        return fig.add_subplot()


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """A fixed Okabe–Ito colour per outlet: the i-th outlet in sorted order gets colour i
    (cycling after 8). Pass every outlet of a study once and hand the dict to each plot, so an
    outlet has one colour across all figures."""
    names = sorted({str(o) for o in outlets})
    return {name: OKABE_ITO[i % len(OKABE_ITO)] for i, name in enumerate(names)}


def category_colors(categories: Sequence[str]) -> dict[str, str]:
    """Colours for the categories of a composition in the order given; ``unknown`` and
    ``other`` are grey."""
    out, i = {}, 0
    for c in categories:
        if c in ("unknown", "other"):
            out[c] = GREY
        else:
            out[c] = OKABE_ITO[i % len(OKABE_ITO)]
            i += 1
    return out


def _need(table: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise input_error(f"{what}: the table lacks columns {missing}",
                          fix=f"columns present: {', '.join(map(str, table.columns))}")


def _groups(table: pd.DataFrame, by: str) -> list[str]:
    _need(table, [by], "grouping column")
    return [str(g) for g in table[by]]


def _colors_for(groups: Sequence[str], colors: dict | None) -> dict[str, str]:
    colors = dict(colors or outlet_colors(groups))
    missing = [g for g in groups if g not in colors]
    if missing:
        raise input_error(f"colors has no entry for {missing}",
                          fix="build it with framing.plots.outlet_colors(all_outlets)")
    return colors


def _label(name: str) -> str:
    return name.replace("_", " ")


# --------------------------------------------------------------------------------------------
# Plots
# --------------------------------------------------------------------------------------------

@_styled
def plot_measure(measures: pd.DataFrame, measure: str, *, by: str = "outlet", ax=None,
                 colors: dict | None = None, xlabel: str | None = None):
    """Dot-and-whisker plot of one measure per group: the estimate as a dot, its interval
    ``<measure>_ci_low`` – ``<measure>_ci_high`` as a horizontal line.

    Parameters
    ----------
    measures : output of ``framing.measure`` (one row per group).
    measure : the measure column, e.g. ``"attribution_ratio"``.
    by : the group column; groups are drawn top to bottom in table order.
    colors : group → colour (default :func:`outlet_colors` of the groups).

    Returns
    -------
    Axes. For group *i* (0 = first row, drawn at y = −i) there is a whisker line
    ``ax.lines[2 i]`` with data ``([ci_low, ci_high], [−i, −i])`` and a dot ``ax.lines[2 i + 1]``
    with data ``([estimate], [−i])``.
    """
    lo, hi = f"{measure}_ci_low", f"{measure}_ci_high"
    _need(measures, [measure, lo, hi], f"plot_measure({measure!r})")
    groups = _groups(measures, by)
    colors = _colors_for(groups, colors)
    ax = ax if ax is not None else new_axes((5.0, 0.45 * len(groups) + 1.0))
    for i, (g, est, l, h) in enumerate(zip(groups, measures[measure], measures[lo],
                                           measures[hi])):
        ax.plot([l, h], [-i, -i], color=colors[g], linewidth=2, solid_capstyle="butt")
        ax.plot([est], [-i], marker="o", markersize=6, color=colors[g], linestyle="none")
    ax.set_yticks([-i for i in range(len(groups))], groups)
    ax.set_ylim(-len(groups) + 0.5, 0.5)
    ax.set_xlabel(xlabel or _label(measure))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return ax


def _share_columns(table: pd.DataFrame, prefix: str, suffix: str,
                   categories: Sequence[str] | None) -> list[str]:
    if categories is None:
        categories = [c[len(prefix):len(c) - len(suffix)] for c in table.columns
                      if c.startswith(prefix) and c.endswith(suffix)
                      and not c.endswith(("_ci_low", "_ci_high"))]
    if not categories:
        raise input_error(f"no columns {prefix}<category>{suffix} in the table",
                          fix=f"columns present: {', '.join(map(str, table.columns))}")
    _need(table, [f"{prefix}{c}{suffix}" for c in categories], "composition")
    return list(categories)


@_styled
def plot_composition(measures: pd.DataFrame, *, prefix: str = "source_type_",
                     suffix: str = "_share", by: str = "outlet",
                     categories: Sequence[str] | None = None, top: int | None = None,
                     ax=None, xlabel: str | None = None):
    """Stacked horizontal bars: for each group, the shares ``<prefix><category><suffix>``.

    Parameters
    ----------
    measures : output of ``framing.measure``.
    prefix, suffix : pick the share columns (``source_type_``, ``country_``,
        ``identification_``, ``cue_class_``; suffix ``_share``).
    categories : the categories in stacking order (default: every matching column, in table
        order).
    top : keep only the ``top`` categories with the largest mean share over groups (ties by
        name), in that order; the rest are left out, not lumped (country shares may overlap).

    Returns
    -------
    Axes with one ``BarContainer`` per category (``ax.containers``, in stacking order); bar *i*
    of category *k* has left edge = sum of the shares of categories before *k* in group *i*
    and width = its share (NaN drawn as 0).
    """
    cats = _share_columns(measures, prefix, suffix, categories)
    values = measures[[f"{prefix}{c}{suffix}" for c in cats]].astype(float).fillna(0.0)
    if top is not None:
        mean = values.mean(axis=0).to_numpy()
        order = sorted(range(len(cats)), key=lambda k: (-mean[k], cats[k]))[:top]
        cats = [cats[k] for k in order]
        values = values.iloc[:, order]
    groups = _groups(measures, by)
    colors = category_colors(cats)
    ax = ax if ax is not None else new_axes((6.0, 0.45 * len(groups) + 1.4))
    y = -np.arange(len(groups), dtype=float)
    left = np.zeros(len(groups))
    for k, c in enumerate(cats):
        w = values.iloc[:, k].to_numpy()
        ax.barh(y, w, left=left, height=0.7, color=colors[c], label=_label(c),
                edgecolor="white", linewidth=0.5)
        left = left + w
    ax.set_yticks(y, groups)
    ax.set_xlabel(xlabel or f"share of attributions ({_label(prefix.rstrip('_'))})")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7)
    return ax


def _dot_rows(ax, table, cols, positions, groups, colors, *, offset_step=0.18, marker="o"):
    """Dots (one Line2D per group, label = group) with whiskers (one LineCollection per group,
    via hlines) for categories at `positions`, one row per group in `table`."""
    n = len(groups)
    offsets = (np.arange(n) - (n - 1) / 2) * offset_step
    for i, g in enumerate(groups):
        est = table[[c for c, _, _ in cols]].iloc[i].to_numpy(float)
        lo = table[[c for _, c, _ in cols]].iloc[i].to_numpy(float)
        hi = table[[c for _, _, c in cols]].iloc[i].to_numpy(float)
        y = positions - offsets[i]
        ax.hlines(y, lo, hi, color=colors[g], linewidth=1.5)
        ax.plot(est, y, marker=marker, linestyle="none", color=colors[g], label=g, markersize=5)


@_styled
def plot_cue_profile(measures: pd.DataFrame, *, by: str = "outlet",
                     classes: Sequence[str] | None = None, ax=None,
                     colors: dict | None = None):
    """How each group frames the act of saying: the share of each cue class
    (``cue_class_<c>_share``) with its interval, one colour per group.

    Returns
    -------
    Axes. Cue class *k* (first = top) sits at y = −k; group *i* of *n* is offset by
    ``−(i − (n − 1)/2) · 0.18``. ``ax.lines[i]`` holds group *i*'s dots (x = shares in class
    order), ``ax.collections[i]`` its whiskers.
    """
    from .measures import CUE_CLASSES

    if classes is None:
        classes = [c for c in CUE_CLASSES if f"cue_class_{c}_share" in measures.columns]
        classes += [c[len("cue_class_"):-len("_share")] for c in measures.columns
                    if c.startswith("cue_class_") and c.endswith("_share")
                    and c[len("cue_class_"):-len("_share")] not in classes]
    cols = [(f"cue_class_{c}_share", f"cue_class_{c}_share_ci_low",
             f"cue_class_{c}_share_ci_high") for c in classes]
    _need(measures, [x for t in cols for x in t], "plot_cue_profile")
    groups = _groups(measures, by)
    colors = _colors_for(groups, colors)
    ax = ax if ax is not None else new_axes((5.5, 0.4 * len(classes) + 1.2))
    positions = -np.arange(len(classes), dtype=float)
    _dot_rows(ax, measures, cols, positions, groups, colors)
    ax.set_yticks(positions, [_label(c) for c in classes])
    ax.set_xlabel("share of attributions with this cue class")
    ax.legend(loc="lower right", fontsize=7)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return ax


@_styled
def plot_sentiment_voices(measures: pd.DataFrame, *, by: str = "outlet", ax=None,
                          colors: dict | None = None):
    """Mean paragraph sentiment in the journalist's own words (authorial, dots) and in quoted
    words (squares) per group, with intervals.

    Returns
    -------
    Axes. Group *i* sits at y = −i, authorial at −i + 0.15 (dot), quoted at −i − 0.15
    (square). ``ax.lines[0]`` is the vertical zero line; ``ax.lines[1 + 2 i]`` is group *i*'s
    authorial dot and ``ax.lines[2 + 2 i]`` its quoted one; ``ax.collections[0]`` and ``[1]``
    are the authorial and quoted whiskers.
    """
    voices = (("authorial", "o", 0.15), ("quoted", "s", -0.15))
    need = [f"sentiment_{v}_mean{s}" for v, _, _ in voices for s in ("", "_ci_low", "_ci_high")]
    _need(measures, need, "plot_sentiment_voices")
    groups = _groups(measures, by)
    colors = _colors_for(groups, colors)
    ax = ax if ax is not None else new_axes((5.0, 0.55 * len(groups) + 1.2))
    ax.axvline(0.0, color="#777777", linewidth=0.8)
    y = -np.arange(len(groups), dtype=float)
    cols = [colors[g] for g in groups]
    for v, marker, off in voices:
        m = f"sentiment_{v}_mean"
        ax.hlines(y + off, measures[f"{m}_ci_low"].to_numpy(float),
                  measures[f"{m}_ci_high"].to_numpy(float), colors=cols, linewidth=1.5)
    for i, g in enumerate(groups):
        for v, marker, off in voices:
            ax.plot([float(measures[f"sentiment_{v}_mean"].iloc[i])], [y[i] + off],
                    marker=marker, linestyle="none", color=colors[g], markersize=5)
    from matplotlib.lines import Line2D
    handles = [Line2D([], [], marker=marker, linestyle="none", color="#444444", label=v)
               for v, marker, _ in voices]
    ax.set_yticks(y, groups)
    ax.set_xlabel("mean paragraph sentiment (VADER compound)")
    ax.legend(handles=handles, loc="lower right", fontsize=7)
    return ax


@_styled
def plot_actor_tone(tone: pd.DataFrame, *, by: str = "outlet", actor: str = "actor",
                    value: str = "tone_mean", ax=None, colors: dict | None = None):
    """Tone toward actors: one row per actor (top to bottom in first-appearance order of the
    table), one dot per group at the mean tone of the mentions, whiskers from ``<value>_ci_low``
    to ``<value>_ci_high`` when those columns exist.

    Parameters
    ----------
    tone : long table with columns ``actor``, ``by`` and ``value`` (one row per actor ×
        group), e.g. from :func:`framing.figures.actor_tone_table`.

    Returns
    -------
    Axes. Actor *k* at y = −k; ``ax.lines[0]`` is the zero line, ``ax.lines[1 + i]`` the dots
    of group *i* (groups in sorted order), with NaN where the group never mentions the actor.
    """
    _need(tone, [actor, by, value], "plot_actor_tone")
    actors = list(dict.fromkeys(str(a) for a in tone[actor]))
    groups = sorted({str(g) for g in tone[by]})
    colors = _colors_for(groups, colors)
    wide = tone.assign(**{actor: tone[actor].astype(str), by: tone[by].astype(str)})
    has_ci = f"{value}_ci_low" in tone.columns and f"{value}_ci_high" in tone.columns
    ax = ax if ax is not None else new_axes((5.5, 0.4 * len(actors) + 1.2))
    ax.axvline(0.0, color="#777777", linewidth=0.8)
    pos = {a: -k for k, a in enumerate(actors)}
    n = len(groups)
    offsets = (np.arange(n) - (n - 1) / 2) * 0.18
    for i, g in enumerate(groups):
        sub = wide[wide[by] == g].set_index(actor).reindex(actors)
        y = np.array([pos[a] for a in actors], dtype=float) - offsets[i]
        ax.plot(sub[value].to_numpy(float), y, marker="o", linestyle="none",
                color=colors[g], label=g, markersize=5)
        if has_ci:
            ax.hlines(y, sub[f"{value}_ci_low"].to_numpy(float),
                      sub[f"{value}_ci_high"].to_numpy(float), color=colors[g], linewidth=1.2)
    ax.set_yticks([pos[a] for a in actors], actors)
    ax.set_xlabel("mean tone toward the actor (VADER compound, [-1, 1])")
    ax.legend(loc="lower right", fontsize=7)
    return ax


@_styled
def plot_keyness(keyness: pd.DataFrame, *, term: str = "term", score: str = "statistic",
                 top: int = 15, ax=None, labels: tuple[str, str] = ("target", "reference")):
    """Keyness: the ``top`` most over-used terms of the target (score > 0, to the right) and
    of the reference (score < 0, to the left) as horizontal bars, most key at the top.

    Returns
    -------
    Axes with one bar per term (``ax.patches`` top to bottom: target terms by decreasing
    score, then reference terms by increasing score); bar width = the signed score.
    """
    _need(keyness, [term, score], "plot_keyness")
    if not isinstance(top, int) or top < 1:
        raise input_error(f"top={top!r} must be a positive integer")
    k = keyness[[term, score]].dropna()
    pos = k[k[score] > 0].sort_values([score, term], ascending=[False, True]).head(top)
    neg = k[k[score] < 0].sort_values([score, term], ascending=[True, True]).head(top)
    rows = pd.concat([pos, neg])
    ax = ax if ax is not None else new_axes((5.0, 0.22 * len(rows) + 1.2))
    y = -np.arange(len(rows), dtype=float)
    col = [OKABE_ITO[4] if s > 0 else OKABE_ITO[5] for s in rows[score]]
    ax.barh(y, rows[score].to_numpy(float), color=col, height=0.75)
    ax.set_yticks(y, [str(t) for t in rows[term]], fontsize=7)
    ax.axvline(0.0, color="#000000", linewidth=0.6)
    ax.set_xlabel(f"keyness ({_label(score)}): ← {labels[1]} · {labels[0]} →")
    return ax


# --------------------------------------------------------------------------------------------
# Saving
# --------------------------------------------------------------------------------------------

def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def provenance_base() -> dict:
    """Versions behind every figure: framing, matplotlib, vaderSentiment, each lexicon's
    version and sha256."""
    from . import __version__
    from .lexicons import lexicons_in_use
    from .output import version_of

    lex = lexicons_in_use()[["name", "version", "sha256"]].to_dict(orient="records")
    return {"framing_version": __version__,
            "packages": {p: version_of(p) for p in ("matplotlib", "vaderSentiment", "pandas",
                                                    "numpy", "statsmodels")},
            "lexicons": lex}


def save_figure(fig, path_stem: str | Path, *, provenance: dict,
                formats: Sequence[str] = FORMATS) -> dict[str, Path]:
    """Save `fig` as ``<path_stem>.<fmt>`` for each format, and ``<path_stem>.json``.

    The files are the same bytes every time the same figure is saved: fixed style and font,
    no creation dates, fixed SVG id salt, ``SOURCE_DATE_EPOCH=0`` while saving. Each file is
    written to a temporary name and moved into place (``os.replace``), so a reader never sees
    half a file.

    Parameters
    ----------
    fig : matplotlib Figure (or an Axes, whose figure is saved).
    path_stem : path without extension; its folder must exist.
    provenance : what the figure was made from: at least ``inputs`` (name → sha256) and
        ``parameters`` (dict). Written to the sidecar with the package, lexicon and
        vaderSentiment versions and the sha256 of every file written.
    formats : any of "pdf", "png", "svg".

    Returns
    -------
    dict format → path, plus "json" → the sidecar.
    """
    for fmt in formats:
        if fmt not in FORMATS:
            raise invalid_choice("formats", fmt, FORMATS)
    if not isinstance(provenance, dict):
        raise input_error(f"provenance must be a dict, got {type(provenance).__name__}",
                          fix='pass e.g. {"inputs": {...}, "parameters": {...}}')
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = getattr(fig, "figure", fig)
    if fig.canvas is None or not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)  # Agg, whatever backend pyplot uses
    stem = Path(path_stem)
    out: dict[str, Path] = {}
    hashes = {}
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        with style():
            for fmt in formats:
                import io
                buf = io.BytesIO()
                fig.savefig(buf, format=fmt, metadata=_METADATA[fmt])
                path = stem.with_name(f"{stem.name}.{fmt}")
                _atomic_write(path, buf.getvalue())
                out[fmt] = path
                hashes[path.name] = hashlib.sha256(buf.getvalue()).hexdigest()
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
    sidecar = {"figure": stem.name, **provenance_base(), **provenance, "files": hashes}
    path = stem.with_name(f"{stem.name}.json")
    _atomic_write(path, (json.dumps(sidecar, indent=2, sort_keys=True, default=str)
                         + "\n").encode("utf-8"))
    out["json"] = path
    return out
