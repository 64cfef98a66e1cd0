"""The Corpus: articles and their paragraphs, as two tidy tables (DESIGN.md, "Units").

A Corpus never changes the text it was given; readers build it, `framing.tag` consumes it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .errors import input_error

ARTICLE_COLUMNS = ["doc_id", "outlet", "published", "title", "event_id", "wire"]
PARAGRAPH_COLUMNS = ["doc_id", "para_idx", "role", "text"]
ROLES = ("body", "heading", "caption", "credit")


@dataclass(frozen=True)
class Corpus:
    """Articles (`doc_id, outlet, published, title, event_id, wire`) and paragraphs
    (`doc_id, para_idx, role, text`), keys as columns; plus credit spans found while reading
    (`doc_id, para_idx, layer, label, start, end, text`) and where the corpus came from."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    credits: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["doc_id", "para_idx", "layer", "label", "start", "end", "text"]))
    source: str = ""

    def __post_init__(self) -> None:
        where = self.source or "corpus"
        for name, table, columns in (("articles", self.articles, ARTICLE_COLUMNS),
                                     ("paragraphs", self.paragraphs, PARAGRAPH_COLUMNS)):
            missing = [c for c in columns if c not in table.columns]
            if missing:
                raise input_error(f"the {name} table lacks columns {missing}", where=where,
                                  fix=f"it needs {columns}")
        if self.articles.empty:
            raise input_error("the corpus holds no article", where=where,
                              fix="check the path and that the files are not empty")
        dup = self.articles["doc_id"][self.articles["doc_id"].duplicated()]
        if len(dup):
            raise input_error(f"doc_id {dup.iloc[0]!r} appears more than once", where=where,
                              fix="give every article a unique doc_id")

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        outlets = self.articles["outlet"].nunique()
        return (f"<Corpus {len(self.articles)} articles, {len(self.paragraphs)} paragraphs, "
                f"{outlets} outlets from {self.source or 'memory'}>")

    def select(self, doc_ids) -> "Corpus":
        """The articles with these `doc_id`s (in corpus order), their paragraphs and credits."""
        keep = set(doc_ids)

        def rows(table: pd.DataFrame) -> pd.DataFrame:
            return table[table["doc_id"].isin(keep)].reset_index(drop=True)

        return Corpus(articles=rows(self.articles), paragraphs=rows(self.paragraphs),
                      credits=rows(self.credits), source=self.source)

    def summary(self) -> pd.DataFrame:
        """Articles, paragraphs and paragraphs per role, one row per outlet."""
        roles = (self.paragraphs.merge(self.articles[["doc_id", "outlet"]], on="doc_id")
                 .pivot_table(index="outlet", columns="role", values="para_idx",
                              aggfunc="count", fill_value=0))
        arts = self.articles.groupby("outlet").size().rename("articles")
        out = pd.concat([arts, roles], axis=1).fillna(0).astype(int)
        out.insert(1, "paragraphs", roles.sum(axis=1))
        return out.reset_index()
