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
def _indexes() -> tuple[dict[str, list[Cue]], dict[str, list[Cue]]]:
    table = load_lexicon("cues").entries
    index: dict[str, list[Cue]] = {}
    nouns: dict[str, list[Cue]] = {}
    for entry, cls, kind, strength in zip(table["entry"], table["class"], table["kind"],
                                          table["strength"]):
        words = tuple(entry.lower().replace("’", "'").split())
        cue = Cue(entry, cls, kind, strength == "strong", words)
        (nouns if kind == "possessive" else index).setdefault(words[0], []).append(cue)
    for table_ in (index, nouns):
        for cues in table_.values():
            cues.sort(key=lambda c: -len(c.words))
    return index, nouns


@lru_cache(maxsize=1)
def cue_starts() -> frozenset[str]:
    """Every word a cue can start with (verbal, nominal, possessive), and "in" (`in a
    statement`, found by the extractor's document rule): a token outside this set starts
    nothing, so the extractor's scan skips it."""
    index, nouns = _indexes()
    return frozenset(index) | frozenset(nouns) | {"in"}


def cue_index() -> dict[str, list[Cue]]:
    """First word (lowercase) → cues starting with it, longest first (all but the nouns that
    need a possessor, see `noun_index`)."""
    return _indexes()[0]


def noun_index() -> dict[str, list[Cue]]:
    """First word → nominal cues that follow a possessor (`X's decision to`, `his support
    for`): kind `possessive` in the lexicon."""
    return _indexes()[1]


def match_cue(low: list[str], i: int, limit: int, index=None) -> Cue | None:
    """The longest cue starting at token `i` (tokens lowercased, apostrophes straight)."""
    cues = (index if index is not None else _indexes()[0]).get(low[i])
    if not cues:
        return None
    for cue in cues:
        n = len(cue.words)
        if i + n <= limit and (n == 1 or tuple(low[i:i + n]) == cue.words):
            return cue
    return None
