"""What the Android platform checks on every capture, so that a screen is never misread:

- the system's "isn't responding" dialog over the app is waited out (its Wait button, then an explicit wait
  until it is gone) and recorded as an automation event, not as the app having left;
- a permission dialog in front (`mobile: getCurrentPackage` names a permission controller) that the page
  source does not hold — a known UiAutomator2 limitation for some system windows — is an automation error
  carrying the screenshot, instead of the app screen underneath read as what the user sees;
- the app's own rationale before the system dialog (a pre-prompt) is counted with the permission requests,
  once per appearance, and its message kept.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable

from ...detectors.blockers import read_pre_prompt
from ...errors import AutomationError
from ...screen import Screen
from ...waits import wait_until
from .dialog_reader import read_dialog
from .system_dialogs import system_dialog

if TYPE_CHECKING:
    from .platform import AndroidPlatform

log = logging.getLogger(__name__)


class DialogNotDumped(AutomationError):
    """A permission dialog is in front but the page source shows what is under it; `screenshot`: PNG bytes."""

    def __init__(self, message: str, screenshot: bytes = b"") -> None:
        super().__init__(message)
        self.screenshot = screenshot


def wait_out_anr(platform: "AndroidPlatform", screen: Screen, read: Callable[[], Screen]) -> Screen:
    """When `screen` is the ANR dialog: tap Wait, wait (explicitly, up to the platform's timeout) until the
    dialog is gone, note the event; return the screen after it. Raises AutomationError when it stays."""
    dialog = system_dialog(screen)
    if dialog is None:
        return screen
    if dialog.wait is None:
        raise AutomationError(f"the system says {dialog.message!r} and offers no Wait button")
    event = {"kind": dialog.kind, "message": dialog.message, "action": dialog.wait.text or dialog.wait.name,
             "at": datetime.now(timezone.utc).isoformat(timespec="milliseconds")}
    platform.automation_events.append(event)
    log.warning("system dialog over the app: %r; answered %r", dialog.message, event["action"])
    from .locators import by_resource_id, by_text      # locators needs the platform class: import when used
    how, what = by_resource_id(dialog.wait.rid) if dialog.wait.rid else by_text(dialog.wait.text)
    platform.driver.find_element(how, what).click()
    try:
        return wait_until(lambda: (lambda s: s if system_dialog(s) is None else None)(read()),
                          timeout=platform.timeout, interval=0.25, message="the app to answer again")
    except TimeoutError:
        raise AutomationError(f"the system still says {dialog.message!r} after {platform.timeout:g}s of waiting; "
                              "the app does not answer") from None


def check_dialog_dumped(platform: "AndroidPlatform", screen: Screen) -> None:
    """Raise DialogNotDumped when the package in front shows permission prompts and the source holds none."""
    if read_dialog(screen, app_package=platform.package) is not None:
        return
    from .uiautomator import PERMISSION_PROMPT_PACKAGES
    front = platform.current_package()
    if front in PERMISSION_PROMPT_PACKAGES and front != screen.location:
        raise DialogNotDumped(f"{front} is in front (a permission dialog) but it is not in the page source, which "
                              f"shows {screen.location or 'nothing'}: the screen cannot be read (see the screenshot)",
                              screen.screenshot)


def note_pre_prompt(platform: "AndroidPlatform", screen: Screen) -> None:
    """Count the app's rationale once per appearance (a new screen or message)."""
    pre = read_pre_prompt(screen) if screen.location == platform.package else None
    key = (screen.signature, pre.message) if pre is not None else None
    if pre is not None and key != platform.last_pre_prompt and pre.permission is not None:
        platform.note_pre_prompt(pre.permission)
        platform.pre_prompts.append(pre.to_dict())
    platform.last_pre_prompt = key


__all__ = ["DialogNotDumped", "check_dialog_dumped", "note_pre_prompt", "wait_out_anr"]
