# The desk's two commands: `make run` (the app on SQLite with the seed loaded) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
comma := ,
# Serving on every interface is reached by names make cannot know: allow any host then.
RUN_HOSTS = $(if $(filter 0.0.0.0 ::,$(HOST)),*,localhost$(comma)127.0.0.1$(comma)$(HOST))

.PHONY: run test bench lint format check clean

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
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(RUN_HOSTS)}" $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(BIN)/python -m tests.benchmarks.run

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: lint test

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache staticfiles *.egg-info
