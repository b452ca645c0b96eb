# Lotsendienst – the two commands a newcomer needs: `make run` (on another port: `make run PORT=8001`) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
PORT ?= 8000

.PHONY: run test lint format install tools check-python check-port migrate demo check-deploy bench messages clean

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null || { \
	  echo "Lotsendienst needs Python 3.12 or newer (3.13 recommended)."; \
	  echo "Install it, e.g. 'apt-get install python3.13 python3.13-venv' or 'pyenv install 3.13',"; \
	  echo "or point PYTHON at it: make run PYTHON=/path/to/python3.13"; exit 1; }

$(STAMP): requirements.lock pyproject.toml
	@$(MAKE) --no-print-directory check-python
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input

demo: migrate
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo

# Before install and migrations, so a taken port fails fast and never after a banner saying the portal runs.
check-port: check-python
	@$(PYTHON) scripts/check_port.py "$(PORT)"

run: check-port demo
	@echo ""
	@echo "Lotsendienst runs on http://127.0.0.1:$(PORT)  (admin: http://127.0.0.1:$(PORT)/admin/, desk: /beratung/)"
	@echo "Demo logins, password 'demo' for each:"
	@echo "  koordination        Netzwerkkoordination (admin, everything)"
	@echo "  redaktion-ihk       Partnerredaktion IHK Region Stuttgart (admin)"
	@echo "  redaktion-saz       Partnerredaktion Schweriner Ausbildungszentrum e.V. (admin)"
	@echo "  beratung-stuttgart  Beratung Lotsendienst Stuttgart (/beratung/)"
	@echo "  beratung-schwerin   Beratung Schweriner Ausbildungszentrum (/beratung/)"
	@echo "Second factor of every demo account: authenticator secret JRXXI43FNZSGSZLOON2EIZLNN4ZDAMRW,"
	@echo "  or print the current code: DJANGO_DEBUG=1 .venv/bin/python manage.py demo_otp <user>"
	@echo ""
	@echo "The worker (queued e-mails, daily jobs) runs beside it; Ctrl-C stops both."
	@DJANGO_DEBUG=1 $(BIN)/python manage.py run_worker --no-reload & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	  DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# One test process per core (pytest-xdist; each has its own test database): TEST_WORKERS=0 runs them in one process.
TEST_WORKERS ?= auto
test: install lint
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

check-deploy: install
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	  DJANGO_ALLOWED_HOSTS=lotse.example.org DJANGO_CSRF_TRUSTED_ORIGINS=https://lotse.example.org EMAIL_HOST=smtp.example.org \
	  REDIS_URL=redis://127.0.0.1:6379/0 DJANGO_TRUSTED_PROXIES=127.0.0.1 \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

# German is the source language: locale/de only holds labels for Django's own strings and is kept by hand.
TRANSLATIONS := en ar uk tr ru
messages: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages $(addprefix -l ,$(TRANSLATIONS)) --add-location=file \
	  --ignore=.venv --ignore=staticfiles --ignore=tests --no-obsolete
	DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages $(addprefix -l ,$(TRANSLATIONS)) --ignore=.venv

# The Nu HTML checker (vnu-jar, needs Java) for the browser tests' markup sweep, kept out of git in .tools/.
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar
tools: $(VNU_JAR)
$(VNU_JAR):
	npm install --ignore-scripts --no-audit --no-fund --prefix .tools vnu-jar

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# Load test (issues 7, 12): PostgreSQL database lotsendienst_bench, generated catalogue, gunicorn on 127.0.0.1:8100
# with a Redis cache (BENCH_DATABASE_URL, BENCH_PORT, BENCH_REDIS_URL), wrk; repeated URLs and the long tail.
# make bench OFFERS=100000 DURATION=10 [CONNECTIONS=4 WORKERS=3 BENCH_ARGS=...]; compare: bench/compare.py A B
OFFERS ?= 100000
DURATION ?= 10
CONNECTIONS ?= 4
WORKERS ?= 3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

bench: install
	@command -v wrk >/dev/null || { echo "Installing the load generator wrk from Debian ..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/run.py --offers $(OFFERS) --duration $(DURATION) --connections $(CONNECTIONS) \
	  --workers $(WORKERS) $(BENCH_ARGS)
