# The desk's two commands: `make run` (the app on SQLite with the seed loaded) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run worker test bench bench-scale lint format check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo ""
	@echo "The review desk is at http://$(HOST):$(PORT)/admin/ (log in with a demo login above)."
	@echo "The public API is at http://$(HOST):$(PORT)/api/v1/"
	@# One task worker beside the web server; it stops when the server stops.
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py db_worker & worker=$$!; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The background task worker (relinking, republishing); run any number of them.
worker: $(VENV)/.installed
	$(BIN)/python manage.py db_worker

test: $(VENV)/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(BIN)/python -m tests.benchmarks.run

# The scale table (PostgreSQL; about 30 minutes at 100k): DATABASE_URL=... make bench-scale
bench-scale: $(VENV)/.installed
	$(BIN)/python -m tests.benchmarks.scale

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: lint test

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache staticfiles *.egg-info
