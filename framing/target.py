"""Tone toward one mention: `score_target(text, start, end)`.

Stage "score". A sentence's VADER compound mixes the tone toward every actor in it and the
valence of the actor's own name ("Freedom Party"). The tone toward the mention at
[start, end) is instead VADER's compound of the words near it:

    tone = compound(W)   with W = the words of the mention's clause within `window` words
                          on either side of the mention, the mention itself masked (its
                          letters replaced by x, so its own words carry no valence)
                          and valenced entity names masked as in `framing.sentiment`.

The clause is the stretch of the mention's sentence between clause boundaries (; : — – and
", but" / "but" / "while" / "although" / "whereas" / "though"). VADER's convention applies:
≥ 0.05 positive, ≤ -0.05 negative. Measured on BASIL target/polarity annotations by
benchmarks/eval_target.py.
"""
from __future__ import annotations

import re

from .errors import input_error
from .sentiment import mask_entities_in, vader_compound

__all__ = ["score_target"]

_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]*[A-Z0-9])")
_CLAUSE = re.compile(r"\s*(?:[;:—–]|\s-\s|,?\s+(?:but|while|although|though|whereas)\s+)\s*",
                     re.IGNORECASE)
_TOKEN = re.compile(r"\S+")

WINDOW = 4


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo, hi = 0, len(text)
    for m in _SENT_END.finditer(text):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.end()
            break
    return lo, hi


def _clause_bounds(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    for m in _CLAUSE.finditer(text, lo, hi):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def score_target(text: str, start: int, end: int, *, window: int | None = WINDOW,
                 clause: bool = True, mask_entities: bool = True,
                 masked: str | None = None) -> float:
    """Tone toward the mention `text[start:end]`, a float in [-1, 1] (VADER compound).

    Parameters
    ----------
    text : the paragraph (or sentence) holding the mention.
    start, end : half-open character offsets of the mention.
    window : words on each side of the mention to keep (None: the whole clause/sentence).
    clause : restrict to the mention's clause (True) or its sentence (False).
    mask_entities : also mask valenced words of other named entities.
    masked : `text` already passed through `mask_entities_in` (as `score_sentences` returns
        it in `scored_text`), to save masking it again for every mention.

    Returns
    -------
    float : VADER's compound over the masked context; 0.0 when it holds no valenced word.
    """
    if not isinstance(text, str):
        raise input_error(f"text must be a str, got {type(text).__name__}")
    if not (0 <= start <= end <= len(text)):
        raise input_error(f"mention [{start}, {end}) is outside the text (length {len(text)})",
                          fix="give half-open character offsets into text")
    lo, hi = _sentence_bounds(text, start, end)
    if clause:
        lo, hi = _clause_bounds(text, lo, hi, start, end)
    if masked is None or len(masked) != len(text):
        masked = mask_entities_in(text) if mask_entities else text
    # The mention's own words carry no valence: replace its letters by x (offsets unchanged).
    masked = masked[:start] + "".join("x" if c.isalnum() else c for c in masked[start:end]) \
        + masked[end:]
    if window is not None:
        left = [m for m in _TOKEN.finditer(masked, lo, start)][-window:]
        right = [m for m in _TOKEN.finditer(masked, end, hi)][:window]
        lo = left[0].start() if left else start
        hi = right[-1].end() if right else end
    return vader_compound(masked[lo:hi].strip())
