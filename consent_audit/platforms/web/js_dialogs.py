"""The browser's own dialogs — `alert`, `confirm`, `prompt` — on the web platform.

Such a dialog blocks the page: while it is open the driver runs no script and takes no screenshot; it reads only
the dialog's message and answers it (W3C WebDriver "User prompts"; the session asks for
`unhandledPromptBehavior: ignore` so an open dialog waits for the suite instead of being dismissed silently —
an app's «Delete your account?» confirm would otherwise never be confirmed). The page's dialogs mark their
message with their kind (instrumentation.INSTRUMENTATION_JS: two zero-width characters a reader does not see), so the
screen shows what a user sees: an alert's OK, a confirm's OK and Cancel, a prompt's field besides.

The dialog becomes a screen of its own (`dialog_screen`): one modal layer over the page with the message and
its buttons, drawn where Chromium on a phone draws them (Chromium's own words, "OK" and "Cancel": the browser's
labels, not the app's). It has no screenshot: a headless browser draws no dialog, and the page under it cannot
be photographed while it is open; its page source (`<browser-dialog>`) holds what it says.
"""
from __future__ import annotations

from html import escape
from typing import Any, NamedTuple

from selenium.common.exceptions import NoAlertPresentException, WebDriverException

from ...screen import Bounds, Screen
from .dom import screen_from_dom

DIALOG_MARKS = {"\u2060\u200b": "alert", "\u2060\u200c": "confirm", "\u2060\u200d": "prompt"}
"""The mark INSTRUMENTATION_JS puts before a dialog's message → the dialog's kind."""
RID = "__ca-browser-dialog"
"""The id prefix of the dialog screen's elements: `RID`, `RID-message`, `RID-field`, `RID-ok`, `RID-cancel`."""
ANSWERS = {f"{RID}-ok": "accept", f"{RID}-cancel": "dismiss", f"{RID}-field": "type"}


class BrowserDialog(NamedTuple):
    """An open dialog: kind "alert" | "confirm" | "prompt" ("confirm" when the page was not instrumented: a
    user can always cancel), and its message as shown (the mark removed)."""
    kind: str
    message: str


def open_dialog(driver: Any) -> BrowserDialog | None:
    """The dialog open over the page now, or None (also when the session cannot be asked)."""
    try:
        text = driver.switch_to.alert.text
    except (NoAlertPresentException, WebDriverException):
        return None
    text = str(text or "")
    for mark, kind in DIALOG_MARKS.items():
        if text.startswith(mark):
            return BrowserDialog(kind, text[len(mark):])
    return BrowserDialog("confirm", text)


def dialog_screen(dialog: BrowserDialog, size: tuple[int, int], url: str, origin: str,
                  prompts: dict[str, int] | None = None, typed: bool = False) -> Screen:
    """The dialog as a screen of `size` (device px, the page's last known viewport): a modal layer (role dialog)
    across the page, its message, a text field for a prompt (filled once `typed`), then Cancel (not for an
    alert) and OK side by side at its foot, alike (the browser draws them)."""
    width, height = size if size[0] > 0 and size[1] > 0 else (1080, 2400)
    pad = max(8, width // 20)
    box: Bounds = (pad, height // 3, width - 2 * pad, height // 4)
    x, y, w, h = box
    button_w, button_h = w // 4, max(40, h // 6)
    items: list[dict[str, Any]] = [
        {"role": "dialog", "rid": RID, "bounds": [0, 0, width, height], "name": "browser dialog"},
        {"role": "", "rid": f"{RID}-message", "text": dialog.message, "bounds": [x + pad, y + pad, w - 2 * pad, h // 3]},
    ]
    if dialog.kind == "prompt":
        items.append({"role": "textbox", "rid": f"{RID}-field", "clickable": True, "value": "typed" if typed else "",
                      "bounds": [x + pad, y + h // 3 + pad, w - 2 * pad, button_h]})
    buttons = [("OK", f"{RID}-ok")] if dialog.kind == "alert" else [("Cancel", f"{RID}-cancel"), ("OK", f"{RID}-ok")]
    left = x + w - pad - len(buttons) * button_w - (len(buttons) - 1) * pad     # right-aligned, in reading order
    for n, (label, rid) in enumerate(buttons):
        items.append({"role": "button", "rid": rid, "text": label, "clickable": True,
                      "bounds": [left + n * (button_w + pad), y + h - pad - button_h, button_w, button_h]})
    source = (f'<browser-dialog kind="{dialog.kind}"><p>{escape(dialog.message)}</p>'
              + ("<input type=\"text\">" if dialog.kind == "prompt" else "")
              + "".join(f"<button>{label}</button>" for label, _ in buttons) + "</browser-dialog>")
    screen = screen_from_dom({"elements": items, "shape": f"browser-dialog:{dialog.kind}:{dialog.message}",
                              "url": url, "title": "", "width": width, "height": height, "source": source},
                             origin=origin, prompts=prompts)
    screen.drawn_by = "browser"
    return screen


class DialogControl:
    """What the gesture layer holds for a control of the dialog screen (in place of a page element): the answer
    it gives ("accept", "dismiss", "type") and the bounds it was drawn at. Only the platform acts on it."""

    tag_name = "button"

    def __init__(self, answer: str, bounds: Bounds, text: str = "") -> None:
        self.answer, self.bounds, self.text = answer, bounds, text

    @property
    def rect(self) -> dict[str, int]:
        x, y, w, h = self.bounds
        return {"x": x, "y": y, "width": w, "height": h}

    def is_displayed(self) -> bool:
        return True

    def is_enabled(self) -> bool:
        return True

    def get_attribute(self, name: str) -> None:
        return None


def control_for(element: Any) -> DialogControl | None:
    """The dialog control a captured element of the dialog screen is, None for any other element."""
    answer = ANSWERS.get(getattr(element, "rid", ""))
    return DialogControl(answer, tuple(element.bounds), element.text) if answer else None  # type: ignore[arg-type]


def answer(driver: Any, control: DialogControl, text: str | None = None) -> None:
    """Accept (OK) or dismiss (Cancel) the open dialog, or type `text` into a prompt's field (the dialog stays
    open). NoAlertPresentException when the dialog is gone already."""
    dialog = driver.switch_to.alert
    if control.answer == "type":
        dialog.send_keys(text or "")
    elif control.answer == "accept":
        dialog.accept()
    else:
        dialog.dismiss()


def close_any(driver: Any) -> bool:
    """Dismiss a dialog left open (before a relaunch: a restarted app shows none); True when there was one."""
    try:
        driver.switch_to.alert.dismiss()
    except (NoAlertPresentException, WebDriverException):
        return False
    return True


__all__ = ["ANSWERS", "BrowserDialog", "DIALOG_MARKS", "DialogControl", "RID", "answer", "close_any",
           "control_for", "dialog_screen", "open_dialog"]
