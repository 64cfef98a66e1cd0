"""Shared fixtures. Data in ../shared/data is research-only and never copied here: tests read
it in place, skip with a reason on a clone without it, and fail when FRAMING_REQUIRE_SHARED=1
(as .ci/run sets)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = REPO / "corpora" / "seed" / "000_2c00f7efbf41fd95.txt"

WHERE = {
    "basil": "BASIL, Fan et al. 2019 (github.com/launchnlp/BASIL)",
    "allsides_abp": "Article-Bias-Prediction, Baly et al. 2020 (github.com/ramybaly/Article-Bias-Prediction)",
    "polnear": "PolNeAR, Newell et al. 2018 (github.com/networkdynamics/PolNeAR)",
    "vader_nyt": "VADER's NYT ground truth, Hutto & Gilbert 2014 (github.com/cjhutto/vaderSentiment)",
}


def need_shared(*parts: str) -> Path:
    """The path under ../shared/data, or skip (fail under FRAMING_REQUIRE_SHARED=1)."""
    path = SHARED.joinpath("data", *parts)
    if path.exists():
        return path
    dataset = parts[0] if parts else "data"
    reason = (f"{path} is absent: this test needs the research data set "
              f"{WHERE.get(dataset, dataset)}, placed as ../shared/data/{dataset} beside the clone")
    if os.environ.get("FRAMING_REQUIRE_SHARED") == "1":
        pytest.fail(reason + " (FRAMING_REQUIRE_SHARED=1 turns this skip into a failure)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Path of ../shared/data (skips, or fails under FRAMING_REQUIRE_SHARED=1, without it)."""
    return need_shared()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED
