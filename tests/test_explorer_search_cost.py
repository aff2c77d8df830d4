"""What the searches spend (issue 13: actions spent / optimal): launches behind a log-in at launch are not spent
twice, and the way in learnt at the gate is launching's toll, reported but not held against the search's budget."""
from __future__ import annotations

import json

import pytest

from consent_audit.explorer.config import Budget
from consent_audit.explorer.operator import OutOfBudget, Spend
from consent_audit.screen import Element, Screen
from test_explorer_structure import CONSENT, OPT_OUT, LayerApp, OptOutApp


def test_the_way_in_at_launch_is_counted_but_not_held_against_the_budget() -> None:
    """Five actions signing in after a fresh launch, then the search's own: all reported in `actions`, the
    budget (4 here) stops only the search's."""
    spend = Spend(Budget(4, 60))
    spend.tolling = True
    for _ in range(5):
        spend.check()
        spend.charge()
    spend.tolling = False
    for _ in range(4):
        spend.check()
        spend.charge()
    assert (spend.actions, spend.toll) == (9, 5)
    with pytest.raises(OutOfBudget, match="9 actions \\(5 of them signing in at launch\\)"):
        spend.check()


def test_nothing_uncounted_is_charged_to_the_toll() -> None:
    spend = Spend(Budget(10, 60), counting=False, tolling=True)
    spend.charge()
    assert (spend.actions, spend.toll) == (0, 0)


def test_a_fresh_launch_already_on_screen_is_looked_at_without_another() -> None:
    """The consent dialog by structure (consent_structure.learn): its first look at the layer uses the fresh
    launch the caller is on (behind a log-in at launch each launch signs in again, five actions); the first
    answer is tried on that untouched launch, each other from a fresh launch of its own, and what is learnt is
    the same."""
    from consent_audit.explorer import consent_structure

    launches: list[int] = []

    def counted(app: LayerApp):
        def restart():
            launches.append(1)
            return app.restart()
        return restart

    app = LayerApp(CONSENT)
    before = consent_structure.learn(app, counted(app))
    looked = len(launches)
    launches.clear()
    app = LayerApp(CONSENT)
    after = consent_structure.learn(app, counted(app), shown=app.restart())
    assert before is not None and after is not None
    assert len(launches) == looked - 1
    # the layer's two buttons and the settings layer's refusal, the first on the launch looked at, each other
    # from a fresh launch; the settings layer is read as its own trial showed it, not opened again (before: five
    # launches and the settings button tapped 4 times), and its save after the refusal that turned every purpose
    # off is not tried (fixCC: two launches and the settings button 3 times); the refusal is tried on the
    # settings layer its button's own trial left open (fixCN: one launch, the settings button twice)
    assert len(launches) == 1 and app.taps.count("პარამეტრები") == 1
    assert [m.label for m in after.accept.moves] == [m.label for m in before.accept.moves] == ["ვეთანხმები"]
    assert [m.label for m in after.reject.moves] == [m.label for m in before.reject.moves]
    assert after.keys == before.keys and after.settings_ticked == before.settings_ticked


def test_the_first_answer_is_tried_on_the_launch_the_layer_was_looked_at_on() -> None:
    """fixP (corpus vstup, a sign-up at launch: five actions a launch): the probe looked at the layer on a fresh
    launch, then launched afresh again, nothing done between, to try its first answer — a launch thrown away
    (the consent goal run alone: 17 probe actions, 5 of them this). The first answer is tried on the launch
    looked at; every later one still from a fresh launch of its own, and each trial starts on the untouched
    layer."""
    from consent_audit.explorer import consent_structure

    events: list[str] = []

    class Logged(LayerApp):
        def restart(self):
            events.append("launch")
            return super().restart()

        def tap(self, target):
            events.append(f"tap {target.label}" if self.at == "first" and not events[-1].startswith("tap")
                          else "tap")
            return super().tap(target)

    app = Logged(CONSENT)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None and [m.label for m in learnt.accept.moves] == ["ვეთანხმები"]
    # every tap on the first layer right after a launch, and no two launches in a row
    assert events[0] == "launch" and events[1].startswith("tap ")
    assert all(not (a == b == "launch") for a, b in zip(events, events[1:])), events
    # the settings layer's save after its full refusal untried (fixCC), its refusal tried where its button's
    # trial left it (fixCN)
    assert events.count("launch") == 2


@pytest.mark.parametrize("order, now", [(("უარყოფა", "ვეთანხმები"), True), (("ვეთანხმები", "უარყოფა"), False)])
def test_the_accept_tried_last_leaves_the_app_where_accepting_does(order: tuple[str, str], now: bool) -> None:
    """The consent dialog by structure: when the last answer tried was the accept (the layer gone, the app in
    front), the app is where an accepting user is — the start that learnt it spends no launch and accept again
    (`Learnt.accepted_now`; corpus reactcc-fair: the reject tried first, then the accept). Tried the other way
    round, it is not."""
    from consent_audit.explorer import consent_structure

    answers = {"უარყოფა": (None, '{"stats":false,"ads":false}', False),
               "ვეთანხმები": (None, '{"stats":true,"ads":true}', False)}
    app = LayerApp({"first": {"texts": ["ჩვენ ვიყენებთ ..."], "buttons": {b: answers[b] for b in order}}})
    learnt = consent_structure.learn(app, app.restart, shown=app.restart())
    assert learnt is not None and [m.label for m in learnt.accept.moves] == ["ვეთანხმები"]
    assert learnt.accepted_now is now
    assert (app.at, app.stored.get("shop:choice")) == ((None, '{"stats":true,"ads":true}') if now
                                                        else (None, '{"stats":false,"ads":false}'))


def test_walking_the_way_past_a_gate_is_the_toll_not_the_search() -> None:
    """A log-in gate's way in (explorer/gate.py `_through_gate`, two taps here) walked during a search with a
    budget of one action: both taps are made and reported, none held against the budget; the search's own
    next action is."""
    from consent_audit.explorer.moves import Move
    from consent_audit.explorer.forms import FormData
    from test_explorer_gate import APP, Gate, Op

    class Charging(Op):
        def tap(self, target):
            self.spend.check()
            screen = super().tap(target)
            self.spend.charge()
            return screen

    data = FormData(username="tester@vstup.test", password="p")
    op = Charging({**APP, "registrace": [("Vytvořit účet", "domu")]}, data=data)
    op.spend = Spend(Budget(1, 60))
    gate = Gate(op, data)
    gate.gate_moves = [Move("tap", "button|vytvořit účet|0", "Vytvořit účet")] * 2
    gate.gate_mode = "sign_up"
    gate._through_gate()
    assert op.at == "domu" and (op.spend.actions, op.spend.toll, op.spend.tolling) == (2, 2, False)
    op.spend.check()                 # the search's first action still fits
    op.spend.charge()
    with pytest.raises(OutOfBudget):
        op.spend.check()


def test_a_relaunch_seen_to_show_another_screen_is_where_relaunching_leads_from_then_on() -> None:
    """The start screen gone for good once the search answered it (corpus vstup: the cookie banner shown over
    the signed-in home until answered — relaunching shows the home without it): a control the search still
    wanted on the start screen sent it relaunching there, each relaunch landing on the home again, up to
    `max_replans` times per control (vstup: 9 relaunches in a row, 36 actions against an optimum of 12). One
    relaunch tells where relaunching leads now; the control is then tried where it still is (the home)."""
    from consent_audit.explorer.deletion import DeletionGoal
    from consent_audit.explorer.search import GoalSearch
    from test_explorer_units import CONFIG, DATA, Sim, SimOperator

    app = {"banner": [("Accept all", "home"), ("Zorbu", "zorbu")],
           "home": [("Me", "me"), ("Zorbu", "zorbu")],
           "me": [("Back", "home")],
           "zorbu": [("Delete account", "confirm")],
           "confirm": [("Delete", "!done")]}

    class Kept(SimOperator):
        def tap(self, target):
            screen = super().tap(target)
            if target.label == "Accept all":     # the answer is kept: a relaunch shows the home from now on
                self.sim.start = "home"
            return screen

    sim = Sim(app, start="banner", at="banner")
    spend = Spend(Budget(40, 60))
    result = GoalSearch(Kept(sim, spend), DeletionGoal(CONFIG), DATA, CONFIG.search, spend).run()  # type: ignore[arg-type]
    assert result.ending == "reached"
    assert sim.taps.count("relaunch") == 1, sim.taps
    assert sim.taps[-2:] == ["Delete account", "Delete"]


def test_the_first_layers_answer_after_closing_the_settings_is_tapped_in_place_not_from_a_new_launch() -> None:
    """beyonk-dark (fixO): purposes unticked and the settings layer closed leave the first layer shown and nothing
    stored — exactly where the trial of its relabelled answer starts. That answer is tapped there, not after a
    new launch redoing the settings button, the unticks and the close (before: 7 more actions per goal); what is
    learnt is the same, and the refusal walked from a fresh launch stores the refusal."""
    from consent_audit.explorer import consent_structure
    from consent_audit.explorer.forms import FormData
    from consent_audit.explorer.moves import perform
    from test_explorer_structure import OPT_OUT, OptOutApp

    launches: list[int] = []
    app = OptOutApp(OPT_OUT)

    def restart():
        launches.append(1)
        return app.restart()

    learnt = consent_structure.learn(app, restart)
    assert learnt is not None
    assert [m.label for m in learnt.reject.moves] == ["პარამეტრები", "დახურვა", OptOutApp.SELECTED]
    # the first look (its launch also the first button's), the second button, the settings' close as it is, then
    # unticked: four launches
    assert len(launches) == 4 and app.taps.count("დახურვა") == 2 and app.taps.count("სტატისტიკა") == 1
    app.restart()
    for move in learnt.reject.moves:
        perform(app, move, FormData())
    assert json.loads(app.stored["shop:choice"]) == {"stats": False, "ads": False}


class _Goal:
    """One goal's explorer as far as the consent probe goes (ExploredApp's consent state, fresh per goal)."""

    def __new__(cls, app: LayerApp):
        from consent_audit.explorer.consent_exploring import ConsentExplorations

        class Goal(ConsentExplorations):
            def _launch_fresh(self):
                return self.op.restart()

        goal = Goal()
        goal.op, goal.structure_checked, goal.structure_tried, goal.structure_accepted = app, False, [], False
        goal.accept = goal.reject = goal.refusal = goal.settings_preticked = goal.settings_mandatory = None
        goal.consent_on_scroll, goal.consent_adopted = False, False
        goal.gate_moves, goal.gate_mode, goal.gate_names = [], None, 0
        return goal


def test_a_consent_dialog_told_by_structure_is_handed_to_the_later_goals_of_the_run() -> None:
    """beyonk-dark (fixO): the deletion, permissions and consent goals of one run each tried every answer of the
    dialog from fresh launches (~14 actions each). What the first goal told — keys, accept and reject paths,
    the settings layer's counts, what each answer did — is handed on: a later goal knows the dialog at launch
    and tries nothing again; a goal run alone (nothing handed) still probes it."""
    from consent_audit.explorer import consent
    from test_explorer_structure import OPT_OUT, OptOutApp

    first = _Goal(OptOutApp(OPT_OUT))
    assert first._consent_by_structure() and first.op.taps
    learnt = first.consent_learnt()
    assert learnt is not None
    later = _Goal(OptOutApp(OPT_OUT))
    later.adopt_consent(learnt)
    assert later._consent_by_structure() and later.op.taps == []
    assert consent.shown(later.op, later.op.restart())
    assert [m.label for m in later.reject.moves] == [m.label for m in first.reject.moves]
    assert (later.settings_preticked, later.settings_mandatory, later.structure_tried) == \
        (first.settings_preticked, first.settings_mandatory, first.structure_tried)
    alone = _Goal(OptOutApp(OPT_OUT))
    alone.adopt_consent(None)
    assert alone._consent_by_structure() and alone.op.taps
    assert _Goal(LayerApp({"first": {"texts": ["x"], "buttons": {"a": (None, None, False),
                                                                   "b": (None, None, False)}}})).consent_learnt() is None


class _Relaunching(LayerApp):
    """A LayerApp that relaunches: the layer shows again until a choice is stored."""

    def relaunch(self) -> Screen:
        self.at = None if "shop:choice" in self.stored else self.start
        return self.screen()

    def back(self) -> Screen:
        return self.screen()

    def tap_point(self, x: int, y: int, label: str) -> Screen:
        self.taps.append(label)
        return self.screen()


def test_the_refusal_search_judges_by_the_accept_walked_once_and_starts_on_the_launch_it_made() -> None:
    """ccjs-dark (fixO): the consent goal walked the accept (its path), then refusal.check walked it again with a
    relaunch to learn what accepting keeps, and launched twice before its first trial. The records of the accept
    just walked and relaunched are handed in (`kept`): the accept is tapped once, and each way out is tried from
    one launch of its own; the refusal found is the same."""
    from consent_audit.explorer import refusal
    from consent_audit.explorer.forms import FormData
    from consent_audit.explorer.moves import Move, perform

    dialog = {"first": {"texts": ["ჩვენ ვიყენებთ ..."],
                        "buttons": {"ვეთანხმები": (None, '{"stats":true,"ads":true}', False),
                                    "მხოლოდ აუცილებელი": (None, '{"stats":false,"ads":false}', False)}}}
    app = _Relaunching(dialog)
    app.consent_keys = frozenset(t.key for t in app.targets(app.restart()))
    launches: list[int] = []

    def start():
        launches.append(1)
        return app.restart()

    accept = [Move.tap(next(t for t in app.targets(start()) if t.label == "ვეთანხმები"))]
    unanswered = app.stored_state()
    perform(app, accept[0], FormData())
    app.relaunch()
    launches.clear()
    found = refusal.check(app, start, accept, FormData(), {}, kept=(unanswered, app.stored_state()))
    assert found.offered is True and [m.label for m in found.refusal] == ["მხოლოდ აუცილებელი"]
    assert [t.outcome for t in found.trials] == [refusal.CONSENTED, refusal.REFUSED]
    assert found.asked == {}     # the refusing trial's launch asked nothing, its answer left the app bare
    # the walk above only: the accept path is not tried again as a way out (its record is `kept`), and the
    # refusal is tried on the launch check made to look at the dialog
    assert app.taps.count("ვეთანხმები") == 1 and len(launches) == 1


def test_the_accept_path_is_no_way_out_to_try_again() -> None:
    """warung (consent 12/5): with no refusal in words, every way out of the dialog is tried (refusal.check) —
    the first of them «Terima semua», the accept path itself, just walked, relaunched and read as the consent
    record: a tap and a relaunch to learn it consents. It is counted consented without a gesture, and the way
    out after it starts on the untouched launch; the trials and the refusal found are the same. A way out that
    only starts like the accept (the same control, then more) is still tried."""
    from consent_audit.explorer import refusal
    from consent_audit.explorer.forms import FormData
    from consent_audit.explorer.moves import Move, perform

    dialog = {"first": {"texts": ["ჩვენ ვიყენებთ ..."],
                        "buttons": {"ვეთანხმები": (None, ON, False), "პარამეტრები": ("settings", None, False)}},
              "settings": {"texts": ["პარამეტრები"], "boxes": ("სტატისტიკა", "რეკლამა"),
                           "buttons": {"შენახვა": (None, lambda a: '{"stats":%s,"ads":%s}' % (
                               str("სტატისტიკა" not in a.unticked).lower(), str("რეკლამა" not in a.unticked).lower()),
                               False)}}}
    app = _Relaunching(dialog)
    app.consent_keys = frozenset(t.key for t in app.targets(app.restart()))
    accept = [Move.tap(next(t for t in app.targets(app.restart()) if t.label == "ვეთანხმები"))]
    unanswered = app.stored_state()
    perform(app, accept[0], FormData())
    app.relaunch()
    found = refusal.check(app, app.restart, accept, FormData(), {}, kept=(unanswered, app.stored_state()))
    assert found.offered is True and [m.label for m in found.refusal] == ["პარამეტრები", "შენახვა"]
    assert [t.path for t in found.trials][0] == ["ვეთანხმები"] and found.trials[0].outcome == refusal.CONSENTED
    assert app.taps.count("ვეთანხმები") == 1, app.taps


ON, OFF = '{"stats":true,"ads":true}', '{"stats":false,"ads":false}'
WORDED = {"first": {"texts": ["We use cookies to personalise ads and measure traffic."],
                    "buttons": {"Accept all": (None, ON, False), "Manage options": ("settings", None, False),
                                "Nope": (None, OFF, False)}},
          "settings": {"texts": ["We use cookies to personalise ads and measure traffic. Choose the purposes you allow."],
                       "boxes": ("Statistics", "Advertising"),
                       "buttons": {"Reject all": (None, OFF, False), "Save": (None, ON, False)}}}
NO_REFUSAL_WORDS = {"first": {**WORDED["first"], "buttons": {"Accept all": (None, ON, False), "Nope": (None, OFF, False)}}}


class _LaunchingApp(_Relaunching):
    def fresh(self) -> None:
        self.restart()

    def launch(self) -> Screen:
        return self.screen()

    def scroll_page(self, what: str) -> None:
        return None


def _consent_goal(app: _LaunchingApp, kept: list | None = None):
    """The consent goal's search (`_explore_consent`) over a fake app, nothing else of ExploredApp (the goal's
    explorer appended to `kept`, when given, for what else it learnt)."""
    from types import SimpleNamespace

    from consent_audit.explorer import consent
    from consent_audit.explorer.consent_exploring import ConsentExplorations
    from consent_audit.explorer.forms import FormData

    class Goal(ConsentExplorations):
        consent_shown = property(lambda self: consent.shown(self.op))

        def _grant_all(self) -> None: ...
        def _answer_new_modals(self, learn: bool = True) -> None: ...
        def _through_gate(self) -> None: ...
        def _walked_in(self) -> bool: return False     # no log-in gate passed
        gate_left = None

        def launch(self) -> None:
            self.op.launch()

        def _launch_fresh(self) -> Screen:
            self.op.fresh()
            return self.op.screen()

    goal = Goal()
    goal.op, goal.data, goal.config = app, FormData(), SimpleNamespace(search={})
    goal.accept = goal.reject = goal.refusal = goal.settings_preticked = goal.settings_mandatory = None
    goal.structure_checked, goal.structure_tried, goal.consent_on_scroll, goal.gate_moves = False, [], False, []
    goal.consent_adopted = False
    if kept is not None:
        kept.append(goal)
    return goal._explore_consent(SimpleNamespace(actions=0, seconds=0, budget=None), SimpleNamespace(permissions=[]))


@pytest.mark.parametrize("layers", [WORDED, NO_REFUSAL_WORDS], ids=["shorter refusal", "refusal by structure"])
def test_the_consent_goal_walks_the_accept_once_for_every_judgement(layers: dict) -> None:
    """ccjs-dark (fixO): the consent goal walked the accept for its path, then again (with a relaunch) to learn
    what accepting keeps before judging other answers against it (refusal.records) — when the refusal its words
    told takes more steps (a one-step one looked for among unnamed controls), and when its words told none
    (every way out tried). The accept is now walked once and relaunched; the refusal found is the same."""
    app = _LaunchingApp(layers)
    found = _consent_goal(app)
    assert found.ending == "reached" and [m.label for m in found.paths["reject"]] == ["Nope"]
    assert app.taps.count("Accept all") == 1    # its path only: no refusal search's trial of it either (fixP)


def test_the_control_that_brought_the_app_to_a_screen_is_not_tapped_again_before_its_other_ways_on() -> None:
    """A sheet opened by «Видалити акаунт» leaves that button in view beneath it (corpus beyonk-dark): its words
    still score highest, so the search tapped it again — nothing happened — before the sheet's own way on. The
    control seen to bring the app to a screen ranks there as an unscored one."""
    from consent_audit.explorer.deletion import DeletionGoal
    from consent_audit.explorer.search import GoalSearch
    from test_explorer_units import CONFIG, DATA, Sim, SimOperator

    app = {"home": [("Settings", "settings")],
           "settings": [("Delete account", "sheet")],
           "sheet": [("Delete account", "sheet"), ("Delete anyway", "!done")]}
    sim = Sim(app)
    spend = Spend(Budget(40, 60))
    result = GoalSearch(SimOperator(sim, spend), DeletionGoal(CONFIG), DATA, CONFIG.search, spend).run()  # type: ignore[arg-type]
    assert result.ending == "reached"
    assert sim.taps == ["Settings", "Delete account", "Delete anyway"], sim.taps


def test_a_wizards_step_control_offered_again_beside_a_new_one_is_its_way_back_tried_after_the_new_one() -> None:
    """Corpus safar: three steps whose buttons no lexicon reads — «ادامه» / «انصراف», then «انصراف» / «بله، مطمئنم»
    (the order swapped), then the deletion. The search took the second step's «انصراف» first (back to the
    account screen) and walked the wizard again. The control the step before offered too, beside a new one, is
    the way back: the new one is tried first."""
    from consent_audit.explorer.deletion import DeletionGoal
    from consent_audit.explorer.search import GoalSearch
    from test_explorer_units import CONFIG, DATA, Sim, SimOperator

    app = {"home": [("Account", "account")],
           "account": [("Delete account", "step1")],
           "step1": [("Ghadam", "step2"), ("Enseraf", "account")],
           "step2": [("Enseraf", "account"), ("Bale motmaenam", "step3")],
           "step3": [("Delete forever", "!done"), ("Enseraf", "account")]}
    sim = Sim(app)
    spend = Spend(Budget(40, 60))
    result = GoalSearch(SimOperator(sim, spend), DeletionGoal(CONFIG), DATA, CONFIG.search, spend).run()  # type: ignore[arg-type]
    assert result.ending == "reached"
    assert sim.taps == ["Account", "Delete account", "Ghadam", "Bale motmaenam", "Delete forever"], sim.taps


class _Charged(OptOutApp):
    """beyonk-dark's kind of dialog (OptOutApp), each tap one charged action of the goal's Spend, as the
    Operator's are."""

    def __init__(self, spend: Spend) -> None:
        super().__init__(OPT_OUT)
        self.spend = spend

    def tap(self, target) -> Screen:
        self.spend.check()
        self.spend.charge()
        return super().tap(target)


def test_the_consent_probe_is_reported_apart_as_the_actions_it_walked() -> None:
    """beyonk-dark (deletion 38/12, consent 0/7): the consent dialog's structural probe ran in the first goal
    and its actions were that goal's. Now, of the goal's `actions`, those the probe walked are `Spend.probe`
    (reported as `consent_probe_actions`): every tap of its trials — what the app recorded, never a constant —
    and none of the goal's own actions; a goal handed the dialog spends no probe."""
    from consent_audit.explorer.exploration import Exploration

    spend = Spend(Budget(100, 60))
    spend.charge()                                      # an action of the goal's own before the probe
    first = _Goal(_Charged(spend))
    assert first._consent_by_structure()
    assert spend.probe == len(first.op.taps) > 0 and spend.actions == spend.probe + 1
    spend.charge()                                      # and one after: the probe's figure stays what it walked
    assert first._consent_by_structure() and spend.probe == len(first.op.taps)
    metrics = Exploration("delete-account", "reached", "", spend.actions, 1.0, Budget(100, 60),
                          probe=spend.probe).metrics()
    assert (metrics["actions_spent"], metrics["consent_probe_actions"]) == (spend.probe + 2, len(first.op.taps))
    later_spend = Spend(Budget(100, 60))
    later = _Goal(_Charged(later_spend))
    later.adopt_consent(first.consent_learnt())
    assert later._consent_by_structure() and later_spend.probe == 0 == len(later.op.taps)


def test_a_shorter_refusal_is_tried_among_the_controls_drawn_as_the_answers_first() -> None:
    """dalga (consent 8/2): the worded refusal takes two steps (Seçenekleri yönet › Tümünü reddet), so each unnamed
    control of the first layer is tried as a one-step refusal — in page order, the link in the dialog's text
    («4 iş ortağımız», opening its list of partners) before «Kabul etmiyorum». A trial is worth its actions only
    while it could beat the refusal known: the controls drawn as the accept is (its role, its size) go first, and
    once one refuses in a step nothing left can be shorter — the link is never tried."""
    layers = {"first": {**WORDED["first"], "roles": {"3 kumpel": "link"},
                        "buttons": {"3 kumpel": ("partners", None, False), **WORDED["first"]["buttons"]}},
              "partners": {"texts": ["Kumpel A, Kumpel B, Kumpel C"], "buttons": {"Zurück zum Dialog": ("first", None, False)}},
              "settings": WORDED["settings"]}
    app = _LaunchingApp(layers)
    found = _consent_goal(app)
    assert found.ending == "reached" and [m.label for m in found.paths["reject"]] == ["Nope"], app.taps
    assert "3 kumpel" not in app.taps, app.taps


def test_the_settings_layer_a_replaced_refusal_opened_is_counted_as_it_was_seen() -> None:
    """dalga (consent 8/2): the worded refusal opened the settings layer (Seçenekleri yönet) before the one-step
    «Kabul etmiyorum» replaced it; the layer's pre-ticked purposes were then counted from another fresh launch
    and another tap on Seçenekleri yönet. The layer as the worded refusal first opened it, untouched, is counted
    instead: the same count, one action and one launch less."""
    goals: list = []
    app = _LaunchingApp(WORDED)
    found = _consent_goal(app, goals)
    assert [m.label for m in found.paths["reject"]] == ["Nope"], app.taps
    assert app.taps.count("Manage options") == 1, app.taps
    assert (goals[0].settings_preticked, goals[0].settings_mandatory) == (2, 0)
    app = _LaunchingApp(NO_REFUSAL_WORDS)          # no settings layer: nothing to count, nothing opened
    goals.clear()
    _consent_goal(app, goals)
    assert goals[0].settings_preticked is None and "Manage options" not in app.taps


def test_a_notice_told_by_structure_is_handed_to_the_later_goals_too() -> None:
    """notice-only (consent_probe_actions 2 in each of its four goals): a notice whose one answer accepts (no
    refusal: every other button keeps it) was not handed on — `consent_learnt` wanted a reject path — so every
    goal of the run tried its buttons again. Handed on with what its trials showed (no refusal offered), a later
    goal taps nothing to know it."""
    notice = {"first": {"texts": ["We use cookies to give you the best experience. By using the app you agree."],
                        "buttons": {"OK": (None, "1", False), "More information": ("first", None, False)}}}
    first = _Goal(LayerApp(notice))
    assert first._consent_by_structure() and first.op.taps and first.reject is None
    learnt = first.consent_learnt()
    assert learnt is not None and learnt["refusal"].offered is False
    later = _Goal(LayerApp(notice))
    later.adopt_consent(learnt)
    assert later._consent_by_structure() and later.op.taps == []
    assert later.refusal is first.refusal and [m.label for m in later.accept.moves] == ["OK"]


class _Banner(_LaunchingApp):
    """A consent dialog that leaves the app usable around it (nothing covered: chaguan's banner in an iframe
    over the home's cards); a tap on the app's own «მთავარი» does nothing to the dialog."""

    def covered(self, s: Screen) -> frozenset[int]:
        return frozenset()

    def tap(self, target) -> Screen:
        if target.label == "მთავარი":
            self.taps.append(target.label)
            return self.screen()
        return super().tap(target)


def test_the_apps_own_controls_beside_the_dialog_are_no_shorter_refusal_to_try() -> None:
    """chaguan (consent 13/6), porsche-dark (7/3): the worded refusal takes two steps, so each unnamed control of
    the dialog's first layer was tried as a one-step refusal — among them the app's own cards beside a banner
    that leaves the app usable («掃描收據», «TR-48213 · Dağıtımda»): a launch and a tap each, and a relaunch of
    the accept to judge them by. The app's own controls outside the dialog (refusal.page_behind) are none of
    its answers: never tried; the worded refusal stays."""
    layers = {"first": {**WORDED["first"], "buttons": {"Accept all": (None, ON, False),
                                                       "Manage options": ("settings", None, False)}},
              "settings": WORDED["settings"]}
    app = _Banner(layers)
    found = _consent_goal(app)
    assert found.ending == "reached" and [m.label for m in found.paths["reject"]] == ["Manage options", "Reject all"]
    assert "მთავარი" not in app.taps, app.taps


class _FixedBanner(_Banner):
    """A banner positioned fixed with no dialog role, leaving the app usable, with more than three controls (a
    link in its sentence beside its buttons: PIE's cookie banner in corpus fiets): no area tells it apart from
    the page (no dialog element, no bar of 2–3 buttons, nothing covered)."""

    def screen(self) -> Screen:
        shown = super().screen()
        return Screen(elements=[Element(role="", fixed=True, bounds=e.bounds) if e.role == "dialog" else e
                                for e in shown.elements], signature=shown.signature, size=shown.size,
                      prompts=shown.prompts)


def test_the_apps_own_controls_beside_a_banner_no_area_tells_are_no_shorter_refusal_to_try() -> None:
    """fiets (consent 8/2): PIE's banner holds its buttons and the same words as links in its sentence, so no area
    told it from the page (refusal.page_behind empty) and the app's own big «Fiets zoeken» beside it, drawn as
    the accept is, was tried first as a one-step refusal — a launch and a tap. The layer holding the answers
    known (consent_layer.own_controls: a fixed element with a sentence of its own) is the dialog: the app's
    controls outside it are never tried; the banner's own unnamed answer is, and refuses."""
    layers = {"first": {**WORDED["first"], "roles": {"Privacy": "link"},
                        "buttons": {"Accept all": (None, ON, False), "Manage options": ("settings", None, False),
                                    "Nope": (None, OFF, False), "Privacy": ("first", None, False)}},
              "settings": WORDED["settings"]}
    app = _FixedBanner(layers)
    found = _consent_goal(app)
    assert found.ending == "reached" and [m.label for m in found.paths["reject"]] == ["Nope"], app.taps
    assert "მთავარი" not in app.taps, app.taps


def test_a_button_whose_words_say_it_buys_is_not_tried_from_a_launch_of_its_own() -> None:
    """ktiv (consent 7/3, fixP): the consent-or-pay page's «הרשמה למינוי ללא פרסומות ₪14.90 לחודש» was tried from a
    fresh launch like every answer, then set aside as no answer because its words say it buys (whatever it
    stored). Known before the tap: never tapped, still recorded as no answer; what is learnt is the same."""
    from consent_audit.explorer import consent_structure
    from test_explorer_structure import PAGE

    pay = "Sign up for ad-free ₪14.90/month"
    priced = {**PAGE, "first": {**PAGE["first"], "buttons": {
        (pay if label == "გამოწერა ₪14.90" else label): answer for label, answer in PAGE["first"]["buttons"].items()}}}
    app = LayerApp(priced)
    seen: list = []
    learnt = consent_structure.learn(app, app.restart, seen)
    assert learnt is not None and [m.label for m in learnt.reject.moves] == ["პარამეტრები", "ყველაფრის უარყოფა"]
    assert pay not in app.taps, app.taps
    assert any(t.label == pay and t.left for t in seen)


def test_the_consent_goal_probes_the_dialog_on_the_launch_it_made() -> None:
    """vstup (--goal consent: 36 actions, 20 of them signing in at launch): the consent goal launched the app,
    saw no dialog its words know, and the structural probe launched again (signing in again) just to look at the
    layer. The probe looks at the goal's own fresh launch and tries the first answer there: each launch is one
    answer's; what is learnt is the same."""
    launches: list[int] = []

    class Counted(_LaunchingApp):
        def fresh(self) -> None:
            launches.append(1)
            super().fresh()

    app = Counted(CONSENT)
    found = _consent_goal(app)
    assert found.ending == "reached" and [m.label for m in found.paths["accept"]] == ["ვეთანხმები"]
    # the layer's two buttons and the settings layer's refusal (its save after a refusal of every purpose
    # untried, fixCC): three answers, two launches — the refusal tried on the settings layer its button's own
    # trial left open (fixCN)
    assert len(launches) == 2, app.taps
