"""Sentiment (VADER per sentence, authorial vs quoted, entity masking) and tone toward a
target. Expected values come from vaderSentiment's SentimentIntensityAnalyzer directly."""
from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.sentiment import (MASK_ENTITIES_DEFAULT, mask_entities_in, score_sentences,
                               vader_compound, vader_provenance)
from framing.target import score_target

SIA = SentimentIntensityAnalyzer()


def vader(t):
    return SIA.polarity_scores(t)["compound"]


def test_sentence_mean_and_voices():
    text = '"This is a wonderful plan," he said. The critics were furious.'
    sents = [(0, 35), (36, len(text))]
    out = score_sentences(text, sents, mask_entities=False)
    c1, c2 = vader(text[0:35]), vader(text[36:])
    assert out["compounds"] == [c1, c2]
    assert out["sentiment"] == pytest.approx((c1 + c2) / 2)
    # sentence 1 mixes voices: quoted part and authorial part are scored apart
    assert out["sentiment_quoted"] == vader('"This is a wonderful plan,"')
    assert out["sentiment_authorial"] == pytest.approx((vader("he said.") + c2) / 2)
    assert out["n_sentences_quoted"] == 1 and out["n_sentences_authorial"] == 2


def test_nan_where_no_voice():
    text = "The plan is terrible."
    out = score_sentences(text, [(0, len(text))], mask_entities=False)
    assert out["sentiment"] == vader(text) == out["sentiment_authorial"]
    assert math.isnan(out["sentiment_quoted"])
    q = '"The plan is terrible."'
    out = score_sentences(q, [(0, len(q))], mask_entities=False)
    assert out["sentiment_quoted"] == vader(q) and math.isnan(out["sentiment_authorial"])
    out = score_sentences("", [], mask_entities=False)
    assert math.isnan(out["sentiment"]) and out["compounds"] == []


def test_entity_masking():
    text = "Kim led the ruling Workers' Party and the Security Council met."
    assert mask_entities_in(text) == \
        "Kim led the ruling Workers' Xxxxx and the Xxxxxxxx Council met."
    assert vader(text) > 0  # 'party' and 'security' carry valence in VADER
    assert score_sentences(text, [(0, len(text))], mask_entities=True)["compounds"] == [0.0]
    assert score_sentences(text, [(0, len(text))], mask_entities=False)["compounds"] == \
        [vader(text)]
    assert MASK_ENTITIES_DEFAULT is True  # measured: benchmarks/eval_vader_nyt.py
    plain = "The party was great."  # lower case: not a name, left alone
    assert mask_entities_in(plain) == plain


def test_default_uses_segmenter():
    text = "It is good. It is bad."
    out = score_sentences(text, mask_entities=False)
    assert out["compounds"] == [vader("It is good."), vader("It is bad.")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
       | st.lists(st.sampled_from(["good", "not", "bad", "no", ":)", "kind", "of", "but",
                                   "VERY", "!", "least", "he", "said", "the", "war,"]),
                  max_size=12).map(" ".join))
def test_vader_shortcut_is_identical(text):
    assert vader_compound(text) == vader(text)


def test_identity_on_vader_nyt(shared_data):
    from conftest import need_path
    path = need_path(shared_data / "vader_nyt" / "nytEditorialSnippets_GroundTruth.txt",
                     "VADER's NYT ground truth (../shared/data/vader_nyt)")
    rows = [ln.split("\t", 2) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert len(rows) == 5190
    differ = [sid for sid, _, t in rows
              if score_sentences(t, [(0, len(t))], mask_entities=False)["compounds"][0] != vader(t)]
    assert differ == []


def test_vader_provenance():
    import vaderSentiment
    prov = vader_provenance()
    lex = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    assert prov["vader_lexicon_sha256"] == hashlib.sha256(lex.read_bytes()).hexdigest()
    assert prov["vader_version"].startswith("3.")


def test_score_target():
    text = "Critics said the corrupt Smith lied, but Jones was brilliant."
    s = text.index("Smith")
    j = text.index("Jones")
    assert score_target(text, s, s + 5) < -0.05
    assert score_target(text, j, j + 5) > 0.05
    # the mention's own words carry no valence
    assert score_target("Joy arrived.", 0, 3) == 0.0
    assert -1 <= score_target(text, 0, len(text)) <= 1
    with pytest.raises(ValueError):
        score_target(text, 5, 500)


def test_a_runaway_sentence_is_scored_in_pieces():
    """VADER's time grows with the square of a text's words, so a text over VADER_MAX_CHARS
    gets the mean compound of pieces cut at white space; up to it, VADER's own compound."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.sentiment import VADER_MAX_CHARS, _vader_pieces, vader_compound
    sia = SentimentIntensityAnalyzer()
    text = "a good day and a bad night " * 250  # 6,750 characters
    pieces = _vader_pieces(text, VADER_MAX_CHARS)
    assert "".join(pieces) == text and all(len(p) <= VADER_MAX_CHARS for p in pieces)
    assert len(pieces) == 2 and pieces[1].startswith(" ")  # cut at a space
    expected = sum(sia.polarity_scores(p)["compound"] for p in pieces) / 2
    assert vader_compound(text) == expected
    short = text[:VADER_MAX_CHARS]
    assert vader_compound(short) == sia.polarity_scores(short)["compound"]
    assert _vader_pieces("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]  # no space: hard cuts


def test_overlapping_quotes_given_by_a_caller_are_merged():
    """score_sentences splits each sentence by the quotes with a bisection, which needs them
    disjoint: nested or overlapping regions a caller passes count as their union."""
    from framing.sentiment import score_sentences
    text = '"Great day. Awful night," he said.'
    sentences = [(0, 11), (12, 34)]
    merged = score_sentences(text, sentences, quotes=[(0, 25)])
    nested = score_sentences(text, sentences, quotes=[(0, 25), (1, 6)])
    assert merged["n_sentences_quoted"] == 2  # both sentences hold quoted words
    for key in ("sentiment_quoted", "sentiment_authorial", "n_sentences_quoted"):
        assert nested[key] == merged[key], key


def test_pieces_cut_at_any_white_space_and_bad_quotes_are_refused():
    from framing.errors import FramingError
    from framing.sentiment import _vader_pieces, score_sentences
    text = "x\n" * 2499 + "ugly " + "x " * 100
    pieces = _vader_pieces(text, 5000)
    assert "".join(pieces) == text and pieces[1].startswith("\nugly")  # not "ug" | "ly"
    with pytest.raises(FramingError, match="quote"):
        score_sentences("He said it was great.", quotes=[(8, 15), (18, 10)])
