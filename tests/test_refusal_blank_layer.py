"""A consent dialog's second layer that replaces the first in place and is read with no control on it
(react-cookie-consent-popup's settings modal, its content in a `display: contents` wrapper the snapshot skipped:
fresh7 #14): nothing of it was tried, so no conclusion that the dialog offers no refusal (explorer/refusal.py
`check`). The snapshot side: tests/data/verdicts/layer_in_place.html (test_explorer_verdicts_e2e.py)."""
from __future__ import annotations

from consent_audit.explorer.elements import targets
from consent_audit.explorer.forms import FormData
from consent_audit.explorer import refusal
from consent_audit.screen import Element, Screen

APP = [Element(text="Today", role="button", bounds=(0, 2270, 540, 130), clickable=True, covered=True),
       Element(text="Week", role="button", bounds=(540, 2270, 540, 130), clickable=True, covered=True)]
FIRST = APP + [Element(role="dialog", bounds=(40, 900, 1000, 600)),
               Element(text="Rainfall uses cookies to count readers and show ads.", bounds=(80, 950, 920, 120)),
               Element(text="Settings", role="button", bounds=(80, 1150, 920, 110), clickable=True),
               Element(text="Accept all", role="button", bounds=(80, 1290, 920, 110), clickable=True)]
SECOND = APP + [Element(role="dialog", name="Cookie settings", bounds=(40, 700, 1000, 1000))]   # as read: empty
ACCEPTED = {"local": {"rainfall-consent": '{"stats":true,"ads":true}'}}


class _InPlace:
    """An operator-like over the dialog: «Settings» swaps the first layer for the second in place (read with no
    control), «Accept all» stores consent and closes it; the back and a tap outside change nothing."""

    consent_keys: frozenset = frozenset()
    in_foreground = True

    def __init__(self) -> None:
        self.platform = self
        self.stored: dict = {}
        self.shown = self._screen(FIRST, "first")
        self.taps: list[str] = []

    @staticmethod
    def _screen(elements: list[Element], signature: str) -> Screen:
        return Screen(elements=elements, signature=signature, size=(1082, 2402), location="http://app/")

    def launch_fresh(self) -> Screen:
        self.stored, self.shown = {}, self._screen(FIRST, "first")
        return self.shown

    def stored_state(self) -> dict:
        return self.stored

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset(i for i, e in enumerate(screen.elements) if e.covered)

    def targets(self, screen: Screen | None = None) -> list:
        screen = screen or self.shown
        return targets(screen, self.covered(screen))

    def screen(self) -> Screen:
        return self.shown

    def find(self, key: str, screen: Screen | None = None):
        return next((t for t in self.targets(screen) if t.key == key), None)

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        if target.label == "Settings":
            self.shown = self._screen(SECOND, "second")
        elif target.label == "Accept all":
            self.stored = dict(ACCEPTED)
            self.shown = self._screen([Element(text="Today", role="button", bounds=(0, 2270, 540, 130),
                                               clickable=True)], "app")
        return self.shown

    def back(self) -> Screen:
        self.taps.append("back")
        return self.shown

    def tap_point(self, x: int, y: int, label: str) -> Screen:
        self.taps.append(label)
        return self.shown

    def relaunch(self) -> Screen:
        if not self.stored:
            self.shown = self._screen(FIRST, "first")
        return self.shown


def test_a_second_layer_read_with_no_control_is_no_consent_wall() -> None:
    """Before: «Settings» was a "new layer", the layer it opened gave no way out to try, «Accept all»
    consented, back and outside stayed — "every way out of the dialog (4 tried) consented or left it in
    place": a consent_wall on a dialog whose second layer holds «Reject all». A layer opened and never tried
    leaves the answer unknown (not found), never a wall."""
    app = _InPlace()
    found = refusal.check(app, app.launch_fresh, [], FormData(), {"refusal_trials": 16, "refusal_layers": 2},
                  kept=({}, ACCEPTED))
    assert found.offered is None, found.detail
    assert [t.path for t in found.trials if t.outcome == refusal.BLANK] == [["Settings"]]
    assert "Settings" in found.detail and refusal.BLANK in found.detail
