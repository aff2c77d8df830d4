"""On failure the last screen, its page source and the Appium log tail are attached; a locator time-out is
'automation broken', not a dark pattern."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from allure_results import allure_results

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent

BROKEN_TEST = '''
import pytest
from consent_audit.page import BasePage
from consent_audit.targets import Target


@pytest.fixture
def target_name():
    return "known-page"


@pytest.fixture
def target():
    return Target(name="known-page", kind="web", platform="web-chromium", start="", pages="x:y")


@pytest.fixture
def start_location():
    return "{url}"


class Page(BasePage):
    _root_locator = ("css selector", "#screen-main")
    _missing = ("css selector", "#no-such-button")


def test_locator_times_out(app_context, platform, recorder):
    platform.launch()
    page = Page(app_context).wait_for_page_to_load()
    page.tap(("css selector", "#open"))
    page.wait_for_enabled(page._missing, timeout=1)
'''


def test_failure_attachments_and_category(tmp_path: Path) -> None:
    url = (ROOT / "tests" / "data" / "known_page.html").as_uri()
    (tmp_path / "test_broken.py").write_text(BROKEN_TEST.replace("{url}", url), encoding="utf-8")
    reports = tmp_path / "reports"
    proc = subprocess.run([sys.executable, "-m", "pytest", str(tmp_path / "test_broken.py"), "-p", "consent_audit.plugin",
                           "-p", "no:cacheprovider", "--reports-dir", str(reports), "--run-id", "broken", "-q",
                           "--rootdir", str(tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 1, proc.stdout[-2000:]
    run_dir = reports / "broken"
    results = allure_results(run_dir / "allure-results")
    assert len(results) == 1 and results[0]["status"] == "broken"
    assert "TimeoutException" in results[0]["statusDetails"]["message"]
    names = [a["name"] for a in results[0].get("attachments", [])]
    names += [a["name"] for step in results[0].get("steps", []) for a in step.get("attachments", [])]
    for wanted in ("screen at failure", "page source at failure", "appium log (tail)"):
        assert any(wanted in n for n in names), (wanted, names)
    folder = next((run_dir / "tests").iterdir())
    assert (folder / "failure.png").stat().st_size > 10_000
    trace = json.loads((folder / "trace.json").read_text())
    assert [s["title"] for s in trace["steps"]] == ['Tap "Open dialog"']
