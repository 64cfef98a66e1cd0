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
CORPUS = "../corpora/seed"  # the bundled article (a wire story republished with captions)
SEED = 0
QUICK = False
LEXICONS = None  # e.g. {"stance": "1.0", "cues": "1.0"}: refuse to run with other versions

# %% [markdown]
# # A tour of one article
# The bundled seed article, tagged: paragraphs and their roles, attributions and their sources,
# stance markers, sentiment, and an HTML view with every span highlighted. Runs everywhere
# (no research data needed).

# %%
import framing
from framing.notebook import check_lexicons

check_lexicons(LEXICONS)

# %%
corpus = framing.read_corpus(CORPUS)
tagged = framing.tag(corpus)
print(tagged)  # displaying `tagged` itself shows the highlighted view (below)

# %% [markdown]
# ## Paragraphs and roles

# %%
tagged.paragraphs[["para_idx", "role", "n_words", "n_words_quoted", "sentiment",
                   "sentiment_authorial", "sentiment_quoted", "n_attributions", "text"]]

# %% [markdown]
# ## Attributions: who speaks, through which cue, identified how

# %%
tagged.attributions[["para_idx", "kind", "cue", "cue_class", "source", "speaker",
                     "identification", "source_type", "country"]]

# %% [markdown]
# ## Spans by layer (sentences left out)

# %%
spans = tagged.spans[tagged.spans["layer"] != "segment"]
spans.groupby(["layer", "label"]).size().rename("spans").reset_index()

# %% [markdown]
# ## The article, highlighted
# Hover a highlight for its layer, label, lexicon and codes.

# %%
from IPython.display import HTML

from framing.html import render_html

HTML(render_html(tagged, full_page=False))
