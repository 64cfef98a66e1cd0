"""Actors: mentions of persons, countries and institutions, with the tone toward each.

Stage "tag" (after attribution). A mention is
- a gazetteer name (a country's name, demonym or capital; an institution; a news outlet;
  an international body), the bundled gazetteer or a user's, or
- a person who speaks in the article (a `named_person` attribution source), found again
  wherever the article uses their surname.
Each mention's `tone` is `framing.target.score_target` over the words around it.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from .attribution.classify import gazetteer_matcher, gazetteer_names, platform_as_medium
from .attribution.names import POSSESSIVE_END, person_name, whole_words
from .quotes import find_quotes
from .segment import split_sentences
from .sentiment import mask_entities_in
from .target import score_target

_ACTOR_TYPE = {"name": "country", "demonym": "country", "capital": "country",
               "institution": "institution", "outlet": "media", "international": "organization"}
_CONTEXT = 400


@lru_cache(maxsize=8)
def _country_names(gazetteer_key) -> dict[str, str]:
    """Country code → its first listed name in the gazetteer ("US" → "United States"), so
    "U.S.", "USA" and "America" are one actor."""
    _, facts = gazetteer_matcher(gazetteer_key)
    names: dict[str, str] = {}
    for name, (code, kind, _) in facts.items():
        if kind == "name" and code:
            names.setdefault(code, name)
    return names


def find_actors(paragraphs: Sequence[str], attributions: Sequence[dict], *,
                gazetteer=None, masked: Sequence[str] | None = None,
                sentences: Sequence[list[tuple[int, int]]] | None = None,
                quotes: Sequence[list] | None = None) -> list[tuple]:
    """Mentions in an article's paragraphs: (k, actor, actor_type, country, start, end, tone),
    `k` the paragraph's position. `attributions` are `attribute_article` rows; `masked` the
    paragraphs with entity words masked (`score_sentences`' `scored_text`), `sentences`
    their sentence spans and `quotes` their `find_quotes`, if at hand."""
    _, facts = gazetteer_matcher(gazetteer)
    country_names = _country_names(gazetteer)
    persons: dict[str, tuple[str, str]] = {}  # surname → (full name, country)
    for a in attributions:
        # a possessor ("Despite Obama's" claim) is a speaker, but its words are too often a
        # headline's or a sentence adverb's to name an actor by
        speaker = a.get("speaker") or a["source"]
        if a["identification"] == "named_person" and a["source"] and \
                not speaker.endswith(("'s", "’s")):
            name = person_name(speaker)
            if " " in name:
                persons[name.split()[-1]] = (name, a["country"])
    rows = []
    for k, text in enumerate(paragraphs):
        regions = masked_k = spans = None  # found once per paragraph, when it has a mention
        found: list[tuple[int, int, str, str, str]] = []
        for m in gazetteer_names(text, gazetteer):
            name = POSSESSIVE_END.sub("", m.group())
            if platform_as_medium(text, m.start(), m.start() + len(name)):
                continue  # "said on Twitter": where words were posted, not an actor
            code, kind, _ = facts.get(name, ("", "", ""))
            actor = country_names.get(code, name) if kind == "name" else name
            found.append((m.start(), m.start() + len(name), actor,
                          _ACTOR_TYPE.get(kind, "institution"), code))
        for surname, s_start, s_end in whole_words(text, persons):
            full, country = persons[surname]
            # the full name when it ends at the surname ("Kim Jong Un"), else the surname
            start = s_end - len(full)
            start = start if start >= 0 and text.startswith(full, start) else s_start
            found.append((start, s_end, full, "person", country))
        found.sort()
        last_end = -1
        for start, end, actor, actor_type, country in found:
            if start < last_end:  # overlapping: the earlier, longer match wins
                continue
            last_end = end
            # The tone window is a few words in the mention's clause: the sentence cut to
            # _CONTEXT characters each side holds it, and keeps a giant sentence linear.
            if spans is None:
                spans = sentences[k] if sentences is not None else split_sentences(text)
                masked_k = masked[k] if masked is not None else mask_entities_in(text)
                # quotes paired over the paragraph, not the window
                regions = quotes[k] if quotes is not None else find_quotes(text)
            lo, hi = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
            j = bisect_right(spans, (start, len(text) + 1)) - 1
            if j >= 0 and spans[j][1] >= end:
                lo, hi = max(spans[j][0], lo), min(spans[j][1], hi)
            rows.append((k, actor, actor_type, country, start, end,
                         score_target(text, start, end, sentence=(lo, hi), masked=masked_k,
                                      quote_regions=regions)))
    return rows
