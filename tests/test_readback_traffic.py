"""The relaunch that reads back what an app stored (readback.after_relaunch) opens its own traffic phase and
does not wait for the traffic to go quiet itself: the flows wait where that traffic could be cut short (before
a reset, at the figures), and that quiet is counted from the relaunch's own requests, so waiting here too
only added a second wait (the capture's cost, issue #18)."""
from __future__ import annotations

from typing import Any

from consent_audit.readback import after_relaunch


class Calls:
    def __init__(self) -> None:
        self.log: list[str] = []


class FakePlatform:
    def __init__(self, calls: Calls) -> None:
        self.calls = calls

    def stored_state(self) -> dict[str, Any]:
        self.calls.log.append("stored_state")
        return {"local": {"launched": "1"}, "cookies": {}}

    def relaunch(self) -> None:
        self.calls.log.append("relaunch")


class FakeRecorder:
    def __init__(self, calls: Calls) -> None:
        self.calls = calls

    def relaunched(self) -> None:
        self.calls.log.append("phase")

    def settle_traffic(self) -> None:
        self.calls.log.append("settle")

    def invalidate(self) -> None:
        self.calls.log.append("invalidate")


def test_after_relaunch_opens_a_phase_before_relaunching_and_leaves_the_quiet_to_the_flow() -> None:
    calls = Calls()
    state = after_relaunch(FakePlatform(calls), FakeRecorder(calls))
    assert state == {"local": {"launched": "1"}, "cookies": {}}
    assert calls.log == ["stored_state", "phase", "relaunch", "invalidate", "stored_state"]


def test_the_consent_flow_waits_for_quiet_before_its_reset() -> None:
    """The accept path's relaunch traffic must be sent before the reset cuts it: the flow settles in between."""
    import inspect
    from consent_audit.flows import test_consent
    source = inspect.getsource(test_consent.test_consent_dialog)
    relaunch, settle, reset = (source.index(s) for s in ("accepted = after_relaunch", "recorder.settle_traffic()",
                                                         "platform.reset()"))
    assert relaunch < settle < reset


def test_the_deletion_flow_takes_its_traffic_figures_after_the_work_that_can_pass_inside_the_quiet() -> None:
    """The figures' settle waits until QUIET_S after the last request: the decision's pixel work (prominence,
    annotated image) done before it passes inside that wait; no step comes between, so nothing is attributed
    otherwise."""
    import inspect
    from consent_audit.flows import test_deletion
    source = inspect.getsource(test_deletion.test_account_deletion)
    login, pixels, figures, verdict = (source.index(s) for s in (
        "app.log_in()", "prominence(image", "flow_figures(recorder", "audit.conclude("))
    assert login < pixels < figures < verdict
