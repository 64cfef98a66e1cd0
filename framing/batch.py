"""Tag a corpus of any size into a folder: read in chunks, tag (in processes), write each
chunk's rows as they come, swap the finished folder in atomically.

Memory stays bounded by the chunk size, not the corpus size. `on_error="skip"` keeps going
past an unreadable line or an article whose tagging fails, records each in the manifest
(`skipped`) and the log, and loses nothing else.
"""
from __future__ import annotations

import logging
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Literal

from tqdm.auto import tqdm

from . import datasets
from .errors import invalid_choice
from .output import TABLES, CorpusDigest, TableWriter, build_manifest
from .pipeline import (TagOptions, article_items, assemble, map_articles, warm_up,
                       worker_count)
from .readers import read_corpus_chunks

log = logging.getLogger(__name__)
READERS = ("auto", "basil", "allsides", "polnear")


def corpus_chunks(path: str | Path, *, reader: str = "auto", outlet: str | None = None,
                  chunk_articles: int = 1000, skipped: list[str] | None = None):
    """Corpus chunks from a path: streamed for `.jsonl`/`.txt`/`.csv`, or a data set read
    whole and cut into chunks."""
    if reader == "auto":
        yield from read_corpus_chunks(path, outlet=outlet, chunk_articles=chunk_articles,
                                      skipped=skipped)
        return
    if reader not in READERS:
        raise invalid_choice("reader", reader, READERS)
    corpus = getattr(datasets, f"read_{reader}")(path)
    ids = corpus.articles["doc_id"].tolist()
    for i in range(0, len(ids), chunk_articles):
        yield corpus.select(ids[i:i + chunk_articles])


def tag_to_folder(path: str | Path, out: str | Path, *, reader: str = "auto",
                  outlet: str | None = None, n_jobs: int = 1, chunk_articles: int = 1000,
                  on_error: Literal["raise", "skip"] = "raise",
                  options: TagOptions | None = None, csv: bool = True) -> dict:
    """Tag the corpus at `path` and write its tables to `out` (see framing.output).

    Returns the manifest written (counts, hashes, parameters, skipped items).
    """
    if on_error not in ("raise", "skip"):
        raise invalid_choice("on_error", on_error, ["raise", "skip"])
    options = options or TagOptions()
    workers = worker_count(n_jobs)
    skipped: list[str] | None = [] if on_error == "skip" else None
    digest = CorpusDigest()
    if workers > 1:
        warm_up(options)
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
    try:
        with TableWriter(out, csv=csv) as writer, tqdm(unit=" articles", desc="tagging",
                                                       disable=None) as bar:
            for chunk in corpus_chunks(path, reader=reader, outlet=outlet,
                                       chunk_articles=chunk_articles, skipped=skipped):
                results = map_articles(list(article_items(chunk)), options,
                                       on_error=on_error, pool=pool)
                tagged = assemble(chunk.articles, results, params={})
                for doc_id, problem in tagged.params.get("skipped", []):
                    skipped.append(f"{path}: article {doc_id!r} could not be tagged "
                                   f"({problem})")
                kept = chunk.paragraphs["doc_id"].isin(tagged.articles["doc_id"])
                digest.update(tagged.articles, chunk.paragraphs[kept])
                for name in TABLES:
                    writer.append(name, getattr(tagged, name))
                bar.update(len(chunk.articles))
            parameters = {"corpus": str(path), "reader": reader, "outlet": outlet,
                          "n_jobs": n_jobs, "chunk_articles": chunk_articles,
                          "on_error": on_error, **asdict(options)}
            manifest = build_manifest(corpus_sha256=digest.hexdigest(),
                                      counts=dict(writer.rows), parameters=parameters,
                                      extra={"skipped": skipped or []})
            writer.commit(manifest)
    finally:
        if pool is not None:
            pool.shutdown()
    for message in skipped or []:
        log.warning("skipped: %s", message)
    return manifest
