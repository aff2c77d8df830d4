"""The rows of a collection (explorer/collections_rows.py): a list whose rows, alike in shape and told apart only by
their words, each open a screen of one structure. Corpus sakala: seven docking-station rows on the home and seven
on the nearest-stations page, each tapped and walked back from by the deny-permissions search, where two of each
told what they all open. A list whose rows open screens of different structures (a settings list) is no
collection: each row is still tried — and a feature behind one of them is found."""
from __future__ import annotations

from test_explorer_beyond_core import CONFIG, Op
from test_explorer_used_alike import Kinds

from consent_audit.explorer import beyond_core
from consent_audit.explorer.collections_rows import Collections, shape_of
from consent_audit.explorer.config import Budget
from consent_audit.explorer.elements import targets
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.operator import Spend
from consent_audit.screen import Element, Screen


class Rows(Kinds):
    """Kinds whose controls are drawn as their screen draws them: a row of the list (its label a place) full
    width, anything else a narrower button."""

    def screen(self) -> Screen:
        screen = super().screen()
        drawn = [Element(text=e.text, clickable=e.clickable, role=e.role, name=e.name,
                         bounds=(0, e.bounds[1], 1000 if e.text.startswith("Dock ") else 400, e.bounds[3]))
                 for e in screen.elements]
        return Screen(elements=drawn, signature=screen.signature, size=screen.size, prompts=screen.prompts)


DOCKS = [f"Dock {name}" for name in ("Harbour", "Old Town", "Market", "Station", "Park", "Museum", "Bridge")]
APP = {
    "home": [*[(dock, f"dock:{dock}") for dock in DOCKS], ("Settings", "settings")],
    **{f"dock:{dock}": [("Reserve a bike", f"dock:{dock}"), ("‹ Map", "home")] for dock in DOCKS},
    # a settings list: rows alike in shape, each opening a screen of its own structure
    "settings": [("Dock Privacy", "privacy"), ("Dock Payments", "payments"), ("Dock Language", "language"),
                 ("‹ Map", "home")],
    "privacy": [("Allow location", "ask:geolocation"), ("‹ Settings", "settings")],
    "payments": [("Add a card", "payments"), ("‹ Settings", "settings")],
    "language": [("Eesti", "language"), ("‹ Settings", "settings")],
}


def test_two_rows_opening_screens_of_one_structure_tell_the_others_done() -> None:
    app = Rows(APP)
    spend = Spend(Budget(120, 60))
    found = beyond_core.search(Op(app, spend), {**CONFIG.search, "permission_depth": 3},
                               CONFIG.weights("deny-permissions"), spend, FormData(username="u", password="p"))
    opened = [tap for tap in app.taps if tap in DOCKS]
    assert len(opened) == 2, app.taps                  # two docks tell what the seven open
    assert "geolocation" in found.features            # the settings rows are each tried: no collection
    assert {"Dock Privacy", "Dock Payments", "Dock Language"} <= set(app.taps), app.taps
    assert found.unsearched == [], found.unsearched


def _found(labels: list[str], width: int = 1000) -> list:
    elements = [Element(text=label, clickable=True, bounds=(0, 100 * i, width, 90)) for i, label in enumerate(labels)]
    return targets(Screen(elements=elements, signature="list", size=(1080, 2400)))


def test_what_tells_a_collection() -> None:
    found = _found(["Harbour", "Old Town", "Market", "Park"])
    keys = [t.key for t in found]
    rows = Collections()
    assert rows.note("list", found, keys[0], "dock") == []
    assert rows.note("list", found, keys[1], "dock") == keys[2:]          # two alike: the rest done
    assert rows.done("list", shape_of(found[3].element))
    other = Collections()                                                  # two structures: no collection
    assert other.note("list", found, keys[0], "privacy") == [] and other.note("list", found, keys[1], "language") == []
    assert not other.done("list", shape_of(found[3].element))
    stays = Collections()                                                  # a row opening nothing breaks it
    assert stays.note("list", found, keys[0], None) == [] and stays.note("list", found, keys[1], "dock") == []
    assert stays.note("list", found, keys[2], "dock") == []
    two = _found(["Harbour", "Old Town"])                                  # two rows are no list
    few = Collections()
    assert few.note("list", two, two[0].key, "dock") == [] and few.note("list", two, two[1].key, "dock") == []
