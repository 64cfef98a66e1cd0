"""`framing tag` writes every table, atomically, and refuses to overwrite foreign files."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from framing.cli import main


def test_tag_writes_tables_and_manifest(seed_path, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["tag", str(seed_path), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "27" in printed and "Reuters" in printed
    for name in ("articles", "paragraphs", "attributions", "spans", "actors"):
        a = pd.read_parquet(out / f"{name}.parquet")
        b = pd.read_csv(out / f"{name}.csv")
        assert len(a) == len(b)
    paragraphs = pd.read_parquet(out / "paragraphs.parquet")
    assert len(paragraphs) == 27 and paragraphs["role"].tolist().count("caption") == 2
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["paragraphs"] == 27
    assert len(manifest["corpus_sha256"]) == 64
    assert manifest["parameters"]["corpus"] == str(seed_path)
    assert {row["name"] for row in manifest["lexicons"]} >= {"abbreviations", "agencies"}


def test_rerun_replaces_own_output_but_never_foreign_files(seed_path, tmp_path):
    out = tmp_path / "out"
    assert main(["tag", str(seed_path), "--out", str(out)]) == 0
    assert main(["tag", str(seed_path), "--out", str(out)]) == 0
    (out / "paragraphs.xlsx").write_text("my own edits")  # beside our tables: not ours
    assert main(["tag", str(seed_path), "--out", str(out)]) == 2
    assert (out / "paragraphs.xlsx").read_text() == "my own edits"
    (out / "paragraphs.xlsx").unlink()
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("my notes")
    assert main(["tag", str(seed_path), "--out", str(foreign)]) == 2
    assert (foreign / "notes.txt").read_text() == "my notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "out"]  # no temp left


def test_bad_corpus_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "a.docx").write_text("x")
    assert main(["tag", str(tmp_path / "a.docx"), "--out", str(tmp_path / "o")]) == 2
    assert "a.docx: unknown extension" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--help"], ["tag", "--help"]])
def test_help(args):
    run = subprocess.run([sys.executable, "-m", "framing.cli", *args], capture_output=True,
                         text=True)
    assert run.returncode == 0 and "usage: framing" in run.stdout


def test_actors_file_types_the_corpus_people(tmp_path):
    """A corpus's own actors file gives a bare name its type and country (and keeps it a
    named person): "Madden said" is an expert from the US only with the file."""
    (tmp_path / "a.txt").write_text('"We will see," Madden said on Monday.\n')
    (tmp_path / "actors.tsv").write_text("# people of this corpus\nentry\tcode\tkind\ttype\n"
                                         "Madden\tUS\tperson\texpert\n")
    assert main(["tag", str(tmp_path / "a.txt"), "--outlet", "X", "--out",
                 str(tmp_path / "plain")]) == 0
    assert main(["tag", str(tmp_path / "a.txt"), "--outlet", "X", "--out",
                 str(tmp_path / "with"), "--actors", str(tmp_path / "actors.tsv")]) == 0
    cols = ["source", "identification", "source_type", "country"]
    plain = pd.read_parquet(tmp_path / "plain" / "attributions.parquet")[cols]
    typed = pd.read_parquet(tmp_path / "with" / "attributions.parquet")[cols]
    assert plain.fillna("").values.tolist() == [["Madden", "named_person", "unknown", ""]]
    assert typed.values.tolist() == [["Madden", "named_person", "expert", "US"]]
    manifest = json.loads((tmp_path / "with" / "manifest.json").read_text())
    assert manifest["parameters"]["gazetteer"].endswith("actors.tsv")
    assert len(manifest["gazetteer_sha256"]) == 64


def test_bench_scaling_runs_every_hostile_shape(capsys):
    """`framing bench --scaling`: each hostile shape at each size, one figure per pair, and
    the tags of the shapes are found (attributions in all three)."""
    from framing.bench import SHAPES, run_scaling
    figures = run_scaling((300, 600))
    printed = capsys.readouterr().out
    assert len(figures) == 2 * len(SHAPES) and all(f > 0 for f in figures)
    for name in SHAPES:
        assert f"scaling: one paragraph of {name}" in printed
    assert printed.count(" 0 attributions") == 0


def test_bench_prints_every_layer_on_the_bundled_fallback(tmp_path, capsys):
    """`framing bench` away from ../shared: the seed article repeated (first 4 copies here),
    every layer timed, the ratio to VADER printed."""
    from framing.bench import run
    results = run(tmp_path / "no-abp-here", limit=4, jobs=1)
    printed = capsys.readouterr().out
    assert "bundled seed article x400" in printed and "4 articles, 108 paragraphs" in printed
    for layer in ("VADER alone", "segment", "attribution", "stance", "sentiment", "actors",
                  "whole pipeline: tag → tables"):
        assert layer in printed
    assert 0 < results["ratio_to_vader"] == pytest.approx(
        results["whole pipeline: tag → tables"] / results["VADER alone (whole paragraph)"])
    # the pipeline's time split into the VADER calls it needs and the rest, in VADER-alone
    # units: the calls were recorded (some text had a VADER word) and cost less than the
    # whole pipeline, which also segments, attributes and builds tables
    assert results["vader_calls"] > 0
    assert 0 < results["vader_inside"] < 1 / results["ratio_to_vader"]
    assert "in units of VADER-alone time: pipeline" in printed


def test_recording_vader_sees_every_text_and_restores_the_analyzer():
    from framing.bench import _recording_vader
    from framing.sentiment import _analyzer, score_sentences
    text = 'It was a good day. "We failed," she said.'
    with _recording_vader() as texts:
        out = score_sentences(text, mask_entities=False)
    # sentence 1; sentence 2 mixes voices: the whole, then each voice ("she said." holds no
    # VADER word: compound 0.0 without calling VADER)
    assert texts == ["It was a good day.", '"We failed," she said.', '"We failed,"']
    assert out["compounds"] == [_analyzer().polarity_scores(t)["compound"] for t in texts[:2]]
    assert "polarity_scores" not in vars(_analyzer())
