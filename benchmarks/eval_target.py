"""Tone toward a named person: plain sentence VADER vs `framing.score_target`, on BASIL.

    .venv/bin/python benchmarks/eval_target.py [--data ../shared/data/basil] [--variants]
                                               [--dead-zone]

What it measures: issue 4's task, sentiment toward a *named person* in one news sentence, three
classes (pos / neg / neutral), scored by macro-F1 on a held-out half split by event.

Labelled sample (built here from BASIL's phrase-level annotations, Fan et al. 2019, EMNLP;
research-use data read in place from ../shared/data/basil, never copied):

1. Persons. A span's `target` (e.g. `Donald_Trump`) is a person when it has 2-4 words, each
   capitalised, none of them an organisation word (ORG_WORDS: Democrats, Department, Party,
   Act, …). A target equal (ignoring case) to a person's name is that person ("Lois_lerner"); a
   one-word target equal to a person's surname is that person ("Trump" -> "Donald Trump").
2. Mention. The person is *named in the sentence* when the sentence holds the full name or the
   surname (last word; for "Jr."/"Sr." names "<surname> Jr."), whole word, accents ignored. The
   mention [start, end) is that occurrence (full name preferred), the one nearest the annotated
   span. Sentences naming the person only by pronoun or title are left out.
3. pos / neg. Spans with `aim == "dir"` (bias aimed directly at the target), in body sentences
   (`id` pN = sentence N of the flattened `body-paragraphs`). One item per (sentence, person);
   its label is the majority `polarity` of that person's dir spans in the sentence (ties
   dropped). The item's stratum is `lex` when any of those spans has `bias == "lex"` (word
   choice carries the tone: what a lexicon method can see) and `inf` otherwise (informational
   bias: which facts are told, often with neutral words).
4. neutral. Sentences of the same article with no annotation of any kind that name (rule 2) a
   person who is the target of a dir span in that article; one item per (sentence, person).
   Per event, NEUTRAL_RATIO x (number of pos/neg items of the event) of them are drawn with
   `random.Random(SEED)` (all of them when fewer), events in sorted order. Each neutral item
   is put in stratum `lex` with probability (share of lex among all pos/neg items), else
   `inf`, by the same generator, so both strata hold neutrals at about the same ratio and the
   two strata partition the sample.
5. Split. The 100 events (triplet uuids) are sorted and shuffled with `random.Random(SEED)`;
   the first half is `dev` (rules and settings of score_target were chosen looking only at
   dev), the second `test` (held out, reported once the rules were fixed).

Predictions use VADER's convention (>= 0.05 pos, <= -0.05 neg, else neutral) on both scores.
"plain" is VADER's compound of the whole sentence (vaderSentiment, no masking). score_target's
rules were changed looking at dev items only; `--variants` prints the dev macro-F1 of other
settings, `--dead-zone` the dev curve of its optional positive dead zone (best at
framing.target.DEV_DEAD_ZONE = 1.6; off by default, see framing/target.py step 5). Printed:
n per class and macro-F1 per part (dev, test) and stratum (all, lex, inf), and on test a
bootstrap 95% interval for macro-F1(score_target) - macro-F1(plain), resampling events (the
cluster) with replacement (N_BOOT draws, SEED). `evaluate()` returns the same numbers (tests/test_target.py pins them).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.sentiment import vader_compound  # noqa: E402
from framing.target import score_target  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "basil"
SEED = 20240604
NEUTRAL_RATIO = 1.0
N_BOOT = 2000
ORG_WORDS = {"democrats", "republicans", "lawmakers", "party", "act", "department", "service",
             "association", "enquirer", "congress", "now", "officials", "administration",
             "campaign", "committee", "court", "agency"}
_SUFFIX = {"jr.", "sr.", "ii", "iii"}


def _fold(s: str) -> str:
    """Accents removed character by character (same length, so offsets carry over)."""
    return "".join(unicodedata.normalize("NFD", c)[0] for c in s)


def person_names(targets) -> dict[str, str]:
    """target -> canonical person name ("Donald Trump") for the targets that are persons."""
    persons = {}
    for t in targets:
        words = t.split("_")
        if (2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
                and not any(w.lower() in ORG_WORDS for w in words)):
            persons[t] = " ".join(words)
    by_lower = {p.lower(): p for p in persons.values()}
    surnames: dict[str, set] = {}
    for p in persons.values():
        surnames.setdefault(_surname(p), set()).add(p)
    for t in targets:
        if t in persons:
            continue
        name = t.replace("_", " ")
        if name.lower() in by_lower:
            persons[t] = by_lower[name.lower()]
        elif "_" not in t and len(surnames.get(t, ())) == 1:
            persons[t] = next(iter(surnames[t]))
    return persons


def _surname(name: str) -> str:
    words = name.split()
    if words[-1].lower() in _SUFFIX:
        return " ".join(words[-2:])
    return words[-1]


def find_mention(sentence: str, name: str, near: int = 0) -> tuple[int, int] | None:
    """The occurrence of `name` (else its surname) in `sentence` nearest `near`."""
    folded = _fold(sentence)
    for cand in (name, _surname(name)):
        hits = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(_fold(cand))}(?!\w)", folded)]
        if hits:
            return min(hits, key=lambda h: abs(h[0] - near))
    return None


def build_sample(folder: Path) -> list[dict]:
    """The labelled items: dicts with sentence, start, end, person, label, stratum, event,
    split, doc (see the module docstring for the construction)."""
    ann_files = sorted((folder / "annotations").rglob("*_ann.json"))
    loaded = []
    targets = set()
    for af in ann_files:
        stem = af.name[:-len("_ann.json")]
        art_path = folder / "articles" / af.parent.name / f"{stem}.json"
        art = json.loads(art_path.read_text(encoding="utf-8"))
        ann = json.loads(af.read_text(encoding="utf-8"))
        spans = ann.get("phrase-level-annotations", [])
        targets.update(p["target"] for p in spans if p["aim"] == "dir")
        loaded.append((stem, art, spans))
    persons = person_names(sorted(targets))
    events = sorted({stem.rsplit("_", 1)[0] for stem, _, _ in loaded})
    rng = random.Random(SEED)
    order = events[:]
    rng.shuffle(order)
    split = {e: ("dev" if i < len(order) // 2 else "test") for i, e in enumerate(order)}

    polar: dict[str, list[dict]] = {e: [] for e in events}
    neutral: dict[str, list[dict]] = {e: [] for e in events}
    for stem, art, spans in loaded:
        event = stem.rsplit("_", 1)[0]
        sents = [s for para in art["body-paragraphs"] for s in para]
        annotated = {int(p["id"][1:]) for p in spans if str(p.get("id", "")).startswith("p")}
        by_key: dict[tuple[int, str], list[dict]] = {}
        for p in spans:
            if p["aim"] != "dir" or p["target"] not in persons \
                    or not str(p.get("id", "")).startswith("p"):
                continue
            by_key.setdefault((int(p["id"][1:]), persons[p["target"]]), []).append(p)
        article_persons = sorted({person for _, person in by_key})
        for (k, person), ps in sorted(by_key.items()):
            votes = Counter(p["polarity"] for p in ps).most_common()
            if len(votes) > 1 and votes[0][1] == votes[1][1]:
                continue
            span = find_mention(sents[k], person, near=int(ps[0]["start"]))
            if span is None:
                continue
            polar[event].append({
                "sentence": sents[k], "start": span[0], "end": span[1], "person": person,
                "label": votes[0][0], "doc": stem, "event": event, "split": split[event],
                "stratum": "lex" if any(p["bias"] == "lex" for p in ps) else "inf"})
        for k, sent in enumerate(sents):
            if k in annotated:
                continue
            for person in article_persons:
                span = find_mention(sent, person)
                if span is not None:
                    neutral[event].append({
                        "sentence": sent, "start": span[0], "end": span[1], "person": person,
                        "label": "neu", "doc": stem, "event": event, "split": split[event]})
    n_polar = sum(len(v) for v in polar.values())
    p_lex = sum(r["stratum"] == "lex" for v in polar.values() for r in v) / max(n_polar, 1)
    rows = []
    for e in events:
        rows.extend(polar[e])
        want = round(NEUTRAL_RATIO * len(polar[e]))
        pool = neutral[e]
        picked = pool if len(pool) <= want else rng.sample(pool, want)
        for r in picked:
            r["stratum"] = "lex" if rng.random() < p_lex else "inf"
        rows.extend(picked)
    return rows


def label_of(score: float) -> str:
    return "pos" if score >= 0.05 else "neg" if score <= -0.05 else "neu"


def macro_f1(gold: list[str], pred: list[str]) -> float:
    f1s = []
    for c in ("pos", "neg", "neu"):
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def predict(rows: list[dict], **kw) -> tuple[list[str], list[str]]:
    """(plain, target) predicted labels for `rows`; `kw` go to score_target."""
    plain = [label_of(vader_compound_raw(r["sentence"])) for r in rows]
    target = [label_of(score_target(r["sentence"], r["start"], r["end"], **kw)) for r in rows]
    return plain, target


def vader_compound_raw(text: str) -> float:
    """Plain sentence VADER: the compound of the raw sentence (no entity masking)."""
    return vader_compound(text)


def bootstrap_diff(rows, plain, target, n_boot=N_BOOT, seed=SEED) -> tuple[float, float]:
    """95% percentile interval of macro-F1(target) - macro-F1(plain), events resampled."""
    by_event: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_event.setdefault(r["event"], []).append(i)
    events = sorted(by_event)
    rng = random.Random(seed)
    diffs = []
    for _ in range(n_boot):
        idx = [i for e in rng.choices(events, k=len(events)) for i in by_event[e]]
        gold = [rows[i]["label"] for i in idx]
        diffs.append(macro_f1(gold, [target[i] for i in idx])
                     - macro_f1(gold, [plain[i] for i in idx]))
    diffs.sort()
    return diffs[int(0.025 * n_boot)], diffs[int(0.975 * n_boot) - 1]


def evaluate(folder: Path = DEFAULT, *, n_boot: int = N_BOOT, **kw) -> dict:
    """{(part, stratum): {"n": Counter, "plain": f1, "target": f1}} for part in dev/test and
    stratum in all/lex/inf, plus "ci": (low, high) of the held-out (test, all) difference."""
    rows = build_sample(folder)
    out: dict = {}
    for part in ("dev", "test"):
        sub = [r for r in rows if r["split"] == part]
        plain, target = predict(sub, **kw)
        for stratum in ("all", "lex", "inf"):
            keep = [i for i, r in enumerate(sub) if stratum == "all" or r["stratum"] == stratum]
            gold = [sub[i]["label"] for i in keep]
            out[(part, stratum)] = {
                "n": Counter(gold), "n_events": len({sub[i]["event"] for i in keep}),
                "plain": macro_f1(gold, [plain[i] for i in keep]),
                "target": macro_f1(gold, [target[i] for i in keep])}
        if part == "test" and n_boot:
            out["ci"] = bootstrap_diff(sub, plain, target, n_boot=n_boot)
    return out


VARIANTS = {
    "score_target (default)": {},
    "dead zone 1.6 (best on dev)": dict(dead_zone=1.6),
    "window 4 only (old rule)": dict(cues=False, quotes="keep", window=4),
    "no cue verbs": dict(cues=False),
    "quotes kept": dict(quotes="keep"),
    "no window (whole clause)": dict(window=None),
    "window 6": dict(window=6),
    "window 10": dict(window=10),
    "sentence, not clause": dict(clause=False),
    "no entity mask": dict(mask_entities=False),
}
DEAD_ZONES = [round(0.2 * k, 1) for k in range(16)]  # 0.0 .. 3.0


def dead_zone_curve(rows: list[dict]) -> dict[float, float]:
    """{dead_zone: macro-F1} of score_target on `rows` (the dev items) over DEAD_ZONES; its
    argmax is framing.target.DEV_DEAD_ZONE (test never looked at)."""
    gold = [r["label"] for r in rows]
    return {d: macro_f1(gold, [label_of(score_target(r["sentence"], r["start"], r["end"],
                                                     dead_zone=d)) for r in rows])
            for d in DEAD_ZONES}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--variants", action="store_true", help="also print other settings (dev)")
    ap.add_argument("--dead-zone", action="store_true",
                    help="print dev macro-F1 over the dead-zone grid (its best: DEV_DEAD_ZONE)")
    args = ap.parse_args(argv)
    if not args.data.exists():
        sys.exit(f"{args.data} not found: BASIL comes from github.com/launchnlp/BASIL")
    res = evaluate(args.data)
    for part in ("dev", "test"):
        for stratum in ("all", "lex", "inf"):
            r = res[(part, stratum)]
            n = r["n"]
            print(f"[{part:4s} {stratum:3s}] n={sum(n.values()):5d} (pos {n['pos']:4d}, "
                  f"neg {n['neg']:4d}, neu {n['neu']:4d}; {r['n_events']} events)  "
                  f"macro-F1 plain {r['plain']:.4f}  score_target {r['target']:.4f}  "
                  f"diff {r['target'] - r['plain']:+.4f}")
    lo, hi = res["ci"]
    print(f"held-out (test, all) difference score_target - plain: 95% CI [{lo:+.4f}, {hi:+.4f}] "
          f"({N_BOOT} bootstrap draws over events, seed {SEED})")
    if args.variants:
        rows = [r for r in build_sample(args.data) if r["split"] == "dev"]
        gold = [r["label"] for r in rows]
        for name, kw in VARIANTS.items():
            try:
                _, pred = predict(rows, **kw)
            except TypeError as exc:
                print(f"  {name:28s} n/a ({exc})")
                continue
            print(f"  dev {name:28s} macro-F1 {macro_f1(gold, pred):.4f}")
    if args.dead_zone:
        rows = [r for r in build_sample(args.data) if r["split"] == "dev"]
        for d, f1 in dead_zone_curve(rows).items():
            print(f"  dev dead_zone {d:3.1f}  macro-F1 {f1:.4f}")


if __name__ == "__main__":
    main()
