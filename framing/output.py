"""Writing results: the tables as Parquet and CSV plus `manifest.json`, all or nothing.

A run writes into a fresh temporary folder beside the target and swaps it in only when every
file is complete, so an interrupted run leaves the previous result intact; a target folder
holding files framing did not write is refused, never overwritten.
"""
from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

import pandas as pd

from .errors import input_error
from .lexicons import list_lexicons
from .tagged import Tagged

TABLES = ("articles", "paragraphs", "attributions", "spans", "actors")
MANIFEST = "manifest.json"


def corpus_sha256(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> str:
    """sha256 of a corpus's content (article metadata and paragraph texts, in order), the
    same whichever files or format it was read from."""
    digest = hashlib.sha256()
    for table in (articles, paragraphs):
        digest.update(table.astype(str).to_csv(index=False, lineterminator="\n").encode())
    return digest.hexdigest()


def version_of(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def build_manifest(tagged: Tagged, paragraphs: pd.DataFrame, *, parameters: dict,
                   extra: dict | None = None) -> dict:
    """What a reader of the tables needs to reproduce them: versions, hashes, parameters."""
    from . import __version__

    lexicons = list_lexicons()[["name", "version", "sha256"]].to_dict(orient="records")
    manifest = {
        "framing_version": __version__,
        "python": platform.python_version(),
        "packages": {p: version_of(p) for p in ("vaderSentiment", "nltk", "pandas", "pyarrow")},
        "lexicons": lexicons,
        "corpus_sha256": corpus_sha256(tagged.articles, paragraphs),
        "counts": {name: int(len(getattr(tagged, name))) for name in TABLES},
        "parameters": parameters,
    }
    try:
        from .sentiment import vader_provenance
        manifest["vader"] = vader_provenance()
    except ImportError:  # sentiment layer absent in a stripped-down install
        pass
    manifest.update(extra or {})
    return manifest


def _is_ours(folder: Path) -> bool:
    return (folder / MANIFEST).exists() and all(
        p.name == MANIFEST or p.stem in TABLES for p in folder.iterdir())


def write_tables(tagged: Tagged, out: str | Path, *, manifest: dict) -> Path:
    """Write every table as `<name>.parquet` and `<name>.csv`, then `manifest.json`, into
    `out`, atomically. Returns the folder."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not _is_ours(out))):
        raise input_error("holds files framing did not write", where=out,
                          fix="choose a new or empty folder for --out")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        for name in TABLES:
            table = getattr(tagged, name)
            table.to_parquet(tmp / f"{name}.parquet", index=False)
            table.to_csv(tmp / f"{name}.csv", index=False)
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True,
                                               default=str) + "\n", encoding="utf-8")
        if out.exists():
            old = out.with_name(f".{out.name}.old-{os.getpid()}")
            os.replace(out, old)
            os.replace(tmp, out)
            shutil.rmtree(old)
        else:
            os.replace(tmp, out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return out
