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
from functools import lru_cache

import pandas as pd

from .corpus import Corpus
from .errors import invalid_choice
from .quotes import find_quotes
from .actors import find_actors
from .attribution import attribute_article
from .segment import WORD_RE, split_sentences
from .sentiment import score_sentences
from .stance import tag_stance
from .tagged import (ACTOR_COLUMNS, ATTRIBUTION_COLUMNS, PARAGRAPH_COLUMNS, SPAN_COLUMNS,
                     STANCE_LABELS, Tagged, to_table)


@dataclass(frozen=True)
class TagOptions:
    """What `tag` computes; recorded in the result's `params` and the run manifest.

    sentences : a `sentence` span (with its VADER compound in `score`) per sentence.
    mask_entities : keep the words of named entities ("Workers' Party", "Security Council")
        from moving VADER scores (framing.sentiment; default measured on vader_nyt).
    actors : the `actors` table: gazetteer names and speaking persons, with the tone toward
        each mention (framing.actors).
    gazetteer : a user's gazetteer file (a corpus's own actors), consulted before the bundled.
    """

    sentences: bool = True
    mask_entities: bool = True
    actors: bool = True
    gazetteer: str | None = None


# Row tuples per table; tables are built once, at the end (pandas per row would be slow).
ArticleRows = dict[str, list[tuple]]


def _span(doc_id, para_idx, layer, label, start, end, text, quoted=False, lexicon="",
          version="", ref="", score=math.nan) -> tuple:
    return (doc_id, para_idx, layer, label, start, end, text[start:end], quoted, lexicon,
            version, ref, score)


@lru_cache(maxsize=None)
def _lexicon_version(name: str) -> str:
    from .lexicons import load_lexicon
    return load_lexicon(name).version


def tag_article(doc_id: str, outlet: str, paragraphs: Sequence[tuple[int, str, str]],
                credits: Sequence[tuple], options: TagOptions) -> ArticleRows:
    """Tag one article: `paragraphs` are (para_idx, role, text) in order, `credits` the
    corpus's credit rows for it (doc_id, para_idx, layer, label, start, end, text). Returns
    row tuples for each table."""
    agencies = _lexicon_version("agencies")
    span_rows = [tuple(c) + (False, "agencies", agencies, "", math.nan) for c in credits]
    texts = [text for _, _, text in paragraphs]
    para_quotes = [find_quotes(text) for text in texts]  # one pass; every layer reads them
    attributions = attribute_article(texts, gazetteer=options.gazetteer,
                                     quotes=para_quotes) if texts else []
    cues_version = _lexicon_version("cues")
    attr_rows, n_attr = [], [0] * len(paragraphs)
    for n, a in enumerate(attributions):
        k = a["para_idx"]
        para_idx, text = paragraphs[k][0], texts[k]
        ref = f"{doc_id}:{n}"
        n_attr[k] += 1
        attr_rows.append((doc_id, outlet, para_idx, a["kind"], a["cue"], a["cue_start"],
                          a["cue_end"], a["cue_class"], a["source"], a["source_start"],
                          a["source_end"], a["content_start"], a["content_end"], a["speaker"],
                          a["identification"], a["source_type"], a["country"], ref,
                          a.get("rule", ""), a.get("speaker_via", "")))
        if a["cue_start"] is not None:
            span_rows.append(_span(doc_id, para_idx, "attribution", "cue", a["cue_start"],
                                   a["cue_end"], text, False, "cues", cues_version, ref))
        if a["source_start"] is not None:
            span_rows.append(_span(doc_id, para_idx, "attribution", "source",
                                   a["source_start"], a["source_end"], text, ref=ref))
        for s, e in a["content_fragments"] or []:
            span_rows.append(_span(doc_id, para_idx, "attribution", "content", s, e, text,
                                   a["kind"] in ("direct", "mixed"), ref=ref))

    para_rows, masked, sentence_spans = [], [], []
    for k, (para_idx, role, text) in enumerate(paragraphs):
        quotes = [(q.start, q.end) for q in para_quotes[k]]
        sentences = split_sentences(text)
        n_words, n_quoted = _count_words(text, quotes)
        scores = score_sentences(text, sentences, quotes=quotes,
                                 mask_entities=options.mask_entities)
        masked.append(scores["scored_text"])
        sentence_spans.append(sentences)
        if options.sentences:
            span_rows.extend(_span(doc_id, para_idx, "segment", "sentence", s, e, text,
                                   score=c) for (s, e), c in zip(sentences, scores["compounds"]))
        span_rows.extend(_span(doc_id, para_idx, "quote", "quote", s, e, text, True)
                         for s, e in quotes)
        counts = dict.fromkeys((f"{label}_{voice}" for label in STANCE_LABELS
                                for voice in ("authorial", "quoted")), 0)
        for m in tag_stance(text, quotes=quotes, sentences=sentences):
            counts[f"{m['label']}_{'quoted' if m['quoted'] else 'authorial'}"] += 1
            span_rows.append(_span(doc_id, para_idx, "stance", m["label"], m["start"],
                                   m["end"], text, m["quoted"], m["lexicon"],
                                   m["lexicon_version"]))
        para_rows.append((doc_id, outlet, para_idx, role, text, n_words, len(sentences),
                          n_words - n_quoted, n_quoted, scores["sentiment"],
                          scores["sentiment_authorial"], scores["sentiment_quoted"], n_attr[k],
                          *counts.values()))
    # a credit ("(Reuters)", "AP-Yonhap |") names who supplied text or photo, and a dateline
    # where it was filed: neither is a mention of an actor
    credited: dict[int, list[tuple[int, int]]] = {}
    for c in credits:
        credited.setdefault(c[1], []).append((c[4], c[5]))
    actor_rows = [(doc_id, outlet, paragraphs[k][0], actor, actor_type, country, start, end,
                   texts[k][start:end], tone)
                  for k, actor, actor_type, country, start, end, tone
                  in (find_actors(texts, attributions, gazetteer=options.gazetteer,
                                  masked=masked, sentences=sentence_spans,
                                  quotes=para_quotes)
                      if options.actors else [])
                  if not any(s <= start < e for s, e in credited.get(paragraphs[k][0], ()))]
    return {"paragraphs": para_rows, "attributions": attr_rows, "spans": span_rows,
            "actors": actor_rows}


def _count_words(text: str, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Words in the paragraph, and words starting inside quotation marks (a quote opens on a
    mark, never inside a word, so scanning from it finds the same words)."""
    n_quoted = 0
    for s, e in quotes:
        for m in WORD_RE.finditer(text, s):
            if m.start() >= e:
                break
            n_quoted += 1
    return len(WORD_RE.findall(text)), n_quoted


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


def warm_up(options: TagOptions) -> None:
    """Load every lexicon, model and module a tagger needs, in this process: worker processes
    forked afterwards inherit them instead of each loading them again."""
    tag_article("warm-up", "", [(0, "body", 'Kim said, "Yes." Officials reportedly agreed.')],
                [], options)


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
        warm_up(options)
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
