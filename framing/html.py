"""An HTML view of one tagged article: every span highlighted in colour, with a legend.

Stage: tag → **view**. `render_html(tagged)` returns one self-contained HTML document (inline
CSS, no script) showing each paragraph with its role and the spans of every layer:
attribution source, cue and content; stance markers; quotations; credits and datelines; actor
mentions. Hovering a highlight shows (``title`` attribute) each span's layer, label, lexicon
and, for attributions, kind, cue class, identification, source type, country, speaker and the
rule that found it — so a reader can see why a paragraph was coded as it was.

Spans may overlap or nest (a hedge inside a quote inside an attribution's content). The text is
cut at every span boundary; each piece is one ``<span class="hl …">`` carrying the classes of
all spans covering it. Each layer uses its own visual channel (background, underline, box,
italics), so overlapping spans stay visible together. Every piece of text, every label and
every attribute value is passed through :func:`html.escape`.
"""
from __future__ import annotations

import html
import math
from collections.abc import Iterable

import pandas as pd

from .errors import input_error

__all__ = ["render_html", "tagged_repr_html", "span_records", "LEGEND"]

# (layer, label) → (css class, legend text, css rule). Colours: Okabe–Ito (colour-blind safe)
# at reduced opacity for backgrounds. Order = legend order = priority when sources conflict.
LEGEND: dict[tuple[str, str], tuple[str, str, str]] = {
    ("attribution", "source"): ("attr-source", "source",
                                "background:rgba(86,180,233,.45)"),
    ("attribution", "cue"): ("attr-cue", "cue (reporting verb)",
                             "background:rgba(230,159,0,.55)"),
    ("attribution", "content"): ("attr-content", "attributed content",
                                 "border-bottom:3px solid #009E73"),
    ("quote", "quote"): ("quote", "quotation", "font-style:italic;color:#5a2d82"),
    ("stance", "hedge"): ("stance-hedge", "hedge",
                          "outline:2px solid #CC79A7;outline-offset:-1px"),
    ("stance", "booster"): ("stance-booster", "booster",
                            "outline:2px solid #D55E00;outline-offset:-1px"),
    ("stance", "attitude"): ("stance-attitude", "attitude marker",
                             "outline:2px dashed #0072B2;outline-offset:-1px"),
    ("stance", "approximator"): ("stance-approximator", "approximator",
                                 "outline:2px dotted #555;outline-offset:-1px"),
    ("actor", "mention"): ("actor", "actor mention (tone)",
                           "text-decoration:underline wavy #999"),
    ("credit", "wire"): ("credit-wire", "wire credit", "background:rgba(0,0,0,.18)"),
    ("credit", "photo"): ("credit-photo", "photo credit", "background:rgba(0,0,0,.10)"),
    ("dateline", "dateline"): ("dateline", "dateline", "background:rgba(240,228,66,.6)"),
}
_ORDER = {key: i for i, key in enumerate(LEGEND)}
_SKIP_LAYERS = {"segment"}  # sentence spans would cover everything

# Every rule is scoped to the article's container, so the view does not restyle a notebook.
_CSS = [
    ("", 'font-family:"DejaVu Sans",Arial,sans-serif;max-width:60em;margin:1.5em auto;'
         "line-height:1.7;color:#111;padding:0 1em"),
    ("h1", "font-size:1.3em;margin:.2em 0"),
    (".meta", "color:#555;font-size:.9em"),
    (".legend", "display:flex;flex-wrap:wrap;gap:.4em 1em;font-size:.85em;"
                "border:1px solid #ddd;padding:.5em;margin:.8em 0;background:#fafafa"),
    (".legend .hl", "padding:0 .25em"),
    (".para", "display:flex;gap:.7em;margin:.5em 0"),
    (".para .idx", "flex:0 0 7.5em;font-size:.75em;color:#666;text-align:right;"
                   "padding-top:.35em"),
    (".para .text", "flex:1"),
    (".para-caption .text, .para-credit .text", "color:#555;font-size:.92em"),
    (".role", "display:inline-block;border-radius:3px;padding:0 .35em;color:#fff;"
              "background:#777"),
    (".role-body", "background:#0072B2"),
    (".role-heading", "background:#000"),
    (".role-caption", "background:#999"),
    (".role-credit", "background:#bbb;color:#000"),
    (".hl", "padding:.05em 0"),
    (".sent", "font-size:.75em;color:#555;margin-left:.4em"),
    (".other", "background:rgba(204,121,167,.25)"),
]


def _css() -> str:
    rules = _CSS + [(f".{cls}", rule) for cls, _, rule in LEGEND.values()]
    out = []
    for sel, rule in rules:
        scoped = ", ".join(f".framing-article {s.strip()}".rstrip() for s in sel.split(","))
        out.append(f"{scoped}{{{rule}}}")
    return "\n".join(out)


def _class_of(layer: str, label: str) -> str:
    if (layer, label) in LEGEND:
        return LEGEND[(layer, label)][0]
    return "other"


def _is_missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA


def span_records(tagged, doc_id: str) -> pd.DataFrame:
    """Every highlightable span of one article, one row each: ``para_idx, layer, label, start,
    end, info`` (``info``: the tooltip text). Attribution source, cue and content come from
    ``tagged.attributions`` (with their codes); content fragments, stance, quotes, credits and
    any other layer from ``tagged.spans``; actor mentions from ``tagged.actors``. Sentence
    spans (layer ``segment``) are left out. Duplicates (same paragraph, layer, label and
    offsets) are merged, their descriptions joined."""
    rows: list[tuple] = []
    attrs = getattr(tagged, "attributions", None)
    if attrs is not None and len(attrs):
        a = attrs[attrs["doc_id"] == doc_id]
        for r in a.itertuples(index=False):
            codes = "; ".join(
                f"{k}={getattr(r, k)}" for k in ("kind", "cue_class", "identification",
                                                 "source_type", "country", "speaker",
                                                 "speaker_via", "rule")
                if hasattr(r, k) and not _is_missing(getattr(r, k)) and getattr(r, k) != "")
            for label in ("source", "cue", "content"):
                s, e = getattr(r, f"{label}_start", None), getattr(r, f"{label}_end", None)
                if _is_missing(s) or _is_missing(e):
                    continue
                rows.append((int(r.para_idx), "attribution", label, int(s), int(e),
                             f"attribution / {label}: {codes}", "table"))
    spans = getattr(tagged, "spans", None)
    if spans is not None and len(spans):
        sp = spans[(spans["doc_id"] == doc_id) & ~spans["layer"].isin(_SKIP_LAYERS)]
        for r in sp.itertuples(index=False):
            layer, label = str(r.layer), str(r.label)
            lex = getattr(r, "lexicon", "")
            ver = getattr(r, "lexicon_version", "")
            info = f"{layer} / {label}"
            if not _is_missing(lex) and lex:
                info += f" (lexicon {lex} {'' if _is_missing(ver) else ver})".rstrip()
            if bool(getattr(r, "quoted", False)) and layer != "quote":
                info += ", in quoted text"
            rows.append((int(r.para_idx), layer, label, int(r.start), int(r.end), info, "spans"))
    actors = getattr(tagged, "actors", None)
    if actors is not None and len(actors):
        for r in actors[actors["doc_id"] == doc_id].itertuples(index=False):
            tone = getattr(r, "tone", float("nan"))
            tone_s = "n/a" if _is_missing(tone) else f"{float(tone):+.3f}"
            rows.append((int(r.para_idx), "actor", "mention", int(r.start), int(r.end),
                         f"actor: {r.actor} ({r.actor_type}, {r.country or '-'}); "
                         f"tone {tone_s}", "actors"))
    df = pd.DataFrame(rows, columns=["para_idx", "layer", "label", "start", "end", "info",
                                     "origin"])
    # A split quote ("A," X said. "B.") has one whole-content span in the attributions table and
    # one `spans` row per fragment: show the fragments (the said-clause between them is not
    # content), keeping the table's codes in their tooltips.
    content = (df.layer == "attribution") & (df.label == "content")
    frags, whole = df[content & (df.origin == "spans")], df[content & (df.origin == "table")]
    drop = []
    for i, w in whole.iterrows():
        inside = frags[(frags.para_idx == w.para_idx) & (frags.start >= w.start)
                       & (frags.end <= w.end)]
        if len(inside) and not ((inside.start == w.start) & (inside.end == w.end)).any():
            drop.append(i)
            df.loc[inside.index, "info"] = w["info"] + " | " + inside["info"]
    df = df.drop(index=drop).drop(columns="origin")
    df = (df.groupby(["para_idx", "layer", "label", "start", "end"], sort=False, as_index=False)
            .agg(info=("info", lambda s: " | ".join(dict.fromkeys(s)))))
    return df.sort_values(["para_idx", "start", "end"], kind="stable").reset_index(drop=True)


def _pieces(text: str, spans: Iterable[tuple[str, str, int, int, str]]) -> str:
    """The paragraph's text cut at every span boundary, each piece wrapped with the classes
    and descriptions of the spans covering it; all text escaped."""
    spans = [(layer, label, max(0, s), min(len(text), e), info)
             for layer, label, s, e, info in spans if e > s]
    cuts = sorted({0, len(text), *(s for _, _, s, _, _ in spans), *(e for *_, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b])
        cover = [sp for sp in spans if sp[2] <= a and b <= sp[3]]
        if not cover:
            out.append(piece)
            continue
        cover.sort(key=lambda sp: _ORDER.get((sp[0], sp[1]), len(_ORDER)))  # legend order
        classes = list(dict.fromkeys(_class_of(layer, label) for layer, label, *_ in cover))
        title = "\n".join(dict.fromkeys(sp[4] for sp in cover))
        layers = " ".join(dict.fromkeys(f"{layer}:{label}" for layer, label, *_ in cover))
        out.append(f'<span class="hl {" ".join(classes)}" data-spans="{html.escape(layers)}" '
                   f'title="{html.escape(title)}">{piece}</span>')
    return "".join(out)


def _legend(present: set[tuple[str, str]]) -> str:
    items = []
    for key, (cls, text, _) in LEGEND.items():
        if key in present:
            items.append(f'<span><span class="hl {cls}">{html.escape(text)}</span></span>')
    others = sorted(k for k in present if k not in LEGEND)
    for layer, label in others:
        items.append(f'<span><span class="hl other">{html.escape(f"{layer}: {label}")}'
                     f"</span></span>")
    if not items:
        items.append("<span>no spans tagged in this article</span>")
    return '<div class="legend"><strong>Legend</strong>' + "".join(items) + "</div>"


def _fmt(v) -> str:
    return "" if _is_missing(v) else str(v)


def render_html(tagged, doc_id: str | None = None, *, full_page: bool = True) -> str:
    """One article of a tagged corpus as HTML, spans highlighted by layer and label.

    Parameters
    ----------
    tagged : Tagged
        Output of ``framing.tag``.
    doc_id : str, optional
        The article to show; default the first article.
    full_page : bool, default True
        A whole ``<!DOCTYPE html>`` document (for a file or a browser); False gives only the
        ``<div class="framing-article">`` with its ``<style>`` (for a notebook).

    Returns
    -------
    str : self-contained HTML (inline CSS, no script). Every text is escaped with
    :func:`html.escape`. Paragraphs show their index, role and, where scored, sentiment.
    """
    arts = tagged.articles
    if not len(arts):
        raise input_error("the tagged corpus has no articles", fix="tag a non-empty corpus")
    ids = list(arts["doc_id"])
    if doc_id is None:
        doc_id = ids[0]
    elif doc_id not in set(ids):
        shown = ", ".join(map(str, ids[:5])) + (" …" if len(ids) > 5 else "")
        raise input_error(f"doc_id={doc_id!r} is not in this tagged corpus",
                          fix=f"use one of: {shown}")
    art = arts[arts["doc_id"] == doc_id].iloc[0]
    paras = tagged.paragraphs[tagged.paragraphs["doc_id"] == doc_id].sort_values("para_idx")
    recs = span_records(tagged, doc_id)
    present = set(zip(recs["layer"], recs["label"]))

    title = _fmt(art.get("title")) or str(doc_id)
    meta = " · ".join(f"{k}: {_fmt(art.get(k))}" for k in
                      ("outlet", "published", "wire", "event_id", "doc_id")
                      if _fmt(art.get(k)))
    body = [f"<style>{_css()}</style>", '<div class="framing-article">',
            f"<h1>{html.escape(title)}</h1>", f'<div class="meta">{html.escape(meta)}</div>',
            _legend(present)]
    by_para = {k: g for k, g in recs.groupby("para_idx")}
    for p in paras.itertuples(index=False):
        g = by_para.get(int(p.para_idx))
        spans = [] if g is None else list(zip(g["layer"], g["label"], g["start"], g["end"], g["info"]))
        role = html.escape(str(p.role))
        sent = getattr(p, "sentiment", float("nan"))
        sent_html = ("" if _is_missing(sent) else
                     f'<span class="sent" title="mean VADER compound of its sentences">'
                     f"sentiment {float(sent):+.2f}</span>")
        body.append(f'<div class="para para-{role}" data-para="{int(p.para_idx)}">'
                    f'<div class="idx">¶{int(p.para_idx)} '
                    f'<span class="role role-{role}">{role}</span></div>'
                    f'<div class="text">{_pieces(str(p.text), spans)}{sent_html}</div></div>')
    body.append("</div>")
    inner = "\n".join(body)
    if not full_page:
        return inner
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title></head>\n<body>\n{inner}\n</body></html>\n")


def tagged_repr_html(tagged) -> str:
    """`Tagged._repr_html_`: the first article's view (a notebook shows it inline), preceded by
    a one-line count of what the corpus holds."""
    n = len(tagged.articles)
    head = (f"<p>{html.escape(repr(tagged))}"
            + (f" — showing the first of {n} articles; "
               f"<code>framing.html.render_html(tagged, doc_id)</code> shows another.</p>"
               if n > 1 else "</p>"))
    if n == 0:
        return head
    return head + render_html(tagged, full_page=False)
