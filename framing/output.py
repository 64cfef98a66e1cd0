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
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import input_error
from .lexicons import lexicons_in_use, sha256_file
from .tagged import Tagged

TABLES = ("articles", "paragraphs", "attributions", "spans", "actors")
MANIFEST = "manifest.json"


class CorpusDigest:
    """sha256 of a corpus's content — article metadata and paragraph texts, in order — fed
    chunk by chunk; the same whichever files, format or chunk size it was read with."""

    def __init__(self) -> None:
        self._articles = hashlib.sha256()
        self._paragraphs = hashlib.sha256()

    def update(self, articles: pd.DataFrame, paragraphs: pd.DataFrame) -> None:
        for digest, table in ((self._articles, articles), (self._paragraphs, paragraphs)):
            digest.update(table.astype(str).to_csv(index=False, header=False,
                                                   lineterminator="\n").encode())

    def hexdigest(self) -> str:
        return hashlib.sha256((self._articles.hexdigest() + self._paragraphs.hexdigest())
                              .encode()).hexdigest()


def corpus_sha256(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> str:
    """sha256 of a whole corpus's content (see CorpusDigest)."""
    digest = CorpusDigest()
    digest.update(articles, paragraphs)
    return digest.hexdigest()


def version_of(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def build_manifest(*, corpus_sha256: str, counts: dict, parameters: dict,
                   extra: dict | None = None) -> dict:
    """What a reader of the tables needs to reproduce them: versions, hashes, parameters."""
    from . import __version__

    lexicons = lexicons_in_use()[["name", "version", "sha256"]].to_dict(orient="records")
    manifest = {
        "framing_version": __version__,
        "python": platform.python_version(),
        "packages": {p: version_of(p) for p in ("vaderSentiment", "nltk", "pandas", "pyarrow")},
        "lexicons": lexicons,
        "corpus_sha256": corpus_sha256,
        "counts": counts,
        "parameters": parameters,
        # a user's actors file is an input like the corpus: its content, not only its path
        "gazetteer_sha256": (sha256_file(parameters["gazetteer"])
                             if parameters.get("gazetteer") else None),
    }
    from .sentiment import vader_provenance  # vaderSentiment is a core dependency
    manifest["vader"] = vader_provenance()
    manifest.update(extra or {})
    return manifest


OUR_FILES = {MANIFEST} | {f"{name}.{ext}" for name in TABLES for ext in ("parquet", "csv")}


def _is_ours(folder: Path) -> bool:
    """True when `folder` holds only what a framing run writes (a file the user added there,
    even `paragraphs.xlsx`, makes it not ours: it would be lost in the swap)."""
    return (folder / MANIFEST).exists() and all(p.name in OUR_FILES for p in folder.iterdir())


class TableWriter:
    """Write tables chunk by chunk (`append`) into a temporary folder beside `out`; `commit`
    swaps it in whole, `abort` (or an exception inside `with`) removes it and leaves `out` as
    it was. Parquet always; CSV too unless `csv=False`."""

    def __init__(self, out: str | Path, *, csv: bool = True) -> None:
        self.out = Path(out)
        if self.out.exists() and (not self.out.is_dir()
                                  or (any(self.out.iterdir()) and not _is_ours(self.out))):
            raise input_error("holds files framing did not write", where=self.out,
                              fix="choose a new or empty folder for --out")
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.tmp-", dir=self.out.parent))
        self.csv = csv
        self.rows: dict[str, int] = {}
        self._parquet: dict[str, tuple[pq.ParquetWriter, pa.Schema]] = {}

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is not None:
            self.abort()

    def append(self, name: str, frame: pd.DataFrame) -> None:
        table = pa.Table.from_pandas(frame, preserve_index=False)
        if name not in self._parquet:
            writer = pq.ParquetWriter(self.tmp / f"{name}.parquet", table.schema)
            self._parquet[name] = (writer, table.schema)
        writer, schema = self._parquet[name]
        writer.write_table(table.select(schema.names).cast(schema))
        if self.csv:
            frame.to_csv(self.tmp / f"{name}.csv", mode="a", index=False,
                         header=name not in self.rows)
        self.rows[name] = self.rows.get(name, 0) + len(frame)

    def write_part(self, name: str, part: int, frame: pd.DataFrame) -> None:
        """Write one partition of a table as `<name>.parquet/part-NNNNN.parquet` (a Parquet
        dataset that pandas, Dask and DuckDB read as one table, parts in name order)."""
        folder = self.tmp / f"{name}.parquet"
        folder.mkdir(exist_ok=True)
        frame.to_parquet(folder / f"part-{part:05d}.parquet", index=False)
        self.rows[name] = self.rows.get(name, 0) + len(frame)

    def _close(self) -> None:
        for writer, _ in self._parquet.values():
            writer.close()
        self._parquet.clear()

    def commit(self, manifest: dict) -> Path:
        self._close()
        (self.tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True,
                                                    default=str) + "\n", encoding="utf-8")
        if self.out.exists():
            old = self.out.with_name(f".{self.out.name}.old-{os.getpid()}")
            os.replace(self.out, old)
            os.replace(self.tmp, self.out)
            shutil.rmtree(old)
        else:
            os.replace(self.tmp, self.out)
        return self.out

    def abort(self) -> None:
        self._close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_tables(tagged: Tagged, out: str | Path, *, manifest: dict) -> Path:
    """Write every table of `tagged` as `<name>.parquet` and `<name>.csv`, then
    `manifest.json`, into `out`, atomically. Returns the folder."""
    with TableWriter(out) as writer:
        for name in TABLES:
            writer.append(name, getattr(tagged, name))
        return writer.commit(manifest)
