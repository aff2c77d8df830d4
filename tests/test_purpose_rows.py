"""A purpose shown as always on with no control (gdpr-cookie-notice's row «Laging naka-on» / «Luôn bật», corpus
gcn-dark, gcn-fair: a title and a state in words where the other rows have a tick) is a mandatory purpose,
counted by the layout. Before: only a ticked and disabled box counted; the row gave 0 (truth: 1)."""
from __future__ import annotations

from consent_audit.measures import mandatory
from consent_audit.purpose_rows import unswitched
from consent_audit.recorder import Trail
from consent_audit.screen import Element, Screen


def _row(title: str, y: int, state: Element | None) -> list[Element]:
    row = [Element(text=title, bounds=(16, y, 140, 15), clickable=True),
           Element(text=f"What {title.lower()} is for, in one line.", bounds=(16, y + 27, 320, 16))]
    return row + ([state] if state is not None else [])


def _box(y: int, **kw) -> Element:
    return Element(role="checkbox", bounds=(160, y + 1, 13, 13), clickable=True, checked=True, **kw)


def _layer(first: Element | None) -> Screen:
    elements = [Element(text="Mga setting ng cookie", bounds=(16, 10, 220, 24)),
                Element(role="button", bounds=(350, 10, 24, 24), clickable=True)]
    if first is not None:
        elements += _row("Mahahalagang cookies", 60, first)
    for i, title in enumerate(("Cookies sa pagganap", "Cookies sa analytics", "Cookies sa marketing")):
        y = 120 + 60 * i
        elements += _row(title, y, _box(y)) + [Element(bounds=(346, y - 4, 24, 24), clickable=True)]
    elements += [Element(text="Patakaran sa cookies", role="link", bounds=(16, 420, 150, 15), clickable=True),
                 Element(text="I-save ang mga setting", role="link", bounds=(200, 410, 170, 40), clickable=True)]
    return Screen(elements=elements, signature="layer", size=(390, 844))


def test_a_row_saying_always_on_where_the_others_have_a_tick_is_a_mandatory_purpose() -> None:
    said = _layer(Element(text="Laging naka-on", bounds=(280, 60, 94, 15), clickable=True))
    assert unswitched(said) == 1
    assert mandatory(Trail("reject", start=said)) == 1
    assert unswitched(_layer(None)) == 0                      # no such row: descriptions and the heading are none
    locked = _layer(_box(60, enabled=False))
    assert unswitched(locked) == 0 and mandatory(Trail("reject", start=locked)) == 1   # counted once, as a box
    assert unswitched(Screen(elements=said.elements[:5], signature="no boxes")) == 0


def test_two_links_on_a_row_are_no_purpose_and_its_state() -> None:
    """The PIE banner's settings layer (fiets-en, fresh11 finding 7): its intro's two links «Cookie Statement»
    «Cookie technology list», each a web component's host (its words, no role) over the shadow <a> that draws
    it (role link, the same box), aligned with the purposes' titles. Before: read as a title and its state in
    words, one purpose always on with no control — mandatory 2 where the locked switch is the only one (truth 1)."""
    intro = [Element(text="Cookie Statement", bounds=(16, 60, 140, 15)),
             Element(role="link", bounds=(16, 60, 140, 15), clickable=True),
             Element(text="Cookie technology list", bounds=(200, 60, 170, 15)),
             Element(role="link", bounds=(200, 60, 170, 15), clickable=True)]
    layer = _layer(None)
    shown = Screen(elements=layer.elements[:2] + intro + layer.elements[2:], signature="intro", size=(390, 844))
    assert unswitched(shown) == 0
