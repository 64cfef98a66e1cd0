"""Tone toward a mention (`framing.score_target`): hand cases whose expected values come from
vaderSentiment's SentimentIntensityAnalyzer called on the exact context text the rule defines
(framing/target.py docstring), offsets errors, and the BASIL evaluation pinned to the numbers
measured by benchmarks/eval_target.py."""
from __future__ import annotations

import importlib.util
import math

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.errors import FramingError
from framing.target import CUES_FILE, score_target, target_cues

SIA = SentimentIntensityAnalyzer()


def vader(t: str) -> float:
    return SIA.polarity_scores(t)["compound"]


def with_cues(compound: float, extra: float) -> float:
    """Step 4 of the rule: VADER's raw sum recovered from its compound, cue valences added."""
    c = max(-0.9999, min(0.9999, compound))
    s = c * math.sqrt(15 / (1 - c * c)) + extra
    return round(s / math.sqrt(s * s + 15), 4)


def at(text: str, name: str, k: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(k + 1):
        i = text.index(name, i + 1)
    return i, i + len(name)


def test_no_cue_is_vader_of_the_masked_window():
    text = "The plan presented on Monday by Smith was a total disaster for everyone involved."
    s, e = at(text, "Smith")
    # eight words each side, the mention's letters replaced by x
    window = "The plan presented on Monday by xxxxx was a total disaster for everyone involved."
    assert score_target(text, s, e) == vader(window) < -0.05
    assert score_target(text, s, e, window=2) == vader("Monday by xxxxx was a")


def test_criticism_verb_by_role():
    # object of a criticism verb: -2 added to an otherwise neutral context
    assert score_target("Republicans slammed Smith.", *at("Republicans slammed Smith.", "Smith")) \
        == round(-2 / math.sqrt(19), 4) == -0.4588
    # subject of a passive: also the one criticised
    t = "Smith was criticized by voters."
    assert score_target(t, *at(t, "Smith")) == -0.4588
    # the critic (active subject, or the agent after 'by') is not cast negatively, though
    # plain VADER is (criticized: -1.5)
    t = "Smith criticized the plan."
    assert vader(t) < -0.05 and score_target(t, *at(t, "Smith")) == 0.0
    t = "The plan was criticized by Smith."
    assert score_target(t, *at(t, "Smith")) == 0.0


def test_negated_cue_and_subject_cues():
    t = "Smith was not praised."
    assert score_target(t, *at(t, "Smith")) == with_cues(0.0, 2 * -0.74) == \
        round(-1.48 / math.sqrt(1.48 ** 2 + 15), 4)
    t = "Smith denied the report."  # a denial presupposes an accusation: subject -1
    assert score_target(t, *at(t, "Smith")) == -0.25
    t = "Smith apologized."  # VADER rates 'apologized' +1.3; toward the one apologising: -1
    assert vader(t) > 0.05 and score_target(t, *at(t, "Smith")) == -0.25


def test_cue_added_to_vader_sum():
    t = "Smith, a brilliant lawyer, was criticized."
    expected = with_cues(vader("xxxxx, a brilliant lawyer, was xxxxxxxxxx."), -2.0)
    assert score_target(t, *at(t, "Smith")) == expected


def test_quotes_of_the_speaker_are_masked():
    t = '"This is a disgrace," Smith said.'
    s, e = at(t, "Smith")
    assert vader(t) < -0.05
    assert score_target(t, s, e) == 0.0                       # Smith's own words
    assert score_target(t, s, e, quotes="keep") == vader('"This is a disgrace," xxxxx said.')
    t = 'said Sen. Smith, "This is a disgrace."'
    assert score_target(t, *at(t, "Smith")) == 0.0
    # a quote about Smith, by someone else, is tone toward Smith
    t = '"Smith is a disgrace," Jones said.'
    assert score_target(t, *at(t, "Smith")) == vader('"xxxxx is a disgrace," Jones said.') < 0
    t = 'Jones called Smith "a disgrace."'
    assert score_target(t, *at(t, "Smith")) == vader('Jones called xxxxx "a disgrace."') < 0
    assert score_target(t, *at(t, "Smith"), quotes="drop") == 0.0


def test_clause_and_window():
    t = "Critics said the corrupt Smith lied, but Jones was brilliant."
    assert score_target(t, *at(t, "Jones")) == vader("Jones was brilliant.".replace("Jones", "xxxxx"))
    s, e = at(t, "Smith")
    # clause "Critics said the corrupt Smith lied,": 'lied' is a cue (subject -2)
    assert score_target(t, s, e) == with_cues(vader("Critics said the corrupt xxxxx xxxx,"), -2.0)
    assert score_target(t, s, e, cues=False) == vader("Critics said the corrupt xxxxx lied,")


def test_only_the_mentions_sentence_counts_and_masked_text_is_reused():
    t = "Smith was praised by all."
    base = score_target(t, *at(t, "Smith"))
    longer = "The weather was horrible and tragic. " + t
    s, e = at(longer, "Smith")
    assert score_target(longer, s, e) == base == with_cues(0.0, 2.0)
    assert score_target(longer, s, e, masked=longer) == base


@pytest.mark.parametrize("start, end", [(5, 500), (-1, 3), (4, 2), (0, 99)])
def test_offsets_outside_the_text_are_an_error(start, end):
    with pytest.raises(FramingError, match="outside the text"):
        score_target("Smith was praised.", start, end)


def test_bad_input():
    with pytest.raises(FramingError, match="must be a str"):
        score_target(None, 0, 0)
    with pytest.raises(FramingError, match="quotes"):
        score_target("Smith spoke.", 0, 5, quotes="some")
    pattern, forms = target_cues()
    assert forms["criticized"] == (0.0, -2.0) and forms["under fire"] == (-2.0, -2.0)
    assert CUES_FILE.name == "target_cues-1.0.tsv"


def _eval_module():
    from conftest import REPO
    spec = importlib.util.spec_from_file_location("eval_target",
                                                  REPO / "benchmarks" / "eval_target.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_basil_held_out_macro_f1(shared_data):
    """Measured by `.venv/bin/python benchmarks/eval_target.py` (sample construction in its
    docstring): held-out events, sentiment toward a named person, three classes."""
    ev = _eval_module()
    res = ev.evaluate(shared_data / "basil")
    test = res[("test", "all")]
    assert dict(test["n"]) == {"pos": 50, "neg": 232, "neu": 282}
    assert test["plain"] == pytest.approx(0.3767701525054466, abs=1e-9)
    assert test["target"] == pytest.approx(0.4322469370435776, abs=1e-9)
    assert test["target"] > test["plain"]
    dev = res[("dev", "all")]
    assert dict(dev["n"]) == {"pos": 61, "neg": 248, "neu": 307}
    assert dev["plain"] == pytest.approx(0.3703312669792342, abs=1e-9)
    assert dev["target"] == pytest.approx(0.42477702380457644, abs=1e-9)
    lex, inf = res[("test", "lex")], res[("test", "inf")]
    assert lex["plain"] == pytest.approx(0.37482953100802074, abs=1e-9)
    assert lex["target"] == pytest.approx(0.47452775747316583, abs=1e-9)
    assert inf["plain"] == pytest.approx(0.377339051562654, abs=1e-9)
    assert inf["target"] == pytest.approx(0.41462947765538094, abs=1e-9)
    lo, hi = res["ci"]
    assert lo == pytest.approx(0.010422131922164124, abs=1e-9)
    assert hi == pytest.approx(0.10170599822867621, abs=1e-9)
    assert lo > 0


def test_inconsistent_helpers_are_errors_not_fallbacks():
    from framing import FramingError
    from framing.target import score_target
    text = "Critics slammed Kim on Monday."
    with pytest.raises(FramingError, match="masked text has 5 characters"):
        score_target(text, 16, 19, masked="xxxxx")
    with pytest.raises(FramingError, match="does not hold the mention"):
        score_target(text, 16, 19, sentence=(0, 10))
    assert score_target(text, 16, 19, sentence=(0, len(text))) == score_target(text, 16, 19)
