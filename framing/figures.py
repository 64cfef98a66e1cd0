"""Paper figures, rebuilt from the data by one command: ``framing figures --out DIR``.

Stage: compare → plot → **figures**. Each figure is made by exactly one function below
(registered with ``@figure``); each takes the :class:`Study` (the tagged corpus and its
measures) and returns a Matplotlib Figure, or raises :class:`Skip` with the reason when the
data cannot support it (never a placeholder). `build_figures` writes every figure as PDF, PNG
and SVG with a provenance sidecar (`framing.plots.save_figure`), ``numbers.json`` (the numbers
quoted in the text) and ``index.json`` (what was built, what was skipped and why).

The study is BASIL (Fan et al. 2019; same-event triplets from Fox News, the New York Times and
HuffPost) read from ``../shared/data/basil`` beside the repository (or ``data_dir``); without
it, the bundled seed article (``corpora/seed``), so the command runs on any clone.

``framing figures --check`` builds twice into temporary folders and compares the sha256 of
every file; it exits 1, naming the files that differ, if the builds are not byte-identical.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import input_error

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
SEED_CORPUS = REPO / "corpora" / "seed"
QUICK_EVENTS = 12  # quick mode: the first events (sorted event_id) of BASIL
N_BOOT = {False: 2000, True: 200}
MEASURES_SHOWN = ("attribution_ratio", "direct_share", "anonymous_share", "sentiment_mean")
_LAYER_OF = {"attribution_ratio": "attribution", "direct_share": "attribution",
             "anonymous_share": "attribution", "sentiment_mean": "sentiment"}


class Skip(Exception):
    """A figure the data cannot support (the reason goes to index.json and the console)."""


@dataclass(frozen=True)
class Study:
    """What the figures are made from: the corpus name, tagged tables, outlet measures
    (``framing.measure(tagged, by="outlet")``), inputs with sha256, parameters, and one colour
    per outlet shared by every figure."""

    name: str
    tagged: object
    measures: pd.DataFrame
    inputs: dict
    parameters: dict
    colors: dict = field(default_factory=dict)

    def has(self, layer: str) -> bool:
        """Whether the tagger filled a layer: "attribution" (any attribution row), "sentiment"
        (any paragraph score), "stance" (any stance span), "actors" (any actor mention)."""
        t = self.tagged
        if layer == "attribution":
            return len(t.attributions) > 0
        if layer == "sentiment":
            return bool(t.paragraphs["sentiment"].notna().any())
        if layer == "stance":
            return bool((t.spans["layer"] == "stance").any())
        if layer == "actors":
            return len(t.actors) > 0
        raise ValueError(layer)

    @property
    def outlets(self) -> list[str]:
        return sorted(self.tagged.articles["outlet"].astype(str).unique())


def load_study(*, quick: bool = False, data_dir: str | Path | None = None, seed: int = 0,
               n_jobs: int = 1) -> Study:
    """Read and tag BASIL from ``data_dir/basil`` (default ``../shared/data``), or the bundled
    seed article when that folder is missing; measure per outlet with an article bootstrap.

    quick : only the first ``QUICK_EVENTS`` events of BASIL, 200 bootstrap resamples
        (2000 otherwise).
    """
    from . import datasets
    from .measures import measure
    from .notebook import first_events
    from .output import corpus_sha256
    from .pipeline import tag
    from .plots import outlet_colors
    from .readers import read_corpus

    data = Path(data_dir) if data_dir is not None else DEFAULT_DATA
    basil = data / "basil"
    if basil.exists():
        corpus = datasets.read_basil(basil)
        name = "basil"
        if quick:
            corpus = first_events(corpus, QUICK_EVENTS)
        where = "../shared/data/basil" if data_dir is None else str(basil)
    else:
        if not SEED_CORPUS.exists():
            raise input_error("neither BASIL nor the bundled seed article was found",
                              where=f"{basil} and {SEED_CORPUS}",
                              fix="pass --data with a folder holding basil/, or run from a "
                                  "clone of the repository")
        corpus = read_corpus(SEED_CORPUS)
        name = "seed"
        where = "corpora/seed"
    tagged = tag(corpus, n_jobs=n_jobs)
    n_boot = N_BOOT[bool(quick)]
    measures = measure(tagged, by="outlet", n_boot=n_boot, seed=seed)
    inputs = {"corpus": name, "path": where,
              "corpus_sha256": corpus_sha256(corpus.articles, corpus.paragraphs),
              "n_articles": int(len(corpus.articles))}
    parameters = {"quick": bool(quick), "n_boot": n_boot, "seed": seed, "by": "outlet",
                  "roles": ["body"], "events": QUICK_EVENTS if quick and name == "basil"
                  else "all", "tag": tagged.params}
    return Study(name=name, tagged=tagged, measures=measures, inputs=inputs,
                 parameters=parameters, colors=outlet_colors(tagged.articles["outlet"]))


# --------------------------------------------------------------------------------------------
# One function per figure
# --------------------------------------------------------------------------------------------

FIGURES: dict[str, Callable[[Study], object]] = {}


def figure(name: str):
    def register(func):
        FIGURES[name] = func
        return func
    return register


def _need_values(study: Study, columns, what: str, layer: str = "attribution") -> None:
    if not study.has(layer):
        raise Skip(f"{what}: the {layer} layer is not tagged in {study.name}")
    cols = [c for c in columns if c in study.measures.columns]
    if not cols or study.measures[cols].isna().all().all():
        raise Skip(f"{what}: no values in the measures of {study.name} (is that layer tagged?)")


def _panels(n: int, width: float = 3.0, height: float | None = None, sharey: bool = True):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from .plots import style

    with style():
        fig = Figure(figsize=(width * n, height or 2.6), layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(1, n, sharey=sharey, squeeze=False)[0]
    return fig, list(axes)


@figure("outlet_measures")
def fig_outlet_measures(study: Study):
    """Attribution ratio, direct-quote share, anonymous share and mean sentiment per outlet,
    with 95 % article-bootstrap intervals (dot and whisker)."""
    from .plots import plot_measure

    shown = [m for m in MEASURES_SHOWN if m in study.measures.columns
             and study.has(_LAYER_OF[m]) and study.measures[m].notna().any()]
    if not shown:
        raise Skip("outlet_measures: neither attributions nor sentiment are tagged")
    fig, axes = _panels(len(shown), height=0.45 * len(study.measures) + 1.0)
    for ax, m in zip(axes, shown):
        plot_measure(study.measures, m, ax=ax, colors=study.colors)
    return fig


@figure("source_types")
def fig_source_types(study: Study):
    """Source-type composition of the attributions, by outlet (stacked shares)."""
    from .measures import SOURCE_TYPES
    from .plots import new_axes, plot_composition

    cats = [t for t in SOURCE_TYPES if f"source_type_{t}_share" in study.measures.columns]
    _need_values(study, [f"source_type_{t}_share" for t in cats], "source_types")
    ax = new_axes((6.0, 0.45 * len(study.measures) + 1.4))
    plot_composition(study.measures, prefix="source_type_", categories=cats, ax=ax)
    return ax.figure


@figure("countries")
def fig_countries(study: Study):
    """Country of the sources (top 8 by mean share), by outlet; a source may have several
    countries, so bars can exceed 1."""
    from .plots import new_axes, plot_composition

    cols = [c for c in study.measures.columns if c.startswith("country_")
            and c.endswith("_share")]
    _need_values(study, cols, "countries")
    ax = new_axes((6.0, 0.45 * len(study.measures) + 1.4))
    plot_composition(study.measures, prefix="country_", top=8, ax=ax,
                     xlabel="share of attributions by source country")
    return ax.figure


@figure("cue_profile")
def fig_cue_profile(study: Study):
    """Cue-class profile (said / claimed / denied / …) by outlet, with intervals."""
    from .measures import CUE_CLASSES
    from .plots import new_axes, plot_cue_profile

    cols = [f"cue_class_{c}_share" for c in CUE_CLASSES]
    _need_values(study, cols, "cue_profile")
    classes = [c for c in CUE_CLASSES if f"cue_class_{c}_share" in study.measures.columns]
    ax = new_axes((5.5, 0.4 * len(classes) + 1.2))
    plot_cue_profile(study.measures, classes=classes, ax=ax, colors=study.colors)
    return ax.figure


@figure("sentiment_voices")
def fig_sentiment_voices(study: Study):
    """Mean paragraph sentiment, authorial vs quoted, by outlet."""
    from .plots import plot_sentiment_voices

    _need_values(study, ["sentiment_authorial_mean", "sentiment_quoted_mean"],
                 "sentiment_voices", layer="sentiment")
    return plot_sentiment_voices(study.measures, colors=study.colors).figure


def actor_tone_table(tagged, *, by: str = "outlet", top: int = 10, n_boot: int = 0,
                     seed: int = 0) -> pd.DataFrame:
    """The rows of ``framing.measures.measure_actor_tone(tagged, by=by, min_mentions=1, …)``
    for the ``top`` actors with the most mentions over all groups (ties by name), ordered by
    decreasing total mentions, then by group: columns ``actor``, ``by``, ``tone_mean`` (with
    ``_ci_low``/``_ci_high`` from an article bootstrap of ``n_boot`` resamples), ``n_mentions``,
    ``n_articles``. The computation is :func:`framing.measures.measure_actor_tone`; this only
    picks the actors shown."""
    from .measures import measure_actor_tone

    t = measure_actor_tone(tagged, by=by, min_mentions=1, n_boot=n_boot, seed=seed)
    cols = ["actor", by, "tone_mean", "tone_mean_ci_low", "tone_mean_ci_high", "n_mentions",
            "n_articles"]
    if t.empty:
        return pd.DataFrame(columns=cols)
    counts = t.groupby("actor")["n_mentions"].sum()
    order = sorted(counts.index, key=lambda k: (-counts[k], str(k)))[:top]
    t = t[t["actor"].isin(order)]
    t = t.assign(_rank=t["actor"].map({a: i for i, a in enumerate(order)}))
    return t.sort_values(["_rank", by], kind="stable")[cols].reset_index(drop=True)


@figure("actor_tone")
def fig_actor_tone(study: Study):
    """Tone toward the ten most mentioned actors, by outlet (mean tone of the mentions in body
    paragraphs, 95 % article-bootstrap intervals; framing.measures.measure_actor_tone)."""
    from .plots import plot_actor_tone

    table = actor_tone_table(study.tagged, n_boot=int(study.parameters.get("n_boot", 0)),
                             seed=int(study.parameters.get("seed", 0)))
    if table.empty:
        raise Skip("actor_tone: no actor mention with a tone in tagged.actors")
    return plot_actor_tone(table, colors=study.colors).figure


@figure("keyness")
def fig_keyness(study: Study):
    """Words that distinguish each outlet from the others (weighted log-odds z, Monroe et al.
    2008), ten each way, one panel per outlet."""
    from .keyness import keyness
    from .plots import plot_keyness

    if len(study.outlets) < 2:
        raise Skip("keyness: needs at least two outlets")
    k = keyness(study.tagged, by="outlet", min_count=5)
    fig, axes = _panels(len(study.outlets), width=2.6, height=4.6, sharey=False)
    for ax, g in zip(axes, study.outlets):
        plot_keyness(k[k["group"].astype(str) == g], term="token", score="z", top=10, ax=ax,
                     labels=(g, "others"))
        ax.set_title(g)
    return fig


# --------------------------------------------------------------------------------------------
# Numbers quoted in the text
# --------------------------------------------------------------------------------------------

def _clean(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):
        return _clean(v.item())
    return v


def numbers(study: Study) -> dict:
    """The numbers a paper quotes: per outlet, the counts and each measure of
    ``MEASURES_SHOWN`` with its interval; with several outlets, the pairwise comparison of the
    attribution ratio (``framing.compare``, event fixed effects on BASIL)."""
    m = study.measures
    out = {"corpus": study.name, "inputs": study.inputs, "parameters": study.parameters,
           "outlets": {}}
    for _, r in m.iterrows():
        row = {k: _clean(r[k]) for k in ("n_articles", "n_paragraphs", "n_attributions")}
        for name in MEASURES_SHOWN:
            if name in m.columns and study.has(_LAYER_OF[name]):
                for suffix in ("", "_ci_low", "_ci_high"):
                    row[name + suffix] = _clean(r[name + suffix])
        out["outlets"][str(r["outlet"])] = row
    if len(study.outlets) >= 2 and len(study.tagged.attributions):
        from .comparison import compare

        event = "event_id" if study.name == "basil" else None
        c = compare(study.tagged, measure="attribution_ratio", by="outlet", event=event)
        out["attribution_ratio_contrasts"] = [
            {k: _clean(v) for k, v in row.items()} for row in c.to_dict(orient="records")]
    return out


def _write_json(path: Path, data: dict) -> None:
    from .plots import _atomic_write

    _atomic_write(path, (json.dumps(data, indent=2, sort_keys=True, allow_nan=False,
                                    default=str) + "\n").encode("utf-8"))


def build_figures(out_dir: str | Path, *, quick: bool = False,
                  data_dir: str | Path | None = None, seed: int = 0, n_jobs: int = 1,
                  only: list[str] | None = None, log=print) -> dict:
    """Rebuild every figure into ``out_dir``.

    Writes ``<name>.pdf/.png/.svg`` and ``<name>.json`` (provenance) for each figure of
    ``FIGURES`` the data supports, ``numbers.json`` and ``index.json``. Returns the index:
    ``{"corpus", "built": [names], "skipped": {name: reason}}``.
    """
    from .plots import save_figure

    unknown = sorted(set(only or []) - set(FIGURES))
    if unknown:
        raise input_error(f"unknown figure(s) {unknown}", fix=f"choose from {list(FIGURES)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    study = load_study(quick=quick, data_dir=data_dir, seed=seed, n_jobs=n_jobs)
    log(f"figures from {study.name} ({study.inputs['n_articles']} articles, "
        f"{len(study.tagged.attributions)} attributions){' [quick]' if quick else ''}")
    index = {"corpus": study.name, "built": [], "skipped": {}}
    for name, func in FIGURES.items():
        if only and name not in only:
            continue
        try:
            fig = func(study)
        except Skip as why:
            index["skipped"][name] = str(why)
            log(f"  skipped {name}: {why}")
            continue
        save_figure(fig, out / name, provenance={
            "inputs": study.inputs, "parameters": study.parameters,
            "made_by": f"framing.figures.{func.__name__}",
            "description": " ".join((func.__doc__ or "").split())})
        index["built"].append(name)
        log(f"  {name}: {', '.join(f'{name}.{f}' for f in ('pdf', 'png', 'svg', 'json'))}")
    _write_json(out / "numbers.json", numbers(study))
    _write_json(out / "index.json", index)
    log(f"numbers.json and index.json written to {out}")
    return index


def tree_sha256(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by relative path."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def check_figures(*, quick: bool = False, data_dir: str | Path | None = None,
                  n_jobs: int = 1, log=print) -> list[str]:
    """Build twice into temporary folders; return the files that differ (or exist in only one
    build). An empty list means byte-identical builds."""
    tmp = Path(tempfile.mkdtemp(prefix="framing-figures-check-"))
    try:
        trees = []
        for run in ("a", "b"):
            build_figures(tmp / run, quick=quick, data_dir=data_dir, n_jobs=n_jobs, log=log)
            trees.append(tree_sha256(tmp / run))
        a, b = trees
        differ = sorted(f for f in set(a) | set(b) if a.get(f) != b.get(f))
        log(f"compared {len(a)} files: " + ("identical" if not differ else
                                            f"{len(differ)} differ: {', '.join(differ)}"))
        return differ
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# CLI: framing figures
# --------------------------------------------------------------------------------------------

def cmd_figures(args: argparse.Namespace) -> int:
    if args.check:
        differ = check_figures(quick=args.quick, data_dir=args.data, n_jobs=args.jobs)
        if differ:
            print("framing figures --check: these files differ between two builds: "
                  + ", ".join(differ), file=sys.stderr)
            return 1
        return 0
    if not args.out:
        print("framing figures: error: --out DIR is required (or --check)", file=sys.stderr)
        return 2
    build_figures(args.out, quick=args.quick, data_dir=args.data, n_jobs=args.jobs,
                  only=args.only)
    return 0


def add_parser(sub) -> argparse.ArgumentParser:
    """Register ``framing figures`` on the CLI's subparsers."""
    p = sub.add_parser(
        "figures", help="rebuild every paper figure and numbers.json",
        description="Rebuild every figure (PDF, PNG, SVG, each with a JSON provenance sidecar), "
                    "numbers.json (the numbers quoted in the text) and index.json from BASIL "
                    "in ../shared/data (or --data), or from the bundled seed article without "
                    "it. --check builds twice into temporary folders and exits 1 if any file "
                    "differs.")
    p.add_argument("--out", help="output folder (created; files of the same name replaced)")
    p.add_argument("--check", action="store_true",
                   help="build twice and compare every file's sha256")
    p.add_argument("--quick", action="store_true",
                   help=f"first {QUICK_EVENTS} BASIL events and {N_BOOT[True]} bootstrap "
                        f"resamples (for tests)")
    p.add_argument("--data", help="folder holding basil/ (default ../shared/data beside the "
                                  "repository)")
    p.add_argument("--only", nargs="+", metavar="NAME", help=f"only these: {list(FIGURES)}")
    p.add_argument("--jobs", type=int, default=1, help="worker processes for tagging")
    p.set_defaults(func=cmd_figures)
    return p
