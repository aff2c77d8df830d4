"""platforms/web/when_asked.py: which permissions a new document reads undecided, and the script that tells it —
installed when one is decided when asked, replaced once the page asked for it, re-armed at a fresh install,
removed when none is left (a fake DevTools call records what was sent)."""
from __future__ import annotations

from typing import Any

from consent_audit.platforms.web.when_asked import WhenAsked


class _Cdp:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.next = 0

    def __call__(self, cmd: str, params: dict[str, Any]) -> dict[str, Any]:
        self.calls.append((cmd, params))
        if cmd == "Page.addScriptToEvaluateOnNewDocument":
            self.next += 1
            return {"identifier": str(self.next)}
        return {}

    def installed(self) -> list[str]:
        """The sources installed and not removed since."""
        added = [(i, p["source"]) for i, (c, p) in enumerate(self.calls) if c == "Page.addScriptToEvaluateOnNewDocument"]
        removed = {p["identifier"] for c, p in self.calls if c == "Page.removeScriptToEvaluateOnNewDocument"}
        return [source for n, (_, source) in enumerate(added, 1) if str(n) not in removed]


def test_decided_when_asked_reads_undecided_until_asked_then_again_after_a_fresh_install() -> None:
    cdp = _Cdp()
    asked = WhenAsked(cdp)
    asked.decide("notifications", True)
    asked.decide("camera", True)
    assert cdp.installed() == ['window.__caUndecided = ["camera", "notifications"];']
    asked.note({"notifications": 1, "camera": 0})           # the page asked for notifications
    assert asked.unasked == {"camera"}
    assert cdp.installed() == ['window.__caUndecided = ["camera"];']
    calls = len(cdp.calls)
    asked.note({"notifications": 2, "camera": 0})           # nothing new asked: nothing sent
    assert len(cdp.calls) == calls
    asked.reset()                                           # a fresh install: both undecided again
    assert cdp.installed() == ['window.__caUndecided = ["camera", "notifications"];']
    asked.note({"notifications": 1, "camera": 1})
    assert cdp.installed() == []                            # nothing left undecided: no script at all


def test_decided_in_advance_is_read_at_once() -> None:
    cdp = _Cdp()
    asked = WhenAsked(cdp)
    asked.decide("notifications", True)
    asked.decide("notifications", False)                    # decided again, in advance
    assert asked.decided == set() and cdp.installed() == []
    asked.reset()
    assert cdp.installed() == []
