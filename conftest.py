"""Loads the suite's pytest plugin for flows/ and tests/."""
pytest_plugins = ["consent_audit.plugin", "consent_audit.explorer.plugin"]
