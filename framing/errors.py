"""Errors raised by framing, and the one helper that words them.

Every message says what was received, where (file, line, column), and what to do next
(STYLE.md, point 7), so all of them read alike.
"""
from __future__ import annotations

from collections.abc import Iterable
from os import PathLike


class FramingError(ValueError):
    """Bad input to framing: a file, a column, an option or a lexicon entry."""


def input_error(problem: str, *, where: str | PathLike | None = None, line: int | None = None,
                column: str | None = None, fix: str | None = None) -> FramingError:
    """Build a FramingError whose message names the place of the problem and the fix.

    >>> str(input_error("missing 'text'", where="a.jsonl", line=3, fix="add a 'text' field"))
    "a.jsonl, line 3: missing 'text'; add a 'text' field"
    """
    place = str(where) if where is not None else ""
    if line is not None:
        place += f", line {line}" if place else f"line {line}"
    if column is not None:
        place += f", column {column!r}" if place else f"column {column!r}"
    message = f"{place}: {problem}" if place else problem
    if fix:
        message += f"; {fix}"
    return FramingError(message)


def invalid_choice(name: str, value: object, valid: Iterable[object]) -> FramingError:
    """The error for an option outside its allowed values.

    >>> str(invalid_choice("by", "paper", ["outlet", "event_id"]))
    "by='paper' is not valid; use one of: 'outlet', 'event_id'"
    """
    choices = ", ".join(repr(v) for v in valid)
    return FramingError(f"{name}={value!r} is not valid; use one of: {choices}")
