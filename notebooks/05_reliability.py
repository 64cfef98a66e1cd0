# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% tags=["parameters"]
DATA_DIR = None  # folder holding basil/ (and polnear/); None: ../shared/data beside the clone
SEED = 0
QUICK = False  # first 12 BASIL events; first 150 PolNeAR dev paragraphs
LEXICONS = None
N_JOBS = 2

# %% [markdown]
# # Reliability: the machine against human coders
# 1. BASIL: for every annotated bias span, the annotators' quote flag (is the span part of a
#    quote?) and speaker against the machine's attributions (`framing.validation`), as an
#    agreement table (Krippendorff's alpha, kappa) and per-category precision/recall.
# 2. PolNeAR (when present): attribution source, cue and content against the human annotation
#    (human–human attribution F1 is 0.854, Newell et al. 2018).

# %%
import json

import pandas as pd
from IPython.display import display

from framing.notebook import check_lexicons, data_path, first_events

check_lexicons(LEXICONS)
basil = data_path("basil", DATA_DIR)
HAVE_DATA = basil is not None

# %%
if HAVE_DATA:
    import framing
    from framing.validation import as_long_codes, basil_quote_codes

    corpus = first_events(framing.datasets.read_basil(basil), 12 if QUICK else None)
    tagged = framing.tag(corpus, n_jobs=N_JOBS)
    codes = basil_quote_codes(basil, tagged)
    print(f"{len(codes)} annotated spans in {codes['doc_id'].nunique()} articles")
    display(framing.agreement(as_long_codes(codes)))
    display(framing.agreement(as_long_codes(codes, machine="machine_direct_quote")))
    long = as_long_codes(codes)
    display(framing.machine_vs_human(long[long.coder == "framing"],
                                     long[long.coder == "basil"]))
    print("speaker match where both name one:", codes["speaker_match"].mean())

# %%
polnear = data_path("polnear", DATA_DIR) if HAVE_DATA else None
if polnear is not None:
    from framing.attribution.evaluate import score_gold

    with open(polnear / "polnear_dev.jsonl", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    scores = score_gold(records[:150] if QUICK else records)
    display(pd.DataFrame({k: scores[k]["aligned"]
                          for k in ("attribution", "attribution+source")}).T)
    display(pd.DataFrame([{"component": comp, "match": match, **vals}
                          for comp in ("cue", "source", "content")
                          for match, vals in scores[comp].items()]))
