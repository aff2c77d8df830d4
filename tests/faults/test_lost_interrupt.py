"""A stop signal cannot be lost: Python ignores the KeyboardInterrupt a signal handler raises while the main
thread runs a finaliser (`__del__`), so a SIGTERM at that moment let a run end `clean`, exit 0 (CI, stop 36:
tests/faults/test_interrupts_e2e.py's SIGTERM at the third screenshot). The stop is raised again at the next
recorded step, and a stop pytest never saw marks the run interrupted at the end of the session."""
from __future__ import annotations

import gc
import json
import os
import re
import signal
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterator

import pytest

from consent_audit import interrupts
from consent_audit.masking import Masker
from consent_audit.plugin import RUN_KEY, pytest_keyboard_interrupt, pytest_sessionfinish
from consent_audit.recorder import Kind, Recorder

from consent_audit.platforms.base import Capture
from consent_audit.screen import Screen

from .conftest import small_run


class _SignalledWhileFinalised:
    """An object whose finaliser receives the signal: the handler's KeyboardInterrupt is raised inside
    `__del__`, where Python reports it to sys.unraisablehook and goes on."""

    def __init__(self, signum: int) -> None:
        self.signum = signum

    def __del__(self) -> None:
        os.kill(os.getpid(), self.signum)


def _swallow(signum: int) -> list[BaseException]:
    """The signal arrives while a finaliser runs: what Python handed to sys.unraisablehook instead of raising."""
    seen: list[BaseException] = []
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: seen.append(unraisable.exc_value)
    try:
        doomed = _SignalledWhileFinalised(signum)
        del doomed
        gc.collect()
    finally:
        sys.unraisablehook = hook
    return seen


class _Platform:
    """What the recorder calls on a platform (Platform.capture) and a tap, counted in `events`; no driver."""

    def __init__(self) -> None:
        self.events: list[str] = []

    def capture(self, screenshot: bool = True) -> Capture:
        self.events.append("capture")
        return Capture(screen=Screen(elements=[], signature="s", source="<p>app</p>", source_kind="html"))

    def tap(self, element: Any) -> None:
        self.events.append("tap")


@pytest.fixture
def handlers() -> Iterator[None]:
    interrupts.install()
    yield
    interrupts.restore()
    interrupts.PENDING.reason, interrupts.PENDING.acknowledged = None, False


@pytest.mark.area_fault
@pytest.mark.parametrize(("signum", "reason"), [(signal.SIGTERM, interrupts.SIGTERM), (signal.SIGINT, interrupts.CTRL_C)],
                         ids=["sigterm", "ctrl-c"])
def test_a_stop_swallowed_in_a_finaliser_is_raised_at_the_next_step(tmp_path: Path, handlers: None, signum: int,
                                                                    reason: str) -> None:
    swallowed = _swallow(signum)
    assert [str(exc) for exc in swallowed] == [reason]          # Python's own behaviour: the stop went nowhere
    platform = _Platform()
    recorder = Recorder(platform, tmp_path, Masker(), screenshots="off")  # type: ignore[arg-type]
    with pytest.raises(KeyboardInterrupt, match=re.escape(reason)):
        recorder.act(Kind.TAP, "Tap next", lambda: platform.tap(None))
    with pytest.raises(KeyboardInterrupt):
        recorder.observe()                                       # nor a look, until pytest has seen it
    assert platform.events == []                                 # the tap was not made, nothing captured
    assert interrupts.lost() == reason
    pytest_keyboard_interrupt(SimpleNamespace(value=KeyboardInterrupt(reason)))
    assert interrupts.lost() is None
    recorder.act(Kind.TAP, "Tap next", lambda: platform.tap(None))   # the wrap-up goes on
    assert platform.events == ["tap", "capture"]


class _Config(SimpleNamespace):
    def getoption(self, name: str, default: Any = None) -> Any:
        return {"--html-report": "off", "bundle": False}.get(name, default)


@pytest.mark.area_fault
def test_a_stop_never_seen_by_pytest_marks_the_run_interrupted(tmp_path: Path, handlers: None) -> None:
    run = small_run(tmp_path / "reports")
    _swallow(signal.SIGTERM)                                     # at the very end: no step came after it
    config = _Config(stash={RUN_KEY: run}, pluginmanager=SimpleNamespace(get_plugin=lambda name: None))
    pytest_sessionfinish(SimpleNamespace(config=config, items=[]), pytest.ExitCode.OK)
    summary = json.loads((run.dir / "summary.json").read_text(encoding="utf-8"))
    assert summary["outcome"] == "interrupted"
    assert interrupts.SIGTERM in summary["interrupted"]
