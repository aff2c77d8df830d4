"""The reference app's account-deletion screens, one page object per kind of step."""
from __future__ import annotations

from typing import Any

from .base import RefAppPage, css


class DeletionStepPage(RefAppPage):
    """A deletion step described by the app's own configuration (screen id, element ids)."""

    def __init__(self, context, step: dict[str, Any]) -> None:
        super().__init__(context, step.get("screen") or "")
        self.step = step
        self.final_settle: Any = None     # what shows this step is done (the next step, or the result)

    @property
    def next_button(self):
        return css(f"#{self.step['next_id']}")

    @property
    def error_message(self) -> str:
        found = self.find_elements(css(f"#{self.step.get('modal') or self.step.get('screen')}-message"))
        return found[0].text.strip() if found else ""

    def perform(self) -> None:
        raise NotImplementedError


class NoticePage(DeletionStepPage):
    """A notice that must be scrolled to its end before its 'I have read' box can be ticked."""

    def perform(self) -> None:
        body = css(f"#{self.step['scroll_id']}")
        self.scroll_to(css(f"#{self.step['scroll_id']} > :last-child"), container=body,
                       name=f"end of {self.step.get('title', 'notice')}")
        self.toggle(css(f"#{self.step['agree_id']}"))
        self.tap(self.next_button, settle=self.final_settle)


class ReasonPage(DeletionStepPage):
    """A required choice of reason: the first option, then next."""

    def perform(self) -> None:
        first = self.step["options"][0]
        self.tap(css(f"#{first['id']}"), name=first.get("label"))
        self.tap(self.next_button, settle=self.final_settle)


class FormPage(DeletionStepPage):
    """Fields the app demands: SMS code (requested first), ID number, password."""

    def perform(self) -> None:
        data = self.context.data
        for field in self.step["fields"]:
            locator = css(f"#{field['input_id']}")
            if field["kind"] == "sms":
                status = css(f"#{field['status_id']}")
                self.tap(css(f"#{field['send_id']}"), settle=lambda s=status: self.find_element(s).text.strip())
                self.type(locator, data["sms_code"], name=field.get("label"), secret=True)
            elif field["kind"] == "id_number":
                self.type(locator, data["id_number"], name=field.get("label"), secret=True)
            elif field["kind"] == "password":
                self.type(locator, data["password"], name=field.get("label"), secret=True)
            else:
                raise ValueError(f"unknown deletion field kind {field['kind']}")
        self.tap(self.next_button, settle=self.final_settle)


class FacePage(DeletionStepPage):
    """A face scan through the camera; it either passes or says it cannot be done."""

    def perform(self) -> None:
        status = css(f"#{self.step['status_id']}")
        idle = self.step.get("idle_text", "")
        self.tap(css(f"#{self.step['start_id']}"),
                 settle=lambda: self.find_element(status).text.strip() not in ("", idle))
        if not self.find_element(self.next_button).is_enabled():
            raise FaceScanRefused(self.find_element(status).text.strip())
        self.tap(self.next_button, settle=self.final_settle)


class FaceScanRefused(Exception):
    """Deletion cannot go on: the face scan was refused and the app offers no other way."""


class ConfirmDialog(DeletionStepPage):
    def __init__(self, context, step: dict[str, Any]) -> None:
        super().__init__(context, step)
        self.modal = step["modal"]

    @property
    def loaded(self) -> bool:
        return self.modal_shown(self.modal)

    def perform(self) -> None:
        self.tap(css(f"#{self.step['confirm_id']}"), settle=self.final_settle)


PAGES = {"notice": NoticePage, "reason": ReasonPage, "form": FormPage, "face": FacePage, "confirm": ConfirmDialog}
