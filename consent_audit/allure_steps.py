"""Attachments added to an Allure step after it ended (a step's requests, attributed by time when the test ends).

allure-python keeps an open step's result (`allure_commons.model2.TestStepResult`) in its reporter only while
the step is open (`AllureReporter.stop_step` pops it), and writes the test result holding it when the test has
ended (allure-pytest's `pytest_runtest_logfinish`, after the fixtures' teardown). So the step's result objects
are taken while the step is open (`step_results(uuid)`, the uuid of `allure.step(title)`) and an attachment is
appended to them later (`attach_late`), its file written through the reporters' `report_attached_data` hook as
`allure.attach` does. Nothing is attached once the test result has been written (after an interrupt pytest
tears fixtures down at the end of the session): the attachment would be lost, so it is not made.
"""
from __future__ import annotations

from typing import Any, Sequence
from uuid import UUID, uuid4

TEXT = ("text/plain", "txt")


def _reporters() -> list[Any]:
    from allure_commons import plugin_manager
    return [p.allure_logger for p in plugin_manager.get_plugins() if hasattr(p, "allure_logger")]


def step_results(uuid: str | UUID) -> list[Any]:
    """The result objects of the open Allure step `uuid` (one per Allure reporter; [] when Allure is not
    collecting or the step is not open)."""
    found = {id(item): item for item in (r.get_item(uuid) for r in _reporters())     # reporters of one thread
             if item is not None and hasattr(item, "attachments")}                     # share their items
    return list(found.values())


def _holds(node: Any, result: Any) -> bool:
    return any(step is result or _holds(step, result) for step in getattr(node, "steps", None) or [])


def attach_late(results: Sequence[Any], body: str, name: str) -> bool:
    """A text attachment `name` added to step results taken by `step_results`; False (nothing attached)
    when there are none or no open test result holds them any more."""
    from allure_commons import plugin_manager
    from allure_commons.model2 import ATTACHMENT_PATTERN, Attachment

    tests = [r.get_test(None) for r in _reporters()]
    held = [result for result in results if any(t is not None and _holds(t, result) for t in tests)]
    if not held:
        return False
    file_name = ATTACHMENT_PATTERN.format(prefix=uuid4(), ext=TEXT[1])
    for result in held:
        result.attachments.append(Attachment(source=file_name, name=name, type=TEXT[0]))
    plugin_manager.hook.report_attached_data(body=body, file_name=file_name)
    return True


__all__ = ["step_results", "attach_late"]
