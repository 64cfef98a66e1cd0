"""Lexicon data: index hashes, the stance and entity lexicons, users' .dic and YAML files."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import framing
import framing.lexicons as lexicons
from framing.errors import FramingError
from framing.lexicons import list_lexicons, load_lexicon, read_lexicon_table
from framing.lexicons.user import read_user_lexicon

LEXDIR = Path(lexicons.__file__).parent


def test_every_index_hash_and_count():
    index = list_lexicons()
    assert {"stance", "entities"} <= set(index["name"])
    for row in index.itertuples():
        path = LEXDIR / row.file
        assert hashlib.sha256(path.read_bytes()).hexdigest() == row.sha256, row.file
        assert len(read_lexicon_table(path)) == row.entries, row.file
        assert row.licence and row.citation and row.source


def test_stance_lexicon_shape():
    lex = load_lexicon("stance")
    t = lex.entries
    assert list(t.columns[:2]) == ["entry", "label"] and "why" in t.columns
    assert set(t["label"]) == {"hedge", "booster", "attitude", "approximator"}
    assert (t["why"].str.len() > 0).all()
    assert not t["entry"].duplicated().any()
    text = (LEXDIR / "stance-1.0.tsv").read_text(encoding="utf-8")
    assert text.startswith("#") and "Hyland" in text


def test_entities_lexicon_shape():
    t = load_lexicon("entities").entries
    assert list(t.columns) == ["entry", "why"] and (t["why"].str.len() > 0).all()
    for name in ["Workers' Party", "Security Council", "Justice <Cap>", "Liberation <Cap>",
                 "Freedom <Cap>"]:
        assert name in set(t["entry"])


def test_dic(tmp_path):
    p = tmp_path / "a.dic"
    p.write_text("%\n1\thedge\n2\tbooster\n%\nmay\t1\nappear*\t1\nof course\t2\nclear\t1 2\n",
                 encoding="utf-8")
    t = read_user_lexicon(p)
    assert list(zip(t["entry"], t["label"], t["wildcard"], t["line"])) == [
        ("may", "hedge", False, 5), ("appear*", "hedge", True, 6),
        ("of course", "booster", False, 7), ("clear", "hedge", False, 8),
        ("clear", "booster", False, 8)]
    lex = load_lexicon(p)
    assert lex.version == "user" and lex.name == "a" and len(lex) == 5


@pytest.mark.parametrize("content, where", [
    ("%\n1\thedge\n%\nmay\t3\n", "line 4"),          # unknown category
    ("%\n1\thedge\n%\nmay\n", "line 4"),             # no category
    ("may\t1\n", "line 1"),                           # no header
    ("%\nhedge\n%\n", "line 2"),                      # header not 'number name'
])
def test_dic_errors_name_file_and_line(tmp_path, content, where):
    p = tmp_path / "bad.dic"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(FramingError) as exc:
        load_lexicon(p)
    assert str(p) in str(exc.value) and where in str(exc.value)


def test_yaml_shapes(tmp_path):
    p = tmp_path / "m.yaml"
    p.write_text("hedge: [may, might]\nbooster:\n  - of course\n", encoding="utf-8")
    t = read_user_lexicon(p)
    assert list(zip(t["entry"], t["label"], t["line"])) == [
        ("may", "hedge", 1), ("might", "hedge", 1), ("of course", "booster", 3)]
    q = tmp_path / "n.yml"
    q.write_text("entries:\n  - {entry: may, label: hedge, why: modal}\n", encoding="utf-8")
    t = read_user_lexicon(q)
    assert t.loc[0, "why"] == "modal" and t.loc[0, "line"] == 2


@pytest.mark.parametrize("content, where", [
    ("hedge: [may\n", "line 2"),                     # YAML syntax
    ("booster:\n  - clearly\n  - 2\n", "line 3"),    # not text
    ("entries:\n  - {entry: may}\n  - {label: x}\n", "line 3"),  # no entry
    ("!!python/object:os.system x\n", ""),           # unsafe tag refused by safe_load
])
def test_yaml_errors(tmp_path, content, where):
    p = tmp_path / "bad.yaml"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(FramingError) as exc:
        load_lexicon(p)
    assert str(p) in str(exc.value) and where in str(exc.value)


def test_unsupported_suffix(tmp_path):
    p = tmp_path / "x.json"
    p.write_text("{}", encoding="utf-8")
    with pytest.raises(FramingError, match="unsupported"):
        read_user_lexicon(p)


def test_the_versions_in_use_are_what_manifests_and_figures_record():
    from framing.lexicons import lexicons_in_use
    from framing.output import build_manifest
    from framing.plots import provenance_base
    in_use = lexicons_in_use()
    assert in_use["name"].is_unique
    assert set(in_use["name"]) == set(framing.list_lexicons()["name"])
    for name, version in zip(in_use["name"], in_use["version"]):
        assert framing.load_lexicon(name).version == version  # what the taggers load
    every = framing.list_lexicons()
    newest_cues = every.loc[every["name"] == "cues", "version"].iloc[-1]
    assert dict(zip(in_use["name"], in_use["version"]))["cues"] == newest_cues != "1.0"
    records = in_use[["name", "version", "sha256"]].to_dict(orient="records")
    manifest = build_manifest(corpus_sha256="0" * 64, counts={}, parameters={})
    assert manifest["lexicons"] == records
    assert provenance_base()["lexicons"] == records
