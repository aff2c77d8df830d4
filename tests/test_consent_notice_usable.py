"""A consent notice told by the structural probe (`_consent_by_structure`: its one answer accepts, every other
button tried) is handed on with whether it leaves the app usable behind it (`RefusalCheck.usable`), as
refusal.check tells a notice: a later goal reading it (the permissions goal's refused pass, a wall or not) must
not take a bar beside the app for a consent wall."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from consent_audit.explorer import consent_structure
from consent_audit.explorer.consent_exploring import ConsentExplorations
from consent_audit.screen import Element, Screen


def _notice_goal(monkeypatch: pytest.MonkeyPatch, covered: frozenset[int]) -> ConsentExplorations:
    accept = SimpleNamespace(label="Đồng ý", moves=[], via=(), target=SimpleNamespace(element=Element(text="Đồng ý")),
                             left=False)
    link = SimpleNamespace(label="Tìm hiểu thêm", left=False)
    learnt = consent_structure.Learnt(keys=frozenset({"b"}), accept=accept, reject=None, dialog=Screen(elements=[], signature="s"),
                                      covered=covered, settings_ticked=None)

    def learn(op, restart, seen, shown, none_told=(frozenset(), [])):
        seen.extend([accept, link])
        return learnt

    monkeypatch.setattr(consent_structure, "learn", learn)
    goal = ConsentExplorations()
    goal.structure_checked = False
    goal.op = SimpleNamespace(consent_keys=frozenset())
    goal._launch_fresh = lambda: None
    assert goal._consent_by_structure() is True
    return goal


@pytest.mark.parametrize("covered, usable", [(frozenset(), True), (frozenset({1, 2}), False)])
def test_a_notice_told_by_structure_says_whether_it_leaves_the_app_usable(monkeypatch, covered, usable) -> None:
    goal = _notice_goal(monkeypatch, covered)
    assert goal.refusal is not None and goal.refusal.offered is False
    assert goal.refusal.covers_app is not usable and goal.refusal.usable is usable
