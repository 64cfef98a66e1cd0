"""Every notebook executes without error (quick mode), and those needing research data say so
in their first output and skip the rest when it is absent."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

jupytext = pytest.importorskip("jupytext")
nbclient = pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")

from conftest import need_shared  # noqa: E402

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
DATA = {"01_tour.py": None, "02_basil_outlets.py": "basil",
        "03_sentiment_validation.py": "vader_nyt", "04_abp_sourcing.py": "allsides_abp",
        "05_reliability.py": "basil"}


def run(name: str, **params) -> nbformat.NotebookNode:
    nb = jupytext.read(NOTEBOOKS / name)
    first = nb.cells[0]
    assert "parameters" in first.metadata.get("tags", []), f"{name}: first cell not parameters"
    injected = "\n".join(f"{k} = {v!r}" for k, v in params.items())
    nb.cells.insert(1, nbformat.v4.new_code_cell(
        injected, metadata={"tags": ["injected-parameters"]}))
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=300,
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError on any error
    return nb


def outputs_text(nb) -> list[str]:
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            if o.get("output_type") == "stream":
                out.append(o["text"])
            elif "data" in o and "text/plain" in o["data"]:
                out.append(o["data"]["text/plain"])
    return out


def test_all_notebooks_listed():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.py")) == sorted(DATA)


@pytest.mark.parametrize("name", sorted(DATA))
def test_notebook_runs_quick(name):
    if DATA[name]:
        need_shared(DATA[name])
    t0 = time.perf_counter()
    nb = run(name, QUICK=True)
    texts = outputs_text(nb)
    assert not any("DATA MISSING" in t for t in texts)
    assert time.perf_counter() - t0 < 120, f"{name} too slow for quick mode"
    if name == "01_tour.py":
        html = [o["data"]["text/html"] for c in nb.cells for o in c.get("outputs", [])
                if "text/html" in o.get("data", {}) and "framing-article" in
                o["data"]["text/html"]]
        assert len(html) == 1 and html[0].count('class="para ') == 27


@pytest.mark.parametrize("name", [n for n, d in sorted(DATA.items()) if d])
def test_notebook_without_data_says_so(name, tmp_path):
    nb = run(name, QUICK=True, DATA_DIR=str(tmp_path))
    texts = outputs_text(nb)
    assert texts[0].startswith(f"DATA MISSING: {tmp_path / DATA[name]} does not exist.")
    assert "../shared/data/" + DATA[name] in texts[0] and "https://" in texts[0]
    assert len(texts) == 1  # nothing else ran
