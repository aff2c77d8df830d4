"""The words a recorded step names its control by: an icon glyph carries its accessible name beside it."""
from __future__ import annotations

from consent_audit.explorer.elements import step_label, targets
from consent_audit.screen import Element, Screen


def labels(*elements: Element) -> list[str]:
    screen = Screen(elements=list(elements), signature="s", size=(400, 800))
    return [step_label(t) for t in targets(screen)]


def test_an_icon_glyph_is_named_by_its_accessible_name_beside_what_was_seen() -> None:
    menu = Element(text="☰", name="Menu", role="button", bounds=(10, 10, 40, 40), clickable=True)
    close = Element(text="×", name="Zamknij", role="button", bounds=(60, 10, 40, 40), clickable=True)
    assert labels(menu, close) == ["☰ (Menu)", "× (Zamknij)"]


def test_words_stay_as_seen_and_a_glyph_without_a_name_stays_a_glyph() -> None:
    words = Element(text="Usuń konto", name="Delete the account", role="button", bounds=(10, 10, 200, 40),
                    clickable=True)
    bare = Element(text="›", role="button", bounds=(10, 60, 40, 40), clickable=True)
    assert labels(words, bare) == ["Usuń konto", "›"]
