"""Chunked tagging into a folder: chunk-size invariance, --on-error skip, atomic output."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

import framing
from framing.batch import tag_to_folder
from framing.errors import FramingError
from framing.output import corpus_sha256


def write_jsonl(path, n, bad_line=None):
    lines = []
    for i in range(n):
        lines.append(json.dumps({"doc_id": f"d{i}", "outlet": f"o{i % 3}",
                                 "text": f'Para {i}, officials said.\n"Quote {i}," he said.'}))
    if bad_line is not None:
        lines.insert(bad_line, '{"doc_id": "broken", ')
    path.write_text("\n".join(lines) + "\n")
    return path


def read_tables(out):
    return {name: pd.read_parquet(out / f"{name}.parquet")
            for name in ("articles", "paragraphs", "attributions", "spans", "actors")}


def test_chunk_size_does_not_change_output(tmp_path):
    src = write_jsonl(tmp_path / "c.jsonl", 7)
    m1 = tag_to_folder(src, tmp_path / "one", chunk_articles=1)
    m7 = tag_to_folder(src, tmp_path / "all", chunk_articles=1000)
    a, b = read_tables(tmp_path / "one"), read_tables(tmp_path / "all")
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name])
    corpus = framing.read_corpus(src)
    assert m1["corpus_sha256"] == m7["corpus_sha256"] == corpus_sha256(corpus.articles,
                                                                       corpus.paragraphs)
    # the in-memory tag gives the same paragraphs table as the folder
    pd.testing.assert_frame_equal(framing.tag(corpus).paragraphs, a["paragraphs"])


def test_on_error_skip_keeps_everything_else(tmp_path, caplog):
    src = write_jsonl(tmp_path / "c.jsonl", 5, bad_line=2)
    with pytest.raises(FramingError, match=r"c\.jsonl, line 3: not valid JSON"):
        tag_to_folder(src, tmp_path / "strict")
    assert not (tmp_path / "strict").exists()
    manifest = tag_to_folder(src, tmp_path / "out", on_error="skip")
    assert len(manifest["skipped"]) == 1 and "line 3: not valid JSON" in manifest["skipped"][0]
    assert read_tables(tmp_path / "out")["articles"]["doc_id"].tolist() == [
        "d0", "d1", "d2", "d3", "d4"]
    assert "line 3" in caplog.text


def test_interrupted_run_leaves_previous_result_intact(tmp_path):
    big = write_jsonl(tmp_path / "big.jsonl", 20000)
    small = write_jsonl(tmp_path / "small.jsonl", 3)
    out = tmp_path / "out"
    tag_to_folder(small, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    proc = subprocess.Popen([sys.executable, "-m", "framing.cli", "tag", str(big), "--out",
                             str(out), "--chunk-articles", "200"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and not any(p.name.startswith(".out.tmp-")
                                             for p in tmp_path.iterdir()):
        time.sleep(0.05)
    time.sleep(0.5)  # let it write some chunks
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL  # killed mid-run, not finished
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_every_manifest_hashes_the_users_actors_file(tmp_path):
    """build_manifest (used by tag_to_folder and tag_on_dask alike) records the sha256 of a
    gazetteer given in the parameters, and None without one."""
    import hashlib

    from framing.output import build_manifest
    actors = tmp_path / "actors.tsv"
    actors.write_text("entry\tcode\tkind\ttype\nJane Roe\tUS\tperson\tgovernment\n",
                      encoding="utf-8")
    m = build_manifest(corpus_sha256="0" * 64, counts={}, parameters={"gazetteer": str(actors)})
    assert m["gazetteer_sha256"] == hashlib.sha256(actors.read_bytes()).hexdigest()
    assert build_manifest(corpus_sha256="0" * 64, counts={},
                          parameters={"gazetteer": None})["gazetteer_sha256"] is None
