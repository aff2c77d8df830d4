"""Reading the runtime-permission dialog off one screen, on any phone: AOSP and Google builds, vendors'
controllers (MIUI, One UI …), any device language, ids present or stripped.

The order of evidence (assets/lexicons/android_permission_dialog.yaml):
1. resource-id local names (`permission_deny_button` …) under any package — vendors keep the AOSP names;
2. where a button has no known id: the AOSP layout — 10+ stacks the choices with the allow kinds first and the
   refusal last, 6-9 puts them in a row with the refusal on the left — and its words (EN, ZH, FR, ES, DE, JA)
   only to name the exact kind within that side. Words that put a button on the other side than the layout
   does are a `conflict`: the dialog is read, but `choice_for` refuses to answer (DialogMisread).
A window of a package nobody listed, without a known id, is read only when its words name an allow and a
refusal, and never when it is the app's own window.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...errors import AutomationError
from ...screen import Bounds, Element, Screen
from .lexicon import DialogLexicon, load_dialog_lexicon

ALLOW_SIDE = ("allow", "allow_foreground", "allow_always", "allow_one_time", "allow_selected", "allow_all")
DENY_SIDE = ("deny", "deny_dont_ask", "dont_ask_checkbox")
BY_POSITION = {2: ("allow", "deny"), 3: ("allow_foreground", "allow_one_time", "deny")}
ROW_TOLERANCE_PX = 12


class DialogMisread(AutomationError, LookupError):
    """The dialog on screen cannot be answered as the flow decided without guessing: the audit is broken."""


def split_resource_id(resource_id: str) -> tuple[str, str]:
    """`pkg:id/name` → (pkg, name); an id without a package → ("", id)."""
    package, sep, local = resource_id.partition(":id/")
    return (package, local) if sep else ("", resource_id)


@dataclass(frozen=True)
class DialogView:
    """What the permission dialog on screen asks and offers, and what it tells besides.

    `read_by`: choice → "id" | "order" | "text"; `variant`: the layout its ids show (None without ids);
    `bounds`: the dialog window in device pixels; `repeat`: a request after an earlier denial (the don't-ask-again
    button or box is shown); `accuracy`: "precise" / "approximate" as selected (Android 12+ location)."""

    package: str
    permission: str | None            # geolocation, notifications, camera, microphone; None if unknown
    message: str
    buttons: dict[str, Element] = field(default_factory=dict)   # choice name → element
    signature: str = ""
    read_by: dict[str, str] = field(default_factory=dict)
    variant: str | None = None
    app_name: str | None = None
    bounds: Bounds = (0, 0, 0, 0)
    repeat: bool = False
    accuracy: str | None = None
    conflict: str = ""

    def choice_for(self, decision: str, lexicon: DialogLexicon) -> tuple[str, Element]:
        """The button answering `decision` (granted, denied, once, prompt): the first enabled one offered.
        Raises DialogMisread when words and layout disagree, or when no offered choice answers it."""
        if self.conflict:
            raise DialogMisread(f"the permission dialog's words and layout disagree ({self.conflict}); not answering "
                                f"'{decision}' by a guess")
        for name in lexicon.answers.get(decision, lexicon.answers["prompt"]):
            element = self.buttons.get(name)
            if element is not None and element.enabled:
                return name, element
        raise DialogMisread(f"the {self.permission or 'permission'} dialog offers no choice for '{decision}' "
                            f"(it shows: {', '.join(sorted(self.buttons)) or 'nothing known'})")

    def facts(self) -> dict[str, Any]:
        """What the evidence keeps of the dialog besides the choice."""
        return {"package": self.package, "variant": self.variant, "app_name": self.app_name,
                "repeat_request": self.repeat, "location_accuracy": self.accuracy, "bounds": list(self.bounds)}


def _ordered(buttons: list[Element]) -> list[Element]:
    """Buttons in the AOSP order of preference: a row right to left (6-9: positive on the right), a column top
    down (10+)."""
    tops = [e.bounds[1] for e in buttons]
    if max(tops) - min(tops) <= ROW_TOLERANCE_PX:
        return sorted(buttons, key=lambda e: -e.bounds[0])
    return sorted(buttons, key=lambda e: (e.bounds[1], e.bounds[0]))


def _side(name: str) -> str:
    return "allow" if name in ALLOW_SIDE else "deny"


def _union(elements: list[Element]) -> Bounds:
    boxes = [e.bounds for e in elements if e.bounds[2] > 0 and e.bounds[3] > 0]
    if not boxes:
        return (0, 0, 0, 0)
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)
    return (x0, y0, x1 - x0, y1 - y0)


def read_dialog(screen: Screen, lexicon: DialogLexicon | None = None, app_package: str | None = None) -> DialogView | None:
    """The runtime-permission dialog on this screen, or None when there is none. `app_package`: the audited app
    (its own window and ids are never the system dialog)."""
    lex = lexicon or load_dialog_lexicon()
    window = screen.location
    if app_package and window == app_package:
        return None
    known = lex.known_ids
    by_id: dict[str, Element] = {}
    id_package = ""
    for element in screen.elements:
        pkg, local = split_resource_id(element.rid)
        if pkg and pkg != app_package and (pkg in lex.prompt_packages or local in known):
            by_id.setdefault(local, element)
            id_package = id_package or pkg
    prompt_window = window in lex.prompt_packages
    if not (prompt_window or set(by_id) & known) and not (app_package and window):
        return None
    buttons: dict[str, Element] = {}
    read_by: dict[str, str] = {}
    for local, element in by_id.items():
        choice = lex.choice_by_id(local)
        if choice is not None and choice.name not in buttons:
            buttons[choice.name], read_by[choice.name] = element, "id"
    taken = {id(e) for e in buttons.values()}
    rest = [e for e in screen.elements if e.clickable and (e.text or e.name) and id(e) not in taken
            and e.role not in ("radio", "dialog")]
    conflicts: list[str] = []
    boxes = [e for e in rest if e.role == "checkbox"]
    keys = [e for e in rest if e.role != "checkbox"]
    worded = 0
    for element in boxes:
        choice = lex.choice_by_text(element.label)
        if choice is not None:
            buttons.setdefault(choice.name, element)
            read_by.setdefault(choice.name, "text")
            worded += 1
    positions = BY_POSITION.get(len(keys)) if keys and not any(read_by.get(n) == "id" for n in buttons
                                                                  if n != "dont_ask_checkbox") else None
    for index, element in enumerate(_ordered(keys) if keys else []):
        by_words = lex.choice_by_text(element.label)
        worded += by_words is not None
        if positions is not None:
            placed = positions[index]
            if by_words is not None and _side(by_words.name) != _side(placed):
                conflicts.append(f"«{element.label}» stands where the {_side(placed)} choice does, but reads as "
                                 f"{by_words.name}")
            name = by_words.name if by_words is not None and _side(by_words.name) == _side(placed) else placed
            how = "order"
        elif by_words is not None:
            name, how = by_words.name, "text"
        else:
            continue
        if name not in buttons:
            buttons[name], read_by[name] = element, how
    if not (prompt_window or set(by_id) & known):   # a window nobody listed, no known id: its words must say so
        sides = {_side(n) for n in buttons}
        if worded == 0 or sides != {"allow", "deny"} or len(keys) > 4:
            return None
    if not buttons and not set(by_id) & set(lex.dialog_ids):
        return None
    message = next((by_id[m].text for m in lex.message_ids if m in by_id and by_id[m].text), "")
    if not message:                           # no message id: the longest text that is not a button
        texts = [e.text for e in screen.elements if e.text and not e.clickable]
        message = max(texts, key=len, default="")
    accuracy = next((kind for kind, local in lex.accuracy_ids.items()
                     if local in by_id and by_id[local].checked), None)
    return DialogView(package=window if prompt_window or not id_package else (window or id_package),
                      permission=lex.permission_of(message), message=message, buttons=buttons,
                      signature=screen.signature, read_by=read_by, variant=lex.variant_of(set(by_id)),
                      app_name=lex.app_name_in(message), bounds=_union(screen.elements),
                      repeat="deny_dont_ask" in buttons or "dont_ask_checkbox" in buttons, accuracy=accuracy,
                      conflict="; ".join(conflicts))


__all__ = ["DialogMisread", "DialogView", "read_dialog", "split_resource_id"]
