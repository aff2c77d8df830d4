"""The Android runtime-permission dialog as a page object.

It reads the dialog from one page source: which permission it asks for (from its message) and which
choices it offers (allow, while using the app, only this time, don't allow, don't allow and don't ask
again, the old "don't ask again" box), by resource-id local name across packages and API levels, with
the button texts (EN/ZH) as a fallback. It answers as the user would, by tapping the button the flow's
decision calls for; each answer is one recorded PERMISSION step.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

from consent_audit.page import AppContext, BasePage, Locator
from consent_audit.recorder import Kind, Step
from consent_audit.screen import Element, Screen, screen_from_uiautomator_xml

from .lexicon import DialogLexicon, load_dialog_lexicon
from .locators import by_resource_id, by_text


def split_resource_id(resource_id: str) -> tuple[str, str]:
    """`pkg:id/name` → (pkg, name); an id without a package → ("", id)."""
    package, sep, local = resource_id.partition(":id/")
    return (package, local) if sep else ("", resource_id)


@dataclass(frozen=True)
class DialogView:
    """What the permission dialog on screen asks and offers."""

    package: str
    permission: str | None            # geolocation, notifications, camera, microphone; None if unknown
    message: str
    buttons: dict[str, Element] = field(default_factory=dict)   # choice name → element
    signature: str = ""

    def choice_for(self, decision: str, lexicon: DialogLexicon) -> tuple[str, Element]:
        """The button answering `decision` (granted, denied, once, prompt): the first enabled one offered."""
        for name in lexicon.answers.get(decision, lexicon.answers["prompt"]):
            element = self.buttons.get(name)
            if element is not None and element.enabled:
                return name, element
        raise LookupError(f"the {self.permission or 'permission'} dialog offers no choice for '{decision}' "
                          f"(it shows: {', '.join(sorted(self.buttons)) or 'nothing known'})")


def read_dialog(screen: Screen, lexicon: DialogLexicon | None = None) -> DialogView | None:
    """The permission dialog on this screen, or None when there is none."""
    lex = lexicon or load_dialog_lexicon()
    by_id: dict[str, Element] = {}
    package = screen.location if screen.location in lex.packages else ""
    for element in screen.elements:
        pkg, local = split_resource_id(element.rid)
        if pkg in lex.packages:
            by_id.setdefault(local, element)
            package = package or pkg
    if not package:
        return None
    buttons: dict[str, Element] = {}
    for local, element in by_id.items():
        choice = lex.choice_by_id(local)
        if choice is not None:
            buttons.setdefault(choice.name, element)
    for element in screen.elements:           # text fallback: buttons whose ids are unknown or missing
        if not (element.clickable and element.text) or split_resource_id(element.rid)[1] in by_id:
            continue
        choice = lex.choice_by_text(element.text)
        if choice is not None:
            buttons.setdefault(choice.name, element)
    if not buttons and not any(local in by_id for local in lex.dialog_ids):
        return None
    message = next((by_id[m].text for m in lex.message_ids if m in by_id and by_id[m].text), "")
    if not message:                           # no message id: the longest text that is not a button
        texts = [e.text for e in screen.elements if e.text and not e.clickable]
        message = max(texts, key=len, default="")
    return DialogView(package=package, permission=lex.permission_of(message), message=message, buttons=buttons,
                      signature=screen.signature)


def locator_for(element: Element) -> Locator:
    """How to find a dialog button again: its full resource-id, else its text."""
    return by_resource_id(element.rid) if element.rid else by_text(element.text)


class PermissionDialog(BasePage):
    """The system permission dialog over the app (com.android.permissioncontroller / packageinstaller)."""

    def __init__(self, context: AppContext, lexicon: DialogLexicon | None = None) -> None:
        super().__init__(context)
        self.lexicon = lexicon or load_dialog_lexicon()

    def view(self) -> DialogView | None:
        return read_dialog(screen_from_uiautomator_xml(self.driver.page_source), self.lexicon)

    @property
    def loaded(self) -> bool:
        return self.view() is not None

    def answer(self, decision: str | None = None) -> Step:
        """Tap the choice for `decision`, else for what the flow decided for this permission (undecided: refuse)."""
        view = self.view()
        if view is None:
            raise LookupError("no permission dialog on screen")
        permission = view.permission or "unknown"
        decided = decision or self.context.platform.decided.get(permission, "prompt")
        name, element = view.choice_for(decided, self.lexicon)
        locator = locator_for(element)
        note = getattr(self.context.platform, "note_dialog", None)
        if note is not None:
            note(permission)
        label = element.text or element.name or name
        info: dict[str, Any] = {**element.to_dict(), "locator": f"{locator[0]}={locator[1]}", "choice": name,
                                "permission": permission, "decision": decided, "dialog": view.package}

        def tap() -> None:
            button = self.find_element(locator)
            self.context.platform.tap(button)
            self.wait().until(lambda _: self._moved_on(view, button), message="the permission dialog to close")

        return self.context.recorder.act(Kind.PERMISSION, f'Answer the {permission} prompt: "{label}"', tap, info)

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
