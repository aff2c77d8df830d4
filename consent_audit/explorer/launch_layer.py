"""The candidate consent layer at launch, told by structure (issue 13, kind 1): the buttons of a shown dialog
element, else of a bar that stays put while the app scrolls (`fixed_bar`), else those left uncovered while a
layer hides the app, else those of a whole page holding nothing else — 2–3 buttons (a bar beside the usable app,
a notice, one to three: its one OK), no text field, and no words of a device feature or of a way out that is no
answer (NOT_CONSENT). Whether it is a consent dialog is decided
by what its answers store (explorer/consent_structure.py); what the launch showed is said by
explorer/launch_seen.py. What may answer a layer at launch (explorer/launch_modals.py): the controls it lies over
(`under_layer`), a non-modal dialog's controls (`open_dialog`), the controls that may lift it (`layer_controls`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..screen import Screen
from . import cues
from .elements import Target, Use, targets, visible
from .flow_notice import flow_notice
from .screens import DEVICE, DIALOG_ROLES, inside, taps

NOT_CONSENT = ("open_settings", "retry", "exit", "log_in", "sign_up")


@dataclass(frozen=True)
class Layer:
    """A candidate: the buttons of a modal layer at launch, in reading order, and the layer's texts; `options`:
    a choice's options (radios), each an answer with the layer's one button (explorer/consent_choice.py)."""

    buttons: tuple[Target, ...]
    texts: tuple[str, ...] = ()
    # by name only (a choice's options passed where held buttons go made kirja's radios "held back"):
    held: tuple[Target, ...] = field(default=(), kw_only=True)      # its buttons disabled when it was read
    options: tuple[Target, ...] = field(default=(), kw_only=True)   # a choice's options (radios)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(t.key for t in self.buttons + self.options)


PROSE_LETTERS = 20    # a bar's own words, beside its buttons, that make it a notice (a tab bar has none)
WALL = 0.75           # a fixed layer at least this share of the screen's height is a wall over the app, no bar


def wall(screen: Screen, bounds: tuple[int, int, int, int]) -> bool:
    """Whether a layer that stays put (`bounds`, device px) covers the screen's height (at least `WALL` of
    `Screen.size`): a wall over the app (a full-screen advert), not a bar beside it. False when the size is unknown."""
    return screen.size[1] > 0 and bounds[3] >= WALL * screen.size[1]


def fixed_bar(screen: Screen, buttons: list[Target],
              passed: frozenset[str] = frozenset()) -> tuple[tuple[int, int, int, int], list[Target]] | None:
    """A notice that stays put while the app scrolls and leaves it usable (a cookie bar with no role and no
    backdrop): (bounds, buttons) of the first element positioned fixed or sticky holding 2–3 of the buttons —
    or only one where it is no `wall` (a notice's one OK beside the usable app: hb-cookie-law-banner's
    «እስማማለሁ», corpus ferenj) — (not counting those it hides: a bar over the tab bar) and a sentence of its own;
    None when there is none (a tab bar or a header holds no prose; a full-screen advert and its × is a wall).
    One holding a button of `passed` (keys of a layer judged no consent dialog: that layer, or the backdrop it
    lies on) is none."""
    for element in screen.elements:
        if not element.fixed or not visible(element) \
                or any(t.key in passed and inside(t.bounds, element.bounds) for t in buttons):
            continue
        held = [t for t in buttons if inside(t.bounds, element.bounds) and not t.element.covered]
        labels = {t.element.text for t in held}
        prose = sum(ch.isalpha() for e in screen.elements if e.text and e.text not in labels
                    and not e.clickable and inside(e.bounds, element.bounds) for ch in e.text)
        fewest = 2 if wall(screen, element.bounds) else 1
        if fewest <= len(held) <= 3 and prose >= PROSE_LETTERS:
            return element.bounds, held
    return None


def hidden(screen: Screen, covered: frozenset[int]) -> frozenset[int]:
    """Of `covered` (element indexes under another element at their centre: `Element.covered`), those a layer
    hides from the user: not those the page scrolls out from under a bar beside the usable app — a control in
    the page's flow (inside no other element positioned fixed or sticky) whose centre lies under an element
    fixed or sticky, no dialog, no `wall`, on top (a control of its own uncovered): a cookie bar at the foot
    over the last product card's button (corpus ferenj), a sticky tab bar over a row. A layer is what is stacked
    over the page (a backdrop, a dialog, a full-screen wall), not a bar overlapping one of its cards: before,
    such a card made the whole page read as a layer and the bar a consent wall. A tab bar a banner docks over
    stays put under it (chaguan): its tabs are hidden."""
    if not covered:
        return covered
    tops = [e.bounds for i, e in enumerate(screen.elements) if e.clickable and i not in covered and visible(e)]
    fixed = [e for e in screen.elements if e.fixed and visible(e)]
    bars = [e for e in fixed if e.role not in DIALOG_ROLES and not wall(screen, e.bounds)
            and any(inside(top, e.bounds) for top in tops)]
    pinned = [e.bounds for e in fixed if not any(e is bar for bar in bars)]   # a backdrop, a tab bar under a bar

    def overlapped(index: int) -> bool:
        if index >= len(screen.elements):
            return False
        box = screen.elements[index].bounds
        x, y, w, h = box
        return not any(inside(box, other) for other in pinned) and any(
            b.bounds[0] <= x + w / 2 <= b.bounds[0] + b.bounds[2] and b.bounds[1] <= y + h / 2 <= b.bounds[1] + b.bounds[3]
            for b in bars)
    return frozenset(i for i in covered if not overlapped(i))


def overlaid(screen: Screen, inputs: list[Target]) -> list[tuple[int, int, int, int]]:
    """The boxes of layers laid over the page that hold none of `inputs` (a form's fields and boxes): a shown
    dialog element, or an element positioned fixed or sticky with a sentence of its own (a notice at the top; an
    action bar holding only a button has none). A control inside one is that layer's, not the form's."""
    boxes = []
    for element in screen.elements:
        if not visible(element) or not (element.fixed or element.role in DIALOG_ROLES) \
                or any(inside(t.bounds, element.bounds) for t in inputs):
            continue
        prose = sum(ch.isalpha() for e in screen.elements if e.text and not e.clickable
                    and inside(e.bounds, element.bounds) for ch in e.text)
        if element.role in DIALOG_ROLES or prose >= PROSE_LETTERS:
            boxes.append(element.bounds)
    return boxes


def _own_page(screen: Screen, buttons: list[Target]) -> bool:
    """A page with nothing but 2–3 buttons (no tab, no other control) and a sentence of its own: at launch, a
    page shown before the app (a consent-or-pay page), a candidate like a modal layer."""
    labels = {t.element.text for t in buttons}
    prose = sum(ch.isalpha() for e in screen.elements if e.text and e.text not in labels and not e.clickable
                and visible(e) for ch in e.text)
    return 2 <= len(buttons) <= 3 and prose >= PROSE_LETTERS and not any(
        t.element.role in ("tab", "menuitem") for t in buttons)


Box = tuple[int, int, int, int]


class Area(NamedTuple):
    """Where a candidate lies: every tap and radio option in it, enabled or not (`controls`), its texts, the
    text fields in it, and the keys of every control in it, switches and boxes too (`keys`)."""

    controls: list[Target]
    texts: list[str]
    fields: list[Target]
    keys: frozenset[str] = frozenset()
    notice: bool = False     # a bar beside the usable app (`fixed_bar`, no wall): one answer is enough


def area(screen: Screen, found: list[Target], covered: frozenset[int],
         passed: frozenset[str] = frozenset()) -> Area | None:
    """Where the candidate lies (`Area`), or None when there is no candidate: a shown dialog element, else a
    bar that stays put (before what is covered: a bar lying over a card's button is the bar, not a layer hiding
    the page — `notice` when it is no wall), else — with no layer at all — a notice in the page's flow at the top
    or foot of the document (`flow_notice`, a `notice` too), else — while a layer hides the app — what is left
    uncovered, else a page holding nothing else. A control or a text another layer draws over (its centre hit-tested at the capture:
    `Element.covered`) is in none. `passed`: keys of a layer already judged no consent dialog — a dialog
    holding one of them is no place, nor a bar, and nothing beyond a dialog or a bar is looked at then (the
    whole screen would be that layer again)."""
    uncovered = [t for t in found if not t.element.covered]
    dialogs = [e.bounds for e in screen.elements if e.role in DIALOG_ROLES and visible(e)
               and not any(t.key in passed and inside(t.bounds, e.bounds) for t in found)]
    bar = None if dialogs else fixed_bar(screen, taps(uncovered), passed)
    # no layer at all: a notice in the page's flow, a band at the top or foot of the document (explorer/flow_notice.py)
    flow = None if dialogs or bar is not None or hidden(screen, covered) else flow_notice(screen, taps(uncovered), passed)
    boxes: list[Box] | None
    if dialogs:
        boxes = dialogs
    elif bar is not None:     # before what is covered: a bar over the tab bar
        boxes = [bar[0]]
    elif flow is not None:
        boxes = [flow[0]]
    elif passed:
        return None
    elif hidden(screen, covered) or _own_page(screen, taps(found)):
        boxes = None          # the whole screen left uncovered
    else:
        return None

    def within(bounds: Box, index: int = -1) -> bool:
        return any(inside(bounds, b) for b in boxes) if boxes is not None else index not in covered

    # a text another layer lies over is not this one's (a cookie banner's sentence under an app's own sheet: the
    # banner's dialog box is listed, its words are not the sheet's)
    texts = [e.text for i, e in enumerate(screen.elements) if e.text and within(e.bounds, i)
             and not e.covered and i not in covered]
    return Area([t for t in uncovered if t.use in (Use.TAP, Use.CHOOSE) and within(t.bounds)], texts,
                [t for t in uncovered if t.use == Use.TEXT and within(t.bounds)],
                frozenset(t.key for t in uncovered if within(t.bounds)),
                notice=not dialogs and (flow is not None or bar is not None and not wall(screen, bar[0])))


def layer(screen: Screen, found: list[Target], covered: frozenset[int]) -> Layer | None:
    """The candidate modal layer on this screen (None when there is none): the buttons inside a shown dialog
    element, else those of a bar that stays put, else — while a layer hides the app (`covered`: element
    indexes) — every button left uncovered, else every button of a page that holds nothing else (`_own_page`).
    A control another layer draws over (a tab bar under a bottom sheet) is none of its buttons; a text field in
    the layer makes it none (a form), one on the page beside a layer that leaves the page usable does not. A
    button disabled at launch (a refusal with a countdown) is `held` back, counted among its 2–3 answers."""
    return judged(screen, found, covered)[0]


def judged(screen: Screen, found: list[Target], covered: frozenset[int],
           passed: frozenset[str] = frozenset()) -> tuple[Layer | None, str]:
    """(the candidate layer or None, why it is none: "" when there is a candidate or no place for one, else
    the one condition that failed, in words: "it holds a text field ('E-mail')", "it holds 4 buttons, not 2–3",
    "its words name a device feature", "its button 'Log in' reads as a log-in, a sign-up, a retry, a way out
    of the app or the system settings"). `passed`: as `area`'s."""
    where = area(screen, found, covered, passed) if screen.in_app else None
    if where is None:
        return None, ""
    inside_taps, texts, fields = taps(where.controls), where.texts, where.fields
    buttons = [t for t in inside_taps if t.element.enabled]
    held = [t for t in inside_taps if not t.element.enabled]
    if fields:
        return None, f"it holds a text field ('{fields[0].label[:30]}'): a form, not a choice"
    fewest = 1 if where.notice else 2      # a notice beside the usable app: its one OK is an answer
    if not (fewest <= len(buttons) <= 3 or (held and buttons and 2 <= len(buttons) + len(held) <= 3)):
        extra = f" and {len(held)} disabled" if held else ""
        return None, f"it holds {len(buttons)} enabled button(s){extra}, not {fewest}–3 answers"
    if any(cues.has(t, *DEVICE) for t in texts):
        return None, "its words name a device feature (a permission request's pre-prompt, not consent)"
    # a paid way out ("Subscribe without ads, 14.90 a month": consent or pay) is no log-in, whatever its words
    away = [b for b in buttons if cues.has(b.label, *NOT_CONSENT) and not cues.has(b.label, "purchase")]
    if away:
        return None, (f"its button '{away[0].label[:30]}' reads as a log-in, a sign-up, a retry, a way out of the "
                      "app or the system settings")
    return Layer(tuple(buttons), tuple(texts), held=tuple(held)), ""


def under_layer(screen: Screen, covered: frozenset[int]) -> set[str]:
    """Keys of the app's controls a layer lies over now (in the page, not reachable by hit testing; one a bar
    beside the usable app overlaps is under no layer: `hidden`)."""
    return {t.key for t in targets(screen)} - {t.key for t in targets(screen, hidden(screen, covered))}


def open_dialog(screen: Screen, found: list[Target]) -> list[Target]:
    """The controls of a dialog that covers nothing (a non-modal `role=dialog` sheet or bar beside the app):
    the taps inside the first open dialog element (screens.DIALOG_ROLES) holding 1–4 of them and no field; []
    when there is none."""
    for dialog in (e for e in screen.elements if e.role in DIALOG_ROLES and e.bounds[2] and e.bounds[3]):
        x, y, w, h = dialog.bounds
        inside = [t for t in found if x <= t.bounds[0] + t.bounds[2] / 2 <= x + w
                  and y <= t.bounds[1] + t.bounds[3] / 2 <= y + h]
        buttons = taps(inside)
        if 1 <= len(buttons) <= 4 and len(buttons) == len(inside):
            return buttons
    return []


def layer_controls(found: list[Target], under: list[Target], avoid: frozenset[str]) -> list[Target]:
    """The controls that may answer a layer lying over `under` (the app's covered controls): enabled taps whose
    words leave, log out, delete, pay or save nothing (`avoid`, lexicon categories), those over the covered
    controls' area first, then the larger first (a dialog's primary button before its text link)."""
    boxes = [t.bounds for t in under]
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, bottom = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)

    def over(t: Target) -> bool:
        x, y, w, h = t.bounds
        return x < right and x + w > left and y < bottom and y + h > top

    fitting = [t for t in taps(found) if t.element.enabled and not cues.categories(t.label) & avoid]
    return sorted(fitting, key=lambda t: (not over(t), -t.bounds[2] * t.bounds[3]))
