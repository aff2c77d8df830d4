"""The reference APK's account-deletion steps, one page object per kind (the app's config describes them)."""
from __future__ import annotations

from typing import Any, Callable

from consent_audit.page import AppContext
from refapp.pages.web.deletion import FaceScanRefused

from .base import RefAppAndroidPage, rid
from .state import AppState

Settle = Callable[[], Any]


class DeletionStep(RefAppAndroidPage):
    """A deletion step: shown when its own button is on screen (views that are not shown are not dumped)."""

    def __init__(self, context: AppContext, step: dict[str, Any]) -> None:
        super().__init__(context)
        self.step = step
        self.final_settle: Settle | None = None     # the next step shows, or the result

    def shown_in(self, state: AppState) -> bool:    # type: ignore[override]
        return state.app and state.has(self.step["next_id"])

    @property
    def loaded(self) -> bool:
        return self.shown_in(self.state())

    def error_in(self, state: AppState) -> str:
        return state.text(f"{self.step.get('modal') or self.step.get('screen')}-message")

    @property
    def next_button(self):
        return rid(self.step["next_id"])

    def perform(self) -> None:
        raise NotImplementedError


class NoticeStep(DeletionStep):
    """A notice that must be scrolled to its end before its "I have read" box can be ticked."""

    def perform(self) -> None:
        body_id = self.step["scroll_id"]
        self.scroll_to_end(rid(body_id), self.step.get("title", "the notice"), {"id": body_id})
        self.toggle(rid(self.step["agree_id"]))
        self.tap(self.next_button, settle=self.final_settle)


class ReasonStep(DeletionStep):
    """A required choice of reason: the first option, then next."""

    def perform(self) -> None:
        first = self.step["options"][0]
        self.tap(rid(first["id"]), name=first.get("label"))
        self.tap(self.next_button, settle=self.final_settle)


class FormStep(DeletionStep):
    """Fields the app demands: SMS code (requested first), ID number, password."""

    def perform(self) -> None:
        data = self.context.data
        for field in self.step["fields"]:
            locator = rid(field["input_id"])
            if field["kind"] == "sms":
                status: str = field["status_id"]

                def code_sent(status: str = status) -> str:
                    return self.state().text(status)
                self.tap(rid(field["send_id"]), settle=code_sent)
                self.type(locator, data["sms_code"], name=field.get("label"), secret=True)
            elif field["kind"] == "id_number":
                self.type(locator, data["id_number"], name=field.get("label"), secret=True)
            elif field["kind"] == "password":
                self.type(locator, data["password"], name=field.get("label"), secret=True)
            else:
                raise ValueError(f"unknown deletion field kind {field['kind']}")
        self.tap(self.next_button, settle=self.final_settle)


class FaceStep(DeletionStep):
    """A face scan through the camera; it either passes or says it cannot be done."""

    def perform(self) -> None:
        status = self.step["status_id"]
        idle = self.step.get("idle_text", "")
        self.tap(rid(self.step["start_id"]), settle=lambda: self.state().text(status) not in ("", idle))
        state = self.state()
        button = state.element(self.step["next_id"])
        if button is None or not button.enabled:
            raise FaceScanRefused(state.text(status))
        self.tap(self.next_button, settle=self.final_settle)


class ConfirmStep(DeletionStep):
    """The last confirmation, a web dialog."""

    def shown_in(self, state: AppState) -> bool:    # type: ignore[override]
        return state.app and (state.has(self.step["modal"]) or state.has(self.step["confirm_id"]))

    @property
    def confirm_button(self):
        return rid(self.step["confirm_id"])

    @property
    def cancel_button(self):
        return rid(self.step["cancel_id"])

    def perform(self) -> None:
        self.tap(self.confirm_button, settle=self.final_settle)


STEPS = {"notice": NoticeStep, "reason": ReasonStep, "form": FormStep, "face": FaceStep, "confirm": ConfirmStep}
