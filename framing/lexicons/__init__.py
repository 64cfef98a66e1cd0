"""Versioned lexicons: the word lists and gazetteers every tagger reads.

Each lexicon version is one file `framing/lexicons/<name>-<version>.tsv` (UTF-8, a header row,
one entry per line, `#` lines are comments) listed in `index.csv` with its sha256, entry count,
source, licence and citation. A released version never changes: an edit is a new version
(tests/test_lexicons.py rechecks every hash). Users load their own files with
`load_lexicon(path)`.
"""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from ..errors import input_error

INDEX_COLUMNS = ["name", "version", "file", "sha256", "entries", "source", "licence", "citation"]


@dataclass(frozen=True)
class Lexicon:
    """One version of one lexicon: its entries as a table, and where it came from."""

    name: str
    version: str
    sha256: str
    entries: pd.DataFrame
    path: str

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"<Lexicon {self.name} {self.version}: {len(self)} entries, sha256 {self.sha256[:12]}>"


def _package_dir() -> Path:
    return Path(str(resources.files(__name__)))


def sha256_file(path: str | Path) -> str:
    """The sha256 hex digest of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def list_lexicons() -> pd.DataFrame:
    """The bundled lexicons: one row per version, columns `name, version, file, sha256,
    entries, source, licence, citation`."""
    return _index().copy()


def lexicons_in_use() -> pd.DataFrame:
    """The version of each bundled lexicon the taggers load (`load_lexicon(name)` without a
    version: the newest, the last row of its name in the index); same columns as
    `list_lexicons`. This is what a run manifest and a figure's sidecar record."""
    return _index().drop_duplicates("name", keep="last").reset_index(drop=True)


@lru_cache(maxsize=1)
def _index() -> pd.DataFrame:
    path = _package_dir() / "index.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in INDEX_COLUMNS if c not in table.columns]
    if missing:
        raise input_error(f"the lexicon index lacks columns {missing}", where=path)
    table["entries"] = table["entries"].astype(int)
    return table


def read_lexicon_table(path: str | Path, *, required: tuple[str, ...] = ("entry",)) -> pd.DataFrame:
    """Read a lexicon TSV (or CSV, by extension) into a table of strings.

    Comment lines start with `#`. Every row must have as many fields as the header and a
    non-empty first column; otherwise the error names the file and the line.
    """
    path = Path(path)
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise input_error(f"not UTF-8 text ({exc.reason} at byte {exc.start})", where=path,
                          fix="save the lexicon as UTF-8") from None
    rows: list[list[str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = next(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_NONE
                                 if delimiter == "\t" else csv.QUOTE_MINIMAL))
        if header is None:
            header = [f.strip() for f in fields]
            missing = [c for c in required if c not in header]
            if missing:
                raise input_error(f"header lacks columns {missing} (found {header})",
                                  where=path, line=lineno,
                                  fix="the first non-comment line must name the columns")
            continue
        if len(fields) != len(header):
            raise input_error(f"{len(fields)} fields where the header has {len(header)}",
                              where=path, line=lineno,
                              fix="separate fields with one tab each and fill every column")
        if not fields[0].strip():
            raise input_error("empty entry", where=path, line=lineno,
                              fix="remove the line or give the entry")
        rows.append([f.strip() for f in fields])
    if header is None:
        raise input_error("no header and no entries", where=path, fix="add a header row")
    return pd.DataFrame(rows, columns=header, dtype=str)


def load_lexicon(name: str | Path, version: str | None = None) -> Lexicon:
    """Load a bundled lexicon by name (newest version unless `version` is given), or a user's
    lexicon file by path (.tsv/.csv with an `entry` column; `.dic` and `.yaml` see
    `framing.lexicons.user`).

    The bundled file's sha256 is checked against the index: a changed file is an error, never
    silently used.
    """
    as_path = Path(name)
    if as_path.suffix:
        return _load_user_file(as_path)
    index = _index()
    rows = index[index["name"] == name]
    if rows.empty:
        raise input_error(f"no bundled lexicon named {name!r}",
                          fix=f"use one of {sorted(index['name'].unique())} or pass a file path")
    if version is None:
        row = rows.iloc[-1]
    else:
        match = rows[rows["version"] == version]
        if match.empty:
            raise input_error(f"lexicon {name!r} has no version {version!r}",
                              fix=f"use one of {list(rows['version'])}")
        row = match.iloc[0]
    return _load_bundled(row["name"], row["version"], row["file"], row["sha256"])


@lru_cache(maxsize=64)
def _load_bundled(name: str, version: str, file: str, expected: str) -> Lexicon:
    path = _package_dir() / file
    digest = sha256_file(path)
    if digest != expected:
        raise input_error(f"sha256 {digest} differs from the index ({expected})", where=path,
                          fix="a released lexicon never changes: save edits as a new version")
    return Lexicon(name, version, digest, read_lexicon_table(path), str(path))


def _load_user_file(path: Path) -> Lexicon:
    if not path.exists():
        raise input_error("no such lexicon file", where=path)
    suffix = path.suffix.lower()
    if suffix in (".tsv", ".csv"):
        table = read_lexicon_table(path)
    else:
        from .user import read_user_lexicon  # .dic and .yaml readers
        table = read_user_lexicon(path)
    return Lexicon(path.stem, "user", sha256_file(path), table, str(path))
