# Newsroom: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint format bench bench-admin bench-edge worker messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-base: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements/dev.txt
	touch $@ $(VENV)/.installed-base

# Translations: the .po catalogs are in git; their .mo files are compiled here (Babel, pure
# Python: no gettext package needed). `make messages` adds new strings to the catalogs.
CATALOGS := $(wildcard locale/*/LC_MESSAGES/django.po)
COMPILED := $(CATALOGS:.po=.mo)

$(COMPILED): %.mo: %.po | $(VENV)/.installed-base
	$(BIN)/pybabel -q compile -i $< -o $@

messages: $(VENV)/.installed-base
	$(BIN)/python -m babel.messages.frontend extract
	$(BIN)/python -m babel.messages.frontend update

# Development only: debug on and a throwaway key, set here and nowhere else.
run: export DEBUG = true
run: export SECRET_KEY = local-demo-only-$(shell hostname)
run: $(VENV)/.installed-base $(COMPILED)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py demo_accounts
	@# The e-mail worker runs beside the server (mail goes to the console) and stops with it.
	$(BIN)/python manage.py run_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Background jobs (enquiry e-mails, periodic jobs); in production: deploy/systemd/newsroom-worker.service.
worker: $(VENV)/.installed-base $(COMPILED)
	$(BIN)/python manage.py run_worker

test: export SECRET_KEY ?= test-only-secret-key-not-for-production-use-0123456789
test: $(VENV)/.installed-dev $(COMPILED)
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Reader-side benchmark against PostgreSQL + Redis on this machine (see README, Performance).
# Needs Debian's wrk; fills (once) and uses the PostgreSQL database BENCH_DATABASE_URL names.
bench: export BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench
bench: $(VENV)/.installed-base $(COMPILED)
	@command -v wrk >/dev/null || { echo "make bench needs wrk: apt-get install wrk"; exit 1; }
	$(BIN)/python bench/run.py $(BENCH_ARGS)
	DATABASE_URL=$$BENCH_DATABASE_URL SECRET_KEY=bench-only-secret-key-not-for-production-0123456789 $(BIN)/python bench/search_latency.py
	$(BIN)/python bench/election_night.py $(ELECTION_ARGS)

# The article admin at 100,000 articles (bench/admin_speed.py): the same database as make bench.
bench-admin: export BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench
bench-admin: $(VENV)/.installed-base $(COMPILED)
	$(BIN)/python bench/run.py --prepare-only
	DATABASE_URL=$$BENCH_DATABASE_URL SECRET_KEY=bench-only-secret-key-not-for-production-0123456789 $(BIN)/python bench/admin_speed.py $(BENCH_ADMIN_ARGS)

# The same database behind Debian's varnishd: edge hit ratio and save-to-visible time (README).
bench-edge: export BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench
bench-edge: $(VENV)/.installed-base $(COMPILED)
	@command -v varnishd >/dev/null || { echo "make bench-edge needs varnish varnish-modules"; exit 1; }
	$(BIN)/python bench/edge.py $(BENCH_ARGS)

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
