# Two entry points that do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install eval bench clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# Python 3.11's bundled pip installs trafilatura without lxml_html_clean; upgrade first.
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/communique --db demo.db ingest samples/
	$(BIN)/communique --db demo.db statements

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/communique eval polnear ../shared/data/polnear --split dev
	$(BIN)/communique eval plover ../shared/data/plover-gsr-cameo/PLOVER_GSR_CAMEO.json
	$(BIN)/communique eval links corpora/links

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py ../shared/data/polnear --limit 200

clean:
	rm -rf $(VENV) demo.db
