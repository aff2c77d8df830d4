"""A consent notice that offers no refusal (corpus notice-only: cookie-notice's one «OK» beside a «learn more»
link, consent "by use"), without a browser:

- told by structure as a consent dialog with an accept path and no reject path (before: "no consent dialog was
  recognised", the answers() rule wanting two answers that store);
- its «OK», laid over the log-in page, is no submit of the log-in form (before: taken for it, the form never sent);
- a dialog left unanswered for lack of a refusal and shown again at each relaunch is no consent nagging, and a
  relaunch count that cannot be told leaves the permissions verdict not_found, never broken nor clean (the
  corpus scoring of its null reject_steps: tests/test_corpus_score.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from consent_audit.explorer import consent_structure
from consent_audit.explorer.elements import targets
from consent_audit.explorer.forms import ACCOUNT, FormData, plan
from consent_audit.screen import Element, Screen

from test_explorer_structure import LayerApp, _button

NOTICE = {"first": {"texts": ["We use cookies to give you the best experience. Using the app, you agree."],
                    "buttons": {"Više informacija": ("first", None, False),       # a link: the notice stays
                                "U redu": (None, "1", False)}}}                     # stores an acknowledgement


class NoticeApp(LayerApp):
    """The layer as a notice at the top that leaves the app usable: nothing covered."""

    def covered(self, s: Screen) -> frozenset[int]:
        return frozenset()


def test_a_notice_whose_only_answer_stores_an_acknowledgement_is_consent_with_no_refusal() -> None:
    app = NoticeApp(NOTICE)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None and learnt.reject is None
    assert [m.label for m in learnt.accept.moves] == ["U redu"] and not learnt.covered


@pytest.mark.parametrize("layers", [
    # a what's-new whose «OK» stores "seen": its words speak of no consent
    {"first": {"texts": ["Novo u ovoj verziji: tamni način rada."], "buttons": {
        "Više": ("first", None, False), "U redu": (None, "1", False)}}},
    # a second way to take the notice away (a × storing nothing): a refusal may be there, not told here
    {"first": {"texts": NOTICE["first"]["texts"], "buttons": {"×": (None, None, False), "U redu": (None, "1", False)}}},
    # a link to a page of purposes the notice stays over: a refusal may be there, by unticking
    {"first": {"texts": NOTICE["first"]["texts"], "buttons": {"Postavke": ("prefs", None, False),
                                                             "U redu": (None, "1", False)}},
     "prefs": {"texts": NOTICE["first"]["texts"], "boxes": ("Analitika",),
               "buttons": {"Postavke": ("prefs", None, False), "U redu": (None, "1", False)}}},
    # the only answer stores nothing
    {"first": {"texts": NOTICE["first"]["texts"], "buttons": {"Više informacija": ("first", None, False),
                                                             "U redu": (None, None, False)}}},
])
def test_a_single_answer_is_no_consent_notice_unless_it_alone_stores_and_the_words_say_consent(layers) -> None:
    app = NoticeApp(layers)
    assert consent_structure.learn(app, app.restart) is None


def test_the_notices_ok_over_a_log_in_page_is_no_submit_of_its_form() -> None:
    """The submit is in the layer of the form's fields: a fixed notice holding a sentence of its own and «OK»
    (a confirm word the lexicon knows) beside a log-in form whose button no lexicon names."""
    s = Screen(elements=[Element(fixed=True, bounds=(0, 0, 400, 90)),
                         Element(text=NOTICE["first"]["texts"][0], bounds=(10, 5, 300, 60)),
                         Element(text="OK", role="button", clickable=True, bounds=(320, 20, 60, 30)),
                         Element(name="E-mail", role="textbox", bounds=(10, 200, 300, 40)),
                         Element(name="Lozinka", role="textbox", bounds=(10, 250, 300, 40), secret_field=True),
                         _button("Prijava", 310)],
               signature="s", size=(400, 800))
    p = plan(s, targets(s), ACCOUNT, FormData(username="a@b.c", password="pw"), sms_known=True)
    assert p.submit is not None and p.submit.label == "Prijava"
    # a sticky bar holding the form's only submit and a sentence is still where the form is sent from
    bar = Screen(elements=[Element(name="E-mail", role="textbox", bounds=(10, 200, 300, 40)),
                           Element(name="Lozinka", role="textbox", bounds=(10, 250, 300, 40), secret_field=True),
                           Element(fixed=True, bounds=(0, 700, 400, 100)),
                           Element(text="By logging in you accept the terms of use.", bounds=(10, 705, 380, 30)),
                           _button("Log in", 745)], signature="b", size=(400, 800))
    p = plan(bar, targets(bar), ACCOUNT, FormData(username="a@b.c", password="pw"), sms_known=True)
    assert p.submit is not None and p.submit.label == "Log in"


def test_a_dialog_left_unanswered_for_want_of_a_refusal_is_no_nagging() -> None:
    from consent_audit.findings.patterns.consent_nagging import ConsentNagging
    rule = ConsentNagging()
    shown = {"prompts_per_launch": {"permission": [0, 0, 0], "consent": [1, 1, 1]}}
    assert rule.check({**shown, "consent_refused": False}, {}, {}) is None
    assert rule.check({**shown, "consent_refused": True}, {}, {}) is not None
    assert rule.check(shown, {}, {}) is not None          # a page object's flow: refused as before


def test_an_untold_consent_count_leaves_the_permissions_verdict_not_found_never_broken(tmp_path: Path) -> None:
    from _pytest.outcomes import Skipped

    from consent_audit.audit import Audit
    from consent_audit.errors import AutomationError
    from consent_audit.model import Outcome, Result
    metrics = {"outcomes": {"geolocation": "degraded", "all": "degraded"}, "bundled_demand": False,
               "requested_at_launch": [], "sent_while_denied": [],
               "prompts_per_launch": {"permission": [0, 0, 0], "consent": [None] * 3}}

    def audit() -> Audit:
        return Audit(Result("t", "permissions", "f", metrics=dict(metrics)), tmp_path, tmp_path)
    plain = audit()
    with pytest.raises(AutomationError):
        plain.conclude(plain.evaluate())
    assert plain.result.outcome == Outcome.BROKEN
    told = audit()
    told.not_told("prompts_per_launch.consent", "the layer could not be told")
    with pytest.raises(Skipped):
        told.conclude(told.evaluate())
    assert told.result.outcome == Outcome.NOT_FOUND and "prompts_per_launch.consent" in told.result.reason
    assert told.metrics["unmeasured"] == {"consent_nagging": ["prompts_per_launch.consent"]}


def test_a_dialog_offering_no_refusal_is_left_unanswered_by_the_reject_journey() -> None:
    """Before: the permissions search's refused launch (and the flow's nagging journey) "refused" the notice by
    the words path, whose last resort is a confirm: its «OK» became the reject path, the accept itself
    (refusal_offered then True, the notice counted 0 at every relaunch)."""
    from types import SimpleNamespace

    from consent_audit.explorer.app import ExploredApp
    from consent_audit.explorer.refusal import RefusalCheck
    app = SimpleNamespace(accept=object(), reject=None, refusal=RefusalCheck(False, False), refusal_offered=False)
    ExploredApp._consent_walk(app, "reject")
    assert app.reject is None


def _refused_home(bar_fixed: bool = True) -> Screen:
    """Corpus bep with the location refused: the home's own address field and «Tìm quán» under a cookie bar
    positioned fixed above the tab bar (bootstrap-cookie-alert: its sentence, a «Tìm hiểu thêm» link, «Đồng ý»)."""
    return Screen(elements=[
        Element(text="Không lấy được vị trí. Hãy nhập địa chỉ giao hàng.", bounds=(36, 210, 1000, 180)),
        Element(role="textbox", name="Địa chỉ giao hàng", clickable=True, bounds=(36, 495, 1008, 132)),
        Element(text="Tìm quán", role="button", clickable=True, bounds=(36, 656, 303, 118)),
        Element(role="alert", bounds=(0, 1898, 1082, 346), fixed=bar_fixed),
        Element(text="Bếp Nhà dùng cookie để ghi nhớ giỏ hàng và đo lường lượt dùng. Tiếp tục sử dụng ứng dụng "
                     "nghĩa là bạn đồng ý.", bounds=(52, 1930, 980, 190)),
        Element(text="Tìm hiểu thêm", role="link", clickable=True, bounds=(610, 2060, 300, 60)),
        Element(text="Đồng ý", role="button", clickable=True, bounds=(79, 2125, 238, 88)),
        *[Element(name=t, role="button", clickable=True, bounds=(360 * i, 2245, 360, 157))
          for i, t in enumerate(("Trang chủ", "Đơn hàng", "Tài khoản"))]], signature="home", size=(1082, 2402))


def test_a_cookie_bar_laid_over_an_apps_own_text_field_is_still_the_consent_notice() -> None:
    """Corpus bep (stop 32, prompts.consent [0, 0, 0] against [1, 1, 1]): with the location refused the home
    shows an address field, and a screen holding a text field was read as a log-in or sign-up form, never a
    consent dialog — the notice shown at every relaunch was counted 0. A layer laid over the page (positioned
    fixed, or a dialog) holding none of the fields is read by its own words and controls; fields in the same
    page as the answer (no layer of its own) still make a form, not consent."""
    from consent_audit.explorer.screens import is_consent

    home = _refused_home()
    assert is_consent(home, targets(home))
    flat = _refused_home(bar_fixed=False)          # the same words in the page itself, beside its field: a form
    assert not is_consent(flat, targets(flat))


def _notice_over(page: list[Element], signature: str) -> Screen:
    """Corpus bep's cookie notice (bootstrap-cookie-alert: a bar positioned fixed above the tab bar holding its
    sentence, a «Tìm hiểu thêm» link and «Đồng ý») over `page`, the icon-only tab bar under it."""
    return Screen(elements=[
        *page,
        Element(role="alert", bounds=(0, 1898, 1082, 346), fixed=True),
        Element(text="Bếp Nhà dùng cookie để ghi nhớ giỏ hàng và đo lường lượt dùng. Tiếp tục sử dụng ứng dụng "
                     "nghĩa là bạn đồng ý.", bounds=(52, 1930, 980, 190)),
        Element(text="Tìm hiểu thêm", role="link", clickable=True, bounds=(610, 2060, 300, 60)),
        Element(text="Đồng ý", role="button", clickable=True, bounds=(79, 2125, 238, 88)),
        Element(bounds=(0, 2245, 1082, 157), fixed=True),
        *[Element(name=t, role="button", clickable=True, bounds=(360 * i, 2245, 360, 157))
          for i, t in enumerate(("Trang chủ", "Đơn hàng", "Tài khoản"))]], signature=signature, size=(1082, 2402))


HOME_PAGE = [Element(text="Quán giao đến bạn", bounds=(36, 210, 1000, 80)),
             Element(text="Phở Hà Nội", role="button", clickable=True, bounds=(36, 320, 1008, 132))]
POLICY_PAGE = [Element(text="Chính sách quyền riêng tư", bounds=(36, 40, 800, 80)),
               Element(text="Cookie ghi nhớ giỏ hàng và đếm lượt dùng ứng dụng.", bounds=(36, 330, 1000, 140))]
ACCEPTED_BEP = {"local": {}, "session": {}, "cookies": {"acceptCookies": "true"}, "tcf": None}


class _Bep:
    """bep's launch as an operator-like: «Tìm hiểu thêm» shows the privacy page under the notice, which stays
    as it was (another page behind it: another screen signature, no location change); «Đồng ý» stores
    acceptCookies and takes the notice away. Every tap is recorded."""

    consent_keys: frozenset = frozenset()
    in_foreground = True

    def __init__(self) -> None:
        self.platform, self.taps = self, []
        self.launch()

    def launch(self) -> Screen:
        self.stored = {"local": {}, "session": {}, "cookies": {}, "tcf": None}
        self.shown = _notice_over(HOME_PAGE, "home+notice")
        return self.shown

    def stored_state(self) -> dict:
        return self.stored

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset()

    def targets(self, screen: Screen | None = None) -> list:
        return targets(screen or self.shown, frozenset())

    def screen(self) -> Screen:
        return self.shown

    def find(self, key: str, screen: Screen | None = None):
        return next((t for t in self.targets(screen) if t.key == key), None)

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        if target.label == "Tìm hiểu thêm":
            self.shown = _notice_over(POLICY_PAGE, "policy+notice")
        elif target.label == "Đồng ý":
            self.stored = dict(ACCEPTED_BEP)
            self.shown = Screen(elements=HOME_PAGE, signature="home", size=(1082, 2402))
        return self.shown

    def relaunch(self) -> Screen:
        if self.stored != ACCEPTED_BEP:
            self.shown = _notice_over(HOME_PAGE, "home+notice")
        return self.shown


def test_a_link_that_leaves_the_notice_as_it_was_over_another_page_opens_no_layer() -> None:
    """bep (consent 15 actions for an optimum of 1): the notice's «Tìm hiểu thêm» showed the privacy page under
    the notice, which stayed exactly as it was; the screen's signature changed with the page, so the trial was a
    "new layer" and that "layer's" «Đồng ý» and «Tìm hiểu thêm» were each tried again from a fresh launch (two
    launches, the promotion skipped at each, five taps and a relaunch). The dialog's own words and controls are
    compared: the same after the move, it stayed, whatever the page behind it became."""
    from consent_audit.explorer.forms import FormData
    from consent_audit.explorer.moves import Move
    from consent_audit.explorer.refusal import LAYER, STAYED, check
    app = _Bep()
    accept = [Move.tap(app.find("button|đồng ý|0"))]
    found = check(app, app.launch, accept, FormData(), {"refusal_trials": 16, "refusal_layers": 2},
                  kept=({"local": {}, "session": {}, "cookies": {}, "tcf": None}, ACCEPTED_BEP))
    assert [(t.path, t.outcome) for t in found.trials] == [(["Đồng ý"], "consented"), (["Tìm hiểu thêm"], STAYED)]
    assert found.offered is False and LAYER not in [t.outcome for t in found.trials]
    assert app.taps == ["Tìm hiểu thêm"]
