"""Sentiment of a paragraph with VADER, overall and separately for the journalist's and the
quoted voices.

Stage "score". VADER (Hutto & Gilbert 2014, ICWSM-14,
https://ojs.aaai.org/index.php/ICWSM/article/view/14550) is the `vaderSentiment` package with
its own lexicon, never NLTK's port (which gives different scores for 229 of VADER's 5,190 NYT
sentences). A compound over a long text saturates towards ±1, so scores are per sentence:

    sentiment            = mean over sentences s of compound(s)
    sentiment_authorial  = mean over sentences with words outside quotation marks of
                           compound(words of s outside the marks)
    sentiment_quoted     = same for the words inside quotation marks

(NaN when there is no such sentence). VADER is called once per sentence; a sentence lying
wholly on one side of the quotation marks reuses that compound, and only sentences that mix
voices are scored again, once per voice.

Named entities whose words carry VADER valence ("Workers' Party", "Security Council",
"United States") can be kept from moving the score (`mask_entities`): the valenced words of a
name matched by the bundled `entities` lexicon are replaced by a neutral placeholder of the
same length before scoring. With `mask_entities=False` a sentence's compound is exactly
`SentimentIntensityAnalyzer().polarity_scores(sentence)["compound"]`.
"""
from __future__ import annotations

import hashlib
import math
import re
import string
from bisect import bisect_right
from functools import lru_cache
from operator import itemgetter
from importlib import metadata
from pathlib import Path

from .errors import input_error
from .lexicons import Lexicon, load_lexicon
from .quotes import quoted_mask

__all__ = ["score_sentences", "vader_compound", "vader_provenance", "mask_entities_in",
           "MASK_ENTITIES_DEFAULT"]

# Measured on VADER's NYT editorial sentences (benchmarks/eval_vader_nyt.py): masking did not
# lower agreement with the human ratings: r per sentence 0.5029 -> 0.5077, per editorial
# 0.6304 -> 0.6399 (5,190 sentences, 498 editorials; 94 sentences changed).
MASK_ENTITIES_DEFAULT = True

_ANALYZER = None
_PUNCT = string.punctuation
_ALNUM = re.compile(r"\w")


def _analyzer():
    """The one SentimentIntensityAnalyzer of this process (built on first use)."""
    global _ANALYZER
    if _ANALYZER is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        _ANALYZER = SentimentIntensityAnalyzer()
    return _ANALYZER


# VADER's time grows with the square of a text's words (every valenced word lowercases the
# whole text again), so a runaway "sentence" is scored in pieces: no real one comes near this
# (the longest sentences: 2,050 characters of 190,723 in ABP, 979 in PolNeAR, 647 in BASIL),
# and tagging stays linear, at a cost per character that does not grow with the text.
VADER_MAX_CHARS = 5_000


_SPACE = re.compile(r"\s")


def _vader_pieces(text: str, size: int) -> list[str]:
    """`text` cut into pieces of at most `size` characters, at the last white space (of any
    kind) of each piece where there is some; each character is looked at about once."""
    pieces, pos = [], 0
    while len(text) - pos > size:
        cut = pos + size
        for m in _SPACE.finditer(text, pos + 1, pos + size):
            cut = m.start()
        pieces.append(text[pos:cut])
        pos = cut
    pieces.append(text[pos:])
    return pieces


def vader_compound(text: str) -> float:
    """VADER's compound for `text`, identical to
    ``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]`` for any text up to
    VADER_MAX_CHARS (5,000) characters; a longer one gets the mean compound of its pieces.

    Shortcut: an ASCII text none of whose whitespace tokens (as is, or stripped of punctuation,
    lower-cased) is in VADER's lexicon has compound 0.0 in VADER (only lexicon words get a
    valence, and punctuation emphasis only amplifies a non-zero sum), so VADER is not called.
    """
    if len(text) > VADER_MAX_CHARS:
        pieces = _vader_pieces(text, VADER_MAX_CHARS)
        return sum(map(vader_compound, pieces)) / len(pieces)
    sia = _analyzer()
    if text.isascii():
        lex = sia.lexicon
        for tok in text.lower().split():
            if tok in lex or tok.strip(_PUNCT) in lex:
                break
        else:
            return 0.0
    return sia.polarity_scores(text)["compound"]


def vader_provenance() -> dict:
    """Which VADER scored the text: `{"vader_version", "vader_lexicon_sha256",
    "vader_lexicon_file"}` (the sha256 of `vader_lexicon.txt` inside the installed package)."""
    import vaderSentiment
    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    try:
        version = metadata.version("vaderSentiment")
    except metadata.PackageNotFoundError:  # pragma: no cover - installed without metadata
        version = "unknown"
    return {"vader_version": version,
            "vader_lexicon_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "vader_lexicon_file": str(path)}


# ---------------------------------------------------------------- entity masking

_ENTITY_CACHE: dict[tuple[str, str, str], tuple[re.Pattern, dict]] = {}
_CAP = r"[A-Z][\w'’.-]*"


def _entity_regex(lexicon: Lexicon) -> tuple[re.Pattern, dict]:
    """(trigger, by_anchor): `trigger` finds the anchor words (each entry's first literal
    capitalised word, e.g. "Party" in "<Cap> Party"); `by_anchor` maps an anchor to the
    compiled patterns of the entries holding it. Only a paragraph with an anchor pays for the
    patterns."""
    key = (lexicon.name, lexicon.version, lexicon.sha256)
    hit = _ENTITY_CACHE.get(key)
    if hit is not None:
        return hit
    by_anchor: dict[str, list[re.Pattern]] = {}
    for entry in lexicon.entries["entry"]:
        parts, anchors = [], None
        for tok in str(entry).split():
            if tok == "<Cap>":
                parts.append(_CAP)
                continue
            if tok.startswith("{") and tok.endswith("}"):
                alts = [a for a in tok[1:-1].split("|") if a]
                if not alts:
                    raise input_error(f"empty choice in {entry!r}", where=lexicon.path,
                                      fix="write {a|b} with at least one word")
                parts.append("(?:" + "|".join(_esc(a) for a in alts) + ")")
            else:
                alts = [tok]
                parts.append(_esc(tok))
            if anchors is None and alts[0][:1].isupper():
                anchors = alts
        if anchors is None:
            raise input_error(f"entity pattern {entry!r} has no capitalised word", where=lexicon.path,
                              fix="give at least one literal name word, e.g. '<Cap> Party'")
        rx = re.compile(r"(?<![\w'’-])" + r"\s+".join(parts) + r"(?![\w'’-])")
        for a in anchors:
            by_anchor.setdefault(a.replace("’", "'"), []).append(rx)
    words = sorted(by_anchor, key=len, reverse=True)
    trigger = re.compile(r"(?<![\w'’-])(?:" + "|".join(_esc(w) for w in words) + r")(?![\w-])")
    _ENTITY_CACHE[key] = (trigger, by_anchor)
    return trigger, by_anchor


def _esc(word: str) -> str:
    return re.escape(word).replace("'", "['’]").replace("’", "['’]")


_WORD = re.compile(r"[^\W\d_]+")


def mask_entities_in(text: str, lexicon: Lexicon | str | Path | None = None) -> str:
    """`text` with the VADER-valenced words of named entities replaced by `x` letters of the
    same length (`X` for capitals), so offsets are unchanged and the name carries no valence.

    >>> mask_entities_in("the ruling Workers' Party and the Security Council met")
    "the ruling Workers' Xxxxx and the Xxxxxxxx Council met"
    """
    trigger, by_anchor = _entity_regex(_entity_lexicon(lexicon))
    spans: list[tuple[int, int]] = []
    for t in trigger.finditer(text):
        lo, hi = max(0, t.start() - 120), min(len(text), t.end() + 120)
        for rx in by_anchor[t.group(0).replace("’", "'")]:
            for m in rx.finditer(text, lo, hi):
                if m.start() <= t.start() and t.end() <= m.end():
                    spans.append((m.start(), m.end()))
    if not spans:
        return text
    vocab = _analyzer().lexicon
    chars = list(text)
    for s, e in spans:
        for w in _WORD.finditer(text, s, e):
            if w.group(0).lower() in vocab:
                for k in range(w.start(), w.end()):
                    chars[k] = "X" if text[k].isupper() else "x"
    return "".join(chars)


@lru_cache(maxsize=1)
def _default_entities() -> Lexicon:
    return load_lexicon("entities")  # once: a bundled version never changes


def _entity_lexicon(lexicon: Lexicon | str | Path | None) -> Lexicon:
    if lexicon is None:
        return _default_entities()
    if isinstance(lexicon, Lexicon):
        return lexicon
    return load_lexicon(lexicon)


# ---------------------------------------------------------------- paragraph scores

def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else math.nan


def _disjoint(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted regions with overlapping ones merged (a caller's quotes may overlap; find_quotes'
    never do)."""
    out: list[tuple[int, int]] = []
    for s, e in regions:
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _pieces(start: int, end: int, regions: list[tuple[int, int]]) -> tuple[list, list]:
    """Split [start, end) into authorial and quoted pieces by the quoted regions (in order,
    disjoint: the first that can reach [start, end) is found by bisection, so a paragraph of
    many sentences and quotes costs linear time)."""
    authorial, quoted = [], []
    pos = start
    for s, e in regions[bisect_right(regions, start, key=itemgetter(1)):]:
        if e <= pos:
            continue
        if s >= end:
            break
        if s > pos:
            authorial.append((pos, s))
        qs, qe = max(s, pos), min(e, end)
        quoted.append((qs, qe))
        pos = qe
        if pos >= end:
            break
    if pos < end:
        authorial.append((pos, end))
    return authorial, quoted


def score_sentences(text: str, sentences: list[tuple[int, int]] | None = None, *,
                    quotes: list[tuple[int, int]] | None = None,
                    mask_entities: bool | Lexicon | str | Path = MASK_ENTITIES_DEFAULT) -> dict:
    """VADER sentiment of one paragraph, overall and by voice.

    Parameters
    ----------
    text : the paragraph.
    sentences : sentence spans `[(start, end), …]`; when None, `framing.segment.split_sentences`.
    quotes : quoted regions `[(start, end), …]` (marks included); `find_quotes` when None.
    mask_entities : True (default, see MASK_ENTITIES_DEFAULT) masks the valenced words of names
        in the bundled `entities` lexicon; False scores the raw text; a Lexicon, name or path
        uses that entity list.

    Returns
    -------
    dict with
      `sentiment` : mean of the sentence compounds (NaN without sentences),
      `sentiment_authorial` : mean over sentences with words outside quotation marks of the
          compound of those words (NaN where none),
      `sentiment_quoted` : the same inside quotation marks (NaN where none),
      `compounds` : the sentence compounds, in order,
      `n_sentences`, `n_sentences_authorial`, `n_sentences_quoted`,
      `scored_text` : the text VADER saw (entity words masked; same length as `text`).
    """
    if not isinstance(text, str):
        raise input_error(f"text must be a str, got {type(text).__name__}")
    if sentences is None:
        from .segment import split_sentences
        sentences = split_sentences(text)
    if quotes is None:
        regions = quoted_mask(text)
    else:
        regions = sorted((int(q[0]), int(q[1])) for q in quotes)
        bad = [r for r in regions if not 0 <= r[0] <= r[1] <= len(text)]
        if bad:
            raise input_error(f"quote {bad[0]} is not a [start, end) region of the text "
                              f"(length {len(text)})",
                              fix="give quotes as (start, end) offsets with start <= end, "
                                  "e.g. from framing.find_quotes")
        regions = _disjoint(regions)
    if mask_entities is False or mask_entities is None:
        scored = text
    else:
        scored = mask_entities_in(text, None if mask_entities is True else mask_entities)
    compounds: list[float] = []
    authorial: list[float] = []
    quoted: list[float] = []
    for s, e in sentences:
        c = vader_compound(scored[s:e])
        compounds.append(c)
        if not regions:
            authorial.append(c)
            continue
        a_pieces, q_pieces = _pieces(s, e, regions)
        a_text = " ".join(scored[ps:pe] for ps, pe in a_pieces)
        q_text = " ".join(scored[ps:pe] for ps, pe in q_pieces)
        has_a = _ALNUM.search(a_text) is not None
        has_q = _ALNUM.search(q_text) is not None
        if has_a and has_q:
            authorial.append(vader_compound(a_text.strip()))
            quoted.append(vader_compound(q_text.strip()))
        elif has_q:
            quoted.append(c)
        elif has_a:
            authorial.append(c)
    return {
        "sentiment": _mean(compounds),
        "sentiment_authorial": _mean(authorial),
        "sentiment_quoted": _mean(quoted),
        "compounds": compounds,
        "n_sentences": len(compounds),
        "n_sentences_authorial": len(authorial),
        "n_sentences_quoted": len(quoted),
        "scored_text": scored,
    }
