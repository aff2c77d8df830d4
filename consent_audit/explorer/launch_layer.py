"""The candidate consent layer at launch, told by structure (issue 13, kind 1): the buttons of a shown dialog
element, else of a bar that stays put while the app scrolls (`fixed_bar`), else those left uncovered while a
layer hides the app, else those of a whole page holding nothing else — 2–3 buttons, no text field, and no words
of a device feature or of a way out that is no answer (NOT_CONSENT). Whether it is a consent dialog is decided
by what its answers store (explorer/consent_structure.py); what the launch showed is said by
explorer/launch_seen.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..screen import Screen
from . import cues
from .elements import Target, Use, visible
from .screens import DEVICE, DIALOG_ROLES, inside, taps

NOT_CONSENT = ("open_settings", "retry", "exit", "log_in", "sign_up")


@dataclass(frozen=True)
class Layer:
    """A candidate: the buttons of a modal layer at launch, in reading order, and the layer's texts; `options`:
    a choice's options (radios), each an answer with the layer's one button (explorer/consent_choice.py)."""

    buttons: tuple[Target, ...]
    texts: tuple[str, ...] = ()
    options: tuple[Target, ...] = ()

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(t.key for t in self.buttons + self.options)


PROSE_LETTERS = 20    # a bar's own words, beside its buttons, that make it a notice (a tab bar has none)


def fixed_bar(screen: Screen, buttons: list[Target]) -> tuple[tuple[int, int, int, int], list[Target]] | None:
    """A notice that stays put while the app scrolls and leaves it usable (a cookie bar with no role and no
    backdrop): (bounds, buttons) of the first element positioned fixed or sticky holding 2–3 of the buttons
    (not counting those it hides: a bar over the tab bar) and a sentence of its own; None when there is none (a
    tab bar or a header holds no prose)."""
    for element in screen.elements:
        if not element.fixed or not visible(element):
            continue
        held = [t for t in buttons if inside(t.bounds, element.bounds) and not t.element.covered]
        labels = {t.element.text for t in held}
        prose = sum(ch.isalpha() for e in screen.elements if e.text and e.text not in labels
                    and not e.clickable and inside(e.bounds, element.bounds) for ch in e.text)
        if 2 <= len(held) <= 3 and prose >= PROSE_LETTERS:
            return element.bounds, held
    return None


def _own_page(screen: Screen, buttons: list[Target]) -> bool:
    """A page with nothing but 2–3 buttons (no tab, no other control) and a sentence of its own: at launch, a
    page shown before the app (a consent-or-pay page), a candidate like a modal layer."""
    labels = {t.element.text for t in buttons}
    prose = sum(ch.isalpha() for e in screen.elements if e.text and e.text not in labels and not e.clickable
                and visible(e) for ch in e.text)
    return 2 <= len(buttons) <= 3 and prose >= PROSE_LETTERS and not any(
        t.element.role in ("tab", "menuitem") for t in buttons)


def layer(screen: Screen, found: list[Target], covered: frozenset[int]) -> Layer | None:
    """The candidate modal layer on this screen (None when there is none): the buttons inside a shown dialog
    element, else those of a bar that stays put, else — while a layer hides the app (`covered`: element
    indexes) — every button left uncovered, else every button of a page that holds nothing else (`_own_page`)."""
    if not screen.in_app or any(t.use == Use.TEXT for t in found):
        return None
    boxes = [e.bounds for e in screen.elements if e.role in DIALOG_ROLES and visible(e)]
    buttons = [t for t in taps(found) if t.element.enabled]
    if boxes:
        buttons = [t for t in buttons if any(inside(t.bounds, b) for b in boxes)]
        texts = [e.text for e in screen.elements if e.text and any(inside(e.bounds, b) for b in boxes)]
    elif (bar := fixed_bar(screen, buttons)) is not None:     # before what is covered: a bar over the tab bar
        box, buttons = bar
        texts = [e.text for e in screen.elements if e.text and inside(e.bounds, box)]
    elif covered:
        texts = [e.text for i, e in enumerate(screen.elements) if e.text and i not in covered]
    elif _own_page(screen, taps(found)):
        texts = [e.text for e in screen.elements if e.text]
    else:
        return None
    if not 2 <= len(buttons) <= 3:
        return None
    # a paid way out ("Subscribe without ads, 14.90 a month": consent or pay) is no log-in, whatever its words
    if any(cues.has(t, *DEVICE) for t in texts) or any(cues.has(b.label, *NOT_CONSENT)
                                                       and not cues.has(b.label, "purchase") for b in buttons):
        return None
    return Layer(tuple(buttons), tuple(texts))
