"""Segmentation: paragraph roles, credits and datelines, sentences, words.

Stage 2 of read → segment → tag → score → measure → compare → plot. It looks only at one
paragraph's text (and, for roles, its own shape), so a paragraph's role never depends on
another article.

Roles (DESIGN.md): `body`; `heading` (a subhead: short, no final punctuation); `caption` (a
photo caption ending in a credit such as `AP-Yonhap |`, `[YONHAP]`, `(AP Photo/…)`,
`Photo: X`); `credit` (a line that is only a credit, byline or source note). A leading dateline
`CITY (Agency) -` stays in its body paragraph and is recorded as a span.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .lexicons import load_lexicon

WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")
_SENT_END_CHAR = re.compile(r"[.?!]")  # PunktLanguageVars.sent_end_chars

_HEADING_MAX_WORDS = 10
_FINAL_PUNCT = tuple('.!?:;,…"”’\')»|')


class Credit(NamedTuple):
    """A credit or dateline span in a paragraph: layer `credit` (label `wire` or `photo`) or
    layer `dateline` (label `dateline`); `agency` is the canonical wire name or ''."""

    layer: str
    label: str
    start: int
    end: int
    agency: str


@lru_cache(maxsize=1)
def _agencies() -> dict[str, str]:
    table = load_lexicon("agencies").entries
    return dict(zip(table["entry"], table["canonical"]))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    names = sorted(_agencies(), key=len, reverse=True)
    agency = "|".join(re.escape(n) for n in names)
    # A credit name: one or more agency-like capitalised words joined by -, / or space.
    credit_name = r"[A-Z][\w.&']*(?:[ /-][A-Z][\w.&']*){0,4}"
    return {
        # "… Kim Jong-un. AP-Yonhap |"   "… [YONHAP]"   "(AP Photo/Ahn Young-joon)"  "Photo: X"
        "caption": re.compile(
            rf"(?:(?<=\s)(?P<pipe>{credit_name})\s*\|\s*$"
            rf"|(?P<bracket>\[[A-Z][A-Z .&/-]{{1,40}}\])\s*$"
            rf"|(?P<paren>\((?:[\w .&-]*Photo(?:graph)?s?\b[^)]{{0,60}}|(?:{agency})(?:/[^)]{{1,60}})?)\))\s*$"
            rf"|(?P<label>(?:Photo|Photograph|Picture|Image)s?(?:\s+by|:)\s+{credit_name})\s*$)"),
        # A paragraph that is only a credit: "(Reuters)", "AP-Yonhap", "By Jane Doe",
        # "Reporting by X; Editing by Y", "Photo: Yonhap".
        "credit_line": re.compile(
            rf"^\s*(?:\(?(?:{agency})(?:[-/ ](?:{agency}))*\)?"
            r"|By [A-Z][\w.'-]*(?: (?:[A-Z][\w.'-]*|and|de|van|von))*(?:,? [\w ]{0,40})?"
            r"|(?:(?:Additional )?(?:Reporting|Writing|Editing|Compiled|Graphics)\s+by\b.{0,300})"
            r"|(?:Contributing|CONTRIBUTING):\s.{0,300}"  # USA Today: "Contributing: A, B"
            rf"|(?:Photo|Photograph|Picture)s?(?:\s+by|:)\s+{credit_name})\s*$"),
        # "SEOUL (Reuters) - "   "WASHINGTON — "   "Seoul, South Korea (AP) — "
        "dateline": re.compile(
            r"^(?P<city>[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}"
            r"(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})?)\s*"
            rf"(?:\((?P<agency>{agency})\)\s*)?(?P<dash>[-—–]{{1,2}})\s+"),
        "trailing": re.compile(rf"\s\((?P<agency>{agency})\)\s*$"),
        "agency": re.compile(rf"\b(?:{agency})\b"),
        # a photo gallery's captions run together as one paragraph: CNN's "Photos: <title>
        # … Hide Caption 3 of 55", Reuters' "FILE PHOTO: <caption>" (ABP: 190 paragraphs,
        # 615 words on average, 177 of them read as body text before 0.4.1)
        "gallery": re.compile(r"^(?:Photos?|PHOTOS?|FILE PHOTO|Photo gallery|PHOTO GALLERY)"
                              r"\s*:|Hide Caption \d+ of \d+"),
    }


def find_credits(text: str) -> list[Credit]:
    """Credit spans of one paragraph: a caption's photo credit, a trailing `(Reuters)`, a
    dateline `SEOUL (Reuters) -` (with its agency as a wire credit inside it)."""
    pats = _patterns()
    agencies = _agencies()
    out: list[Credit] = []
    m = pats["dateline"].match(text)
    if m and (m.group("agency") or m.group("city").isupper()):
        out.append(Credit("dateline", "dateline", 0, m.end(), ""))
        if m.group("agency"):
            out.append(Credit("credit", "wire", m.start("agency"), m.end("agency"),
                              agencies[m.group("agency")]))
    m = pats["trailing"].search(text)
    if m:
        out.append(Credit("credit", "wire", m.start("agency"), m.end("agency"),
                          agencies[m.group("agency")]))
        return out
    m = pats["caption"].search(text)
    if m:
        group = next(g for g in ("pipe", "bracket", "paren", "label") if m.group(g))
        out.append(Credit("credit", "photo", m.start(group), m.end(group), ""))
    return out


def paragraph_role(text: str, credits: list[Credit] | None = None) -> str:
    """The role of one paragraph: `credit`, `caption`, `heading` or `body` (see module doc)."""
    stripped = text.strip()
    if not stripped:
        return "credit"
    if _patterns()["credit_line"].match(stripped):
        return "credit"
    if credits is None:
        credits = find_credits(text)
    if any(c.label == "photo" for c in credits) or _patterns()["gallery"].search(stripped):
        return "caption"
    if any(c.layer == "dateline" for c in credits):
        return "body"
    words = WORD_RE.findall(stripped)
    if (len(words) <= _HEADING_MAX_WORDS and not stripped.endswith(_FINAL_PUNCT)
            and (stripped[0].isupper() or stripped[0].isdigit())):
        return "heading"
    return "body"


def wire_of(credits: list[Credit], role: str) -> list[str]:
    """Agencies a paragraph credits for the article's text (photo credits do not count)."""
    if role == "caption":
        return []
    return [c.agency for c in credits if c.label == "wire"]


def credit_line_agencies(text: str) -> list[str]:
    """Agencies named in a credit-only line such as `(Reuters)` or `AP-Yonhap`."""
    if text.strip().lower().startswith(("photo", "picture")):
        return []
    agencies = _agencies()
    return [agencies[m.group(0)] for m in _patterns()["agency"].finditer(text)]


_REGEX_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE


def _std_re(pattern) -> re.Pattern:
    """One of NLTK's Punkt patterns compiled by the standard `re`. NLTK 3.10 runs its patterns
    through the `regex` engine with a time limit on every call, which costs about a quarter of
    Punkt's time here (6.2 s -> 4.7 s on 128,523 ABP, BASIL and PolNeAR paragraphs); these
    three are NLTK's own constants, linear in the text, so they need no limit. The engines read the patterns alike except white space: `re` counts
    U+001C-U+001F as white space and `regex` does not, so `\\s`/`\\S` are spelled out as `regex`
    reads them (tests/test_segment.py compares the spans with NLTK's own tokenizer)."""
    source = pattern.pattern.replace(r"\S", r"[\S\x1c-\x1f]").replace(r"\s", r"[^\S\x1c-\x1f]")
    return re.compile(source, pattern.flags & _REGEX_FLAGS)


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import (PunktLanguageVars, PunktParameters,
                                     PunktSentenceTokenizer)

    class NewsVars(PunktLanguageVars):
        """NLTK's English language variables, their patterns compiled by `re` (_std_re)."""

        re_boundary_realignment = _std_re(PunktLanguageVars.re_boundary_realignment)

        def _word_tokenizer_re(self):
            if "_std_words" not in self.__dict__:
                self._std_words = _std_re(super()._word_tokenizer_re())
            return self._std_words

        def period_context_re(self):
            if "_std_period" not in self.__dict__:
                self._std_period = _std_re(super().period_context_re())
            return self._std_period

    params = PunktParameters()
    params.abbrev_types = set(load_lexicon("abbreviations").entries["entry"])
    return PunktSentenceTokenizer(params, lang_vars=NewsVars())


@lru_cache(maxsize=1)
def nltk_punkt():
    """NLTK's Punkt with the same parameters and NLTK's own language variables: the reference
    `split_sentences` is tested against."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(load_lexicon("abbreviations").entries["entry"])
    return PunktSentenceTokenizer(params)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans [start, end) of a paragraph, from NLTK's Punkt with news abbreviations
    (U.S., U.N., Sept., Gen., Jr., state names …) and no trained model, so nothing is
    downloaded. `text[start:end]` is each sentence without trailing white space (Punkt keeps
    leading white space in the first; paragraphs from the readers have none)."""
    stripped = text.rstrip()
    if not stripped:
        return []
    if _SENT_END_CHAR.search(stripped, 0, len(stripped) - 1) is None:
        # Punkt breaks only after . ? or !: with none before the last character the whole
        # paragraph is one sentence (41 % of ABP's paragraphs; same spans as Punkt's, tested)
        return [(0, len(stripped))]
    return list(_punkt().span_tokenize(text))


def count_words(text: str) -> int:
    """Words: runs of letters/digits, with inner apostrophes and hyphens (`Kim's`, `one-on-one`
    count once) — the same units as PolNeAR's scorer."""
    return sum(1 for _ in WORD_RE.finditer(text))
