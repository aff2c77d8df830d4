# Two commands: `make audit` (the main job) and `make test`. Each installs what it needs, once.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
export APPIUM_HOME := $(CURDIR)/.appium

.PHONY: setup audit test bench clean system grid corpus
.PHONY: apk android-tools
.DEFAULT_GOAL := audit

setup: system $(STAMPS)/venv $(STAMPS)/node $(STAMPS)/drivers

system:
	@bash tools/setup-system.sh

$(STAMPS)/venv: pyproject.toml
	@mkdir -p $(STAMPS)
	@test -x $(BIN)/python || { echo "==> creating $(VENV)"; python3 -m venv $(VENV); }
	@echo "==> pip install -e . (pinned dependencies)"
	@$(BIN)/pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $@

$(STAMPS)/node: package.json
	@mkdir -p $(STAMPS)
	@echo "==> npm install (Appium 3, Allure Report 3) into ./node_modules"
	@# --ignore-scripts: no package's install script runs (appium's does nothing inside a project, @parcel/watcher
	@# takes its prebuilt binary, cookie-though's calls a patch-package it does not depend on and failed the install)
	@npm install --no-audit --no-fund --loglevel=error --ignore-scripts
	@touch $@

$(STAMPS)/drivers: $(STAMPS)/node tools/appium-drivers.txt
	@bash tools/setup-appium.sh
	@touch $@

# WORKERS: audits in parallel (pytest-xdist), each with its own Appium server and reference app (docs/farm.md)
WORKERS ?= 2

# ZIP: the evidence bag also as one zip (make audit ZIP=yes). Off by default: the zip repeats every byte of the
# bag (a zip cannot share them); `consent-audit bundle RUN` zips the bag later, its digest unchanged (docs/farm.md).
ZIP ?= no

audit: setup
	@$(BIN)/consent-audit run --workers $(WORKERS) $(if $(filter yes,$(ZIP)),,--no-zip) $(ARGS)

# A Selenium Grid 4 on loopback: a hub (port GRID_PORT) and NODES relay nodes, each to its own Appium server.
# Audit through it from another shell: consent-audit run --profile grid-chromium --appium-url http://127.0.0.1:4444
NODES ?= 2
GRID_PORT ?= 4444
grid: setup
	@$(BIN)/python -m consent_audit.grid --nodes $(NODES) --port $(GRID_PORT)

# TEST_WORKERS: pytest-xdist processes for `make test` (a test file's tests stay on one process, each process
# with its own Appium server); 0 runs them all in this process, one after another.
TEST_WORKERS ?= 2

test: setup $(STAMPS)/android-tools
	@$(BIN)/python -m pytest tests $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile) $(ARGS)

# The explorer on every corpus app, each figure and verdict against its truth (slow: an explore per app).
corpus: setup
	@$(BIN)/python -m pytest tests/test_corpus_explored.py --corpus -n 2 $(ARGS)

# The reference app as an Android APK (android/ → build/refapp-android.apk), built offline from Debian packages.
$(STAMPS)/android-tools: tools/build-apk.sh
	@mkdir -p $(STAMPS)
	@bash tools/build-apk.sh tools
	@touch $@

android-tools: $(STAMPS)/android-tools

apk: $(STAMPS)/android-tools
	@bash tools/build-apk.sh

bench: setup
	@for b in benchmarks/*.py; do echo "==> $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf reports/[0-9]* reports/latest
