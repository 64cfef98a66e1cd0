"""Tone toward a mention (`framing.score_target`): hand cases whose expected values come from
vaderSentiment's SentimentIntensityAnalyzer called on the exact context text the rule defines
(framing/target.py docstring), offsets errors, and the BASIL evaluation pinned to the numbers
measured by benchmarks/eval_target.py."""
from __future__ import annotations

import importlib.util
import math
import re

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, normalize

import framing
from conftest import need_shared
from framing.errors import FramingError
from framing.target import score_target, target_cues

SIA = SentimentIntensityAnalyzer()


def vader(t: str) -> float:
    return SIA.polarity_scores(t)["compound"]


def with_cues(compound: float, extra: float, dead_zone: float = 0.0) -> float:
    """Steps 4-5 of the rule: VADER's raw sum recovered from its compound, cue valences added,
    a positive sum lowered by the dead zone (off by default), normalised again."""
    c = max(-0.9999, min(0.9999, compound))
    s = c * math.sqrt(15 / (1 - c * c)) + extra
    if s > 0:
        s = max(0.0, s - dead_zone)
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
    c = vader("xxxxx, a brilliant lawyer, was xxxxxxxxxx.")
    assert c == 0.5859  # raw sum 2.8 ('brilliant'), -2 for 'was criticized': 0.8
    assert score_target(t, *at(t, "Smith")) == with_cues(c, -2.0) == 0.2023
    # with the dev-chosen dead zone, 0.8 < 1.6 is no positive tone
    assert score_target(t, *at(t, "Smith"), dead_zone=1.6) == with_cues(c, -2.0, 1.6) == 0.0


def test_positive_dead_zone():
    from framing.target import DEAD_ZONE, DEV_DEAD_ZONE
    assert DEAD_ZONE == 0.0 and DEV_DEAD_ZONE == 1.6  # off by default (target.py step 5)
    # with dead_zone=1.6 one mildly positive word near a person is not positive tone
    t = "Smith has support."
    c = vader("xxxxx has support.")
    assert c == 0.4019 and score_target(t, *at(t, "Smith")) == c
    assert score_target(t, *at(t, "Smith"), dead_zone=1.6) == with_cues(c, 0.0, 1.6) == 0.0258
    # praise of the person (+2) stays positive: 2 - 1.6 = 0.4
    t = "Smith was praised."
    assert score_target(t, *at(t, "Smith"), dead_zone=1.6) == with_cues(0.0, 2.0, 1.6) == \
        round(0.4 / math.sqrt(0.16 + 15), 4) == 0.1027
    assert score_target(t, *at(t, "Smith")) == with_cues(0.0, 2.0) == round(normalize(2.0), 4) == 0.4588
    # negative sums are untouched: VADER's compound exactly
    t = "Smith made a terrible mistake."
    assert score_target(t, *at(t, "Smith"), dead_zone=1.6) == \
        vader("xxxxx made a terrible mistake.") < -0.05
    with pytest.raises(FramingError, match="dead_zone"):
        score_target(t, 0, 5, dead_zone=-1)


def test_appositive_passive_adverb_and_pronoun_roles():
    # the appositive does not use up the window: 'was criticized' is still in the context
    t = "Smith, the chairman of the House Budget Committee since 2011, was criticized by leaders."
    assert vader("xxxxx, the chairman of the House Budget Committee since 2011, was xxxxxxxxxx "
                 "by leaders.") == 0.0
    assert score_target(t, *at(t, "Smith")) == with_cues(0.0, -2.0) == -0.4588
    assert score_target(t, *at(t, "Smith"), cues=False) == vader(
        "xxxxx, the chairman of the House Budget Committee since 2011, was criticized by "
        "leaders.") == -0.3612
    # adverbs between be and the cue keep the passive reading
    t = "Smith was just fired."
    assert score_target(t, *at(t, "Smith")) == -0.4588
    # a cue after the mention followed by him/her is read as aimed at the mention
    t = "Smith left after Jones mocked him."
    context = "xxxxx left after Jones xxxxxx him."
    assert score_target(t, *at(t, "Smith")) == with_cues(vader(context), -2.0) == -0.4588
    t = "Smith left after Jones mocked the plan."  # Smith is the subject-side reading: 0
    assert score_target(t, *at(t, "Smith")) == 0.0


def test_quotes_of_the_speaker_are_masked():
    t = '"This is a disgrace," Smith said.'
    s, e = at(t, "Smith")
    assert vader(t) < -0.05
    assert score_target(t, s, e) == 0.0                       # Smith's own words
    assert score_target(t, s, e, quotes="keep") == vader('"This is a disgrace," xxxxx said.')
    t = 'said Sen. Smith, "This is a disgrace."'
    assert score_target(t, *at(t, "Smith")) == 0.0
    t = '"This is a disgrace," Smith, a Democrat, said.'  # speaker after an appositive
    assert score_target(t, *at(t, "Smith")) == 0.0
    # a quote the sentence splitter cut in two is still the speaker's own words
    t = '"I love it. I love it," Smith said.'
    assert score_target(t, *at(t, "Smith")) == 0.0
    assert score_target(t, *at(t, "Smith"), quotes="keep") == \
        with_cues(vader('I love it," xxxxx said.'), 0.0) == with_cues(0.6369, 0.0)
    # a quote about Smith, by someone else, is tone toward Smith
    t = '"Smith is a disgrace," Jones said.'
    assert score_target(t, *at(t, "Smith")) == vader('"xxxxx is a disgrace," Jones said.') < 0
    t = 'Jones called Smith "a disgrace."'
    assert score_target(t, *at(t, "Smith")) == vader('Jones called xxxxx "a disgrace."') < 0
    assert score_target(t, *at(t, "Smith"), quotes="drop") == 0.0
    # a mention inside a quote keeps the quote's whole clause, not 8 words
    t = ('"Smith has spent a decade in this town and in Washington spreading hate and fear," '
         'Jones said.')
    assert vader('"xxxxx has spent a decade in this town and') == 0.0
    assert score_target(t, *at(t, "Smith")) == vader(t.replace("Smith", "xxxxx")) == -0.7845


def test_clause_and_window():
    t = "Critics said the corrupt Smith lied, but Jones was brilliant."
    assert score_target(t, *at(t, "Jones")) == vader("xxxxx was brilliant.") == 0.5859
    assert score_target(t, *at(t, "Jones"), dead_zone=1.6) == 0.296
    s, e = at(t, "Smith")
    # clause "Critics said the corrupt Smith lied,": 'lied' is a cue (subject -2)
    assert score_target(t, s, e) == with_cues(vader("Critics said the corrupt xxxxx xxxx,"), -2.0)
    assert score_target(t, s, e, cues=False) == vader("Critics said the corrupt xxxxx lied,")


def test_only_the_mentions_sentence_counts_and_masked_text_is_reused():
    t = "Smith was praised by all."
    base = score_target(t, *at(t, "Smith"))
    longer = "The weather was horrible and tragic. " + t
    s, e = at(longer, "Smith")
    assert score_target(longer, s, e) == base == with_cues(0.0, 2.0) == 0.4588
    assert score_target(longer, s, e, masked=longer) == base
    # the masked text given is the one scored: "joy" (VADER +) in place of "all"
    joy = longer.replace("all.", "joy.")
    assert score_target(longer, s, e, masked=joy) == \
        with_cues(vader("xxxxx was xxxxxxx by joy."), 2.0) == 0.7783


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
    assert forms["took aim at"] == (0.0, -2.0) and forms["criticism"] == (-1.0, -2.0)
    assert forms["flip-flopped"] == (-2.0, 0.0) and forms["disgraced"] == (-2.0, -2.0)
    from framing.lexicons import load_lexicon
    assert load_lexicon("target_cues").version == "1.1"  # the newest is the default
    assert len(load_lexicon("target_cues", "1.0")) == 58  # 1.0 unchanged, still loadable


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
    assert test["target"] == pytest.approx(0.44157821377302975, abs=1e-9)
    assert test["target"] > test["plain"]
    dev = res[("dev", "all")]
    assert dict(dev["n"]) == {"pos": 61, "neg": 248, "neu": 307}
    assert dev["plain"] == pytest.approx(0.3703312669792342, abs=1e-9)
    assert dev["target"] == pytest.approx(0.4444533070998733, abs=1e-9)
    lex, inf = res[("test", "lex")], res[("test", "inf")]
    assert lex["plain"] == pytest.approx(0.37482953100802074, abs=1e-9)
    assert lex["target"] == pytest.approx(0.48802831155772336, abs=1e-9)
    assert inf["plain"] == pytest.approx(0.377339051562654, abs=1e-9)
    assert inf["target"] == pytest.approx(0.42046094429694597, abs=1e-9)
    dev_lex, dev_inf = res[("dev", "lex")], res[("dev", "inf")]
    assert dev_lex["target"] == pytest.approx(0.4597004528039011, abs=1e-9)
    assert dev_inf["target"] == pytest.approx(0.43508906638123035, abs=1e-9)
    lo, hi = res["ci"]
    assert lo == pytest.approx(0.020804195265908265, abs=1e-9)
    assert hi == pytest.approx(0.10834731114432283, abs=1e-9)
    assert lo > 0


def test_dev_dead_zone_is_the_best_dev_value(shared_data):
    """framing.target.DEV_DEAD_ZONE is the argmax of dev macro-F1 over the grid (test not
    used); the default (no dead zone) is the curve's value at 0."""
    from framing.target import DEV_DEAD_ZONE
    ev = _eval_module()
    rows = [r for r in ev.build_sample(shared_data / "basil") if r["split"] == "dev"]
    curve = ev.dead_zone_curve(rows)
    assert max(curve, key=curve.get) == DEV_DEAD_ZONE == 1.6
    assert curve[1.6] == pytest.approx(0.4834176694873212, abs=1e-9)
    assert curve[0.0] == pytest.approx(0.4444533070998733, abs=1e-9)


def test_inconsistent_helpers_are_errors_not_fallbacks():
    from framing import FramingError
    from framing.target import score_target
    text = "Critics slammed Kim on Monday."
    with pytest.raises(FramingError, match="masked text has 5 characters"):
        score_target(text, 16, 19, masked="xxxxx")
    with pytest.raises(FramingError, match="does not hold the mention"):
        score_target(text, 16, 19, sentence=(0, 10))
    assert score_target(text, 16, 19, sentence=(0, len(text))) == score_target(text, 16, 19)


_OLD_CLAUSE = re.compile(r"\s*(?:[;:—–]|\s-\s|,?\s+(?:but|while|although|though|whereas)\s+)"
                         r"\s*", re.IGNORECASE)


def _same_scans(texts):
    from framing.target import _CLAUSE, _CUE_TOKEN, _cue_first_words, _cue_matches
    pattern, _ = target_cues()
    first = _cue_first_words()
    n = 0
    for x in texts:
        tokens = [t for t in _CUE_TOKEN.finditer(x) if t.group().lower() in first]
        fast = [m.span() for m in _cue_matches(pattern, x, tokens)]
        assert fast == [m.span() for m in pattern.finditer(x)], x
        assert [m.span() for m in _CLAUSE.finditer(x)] == \
            [m.span() for m in _OLD_CLAUSE.finditer(x)], x
        n += len(fast)
    return n


def test_fast_cue_and_clause_scans_equal_the_plain_patterns():
    """The cue scan tried only at candidate first words, and the clause pattern with its
    first-character look-ahead, find exactly what the plain patterns find."""
    assert _same_scans(["Critics slammed Smith; he hit back, but lost.",
                        "He was under fire -- and under  fire again; took aim at  Jones",
                        "anti-criticized criticized's Criticized-x criticized", ""]) == 5


def test_fast_scans_on_abp():
    abp = framing.datasets.read_allsides(need_shared("allsides_abp"))
    assert _same_scans(abp.paragraphs["text"].tolist()[:20_000]) == 3_848  # target_cues 1.1


def test_a_mention_inside_a_quote_whose_clause_has_no_mark():
    """The quote's own semicolons cut Smith's clause off from both marks; Smith is still
    inside the quote, so the whole clause counts, as documented (was 0.0: the 8-word window)."""
    t = ('Jones said: "We met; Smith is a man who in the end gave us a wonderful, kind and '
         'generous gift; we thank him."')
    s, e = at(t, "Smith")
    assert score_target(t, s, e) == score_target(t, s, e, window=None) == \
        vader("xxxxx is a man who in the end gave us a wonderful, kind and generous gift;") \
        == 0.9231


def test_given_quotes_pick_the_same_regions_as_finding_them():
    """The pipeline passes the paragraph's quotes; score_target picks those overlapping the
    mention's sentence by bisection: the tone is the one found without them, for mentions
    inside, between and after quotes."""
    from framing.quotes import find_quotes
    text = ('"Smith is a disgrace," Jones said. Smith, a hero to many, smiled. "We love '
            'Smith, truly," fans shouted, and Jones said Smith "ruined everything."')
    quotes = find_quotes(text)
    assert len(quotes) == 3
    starts = [m.start() for m in re.finditer("Smith|Jones", text)]
    assert len(starts) == 6
    for s in starts:
        alone = score_target(text, s, s + 5)
        assert score_target(text, s, s + 5, quote_regions=quotes) == alone, text[s:]
    # and they are used: handed no quotes, Jones's own quoted words ("a disgrace") count
    jones = text.index("Jones")
    assert score_target(text, jones, jones + 5, quote_regions=quotes) == 0.0
    assert score_target(text, jones, jones + 5, quote_regions=[]) == -0.4939


def test_a_negative_window_is_refused():
    with pytest.raises(FramingError, match="window"):
        score_target("Smith is great.", 0, 5, window=-1)
