# The two set-up commands of the README: `make run` and `make test`. The rest is for contributors.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_STAMP := $(VENV)/.demo-loaded
DEV := DJANGO_SETTINGS_MODULE=schakelteam.settings.dev
# What the demo database is built from: a change to any of these reloads it on the next `make run`.
DEMO_SOURCES := $(shell find schakelteam kennisbank scan cases -type f \( -path '*/migrations/*.py' -o -path 'schakelteam/demo/*.py' -o -path '*/demo_data/*' \) 2>/dev/null)
# No database file yet (a fresh clone, or deleted): build it whatever the stamp says.
DEMO_FORCE := $(if $(wildcard db.sqlite3),,FORCE)

.PHONY: run test lint format fuzz bench install migrate demo messages compilemessages e2e ci FORCE

# Re-runs whenever pyproject.toml changes (new or re-pinned dependency).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(DEV) $(BIN)/python manage.py migrate --noinput

# Migrations and demo content, only when something they come from changed (load_demo is idempotent).
$(DEMO_STAMP): $(STAMP) $(DEMO_SOURCES) $(DEMO_FORCE)
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_demo
	touch $(DEMO_STAMP)

demo: $(DEMO_STAMP)

run: demo compilemessages
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

# Django's compilemessages needs GNU gettext's msgfmt; without it, polib does the same job.
compilemessages: install
	@if ! ls locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then \
		echo "no translation catalogue yet: nothing to compile"; \
	elif command -v msgfmt >/dev/null 2>&1; then \
		$(BIN)/python manage.py compilemessages --ignore=.venv >/dev/null; \
	else \
		$(BIN)/python .ci/compile_messages.py; \
	fi

test: install compilemessages
	$(BIN)/pytest -n 2 -q || [ $$? -eq 5 ]  # 5: no tests collected

# All four checks run; the target fails if any of them failed.
lint: install
	@status=0; \
	$(BIN)/ruff check . || status=1; \
	$(BIN)/ruff format --check . || status=1; \
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run || status=1; \
	$(BIN)/pytest -q -p no:xdist tests/test_architecture.py || status=1; \
	exit $$status

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(DEV) $(BIN)/python manage.py makemessages -l nl -l en --ignore=.venv --ignore=staticfiles --no-obsolete

fuzz: install
	$(BIN)/pytest -q -m fuzz -p no:xdist || [ $$? -eq 5 ]

e2e: install compilemessages
	$(BIN)/pytest -q -m e2e -p no:xdist || [ $$? -eq 5 ]

bench: install compilemessages
	$(BIN)/python bench/run.py

ci:
	.ci/run

FORCE:
