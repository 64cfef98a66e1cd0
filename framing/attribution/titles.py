"""An article's titled mentions of persons: the source types they lend, the referents of
definite roles.

A speaker named without a title ("Reid said", "Rand Paul said") has no source type of its
own, but news introduces a person once with a title or role somewhere in the article:
"Senate Majority Leader Harry Reid", "Sen. Rand Paul (R-Ky.)", "former secretary of state
Hillary Clinton", "Reid, the Senate majority leader,". `lend_types` finds those mentions
for the surnames of an article's untyped named speakers, classifies them like any source
phrase, and gives each such speaker the type (and country) of the titled mentions of the
same person: same surname, and the same first name where both have one ("Khizr Khan" is not
"Captain Humayun Khan"), when they all agree on one type.

`DefiniteRoles` finds who "the president" or "the senator" is: the person named with that
title last before it ("President Donald Trump", "Sen. Marco Rubio").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..lexicons import load_lexicon
from .classify import classify
from .names import PARTY_TAG, person_name, title_words, whole_words
from .words import FUNC

# lower-case words that may precede a name with a title: "former secretary of state",
# "White House press secretary", "deputy national security adviser"
_TITLE_MODIFIERS = {"former", "deputy", "acting", "then", "vice", "chief", "assistant",
                    "senior", "top", "of", "state", "general", "press", "national",
                    "security", "interim", "incoming", "outgoing"}
# characters before a mention read for its title: a bound for linear time. On the 124,984
# ABP attributions 400 lends the same types as 80 (40 loses 79 countries)
_LOOK_BACK = 80
_CAPITALS_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,6}$")
_PARTY_AFTER = re.compile(r"\s+" + PARTY_TAG.pattern)  # "Paul (R-Ky.)"
# "Reid, the Senate majority leader," — up to a relative clause, which may name others
# ("a lawyer who has ties to the Kremlin"), and not a report ("Snowden, the spokeswoman said")
_APPOSITIVE_AFTER = re.compile(r",\s+(?:the|a|an)(?:\s+(?!(?:who|which|that|said|says|told|"
                               r"added)\b)[^,.;:\"“”()\s]+){1,12}(?=\s*[,.;]|\s+(?:who|which|"
                               r"that)\b)")
# a service named right before a name is more often a first name than a title ("Marine Le
# Pen"); with a rank or a role it is a title ("Marine Gen. James Mattis")
_NOT_ALONE = {"Marine", "Army", "Navy", "Air", "Police"}


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(load_lexicon("abbreviations").entries["entry"].str.lower())


def _title_start(text: str, run_start: int, start: int) -> int:
    """Where the capitalised words before a mention begin, not reaching back over a
    sentence's end: a word with a period must be an abbreviation ("Sen.", "U.S.") or an
    initial ("J."), so "… Campaign. Barrett" and "Ted Cruz. Pence" stop at the period."""
    pos = start
    for word in reversed(list(re.finditer(r"\S+", text[run_start:start]))):
        w = word.group()
        if w.endswith(".") and len(w) > 2 and w[:-1].lower() not in _abbreviations():
            break
        pos = run_start + word.start()
    return pos


@lru_cache(maxsize=65536)  # the same phrases recur through a corpus ("President Trump")
def _name_parts(phrase: str) -> tuple[str, str]:
    """(first name or '', surname or '') of the person a phrase names."""
    words = person_name(phrase).split()
    return (words[0] if len(words) > 1 else "", words[-1] if words else "")


# a definite role that stands for the person the article named with that title before: "the
# president said" after "President Donald Trump", "the senator" after "Sen. Marco Rubio"
_DEFINITE = re.compile(r"(?:the|The)\s+(?:(former)\s+)?(president|senator|governor|judge|"
                       r"justice|congressman|congresswoman|mayor|speaker|prime minister)")
_TITLE_FORMS = {"president": "President", "senator": r"Sen\.|Senator", "governor":
                r"Gov\.|Governor", "judge": "Judge", "justice": "Justice", "congressman":
                r"Rep\.|Congressman", "congresswoman": r"Rep\.|Congresswoman", "mayor": "Mayor",
                "speaker": "Speaker", "prime minister": "Prime Minister"}
# a titled name: the title, up to three capitalised words or initials ("J."; not "Trump."
# ending a sentence), a capitalised last word
_TITLED = {role: re.compile(r"\b(?:" + forms + r")\s+((?:[A-Z]\.\s+|[A-Z][\w'’-]*\s+){0,3}"
                            r"[A-Z][\w'’-]*[a-z][\w'’-]*)")
           for role, forms in _TITLE_FORMS.items()}
# words right before a title that make it another office ("Vice President", "former")
_OTHER_OFFICE = re.compile(r"(?:[Vv]ice|[Ff]ormer|[Ee]x|[Dd]eputy)[\s-]+$")
_FORMER = re.compile(r"[Ff]ormer\s+$")
# candidates tried, latest first, when the sentence gives a gender: on ABP's 923 definite
# roles 1 changes one referent, 4, 16 or all of them give the same referents as 8
_TRIED = 8


class DefiniteRoles:
    """The referent of a definite role ("the president") at a point of an article: the last
    titled name before it with the same office ("President Donald Trump"; "former President
    Bill Clinton" only for "the former president"; never "Vice President Joe Biden"). Each
    office's mentions are found once per article, so an article is read once per office."""

    def __init__(self, paragraphs: list[str]):
        self.paragraphs = paragraphs
        self.mentions: dict[tuple[str, bool], list[tuple[int, int, str]]] = {}

    def referent(self, source: str, para_idx: int, pos: int, fits=None) -> str | None:
        """`source` is the phrase before any comma ("the president" of "the president, who
        …"); `pos` its start in paragraph `para_idx`; `fits(name)`, if given, says whether a
        candidate can be meant (a gender the sentence gives), tried on the last few."""
        m = _DEFINITE.fullmatch(source.strip())
        if not m:
            return None
        key = (m.group(2), bool(m.group(1)))
        if key not in self.mentions:
            self.mentions[key] = self._find(*key)
        found = self.mentions[key]
        i = bisect_left(found, (para_idx, pos))
        for _, _, name in reversed(found[max(0, i - _TRIED):i]):
            if fits is None or fits(name):
                return name
        return None

    def _find(self, role: str, former: bool) -> list[tuple[int, int, str]]:
        """(paragraph, offset, titled name) of each mention of a person the article names
        with the office: the titled mentions, and later mentions of the same surname ("Sen.
        Chris Murphy … Sen. John Cornyn … Murphy's two sons … the senator" is Murphy)."""
        titled = []
        for k, text in enumerate(self.paragraphs):
            for hit in _TITLED[role].finditer(text):
                before = text[max(0, hit.start() - 12):hit.start()]
                if bool(_FORMER.search(before)) != former or (
                        not former and _OTHER_OFFICE.search(before)):
                    continue
                name = re.sub(r"['’]s$", "", hit.group())
                words = name.split()
                while len(words) > 2 and words[-1].lower() in FUNC:
                    words.pop()  # "President Obama Thursday": a weekday is no name
                titled.append((k, hit.start(), " ".join(words)))
        by_surname: dict[str, list[tuple[int, int, str]]] = {}
        for mention in titled:  # in text order
            by_surname.setdefault(mention[2].split()[-1], []).append(mention)
        out = list(titled)
        for k, text in enumerate(self.paragraphs):
            for surname, start, _ in whole_words(text, by_surname, before="-'’", after="-"):
                # the surname stands for the last titled name with it before this mention
                same = by_surname[surname]
                i = bisect_left(same, (k, start))
                if i:
                    out.append((k, start, same[i - 1][2]))
        out.sort()
        return out


def lend_types(paragraphs: list[str], rows: list[dict], gazetteer=None) -> None:
    """Give each named speaker of `rows` (an article's attributions) without a source type
    the type and country of the article's titled mentions of the same person, in place."""
    untyped = [row for row in rows
               if row["identification"] == "named_person" and row["source_type"] == "unknown"]
    titled = titled_mentions(paragraphs, {_name_parts(row["speaker"])[1] for row in untyped}
                             - {""}, gazetteer)
    for row in untyped:
        lent = lend_type(row["speaker"], titled)
        if lent is not None:
            row["source_type"] = lent[0]
            row["country"] = row["country"] or lent[1]


def titled_mentions(paragraphs: list[str], surnames: set[str], gazetteer=None
                    ) -> dict[str, list[tuple[str, str, str]]]:
    """surname → [(first name or '', source_type, country)] for the titled mentions of
    `surnames` in the article's `paragraphs`."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    if not surnames:
        return found
    titles = title_words(persons_only=True)
    seen: set[str] = set()
    for text in paragraphs:
        # "Reid" in "Reid's", not in "Reidy" or "O'Reid"
        for name, start, end in whole_words(text, surnames, before="-'’", after="-"):
            for phrase in _titled_phrases(text, start, end):
                if phrase in seen or not (_PARTY_AFTER.search(phrase) or not titles.isdisjoint(
                        w.strip(",.").lower() for w in phrase.split())):
                    continue  # seen, or a bare name ("Harry Reid"): no title to learn from
                seen.add(phrase)
                facts = classify(phrase, gazetteer=gazetteer)
                first, surname = _name_parts(phrase)
                if facts["identification"] == "named_person" and surname == name and \
                        facts["source_type"] not in ("unknown", "document"):
                    found.setdefault(surname, []).append((first, facts["source_type"],
                                                          facts["country"]))
    return found


def lend_type(speaker: str, titled: dict[str, list[tuple[str, str, str]]]
              ) -> tuple[str, str] | None:
    """(source_type, country) for an untyped `speaker` from its titled mentions, or None
    when there are none or they disagree."""
    first, surname = _name_parts(speaker)
    same = [(kind, country) for f, kind, country in titled.get(surname, ())
            if not first or not f or f == first]
    kinds = {kind for kind, _ in same}
    if len(kinds) != 1:
        return None
    return kinds.pop(), next((c for _, c in sorted(same) if c), "")


def _lowercase_title(text: str, start: int) -> str:
    """The lower-case title words right before `start` ("former secretary of state "), or ''."""
    allowed = title_words(persons_only=True) | _TITLE_MODIFIERS
    words = text[max(0, start - _LOOK_BACK):start].split()
    keep = 0
    for word in reversed(words[1:] if start - _LOOK_BACK > 0 else words):
        if not word.islower() or word not in allowed or word.endswith("s") or word in (
                "men", "women", "people"):
            break  # a plural ("two men Ramirez") is no title
        if keep == 0 and word == "of":
            break  # "a friend of Kavanaugh": the title is someone else's
        keep += 1
    return " ".join(words[len(words) - keep:]) + " " if keep else ""


def _titled_phrases(text: str, start: int, end: int) -> list[str]:
    """Source phrases around the surname at text[start:end] that may carry a title: the
    capitalised and lower-case title words before it and its party tag after it ("former
    secretary of state Hillary Clinton", "Sen. Rand Paul (R-Ky.)", "Paul (R-Ky.)"), and the
    surname with the appositive after it ("Reid, the Senate majority leader")."""
    phrases = []
    tag = _PARTY_AFTER.match(text, end)
    tag_text = tag.group() if tag else ""
    capitals = _CAPITALS_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
    first = _title_start(text, capitals.start(), start) if capitals else start
    run = text[first:start].split()
    if run and run[0] in _NOT_ALONE and len(run) <= 2 and not any(
            w.endswith(".") or w.lower() in title_words(persons_only=True) for w in run[1:]):
        first = start  # "Marine Le Pen", not "Marine Gen. Mattis" or "Army Secretary John McHugh"
    lowercase = _lowercase_title(text, first)  # "former secretary of state "
    if first < start or lowercase or tag:
        phrases.append(lowercase + text[first:end] + tag_text)
    appositive = _APPOSITIVE_AFTER.match(text, end)
    if appositive:
        phrases.append(text[start:appositive.end()])
    return phrases
