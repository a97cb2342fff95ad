# Entry points: `make run` serves the site, `make test` runs the suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test lint setup messages clean bench bench-search bench-render budgets

# Reinstall only when the requirements change, so a second `make run` is quick.
$(BIN)/.installed: requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

var/secret_key:
	@mkdir -p var
	@$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

# A local secret key is created once and kept in var/ unless DJANGO_SECRET_KEY is set.
SECRET = DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/secret_key)}"

setup: $(BIN)/.installed var/secret_key
	$(SECRET) $(BIN)/python manage.py migrate --noinput
	$(SECRET) $(BIN)/python manage.py load_content
	$(SECRET) $(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: setup
	@echo "Serving http://127.0.0.1:$(PORT)/ (Ctrl+C stops)"
	$(SECRET) DJANGO_DEBUG=$${DJANGO_DEBUG:-0} PORT=$(PORT) $(BIN)/gunicorn otandastar.wsgi:application -c gunicorn.conf.py

test: $(BIN)/.installed
	$(BIN)/python -m pytest

# What CI checks before the tests: `ruff format .` fixes the formatting.
lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The site as in production under gunicorn, measured with wrk (Debian package "wrk").
bench: $(BIN)/.installed var/secret_key
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
	$(SECRET) $(BIN)/python -m bench http $(ARGS)

# Search server time per query class at 1×, 10× and 100× the content, in a scratch database.
bench-search: $(BIN)/.installed var/secret_key
	$(SECRET) $(BIN)/python -m bench search $(ARGS)

# Render time of entry and search pages for the worst answers an editor can save (goal < 50 ms).
bench-render: $(BIN)/.installed var/secret_key
	$(SECRET) $(BIN)/python -m bench render $(ARGS)

# Page weights (bytes per page in chromium) and Lighthouse scores (mobile) of the site as in production.
# Needs Debian's chromium and npm; installs lighthouse into var/node once. `make budgets ARGS=--no-lighthouse`.
budgets: $(BIN)/.installed var/secret_key
	$(SECRET) $(BIN)/python -m bench budgets $(ARGS)

# Regenerate message catalogs after changing UI strings (needs GNU gettext).
messages: $(BIN)/.installed
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages -l kk -l ru --no-obsolete --ignore=.venv --ignore=var --ignore=tests
	DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var

.PHONY: audit backup restore

# Pinned packages with newer releases and known vulnerabilities (pip-audit). Offline it says what it could
# not look up and still passes; it fails only on a known vulnerability. README: "Upgrading packages".
audit: $(BIN)/.installed
	$(BIN)/python -m tools.audit

# A backup of the whole database (content, history, search log, accounts) to a new file; README: "Backups".
backup: $(BIN)/.installed var/secret_key
	$(SECRET) $(BIN)/python manage.py backup_database "$${FILE:-var/backups/otandastar-$$(date -u +%Y%m%dT%H%M%SZ).backup}"

# Restore FILE into the configured database, which must be new and empty.
restore: $(BIN)/.installed var/secret_key
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/NAME.backup (into a new, empty database)"; exit 2; }
	$(SECRET) $(BIN)/python manage.py restore_database "$(FILE)"
