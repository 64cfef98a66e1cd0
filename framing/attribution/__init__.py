"""Attribution: who speaks in a paragraph, through which cue, saying what.

`extract_attributions(text)` finds, for one paragraph, each attribution relation (DESIGN.md):
its `kind` (direct, indirect, mixed, refusal), the spans of its cue, source and content, the
cue's class, and the source's identification, type and country. `attribute_article` does the
same for an article's paragraphs in order, carrying quotes across paragraph breaks and resolving
surnames and pronouns to the last full mention (`speaker`). `predict` is the predictor the
PolNeAR scorer calls; `framing.attribution.evaluate.score_gold` is the project's own scorer.
"""
from __future__ import annotations

from .extract import extract_paragraph
from .classify import classify, content_kind
from .words import ensure_loaded

__all__ = ["extract_attributions", "attribute_article", "predict"]


def extract_attributions(text: str, *, gazetteer=None) -> list[dict]:
    """Attributions in one paragraph.

    Parameters
    ----------
    text : str
        The paragraph.
    gazetteer : str, Path or Lexicon, optional
        An extra gazetteer (a corpus's own actors and institutions) consulted before the
        bundled one for `country` and `source_type`.

    Returns
    -------
    list of dict, in text order, each with `kind`, `cue_span`, `source_span`, `content_span`
    (`[start, end]`, end-exclusive, or None), `content_fragments` (list of `[start, end]`),
    `cue`, `source`, `content` (strings), `cue_class`, `identification`, `source_type`,
    `country` (ISO 3166-1 alpha-2 codes `;`-joined, '' when unknown).
    """
    if not isinstance(text, str):
        from ..errors import input_error
        raise input_error(f"extract_attributions needs a str, got {type(text).__name__}",
                          fix="pass one paragraph's text")
    found = _extract(text, gazetteer)[0]
    for rec in found:  # the text of the content, for readers (the article pass keeps spans)
        rec["content"] = " … ".join(text[s:e] for s, e in rec["content_fragments"])
    return found


def _extract(text: str, gazetteer=None, quotes=None) -> tuple[list[dict], list]:
    """`extract_attributions` and the paragraph's quotes (the article pass needs both; one
    tokenisation per paragraph)."""
    if not text:
        return [], []
    ensure_loaded()
    out = []
    raws, quotes = extract_paragraph(text, quotes)
    for raw in raws:
        frags = raw["content_fragments"]
        content_span = [frags[0][0], frags[-1][1]] if frags else None
        cue_span, source_span = raw["cue_span"], raw["source_span"]
        source = text[source_span[0]:source_span[1]] if source_span else ""
        rec = {
            "kind": "refusal" if raw["cue_kind"] == "refusal" else content_kind(text, frags, quotes),
            "cue_span": cue_span,
            "source_span": source_span,
            "content_span": content_span,
            "content_fragments": frags,
            "cue": text[cue_span[0]:cue_span[1]],
            "source": source,
            "cue_class": raw["cue_class"],
            # the construction that found it (the cue's kind in the cues lexicon, or "clause",
            # "colon", "document", "passive", "raising", "quote-before" …), so a reviewer can
            # see why
            "rule": raw.get("_rule") or raw["cue_kind"],
        }
        rec.update(classify(source, gazetteer=gazetteer))
        out.append(rec)
    return out, quotes


def predict(text: str) -> list[dict]:
    """The PolNeAR scorer's predictor (`--predictor framing.attribution:predict`)."""
    return extract_attributions(text)


def attribute_article(paragraphs, *, gazetteer=None, quotes=None):
    from .article import attribute_article as run
    return run(paragraphs, gazetteer=gazetteer, quotes=quotes)


attribute_article.__doc__ = "See `framing.attribution.article.attribute_article`."
