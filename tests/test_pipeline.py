"""framing.tag: the contract's columns, corpus order, identical output for any n_jobs."""
from __future__ import annotations

import pandas as pd

import framing
from framing.tagged import ATTRIBUTION_COLUMNS, PARAGRAPH_COLUMNS, SPAN_COLUMNS


def test_columns_and_counts(seed_path):
    tagged = framing.tag(framing.read_corpus(seed_path))
    assert list(tagged.paragraphs.columns[:len(PARAGRAPH_COLUMNS)]) == PARAGRAPH_COLUMNS
    assert set(ATTRIBUTION_COLUMNS) <= set(tagged.attributions.columns)
    assert set(SPAN_COLUMNS) <= set(tagged.spans.columns)
    p = tagged.paragraphs
    assert p["n_sentences"].sum() == 32
    assert p.loc[13, ["text", "n_words"]].tolist() == ["Delegation of defense officials", 4]
    # paragraph 4, counted by hand: quote 1 "It will be a full-fledged visit" = 6 words,
    # quote 2 = 7 + 3 + 2 + 10 = 22 words, "Kremlin spokesman Dmitry Peskov said" = 5
    assert p.loc[4, ["n_words", "n_words_quoted", "n_words_authorial"]].tolist() == [33, 28, 5]


def test_every_span_points_at_its_text(seed_path):
    tagged = framing.tag(framing.read_corpus(seed_path))
    texts = dict(zip(zip(tagged.paragraphs["doc_id"], tagged.paragraphs["para_idx"]),
                     tagged.paragraphs["text"]))
    for row in tagged.spans.itertuples(index=False):
        assert texts[(row.doc_id, row.para_idx)][row.start:row.end] == row.text


def test_parallel_equals_serial(tmp_path):
    lines = []
    for i in range(12):
        lines.append(f'{{"doc_id": "d{i}", "outlet": "o{i % 3}", '
                     f'"text": "Para {i} one, he said.\\n\\"Quote {i},\\" she said."}}')
    (tmp_path / "c.jsonl").write_text("\n".join(lines))
    corpus = framing.read_corpus(tmp_path / "c.jsonl")
    one, two = framing.tag(corpus), framing.tag(corpus, n_jobs=2)
    for name in ("paragraphs", "attributions", "spans"):
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name))


def test_every_attribution_has_its_spans(seed_path):
    """A reader can highlight each attribution: its cue, source and content are rows of
    `spans` (linked by `ref`), at the offsets the attributions table gives."""
    tagged = framing.tag(framing.read_corpus(seed_path))
    spans = tagged.spans[tagged.spans["layer"] == "attribution"]
    assert len(tagged.attributions) > 15
    for a in tagged.attributions.itertuples(index=False):
        own = spans[spans["ref"] == a.attribution_id]
        by_label = {label: g for label, g in own.groupby("label")}
        for label, start, end in (("cue", a.cue_start, a.cue_end),
                                  ("source", a.source_start, a.source_end)):
            if pd.notna(start):
                assert (by_label[label][["start", "end"]].values.tolist() == [[start, end]])
        if pd.notna(a.content_start):
            content = by_label["content"]
            assert content["start"].min() == a.content_start
            assert content["end"].max() == a.content_end
        assert set(own["para_idx"]) == {a.para_idx}


def test_attributions_say_why(seed_path):
    """Each attribution names the construction that found it and how its speaker was found:
    ¶25 "Peskov said" resolves by surname to ¶4's full mention."""
    a = framing.tag(framing.read_corpus(seed_path)).attributions
    row = a[a["para_idx"] == 25].iloc[0]
    assert (row["source"], row["speaker"], row["speaker_via"], row["rule"]) == (
        "Peskov", "Kremlin spokesman Dmitry Peskov", "surname", "verb")
    refusal = a[a["kind"] == "refusal"].iloc[0]
    assert (refusal["cue"], refusal["rule"]) == ("declined to comment", "refusal")
    assert set(a["speaker_via"]) <= {"source", "surname", "pronoun", "continuation"}
