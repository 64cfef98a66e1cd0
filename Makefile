# Two commands do all the set-up on a fresh machine (README, "Quick start"):
#   make demo   – create .venv, install framing, tag the bundled corpus, print a summary
#   make test   – create .venv, install framing with its test tools, run the tests
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.framing-installed

.PHONY: demo test figures screenshot lab clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/framing tag corpora/seed --out out/seed

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

figures: $(STAMP)
	$(VENV)/bin/framing figures --out out/figures

screenshot: $(STAMP)
	$(VENV)/bin/framing screenshot --out out/seed_view.png

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

clean:
	rm -rf out .pytest_cache
