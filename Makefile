# Everything installs into ./.venv from the lock file (uv.lock); nothing is
# installed by hand and nothing is downloaded at run or test time.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
UV_VERSION := 0.13.9
UV := $(VENV)/bin/uv

.PHONY: install demo test lint typecheck unit clean browser bench

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(UV): $(VENV)/bin/python
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

## install: the locked dependencies and newsfacts itself (editable) into ./.venv, compiled
## to bytecode as pip would (uv does not by default; with PYTHONDONTWRITEBYTECODE set,
## every start would compile spaCy, Prefect and the rest again). The editable packages are
## compiled too (about 65 ms of `newsfacts ingest` for extractors/ alone); Python checks
## each file's bytecode against its source, so an edited module is compiled again
install: $(UV)
	$(UV) sync --frozen --inexact --compile-bytecode
	$(VENV)/bin/python -m compileall -q sources extractors store flows

## demo: serve the bundled fixture site on loopback, monitor it, print timelines
demo: install
	NEWSFACTS_ALLOW_PRIVATE=127.0.0.1 $(VENV)/bin/newsfacts demo

## browser: headless Chromium for the timeline page test (Debian packages; needs root once)
browser:
	command -v chromium || (apt-get update && apt-get install -y chromium chromium-driver)

## test: lint, type-check (strict) and run the tests
test: install browser lint typecheck unit

lint:
	$(VENV)/bin/ruff check .

typecheck:
	$(VENV)/bin/mypy

unit:
	$(VENV)/bin/pytest

## bench: benchmarks against their floors, one table (not part of test; sizes: python -m bench --help)
bench: install
	$(VENV)/bin/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
