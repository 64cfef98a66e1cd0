"""framing.figures: one function per figure, numbers.json, and byte-identical rebuilds."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from framing import figures
from framing.cli import build_parser
from framing.measures import measure
from framing.tagged import ACTOR_COLUMNS, ATTRIBUTION_COLUMNS, PARAGRAPH_COLUMNS, Tagged

from conftest import need_shared


def synthetic_tagged() -> Tagged:
    """Two outlets × 3 articles × 2 body paragraphs; outlet a attributes in every paragraph,
    b in half of them; sentiment authorial 0.1·k, quoted −0.2 (a) / 0.3 (b)."""
    arts, paras, attrs, actors = [], [], [], []
    for outlet, every in (("a", 1), ("b", 2)):
        for k in range(3):
            doc = f"{outlet}{k}"
            arts.append({"doc_id": doc, "outlet": outlet, "published": "2020-01-0%d" % (k + 1),
                         "title": doc, "event_id": f"e{k}", "wire": ""})
            for p in range(2):
                row = {c: 0 for c in PARAGRAPH_COLUMNS}
                row.update(doc_id=doc, outlet=outlet, para_idx=p, role="body",
                           text=f"{outlet} text {k} {p} said", n_words=10, n_sentences=1,
                           n_words_authorial=8, n_words_quoted=2, sentiment=0.1 * k,
                           sentiment_authorial=0.1 * k,
                           sentiment_quoted=-0.2 if outlet == "a" else 0.3)
                paras.append(row)
                if p % every == 0:
                    a = {c: "" for c in ATTRIBUTION_COLUMNS}
                    a.update(doc_id=doc, outlet=outlet, para_idx=p, kind="direct", cue="said",
                             cue_start=0, cue_end=4, cue_class="neutral" if p == 0 else "denial",
                             source="X", source_start=0, source_end=1, content_start=0,
                             content_end=1, identification="named_person",
                             source_type="government" if k else "expert", country="US")
                    attrs.append(a)
                actors.append({"doc_id": doc, "outlet": outlet, "para_idx": p,
                               "actor": "Kim" if p == 0 else "Putin", "actor_type": "person",
                               "country": "", "start": 0, "end": 1, "text": "K",
                               "tone": 0.5 if outlet == "a" else -0.5})
    return Tagged(articles=pd.DataFrame(arts), paragraphs=pd.DataFrame(paras),
                  attributions=pd.DataFrame(attrs, columns=ATTRIBUTION_COLUMNS),
                  actors=pd.DataFrame(actors, columns=ACTOR_COLUMNS))


@pytest.fixture(scope="module")
def study() -> figures.Study:
    t = synthetic_tagged()
    return figures.Study(name="synthetic", tagged=t, measures=measure(t, n_boot=50, seed=0),
                         inputs={"corpus": "synthetic"}, parameters={"n_boot": 50},
                         colors={"a": "#E69F00", "b": "#56B4E9"})


def test_every_figure_made_by_one_function(study):
    assert list(figures.FIGURES) == ["outlet_measures", "source_types", "countries",
                                     "cue_profile", "sentiment_voices", "actor_tone", "keyness"]
    for name, func in figures.FIGURES.items():
        fig = func(study)
        assert fig.axes, name


def test_outlet_measures_plot_the_measures(study):
    fig = figures.fig_outlet_measures(study)
    names = [ax.get_xlabel() for ax in fig.axes]
    assert names == ["attribution ratio", "direct share", "anonymous share", "sentiment mean"]
    m = study.measures
    assert m["attribution_ratio"].tolist() == [1.0, 0.5]
    ratio = fig.axes[0]
    assert [ratio.lines[i].get_xdata()[0] for i in (1, 3)] == [1.0, 0.5]
    assert list(ratio.lines[2].get_xdata()) == [m.attribution_ratio_ci_low[1],
                                                m.attribution_ratio_ci_high[1]]
    senti = fig.axes[3]
    assert senti.lines[1].get_xdata()[0] == pytest.approx(0.1)  # (0+.1+.2)/3 per outlet


def test_composition_and_actor_tone_values(study):
    ax = figures.fig_source_types(study).axes[0]
    bars = {c.get_label(): [p.get_width() for p in c] for c in ax.containers}
    # a: 6 attributions, 2 expert (k=0); b: 3 attributions, 1 expert
    assert bars["expert"] == pytest.approx([2 / 6, 1 / 3])
    assert bars["government"] == pytest.approx([4 / 6, 2 / 3])
    t = figures.actor_tone_table(study.tagged)
    assert t[["actor", "outlet", "tone_mean", "n_mentions", "n_articles"]].to_dict(
        orient="list") == {"actor": ["Kim", "Kim", "Putin", "Putin"],
                           "outlet": ["a", "b", "a", "b"], "tone_mean": [0.5, -0.5, 0.5, -0.5],
                           "n_mentions": [3, 3, 3, 3], "n_articles": [3, 3, 3, 3]}
    ax = figures.fig_actor_tone(study).axes[0]  # dots of outlet a (lines[1]) at the table's means
    assert list(ax.lines[1].get_xdata()) == [0.5, 0.5]


def test_untagged_layers_are_skipped_not_faked(study):
    bare = Tagged(articles=study.tagged.articles,
                  paragraphs=study.tagged.paragraphs.assign(sentiment=np.nan,
                                                            sentiment_authorial=np.nan,
                                                            sentiment_quoted=np.nan))
    s = figures.Study(name="bare", tagged=bare, measures=measure(bare, n_boot=0),
                      inputs={}, parameters={})
    for name in ("outlet_measures", "source_types", "countries", "cue_profile",
                 "sentiment_voices", "actor_tone"):
        with pytest.raises(figures.Skip):
            figures.FIGURES[name](s)


def test_numbers_equal_measures(study):
    n = figures.numbers(study)
    assert n["outlets"]["a"]["attribution_ratio"] == 1.0
    assert n["outlets"]["b"]["attribution_ratio"] == 0.5
    assert n["outlets"]["b"]["n_attributions"] == 3
    assert n["outlets"]["a"]["n_paragraphs"] == 6
    (c,) = n["attribution_ratio_contrasts"]
    assert (c["group"], c["group_ref"], c["measure"]) == ("b", "a", "attribution_ratio")
    json.dumps(n, allow_nan=False)  # no NaN in the file


def test_seed_build_without_shared_data(tmp_path):
    index = figures.build_figures(tmp_path / "out", data_dir=tmp_path / "nodata", quick=True,
                                  log=lambda *a: None)
    assert index["corpus"] == "seed"
    nums = json.loads((tmp_path / "out" / "numbers.json").read_text())
    assert nums["inputs"]["path"] == "corpora/seed"
    assert nums["outlets"]["unknown"]["n_articles"] == 1
    assert nums["outlets"]["unknown"]["n_paragraphs"] == 24  # body paragraphs of the seed
    assert "keyness" in index["skipped"]  # one outlet: nothing to contrast
    for name in index["built"]:
        side = json.loads((tmp_path / "out" / f"{name}.json").read_text())
        assert side["inputs"]["corpus_sha256"] == nums["inputs"]["corpus_sha256"]


def test_check_detects_a_nondeterministic_figure(tmp_path, monkeypatch, capsys):
    rng = np.random.default_rng()

    def fig_noise(study):
        from framing.plots import new_axes
        ax = new_axes()
        ax.plot(rng.random(5))
        return ax.figure

    monkeypatch.setattr(figures, "FIGURES", {"noise": fig_noise})
    args = build_parser_with_figures().parse_args(
        ["figures", "--check", "--quick", "--data", str(tmp_path / "nodata")])
    assert args.func(args) == 1
    err = capsys.readouterr().err
    assert "noise.pdf" in err and "noise.png" in err and "noise.svg" in err
    assert "noise.json" in err  # the sidecar lists the file hashes, so it differs too
    assert "numbers.json" not in err


def build_parser_with_figures():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    if "figures" not in sub.choices:
        figures.add_parser(sub)
    return parser


def test_check_seed_identical(tmp_path):
    assert figures.check_figures(quick=True, data_dir=tmp_path / "nodata",
                                 log=lambda *a: None) == []


def test_check_basil_identical():
    need_shared("basil")
    logs = []
    assert figures.check_figures(quick=True, log=logs.append) == []
    assert logs[0].startswith("figures from basil (36 articles")
