"""framing.plots: the plotted data equal the table; saving twice gives the same bytes."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import matplotlib
import numpy as np
import pandas as pd
import pytest

from framing import plots
from framing.errors import FramingError

NAN = float("nan")


@pytest.fixture()
def measures() -> pd.DataFrame:
    return pd.DataFrame({
        "outlet": ["fox", "hpo", "nyt"],
        "attribution_ratio": [0.50, 0.25, 0.75],
        "attribution_ratio_ci_low": [0.40, 0.10, 0.60],
        "attribution_ratio_ci_high": [0.60, 0.35, 0.90],
        "source_type_government_share": [0.5, 0.2, NAN],
        "source_type_expert_share": [0.25, 0.3, 0.4],
        "source_type_unknown_share": [0.25, 0.5, 0.6],
        "source_type_expert_share_ci_low": [0.1, 0.1, 0.1],  # not a category
        "cue_class_neutral_share": [0.6, 0.7, 0.8],
        "cue_class_neutral_share_ci_low": [0.5, 0.6, 0.7],
        "cue_class_neutral_share_ci_high": [0.7, 0.8, 0.9],
        "cue_class_denial_share": [0.1, 0.0, 0.05],
        "cue_class_denial_share_ci_low": [0.0, 0.0, 0.0],
        "cue_class_denial_share_ci_high": [0.2, 0.0, 0.1],
        "sentiment_authorial_mean": [0.1, -0.2, 0.0],
        "sentiment_authorial_mean_ci_low": [0.0, -0.3, -0.1],
        "sentiment_authorial_mean_ci_high": [0.2, -0.1, 0.1],
        "sentiment_quoted_mean": [-0.3, 0.4, NAN],
        "sentiment_quoted_mean_ci_low": [-0.4, 0.3, NAN],
        "sentiment_quoted_mean_ci_high": [-0.2, 0.5, NAN],
    })


def xy(line):
    x, y = line.get_data()
    return np.asarray(x, float).tolist(), np.asarray(y, float).tolist()


def test_outlet_colors_fixed_by_sorted_name():
    a = plots.outlet_colors(["nyt", "fox", "hpo"])
    b = plots.outlet_colors(["hpo", "nyt", "fox", "fox"])
    assert a == b == {"fox": "#E69F00", "hpo": "#56B4E9", "nyt": "#009E73"}
    assert plots.category_colors(["a", "unknown", "b"]) == {
        "a": "#E69F00", "unknown": "#999999", "b": "#56B4E9"}


def test_plot_measure_dots_and_whiskers_equal_table(measures):
    ax = plots.plot_measure(measures, "attribution_ratio")
    assert len(ax.lines) == 6
    assert xy(ax.lines[0]) == ([0.40, 0.60], [0.0, 0.0])
    assert xy(ax.lines[1]) == ([0.50], [0.0])
    assert xy(ax.lines[3]) == ([0.25], [-1.0])
    assert xy(ax.lines[4]) == ([0.60, 0.90], [-2.0, -2.0])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["fox", "hpo", "nyt"]
    assert matplotlib.colors.to_hex(ax.lines[5].get_color()) == "#009e73"
    assert ax.get_xlabel() == "attribution ratio"


def test_plot_measure_missing_ci_names_columns(measures):
    with pytest.raises(FramingError, match=r"direct_share_ci_low"):
        plots.plot_measure(measures, "direct_share")


def test_plot_composition_stacks_shares(measures):
    ax = plots.plot_composition(measures)
    assert [c.get_label() for c in ax.containers] == ["government", "expert", "unknown"]
    lefts = [[p.get_x() for p in c] for c in ax.containers]
    widths = [[p.get_width() for p in c] for c in ax.containers]
    assert np.allclose(widths, [[0.5, 0.2, 0.0], [0.25, 0.3, 0.4], [0.25, 0.5, 0.6]])
    assert np.allclose(lefts, [[0, 0, 0], [0.5, 0.2, 0.0], [0.75, 0.5, 0.4]])
    ax = plots.plot_composition(measures, top=2)
    assert [c.get_label() for c in ax.containers] == ["unknown", "expert"]


def test_plot_cue_profile_dots(measures):
    ax = plots.plot_cue_profile(measures)
    assert len(ax.lines) == 3 and len(ax.collections) == 3
    # neutral (y=0) above denial (y=-1); fox offset +0.18, hpo 0, nyt -0.18
    x, y = xy(ax.lines[0])
    assert x == [0.6, 0.1] and y == pytest.approx([0.18, -0.82])
    x, y = xy(ax.lines[2])
    assert x == [0.8, 0.05] and y == pytest.approx([-0.18, -1.18])
    seg = ax.collections[1].get_segments()
    assert [s.tolist() for s in seg] == [[[0.6, 0.0], [0.8, 0.0]], [[0.0, -1.0], [0.0, -1.0]]]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["neutral", "denial"]


def test_plot_sentiment_voices(measures):
    ax = plots.plot_sentiment_voices(measures)
    assert xy(ax.lines[0])[0] == [0.0, 0.0]  # zero line
    assert xy(ax.lines[1]) == ([0.1], [0.15])
    assert xy(ax.lines[2]) == ([-0.3], [-0.15])
    assert xy(ax.lines[4]) == ([0.4], [-1.15])
    assert np.isnan(xy(ax.lines[6])[0][0])  # nyt has no quoted text
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["authorial", "quoted"]


def test_plot_actor_tone():
    tone = pd.DataFrame({"actor": ["Kim", "Kim", "Putin"], "outlet": ["b", "a", "a"],
                         "tone_mean": [0.2, -0.1, 0.3]})
    ax = plots.plot_actor_tone(tone)
    x, y = xy(ax.lines[1])  # group "a"
    assert x == [-0.1, 0.3] and y == pytest.approx([0.09, -0.91])
    x, y = xy(ax.lines[2])  # group "b": never mentions Putin
    assert x[0] == 0.2 and np.isnan(x[1])


def test_plot_keyness_orders_and_signs():
    k = pd.DataFrame({"term": ["a", "b", "c", "d", "e"],
                      "statistic": [5.0, -2.0, 9.0, -7.0, 0.0]})
    ax = plots.plot_keyness(k, top=2)
    assert [p.get_width() for p in ax.patches] == [9.0, 5.0, -7.0, -2.0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["c", "a", "d", "b"]


def test_given_ax_is_used_and_returned(measures):
    ax0 = plots.new_axes()
    assert plots.plot_measure(measures, "attribution_ratio", ax=ax0) is ax0


def test_save_figure_bytes_identical_and_sidecar(tmp_path, measures):
    hashes = []
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        ax = plots.plot_measure(measures, "attribution_ratio")
        out = plots.save_figure(ax.figure, tmp_path / run / "fig",
                                provenance={"inputs": {"x": "abc"}, "parameters": {"k": 1}})
        assert sorted(out) == ["json", "pdf", "png", "svg"]
        hashes.append({f: hashlib.sha256(out[f].read_bytes()).hexdigest() for f in out})
    assert hashes[0] == hashes[1]
    side = json.loads((tmp_path / "a" / "fig.json").read_text())
    assert side["inputs"] == {"x": "abc"} and side["parameters"] == {"k": 1}
    assert side["files"]["fig.png"] == hashes[0]["png"]
    assert {d["name"] for d in side["lexicons"]} >= {"agencies", "stance"}
    assert "vaderSentiment" in side["packages"]
    pdf = (tmp_path / "a" / "fig.pdf").read_bytes()
    assert b"CreationDate" not in pdf and b"DejaVuSans" in pdf and b"/FontFile2" in pdf
    assert b"<dc:date>" not in (tmp_path / "a" / "fig.svg").read_bytes()
    assert not list(tmp_path.glob("*/.*tmp"))


def test_bytes_identical_across_processes(tmp_path):
    """A fresh interpreter (new font cache state, new hash seed) writes the same bytes."""
    code = (
        "import sys, pandas as pd; from framing import plots;"
        "m = pd.DataFrame({'outlet': ['x', 'y'], 'r': [0.2, 0.4], 'r_ci_low': [0.1, 0.3],"
        "'r_ci_high': [0.3, 0.5]});"
        "ax = plots.plot_measure(m, 'r');"
        "plots.save_figure(ax.figure, sys.argv[1], provenance={})")
    digests = []
    for run, seed in (("a", "1"), ("b", "2")):
        subprocess.run([sys.executable, "-c", code, str(tmp_path / run)], check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"})
        digests.append([hashlib.sha256((tmp_path / f"{run}.{f}").read_bytes()).hexdigest()
                        for f in ("pdf", "png", "svg")])
    assert digests[0] == digests[1]


def test_import_does_not_touch_pyplot_backend():
    code = ("import sys, framing.plots, framing.html;"
            "print('matplotlib.pyplot' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
