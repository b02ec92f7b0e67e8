# The desk's two commands: `make run` (the app on SQLite with the seed loaded) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
comma := ,
# Serving on every interface is reached by names make cannot know: allow any host then.
RUN_HOSTS = $(if $(filter 0.0.0.0 ::,$(HOST)),*,localhost$(comma)127.0.0.1$(comma)$(HOST))

.PHONY: run serve worker test bench bench-scale lint format check clean

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
	@echo "The review desk is at http://$(HOST):$(PORT)/desk/ (log in with a demo login above; the admin is at /admin/)."
	@echo "The public API is at http://$(HOST):$(PORT)/api/v1/"
	@# One task worker beside the web server; it stops when the server stops.
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py db_worker & worker=$$!; \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(RUN_HOSTS)}" $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production settings under gunicorn, static files by WhiteNoise. Needs SECRET_KEY,
# except on loopback, where a key is made for the run (sessions end with it) and HTTPS
# is off; anywhere else, put TLS in front. WEB_CONCURRENCY sets the workers.
serve: $(VENV)/.installed
	@set -e; \
	case "$(HOST)" in 127.0.0.1|localhost) loopback=1 ;; *) loopback= ;; esac; \
	if [ -z "$$SECRET_KEY" ]; then \
	  if [ -z "$$loopback" ]; then \
	    echo "make serve: set SECRET_KEY (a long random secret) to serve on $(HOST)." >&2; \
	    exit 2; \
	  fi; \
	  echo "SECRET_KEY is not set: using a key made for this loopback run."; \
	  SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))'); \
	fi; \
	if [ -n "$$loopback" ]; then export HTTPS="$${HTTPS:-false}"; fi; \
	export SECRET_KEY; \
	export DJANGO_SETTINGS_MODULE=newsroom.settings.prod; \
	export ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(HOST),localhost,127.0.0.1}"; \
	$(BIN)/python manage.py migrate --noinput; \
	$(BIN)/python manage.py collectstatic --noinput -v 0; \
	echo ""; \
	echo "The review desk is at http://$(HOST):$(PORT)/admin/ (production settings)."; \
	echo "Health: http://$(HOST):$(PORT)/healthz  API docs: http://$(HOST):$(PORT)/api/docs/"; \
	exec $(BIN)/gunicorn newsroom.wsgi:application --bind "$(HOST):$(PORT)" \
	  --workers "$${WEB_CONCURRENCY:-2}" --access-logfile - --forwarded-allow-ips=""
# The background task worker (relinking, republishing); run any number of them.
worker: $(VENV)/.installed
	$(BIN)/python manage.py db_worker

test: $(VENV)/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(BIN)/python -m tests.benchmarks.run

# The scale table (PostgreSQL; about 10 minutes at 100k): DATABASE_URL=... make bench-scale
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
