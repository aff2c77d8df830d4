"""What a refused feature leaves usable, compared like with like (corpus vayu-nosoftask, fresh11 finding 11: a
FALSE forced_permission). The core screen was taken under a launch modal nothing recognised (an update
notice: «Baad mein» / «Update»), so the feature's route passes the modal first; refused, the feature's tab shows
a city list under «location not found» beside the app's tab bar — the app stays usable (degraded). Before, the
way back from there was looked for among the core screen's controls (the modal's two buttons, only there at a
launch): none was found and the refusal read as `blocked`."""
from __future__ import annotations

from consent_audit.explorer import permissions, refused_reach
from consent_audit.explorer.elements import Target, targets
from consent_audit.explorer.moves import Move
from consent_audit.screen import Element, Screen

from test_explorer_launch_modals import Layered

TABS = ("Mausam", "Mera sthan", "Settings")
CITIES = ("Dilli", "Mumbai", "Kolkata", "Chennai", "Jaipur", "Lucknow")


class Fake:
    """What the explorer asks of an app's operator here: its screen's targets by what covers them (Layered's)."""

    in_foreground = True
    recorder = type("R", (), {"invalidate": lambda _: None, "last_screen": None})()
    targets, find = Layered.targets, Layered.find


class Weather(Fake):
    """A weather app: at launch a modal covers its tab bar; the «Mera sthan» tab asks for the location —
    granted it shows the weather there, refused a list of cities to choose from (each a way around)."""

    def __init__(self, granted: bool) -> None:
        self.at, self.granted = "launch", granted
        self.taps: list[str] = []
        self.prompts: dict[str, int] = {}

    def screen(self) -> Screen:
        tabs = [Element(text=t, role="button", clickable=True, bounds=(360 * i, 2300, 360, 100))
                for i, t in enumerate(TABS)]
        body = {"launch": [Element(text="Naya sanskaran", bounds=(80, 1000, 920, 100)),
                           Element(text="Baad mein", role="button", clickable=True, bounds=(80, 1250, 440, 140)),
                           Element(text="Update", role="button", clickable=True, bounds=(560, 1250, 440, 140))],
                "home": [Element(text="Dilli 31°", bounds=(40, 200, 500, 100)),
                         Element(text="Dhoop, halki hawa", bounds=(40, 400, 800, 60))],
                "here": [Element(text="Aapka sthan: Pune 29°", bounds=(40, 200, 800, 100))],
                "cities": [Element(text="Aapka sthan nahin mila. Apna shahar chunen:", bounds=(40, 200, 1000, 60))]
                + [Element(text=c, role="button", clickable=True, bounds=(40, 320 + 150 * i, 1000, 140))
                   for i, c in enumerate(CITIES)]}[self.at]
        return Screen(elements=tabs + body, signature=self.at, size=(1080, 2400), prompts=dict(self.prompts))

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset(range(len(TABS))) if screen.signature == "launch" else frozenset()

    def tap(self, target: Target) -> Screen:
        self.taps.append(target.label)
        if target.label in ("Baad mein", "Update", "Mausam") or target.label in CITIES:
            self.at = "home"
        elif target.label == "Mera sthan":
            self.prompts["geolocation"] = self.prompts.get("geolocation", 0) + 1
            self.at = "here" if self.granted else "cities"
        return self.screen()

    def relaunch(self) -> Screen:
        self.at = "launch"
        return self.screen()


def _move(op: Weather, label: str) -> Move:
    return Move.tap(next(t for t in op.targets() if t.label == label))


def _explored() -> tuple[permissions.Core, permissions.Feature]:
    """What the search learnt with everything granted: the core screen (the launch, under the modal) and the
    location feature, used from the home screen behind the modal (its route: «Baad mein»)."""
    op = Weather(granted=True)
    launch = op.screen()
    core = permissions.Core.of(launch, op.targets(launch))
    later = _move(op, "Baad mein")
    op.tap(op.find(later.key))
    home = op.screen()
    start = permissions.Core.of(home, op.targets(home))
    tab = _move(op, "Mera sthan")
    after = op.tap(op.find(tab.key))
    feature = permissions.Feature("geolocation", tab.key, tab.label, after.signature, permissions.state_of(home),
                                  permissions.state_of(after), (later,), start=start)
    return core, feature


def test_a_refused_feature_showing_a_way_around_beside_the_tab_bar_leaves_the_app_usable() -> None:
    core, feature = _explored()
    op = Weather(granted=False)
    assert refused_reach.reach(op, core, budget=4, accept_consent=lambda: None) is True     # the launch: the core
    assert permissions.use(op, feature) is False          # refused: the city list, not the weather there
    # the way back from the refusal: the app's own tab bar to the screen the feature is used from
    assert refused_reach.reach(op, core, budget=4, accept_consent=lambda: None, home=feature.start) is True
    assert op.taps[-1] == "Mausam" and op.at == "home"


def test_a_refused_feature_with_nothing_left_to_touch_is_still_blocked() -> None:
    """A refusal that covers the whole app (a wall over its tab bar, no way on) reaches neither screen."""
    core, feature = _explored()
    op = Weather(granted=False)
    permissions.use(op, feature)
    op.covered = lambda screen: frozenset(range(len(screen.elements)))       # every control under a wall
    assert refused_reach.reach(op, core, budget=4, accept_consent=lambda: None, home=feature.start) is False


BEP_TABS = ("Trang chu", "Don hang", "Tai khoan")


class Delivery(Fake):
    """A delivery app whose tab bar marks the current tab (aria-current) and whose home lists the restaurants
    near you (plain rows, no controls) — with the location refused an address field and its button instead; the
    orders tab holds nothing but the tab bar and a line of text (corpus bep, fresh10 findings 3 and 11)."""

    def __init__(self, granted: bool, at: str = "home") -> None:
        self.granted, self.at = granted, at
        self.taps: list[str] = []

    def screen(self) -> Screen:
        current = {"home": BEP_TABS[0], "orders": BEP_TABS[1], "account": BEP_TABS[2]}[self.at]
        tabs = [Element(name=t, role="button", clickable=True, bounds=(360 * i, 2300, 360, 100),
                        selected=t == current) for i, t in enumerate(BEP_TABS)]
        if self.at == "orders":
            body = [Element(text="Ban chua co don hang nao.", bounds=(40, 300, 900, 60))]
        elif self.at == "account":
            body = [Element(text="Dang nhap", role="button", clickable=True, bounds=(40, 300, 900, 120))]
        elif self.granted:
            body = [Element(text="Quan gan ban", bounds=(40, 200, 900, 80))] + [
                Element(text=f"Quan {n}", bounds=(40, 320 + 140 * n, 1000, 120)) for n in range(4)]
        else:
            body = [Element(text="Khong lay duoc vi tri. Hay nhap dia chi giao hang.", bounds=(40, 200, 1000, 80)),
                    Element(role="textbox", name="Dia chi giao hang", clickable=True, bounds=(40, 320, 1000, 120)),
                    Element(text="Tim quan", role="button", clickable=True, bounds=(40, 480, 400, 120))]
        return Screen(elements=tabs + body, signature=f"{self.at}-{self.granted and self.at == 'home'}",
                      size=(1080, 2400))

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset()

    def tap(self, target: Target) -> Screen:
        self.taps.append(target.label)
        self.at = {BEP_TABS[0]: "home", BEP_TABS[1]: "orders", BEP_TABS[2]: "account"}.get(target.label, self.at)
        return self.screen()


def test_another_tab_sharing_only_the_tab_bar_is_not_the_core_screen_and_the_home_tab_leads_back() -> None:
    """Before: the orders tab (the same three tab labels, nothing else to touch) was taken for the core screen,
    so refusing the location read `usable`; the refused home — the restaurants replaced by an address field —
    was never looked at. Now the tab marked current tells the orders apart, the core's own tab leads home, and
    the home reached is the core screen offering a manual way in: `degraded` (Core.by_hand)."""
    granted = Delivery(granted=True)
    core = permissions.Core.of(granted.screen(), granted.targets())
    op = Delivery(granted=False, at="orders")
    assert not core.matches(op.screen(), op.targets())
    assert refused_reach.reach(op, core, budget=4, accept_consent=lambda: None) is True
    assert op.taps == ["Trang chu"] and op.at == "home"
    assert core.by_hand(op.screen(), op.targets())


LATER = {"launch": [("Baad mein", "consent")], "consent": [("Sahmat", "home")],
         "home": [("Mausam", "home"), ("Mera sthan", "sthan"), ("Settings", "settings")],
         "settings": [("Mausam", "home"), ("Mera sthan", "sthan")],
         "sthan": [("Abhi nahin", "home"), ("Anumati dein", "ask:geolocation")]}


def test_a_permission_behind_the_apps_own_ask_past_the_depth_bound_is_found_and_used_from_the_screen_under_it() -> None:
    """Corpus vayu (fresh11 finding 6): the location is asked only once the app's own question «Allow location?»
    (Abhi nahin / Anumati dein) is answered yes; with a launch modal and a consent bar before the app, that
    question lies 3 taps deep, past the bound, and its answers were never tried: geolocation never found. A
    question a control's use raised over the app is answered past the bound; the feature's start is the screen under
    it. (A question is a layer over the app: vayu's home, a tab bar's row of three answers, is none.)"""
    from consent_audit.explorer import beyond_core
    from consent_audit.explorer.config import Budget
    from consent_audit.explorer.forms import FormData
    from consent_audit.explorer.operator import Spend
    from test_explorer_beyond_core import CONFIG, App, Op

    class Asking(App):
        def screen(self) -> Screen:
            shown = super().screen()
            if self.at == "sthan":
                shown.elements.append(Element(text="Sthan ki anumati dein?", bounds=(0, 900, 600, 60)))
            return shown

    class Launching(Op):
        def covered(self, screen: Screen) -> frozenset[int]:
            return frozenset({0}) if screen.signature == "sthan" else frozenset()     # the question over the app

        def relaunch(self) -> Screen:
            super().relaunch()
            self.app.at = "launch"
            self._screen = self.app.screen()
            return self._screen

    app = Asking(LATER, at="launch")
    spend = Spend(Budget(60, 60))
    found = beyond_core.search(Launching(app, spend), CONFIG.search, CONFIG.weights("deny-permissions"),  # type: ignore[arg-type]
                               spend, FormData(username="u", password="p"))
    feature = found.features["geolocation"]
    assert [m.label for m in feature.route] == ["Baad mein", "Sahmat", "Mera sthan"], app.taps
    assert feature.label == "Anumati dein"
    assert feature.start is not None            # the home under the question, not the question
    assert "mera sthan" in feature.start.labels and "anumati dein" not in feature.start.labels


def test_the_start_screens_controls_used_on_its_relaunched_look_are_no_uncovered_part_of_the_app() -> None:
    """Corpus fiets (fresh11 findings 2, 12): the start screen as first launched (the cookie banner's remains in
    its page) is another look than the home every relaunch shows; its controls, once the search had used one
    («Fiets zoeken», its result written in place), "could not be reached again" — though each was used on the
    relaunched home. Before: "the search did not cover the app", not_found on a run whose every figure was
    right. A control left there whose words are the core screen's own and were used as such is covered."""
    from consent_audit.explorer import beyond_core
    from consent_audit.explorer.config import Budget
    from consent_audit.explorer.forms import FormData
    from consent_audit.explorer.operator import Spend
    from test_explorer_beyond_core import CONFIG, App, Op

    bar = [("Kaart", "home"), ("Ritten", "rides"), ("Profiel", "profile")]
    app = App({"first": [("Fiets zoeken", "result"), *bar], "home": [("Fiets zoeken", "result"), *bar],
               "result": [("Fiets zoeken", "result"), *bar], "rides": [*bar],
               "profile": [("Inloggen", "profile"), *bar]}, at="first")
    start = app.screen()
    core = permissions.Core.of(start, targets(start, frozenset()))
    spend = Spend(Budget(60, 60))
    found = beyond_core.search(Op(app, spend), CONFIG.search, CONFIG.weights("deny-permissions"), spend,  # type: ignore[arg-type]
                               FormData(username="u", password="p"), core=core)
    assert found.unsearched == [], (found.unsearched, app.taps)
    assert {"fiets zoeken", "ritten", "profiel"} <= found.words


def test_a_tab_bar_row_of_three_is_no_question_a_sheet_over_the_app_is() -> None:
    """vayu's home (three tabs side by side, nothing covered) was taken for a question: the location feature's
    start fell back to the launch modal and the refused location read blocked again (bench, a FALSE finding).
    A question answered past the depth bound is a layer over the app: something of the app covered."""
    from consent_audit.explorer.beyond_core import PermissionGoal
    from consent_audit.explorer.graph import Node

    op = Weather(granted=True)
    goal = PermissionGoal({}, frozenset(), 2, op=op)      # type: ignore[arg-type]
    op.at = "home"
    home = op.screen()
    goal.purpose(Node("home", home, 2), home, op.targets(home))
    assert "home" not in goal.questions
    sheet = Screen(elements=home.elements + [
        Element(text="Sthan ki anumati dein?", bounds=(80, 1000, 920, 100)),
        Element(text="Abhi nahin", role="button", clickable=True, bounds=(80, 1250, 440, 140)),
        Element(text="Anumati dein", role="button", clickable=True, bounds=(560, 1250, 440, 140))],
        signature="sheet", size=(1080, 2400))
    op.covered = lambda screen: frozenset(range(len(home.elements))) if screen is sheet else frozenset()
    goal.purpose(Node("sheet", sheet, 3), sheet, op.targets(sheet))
    assert "sheet" in goal.questions


def test_a_permission_asked_behind_a_question_whose_yes_the_app_remembers_keeps_the_way_it_was_asked_by() -> None:
    """Corpus vayu (stop 32): the app remembers the «Anumati dein» answer, so «Mera sthan» shows the weather there
    straight away from then on — the search, back for the city list behind «Abhi nahin», saw that tab lead
    elsewhere and the map's edge to the question was redrawn; the feature's route, read from the final map, was
    gone ("no tap route"), so geolocation was never a feature and its refusal never tested (outcome[all] usable,
    truth degraded). The route is the way seen to the screen where the permission was asked, when it was."""
    from consent_audit.explorer import beyond_core
    from consent_audit.explorer.config import Budget
    from consent_audit.explorer.forms import FormData
    from consent_audit.explorer.operator import Spend
    from test_explorer_beyond_core import CONFIG, App, Op

    screens = {"home": [("Mausam", "home"), ("Mera sthan", "sthan"), ("Settings", "settings")],
               "settings": [("Mausam", "home"), ("Suchnaen", "settings")],
               "sthan": [("Abhi nahin", "cities"), ("Anumati dein", "here")],
               "cities": [("Dilli", "cities"), ("Mumbai", "cities"), ("Mausam", "home")],
               "here": [("Mausam", "home"), ("Mera sthan", "here")]}

    class Remembering(App):
        def screen(self) -> Screen:
            shown = super().screen()
            if self.at == "sthan":
                shown.elements.append(Element(text="Sthan ki anumati dein?", bounds=(0, 900, 600, 60)))
            return shown

    class Asking(Op):
        def covered(self, screen: Screen) -> frozenset[int]:
            return frozenset({0}) if screen.signature == "sthan" else frozenset()     # the question over the app

        def tap(self, target: Target) -> Screen:
            if self.app.at == "sthan" and target.label == "Anumati dein":      # asks, and is remembered:
                self.app.asked["geolocation"] = self.app.asked.get("geolocation", 0) + 1
                self.app.screens["home"] = [("Mausam", "home"), ("Mera sthan", "here"), ("Settings", "settings")]
            return super().tap(target)

    app = Remembering(screens)
    spend = Spend(Budget(60, 60))
    found = beyond_core.search(Asking(app, spend), CONFIG.search, CONFIG.weights("deny-permissions"),  # type: ignore[arg-type]
                               spend, FormData(username="u", password="p"))
    assert "Mera sthan" in app.taps[app.taps.index("Anumati dein") + 1:], app.taps    # the tab used again after
    feature = found.features["geolocation"]
    assert [m.label for m in feature.route] == ["Mera sthan"] and feature.label == "Anumati dein", app.taps
