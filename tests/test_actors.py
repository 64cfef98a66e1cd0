"""Actors on the seed article: gazetteer names, speaking persons found again by surname,
credits left out, and the tone rule checked against VADER called directly."""
from __future__ import annotations

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, normalize

import framing
from framing.actors import person_name


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
