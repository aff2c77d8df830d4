"""The core screen as a refused permission leaves it at launch (explorer/reduced_core.py; corpus ritmo: the
nearest-gym card and its «Ver horário» replaced by a plain list, read as blocked — a false forced_permission):
a strict subset of the core's controls, two thirds of them at least, nothing new, no decision. A wall puts its own
control where the app's were; another tab marked current is another screen."""
from __future__ import annotations

from consent_audit.explorer.elements import targets
from consent_audit.explorer.permissions import Core
from consent_audit.explorer.reduced_core import reduced
from consent_audit.screen import Element, Screen


def _screen(labels: list[str], signature: str, current: str | None = None) -> Screen:
    elements = [Element(text="Crumb", bounds=(10, 10, 300, 30))]
    elements += [Element(text=label, role="button", bounds=(10, 100 + 60 * i, 300, 40), clickable=True,
                         selected=label == current) for i, label in enumerate(labels)]
    return Screen(elements=elements, signature=signature, size=(400, 800))


GRANTED = _screen(["See opening hours", "Home", "Order", "Account"], "granted")
CORE = Core.of(GRANTED, targets(GRANTED))


def _reduced(screen: Screen, core: Core = CORE) -> bool:
    return reduced(core, screen, targets(screen))


def test_the_launch_screen_with_what_the_permission_gave_taken_away_is_the_core_screen() -> None:
    refused = _screen(["Home", "Order", "Account"], "refused")
    assert not CORE.matches(refused, targets(refused))     # 3 of 4 labels: below the 80 % of another structure
    assert _reduced(refused)


def test_a_wall_a_fragment_or_the_same_screen_is_no_reduced_core() -> None:
    assert not _reduced(_screen(["Home", "Order", "Account", "Turn on location"], "wall"))   # its own control
    assert not _reduced(_screen(["Home"], "bare"))                    # one control of four: not the app
    assert not _reduced(_screen(["See opening hours", "Home", "Order", "Account"], "same"))  # not taken away
    tabbed = _screen(["See opening hours", "Home", "Order", "Account"], "granted", current="Home")
    core = Core.of(tabbed, targets(tabbed))
    assert not _reduced(_screen(["Home", "Order", "Account"], "orders", current="Order"), core)   # another tab
    assert _reduced(_screen(["Home", "Order", "Account"], "refused", current="Home"), core)
