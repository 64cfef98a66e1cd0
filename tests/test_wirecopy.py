"""framing.wirecopy: a wire story planted in a small corpus is found (paragraphs and article),
verified Jaccard values equal a direct set computation, a planted shared quotation and planted
boilerplate are classified as such, and measure() excludes only the wire copies."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from helpers_stats import _finish, _paragraph

from framing.corpus import Corpus
from framing.errors import FramingError
from framing.comparison import compare
from framing.measures import measure
from framing.wirecopy import CopyRules, _choose_bands, find_wire_copies, quoted_share

WIRE = [
    "SEOUL (Reuters) - North Korea fired two short-range ballistic missiles into the sea off "
    "its east coast on Thursday, South Korea's military said, the latest in a series of "
    "weapons tests that have raised tensions on the peninsula.",
    "The missiles were launched from the Hamhung area and flew about 350 km at an altitude of "
    "about 50 km before landing in the sea, the Joint Chiefs of Staff said in a statement.",
    "\"We strongly condemn the launch, which is a clear violation of United Nations Security "
    "Council resolutions,\" a spokesman for the Japanese government told reporters in Tokyo.",
    "Analysts said the tests were likely intended to pressure Washington ahead of stalled "
    "denuclearisation talks, which have made little progress since a summit in Hanoi collapsed "
    "without agreement last year, and to show domestic audiences that the military remained "
    "strong despite sanctions, floods and a border closure that has hurt the economy.",
    "The U.S. State Department said it was aware of the launches and was consulting closely "
    "with its allies in the region.",
]


def _filler(rng, n_words):
    vocab = [f"w{i}" for i in range(400)]
    return " ".join(rng.choice(vocab, size=n_words)) + "."


def planted_corpus():
    """Outlet A runs the Reuters story; outlet B republishes it a day later with a new
    dateline, typographic quotes, one word changed in the long paragraph, one paragraph
    dropped and one of its own added; outlets B and C have unrelated stories too."""
    rng = np.random.default_rng(0)
    articles, paragraphs = [], []

    def add(doc, outlet, published, texts, wire=""):
        articles.append(dict(doc_id=doc, outlet=outlet, published=published, title=doc,
                             event_id="e1", wire=wire))
        for i, text in enumerate(texts):
            n = len(text.split())
            paragraphs.append(_paragraph(doc, i, "body", n, 0, 0.0, 0.0, float("nan"),
                                         text=text, hedge_authorial=1))

    add("a_wire", "A", "2020-05-01", WIRE, wire="Reuters")
    copy = [re.sub(r"^SEOUL \(Reuters\) -", "SEOUL, May 2 (Reuters) --", WIRE[0]),
            WIRE[1],
            WIRE[2].replace('"', "\u201c", 1).replace('"', "\u201d", 1),
            WIRE[3].replace("little progress", "scant progress").upper(),
            _filler(rng, 40)]
    add("b_copy", "B", "2020-05-02", copy, wire="Reuters")
    for k in range(6):
        add(f"b_own{k}", "B", "2020-05-0%d" % (k + 1), [_filler(rng, 40) for _ in range(4)])
        add(f"c_own{k}", "C", "2020-05-0%d" % (k + 1), [_filler(rng, 40) for _ in range(4)])
    return _finish(articles, paragraphs, [], [])


def _jaccard(a, b, k=5):
    def sh(t):
        toks = re.findall(r"\w+", t.lower())
        return {tuple(toks[i:i + k]) for i in range(len(toks) - k + 1)}
    A, B = sh(a), sh(b)
    return len(A & B) / len(A | B)


def test_planted_wire_story_is_found():
    t = planted_corpus()
    w = find_wire_copies(t)
    p = w.paragraphs
    found = set(zip(p.doc_id, p.para_idx))
    # lead (new dateline), paragraph 2 (verbatim), 3 (quotes), 4 (one word changed, upper case)
    assert found == {("a_wire", 0), ("b_copy", 0), ("a_wire", 1), ("b_copy", 1),
                     ("a_wire", 2), ("b_copy", 2), ("a_wire", 3), ("b_copy", 3)}
    assert p.groupby("cluster_id").size().eq(2).all() and p.cross_outlet.all()
    assert set(p[p.is_first].doc_id) == {"a_wire"}  # the earlier publication is the original
    pairs = w.pairs[w.pairs.level == "paragraph"]
    text = t.paragraphs.set_index(["doc_id", "para_idx"])["text"]
    for r in pairs.itertuples():
        expected = _jaccard(text[(r.doc_id_a, r.para_idx_a)], text[(r.doc_id_b, r.para_idx_b)])
        assert r.jaccard == pytest.approx(expected, abs=1e-12)
    # the whole articles: 4 of 5 paragraphs shared plus one new one; below 0.8 as articles
    arts = w.pairs[w.pairs.level == "article"]
    assert arts.empty or set(arts.doc_id_a) | set(arts.doc_id_b) <= {"a_wire", "b_copy"}


def test_article_level_and_lower_threshold():
    t = planted_corpus()
    w = find_wire_copies(t, threshold=0.5)
    a = w.articles
    assert set(a.doc_id) == {"a_wire", "b_copy"}
    assert a.set_index("doc_id").loc["b_copy", "n_copied_paragraphs"] == 4
    assert (a.wire == "Reuters").all()


def test_no_false_positives_and_determinism():
    t = planted_corpus()
    w1, w2 = find_wire_copies(t, seed=1), find_wire_copies(t, seed=1)
    pd.testing.assert_frame_equal(w1.paragraphs, w2.paragraphs)
    assert not set(w1.paragraphs.doc_id) & {f"c_own{k}" for k in range(6)}


def test_accepts_corpus():
    t = planted_corpus()
    corpus = Corpus(articles=t.articles, paragraphs=t.paragraphs[["doc_id", "para_idx", "role",
                                                                  "text"]])
    assert len(find_wire_copies(corpus).paragraphs) == 8


def test_measure_excludes_copies():
    t = planted_corpus()
    base = measure(t, n_boot=0).set_index("outlet")
    excl = measure(t, n_boot=0, exclude_wire_copies=True).set_index("outlet")
    assert base.loc["B", "n_paragraphs"] - excl.loc["B", "n_paragraphs"] == 4
    assert excl.loc["A", "n_paragraphs"] == base.loc["A", "n_paragraphs"] == 5


def test_measure_and_compare_take_a_computed_wire_copies():
    """A `find_wire_copies` result is used as given: with other rules (no cluster is wire when
    every cluster may span at most one outlet) nothing is dropped; with the defaults it equals
    exclude_wire_copies=True; anything else is an error naming what to pass."""
    t = mixed_corpus()
    base = measure(t, n_boot=0).set_index("outlet")
    default = measure(t, n_boot=0, exclude_wire_copies=True)
    given = measure(t, n_boot=0, exclude_wire_copies=find_wire_copies(t))
    pd.testing.assert_frame_equal(default, given)
    none_wire = find_wire_copies(t, rules=CopyRules(max_outlets=1))
    kept = measure(t, n_boot=0, exclude_wire_copies=none_wire).set_index("outlet")
    assert (kept["n_paragraphs"] == base["n_paragraphs"]).all()
    with pytest.raises(FramingError, match="find_wire_copies"):
        measure(t, n_boot=0, exclude_wire_copies="yes")
    with pytest.raises(FramingError, match="find_wire_copies"):
        compare(t, measure="attribution_ratio", exclude_wire_copies=0.8)


def test_band_choice_favours_recall():
    b, r = _choose_bands(0.8, 128)
    assert b * r <= 128
    assert 1 - (1 - 0.8 ** r) ** b > 0.95  # a pair at the threshold is very likely a candidate


def test_errors():
    with pytest.raises(FramingError, match="threshold"):
        find_wire_copies(planted_corpus(), threshold=0)
    with pytest.raises(FramingError, match="expected a Tagged or Corpus"):
        find_wire_copies(pd.DataFrame())


QUOTE = ("\"We will not accept any deal that leaves our farmers behind, and we will fight it in "
         "every court in the land,\" Senator Jane Doe said on Tuesday.")
FOOTER = ("The Valley Ledger is an independent newspaper serving readers across the region "
          "since its founding by a cooperative of printers.")
CONTRIB = "Fox News' John Smith and The Associated Press contributed to this report."
BYLINE = "By Jane Roe and John Doe, staff writers of the evening desk, with reporting from Ohio"
SHORT = "Not all of the choreography appeared to go off as planned."


def mixed_corpus():
    """planted_corpus() plus: a statement quoted verbatim by B and C in otherwise unrelated
    stories; C's footer in four of its stories and one of B's; an AP contribution note, a
    byline of role credit and a short sentence each shared by one B and one C story."""
    rng = np.random.default_rng(1)
    t = planted_corpus()
    arts = t.articles.to_dict("records")
    paras = []
    for doc, extra in (("b_q", [QUOTE, FOOTER, CONTRIB, (BYLINE, "credit"), SHORT]),
                       ("c_q", [QUOTE, FOOTER, CONTRIB, (BYLINE, "credit"), SHORT]),
                       ("c_f1", [FOOTER]), ("c_f2", [FOOTER]), ("c_f3", [FOOTER])):
        outlet = doc[0].upper()
        arts.append(dict(doc_id=doc, outlet=outlet, published="2020-06-01", title=doc,
                         event_id="e2", wire=""))
        texts = [_filler(rng, 40), *extra, _filler(rng, 40)]
        for i, x in enumerate(texts):
            text, role = x if isinstance(x, tuple) else (x, "body")
            paras.append(_paragraph(doc, i, role, len(text.split()), 0, 0.0, 0.0, float("nan"),
                                    text=text, hedge_authorial=1))
    rows = t.paragraphs.to_dict("records")
    return _finish(arts, [{k: r[k] for k in paras[0]} for r in rows] + paras, [], [])


def _kind_of(w, doc, idx):
    row = w.paragraphs[(w.paragraphs.doc_id == doc) & (w.paragraphs.para_idx == idx)]
    assert len(row) == 1, (doc, idx)
    return row["kind"].iloc[0], row["reason"].iloc[0]


def test_shared_quote_and_boilerplate_are_not_wire_copy():
    t = mixed_corpus()
    w = find_wire_copies(t)
    assert _kind_of(w, "b_q", 1) == _kind_of(w, "c_q", 1) == ("shared_quote", "quoted")
    assert _kind_of(w, "b_q", 2) == ("boilerplate", "repeated_in_outlet")  # C: 4 stories
    assert w.paragraphs[w.paragraphs.para_idx.eq(2) & w.paragraphs.doc_id.isin(
        ["c_q"])]["n_members"].iloc[0] == 5
    assert _kind_of(w, "c_q", 3) == ("boilerplate", "marker")
    assert _kind_of(w, "c_q", 4) == ("boilerplate", "role_credit")
    assert _kind_of(w, "c_q", 5) == ("boilerplate", "short")
    # the planted wire story is still wire copy; its quotation travelled with it
    for idx in (0, 1, 3):
        assert _kind_of(w, "b_copy", idx) == ("wire", "copy")
    assert _kind_of(w, "b_copy", 2) == ("wire", "in_copied_article")
    assert set(w.paragraphs[w.paragraphs.kind == "wire"].doc_id) == {"a_wire", "b_copy"}
    q = w.paragraphs[(w.paragraphs.doc_id == "b_q") & (w.paragraphs.para_idx == 1)]
    assert q["quoted_share"].iloc[0] == pytest.approx(quoted_share(QUOTE))
    assert quoted_share(QUOTE) == pytest.approx(22 / 28)  # 22 words inside the marks, 28 in all


def test_article_level_wire_copy_and_reasons():
    w = find_wire_copies(mixed_corpus())
    a = w.articles.set_index("doc_id")
    assert set(a.index) == {"a_wire", "b_copy"}  # b_q/c_q share a quote and furniture only
    assert a.loc["b_copy", "kind"] == "wire" and a.loc["b_copy", "n_copied_paragraphs"] == 4
    assert a.loc["b_copy", "reason"] == "copied_paragraphs;wire_credit"
    art = w.pairs[w.pairs.level == "article"].iloc[0]
    # 3 clusters of reason "copy" link them; the quotation joins the copy afterwards
    assert (art.doc_id_a, art.doc_id_b, art.n_shared) == ("a_wire", "b_copy", 3)
    text = mixed_corpus().paragraphs.groupby("doc_id")["text"].agg(" ".join)
    assert art.jaccard == pytest.approx(_jaccard(text["a_wire"], text["b_copy"]), abs=1e-12)
    # without the agency credit and with a higher bar, the two stories are not linked
    strict = find_wire_copies(mixed_corpus(), rules=CopyRules(min_copied=5))
    assert strict.articles.reason.eq("wire_credit").all()


def test_rules_thresholds():
    t = mixed_corpus()
    w = find_wire_copies(t, rules=CopyRules(max_outlets=1))
    assert (w.paragraphs.kind != "wire").all()  # every cluster spans 2 outlets: boilerplate
    w = find_wire_copies(t, rules=CopyRules(quote_share=0.9, short_words=5))
    assert _kind_of(w, "b_q", 1) == ("wire", "copy")
    assert _kind_of(w, "c_q", 5) == ("wire", "copy")
    with pytest.raises(FramingError, match="quote_share"):
        CopyRules(quote_share=0)
    with pytest.raises(FramingError, match="max_outlets"):
        CopyRules(max_outlets=0)
    with pytest.raises(FramingError, match="CopyRules"):
        find_wire_copies(t, rules={"max_outlets": 3})


def test_measure_excludes_only_wire_copies():
    t = mixed_corpus()
    base = measure(t, n_boot=0).set_index("outlet")
    excl = measure(t, n_boot=0, exclude_wire_copies=True).set_index("outlet")
    # B loses the four copied paragraphs of b_copy; the shared quote, the footer, the AP note
    # and the short sentence stay in B and C, and A (the original) loses nothing
    assert base.loc["B", "n_paragraphs"] - excl.loc["B", "n_paragraphs"] == 4
    assert excl.loc["C", "n_paragraphs"] == base.loc["C", "n_paragraphs"]
    assert excl.loc["A", "n_paragraphs"] == base.loc["A", "n_paragraphs"]


def test_empty_and_no_duplicates():
    t = planted_corpus()
    one = Corpus(articles=t.articles[t.articles.doc_id == "c_own0"],
                 paragraphs=t.paragraphs[t.paragraphs.doc_id == "c_own0"][
                     ["doc_id", "para_idx", "role", "text"]])
    w = find_wire_copies(one)
    assert w.paragraphs.empty and w.articles.empty
    assert {"kind", "reason", "n_words", "quoted_share"} <= set(w.paragraphs.columns)
