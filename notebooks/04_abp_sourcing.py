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
DATA_DIR = None  # folder holding allsides_abp/; None: ../shared/data beside the clone
SEED = 0
QUICK = False  # first 15 same-story triplets and 200 bootstrap resamples
LEXICONS = None
N_JOBS = 2

# %% [markdown]
# # Sourcing by left / center / right rating (Article-Bias-Prediction triplets)
# Same-story triplets, one article per rating; measures per rating with wire copy excluded
# (near-verbatim agency paragraphs shared across outlets count once), then the comparison
# with event fixed effects.

# %%
from IPython.display import display

from framing.notebook import check_lexicons, data_path, first_events

check_lexicons(LEXICONS)
folder = data_path("allsides_abp", DATA_DIR)
HAVE_DATA = folder is not None

# %%
if HAVE_DATA:
    import framing
    from framing.measures import measure
    from framing.plots import outlet_colors, plot_measure

    corpus = framing.datasets.read_allsides(folder)
    corpus = first_events(corpus, 15 if QUICK else None)
    tagged = framing.tag(corpus, n_jobs=N_JOBS)
    display(tagged)
    # cross-outlet wire copies counted once; found once, given to the measure and comparison
    copies = framing.find_wire_copies(tagged)
    by_rating = measure(tagged, by="rating", n_boot=200 if QUICK else 2000, seed=SEED,
                        exclude_wire_copies=copies)
    display(by_rating.T)

# %%
if HAVE_DATA and len(tagged.attributions):
    from framing.comparison import compare

    display(compare(tagged, measure="attribution_ratio", by="rating", event="event_id",
                    exclude_wire_copies=copies))
    colors = outlet_colors(by_rating["rating"])
    for m in ("attribution_ratio", "direct_share", "anonymous_share"):
        display(plot_measure(by_rating, m, by="rating", colors=colors).figure)
