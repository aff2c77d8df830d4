"""What the permissions goal's search launches fresh (issue 13: actions spent / optimal): every fresh start costs
the launch's answers again (the consent dialog accepted, launch modals, behind a log-in at launch the whole way
in: corpus vstup, four actions each), so the search beyond the core screen starts where the granted start left the
app when the probe used nothing, and the launch with every permission refused (which clears it) comes after."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from consent_audit.explorer import beyond_core, launch_features, permissions
from consent_audit.explorer.config import Budget
from consent_audit.explorer.elements import Use
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.permissions_exploring import PermissionExplorations

SCREEN = SimpleNamespace(in_app=True, prompts={"geolocation": 1}, signature="core", elements=[])


class _Search(PermissionExplorations):
    """The permissions search over stand-ins: what it starts, refuses and searches, in order (`events`)."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.op = SimpleNamespace(screen=lambda: SCREEN, in_foreground=True, targets=lambda screen=None: [],
                                  covered=lambda screen: frozenset())
        self.config = SimpleNamespace(search={}, weights=lambda goal: {})
        self.data = None
        self.gate_moves, self.gate_mode, self.launch_moves = [], None, []
        self.accept = self.reject = None
        self.consent_walled = False
        self.soft_asks = SimpleNamespace(permissions=lambda: set(), asks={}, tried=[], alternatives={})

    def _start(self, refused: str | None = None) -> None:
        self.events.append("fresh start" + (f", {refused} refused" if refused else ""))

    def _asked_when_refused(self) -> set[str]:
        self.events.append("fresh start, everything refused")
        return set()


def _control(label: str):
    return SimpleNamespace(key=f"button|{label}|0", label=label, use=Use.TAP, element=SimpleNamespace(enabled=True, role="button", rid=None))


@pytest.mark.parametrize("used, starts", [
    ([], ["fresh start", "search beyond the core screen", "fresh start, everything refused"]),
    (["Nearby"], ["fresh start", "fresh start", "search beyond the core screen", "fresh start, everything refused"]),
])
def test_the_search_beyond_the_core_screen_starts_where_the_granted_start_left_an_app_nothing_used(
        monkeypatch: pytest.MonkeyPatch, used: list[str], starts: list[str]) -> None:
    """Before: granted start, the refused launch, then another granted start for the search beyond the core
    screen — two fresh starts with everything granted where the probe of the core screen's named controls used
    none (vstup: signed in three times). Now the search starts on the first; a probe that used a control (the
    app changed) still has it start fresh."""
    search = _Search()
    quiet = [(_control(label), SCREEN, SCREEN) for label in used]
    monkeypatch.setattr(permissions, "probe", lambda op, core, limit: ({}, quiet))
    monkeypatch.setattr(permissions.Core, "of", classmethod(lambda cls, screen, found: cls("core", frozenset())))
    monkeypatch.setattr(permissions.Core, "matches", lambda self, screen, found: True)

    def beyond(*args, **kwargs) -> beyond_core.Beyond:
        search.events.append("search beyond the core screen")
        return beyond_core.Beyond({}, 3, 2)

    monkeypatch.setattr(beyond_core, "search", beyond)
    monkeypatch.setattr(launch_features, "told_by_refusal", lambda *args: None)
    target = SimpleNamespace(permissions=[])
    result = search._explore_permissions(Spend(Budget(60, 180)), target)
    assert search.events == starts
    assert result.reached and target.permissions == ["geolocation"]
