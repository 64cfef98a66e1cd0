"""`framing bench`: paragraphs per second of each layer and of the whole pipeline, against
VADER alone on the same paragraphs, and peak memory — printed, never asserted.

Default data: the AllSides ABP paragraphs (../shared/data/allsides_abp, about 106,000
paragraphs); elsewhere the bundled seed article repeated, so the command runs anywhere.
"""
from __future__ import annotations

import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from .corpus import Corpus

DEFAULT_ABP = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides_abp"


def load_corpus(path: str | Path | None, limit: int | None) -> tuple[Corpus, str]:
    """The ABP corpus (first `limit` articles), or where it is absent the bundled seed
    article repeated 400 times, read the same way (roles, credits)."""
    from .datasets import read_allsides
    from .readers import build_corpus, read_corpus

    path = Path(path) if path else DEFAULT_ABP
    if path.exists():
        corpus, name = read_allsides(path), f"ABP ({path})"
    else:
        reps = 400
        seed = read_corpus(Path(__file__).resolve().parents[1] / "corpora" / "seed")
        article = seed.articles.iloc[0]
        corpus = build_corpus(({"doc_id": f"seed-{i}", "outlet": article["outlet"],
                                "paragraphs": seed.paragraphs["text"].tolist()}
                               for i in range(reps)), source=f"seed x{reps}")
        name = f"bundled seed article x{reps} (ABP not found at {path})"
    if limit:
        corpus = corpus.select(corpus.articles["doc_id"].iloc[:limit])
    return corpus, name


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:10,.0f} paragraphs/s  ({seconds:7.2f} s)"


def run(path: str | Path | None = None, *, limit: int | None = None, jobs: int = 2) -> dict:
    """Time every layer on the same paragraphs; returns the figures it prints."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from .actors import find_actors
    from .attribution import attribute_article
    from .pipeline import tag
    from .quotes import find_quotes
    from .segment import split_sentences
    from .sentiment import score_sentences
    from .stance import tag_stance

    corpus, name = load_corpus(path, limit)
    texts = corpus.paragraphs["text"].tolist()
    by_article = corpus.paragraphs.groupby("doc_id", sort=False)["text"].apply(list).tolist()
    n = len(texts)
    print(f"benchmark on {name}: {len(corpus.articles):,} articles, {n:,} paragraphs, "
          f"1 process unless stated")
    results: dict[str, float] = {}

    def timed(label: str, fn) -> float:
        start = time.perf_counter()
        fn()
        seconds = time.perf_counter() - start
        results[label] = n / seconds
        print(f"  {label:<34}{_rate(n, seconds)}")
        return seconds

    analyzer = SentimentIntensityAnalyzer()
    vader = timed("VADER alone (whole paragraph)", lambda: [analyzer.polarity_scores(t)
                                                           for t in texts])
    sentences = [split_sentences(t) for t in texts[:1]]  # warm caches
    timed("segment (sentences, quotes)",
          lambda: [(split_sentences(t), find_quotes(t)) for t in texts])
    attributions: list = []
    timed("attribution", lambda: attributions.extend(attribute_article(a) for a in by_article))
    quotes = [[(q.start, q.end) for q in find_quotes(t)] for t in texts]
    sentences = [split_sentences(t) for t in texts]
    timed("stance", lambda: [tag_stance(t, quotes=q, sentences=s)
                             for t, q, s in zip(texts, quotes, sentences)])
    scores: list = []
    with _recording_vader() as sentiment_texts:
        timed("sentiment (per sentence, by voice)",
              lambda: scores.extend(score_sentences(t, s, quotes=q)
                                    for t, q, s in zip(texts, quotes, sentences)))
    masked = iter([sc["scored_text"] for sc in scores])
    spans = iter(sentences)
    per_article = [([next(masked) for _ in a], [next(spans) for _ in a]) for a in by_article]
    with _recording_vader() as actor_texts:
        timed("actors (mentions, tone toward each)",
              lambda: [find_actors(a, attr, masked=m, sentences=s) for a, attr, (m, s)
                       in zip(by_article, attributions, per_article)])
    # The VADER work the pipeline cannot avoid: the texts the two layers above handed to
    # VADER, scored again by VADER alone. What is left of the pipeline's time is framing's own.
    vader_inside = _vader_seconds(analyzer, sentiment_texts) + _vader_seconds(analyzer,
                                                                              actor_texts)
    n_calls = len(sentiment_texts) + len(actor_texts)
    del sentiment_texts[:], actor_texts[:]
    # the layers' results (millions of objects) would slow every garbage collection during
    # the pipeline's run, which a real run does not carry: drop them first
    for results_of_a_layer in (attributions, scores, per_article, quotes, sentences):
        results_of_a_layer.clear()
    gc.collect()
    whole = timed("whole pipeline: tag → tables", lambda: tag(corpus))
    if jobs > 1:
        par = timed(f"whole pipeline, {jobs} processes", lambda: tag(corpus, n_jobs=jobs))
        results["speedup"] = whole / par
    results["ratio_to_vader"] = vader / whole
    results["vader_inside"] = vader_inside / vader
    results["vader_calls"] = n_calls
    results["rest_of_pipeline"] = (whole - vader_inside) / vader
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  pipeline speed / VADER-alone speed: {results['ratio_to_vader']:.2f} "
          f"(target >= 0.5)")
    print(f"  in units of VADER-alone time: pipeline {whole / vader:.2f} = VADER calls it needs "
          f"{results['vader_inside']:.2f} ({n_calls:,} texts: each sentence, each voice of a "
          f"mixed sentence, each actor's window) + the rest {results['rest_of_pipeline']:.2f}")
    if jobs > 1:
        print(f"  {jobs} processes / 1 process: {results['speedup']:.2f}x (target >= 1.7x)")
    print(f"  peak memory of this process: {results['peak_rss_mb']:,.0f} MB")
    return results


@contextmanager
def _recording_vader():
    """Within the block, every text framing hands to VADER is appended to the list yielded
    (VADER still scores it); the analyzer is left as it was."""
    from .sentiment import _analyzer

    sia, texts = _analyzer(), []
    score = sia.polarity_scores

    def recording(text):
        texts.append(text)
        return score(text)

    sia.polarity_scores = recording
    try:
        yield texts
    finally:
        del sia.polarity_scores  # the class's method again


def _vader_seconds(analyzer, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        analyzer.polarity_scores(text)
    return time.perf_counter() - start


HOSTILE = ('"Capital Words, «and» ‘quoted’ O\'Neil said, ``Smith\'\' told Reuters: '
           '“Officials reportedly may be about 5" \u2028 — according to Mr. Kim, ')


# other hostile shapes, each once a source of quadratic time: many short quotes (each
# sentence once scanned every quote), one sentence of cue words with no period (VADER's time
# grows with the square of a text's words), and one opening with "On"
SHAPES = {
    "quote marks, commas, capitals, cues": HOSTILE,
    "many short quotes": '"Smith is good," Jones said. "Putin lies" \u2018Kim\u2019 \u00abXi\u00bb ',
    "one sentence of cue words": "officials reportedly believe that the plan may fail and critics "
                                 "say it is bad ",
    # a sentence opening with "On" and no comma: the subject finder looks for the comma that
    # ends an opening adverbial (bounded now, it scanned to the cue for every cue)
    "one sentence opening with 'On'": "On the deal seems good and the plan seems bad ",
}


def run_scaling(sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000),
                shapes: dict[str, str] | None = None) -> list[float]:
    """Time the whole per-article tagger on hostile paragraphs (SHAPES) of growing size:
    linear time shows as a constant time per character. Returns µs/character, shape by shape
    and size by size."""
    from .pipeline import TagOptions, tag_article

    per_char = []
    tag_article("x", "o", [(0, "body", HOSTILE)], [], TagOptions())  # load lexicons first
    for name, unit in (shapes or SHAPES).items():
        print(f"scaling: one paragraph of {name}")
        for size in sizes:
            text = (unit * (size // len(unit) + 1))[:size]
            start = time.perf_counter()
            rows = tag_article("x", "o", [(0, "body", text)], [], TagOptions())
            seconds = time.perf_counter() - start
            per_char.append(seconds / size * 1e6)
            print(f"  {size:>9,} characters: {seconds:7.3f} s, {per_char[-1]:.2f} µs/character, "
                  f"{len(rows['attributions'])} attributions, {len(rows['spans'])} spans")
    return per_char


def _memory(process) -> int:
    try:
        return process.memory_full_info().pss
    except AttributeError:  # no PSS outside Linux
        return process.memory_info().rss


def _watch_tree_rss(proc: subprocess.Popen, every: float = 0.2) -> float:
    """Wait for `proc`; return the largest sum of the memory (MB) of it and its children,
    sampled every `every` seconds (psutil). Proportional set size where Linux gives it, so
    pages the forked workers share with their parent count once; resident size elsewhere."""
    import psutil

    root, peak = psutil.Process(proc.pid), 0.0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(_memory(p) for p in tree) / 2**20)
        except psutil.Error:  # a process ended between listing and reading
            pass
        time.sleep(every)
    return peak


def run_memory(path: str | Path | None = None, *, copies: int = 10, jobs: int = 2) -> float:
    """Tag a JSONL of the ABP paragraphs repeated `copies` times with `framing tag` in a child
    process and print its peak memory (the 1,000,000-paragraph target: copies=10)."""
    corpus, name = load_corpus(path, None)
    grouped = corpus.paragraphs.groupby("doc_id", sort=False)["text"].apply(list)
    outlets = dict(zip(corpus.articles["doc_id"], corpus.articles["outlet"]))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "big.jsonl"
        with open(src, "w", encoding="utf-8") as f:
            for c in range(copies):
                for doc_id, paras in grouped.items():
                    f.write(json.dumps({"doc_id": f"{doc_id}-{c}", "outlet": outlets[doc_id],
                                        "paragraphs": paras}) + "\n")
        n = len(corpus.paragraphs) * copies
        print(f"memory run: {n:,} paragraphs ({name} x{copies}), framing tag --jobs {jobs}")
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "framing.cli", "tag", str(src), "--out",
                                 str(Path(tmp) / "out"), "--jobs", str(jobs)],
                                stdout=subprocess.DEVNULL,
                                env={**os.environ, "TQDM_DISABLE": "1"})
        total_peak = _watch_tree_rss(proc)
        if proc.returncode:
            raise RuntimeError(f"framing tag exited with {proc.returncode}")
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  {_rate(n, seconds)}; peak memory: largest process {peak:,.0f} MB, all processes "
          f"together {total_peak:,.0f} MB (target < 1,500 MB)")
    return peak
