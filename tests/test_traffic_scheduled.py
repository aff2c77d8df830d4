"""The traffic settle with an app that says what it has scheduled (consent_audit.traffic.measure.settle with
TrafficLog.scheduled, the web platform's pending short timers): nothing scheduled ends the wait after a short
quiet instead of the whole window; a timer pending is waited for even past the whole window, and what it sends
is in the figures' read; an app that keeps scheduling, or cannot say, gets the whole window as before."""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from traffic_fakes import ListSource
from consent_audit.masking import Masker
from consent_audit.traffic.log import TrafficLog
from consent_audit.traffic.measure import CHAIN_S, SCHEDULED_QUIET_S, settle

APP = "http://127.0.0.1:8000/app/x/"


def entry(url: str, wall: float) -> dict[str, Any]:
    return {"_wallTime": wall, "time": 5.0, "request": {"method": "POST", "url": url, "headers": []},
            "response": {"status": 204, "headers": [], "content": {}}}


class Source(ListSource):
    """Counts its reads, in the order of the calls it shares with the page (`calls`)."""

    def __init__(self, calls: list[str]) -> None:
        super().__init__()
        self.calls = calls
        self.lock = threading.Lock()

    def drain(self) -> list[dict[str, Any]]:
        self.calls.append("read")
        with self.lock:
            return super().drain()

    def pending(self) -> int:
        return 0


class Page:
    """An app with one timer due at `fire_at` (wall time) that sends a beacon when it runs, as a browser does:
    the request shows in the capture a few ms later. `always` > 0: it schedules again and again (a polling
    loop) with that delay; None for `fire_at` and no loop: nothing scheduled. `say` False: it cannot tell.
    `step` > 0: the work before `fire_at` is a chain whose time is not known (idle callbacks, a response being
    handled): while it runs each answer is `step`, not the time left."""

    def __init__(self, source: Source, fire_at: float | None = None, always: float = 0.0, say: bool = True,
                 step: float = 0.0) -> None:
        self.source, self.fire_at, self.always, self.say, self.step = source, fire_at, always, say, step
        self.answers: list[float | None] = []
        self.ran_at: float | None = None
        if fire_at is not None:
            threading.Timer(max(0.0, fire_at - time.time()), self._send).start()

    def _send(self) -> None:
        with self.source.lock:
            self.source.queue.append(entry("http://app.adjust.com/late", time.time()))
            self.ran_at = time.time()

    def __call__(self, recent: float) -> float | None:
        self.source.calls.append("ask")
        answer: float | None
        if not self.say:
            answer = None
        elif self.always:
            answer = self.always
        elif self.fire_at is not None and self.ran_at is None:            # pending (overdue: at least 1 ms)
            answer = self.step or max(0.001, self.fire_at - time.time())
        elif self.ran_at is not None:                                      # ran: pending while recent
            answer = max(0.0, recent - (time.time() - self.ran_at))
        else:
            answer = 0.0
        self.answers.append(answer)
        return answer


def _log(tmp_path: Path, calls: list[str], ended_ago: float) -> tuple[TrafficLog, Source]:
    source = Source(calls)
    log = TrafficLog(source, Masker(), tmp_path, APP)
    now = time.time()
    log.step_started(1, now - 2.0)
    log.phase("after reject", since=now - 2.0, step=1, consent="rejected")
    source.queue = [entry(f"{APP}config", now - ended_ago)]         # the relaunch's last request
    return log, source


def test_an_app_with_nothing_scheduled_ends_the_wait_after_a_short_quiet(tmp_path: Path) -> None:
    calls: list[str] = []
    log, source = _log(tmp_path, calls, ended_ago=0.1)
    log.scheduled = Page(source)
    began = time.monotonic()
    settle(log, quiet=1.0, timeout=3.0)
    assert time.monotonic() - began < 0.5 and calls == ["ask", "read"]        # not the 0.9 s left of the window
    calls.clear()
    log, source = _log(tmp_path, calls, ended_ago=0.1)                        # the same app, unable to say
    began = time.monotonic()
    settle(log, quiet=1.0, timeout=3.0)
    assert time.monotonic() - began >= 0.85 and calls == ["read", "read"]


def test_a_pending_timer_is_waited_for_past_the_whole_window_and_what_it_sends_is_read(tmp_path: Path) -> None:
    """A tracker firing 0.45 s after the last request (later than the whole 0.3 s window): the settle waits
    for its timer and returns with its request read (the figures count it); without the app saying so the
    window ends first and the request is not in the figures' read (what a wrong 'nothing sent' would be) — a
    timer 1.2 s away there, so a loaded machine's slow window still ends first (0.45 s flaked under load)."""
    calls: list[str] = []
    log, source = _log(tmp_path, calls, ended_ago=0.0)
    log.scheduled = Page(source, fire_at=time.time() + 0.45)
    settle(log, quiet=0.3, timeout=3.0)
    assert [e["request"]["url"] for e in log.entries][-1] == "http://app.adjust.com/late"
    assert calls[-1] == "read" and "ask" in calls and calls.index("ask") < calls.index("read")
    calls.clear()
    log, source = _log(tmp_path, calls, ended_ago=0.0)
    late = Page(source, fire_at=time.time() + 1.2, say=False)     # well past the window even on a loaded machine
    log.scheduled = None
    settle(log, quiet=0.3, timeout=3.0)
    assert all(not e["request"]["url"].endswith("/late") for e in log.entries)
    time.sleep(max(0.0, (late.fire_at or 0) - time.time()) + 0.05)
    log.collect()                                                             # read later: still its phase
    assert log.entries[-1]["request"]["url"].endswith("/late") and log.entries[-1]["_phaseName"] == "after reject"


def test_the_last_answer_is_followed_by_a_read_and_a_short_quiet_after_the_timer(tmp_path: Path) -> None:
    """The app is asked before the read that ends the wait (a request set off before the answer is in that
    read), and a timer's due time counts as activity: the short quiet runs from it, so what its callback
    sends a few ms later is still read."""
    calls: list[str] = []
    log, source = _log(tmp_path, calls, ended_ago=0.2)
    fire = time.time() + 0.1
    log.scheduled = Page(source, fire_at=fire)
    settle(log, quiet=0.3, timeout=3.0)
    assert calls[-1] == "read" and "ask" in calls[-3:] and time.time() >= fire + SCHEDULED_QUIET_S
    assert log.entries[-1]["request"]["url"].endswith("/late")


def test_a_chain_of_work_is_waited_for_past_the_whole_window_and_what_it_ends_with_is_read(tmp_path: Path) -> None:
    """Work whose time the app cannot say, one piece setting off the next (a response's handler asking for
    idle time, again and again: each answer 'due in 50 ms'), for 0.6 s — longer than the 0.3 s window — then a
    beacon: the settle keeps asking while the app says work is pending and reads the beacon (CI: with the
    second such answer taken for a loop, the window ended inside the chain and the beacon was not read)."""
    calls: list[str] = []
    log, source = _log(tmp_path, calls, ended_ago=0.0)
    page = Page(source, fire_at=time.time() + 0.6, step=0.05)
    log.scheduled = page
    settle(log, quiet=0.3, timeout=3.0)
    assert log.entries[-1]["request"]["url"].endswith("/late") and calls[-1] == "read"
    assert len([a for a in page.answers if a]) > 2


def test_an_app_that_keeps_scheduling_gets_the_whole_window_after_the_chain_s(tmp_path: Path) -> None:
    calls: list[str] = []
    log, source = _log(tmp_path, calls, ended_ago=0.0)
    page = Page(source, always=0.05)
    log.scheduled = page
    began = time.monotonic()
    settle(log, quiet=0.3, timeout=3.0)
    took = time.monotonic() - began
    assert CHAIN_S < took < CHAIN_S + 1.0 and all(page.answers)    # asked through the chain, then the window
    asked = len(page.answers)
    time.sleep(0.1)
    assert len(page.answers) == asked


def test_a_short_quiet_is_never_asked_about(tmp_path: Path) -> None:
    calls: list[str] = []
    log, source = _log(tmp_path, calls, ended_ago=0.2)
    page = Page(source)
    log.scheduled = page
    settle(log, quiet=SCHEDULED_QUIET_S, timeout=3.0)
    assert page.answers == [] and calls == ["read"]
