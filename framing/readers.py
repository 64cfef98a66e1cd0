"""Reading corpora: `.txt` articles (or a folder of them), `.jsonl` and `.csv` → Corpus.

Stage 1 of read → segment → tag → … Every reader turns its input into article records
(`doc_id, outlet, published, title, event_id` and a list of paragraph texts) and hands them to
`build_corpus`, which assigns paragraph roles and credits (framing.segment) and checks the whole.
Bad input is an error naming the file and the line or column, never a silent guess.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .corpus import Corpus
from .errors import FramingError, input_error
from .segment import credit_line_agencies, find_credits, paragraph_role, wire_of

SUFFIXES = (".txt", ".jsonl", ".csv")
FRONT_MATTER_KEYS = ("doc_id", "outlet", "published", "title", "event_id", "wire")
Record = dict[str, Any]


def read_corpus(path: str | Path, *, outlet: str | None = None) -> Corpus:
    """Read a corpus from a `.txt` article, a folder of `.txt`/`.jsonl`/`.csv` files, a
    `.jsonl` file (one article per line) or a `.csv` file (one article per row).

    Parameters
    ----------
    path : the file or folder.
    outlet : the outlet for articles whose file does not name one; an article that names its
        own outlet keeps it.

    Returns
    -------
    Corpus with `.articles` (`doc_id, outlet, published, title, event_id, wire`) and
    `.paragraphs` (`doc_id, para_idx, role, text`). See corpora/README.md for the formats.
    """
    path = Path(path)
    records = [r for f in _corpus_files(path) for r in _read_file(f, outlet)]
    return build_corpus(records, source=str(path))


def read_corpus_chunks(path: str | Path, *, outlet: str | None = None,
                       chunk_articles: int = 1000,
                       skipped: list[str] | None = None) -> Iterator[Corpus]:
    """Read a corpus as a sequence of Corpus chunks of at most `chunk_articles` articles, so
    a JSONL corpus larger than memory is read with bounded memory. Duplicate `doc_id`s are
    refused across chunks too. With a `skipped` list, unreadable lines and articles are
    recorded there (message naming file and line) and reading goes on."""
    path = Path(path)
    files = _corpus_files(path)
    seen: dict[str, str] = {}
    batch: list[Record] = []
    for file in files:
        for record in _read_file(file, outlet, skipped):
            batch.append(record)
            if len(batch) >= chunk_articles:
                yield _checked_chunk(batch, seen, str(path), skipped)
                batch = []
    if batch or not seen:
        yield _checked_chunk(batch, seen, str(path), skipped)


def _checked_chunk(batch: list[Record], seen: dict[str, str], source: str,
                   skipped: list[str] | None) -> Corpus:
    if skipped is not None:
        kept = []
        for record in batch:
            where = record.get("_where", source)
            if record["doc_id"] in seen or not record["paragraphs"]:
                problem = (f"doc_id {record['doc_id']!r} appears twice (first at "
                           f"{seen[record['doc_id']]})" if record["doc_id"] in seen
                           else f"article {record['doc_id']!r} has no text")
                skipped.append(f"{where}: {problem}")
                continue
            seen[record["doc_id"]] = where
            kept.append(record)
        batch = kept
    return build_corpus(batch, source=source, seen=None if skipped is not None else seen)


def _corpus_files(path: Path) -> list[Path]:
    if not path.exists():
        raise input_error("no such file or folder", where=path,
                          fix="check the path (relative paths start from the working folder)")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
        if not files:
            raise input_error(f"the folder holds no {'/'.join(SUFFIXES)} file", where=path,
                              fix="put articles in it as .txt, .jsonl or .csv files")
        return files
    return [path]


def _read_file(path: Path, outlet: str | None,
               skipped: list[str] | None = None) -> Iterator[Record]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        yield _read_txt(path, outlet)
    elif suffix == ".jsonl":
        yield from _read_jsonl(path, outlet, skipped)
    elif suffix == ".csv":
        yield from _read_csv(path, outlet)
    else:
        raise input_error(f"unknown extension {path.suffix!r}", where=path,
                          fix=f"use one of {', '.join(SUFFIXES)} (see corpora/README.md)")


def read_text(path: Path) -> str:
    """A file's text as UTF-8 (with or without BOM); an error names the line that is not."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise input_error(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                          where=path, line=line,
                          fix="re-save the file as UTF-8 (e.g. iconv -f cp1252 -t utf-8)") from None


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per non-empty line, surrounding white space removed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _read_txt(path: Path, outlet: str | None) -> Record:
    text = read_text(path)
    meta: dict[str, Any] = {}
    body_start_line = 1
    lines = text.splitlines(keepends=True)
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is None:
            raise input_error("front matter opened with '---' is never closed", where=path,
                              line=1, fix="end the YAML block with a line '---'")
        try:
            meta = yaml.safe_load("".join(lines[1:end])) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise input_error(f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})",
                              where=path, line=(mark.line + 2) if mark else 1,
                              fix="write it as 'key: value' lines") from None
        if not isinstance(meta, dict):
            raise input_error("front matter is not a set of 'key: value' lines", where=path,
                              line=2)
        for key in meta:
            if key not in FRONT_MATTER_KEYS:
                line = next((i + 1 for i, l in enumerate(lines[:end])
                             if l.lstrip().startswith(str(key))), 1)
                raise input_error(f"unknown front-matter key {key!r}", where=path, line=line,
                                  fix=f"use only {', '.join(FRONT_MATTER_KEYS)}")
        body_start_line = end + 2
        text = "".join(lines[end + 1:])
    record = {"doc_id": str(meta.get("doc_id", path.stem)), "paragraphs": split_paragraphs(text),
              "_where": f"{path}, line {body_start_line}"}
    for key in ("outlet", "published", "title", "event_id", "wire"):
        if meta.get(key) is not None:
            record[key] = str(meta[key])
    return _fill_outlet(record, outlet, path, None, "add 'outlet: …' to the front matter")


def _fill_outlet(record: Record, outlet: str | None, path: Path, line: int | None,
                 fix: str) -> Record:
    if not record.get("outlet"):
        if outlet is None:
            raise input_error("no outlet is given for this article", where=path, line=line,
                              fix=f"{fix} or pass outlet='…' to read_corpus")
        record["outlet"] = outlet
    return record


def _article_from_fields(fields: dict[str, Any], path: Path, line: int, outlet: str | None,
                         kind: str) -> Record:
    for key in ("doc_id",):
        if fields.get(key) in (None, ""):
            raise input_error(f"missing {key!r}", where=path, line=line,
                              fix=f"give every {kind} a unique {key}")
    paragraphs = fields.get("paragraphs")
    if paragraphs not in (None, ""):
        if isinstance(paragraphs, str):
            try:
                paragraphs = json.loads(paragraphs)
            except json.JSONDecodeError:
                paragraphs = None
        if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
            raise input_error("'paragraphs' is not a list of strings", where=path, line=line,
                              fix='write it as ["first paragraph", "second paragraph"]')
        paragraphs = [p.strip() for p in paragraphs if p.strip()]
    elif isinstance(fields.get("text"), str) and fields["text"].strip():
        paragraphs = split_paragraphs(fields["text"])
    else:
        raise input_error("missing 'text' (or 'paragraphs')", where=path, line=line,
                          fix="give the article's text, one paragraph per line")
    record = {"doc_id": str(fields["doc_id"]), "paragraphs": paragraphs,
              "_where": f"{path}, line {line}"}
    for key in ("outlet", "published", "title", "event_id", "wire"):
        value = fields.get(key)
        if value not in (None, ""):
            record[key] = str(value)
    return _fill_outlet(record, outlet, path, line, f"add an 'outlet' to this {kind}")


def _read_jsonl(path: Path, outlet: str | None,
                skipped: list[str] | None = None) -> Iterator[Record]:
    """Articles of a JSONL file, read line by line (a file larger than memory streams).
    With a `skipped` list, a bad line is recorded there and reading goes on."""
    with open(path, "rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            try:
                try:
                    line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    raise input_error(f"not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                                      where=path, line=lineno,
                                      fix="re-save the file as UTF-8") from None
                if not line.strip():
                    continue
                try:
                    fields = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise input_error(f"not valid JSON ({exc.msg} at column {exc.colno})",
                                      where=path, line=lineno,
                                      fix="write one JSON object per line") from None
                if not isinstance(fields, dict):
                    raise input_error(f"a JSON {type(fields).__name__}, not an object",
                                      where=path, line=lineno,
                                      fix="write one JSON object per line")
                yield _article_from_fields(fields, path, lineno, outlet, "line")
            except FramingError as exc:
                if skipped is None:
                    raise
                skipped.append(str(exc))


def _read_csv(path: Path, outlet: str | None) -> Iterator[Record]:
    reader = csv.DictReader(io.StringIO(read_text(path), newline=""))
    columns = reader.fieldnames or []
    if "doc_id" not in columns or not ({"text", "paragraphs"} & set(columns)):
        needed = [c for c in ("doc_id", "text") if c not in columns]
        raise input_error(f"column(s) {needed} missing (columns: {', '.join(columns)})",
                          where=path, line=1, fix="add them to the header row")
    if "outlet" not in columns and outlet is None:
        raise input_error(f"outlet column is missing (columns: {', '.join(columns)})",
                          where=path, line=1, fix="add it or pass outlet='…' to read_corpus")
    line = reader.line_num + 1
    for row in reader:
        if None in row:
            raise input_error(f"{len(columns) + len(row[None])} fields where the header has "
                              f"{len(columns)}", where=path, line=line,
                              fix="quote fields that contain commas")
        yield _article_from_fields(row, path, line, outlet, "row")
        line = reader.line_num + 1


def build_corpus(records: Iterable[Record], *, source: str = "",
                 seen: dict[str, str] | None = None) -> Corpus:
    """Assemble article records into a Corpus: roles and credits for every paragraph, `wire`
    from the credits (unless the record gives one), duplicate `doc_id`s refused with both
    places named. A record may carry `roles` (one per paragraph) to keep roles a data set
    already provides, and `extra` (a dict) for more article columns."""
    articles, paragraphs, credits = [], [], []
    seen = {} if seen is None else seen  # doc_id → where first read (shared across chunks)
    for rec in records:
        doc_id = rec["doc_id"]
        where = rec.get("_where", source)
        if doc_id in seen:
            raise input_error(f"doc_id {doc_id!r} appears twice (first at {seen[doc_id]})",
                              where=where, fix="give every article a unique doc_id")
        seen[doc_id] = where
        if not rec["paragraphs"]:
            raise input_error(f"article {doc_id!r} has no text", where=where,
                              fix="remove it or add its paragraphs")
        given_roles = rec.get("roles")
        wires: list[str] = []
        for idx, text in enumerate(rec["paragraphs"]):
            found = find_credits(text)
            role = (given_roles[idx] if given_roles and given_roles[idx]
                    else paragraph_role(text, found))
            paragraphs.append((doc_id, idx, role, text))
            credits.extend((doc_id, idx, c.layer, c.label, c.start, c.end, text[c.start:c.end])
                           for c in found)
            wires += wire_of(found, role)
            if role == "credit":
                wires += credit_line_agencies(text)
        wire = rec.get("wire") or ";".join(dict.fromkeys(wires))
        articles.append({"doc_id": doc_id, "outlet": rec["outlet"],
                         "published": rec.get("published", ""), "title": rec.get("title", ""),
                         "event_id": rec.get("event_id"), "wire": wire, **rec.get("extra", {})})
    if not articles:
        raise input_error("the corpus holds no article", where=source or None,
                          fix="check the path and that the files are not empty")
    return Corpus(
        articles=pd.DataFrame(articles),
        paragraphs=pd.DataFrame(paragraphs, columns=["doc_id", "para_idx", "role", "text"]),
        credits=pd.DataFrame(credits, columns=["doc_id", "para_idx", "layer", "label", "start",
                                               "end", "text"]),
        source=source,
    )
