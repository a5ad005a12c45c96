# EUC Review: set-up, run, test and check.
#
# `make run` needs nothing but Python 3.12+: SQLite, a file-system Celery
# broker and a real worker. `make test` runs against PostgreSQL and Redis
# (DATABASE_URL and CELERY_BROKER_URL below; override them to point
# elsewhere).

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# The first Python 3.12 or newer found: $(PYTHON) if given, then the PATH,
# then pyenv's versions.
PYTHON ?= $(shell for candidate in python3.13 python3.12 python3 $$HOME/.pyenv/versions/3.13*/bin/python $$HOME/.pyenv/versions/3.12*/bin/python; do \
	path=$$(command -v $$candidate 2>/dev/null) || continue; \
	$$path -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$path; break; }; \
	done)

TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/euc_review
TEST_BROKER_URL ?= redis://127.0.0.1:6379/15

.PHONY: install run test check format messages clean demo

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "No Python 3.12 or newer found. Install one (Debian: apt-get install python3.12 python3.12-venv;"; \
		echo "pyenv: pyenv install 3.12) or name it: make PYTHON=/path/to/python3.12 install"; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e . --group dev
	touch $@

install: $(VENV)/.installed
	@mkdir -p var

# Local runs write e-mails to var/mail/ rather than printing them.
run: export EMAIL_BACKEND ?= django.core.mail.backends.filebased.EmailBackend
run: install
	DEBUG=true $(BIN)/python manage.py migrate --no-input
	DEBUG=true $(BIN)/python manage.py load_reference_data
	DEBUG=true $(BIN)/python manage.py load_demo_data
	DEBUG=true ./scripts/run-local.sh $(HOST) $(PORT)

demo: install
	DEBUG=true $(BIN)/python manage.py load_demo_data

test: install
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} \
	CELERY_BROKER_URL=$${CELERY_BROKER_URL:-$(TEST_BROKER_URL)} \
	$(BIN)/pytest $(PYTEST_ARGS)

check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=true $(BIN)/mypy .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	DEBUG=true $(BIN)/python manage.py makemessages --locale ja --ignore '.venv/*' --ignore 'var/*' --no-obsolete
	DEBUG=true $(BIN)/python manage.py compilemessages --locale ja --ignore '.venv/*'

clean:
	rm -rf var/broker var/celerybeat-schedule*
