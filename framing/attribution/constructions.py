"""General constructions of news writing, found without a per-cue lexicon entry.

The cue lexicon covers the frequent reporting verbs; the rest of reported speech and thought in
news is a long tail ("is once again questioning", "has long argued", "are optimistic") that no
list closes. These passes recognise the *shape* of a reporting clause instead:

- `reporting_clauses`: a speaking subject (a pronoun, a capitalised name or organisation, or a
  noun of the sources lexicon) + a short verb group (auxiliaries, adverbs, the verb or a
  predicative adjective) + a complement clause introduced by `that`, `whether`/`how`/`why`,
  a colon-introduced quote, or — for verbs of intention (`wants to`, `plans to`, `vowed to`) —
  a `to`-infinitive. Verbs that take such clauses without reporting anything (`ensure`,
  `mean`, …) are on a stoplist (`NOT_REPORTING`).

Every pass runs after the lexicon pass, never re-finds a cue it already found, and does bounded
work per marker token, so the extractor stays linear in the paragraph length.
"""
from __future__ import annotations

from bisect import bisect_left

from .cues import Cue, cue_index
from .extract import (Para, _clause_end, _is_word, _np_left, _record,
                      _right_content)
from .words import DETS, FUNC, SOURCE_HEADS

SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i", "you"}
# words that cannot be part of a verb group between a subject and its complement
GROUP_BLOCK = (DETS - {"her", "all", "both"}) | {
    "and", "or", "but", "which", "that", "who", "whom", "whose", "because", "when", "while",
    "if", "than", "as", "so", "such", "where", "after", "before", "since", "until", "of", "for",
    "with", "from", "into", "by", "about", "on", "at", "in", "over", "under", "against",
    "during", "without", "through", "there", "it", "what", "why", "how", "whether", "unless",
    "though", "although", "given", "except", "now", "fact", "way", "then"}
# verbs and predicates that take a clause but do not report speech or thought
NOT_REPORTING = {"ensure", "ensures", "ensured", "prove", "proves", "proved", "proven", "bet",
                 "guarantee", "guarantees", "guaranteed"}
# after `that`, these start no clause ("that would", "that of"): a relative or a demonstrative
NOT_CLAUSE_START = {"is", "was", "are", "were", "would", "will", "could", "can", "should",
                    "has", "have", "had", "may", "might", "must", "does", "did", "do", "of",
                    "to", "for", "in", "on", "at", "with", "by", "from", "about", "'s", "same",
                    "way", "much", "far", "long", "point", "kind", "sort", "one", "time"}
WH_MARKERS = {"whether", "how", "why"}
AUX = {"is", "are", "was", "were", "am", "be", "been", "being", "has", "have", "had", "will",
       "would", "can", "could", "may", "might", "should", "must", "do", "does", "did", "'s",
       "'re", "'ve", "'d", "'ll", "'m", "ca", "wo", "n't", "not", "never", "also", "still",
       "already", "just", "even", "again", "now", "long", "once", "often", "repeatedly",
       "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday",
       "saturday", "sunday", "privately", "publicly", "later", "earlier", "recently",
       "previously", "first", "then", "too"}
BE = {"is", "are", "was", "were", "am", "be", "been", "being", "'s", "'re", "'m"}
IRREGULAR_PAST = {"came", "went", "ran", "began", "grew", "stood", "left", "lost", "won", "said", "told", "thought", "knew", "felt", "wrote", "found", "saw", "made",
                  "took", "held", "heard", "meant", "gave", "became", "got", "kept", "put",
                  "read", "sent", "understood", "taught", "brought", "sought", "spoke", "let",
                  "forgot", "foresaw", "swore", "bet", "hid", "met", "set", "dreamt", "learnt"}
PLURAL_SUBJECTS = {"they", "we", "i", "you"}
NOT_SUBJECTS = {"it", "it's", "this", "that", "there", "what", "which", "let", "here"}
PREPOSITIONS = {"of", "for", "with", "from", "into", "by", "about", "on", "at", "in", "to",
                "over", "under", "against", "during", "without", "through", "between", "among",
                "like", "than", "after", "before", "behind", "toward", "towards", "across"}
# verbs of intention whose `to`-infinitive PolNeAR annotates (see below), every form spelled out
INTENTION = {
    "agree", "agrees", "agreed", "agreeing", "aim", "aims", "aimed", "aiming",
    "ask", "asks", "asked", "asking", "expect", "expects", "expected", "expecting",
    "hope", "hopes", "hoped", "hoping", "intend", "intends", "intended", "intending",
    "like", "likes", "liked", "liking", "love", "loves", "loved", "loving",
    "pledge", "pledges", "pledged", "pledging", "promise", "promises", "promised", "promising",
    "seek", "seeks", "sought", "seeking", "threaten", "threatens", "threatened", "threatening",
    "vote", "votes", "voted", "voting", "vow", "vows", "vowed", "vowing",
    "want", "wants", "wanted", "wanting", "wish", "wishes", "wished", "wishing"}
MAX_GROUP = 6


def _speaking_subject(p: Para, j: int, a: int) -> tuple[int, int] | None:
    """The speaking noun phrase ending at token j: a personal pronoun, a phrase headed by a
    capitalised word (a name, an organisation) or by a source noun (`officials`, `critics`);
    `X, who …` gives X."""
    low = p.low
    if j < a or p.qid[j] >= 0:
        return None
    w = low[j]
    if w in SUBJECT_PRONOUNS:
        return (j, j + 1)
    if w == "who" and j - 2 >= a and low[j - 1] == ",":
        start = _np_left(p, j - 2, a)
        return (start, j - 1) if start is not None and _speaks(p, j - 2) else None
    if not _speaks(p, j):
        return None
    start = _np_left(p, j, a)
    if start is None or low[start] in NOT_SUBJECTS:
        return None
    if start > a and low[start - 1] in PREPOSITIONS:
        return None  # the object of a preposition is no subject: "in an interview with X"
    return (start, j + 1)


def _verb_like(group: list[str], plural_subject: bool) -> bool:
    """Does the group open like a finite verb group (an auxiliary, an adverb, a past or
    third-person form, or a plain form after a plural subject), rather than a noun
    (`GOP debate`, `Fox News interview`)?"""
    g = group[0]
    if g in AUX or (g.endswith("ly") and len(g) > 4) or g in IRREGULAR_PAST:
        return True
    if g in SOURCE_HEADS:
        return False
    if g.endswith("ed") or (g.endswith("s") and not g.endswith(("ss", "us", "is"))):
        return True
    return plural_subject


def _speaks(p: Para, j: int) -> bool:
    w = p.low[j]
    if w in NOT_SUBJECTS:
        return False
    w = w.removesuffix("'s")
    return (p.cap[j] and w not in FUNC) or w in SOURCE_HEADS


def _cue_class(words: list[str]) -> str:
    """The class of the last word of the verb group that is a lexicon cue, else neutral."""
    index = cue_index()
    for w in reversed(words):
        for cue in index.get(w, ()):
            if len(cue.words) == 1:
                return cue.cls
    return "neutral"


PARENTHETICAL = {"meanwhile", "however", "though", "too", "for", "his", "her", "their", "its",
                 "part", "in", "turn", "instead", "nevertheless", "moreover", "indeed", "also",
                 "though", "in", "fact", "still", "then", "now", "again", "once", "for", "one"}
TIME_GROUP = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "yesterday", "morning", "night", "afternoon", "evening", "week", "month",
              "year", "last", "this", "earlier", "later", "recently", "time"}
CAP_GROUP = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _scan_group(p: Para, m: int, a: int) -> tuple[int, list[int]]:
    """Tokens of the candidate verb group left of the marker token m (indices, in order) and
    the token where the scan stopped (the end of the subject, a determiner, or < a)."""
    low, cap, qid = p.low, p.cap, p.qid
    k = m - 1
    idx: list[int] = []
    lo = max(a, m - MAX_GROUP - 4)
    while k >= lo and qid[k] < 0 and len(idx) < MAX_GROUP:
        x = low[k]
        if x == "," and idx:
            # a parenthetical adverbial between subject and verb: "Sanders, meanwhile, hopes"
            c = k - 1
            while c >= lo and c > k - 5 and low[c] in PARENTHETICAL:
                c -= 1
            if c < k - 1 and c >= lo and low[c] == ",":
                k = c - 1
                continue
            break
        if not _is_word(x) or (cap[k] and x not in CAP_GROUP) or x in SUBJECT_PRONOUNS \
                or x in GROUP_BLOCK:
            break
        if x in SOURCE_HEADS and idx:
            break  # "officials argue that": the subject, not part of the group
        idx.append(k)
        k -= 1
    idx.reverse()
    return k, idx


def _split_subject(p: Para, k: int, idx: list[int], a: int):
    """(subject span, verb-group token indices) or None. The subject either ends at token k
    (a pronoun, a name, a source noun) or is a determiner at k (or the sentence start) plus
    the first words of the scanned group (`the company`, `a federal judge`, `critics`)."""
    low = p.low
    if k >= a and p.qid[k] < 0:
        src = _speaking_subject(p, k, a)
        if src is not None:
            return src, idx
        if low[k] not in DETS and low[k] not in (",", ";", ":", "—", "–", "--"):
            return None
    if k >= a and low[k] in DETS and low[k] not in NOT_SUBJECTS:
        with_det = True
    elif k < a or low[k] in (",", ";", ":", "—", "–", "--"):
        with_det = False
    else:
        return None
    if with_det and k > a and low[k - 1] in PREPOSITIONS:
        return None
    for s in range(1, min(4, len(idx))):
        head = low[idx[s - 1]]
        if head in AUX or head in FUNC:
            return None
        if not with_det and not (head in SOURCE_HEADS or head.endswith("s")):
            continue
        rest = [low[t] for t in idx[s:]]
        if _verb_like(rest, head.endswith("s") and not head.endswith("ss")):
            return (k if with_det else idx[0], idx[s - 1] + 1), idx[s:]
    return None


def reporting_clauses(p: Para, out: list[dict]) -> None:
    """Add `subject + verb group + complement` attributions not found by the lexicon pass."""
    low, cap, qid, n = p.low, p.cap, p.qid, p.n
    covered = [False] * n  # tokens inside a cue already found: bounded work per marker
    for r in out:
        t0, t1 = bisect_left(p.st, r["cue_span"][0]), bisect_left(p.st, r["cue_span"][1])
        covered[t0:t1] = [True] * (t1 - t0)
    added = []
    for m in range(n):
        w = low[m]
        if qid[m] >= 0:
            continue
        if w == "that":
            if m + 1 >= n or not _is_word(low[m + 1]) and (m + 1) not in p.qopen:
                continue
            if low[m + 1] in NOT_CLAUSE_START:
                continue
        elif w in WH_MARKERS:
            if m + 1 >= n or not _is_word(low[m + 1]):
                continue
        elif w == "to" and INTENTION:
            if m + 1 >= n or not _is_word(low[m + 1]) or low[m + 1] in DETS:
                continue
        else:
            continue
        a, b = p.sents[p.sent_of[m]]
        k, idx = _scan_group(p, m, a)
        if not idx:
            continue
        split = _split_subject(p, k, idx, a)
        if split is None:
            continue
        src, idx = split
        group = [low[t] for t in idx]
        if w == "to" and group[-1] not in INTENTION:
            continue
        if all(g in TIME_GROUP for g in group) or any(
                g == "to" and (nx.endswith("s") or nx in DETS) for g, nx in zip(group, group[1:])):
            continue
        if group[-1] in PREPOSITIONS and w == "that" or group[-1] in ("to", "of") \
                or any(g in NOT_REPORTING for g in group):
            continue
        if all(g in BE or g in AUX for g in group) and group[-1] in BE:
            continue  # a copula: "the question is whether", "his view was that"
        head = low[src[1] - 1]
        plural = head in PLURAL_SUBJECTS or (head.endswith("s") and not head.endswith(
            ("ss", "'s")) and not cap[src[1] - 1])
        if not _verb_like(group, plural):
            continue
        g0, g1 = idx[0], idx[-1] + 1
        if any(covered[g0:g1]):
            continue
        if w == "to":
            end = _clause_end(p, m, b)
            content, used = ([[p.st[m], p.en[end - 1]]] if end > m else None), []
        else:
            content, used = _right_content(p, m, b)
        if not content:
            continue
        cue = Cue(" ".join(group), _cue_class(group), "clause", True, tuple(group))
        rec = _record(p, cue, g0, g1, src, content, used)
        covered[g0:g1] = [True] * (g1 - g0)
        added.append(rec)
    if added:
        out.extend(added)
        out.sort(key=lambda r: r["cue_span"][0])

