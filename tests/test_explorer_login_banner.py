"""The log-in after a deletion read `pending` from a consent banner (corpus mtsvane, helper fixCH): the banner,
fixed over the app and unanswered on the deletion's path, says «მონაცემებს ვინახავთ არაუმეტეს 13 თვისა» (data kept
13 months) on every screen, the log-in form too; its period was taken for the log-in's answer — a deletion pending
(truth: rejected). What stood unchanged in a layer fixed over the app before the form was sent is no answer of
the log-in; a period the answer adds (a message, a toast) still is. Simulated app (no browser), the stand-in of
tests/test_explorer_login_resume.py; made-up words."""
from __future__ import annotations

from dataclasses import dataclass

from consent_audit.detectors.text import waiting_period_days
from consent_audit.screen import Element, Screen

from tests.test_explorer_login_resume import FORM, _journeys
from tests.test_explorer_signup_refusal import FormApp

KEPT = "We keep your data for no more than 13 months."     # the banner's retention sentence


@dataclass
class BannerApp(FormApp):
    """A FormApp with a consent banner fixed at the bottom of every screen."""

    def screen(self) -> Screen:
        base = super().screen()
        banner = [Element(bounds=(0, 1800, 400, 200), fixed=True),     # its text scrolled in a box, below its edge
                  Element(text=KEPT, bounds=(10, 2100, 380, 40), view=(1810, 1900))]
        return Screen(elements=base.elements + banner, signature=base.signature, size=base.size)


def _app(answer: str) -> BannerApp:
    def submit(app: FormApp) -> str:
        app.message = answer
        return FORM
    return BannerApp({
        "home": lambda app: [("text", "Zastávky"), ("tap", "Profil", lambda a: "profil")],
        "profil": lambda app: [("tap", "Prihlásiť sa", lambda a: FORM)],
        FORM: lambda app: [("field", "E-mail", False), ("field", "Heslo", True), ("tap", "Prihlásiť sa", submit)],
    })


def test_a_period_in_a_banner_standing_over_the_log_in_form_is_no_answer() -> None:
    assert waiting_period_days(KEPT)           # the sentence does state a period
    journeys, _ = _journeys(_app("Vorla anet kesh."))
    assert journeys.log_in() == "rejected"


def test_a_period_the_answer_adds_is_still_pending() -> None:
    journeys, _ = _journeys(_app("Deleted in 14 days: log in again to cancel."))
    assert journeys.log_in() == "pending"
