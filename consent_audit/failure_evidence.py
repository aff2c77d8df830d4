"""The evidence of an audit that failed to run (a setup or test error, never a verdict found): the screen at
failure, its page source (as text), the Python traceback of a flow stopped before its verdict
(`Result.error_trace`, as traceback.txt) and the Appium log's tail, attached to the Allure test and written to the
test's folder. Called from the `recorder` fixture's teardown (fixtures.py) and from pytest_runtest_makereport
(plugin.py), once per test (FAILURE_KEY)."""
from __future__ import annotations

import logging
from pathlib import Path

import allure
import pytest

from .appium_server import log_tail
from .audit import RESULT_KEY, allure_test_open
from .masking import Masker
from .model import Outcome
from .plugin import REPORTS_KEY
from .recorder import Recorder
from .run import Run

log = logging.getLogger("consent_audit")


def failed(request: pytest.FixtureRequest) -> bool:
    """Whether setup or the test failed; a found audit's failed call is its verdict, with its findings'
    evidence, not a failure to capture a screen for (as in pytest_runtest_makereport)."""
    result = request.node.stash.get(RESULT_KEY, None)
    found = result is not None and result.outcome == Outcome.FOUND
    reports = request.node.stash.get(REPORTS_KEY, {})
    return any(r.failed and not (found and when == "call") for when, r in reports.items())


def attach_failure(rec: Recorder, mode: str, test_dir: Path, run: Run, masker: Masker, trace: str = "") -> None:
    """Last screen, page source, `trace` (a Python traceback, '' for none) and the Appium log tail, secrets
    masked; an error here never masks the real failure."""
    if trace:
        try:
            (test_dir / "traceback.txt").write_text(masker.mask(trace), encoding="utf-8")
            allure.attach(masker.mask(trace), name="traceback", attachment_type=allure.attachment_type.TEXT)
        except Exception as exc:
            log.warning("could not keep the traceback: %s", exc)
    try:
        screen = rec.last_screen
        if screen is None or (mode != "off" and not screen.screenshot):
            rec.invalidate()
            rec.screenshots = "on" if mode != "off" else "off"
            screen = rec.observe()
        if screen.screenshot:
            (test_dir / "failure.png").write_bytes(screen.screenshot)
            allure.attach(screen.screenshot, name="screen at failure", attachment_type=allure.attachment_type.PNG)
        # as plain text: Allure shows HTML attachments in a frame that still loads the page's images
        allure.attach(masker.mask(screen.source), name="page source at failure",
                      attachment_type=allure.attachment_type.TEXT)
    except Exception as exc:
        log.warning("could not capture the screen at failure: %s", exc)
    tail = masker.mask(log_tail(run.appium_log))
    if tail and allure_test_open():
        allure.attach(tail, name="appium log (tail)", attachment_type=allure.attachment_type.TEXT)


__all__ = ["attach_failure", "failed"]
