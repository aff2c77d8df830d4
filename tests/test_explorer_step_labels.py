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


def test_an_initial_or_a_count_on_a_named_control_gives_way_to_its_name_so_the_key_holds_for_every_user() -> None:
    """feira: the avatar button «T» (the signed-in user's initial), aria-label «Menu da conta» — its label, and so
    its key and the account path «T › Conta», changed with the user and the state (before). A count badge too."""
    def key(element: Element) -> str:
        return targets(Screen(elements=[element], signature="s", size=(400, 800)))[0].key
    avatar = Element(text="T", name="Menu da conta", role="button", bounds=(340, 10, 40, 40), clickable=True)
    other = Element(text="M", name="Menu da conta", role="button", bounds=(340, 10, 40, 40), clickable=True)
    bell = Element(text="3", name="Notificações", role="button", bounds=(290, 10, 40, 40), clickable=True)
    assert labels(avatar, bell) == ["Menu da conta", "Notificações"]
    assert key(avatar) == key(other)
    # a word of two letters stays as seen (a consent dialog's «OK» is what it says)
    ok = Element(text="OK", name="Accept cookies and close", role="button", bounds=(10, 60, 80, 40), clickable=True)
    assert labels(ok) == ["OK"]
