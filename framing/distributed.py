"""Tagging on a Dask cluster, for corpora one machine cannot tag fast enough.

The driver reads the corpus in chunks of articles and submits each chunk to the cluster;
workers tag it (the same `tag_article` as one process) and return its tables; the driver
writes each as a partition of a Parquet dataset (`<table>.parquet/part-NNNNN.parquet`), in
corpus order by part number, and swaps the finished folder in atomically. Workers need the
`framing` package installed, not a shared file system.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd

from .batch import corpus_chunks
from .output import TABLES, CorpusDigest, TableWriter, build_manifest
from .pipeline import TagOptions, article_items, assemble, map_articles


def _tag_chunk(articles: pd.DataFrame, items: list[tuple], options: TagOptions) -> dict:
    tagged = assemble(articles, map_articles(items, options), params={})
    return {name: getattr(tagged, name) for name in TABLES}


def get_client(scheduler: str | None = None, *, n_workers: int = 2):
    """A dask.distributed Client: connected to `scheduler` (an address such as
    `tcp://10.0.0.5:8786`), or to a new LocalCluster of `n_workers` processes."""
    from dask.distributed import Client

    if scheduler:
        return Client(scheduler)
    # a Client that starts its own LocalCluster also stops it when it closes
    return Client(n_workers=n_workers, threads_per_worker=1, processes=True,
                  dashboard_address=None)


def tag_on_dask(path: str | Path, out: str | Path, *, client, reader: str = "auto",
                outlet: str | None = None, chunk_articles: int = 500,
                options: TagOptions | None = None, max_in_flight: int = 8) -> dict:
    """Tag the corpus at `path` on the cluster of `client`; write partitioned Parquet tables
    and `manifest.json` to `out`. Tables equal those of `framing.tag` on one process, row for
    row, once the parts are read in order (pandas/Dask/DuckDB all read them so)."""
    from dask.distributed import as_completed

    options = options or TagOptions()
    digest = CorpusDigest()
    with TableWriter(out, csv=False) as writer:
        pending = as_completed()
        part_of = {}

        def drain(keep: int) -> None:
            while pending.count() > keep:
                future = next(pending)
                part = part_of.pop(future.key)
                for name, frame in future.result().items():
                    writer.write_part(name, part, frame)
                future.release()

        for part, chunk in enumerate(corpus_chunks(path, reader=reader, outlet=outlet,
                                                   chunk_articles=chunk_articles)):
            digest.update(chunk.articles, chunk.paragraphs)
            future = client.submit(_tag_chunk, chunk.articles, list(article_items(chunk)),
                                   options, pure=False)
            part_of[future.key] = part
            pending.add(future)
            drain(max_in_flight)
        drain(0)
        manifest = build_manifest(
            corpus_sha256=digest.hexdigest(), counts=dict(writer.rows),
            parameters={"corpus": str(path), "reader": reader, "outlet": outlet,
                        "chunk_articles": chunk_articles, "scheduler": client.scheduler_info()["address"],
                        "layout": "partitioned parquet", **asdict(options)})
        writer.commit(manifest)
    return manifest
