# counterscam — two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR ?= demo-data
DEMO_REPORTS ?= 20000
export COUNTERSCAM_DATA_DIR ?= data

.PHONY: demo test lint typecheck unit browser-deps bench clean install

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $(STAMP)

install: $(STAMP)

## make demo: build the synthetic demo region and serve it on http://127.0.0.1:8000
demo: $(STAMP)
	COUNTERSCAM_DEMO=1 $(BIN)/counterscam demo --reports $(DEMO_REPORTS) --dir $(DEMO_DIR)
	COUNTERSCAM_DEMO=1 $(BIN)/counterscam serve --host 127.0.0.1 --port 8000

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

browser-deps:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Browser tests need Debian's chromium: sudo apt-get install chromium"; fi; }

# worksteal: the slowest tests sit at the end; a worker that runs dry takes half of the other's
# queue instead of idling. --durations: CI must stay under 20 minutes; its log names the
# slowest tests.
unit: $(STAMP) browser-deps
	$(BIN)/pytest -n 2 --dist worksteal -q --durations=40

## make test: lint, type check and the whole test suite (SQLite and PostgreSQL)
test: lint typecheck unit

## make bench: benchmarks, each figure a ratio to a baseline measured in the same run
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
