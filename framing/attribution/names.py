"""Persons' names in source phrases: the name without titles and roles, shared by speaker
resolution (attribution.article) and the actors table (framing.actors)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load_lexicon

_NAME_RUN = re.compile(r"(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’-]*\.?$")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
POSSESSIVE_END = re.compile(r"['’]s$")
# a note in brackets after a name: "Sen. Rand Paul (R-Ky.)", "the Department of Homeland
# Security (DHS)"; a U.S. party tag in particular
TRAILING_PARENS = re.compile(r"\s*\([^()]*\)\s*$")
PARTY_TAG = re.compile(r"\([DRI]-[A-Z][\w.]{0,12}\)")


@lru_cache(maxsize=2)
def title_words(persons_only: bool = False) -> frozenset[str]:
    """Lower-case words that are titles or roles, not names: the `sources` lexicon's role
    nouns and the `abbreviations` lexicon's titles (Mr, Sen, Gen …); with `persons_only`,
    only the roles of persons (`spokesman`, not `ministry` or `report`)."""
    roles = load_lexicon("sources").entries
    keep = roles["ident"] == "person" if persons_only else roles["type"] != "anonymity"
    abbrev = load_lexicon("abbreviations").entries
    return frozenset([*roles.loc[keep, "entry"].str.lower(),
                      *abbrev.loc[abbrev["kind"] == "title", "entry"]])


def person_name(source: str) -> str:
    """The name at the end of a source phrase's head, without titles: "Kremlin spokesman
    Dmitry Peskov" → "Dmitry Peskov"; "Michael Madden, a North Korea expert" → "Michael
    Madden"; "White House Press Secretary Sarah Sanders" → "Sarah Sanders"; "President Trump"
    and "Mr. Trump" → "Trump"; "Secretary of State Mike Pompeo" → "Mike Pompeo" (at most
    three words: first, middle, last; suffixes such as Jr. dropped)."""
    # a party tag or note after the name is not part of it: "Sen. Rand Paul (R-Ky.)"
    head = TRAILING_PARENS.sub("", source.split(",", 1)[0]).strip()
    head = POSSESSIVE_END.sub("", head)  # "Obama's" (claim): the possessor's name
    m = _NAME_RUN.search(head)
    if not m:
        return ""
    titles = title_words()
    words = m.group(0).split()
    while words and words[-1].rstrip(".,").lower() in _SUFFIXES:
        words.pop()  # "Martin Luther King Jr."
    # after "of"/"for" the run starts inside an institution: "Director of National
    # Intelligence Dan Coats" keeps first and last name only
    longest = 2 if re.search(r"\b(?:of|for|on|at)\s+$", head[:m.start()]) else 3
    name: list[str] = []
    for word in reversed(words):
        is_title = word.lower().rstrip(".") in titles
        if len(name) == longest or (is_title and (name or len(words) == 1)):
            break  # the last word is the surname even when it is a role word ("King")
        name.insert(0, word)
    return " ".join(name)


def whole_words(text: str, words, *, before: str = "", after: str = ""):
    """(word, start, end) of each occurrence in `text` of one of `words` that is a whole
    word: no letter, digit or "_" (nor a character of `before` / `after`, such as "-") right
    before or after it, as a regex's \\b would say. Found with `str.find`, a few searches per
    text: cheaper than compiling a pattern of each article's names (the `re` cache holds 512)."""
    for word in words:
        if not word:  # str.find("") finds it everywhere, forever
            raise ValueError("whole_words: an empty word cannot be searched for")
        pos = text.find(word)
        while pos >= 0:
            end = pos + len(word)
            if (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_"
                                 or text[pos - 1] in before)) and (
                    end == len(text) or not (text[end].isalnum() or text[end] == "_"
                                             or text[end] in after)):
                yield word, pos, end
            pos = text.find(word, end)
