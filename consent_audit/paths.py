"""Where the project's files are.

`PACKAGE` holds what ships in the wheel (flows, lexicons, policy, rule catalog, built-in profiles);
`ROOT` is the project a user works in: the checkout, or a QA team's own repository (the current folder, or
$CONSENT_AUDIT_ROOT). Its `assets/targets` and `assets/profiles` are searched before the built-in ones."""
from __future__ import annotations

import logging
import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ASSETS = PACKAGE / "assets"
FLOWS = PACKAGE / "flows"
PROFILES = ASSETS / "profiles"
SOURCE_ROOT = PACKAGE.parent
"""The checkout this package was loaded from (in an installed wheel: site-packages)."""
ROOT = Path(os.environ.get("CONSENT_AUDIT_ROOT") or
            (SOURCE_ROOT if (SOURCE_ROOT / "pyproject.toml").exists() else Path.cwd()))
USER_TARGETS = ROOT / "assets" / "targets"
USER_PROFILES = ROOT / "assets" / "profiles"
REPORTS = ROOT / "reports"
def _first_dir(*folders: Path, default: Path) -> Path:
    return next((f for f in folders if f.is_dir()), default)


NODE_MODULES = _first_dir(ROOT / "node_modules", SOURCE_ROOT / "node_modules", default=ROOT / "node_modules")
"""The Node tools (Appium, Allure) installed locally (`npm install`): the project's, else those of the checkout
this package runs from (a QA team's folder audited with a checkout's consent-audit); else looked up on PATH."""
APPIUM_HOME = Path(os.environ.get("APPIUM_HOME") or
                   _first_dir(ROOT / ".appium", SOURCE_ROOT / ".appium", default=Path.home() / ".appium"))
"""Where Appium keeps its drivers: $APPIUM_HOME, the project's .appium (`make setup`), the checkout's, else
Appium's own default."""
ENGINE_INI = ASSETS / "engine.ini"
"""The pytest settings of an audit run (markers, warnings), shipped with the package: a user's folder has none."""


def plugin_folders(group: str) -> list[Path]:
    """Folders that installed packages register under an entry-point group (for example the reference app's
    targets under `consent_audit.targets`); a broken registration is skipped, never fatal."""
    from importlib.metadata import entry_points

    found: list[Path] = []
    for point in sorted(entry_points(group=group), key=lambda p: p.name):
        try:
            folder = Path(point.load())
        except Exception as exc:   # a plugin that cannot load must not stop the audit of another target
            logging.getLogger("consent_audit").warning("entry point %s of %s cannot load: %s", point.name, group, exc)
            continue
        if folder.is_dir() and folder not in found:
            found.append(folder)
    return found


def target_folders() -> list[Path]:
    """Where target files are looked up, first match wins: the user's assets/targets, then plugins'."""
    return [USER_TARGETS, *[f for f in plugin_folders("consent_audit.targets") if f != USER_TARGETS]]


def profile_folders() -> list[Path]:
    """Where device profiles are looked up, first match wins: the user's assets/profiles, then built-ins."""
    return [USER_PROFILES, PROFILES]
