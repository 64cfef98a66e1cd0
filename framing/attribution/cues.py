"""Reporting cues: loading the cue lexicon once and matching it on a token sequence.

A cue entry is a word or phrase (`said`, `according to`, `declined to comment`) with the class
of framing it carries (DESIGN.md: neutral, assertive, …), its syntactic kind (a finite verb, a
participle, a nominal cue, …) and its strength: a *strong* cue fires with a speaking subject or
a reported clause; a *weak* one (`think`, `wants`, `shows`) needs both.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ..lexicons import load_lexicon


class Cue(NamedTuple):
    entry: str
    cls: str
    kind: str
    strong: bool
    words: tuple[str, ...]


@lru_cache(maxsize=1)
def cue_index() -> dict[str, list[Cue]]:
    """First word (lowercase) → cues starting with it, longest first."""
    table = load_lexicon("cues").entries
    index: dict[str, list[Cue]] = {}
    for entry, cls, kind, strength in zip(table["entry"], table["class"], table["kind"],
                                          table["strength"]):
        words = tuple(entry.lower().replace("’", "'").split())
        cue = Cue(entry, cls, kind, strength == "strong", words)
        index.setdefault(words[0], []).append(cue)
    for cues in index.values():
        cues.sort(key=lambda c: -len(c.words))
    return index


def cue_classes() -> dict[str, str]:
    """Cue entry (lowercase) → class, for classifying a cue string found elsewhere."""
    return {c.entry.lower(): c.cls for cues in cue_index().values() for c in cues}


def match_cue(low: list[str], i: int, limit: int) -> Cue | None:
    """The longest cue starting at token `i` (tokens lowercased, apostrophes straight)."""
    cues = cue_index().get(low[i])
    if not cues:
        return None
    for cue in cues:
        n = len(cue.words)
        if i + n <= limit and (n == 1 or tuple(low[i:i + n]) == cue.words):
            return cue
    return None
