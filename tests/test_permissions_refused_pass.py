"""The permissions goal's pass with every permission refused (`_asked_when_refused`) when the consent dialog's
refusal is told by structure, not words: its ways out are tried from launches with everything refused, so the
trial that refused was that pass up to the answer — the reject path is not walked again from another fresh
launch (before: corpus lapis walked «Więcej opcji», four switches and «Zapisz wybór» twice, warung its four
moves twice). What that trial's launch asked is kept; where its answer left something over the app (a wall, a
pre-prompt to answer) or a log-in lies ahead, the pass is made again as before."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from consent_audit.explorer.consent_exploring import ConsentExplorations
from consent_audit.explorer.moves import Move
from consent_audit.explorer.operator import NotOnScreen
from consent_audit.explorer.permissions_exploring import PermissionExplorations

RELAUNCHED = SimpleNamespace(in_app=True, prompts={}, signature="home", elements=[])


class _Pass(PermissionExplorations):
    """Stand-ins: the dialog's words tell no refusal; refusal.check (stubbed) finds one; `events` in order."""

    consent_walled = ConsentExplorations.consent_walled

    def __init__(self, asked: dict[str, int] | None, gate: bool = False, left: frozenset[str] = frozenset(),
                 replayed: tuple[Move, ...] = (), agreeing: dict[Move, Move] | None = None) -> None:
        self.events: list[str] = []
        self.asked, self.left = asked, left
        self.op = SimpleNamespace(screen=lambda: RELAUNCHED, in_foreground=True, targets=lambda screen=None: [],
                                  relaunch=self._relaunch)
        self.gate_moves = ["log in"] if gate else []
        self.refusal = self.reject = None
        self.answered_at_launch = list(replayed)       # the learnt answers the refusing trial's relaunch replayed
        self.soft_asks = SimpleNamespace(trying=False, counts={}, alternatives=dict(agreeing or {}), tried=set())
        self.refused_layer_checked = True      # nothing over the app here (tests/test_permissions_refused_layer.py)
        self.refused_shown = None

    def _unworded_refusal_probed(self, untouched: bool) -> bool:
        return False       # the structural probe told nothing (a dialog covering the app: its ways out tried)

    def _relaunch(self) -> None:
        self.events.append(f"relaunched (agreeing tried: {self.soft_asks.trying})")

    def _refused_launch(self) -> None:
        if self.refusal is None:
            self.events.append("refused launch: no refusal in words")
            raise NotOnScreen("no refusal in the dialog's words")
        self.events.append("refused launch, reject path walked")

    def _refusal_by_structure(self, words_failed, kept=None, start=None) -> bool:
        refused = start is not None and start == getattr(self, "_refused_dialog", None)
        self.events.append(f"ways out tried from {'refused' if refused else 'granted'} launches")
        self.refusal = SimpleNamespace(asked=self.asked, trials=["a", "b"], left=self.left)
        return True

    def _answer_new_modals(self, learn: bool = True) -> None:
        self.events.append(f"modals answered (agreeing tried: {self.soft_asks.trying})")


def test_the_refusing_trial_from_a_refused_launch_is_the_pass_no_second_walk() -> None:
    search = _Pass({"notifications": 1})
    assert search._asked_when_refused() == {"notifications"}      # asked at that trial's launch
    assert search.events == ["refused launch: no refusal in words", "ways out tried from refused launches",
                             "modals answered (agreeing tried: True)"]
    assert search.soft_asks.trying is False


@pytest.mark.parametrize("asked, gate", [(None, False), ({"notifications": 1}, True)])
def test_a_refusal_that_left_a_layer_or_a_gate_ahead_walks_the_pass_again(asked, gate) -> None:
    search = _Pass(asked, gate)
    search._asked_when_refused()
    assert search.events == ["refused launch: no refusal in words", "ways out tried from refused launches",
                             "refused launch, reject path walked"]


class _Unread(_Pass):
    """A bar leaving the app usable whose refusal no way out told (refusal.check: offered None, usable)."""

    def _refusal_by_structure(self, words_failed, kept=None, start=None) -> bool:
        self.events.append("ways out tried")
        self.refusal = SimpleNamespace(asked=None, trials=["Akceptuję", "Odrzucam"], offered=None, usable=True,
                                       left=frozenset())
        raise NotOnScreen("the dialog leaves the app usable behind it; no way out refused")

    @property
    def refusal_unread(self) -> bool:
        return self.refusal is not None and self.refusal.offered is None and self.refusal.usable

    def _refused_launch(self) -> None:
        if self.refusal is None:
            super()._refused_launch()
        self.events.append("refused launch, the bar left unanswered")


def test_an_unfound_refusal_of_a_bar_leaving_the_app_usable_does_not_stop_the_pass() -> None:
    """fresh10 finding 6 (paczka): the permissions goal stopped, "no way to reject on the consent screen", though
    the bar leaves the app usable: it is left unanswered, as a user who does not agree may, and the pass goes on."""
    search = _Unread(None)
    assert search._asked_when_refused() == set()
    assert search.events == ["refused launch: no refusal in words", "ways out tried",
                             "refused launch, the bar left unanswered"]


LATER, RATE = Move("tap", "|nanti|0", "Nanti"), Move("tap", "|beri nilai|0", "Beri nilai")


def test_a_launch_modal_of_every_launch_left_over_the_refusal_is_no_second_walk() -> None:
    """warung (permissions 40/19): its rating prompt «Suka aplikasinya?» (Nanti / Beri nilai) shows at every
    launch, after the consent dialog — so the refusing trial's answer left it over the app, and the whole pass was
    made again (a fresh launch, «Atur pilihan», two switches, «Simpan pilihan»: the reject path walked twice)
    only to answer that prompt. A layer left over the app that holds a learnt launch answer the trial's relaunch
    met again and answered is a launch modal of every launch: the pass is that relaunch; the prompt's agreeing
    answer, not yet tried (the relaunch replayed its dismissal), is tried at one relaunch more."""
    search = _Pass({"geolocation": 0}, left=frozenset({LATER.key, RATE.key}), replayed=(LATER,),
                   agreeing={LATER: RATE})
    assert search._asked_when_refused() == set()
    assert search.events == ["refused launch: no refusal in words", "ways out tried from refused launches",
                             "relaunched (agreeing tried: True)", "modals answered (agreeing tried: True)"]
    search = _Pass({"notifications": 1}, left=frozenset({LATER.key}), replayed=(LATER,))     # nothing to try
    assert search._asked_when_refused() == {"notifications"}
    assert search.events == ["refused launch: no refusal in words", "ways out tried from refused launches",
                             "modals answered (agreeing tried: True)"]


def test_a_layer_the_refusal_brought_once_walks_the_pass_again() -> None:
    """What the refusal left over the app and the relaunch did not show again (a pre-prompt the answer brought
    once: its agreeing answer is tried only on a pass that meets it) is no launch modal: the pass is made again."""
    search = _Pass({}, left=frozenset({"|allow|0", LATER.key}), replayed=())
    search._asked_when_refused()
    assert search.events == ["refused launch: no refusal in words", "ways out tried from refused launches",
                             "refused launch, reject path walked"]


class _AcceptOnly(_Pass):
    """A notice whose only answer consents and that leaves the app usable (refusal.check: offered False, usable)."""

    def _refusal_by_structure(self, words_failed, kept=None, start=None) -> bool:
        self.events.append("ways out tried")
        self.refusal = SimpleNamespace(asked=None, trials=["Đồng ý", "Tìm hiểu thêm"], offered=False, usable=True,
                                       covers_app=False, left=frozenset())
        return False

    def _refused_launch(self) -> None:
        if self.refusal is None:
            super()._refused_launch()
        self.events.append("refused launch, the notice left unanswered")


def test_a_notice_offering_no_refusal_that_leaves_the_app_usable_does_not_stop_the_pass() -> None:
    """Corpus bep: its cookie notice (only «Đồng ý», a bar above the tab bar) read at the refused launch once the
    refused home's address field no longer hid it (screens.is_consent) — the permissions goal then stopped, "no
    way to reject on the consent screen" (not_found), though a user who does not agree leaves such a notice
    unanswered and uses the app (as the flow's relaunches and reject journey do)."""
    search = _AcceptOnly(None)
    assert search._asked_when_refused() == set()
    assert search.events == ["refused launch: no refusal in words", "ways out tried",
                             "refused launch, the notice left unanswered"]
    assert search.consent_walled is False


class _Wall(_Pass):
    """A dialog covering the app whose every way out consents (refusal.check: offered False, not usable)."""

    def _refusal_by_structure(self, words_failed, kept=None, start=None) -> bool:
        self.events.append("ways out tried")
        self.refusal = SimpleNamespace(asked=None, trials=["Accept"], offered=False, usable=False, covers_app=True,
                                       left=frozenset())
        return False

    def _refused_launch(self) -> None:
        if self.refusal is None:
            super()._refused_launch()
        self._refusing_answer()

    def accept_consent(self) -> None:
        self.events.append("accepted")

    def reject_consent(self) -> None:
        self.events.append("refused")


def test_a_consent_wall_is_accepted_at_the_refused_launch_and_the_pass_goes_on() -> None:
    """Corpus ccbox-dark: a consent wall (no way out but «Accetta», covering the app) stopped the permissions goal
    ("exhausted"): the refused launch left it unanswered, nothing behind it was searched — and the location
    feature behind it went unmeasured. A user refusing permissions must consent to use the app at all: the pass
    is made again with the wall accepted, its only way on (`_refusing_answer`)."""
    wall = _Wall(None)
    assert wall._asked_when_refused() == set()
    assert wall.events == ["refused launch: no refusal in words", "ways out tried", "accepted"]
    assert wall.consent_walled is True
    wall.reject = object()      # a refusal known after all: refused, never accepted
    wall._refusing_answer()
    assert wall.events[-1] == "refused"


class _NoticeByStructure(_Pass):
    """A notice read by its words, none of them a refusal, that the structural probe tells (its 2 buttons tried
    once each: only one accepts, it leaves the app usable): `_consent_by_structure`'s notice."""

    def __init__(self) -> None:
        super().__init__(None)
        self.refused_shown = 0       # the refused launch showed it, nothing done since (no recorder: 0 steps)

    def _unworded_refusal_probed(self, untouched: bool) -> bool:
        self.events.append(f"structure probed (from the refused launch: {untouched})")
        self.refusal = SimpleNamespace(asked=None, trials=["Đồng ý", "Tìm hiểu thêm"], offered=False, usable=True,
                                       left=frozenset())
        return True

    def _refusal_by_structure(self, words_failed, kept=None, start=None) -> bool:
        self.events.append("every way out tried")
        return super()._refusal_by_structure(words_failed, kept, start)

    def _refused_launch(self) -> None:
        if self.refusal is None:
            super()._refused_launch()
        self.events.append("refused launch, the notice left unanswered")


def test_a_worded_notice_without_refusal_is_told_by_the_structural_probe_not_every_way_out() -> None:
    """Corpus bep (whole-app bench: consent 7/1): the permissions goal's refused pass met the cookie notice
    («Đồng ý», a «Tìm hiểu thêm» link, no refusal word) and went straight to every way out (refusal.check: the
    accept walked and relaunched, the promotion's countdown skipped at each launch, then the link from another
    fresh launch: 6 actions charged as the consent probe), where the consent goal tries the cheaper structural
    probe first (each button once, the first on the launch already shown). The permissions goal probes it the
    same way — what it tells is handed on (`consent_learnt`) — and tries the ways out only where it tells
    nothing; then the pass is made as for a refusal in words (the notice left unanswered)."""
    search = _NoticeByStructure()
    assert search._asked_when_refused() == set()
    assert search.events == ["refused launch: no refusal in words", "structure probed (from the refused launch: True)",
                             "refused launch, the notice left unanswered"]
