"""The result of `framing.tag`: tidy tables of paragraphs, attributions, spans and actors.

Column lists here are the contract of DESIGN.md; more columns are welcome, renaming these is a
breaking change.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

STANCE_LABELS = ("hedge", "booster", "attitude", "approximator")

PARAGRAPH_COLUMNS = (
    ["doc_id", "outlet", "para_idx", "role", "text", "n_words", "n_sentences",
     "n_words_authorial", "n_words_quoted",
     "sentiment", "sentiment_authorial", "sentiment_quoted", "n_attributions"]
    + [f"{label}_{voice}" for label in STANCE_LABELS for voice in ("authorial", "quoted")]
)
ATTRIBUTION_COLUMNS = [
    "doc_id", "outlet", "para_idx", "kind", "cue", "cue_start", "cue_end", "cue_class",
    "source", "source_start", "source_end", "content_start", "content_end", "speaker",
    "identification", "source_type", "country", "attribution_id", "rule", "speaker_via",
]
# Extra columns beyond DESIGN.md's: `attribution_id` names an attribution, `rule` the
# construction that found it (its cue's kind, "clause", "continuation" …) and `speaker_via`
# how its speaker was resolved ("source", "surname", "pronoun", "continuation"); in spans,
# `ref` links a span to its attribution and `score` carries a sentence's VADER compound.
SPAN_COLUMNS = ["doc_id", "para_idx", "layer", "label", "start", "end", "text", "quoted",
                "lexicon", "lexicon_version", "ref", "score"]
ACTOR_COLUMNS = ["doc_id", "outlet", "para_idx", "actor", "actor_type", "country", "start",
                 "end", "text", "tone"]


# Column types, so every chunk of a streamed run (and every empty table) has one schema:
# "str", "int" (never missing), "Int" (nullable integer offsets), "float", "bool".
_TYPES = {
    "doc_id": "str", "outlet": "str", "para_idx": "int", "role": "str", "text": "str",
    "n_words": "int", "n_sentences": "int", "n_words_authorial": "int", "n_words_quoted": "int",
    "sentiment": "float", "sentiment_authorial": "float", "sentiment_quoted": "float",
    "n_attributions": "int", "kind": "str", "cue": "str", "cue_start": "Int", "cue_end": "Int",
    "cue_class": "str", "source": "str", "source_start": "Int", "source_end": "Int",
    "content_start": "Int", "content_end": "Int", "speaker": "str", "identification": "str",
    "source_type": "str", "country": "str", "layer": "str", "label": "str", "start": "int",
    "end": "int", "quoted": "bool", "lexicon": "str", "lexicon_version": "str", "actor": "str",
    "actor_type": "str", "tone": "float", "attribution_id": "str", "ref": "str",
    "score": "float", "rule": "str", "speaker_via": "str",
    **{c: "int" for c in PARAGRAPH_COLUMNS if c.endswith(("_authorial", "_quoted"))
       and not c.startswith("sentiment")},
}
_PANDAS = {"str": "string", "int": "int64", "Int": "Int64", "float": "float64", "bool": "bool"}


def to_table(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """Rows (tuples in `columns` order) as a DataFrame with the contract's column types."""
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({c: _PANDAS[_TYPES[c]] for c in columns if c in _TYPES})


def empty_table(columns: list[str]) -> pd.DataFrame:
    """A table with the given columns, their types, and no rows."""
    return to_table([], columns)


@dataclass(frozen=True)
class Tagged:
    """A tagged corpus. `articles` is the corpus's article table; `paragraphs`, `attributions`,
    `spans` and `actors` follow the column lists above; `params` records how it was made."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    attributions: pd.DataFrame = field(default_factory=lambda: empty_table(ATTRIBUTION_COLUMNS))
    spans: pd.DataFrame = field(default_factory=lambda: empty_table(SPAN_COLUMNS))
    actors: pd.DataFrame = field(default_factory=lambda: empty_table(ACTOR_COLUMNS))
    params: dict = field(default_factory=dict)

    def _repr_html_(self) -> str:
        """JupyterLab shows the first article with its spans highlighted (framing.html)."""
        from .html import tagged_repr_html
        return tagged_repr_html(self)

    def __repr__(self) -> str:
        return (f"<Tagged {len(self.articles)} articles, {len(self.paragraphs)} paragraphs, "
                f"{len(self.attributions)} attributions, {len(self.spans)} spans>")
