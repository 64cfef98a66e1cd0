"""A cache of tagged corpora, so notebooks re-run in seconds on an unchanged corpus.

The key hashes everything the tables depend on: the corpus content, every lexicon's sha256,
the tagging options, the vaderSentiment version and framing's own source code. A cached entry
records the sha256 of each of its files; one that does not match (a truncated or edited file)
is not trusted: it is rebuilt, with a warning.
"""
from __future__ import annotations

import hashlib
import json
import logging
import shutil
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .lexicons import lexicons_in_use, sha256_file
from .output import TABLES, TableWriter, corpus_sha256, version_of
from .tagged import Tagged

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def code_sha256() -> str:
    """sha256 over framing's Python source files (a code change invalidates the cache)."""
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cache_key(corpus, options) -> str:
    parts = {
        "corpus": corpus_sha256(corpus.articles, corpus.paragraphs),
        "credits": pd.util.hash_pandas_object(corpus.credits, index=False).sum().item(),
        "lexicons": lexicons_in_use()[["name", "version", "sha256"]].values.tolist(),
        "options": asdict(options),
        # a user's actors file is an input too: its content, not only its path
        "gazetteer_sha256": sha256_file(options.gazetteer) if options.gazetteer else None,
        "vaderSentiment": version_of("vaderSentiment"),
        "code": code_sha256(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def load(folder: Path) -> Tagged | None:
    """The cached Tagged in `folder`, or None when absent or not intact."""
    manifest_path = folder / "manifest.json"
    if not manifest_path.exists():
        return None
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for name, expected in manifest["files"].items():
            if sha256_file(folder / name) != expected:
                raise ValueError(f"{name} does not match its sha256")
        tables = {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES}
    except (OSError, ValueError, KeyError) as exc:
        log.warning("cache entry %s is damaged (%s); rebuilding it", folder, exc)
        return None
    return Tagged(params=manifest["params"], **tables)


def store(folder: Path, tagged: Tagged) -> None:
    with TableWriter(folder, csv=False) as writer:
        for name in TABLES:
            writer.append(name, getattr(tagged, name))
        writer._close()  # noqa: SLF001 — hash the finished files before the swap
        files = {f"{name}.parquet": sha256_file(writer.tmp / f"{name}.parquet")
                 for name in TABLES}
        writer.commit({"files": files, "params": tagged.params})


def cached(corpus, options, cache_dir: str | Path, compute) -> Tagged:
    """`compute()` unless an intact entry for (corpus, options) is in `cache_dir`."""
    folder = Path(cache_dir) / cache_key(corpus, options)
    tagged = load(folder)
    if tagged is not None:
        return tagged
    if folder.exists():
        shutil.rmtree(folder)
    tagged = compute()
    store(folder, tagged)
    return tagged
