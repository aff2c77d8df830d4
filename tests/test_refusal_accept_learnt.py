"""Every way out of a consent dialog is judged against its accept path (explorer/refusal.py); a goal whose start
answered the dialog as a launch layer never learnt that path (corpus ccbox-dark: cookie-consent-box's one-button
box; the permissions goal's pass with everything refused crashed, `assert self.accept is not None`, the goal
broken with a traceback). The accept path is now learnt first, from a fresh launch, then the ways out tried."""
from __future__ import annotations

from types import SimpleNamespace

from consent_audit.explorer import consent, refusal
from consent_audit.explorer.consent_exploring import ConsentExplorations
from consent_audit.explorer.moves import Move
from consent_audit.explorer.operator import NotOnScreen


def test_the_accept_path_is_learnt_before_the_ways_out_are_judged(monkeypatch) -> None:
    calls: list[str] = []
    goal = ConsentExplorations.__new__(ConsentExplorations)
    goal.accept, goal.refusal, goal.layer_seen = None, None, None
    goal.data, goal.config = None, SimpleNamespace(search={})
    goal.op = SimpleNamespace(fresh=lambda: calls.append("fresh"), spend=None)
    goal._grant_all = lambda: calls.append("grant")
    goal.launch = lambda: calls.append("launch")
    goal._answer_new_modals = lambda: calls.append("modals")
    accepted = consent.ConsentPath(consent.ACCEPT, [Move("tap", "button|accetto|0", "Accetto")])
    monkeypatch.setattr(consent, "answer", lambda op, mode, data: calls.append(mode) or accepted)

    def check(op, start, moves, data, search, kept):
        calls.append(f"check {moves[0].label}")
        return refusal.RefusalCheck(offered=False, covers_app=True)
    monkeypatch.setattr(refusal, "check", check)
    assert goal._refusal_by_structure(NotOnScreen("no refusal in its words")) is False
    assert calls == ["fresh", "grant", "launch", "modals", consent.ACCEPT, "check Accetto"]
    assert goal.accept is accepted
