"""An attachment added to an Allure step after it ended (consent_audit.allure_steps), with allure-python's own
reporter: it hangs on that step (not on the test or a later step) and its file is written; nothing is attached
once the test result is gone."""
from __future__ import annotations

from typing import Any, Iterator

import allure_commons
import pytest
from allure_commons import model2
from allure_commons.reporter import AllureReporter

from consent_audit.allure_steps import attach_late, step_results


class _Files:
    """Stands in for allure's file logger: the attachment files it is asked to write."""

    def __init__(self) -> None:
        self.allure_logger = AllureReporter()
        self.written: dict[str, Any] = {}

    @allure_commons.hookimpl
    def report_attached_data(self, body: Any, file_name: str) -> None:
        self.written[file_name] = body


@pytest.fixture
def files() -> Iterator[_Files]:
    plugin = _Files()
    allure_commons.plugin_manager.register(plugin, name="test-allure-steps")
    try:
        yield plugin
    finally:
        allure_commons.plugin_manager.unregister(name="test-allure-steps")


def test_a_finished_step_gets_its_attachment(files: _Files) -> None:
    reporter = files.allure_logger
    test = model2.TestResult(name="t", uuid="test-1")
    reporter.schedule_test("test-1", test)
    reporter.start_step(None, "step-1", model2.TestStepResult(name="Launch the app"))
    taken = step_results("step-1")
    reporter.stop_step("step-1")
    reporter.start_step(None, "step-2", model2.TestStepResult(name="Tap"))
    reporter.stop_step("step-2")
    assert step_results("step-1") == []                    # closed: allure no longer holds it

    assert attach_late(taken, "[1st] GET 200 http://127.0.0.1/", "network (1 requests, launch)")
    first, second = test.steps
    assert [a.name for a in first.attachments] == ["network (1 requests, launch)"]
    assert second.attachments == [] and test.attachments == []
    assert files.written == {first.attachments[0].source: "[1st] GET 200 http://127.0.0.1/"}
    assert first.attachments[0].type == "text/plain"


def test_nothing_is_attached_once_the_test_is_written(files: _Files) -> None:
    reporter = files.allure_logger
    reporter.schedule_test("test-2", model2.TestResult(name="t", uuid="test-2"))
    reporter.start_step(None, "step-1", model2.TestStepResult(name="Launch the app"))
    taken = step_results("step-1")
    reporter.stop_step("step-1")
    reporter.close_test("test-2")          # the test result is written (here: reported to nobody)
    assert not attach_late(taken, "x", "network (1 requests, launch)")
    assert taken[0].attachments == [] and files.written == {}


def test_without_allure_nothing_is_taken() -> None:
    assert step_results("no-such-step") == []
    assert not attach_late([], "x", "y")
