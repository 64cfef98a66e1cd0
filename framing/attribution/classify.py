"""Classify an attribution: its kind from the content's quotation marks, and the source's
identification, type and country from the source phrase, using the `sources` lexicon (titles,
roles, anonymity markers) and the `gazetteer` (countries, capitals, institutions, outlets)."""
from __future__ import annotations

import re
from itertools import accumulate
from operator import and_
from functools import lru_cache

from ..lexicons import Lexicon, load_lexicon
from .names import PARTY_TAG, TRAILING_PARENS, person_name, title_words, whole_words

TYPE_RANK = ["state_media", "military", "government", "media", "expert", "organization",
             "citizen", "document", "unknown"]
GROUP_HEADS = {"ministry", "department", "house", "party", "corp", "inc", "agency", "council",
               "committee", "times", "post", "news", "institute", "university", "foundation",
               "association", "campaign", "office", "administration", "government", "court",
               "congress", "senate", "kremlin", "pentagon", "union", "group", "network",
               "journal", "tribune", "company", "bank", "commission", "service", "army",
               "navy", "police", "organization", "center", "centre", "board", "bureau",
               "coalition", "alliance", "media", "press", "cabinet", "embassy", "parliament",
               "assembly", "federation", "league", "fund", "forces", "command", "guard"}
PERSON_PRONOUNS = {"he", "she", "i", "him", "her"}
# first words of an unnamed source phrase: "an official", "two aides", "several experts",
# "many Democrats", "most Republicans"
QUANTIFIERS = {"a", "an", "one", "two", "three", "some", "several", "many", "most", "few",
               "other", "more"}
GROUP_PRONOUNS = {"they", "we", "it", "who"}
WORD = re.compile(r"[\w][\w'’.\-]*")
# words after the head noun of a source phrase: "officials familiar with the talks", "aides to
# Mr. Obama", "Joel Pollak of Breitbart California", "people who attended"
POSTMODIFIER_STARTS = {"of", "to", "for", "at", "in", "from", "with", "close", "familiar", "on",
                       "inside", "within", "near", "under", "including", "among", "by",
                       "involved", "knowledgeable", "briefed", "who", "whom", "that", "which",
                       "and", "or"}
# capitalised words that are not names: "Others said", "Both agreed", "Mr." before a name
NEVER_NAMES = {"the", "mr", "mrs", "ms", "dr", "north", "south", "others", "another", "both",
               "all", "each", "none", "those", "these", "such", "that", "this", "what", "there",
               "here", "let",  # "That's", "Let's" read as a possessive source
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
PARTY_MEMBERS = {"republicans", "democrats"}
PARTY_MEMBER = {"republican", "democrat", "independent", "libertarian"}
# places of the gazetteer that, standing alone as a speaker, are far more often a surname
PLACES_AS_SURNAMES = {"Jordan", "Georgia", "Chad"}
# role words of elected, diplomatic and ministerial office: their holders are government
# sources whatever body the phrase also names (a party, the U.N., the EU)
PUBLIC_OFFICES = {"senator", "senators", "sen", "congressman", "congresswoman", "congressmen",
                  "lawmaker", "lawmakers", "legislator", "legislators", "representative", "rep",
                  "governor", "gov", "mayor", "minister", "ministers", "ambassador",
                  "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "house", "senate",
                  "congress", "parliament", "cabinet"}
# platforms named as the place of a statement, not its speaker: "the police department's
# official Twitter page", "a Facebook post", "said on Twitter" (but "Facebook said": the
# company)
PLATFORMS = {"Twitter", "Facebook", "YouTube", "Google", "Instagram", "Telegram"}
_OWN_CHANNELS = ("account", "page", "feed", "channel", "handle")  # a speaker's own
_MEDIUM_NOUNS = _OWN_CHANNELS + ("post", "video", "archive", "user")
_MEDIUM_BEFORE = (" on", " via", " on its", " on his", " on her", " on their")


# a speaker's own channel: "Trump's Twitter account", "the ministry's official Facebook page"
_CHANNEL = re.compile(r"(.+?)['’]s\s+(?:(?:official|personal|verified)\s+)?"
                      r"(?:(?:" + "|".join(sorted(PLATFORMS)) + r")\s+)?"
                      r"(?:" + "|".join(_OWN_CHANNELS) + ")")


def platform_as_medium(text: str, start: int, end: int) -> bool:
    """Is the gazetteer name at text[start:end] a platform used as a medium ("said on
    Twitter", "a Twitter post"), not the company?"""
    if text[start:end] not in PLATFORMS:
        return False
    return text[end:].lstrip().lower().startswith(_MEDIUM_NOUNS) or \
        (" " + text[max(0, start - 10):start]).rstrip().lower().endswith(_MEDIUM_BEFORE)
# a newspaper's short name after "the" ("the Times reported", "The Post says", "the Hill"):
# no gazetteer entry, where "Times" or "Hill" would also match "Times Square", "Capitol Hill"
SHORT_OUTLET = re.compile(r"(?:the|The) (?:Times|Post|Journal|Globe|Hill|Atlantic|Monitor|"
                          r"Crimson|Caller|Chronicle|Tribune|Herald|Examiner|Telegraph|"
                          r"Inquirer|Enquirer|Economist|Bee|Sun|Star-Ledger)(?:['’]s?)?")
CHAMBERS = {"house", "senate", "congressional"}
_POSSESSOR = re.compile(r"([^\s,]+(?:\s+[^\s,]+){0,4}?)['’]s")
_THE = re.compile(r"^(?:the|The)\s+")

_CONJUNCTS = re.compile(r",|\band\b|&")


_PREFIX_CACHE: list = [None, None, ([0], [0])]  # text, quotes, prefixes of the last paragraph


def _alnum_prefixes(text: str, quotes) -> tuple[list[int], list[int]]:
    """(all, quoted): prefix counts of letters and digits in text[:i], and of those inside
    quotation marks. One O(n) pass per paragraph, so any span is counted in O(1) however
    many attributions a (huge) paragraph has."""
    if _PREFIX_CACHE[0] is not text or _PREFIX_CACHE[1] is not quotes:
        is_alnum = list(map(str.isalnum, text))
        in_quote = [False] * len(text)
        for q in quotes:
            in_quote[q.start:q.end] = [True] * (q.end - q.start)
        _PREFIX_CACHE[:] = [text, quotes, ([0, *accumulate(is_alnum)],
                                           [0, *accumulate(map(and_, is_alnum, in_quote))])]
    return _PREFIX_CACHE[2]


# share of the content's letters inside quotation marks that makes it direct; a convention:
# PolNeAR kind accuracy is 0.910 (train) / 0.922 (dev) to three decimals for any cut-off
# from 0.8 to 1.0 (direct contents are almost always wholly quoted)
DIRECT_SHARE = 0.9


def content_kind(text: str, frags: list[list[int]], quotes) -> str:
    """direct when the content is (almost) all quoted words, mixed when partly, else indirect."""
    if not frags or not quotes:  # no quotation marks: no quoted words
        return "indirect"
    alnum, quoted_alnum = _alnum_prefixes(text, quotes)
    total = sum(alnum[e] - alnum[s] for s, e in frags)
    quoted = sum(quoted_alnum[e] - quoted_alnum[s] for s, e in frags)
    if total == 0 or quoted == 0:
        return "indirect"
    return "direct" if quoted >= DIRECT_SHARE * total else "mixed"


@lru_cache(maxsize=1)
def _roles() -> tuple[dict[str, tuple[str, str]], re.Pattern, tuple[str, ...]]:
    table = load_lexicon("sources").entries
    roles, anon = {}, []
    for entry, kind, ident in zip(table["entry"], table["type"], table["ident"]):
        if kind == "anonymity":
            anon.append(entry.lower())
        else:
            roles[entry.lower()] = (kind, ident)
    phrases = sorted((r for r in roles if " " in r or "-" in r), key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")
    return roles, pattern, tuple(anon)


@lru_cache(maxsize=8)
def _gazetteer(key: str | None) -> tuple[re.Pattern, dict[str, tuple[str, str, str]]]:
    tables = []
    if key is not None:
        tables.append(load_lexicon(key).entries)
    tables.append(load_lexicon("gazetteer").entries)
    facts: dict[str, tuple[str, str, str]] = {}
    for table in tables:
        cols = table.columns
        for i in range(len(table)):
            entry = table["entry"].iat[i]
            if entry in facts:
                continue
            facts[entry] = (table["code"].iat[i] if "code" in cols else "",
                            table["kind"].iat[i] if "kind" in cols else "",
                            (table["state_media"].iat[i] if "state_media" in cols else "")
                            or (table["type"].iat[i] if "type" in cols else ""))
    names = sorted(facts, key=len, reverse=True)
    # no look-behind in the pattern: `re` jumps straight to the possible first letters only
    # when a pattern starts with its alternation (4x faster on paragraphs); _names_in checks
    # that a name does not start inside a word
    pattern = re.compile("(?:" + "|".join(re.escape(n) for n in names) + r")(?:['’]s)?(?![\w])")
    return pattern, facts


def _names_in(text: str, pattern: re.Pattern) -> list[re.Match]:
    """The gazetteer `pattern`'s matches that are not preceded by a letter, digit, `_` or
    `.` (what a look-behind `(?<![\\w.])` would allow); after a refused start the search goes on
    from the next character, so the matches are those of the look-behind pattern."""
    found, pos = [], 0
    while (m := pattern.search(text, pos)) is not None:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in "_."):
            pos = s + 1
            continue
        found.append(m)
        pos = m.end()
    return found


def gazetteer_names(text: str, gazetteer=None) -> list[re.Match]:
    """Every gazetteer name in `text` (with an optional possessive 's), whole words, the
    longest at each place: a user's gazetteer first, then the bundled one."""
    return _names_in(text, _gazetteer(_gazetteer_key(gazetteer))[0])


def _gazetteer_key(gazetteer) -> str | None:
    if gazetteer is None:
        return None
    if isinstance(gazetteer, Lexicon):
        return gazetteer.path
    return str(gazetteer)


def classify(source: str, *, gazetteer=None) -> dict:
    """`identification`, `source_type` and `country` of a source phrase (a fresh dict; results
    are cached per phrase, since the same sources recur through a corpus).

    >>> classify("Kremlin spokesman Dmitry Peskov")
    {'identification': 'named_person', 'source_type': 'government', 'country': 'RU'}
    """
    return dict(_classify(source, _gazetteer_key(gazetteer)))


@lru_cache(maxsize=65536)
def _classify(source: str, key: str | None) -> tuple:
    return tuple(_classify_uncached(source, key).items())


def _classify_uncached(source: str, key: str | None) -> dict:
    if not source:
        return {"identification": "", "source_type": "unknown", "country": ""}
    possessor = _POSSESSOR.fullmatch(source.strip()) or _CHANNEL.fullmatch(source.strip())
    if possessor:  # "Trump's" (claim), "He's" (said), "Trump's Twitter account": the
        return _classify_uncached(possessor.group(1), key)  # possessor or pronoun speaks
    if source.strip() in PLACES_AS_SURNAMES:  # "Jordan said": Rep. Jim Jordan, a person
        return {"identification": "named_person", "source_type": "unknown", "country": ""}
    roles, phrase_re, anon = _roles()
    pattern, facts = _gazetteer(key)
    low = source.lower()
    head = source.split(",", 1)[0]  # the phrase before an appositive names the source
    words = WORD.findall(head)
    lows = [re.sub(r"'s$", "", w.lower().rstrip(".").replace("’", "'")) for w in words]
    possessive = [w.endswith(("'s", "’s")) for w in words]
    types: list[str] = []
    idents: list[str] = []
    countries: list[str] = []
    gaz_words: set[str] = set()
    typed_words: set[str] = set()  # words of a name or title phrase whose type is given
    outlet = named_body = outlet_or_body = body_typed = False
    # the source is nothing but places and institutions of the gazetteer ("North Korea",
    # "Pyongyang and Moscow", "the FBI"): each stands for its government or body
    only_gazetteer = _only_gazetteer(source, facts)
    # a place that ends a person's name is a surname ("Rep. Jim Jordan", "Sheriff Scott
    # Israel"); not after a determiner or quantifier ("The UK", "Many Americans")
    first_word, _, surname = person_name(source).rpartition(" ")
    if not first_word or first_word.split()[0].lower() in NEVER_NAMES | QUANTIFIERS:
        surname = ""
    for m in _names_in(source, pattern):
        name = re.sub(r"['’]s$", "", m.group())
        code, kind, extra = facts.get(name, ("", "", ""))
        if name == surname and kind in ("name", "capital"):
            continue  # "Rep. Jim Jordan": a surname, not the country
        if platform_as_medium(source, m.start(), m.start() + len(name)):
            gaz_words.add(name.lower())  # no name of a person either
            continue
        if kind != "person":  # a person's name stays a name (named_person)
            gaz_words.update(w.rstrip(".") for w in name.lower().split())
        if code and code not in countries:
            countries.append(code)
        if kind == "outlet":
            outlet = True
            types.append("state_media" if extra == "yes" else "media")
        elif kind == "institution":
            types.append(extra if extra in TYPE_RANK else "government")
            body_typed = body_typed or extra in TYPE_RANK
            named_body = named_body or only_gazetteer  # "the FBI" alone: a named body
        elif kind == "international":
            types.append("organization")
            body_typed = outlet_or_body = True
            typed_words.update(w.rstrip(".") for w in name.lower().split())
        elif kind in ("capital", "name") and only_gazetteer:
            # a capital or a country as a metonym for its government, alone or conjoined
            # ("Pyongyang and Moscow", "North Korea", "Russia and China")
            named_body = True
            types.append("government")
        elif extra in TYPE_RANK:
            types.append(extra)
    for m in phrase_re.finditer(low):
        kind, ident = roles[m.group()]
        types.append(kind)
        idents.append(ident)
        gaz_words.update(m.group().split())
        typed_words.update(m.group().split())
    for w in [re.sub(r"'s$", "", w.lower().rstrip(".").replace("’", "'"))
              for w in WORD.findall(source)]:
        # a word inside an international body's name or a title phrase is not a role of its
        # own: "council" in "the U.N. Security Council", "general" in "Attorney General"
        if w in roles and w not in typed_words:
            kind, ident = roles[w]
            # a role in a typed body takes the body's type: "a Facebook spokesman" and
            # "a U.N. official" speak for a company and an international body, not a
            # government (an untyped institution leaves the role its type: "Pentagon");
            # a public office and an expert keep their own ("GOP Sen. Orrin Hatch", "U.N.
            # Ambassador", "GOP strategist": the party names a leaning, not an employer)
            if not body_typed or w in PUBLIC_OFFICES or kind == "expert":
                types.append(kind)
            idents.append(ident)
    short_outlet = not types and SHORT_OUTLET.fullmatch(source.strip()) is not None
    if short_outlet:
        outlet = True
        types.append("media")
    if PARTY_TAG.search(source):  # "Rand Paul (R-Ky.)": a U.S. legislator or governor
        types.append("government")
        countries = countries or ["US"]
    if outlet:
        types = [t for t in types if t in ("state_media", "media")]
    source_type = min(types, key=TYPE_RANK.index) if types else "unknown"
    # identification
    first = lows[0] if lows else ""
    names = [w for w, lw, pos in zip(words, lows, possessive) if w[0].isupper() and not pos
             and lw not in roles and lw not in gaz_words and lw not in GROUP_HEADS
             and lw not in QUANTIFIERS and lw not in NEVER_NAMES]
    party = _party_members(lows)
    if party:  # "Republicans", "House Democrats": a named political group
        return {"identification": "named_group", "source_type": party,
                "country": ";".join(countries)}
    if first in QUANTIFIERS and len(words) == 2 and lows[1].endswith("s") and names:
        names = []  # "many Democrats", "some African-Americans": an unnamed share of a people
    role_head = _person_head(words, lows, roles)
    # "The chairman of the committee, Adam Schiff": the role's holder named after a comma
    apposed_name = role_head and any(_APPOSED_NAME.match(p) for p in source.split(",")[1:])
    person_head = role_head and not apposed_name
    if person_head:
        names = []  # "Two U.S. officials", "Trump aides": the capitals only modify the head
    caps = [lw for lw, w in zip(lows, words) if w[0].isupper()]
    head_group = bool(caps) and caps[-1] in GROUP_HEADS or (
        not names and any(lw in GROUP_HEADS for lw in caps)) or (
        # a lower-case group noun heads the phrase and the names only modify it: "the Clinton
        # campaign", "the Trump administration" (but "Clinton campaign manager Robby Mook")
        bool(names) and words[-1][0].islower() and lows[-1] in GROUP_HEADS)
    # "One Democrat", "Some top Republicans", "Many Arab Israelis": a share of a group names
    # no one, capitals or not ("one Republican, Rep. Devin Nunes" names him after the comma)
    share_of_group = len(lows) > 1 and (
        lows[0] in anon or lows[0] in ("a", "an", "another") and lows[-1] in PARTY_MEMBER
    ) and not any(_APPOSED_NAME.match(part) for part in source.split(",")[1:])  # "a Republican"
    if len(lows) == 1 and first in PERSON_PRONOUNS:
        identification = "named_person"
    elif len(lows) == 1 and first in GROUP_PRONOUNS:
        identification = "unnamed_group" if first in ("they", "we") else "named_group"
    elif person_head:
        identification = "unnamed_person"
    elif apposed_name:
        identification = "named_person"
    elif "document" in idents and not names and not outlet:
        identification, source_type = "document", "document"
    elif next(whole_words(head.lower(), (a for a in anon if " " in a)), None) or \
            share_of_group or (
            first in QUANTIFIERS and not names and not head_group and not outlet):
        identification = "unnamed_person" if "person" in idents or not idents or \
            lows[-1] in PARTY_MEMBERS or lows[-1] in PARTY_MEMBER else "unnamed_group"
    elif short_outlet:
        identification = "named_group"
    elif named_body or outlet or head_group or outlet_or_body:
        # a body's name alone is the body; with a person's name it is that person's
        # affiliation ("NATO Secretary General Jens Stoltenberg", "Fox News host Sean Hannity")
        identification = "named_group" if not names or head_group else "named_person"
    elif names and first == "the" and 2 <= len(words) <= 4 and all(
            w[0].isupper() for w in words[1:]) and title_words().isdisjoint(lows[1:]) \
            and lows[-1] not in PARTY_MEMBER:
        # "the NRA", "The Guardian": a name with "the" is a body's (but "the Kentucky
        # Republican" is a person)
        identification = "named_group"
    elif names:
        identification = "named_person"
    elif idents:
        identification = "unnamed_group" if "group" in idents and "person" not in idents or \
            lows[-1].endswith("s") and "group" in idents else "unnamed_person"
        if all(i == "group" for i in idents):
            identification = "unnamed_group"
    else:
        identification = "unnamed_person"
    return {"identification": identification, "source_type": source_type,
            "country": ";".join(countries)}


def _only_gazetteer(source: str, facts: dict) -> bool:
    """Whether `source` is nothing but gazetteer places and institutions, alone or conjoined:
    "North Korea", "Pyongyang and Moscow", "the FBI", "The Department of Homeland Security
    (DHS)", "U.S. Immigration and Customs Enforcement" (a country before an institution)."""
    def known(name: str) -> bool:
        name = _THE.sub("", TRAILING_PARENS.sub("", name.strip()))
        if facts.get(name, ("", "", ""))[1] in ("capital", "name", "institution"):
            return True
        country, _, rest = name.partition(" ")
        return facts.get(country, ("", "", ""))[1] in ("name", "demonym") and \
            facts.get(rest, ("", "", ""))[1] == "institution"
    return known(source) or all(known(p) for p in _CONJUNCTS.split(source) if p.strip())


def _party_members(lows: list[str]) -> str:
    """The source type of a party's members ("Republicans", "the Democrats", "Democrats
    who …", the adjective alone before a nominal cue, "Republican charges": organization;
    with a chamber, "House Republicans": government), or ''."""
    end = next((j for j, w in enumerate(lows) if w in POSTMODIFIER_STARTS and j), len(lows))
    rest = lows[1:end] if lows[:1] == ["the"] else lows[:end]
    chamber = len(rest) == 2 and rest[0] in CHAMBERS
    if chamber:
        rest = rest[1:]
    if len(rest) == 1 and (rest[0] in PARTY_MEMBERS or len(lows) == 1 and rest[0] in (
            "republican", "democratic")):  # "Republican attacks", "Democratic votes"
        return "government" if chamber else "organization"
    return ""


PLURAL_PERSONS = {"people", "men", "women", "police", "staff", "personnel", "children"}
DETERMINERS = {"a", "an", "the", "one", "another", "this", "that", "each", "any", "every",
               "his", "her", "their", "its", "our", "my", "your"}
# a name set off by commas after a role: "the chairman of the committee, Adam Schiff,"
_APPOSED_NAME = re.compile(r"\s*(?:[A-Z][\w'’.-]*\s+(?:(?:bin|al|de|del|van|von|da|di|le|la)\s+)?)"
                           r"{1,3}[A-Z][\w'’.-]*\s*$")


def _person_head(words: list[str], lows: list[str], roles: dict) -> bool:
    """Whether the head noun of a source phrase (its last word before a post-modifier such as
    "familiar with" or "to") is a role noun for persons, so that the phrase names no one
    however many capitals it has: a sentence's first word ("Intelligence officials"), a name or
    institution as a modifier ("Trump aides", "White House officials", "a Google
    spokeswoman"). A plural head always; a singular one only after a determiner ("One
    official", "the Pentagon spokesman"): without one a capitalised title may lead to a name
    after its complement ("Secretary of State Rex Tillerson"), and a surname may be a role
    word ("Mark Judge")."""
    end = next((j for j, w in enumerate(lows) if w in POSTMODIFIER_STARTS and j
                and not (w == "in" and lows[j + 1:j + 2] == ["chief"])),  # editor in chief
               len(lows))
    if not end:
        return False
    low = lows[end - 1]
    if roles.get(low, ("", ""))[1] != "person":
        return False
    if low.endswith("s") or low in PLURAL_PERSONS:
        return True
    return lows[0] in DETERMINERS or words[0].endswith(("'s", "’s"))


def gazetteer_matcher(gazetteer=None) -> tuple[re.Pattern, dict[str, tuple[str, str, str]]]:
    """The compiled gazetteer (a user's file first, then the bundled one): a pattern matching
    every name (with an optional possessive 's; use `gazetteer_names` to find them, it also
    checks that a name starts a word) and name → (country code, kind, extra)."""
    return _gazetteer(_gazetteer_key(gazetteer))
