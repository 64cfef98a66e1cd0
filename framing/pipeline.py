"""`framing.tag`: run every layer over a corpus and return the tidy tables of DESIGN.md.

Stage 3 of read → segment → tag → measure → compare → plot. The work per article is a pure
function of plain Python values (`tag_article`), so it runs the same in one process, in a pool
of processes (`n_jobs`) or on Dask workers, and the tables come out in corpus order.
"""
from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass

import pandas as pd

from .corpus import Corpus
from .errors import invalid_choice
from .quotes import find_quotes
from .segment import WORD_RE, split_sentences
from .tagged import (ACTOR_COLUMNS, ATTRIBUTION_COLUMNS, PARAGRAPH_COLUMNS, SPAN_COLUMNS,
                     STANCE_LABELS, Tagged, to_table)


@dataclass(frozen=True)
class TagOptions:
    """What `tag` computes; recorded in the result's `params` and the run manifest."""

    sentences: bool = True  # a `sentence` span per sentence in `spans`


# Row tuples per table; tables are built once, at the end (pandas per row would be slow).
ArticleRows = dict[str, list[tuple]]


def tag_article(doc_id: str, outlet: str, paragraphs: Sequence[tuple[int, str, str]],
                credits: Sequence[tuple], options: TagOptions) -> ArticleRows:
    """Tag one article: `paragraphs` are (para_idx, role, text) in order, `credits` the
    corpus's credit rows for it. Returns row tuples for each table."""
    para_rows, span_rows = [], [tuple(c) + (False, "agencies", "1.0") for c in credits]
    for para_idx, role, text in paragraphs:
        quotes = [(q.start, q.end) for q in find_quotes(text)]
        sentences = split_sentences(text)
        n_words = n_quoted = 0
        qi = 0
        for m in WORD_RE.finditer(text):
            n_words += 1
            while qi < len(quotes) and quotes[qi][1] <= m.start():
                qi += 1
            if qi < len(quotes) and quotes[qi][0] <= m.start():
                n_quoted += 1
        if options.sentences:
            span_rows.extend((doc_id, para_idx, "segment", "sentence", s, e, text[s:e], False,
                              "", "") for s, e in sentences)
        span_rows.extend((doc_id, para_idx, "quote", "quote", s, e, text[s:e], True, "", "")
                         for s, e in quotes)
        para_rows.append((doc_id, outlet, para_idx, role, text, n_words, len(sentences),
                          n_words - n_quoted, n_quoted, math.nan, math.nan, math.nan, 0)
                         + (0,) * (2 * len(STANCE_LABELS)))
    return {"paragraphs": para_rows, "attributions": [], "spans": span_rows, "actors": []}


def article_items(corpus: Corpus) -> Iterable[tuple]:
    outlets = dict(zip(corpus.articles["doc_id"], corpus.articles["outlet"]))
    credits = {k: list(g.itertuples(index=False, name=None))
               for k, g in corpus.credits.groupby("doc_id", sort=False)}
    paras = corpus.paragraphs
    for doc_id, group in paras.groupby("doc_id", sort=False):
        rows = list(zip(group["para_idx"], group["role"], group["text"]))
        yield doc_id, outlets[doc_id], rows, credits.get(doc_id, [])


def _tag_batch(batch: list[tuple], options: TagOptions,
               on_error: str = "raise") -> list[ArticleRows]:
    results = []
    for item in batch:
        try:
            results.append(tag_article(*item, options))
        except Exception as exc:  # noqa: BLE001 — any failure of one article, with on_error="skip"
            if on_error != "skip":
                raise
            results.append({"skipped": [(item[0], f"{type(exc).__name__}: {exc}")]})
    return results


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def map_articles(items: list[tuple], options: TagOptions, *, n_jobs: int = 1,
                 on_error: str = "raise", pool: ProcessPoolExecutor | None = None
                 ) -> list[ArticleRows]:
    """Tag articles (from `article_items`) in order, in this process or in `pool`."""
    if pool is None or len(items) < 2:
        return _tag_batch(items, options, on_error)
    workers = pool._max_workers  # noqa: SLF001 — the pool's own size
    batches = _chunks(items, max(1, math.ceil(len(items) / (workers * 8))))
    return [r for part in pool.map(_tag_batch, batches, [options] * len(batches),
                                   [on_error] * len(batches)) for r in part]


def worker_count(n_jobs: int) -> int:
    """Processes for `n_jobs` (-1: every core); an invalid value is an error."""
    if not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1:
        raise invalid_choice("n_jobs", n_jobs, ["-1 (all cores)", "1", "2", "…"])
    return (os.cpu_count() or 1) if n_jobs == -1 else n_jobs


def tag(corpus: Corpus, *, n_jobs: int = 1, options: TagOptions | None = None,
        cache: str | os.PathLike | None = None) -> Tagged:
    """Tag every paragraph of `corpus`.

    Parameters
    ----------
    corpus : from `read_corpus` or a `framing.datasets` reader.
    n_jobs : worker processes (1 = this process; -1 = all cores). The tables are identical,
        row for row, whatever `n_jobs` is.
    options : TagOptions.
    cache : a folder (e.g. ".framing-cache"): reuse the tables of an earlier run on the same
        corpus with the same lexicons, options and code (see framing.cache).

    Returns
    -------
    Tagged with `paragraphs`, `attributions`, `spans`, `actors` (columns in framing.tagged).
    """
    options = options or TagOptions()
    workers = worker_count(n_jobs)
    if cache is not None:
        from .cache import cached
        return cached(corpus, options, cache, lambda: tag(corpus, n_jobs=n_jobs,
                                                          options=options))
    items = list(article_items(corpus))
    if workers == 1:
        results = map_articles(items, options)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = map_articles(items, options, pool=pool)
    return assemble(corpus.articles, results, params={"n_jobs": n_jobs, **asdict(options)})


def assemble(articles: pd.DataFrame, results: Iterable[ArticleRows], *,
             params: dict) -> Tagged:
    """Build the four tables from per-article rows (in the order given)."""
    rows: dict[str, list] = {"paragraphs": [], "attributions": [], "spans": [], "actors": [],
                             "skipped": []}
    for result in results:
        for key, value in result.items():
            rows[key].extend(value)
    if rows["skipped"]:
        params = {**params, "skipped": rows["skipped"]}
        skipped = {doc_id for doc_id, _ in rows["skipped"]}
        articles = articles[~articles["doc_id"].isin(skipped)]
    tables = {
        "paragraphs": to_table(rows["paragraphs"], PARAGRAPH_COLUMNS),
        "attributions": to_table(rows["attributions"], ATTRIBUTION_COLUMNS),
        "spans": to_table(rows["spans"], SPAN_COLUMNS),
        "actors": to_table(rows["actors"], ACTOR_COLUMNS),
    }
    return Tagged(articles=articles.reset_index(drop=True), params=params, **tables)
