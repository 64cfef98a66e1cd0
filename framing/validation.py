"""Validation of the machine's attributions against human annotations (BASIL).

BASIL's annotators marked bias spans and, for each, whether it is part of a quote (`quote`:
yes/no) and who says it (`speaker`: a name such as `Donald_Trump`, or `other_pro/anti/
neutral`). `basil_quote_codes` lines each span up with the machine's attributions of the same
article: machine `quote` = yes when the span overlaps the content of an attribution (any
kind; `direct_quote` for direct/mixed only), and `speaker_match` whether the machine's speaker
of that attribution contains the annotated speaker's last name. The codes feed
`framing.agreement` (coder, item, label) and `framing.machine_vs_human`.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .datasets import BASIL_URL, _need
from .readers import read_text
from .tagged import Tagged


def _sentence_offsets(article: dict) -> dict[int, tuple[int, int]]:
    """Sentence pN (flattened, 0-based) → (paragraph position, offset of the sentence's
    original first character in the paragraph), for paragraphs built as in read_basil."""
    offsets, n, para_pos = {}, 0, 0
    for para in article["body-paragraphs"]:
        pos, kept = 0, False
        for sentence in para:
            stripped = sentence.strip()
            if stripped:
                lead = len(sentence) - len(sentence.lstrip())
                offsets[n] = (para_pos, pos - lead)
                pos += len(stripped) + 1
                kept = True
            n += 1
        if kept:
            para_pos += 1
    return offsets


def basil_quote_codes(path: str | Path, tagged: Tagged) -> pd.DataFrame:
    """One row per BASIL bias span in a sentence (`p*` ids) of an article in `tagged`:
    `doc_id, item, human_text, para_idx, start, end, text, human_quote, machine_quote,
    machine_direct_quote, human_speaker, machine_speaker, speaker_match` (the last is NaN
    unless the human speaker is a named actor and the machine found an attribution)."""
    root = _need(Path(path), "BASIL folder", BASIL_URL)
    attrs = tagged.attributions
    by_doc = {d: g for d, g in attrs.groupby("doc_id")}
    paras = tagged.paragraphs.set_index(["doc_id", "para_idx"])["text"]
    rows = []
    for ann_file in sorted((root / "annotations").glob("*/*_ann.json")):
        doc_id = ann_file.name[: -len("_ann.json")]
        if (doc_id, 0) not in paras.index:
            continue
        article = json.loads(read_text(root / "articles" / ann_file.parent.name
                                       / f"{doc_id}.json"))
        offsets = _sentence_offsets(article)
        ann = json.loads(read_text(ann_file))
        doc_attrs = by_doc.get(doc_id, attrs.iloc[0:0])
        for k, span in enumerate(ann["phrase-level-annotations"]):
            if not span["id"].startswith("p") or int(span["id"][1:]) not in offsets:
                continue
            para_idx, base = offsets[int(span["id"][1:])]
            start, end = base + span["start"], base + span["end"]
            hit = doc_attrs[(doc_attrs["para_idx"] == para_idx)
                            & (doc_attrs["content_start"].fillna(-1) < end)
                            & (doc_attrs["content_end"].fillna(-1) > start)]
            speaker = span["speaker"] if span["quote"] == "yes" else ""
            machine_speaker = hit["speaker"].iloc[0] if len(hit) else ""
            named = speaker and not speaker.startswith("other")
            surname = speaker.replace("_", " ").split()[-1].lower() if named else ""
            rows.append({
                "doc_id": doc_id, "item": f"{doc_id}:{k}",
                "human_text": span["txt"],
                "para_idx": para_idx, "start": start, "end": end,
                "text": paras[(doc_id, para_idx)][start:end],
                "human_quote": span["quote"],
                "machine_quote": "yes" if len(hit) else "no",
                "machine_direct_quote": "yes" if hit["kind"].isin(["direct", "mixed"]).any()
                else "no",
                "human_speaker": speaker, "machine_speaker": machine_speaker,
                "speaker_match": (surname in machine_speaker.lower()) if named and len(hit)
                else float("nan"),
            })
    return pd.DataFrame(rows)


def as_long_codes(codes: pd.DataFrame, *, human: str = "human_quote",
                  machine: str = "machine_quote") -> pd.DataFrame:
    """The (coder, item, label) long table `framing.agreement` reads."""
    return pd.concat([
        pd.DataFrame({"coder": "basil", "item": codes["item"], "label": codes[human]}),
        pd.DataFrame({"coder": "framing", "item": codes["item"], "label": codes[machine]}),
    ], ignore_index=True)
