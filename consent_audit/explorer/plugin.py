"""pytest plumbing of the explorer: its options, the explored target's settings, the flows under
flows/explore (collected only when exploring), and a last masking pass."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ..paths import FLOWS
from ..plugin import RUN_KEY
from .settings import ExploreSettings, SettingsHolder

EXPLORE_DIR = FLOWS / "explore"
_TEXT_SUFFIXES = {".html", ".xml", ".json", ".log", ".txt", ".md"}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("consent-audit-explore", "consent-audit explorer (flows/explore)")
    group.addoption("--explore-url", default=None, help="web app to explore (its start address)")
    group.addoption("--explore-app-package", default=None, help="Android app to explore (its package)")
    group.addoption("--explore-username", default="", help="test account username (password: CONSENT_AUDIT_PASSWORD)")
    group.addoption("--explore-new-account", action="store_true", default=False,
                    help="the test account does not exist yet: sign up at once, never log in with it first")
    group.addoption("--explore-budget-actions", type=int, default=None, help="actions each goal may spend")
    group.addoption("--explore-budget-seconds", type=float, default=None, help="seconds each goal may spend")
    group.addoption("--explore-permission-depth", type=int, default=None,
                    help="deny-permissions: taps below the core screen whose controls are tried (default 4; "
                         "the first 2 levels whole, then one deeper at a time while the budget lasts)")


def settings_of(config: pytest.Config) -> ExploreSettings | None:
    holder = next((p for p in config.pluginmanager.get_plugins() if isinstance(p, SettingsHolder)), None)
    if holder is not None:
        return holder.settings
    url, package = config.getoption("--explore-url", None), config.getoption("--explore-app-package", None)
    if not url and not package:
        return None
    return ExploreSettings.from_env(url=url, app_package=package, goals=[],
                                    username=config.getoption("--explore-username") or "",
                                    new_account=bool(config.getoption("--explore-new-account", False)),
                                    budget_actions=config.getoption("--explore-budget-actions"),
                                    budget_seconds=config.getoption("--explore-budget-seconds"),
                                    permission_depth=config.getoption("--explore-permission-depth", None))


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    settings = settings_of(config)
    if settings is not None:
        config.option.targets = [settings.name]     # the flows are parametrized over the explored target


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """flows/explore needs an app to explore: without one it is not collected (plain `pytest flows`)."""
    inside = collection_path == EXPLORE_DIR or EXPLORE_DIR in collection_path.parents
    if inside and settings_of(config) is None:
        return True
    return None


@pytest.fixture(scope="session")
def explore_settings(pytestconfig: pytest.Config, masker: Any) -> ExploreSettings:
    settings = settings_of(pytestconfig)
    if settings is None:
        raise pytest.skip.Exception("nothing to explore: give --explore-url or --explore-app-package")
    for value in settings.secrets():
        masker.add(value)
    return settings


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Mask, in every text file of the run, secrets learned late (a code the app showed on screen)."""
    run = session.config.stash.get(RUN_KEY, None)
    if run is None or settings_of(session.config) is None or not run.masker.secrets:
        return
    for path in run.dir.rglob("*"):
        if path.is_file() and path.suffix in _TEXT_SUFFIXES:
            run.masker.mask_file(path)
