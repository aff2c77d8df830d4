"""The platform-neutral screen: elements, screenshot and a structural signature.

Each platform package builds it from what it reads (consent_audit.platforms.web.dom from the DOM,
consent_audit.platforms.android.uiautomator from UiAutomator2 page-source XML). The signature depends on
structure only (element kinds, roles, ids; repeated siblings collapsed), so the same screen after a
scroll, a typed value, a ticked box or a changed number has the same signature, while a new view or an
open modal has another.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Iterable

Bounds = tuple[int, int, int, int]  # x, y, width, height in device pixels

_DIGITS = re.compile(r"\d+")
# Between the steps of a web id inside a shadow root (platforms/web/scoped_ids.py): `#c-accept >>> #button`, the
# inner <button id="button"> of the host #c-accept — an id is unique only within its own tree.
SHADOW_STEP = " >>> "


@dataclass(frozen=True)
class Element:
    """One element on a screen, in device pixels."""

    text: str = ""
    name: str = ""            # accessible name (aria-label) / content-desc
    rid: str = ""             # DOM id (inside a shadow root: through its hosts, `#c-accept >>> #button`) /
    #                           Android resource-id
    role: str = ""            # button, link, checkbox, radio, textbox, dialog, … or the Android class
    bounds: Bounds = (0, 0, 0, 0)
    clickable: bool = False
    checked: bool | None = None
    enabled: bool = True
    focused: bool = False
    secret_field: bool = False
    selected: bool = False    # Android `selected` (a bottom navigation's current tab); web: aria-selected/-current
    covered: bool = False     # web: a later layer lies over its centre (hit testing on the settled page)
    fixed: bool = False       # web: positioned fixed or sticky (stays put while the page scrolls: a bar, a banner)
    required: bool = False    # web: a form control marked `required` / aria-required="true"
    multiline: bool = False   # web: a text field taking lines of free text (<textarea>, aria-multiline="true")
    filled: bool = False      # web: a text field holding a value (the value itself is never kept: see dom.py)
    group: str = ""           # a radio: the set it chooses in (web: its form `name`, else its radiogroup or
    #                           fieldset; Android: its RadioGroup) — one question's options, one purpose's
    option: str = ""          # a radio: the value it stores when its form is saved (web `value`; "" unknown)
    view: tuple[int, int] | None = None   # web: the vertical span (top, bottom) of the screen its scroll container
    #                                       shows it in, when narrower than the window (an inner list); None: all
    view_across: tuple[int, int] | None = None   # web: the horizontal span (left, right) of the screen its
    #                                       sideways-scrolling container shows it in, when narrower than the window
    #                                       (a tab strip inside a card); None: the window's width
    mailbox: bool = False     # web: a field typed as an e-mail address (<input type=email>, autocomplete email/username)
    faded: bool = False       # web: a control drawn faded (opacity under 0.6 with its ancestors', or no pointer events):
    #                           the look of a button held back until a form is filled — a look, never `enabled`

    @property
    def own_id(self) -> str:
        """The element's own id: `button` of a web id scoped through shadow hosts (`#c-accept >>> #button`, what
        the app's code names, not unique on the screen); any other id as it is."""
        return self.rid.rsplit(SHADOW_STEP, 1)[-1].lstrip("#") if SHADOW_STEP in self.rid else self.rid

    @property
    def label(self) -> str:
        return self.text or self.name or self.rid

    def to_dict(self) -> dict:
        return {"text": self.text, "name": self.name, "id": self.rid, "role": self.role,
                "bounds": list(self.bounds), "clickable": self.clickable, "checked": self.checked,
                "enabled": self.enabled}


@dataclass
class Screen:
    """A snapshot of what the user saw."""

    elements: list[Element]
    signature: str
    source: str = ""
    screenshot: bytes = b""
    location: str = ""        # web: URL; Android: package/activity
    title: str = ""
    size: tuple[int, int] = (0, 0)   # device pixels
    in_app: bool = True
    source_kind: str = "html"        # html | xml
    prompts: dict[str, int] = field(default_factory=dict)   # permission requests since the (re)launch
    tab: str = ""                    # the selected tab of a bottom navigation, when the platform reads one
    flashed: list[str] = field(default_factory=list)   # web, exploring: words that appeared since the last
    #                                  capture while the app settled (a toast gone before this capture)
    unread_frames: list[str] = field(default_factory=list)   # web: frames of another origin that could not be
    #                                  read (one sentence each): what they show is not in `elements`
    drawn_by: str = "app"            # "browser": a dialog of the browser itself (alert, confirm: its buttons
    #                                  drawn alike, whatever the app; no screenshot can show it)

    def texts(self) -> list[str]:
        return [e.text for e in self.elements if e.text]

    def shown_texts(self) -> list[str]:
        """The texts a user can read: those no later layer covers (a screen slid over another on a stack
        leaves the one below in the page, covered)."""
        return [e.text for e in self.elements if e.text and not e.covered]

    def find(self, rid: str) -> Element | None:
        """The first element of that id: its id as read, else its own id inside a shadow root (a page object
        naming the id its app's code gives)."""
        return next((e for e in self.elements if e.rid == rid), None) or next(
            (e for e in self.elements if SHADOW_STEP in e.rid and e.own_id == rid), None)

    def actionable(self) -> list[Element]:
        return [e for e in self.elements if e.clickable and e.enabled]


def signature_of(shape: str) -> str:
    return hashlib.sha1(shape.encode("utf-8")).hexdigest()[:16]


def structural_key(kind: str, role: str, rid: str) -> str:
    """An element's part of the signature: digits in ids are dropped (item-3 == item-7)."""
    return f"{kind}[{role}]#{_DIGITS.sub('', rid)}" if rid else f"{kind}[{role}]"


def collapse(children: Iterable[str]) -> list[str]:
    """Drop consecutive repeats, so a list of 3 or 30 alike items has one shape."""
    out: list[str] = []
    for child in children:
        if not out or out[-1] != child:
            out.append(child)
    return out


__all__ = ["Bounds", "Element", "Screen", "signature_of", "structural_key", "collapse"]
