"""Stance tagging: context rules (hard cases), offsets, quoted flag, user lexicons, and the
golden table of real news sentences (read from ../shared by id)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from framing.stance import tag_stance

REPO = Path(__file__).resolve().parents[1]


def spans(text):
    return [(s["label"], s["text"], s["rule"]) for s in tag_stance(text)]


@pytest.mark.parametrize("text, expected", [
    # the month and the surname May are not hedges; the modal is
    ("Theresa May said in May that it may rain.", [("hedge", "may", "")]),
    ("May 5 was quiet.", []),
    ("May God bless them.", [("hedge", "May", "")]),
    # approximators only before a number; 'about' elsewhere is nothing
    ("About 20 people talked about it.", [("approximator", "About", "before_number")]),
    ("some 3,000 troops and some type of deal", [("approximator", "some", "before_number")]),
    ("around the world, around $5 million", [("approximator", "around", "before_number")]),
    ("It took about a third of the time.", [("approximator", "about", "before_number")]),
    ("roughly equal, roughly a dozen", [("hedge", "roughly", "not_before_number"),
                                       ("approximator", "roughly", "before_number")]),
    # negated boosters are hedges, the span starting at the negator
    ("It is not clear whether he will go.", [("hedge", "not clear", "negated_hedge")]),
    ("It isn't entirely clear.", [("hedge", "isn't entirely clear", "negated_hedge")]),
    ("It was far from clear.", [("hedge", "far from clear", "negated_hedge")]),
    ("It is clear that he lied.", [("booster", "clear", "predicative")]),
    ("a clear sky and certain officials; make sure", []),
    # modals in questions are not hedges
    ("Could this be a trap?", []),
    ('"Might it work?" he asked.', []),
    ("He could not be reached.", []),
    ("It could be used in the war.", [("hedge", "could", "")]),
    # impersonal passives and evidentials
    ("The train is believed to be armoured.", [("hedge", "is believed to", "")]),
    ("He reportedly left.", [("hedge", "reportedly", "")]),
    # multi-word entries
    ("We, of course, will go.", [("booster", "of course", "")]),
    ("It was a striking display.", [("attitude", "striking", "")]),
    ("likely voters said", []),
    ("what kind of deal", []),
    ("", []),
])
def test_context_rules(text, expected):
    assert spans(text) == expected


def test_quoted_flag_and_fields():
    text = '"We, of course, will win," he said, adding that it may rain.'
    out = tag_stance(text)
    assert [(s["text"], s["quoted"]) for s in out] == [("of course", True), ("may", False)]
    for s in out:
        assert text[s["start"]:s["end"]] == s["text"]
        assert s["lexicon"] == "stance" and s["lexicon_version"] == "1.0"
        assert s["entry"] and s["layer"] == "stance"


def test_quotes_argument_overrides():
    text = "It may rain."
    assert tag_stance(text, quotes=[(0, len(text))])[0]["quoted"] is True


def test_sentences_argument_for_questions():
    text = "Could it be. Yes?"
    assert spans(text) == [("hedge", "Could", "")]


def test_user_dic_lexicon(tmp_path):
    dic = tmp_path / "mine.dic"
    dic.write_text("%\n1\thedge\n2\tbooster\n%\nappear*\t1\nof course\t2\n", encoding="utf-8")
    out = tag_stance("It appears so, of course.", lexicon=dic)
    assert [(s["label"], s["text"], s["lexicon"], s["lexicon_version"]) for s in out] == [
        ("hedge", "appears", "mine", "user"), ("booster", "of course", "mine", "user")]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_offsets_on_arbitrary_unicode(text):
    for s in tag_stance(text):
        assert 0 <= s["start"] <= s["end"] <= len(text)
        assert text[s["start"]:s["end"]] == s["text"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["may", "May", "not", "clear", "about", "20", "?", ".", '"',
                                 "İ", "could", "of", "course", "is", "believed", "to", " "]),
                max_size=30))
def test_offsets_on_marker_soup(words):
    text = " ".join(words)
    for s in tag_stance(text):
        assert text[s["start"]:s["end"]] == s["text"]


def test_golden_table(shared_data):
    sys.path.insert(0, str(REPO / "benchmarks"))
    import eval_stance
    rows = eval_stance.read_golden()
    assert len(rows) >= 40
    texts = eval_stance.load_texts(rows, shared_data.parent)
    tp, fp, fn, errors = eval_stance.score(rows, texts)
    t, p, g = sum(tp.values()), sum(tp.values()) + sum(fp.values()), sum(tp.values()) + sum(fn.values())
    # Measured 2026-11: P 0.963 (52/54), R 0.852 (52/61); the misses are listed by
    # `benchmarks/eval_stance.py -v`. Every context-rule row (month, question, 'about',
    # negated booster, 'make sure', 'certain') must be exactly right:
    assert t / p >= 0.95 and t / g >= 0.85, errors
    rule_rows = {("abp", d) for d in ("eyQX4kSOQZ98egPi", "TLRM9aKGBnrnvFtp", "dxXGKoSPHyr9mDTc",
                                      "jJzdm78V2o7GrMsn", "mIusRpTBKPdftrzz", "cS69gycDnUYubwii",
                                      "LTZbYnGLDou8zAJh", "z0TBDSVYP4nQKsY7", "SCbHB8Eg7oSvgGNv",
                                      "jC8alcLhaXdxovLw", "KSRofowbZDeTFnwo")}
    wrong = [e for e in errors if (e[1]["source"], e[1]["doc"]) in rule_rows]
    assert not wrong, wrong
