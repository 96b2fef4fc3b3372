# Passend onderwijs in beeld. `make run` serves the site with data; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# The open data: DATA_DIR, else ../shared/data (with ../shared/data-new), else the repository's own copy.
DATA_DIR ?= $(if $(wildcard ../shared/data),../shared/data,fixtures/opendata)
# The second open-data folder goes with ../shared/data only (a DATA_DIR of your own comes without it).
DATA_NEW_DIR ?= $(if $(filter file,$(origin DATA_DIR)),$(wildcard ../shared/data-new),)
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/verantwoording

.PHONY: run test unit install migrate data lint bench clean verify-data

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) niet gevonden"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

# Spectral (npm), which lints the API's OpenAPI document against the NL API Design Rules in the suite.
.ci/node_modules/.installed: .ci/package.json .ci/package-lock.json
	@command -v npm >/dev/null || { echo "npm niet gevonden (nodig voor Spectral in de tests)"; exit 1; }
	npm ci --prefix .ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

install: $(VENV)/.installed

migrate: install
	DEBUG=1 $(PY) manage.py migrate --noinput

data: migrate
	DEBUG=1 $(PY) manage.py load_all $(DATA_DIR) $(DATA_NEW_DIR)
	DEBUG=1 $(PY) manage.py demo_figures

run: data
	DEBUG=1 $(PY) manage.py runserver 0.0.0.0:8000

test: install .ci/node_modules/.installed
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} DATA_DIR=$${DATA_DIR:-$(DATA_DIR)} \
		DATA_NEW_DIR=$${DATA_NEW_DIR:-$(DATA_NEW_DIR)} $(PY) -m pytest $(PYTEST_ARGS)

# Recompute every figure the open data determines from the raw files and compare it with the API of the
# site's database (or of a running site: make verify-data API=http://127.0.0.1:8000). Exits 1 on a difference.
verify-data: install
	DEBUG=1 $(PY) -m swv.opendata.verify_data --data-dir $(DATA_DIR) $(DATA_NEW_DIR) $(if $(API),--api $(API),)

# Tests that need neither PostgreSQL nor Redis (parsers, codes, statistics, Markdown, PDF checks): seconds.
# Run against addresses where nothing listens, so a test that reaches for either fails here.
unit: install
	DATABASE_URL=postgres://postgres@127.0.0.1:1/none REDIS_URL=redis://127.0.0.1:1/0 $(PY) -m pytest tests/unit -q

bench: install
	command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	command -v redis-server >/dev/null || apt-get install -y -qq redis-server
	command -v nginx >/dev/null || apt-get install -y -qq nginx-light
	DATA_DIR=$${DATA_DIR:-$(DATA_DIR)} $(PY) bench/bench.py

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=1 $(PY) manage.py check
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ci/node_modules
