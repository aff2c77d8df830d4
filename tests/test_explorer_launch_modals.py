"""Issue 13: a consent banner in words no lexicon has, answered at every launch as an unknown modal, was counted
0 per relaunch (a wrong clean). What a launch modal is, is told by what its answer stored and by its words
(`modal_kind.modal_kind`); a count that cannot be told is unmeasured, and consent_nagging with it
(the e2e twin: tests/data/verdicts/launch_consent.html in test_explorer_verdicts_e2e.py)."""
from __future__ import annotations

import pytest

from consent_audit.explorer.modal_kind import CONSENT, OTHER, modal_kind
from consent_audit.findings import evaluate

SWAHILI = ["×", "Tunatumia vidakuzi kupima ziara na kuonyesha matangazo yanayokufaa.", "Kubali zote", "Kataa"]


def test_a_modal_whose_answer_stored_switches_is_consent_in_any_language() -> None:
    stored = {"local:soko-ridhaa": '{"takwimu":false,"matangazo":false}'}
    assert modal_kind(stored, SWAHILI) == CONSENT
    assert modal_kind({"cookie:cc": "analytics%3Ddenied"}, ["×"]) is None     # no switch read: not told
    assert modal_kind({"cookie:cc": '{"analytics":"denied"}'}, ["×"]) == CONSENT
    assert modal_kind(stored, ["We use cookies to count visits.", "OK", "No thanks"]) == CONSENT


def test_a_modal_whose_words_are_read_and_speak_of_no_consent_is_something_else() -> None:
    assert modal_kind({}, ["发现新版本 3.2", "新版本优化了翻页动画。", "以后再说", "立即更新"]) == OTHER   # an update
    assert modal_kind({"local:th-news": "3.2"}, ["What's new in 3.2", "Offline maps", "Got it"]) == OTHER
    assert modal_kind({}, ["双十一 画报会员 5 折", "跳过 5"]) == OTHER                                   # a splash ad
    # corpus vayu's update modal in Hindi (its «बाद में», "later", in no lexicon: not told, so every relaunch's
    # consent count was unmeasured though the cookie slide-out, refused, never came back — truth [0, 0, 0])
    assert modal_kind({}, ["अपडेट उपलब्ध", "वायु 2.4 में नए रडार नक्शे और तेज़ पूर्वानुमान हैं।", "बाद में", "अपडेट करें"]) == OTHER


def test_marks_kept_as_digits_under_unknown_words_are_no_choice_over_purposes() -> None:
    # a what's-new in words no lexicon has storing its mark and version as digits: not told, never consent
    assert modal_kind({"local:novo": '{"seen":1,"v":1}'}, ["Ṣawari tuntun", "Dara"]) is None
    # digits that are a consent record's purposes, with words that speak of consent, are consent
    assert modal_kind({"local:cc": '{"analytics":1,"ads":0}'}, ["We use cookies to count visits.", "OK"]) == CONSENT


@pytest.mark.parametrize("stored,texts", [
    ({}, SWAHILI),                                             # words unknown (a bare × is read by no language)
    (None, SWAHILI),                                           # storage not readable (Android)
    ({"local:soko": "1"}, SWAHILI),                            # a record without a choice in it
    ({}, ["We use cookies to measure visits.", "×"]),          # it speaks of consent, stored nothing
    ({"local:rate": '{"later":true}'}, ["Enjoying Fieldnotes?", "Rate us", "Not now"]),   # a rating prompt's
    ({"local:tips": '{"shown":true,"dismissed":true}'}, ["Tip: swipe left to archive", "Got it"]),  # boolean
])
def test_a_modal_that_cannot_be_told_is_neither_consent_nor_other(stored, texts) -> None:
    assert modal_kind(stored, texts) is None


def _nagging(consent: list) -> tuple[list[str], dict]:
    result = evaluate("permissions", {"outcomes": {"all": "usable"}, "bundled_demand": False,
                                      "prompts_per_launch": {"permission": [0, 0, 0], "consent": consent}})
    return [f.pattern for f in result.findings], result.unmeasured


def test_a_relaunch_count_not_told_leaves_consent_nagging_unmeasured_never_clean() -> None:
    found, unmeasured = _nagging([None, None, None])
    assert "consent_nagging" not in found and unmeasured.get("consent_nagging") == ["prompts_per_launch.consent"]
    found, unmeasured = _nagging([None, 1, 0])
    assert "consent_nagging" in found and "consent_nagging" not in unmeasured
    found, unmeasured = _nagging([0, 0, 0])
    assert "consent_nagging" not in found and "consent_nagging" not in unmeasured


# --- a layer nothing recognised, lifted at launch (fresh1 grafis-x2, fresh2 beyonk-fair) ---

from consent_audit.explorer.elements import Target, targets          # noqa: E402
from consent_audit.explorer.launch_modals import LaunchModals       # noqa: E402
from consent_audit.explorer.operator import NotOnScreen            # noqa: E402
from consent_audit.explorer.soft_ask import SoftAsks                # noqa: E402
from consent_audit.screen import Element, Screen                    # noqa: E402

TABS = ["Αρχική", "Αναζήτηση", "Προφίλ"]


class Layered:
    """An app whose tab bar lies under a dialog at launch: «Αποδοχή όλων» (a big button) stores a choice and
    lifts it; «Ρυθμίσεις» (a text link) opens a second layer that still covers the app."""

    def __init__(self) -> None:
        self.layer: str | None = "dialog"
        self.stored: dict = {}
        self.taps: list[str] = []
        self.launches = 0

    in_foreground = True
    recorder = type("R", (), {"invalidate": lambda _: None})()      # every capture here is fresh

    def screen(self) -> Screen:
        tabs = [Element(text=t, clickable=True, bounds=(360 * i, 2300, 360, 100)) for i, t in enumerate(TABS)]
        layer = {"dialog": [Element(text="Αποδοχή όλων", role="button", clickable=True, bounds=(110, 1200, 860, 150)),
                            Element(text="Ρυθμίσεις", role="button", clickable=True, bounds=(450, 1390, 180, 50))],
                 "settings": [Element(text="Αποθήκευση", role="button", clickable=True, bounds=(110, 1200, 860, 150))],
                 None: []}[self.layer]
        return Screen(elements=tabs + layer, signature=self.layer or "home", size=(1080, 2400))

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset(range(len(TABS))) if self.layer else frozenset()

    def targets(self, screen: Screen | None = None) -> list[Target]:
        screen = screen or self.screen()
        return targets(screen, self.covered(screen))

    def find(self, key: str, screen: Screen | None = None) -> Target | None:
        return next((t for t in self.targets(screen) if t.key == key), None)

    def tap(self, target: Target) -> Screen:
        self.taps.append(target.label)
        if target.label == "Αποδοχή όλων":
            self.layer, self.stored = None, {"consent": "all"}
        elif target.label == "Ρυθμίσεις":
            self.layer = "settings"
        return self.screen()

    @property
    def platform(self):                 # stored_state(): what the app keeps
        return type("P", (), {"stored_state": lambda _: {"local": dict(self.stored)}})()


class Harness(LaunchModals):
    def __init__(self, op: Layered) -> None:
        self.op = op
        self.launch_moves, self.passed_layers, self.launch_kinds = [], [], {}
        self.soft_asks = SoftAsks()

    def restart(self) -> None:
        self.op.launches += 1
        self.op.layer, self.op.stored = "dialog", {}


def test_a_layer_nothing_recognised_is_lifted_by_the_control_that_makes_the_app_reachable_and_learnt() -> None:
    """Before: the layer was taken for the core screen, its buttons for the app's controls ("via Αποδοχή όλων"),
    and the measured launches never answered it: the covered app read as the permission's block."""
    harness = Harness(Layered())
    harness._pass_launch_layer(harness.restart, 3, frozenset({"log_out", "delete"}))
    assert [m.label for m in harness.launch_moves] == ["Αποδοχή όλων"] == [m.label for m in harness.passed_layers]
    assert harness.op.layer is None and {t.label for t in harness.op.targets()} == set(TABS)


def test_a_control_that_leaves_the_layer_over_the_app_is_not_learnt() -> None:
    op = Layered()
    harness = Harness(op)
    op.tap = lambda target: (op.taps.append(target.label), setattr(op, "layer", "settings"), op.screen())[-1]
    harness._pass_launch_layer(harness.restart, 3, frozenset())
    assert harness.launch_moves == [] and harness.passed_layers == []
    assert op.taps == ["Αποδοχή όλων", "Ρυθμίσεις"] and op.launches == 2     # each tried once from a fresh start, then the app as launched


def test_an_app_nothing_covers_has_no_layer_to_lift() -> None:
    op = Layered()
    op.layer = None
    harness = Harness(op)
    harness._pass_launch_layer(harness.restart, 3, frozenset())
    assert op.taps == [] and harness.launch_moves == []


def test_a_screen_still_under_a_lifted_layer_is_told_so_never_taken_for_a_block() -> None:
    """reach_core raises PathBroken (not measured) rather than return "not reached" (read as blocked) while the
    layer the search lifted at launch is still over the app."""
    harness = Harness(Layered())
    harness._pass_launch_layer(harness.restart, 3, frozenset())
    assert not harness._launch_layer_shown()            # lifted: the app itself is on screen
    harness.restart()
    assert harness._launch_layer_shown()                # back over the app: whatever shows there is no block


class Sheet(Layered):
    """A non-modal `role=dialog` cookie sheet beside the app (fresh1 vstup, once signed in): it covers nothing."""

    def screen(self) -> Screen:
        screen = super().screen()
        if self.layer == "dialog":
            screen.elements.insert(0, Element(role="dialog", bounds=(0, 1100, 1080, 400)))
        return screen

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset()


def test_a_non_modal_dialog_that_covers_nothing_is_a_layer_lifted_by_the_answer_that_closes_it() -> None:
    harness = Harness(Sheet())
    harness._pass_launch_layer(harness.restart, 3, frozenset())
    assert [m.label for m in harness.passed_layers] == ["Αποδοχή όλων"] and harness.op.layer is None


# --- a launch answer that requests a permission; a layer that went by itself (fresh6 chaguan, 3c) ---

class Scanning(Layered):
    """The dialog over the tab bar, and on the page beside it a big «Σάρωση» card whose tap asks for the camera
    and opens the scanner (the dialog gone with the page it lay over)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def screen(self) -> Screen:
        screen = super().screen()
        screen.elements.append(Element(text="Σάρωση", clickable=True, bounds=(30, 400, 1020, 140)))
        screen.prompts = {"camera": self.asked}
        return screen

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset(range(len(TABS))) if self.layer else frozenset()

    def tap(self, target: Target) -> Screen:
        if target.label == "Σάρωση":
            self.taps.append(target.label)
            self.asked += 1
            self.layer = None
            return self.screen()
        return super().tap(target)


def test_a_control_whose_tap_asks_for_a_permission_is_never_learnt_as_a_launch_answer() -> None:
    """Before: «Σάρωση» (the largest control) lifted the layer and was learnt, tapped at every launch, and the
    camera request it makes was counted as the app's own at launch (forced_permission, permission_nagging)."""
    op = Scanning()
    harness = Harness(op)
    harness.restart = lambda: (Harness.restart(harness), setattr(op, "asked", 0))
    harness._pass_launch_layer(harness.restart, 3, frozenset())
    assert op.taps[0] == "Σάρωση"
    assert [m.label for m in harness.launch_moves] == ["Αποδοχή όλων"]


class Countdown(Layered):
    """A splash advert over the whole app whose «Παράλειψη 3» counts down and goes by itself: by the time the
    tap is made it is gone."""

    def screen(self) -> Screen:
        tabs = [Element(text=t, clickable=True, bounds=(360 * i, 2300, 360, 100)) for i, t in enumerate(TABS)]
        splash = [Element(text="Παράλειψη 3", clickable=True, bounds=(850, 40, 180, 80))] if self.layer else []
        return Screen(elements=tabs + splash, signature=self.layer or "home", size=(1080, 2400))

    def tap(self, target: Target) -> Screen:
        self.taps.append(target.label)
        self.layer = None                   # it went by itself before the tap landed
        raise NotOnScreen(f"'{target.label}' is no longer on the screen")


def test_a_layer_that_went_by_itself_needs_no_answer_and_ends_nothing() -> None:
    """Before: the NotOnScreen of the countdown's tap ended the whole goal («'跳過 3' is no longer on the
    screen», not_found after 0 actions)."""
    op = Countdown()
    harness = Harness(op)
    harness._pass_launch_layer(harness.restart, 3, frozenset())
    assert op.taps == ["Παράλειψη 3"] and harness.launch_moves == [] and op.layer is None


class LateSplash(Layered):
    """chaguan's shape under load: the first launch's look came late, its 3 s countdown splash («跳過 3») gone by
    itself (nothing learnt); at a later relaunch it is on screen, over the whole app, until skipped. Launched by
    the real `Operator.launch` (its hooks as `ExploredApp` wires them)."""

    def __init__(self) -> None:
        super().__init__()
        self.layer = None

    def screen(self) -> Screen:
        tabs = [Element(text=t, clickable=True, bounds=(360 * i, 2300, 360, 100)) for i, t in enumerate(TABS)]
        splash = [Element(text="跳過 3", clickable=True, bounds=(850, 40, 180, 80))] if self.layer else []
        return Screen(elements=tabs + splash, signature="splash" if self.layer else "home", size=(1080, 2400))

    def tap(self, target: Target) -> Screen:
        self.taps.append(target.label)
        self.layer = None
        return self.screen()


def launched_by_operator(app: LateSplash):
    """The real `Operator.launch` over `app`: its gesture (re)launches the app and shows the splash again
    from the second launch on."""
    from types import SimpleNamespace

    from consent_audit.explorer.operator import Operator

    op = Operator.__new__(Operator)
    op.recorder = SimpleNamespace(last_screen=None, invalidate=lambda: None)

    def gesture(_settled):
        app.launches += 1
        app.layer = "splash" if app.launches > 1 else None
        return SimpleNamespace(screen=app.screen())

    op.adapter = SimpleNamespace(prepare=lambda: None, launch_settled=None, late_pending=lambda: 0)
    op.gestures = SimpleNamespace(launch=gesture, relaunch=gesture)
    op.after_launch = op.after_relaunch = None
    op.installs = 0
    op.platform = SimpleNamespace(in_foreground=lambda: True, stored_state=lambda: app.platform.stored_state())
    for name in ("screen", "covered", "targets", "find", "tap"):
        setattr(op, name, getattr(app, name))
    return op


def test_a_splash_first_met_at_a_relaunch_of_any_search_is_answered_and_learnt_as_a_launch_modal() -> None:
    """fixRL, chaguan permissions not_found under load: the permissions search's own relaunch
    (search.py `self.op.relaunch()`) showed the splash; the search took it for a screen of the app, avoided
    «跳過 3» as a refusal, and «'首頁' could not be reached again». Only the deletion search answered new modals
    after its relaunch. Now every relaunch while exploring answers it (`op.after_relaunch`) and learns it."""
    from types import SimpleNamespace

    app = LateSplash()
    op = launched_by_operator(app)
    harness = Harness(op)
    harness.context = SimpleNamespace(platform=SimpleNamespace(decided={}))
    harness.data, harness.structure_checked, harness.at_launch = None, True, False
    harness._holding = harness._in_reach = False
    op.after_launch = harness._answer_known_modals
    op.after_relaunch = getattr(harness, "_answer_relaunch_modals", None)    # as ExploredApp wires it
    op.spend = SimpleNamespace(check=lambda: None, charge=lambda: None)      # exploring: a goal's budget
    assert op.launch().signature == "home"           # the first look: the splash already gone, nothing learnt
    assert harness.launch_moves == []
    screen = op.relaunch()                           # the search's own relaunch (any goal)
    assert screen.signature == "home" and app.taps == ["跳過 3"]
    assert [m.label for m in harness.launch_moves] == ["跳過 3"]
    op.spend = None                                  # a journey's relaunch: the learnt answer replayed
    assert op.relaunch().signature == "home" and app.taps == ["跳過 3", "跳過 3"]
    assert harness.answered_at_launch == harness.launch_moves


def test_a_modal_first_met_at_a_relaunch_with_a_permission_refused_is_answered_never_learnt() -> None:
    from types import SimpleNamespace

    app = LateSplash()
    op = launched_by_operator(app)
    harness = Harness(op)
    harness.context = SimpleNamespace(platform=SimpleNamespace(decided={"camera": "denied"}))
    harness.data, harness.structure_checked, harness.at_launch = None, True, False
    harness._holding = harness._in_reach = False
    op.after_launch = harness._answer_known_modals
    op.after_relaunch = getattr(harness, "_answer_relaunch_modals", None)    # as ExploredApp wires it
    op.spend = SimpleNamespace(check=lambda: None, charge=lambda: None)
    op.launch()
    assert op.relaunch().signature == "home" and app.taps == ["跳過 3"] and harness.launch_moves == []


# --- a layer the answer brought (fresh7 shonar #2/#11) ---

class Prompted(Layered):
    """shonar's shape: «Αποδοχή όλων» stores the choice and the app's own prompt («Ειδοποιήσεις;») comes over the
    tab bar at once; either of its buttons lifts it."""

    def screen(self) -> Screen:
        if self.layer != "prompt":
            return super().screen()
        tabs = [Element(text=t, clickable=True, bounds=(360 * i, 2300, 360, 100)) for i, t in enumerate(TABS)]
        return Screen(elements=tabs + [Element(text="Ειδοποιήσεις;", bounds=(110, 1700, 860, 80)),
                                       Element(text="Ενεργοποίηση", role="button", clickable=True,
                                               bounds=(110, 1900, 860, 150)),
                                       Element(text="Αργότερα", clickable=True, bounds=(450, 2100, 180, 50))],
                      signature="prompt", size=(1080, 2400))

    def tap(self, target: Target) -> Screen:
        self.taps.append(target.label)
        if target.label == "Αποδοχή όλων":
            self.layer, self.stored = "prompt", {"consent": "all"}
        elif target.label == "Ρυθμίσεις":
            self.layer = "settings"
        elif self.layer == "prompt":
            self.layer = None
        return self.screen()


def test_an_answer_that_stored_and_brought_another_layer_is_learnt_and_that_layer_lifted_too() -> None:
    """Before: «সব মেনে নিন» lifted shonar's cookie popup, but the notification pre-prompt it brought covered the
    tab bar, so the answer was not learnt ("not lifted"); the search then tapped it as a step of its own and the
    deletion's re-walk from a fresh install met the popup over its first step (`accept consent: []`, broken)."""
    harness = Harness(Prompted())
    harness._pass_launch_layer(harness.restart, 3, frozenset())
    assert [m.label for m in harness.launch_moves] == ["Αποδοχή όλων", "Ενεργοποίηση"]
    assert harness.op.layer is None and harness.op.launches == 0


def test_a_control_that_opens_another_layer_storing_nothing_is_still_not_learnt() -> None:
    op = Prompted()
    harness = Harness(op)
    op.tap = lambda target: (op.taps.append(target.label), setattr(op, "layer", "settings"), op.screen())[-1]
    harness._pass_launch_layer(harness.restart, 3, frozenset())
    assert harness.launch_moves == []
