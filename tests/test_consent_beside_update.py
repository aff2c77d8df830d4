"""An app's own update modal at every launch (a `role=dialog` over a dimmed app: «बाद में» / «अपडेट करें») with
the cookie bar sliding up at the bottom beside it (a fixed `role=alert` with its sentence: «सहमत हूँ» /
«अस्वीकार करें») — corpus vayu, fresh11 findings 4, 5. The dialog element is the first candidate the structural
probe tries; its answers store no choice (only «अपडेट करें» stores the version seen), so it is no consent dialog —
and the bar beside it, which was never tried, is: its two answers store the same record with its switch on and
off. Before, the probe ended with the update modal ("no consent dialog was recognised at launch"), the bar's
answers unknown to every goal."""
from __future__ import annotations

from consent_audit.explorer import consent_structure
from consent_audit.explorer.elements import targets
from consent_audit.screen import Element, Screen
from test_explorer_structure import LayerApp

MODAL = {"बाद में": None, "अपडेट करें": ("app:version", "2.4")}
BAR = {"सहमत हूँ": ("app:cookies", '{"analytics":true}'), "अस्वीकार करें": ("app:cookies", '{"analytics":false}')}


class UpdateOverApp:
    """The app (a tab), the update modal over it, the cookie bar at the bottom over both; each button takes its
    own layer away and stores what MODAL / BAR say. Driven like an Operator."""

    def __init__(self) -> None:
        self.platform, self.in_foreground = self, True
        self.taps: list[str] = []
        self.restart()

    def stored_state(self) -> dict:
        return {"local": dict(self.stored), "session": {}, "cookies": {}, "tcf": None}

    def restart(self) -> Screen:
        self.modal, self.bar, self.stored = True, True, {}
        return self.screen()

    def screen(self) -> Screen:
        elements = [Element(text="वायु", bounds=(10, 10, 300, 30)),
                    Element(text="सेटिंग्स", role="button", bounds=(10, 760, 380, 36), clickable=True)]
        if self.modal:
            elements += [Element(bounds=(0, 0, 400, 800), fixed=True), Element(role="dialog", bounds=(20, 250, 360, 200)),
                         Element(text="अपडेट उपलब्ध", bounds=(30, 260, 340, 30)),
                         Element(text="बाद में", role="button", bounds=(30, 390, 160, 40), clickable=True),
                         Element(text="अपडेट करें", role="button", bounds=(210, 390, 160, 40), clickable=True)]
        if self.bar:
            elements += [Element(role="alert", fixed=True, bounds=(0, 600, 400, 200)),
                         Element(text="हम ऐप चलाने के लिए ज़रूरी कुकीज़ रखते हैं।", bounds=(10, 610, 380, 60)),
                         Element(text="सहमत हूँ", role="button", bounds=(10, 700, 120, 40), clickable=True),
                         Element(text="अस्वीकार करें", role="button", bounds=(140, 700, 160, 40), clickable=True)]
        return Screen(elements=elements, signature=f"s-{self.modal}-{self.bar}", size=(400, 800))

    def covered(self, s: Screen) -> frozenset[int]:
        return frozenset({1}) if self.modal or self.bar else frozenset()     # the tab, under either layer

    targets, find = LayerApp.targets, LayerApp.find

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        store = MODAL.get(target.label, BAR.get(target.label))
        if target.label in MODAL:
            self.modal = False
        else:
            self.bar = False
        if store is not None:
            self.stored[store[0]] = store[1]
        return self.screen()


def test_the_cookie_bar_beside_an_update_modal_is_tried_once_the_modal_stores_no_choice() -> None:
    app = UpdateOverApp()
    seen: list = []
    learnt = consent_structure.learn(app, app.restart, seen)
    assert learnt is not None
    assert learnt.accept.label == "सहमत हूँ" and learnt.reject is not None and learnt.reject.label == "अस्वीकार करें"
    assert {t.label for t in targets(learnt.dialog)} >= {"सहमत हूँ", "अस्वीकार करें"}
    assert [t.target.label for t in seen] == ["सहमत हूँ", "अस्वीकार करें"]
    assert {key.split("|")[1] for key in learnt.keys} == {"सहमत हूँ", "अस्वीकार करें"}


def test_of_two_layers_at_launch_the_one_whose_words_speak_of_consent_is_tried_first() -> None:
    """vayu (consent 5 actions for an optimum of 2): the update modal, the dialog element, was tried first —
    «बाद में» and «अपडेट करें» each from a fresh launch — before the cookie bar whose words speak of cookies and
    consent. Which layer is consent is still decided by what its answers store; the words only order the trials:
    the bar first, the modal never tried once the bar is the consent dialog. Neither's words speaking of consent
    (or both), the dialog element goes first as before; the bar storing no choice, the modal is tried after it."""
    app = UpdateOverApp()
    learnt = consent_structure.learn(app, app.restart, [])
    assert learnt is not None and app.taps == ["सहमत हूँ", "अस्वीकार करें"]
    # the modal's words speak of consent too: the dialog element first, as before
    both = UpdateOverApp()
    real = both.screen

    def screen() -> Screen:
        s = real()
        return Screen(elements=[e if e.text != "अपडेट उपलब्ध" else
                                Element(text="आपकी सहमति से हम कुकीज़ रखते हैं", bounds=e.bounds) for e in s.elements],
                      signature=s.signature, size=s.size)
    both.screen = screen
    assert consent_structure.learn(both, both.restart, []) is not None
    assert both.taps == ["बाद में", "अपडेट करें", "सहमत हूँ", "अस्वीकार करें"]
    # the bar first, storing no choice: the modal is tried after it
    BAR_NONE = {"सहमत हूँ": None, "अस्वीकार करें": None}
    quiet = UpdateOverApp()
    quiet.tap = lambda target: (quiet.taps.append(target.label),
                                setattr(quiet, "modal" if target.label in MODAL else "bar", False),
                                quiet.screen())[-1] if target.label in BAR_NONE else UpdateOverApp.tap(quiet, target)
    assert consent_structure.learn(quiet, quiet.restart, []) is None
    assert quiet.taps == ["सहमत हूँ", "अस्वीकार करें", "बाद में", "अपडेट करें"]


def test_an_update_modal_alone_is_no_consent_dialog() -> None:
    app = UpdateOverApp()
    app.restart = lambda: (setattr(app, "bar", False), setattr(app, "modal", True),
                           setattr(app, "stored", {}), app.screen())[-1]
    app.bar = False
    assert consent_structure.learn(app, app.restart, []) is None
    assert app.taps == ["बाद में", "अपडेट करें"]
