"""A control whose words carry a count that changes as the app is used (explorer/counts.py): corpus fozo's cart tab
«Kosár 1» learnt once the search had put a box in the cart, «Kosár» on a fresh install — the walk to the camera
feature behind it said its first step «not on screen» and the camera's refusal went unmeasured."""
from __future__ import annotations

from consent_audit.explorer.counts import counted_alike, without_counts
from consent_audit.explorer.elements import targets
from consent_audit.explorer.moves import Move, perform
from consent_audit.screen import Element, Screen


def _screen(*labels: str) -> Screen:
    return Screen(elements=[Element(text=w, role="button", bounds=(0, 100 * i, 200, 80), clickable=True)
                            for i, w in enumerate(labels)], signature="s", size=(412, 915))


def test_a_count_among_a_controls_words_is_left_out_of_its_key() -> None:
    assert without_counts("button|kosár #|0") == "button|kosár|0"        # keys hold '#' for each digit
    assert without_counts("button|inbox ##+|0") == "button|inbox|0"
    assert without_counts("#cart|kosár (#)|0") == "#cart|kosár|0"
    assert without_counts("button|kosár|0") == "" and without_counts("button|##|0") == ""
    assert without_counts("button|covid# info|0") == ""     # digits inside a word are its word


def test_the_control_is_found_again_with_another_count_either_way() -> None:
    fresh = targets(_screen("Menü", "Kosár", "Profil"))
    assert counted_alike(fresh, "button|kosár #|0").label == "Kosár"
    used = targets(_screen("Menü", "Kosár 2", "Profil"))
    assert counted_alike(used, "button|kosár|0").label == "Kosár 2"
    assert counted_alike(used, "button|menü|0") is None        # no count either side: find() answers that


def test_no_guess_among_several_or_for_other_words() -> None:
    both = targets(_screen("Kosár 1", "Kosár", "Tovább"))          # a count on one, none on the other
    assert counted_alike(both, "button|kosár ##|0") is None
    assert counted_alike(targets(_screen("Kosár", "Profil")), "button|kedvencek #|0") is None


class _Op:
    def __init__(self, screen: Screen) -> None:
        self.shown, self.tapped = screen, []

    def targets(self, screen: Screen | None = None):
        return targets(screen or self.shown)

    def find(self, key: str, screen: Screen | None = None):
        return next((t for t in self.targets(screen) if t.key == key), None)

    def screen(self) -> Screen:
        return self.shown

    def tap(self, target):
        self.tapped.append(target.label)
        return self.shown


def test_a_learnt_move_walks_to_the_control_with_its_new_count() -> None:
    op = _Op(_screen("Menü", "Kosár", "Profil"))
    learnt = targets(_screen("Menü", "Kosár 1", "Profil"))[1]
    perform(op, Move.tap(learnt), None)        # type: ignore[arg-type]
    assert op.tapped == ["Kosár"]
