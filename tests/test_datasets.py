"""The published data sets read with the counts their SOURCE.md files give."""
from __future__ import annotations

import json

import pytest

from framing import FramingError
from framing.datasets import read_allsides, read_basil, read_polnear, strip_linked_names
from conftest import need_shared


def test_basil_counts():
    corpus = read_basil(need_shared("basil"))
    arts = corpus.articles
    assert len(arts) == 300 and arts["event_id"].nunique() == 100
    assert arts["outlet"].value_counts().to_dict() == {"fox": 100, "nyt": 100, "hpo": 100}
    assert (arts.groupby("event_id")["outlet"].apply(sorted).map(tuple) ==
            ("fox", "hpo", "nyt")).all()


def test_basil_paragraph_is_its_sentences_joined():
    root = need_shared("basil")
    corpus = read_basil(root)
    file = sorted((root / "articles" / "2010").glob("*.json"))[0]
    data = json.loads(file.read_text(encoding="utf-8"))
    paras = corpus.paragraphs[corpus.paragraphs["doc_id"] == file.stem]["text"].tolist()
    assert paras[1] == " ".join(data["body-paragraphs"][1])


def test_allsides_counts():
    corpus = read_allsides(need_shared("allsides_abp"))
    arts = corpus.articles
    assert len(arts) == 4092
    assert arts["event_id"].nunique() == 864
    assert arts["rating"].value_counts().to_dict() == {"left": 1364, "center": 1364,
                                                       "right": 1364}
    assert arts["published"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert len(corpus.paragraphs) == 106274
    # The Hill's related-story blocks are cut (724 in 562 paragraphs); none is left
    hill = set(arts.loc[arts["outlet"] == "The Hill", "doc_id"])
    texts = corpus.paragraphs.loc[corpus.paragraphs["doc_id"].isin(hill), "text"]
    assert len(hill) > 0 and not texts.str.contains(r"\bMORE\b").any()


@pytest.mark.parametrize("text,expected", [
    # The Hill's related-story blocks after a linked name, in the forms ABP holds (0.4.1)
    ("NEW YORK — Donald Trump Donald John TrumpTop US diplomat suggested he could 'quit' "
     "READ: texts MORE on Tuesday slammed the RNC.",
     "NEW YORK — Donald Trump on Tuesday slammed the RNC."),
    ("Justices Elena Kagan, Stephen BreyerStephen BreyerDivided Supreme Court leans toward "
     "allowing Trump MORE and Sonia Sotomayor", "Justices Elena Kagan, Stephen Breyer and Sonia "
     "Sotomayor"),
    ("Speaker Paul Ryan Paul Davis Ryan Retirees should say 'no thanks' to the plan MORE "
     "(R-Wis.) is retiring", "Speaker Paul Ryan (R-Wis.) is retiring"),
    ("Sen. Ted Cruz Rafael (Ted) Edward CruzGOP turns furor on media MORE (R-Texas) said",
     "Sen. Ted Cruz (R-Texas) said"),
    ("Mayor Bill de Blasio Bill de BlasioDNC raises thresholds MORE unfavorably.",
     "Mayor Bill de Blasio unfavorably."),
    # no block: text unchanged
    ("NO MORE WAR, the crowd chanted. Paul Ryan said MORE cuts were coming.",
     "NO MORE WAR, the crowd chanted. Paul Ryan said MORE cuts were coming."),
])
def test_strip_linked_names(text, expected):
    assert strip_linked_names(text) == expected


def test_polnear_dev_texts_equal_gold():
    path = need_shared("polnear", "polnear_dev.jsonl")
    corpus = read_polnear(path)
    assert len(corpus.articles) == 84
    gold = {(r["article_id"], r["paragraph_index"]): r["text"]
            for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    ours = {(d, i): t for d, i, t in corpus.paragraphs[["doc_id", "para_idx", "text"]]
            .itertuples(index=False)}
    assert ours == gold
    titles = corpus.paragraphs[corpus.paragraphs["role"] == "heading"]
    assert (titles["para_idx"] == 0).sum() == 84


def test_missing_dataset_says_where_to_get_it(tmp_path):
    with pytest.raises(FramingError, match="github.com/launchnlp/BASIL"):
        read_basil(tmp_path / "basil")
    with pytest.raises(FramingError, match="Article-Bias-Prediction"):
        read_allsides(tmp_path / "abp.jsonl")
    with pytest.raises(FramingError, match="networkdynamics/PolNeAR"):
        read_polnear(tmp_path / "p.jsonl")
