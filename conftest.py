"""The suite's pytest plugins load through their `pytest11` entry points (pyproject.toml), in this checkout
as in a QA team's own repository with the package installed."""
