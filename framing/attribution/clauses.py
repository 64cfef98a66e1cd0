"""Clause-level rules of the attribution extractor: passive reports, where a reported clause
ends, and the speakers that the noun-phrase helpers of `extract.py` do not reach (a time phrase
between subject and verb, a sentence-final `…, X said.`, a bare plural, an evidential subject
such as a poll or a record).

Each rule is news writing, measured on PolNeAR train and checked on dev (the commits say how
much each adds). They work on `extract.Para` token indices and are called from
`extract._attribute` and `extract.extract_paragraph`; the switches that turn them off for a
measurement live in `extract.py`.
"""
from __future__ import annotations

from bisect import bisect_left

from .cues import Cue, cue_index, cue_starts
from .extract import (BE_FORMS, END_PUNCT, FINITE, QUANT_HEADS, Para, _is_word, _left_content,
                      _np_left, _np_right, _record, _relative_pronoun, _right_content, _span)
from .words import ADVERBS, DETS, FUNC, PRONOUNS, RIGHT_SKIP, SOURCE_HEADS, TIME_WORDS


PASSIVE_ADVERBS = {"also", "widely", "later", "first", "since", "not", "never", "n't", "often",
                   "repeatedly", "publicly", "formally", "officially", "previously", "recently",
                   "already", "now", "once", "initially", "originally", "frequently", "broadly",
                   "roundly", "sharply", "heavily", "largely", "generally", "still", "just",
                   "even", "quickly", "immediately", "reportedly", "increasingly"}
# degree words before an adjective or participle after "be" ("was more concerned about", "is
# far more critical of", "were very worried about"): the subject is before "be", never "more"
DEGREE = {"more", "most", "less", "least", "very", "so", "too", "far", "much", "quite",
          "rather", "somewhat", "extremely", "deeply", "particularly", "especially", "equally",
          "as"}
PASSIVE_AUX = {"has", "have", "had", "will", "would", "could", "can", "may", "might", "should",
               "must", "is", "was", "are", "were", "be", "been", "being", "'s", "not", "n't",
               "also", "never"}
IRREGULAR_PARTICIPLES = {"told", "said", "seen", "known", "shown", "made", "found", "thought",
                         "given", "taken", "written", "held", "heard", "sworn", "forbidden",
                         "understood", "read", "sent", "brought", "spoken", "chosen", "drawn",
                         "won", "beaten", "hit", "struck", "caught", "taught", "led", "sought",
                         "foreseen", "withheld", "upheld", "overheard", "forecast"}


# participles of attitude after `be` name the subject's own state, not an act done to it:
# "voters are worried about", "she is convinced that", "he was opposed to"
STATIVE = {"worried", "concerned", "convinced", "pleased", "disappointed", "frustrated",
           "satisfied", "surprised", "shocked", "impressed", "troubled", "alarmed", "outraged",
           "opposed", "inclined", "determined", "committed", "resigned", "annoyed", "dismayed",
           "encouraged", "heartened", "confused", "puzzled", "skeptical", "unconvinced",
           "disturbed", "angered", "incensed", "delighted", "thrilled", "divided", "split",
           "undecided", "prepared", "intrigued", "relieved", "saddened", "offended"}


def _be_before(p: Para, c0: int, a: int) -> int | None:
    """Token index of the form of `be` that makes the cue at c0 a passive participle (`was
    announced`, `has been widely criticized`, `were later approved`), or None."""
    low, qid = p.low, p.qid
    t = c0 - 1
    lo = max(a, c0 - 4)
    while t >= lo and qid[t] < 0 and (low[t] in PASSIVE_ADVERBS or low[t] in DEGREE):
        t -= 1
    if t >= a and qid[t] < 0 and low[t] in BE_FORMS and low[t] != "being" or (
            t >= a and low[t] == "being" and t > a and low[t - 1] in BE_FORMS):
        return t
    return None


def _passive(p: Para, cue: Cue, c0: int, c1: int, a: int, b: int):
    """A passive report, PolNeAR style: the cue runs from its auxiliaries through the
    participle (`has been widely criticized`); the source is the `by` agent or none; the
    content is what was reported, the subject before the verb (`The plan was criticized by
    X`) or the clause after it (`It was announced that …`, `He was told that …`)."""
    low, qid = p.low, p.qid
    w = low[c1 - 1]
    if not (w.endswith("ed") or w in IRREGULAR_PARTICIPLES):
        w = low[c0]  # a participle with its preposition: "is seen as", "was viewed as"
        if c1 - c0 != 2 or not (w.endswith("ed") or w in IRREGULAR_PARTICIPLES):
            return None
    t = _be_before(p, c0, a)
    while t - 1 >= a and qid[t - 1] < 0 and low[t - 1] in PASSIVE_AUX:
        t -= 1
    src = None
    right = c1
    if right < b and low[right] == "by" and qid[right] < 0:
        end = _np_right(p, right + 1, b, appositive=False)
        if end is None:
            return None  # "by 59.6 percent", "by then": no agent we can delimit
        src = (right + 1, end)
        right = end
    content = None
    k = right
    while k < b and qid[k] < 0 and (low[k] in TIME_WORDS or low[k] in RIGHT_SKIP) and low[k] not in (
            "to", "by"):
        k += 1
    if k < b and (low[k] in ("that", ":") or k in p.qopen or low[k] in WH_WORDS):
        content, _ = _right_content(p, k, b)
    if content is None:
        # the subject: back from the auxiliaries to the clause start
        s0 = t
        while s0 - 1 >= a and qid[s0 - 1] < 0 and low[s0 - 1] not in CLAUSE_BREAK and s0 > t - 25:
            s0 -= 1
        if s0 == t:
            return None
        content = [_span(p, s0, t)]
    used = []
    rec = _record(p, Cue(cue.entry, cue.cls, "passive", cue.strong, cue.words), t, c1, src,
                  content, used)
    rec["_agent"] = src is not None
    return rec


def _reduced_passive(p: Para, cue: Cue, c0: int, c1: int, a: int, b: int):
    """A participle with its agent in apposition to a noun phrase: `The immigration bill,
    opposed by House Republicans, never became law`, `the law, backed by Democrats, …`. The
    agent is the source, the noun phrase before the comma the content (PolNeAR's passive)."""
    low, qid = p.low, p.qid
    end = _np_right(p, c1 + 1, b, appositive=False)
    if end is None or not (end >= b or low[end] in (",", ".", ";", ")", "—", "–", "--")
                           or low[end] in END_PUNCT):
        return None
    t = c0 - 1  # the comma
    s0 = t
    while s0 - 1 >= a and qid[s0 - 1] < 0 and low[s0 - 1] not in CLAUSE_BREAK and s0 > t - 12:
        s0 -= 1
    if s0 == t or not any(p.cap[m] or low[m] in DETS for m in range(s0, t)):
        return None
    rec = _record(p, Cue(cue.entry, cue.cls, "passive", cue.strong, cue.words), c0, c1,
                  (c1 + 1, end), [_span(p, s0, t)], [])
    rec["_agent"] = True
    return rec


# `by` + one of these names the channel, not an agent: "Smith said by phone"
CHANNELS = {"phone", "telephone", "email", "e-mail", "text", "video", "videolink", "mail",
            "letter", "fax", "satellite", "skype", "zoom", "teleconference", "videoconference",
            "radio", "twitter", "tweet", "message", "messages", "post", "way"}


def _bare_reduced_passive(p: Para, cue: Cue, c0: int, c1: int, a: int, b: int):
    """A participle right after its noun, with its `by` agent and no commas (a reduced
    relative clause): `Photos released by state media showed …`, `a plan backed by
    Democrats`. As `_reduced_passive`: the agent is the source, the noun phrase the content;
    None when `by` names a channel (`Smith said by phone`)."""
    low = p.low
    end = _np_right(p, c1 + 1, b, appositive=False)
    if end is None or low[end - 1] in CHANNELS:
        return None
    s0 = _np_left(p, c0 - 1, a)
    if s0 is None or low[c0 - 1] in PRONOUNS:
        return None
    rec = _record(p, Cue(cue.entry, cue.cls, "passive", cue.strong, cue.words), c0, c1,
                  (c1 + 1, end), [_span(p, s0, c0)], [])
    rec["_agent"] = True
    return rec


CLAUSE_BREAK = {",", ";", ":", "—", "–", "--", "-", "(", ")", ".", "!", "?", "and", "but",
                "after", "before", "when", "while", "because", "although", "though", "since",
                "if", "as", "until", "where"}
WH_WORDS = {"whether", "how", "why", "what", "when", "if"}


# the content-end rules of `_trim_contents` in use (remove a name to measure without it)
TRIM = {"semicolon", "same_source", "subordinate", "coordinated", "relative"}
# a sentence opening with one of these makes the clause up to its comma subordinate: "While he
# allowed that his members tilt Republican, he estimated …", "As she seeks reelection, …"
SUBORDINATORS = {"as", "while", "though", "although", "when", "whenever", "if", "because",
                 "since", "after", "before", "once", "until", "unless", "whereas", "even",
                 "in", "by", "despite", "with", "without", "upon"}
CONTENT_GLUE = {",", "and", "but", "or", "-", "—", "–", "--", "then", "also", "yet", "while"}


PRESENT_FORM = True


def _verb_form(w: str) -> str | None:
    """The morphological form of a (possibly verb) word: past, ing, s, or None."""
    if w.endswith("ing") and len(w) > 5:
        return "ing"
    if (w.endswith("ed") and len(w) > 4) or w in IRREGULAR_PARTICIPLES:
        return "past"
    if PRESENT_FORM and w.endswith("s") and len(w) > 3 and any(
            c.kind == "verb" and len(c.words) == 1 for c in cue_index().get(w, ())):
        return "s"  # a present-tense reporting verb: "favors X and opposes Y"
    return None


def _trim_contents(p: Para, out: list[dict]) -> None:
    """Where a reported clause after its cue ends (news writing): at a semicolon; before the
    next cue of the same speaker in the sentence (`X blamed the media …, saying …`, `X knocked
    Rubio on trade and called him …`: each report has its own content); at the comma that
    closes a sentence-opening subordinate clause (`While he allowed that A, he estimated B`);
    before a second verb of the same form coordinated with the cue (`Cruz mentioned CNN five
    times and seemed to blame …`); at the comma that closes a parenthetical relative clause
    holding the report (`Sanders, who endorsed Clinton, said …`). Linear: next-semicolon and next-comma tables, and the cues
    of each speaker in order."""
    if not out:
        return
    low, qid, n = p.low, p.qid, p.n
    semis = [k for k, w in enumerate(low) if w == ";" and qid[k] < 0] if ";" in p.text else []
    commas: list[int] = []  # filled on first need (a sentence opening with a subordinator)

    def following(marks: list[int], k: int) -> int:
        x = bisect_left(marks, k)
        return marks[x] if x < len(marks) else n
    by_speaker: dict[tuple, list[int]] = {}
    if "same_source" in TRIM:
        for other in out:
            if other.get("_src"):
                t = bisect_left(p.st, other["cue_span"][0])
                u = t - 1
                while u > 0 and low[u] in ADVERBS and qid[u] < 0:
                    u -= 1
                # a sibling report ("…, saying", "… and called"), not one nested in a
                # to-infinitive of the content ("want to see")
                if u >= 0 and low[u] in (",", "and", "but", "—", "–", "--"):
                    by_speaker.setdefault((other["_sent"], other["_src"]), []).append(t)
        for starts in by_speaker.values():
            starts.sort()
    for rec in out:
        frags = rec["content_fragments"]
        if len(frags) != 1 or rec["cue_kind"] in ("refusal", "colon", "adverb"):
            continue
        c1 = rec["_c1"]
        s0 = bisect_left(p.st, frags[0][0])
        e0 = bisect_left(p.st, frags[0][1])
        if s0 < c1 or s0 >= n or s0 in p.qopen or qid[s0] >= 0:
            continue  # content before the cue, or a quotation: its own marks delimit it
        si = rec["_sent"]
        a, b = p.sents[si]
        cut = e0
        if "semicolon" in TRIM:
            cut = min(cut, following(semis, s0))
        starts = by_speaker.get((si, rec["_src"])) if rec.get("_src") else None
        if starts:
            x = bisect_left(starts, s0 + 1)
            if x < len(starts) and starts[x] < cut:
                cut = starts[x]
        if "relative" in TRIM:
            # a report inside a parenthetical relative clause ends with it: "Sanders, who on
            # Tuesday endorsed Clinton, said …" (the comma closes the clause)
            t = _relative_pronoun(p, bisect_left(p.st, rec["cue_span"][0]), a)
            if t is not None and t - 1 >= a and low[t - 1] == ",":
                if not commas:
                    commas = [k for k, w in enumerate(low) if w == "," and qid[k] < 0] or [n]
                # the comma that closes the clause is the one the main verb follows ("…,
                # is running", "…, said"); commas inside the report ("that, if elected, he
                # would") are passed over
                x = bisect_left(commas, c1)
                while x < len(commas) and commas[x] + 1 < min(cut, b):
                    nxt = low[commas[x] + 1]
                    if nxt in FINITE or nxt != "in" and nxt in cue_starts():
                        cut = commas[x]
                        break
                    x += 1
        if "subordinate" in TRIM:
            f = a + 1 if low[a] in ("but", "and") and a + 1 < b else a
            if low[f] in SUBORDINATORS and f < c1 and f + 1 < b:
                if not commas:
                    commas = [k for k, w in enumerate(low) if w == "," and qid[k] < 0] or [n]
                k = following(commas, c1)
                if k < cut and k + 1 < b and _is_word(low[k + 1]):
                    first = low[f]
                    # "As he considered a run …, Mr. Biden felt": the clause before the comma
                    ok = first not in ("in", "by", "with", "without", "upon", "despite") or \
                        low[f + 1].endswith("ing")
                    if first == "even" and low[f + 1] not in ("as", "though", "if", "when"):
                        ok = False
                    if ok and following(commas, f) >= c1:
                        cut = k
        if "coordinated" in TRIM and low[s0] not in ("that", "whether", "if", "how", "why",
                                                       "what"):
            form = _verb_form(low[c1 - 1])
            if form is not None:
                for k in range(s0 + 1, min(cut, s0 + 40)):
                    if low[k] in ("and", "but") and qid[k] < 0:
                        m = k + 1
                        while m < cut and low[m] in ADVERBS and low[m] != "who":
                            m += 1
                        if m < cut and (_verb_form(low[m]) == form or low[m] in ("did", "didn't",
                                                                                 "has", "had")):
                            cut = k
                            break
        if cut < e0:
            while cut > s0 and low[cut - 1] in CONTENT_GLUE and qid[cut - 1] < 0:
                cut -= 1
            if cut > s0:
                frags[0] = [frags[0][0], p.en[cut - 1]]


TIME_HEADS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "yesterday", "tonight", "week", "weekend", "month", "year", "night",
              "morning", "afternoon", "evening", "spring", "summer", "fall", "winter",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "jan", "feb", "aug", "sept",
              "oct", "nov", "dec"}
TIME_MODS = {"on", "last", "this", "next", "earlier", "late", "early", "out", "in", "that",
             "the", "same", "day", "of", "."}


def _skip_time(p: Para, j: int, a: int) -> int:
    """Skip a time phrase between a subject and its verb, leftwards from token j: `Gov. Mike
    Pence on Thursday blamed`, `A CNN/ORC poll last month showed`, `The senator earlier this
    week criticized`. Returns the token before the phrase (j itself when there is none)."""
    low, qid = p.low, p.qid
    k, heads = j, 0
    lo = max(a, j - 6)
    while k >= lo and qid[k] < 0 and (low[k] in TIME_HEADS or low[k][0].isdigit()
                                      or low[k] in TIME_MODS):
        if low[k] in TIME_HEADS:  # a number only with its month: "on Jan. 5" ("Six in 10")
            heads += 1
        k -= 1
    if not heads or k < a or k == j:
        return j
    while k < j and low[k + 1] in ("the", "of", "."):
        k += 1  # give back what belongs to the subject's side
    return k


# words that cannot be inside the subject of a sentence-final `…, X said.` (a clause, not a name)
FINAL_BLOCK = FUNC - {"the", "a", "an", "of", "with", "for", "at", "in", "on", "to", "and",
                      "his", "her", "their", "its", "our", "my", "this", "these", "those", "all",
                      "both", "some", "many", "most", "mr", "mrs", "ms", "by", "close", "from"}


def _final_report(p: Para, c1: int, j: int, a: int, b: int):
    """A reporting clause that closes its sentence after a comma or a quote (news style:
    `…, people familiar with the matter said.`, `…, new fundraising reports show.`,
    `"…," a senior official said Tuesday.`): the subject is every word between the comma and
    the verb group, the content the clause before the comma. (source, content, quotes) or
    None. Bounded: at most 12 tokens back, 4 forward."""
    low, qid, cap = p.low, p.qid, p.cap
    k = c1
    while k < b and k < c1 + 4 and qid[k] < 0 and (low[k] in TIME_HEADS or low[k] in (
            "on", "last", "this", "earlier", "late", "in", "a", "statement")):
        k += 1
    if k < b and not (low[k] in END_PUNCT and qid[k] < 0):
        return None
    m = j
    lo = max(a, j - 12)
    head = False
    while m >= lo and qid[m] < 0 and (_is_word(low[m]) or low[m] in ("'s", "-", ".", "&")) \
            and low[m] not in FINAL_BLOCK:
        w = low[m]
        if (cap[m] and w not in FUNC) or w in SOURCE_HEADS or w in PRONOUNS or w in QUANT_HEADS \
                or (w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")) and len(w) > 3):
            head = True
        m -= 1
    if m < a or m == j or not head or not (low[m] in (",", "—", "–", "--") or qid[m] >= 0):
        return None
    if qid[m] >= 0 and m not in p.qclose:
        return None
    if low[m + 1] in ("and", "to", "of", "with", "for", "at", "in", "on", "by", "from"):
        return None
    content = _left_content(p, m + 1, a)
    if not content or not content[0]:
        return None
    t = m - 1 if low[m] == "," else m
    used = [qid[t]] if t >= a and qid[t] >= 0 else []
    return (m + 1, j + 1), content, used


NOT_PLURAL = {"always", "perhaps", "sometimes", "besides", "thus", "towards", "afterwards",
              "whereas", "unless", "regardless", "nonetheless", "nevertheless", "its", "this",
              "his", "hers", "ours", "yours", "theirs", "was", "has", "does", "is", "as", "us",
              "yes", "less", "news", "series", "means", "politics", "economics", "sales",
              "works", "ones", "others", "lots", "plus", "years", "days", "weeks", "months",
              "times", "hours", "minutes", "decades", "percent", "points", "votes", "seats"}


def _plural_subject(p: Para, j: int, a: int, c1: int, b: int) -> int | None:
    """A bare plural noun as the subject (`Social conservatives say …`, `forecasters say`,
    `developers see …`, `delegates who backed …`): a lowercase word in -s right before the
    verb group, with up to three modifiers before it. Not before `by` (a participle:
    `the candidates endorsed by X`)."""
    low, qid, cap = p.low, p.qid, p.cap
    w = low[j]
    if qid[j] >= 0 or cap[j] or not w.isalpha() or len(w) < 4 or not w.endswith("s") or \
            w.endswith(("ss", "us", "is", "ous")) or w in FUNC or w in ADVERBS or \
            w in NOT_PLURAL:
        return None
    if c1 < b and low[c1] == "by":
        return None
    start = j
    k = j - 1
    while k >= a and k >= j - 3 and qid[k] < 0 and _is_word(low[k]):
        x = low[k]
        if x in DETS and x not in ("one", "no"):
            start = k
            break
        if x in FUNC or x in ADVERBS or x.endswith("ly") or x[0].isdigit():
            break
        start = k
        k -= 1
    return start


EVIDENTIAL_VERBS = {"show", "shows", "showed", "shown", "suggest", "suggests", "suggested",
                    "indicate", "indicates", "indicated", "find", "finds", "found", "reveal",
                    "reveals", "revealed", "confirm", "confirms", "confirmed"}
EVIDENCE_HEADS = {"poll", "polls", "polling", "survey", "surveys", "study", "studies", "data",
                  "records", "record", "documents", "document", "results", "result", "analysis",
                  "analyses", "report", "reports", "figures", "numbers", "statistics",
                  "research", "evidence", "filings", "filing", "tallies", "tally", "count",
                  "estimates", "projections", "review", "audit", "investigation", "probe",
                  "census", "emails", "memo", "memos", "transcripts", "transcript", "tests",
                  "findings", "models", "model", "math", "history", "experience", "trends",
                  "returns"}


def _evidence_subject(p: Para, j: int, a: int) -> tuple[int, int] | None:
    """The subject of an evidential verb (show, suggest, find, indicate, reveal) is often a
    long noun phrase headed by a poll, a record, a study or data, opening the sentence: `An
    analysis by Politifact of elections since 1972 showed …`, `Exit polling shows …`, `The
    poll, released Wednesday by X, showed …`. The source runs from the sentence start through
    the verb's left neighbour (or to a comma that opens a parenthetical)."""
    low, qid = p.low, p.qid
    s = a + 1 if low[a] in ("but", "and", "yet") else a
    if j - s > 25:
        return None
    h = None
    for k in range(s, min(j + 1, s + 5)):
        if qid[k] >= 0 or not _is_word(low[k]):
            return None
        if low[k] in EVIDENCE_HEADS:
            h = k
            break
        if low[k] in FUNC and low[k] not in DETS:
            return None
    if h is None:
        return None
    end = j + 1
    for k in range(h + 1, j + 1):
        if qid[k] >= 0 or low[k] in (";", ":") or low[k] in END_PUNCT:
            return None
        if low[k] == "," and end == j + 1:
            end = k
    return s, end
