"""Wrong verdicts that today's structure must not give, reproduced end to end through `consent-audit run`:

- false clean: a consent journey that cannot find the reject control used to end 'failed' with no finding,
  which the CLI read as 'no dark pattern found', exit 0. It is broken, exit 2.
- false broken: a run told not to capture traffic (`--traffic off`) used to end every consent audit broken
  ("could not measure sent_before_consent"). The traffic rules are left out of its scope, listed as not checked.
- false finding: a browser session that died while the deny-path walker went for the core screen used to
  read as an app that exited, i.e. a forced_permission finding with its rule items. It is broken, exit 2.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from allure_results import allure_results

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent

PAGES = '''
from selenium.common.exceptions import InvalidSessionIdException

from refapp.pages.web import RefApp


class NoRejectApp(RefApp):
    """The reference app's page objects, but the reject control they name is not on the dialog."""

    def consent_choices(self):
        return "consent-accept", "no-such-reject-control"


class _GoneSession:
    """A WebDriver whose session stopped answering (what a crashed browser looks like to the client)."""

    def __getattr__(self, name):
        raise InvalidSessionIdException("invalid session id: the browser has closed the connection")


class DyingBrowserApp(RefApp):
    """The browser session stops answering while the deny-path walker goes for the core screen."""

    def reach_core(self, budget):
        platform = self.context.platform
        alive, platform.driver = platform.driver, _GoneSession()
        try:
            return super().reach_core(budget)
        finally:
            platform.driver = alive
'''


def _target(folder: Path, name: str, pages: str) -> Path:
    source = (ROOT / "refapp" / "targets" / "refapp-fair.yaml").read_text(encoding="utf-8")
    lines = [line for line in source.splitlines() if not line.startswith(("name:", "pages:", "truth:", "default:"))]
    path = folder / f"{name}.yaml"
    path.write_text(f"name: {name}\npages: {pages}\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(tmp_path: Path, target: Path | str, flow: str, *more: str) -> dict[str, Any]:
    reports = tmp_path / "reports"
    proc = subprocess.run([sys.executable, "-m", "consent_audit.cli", "run", "--target", str(target), "--flow", flow,
                           "--reports-dir", str(reports), "--run-id", "wrong-verdict", "--quiet", "--no-bundle", *more],
                          cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])})
    summary = json.loads((reports / "wrong-verdict" / "summary.json").read_text(encoding="utf-8"))
    allure = allure_results(reports / "wrong-verdict" / "allure-results")
    return {"proc": proc, "summary": summary, "allure": allure}


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    (tmp_path / "wrong_verdict_pages.py").write_text(textwrap.dedent(PAGES), encoding="utf-8")
    return tmp_path


def test_a_consent_journey_without_its_reject_control_is_broken_not_clean(pages: Path, tmp_path: Path) -> None:
    run = _run(tmp_path, _target(pages, "no-reject", "wrong_verdict_pages:NoRejectApp"), "consent")
    proc, summary = run["proc"], run["summary"]
    assert proc.returncode == 2, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "no dark pattern found" not in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    [result] = summary["results"]
    assert result["outcome"] == "broken" and result["findings"] == []
    assert "no-such-reject-control" in result["message"]
    assert summary["outcome"] == "broken"
    assert [r["status"] for r in run["allure"]] == ["broken"]
    assert any(label == {"name": "outcome", "value": "broken"} for label in run["allure"][0]["labels"])


def test_a_dead_browser_is_broken_not_a_forced_permission(pages: Path, tmp_path: Path) -> None:
    run = _run(tmp_path, _target(pages, "dying-browser", "wrong_verdict_pages:DyingBrowserApp"), "permissions")
    proc, summary = run["proc"], run["summary"]
    assert proc.returncode == 2, proc.stdout[-2000:] + proc.stderr[-2000:]
    [result] = summary["results"]
    assert result["outcome"] == "broken" and result["findings"] == []
    assert "session" in result["message"] and "forced" not in proc.stdout + proc.stderr
    assert all(r["status"] == "broken" for r in run["allure"])


def test_traffic_left_out_by_choice_is_not_checked_and_the_rest_is_judged(tmp_path: Path) -> None:
    run = _run(tmp_path, "refapp-tracking-before-consent", "consent", "--traffic", "off")
    proc, [result] = run["proc"], run["summary"]["results"]
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]     # its consent dialog itself is fair
    assert result["outcome"] == "clean" and result["findings"] == [] and "unmeasured" not in result["metrics"]
    assert result["metrics"]["not_checked"] == dict.fromkeys(
        ["tracking_before_consent", "tracking_after_reject", "consent_string_contradicts_choice"],
        "traffic capture off (--traffic off)")
    assert result["metrics"]["sent_before_consent"] is None                     # unmeasured, never 'no'
    assert result["as_expected"] is None and "not compared with their ground truth" in proc.stdout + proc.stderr
