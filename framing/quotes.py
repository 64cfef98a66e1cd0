"""Quoted text in a paragraph: where the quotation marks open and close.

Used by every layer that separates the journalist's voice from the quoted voices (attribution,
stance, sentiment). One linear scan; it never fails on unbalanced marks.

Marks handled: straight "…", curly “…” (either closing the other), ``…'' and ''…'' (TeX and
NYT archive style), guillemets «…» and »…«, and single
quotes ‘…’ / '…' when they stand at word edges (an apostrophe inside or after a word, as in
"Kim's" or "workers'", is not a quote mark).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple


class Quote(NamedTuple):
    """A quoted region [start, end) including its marks; `closed` is False when the quote runs
    to the end of the paragraph (news style continues it in the next paragraph)."""

    start: int
    end: int
    closed: bool
    width: int = 1  # characters per mark: 2 for `` and ''

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted words without the marks (for an unclosed quote, to the paragraph end)."""
        return self.start + self.width, self.end - (self.width if self.closed else 0)


_DOUBLE_CLOSERS = {"“": "”", "«": "»", "»": "«", "„": "“"}
_OPENER = re.compile("[`\"“«»„‘']")


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_quotes(text: str) -> list[Quote]:
    """Quoted regions of `text`, in order, not nested (a single-quoted region inside a
    double-quoted one is part of it).

    >>> find_quotes('"A," he said. "B."')
    [Quote(start=0, end=4, closed=True, width=1), Quote(start=14, end=18, closed=True, width=1)]
    >>> find_quotes('“It will run on')
    [Quote(start=0, end=15, closed=False, width=1)]
    """
    quotes: list[Quote] = []
    n = len(text)
    i = 0
    while i < n:
        m = _OPENER.search(text, i)  # jump to the next possible mark (most text has none)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        closer: str | None = None
        wide = False
        if (ch == "`" and nxt == "`") or (ch == "'" and nxt == "'" and not _is_word(prev)):
            closer, wide = "''", True
        elif ch in _DOUBLE_CLOSERS:
            closer = _DOUBLE_CLOSERS[ch]
        elif ch == '"':
            closer = '"'
        elif ch in "‘'" and not _is_word(prev) and (_is_word(nxt) or nxt in "\"“`"):
            closer = "’" if ch == "‘" else "'"
        if closer is None:
            i += 1
            continue
        start = i
        j = _find_closer(text, i + (2 if wide else 1), closer)
        if j < 0:
            quotes.append(Quote(start, n, False, 2 if wide else 1))
            break
        end = j + len(closer)
        quotes.append(Quote(start, end, True, 2 if wide else 1))
        i = end
    return quotes


def _find_closer(text: str, i: int, closer: str) -> int:
    """Index of the mark that closes a quote opened before `i`, or -1."""
    if closer in ("'", "’"):
        # A single closer must end a word: followed by a non-letter (so "Kim's" does not close).
        j = i
        while True:
            j = text.find(closer, j)
            if j < 0:
                return -1
            after = text[j + 1] if j + 1 < len(text) else " "
            if not _is_word(after) and j > i and not text[j - 1].isspace():
                return j
            j += 1
    if closer in ("”", '"'):
        # Curly and straight double marks get mixed in copy ("A,” or “B."): either closes.
        found = [j for j in (text.find("”", i), text.find('"', i)) if j >= 0]
        return min(found) if found else -1
    return text.find(closer, i)


def quoted_mask(text: str) -> list[tuple[int, int]]:
    """The [start, end) regions of `text` inside quotation marks, marks included."""
    return [(q.start, q.end) for q in find_quotes(text)]


def inside(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) lies within one of `regions` (sorted, disjoint); O(log n)."""
    k = bisect_right(regions, (start, float("inf"))) - 1
    return k >= 0 and regions[k][0] <= start and end <= regions[k][1]
