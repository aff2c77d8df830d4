"""Actionable elements of a screen: what can be tapped, ticked or typed into, how it is named and found again.

Platform-neutral: works on the Screen model alone (DOM or UiAutomator2). An element is found again on a
later screen by its key: its id when it has one, else its role, its label (digits masked) and its rank
among alike elements, so plain `div`s without ids or roles are found again too.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum

from ..radio_purposes import radio_purposes
from ..screen import Element, Screen
from .cues import norm_label
from .grips import grip
from .sideways import fits_across
from .wrapping import CONTROL_ROLES, contains, holds, stands_for

TOGGLE_ROLES = {"checkbox", "switch"}


class Use(str, Enum):
    TAP = "tap"
    TOGGLE = "toggle"
    TEXT = "text"
    CHOOSE = "choose"     # a radio option: a tap, as the recorder counts it
    SELECT = "select"     # a drop-down (<select>, Spinner): choosing in it is one tap; `checked` = a real option chosen


@dataclass(frozen=True)
class Target:
    """One thing the user can act on, on one screen."""

    element: Element
    key: str
    label: str
    use: Use

    @property
    def bounds(self) -> tuple[int, int, int, int]:
        return self.element.bounds


def switch_rows(found: list["Target"]) -> set[str]:
    """Keys of the controls that say a switch's words on its screen — the row around it, or its `<label>` beside
    it: the switch is the control, they are not used beside it (corpus begimas: «Balso treneris» tapped as a row,
    then toggled — two actions for one setting; corpus voznja: «Obavijesti o vožnjama», the label, tapped and its
    switch left untried, "not searched"; its deletion search tapped it as a way on: a setting toggled, two taps
    to walk back in)."""
    said = {t.label for t in found if t.element.role == "switch" and t.label}
    return {t.key for t in found if t.use == Use.TAP and t.label in said}


def purpose_row(target: "Target", found: list["Target"]) -> bool:
    """Whether a control to tap is the row of a purpose's switch or box among `found` (its caption beside it, the
    row toggling it: «會員行為分析» over its switch), or the caption naming one (`names`) — that purpose, not an
    answer or a way out of its layer."""
    return target.use != Use.TOGGLE and any(holds(target.element, t.element) or names(target, t)
                                            for t in found if t.use == Use.TOGGLE)


def names(caption: "Target", box: "Target") -> bool:
    """Whether `caption`, a text with no control role (a `<label for>`, a purpose's title), is what names the
    switch or box `box`: the box's accessible name is the caption's text, or begins with it (the label holding
    the title and a state word: «Статистика посещений» of «Статистика посещений включено»)."""
    if caption.element.role in CONTROL_ROLES | {"button", "link"} or not caption.label.strip():
        return False
    text, name = (" ".join(t.label.casefold().split()) for t in (caption, box))
    return name == text or name.startswith(text + " ")


def purpose_targets(found: list["Target"]) -> list["Target"]:
    """Each purpose's control among `found`: its switches and tick boxes, and for a purpose drawn as a group of
    radios (radio_purposes) its consenting option — `checked`: consenting; tapped: consents."""
    consenting = {id(p.consenting) for p in radio_purposes([t.element for t in found])}
    return [t for t in found if t.use == Use.TOGGLE or id(t.element) in consenting]


def refusing_options(found: list["Target"]) -> list["Target"]:
    """The refusing option of each radio purpose among `found` whose consenting option is selected and that the
    user can refuse: what a refusing user chooses, one tap each (as unticking a box)."""
    refusing = {id(p.refusing) for p in radio_purposes([t.element for t in found]) if p.preticked and p.enabled}
    return [t for t in found if id(t.element) in refusing]


def visible(element: Element) -> bool:
    _, _, w, h = element.bounds
    return w > 0 and h > 0


def nearby_text(screen: Screen, element: Element) -> str:
    """The text a user reads as a control's label when the markup names none: for a tick box or radio the
    text on its row (right of it first), for a text field the text just above it (else left of it)."""
    beside = nearby_element(screen, element)
    return beside.text if beside is not None else ""


def nearby_element(screen: Screen, element: Element) -> Element | None:
    """The element whose text `nearby_text` reads (None when there is none)."""
    x, y, w, h = element.bounds
    middle = y + h / 2
    texts = [e for e in screen.elements if e.text and e is not element and not contains(e, element)
             and e.role not in CONTROL_ROLES and visible(e)]
    row = [e for e in texts if e.bounds[1] <= middle <= e.bounds[1] + e.bounds[3]]
    right = [e for e in row if e.bounds[0] >= x + w - 2]
    left = [e for e in row if e.bounds[0] + e.bounds[2] <= x + 2]
    above = [e for e in texts if e.bounds[1] + e.bounds[3] <= y + 2 and y - (e.bounds[1] + e.bounds[3]) < 3 * max(h, 40)
             and e.bounds[0] < x + w and e.bounds[0] + e.bounds[2] > x]
    if element.role != "textbox":
        if right:
            return min(right, key=lambda e: e.bounds[0])
        if left:
            return max(left, key=lambda e: e.bounds[0])
    if above:
        return max(above, key=lambda e: e.bounds[1])
    return max(left, key=lambda e: e.bounds[0]) if left else None


def label_of(screen: Screen, element: Element) -> str:
    """What the user reads on or beside the element (whitespace collapsed); for a named control whose text is
    one letter or a count (`_no_words`), its accessible name — the label, and so the key, stays the same for every
    user and state (WAI-ARIA accname: aria-label names a button before its content)."""
    if element.role == "combobox":      # its text is the option shown (changes once chosen): named by its label
        text = element.name or nearby_text(screen, element) or element.text or _rid_words(element.own_id)
    elif element.role in CONTROL_ROLES:
        text = element.name or element.text or nearby_text(screen, element) or _rid_words(element.own_id)
    elif element.name and _no_words(element.text):
        text = element.name         # an avatar's initial «T», a badge's count «3»: the control is what it is named
    else:
        text = element.text or element.name or _rid_words(element.own_id)
    return " ".join(text.split())


def _no_words(text: str) -> bool:
    """Whether a control's visible text is a value rather than words: one letter (an avatar's initial, which
    differs per user and per state — «?» signed out, «T» signed in) or digits only (a badge's count)."""
    shown = text.strip()
    return (len(shown) == 1 and shown.isalpha()) or shown.isdigit()


def step_label(target: Target) -> str:
    """The words a recorded step names its control by (at most 60 characters): the target's label, and for a
    control drawn as an icon glyph only (☰, ×, ⋮, ›: no letter or digit of any script) its accessible name beside
    it — 'Tap "☰ (Menu)"' — so the evidence says what the icon was to a screen reader as well as what was seen."""
    label, name = target.label, " ".join(target.element.name.split())
    if name and name != label and not any(ch.isalnum() for ch in label):
        return f"{label} ({name})"[:60]
    return label[:60]


def _rid_words(rid: str) -> str:
    short = rid.split("/", 1)[-1]
    return short.replace("-", " ").replace("_", " ")


def key_of(screen: Screen, element: Element) -> str:
    """A name for the element that holds on a later screen of the same structure."""
    for target in targets(screen):
        if target.element is element:
            return target.key
    return "#" + element.rid if element.rid else f"{element.role}|{norm_label(label_of(screen, element))}|0"


def use_of(element: Element) -> Use:
    if element.role in TOGGLE_ROLES:
        return Use.TOGGLE
    if element.role == "radio":
        return Use.CHOOSE
    if element.role == "textbox":
        return Use.TEXT
    if element.role == "combobox":
        return Use.SELECT
    return Use.TAP


def targets(screen: Screen, covered: frozenset[int] = frozenset()) -> list[Target]:
    """Everything actionable on the screen, once each: a label or row wrapping a control is the control, a
    container of tappable rows (one listener for all) is its rows; elements under an open dialog are left out
    (`covered`: indexes into screen.elements), and a layer's drag handle (explorer/grips.py)."""
    live = [(i, e) for i, e in enumerate(screen.elements)
            if (e.clickable or e.role in CONTROL_ROLES) and visible(e) and i not in covered and not grip(e, screen)]
    labels = {i: label_of(screen, e) for i, e in live}
    # a text field's own label (the element its words are read from), not anything else saying the same words
    # (a heading "Log in" above the form does not make the form's "Log in" button a label); a field named by
    # itself (a placeholder, aria-label) reads no words from beside it: only an element saying its name is its
    # label — a control above it saying other words is a control (corpus mtsvane: a chat bot's «ჩემი ანგარიშის
    # წაშლა» right above the message field «შეტყობინება» was dropped as the field's label, never tapped)
    field_labels = [beside for _, e in live if e.role == "textbox"
                    for beside in (nearby_element(screen, e),) if beside is not None
                    and (not e.name or norm_label(beside.text) == norm_label(e.name))]
    out: list[Target] = []
    ranks: dict[str, int] = {}
    rids = Counter(e.rid for _, e in live if e.rid)
    for i, element in live:
        if element.role not in CONTROL_ROLES and any(
                contains(element, e) and (e.role in CONTROL_ROLES or labels[j]) and stands_for(j, e, i, element)
                for j, e in live):
            continue   # a label or row wrapping a control, a list wrapping its rows: the inner ones stand for it
        if element.role in ("", "text") and any(
                f is element or (norm_label(f.text) == norm_label(labels[i]) and (contains(f, element) or contains(element, f)))
                for f in field_labels):
            continue   # a text field's label (or the box around its words): tapping it only focuses the field
        # an id as a selector: a scoped one (`#c-accept >>> #button`) is one already
        selector = element.rid if element.rid.startswith("#") else f"#{element.rid}"
        if element.rid and rids[element.rid] == 1:
            key = selector
        else:   # no id, or one shared by repeated rows (a list's items on Android): the words and their rank
            words = norm_label(labels[i])
            base = f"{selector}|{words}" if element.rid else f"{element.role}|{words}"
            key = f"{base}|{ranks.get(base, 0)}"
            ranks[base] = ranks.get(base, 0) + 1
        out.append(Target(element=element, key=key, label=labels[i], use=use_of(element)))
    return out


def find(screen: Screen, key: str, covered: frozenset[int] = frozenset()) -> Target | None:
    return next((t for t in targets(screen, covered) if t.key == key), None)


def fingerprint(screen: Screen) -> tuple:
    """The screen's visible state (texts, enabled, ticked), to tell whether an action changed anything."""
    return tuple((e.text, e.name, e.enabled, e.checked) for e in screen.elements)


def fits(screen: Screen, element: Element, bars: list[tuple[int, int, int, int]] | None = None,
         across: bool = True) -> bool:
    """Whether the element lies within the visible viewport (else a user scrolls to it first): its top 8 px (the
    whole of a smaller one) above the bottom edge, and its middle below the top edge — a bar's control overflowing
    the top by a pixel (a sticky bar's sub-pixel rounding) is tapped where it is, with no scroll first. The edges
    are those of the span its scroll container shows (`Element.view`: an inner list above a tab bar) and those a
    bar that stays put leaves (`_bars`: a fixed tab bar at the foot, a header at the top): a row below the list's
    box is scrolled to first (corpus dalga-dark: «Hesabı sil» opened below the fold of the page's inner list, its
    top 55 px drawn in the window's height yet clipped above the tab bar, was tapped unscrolled — the browser's
    click scrolled it, uncounted). `bars`: `_bars(screen)` when the caller asks of many elements of one screen.
    With `across` (the default), its middle must also lie within the screen's width (`sideways.fits_across`: a tab
    of a strip scrolling sideways, beyond the right edge, is swiped in first); without, the vertical axis alone."""
    height = screen.size[1]
    if across and not fits_across(screen, element):
        return False
    if not height:
        return True
    x, y, w, h = element.bounds
    top, bottom = (float(v) for v in element.view or (0, height))      # an inner list: the span it shows
    for bx, by, bw, bh in ([] if element.fixed else _bars(screen) if bars is None else bars):
        inside = bx - 2 <= x and x + w <= bx + bw + 2 and by - 2 <= y and y + h <= by + bh + 2   # sub-pixel overflow
        if inside or x >= bx + bw or x + w <= bx:
            continue          # its own bar, or a bar beside it
        if by <= 2:
            top = max(top, by + bh)
        else:
            bottom = min(bottom, by)
    return y + h / 2 >= top and y + min(h, 8) <= bottom


def _bars(screen: Screen) -> list[tuple[int, int, int, int]]:
    """The boxes of the bars that stay put at the screen's top or foot (`Element.fixed`, web: fixed or sticky):
    at least half the screen wide, under a third of it high, touching its top or bottom edge."""
    width, height = screen.size
    return [e.bounds for e in screen.elements
            if e.fixed and e.bounds[2] >= width / 2 and 0 < e.bounds[3] < height / 3
            and (e.bounds[1] <= 2 or e.bounds[1] + e.bounds[3] >= height - 2)]


def moved_on(screen: Screen, covered: frozenset[int]) -> bool:
    """Whether the live page has moved on from this capture by itself: the capture shows controls in view that
    nothing covered when it was made (`Element.covered`), and hit testing on the live page now (`covered`:
    element indexes) reaches none of them where they were. A launch advert that ends by itself between the
    capture and the look (a slow capture under load) leaves such a capture: its skip gone, the app's controls
    under the page that followed it — nothing on it a finger can touch, though the app shows something else."""
    bars = _bars(screen)
    shown = [i for i, e in enumerate(screen.elements)
             if (e.clickable or e.role == "textbox") and not e.covered and fits(screen, e, bars)]
    return bool(shown) and covered.issuperset(shown)
