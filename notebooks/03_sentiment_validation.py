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
DATA_DIR = None  # folder holding vader_nyt/; None: ../shared/data beside the clone
SEED = 0
QUICK = False  # first 800 sentences only
LEXICONS = None

# %% [markdown]
# # Sentiment against human ratings (VADER's NYT editorial sentences)
# Pearson r of framing's sentence compound with the mean of 20 human ratings (÷ 4), per
# sentence and per editorial (mean of its sentences), with the entity option off and on.
# VADER's paper reports r = 0.492 per sentence. The evaluation is
# `benchmarks/eval_vader_nyt.py`; this notebook only runs it.

# %%
import sys
from pathlib import Path

import pandas as pd

from framing.notebook import check_lexicons, data_path

check_lexicons(LEXICONS)
folder = data_path("vader_nyt", DATA_DIR)
HAVE_DATA = folder is not None

# %%
if HAVE_DATA:
    sys.path.insert(0, str(Path("..", "benchmarks").resolve()))
    import eval_vader_nyt as ev

    rows = ev.read_ground_truth(folder)
    if QUICK:
        rows = rows[:800]
    results = {mask: ev.evaluate(rows, mask) for mask in (False, True)}
    display(pd.DataFrame([{"mask_entities": m, "n_sentences": r["n"],
                           "n_editorials": r["n_editorials"], "r_sentence": r["r_sentence"],
                           "r_editorial": r["r_editorial"]} for m, r in results.items()]))
