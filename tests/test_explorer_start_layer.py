"""A layer over the app at a start that nothing recognises — an app's own bottom sheet over its tab bar, in words
no lexicon has (ktiv: «לקבל התראות על כתבות חמות?» לא עכשיו / כן, אשמח, shown once the consent is answered) — is
lifted and its answer learnt by whichever goal starts the app first (`exploring._start`), not by the permissions
goal only: a deletion explored alone re-walked into the sheet ("הגדרות is not on the screen", broken).
Simulated app (no browser), an `ExploredApp` over a stand-in operator."""
from __future__ import annotations

from consent_audit.explorer.app import ExploredApp
from consent_audit.explorer.elements import Target, targets
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.soft_ask import SoftAsks
from consent_audit.screen import Element, Screen

TABS = ["ראשי", "שמורים", "הגדרות"]
ARTICLES = ["הכנסת אישרה בקריאה ראשונה", "גשם ראשון בצפון", "מכבי תל אביב ניצחה", "מזג אוויר"]


class SheetApp:
    """At every launch until answered, a non-modal role=dialog sheet lies over the tab bar (the articles above
    stay usable); either answer stores that it was asked and hides it."""

    in_foreground = True
    consent_keys: frozenset[str] = frozenset()

    def __init__(self) -> None:
        self.stored: dict[str, str] = {}
        self.taps: list[str] = []
        self.launches = 0
        self.recorder = type("R", (), {"steps": [], "invalidate": lambda _: None})()

    @property
    def sheet(self) -> bool:
        return "asked" not in self.stored

    def screen(self) -> Screen:
        rows = [Element(text=t, role="link", clickable=True, bounds=(40, 200 + 130 * i, 1000, 110))
                for i, t in enumerate(ARTICLES)]
        tabs = [Element(text=t, role="link", clickable=True, bounds=(360 * i, 2265, 360, 137))
                for i, t in enumerate(TABS)]
        sheet = [Element(role="dialog", bounds=(0, 1960, 1080, 440)),
                 Element(text="לקבל התראות על כתבות חמות?", bounds=(40, 2000, 1000, 60)),
                 Element(text="לא עכשיו", role="button", clickable=True, bounds=(554, 2226, 486, 118)),
                 Element(text="כן, אשמח", role="button", clickable=True, bounds=(42, 2226, 486, 118))]
        return Screen(elements=rows + tabs + (sheet if self.sheet else []), signature="home", size=(1080, 2400))

    def covered(self, screen: Screen) -> frozenset[int]:
        first = len(ARTICLES)
        return frozenset(range(first, first + len(TABS))) if len(screen.elements) > first + len(TABS) else frozenset()

    def targets(self, screen: Screen | None = None) -> list[Target]:
        screen = screen or self.screen()
        return targets(screen, self.covered(screen))

    def find(self, key: str, screen: Screen | None = None) -> Target | None:
        return next((t for t in self.targets(screen) if t.key == key), None)

    def tap(self, target: Target) -> Screen:
        self.taps.append(target.label)
        if target.label in ("לא עכשיו", "כן, אשמח"):
            self.stored["asked"] = "lo" if target.label == "לא עכשיו" else "ken"
        return self.screen()

    def fresh(self) -> None:
        self.stored = {}

    def launch(self) -> Screen:
        self.launches += 1
        if self.after_launch is not None:
            self.after_launch()
        return self.screen()

    after_launch = None

    @property
    def platform(self):                 # stored_state(): what the app keeps
        return type("P", (), {"stored_state": lambda _: {"local": dict(self.stored)}})()


def explored(app: SheetApp) -> ExploredApp:
    """An ExploredApp over the simulated app: the consent probe already made (none found), no gate."""
    ex = ExploredApp.__new__(ExploredApp)
    ex.op = app
    ex.context = type("C", (), {"platform": type("P", (), {"decide_permission": lambda *_: None})()})()
    ex.config = type("Cfg", (), {"search": {"launch_layer_trials": 3, "beyond_core_avoid": ["log_out", "delete"]}})()
    ex.data = FormData()
    ex.launch_moves, ex.passed_layers, ex.launch_kinds, ex.answered_at_launch = [], [], {}, []
    ex.soft_asks, ex._holding, ex._in_reach, ex.at_launch = SoftAsks(), False, False, False
    ex.structure_checked, ex.consent_on_scroll, ex.gate_moves, ex.accept = True, False, [], None
    ex.launch_layer_checked = False
    app.after_launch = ex._answer_known_modals
    return ex


def test_a_sheet_over_the_tab_bar_at_a_start_is_lifted_and_replayed_at_every_later_launch() -> None:
    app = SheetApp()
    ex = explored(app)
    ex._start()                                   # the deletion goal's first start (no permissions goal before)
    assert [m.label for m in ex.passed_layers] == [m.label for m in ex.launch_moves]
    assert len(ex.launch_moves) == 1 and not app.sheet
    assert {t.label for t in app.targets()} >= set(TABS)      # the tab bar reachable: the search starts behind it
    app.fresh()
    app.launch()                                  # a journey's launch: the learnt answer given again
    assert not app.sheet and ex.answered_at_launch == ex.launch_moves


def test_the_layer_is_looked_for_once_per_app_whatever_goal_starts_first() -> None:
    app = SheetApp()
    ex = explored(app)
    ex._start()
    tapped = list(app.taps)
    ex._start()                                   # a second goal's start: the learnt answer replayed, no new trial
    assert len(ex.launch_moves) == 1 and app.taps == tapped + [ex.launch_moves[0].label]
