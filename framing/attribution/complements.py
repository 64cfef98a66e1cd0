"""Rules of the attribution extractor for weak cues and raising verbs whose speaker or
complement the basic rules of `extract.py` do not reach: a to-infinitive of purpose (`Trump has
a rare chance to show that …`), a weak verb used as a noun (`Clinton's attack on …`, `strong
support among evangelicals`), a prepositional or phrasal complement (`to say about`, `pushed
back on`), an object relative clause (`a candidate whom many party members oppose`), and
`seem`/`appear` with any subject (the writer's hedged judgement).

Each is a rule of news writing, measured on PolNeAR train and checked on dev; the switches that
turn them off for a measurement live in `extract.py` (benchmarks/ablate_attribution.py).
"""
from __future__ import annotations

from .cues import Cue, match_cue
from .extract import (BE_FORMS, END_PUNCT, FINITE, OBJECT_PRONOUNS, POSSESSIVE_PRONOUNS,
                      QUANT_HEADS, RAISING, WEAK_BAD_NEXT, Para, _clause_end, _is_word,
                      _np_left, _np_right, _record, _sentence_subject, _skip_left, _span,
                      _subject_before)
from .words import ADVERBS, DETS, FUNC


def _named(rec: dict, rule: str) -> dict:
    """A record that says which construction found it (the `rule` column)."""
    rec["_rule"] = rule
    return rec


EXPLETIVES = {"it", "there"}
RAISING_NEXT = {"to", "like", "that", "as", "likely", "unlikely", "certain", "poised", "set"}


def _raising(p: Para, cue: Cue, c0: int, c1: int, a: int, b: int):
    """`The economy, until recently, seemed impervious to …`, `Clinton appears to have won`:
    the writer's hedged judgement of a clause; no speaker, and the content is the subject
    with what follows the verb (any subject: none of it speaks). `appear` also means `show
    up` ("appeared on Fox"), so it needs a raising complement; `seem` takes any but a
    preposition."""
    low, qid = p.low, p.qid
    if c1 >= b or qid[c1] >= 0 or c0 == a:
        return None
    nxt = low[c1]
    if low[c0].startswith("appear"):
        if nxt not in RAISING_NEXT:
            return None
    elif not _is_word(nxt) and nxt != "," or nxt in WEAK_BAD_NEXT and nxt not in ("to", "as"):
        return None
    end = _clause_end(p, c1, b)
    if end <= c1:
        return None
    right = [_span(p, c1, end)]
    j = _skip_left(p, c0 - 1, a)
    if j < a or qid[j] >= 0:
        return None
    if low[j] in EXPLETIVES and (j == a or low[j - 1] in ("but", "and", "so", "yet", ",")):
        return _named(_record(p, cue, c0, c1, None, right, []), "raising")  # "it appears …"
    while j > a and low[j] in (",", "—", "–", "--") and qid[j - 1] < 0:
        j -= 1  # "The economy, until recently, seemed": the subject without its last comma
    subj = _sentence_subject(p, a, j + 1)
    start = subj[0] if subj is not None else a
    if start > j or j - start > 40:  # a subject is a phrase, not a paragraph
        return None
    return _named(_record(p, cue, c0, c1, None, [_span(p, start, j + 1)] + right, []),
                  "raising")


# Weak cues whose speaker or object the rules above do not reach (each can be switched off to
# measure it): a to-infinitive of purpose, a weak verb used as a noun, a prepositional or
# phrasal complement and an object relative clause.
INFINITIVE_BREAK = {",", ";", ":", "—", "–", "--", "(", ")", "that", "which", "who", "whom",
                    "and", "but", "or", "because", "if", "when", "while", "as", "after",
                    "before", "since", "it", "there"}


def _purpose_subject(p: Para, a: int, j: int) -> tuple[int, int] | None:
    """`Trump has a rare chance to show that …`, `Sanders took the stage Tuesday night to
    acknowledge …`: a to-infinitive of purpose or of a noun's complement after a verb phrase
    in one clause — its understood subject is the clause's subject (no comma, conjunction or
    relative between them, at most 12 tokens); not after a predicate noun (`is one of the
    few countries to have supported`) nor a raising verb (`seems to have found`)."""
    subj = _subject_before(p, a, j, 12)
    if subj is None:
        return None
    s1 = subj[1]
    low, qid = p.low, p.qid
    if low[j - 1] in OBJECT_PRONOUNS:
        return None  # the object is the infinitive's subject: "asked her to", "urged them to"
    be = False
    for k in range(s1, j):
        if qid[k] >= 0 or low[k] in INFINITIVE_BREAK or low[k] in RAISING or \
                low[k] in END_PUNCT:
            return None  # "Clinton seems to have found": the raising verb's own infinitive
        if low[k] in BE_FORMS:
            be = True
        elif be and (low[k] in DETS or low[k] in QUANT_HEADS):
            return None  # a predicate noun's infinitive: "X is one of the few countries to"
    return subj


# a weak verb cue that is a noun here (after a possessor, before its complement; or after a
# determiner, before `from`/`among`): "Clinton's aggressive attack on Trump", "his plans to",
# "strong support among evangelicals"
NOMINAL_COMPLEMENTS = {"of", "about", "for", "from", "among", "on", "against", "to", "that"}


def _nominal_use(p: Para, cue: Cue, c0: int, c1: int, a: int, b: int):
    """A weak verb cue used as a noun: a possessor before it (up to two adjectives between)
    and its complement after it (`of`, `about`, `for`, `from`, `among`, `on`, `against`,
    `to`, `that`), or a determiner before it and `from`/`among` after it. The source is the
    possessor (`Clinton's aggressive attack on …`), the noun phrase after `from`/`among`
    (`strong support among evangelicals`) or, for a possessive pronoun or a determiner, the
    subject of the clause (`Ted Cruz talked up his plans to …`; the pronoun itself when there
    is none); the content runs from the complement to the
    next comma or the clause end, as for `_possessive`."""
    low, qid, cap = p.low, p.qid, p.cap
    if c1 >= b or qid[c1] >= 0 or low[c1] not in NOMINAL_COMPLEMENTS:
        return None
    k = c0 - 1
    adjectives = 0
    while k >= a and adjectives < 2 and qid[k] < 0 and _is_word(low[k]) and not cap[k] and \
            low[k] not in FUNC and low[k] not in DETS and low[k] not in ADVERBS and \
            not low[k].endswith(("'s", "s'", "ly")):
        k -= 1
        adjectives += 1
    if k < a or qid[k] >= 0:
        return None
    src = None
    if low[k].endswith(("'s", "s'")):
        start = _np_left(p, k, a)
        src = (start if start is not None else k, k + 1)
    elif low[k] not in POSSESSIVE_PRONOUNS and not (low[k] in DETS and low[c1] in (
            "from", "among")):
        return None  # "the question of whether …": no speaker in reach, as often no report
    if src is None and low[c1] in ("from", "among"):
        end = _np_right(p, c1 + 1, b, appositive=False)
        if end is not None:
            src = (c1 + 1, end)
    if src is None:
        # "Ted Cruz talked up his plans", "Trump opened with a call for": the subject of the
        # clause that holds the noun (PolNeAR marks the antecedent, not "his")
        subj = _sentence_subject(p, a, k)
        if subj is not None and subj[1] <= k:
            src = subj
        elif low[k] in POSSESSIVE_PRONOUNS:
            src = (k, k + 1)
    end = c1
    limit = min(b, c1 + 30)
    while end < limit and low[end] not in (",", ";", ":", "—", "–", "--", "(", ")") and \
            not (low[end] in END_PUNCT and p.ends_sentence(end)):
        end += 1
    if end <= c1 + 1:
        return None
    used = sorted({qid[m] for m in range(c1, end) if qid[m] >= 0})
    return _named(_record(p, cue, c0, c1, src, [_span(p, c1, end)], used), "nominal-use")


# with its speaker found, a weak verb followed by `about` reports what was said or thought on a
# topic ("I talk about it when I go out", "Deacon had nothing bad to say about Sanders")
TOPIC_PREPS = {"about"}
# a particle after a weak verb belongs to it (a phrasal verb) and its object follows: "Rubio
# pushed back on those claims", "Ryan has called out Trump", "Cruz talked up his plans"
PARTICLES = {"back", "out", "up", "off", "down"}


# a report in an object relative clause: its object is the relative pronoun before the subject
# ("a candidate who many party members strongly oppose", "taxes on investment income (which
# Clinton also supports)", "Manafort is someone whom Mr. Trump views as a peer")
OBJECT_RELATIVES = {"which", "whom", "who", "what", "that"}


def _object_gap(p: Para, src: tuple[int, int], c1: int, a: int, b: int):
    """The content of a cue whose subject follows a relative pronoun and whose object is
    missing after it (the sentence or clause ends, or a preposition, `as` or a conjunction
    follows): the pronoun, with the `as` phrase when one follows (`whom X views as a peer`:
    "whom" and "as a peer"). None otherwise;
    `that` only after a word that is no cue (`said that he agreed with` is no relative)."""
    low, qid = p.low, p.qid
    r = src[0] - 1
    if r < a or qid[r] >= 0 or low[r] not in OBJECT_RELATIVES:
        return None
    if low[r] == "that" and (r - 1 < a or not _is_word(low[r - 1]) or low[r - 1] in FUNC
                             or match_cue(low, r - 1, b) is not None):
        return None  # "told others that he called her", "and that Sanders conceded"
    if c1 < b and (qid[c1] >= 0 or low[c1] in OBJECT_PRONOUNS or low[c1] in FINITE or not (
            low[c1] in WEAK_BAD_NEXT or low[c1] in END_PUNCT
            or low[c1] in (";", "—", "–", "--"))):
        return None  # an object or a clause follows: no gap ("what they say was …": GAPS)
    content = [_span(p, r, r + 1)]
    if c1 + 1 < b and low[c1] == "as":
        end = _clause_end(p, c1, b)
        content.append(_span(p, c1, end))
    return content
