"""Hand-made Tagged objects for the statistics tests (measures, compare, keyness, wirecopy).

`small_tagged()` is small enough that every measure can be computed by hand (the expected values
are written next to the tests); `random_tagged()` is a larger synthetic corpus for comparisons
against direct statsmodels/scipy calls.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from framing.tagged import ATTRIBUTION_COLUMNS, PARAGRAPH_COLUMNS, STANCE_LABELS, Tagged

NAN = float("nan")


def _paragraph(doc, idx, role, n_auth, n_quot, sent, sent_a, sent_q, text="", **stance):
    row = dict(doc_id=doc, para_idx=idx, role=role, text=text or f"text of {doc} {idx}",
               n_words=n_auth + n_quot, n_sentences=1, n_words_authorial=n_auth,
               n_words_quoted=n_quot, sentiment=sent, sentiment_authorial=sent_a,
               sentiment_quoted=sent_q, n_attributions=0)
    for label in STANCE_LABELS:
        for voice in ("authorial", "quoted"):
            row[f"{label}_{voice}"] = stance.get(f"{label}_{voice}", 0)
    return row


def _attribution(doc, idx, kind, ident, stype, country, cue="said", cue_class="neutral",
                 source="someone"):
    return dict(doc_id=doc, para_idx=idx, kind=kind, cue=cue, cue_start=0, cue_end=len(cue),
                cue_class=cue_class, source=source, source_start=0, source_end=len(source),
                content_start=0, content_end=0, speaker=source, identification=ident,
                source_type=stype, country=country)


def _finish(articles, paragraphs, attributions, actors) -> Tagged:
    arts = pd.DataFrame(articles)
    outlet = arts.set_index("doc_id")["outlet"]
    paras = pd.DataFrame(paragraphs)
    paras["outlet"] = paras["doc_id"].map(outlet)
    attrs = pd.DataFrame(attributions, columns=[c for c in ATTRIBUTION_COLUMNS if c != "outlet"])
    attrs["outlet"] = attrs["doc_id"].map(outlet)
    if len(attrs):
        n = attrs.groupby(["doc_id", "para_idx"]).size().rename("n")
        paras = paras.drop(columns="n_attributions").merge(
            n.reset_index(), on=["doc_id", "para_idx"], how="left")
        paras["n_attributions"] = paras.pop("n").fillna(0).astype(int)
    acts = pd.DataFrame(actors, columns=["doc_id", "para_idx", "actor", "actor_type", "country",
                                         "start", "end", "text", "tone"])
    acts["outlet"] = acts["doc_id"].map(outlet)
    return Tagged(articles=arts, paragraphs=paras[PARAGRAPH_COLUMNS],
                  attributions=attrs[ATTRIBUTION_COLUMNS], actors=acts)


def small_tagged() -> Tagged:
    """Two outlets, five articles, two events; expected values are in tests/test_measures.py."""
    articles = [
        dict(doc_id="a1", outlet="A", published="2020-01-01", title="t", event_id="e1", wire=""),
        dict(doc_id="a2", outlet="A", published="2020-01-02", title="t", event_id="e2", wire=""),
        dict(doc_id="b1", outlet="B", published="2020-01-01", title="t", event_id="e1", wire=""),
        dict(doc_id="b2", outlet="B", published="2020-01-02", title="t", event_id="e2", wire=""),
        dict(doc_id="b3", outlet="B", published="2020-01-03", title="t", event_id="e2", wire=""),
    ]
    P = _paragraph
    paragraphs = [
        P("a1", 0, "heading", 5, 0, 0.9, 0.9, NAN, hedge_authorial=7),
        P("a1", 1, "body", 80, 20, 0.5, 0.4, 0.8, hedge_authorial=2, hedge_quoted=1),
        P("a1", 2, "body", 50, 0, -0.1, -0.1, NAN, hedge_authorial=1),
        P("a2", 0, "body", 20, 20, 0.0, 0.2, -0.2, hedge_quoted=1, booster_authorial=1),
        P("a2", 1, "caption", 10, 0, 0.3, 0.3, NAN),
        P("b1", 0, "body", 60, 0, 0.3, 0.3, NAN, hedge_authorial=3),
        P("b1", 1, "body", 10, 20, -0.5, NAN, -0.5),
        P("b2", 0, "body", 100, 0, 0.1, 0.1, NAN),
        P("b3", 0, "body", 0, 20, -0.4, NAN, -0.4, hedge_quoted=2),
        P("b3", 1, "body", 80, 0, 0.2, 0.2, NAN, booster_authorial=2),
    ]
    A = _attribution
    attributions = [
        A("a1", 0, "direct", "unnamed_person", "government", "KR"),          # heading
        A("a1", 1, "direct", "named_person", "government", "KR", cue="said"),
        A("a1", 1, "indirect", "unnamed_person", "government", "KR;US", cue="claimed",
          cue_class="distancing"),
        A("a2", 0, "mixed", "named_group", "military", "US", cue="warned", cue_class="warning"),
        A("b1", 1, "refusal", "named_group", "organization", "", cue="declined to comment",
          cue_class="refusal"),
        A("b2", 0, "indirect", "unnamed_person", "expert", "US"),
        A("b2", 0, "indirect", "unnamed_group", "media", "CN", cue="reported"),
        A("b2", 0, "direct", "named_person", "citizen", ""),
    ]
    actors = [
        dict(doc_id="a1", para_idx=0, actor="X", actor_type="person", country="KR", start=0,
             end=1, text="X", tone=0.9),
        dict(doc_id="a1", para_idx=1, actor="X", actor_type="person", country="KR", start=0,
             end=1, text="X", tone=0.5),
        dict(doc_id="a1", para_idx=2, actor="Y", actor_type="person", country="US", start=0,
             end=1, text="Y", tone=-0.3),
        dict(doc_id="b2", para_idx=0, actor="X", actor_type="person", country="KR", start=0,
             end=1, text="X", tone=-0.2),
    ]
    return _finish(articles, paragraphs, attributions, actors)


def random_tagged(n_articles: int = 90, outlets=("A", "B", "C"), n_events: int = 10,
                  seed: int = 1) -> Tagged:
    """A synthetic corpus whose outlets differ in attribution, direct-quote, hedge and
    sentiment rates, with article-level random effects (so clustering matters)."""
    rng = np.random.default_rng(seed)
    stypes = ["government", "military", "expert", "citizen", "media"]
    kinds = ["direct", "indirect", "mixed", "refusal"]
    idents = ["named_person", "unnamed_person", "named_group", "unnamed_group"]
    articles, paragraphs, attributions, actors = [], [], [], []
    for i in range(n_articles):
        o = i % len(outlets)
        doc = f"d{i:03d}"
        ev = f"e{rng.integers(n_events)}"
        articles.append(dict(doc_id=doc, outlet=outlets[o], published=f"2020-01-{1 + i % 28:02d}",
                             title="t", event_id=ev, wire=""))
        u = rng.normal(0, 0.5)  # article effect
        for j in range(int(rng.integers(2, 9))):
            n_auth = int(rng.integers(20, 120))
            n_quot = int(rng.integers(0, 40)) if rng.random() < 0.6 else 0
            sent = float(np.clip(rng.normal(0.1 * o - 0.1 + 0.3 * u, 0.4), -1, 1))
            row = _paragraph(doc, j, "body", n_auth, n_quot, sent, sent,
                             sent if n_quot else NAN,
                             hedge_authorial=int(rng.poisson(n_auth * (0.01 + 0.005 * o)
                                                             * np.exp(u))),
                             hedge_quoted=int(rng.poisson(n_quot * 0.01)),
                             booster_authorial=int(rng.poisson(n_auth * 0.004)))
            paragraphs.append(row)
            p_attr = 1 / (1 + np.exp(-(-0.3 + 0.4 * o + u)))
            if rng.random() < p_attr:
                for _ in range(1 + int(rng.poisson(0.5))):
                    pk = [0.3 + 0.1 * o, 0.5, 0.1, 0.1]
                    pk = np.array(pk) / sum(pk)
                    attributions.append(_attribution(
                        doc, j, str(rng.choice(kinds, p=pk)), str(rng.choice(idents)),
                        str(rng.choice(stypes, p=np.roll([0.4, 0.2, 0.2, 0.1, 0.1], o))),
                        str(rng.choice(["KR", "US", "KR;US", "", "CN"])),
                        cue=str(rng.choice(["said", "told", "claimed", "warned"]))))
            if rng.random() < 0.5:
                actors.append(dict(doc_id=doc, para_idx=j, actor="X", actor_type="person",
                                   country="KR", start=0, end=1, text="X",
                                   tone=float(rng.uniform(-1, 1))))
        if i % 7 == 0:
            paragraphs.append(_paragraph(doc, 99, "caption", 8, 0, 0.0, 0.0, NAN))
    return _finish(articles, paragraphs, attributions, actors)
