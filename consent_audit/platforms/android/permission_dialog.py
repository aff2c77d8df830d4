"""The Android runtime-permission dialog as a page object, on any phone (dialog_reader.py reads it).

It answers as the user would, by tapping the button the flow's decision calls for; each answer is one recorded
PERMISSION step of the gesture service. Which permission the dialog asks comes from the OS first: the permissions
the app requests and does not hold (`mobile: getPermissions` before), corrected after the answer by what it
granted; the message's words only choose among several. When that leaves permissions with different decisions,
it stops with an automation error rather than answer against the flow's decision.
"""
from __future__ import annotations

from typing import Any

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

from ...page import AppContext, BasePage, Locator
from ...recorder import Step
from ...screen import Element
from .dialog_reader import DialogMisread, DialogView, read_dialog, split_resource_id
from .lexicon import DialogLexicon, load_dialog_lexicon
from .locators import by_resource_id, by_text
from .uiautomator import screen_from_uiautomator_xml


def locator_for(element: Element) -> Locator:
    """How to find a dialog button again: its full resource-id, else its text."""
    return by_resource_id(element.rid) if element.rid else by_text(element.text)


class PermissionDialog(BasePage):
    """The system permission dialog over the app (AOSP, Google and vendors' permission controllers)."""

    def __init__(self, context: AppContext, lexicon: DialogLexicon | None = None) -> None:
        super().__init__(context)
        self.lexicon = lexicon or load_dialog_lexicon()

    @property
    def _app(self) -> str | None:
        return getattr(self.context.platform, "package", None)

    def view(self) -> DialogView | None:
        app = self._app
        return read_dialog(screen_from_uiautomator_xml(self.driver.page_source, app_package=app), self.lexicon,
                           app_package=app)

    @property
    def loaded(self) -> bool:
        return self.view() is not None

    def _which(self, view: DialogView, decision: str | None) -> tuple[str | None, str, str]:
        """(permission or None, decision, where the permission came from: os | message | unknown).

        The OS first: a dialog can only ask for a permission the app requests and does not hold (`mobile:
        getPermissions`); when that leaves one, it is the one. Of several, the one the message names; a message
        naming one the app holds (Android 12's upgrade from approximate to precise location) is believed. Else,
        when the flow decided the candidates alike, the common decision answers and the OS tells afterwards;
        when it did not, DialogMisread: never an answer against the flow's decision."""
        platform = self.context.platform
        pending = platform.pending_permissions() if hasattr(platform, "pending_permissions") else []
        decided = lambda p: decision or platform.decided.get(p, "prompt")   # noqa: E731
        if len(pending) == 1 and view.permission in (None, pending[0]):
            return pending[0], decided(pending[0]), "os"
        if view.permission is not None:
            return view.permission, decided(view.permission), "message"
        decisions = {p: platform.decided.get(p, "prompt") for p in pending}
        if decision is None and len(set(decisions.values())) != 1:
            said = ", ".join(f"{p} ({d})" for p, d in decisions.items()) or "none pending"
            raise DialogMisread(f"cannot tell which permission the dialog asks (message: {view.message[:120]!r}); "
                                f"it could be {said}: not answering against the flow's decision")
        return None, decision or next(iter(decisions.values()), "prompt"), "unknown"

    def answer(self, decision: str | None = None) -> Step:
        """Tap the choice for `decision`, else for what the flow decided for this permission (undecided: refuse).
        Raises LookupError when no dialog is up, DialogMisread (an AutomationError) when it cannot be answered
        as decided without guessing."""
        view = self.view()
        if view is None:
            raise LookupError("no permission dialog on screen")
        platform = self.context.platform
        permission, decided, source = self._which(view, decision)
        name, element = view.choice_for(decided, self.lexicon)
        granted_before = set(platform.granted_permissions()) if hasattr(platform, "granted_permissions") else set()
        note = getattr(platform, "note_dialog", None)
        if note is not None and permission is not None:
            note(permission)
        locator = locator_for(element)
        label = element.text or element.name or name
        info: dict[str, Any] = {**element.to_dict(), "locator": f"{locator[0]}={locator[1]}", "choice": name,
                                "permission": permission or "unknown", "permission_from": source,
                                "decision": decided, "dialog": view.package, "read_by": view.read_by.get(name),
                                "dialog_facts": view.facts(), "message": view.message}
        step = self.context.gestures.answer_permission(
            permission or "unknown", label, find=lambda: self.find_element(locator),
            closed=lambda button: self._moved_on(view, button), info=info)
        if hasattr(platform, "granted_permissions"):    # what the answer granted tells which one was asked
            now = platform.permissions_named(set(platform.granted_permissions()) - granted_before)
            if len(now) == 1 and now[0] != permission and note is not None:
                if permission is not None:
                    platform.retract_dialog(permission)
                note(now[0])
                step.target["permission"], step.target["permission_from"] = now[0], "os"
                step.screen.prompts = platform.permission_requests()
        return step

    def _moved_on(self, before: DialogView, button: Any) -> bool:
        """The dialog closed, or another one replaced it (the tapped button went stale)."""
        try:
            button.is_displayed()
        except StaleElementReferenceException:
            return True
        except WebDriverException:
            pass
        now = self.view()
        return now is None or (now.signature, now.message) != (before.signature, before.message)


__all__ = ["DialogMisread", "DialogView", "PermissionDialog", "locator_for", "read_dialog", "split_resource_id"]
