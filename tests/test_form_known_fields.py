"""A field typed into once in a run is the same field when met again (fresh8 kadai: «மின்னஞ்சல்», an
type=email field typed at sign-up, then "a field whose words name no data the suite knows" on the log-in
form a deletion search met after a log-out)."""
from __future__ import annotations

from consent_audit.explorer.elements import targets
from consent_audit.explorer.form_data import FILL, FormData
from consent_audit.explorer.form_plan import plan
from consent_audit.screen import Element, Screen


def _login() -> Screen:
    return Screen(elements=[
        Element(text="உள்நுழை", role="heading", bounds=(0, 0, 400, 40)),
        Element(name="மின்னஞ்சல்", role="textbox", bounds=(10, 60, 390, 100), clickable=True),
        Element(name="கடவுச்சொல்", role="textbox", bounds=(10, 120, 390, 160), clickable=True, secret_field=True),
        Element(text="உள்நுழை", role="button", bounds=(10, 180, 390, 220), clickable=True),
    ], signature="login")


def test_a_field_typed_before_is_known_again_whatever_its_words():
    screen = _login()
    data = FormData(username="tester@kadai.test", password="pw")
    found = targets(screen)
    email = next(t for t in found if t.element.name == "மின்னஞ்சல்")
    first = plan(screen, found, FILL, data, sms_known=False)
    assert first.missing and "name no data" in first.missing[0]    # words alone: unknown
    data.known[email.key] = "username"                             # what `fill` records when it types
    again = plan(screen, targets(screen), FILL, data, sms_known=False)
    assert not again.missing
    assert ("username" in [k for t, k in again.fields if t.key == email.key])


def test_a_field_never_typed_stays_unknown():
    screen = _login()
    data = FormData(username="tester@kadai.test", password="pw", known={"textbox|other|0": "username"})
    assert plan(screen, targets(screen), FILL, data, sms_known=False).missing


def test_a_field_typed_as_an_e_mail_asks_for_the_accounts_identity_whatever_its_words():
    """fresh16 ferenj (am): the deletion request's «ኢሜይልዎን እንደገና ያስገቡ» (<input type=email>, the account's
    e-mail typed again) was "a field whose words name no data the suite knows": the form was never sent. The
    markup types it as an e-mail address (`Element.mailbox`): the account's identity, in any language; a plain
    text field in the same words stays unknown."""
    form = [Element(text="ምክንያት", bounds=(10, 0, 390, 40)),
            Element(role="combobox", text="ምክንያት ይምረጡ", bounds=(10, 40, 390, 80), clickable=True, checked=False),
            Element(text="ኢሜይልዎን እንደገና ያስገቡ", bounds=(10, 90, 390, 120)),
            Element(name="ኢሜይልዎን እንደገና ያስገቡ", role="textbox", bounds=(10, 130, 390, 170), clickable=True,
                    required=True, mailbox=True),
            Element(text="ላክ", role="button", bounds=(10, 190, 390, 230), clickable=True)]
    data = FormData(username="tester@ferenj.test", password="pw")
    screen = Screen(elements=form, signature="request")
    planned = plan(screen, targets(screen), FILL, data, sms_known=False)
    assert not planned.missing and [k for _, k in planned.fields] == ["username"]
    plain = [Element(e.text, e.name, e.rid, e.role, e.bounds, e.clickable, e.checked, required=e.required)
             for e in form]
    screen = Screen(elements=plain, signature="request")
    assert plan(screen, targets(screen), FILL, data, sms_known=False).missing
