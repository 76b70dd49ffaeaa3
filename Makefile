# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV := DJANGO_SETTINGS_MODULE=schakelteam.settings.dev

.PHONY: run test lint format fuzz bench install migrate demo messages e2e

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(DEV) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(DEV) $(BIN)/python manage.py load_demo

run: demo
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/python manage.py compilemessages --ignore=.venv >/dev/null
	$(BIN)/pytest -n 2 -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(DEV) $(BIN)/python manage.py makemessages -l nl -l en --ignore=.venv --ignore=staticfiles --no-obsolete

fuzz: install
	$(BIN)/pytest -q -m fuzz -p no:xdist

e2e: install
	$(BIN)/pytest -q -m e2e -p no:xdist

bench: install
	$(BIN)/python bench/run.py
