# Two commands: `make audit` (the main job) and `make test`. Each installs what it needs, once.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
export APPIUM_HOME := $(CURDIR)/.appium

.PHONY: setup audit test bench clean system
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
	@npm install --no-audit --no-fund --loglevel=error
	@touch $@

$(STAMPS)/drivers: $(STAMPS)/node tools/appium-drivers.txt
	@bash tools/setup-appium.sh
	@touch $@

audit: setup
	@$(BIN)/consent-audit run $(ARGS)

test: setup $(STAMPS)/android-tools
	@$(BIN)/python -m pytest tests $(ARGS)

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
