"""The suite's pytest plugins load through their `pytest11` entry points (pyproject.toml), in this checkout
as in a QA team's own repository with the package installed."""

# Also named here (the entry point's own name, so it never loads twice) for a checkout whose editable install
# predates that entry point: `make setup` re-installs when pyproject.toml changes, a hand-made venv may not.
pytest_plugins = ["refapp.plugin"]
