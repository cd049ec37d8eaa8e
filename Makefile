# Two commands do all the set-up: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: the sitemap's dates come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
VNU := node_modules/vnu-jar/build/dist/vnu.jar
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site site-pseudo messages test test-fast test-site test-browser serve check new review publish-check lint typecheck unit export figures reference bench lighthouse clean

$(STAMP): requirements.lock pyproject.toml requirements-build.in
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## site: build site/ from the shipped catalog (atomic: a failed build keeps the last good site/)
site: $(STAMP)
	$(BIN)/python scripts/build_site.py site

## site-pseudo: build/pseudo/, the whole site in the pseudo-locale en-XA (accented, longer, marked ends): a word left in plain English is one the message catalog misses
site-pseudo: $(STAMP)
	mkdir -p build && $(BIN)/python scripts/build_site.py --language en-XA build/pseudo

## messages: extract the generator's own words into generator/messages/messages.pot (babel.cfg)
messages: $(STAMP)
	$(BIN)/python scripts/extract_messages.py

## serve: preview on http://127.0.0.1:8000; the open page reloads after an edit of the catalog, content/, mkdocs.yml or a template
SERVE_ADDRESS ?= 127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr $(SERVE_ADDRESS)

## check: validate exercises.yaml, the settings in mkdocs.yml and the pages in content/
check: $(STAMP)
	$(BIN)/python -m generator check

## new: add a commented skeleton to exercises.yaml, e.g. `make new KIND=exercise ID=wall-press`
new: $(STAMP)
	@test -n "$(KIND)" -a -n "$(ID)" || { echo "usage: make new KIND=exercise|condition|treatment|routine ID=lower-case-words" >&2; exit 2; }
	$(BIN)/python -m generator new "$(KIND)" "$(ID)"

## review: record the clinic's sign-off, e.g. `make review BY="Jane Smith, physiotherapist"`
## (everything not signed off yet or changed since; `ITEMS="wall-press sciatica"` for just those)
review: $(STAMP)
	@test -n "$(BY)" || { echo 'usage: make review BY="Name, profession" [ITEMS="id-or-page ..."]' >&2; exit 2; }
	$(BIN)/python -m generator review --by "$(BY)" $(if $(ITEMS),$(ITEMS),--pending)

## publish-check: what `check --publish` refuses before the site goes live (CI runs it too)
publish-check: $(STAMP)
	$(BIN)/python -m generator check --publish

## test: every check and test: lint, types, then the unit, site and browser tests (tests/*/)
test: lint typecheck unit

## test-fast: lint, types and tests/unit (no whole-site build, no browser): under a minute
test-fast: lint typecheck
	CLINIC_FAST_TIER=1 $(BIN)/python -m pytest tests/unit -q

## test-site: the tests that build whole sites (tests/site)
test-site: $(STAMP) $(VNU) java
	$(BIN)/python -m pytest tests/site -q

## test-browser: the tests that drive headless Chromium (tests/browser)
test-browser: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest tests/browser -q

# zizmor audits the GitHub workflows (offline: no request to GitHub).
lint: $(STAMP)
	$(BIN)/ruff check generator tests scripts
	$(BIN)/ruff format --check generator tests scripts
	$(BIN)/zizmor --offline --quiet .github/workflows

typecheck: $(STAMP)
	$(BIN)/mypy generator scripts

# unit: every tier of pytest (tests/unit, tests/site, tests/browser), as `make test` runs it
unit: $(STAMP) $(CHROMIUM) $(VNU) java
	$(BIN)/python -m pytest

# The Nu HTML Checker (npm package vnu-jar, pinned in package-lock.json) runs on Java.
$(VNU): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(VNU)

.PHONY: java
java:
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends default-jre-headless; }

# Browser tests drive Debian's Chromium through Playwright (no browser download).
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium

## bench: build the shipped and synthetic catalogs (100, 1,000, 5,000 exercises), ours against MkDocs + Material and Zensical building the export, and print the tables
# Times are medians of BENCH_REPEAT runs (this machine's timings vary by up to 30 %).
BENCH_REPEAT ?= 3
bench: $(STAMP)
	mkdir -p build && $(BIN)/python scripts/bench.py --repeat $(BENCH_REPEAT) --out build/bench.md

## lighthouse: Lighthouse 12 scores for key pages, desktop and mobile (a report, not a test)
lighthouse: site $(CHROMIUM)
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python scripts/lighthouse.py site

## export: a project any MkDocs-compatible engine builds without our plugin (build/export/)
export: $(STAMP)
	$(BIN)/python -m generator export build/export

## reference: rewrite docs/catalog.md's field tables from the catalog model's descriptions
reference: $(STAMP)
	$(BIN)/python scripts/catalog_reference.py

## figures: a contact sheet of every exercise figure and library pose, to look at by eye
figures: $(STAMP)
	$(BIN)/python -m generator figures build/figures.html

clean:
	rm -rf $(VENV) site .site-builds build .pytest_cache .mypy_cache .ruff_cache
