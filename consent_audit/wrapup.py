"""Signals during the wrap-up (fixture teardown, report, summary.json, bundle).

Once pytest starts ending the session, a Ctrl-C or SIGTERM no longer aborts on the spot: the first one is
recorded and the teardown (the Appium server stopping) and the wrap-up go on; the summary notes it if it was
not written yet. A second one stops the part in progress (the HTML report or the bundle) — summary.json is
still written, marked incomplete, and `consent-audit bundle RUN_DIR` makes the bundle later."""
from __future__ import annotations

import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest

from .interrupts import CTRL_C, SIGTERM


class WrapUp:
    """Signals seen since the session began to end: `count`, the latest `reason`, and whether a further
    one may stop the part in progress (`armed`, set while the report and bundle are made)."""

    def __init__(self) -> None:
        self.count = 0
        self.reason: str | None = None
        self.armed = False
        self.previous: dict[int, Any] = {}

    def handle(self, signum: int, frame: Any) -> None:
        self.count += 1
        self.reason = SIGTERM if signum == signal.SIGTERM else CTRL_C
        if self.armed and self.count >= 2:
            raise KeyboardInterrupt(self.reason)
        print(f"\nconsent-audit: {self.reason} during the wrap-up; finishing the summary and the evidence bundle "
              "(interrupt again to skip what is left; `consent-audit bundle RUN_DIR` makes the bundle later)",
              file=sys.stderr)

    @contextmanager
    def held(self) -> Iterator[None]:
        """No signal stops what runs inside (writing summary.json: milliseconds); it is still recorded."""
        armed, self.armed = self.armed, False
        try:
            yield
        finally:
            self.armed = armed

    def install(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        for signum in (signal.SIGINT, signal.SIGTERM):
            self.previous[signum] = signal.signal(signum, self.handle)

    def restore(self) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        self.previous.clear()


STATE = WrapUp()


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Before pytest tears the session's fixtures down: from here on, signals are recorded, not raised
    (after an interrupt that ended the tests, the next one may already stop the report or the bundle)."""
    STATE.__init__()
    STATE.count = 1 if exitstatus == pytest.ExitCode.INTERRUPTED else 0
    STATE.install()


def pytest_unconfigure(config: pytest.Config) -> None:
    STATE.restore()


def why_nothing_ran(session: pytest.Session, run_dir: Path) -> None:
    """No audit ran: leave the one line that says why (a flow module that failed to import, nothing
    selected) in the run folder, for the command line to print instead of a bare pytest exit status."""
    from .commands.finish import SETUP_ERROR
    terminal = session.config.pluginmanager.get_plugin("terminalreporter")
    errors = list(getattr(terminal, "stats", {}).get("error", [])) if terminal is not None else []
    if errors:
        text = (getattr(errors[0], "longreprtext", "") or "").strip().splitlines()
        last = next((line for line in reversed(text) if line.startswith("E ")), text[-1] if text else "")
        where = getattr(errors[0], "nodeid", "") or getattr(errors[0], "fspath", "")
        why = f"{where} could not be loaded: {last.removeprefix('E').strip()}"[:400]
    elif terminal is not None and getattr(terminal, "stats", {}).get("deselected"):
        why = "every audit was deselected (check -k)"
    else:
        why = "no audit was collected (check the flow files and --target)"
    try:
        (run_dir / SETUP_ERROR).write_text(why + "\n", encoding="utf-8")
    except OSError:
        pass
