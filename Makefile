# Bevoegd: two set-up commands, `make run` and `make test` (see README.md).
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# durable_rules imports on CPython 3.11 and 3.12 only (not 3.13).
PY ?= $(shell for p in python3.12 python3.11 python3; do \
	  $$p -c 'import sys; sys.exit(sys.version_info[:2] not in ((3, 11), (3, 12)))' 2>/dev/null && { echo $$p; break; }; done)
# glibc reads these at process start; without them the rules engine is ~3x slower (docs/performance.md).
export MALLOC_TOP_PAD_ := 67108864
export MALLOC_TRIM_THRESHOLD_ := 268435456
export FLASK_APP := app

.PHONY: run test install css migrate seed bench bench-http bench-scale browser pdf-tools lint clean

# The web server and, beside it, the job worker (PDFs, ZGW publication); Ctrl+C stops both.
run: seed pdf-tools
	@echo "Bevoegd draait op http://127.0.0.1:5000 (stoppen: Ctrl+C)"
	@trap 'kill 0' EXIT; $(BIN)/flask jobs worker & $(BIN)/flask run --host 127.0.0.1 --port 5000

test: install browser pdf-tools
	$(BIN)/pytest

install: $(VENV)/.installed css

$(VENV)/.installed: pyproject.toml
	@test -n "$(PY)" || { echo "Python 3.11 or 3.12 is required (durable_rules does not import on 3.13)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

css: app/static/vendor/.installed

app/static/vendor/.installed: package.json package-lock.json scripts/vendor_css.sh
	npm ci --no-audit --no-fund --loglevel=error
	bash scripts/vendor_css.sh
	touch $@

migrate: install
	mkdir -p instance
	$(BIN)/alembic upgrade head

seed: migrate
	$(BIN)/flask seed-demo

# The end-to-end test drives Debian's chromium package; never a browser download.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Debian's chromium package (sudo apt-get install chromium)"; exit 1; fi; }

# Letters become PDF/A with Debian's LibreOffice (headless, no GUI); tests read them back with poppler's pdftotext.
pdf-tools:
	@{ command -v soffice && command -v pdftotext; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    libreoffice-writer-nogui poppler-utils >/dev/null; \
	  else echo "Install LibreOffice and poppler (sudo apt-get install libreoffice-writer-nogui poppler-utils)"; exit 1; fi; }

bench: install pdf-tools
	$(BIN)/python bench/bench_assessments.py
	$(BIN)/python bench/bench_letters.py
	$(BIN)/python bench/bench_bulk.py 120

# Serving at scale (issue 12, docs/performance.md): need a local PostgreSQL; each drops and creates its own database
# (never `test` or `test_h*`). bench-http takes about 5 minutes; bench-scale loads 1M cases (~10 min) and keeps them.
BENCH_PG ?= postgresql+psycopg://postgres@127.0.0.1:5432
bench-http: install
	$(BIN)/python bench/bench_http.py --database-url $(BENCH_PG)/bench_http --zaken 20000 --rss 10000

bench-scale: install
	$(BIN)/python bench/generate.py --count 1000000 --database-url $(BENCH_PG)/bench_1m
	$(BIN)/python bench/bench_lists.py --database-url $(BENCH_PG)/bench_1m

lint: install
	$(BIN)/ruff check app tests bench

clean:
	rm -rf $(VENV) node_modules app/static/vendor instance/bevoegd.sqlite*
