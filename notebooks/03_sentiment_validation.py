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
# VADER's paper reports r = 0.492 per sentence. The reader is
# `framing.datasets.read_vader_nyt`, the evaluation
# `framing.validation_sentiment.score_vader_nyt` (also run by
# `benchmarks/eval_vader_nyt.py`); this notebook only calls them.

# %%
import pandas as pd
from IPython.display import display

from framing.notebook import check_lexicons, data_path

check_lexicons(LEXICONS)
folder = data_path("vader_nyt", DATA_DIR)
HAVE_DATA = folder is not None

# %%
if HAVE_DATA:
    from framing.datasets import read_vader_nyt
    from framing.validation_sentiment import score_vader_nyt

    table = read_vader_nyt(folder)
    if QUICK:
        table = table.iloc[:800]
    results = {mask: score_vader_nyt(table, mask_entities=mask) for mask in (False, True)}
    display(pd.DataFrame([{k: v for k, v in r.items() if k != "scores"}
                          for r in results.values()]))
