"""Tone toward one mention: `score_target(text, start, end)`.

Stage "score". A sentence's VADER compound mixes the tone toward every actor in it, the tone of
what the actor says, and the valence of the actor's own name ("Freedom Party"). The tone toward
the mention at [start, end) is instead built from the words around it, in five steps:

1. Context. The mention's sentence, cut to its clause (`clause=True`: boundaries ; : — – " - "
   and ", but" / "but" / "while" / "although" / "whereas" / "though"), then to `window` words
   on either side of the mention (None: the whole clause). An appositive or non-restrictive
   clause right after the mention and followed by a lower-case word ("Smith, the committee's
   chairman, was criticized", "Smith, who …, said") does not count against the right-hand
   window: its words are kept and the `window` words are counted from the predicate after it.
   A mention inside quotation marks (someone's words about the person) keeps its whole clause.
   The mention's letters become x (its own words carry no valence) and valenced words of other
   names are masked as in `framing.sentiment` (`mask_entities`).
2. Quotes (`quotes="speaker"`). The tone of what a person SAYS is not tone TOWARD them: when
   the mention is outside quotation marks and is the speaker — a speech verb ("said", "told",
   "added", …) right after it, after "also/then/later/has/had/have/once" or after an
   appositive ("Smith said", "Smith, a Democrat, said"), or the mention right after one
   ("said Smith", "said Sen. Smith") — the quoted words of the sentence are masked. Quotation
   marks are paired over the whole `text`, so a quote that the sentence splitter cut in two
   ('"I love it. I love it," Smith said.') is still masked. Quotes *about* the person (said by
   someone else, or the person named inside the quote) keep their words: they are tone toward
   the person. `quotes="keep"` never masks; `quotes="drop"` masks every quote.
3. Cues (`cues=True`, lexicon `target_cues`, newest version: evaluative predicates with a
   valence toward their subject and toward their object). A cue word in the context takes the
   role of the mention: *object* when the cue comes before the mention ("slammed Smith",
   "criticism of Smith", "embattled Smith") unless the mention follows "by" ("criticized by
   Smith": subject), when the cue follows the mention after a form of be/get, possibly with
   adverbs ("Smith was criticized", "Smith was just fired", "Smith has been sharply
   criticized"), or when the cue after the mention is followed by "him"/"her" ("Jones beat
   Smith, criticizing him"); *subject* otherwise ("Smith criticized …", "Smith denied …",
   "Smith conceded …"). The cue's word is masked for VADER and its valence for that role is
   added instead; a negator ("not", "n't", "never", "no", "without") in the three words before
   the cue flips and damps it by VADER's factor -0.74.
4. Sum. VADER's compound c of the context text is mapped back to VADER's raw sum
   S = c * sqrt(15 / (1 - c^2)) (VADER: c = S / sqrt(S^2 + 15)) and the cue valences are added.
5. Dead zone (`dead_zone`, default 0: off). Positive words near a person are often routine
   in news text (titles, "support", "help", "leading", "won the vote"): with `dead_zone=d` a
   positive sum S is lowered by d (to 0 at most), a negative sum is kept. The result is
   normalised again, S / sqrt(S^2 + 15), and rounded to 4 decimals as VADER does. On the
   BASIL dev events the best d for three-class macro-F1 was DEV_DEAD_ZONE = 1.6 (a grid of 0
   to 3 by 0.2; `benchmarks/eval_target.py --dead-zone` prints the curve), but on the held-out
   events it added only +0.008 (0.4416 -> 0.4496), within noise, while it pulls every mildly
   positive score to 0 and so biases averages of tone toward the negative. It is therefore
   off by default: with no cue the score is exactly VADER's compound of the context text.

VADER's convention applies to the result: >= 0.05 positive, <= -0.05 negative. Pure Python,
no model: a paragraph with a few mentions costs tens of microseconds per mention. Measured on
BASIL (sentiment toward a named person, three classes, held-out events) by
benchmarks/eval_target.py. A small supervised combination (ordinal logit over window,
sentence and rest-of-sentence compounds, speaker and inside-quote flags, fit on dev events) was
tried and did worse than this rule in event-level cross-validation on dev, so no fitted model
is used.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import islice
from numbers import Integral
from operator import attrgetter

from .errors import input_error, invalid_choice
from .quotes import find_quotes
from .segment import split_sentences
from .sentiment import mask_entities_in, vader_compound

__all__ = ["score_target", "target_cues"]

# the look-ahead names every possible first character, so `re` skips other positions quickly
_CLAUSE = re.compile(r"(?=[\s;:—–,])\s*(?:[;:—–]|\s-\s|,?\s+(?:but|while|although|though|"
                     r"whereas)\s+)\s*", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
_QUOTE_MARKS = "\"“”«»`'‘’"

WINDOW = 8
N_SCALAR = -0.74  # VADER's damping of a negated word
ALPHA = 15.0      # VADER's compound normalisation constant
DEAD_ZONE = 0.0      # default: no dead zone (step 5)
DEV_DEAD_ZONE = 1.6  # best dead zone on the BASIL dev events (step 5; not the default)

_SPEECH = ("said|says|say|told|tells|added|adds|tweeted|wrote|writes|declared|stated|"
           "insisted|argued|argues|claimed|claims|responded|replied|continued|asked|noted|"
           "explained|warned|recalled|announced|acknowledged")
_SPEAKER_AFTER = re.compile(rf"^[\s,]*(?:(?:also|then|later|has|had|have|once)\s+)?(?:{_SPEECH})\b",
                            re.IGNORECASE)
_SPEAKER_BEFORE = re.compile(rf"\b(?:{_SPEECH})\s+(?:[A-Z][\w.]*\.?\s+){{0,2}}$")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got|gotten|getting)"
                      r"(?:n[’']t)?(?:\s+(?:not|never|just|also|already|still|since|then|later|"
                      r"now|even|again|once|first|[a-z]+ly))*\s*$", re.IGNORECASE)
# an appositive or non-restrictive clause right after the mention, followed by a lower-case word
# (its predicate): ", the Budget Committee chairman, has been criticized"
_APPOSITIVE = re.compile(r",[^,;:—–\"“”]{1,120}?,\s+(?=[a-z])")
_PRONOUN_OBJECT = re.compile(r"\s+(?:him|her)\b")
_AGENT = re.compile(r"\bby\s+(?:[A-Z][\w.]*\.?\s+){0,3}$")
_NEGATOR = re.compile(r"^(?:not|never|no|without|nor|cannot)$|n[’']t$", re.IGNORECASE)


@lru_cache(maxsize=1)
def target_cues() -> tuple[re.Pattern, dict[str, tuple[float, float]]]:
    """(pattern, {form: (valence toward subject, valence toward object)}) from the newest
    `target_cues` lexicon (framing/lexicons/target_cues-<version>.tsv)."""
    from .lexicons import load_lexicon
    lexicon = load_lexicon("target_cues")  # newest version, sha256-checked
    table = lexicon.entries
    forms: dict[str, tuple[float, float]] = {}
    for line, (entry, subj, obj) in enumerate(
            zip(table["entry"], table["subject"], table["object"])):
        try:
            val = (float(subj), float(obj))
        except ValueError:
            raise input_error(f"subject/object of {entry!r} must be numbers", where=lexicon.path,
                              fix="give valences on VADER's scale, e.g. -2") from None
        for form in entry.split("|"):
            forms[" ".join(form.lower().split())] = val
    alts = sorted(forms, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(
        r"\s+".join(re.escape(w) for w in f.split()) for f in alts) + r")(?![\w'’-])",
        re.IGNORECASE)
    return pattern, forms


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end), from the pipeline's own splitter (Punkt with the
    abbreviations lexicon); a mention across a boundary gets both sentences."""
    spans = split_sentences(text) or [(0, len(text))]
    lo = max((s for s, _ in spans if s <= start), default=0)
    hi = min((e for _, e in spans if e >= end), default=len(text))
    return lo, hi


def _clause_bounds(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    for m in _CLAUSE.finditer(text, lo, hi):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _blank(chars: list[str], s: int, e: int) -> None:
    for k in range(s, e):
        if chars[k].isalnum():
            chars[k] = "x"


def _is_speaker(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    if _SPEAKER_AFTER.match(text[end:hi]) is not None \
            or _SPEAKER_BEFORE.search(text[lo:start]) is not None:
        return True
    appositive = _APPOSITIVE.match(text, end, hi)  # "Smith, a Democrat, said"
    return appositive is not None and _SPEAKER_AFTER.match(text[appositive.end():hi]) is not None


_CUE_TOKEN = re.compile(r"[\w'’-]+")  # the cue regex's word boundaries


@lru_cache(maxsize=1)
def _cue_first_words() -> frozenset[str]:
    """The first word of every cue form: a context without any of them has no cue, and the
    (slow) alternation regex is not run on it."""
    return frozenset(form.split()[0] for form in target_cues()[1])


def _cue_matches(pattern: re.Pattern, text: str, tokens: list[re.Match]) -> list[re.Match]:
    """`pattern.finditer(text)`, tried only where it can start: its look-behind makes every
    match start a `_CUE_TOKEN` token, and that token is the first word of a cue form."""
    found: list[re.Match] = []
    for t in tokens:
        if found and t.start() < found[-1].end():
            continue
        m = pattern.match(text, t.start())
        if m is not None:
            found.append(m)
    return found


def _cue_valence(text: str, start: int, end: int, chars: list[str]) -> float:
    """Sum of the cue valences toward the mention text[start:end]; blanks the cue words in
    `chars` (a list of the characters of `text`)."""
    first_words = _cue_first_words()
    if first_words.isdisjoint(_CUE_TOKEN.findall(text.lower())):
        return 0.0  # most contexts: no cue word at all (checked in C, not per token)
    tokens = [t for t in _CUE_TOKEN.finditer(text) if t.group().lower() in first_words]
    pattern, forms = target_cues()
    total = 0.0
    for m in _cue_matches(pattern, text, tokens):
        if m.start() < end and m.end() > start:
            continue
        subj, obj = forms[" ".join(m.group(0).lower().split())]
        if m.end() <= start:
            role_obj = _AGENT.search(text, m.end(), start) is None
        else:
            # passive subject ("Smith was criticized"), or a cue followed by him/her, read as
            # the mention ("Smith ..., criticizing him")
            role_obj = (_PASSIVE.search(text, end, m.start()) is not None
                        or _PRONOUN_OBJECT.match(text, m.end()) is not None)
        val = obj if role_obj else subj
        before = text[max(0, m.start() - 40):m.start()].split()[-3:]
        if any(_NEGATOR.search(w.strip(".,;:!?\"“”")) for w in before):
            val *= N_SCALAR
        total += val
        _blank(chars, m.start(), m.end())
    return total


def _last_tokens(text: str, lo: int, end: int, n: int) -> list[re.Match]:
    """The last `n` tokens of text[lo:end], reading back only as far as needed (a mention in
    a megabyte-long clause costs no more than one in a short one: linear time overall). A
    token cut at the left edge of the part read can only be the first found, so whenever more
    than `n` are found the last `n` are the same as over the whole range."""
    reach = 64 * (n + 1)
    while True:
        a = max(lo, end - reach)
        found = list(_TOKEN.finditer(text, a, end))
        if a == lo or len(found) > n:
            return found[-n:]
        reach *= 4


def score_target(text: str, start: int, end: int, *, window: int | None = WINDOW,
                 clause: bool = True, mask_entities: bool = True,
                 masked: str | None = None, quotes: str = "speaker",
                 cues: bool = True, sentence: tuple[int, int] | None = None,
                 dead_zone: float = DEAD_ZONE, quote_regions=None) -> float:
    """Tone toward the mention `text[start:end]`, a float in [-1, 1] (VADER's scale).

    Parameters
    ----------
    text : the paragraph (or sentence) holding the mention.
    start, end : half-open character offsets of the mention.
    window : words on each side of the mention to keep (None: the whole clause/sentence).
    clause : restrict to the mention's clause (True) or its sentence (False).
    mask_entities : also mask valenced words of other named entities.
    masked : `text` already passed through `mask_entities_in` (as `score_sentences` returns
        it in `scored_text`), to save masking it again for every mention.
    quotes : "speaker" (default) masks the quoted words when the mention is their speaker;
        "keep" never masks quotes; "drop" masks every quote.
    cues : add the valences of `target_cues` predicates by the mention's role (step 3 of the
        module docstring); False scores VADER alone.
    dead_zone : positive valence sum (VADER's scale) that is not yet positive tone (step 5);
        0 (default) keeps the sum as it is; DEV_DEAD_ZONE (1.6) was best on BASIL dev events
        for three-class labels.
    sentence : the [start, end) of the sentence holding the mention, when the caller has
        already split the text (the pipeline passes Punkt's); otherwise found here.
    quote_regions : `framing.quotes.find_quotes(text)`, when the caller has it (the pipeline
        finds a paragraph's quotes once for all its mentions); otherwise found here.

    Returns
    -------
    float : the tone (module docstring); 0.0 when the context holds no valenced word.
    """
    if not isinstance(text, str):
        raise input_error(f"text must be a str, got {type(text).__name__}")
    if not (isinstance(start, int) and isinstance(end, int)) or not (0 <= start <= end <= len(text)):
        raise input_error(f"mention [{start}, {end}) is outside the text (length {len(text)})",
                          fix="give half-open character offsets into text")
    if window is not None and (not isinstance(window, Integral) or window < 0):
        raise input_error(f"window must be a number of words >= 0 or None, got {window!r}",
                          fix=f"e.g. window={WINDOW} (the default) or None for the clause")
    if quotes not in ("speaker", "keep", "drop"):
        raise invalid_choice("quotes", quotes, ["speaker", "keep", "drop"])
    if not isinstance(dead_zone, (int, float)) or not 0.0 <= dead_zone < math.inf:
        raise input_error(f"dead_zone must be a number >= 0, got {dead_zone!r}",
                          fix="give a valence sum on VADER's scale, e.g. 1.6, or 0 for none")
    if sentence is not None:
        if not (0 <= sentence[0] <= start and end <= sentence[1] <= len(text)):
            raise input_error(f"sentence {tuple(sentence)} does not hold the mention "
                              f"[{start}, {end}) of a text of length {len(text)}",
                              fix="pass the bounds of the sentence the mention is in, or None")
        lo, hi = sentence
    else:
        lo, hi = _sentence_bounds(text, start, end)
    s_lo, s_hi = lo, hi
    if clause:
        lo, hi = _clause_bounds(text, lo, hi, start, end)
    if masked is None:
        masked = mask_entities_in(text) if mask_entities else text
    elif len(masked) != len(text):
        raise input_error(f"masked text has {len(masked)} characters, text {len(text)}",
                          fix="pass score_sentences' `scored_text` for this same text")
    # quotes paired over the whole text, so that a quote Punkt split into two sentences
    # ('"I love that. I love that," Smith said.') is still one quote; the caller may pass them
    if quote_regions is None and any(c in text[s_lo:s_hi] for c in _QUOTE_MARKS):
        quote_regions = find_quotes(text)
    # the quotes overlapping the sentence: quotes are in order and not nested, so their ends
    # are in order too and two bisections find them (not a scan of every quote per mention)
    quote_regions = quote_regions or ()
    regions = list(quote_regions[bisect_right(quote_regions, s_lo, key=attrgetter("end")):
                                 bisect_left(quote_regions, s_hi, key=attrgetter("start"))])
    has_marks = bool(regions)
    inside_quote = any(q.start <= start and end <= q.end for q in regions)
    if inside_quote:
        window = None  # a quote naming the person: its whole clause is about them
    if window is not None:
        left = _last_tokens(text, lo, start, window) if window else []
        right_from = end
        if window:
            appositive = _APPOSITIVE.match(text, end, hi)
            if appositive is not None:  # the window counts from the predicate
                right_from = appositive.end()
        right = list(islice(_TOKEN.finditer(text, right_from, hi), window)) if window else []
        if right and right_from != end:
            right = [m for m in _TOKEN.finditer(text, end, right[-1].end())]
        lo = left[0].start() if left else start
        hi = right[-1].end() if right else end
    chars = list(masked[lo:hi])
    # the mention's own words carry no valence
    for k in range(start - lo, end - lo):
        if chars[k].isalnum():
            chars[k] = "x"
    if has_marks and quotes != "keep" and (quotes == "drop" or (not inside_quote
                                           and _is_speaker(text, s_lo, s_hi, start, end))):
        for q in regions:
            qs, qe = max(q.start, lo), min(q.end, hi)
            if qs < qe and not (q.start <= start and end <= q.end):
                _blank(chars, qs - lo, qe - lo)
    extra = 0.0
    if cues:  # on the context as masked so far, offsets relative to lo
        extra = _cue_valence("".join(chars), start - lo, end - lo, chars)
    compound = vader_compound("".join(chars).strip())
    if extra == 0.0 and (compound <= 0.0 or not dead_zone):
        return compound
    c = max(-0.9999, min(0.9999, compound))
    total = c * math.sqrt(ALPHA / (1.0 - c * c)) + extra
    if total > 0.0:
        total = max(0.0, total - dead_zone)
    return round(total / math.sqrt(total * total + ALPHA), 4)
