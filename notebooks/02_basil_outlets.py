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
DATA_DIR = None  # folder holding basil/; None: ../shared/data beside the clone
SEED = 0
QUICK = False  # first 12 events and 200 bootstrap resamples
LEXICONS = None
N_JOBS = 2

# %% [markdown]
# # Fox, NYT and HuffPost on the same events (BASIL)
# Every measure per outlet with article-bootstrap intervals, the comparison with event fixed
# effects, and the paper's figures (the same functions `framing figures` runs).

# %%
from IPython.display import display

from framing.notebook import check_lexicons, data_path

check_lexicons(LEXICONS)
HAVE_DATA = data_path("basil", DATA_DIR) is not None

# %%
if HAVE_DATA:
    from framing import figures

    study = figures.load_study(quick=QUICK, data_dir=DATA_DIR, seed=SEED, n_jobs=N_JOBS)
    display(study.tagged)
    display(study.measures.T)

# %%
if HAVE_DATA and len(study.tagged.attributions):
    from framing.comparison import compare

    for m in ("attribution_ratio", "direct_share", "anonymous_share"):
        display(compare(study.tagged, measure=m, by="outlet", event="event_id"))

# %%
if HAVE_DATA:
    for name, make in figures.FIGURES.items():
        try:
            display(make(study))
        except figures.Skip as why:
            print("skipped:", why)
