"""Hostile input: arbitrary Unicode, control characters, mixed newlines, unbalanced quotes,
empty articles and megabyte paragraphs never crash a reader or the pipeline, and every
offset stays valid."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.errors import FramingError
from framing.pipeline import TagOptions, tag_article
from framing.quotes import find_quotes
from framing.segment import find_credits, paragraph_role, split_sentences

QUOTEY = st.text(alphabet=st.sampled_from(list('"“”‘’\'`«»„ ,.AaZz:-—\n\r\t\x00\u2028')) ,
                 max_size=200)
TEXT = st.one_of(st.text(max_size=300), QUOTEY)
FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXT)
def test_quotes_are_ordered_disjoint_and_in_bounds(text):
    last = 0
    for q in find_quotes(text):
        assert last <= q.start < q.end <= len(text)
        s, e = q.inner
        assert q.start <= s <= e <= q.end
        last = q.end


@FAST
@given(TEXT)
def test_segmentation_offsets_valid(text):
    for s, e in split_sentences(text):
        assert 0 <= s < e <= len(text)
    credits = find_credits(text)
    for c in credits:
        assert 0 <= c.start <= c.end <= len(text)
    assert paragraph_role(text, credits) in {"body", "heading", "caption", "credit"}


@FAST
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_tag_article_spans_point_at_text(paragraphs):
    rows = tag_article("d", "o", [(i, "body", t) for i, t in enumerate(paragraphs)], [],
                       TagOptions())
    for row in rows["spans"]:
        _, para_idx, _, _, start, end, text, *_ = row
        assert paragraphs[para_idx][start:end] == text


@FAST
@given(st.lists(st.text(max_size=80), min_size=1, max_size=5))
def test_jsonl_reader_takes_any_text(tmp_path_factory, texts):
    path = tmp_path_factory.mktemp("j") / "c.jsonl"
    path.write_text("\n".join(json.dumps({"doc_id": f"d{i}", "outlet": "o", "text": t})
                              for i, t in enumerate(texts)), encoding="utf-8")
    try:
        corpus = framing.read_corpus(path)
    except FramingError as exc:  # only the documented error, naming the file
        assert "c.jsonl" in str(exc)
        return
    assert set(corpus.paragraphs["doc_id"]) <= {f"d{i}" for i in range(len(texts))}


def test_megabyte_paragraph_and_mixed_newlines(tmp_path):
    big = ('He said "yes, ' + "Capital Words, " * 70000 + "and then") * 1
    text = f"first\r\nsecond\rthird\u2028\n{big}\n"
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8", newline="")
    corpus = framing.read_corpus(path, outlet="o")
    tagged = framing.tag(corpus)
    assert tagged.paragraphs["n_words"].tolist() == [1, 1, 1, 3 + 2 * 70000 + 2]
    for row in tagged.spans.itertuples():
        para = tagged.paragraphs.set_index("para_idx").loc[row.para_idx, "text"]
        assert para[row.start:row.end] == row.text


@FAST
@given(TEXT)
def test_single_sentence_shortcut_equals_punkt(text):
    from framing.segment import _punkt
    assert split_sentences(text) == (list(_punkt().span_tokenize(text)) if text.strip()
                                     else [])
