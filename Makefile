# Two commands do all set-up on a fresh machine with only Python 3.11+:
#   make run    installs into .venv and extracts the deals of the bundled corpus (table on screen, JSON in out/,
#               and the deal ledger out/deals.db with a summary of its merged deals)
#   make test   installs into .venv (with the dev extra) and runs the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask,postgres,datasette]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	mkdir -p out
	$(BIN)/newsextract batch 'corpus/en/*.txt' 'corpus/zh/*.txt' -o out/deals.jsonl --csv out/deals.csv --force --quiet --ledger out/deals.db || test $$? -eq 1
	$(BIN)/newsextract table out/deals.jsonl
	$(BIN)/newsextract ledger stats --db out/deals.db --top 15
	@echo "records: out/deals.jsonl   flat deal rows: out/deals.csv   deal ledger: out/deals.db (newsextract ledger deals --db out/deals.db)"

test: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q -n auto  # (pytest-xdist: one worker per core; the suite is independent of order)

eval: $(STAMP)
	$(BIN)/newsextract eval corpus --split test

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) out
