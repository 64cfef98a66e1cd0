"""tag(cache=…) reuses an intact entry, and rebuilds a damaged one instead of trusting it."""
from __future__ import annotations

import pandas as pd

import framing
from framing import cache as cache_module


def test_cache_reuses_and_detects_damage(seed_path, tmp_path, monkeypatch, caplog):
    corpus = framing.read_corpus(seed_path)
    first = framing.tag(corpus, cache=tmp_path)
    entries = list(tmp_path.iterdir())
    assert len(entries) == 1

    calls = []
    real = framing.pipeline.map_articles
    monkeypatch.setattr(framing.pipeline, "map_articles",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    again = framing.tag(corpus, cache=tmp_path)
    assert calls == []  # served from the cache
    pd.testing.assert_frame_equal(first.paragraphs, again.paragraphs)

    # damage the cached paragraphs: detected, rebuilt, and the result is still right
    target = entries[0] / "paragraphs.parquet"
    target.write_bytes(target.read_bytes()[:-40])
    rebuilt = framing.tag(corpus, cache=tmp_path)
    assert calls == [1]
    assert "damaged" in caplog.text
    pd.testing.assert_frame_equal(first.paragraphs, rebuilt.paragraphs)


def test_key_changes_with_corpus_and_options(seed_path):
    corpus = framing.read_corpus(seed_path)
    opts = framing.TagOptions()
    key = cache_module.cache_key(corpus, opts)
    assert key == cache_module.cache_key(corpus, framing.TagOptions())
    assert key != cache_module.cache_key(corpus, framing.TagOptions(sentences=False))
    edited = framing.Corpus(articles=corpus.articles,
                            paragraphs=corpus.paragraphs.assign(
                                text=corpus.paragraphs["text"].str.replace("Kim", "Kin")),
                            credits=corpus.credits)
    assert key != cache_module.cache_key(edited, opts)


def test_key_follows_the_actors_file_content(seed_path, tmp_path):
    corpus = framing.read_corpus(seed_path)
    actors = tmp_path / "actors.tsv"
    actors.write_text("entry\tcode\tkind\ttype\nPeskov\tRU\tperson\tgovernment\n")
    opts = framing.TagOptions(gazetteer=str(actors))
    before = cache_module.cache_key(corpus, opts)
    actors.write_text("entry\tcode\tkind\ttype\nPeskov\tRU\tperson\tmilitary\n")
    assert cache_module.cache_key(corpus, opts) != before
