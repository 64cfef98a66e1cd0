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
    if not parts:
        return need_path(SHARED / "data", "the research data sets (BASIL, AllSides ABP, "
                         "PolNeAR, VADER's NYT ratings) in ../shared/data beside the clone; "
                         "corpora/README.md says where each is published")
    return need_path(SHARED.joinpath("data", *parts),
                     f"the research data set {WHERE.get(parts[0], parts[0])}, placed as "
                     f"../shared/data/{parts[0]} beside the clone")


def need_path(path: Path, what: str) -> Path:
    """`path` if it exists; else skip saying what it is (fail under FRAMING_REQUIRE_SHARED=1,
    as CI sets: a green CI never hides a test that did not run)."""
    if path.exists():
        return path
    reason = f"{path} is absent: this test needs {what}"
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
