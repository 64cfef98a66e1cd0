"""The paragraph extractor: reporting cues, their source noun phrase and their content.

One pass over word tokens. Quotation marks come from `framing.quotes.find_quotes`; cues from
the newest cue lexicon (`framing/lexicons/cues-<version>.tsv`). For each cue outside quotes the source is looked for where
news writing puts it (Bell 1991; AP style):

- before the cue: `Smith said`, `the ministry has said`, `X, who …, said`, `X, a …, said`;
- after it, inverted after a quote or a clause: `"…," said Smith, a …`; `according to X`;
- for participles (`…, saying …`, `adding`, `citing`) the subject of the main clause.

The content is the quote or clause the cue introduces: after it (`said that …`, `said: "…"`)
or before it (`"…," X said`, `…, X said Tuesday.`). A split quote (`"A," X said. "B."`) is one
attribution with two content fragments. A reported clause after its cue ends at a semicolon,
before the next report of the same speaker (`…, saying …`, `… and called …`), at the comma that
closes a sentence-opening subordinate clause, or before a coordinated verb of the cue's form
(`_trim_contents`). Passive reports, those content ends and the speakers the noun-phrase
helpers here do not reach are in `clauses.py`. Every step is linear in the paragraph length.
After the lexicon pass, `constructions.reporting_clauses` adds reporting clauses whose verb
group is in no lexicon (`X is once again questioning whether …`).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..quotes import find_quotes
from .cues import Cue, cue_starts, match_cue, noun_index
from .words import (ABBREV, ADVERBS, DETS, FUNC, NP_LOWER, PRONOUNS, RIGHT_SKIP, SOURCE_HEADS,
                    TIME_WORDS)

TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]")
QUOTE_CHARS = set("\"“”«»„‘’'`")
END_PUNCT = {".", "!", "?"}
CONTENT_SKIP = {"reporters", "journalists", "me", "us", "him", "her", "them", ",", "monday",
                "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                "yesterday", "tonight"}
OBJECT_PRONOUNS = {"him", "her", "them", "it", "us", "me", "this", "that", "these", "those"}
BE_FORMS = {"is", "was", "are", "were", "be", "been", "being", "'s"}
WEAK_BAD_NEXT = {"of", "for", "about", "with", "by", "from", "as", "in", "on", "at", "and",
                 "or", "but", ",", ".", ")", "(", "up", "out", "off", "down", "over", "into",
                 "back", "it", "him", "her", "them", "me", "us", "is", "was", "are", "were"}


class Para:
    """Tokens of one paragraph with quote membership and sentence ranges."""

    __slots__ = ("text", "st", "en", "low", "cap", "qid", "quotes", "sents", "sent_of", "n",
                 "qopen", "qclose")

    def __init__(self, text: str, quotes: list | None = None):
        self.text = text
        spans = [m.span() for m in TOKEN.finditer(text)]
        self.n = n = len(spans)
        st = [s for s, _ in spans]
        en = [e for _, e in spans]
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters lowercase to two ("İ")
            low = [text[s:e].lower().replace("’", "'") for s, e in spans]
        else:
            lowered = lowered.replace("’", "'")
            low = [lowered[s:e] for s, e in spans]
        self.st, self.en, self.low = st, en, low
        self.cap = [text[s].isupper() for s in st]
        # find_quotes handles straight, curly (mixed pairs too), ``…'' and NYT ''…''
        self.quotes = quotes = find_quotes(text) if quotes is None else quotes
        qid = [-1] * n
        qopen: dict[int, int] = {}   # token index of an opening mark → quote index
        qclose: dict[int, int] = {}  # token index of the last token of a quote → quote index
        for k, q in enumerate(quotes):
            i0 = bisect_left(st, q.start)
            i1 = bisect_left(st, q.end, i0)
            if i1 > i0:
                qid[i0:i1] = [k] * (i1 - i0)
                if st[i0] == q.start:
                    qopen[i0] = k
                qclose[i1 - 1] = k
        self.qid, self.qopen, self.qclose = qid, qopen, qclose
        self.sents = sents = self._sentences()
        sent_of: list[int] = []
        for si, (a, b) in enumerate(sents):
            sent_of.extend([si] * (b - a))
        self.sent_of = sent_of

    def ends_sentence(self, k: int) -> bool:
        """Token k is a full stop, "?" or "!" that ends its sentence: not the point of "U.S.",
        "Mr." or "George W. Bush", which the sentence ranges already step over."""
        return self.low[k] in END_PUNCT and self.qid[k] < 0 and not self._inner_point(k)

    def _inner_point(self, i: int) -> bool:
        """Token i, a ".", is inside a word or number: "U.S.", "J."; a party tag's state:
        "(D-N.Y.)", "(R-S.C.)"; a decimal point: "a 4.4 percent stake", "$1.5 billion"."""
        low = self.low
        if low[i] != "." or not i:
            return False
        prev = low[i - 1]
        return (prev in ABBREV or (len(prev) == 1 and prev.isalpha())
                or MIDDLE_INITIALS and i > 1 and low[i - 2] == "(" and len(prev) == 3
                and prev[1] == "-"
                or DECIMALS and prev.isdigit() and i + 1 < self.n
                and self.st[i + 1] == self.en[i] and low[i + 1][0].isdigit())

    def _sentences(self) -> list[tuple[int, int]]:
        low, cap, qid, n = self.low, self.cap, self.qid, self.n
        sents, a = [], 0
        for i in range(n):
            w = low[i]
            end_here = False
            if w in END_PUNCT and qid[i] < 0:
                end_here = not self._inner_point(i)
            elif i in self.qclose and i > 0 and low[i - 1] in END_PUNCT and self.quotes[
                    self.qid[i]].closed:
                end_here = i + 1 < n and (cap[i + 1] or low[i + 1] in QUOTE_CHARS)
            if end_here:
                if i + 1 < n and not (cap[i + 1] or low[i + 1] in QUOTE_CHARS
                                      or low[i + 1][0].isdigit()):
                    continue
                sents.append((a, i + 1))
                a = i + 1
        if a < n:
            sents.append((a, n))
        return sents


def _is_word(w: str) -> bool:
    return w[0].isalnum()


def _np_left(p: Para, j: int, lo: int) -> int | None:
    """Start token of a noun phrase ending at token j (inclusive), or None when token j cannot
    end a speaking noun phrase. `lo` is the first token allowed."""
    low, cap, qid = p.low, p.cap, p.qid
    if j < lo or qid[j] >= 0:
        return None
    w = low[j]
    if w == ")":  # Sen. Rand Paul (R-Ky.) said
        k = j - 1
        while k >= lo and k > j - 12 and low[k] != "(":
            k -= 1
        if k < lo or low[k] != "(" or k == lo:
            return None
        j = k - 1
        w = low[j]
    if w == "%" and j > lo and low[j - 1][0].isdigit():
        j -= 1  # a poll's share as the speaker: "42% say"
        w = "percent"
    elif w[0].isdigit() and j - 2 >= lo and low[j - 1] in ("in", "of") and (
            low[j - 2] in NUMBER_WORDS or low[j - 2][0].isdigit() or low[j - 2] == "out"):
        # "Six in 10 say", "nine out of 10 voters": a poll's share as the speaker
        k = j - 2
        if low[k] == "out":
            k -= 1
        while k - 1 >= lo and (low[k - 1] in NUMBER_WORDS or low[k - 1] in QUANT_LEFT):
            k -= 1
        return k if k < j - 1 else None
    if not _is_word(w):
        return None
    if w in PRONOUNS:
        return j
    head_ok = (cap[j] and w not in FUNC) or w in SOURCE_HEADS or w in QUANT_HEADS
    if not head_ok and w not in FUNC and w not in ADVERBS:
        # a common noun after a determiner: "the company said"
        for k in (j - 1, j - 2, j - 3):
            if k < lo or not _is_word(low[k]) or qid[k] >= 0:
                break
            if low[k] in DETS or POSSESSORS and low[k].endswith(("'s", "s'")):
                head_ok = True  # "the company said", "Clinton's camp was pleased"
                break
            if low[k] in FUNC:
                break
    if not head_ok:
        return None
    start = j
    k = j - 1
    lo = max(lo, j - 15)  # a source phrase is short: bounded work per cue
    while k >= lo and qid[k] < 0:
        w = low[k]
        if w == "." and k > lo and (low[k - 1] in ABBREV or (
                MIDDLE_INITIALS and len(low[k - 1]) == 1 and cap[k - 1] and k - 2 >= lo
                and cap[k - 2] and k + 1 <= j and cap[k + 1])):
            # "Sen.", "U.S."; a middle initial between two names: "George W. Bush"
            k -= 1
            start = k
            k -= 1
            continue
        if w in ("-", "&") or (w == "'s" and k > lo):
            start = k
            k -= 1
            continue
        if not _is_word(w):
            break
        if cap[k] and w not in FUNC:
            start = k
        elif w in NP_LOWER or w in DETS or w in SOURCE_HEADS or w in ("of", "for", "at"):
            start = k
        elif POSSESSORS and w.endswith(("'s", "s'")) and k < j:
            start = k  # a possessor opens the phrase: "the Texas senator's allies say"
        elif w[0].isdigit() or w in NUMBER_WORDS or w in QUANT_LEFT and start < j + 1 and (
                low[start][0].isdigit() or low[start] in NUMBER_WORDS or low[start] in QUANT_HEADS):
            start = k  # "64 percent", "nearly half", "about a third"
        elif w == "and" and k > lo and cap[k - 1] and cap[k + 1]:
            start = k  # a name with "and": "the Organization for … Cooperation and Development"
        else:
            break
        k -= 1
    while start < j and low[start] in ("of", "for", "at", "-", "&", "and"):
        start += 1
    return start


# poll shares and quantifiers that speak for a group: "64 percent say", "most say", "others argue"
QUANT_HEADS = {"percent", "majority", "majorities", "plurality", "half", "third", "thirds",
               "quarter", "others", "some", "many", "most", "few", "fewer", "more"}
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                "eighty", "ninety", "hundred", "dozen", "dozens", "hundreds", "thousands"} | {
    f"{t}-{u}" for t in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                          "ninety") for u in ("one", "two", "three", "four", "five", "six",
                                              "seven", "eight", "nine")}
QUANT_LEFT = {"nearly", "almost", "about", "roughly", "only", "just", "over", "some", "a",
              "the", "than", "more", "less", "fewer", "around", "barely", "fully"}


def _np_right(p: Para, i: int, hi: int, appositive: bool) -> int | None:
    """End token (exclusive) of a noun phrase starting at token i, or None. With
    `appositive`, a following `, a …`/`, who …` up to the next comma or the sentence end
    belongs to it."""
    low, cap, qid = p.low, p.cap, p.qid
    if i >= hi or qid[i] >= 0 or not _is_word(low[i]):
        return None
    sent_hi = hi  # the appositive may run past the 15-token bound of the name itself
    if low[i] in PRONOUNS:
        end = i + 1
    else:
        k = i
        seen_head = False
        hi = min(hi, i + 15)
        while k < hi and qid[k] < 0:
            w = low[k]
            if w == "." and k > i and (low[k - 1] in ABBREV or (
                    MIDDLE_INITIALS and len(low[k - 1]) == 1 and cap[k - 1] and k - 2 >= i
                    and cap[k - 2] and k + 1 < hi and cap[k + 1])):  # "George W. Bush"
                k += 1
                continue
            if w in ("-", "&", "'s"):
                k += 1
                continue
            if w == "(":
                m = k + 1
                while m < hi and m < k + 12 and low[m] != ")":
                    m += 1
                if m < hi and low[m] == ")":
                    k = m + 1
                    continue
                break
            if not _is_word(w):
                break
            if cap[k] and w not in FUNC:
                seen_head = True
            elif w in SOURCE_HEADS:
                seen_head = True
            elif w in DETS or w in NP_LOWER or (w in ("of", "for", "at") and seen_head) or (
                    w in TITLE_ABBREV and k + 1 < hi and low[k + 1] == "."):
                pass  # "Mr. Manafort": the title's word is in FUNC, yet opens the name
            elif HEAD_AFTER_DET and not appositive and k == i + 1 and (low[i] in DETS or low[i] in QUANT_HEADS) \
                    and w not in FUNC and w not in ADVERBS and (
                        k + 1 >= hi or not _is_word(low[k + 1]) or low[k + 1] in FUNC
                        or low[k + 1] in ADVERBS):
                # a subject's common noun after its determiner, ending the phrase: "Most
                # presidents, …, have" (not "the unique magic of …": an adjective, its noun to
                # come; nor a speaker after an inverted verb: "…, opposed the measure")
                seen_head = True
            else:
                break
            k += 1
        while k > i and low[k - 1] in ("of", "for", "at", "the", "a", "an", "-", "&"):
            k -= 1
        if not seen_head or k == i:
            return None
        end = k
    if appositive and end < hi - 1 and low[end] == "," and (
            low[end + 1] in ("a", "an", "who", "the") or low[end + 1][0].isdigit()):
        k = end + 1
        hi = min(sent_hi, end + 30)
        while k < hi and low[k] not in (",", ";", ":") and qid[k] < 0 \
                and not (low[k] in END_PUNCT and p.ends_sentence(k)):
            k += 1
        # "a spokesman for X, said" — stop before a comma that ends the appositive
        end = k
    return end


TITLE_ABBREV = {"mr", "mrs", "ms", "dr"}
APPOSITIVE_GLUE = {"of", "for", "at", "in", "and", "the", "a", "an", "on", "to", ".", "-", "&",
                   "'s", "(", ")"}


def _appositive_np(p: Para, i: int, j: int) -> bool:
    """Is tokens [i, j) a noun-phrase appositive (`Mrs. Obama's chief of staff`, `Vermont's
    junior senator`): short, no verb-like word, a capitalised or role word in it?"""
    if j - i > 15 or j <= i:
        return False
    low, cap, qid = p.low, p.cap, p.qid
    seen = False
    for m in range(i, j):
        w = low[m]
        if qid[m] >= 0:
            return False
        if w in SOURCE_HEADS or (cap[m] and w not in FUNC):
            seen = True
        elif not (w in APPOSITIVE_GLUE or w in NP_LOWER or w in DETS or w.endswith("'s")):
            return False
    return seen


def _skip_left(p: Para, j: int, lo: int) -> int:
    """Skip adverbs and auxiliaries to the left of a cue: `has also repeatedly said`."""
    low = p.low
    lo = max(lo, j - 8)
    while j >= lo and p.qid[j] < 0 and (low[j] in ADVERBS or (
            low[j].endswith("ly") and not p.cap[j] and len(low[j]) > 3)):
        j -= 1
    return j


# an opening adverbial ("On Tuesday, …") ends within this many tokens; the bound changes no
# attribution on PolNeAR train+dev or 41,888 ABP paragraphs (checked against no bound) and
# keeps a long sentence opening with "On" linear
OPENING_MAX = 40


def _sentence_subject(p: Para, a: int, c: int) -> tuple[int, int] | None:
    """The first noun phrase of the main clause before token c (for participle cues)."""
    low = p.low
    i = a
    # skip an opening adverbial ("On Tuesday, …") up to the first comma
    if i < c and low[i] in ("on", "in", "at", "after", "before", "during", "earlier", "later",
                            "but", "and", "meanwhile", "however", "yesterday", "today"):
        k, limit = i, min(c, i + OPENING_MAX)  # bounded work per cue
        while k < limit and low[k] != ",":
            k += 1
        if k == limit:
            k = c  # no comma near: no opening adverbial to skip
        if k < c - 1 and low[i] not in ("but", "and"):
            i = k + 1
        elif low[i] in ("but", "and"):
            i += 1
    end = _np_right(p, i, c, appositive=False)
    if end is None:
        return None
    return i, end


def _clause_end(p: Para, i: int, b: int) -> int:
    """Last token (exclusive) of content running from token i to the sentence end, without the
    final punctuation."""
    k = b
    if b - i > 400:  # a runaway "sentence": keep content bounded (linear time overall)
        k = i + 400
    while k > i and p.low[k - 1] in END_PUNCT and p.qid[k - 1] < 0:
        k -= 1
    return k


def _right_is_clause(p: Para, i: int, b: int, min_words: int = 3) -> bool:
    """Does a reported clause follow from token i (not just `Tuesday` or `to reporters`)?
    With a speaking subject found, `min_words` may be lower: a short object (`opposed the
    war`, `called him a liar`) is what the subject said or thought."""
    low, qid = p.low, p.qid
    k = i
    while k < b and (low[k] in RIGHT_SKIP or low[k] in TIME_WORDS) and qid[k] < 0:
        k += 1
    if k >= b:
        # with a subject, a pronoun object is content: "Clinton hasn't endorsed him"
        return min_words < 3 and i < b and low[i] in OBJECT_PRONOUNS and qid[i] < 0
    if k < b and low[k] in END_PUNCT and min_words < 3 and low[i] in OBJECT_PRONOUNS:
        return True
    w = low[k]
    if w in ("that", ":") or k in p.qopen or w in (",",) and k + 1 < b and (k + 1) in p.qopen:
        return True
    words = 0
    for m in range(k, b):  # stop at three: linear time on long sentences
        if _is_word(low[m]):
            words += 1
            if words >= min_words:
                return True
    return False


def _span(p: Para, a: int, b: int) -> list[int] | None:
    if b <= a:
        return None
    return [p.st[a], p.en[b - 1]]


def _quote_span(p: Para, q: int) -> list[int]:
    s, e = p.quotes[q].inner
    text = p.text
    while e > s and (text[e - 1] in " ,;:`'\"“”«»" or text[e - 1].isspace()):
        e -= 1
    while s < e and (text[s] in "`'\"“”«»" or text[s].isspace()):
        s += 1
    return [s, e]


def _left_content(p: Para, src_start: int, a: int) -> list[list[int]] | None:
    """Content before a source that ends the sentence: `"…," X said` / `…, X said.`"""
    k = src_start - 1
    if k < a:
        return None
    low = p.low
    if low[k] == "," and k - 1 >= a and p.qid[k - 1] >= 0:
        k -= 1
    if p.qid[k] >= 0:
        q = p.qid[k]
        frags = [_quote_span(p, q)]
        return frags
    if low[k] in (",", "—", "–", "-", "--") and k > a:
        return [_span(p, max(a, k - 400), k)]  # bounded: linear time on runaway sentences
    return None


def extract_paragraph(text: str, quotes: list | None = None) -> tuple[list[dict], list]:
    """Attributions of one paragraph as raw dicts (spans and cue facts, no classification),
    and the paragraph's quotes (`find_quotes(text)`, found here unless the caller has them)."""
    p = Para(text, quotes)
    low, qid = p.low, p.qid
    out: list[dict] = []
    used_quotes: set[int] = set()
    nouns = noun_index()
    starts = cue_starts()
    i = _skip_dateline(p)
    # only a token that can start a cue (or "in", for `in a statement`) does anything below;
    # every other token is stepped over, so the loop visits just those
    for k in [k for k, w in enumerate(low) if w in starts]:
        if k < i:
            continue  # inside a cue or construction already taken
        i = k
        if qid[i] >= 0:
            continue
        si = p.sent_of[i]
        a, b = p.sents[si]
        if i > a and (low[i - 1] in POSSESSIVE_PRONOUNS or low[i - 1].endswith(("'s", "s'"))) \
                and qid[i - 1] < 0:
            cue = match_cue(low, i, b, nouns)
            if cue is not None:
                rec = _possessive(p, cue, i, i + len(cue.words), a, b)
                if rec is not None:
                    out.append(rec)
                    i += len(cue.words)
                    continue
        cue = match_cue(low, i, b)
        if cue is None:
            if low[i] == "in":
                rec = _in_document(p, i, a, b)
                if rec is not None:
                    out.append(rec)
                    i = rec["_c1"]
            continue
        c0, c1 = i, i + len(cue.words)
        i = c1
        rec = _attribute(p, cue, c0, c1, a, b, out)
        if rec is None:
            continue
        # a nominal cue right after a verb cue belongs to it: "said in a statement"
        if cue.kind == "nominal" and out and out[-1]["_c1"] in (c0, c0 - 1):
            out[-1]["cue_span"][1] = p.en[c1 - 1]
            out[-1]["_c1"] = c1
            continue
        for q in rec.get("_quotes", ()):
            used_quotes.add(q)
        out.append(rec)
    _colon_speakers(p, out)
    if CONSTRUCTIONS:
        reporting_clauses(p, out)
    _split_quotes(p, out, used_quotes)
    if TRIM:  # before the nested-attitude pass, which looks at where contents reach
        _trim_contents(p, out)
    if NESTED_DROP:
        out = _drop_nested_attitudes(out)
    out = [rec for rec in out if _opener_source(p, rec) not in PAGE_FURNITURE]
    for rec in out:
        if _sourceless(p, rec) or _opener_source(p, rec) in OPENERS:
            rec["source_span"] = None
        elif RELATIVE_SOURCES:
            _relative_source(p, rec)
        rec.pop("_c1", None)
        rec.pop("_quotes", None)
        rec.pop("_agent", None)
        rec.pop("_state", None)
    return out, p.quotes


# evidential verbs of appearance: "Clinton seems to have found …", "It appears that …" — the
# writer's own hedged judgement; the grammatical subject is what the content is about
RAISING = {"seem", "seems", "seemed", "appear", "appears", "appeared"}
# participles that, after a form of "be", make a passive report: "X is expected to win" (the
# expecters go unnamed), "X was asked about …" (X is the addressee, the asker unnamed)
PASSIVE_PARTICIPLES = {"expected", "asked"}


# capitalised sentence openers that are never a speaker standing alone. Page furniture
# ("Story Continued Below", "Story highlights", "Please verify you're not a robot") makes no
# attribution; after an adverbial opener ("Despite calls for …, fighting … saying") the report
# is often real (PolNeAR train: 21 of 23) but its speaker is not the opener: no source. ABP
# before 0.4.1: 416 "Story", 28 "Please", 33 "Despite", 13 "Having" sources.
PAGE_FURNITURE = {"story", "please", "click"}
OPENERS = {"despite", "having", "perhaps", "indeed", "thus", "among", "amid", "besides",
           "aside", "given", "adding", "facing", "following", "pressed", "shortly",
           "likewise", "similarly", "separately", "maybe", "almost", "talking", "hours",
           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _opener_source(p: Para, rec: dict) -> str:
    """The source's word when the source is one capitalised word, else ""."""
    src = rec.get("_src")
    return p.low[src[0]] if src and src[1] - src[0] == 1 and p.cap[src[0]] else ""


def _sourceless(p: Para, rec: dict) -> bool:
    """Does the cue take no source (PolNeAR and news style): a passive report or an evidential
    `seem`/`appear`, whose subject is the topic of the content, not its speaker?"""
    if rec["cue_kind"] == "passive":
        return not rec.get("_agent")  # "was criticized by X": the agent is the source
    c0 = bisect_left(p.st, rec["cue_span"][0])
    c1 = rec["_c1"]
    words = p.low[c0:c1]
    if not words:
        return False
    if words[-1] in RAISING:
        return True
    if words[-1] in PASSIVE_PARTICIPLES:
        before = words[:-1] or ([p.low[c0 - 1]] if c0 > 0 else [])
        # "is (widely) expected", "had been asked"; not "Trump expected"
        return any(w in BE_FORMS for w in before[-3:])
    return False


RELATIVE_SOURCES = {"who", "which"}


# "A TV screen shows an image of …", "The photo shows Kim at the station": a picture's
# content, described by the journalist (captions), is not a report
SHOW_VERBS = {"show", "shows", "showed", "shown", "showing"}
DEPICTIONS = {"screen", "screens", "photo", "photos", "photograph", "photographs", "picture",
              "pictures", "image", "images", "video", "videos", "footage", "clip", "clips",
              "television", "tv", "monitor", "camera", "cameras", "scene"}


def _depicts(p: Para, src: tuple[int, int] | None, c1: int, b: int) -> bool:
    """Is a `show` cue's subject or object a picture or a screen?"""
    low = p.low
    if src is not None and low[src[1] - 1] in DEPICTIONS:
        return True
    k = c1
    while k < b and k < c1 + 3 and low[k] in ("a", "an", "the", "this", "these"):
        k += 1
    return k < b and low[k] in DEPICTIONS


def _relative_pronoun(p: Para, c0: int, a: int) -> int | None:
    """Token of the relative pronoun that is the subject of the cue at c0 (`who has said`)."""
    low, qid = p.low, p.qid
    t = c0 - 1
    lo = max(a, c0 - 6)
    while t >= lo and qid[t] < 0 and low[t] not in RELATIVE_SOURCES and (
            low[t] in ADVERBS or (low[t].endswith("ly") and len(low[t]) > 3)):
        t -= 1
    if TIME_SKIP and t > a and qid[t] < 0 and low[t] in TIME_HEADS:
        t = _skip_time(p, t, max(a, t - 6))  # "who (later) on Tuesday endorsed Clinton"
        lo = max(a, t - 6)
        while t >= lo and qid[t] < 0 and low[t] not in RELATIVE_SOURCES and (
                low[t] in ADVERBS or (low[t].endswith("ly") and len(low[t]) > 3)):
            t -= 1
    if t < lo or qid[t] >= 0 or low[t] not in RELATIVE_SOURCES:
        return None
    return t


def _relative_source(p: Para, rec: dict) -> None:
    """`Mr. Sanders, who said he …`, `a report which found …`: in a relative clause the
    relative pronoun is the cue's subject (PolNeAR marks `who` as the source); the source
    runs from the antecedent, when it is the noun phrase right before, through the pronoun."""
    low = p.low
    c0 = bisect_left(p.st, rec["cue_span"][0])
    t = _relative_pronoun(p, c0, 0)
    if t is None:
        return
    src = rec.get("_src")
    a = p.sents[p.sent_of[t]][0]
    start = t
    if src is not None and src[1] in (t, t - 1) and src[0] < t:
        start = src[0]  # "X, who": the antecedent found already
    elif t - 2 >= a and low[t - 1] == ",":
        s0 = _np_left(p, t - 2, a)
        if s0 is not None:
            start = s0
    elif t - 1 >= a:
        s0 = _np_left(p, t - 1, a)
        if s0 is not None:
            start = s0  # "a birther who has pledged"
    rec["source_span"] = [p.st[start], p.en[t]]


# attitude cues (believe, support, pledge, allege, decline …) that, inside another cue's
# reported content, are part of what was reported (each class kept by train and dev F1)
NESTED_DROP = {"tentative", "endorsing", "commissive", "distancing", "refusal"}


def _drop_nested_attitudes(out: list[dict]) -> list[dict]:
    """`Trump said he believed the US would win`: an attitude cue (believe, want, support,
    plan …) inside the reported content of an earlier cue is part of what was reported, not a
    second attribution. One sweep over the content fragments that follow their cue."""
    frags = sorted((f[0], f[1]) for r in out for f in r["content_fragments"]
                   if f[0] >= r["cue_span"][1])
    keep, k, reach = [], 0, -1
    for rec in sorted(out, key=lambda r: r["cue_span"][0]):
        cs, ce = rec["cue_span"]
        while k < len(frags) and frags[k][0] <= cs:
            reach = max(reach, frags[k][1])
            k += 1
        if (rec["cue_class"] in NESTED_DROP or rec.get("_state")) and reach >= ce:
            continue  # a state after `be` ("he wouldn't be worried about") likewise
        keep.append(rec)
    return keep


def _attribute(p: Para, cue: Cue, c0: int, c1: int, a: int, b: int, prior: list[dict]):
    low, qid = p.low, p.qid
    kind = cue.kind
    src: tuple[int, int] | None = None
    content: list[list[int]] | None = None
    quotes_used: list[int] = []
    stative = False
    rule = None  # a construction's name when it, not the cue's kind, found the attribution

    if kind == "nominal":
        if prior and prior[-1]["_c1"] in (c0, c0 - 1):
            return {}
        return None
    if kind == "adverb":  # "reportedly": the clause around it, no source
        content = [_span(p, a, _clause_end(p, a, b))]
        return _record(p, cue, c0, c1, None, content, [])

    if kind == "according":
        # "according to X," / ", according to X.": the source runs to the clause end
        end = c1
        while end < b and end < c1 + 30 and low[end] not in (",", ";", "—", "–", "--", ":") \
                and not (low[end] in END_PUNCT and p.ends_sentence(end)) and end not in p.qopen:
            end += 1
        if end == c1 or not _is_word(low[c1]):
            return None
        src = (c1, end)
        if end < b and low[end] == "," and c0 <= a + 1:
            content = [_span(p, end + 1, _clause_end(p, end + 1, b))]
        else:
            k = c0 - 1
            if k >= a and low[k] in (",", "—", "–", "(", "--"):
                k -= 1
            # bounded like _left_content: linear time on runaway sentences
            content = [_span(p, max(a, k - 400), k + 1)] if k >= a else None
            if content is None and end < b:
                content = [_span(p, end, _clause_end(p, end, b))]
        return _record(p, cue, c0, c1, src, content, quotes_used)

    if RAISING_CLAUSES and kind == "verb" and cue.words == (low[c0],) and low[c0] in RAISING:
        rec = _raising(p, cue, c0, c1, a, b)
        if rec is not None:
            return rec
    if kind in ("verb", "ing") and c0 > a and len(cue.words) == 1 and (
            low[c0 - 1] in ARTICLES and cue.words[0].endswith(("ed", "ing"))
            or low[c0 - 1] in POSSESSIVE_PRONOUNS and cue.words[0].endswith("ed")):
        # a participle or gerund after an article, or a participle after a possessive, is no
        # verb: "an estimated 200", "the pledged delegates", "the planning", "his repeated
        # attempts" (but "her supporting it": a gerund with its subject is a report)
        return None
    if kind == "verb" and c0 > a and len(cue.words) == 1 and \
            low[c0 - 1] in NOUN_AFTER.get(cue.words[0], ()):
        return None  # a noun after its modifier: "a phone call", "more details", "roll call"
    if kind == "ing" and not cue.strong and c1 < b and low[c1] in ING_BAD_NEXT:
        return None  # a weak participle with no complement: "a strong showing in Iowa",
        # "backing down", "seeking out", "planning and"
    if kind in ("ing", "citing"):
        for rec in reversed(prior):
            if rec["_sent"] != p.sent_of[c0]:
                break
            if rec.get("_src"):
                src = rec["_src"]
                break
        if src is None:
            src = _sentence_subject(p, a, c0)
        if kind == "citing":
            end = _np_right(p, c1, b, appositive=False)
            if end is None and CITING_PHRASE:
                end = _cited_phrase(p, c1, b)
            content = [_span(p, c1, end)] if end else None
            if content is None:
                return None
        else:
            content, quotes_used = _right_content(p, c1, b)
            if content is None:
                return None
        return _record(p, cue, c0, c1, src, content, quotes_used)

    if REDUCED_PASSIVE and kind == "verb" and c0 > a and c1 + 1 < b and low[c1] == "by" and \
            low[c0 - 1] == "," and qid[c0 - 1] < 0 and (
                low[c0].endswith("ed") or low[c0] in IRREGULAR_PARTICIPLES):
        rec = _reduced_passive(p, cue, c0, c1, a, b)
        if rec is not None:
            return rec
    if BARE_REDUCED_PASSIVE and kind == "verb" and c0 > a and c1 + 1 < b and low[c1] == "by" \
            and qid[c0 - 1] < 0 and _is_word(low[c0 - 1]) and low[c0 - 1] not in FUNC \
            and low[c0 - 1] not in ADVERBS and low[c0 - 1] not in BE_FORMS and (
                low[c0].endswith("ed") or low[c0] in IRREGULAR_PARTICIPLES):
        rec = _bare_reduced_passive(p, cue, c0, c1, a, b)
        if rec is not None:
            return rec
    # finite verbs, passives and refusals
    if kind == "verb" and c0 > a and _be_before(p, c0, a) is not None:
        w = low[c0]
        if not PASSIVES:
            return None
        if (w.endswith("ed") or w in IRREGULAR_PARTICIPLES) and w not in STATIVE:
            # "was announced", "has been widely criticized by X": a passive report
            return _passive(p, cue, c0, c1, a, b)
        # else a predicative adjective or a state (`is critical of`, `are worried about`):
        # the subject holds the attitude, as with an active verb, and must be found
        stative = True
    j = _skip_left(p, c0 - 1, a)
    while stative and j > a and qid[j] < 0 and low[j] in DEGREE:
        j = _skip_left(p, j - 1, a)  # "leaders have been more willing to": not "more"
    if TIME_SKIP and j > a and qid[j] < 0 and (low[j] in TIME_HEADS or low[j][0].isdigit()):
        j = _skip_left(p, _skip_time(p, j, a), a)
    if FINAL_CLAUSE and kind == "verb" and not stative and j > a:
        final = _final_report(p, c1, j, a, b)
        if final is not None:
            return _record(p, cue, c0, c1, *final)
    left_start = _np_left(p, j, a) if j >= a else None
    if left_start is None and EVIDENTIAL and cue.words[0] in EVIDENTIAL_VERBS and j >= a:
        src = _evidence_subject(p, j, a)
    if left_start is None and src is None and PLURAL_SUBJECTS and j >= a and not stative:
        left_start = _plural_subject(p, j, a, c1, b)
    if left_start is None and j >= a and low[j] in ("who", "which") and j - 1 > a \
            and low[j - 1] == ",":
        left_start = _np_left(p, j - 2, a)
        if left_start is not None:
            src = (left_start, j - 1)
    elif left_start is not None:
        src = (left_start, j + 1)
    if src is None and j > a and low[j] == "to" and INFINITIVES:
        src = _infinitive_subject(p, a, j)
        if src is None and LONG_INFINITIVES and not cue.strong:
            src = _purpose_subject(p, a, j)
            rule = "purpose-infinitive" if src is not None else None
    if src is None and j >= a and (low[j] == "," or j in p.qclose):
        # inversion: "…," said Smith, a spokesman
        end = _np_right(p, c1, b, appositive=True)
        if end is not None and (end >= b or low[end] in (",", ".", ";", "!", "?", ":")
                                or end in p.qopen or qid[end] >= 0):
            content = _left_content(p, c0, a)
            if content is not None:
                quotes_used = [qid[c0 - 1 if qid[c0 - 1] >= 0 else c0 - 2]] if (
                    c0 - 1 >= a and (qid[c0 - 1] >= 0 or (c0 - 2 >= a and qid[c0 - 2] >= 0))
                ) else []
                rec = _record(p, cue, c0, c1, (c1, end), content, quotes_used)
                rec["_end"] = end
                return rec
            if not INVERSION_FALLTHROUGH:
                return None
            # no content before the cue: no inversion ("Mr. Ubben, who …, has defended the
            # company" is no "…," said the company); the appositive rules below
        if low[j] == ",":
            # appositive: "Smith, a spokesman for X, said" / "Smith, who …, said"
            k = j - 1
            while k > a and low[k] != "," and qid[k] < 0 and k > j - 40:
                k -= 1
            if k > a and low[k] == "," and (low[k + 1] in ("who", "a", "an", "the", "which")
                                             or low[k + 1][0].isdigit()
                                             or _appositive_np(p, k + 1, j)):
                start = _np_left(p, k - 1, a)
                if start is not None:
                    src = (start, j)
    if src is None:
        # subordinate or coordinated cue: "and said", "but sounded", "who has said"
        if j >= a and low[j] in ("and", "but"):
            src = _sentence_subject(p, a, c0)
        # weak cues too: "Others, however, say …", "X, a former aide, called Y a …"
        if src is None and SUBJECT_FALLBACK and j > a and low[j] == ",":
            src = _parenthetical_subject(p, a, j)
        if src is None and RELATIVE_SUBJECTS:
            t = _relative_pronoun(p, c0, a)
            if t is not None:
                src = (t, t + 1)  # "critics, who say …": _relative_source adds the antecedent
                rule = "relative-subject"
        if NOMINAL_USE and src is None and not cue.strong and kind == "verb" and c0 > a:
            rec = _nominal_use(p, cue, c0, c1, a, b)
            if rec is not None:
                return rec
        if kind != "refusal" and not cue.strong and src is None and not (
                WEAK_THAT and c1 < b and low[c1] == "that" and low[c0] not in WEAK_THAT_NOUNS):
            return None
    if stative and src is None:  # after the appositive rules: "X, a lawyer, was concerned"
        return None
    if kind == "refusal":  # after the appositive rules: "X, a spokesman, declined to comment"
        if src is None:
            return None
        return _record(p, cue, c0, c1, src, None, [])
    if DEPICTION and low[c0] in SHOW_VERBS and _depicts(p, src, c1, b):
        return None
    right_clause = _right_is_clause(p, c1, b, SHORT_OBJECT if src is not None else 3)
    if QUOTE_BEFORE and src is not None and src[0] == a and a > 0 and not right_clause:
        # `"Why not?" Rubio said.`: a quote ending in . ? or ! closes its sentence, so the
        # reporting clause after it stands alone; its content is the quote just before it
        q = qid[a - 1]
        if q >= 0 and p.quotes[q].closed and a - 1 in p.qclose and not any(
                q in r.get("_quotes", ()) for r in prior):  # not one attributed already
            content, quotes_used = [_quote_span(p, q)], [q]
            rule = "quote-before"
    if src is not None and content is None:
        left = _left_content(p, src[0], a)
        if left is not None and not (right_clause and low[c1] in ("that", ":")):
            short_right = not right_clause
            if short_right or src[0] - 1 >= a and qid[src[0] - 1] >= 0:
                content = left
                k = src[0] - 1
                if low[k] == ",":
                    k -= 1
                if qid[k] >= 0:
                    quotes_used = [qid[k]]
    if content is None and src is not None and src[0] - 1 > a and low[src[0] - 1] == ",":
        # a parenthetical attribution: "A, many economists say, because B" — A and B
        left = _left_content(p, src[0], a)
        k = c1
        while k < b and qid[k] < 0 and (low[k] in TIME_WORDS or low[k] in RIGHT_SKIP):
            k += 1
        if left is not None and k < b and low[k] == ",":
            end = _clause_end(p, k + 1, b)
            content = left + ([_span(p, k + 1, end)] if end > k + 1 else [])
    if content is None and GAPS and src is not None and src[0] - 1 >= a and \
            low[src[0] - 1] in ("that", "which") and qid[src[0] - 1] < 0 and c1 < b and \
            low[c1] in FINITE and len(cue.words) == 1:
        # a report inside a relative clause whose subject is the gap: "the kind of job that
        # many economists say is the future" — the relative pronoun and what follows the cue
        end = _clause_end(p, c1, b)
        if end > c1:
            content = [_span(p, src[0] - 1, src[0]), _span(p, c1, end)]
    if content is None and OBJECT_GAP and src is not None and kind == "verb" and not stative:
        content = _object_gap(p, src, c1, a, b)
        rule = "object-gap" if content is not None else rule
    if content is None:
        if not right_clause:
            return None
        weak_that = WEAK_THAT and c1 < b and low[c1] == "that" and kind == "verb" and \
            low[c0] not in WEAK_THAT_NOUNS
        if not cue.strong and src is None and not weak_that:
            return None
        content, quotes_used = _right_content(p, c1, b)
        if content is None:
            return None
        if not cue.strong:
            # weak cues only with a speaking subject and a clause, not a prepositional phrase
            first = c1
            if not (c1 + 1 < b and low[c1] in CLAUSE_SUBJECTS and low[c1 + 1] in FINITE):
                # "say it is", "think this was", "believe they will": a clause, not an object
                while first < b and low[first] in RIGHT_SKIP and low[first] not in (
                        "to", "on", "in", "at"):
                    first += 1
                if (first >= b or low[first] in WEAK_BAD_NEXT) and not (
                        TOPIC_PREPS and src is not None and first == c1 and low[c1] in TOPIC_PREPS
                        and c1 + 1 < b and _is_word(low[c1 + 1])) and not (
                        PARTICLES and src is not None and first == c1 and low[c1] in PARTICLES
                        and c1 + 2 < b and _is_word(low[c1 + 1]) and low[c1 + 1] not in (
                            "and", "or", "but", "at", "in", "to")) and not (
                        OBJECT_STANCE and src is not None and low[c1] in STANCE_OBJECTS
                        and (low[c1 - 1] in OBJECT_STANCE or _characterizes(p, c1, c1, b))):
                    return None
                if low[c1] in STANCE_OBJECTS and content[0][0] > p.st[c1]:
                    content = [[p.st[c1], content[0][1]]] + content[1:]  # "see him as …"
            if src is None and not weak_that:
                return None
    if src is None and kind not in ("passive",) and not cue.strong and not (
            content is not None and weak_that):
        return None
    rec = _record(p, cue, c0, c1, src, content, quotes_used)
    if rule:
        rec["_rule"] = rule  # the construction, for the `rule` column
    if stative:
        rec["_state"] = True
    return rec


PASSIVES = True
# a weak verb followed by `that` reports a clause even when its subject is out of reach (a
# coordination, a long parenthetical): "…, but insist that …", "and acknowledge that …";
# not the forms that are as often nouns ("polls show that", "the attacks that")
WEAK_THAT = True
WEAK_THAT_NOUNS = {"show", "shows", "issues", "attack", "attacks", "call", "calls", "remember",
                   "know", "talk", "claim", "plans", "request", "add", "worry", "feel", "think"}
# weak verbs of stance toward a person or thing take a pronoun object as their content, with a
# speaking subject: "Cruz opposed it", "Democrats backed him", "she has praised them"
OBJECT_STANCE = {"support", "supports", "supported", "oppose", "opposes", "opposed", "favor",
                 "favors", "favored", "backed", "backs", "criticize", "blast", "slam", "condemn",
                 "denounce", "mock", "accuse", "blame", "reject", "dismiss", "praise", "defend",
                 "welcome", "thank", "embraced", "celebrated", "cheered", "attack", "attacks",
                 "knocked", "ripped", "challenged", "question", "deny", "credited", "accept",
                 "accepts", "accepted", "prefer", "prefers", "preferred"}
STANCE_OBJECTS = {"it", "him", "her", "them", "us", "me"}
# verbs of perceiving and naming that characterise a pronoun object: "voters see him as a
# strong leader", "he called it a disaster", "critics labeled her a hypocrite"
SEEING = {"see", "sees", "saw", "view", "views", "viewed", "consider", "considers",
          "considered", "regard", "regards", "regarded", "characterize", "characterizes",
          "characterized", "portray", "portrays", "portrayed", "describe", "describes",
          "described"}
NAMING = {"call", "calls", "called", "label", "labels", "labeled", "labelled", "dub", "dubs",
          "dubbed", "named", "deemed", "branded", "brand", "brands"}


def _characterizes(p: Para, c1: int, first: int, b: int) -> bool:
    """Is the cue a verb of seeing or naming whose pronoun object (token `first`) is followed
    by its characterisation: `as …` (see, view, call) or a noun phrase or quote (call, label)?"""
    verb, nxt = p.low[c1 - 1], first + 1
    if nxt >= b or p.qid[first] >= 0:
        return False
    if verb in SEEING or verb in NAMING:
        if p.low[nxt] == "as":
            return True
    return verb in NAMING and (p.low[nxt] in ("a", "an", "the", "one") or nxt in p.qopen)


REDUCED_PASSIVE = True
BARE_REDUCED_PASSIVE = True


INFINITIVES = True
CITING_PHRASE = True


def _cited_phrase(p: Para, c1: int, b: int) -> int | None:
    """What `citing` names when it is no name: a common noun phrase running to the next
    comma, semicolon or the sentence end (`…, citing internal documents, reported`, `citing
    changes in the political environment.`). Bounded at 25 tokens; None for a clause
    (`citing that …`) or nothing."""
    low, qid = p.low, p.qid
    if c1 >= b or qid[c1] >= 0 or not _is_word(low[c1]) or low[c1] in ("that", "the") and \
            c1 + 1 < b and not _is_word(low[c1 + 1]):
        return None
    k = c1
    hi = min(b, c1 + 25)
    while k < hi and qid[k] < 0 and low[k] not in (",", ";", ":", "—", "–", "--", "(") and \
            low[k] not in END_PUNCT:
        k += 1
    if k == hi and hi < b:
        return None
    while k > c1 and not _is_word(low[k - 1]):
        k -= 1
    return k if k > c1 else None


def _subject_before(p: Para, a: int, j: int, gap: int) -> tuple[int, int] | None:
    """The sentence's subject when it ends before token j, at most `gap` tokens before it."""
    subj = _sentence_subject(p, a, j)
    if subj is None or subj[1] >= j or j - subj[1] > gap:
        return None
    return subj


def _infinitive_subject(p: Para, a: int, j: int) -> tuple[int, int] | None:
    """`Trump plans to endorse X`, `voters are more likely to say …`, `Cruz went on Fox to
    attack Y`: a cue in a `to`-infinitive (token j is `to`) is the act of the main clause's
    subject, when a short verb group without punctuation links the two."""
    subj = _subject_before(p, a, j, 7)
    if subj is None:
        return None
    s1 = subj[1]
    low, qid = p.low, p.qid
    for k in range(s1, j):
        w = low[k]
        if qid[k] >= 0 or not _is_word(w) or w in INFINITIVE_BLOCK or w in DETS or (
                p.cap[k] and w not in FUNC):
            return None  # not a verb group: "is one of the few countries to", "seems to"
    return subj


INFINITIVE_BLOCK = {"that", "which", "who", "and", "but", "or", "to", "of", "for", "in", "on",
                    "at", "with", "from", "by", "about", "into", "seem", "seems", "seemed",
                    "appear", "appears", "appeared", "it", "this"}


SUBJECT_FALLBACK = True
SHORT_OBJECT = 1
# a pronoun + finite verb right after a weak cue opens a complement clause ("say it is")
CLAUSE_SUBJECTS = {"it", "this", "that", "there", "they", "he", "she", "we", "i", "you",
                   "these", "those"}
FINITE = {"is", "was", "are", "were", "will", "would", "could", "can", "should", "may",
          "might", "must", "has", "have", "had", "does", "did", "do", "'s", "'re", "'ll", "'d",
          "wo", "ca", "never", "also", "still", "just", "already", "remains", "needs"}


def _parenthetical_subject(p: Para, a: int, j: int) -> tuple[int, int] | None:
    """`Humphrey, who calls Trump a "sociopath," said …`, `Nigel Farage, leader of the UK
    Independence Party, says …`, `Mr. Manafort, citing …, said …`: the cue follows a comma
    that closes a parenthetical after the sentence's subject; the source is that subject (the
    nearest subject noun phrase of the sentence, with its appositive)."""
    subj = _sentence_subject(p, a, j)
    if subj is None:
        return None
    s0, s1 = subj
    low = p.low
    if s1 >= j or low[s1] != "," or j - s1 > 40 or not (
            p.cap[s1 - 1] or low[s1 - 1] in SOURCE_HEADS or low[s1 - 1] in PRONOUNS
            or low[s1 - 1] == ")"):  # "Rep. Gregory W. Meeks (D-N.Y.), chairman of …, said"
        return None
    for k in range(s1, j):
        if (low[k] in END_PUNCT or low[k] in (";", "but") or low[k] == "and" and not (
                p.cap[k - 1] and k + 1 < j and p.cap[k + 1])) and p.qid[k] < 0:
            return None  # a second clause; but "Others, like Ohio and Iowa, have voted"
    first = low[s1 + 1]
    if first.endswith("ing") or first in ("for", "however", "meanwhile", "though", "too",
                                          "in", "on", "at", "after", "before", "by", "like",
                                          "as", "while", "although", "despite", "unlike"):
        return s0, s1  # an adverbial or participle clause: the subject alone
    return s0, j  # an appositive: "Nigel Farage, leader of …"


POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "our", "my"}
ING_BAD_NEXT = {"in", "up", "down", "and", "or", "but", "from", "off", "over", "with", "out",
                "is", ",", "("}
ARTICLES = {"the", "a", "an"}
# cue words that are nouns (or adjectives) after these words: "in a phone call to media" has
# no speaker "a phone"; "more details about the incident emerge" none "more" (ABP: 115
# "call(s)" and 42 "detail(s)" read as reports before 0.4.1)
_CALL_NOUN = frozenset({"phone", "telephone", "conference", "roll", "911", "video", "wake-up",
                        "cellphone", "zoom"})
_MORE_OF = frozenset({"more", "further", "new", "additional", "few", "fewer", "any", "scant"})
NOUN_AFTER = {"call": _CALL_NOUN, "calls": _CALL_NOUN, "detail": _MORE_OF,
              "details": _MORE_OF, "detailed": _MORE_OF}
DOCUMENT_HEADS = {"poll", "survey", "study", "report", "analysis", "memo",
                  "filing", "lawsuit", "complaint", "indictment", "book", "editorial", "op-ed",
                  "column", "ruling", "tally", "count", "census"}
IN_DOCUMENT = Cue("in", "neutral", "document", True, ("in",))
_DATELINE_HINT = re.compile(r"^[^a-z]{2,60}?(?:\s[—–-]{1,2}\s|\(|,\s)")


def _skip_dateline(p: Para) -> int:
    """First token after a leading dateline (`WASHINGTON —`, `SEOUL (Reuters) -`), which is
    never a source; the first sentence then starts after it. 0 without a dateline."""
    text = p.text
    if not p.sents or not _DATELINE_HINT.match(text):
        return 0
    from ..segment import find_credits
    end = next((c.end for c in find_credits(text) if c.layer == "dateline"), 0)
    if not end:
        return 0
    k = bisect_left(p.st, end)
    a, b = p.sents[0]
    if k >= b:
        return 0
    p.sents[0] = (k, b)
    return k


def _in_document(p: Para, i: int, a: int, b: int):
    """`In a Des Moines Register poll last month, Cruz led …` / `… led in the new Post-ABC
    poll`: a poll, survey or report introduced by `in` is the source of the clause."""
    low, cap, qid = p.low, p.cap, p.qid
    if qid[i] >= 0 or i + 1 >= b or not (low[i + 1] in DETS or cap[i + 1]):
        return None
    k = i + 1
    head = None
    hi = min(b, i + 12)
    while k < hi and qid[k] < 0 and (_is_word(low[k]) or low[k] in ("-", "/", "'s", "&", ".")):
        if low[k] in DOCUMENT_HEADS:
            head = k
            break
        if low[k] in FUNC and low[k] not in DETS and low[k] not in ("of", "for", "and"):
            break
        k += 1
    if head is None:
        return None
    src = (i + 1, head + 1)
    if i == a or (i == a + 1 and low[a] in ("but", "and")):
        k = head + 1
        while k < b and low[k] != "," and qid[k] < 0 and k < head + 8:
            k += 1
        if k >= b or low[k] != ",":
            return None
        end = _clause_end(p, k + 1, b)
        content = [_span(p, k + 1, end)] if end > k + 1 else None
    else:
        k = i - 1
        if low[k] == ",":
            k -= 1
        content = [_span(p, max(a, k - 400), k + 1)] if k >= a else None
    if not content or not content[0]:
        return None
    lo, hi = bisect_left(p.st, content[0][0]), bisect_left(p.st, content[0][1])
    used = sorted({qid[m] for m in range(lo, min(hi, lo + 400)) if qid[m] >= 0})
    return _record(p, IN_DOCUMENT, i, i + 1, src, content, used)


def _possessive(p: Para, cue: Cue, c0: int, c1: int, a: int, b: int):
    """A nominal cue after its possessor: `Trump's decision to …`, `his support for …`. The
    possessor is the source; the content runs from the cue to the next comma or the clause
    end (the complement of the noun)."""
    low, qid = p.low, p.qid
    j = c0 - 1
    if low[j] in POSSESSIVE_PRONOUNS:
        src = (j, c0)
    else:
        start = _np_left(p, j, a)
        if start is None:
            return None
        src = (start, c0)
    end = c1
    limit = min(b, c1 + 30)
    while end < limit and low[end] not in (",", ";", ":", "—", "–", "--", "(", ")") and \
            not (low[end] in END_PUNCT and p.ends_sentence(end)):
        end += 1
    if end == c1 or not _is_word(low[c1]):
        return None
    used = sorted({qid[m] for m in range(c1, end) if qid[m] >= 0})
    return _record(p, cue, c0, c1, src, [_span(p, c1, end)], used)


def _right_content(p: Para, c1: int, b: int):
    """Content after the cue: a quote (colon or comma introduced) or the rest of the sentence."""
    low, qid = p.low, p.qid
    k = c1
    while k < b and low[k] in (":", ",", "that") and qid[k] < 0:
        k += 1
    if k >= b:
        return None, []
    if k in p.qopen:
        q = p.qopen[k]
        qs = _quote_span(p, q)
        after = _clause_end(p, k, b)
        last_q = qid[after - 1] if after > k else -1
        if last_q == q or after <= k:
            return [qs], [q]
        return [[qs[0], p.en[after - 1]]], [q]
    end = _clause_end(p, c1, b)
    # skip addressee/time words right after the cue: "told reporters Tuesday that"
    s = c1
    while s < end and low[s] in CONTENT_SKIP and qid[s] < 0:
        s += 1
    if s >= end:
        if end > c1 and low[c1] in OBJECT_PRONOUNS:
            s = c1  # the object pronoun itself: "endorsed him"
        else:
            return None, []
    used = sorted({qid[m] for m in range(s, min(end, s + 400)) if qid[m] >= 0})
    return [_span(p, s, end)], used


def _record(p: Para, cue: Cue, c0: int, c1: int, src, content, quotes_used) -> dict:
    return {
        "cue_span": [p.st[c0], p.en[c1 - 1]],
        "source_span": _span(p, *src) if src else None,
        "content_fragments": [f for f in (content or []) if f],
        "cue_class": cue.cls,
        "cue_kind": cue.kind,
        "_src": src,
        "_c1": c1,
        "_sent": p.sent_of[c0],
        "_quotes": quotes_used,
    }


def _split_quotes(p: Para, out: list[dict], used: set[int]) -> None:
    """`"A," X said. "B."` and `"A," X said, "B."`: the quote after the cue continues the
    content of an attribution whose content is the quote before it."""
    low, qid = p.low, p.qid
    for rec in out:
        qs = rec.get("_quotes")
        if not qs or rec["cue_kind"] == "refusal":
            continue
        first_frag = rec["content_fragments"][0] if rec["content_fragments"] else None
        if first_frag is None or first_frag[0] > rec["cue_span"][0]:
            continue  # content after the cue already
        k = rec.get("_end") or rec["_c1"]
        if rec.get("_src") and rec["_src"][1] > k:
            k = rec["_src"][1]
        # skip time words and the sentence end: "said Tuesday. "B.""
        while k < p.n and qid[k] < 0 and (low[k] in TIME_WORDS or low[k] in RIGHT_SKIP
                                          or low[k] in (",", ".", ":")):
            k += 1
        if k < p.n and k in p.qopen:
            q = p.qopen[k]
            if q in used:
                continue
            # the quote must stand alone: nothing but its closing punctuation after it in the
            # sentence, or a comma-introduced continuation
            close = k
            while close < p.n and qid[close] == q:
                close += 1
            a, b = p.sents[p.sent_of[close - 1]]
            if any(_is_word(low[m]) for m in range(close, b)):
                continue
            used.add(q)
            rec["content_fragments"].append(_quote_span(p, q))
            rec["_quotes"] = list(qs) + [q]


COLON_CUE = Cue(":", "neutral", "colon", True, (":",))
NOT_SPEAKERS = {"note", "update", "related", "editor", "correction", "photo", "video", "read",
                "watch", "see", "source", "sources", "click", "warning", "disclosure", "also",
                # labels of news furniture, not speakers: "Contributing: A, B", "Breaking: …",
                # "The Latest: …", "Plus: …", "Editor's Note: …", "Paid Notice: …"
                "contributing", "breaking", "latest", "plus", "remember", "look", "paid",
                "email", "twitter", "follow",
                # labels of pictures, links, fact checks and live pages (the most frequent
                # colon "speakers" of ABP, 0.4.1): "More: …", "Photograph: Paul Sancya/AP",
                # "Reality Check: …", "VERDICT: …", "Updated: …" (not "winner": a surname
                # too; nor "poll" and "report": "Poll: Clinton and Trump in dead heat" is a
                # headline's attribution to a poll, as PolNeAR marks it)
                "more", "photos", "photograph", "photographer", "caption", "hide", "image",
                "images", "pictures", "map", "graphic", "opinion", "analysis", "avoid", "need",
                "verdict", "facts", "check", "story", "updated", "prediction", "reminder",
                "coverage", "pros", "cons", "loser", "deadline", "answer", "hint",
                "clarification", "translation", "cover", "policing",
                "approval", "path", "candidates", "constituency", "immigration"}


def _colon_speakers(p: Para, out: list[dict]) -> None:
    """`Kasich: 'We will go all the way.'` and transcripts (`Q: …`): a sentence-initial name
    followed by a colon introduces its words."""
    low, cap = p.low, p.cap
    taken = {rec["_sent"] for rec in out}
    for si, (a, b) in enumerate(p.sents):
        if si in taken or b - a < 4 or p.qid[a] >= 0 or not cap[a] or low[a] in NOT_SPEAKERS:
            continue
        end = _np_right(p, a, min(b, a + 6), appositive=False)
        if end is None or end >= b - 1 or low[end] != ":" or not all(
                cap[m] or low[m] in (".", "-", "'s") for m in range(a, end)):
            continue
        if any(low[m].removesuffix("'s") in NOT_SPEAKERS for m in range(a, end)):
            continue
        if sum(1 for m in range(end + 1, b) if _is_word(low[m])) < 3:
            continue  # a label and its value ("Clinton: 547.", "Twitter: @X"), not words said
        content, quotes_used = _right_content(p, end + 1, b)
        if not content:
            continue
        rec = _record(p, COLON_CUE, end, end + 1, (a, end), content, quotes_used)
        out.append(rec)
    out.sort(key=lambda r: r["cue_span"][0])


CONSTRUCTIONS = True  # the general constructions of `constructions.py` (off: lexicon cues only)
from .constructions import reporting_clauses  # noqa: E402  (it builds on the helpers above)


# switches of the rules in clauses.py and complements.py and of the extract-level rules above:
# each can be turned off to measure what it adds (benchmarks/ablate_attribution.py)
TIME_SKIP = True
RELATIVE_SUBJECTS = True  # a relative pronoun as the cue's subject: "critics, who say …"
RAISING_CLAUSES = True  # seem/appear with any subject: the writer's hedged judgement
HEAD_AFTER_DET = True  # a lowercase head noun after a determiner opens a subject
DEPICTION = True  # `show` with a picture or screen as subject or object: no report
MIDDLE_INITIALS = True  # "George W. Bush": an initial between names stays in the name
DECIMALS = True  # a decimal point ends no sentence: "4.4 percent"
INVERSION_FALLTHROUGH = True  # a failed inversion leaves the appositive rules their turn
QUOTE_BEFORE = True  # a reporting clause that is a sentence of its own after a quote
# switches of the rules in complements.py
LONG_INFINITIVES = True  # a to-infinitive of purpose takes the clause's subject
NOMINAL_USE = True  # a weak verb cue used as a noun: "Clinton's attack on", "support among"
OBJECT_GAP = True  # a report in an object relative clause: "a candidate whom many oppose"
POSSESSORS = True
GAPS = True
FINAL_CLAUSE = True
PLURAL_SUBJECTS = True
EVIDENTIAL = True

from .clauses import (  # noqa: E402  (they build on the helpers above)
    DEGREE, EVIDENTIAL_VERBS, IRREGULAR_PARTICIPLES, STATIVE, TIME_HEADS, TRIM,
    _bare_reduced_passive, _be_before, _evidence_subject, _final_report, _passive, _plural_subject,
    _reduced_passive, _skip_time, _trim_contents)
from .complements import (  # noqa: E402  (they build on the helpers above)
    PARTICLES, TOPIC_PREPS, _nominal_use, _object_gap, _purpose_subject, _raising)
