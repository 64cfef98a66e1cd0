"""framing.html: the article view highlights every span, splits overlaps, escapes all text."""
from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

import framing
from framing.errors import FramingError
from framing.html import render_html, span_records, tagged_repr_html
from framing.tagged import (ACTOR_COLUMNS, ATTRIBUTION_COLUMNS, PARAGRAPH_COLUMNS,
                            SPAN_COLUMNS, Tagged)

TEXT = '"It may work," the minister said <script>document.title="x"</script> & more.'
#       0123456789012345678901234567890123
# quote 0..14, hedge "may" 4..7, content 1..13, source "the minister" 15..27, cue "said" 28..32


class Pieces(HTMLParser):
    """(paragraph index, classes, title, text) of every highlighted piece; paragraph texts."""

    def __init__(self):
        super().__init__()
        self.pieces, self.texts, self._stack, self._para = [], {}, [], None
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "div" and "data-para" in a:
            self._para = int(a["data-para"])
            self.texts[self._para] = ""
        if tag == "div" and a.get("class") == "text":
            self._stack.append("text")
        elif tag == "span" and "hl" in (a.get("class") or "").split() and self._para is not None:
            self._stack.append(["piece", a["class"].split()[1:], a.get("title", ""), ""])
        else:
            self._stack.append(tag)

    def handle_endtag(self, tag):
        top = self._stack.pop() if self._stack else None
        if isinstance(top, list):
            self.pieces.append((self._para, top[1], top[2], top[3]))

    def handle_data(self, data):
        in_text = "text" in self._stack and not any(
            isinstance(s, str) and s == "span" for s in self._stack)
        if self._stack and isinstance(self._stack[-1], list):
            self._stack[-1][3] += data
            in_text = True
        if in_text and self._para is not None:
            self.texts[self._para] += data


def parse(page: str) -> Pieces:
    p = Pieces()
    p.feed(page)
    return p


def row(columns, **values):
    return {c: values.get(c, "") for c in columns}


@pytest.fixture()
def tagged() -> Tagged:
    articles = pd.DataFrame([{"doc_id": "d<1>", "outlet": "Fox & Friends", "published": "2020",
                              "title": "<img src=x onerror=alert(1)>", "event_id": "e1",
                              "wire": ""}])
    paragraphs = pd.DataFrame([
        row(PARAGRAPH_COLUMNS, doc_id="d<1>", outlet="Fox & Friends", para_idx=0,
            role="heading", text="A <b>head</b>", sentiment=float("nan")),
        row(PARAGRAPH_COLUMNS, doc_id="d<1>", outlet="Fox & Friends", para_idx=1,
            role="body", text=TEXT, sentiment=0.25),
    ])
    attributions = pd.DataFrame([row(
        ATTRIBUTION_COLUMNS, doc_id="d<1>", outlet="Fox & Friends", para_idx=1, kind="direct",
        cue="said", cue_start=28, cue_end=32, cue_class="neutral", source="the minister",
        source_start=15, source_end=27, content_start=1, content_end=13, speaker="the minister",
        identification="unnamed_person", source_type="government", country="")])
    spans = pd.DataFrame([
        row(SPAN_COLUMNS, doc_id="d<1>", para_idx=1, layer="segment", label="sentence",
            start=0, end=len(TEXT), text=TEXT, quoted=False),
        row(SPAN_COLUMNS, doc_id="d<1>", para_idx=1, layer="quote", label="quote", start=0,
            end=14, text=TEXT[0:14], quoted=True),
        row(SPAN_COLUMNS, doc_id="d<1>", para_idx=1, layer="stance", label="hedge", start=4,
            end=7, text="may", quoted=True, lexicon="stance", lexicon_version="1.0"),
    ])
    return Tagged(articles=articles, paragraphs=paragraphs, attributions=attributions,
                  spans=spans, actors=pd.DataFrame(columns=ACTOR_COLUMNS))


def test_overlapping_spans_are_split_at_every_boundary(tagged):
    p = parse(render_html(tagged))
    got = [(cls, text) for para, cls, _, text in p.pieces if para == 1]
    assert got == [
        (["quote"], '"'),
        (["attr-content", "quote"], "It "),
        (["attr-content", "quote", "stance-hedge"], "may"),
        (["attr-content", "quote"], " work,"),
        (["quote"], '"'),
        (["attr-source"], "the minister"),
        (["attr-cue"], "said"),
    ]


def test_text_survives_round_trip_and_is_escaped(tagged):
    page = render_html(tagged)
    p = parse(page)
    assert p.texts[1].startswith(TEXT)      # then the sentiment badge
    assert p.texts[0] == "A <b>head</b>"
    assert p.scripts == 0
    assert "<script>" not in page and "<b>" not in page and "<img" not in page
    assert "&lt;script&gt;document.title=&quot;x&quot;&lt;/script&gt; &amp; more." in page
    assert "<title>&lt;img src=x onerror=alert(1)&gt;</title>" in page
    assert "Fox &amp; Friends" in page and 'data-para="1"' in page


def test_tooltips_name_layer_label_lexicon_and_codes(tagged):
    p = parse(render_html(tagged))
    titles = {text: title for _, _, title, text in p.pieces}
    assert "stance / hedge (lexicon stance 1.0), in quoted text" in titles["may"]
    assert "attribution / content: kind=direct" in titles["may"]
    assert titles["the minister"] == (
        "attribution / source: kind=direct; cue_class=neutral; identification=unnamed_person; "
        "source_type=government; speaker=the minister")


def test_legend_lists_present_layers_and_roles_shown(tagged):
    page = render_html(tagged)
    legend = page[page.index('class="legend"'):page.index("</div>", page.index('class="legend"'))]
    for text in ("source", "cue (reporting verb)", "attributed content", "quotation", "hedge"):
        assert f">{text}</span>" in legend
    assert "booster" not in legend and "photo credit" not in legend
    assert '<span class="role role-heading">heading</span>' in page
    assert '<span class="role role-body">body</span>' in page
    assert "sentiment +0.25" in page


def test_split_quote_fragments_replace_whole_content(tagged):
    text = '"A," Smith said. "B."'
    t = Tagged(
        articles=tagged.articles,
        paragraphs=pd.DataFrame([row(PARAGRAPH_COLUMNS, doc_id="d<1>", para_idx=0,
                                     role="body", text=text)]),
        attributions=pd.DataFrame([row(
            ATTRIBUTION_COLUMNS, doc_id="d<1>", para_idx=0, kind="direct", cue_start=11,
            cue_end=15, source_start=5, source_end=10, content_start=1, content_end=19)]),
        spans=pd.DataFrame([
            row(SPAN_COLUMNS, doc_id="d<1>", para_idx=0, layer="attribution", label="content",
                start=1, end=3, text="A,"),
            row(SPAN_COLUMNS, doc_id="d<1>", para_idx=0, layer="attribution", label="content",
                start=18, end=19, text="B")]))
    recs = span_records(t, "d<1>")
    content = recs[recs.label == "content"][["start", "end"]].values.tolist()
    assert content == [[1, 3], [18, 19]]
    assert set(recs.label) == {"content", "source", "cue"}


def test_no_script_and_no_external_resource(tagged):
    page = render_html(tagged)
    for banned in ("<script", "href=", "@import", "url(", "<img", "<link"):
        assert banned not in page
    assert page.count("src=") == 2  # the escaped title, in <title> and <h1>, nowhere else
    assert page.count("<style>") == 1


def test_unknown_doc_id_names_valid_ones(tagged):
    with pytest.raises(FramingError, match=r"doc_id='nope'.*d<1>"):
        render_html(tagged, doc_id="nope")


def test_seed_article_quotes_and_credits_highlighted(seed_path):
    t = framing.tag(framing.read_corpus(seed_path))
    page = render_html(t)
    p = parse(page)
    spans = t.spans[t.spans.layer.isin(["quote", "credit"])]
    for layer_cls, (layer, label) in (("quote", ("quote", "quote")),
                                      ("credit-photo", ("credit", "photo")),
                                      ("credit-wire", ("credit", "wire"))):
        want = sorted(spans[(spans.layer == layer) & (spans.label == label)]
                      .apply(lambda r: (r.para_idx, r.text), axis=1))
        joined: dict = {}
        for para, cls, _, text in p.pieces:
            if layer_cls in cls:
                joined.setdefault(para, []).append(text)
        # pieces of one span are contiguous; per paragraph their concatenation is the spans' text
        assert sorted(joined) == sorted({w[0] for w in want})
        for para in joined:
            assert "".join(joined[para]) == "".join(t for q, t in want if q == para)
    # every paragraph's text is shown, in order, exactly
    paras = t.paragraphs.sort_values("para_idx")
    assert [p.texts[i][:len(x)] for i, x in zip(paras.para_idx, paras.text)] == list(paras.text)
    assert page.count('class="para ') == len(paras) == 27


def test_repr_html_is_a_fragment(tagged):
    out = tagged_repr_html(tagged)
    assert out.startswith("<p>&lt;Tagged 1 articles")
    assert "<!DOCTYPE" not in out and "<body" not in out
    assert ".framing-article .attr-cue{" in out
