"""Segmentation on real text: sentence offsets, credits, datelines, roles."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from conftest import need_shared
from framing.segment import count_words, find_credits, paragraph_role, split_sentences


@pytest.fixture(scope="module")
def seed(seed_path):
    return framing.read_corpus(seed_path).paragraphs["text"].tolist()


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_seed_sentences_exact(seed):
    assert sentences(seed[4]) == [
        '"It will be a full-fledged visit," Kremlin spokesman Dmitry Peskov said.',
        '"There will be negotiations between two delegations, and after that, if necessary, '
        'the leaders will continue their communication in a one-on-one format."']
    # "Sept." and "U.S."/"U.N." do not end sentences
    assert sentences(seed[0])[1] == "AP-Yonhap |"
    assert sentences(seed[0])[0].endswith("Tuesday, Sept. 12.")
    assert len(sentences(seed[8])) == 1 and len(sentences(seed[20])) == 1
    assert sentences(seed[26]) == ['"We will continue to strengthen our friendship," Peskov said.',
                                   "(Reuters)"]


def test_seed_sentence_counts_and_offsets(seed):
    counts = [len(split_sentences(t)) for t in seed]
    assert sum(counts) == 32
    assert [i for i, n in enumerate(counts) if n == 2] == [0, 4, 11, 12, 26]
    for text in seed:
        for s, e in split_sentences(text):
            assert text[s:e] == text[s:e].strip() and text[s:e]


def test_word_counts(seed):
    assert count_words(seed[13]) == 4  # "Delegation of defense officials"
    assert count_words("Kim Jong-un's one-on-one talks, 18 months.") == 6


@pytest.mark.parametrize("text, expected", [
    ("SEOUL (Reuters) - North Korea fired a missile on Sunday, officials said.",
     [("dateline", "dateline", "SEOUL (Reuters) - "), ("credit", "wire", "Reuters")]),
    ("WASHINGTON — Michael Steele drew fierce criticism on Friday.",
     [("dateline", "dateline", "WASHINGTON — ")]),
    ("Kim waves from a train. (AP Photo/Ahn Young-joon)",
     [("credit", "photo", "(AP Photo/Ahn Young-joon)")]),
    ("Kim waves from a train. [YONHAP]", [("credit", "photo", "[YONHAP]")]),
    ("Leaders met in July. (Photo: Susan Walsh, AP)", [("credit", "photo", "(Photo: Susan Walsh, AP)")]),
    ("He said so on Monday. (AFP)", [("credit", "wire", "AFP")]),
    ("The talks (in Moscow) went on.", []),
])
def test_credits(text, expected):
    got = [(c.layer, c.label, text[c.start:c.end]) for c in find_credits(text)]
    assert got == expected


@pytest.mark.parametrize("text, role", [
    ("By Alan Fram, Associated Press", "credit"),
    ("Reporting by Hyonhee Shin; Editing by Ed Davies", "credit"),
    ("(Reuters)", "credit"),
    ("Photo: Yonhap", "credit"),
    ("Contributing: Brittney Bennett and Greg Toppo, USA TODAY", "credit"),
    ("Delegation of defense officials", "heading"),
    ("SEOUL (Reuters) - North Korea fired", "body"),
    ("He left.", "body"),
    ("many said no", "body"),  # lower-case start: a fragment, not a subhead
    # photo galleries run together (0.4.1): CNN's and Reuters' caption runs are captions
    ("Photos: Kidnapped teens rescued Photos: Kidnapped teens rescued – Amanda Berry "
     "speaks in a video released on Monday, officials said.", "caption"),
    ("Hide Caption 11 of 13 Photos: Victims of the attacks. He was in his 40s, police said.",
     "caption"),
    ("FILE PHOTO: The border wall divides Tijuana and San Diego. REUTERS/Jorge Duenes",
     "caption"),
    ("Photos of the scene were released on Monday, the police said.", "body"),
])
def test_roles(text, role):
    assert paragraph_role(text) == role


# --- Punkt's patterns compiled by `re` give NLTK's own spans ------------------------------

def _nltk_spans(text):
    from framing.segment import nltk_punkt
    return list(nltk_punkt().span_tokenize(text))


def _our_spans(text):
    from framing.segment import _punkt
    return list(_punkt().span_tokenize(text))


@pytest.mark.parametrize("text", [
    "Kim met Putin. They talked.", "U.S. officials said so. Mr. Kim agreed!", "",
    "One.\x1cTwo. Three.\x1f Four.", "He said: “Go.” Then left.\x85Next. (Fine.) Done?!",
    "Wait... what? 3.5 percent. -- Yes.\u2028 No.\xa0 Maybe."])
def test_punkt_with_std_re_equals_nltk(text):
    assert _our_spans(text) == _nltk_spans(text)


def test_punkt_with_std_re_equals_nltk_on_real_paragraphs(seed_path):
    texts = framing.read_corpus(seed_path).paragraphs["text"].tolist()
    abp = need_shared("allsides_abp")
    texts += framing.datasets.read_allsides(abp).paragraphs["text"].tolist()[:30_000]
    spans = [_our_spans(t) for t in texts]
    assert spans == [_nltk_spans(t) for t in texts]
    assert sum(map(len, spans)) > 50_000


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab. ?!\"'“”‘’«»()[]{}-—,:;\n\t\x1c\x1d\x1e\x1f"
                                              "\x85\xa0\u2028 AUSMr")), max_size=80))
def test_punkt_with_std_re_equals_nltk_on_any_text(text):
    assert _our_spans(text) == _nltk_spans(text)
