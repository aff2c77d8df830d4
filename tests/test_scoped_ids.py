"""Web ids inside shadow roots (platforms/web/scoped_ids.py): an id is unique only within its own tree, so the DOM
snapshot writes it with the shadow hosts it lies under (`#c-accept >>> #button`, corpus lauks: Material Web's
inner <button id="button"> in every component). What the explorer and the evidence make of such an id."""
from __future__ import annotations

from consent_audit.explorer.elements import key_of, label_of, targets
from consent_audit.explorer.moves import Move
from consent_audit.screen import Element, Screen

ACCEPT = Element(text="Pieņemt visu", rid="#c-accept >>> #button", role="button", clickable=True, bounds=(200, 600, 160, 48))
SETTINGS = Element(text="Iestatījumi", rid="#c-settings >>> #button", role="button", clickable=True,
                   bounds=(20, 600, 160, 48))
CLOSE = Element(rid="#sheet >>> #close-btn", role="button", clickable=True, bounds=(340, 20, 48, 48))


def test_two_components_inner_ids_are_two_keys_on_any_screen_and_locators_a_page_object_can_use() -> None:
    """The same inner id under two hosts: each control keyed apart even on a screen holding it alone (a dialog's
    layer), its locator the deep selector through its host (before: `#button` for both, a CSS id no document
    holds), its own id what the app's code names (a page object's `find("button")` still finds one)."""
    alone = [key_of(Screen(elements=[e], signature="layer"), e) for e in (ACCEPT, SETTINGS)]
    assert alone[0] != alone[1], alone
    both = Screen(elements=[ACCEPT, SETTINGS], signature="s", size=(400, 800))
    assert len({t.key for t in targets(both)}) == 2
    assert Move.tap(targets(both)[0]).locator() == "#c-accept >>> #button"
    assert ACCEPT.own_id == "button" and Element(rid="c-accept").own_id == "c-accept"
    assert both.find("#c-settings >>> #button") is SETTINGS and both.find("button") is ACCEPT


def test_a_wordless_controls_id_words_are_its_own_ids_not_its_hosts() -> None:
    """A control with no words and no name inside a shadow root is called by its own id's words, as before the
    path was written (`close btn`, not `#sheet >>> #close btn`)."""
    assert label_of(Screen(elements=[CLOSE], signature="s", size=(400, 800)), CLOSE) == "close btn"


def test_a_scoped_id_is_its_targets_key_as_written() -> None:
    """The key of a control with a scoped id is the selector itself: trails and logs showed `##c-accept >>> #button`
    (the id prefix added to a selector that has its own), a new user's trip (fresh17, stop 36)."""
    from consent_audit.explorer.elements import targets
    from consent_audit.screen import Element, Screen
    accept = Element(text="Pieņemt visus", role="button", rid="#c-accept >>> #button", clickable=True,
                     bounds=(20, 500, 200, 540))
    row = dict(role="button", rid="md-list-item >>> #item", clickable=True)
    rows = [Element(text=t, bounds=(20, 100 + 50 * n, 300, 140 + 50 * n), **row) for n, t in enumerate(("Konts", "Konts"))]
    keys = [t.key for t in targets(Screen(elements=[accept, *rows], signature="s"))]
    assert keys == ["#c-accept >>> #button", "#md-list-item >>> #item|konts|0", "#md-list-item >>> #item|konts|1"]
