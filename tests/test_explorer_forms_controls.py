"""Forms and controls the deletion search meets (fresh corpus apps ktiv, vstup, vue-fair, beyonk-dark), on
made-up screens:

- a required drop-down (a native <select> whose first option is empty, an Android Spinner) is chosen in, one
  tap (ktiv: the reason never chosen, the form refused «יש לבחור סיבה.», not found);
- a sign-up refused for an unticked terms box is sent again with that box ticked — the box the refusal names or
  one marked required — and never with an optional box it does not name (vstup: never retried, no account);
- a type-to-confirm field whose hint names a word in capitals in any language («Taip PADAM») is a grave
  confirmation by structure, and its button, in no lexicon and disabled until the word is typed, submits it
  (vue-fair: "no way forward");
- a scroll that cannot bring a control into view is said as a sentence for the user, the suite's own error (never
  "ScrollError: …" as an audit broken at its start; beyonk-dark).
"""
from __future__ import annotations

import pytest
from test_explorer_signup_refusal import CONFIG, DATA, FormApp, Row, search

from consent_audit.audit import _first_line
from consent_audit.errors import AutomationError
from consent_audit.explorer import forms
from consent_audit.explorer.account import AccountGoal
from consent_audit.explorer.deletion import confirms_by_structure
from consent_audit.explorer.elements import Use, targets
from consent_audit.gestures import ScrollError
from consent_audit.screen import Element, Screen


def _form(*elements: Element) -> tuple[Screen, list]:
    screen = Screen(elements=list(elements), signature="form", size=(400, 800))
    return screen, targets(screen)


REASON = Element(name="Reason", role="combobox", clickable=True, checked=False, text="Choose…", bounds=(0, 60, 400, 40))
TYPED = Element(name="Taip PADAM", role="textbox", clickable=True, bounds=(0, 120, 400, 40))
SEND = Element(text="Zorvat kekal", role="button", clickable=True, enabled=False, bounds=(0, 180, 400, 44))


def test_a_drop_down_showing_no_real_option_is_chosen_in_and_its_button_submits() -> None:
    screen, found = _form(Element(text="Delete account", bounds=(0, 0, 400, 20)),
                          Element(text="Reason", bounds=(0, 25, 400, 30)), REASON, TYPED, SEND)
    reason = next(t for t in found if t.element is REASON)
    assert reason.use == Use.SELECT and reason.label == "Reason"     # named by its label, not the option shown
    p = forms.plan(screen, found, forms.FILL, DATA, sms_known=True)
    assert [t.element for t in p.selects] == [REASON]
    assert [(t.element, k) for t, k in p.fields] == [(TYPED, "typed_back")]
    assert p.submit is not None and p.submit.element is SEND          # disabled until typed, in no lexicon
    chosen = Element(**{**REASON.__dict__, "checked": True, "text": "No time"})
    screen, found = _form(chosen, TYPED, SEND)
    assert forms.plan(screen, found, forms.FILL, DATA, sms_known=True).selects == []


def test_a_spinner_whose_choice_is_unread_is_chosen_in_only_when_the_form_was_refused() -> None:
    spinner = Element(name="Důvod", role="combobox", clickable=True, checked=None, bounds=(0, 60, 400, 40))
    secret = Element(name="Heslo", role="textbox", clickable=True, secret_field=True, bounds=(0, 120, 400, 40))
    screen, found = _form(spinner, secret, Element(text="Delete", role="button", clickable=True, bounds=(0, 180, 400, 44)))
    assert forms.plan(screen, found, forms.FILL, DATA, True).selects == []
    assert [t.element for t in forms.plan(screen, found, "retry:", DATA, True).selects] == [spinner]


def test_a_hint_naming_a_word_in_capitals_is_a_grave_confirmation_in_any_language() -> None:
    _, found = _form(TYPED, SEND)
    assert confirms_by_structure(found)
    _, found = _form(Element(name="Nama anda", role="textbox", clickable=True, bounds=(0, 120, 400, 40)), SEND)
    assert not confirms_by_structure(found)


# --- vstup's kind: a sign-up refused for its unticked terms box ---

# the terms box worded in no lexicon (vstup's own «Souhlasím …» is ticked at once now): only the refusal names it
TERMS, NEWS = "Řídím se obchodními podmínkami", "Chci dostávat novinky e-mailem"


def _vstup(required: bool = False) -> dict:
    def sign_up(app: FormApp) -> str:
        if not app.boxes.get(TERMS):
            app.message = "Bez souhlasu s obchodními podmínkami účet nezaložíme."
            return "registrace"
        app.accounts.add((app.values.get("E-mail", ""), app.values.get("Heslo", "")))
        app.user = app.values.get("E-mail")
        return "home"

    def home(app: FormApp) -> list[Row]:
        if app.user:
            return [("text", "Vítejte")]
        return [("tap", "Přihlásit se", lambda a: "prihlaseni"), ("tap", "Vytvořit účet", lambda a: "registrace")]

    def log_in(app: FormApp) -> str:
        app.message = "Nesprávný e-mail nebo heslo."
        return "prihlaseni"
    return {"home": home,
            "prihlaseni": lambda app: [("field", "E-mail", False), ("field", "Heslo", True),
                                       ("tap", "Přihlásit se", log_in)],
            "registrace": lambda app: [("field", "E-mail", False), ("field", "Heslo", True), ("box", TERMS),
                                       ("box", NEWS), ("tap", "Vytvořit účet", sign_up)]}


def test_a_sign_up_refused_for_its_terms_box_is_sent_again_with_it_and_never_with_the_newsletter() -> None:
    goal = AccountGoal(CONFIG, forms.FormData(username=DATA.username, password=DATA.password))
    result, app = search(FormApp(_vstup()), goal)
    assert result.ending == "reached" and goal.mode == "sign_up", (result.detail, app.taps)
    assert app.boxes.get(TERMS) is True and not app.boxes.get(NEWS), app.taps
    assert (DATA.username, DATA.password) in app.accounts
    assert any(d["kind"].startswith("form rejected") and "obchodními" in d["kind"] for d in result.dead_ends)


def test_the_boxes_a_refusal_lacks_are_those_it_names_or_marked_required() -> None:
    named = Element(name=TERMS, role="checkbox", clickable=True, checked=False, bounds=(0, 0, 30, 30))
    news = Element(name=NEWS, role="checkbox", clickable=True, checked=False, bounds=(0, 60, 30, 30))
    required = Element(name="ﾙｰﾙ", role="checkbox", clickable=True, checked=False, required=True, bounds=(0, 120, 30, 30))
    _, found = _form(named, news, required)
    lacking = forms.lacking_boxes(found, "Bez souhlasu s obchodními podmínkami účet nezaložíme.")
    assert [t.element for t in lacking] == [named, required]
    assert [t.element for t in forms.lacking_boxes(found, "Něco se pokazilo.")] == [required]


def test_a_box_marked_required_is_ticked_at_the_first_attempt_and_an_optional_one_never() -> None:
    """vstup's kind: a terms box worded in no lexicon is left unticked at the first sign-up, refused, and the form
    filled again (4 actions more than a user spends). Marked required (`required`, aria-required), it is ticked
    at once on a sign-up or a deletion form, whatever its words; the unmarked newsletter box is not."""
    mail = Element(name="E-mail", role="textbox", clickable=True, bounds=(0, 0, 400, 40))
    secret = Element(name="Heslo", role="textbox", clickable=True, secret_field=True, bounds=(0, 60, 400, 40))
    terms = Element(name=TERMS, role="checkbox", clickable=True, checked=False, required=True, bounds=(0, 120, 30, 30))
    news = Element(name=NEWS, role="checkbox", clickable=True, checked=False, bounds=(0, 180, 30, 30))
    send = Element(text="Vytvořit účet", role="button", clickable=True, bounds=(0, 240, 400, 44))
    screen, found = _form(mail, secret, terms, news, send)
    for purpose in (forms.ACCOUNT, forms.FILL):
        assert [t.element for t in forms.plan(screen, found, purpose, DATA, True).ticks] == [terms]
    assert forms.plan(screen, found, forms.UNTICK, DATA, True).ticks == []


# --- beyonk-dark's kind: what no scroll reaches, said as a sentence ---

def test_a_scroll_that_cannot_reach_a_control_is_the_suites_own_error_said_as_a_sentence() -> None:
    exc = ScrollError('"Delete anyway" cannot be brought into view by scrolling: the content scrolled to its end')
    assert isinstance(exc, AutomationError)
    assert _first_line(exc).startswith('"Delete anyway" cannot be brought into view')
    assert _first_line(ValueError("bad")) == "ValueError: bad"        # a foreign error keeps its name


# --- ktiv's message: "it wants 'אימייל' (not given)" although the username was given ---

def test_a_form_stopping_the_search_says_whether_a_value_was_not_given_or_a_field_was_not_understood() -> None:
    secret = Element(name="סיסמה", role="textbox", clickable=True, secret_field=True, bounds=(0, 120, 400, 40))
    send = Element(text="מחק", role="button", clickable=True, bounds=(0, 180, 400, 44))
    mail = Element(name="אימייל", role="textbox", clickable=True, bounds=(0, 60, 400, 40))
    screen, found = _form(mail, secret, send)
    p = forms.plan(screen, found, forms.FILL, DATA, True)
    assert [k for _, k in p.fields] == ["username", "password"] and p.missing == []   # the e-mail in Hebrew
    odd = Element(name="Qlorvax", role="textbox", clickable=True, bounds=(0, 60, 400, 40))
    screen, found = _form(odd, secret, send)
    p = forms.plan(screen, found, forms.FILL, DATA, True)
    assert p.missing == ["'Qlorvax' (a field whose words name no data the suite knows)"]
    no_secret = forms.FormData(username=DATA.username)
    screen, found = _form(mail, secret, send)
    assert forms.plan(screen, found, forms.FILL, no_secret, True).missing == ["password (not given)"]


def test_a_way_on_disabled_until_a_box_is_ticked_gets_the_box_ticked_in_any_language() -> None:
    """beyonk-dark: «Видалити акаунт» disabled until «Я розумію, що всі бонуси згорять» is ticked (before: the
    screen offered nothing to fill and the disabled button was "no way forward")."""
    box = Element(name="Я розумію, що всі бонуси згорять", role="checkbox", clickable=True, checked=False,
                  bounds=(0, 60, 30, 30))
    button = Element(text="Видалити акаунт", role="button", clickable=True, enabled=False, bounds=(0, 120, 400, 44))
    screen, found = _form(box, button)
    p = forms.plan(screen, found, forms.FILL, DATA, True)
    assert [t.element for t in p.ticks] == [box] and p.submit is not None and p.submit.element is button
    enabled = Element(**{**button.__dict__, "enabled": True})      # a box beside an enabled button stays as it is
    screen, found = _form(box, enabled)
    assert forms.plan(screen, found, forms.FILL, DATA, True).ticks == []


def test_an_unworded_way_on_disabled_until_a_box_is_ticked_is_a_form() -> None:
    """valna (bg): a native box «Разбирам, че номерът и фактурите ще бъдат изтрити» and a disabled «Продължи»,
    neither in a lexicon (before: no form seen, the deletion's step "no way forward" and the search ended there).
    The held-back button is the form's; beside an enabled unworded one the box is left alone (no form)."""
    box = Element(name="Разбирам, че номерът и фактурите ще бъдат изтрити", role="checkbox", clickable=True,
                  checked=False, bounds=(0, 300, 300, 30))
    button = Element(text="Продължи", role="button", clickable=True, enabled=False, bounds=(0, 360, 400, 44))
    screen, found = _form(box, button)
    p = forms.plan(screen, found, forms.FILL, DATA, True)
    assert [t.element for t in p.ticks] == [box] and p.submit is not None and p.submit.element is button
    enabled = Element(**{**button.__dict__, "enabled": True})
    screen, found = _form(box, enabled)
    assert forms.plan(screen, found, forms.FILL, DATA, True).submit is None


def test_a_way_on_drawn_faded_gets_the_box_beside_it_ticked_first() -> None:
    """sahel (fr, divs only): «Supprimer» drawn at opacity .45 (no `disabled`, taps ignored) until the drawn box
    «Je comprends que c’est définitif» is ticked — words no lexicon holds. Before: «Supprimer» tapped, nothing
    changed, the deletion not found. Its look (`faded`) holds it back as `disabled` would."""
    box = Element(text="Je comprends que c’est définitif", role="checkbox", clickable=True, checked=False,
                  bounds=(0, 60, 300, 50))
    button = Element(text="Supprimer", role="", clickable=True, faded=True, bounds=(0, 120, 400, 44))
    screen, found = _form(box, button)
    p = forms.plan(screen, found, forms.FILL, DATA, True)
    assert [t.element for t in p.ticks] == [box] and p.submit is not None and p.submit.element is button
    drawn = Element(**{**button.__dict__, "faded": False})      # drawn as usual: the box stays as it is
    screen, found = _form(box, drawn)
    assert forms.plan(screen, found, forms.FILL, DATA, True).ticks == []


def test_a_way_on_disabled_beside_a_box_disabled_until_its_text_is_read_gets_the_box_ticked() -> None:
    """hikari (ja): «注意事項を確認しました» a div role=checkbox with aria-disabled until the notice above it is
    scrolled to its end, «退会する» aria-disabled until it is ticked (before: nothing to fill, nothing enabled —
    the wizard's page filed as "no way forward"). The box is ticked (fill scrolls first); an enabled box beside it
    is the one chosen where one will do; a retried form ticks a gated box too when it is the only one."""
    box = Element(name="注意事項を確認しました", role="checkbox", clickable=True, checked=False, enabled=False,
                  bounds=(0, 300, 300, 30))
    button = Element(text="退会する", role="button", clickable=True, enabled=False, bounds=(0, 360, 400, 44))
    screen, found = _form(box, button)
    p = forms.plan(screen, found, forms.FILL, DATA, True)
    assert [t.element for t in p.ticks] == [box] and p.submit is not None and p.submit.element is button and p.work
    option = Element(name="Keep my photos", role="checkbox", clickable=True, checked=False, bounds=(0, 250, 300, 30))
    screen, found = _form(option, box, button)
    assert [t.element for t in forms.plan(screen, found, forms.FILL, DATA, True).ticks] == [option]
    enabled = Element(**{**button.__dict__, "enabled": True})    # refused once with a toast: ticked on the retry
    screen, found = _form(box, enabled)
    assert forms.plan(screen, found, forms.FILL, DATA, True).ticks == []
    assert [t.element for t in forms.plan(screen, found, forms.retry_purpose("確認してください"), DATA, True).ticks] == [box]


def test_a_live_message_is_no_heading_of_the_screen_it_appears_on() -> None:
    """fresh3 hikari-x2: «退会する» answered in place by a toast (role=status) naming the box to tick; the toast
    made the page another screen, so the refusal was never judged (tapped again, then abandoned: not found). A
    live message (role status / alert) is no heading of the screen (nor, in the web snapshot, part of its shape:
    platforms/web/dom.py)."""
    from consent_audit.explorer.deletion import DeletionGoal
    from test_explorer_signup_refusal import Budget, GoalSearch, Op, Spend
    app = FormApp(pages={"home": lambda a: [("text", "退会手続き"), ("tap", "退会する", lambda a: "home")]})
    found = GoalSearch(Op(app, Spend(Budget(5, 5))), DeletionGoal(CONFIG), DATA, CONFIG.search, Spend(Budget(5, 5)))
    plain = app.screen()
    toast = Screen(elements=plain.elements + [Element(text="注意事項の確認にチェックを入れてください。", role="status",
                                                      bounds=(0, 700, 400, 40))], signature=plain.signature, size=(400, 800))
    assert found._labels(toast) == found._labels(plain)
    said = Screen(elements=plain.elements + [Element(text="注意事項", bounds=(0, 700, 400, 40))],
                  signature=plain.signature, size=(400, 800))
    assert found._labels(said) != found._labels(plain)        # a heading of its own still counts


def test_a_continue_in_no_lexicon_under_a_required_choice_submits_it_after_one_option_is_chosen() -> None:
    """fresh7 warung (id): «Hapus akun» opens «Kenapa Anda ingin menghapus akun? Pilih satu.» — four reason rows
    (drawn dots, or real radios in labels: both read as radio options) and a filled «Lanjut», a word no lexicon
    knows. Before: no submit, so no form — the page was "no way forward" and the search relaunched. A choice is
    something the deletion form wants given, as a field or a box is: its first option is chosen, then the first
    button after it submits."""
    reasons = [Element(name=r, role="radio", clickable=True, checked=False, bounds=(0, 60 + 50 * i, 400, 44))
               for i, r in enumerate(["Jarang belanja online", "Harga terlalu mahal", "Pengiriman lambat"])]
    go = Element(text="Lanjut", clickable=True, bounds=(0, 260, 400, 48))
    screen, found = _form(Element(text="Kenapa Anda ingin menghapus akun? Pilih satu.", bounds=(0, 20, 400, 30)),
                          *reasons, go, Element(text="Bantuan", role="link", clickable=True, bounds=(0, 330, 400, 30)))
    p = forms.plan(screen, found, forms.FILL, DATA, True)
    assert p.choice is not None and p.choice.element is reasons[0]
    assert p.submit is not None and p.submit.element is go
    assert forms.is_form(screen, found, forms.FILL, DATA)
    chosen = [Element(**{**reasons[0].__dict__, "checked": True})] + reasons[1:]
    screen, found = _form(*chosen, go)
    assert forms.plan(screen, found, forms.FILL, DATA, True).choice is None     # one chosen: none more
    screen, found = _form(*reasons, go)
    assert forms.plan(screen, found, forms.ACCOUNT, DATA, True).submit is None  # a sign-up's is not guessed


def test_a_required_choice_never_takes_an_option_that_keeps_the_account() -> None:
    """fixR: the choice took the first option whatever it said — a reason list opening with «I changed my mind,
    keep my account» (or «I want to keep my data») gave the answer that ends the deletion. An option worded as a
    way out (keep, cancel, log out) is never chosen; the first other one is, and with none, nothing is."""
    def radios(*labels: str) -> list[Element]:
        return [Element(name=r, role="radio", clickable=True, checked=False, bounds=(0, 60 + 50 * i, 400, 44))
                for i, r in enumerate(labels)]
    go = Element(text="Continue", role="button", clickable=True, bounds=(0, 400, 400, 48))
    for first in ("I changed my mind, keep my account", "I want to keep my data", "Just log out"):
        options = radios(first, "I no longer use the app", "Other")
        screen, found = _form(Element(text="Why are you leaving?", bounds=(0, 20, 400, 30)), *options, go)
        p = forms.plan(screen, found, forms.FILL, DATA, True)
        assert p.choice is not None and p.choice.element is options[1], first
    only = radios("Keep my account", "Cancel")
    screen, found = _form(*only, go)
    assert forms.plan(screen, found, forms.FILL, DATA, True).choice is None
