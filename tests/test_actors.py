"""Actors on the seed article: gazetteer names, speaking persons found again by surname,
credits left out, and the tone rule checked against VADER called directly."""
from __future__ import annotations

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

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


def test_tone_is_vader_of_the_masked_window(actors):
    """Pyongyang in ¶9: four words right of the mention, the mention's letters masked."""
    row = actors[(actors["para_idx"] == 9) & (actors["actor"] == "Pyongyang")].iloc[0]
    expected = SentimentIntensityAnalyzer().polarity_scores(
        "xxxxxxxxx and Moscow have denied")["compound"]
    assert row["tone"] == expected == -0.4404


@pytest.mark.parametrize("source, name", [
    ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
    ("Michael Madden, a North Korea leadership expert", "Michael Madden"),
    ("an analyst", ""),
])
def test_person_name(source, name):
    assert person_name(source) == name
