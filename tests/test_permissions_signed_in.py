"""The permissions goal behind a log-in inside the app (explorer/signed_in.py): an app that asks for a permission
only once signed in (corpus begimas: the microphone from «Balso treneris» in the signed-in settings) was called
clean on what a signed-out visitor sees, its microphone unmeasured and the detail saying «the signed-in app behind
it was not searched». With a test account, the way in is learnt, the signed-in app searched with only what signing
in added (what the signed-out search used is not used again) and the feature found keeps its way in, walked
before its route once per install when its refusal is measured."""
from __future__ import annotations

from consent_audit.explorer import beyond_core
from consent_audit.explorer.beyond_core import Beyond
from consent_audit.explorer.config import Budget
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.moves import FORM, TAP, Move
from consent_audit.explorer.operator import Spend
from consent_audit.explorer.signed_in import SignedInSearch, left_there

from test_explorer_beyond_core import CONFIG
from test_permissions_switches import SwitchApp, SwitchOp, _run

OUT = {
    "home": [("Start a run", "ask:geolocation"), ("Profile", "profile")],
    "profile": [("Log in", "login"), ("‹ Back", "home")],
    "login": [("E-mail", "field"), ("Password", "field"), ("Log in", "login"), ("‹ Back", "profile")],
}
IN = {
    "home": OUT["home"],
    "profile": [("Settings", "settings"), ("Runs near me", "ask:geolocation"), ("Home", "home")],
    "settings": [("Voice coach", "switch:microphone"), ("Auto-pause", "switch"), ("‹ Back", "profile")],
}
WAY = [Move(TAP, "k-profile", "Profile"), Move(TAP, "k-login", "Log in"), Move(FORM, "k-form", "Log in")]


class Me(SignedInSearch):
    """The explored app as far as the signed-in search needs it: the way in learnt by signing in (the app then
    signed in on its profile), nothing walked again."""

    def __init__(self, app: SwitchApp, op: SwitchOp, password: str | None = "p", reached: bool = True) -> None:
        self.app, self.op, self.reached = app, op, reached
        self.gate_moves: list[Move] = []
        self.data = FormData(username="u", password=password)
        self.config, self.core, self.walks = CONFIG, None, 0
        self.features: dict = {}
        self.account_mode: str | None = None
        self.account_moves: list[Move] = []

    def _account_way(self, spend: Spend):
        if not self.reached:
            return [], None, None
        self.app.screens, self.app.at = IN, "profile"
        self.op._screen = self.app.screen()
        return list(WAY), "log_in", len(self.op.recorder.steps)

    def _start(self) -> None:
        raise AssertionError("the app is where signing in left it: no fresh start")


def _signed_out() -> tuple[Beyond, SwitchApp, SwitchOp]:
    app = SwitchApp(dict(OUT), buttons=frozenset({"Log in"}))
    found = _run(app)
    assert found.log_ins == ["Profile › Log in"] and "microphone" not in found.features
    return found, app, SwitchOp(app, Spend(Budget(60, 60)))


def test_a_permission_asked_only_signed_in_is_found_with_its_way_in() -> None:
    found, app, op = _signed_out()
    app.taps.clear()
    me = Me(app, op)
    me._search_signed_in(op.spend, found)
    feature = found.features["microphone"]
    assert feature.way_in == tuple(WAY) and feature.way_mode == "log_in"
    assert [m.label for m in feature.route] == ["Settings"]
    assert found.log_ins == [] and "log in: Profile › Log in › Log in" in found.signed_in
    assert "Start a run" not in app.taps, app.taps       # used signed out already: not used again


def test_without_a_password_the_log_in_is_said_not_passed() -> None:
    found, app, op = _signed_out()
    Me(app, op, password=None)._search_signed_in(op.spend, found)
    assert "microphone" not in found.features and found.signed_in == ""
    assert "no password given" in found.log_ins[0]


def test_a_log_in_that_gets_nowhere_is_said_so() -> None:
    found, app, op = _signed_out()
    Me(app, op, reached=False)._search_signed_in(op.spend, found)
    assert "microphone" not in found.features and "got in" in found.log_ins[0]


def test_a_permission_known_signed_out_asked_again_signed_in_is_nothing_new() -> None:
    """corpus kettle: the signed-in search used «Find a Kettle shop near me» again (the core screen's controls are
    used again) and, with no way of taps back from where it started, said its geolocation's refusal «not
    measured» — though the signed-out search had its feature: not_found on a right clean. A permission known is
    neither a feature nor a refusal left unmeasured of the later search."""
    app = SwitchApp(dict(OUT), buttons=frozenset({"Log in"}))
    spend = Spend(Budget(60, 60))
    found = beyond_core.search(SwitchOp(app, spend), CONFIG.search, CONFIG.weights("deny-permissions"), spend,
                               FormData(username="u", password="p"), known=frozenset({"geolocation"}))
    assert "Start a run" in app.taps
    assert "geolocation" not in found.features and "geolocation" not in found.unwalkable
    assert not [p for p in found.unsearched if "geolocation" in p], found.unsearched


class Known(Me):
    """An earlier goal signed up (its way known): walked again from a fresh start, no account search."""

    def _account_way(self, spend: Spend):
        raise AssertionError("the way an earlier goal signed up is walked again, not searched for")

    def _start(self) -> None:
        self.app.screens, self.app.at = dict(OUT), "home"
        self.op._screen = self.app.screen()

    def _walk_in(self, moves, mode) -> None:
        self.walks += 1
        self.app.screens, self.app.at = IN, "profile"
        self.op._screen = self.app.screen()


def test_the_way_an_earlier_goal_signed_up_is_walked_again_not_searched_for() -> None:
    found, app, op = _signed_out()
    me = Known(app, op)
    me.account_mode, me.account_moves = "sign_up", list(WAY)
    me._search_signed_in(op.spend, found)
    assert me.walks == 1 and found.features["microphone"].way_mode == "sign_up"


def test_a_permission_the_core_screen_s_words_found_is_known_to_the_signed_in_search() -> None:
    """corpus kettle again: its geolocation and notifications were found by the core screen's words (the probe
    before the search: `ExploredApp.features`, not `Beyond.features`) — the signed-in search must know them."""
    found, app, op = _signed_out()
    probed = found.features.pop("geolocation")
    me = Me(app, op)
    me.features = {"geolocation": probed}
    me._search_signed_in(op.spend, found)
    assert "geolocation" not in found.features and "geolocation" not in found.unwalkable


def test_only_the_core_controls_that_led_to_the_log_in_are_used_again_signed_in() -> None:
    """corpus cykel: the signed-in search used every control of the core screen again (three station rows, the
    map, the tours) — 12 actions for nothing new; only a control that began a way to the log-in (the profile tab)
    leads elsewhere once signed in."""
    from consent_audit.explorer.elements import targets
    from consent_audit.explorer.permissions import Core

    app = SwitchApp(dict(OUT), buttons=frozenset({"Log in"}))
    spend = Spend(Budget(60, 60))
    op = SwitchOp(app, spend)
    home = app.screen()
    core = Core.of(home, targets(home))
    found = beyond_core.search(op, CONFIG.search, CONFIG.weights("deny-permissions"), spend,
                               FormData(username="u", password="p"), core=core)
    assert found.log_in_keys and all("profile" in key for key in found.log_in_keys), found.log_in_keys
    app.taps.clear()
    me = Me(app, op)
    me.core = core
    me._search_signed_in(op.spend, found)
    assert "Start a run" not in app.taps and "microphone" in found.features, app.taps


def test_the_way_an_earlier_goal_of_the_run_signed_up_is_walked_again() -> None:
    """Each goal explores with an app object of its own: the deletion goal's sign-up reaches the permissions goal
    through the run's `learned_so_far` (`earlier_account`), so its account search is not spent again (cykel:
    16 actions: a log-in refused, a sign-up searched)."""
    found, app, op = _signed_out()
    me = Known(app, op)
    me.earlier_account = ("sign_up", list(WAY))
    me._search_signed_in(op.spend, found)
    assert me.walks == 1 and "microphone" in found.features


def test_the_signed_in_search_spends_at_most_its_share_of_what_is_left() -> None:
    """corpus kanal: the search behind the log-in spent the goal's whole budget, and the goal ended «not found
    within budget» before its refused launch. It may spend `search.signed_in_share` of what is left; the goal's
    budget is given back whole."""
    found, app, op = _signed_out()
    spend = Spend(Budget(60, 600))
    spend.actions = 50
    op.spend = spend
    Me(app, op)._search_signed_in(spend, found)
    assert spend.budget == Budget(60, 600)
    assert spend.actions <= 55, spend.actions
    assert "; left there: the search's budget ran out" in found.signed_in, found.signed_in


def test_what_the_signed_in_search_left_is_said_budget_first_and_counted_never_cut_off() -> None:
    """corpus kedai: the share of the budget spent was the fifth phrase of what was left signed in, and only four
    were said — the part cut short read as a few controls left."""
    tabs = [f"1 control(s) on the screen via Screen {i}" for i in range(1, 7)]
    said = left_there([*tabs, "the search's budget ran out (20 actions; more with --budget-actions)"])
    assert said.startswith("; left there: the search's budget ran out (20 actions"), said
    assert said.endswith("Screen 4; and 2 more"), said
    assert left_there([]) == ""


class LongWayIn(Me):
    """Signing up takes six actions (a fresh launch, the consent answered, the profile tab, the form's fields, its
    submit)."""

    def _account_way(self, spend: Spend):
        for _ in range(6):
            spend.check()
            spend.charge()
        return super()._account_way(spend)


def test_the_way_in_is_what_entering_costs_not_the_signed_in_search_s_budget() -> None:
    """corpus lauks, meltemi, voznja: the sign-up walked to get in ate the share of the budget the signed-in search
    had — the search behind it ran out before it used what signing in added. The way in is tolled as a log-in at
    launch is: counted in the actions spent, never held against the search's budget."""
    found, app, op = _signed_out()
    op.spend.budget = Budget(14, 60)      # the signed-in search's share: 7 actions, 6 of them the way in
    LongWayIn(app, op)._search_signed_in(op.spend, found)
    assert "microphone" in found.features, (found.log_ins, app.taps)
    assert op.spend.toll == 6 and op.spend.actions > 6 and not op.spend.tolling
