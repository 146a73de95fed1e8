# Two entry points that do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

CHROMIUM := /usr/bin/chromium
PG := scripts/pg-test-cluster

.PHONY: demo test fuzz install browser eval bench bench-serve bench-long serve clean pg-start pg-stop

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# Python 3.11's bundled pip installs trafilatura without lxml_html_clean; upgrade first.
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# The browser tests drive Debian's Chromium (never a downloaded browser build).
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Debian's chromium package: sudo apt-get install chromium"; exit 1; \
	fi

browser: $(CHROMIUM)

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/communique --db demo.db ingest samples/
	$(BIN)/communique --db demo.db statements
	@echo
	@echo "See the evidence in a browser: $(BIN)/communique --db demo.db serve"
	@echo "then open http://127.0.0.1:8000/ (dashboard) or http://127.0.0.1:8000/docs (API)."

serve: $(STAMP)
	$(BIN)/communique --db demo.db serve

# The store tests run on SQLite and on PostgreSQL: a throwaway cluster from Debian's postgresql package
# (installed with apt-get when we are root), run by an unprivileged user on a Unix socket, removed after.
# COMMUNIQUE_DB=postgresql://... runs the PostgreSQL half against that server instead.
test: $(STAMP) $(CHROMIUM)
	@url=$$($(PG) start) || exit 1; \
	COMMUNIQUE_TEST_PG="$$url" COMMUNIQUE_REQUIRE_PG=1 $(BIN)/python -m pytest -q; rc=$$?; \
	$(PG) stop; exit $$rc

pg-start:
	@$(PG) start

pg-stop:
	@$(PG) stop

# The property tests on fresh random text: 5,000 examples (1,000 for determinism); CI runs 500 from a fixed seed.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest -q tests/test_properties.py

eval: $(STAMP)
	$(BIN)/communique eval polnear ../shared/data/polnear --split dev
	$(BIN)/communique eval plover ../shared/data/plover-gsr-cameo/PLOVER_GSR_CAMEO.json
	$(BIN)/communique eval events gold/voa/dev
	$(BIN)/communique eval statements gold/voa/dev
	$(BIN)/communique eval event-free gold/polnear/event_free.tsv
	$(BIN)/communique eval ledes ../shared/data/ngec/gpt_synthetic_events_2023-10-19_19.csv.zip
	$(BIN)/communique eval links corpora/links

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py ../shared/data/polnear --limit 200

bench-serve: $(STAMP)
	$(BIN)/python benchmarks/serve_bench.py --statements 100000

# extract time and peak memory on one article of 50,000 to 800,000 characters (1,000,000 for memory): a few minutes
bench-long: $(STAMP)
	$(BIN)/python benchmarks/long_articles.py

clean:
	rm -rf $(VENV) demo.db
