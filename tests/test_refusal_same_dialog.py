"""The ways out of a consent dialog tried once each (explorer/refusal.py): a control of the dialog that leaves the
same dialog on screen — its controls all among those of a layer already tried — opened no layer of it, whatever
page it is now laid over. Without a browser: an operator-like over recorded shapes of corpus bep's screens."""
from __future__ import annotations

from consent_audit.explorer import refusal
from consent_audit.explorer.elements import targets
from consent_audit.explorer.forms import FormData
from consent_audit.explorer.moves import Move
from consent_audit.screen import Element, Screen

TABS = [Element(name=t, role="button", clickable=True, bounds=(360 * i, 2245, 360, 157))
        for i, t in enumerate(("Trang chủ", "Đơn hàng", "Tài khoản"))]
BAR = [Element(role="alert", bounds=(0, 1898, 1082, 346), fixed=True),
       Element(text="Bếp Nhà dùng cookie để ghi nhớ giỏ hàng và đo lường lượt dùng. Tiếp tục sử dụng ứng dụng "
                    "nghĩa là bạn đồng ý.", bounds=(52, 1930, 980, 120)),
       Element(text="Tìm hiểu thêm", role="link", rid="tim-hieu", clickable=True, bounds=(610, 2060, 300, 50)),
       Element(text="Đồng ý", role="button", clickable=True, bounds=(79, 2125, 238, 88))]
HOME = [Element(text="Quán gần bạn", bounds=(36, 210, 1000, 80)),
        Element(text="Phở Hà Nội", role="button", clickable=True, bounds=(36, 400, 1008, 130))]
POLICY = [Element(text="Chính sách quyền riêng tư", bounds=(36, 40, 1000, 80)),
          Element(text="Cookie ghi nhớ giỏ hàng và đếm lượt dùng ứng dụng.", bounds=(36, 300, 1000, 120))]
ACCEPTED = {"cookies": {"acceptCookies": "true"}}


class _Notice:
    """bootstrap-cookie-alert over a single-page app: the bar leaves the app usable (nothing covered); «Đồng ý»
    stores the acknowledgement and the bar goes; «Tìm hiểu thêm» is a link to the app's policy page (#chinhsach),
    the bar still over it, nothing stored. Every tap is recorded."""

    in_foreground = True
    consent_keys: frozenset = frozenset()

    def __init__(self) -> None:
        self.platform = self
        self.taps: list[str] = []
        self.launch_fresh()

    def launch_fresh(self) -> Screen:
        self.stored: dict = {}
        self.shown = self._at(HOME + BAR + TABS, "home+bar", "")
        return self.shown

    @staticmethod
    def _at(elements: list[Element], signature: str, fragment: str) -> Screen:
        return Screen(elements=elements, signature=signature, size=(1082, 2402),
                      location="http://127.0.0.1/bep/" + fragment)

    def stored_state(self) -> dict:
        return {k: dict(v) for k, v in self.stored.items()}

    def screen(self) -> Screen:
        return self.shown

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset()

    def targets(self, screen: Screen | None = None) -> list:
        return targets(screen or self.shown, frozenset())

    def find(self, key: str, screen: Screen | None = None):
        return next((t for t in self.targets(screen) if t.key == key), None)

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        page = POLICY if self.shown.location.endswith("#chinhsach") else HOME
        if target.label == "Đồng ý":
            self.stored = {k: dict(v) for k, v in ACCEPTED.items()}
            self.shown = self._at(page + TABS, "page", self.shown.location.rsplit("/", 1)[1])
        elif target.label == "Tìm hiểu thêm":
            self.shown = self._at(POLICY + BAR + TABS, "policy+bar", "#chinhsach")
        return self.shown

    def relaunch(self) -> Screen:
        self.shown = self._at(HOME + TABS, "home", "") if self.stored else self._at(HOME + BAR + TABS, "home+bar", "")
        return self.shown


def test_a_link_leaving_the_same_notice_over_another_page_opened_no_layer_of_it() -> None:
    """Corpus bep (permissions 25/6, consent 15/1): «Tìm hiểu thêm» opened the policy page with the same notice
    over it, read as a new layer of the dialog — whose ways out, the same two controls, were each tried again
    from a fresh launch (a launch, the promotion's «Bỏ qua», the link, then «Đồng ý» and a relaunch; again for
    the link): eight actions to learn nothing new, in each goal. The dialog still there with no control of its
    own a tried layer lacks is the dialog left in place; every way out is still tried once."""
    app = _Notice()
    accept = [Move.tap(next(t for t in app.targets() if t.label == "Đồng ý"))]
    found = refusal.check(app, app.launch_fresh, accept, FormData(), {"refusal_trials": 16, "refusal_layers": 2},
                          kept=({}, ACCEPTED))
    assert found.offered is False, found.detail
    assert [(t.path, t.outcome) for t in found.trials] == [(["Đồng ý"], refusal.CONSENTED),
                                                           (["Tìm hiểu thêm"], refusal.STAYED)]
    assert app.taps == ["Tìm hiểu thêm"], app.taps


def test_a_layer_the_dialog_opened_with_a_control_of_its_own_is_still_tried() -> None:
    """The other side: the link opening a page whose notice now holds a control the first layer lacked (a
    «Từ chối» refusing there) is a layer of the dialog, its ways out tried in turn — and the refusal found."""

    class _Deeper(_Notice):
        def tap(self, target) -> Screen:
            if target.label == "Từ chối":
                self.taps.append(target.label)
                self.stored = {"cookies": {"acceptCookies": "false"}}
                self.shown = self._at(POLICY + TABS, "policy", "#chinhsach")
                return self.shown
            screen = super().tap(target)
            if target.label == "Tìm hiểu thêm":
                refuse = Element(text="Từ chối", role="button", clickable=True, bounds=(400, 2125, 238, 88))
                self.shown = self._at(POLICY + BAR + [refuse] + TABS, "policy+bar+refuse", "#chinhsach")
                return self.shown
            return screen

    app = _Deeper()
    accept = [Move.tap(next(t for t in app.targets() if t.label == "Đồng ý"))]
    found = refusal.check(app, app.launch_fresh, accept, FormData(), {"refusal_trials": 16, "refusal_layers": 2},
                          kept=({}, ACCEPTED))
    assert found.offered is True and [m.label for m in found.refusal] == ["Tìm hiểu thêm", "Từ chối"], found.detail


def test_a_control_inline_in_the_dialogs_sentence_is_tried_after_its_buttons() -> None:
    """Corpus daftar (CookieCraft: permissions 22/10, consent 5/2): «ترجیحات منتخب کریں», a span with a click
    handler and no role at the end of the notice's sentence, was tried as a way out before the buttons under it
    — one action in each goal to open the preferences layer before «سب مسترد کریں» refused. A control whose box
    lies inside a run of the dialog's own words (its sentence) is read as a link there: tried after the buttons,
    as the links are; every way out is still tried."""
    from consent_audit.explorer.refusal import _ways_out
    dialog = [Element(role="dialog", bounds=(270, 890, 540, 620)),
              Element(text="آپ کی رازداری اہم ہے", bounds=(318, 930, 446, 50)),
              Element(text="دفتر کوکیز استعمال کرتا ہے تاکہ ایپ بہتر ہو اور آپ کو پسندیدہ پیشکشیں دکھائی جائیں۔",
                      bounds=(318, 1000, 446, 210)),
              Element(text="ترجیحات منتخب کریں", clickable=True, bounds=(355, 1165, 311, 39)),
              Element(text="سب قبول کریں", name="سب قبول کریں", role="button", clickable=True, bounds=(318, 1255, 446, 95)),
              Element(text="سب مسترد کریں", name="سب مسترد کریں", role="button", clickable=True,
                      bounds=(318, 1368, 446, 95))]
    screen = Screen(elements=dialog, signature="d", size=(1082, 2402))
    assert [m.label for m in _ways_out(targets(screen), screen)] == ["سب قبول کریں", "سب مسترد کریں",
                                                                     "ترجیحات منتخب کریں"]
    # a control of no role standing on its own (not inside any text of the dialog) keeps its place
    alone = Screen(elements=dialog[:3] + [Element(text="ترجیحات منتخب کریں", clickable=True,
                                                  bounds=(355, 1215, 311, 39))] + dialog[4:],
                   signature="e", size=(1082, 2402))
    assert [m.label for m in _ways_out(targets(alone), alone)][0] == "ترجیحات منتخب کریں"


def test_a_second_layer_holding_some_of_the_first_layers_controls_is_still_tried() -> None:
    """A dialog's second layer that keeps the first's «Đồng ý» and «Tìm hiểu thêm» but not all of it (here: its
    own «Từ chối» gone from the first, a layer of two) is another layer: its ways out are tried in turn — only
    the very same controls again make the same dialog."""
    from consent_audit.explorer.dialog_scope import layer_seen, new_layer
    first = _Notice()._at(HOME + BAR + [Element(text="Từ chối", role="button", clickable=True,
                                                bounds=(400, 2125, 238, 88))] + TABS, "home+bar+refuse", "")
    page = frozenset(t.key for t in targets(first) if t.label in ("Phở Hà Nội", "Trang chủ", "Đơn hàng", "Tài khoản"))
    seen = {layer_seen(first, targets(first))}
    second = _Notice()._at(POLICY + BAR + TABS, "policy+bar", "#chinhsach")
    assert new_layer(second, targets(second), seen, page)
    again = _Notice()._at(POLICY + BAR + [Element(text="Từ chối", role="button", clickable=True,
                                                  bounds=(400, 2125, 238, 88))] + TABS, "policy+bar+refuse", "#chinhsach")
    assert not new_layer(again, targets(again), seen, page)
