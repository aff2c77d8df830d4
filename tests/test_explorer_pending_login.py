"""A log-in after a deletion whose end said it is pending, refused in words no lexicon has (helper fixMT, corpus
meltemi): the deletion's end «… σε 30 ημέρες» (a waiting period: pending), the log-in after it answered
«Ο λογαριασμός αυτός είναι σε διαδικασία διαγραφής.» — read `rejected` (truth: pending), though the account search
had seen the same form refuse a log-in with «Λάθος email ή κωδικός πρόσβασης.». An answer other than the app's
own refusal, after a deletion stated pending, is the app holding the account: pending — told by comparing the app's
two answers, never by their words (explorer/account_journeys.py `_held_pending`). The same refusal as before, or no
deletion stated pending, stays rejected. Simulated app (no browser), the stand-in of
tests/test_explorer_login_resume.py; made-up words."""
from __future__ import annotations

import pytest

from tests.test_explorer_login_resume import DATA, FORM, _journeys
from tests.test_explorer_signup_refusal import FormApp

REFUSED = "Vorla anet kesh 4."            # what the form answers a log-in it refuses (addresses, digits vary)
HELD = "Sello vorla mirend tashi."        # what it answers the account whose deletion is pending


def _app(answer: str) -> FormApp:
    def submit(app: FormApp) -> str:
        app.message = answer
        return FORM
    tabs = [("tap", "Domov", lambda a: "home", (180, 44)), ("tap", "Profil", lambda a: "profil", (180, 44), "beside")]
    return FormApp({
        "home": lambda app: [("text", "Zastávky")] + tabs,
        "profil": lambda app: [("tap", "Prihlásiť sa", lambda a: FORM)] + tabs,
        FORM: lambda app: [("field", "E-mail", False), ("field", "Heslo", True), ("tap", "Prihlásiť sa", submit)],
    })


@pytest.mark.parametrize("answer, end, told", [
    (HELD, "pending", "pending"),                  # another answer than the refusal, the deletion pending
    (REFUSED.replace("4", "7"), "pending", "rejected"),   # the app's refusal again (digits masked)
    (HELD, "done", "rejected"),                    # the deletion said done: a refusal, whatever its words
    (HELD, None, "rejected"),                      # its end said nothing: not told pending
])
def test_a_log_in_answered_otherwise_than_the_apps_refusal_after_a_pending_deletion_is_pending(answer, end, told) -> None:
    app = _app(answer)
    journeys, _ = _journeys(app)
    journeys.login_refusal, journeys.deletion_end = REFUSED, end
    assert journeys.log_in() == told


def _telling_app(made: str) -> FormApp:
    """The form refuses every name, answering HELD for `made` (the deleted account) and REFUSED for any other."""
    app = _app("")
    def submit(a: FormApp) -> str:
        a.message = HELD if a.values.get("E-mail") == made else REFUSED
        return FORM
    form = app.pages[FORM]
    app.pages[FORM] = lambda a: form(a)[:2] + [("tap", "Prihlásiť sa", submit)]
    return app


@pytest.mark.parametrize("tells, told", [(True, "pending"), (False, "rejected")])
def test_without_a_refusal_seen_the_form_is_asked_about_an_account_it_never_had(tells: bool, told: str) -> None:
    """No log-in was refused while exploring (a new account, `--new-account`, or signed up at once): after a
    deletion stated pending, the form is sent once more under a name never signed up, and the two answers are
    compared (before: no refusal to compare with, read rejected — corpus meltemi with a new account)."""
    app = _telling_app(DATA.username) if tells else _app(HELD)
    journeys, _ = _journeys(app)
    journeys.deletion_end, journeys.given_username = "pending", DATA.username
    assert journeys.log_in() == told, app.taps
    assert app.taps[-3:] == ["type E-mail", "type Heslo", "Prihlásiť sa"]          # the form sent again
    assert journeys.data.username == DATA.username                                 # the account's name kept
