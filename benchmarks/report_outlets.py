"""Issue 5's acceptance figures: every measure for Fox, NYT and HuffPost on BASIL and for
left/center/right on the ABP same-event triplets, with CIs; the comparison tables with event
effects; BASIL's quote flags against the machine.

    .venv/bin/python benchmarks/report_outlets.py [--data ../shared/data] [--jobs 2]
"""
from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

import framing
from framing.validation import as_long_codes, basil_quote_codes

MEASURES = ["attribution_ratio", "direct_share", "anonymous_share", "hedge_rate_authorial",
            "sentiment_mean", "sentiment_authorial_mean", "sentiment_quoted_mean"]


def show(title: str, table: pd.DataFrame) -> None:
    print(f"\n## {title}\n{table.to_string(index=False, float_format=lambda v: f'{v:.3f}')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2]
                                              / "shared" / "data"))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    data = Path(args.data)
    pd.set_option("display.width", 200)

    basil = framing.tag(framing.datasets.read_basil(data / "basil"), n_jobs=args.jobs)
    m = framing.measure(basil, by="outlet")
    cols = ["outlet", "n_articles"] + [c for k in MEASURES
                                       for c in (k, f"{k}_ci_low", f"{k}_ci_high")]
    show("BASIL: measures by outlet (95% cluster-bootstrap CIs, 1,000 resamples)", m[cols])
    for measure in ("attribution_ratio", "direct_share", "anonymous_share", "sentiment_mean"):
        c = framing.compare(basil, measure=measure, by="outlet", event="event_id")
        show(f"BASIL: compare {measure}, event fixed effects", c[
            ["group", "group_ref", "estimate", "se", "ci_low", "ci_high", "p_val", "p_adj",
             "n", "method"]])
    show("BASIL: source type x outlet", framing.compare_source_types(basil, by="outlet"))
    codes = basil_quote_codes(data / "basil", basil)
    for machine in ("machine_quote", "machine_direct_quote"):
        agree = framing.agreement(as_long_codes(codes, machine=machine))
        show(f"BASIL quote flags vs {machine}", agree[
            ["alpha", "alpha_ci_low", "alpha_ci_high", "kappa", "percent_agreement",
             "n_items"]])
    prf = framing.machine_vs_human(
        codes[["item", "machine_quote"]].rename(columns={"machine_quote": "label"}),
        codes[["item", "human_quote"]].rename(columns={"human_quote": "label"}))
    show("BASIL quote flags: machine precision/recall/F1 per label", prf)
    named = codes["speaker_match"].dropna()
    print(f"\nBASIL named speakers of quoted spans found by the machine: "
          f"{named.mean():.3f} match ({int(named.sum())}/{len(named)})")

    abp = framing.datasets.read_allsides(data / "allsides_abp")
    keep = abp.articles["event_id"].notna()
    ids = set(abp.articles.loc[keep, "doc_id"])
    triplets = framing.Corpus(abp.articles[keep], abp.paragraphs[abp.paragraphs["doc_id"]
                                                                 .isin(ids)],
                              abp.credits[abp.credits["doc_id"].isin(ids)], abp.source)
    tagged = framing.tag(triplets, n_jobs=args.jobs)
    # the same data as the comparisons below: cross-outlet wire copies counted once (the
    # clusters are found once and given to every measure and comparison)
    copies = framing.find_wire_copies(tagged)
    m = framing.measure(tagged, by="rating", exclude_wire_copies=copies)
    show("ABP same-event triplets: measures by AllSides rating, wire copies excluded",
         m[["rating", "n_articles"] + [c for k in MEASURES
                                        for c in (k, f"{k}_ci_low", f"{k}_ci_high")]])
    for measure in ("attribution_ratio", "direct_share", "anonymous_share"):
        c = framing.compare(tagged, measure=measure, by="rating", event="event_id",
                            exclude_wire_copies=copies)
        show(f"ABP: compare {measure} by rating, event fixed effects, wire copies excluded",
             c[["group", "group_ref", "estimate", "se", "ci_low", "ci_high", "p_val", "p_adj",
                "n", "method"]])


if __name__ == "__main__":
    main()
