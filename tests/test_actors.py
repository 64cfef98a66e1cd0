"""Actors on the seed article: gazetteer names, speaking persons found again by surname,
credits left out, and the tone rule checked against VADER called directly."""
from __future__ import annotations

import re

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, normalize

import framing
from framing.actors import person_name
from framing.attribution.classify import gazetteer_matcher, gazetteer_names
from conftest import need_shared


@pytest.fixture(scope="module")
def actors(seed_path):
    return framing.tag(framing.read_corpus(seed_path)).actors


def rows(actors, para_idx):
    return actors[actors["para_idx"] == para_idx][
        ["actor", "actor_type", "country", "text"]].values.tolist()


def test_names_persons_and_credits(actors):
    assert rows(actors, 4) == [["Kremlin", "institution", "RU", "Kremlin"],
                               ["Dmitry Peskov", "person", "RU", "Dmitry Peskov"]]
    # "Peskov said" resolves to the full name; the trailing "(Reuters)" credit is no actor
    assert rows(actors, 26) == [["Dmitry Peskov", "person", "RU", "Peskov"]]
    assert rows(actors, 0)[-1] == ["South Korea", "country", "KR", "South Korea"]  # not AP-Yonhap


def test_tone_combines_context_and_cue(actors):
    """Pyongyang in ¶9 ("Pyongyang and Moscow have denied that …"): the context around the
    masked mention carries no VADER valence once the cue "denied" is masked, and "denied"
    gives its subject -1 (target_cues lexicon), so tone = VADER's normalize(-1) = -0.25."""
    row = actors[(actors["para_idx"] == 9) & (actors["actor"] == "Pyongyang")].iloc[0]
    context = "xxxxxxxxx and Moscow have xxxxxx that North Korea would supply arms"
    assert SentimentIntensityAnalyzer().polarity_scores(context)["compound"] == 0.0
    assert row["tone"] == normalize(-1.0) == -0.25


@pytest.mark.parametrize("source, name", [
    ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
    ("Michael Madden, a North Korea leadership expert", "Michael Madden"),
    ("an analyst", ""),
])
def test_person_name(source, name):
    assert person_name(source) == name


@pytest.mark.parametrize("source, name", [
    ("White House Press Secretary Sarah Sanders", "Sarah Sanders"),
    ("President Trump", "Trump"),
    ("Mr. Trump", "Trump"),
    ("Secretary of State Mike Pompeo", "Mike Pompeo"),
    ("Director of National Intelligence Dan Coats", "Dan Coats"),
    ("Martin Luther King Jr.", "Martin Luther King"),
    ("George W. Bush", "George W. Bush"),
    ("President", ""),
])
def test_person_name_drops_titles(source, name):
    assert person_name(source) == name


def test_country_aliases_are_one_actor():
    from framing.actors import find_actors
    rows = find_actors(["The U.S. and the United States and America and Americans."], [])
    assert [r[1] for r in rows] == ["United States"] * 3 + ["Americans"]


def test_a_platform_used_as_a_medium_is_no_actor():
    """Gazetteer 1.2 knows Twitter and Facebook as companies; "said on Twitter" and "a
    Twitter post" name where words were posted (ABP: 1,197 Twitter mentions), not an actor."""
    from framing.actors import find_actors
    paras = ["Pence said on Twitter he would sit for interviews.",
             "Twitter said its policy would start on Nov. 2.",
             "Mr. Trump wrote a Twitter post about it.",
             "He wrote to Facebook on Monday asking for data.",
             "On Twitter, he wrote that the deal was dead."]
    assert [(r[0], r[1]) for r in find_actors(paras, [])] == [(1, "Twitter"), (3, "Facebook")]


def _look_behind_matches(text):
    """The reference: one pattern with the look-behind (`re` tries it at every position)."""
    _, facts = gazetteer_matcher()
    names = sorted(facts, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names)
                         + r")(?:['’]s)?(?![\w])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", [
    "xUSA and New York", "Kim met the U.S.'s envoy in Seoul.", "a.Russia, _China, Chinas",
    "NewYork New York's", "", "Russia", "ÉRussia Russia"])
def test_fast_gazetteer_scan_equals_the_look_behind_pattern(text):
    assert [(m.start(), m.end()) for m in gazetteer_names(text)] == \
        _look_behind_matches(text)


def _same_as_look_behind(texts):
    found = [[(m.start(), m.end()) for m in gazetteer_names(t)] for t in texts]
    assert found == [_look_behind_matches(t) for t in texts]
    return sum(map(len, found))


def test_fast_gazetteer_scan_on_the_seed(seed_path):
    assert _same_as_look_behind(framing.read_corpus(seed_path).paragraphs["text"]) == 78


def test_fast_gazetteer_scan_on_abp():
    """The same matches as the look-behind pattern on 20,000 real ABP paragraphs."""
    abp = framing.datasets.read_allsides(need_shared("allsides_abp"))
    assert _same_as_look_behind(abp.paragraphs["text"].tolist()[:20_000]) > 10_000


def test_a_speakers_long_quote_is_not_tone_toward_them():
    """The quote opens 560 characters before "Russia said": the tone window (±400) starts
    inside it, but the quote is paired over the whole paragraph, so Russia's own words are
    masked (was -0.9231: the closing mark was read as an opening one)."""
    from framing.actors import find_actors
    filler = " ".join(["We have met many times over the years to talk about trade and travel."] * 8)
    text = ('"' + filler + ' It was a horrible, terrible, disgusting failure," Russia said on '
            'Monday.')
    (row,) = find_actors([text], [])
    assert row[1] == "Russia" and row[6] == 0.0
