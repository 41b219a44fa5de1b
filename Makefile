# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve worker test browser axe setup lint format messages docs clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamps re-run pip only when pyproject.toml changes, so a second `make run` is quick.
$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[test,postgres,redis,serve,docs]"
	touch $@ $(VENV)/.installed-run $(VENV)/.installed-serve $(VENV)/.installed-docs

$(VENV)/.installed-serve: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[postgres,redis,serve]"
	touch $@ $(VENV)/.installed-run

setup: $(VENV)/.installed-run
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	-$(PY) manage.py search_index --rebuild

run: setup
	$(PY) manage.py runserver $(HOST):$(PORT)

# The production path (docs/operations.md "Production serving"): gunicorn with the production
# settings on PostgreSQL and Redis. SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and
# REDIS_URL come from the environment or .env. Migrates and collects static files
# first: without the manifest every page would answer 500.
WEB_CONCURRENCY ?= 3
PROD := DJANGO_SETTINGS_MODULE=portal.settings.production
serve: $(VENV)/.installed-serve
	$(PROD) $(PY) manage.py migrate --noinput
	$(PROD) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(PROD) WEB_CONCURRENCY=$(WEB_CONCURRENCY) GUNICORN_BIND=$(HOST):$(PORT) \
		$(VENV)/bin/gunicorn --config deploy/gunicorn.conf.py

# The task worker of the production path (report PDFs, officer rebuilds, ...).
worker: $(VENV)/.installed-serve
	$(PROD) $(PY) manage.py db_worker

# Database dump (pg_dump -Fc) and media archive into BACKUP_DIR (docs/operations.md
# "Backup and restore"); DATABASE_URL and MEDIA_ROOT from the environment.
.PHONY: backup
BACKUP_DIR ?= backups
backup:
	deploy/backup.sh $(BACKUP_DIR)

# Browser tests drive Debian's Chromium; install it from apt when missing and
# we may (root, apt available). Without it those tests are skipped with a reason.
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ ! -x $(CHROMIUM) ] && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser tests ..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# axe-core (the accessibility engine the browser tests inject) comes from the npm
# registry, pinned in tests/browser/package-lock.json. Without npm those checks
# are skipped with a printed reason; nothing else depends on it.
AXE_DIR := tests/browser
axe:
	@if ! command -v npm >/dev/null; then \
		echo "npm not found: the axe-core accessibility checks will be skipped."; \
	elif [ ! -f $(AXE_DIR)/node_modules/.package-lock.json ] \
		|| [ $(AXE_DIR)/package-lock.json -nt $(AXE_DIR)/node_modules/.package-lock.json ]; then \
		npm ci --prefix $(AXE_DIR) --no-audit --no-fund --silent; \
	fi

# Tests are spread over TEST_WORKERS processes (pytest-xdist, one per CPU by default).
# Not --dist loadfile: it keeps a file's tests together, so a file's transactional tests
# (which empty the tables, migration data included) run before other files' ordinary
# ones; the default keeps pytest-django's order, transactional tests last.
# TEST_WORKERS=0 runs in this process (for pdb and -s).
TEST_WORKERS ?= auto
test: $(VENV)/.installed-test browser axe
	$(VENV)/bin/pytest -n $(TEST_WORKERS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Regenerate the English catalogue after changing Indonesian UI strings.
messages: $(VENV)/.installed-run
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=static
	$(PY) manage.py compilemessages -l en --ignore=.venv

# The documentation site (MkDocs, Material theme) into site/; --strict turns every
# warning (a broken link or anchor, a page left out of the nav) into a failure. The API
# reference page is generated from the OpenAPI schema during the build.
$(VENV)/.installed-docs: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[docs]"
	touch $@

docs: $(VENV)/.installed-docs
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm static media site
