"""Score an attribution extractor on gold paragraphs in the PolNeAR JSONL format.

Matching follows the project's outside reference, `score_attribution.py` (shared tools):
spans become sets of word units (tokens `\\w+` with inner apostrophes/hyphens; a span without
words uses its non-space characters); component metrics pair gold and predicted spans
one-to-one, greedily by shared units (overlap) or by equality (exact), plus token-level micro
P/R/F1; attributions are aligned greedily by shared cue + content units (a pair needs at least
one shared unit); attribution+source also needs the sources to share a unit (or both be
absent). Predictions sharing a cue span are merged first (a split quote is one attribution).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from ..errors import input_error

WORD = re.compile(r"\w+(?:['’\-]\w+)*")
COMPONENTS = ("cue", "source", "content")


def _units(text, tokens, frags):
    found = set()
    for s, e in frags:
        for i, (ts, te) in enumerate(tokens):
            if ts < e and te > s:
                found.add(i)
    if found or not frags:
        return frozenset(found)
    return frozenset(("c", i) for s, e in frags for i in range(s, e) if not text[i].isspace())


def _frags(item, comp, n):
    frags = item.get(comp + "_fragments") or ([item[comp + "_span"]]
                                              if item.get(comp + "_span") else [])
    out = []
    for f in frags:
        if f is None or len(f) != 2:
            continue
        s, e = max(0, int(f[0])), min(n, int(f[1]))
        if s < e:
            out.append((s, e))
    return sorted(out)


def _merge(pred, n):
    merged, by_cue = [], {}
    for item in pred:
        cue = tuple(_frags(item, "cue", n)) or None
        if cue is None or cue not in by_cue:
            entry = dict(item)
            for c in COMPONENTS:
                entry[c + "_fragments"] = [list(f) for f in _frags(item, c, n)]
            merged.append(entry)
            if cue is not None:
                by_cue[cue] = entry
            continue
        entry = by_cue[cue]
        for c in ("source", "content"):
            joined = {tuple(f) for f in entry[c + "_fragments"]} | set(_frags(item, c, n))
            entry[c + "_fragments"] = [list(f) for f in sorted(joined)]
        if item.get("kind") != entry.get("kind"):
            entry["kind"] = "mixed"
    return merged


def _greedy(n_gold, n_pred, score):
    cands = sorted((-v, g, p) for g in range(n_gold) for p in range(n_pred)
                   if (v := score(g, p)) > 0)
    ug, up, pairs = set(), set(), []
    for _, g, p in cands:
        if g not in ug and p not in up:
            ug.add(g)
            up.add(p)
            pairs.append((g, p))
    return pairs


class _Count:
    __slots__ = ("tp_p", "tp_g", "n_pred", "n_gold")

    def __init__(self):
        self.tp_p = self.tp_g = self.n_pred = self.n_gold = 0

    def add(self, tp, n_pred, n_gold, tp_g=None):
        self.tp_p += tp
        self.tp_g += tp if tp_g is None else tp_g
        self.n_pred += n_pred
        self.n_gold += n_gold

    def prf(self):
        p = self.tp_p / self.n_pred if self.n_pred else 0.0
        r = self.tp_g / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f, "n_pred": self.n_pred,
                "n_gold": self.n_gold}


def _score_paragraph(record, pred, counts):
    text = record["text"]
    n = len(text)
    tokens = [m.span() for m in WORD.finditer(text)]
    gold = record.get("attributions", [])
    gu = [{c: _units(text, tokens, _frags(a, c, n)) for c in COMPONENTS} for a in gold]
    pu = [{c: _units(text, tokens, _frags(a, c, n)) for c in COMPONENTS} for a in pred]
    for comp in COMPONENTS:
        gs = [u[comp] for u in gu if u[comp]]
        ps = [u[comp] for u in pu if u[comp]]
        ov = _greedy(len(gs), len(ps), lambda g, p: len(gs[g] & ps[p]))
        ex = _greedy(len(gs), len(ps), lambda g, p: int(gs[g] == ps[p]))
        counts[(comp, "overlap")].add(len(ov), len(ps), len(gs))
        counts[(comp, "exact")].add(len(ex), len(ps), len(gs))
        gun, pun = frozenset().union(*gs), frozenset().union(*ps)
        inter = len(gun & pun)
        counts[(comp, "token")].add(inter, len(pun), len(gun))
    pairs = _greedy(len(gold), len(pred), lambda g, p: len(gu[g]["cue"] & pu[p]["cue"])
                    + len(gu[g]["content"] & pu[p]["content"]))
    counts[("attribution", "aligned")].add(len(pairs), len(pred), len(gold))
    with_source = sum(1 for g, p in pairs if (not gu[g]["source"] and not pu[p]["source"])
                      or gu[g]["source"] & pu[p]["source"])
    counts[("attribution+source", "aligned")].add(with_source, len(pred), len(gold))
    found = {g for g, _ in pairs}
    for g, a in enumerate(gold):
        counts[("recall_by_kind", a.get("kind", "unknown"))].add(0, 0, 1, int(g in found))


def _records(path_or_records):
    if isinstance(path_or_records, (str, Path)):
        path = Path(path_or_records)
        if not path.exists():
            raise input_error("no such gold file", where=path,
                              fix="pass a PolNeAR-format JSONL (one paragraph per line)")
        out = []
        with open(path, encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        out.append(json.loads(line))
                    except json.JSONDecodeError as exc:
                        raise input_error(f"not JSON ({exc.msg})", where=path,
                                          line=lineno) from None
        return out
    return list(path_or_records)


def score_gold(path_or_records, predict=None) -> dict:
    """Score `predict` (text → list of attribution dicts; default: `extract_attributions`)
    on gold paragraphs (a JSONL path or a list of records with `text`, `attributions`,
    optional `outlet`).

    Returns a dict: `attribution`, `attribution+source` (each `{aligned: {precision, recall,
    f1, n_pred, n_gold}}`), `cue`, `source`, `content` (each with `overlap`, `exact`, `token`),
    `recall_by_kind` (`{kind: {recall, n_gold}}`), `by_outlet` (`{outlet: {attribution,
    attribution+source, cue, content}}`) and `paragraphs`. Values are not rounded.
    """
    if predict is None:
        from . import extract_attributions as predict
    records = _records(path_or_records)
    overall = defaultdict(_Count)
    outlets = defaultdict(lambda: defaultdict(_Count))
    for record in records:
        text = record["text"]
        pred = [p for p in (predict(text) or []) if _frags(p, "cue", len(text))
                or _frags(p, "content", len(text))]
        pred = _merge(pred, len(text))
        outlet = outlets[record.get("outlet", "unknown")]

        class Both(dict):
            def __missing__(self, key):
                return _Pair(overall[key], outlet[key])
        _score_paragraph(record, pred, Both())
    return {**_summary(overall),
            "by_outlet": {o: {k: v for k, v in _summary(c).items()
                              if k in ("attribution", "attribution+source", "cue", "content")}
                          for o, c in sorted(outlets.items())},
            "paragraphs": len(records)}


class _Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def add(self, *args):
        self.a.add(*args)
        self.b.add(*args)


def _summary(counts):
    out: dict = {}
    for (name, mode), c in sorted(counts.items()):
        if name == "recall_by_kind":
            out.setdefault(name, {})[mode] = {"recall": c.prf()["recall"], "n_gold": c.n_gold}
        else:
            out.setdefault(name, {})[mode] = c.prf()
    return out


def main(argv=None) -> None:
    """`python -m framing.attribution.evaluate GOLD.jsonl`: print the main scores."""
    import sys
    args = sys.argv[1:] if argv is None else argv
    if not args:
        raise SystemExit("usage: python -m framing.attribution.evaluate GOLD.jsonl")
    res = score_gold(args[0])
    for name in ("attribution", "attribution+source"):
        r = res[name]["aligned"]
        print(f"{name:20s} P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}")
    for comp in COMPONENTS:
        r = res[comp]["overlap"]
        print(f"{comp:20s} P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} (overlap)")
    print("recall by kind: " + ", ".join(f"{k} {v['recall']:.3f} (n={v['n_gold']})"
                                        for k, v in res["recall_by_kind"].items()))
    for o, r in res["by_outlet"].items():
        print(f"  {o:14s} attribution F1 {r['attribution']['aligned']['f1']:.3f}")


if __name__ == "__main__":
    main()
