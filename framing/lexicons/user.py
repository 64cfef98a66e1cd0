"""Users' own lexicon files: LIWC-style `.dic` and YAML.

Lexicons whose licence forbids bundling (LIWC, Lexicoder) are not shipped with framing; a
user who has the file loads it with `framing.load_lexicon(path)`, which calls
`read_user_lexicon`. Both readers return a tidy table, one row per (entry, category), with the
columns `entry` (as written, `*` wildcards kept), `label` (the category name), `category` (the
category number of a `.dic`, else the label), `wildcard` (bool: the entry ends in `*`) and
`line` (where it was read), plus any extra YAML fields. Errors name the file and the line.

`.dic` format (LIWC 2007/2015/22)::

    %
    1   hedge
    2   booster
    %
    may         1
    appear*     1
    of course   2

Header lines between the two `%` lines map a number to a category name; each later line is an
entry (one or more words, `*` = any ending) followed by its category numbers, separated by
tabs or spaces.

YAML (read with `yaml.safe_load`, never the full loader), either a mapping of label → list of
entries, or a list of mappings with an `entry` key (and any other fields), optionally under a
top-level `entries:` key::

    hedge: [may, might, reportedly]
    booster: [clearly, "of course"]

    entries:
      - {entry: may, label: hedge, why: epistemic modal}
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import input_error

__all__ = ["read_user_lexicon", "read_dic", "read_yaml_lexicon"]

_COLUMNS = ["entry", "label", "category", "wildcard", "line"]


def read_user_lexicon(path: str | Path) -> pd.DataFrame:
    """Read a user's `.dic` (LIWC-style) or `.yaml`/`.yml` lexicon into a table (see module
    docstring for the columns). Raises FramingError naming the file and line of any problem."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".dic":
        return read_dic(path)
    if suffix in (".yaml", ".yml"):
        return read_yaml_lexicon(path)
    raise input_error(f"unsupported lexicon file type {suffix!r}", where=path,
                      fix="use .tsv, .csv, .dic (LIWC-style) or .yaml")


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        # LIWC dictionaries are sometimes saved as Latin-1: say so rather than guess.
        raise input_error(f"not UTF-8 text ({exc.reason} at byte {exc.start})", where=path,
                          fix="save the lexicon as UTF-8") from None


_NUMBER = re.compile(r"\d+")


def read_dic(path: str | Path) -> pd.DataFrame:
    """Read a LIWC-style `.dic` file: `%` header block of `number name` lines, then
    `entry number…` lines. One row per (entry, category)."""
    path = Path(path)
    text = _read_text(path)
    categories: dict[str, str] = {}
    state = "before"  # before the first %, in the header, in the body
    rows: list[dict] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line == "%":
            if state == "before":
                state = "header"
                continue
            if state == "header":
                state = "body"
                continue
            raise input_error("a third '%' line", where=path, line=lineno,
                              fix="a .dic has one header block between two '%' lines")
        if state == "before":
            raise input_error(f"expected '%' to open the category header, found {line[:40]!r}",
                              where=path, line=lineno,
                              fix="start the file with '%', the 'number<TAB>name' lines, '%'")
        if state == "header":
            parts = line.split()
            if len(parts) < 2 or not _NUMBER.fullmatch(parts[0]):
                raise input_error(f"category header line {line[:40]!r} is not 'number name'",
                                  where=path, line=lineno,
                                  fix="write e.g. '1<TAB>hedge'")
            if parts[0] in categories:
                raise input_error(f"category number {parts[0]} defined twice", where=path,
                                  line=lineno, fix="give each category its own number")
            categories[parts[0]] = " ".join(parts[1:])
            continue
        parts = line.split()
        # Category numbers are the trailing all-digit fields; the rest is the (multi-word) entry.
        k = len(parts)
        while k > 1 and _NUMBER.fullmatch(parts[k - 1]):
            k -= 1
        words, numbers = parts[:k], parts[k:]
        if not numbers:
            raise input_error(f"entry {line[:40]!r} has no category number", where=path,
                              line=lineno, fix="follow the entry with its category numbers")
        bad = [w for w in words[1:] if re.search(r"[()/<>]", w)]
        if bad:
            raise input_error(f"unsupported field {bad[0]!r} (LIWC conditional codes)",
                              where=path, line=lineno,
                              fix="list the word once per category instead")
        entry = " ".join(" ".join(words).split())
        for num in numbers:
            if num not in categories:
                raise input_error(f"category {num} of entry {entry!r} is not in the header "
                                  f"(header has {sorted(categories, key=int)})",
                                  where=path, line=lineno,
                                  fix="add it to the header block or correct the number")
            rows.append({"entry": entry, "label": categories[num], "category": num,
                         "wildcard": entry.endswith("*"), "line": lineno})
    if state != "body":
        raise input_error("the category header is not closed by a second '%' line",
                          where=path, fix="end the header block with a line holding only '%'")
    return pd.DataFrame(rows, columns=_COLUMNS)


def read_yaml_lexicon(path: str | Path) -> pd.DataFrame:
    """Read a YAML lexicon (see the module docstring for the two accepted shapes)."""
    import yaml

    path = Path(path)
    text = _read_text(path)
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # same document, for line numbers
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise input_error(f"not valid YAML ({problem})", where=path, line=line,
                          fix="check the indentation and quoting") from None
    if data is None:
        raise input_error("empty YAML lexicon", where=path,
                          fix="give 'label: [entries]' or a list of {entry: …} mappings")
    if isinstance(data, dict) and "entries" in data:
        data = data["entries"]
        root = _child(root, "entries")
    rows: list[dict] = []
    if isinstance(data, list):
        for i, item in enumerate(data):
            line = _line(root, i)
            if not isinstance(item, dict):
                raise input_error(f"list item {item!r} is not a mapping with an 'entry' key",
                                  where=path, line=line, fix="write '- {entry: word, label: …}'")
            if not isinstance(item.get("entry"), str) or not item["entry"].strip():
                raise input_error(f"item lacks a text 'entry' (keys: {sorted(item)})",
                                  where=path, line=line, fix="add 'entry: word'")
            row = {k: ("" if v is None else v) for k, v in item.items()}
            entry = " ".join(str(row["entry"]).split())
            label = str(row.get("label", ""))
            row.update({"entry": entry, "label": label,
                        "category": str(row.get("category", label)),
                        "wildcard": entry.endswith("*"), "line": line})
            rows.append(row)
    elif isinstance(data, dict):
        for label, words in data.items():
            node = _child(root, label)
            if isinstance(words, str):
                words = [words]
            if not isinstance(words, list):
                raise input_error(f"category {label!r} holds {type(words).__name__}, not a list "
                                  "of entries", where=path, line=_line(root, label),
                                  fix=f"write '{label}: [word, …]'")
            for i, w in enumerate(words):
                line = _line(node, i) if node is not None else None
                if not isinstance(w, str) or not w.strip():
                    raise input_error(f"entry {w!r} under {label!r} is not text", where=path,
                                      line=line, fix="quote it, e.g. \"yes\" or \"2\"")
                entry = " ".join(w.split())
                rows.append({"entry": entry, "label": str(label), "category": str(label),
                             "wildcard": entry.endswith("*"), "line": line})
    else:
        raise input_error(f"top level is {type(data).__name__}", where=path, line=1,
                          fix="give 'label: [entries]' or a list of {entry: …} mappings")
    table = pd.DataFrame(rows)
    for c in _COLUMNS:
        if c not in table.columns:
            table[c] = pd.Series(dtype=object)
    return table[_COLUMNS + [c for c in table.columns if c not in _COLUMNS]]


def _child(node, key):
    """The value node under `key` (mapping) or index `key` (sequence), or None."""
    import yaml
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == str(key):
                return v
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def _line(node, key) -> int | None:
    child = _child(node, key)
    return child.start_mark.line + 1 if child is not None else None
