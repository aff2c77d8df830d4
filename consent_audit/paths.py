"""Where the project's files are."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("CONSENT_AUDIT_ROOT", Path(__file__).resolve().parent.parent))
ASSETS = ROOT / "assets"
PROFILES = ASSETS / "profiles"
TARGETS = ASSETS / "targets"
REPORTS = ROOT / "reports"
NODE_MODULES = ROOT / "node_modules"
APPIUM_HOME = Path(os.environ.get("APPIUM_HOME", ROOT / ".appium"))
