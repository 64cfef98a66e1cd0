"""Small helpers the notebooks share (so no notebook implements them twice).

- :func:`data_path` finds a research data set beside the clone, or says in the notebook's
  output that it is missing and where it comes from (the notebook then skips its analysis).
- :func:`check_lexicons` refuses to run with lexicon versions other than those asked for.
- :func:`first_events` keeps the first *n* events of a corpus (quick mode).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .corpus import Corpus
from .errors import input_error

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"

WHERE = {
    "basil": "BASIL, Fan et al. 2019 (https://github.com/launchnlp/BASIL)",
    "allsides_abp": "Article-Bias-Prediction, Baly et al. 2020 "
                    "(https://github.com/ramybaly/Article-Bias-Prediction)",
    "polnear": "PolNeAR, Newell et al. 2018 (https://github.com/networkdynamics/PolNeAR)",
    "vader_nyt": "VADER's NYT editorial ground truth, Hutto & Gilbert 2014 "
                 "(https://github.com/cjhutto/vaderSentiment, additional_resources/"
                 "hutto_ICWSM_2014.tar.gz)",
}


def data_path(name: str, data_dir: str | Path | None = None) -> Path | None:
    """``<data_dir>/<name>`` (default ``../shared/data`` beside the repository) if it exists;
    otherwise print what is missing and how to get it, and return None."""
    root = Path(data_dir) if data_dir is not None else DEFAULT_DATA
    path = root / name
    if path.exists():
        print(f"data: {path}")
        return path
    print(f"DATA MISSING: {path} does not exist.\n"
          f"This notebook needs {WHERE.get(name, name)}.\n"
          f"Download it and place it as ../shared/data/{name} beside the clone (research use "
          f"only; never commit it), or set DATA_DIR in the parameters cell.\n"
          f"The rest of this notebook is skipped.")
    return None


def check_lexicons(wanted: dict[str, str] | None) -> pd.DataFrame:
    """The bundled lexicons in use (name, version, sha256: the newest of each); raises if
    ``wanted`` (name → version) asks for a version that is not the one in use."""
    from .lexicons import lexicons_in_use

    lex = lexicons_in_use()[["name", "version", "sha256"]]
    have = dict(zip(lex["name"], lex["version"].astype(str)))
    for name, version in (wanted or {}).items():
        if have.get(name) != str(version):
            raise input_error(f"lexicon {name} version {version} was asked for; the package "
                              f"has {have.get(name, 'no such lexicon')}",
                              fix="change LEXICONS in the parameters cell or install the "
                                  "framing version that has it")
    return lex


def first_events(corpus: Corpus, n: int | None) -> Corpus:
    """The corpus restricted to its first ``n`` events (sorted ``event_id``); all when n is
    None."""
    if n is None:
        return corpus
    events = sorted(corpus.articles["event_id"].dropna().unique())[:n]
    return corpus.select(corpus.articles.loc[corpus.articles["event_id"].isin(events),
                                             "doc_id"])
