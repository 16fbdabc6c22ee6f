# Two commands set everything up: `make run` serves the demo, `make test` runs the whole suite.
PORT ?= 8000
# The demo and the tests run with DEBUG on (the demo key, console email, the mailbox page) unless the
# environment says otherwise; `make worker`/`make beat` and production start with DEBUG off (README).
DEV_TARGETS := run demo migrate test translations messages check
$(DEV_TARGETS): export DJANGO_DEBUG ?= true
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup install-prod lock demo migrate worker beat lint check bench messages translations clean

$(PY):
	@python=$$(bin/find-python) && echo "Using $$python" && $$python -m venv $(VENV)

# Installs exactly what uv.lock says, hash-checked: runtime + test + lint + dev (requirements/dev.txt).
# Editing pyproject.toml changes nothing until `make lock` regenerates the lock and its exports.
$(STAMP): requirements/dev.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/dev.txt
	@touch $(STAMP)

# A developer's checkout: `python manage.py ...` runs with DEBUG on, as make run does (the settings read
# .env; a server has none, or its own). Never overwrites an existing .env.
.env:
	@printf '# Made by make setup: this checkout is for development (DEBUG on, the demo key).\nDJANGO_DEBUG=true\n' > .env

setup: $(STAMP) .env

# Production: the runtime packages only, no test or lint tools. `make install-prod VENV=/srv/lg/venv`
# for a venv elsewhere; by hand: pip install --require-hashes -r requirements/production.txt
install-prod: | $(PY)
	@if [ -e $(STAMP) ]; then echo "$(VENV) already has the test and lint tools (make setup):" \
	  "run make clean, or pass VENV=/another/path" >&2; exit 1; fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/production.txt

# After editing pyproject.toml: regenerates uv.lock and requirements/*.txt (uv in .venv/tools).
# Keeps locked versions; ARGS=--upgrade (or ARGS="--upgrade-package django") moves them on.
lock:
	bin/lock $(ARGS)

migrate: setup
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

# Web, Celery worker and beat under honcho (Procfile), on SQLite and the embedded broker (var/) unless
# DATABASE_URL and REDIS_URL say otherwise. Links in emails point here; every job runs every 30 s.
run: demo translations
	@echo "LG Portal on http://127.0.0.1:$(PORT): web, worker and beat (Ctrl-C stops all three);" \
	  "emails on this console and at http://127.0.0.1:$(PORT)/dev/mailbox/"
	@PATH="$(CURDIR)/$(VENV)/bin:$$PATH" SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}" \
	  LG_JOBS_EVERY_SECONDS="$${LG_JOBS_EVERY_SECONDS:-30}" PYTHONUNBUFFERED=1 \
	  $(VENV)/bin/honcho start --procfile Procfile --port $(PORT)

# Two workers (pytest-xdist): each has its own test database and, with REDIS_URL, its own Redis database
# (tests/settings.py). TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= 2
test: setup translations
	$(PY) -m pytest -n $(TEST_WORKERS)

# English comes from locale/en; the compiled .mo is committed too, for machines without gettext.
translations: setup
	@if command -v msgfmt >/dev/null 2>&1; then $(PY) manage.py compilemessages --ignore=.venv -v 0; \
	else echo "msgfmt not found: using the committed .mo files"; fi

lint: setup
	$(VENV)/bin/ruff check .

check: setup
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=check-only-$$(date +%s)-not-a-real-secret-key-0123456789abcdef \
	  DJANGO_ALLOWED_HOSTS=portal.example SITE_URL=https://portal.example $(PY) manage.py check --deploy --fail-level WARNING

worker: setup
	$(VENV)/bin/celery -A lg_portal worker --loglevel=info

beat: setup
	$(VENV)/bin/celery -A lg_portal beat --loglevel=info

messages: setup
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=bench --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

# The benchmark on this machine's PostgreSQL (a separate database, lg_bench). ARGS="--participants 10000"
bench: setup
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null) || true
	$(PY) bench/run.py $(ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles var
