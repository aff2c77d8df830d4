"""Where the consent choices are measured (consent_audit/choices_view.py), without a browser: a bar in the page's
flow below the fold (corpus rasa) is not on the dialog's first capture — before, prominence raised there ("bounds
lie entirely outside the image") and the consent flow ended broken; the capture the accept journey took after
scrolling to it is measured instead. An overlay in view is measured on the dialog as before."""
from __future__ import annotations

import cv2
import numpy as np
from consent_audit.choices_view import drawn_choices
from consent_audit.errors import AutomationError
from consent_audit.model import Kind, Step, Trail
from consent_audit.screen import Element, Screen


def png(width: int, height: int) -> bytes:
    return cv2.imencode(".png", np.full((height, width, 3), 255, np.uint8))[1].tobytes()


def page(top: int) -> Screen:
    """The home page scrolled so that the bar's top is at `top` (a 390x844 window)."""
    return Screen(elements=[Element(text="Terima", rid="terima", role="button", bounds=(0, top, 195, 50)),
                            Element(text="Tolak", rid="tolak", role="button", bounds=(195, top, 195, 50))],
                  signature=f"home{top}", screenshot=png(390, 844), size=(390, 844))


def elements(screen: Screen) -> tuple[Element, Element]:
    accept, reject = screen.find("terima"), screen.find("tolak")
    if accept is None or reject is None:
        raise AutomationError("not on the screen")
    return accept, reject


def trail(*screens: Screen) -> Trail:
    return Trail("accept", start=screens[0], steps=[Step(index=i + 1, kind=Kind.TAP, title="", target={}, at="",
                                                          seconds=0.0, screen=s) for i, s in enumerate(screens)])


def test_choices_below_the_fold_are_measured_where_the_journey_scrolled_to_them() -> None:
    below, scrolled, home = page(1900), page(700), Screen(elements=[], signature="after", screenshot=png(390, 844))
    drawn = drawn_choices(below, elements(below), trail(scrolled, home), elements)
    assert drawn is not None and drawn[0] is scrolled and drawn[1].bounds == (0, 700, 195, 50)


def test_choices_in_view_are_measured_on_the_dialog_and_never_seen_whole_unmeasured() -> None:
    dialog = page(600)
    assert drawn_choices(dialog, elements(dialog), trail(page(100)), elements)[0] is dialog
    assert drawn_choices(page(1900), elements(page(1900)), trail(page(1900), page(1900)), elements) is None
    bare = Screen(elements=page(600).elements, signature="s")      # no screenshot: unmeasured
    assert drawn_choices(bare, elements(bare), trail(page(600)), elements) is None
    # the elements found on the dialog before the journeys are the ones measured there (a page object may name
    # another control once its journeys ran: the reference app's «Manage» after its reject walked through it)
    other = (Element(text="Manage", bounds=(0, 650, 100, 40)), Element(text="x", bounds=(100, 650, 100, 40)))
    assert drawn_choices(dialog, other, trail(page(100)), elements)[1:] == other
