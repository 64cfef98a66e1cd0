"""read_corpus on the bundled seed article and on every kind of bad input."""
from __future__ import annotations

import json
import re

import pytest

import framing
from framing import FramingError
from conftest import SHARED, need_path


def seed_lines() -> list[str]:
    return [l for l in SHARED.joinpath("seeds", "000_2c00f7efbf41fd95.txt")
            .read_text(encoding="utf-8").split("\n") if l.strip()]


def test_seed_article_metadata(seed_path):
    corpus = framing.read_corpus(seed_path)
    art = corpus.articles.iloc[0]
    assert (art.doc_id, art.outlet, art.published, art.wire) == (
        "000_2c00f7efbf41fd95", "unknown", "2023-09-12", "Reuters")
    assert len(corpus.paragraphs) == 27
    assert list(corpus.paragraphs["para_idx"]) == list(range(27))


def test_seed_roles(seed_path):
    corpus = framing.read_corpus(seed_path.parent)
    roles = corpus.paragraphs["role"].tolist()
    assert [i for i, r in enumerate(roles) if r == "caption"] == [0, 12]
    assert [i for i, r in enumerate(roles) if r == "heading"] == [13]
    assert roles.count("body") == 24
    credits = corpus.credits[["para_idx", "label", "text"]].values.tolist()
    assert credits == [[0, "photo", "AP-Yonhap"], [12, "photo", "Yonhap"], [26, "wire", "Reuters"]]


def test_seed_text_is_unchanged(seed_path):
    """The bundled copy keeps every paragraph of the seed, in order, byte for byte."""
    need_path(SHARED / "seeds", "the original seed article (../shared/seeds)")
    corpus = framing.read_corpus(seed_path)
    assert corpus.paragraphs["text"].tolist() == seed_lines()


def test_txt_front_matter_and_outlet_argument(tmp_path):
    (tmp_path / "a.txt").write_text("---\noutlet: Daily\ntitle: T\n---\nFirst.\n\n  Second.  \n")
    (tmp_path / "b.txt").write_text("Only one paragraph.\n")
    corpus = framing.read_corpus(tmp_path, outlet="Fallback")
    assert corpus.articles[["doc_id", "outlet", "title"]].values.tolist() == [
        ["a", "Daily", "T"], ["b", "Fallback", ""]]
    assert corpus.paragraphs["text"].tolist() == ["First.", "Second.", "Only one paragraph."]


def test_jsonl_and_csv_read_the_same(tmp_path):
    rows = [{"doc_id": "d1", "outlet": "X", "published": "2020-01-02", "title": "A",
             "text": "One.\nTwo."},
            {"doc_id": "d2", "outlet": "Y", "title": "B", "paragraphs": ["Three.", "Four."],
             "event_id": "e1"}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (tmp_path / "c.csv").write_text(
        'doc_id,outlet,published,title,text,event_id\n'
        'd1,X,2020-01-02,A,"One.\nTwo.",\n'
        'd2,Y,,B,"Three.\nFour.",e1\n')
    a = framing.read_corpus(tmp_path / "c.jsonl")
    b = framing.read_corpus(tmp_path / "c.csv")
    assert a.paragraphs.equals(b.paragraphs)
    assert a.articles["event_id"].fillna("").tolist() == ["", "e1"]
    assert a.paragraphs["text"].tolist() == ["One.", "Two.", "Three.", "Four."]


def test_utf8_with_bom(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffCaf\u00e9 opened.\n".encode("utf-8"))
    corpus = framing.read_corpus(tmp_path / "bom.txt", outlet="X")
    assert corpus.paragraphs["text"].tolist() == ["Caf\u00e9 opened."]


BAD = {
    "malformed jsonl line": ("bad.jsonl", b'{"doc_id": "a", "outlet": "X", "text": "t"}\n{"doc_id": \n',
                             r"bad\.jsonl, line 2: not valid JSON"),
    "missing text": ("nt.jsonl", b'{"doc_id": "a", "outlet": "X"}\n',
                     r"nt\.jsonl, line 1: missing 'text'"),
    "duplicated doc_id": ("dup.jsonl",
                          b'{"doc_id": "a", "outlet": "X", "text": "t"}\n'
                          b'{"doc_id": "a", "outlet": "X", "text": "u"}\n',
                          r"dup\.jsonl, line 2: doc_id 'a' appears twice \(first at .*line 1\)"),
    "unknown extension": ("a.docx", b"text", r"a\.docx: unknown extension '\.docx'"),
    "undecodable": ("latin.txt", b"ok line\nCaf\xe9 closed\n",
                    r"latin\.txt, line 2: not UTF-8 text .*re-save the file as UTF-8"),
    "empty corpus": ("empty.jsonl", b"\n\n", r"empty\.jsonl: the corpus holds no article"),
    "csv without outlet": ("no.csv", b"doc_id,text\na,t\n",
                           r"no\.csv, line 1: outlet column is missing \(columns: doc_id, text\)"),
    "csv missing text in a row": ("row.csv", b"doc_id,outlet,text\na,X,t\nb,X,\n",
                                  r"row\.csv, line 3: missing 'text'"),
    "front matter key": ("fm.txt", b"---\noutlet: X\nauthor: Y\n---\nText.\n",
                         r"fm\.txt, line 3: unknown front-matter key 'author'"),
    "txt without outlet": ("n.txt", b"Text.\n", r"n\.txt: no outlet is given.*outlet='"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_names_the_place(tmp_path, case):
    name, data, pattern = BAD[case]
    (tmp_path / name).write_bytes(data)
    with pytest.raises(FramingError) as info:
        framing.read_corpus(tmp_path / name)
    assert re.search(pattern, str(info.value)), str(info.value)


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(FramingError, match="no such file or folder"):
        framing.read_corpus(tmp_path / "nope")
    with pytest.raises(FramingError, match="holds no .txt/.jsonl/.csv file"):
        framing.read_corpus(tmp_path)
