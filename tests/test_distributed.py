"""Tagging on a 2-worker Dask LocalCluster gives the single-process tables, row for row."""
from __future__ import annotations

import json

import pandas as pd
import pytest

pytest.importorskip("dask.distributed", reason="the [dask] extra is not installed")

import framing  # noqa: E402
from framing.distributed import get_client, tag_on_dask  # noqa: E402
from framing.output import TABLES  # noqa: E402


def test_local_cluster_equals_one_process(tmp_path, seed_path):
    lines = [json.dumps({"doc_id": f"d{i:02d}", "outlet": f"o{i % 3}",
                         "text": f'Para {i}, officials said.\n"Quote {i}," he said.'})
             for i in range(23)]
    src = tmp_path / "c.jsonl"
    src.write_text("\n".join(lines) + "\n")
    with get_client(n_workers=2) as client:
        manifest = tag_on_dask(src, tmp_path / "out", client=client, chunk_articles=4)
    expected = framing.tag(framing.read_corpus(src))
    for name in TABLES:
        got = pd.read_parquet(tmp_path / "out" / f"{name}.parquet")
        pd.testing.assert_frame_equal(got.reset_index(drop=True),
                                      getattr(expected, name).reset_index(drop=True),
                                      )
    assert manifest["counts"]["paragraphs"] == 46
    assert len(list((tmp_path / "out" / "paragraphs.parquet").iterdir())) == 6
    # the same dataset through Dask and DuckDB
    import dask.dataframe as dd
    assert dd.read_parquet(tmp_path / "out" / "paragraphs.parquet").compute()[
        "text"].tolist() == expected.paragraphs["text"].tolist()
    duckdb = pytest.importorskip("duckdb")
    glob = str(tmp_path / "out" / "paragraphs.parquet" / "*.parquet")
    assert duckdb.sql(f"select count(*), sum(n_words) from read_parquet('{glob}')").fetchall()[0] \
        == (46, int(expected.paragraphs["n_words"].sum()))
