# Buurtwijs: `make demo` serves the demo network, `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
# The suite runs on one process per core (pytest-xdist); PYTEST_ARGS=-n0 runs it in one.
PYTEST_ARGS ?= -n auto
# Django 6 needs Python 3.12 or 3.13: take the first one found on PATH or in pyenv.
PYTHON ?= $(shell for c in python3.12 python3.13 $$HOME/.pyenv/versions/3.12*/bin/python3.12 \
	  $$HOME/.pyenv/versions/3.13*/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.12; do \
	  p=$$(command -v $$c 2>/dev/null) || continue; \
	  $$p -c 'import sys; sys.exit(sys.version_info[:2] not in ((3, 12), (3, 13)))' 2>/dev/null \
	  && echo $$p && break; done)
UV ?= $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
VENV := .venv
STAMP_PY := $(VENV)/.installed
STAMP_JS := node_modules/.installed
MANAGE := $(UV) run --frozen --no-sync python manage.py
DEV := DJANGO_SETTINGS_MODULE=config.settings.dev

.PHONY: help install demo worker test lint audit format messages static chromium bench loadtest clean

help:
	@echo "make demo    install everything, load the demo network, serve http://127.0.0.1:$(PORT)"
	@echo "make test    install what is missing and run the whole test suite"
	@echo "make lint    ruff, mypy, Django checks (also --deploy), migrations check, audit"
	@echo "make audit   bandit over the code, pip-audit over the locked dependencies"
	@echo "make format  format the code with ruff"
	@echo "make worker  run the background worker (text extraction, search index)"
	@echo "make bench   national-scale demo data, then page timings beside /healthz"
	@echo "make loadtest  50 visitors against gunicorn on a throw-away PostgreSQL, then a database outage"

$(STAMP_PY): pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	@if [ -z "$(PYTHON)" ]; then echo "Django 6 needs Python 3.12 or 3.13; none was found (set PYTHON=/path/to/python3.12)." >&2; exit 1; fi
	$(UV) sync --frozen --compile-bytecode --python "$(PYTHON)"
	@touch $@

$(STAMP_JS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

static/build/css/buurtwijs.css: $(STAMP_JS) scripts/build-static.mjs static/src/css/buurtwijs.css
	node scripts/build-static.mjs

static: static/build/css/buurtwijs.css

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(STAMP_PY)
	$(DEV) $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

install: $(STAMP_PY) $(STAMP_JS) static locale/nl/LC_MESSAGES/django.mo locale/en/LC_MESSAGES/django.mo

demo: install
	@mkdir -p var/mail
	$(DEV) $(MANAGE) migrate --no-input -v0
	$(DEV) $(MANAGE) seed_demo --site-url http://127.0.0.1:$(PORT)
	@echo "E-mails go to the local mail sink on 127.0.0.1:1025 and are written to"
	@echo "  $(CURDIR)/var/mail/ as .eml files (open them in a mail program); each one is announced below."
	@echo "The background worker and the mail sink run beside the site; all stop with Ctrl+C."
	$(DEV) $(MANAGE) mail_sink --port 1025 --dir "$(CURDIR)/var/mail" & sink=$$!; \
	  $(DEV) $(MANAGE) db_worker $(WORKER_ARGS) & worker=$$!; \
	  trap 'kill $$worker $$sink 2>/dev/null' EXIT INT TERM; \
	  $(DEV) $(MANAGE) runserver 127.0.0.1:$(PORT)

# Background tasks wait in the database until this worker runs them.
WORKER_ARGS := --backend background --queue-name '*' --no-reload
worker: install
	$(DEV) $(MANAGE) db_worker $(WORKER_ARGS)

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: install chromium
	$(UV) run --frozen --no-sync pytest $(PYTEST_ARGS)

lint: $(STAMP_PY)
	$(UV) run --frozen --no-sync ruff check .
	$(UV) run --frozen --no-sync ruff format --check .
	$(UV) run --frozen --no-sync mypy buurtwijs config conftest.py tests
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	@echo "check --deploy with the production settings and the variables a deployment sets"
	DJANGO_SETTINGS_MODULE=config.settings.production \
	  SECRET_KEY="$$(head -c 48 /dev/urandom | base64 | tr -d '\n')" \
	  ALLOWED_HOSTS=buurtwijs.example.nl SITE_URL=https://buurtwijs.example.nl \
	  DATABASE_URL=postgres://buurtwijs@db.example.nl:5432/buurtwijs \
	  $(MANAGE) check --deploy --fail-level WARNING
	$(MAKE) --no-print-directory audit

# Security audit: bandit (no medium or high finding in buurtwijs/ and config/) and
# pip-audit (no known vulnerability in uv.lock; fails when it cannot reach a
# vulnerability database, see scripts/audit-deps.sh and docs/deploy.md).
audit: $(STAMP_PY)
	@# bandit warns about each reviewed "# nosec" line it passes; keep its findings only.
	$(UV) run --frozen --no-sync bandit -c pyproject.toml -r buurtwijs config \
	  --severity-level medium --quiet 2> >(grep -v 'nosec encountered' >&2)
	UV="$(UV)" scripts/audit-deps.sh

format: $(STAMP_PY)
	$(UV) run --frozen --no-sync ruff check --fix .
	$(UV) run --frozen --no-sync ruff format .

messages: $(STAMP_PY)
	$(DEV) $(MANAGE) makemessages -l nl -l en --ignore=.venv --ignore=node_modules --ignore=var
	$(DEV) $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules static/build var/static

# Speed at national scale: seeds a separate SQLite database and a throw-away
# PostgreSQL database (created on BENCH_PG_SERVER, dropped afterwards), times every
# page kind beside the /healthz baseline on each (bench_report) and replaces the
# tables in docs/performance.md. BENCH_PG_SERVER= (empty) skips PostgreSQL.
BENCH_DB ?= sqlite:///$(CURDIR)/var/bench.sqlite3
BENCH_PG_SERVER ?= postgres://postgres@127.0.0.1:5432
BENCH_ARGS ?=
bench: install
	@mkdir -p var
	DATABASE_URL=$(BENCH_DB) $(DEV) $(MANAGE) migrate --no-input -v0
	time DATABASE_URL=$(BENCH_DB) $(DEV) $(MANAGE) seed_demo --scale national
	DATABASE_URL=$(BENCH_DB) $(DEV) $(MANAGE) bench_report --label SQLite \
	  --write docs/performance.md $(BENCH_ARGS)
	@if [ -n "$(BENCH_PG_SERVER)" ]; then \
	  db=buurtwijs_bench_$$$$; url="$(BENCH_PG_SERVER)/$$db"; \
	  psql "$(BENCH_PG_SERVER)/postgres" -qc "CREATE DATABASE $$db" || exit 1; \
	  trap 'psql "$(BENCH_PG_SERVER)/postgres" -qc "DROP DATABASE IF EXISTS $$db WITH (FORCE)"' EXIT; \
	  DATABASE_URL=$$url $(DEV) $(MANAGE) migrate --no-input -v0 && \
	  time DATABASE_URL=$$url $(DEV) $(MANAGE) seed_demo --scale national && \
	  DATABASE_URL=$$url $(DEV) $(MANAGE) bench_report --label PostgreSQL \
	    --questions 0 --write docs/performance.md $(BENCH_ARGS); \
	fi

# Load and faults: a throw-away PostgreSQL cluster (initdb in a temporary folder, own
# port; the shared server is never touched), national data, gunicorn with 4 workers,
# 50 visitors browsing and sending forms for 60 s, then the same while PostgreSQL is
# stopped for 10 s. Smaller: LOADTEST_SCALE=demo LOADTEST_SECONDS=15 LOADTEST_CLIENTS=10.
loadtest: install
	$(UV) run --frozen --no-sync python scripts/loadtest.py
