"""The consent wall: a dialog covering the app that offers no way to refuse (explorer/refusal.py measures it by
what each way out does; findings/patterns/consent_wall.py reports it). End to end on live pages:
tests/test_explorer_verdicts_e2e.py (refusal.html?v=wall / ?v=backdrop)."""
from __future__ import annotations

import pytest

from consent_audit.explorer.elements import Use, targets
from consent_audit.explorer.moves import FORM, TAP
from consent_audit.explorer.refusal import _outside_point, _ways_out
from consent_audit.findings.registry import evaluate
from consent_audit.screen import Element, Screen

APP = [Element(text="Tide table", role="button", bounds=(0, 100, 400, 60), clickable=True),
       Element(text="Sunrise", role="button", bounds=(0, 180, 400, 60), clickable=True)]
DIALOG = [Element(text="Accept and continue", role="button", bounds=(20, 700, 360, 60), clickable=True)]


def _screen(elements: list[Element]) -> Screen:
    return Screen(elements=elements, signature="s", size=(400, 800))


def test_the_outside_point_is_on_what_the_dialog_covers_far_from_its_controls() -> None:
    screen = _screen(APP + DIALOG)
    found = targets(screen, frozenset({0, 1}))
    assert [t.label for t in found] == ["Accept and continue"]
    assert _outside_point(screen, frozenset({0, 1}), found) == (200, 130)      # the first app control's centre


def test_no_outside_point_when_the_dialog_covers_nothing() -> None:
    screen = _screen(APP + DIALOG)
    assert _outside_point(screen, frozenset(), targets(screen)) is None


def test_a_layer_with_ticked_purposes_is_left_after_unticking_them() -> None:
    layer = _screen([Element(text="Analytics", role="switch", checked=True, bounds=(0, 100, 400, 40), clickable=True),
                     Element(text="Strictly necessary", role="switch", checked=True, enabled=False,
                             bounds=(0, 150, 400, 40), clickable=True),
                     Element(text="Tallenna", role="button", bounds=(0, 300, 400, 50), clickable=True)])
    moves = _ways_out(targets(layer))
    assert [(m.kind, m.label, m.purpose) for m in moves] == [(FORM, "Tallenna", "untick")]
    plain = _screen(DIALOG)
    assert [(m.kind, m.label) for m in _ways_out(targets(plain))] == [(TAP, "Accept and continue")]
    assert all(t.use != Use.TOGGLE for t in targets(plain))


def test_a_row_holding_a_purposes_switch_is_no_way_out() -> None:
    """chaguan (bench27c, permissions 60/8 out of actions): its options layer's rows are tappable (a row toggles
    its switch), so the refusal search tried each row, after unticking the purposes, as a way out — four trials of
    seven actions each (the row's tap ticks its purpose again: stayed) before 儲存, and the permissions search
    ran out of its 60 actions. A row holding a switch is that purpose, not a way out."""
    def row(label: str, y: int, on: bool = True, enabled: bool = True) -> list[Element]:
        return [Element(text=label, bounds=(47, y, 987, 129), clickable=True),
                Element(name=label, role="switch", checked=on, enabled=enabled, bounds=(914, y + 29, 121, 68),
                        clickable=True)]
    layer = _screen(row("必要功能（一律啟用）", 1297, enabled=False) + row("會員行為分析", 1425) + row("個人化優惠", 1554)
                    + [Element(text="儲存", bounds=(47, 1848, 987, 123), clickable=True)])
    assert [(m.kind, m.label, m.purpose) for m in _ways_out(targets(layer))] == [(FORM, "儲存", "untick")]


@pytest.mark.parametrize("offered,found", [(False, ["asymmetric_choice", "consent_wall"]),
                                                  (True, []), (None, [])])
def test_only_a_measured_absence_of_refusal_is_a_wall(offered: bool | None, found: list[str]) -> None:
    trials = [{"path": ["Accept and continue"], "outcome": "consented"},
              {"path": ["outside the dialog"], "outcome": "stayed"}]
    metrics = {"accept_steps": 1, "refusal_offered": offered, "refusal_trials": trials, "shaming_text": []}
    left_out = dict.fromkeys(("reject_steps", "prominence", "reject_is_text_link", "preticked",
                              "sent_after_reject", "tc_strings_after_reject"), "no refusal")
    result = evaluate("consent", metrics, {"dialog": ["d.png"], "accept": ["a.png"]}, out_of_scope=left_out)
    assert result.patterns == found
    if found:
        wall = next(f for f in result.findings if f.pattern == "consent_wall")
        assert wall.evidence == ["d.png", "a.png"]
        assert {"ccpa-7004-a-2", "gdpr-6-7-consent", "miit-2019-4-no-permission-no-use"} <= set(wall.rule_refs)
        assert "outside the dialog: stayed" in wall.messages["en"] and wall.messages["zh"]


def test_a_layers_links_are_tried_after_its_buttons() -> None:
    """ccjs-dark (fixO): the policy link in the dialog's sentence was tried first (a tap and a relaunch that
    learn nothing of the refusal) before the one-step refusal button beside it. A layer's buttons go first,
    its links after; every way out is still tried."""
    from consent_audit.explorer.elements import targets
    from consent_audit.explorer.refusal import _ways_out
    from consent_audit.screen import Element, Screen
    s = Screen(elements=[Element(text="Folosim cookie-uri, vezi", bounds=(10, 500, 300, 20)),
                         Element(text="politica de confidențialitate", role="link", bounds=(10, 520, 200, 20),
                                 clickable=True),
                         Element(text="Accept toate", role="button", bounds=(10, 560, 300, 40), clickable=True),
                         Element(text="Doar cele necesare", role="button", bounds=(10, 610, 300, 30), clickable=True)],
               signature="d", size=(400, 800))
    assert [m.label for m in _ways_out(targets(s))] == ["Accept toate", "Doar cele necesare",
                                                        "politica de confidențialitate"]


class _Sheet:
    """An operator-like over two recorded screens: nothing covered on either (a bottom sheet over a page with
    no tab bar under it), a store that the moves never wrote to."""

    consent_keys: frozenset = frozenset()
    in_foreground = True

    def __init__(self, stored: dict) -> None:
        self.stored, self.relaunched = stored, 0
        self.platform = self

    def stored_state(self) -> dict:
        return self.stored

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset()

    def targets(self, screen: Screen) -> list:
        return targets(screen, self.covered(screen))

    def relaunch(self) -> None:
        self.relaunched += 1


NEWS = [Element(text="‹", role="button", bounds=(20, 30, 60, 60), clickable=True),
        Element(text="桂花烏龍，微甜花香，限時加點 2 倍。", bounds=(30, 190, 1000, 100))]
BANNER = [Element(text="我們使用 Cookie 改善服務與提供個人化優惠。", bounds=(40, 1700, 1000, 120)),
          Element(text="全部接受", role="button", bounds=(40, 1850, 1000, 120), clickable=True),
          Element(text="更多選項", role="button", bounds=(40, 2034, 1000, 68), clickable=True)]
OPTIONS = [Element(text="隱私偏好設定", bounds=(40, 1220, 600, 60)),
           Element(text="必要功能（一律啟用）", role="switch", checked=True, enabled=False, bounds=(40, 1320, 1000, 60),
                   clickable=True),
           Element(text="會員行為分析", role="switch", checked=True, bounds=(40, 1450, 1000, 60), clickable=True),
           Element(text="個人化優惠", role="switch", checked=True, bounds=(40, 1580, 1000, 60), clickable=True),
           Element(text="儲存", role="button", bounds=(40, 1850, 1000, 120), clickable=True)]


def _at(elements: list[Element], signature: str) -> Screen:
    return Screen(elements=elements, signature=signature, size=(1080, 2400), location="http://app/#news")


@pytest.mark.parametrize("deeper,outcome", [(False, "stayed"), (True, "new layer")])
def test_a_layer_of_purposes_opened_in_place_with_nothing_stored_is_no_refusal(deeper: bool, outcome: str) -> None:
    """chaguan (fresh6 #3/#3b): on a page with nothing under the bottom banner, «更多選項» opened the banner's
    options (three ticked switches, 儲存 never tapped); nothing was stored, the layer covered nothing and no
    lexicon read it as consent — it was taken for a refusal («the reject path stored other choices than the
    accept path»), then its reshowing at each relaunch for consent_nagging. A move that leaves switches of
    purposes that are not the app's own on screen, storing nothing, answered nothing."""
    from consent_audit.explorer.refusal import _outcome
    op = _Sheet({})
    before, after = _at(NEWS + BANNER, "banner"), _at(NEWS + OPTIONS, "options")
    page = frozenset(t.key for t in targets(_at(NEWS, "page")))      # the app's own: its back arrow
    got = _outcome(op, after, {}, {"local": {"consent": '{"ads":true}'}}, set(), deeper, before.location, page)
    assert got == outcome and got != "refused"


def test_a_way_out_that_closes_the_dialog_storing_nothing_is_still_a_refusal() -> None:
    """The other side: a banner's control that closes it, stores nothing and lets the page be used — no layer
    of purposes left open — stays a refusal (refusal.py: nothing stored and the app used without an answer)."""
    from consent_audit.explorer.refusal import _outcome
    before, after = _at(NEWS + BANNER, "banner"), _at(NEWS, "page")
    page = frozenset(t.key for t in targets(after))
    assert _outcome(_Sheet({}), after, {}, {"local": {"consent": '{"ads":true}'}}, set(), False, before.location,
                    page) == "refused"


HOME = [Element(bounds=(0, 0, 1082, 137), fixed=True), Element(text="茶館", bounds=(0, 38, 137, 58)),
        Element(text="掃描收據", bounds=(32, 480, 1019, 134), clickable=True),
        Element(text="本月新品：桂花烏龍", bounds=(32, 714, 1019, 134), clickable=True),
        Element(bounds=(0, 2268, 1082, 134), fixed=True),
        Element(text="首頁", bounds=(0, 2271, 360, 131), clickable=True, covered=True),
        Element(text="我的", bounds=(721, 2271, 360, 131), clickable=True, covered=True),
        Element(bounds=(0, 1614, 1082, 788), fixed=True),     # the banner's frame, docked over the tab bar
        Element(text="我們重視您的隱私", bounds=(47, 1662, 987, 60)),
        Element(text="茶館使用 Cookie 與類似技術分析會員行為、提供個人化優惠與廣告。", bounds=(47, 1743, 987, 110)),
        Element(text="全部接受", bounds=(47, 1885, 987, 150), clickable=True),
        Element(text="更多選項", bounds=(47, 2034, 987, 68), clickable=True)]


class _Banner(_Sheet):
    """The recorded launch of chaguan: a bottom banner in a frame over the tab bar, the page's cards beside it.
    Every tap is recorded and changes nothing (the trials are cut by the limit before any would matter)."""

    def __init__(self) -> None:
        super().__init__({})
        self.taps: list[str] = []
        self.shown = Screen(elements=HOME, signature="home", size=(1082, 2402), location="http://app/")

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset(i for i, e in enumerate(screen.elements) if e.covered)

    def targets(self, screen: Screen | None = None) -> list:
        return targets(screen or self.shown, self.covered(screen or self.shown))

    def screen(self) -> Screen:
        return self.shown

    def find(self, key: str, screen: Screen | None = None):
        return next((t for t in self.targets(screen) if t.key == key), None)

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        return self.shown

    def back(self) -> Screen:
        self.taps.append("back")
        return self.shown

    def tap_point(self, x: int, y: int, label: str) -> Screen:
        self.taps.append(label)
        return self.shown


def test_the_page_beside_a_bottom_banner_is_no_way_out_of_it() -> None:
    """chaguan (fresh6 #3/#3b): the refusal search tried the page's own card «本月新品：桂花烏龍» beside the bottom
    banner as a way out of the dialog, and learnt «本月新品 → 更多選項» as the reject path. The controls outside
    the dialog's area (a bar that stays put, holding its answers and its sentence) are none of its ways out:
    only its own controls, the system back and the tap outside are tried."""
    from consent_audit.explorer.forms import FormData
    from consent_audit.explorer.refusal import check
    app = _Banner()
    found = check(app, lambda: app.shown, [], FormData(), {"refusal_trials": 4},
                  kept=({}, {"local": {"consent": '{"ads":true}'}}))
    tried = [t.path[0] for t in found.trials]
    assert tried[:2] == ["全部接受", "更多選項"]
    assert "本月新品：桂花烏龍" not in tried and "掃描收據" not in tried


def test_a_layer_of_purposes_left_open_by_a_tap_elsewhere_is_no_refusal() -> None:
    """chaguan, once the options sheet was tried as a layer: its switches unticked, then a control that is not
    its 儲存 (a page card under it, in place) — the sheet stays with its switches, nothing stored: no refusal.
    Switches of the app's own page (`page`) left on screen after a dialog closed say nothing."""
    from consent_audit.explorer.refusal import _outcome
    layer = _at(NEWS + OPTIONS, "options")
    page = frozenset(t.key for t in targets(_at(NEWS, "page")))
    assert _outcome(_Sheet({}), layer, {}, {"local": {"consent": '{"ads":true}'}}, set(), False, layer.location,
                    page) == "stayed"
    # the same switches on the app's own settings page (its button in no lexicon: since Traditional Chinese is
    # folded into Simplified, 儲存 reads as a save, and a layer of switches with a save is a consent screen still
    # being answered whatever `page` says — what is tested here is what `page` alone tells)
    settings = _at(NEWS + OPTIONS[:-1] + [Element(text="✓", role="button", bounds=(40, 1850, 1000, 120),
                                                  clickable=True)], "own")
    own = frozenset(t.key for t in targets(settings))
    assert _outcome(_Sheet({}), settings, {}, {"local": {"consent": '{"ads":true}'}}, set(), False,
                    settings.location, own) == "refused"


RAIN = [Element(text="Today", role="button", bounds=(0, 2270, 540, 130), clickable=True, covered=True),
        Element(text="Week", role="button", bounds=(540, 2270, 540, 130), clickable=True, covered=True)]
FIRST = RAIN + [Element(role="dialog", bounds=(40, 900, 1000, 600)),
                Element(text="Rainfall uses cookies to count readers and show ads.", bounds=(80, 950, 920, 120)),
                Element(text="Settings", role="button", bounds=(80, 1150, 920, 110), clickable=True),
                Element(text="Accept all", role="button", bounds=(80, 1290, 920, 110), clickable=True)]
SECOND = RAIN + [Element(role="dialog", name="Cookie settings", bounds=(40, 700, 1000, 1000))]   # as read: empty
ACCEPTED = {"local": {"rainfall-consent": '{"stats":true,"ads":true}'}}


class _InPlace(_Banner):
    """react-cookie-consent-popup with its decline hidden, as the snapshot read it before (fresh7 #14: the
    settings content in a `display: contents` wrapper, skipped): «Settings» swaps the first layer for a second
    one in place, read with no control; «Accept all» stores consent and closes the dialog; the back and a tap
    outside change nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.launch_fresh()

    def launch_fresh(self) -> Screen:
        self.stored, self.shown = {}, _at(FIRST, "first")
        return self.shown

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        if target.label == "Settings":
            self.shown = _at(SECOND, "second")
        elif target.label == "Accept all":
            self.stored, self.shown = dict(ACCEPTED), _at(APP, "app")
        return self.shown

    def relaunch(self) -> Screen:
        if not self.stored:
            self.shown = _at(FIRST, "first")
        return self.shown


def test_a_second_layer_read_with_no_control_is_no_consent_wall() -> None:
    """Before: «Settings» was a "new layer", the layer it opened gave no way out to try, «Accept all»
    consented, back and outside stayed — "every way out of the dialog (4 tried) consented or left it in
    place": a consent_wall on a dialog whose second layer holds «Reject all». A layer opened and never tried
    leaves the answer unknown (not found), never a wall (refusal.check)."""
    from consent_audit.explorer import refusal
    from consent_audit.explorer.forms import FormData
    app = _InPlace()
    found = refusal.check(app, app.launch_fresh, [], FormData(), {"refusal_trials": 16, "refusal_layers": 2},
                          kept=({}, ACCEPTED))
    assert found.offered is None, found.detail
    assert [t.path for t in found.trials if t.outcome == refusal.BLANK] == [["Settings"]]
    assert "Settings" in found.detail and refusal.BLANK in found.detail


def test_the_accept_path_is_not_tried_again_as_a_way_out() -> None:
    """warung, lapis (fixM): the refusal search read what the accept path keeps (its record: `records`, or the
    caller's `kept`), then launched fresh and walked the accept again as the first way out of the dialog —
    one launch, the accept, a relaunch and the launch's answers (three actions) to learn that it consents. Its
    trial is recorded as consenting without a tap; the other ways out are tried as before, the first on the
    launch already made."""
    from consent_audit.explorer import refusal
    from consent_audit.explorer.forms import FormData
    from consent_audit.explorer.moves import Move
    app = _InPlace()
    accept = [Move.tap(next(t for t in app.targets() if t.label == "Accept all"))]
    found = refusal.check(app, app.launch_fresh, accept, FormData(), {"refusal_trials": 16, "refusal_layers": 2},
                          kept=({}, ACCEPTED))
    assert "Accept all" not in app.taps
    assert [(t.path, t.outcome) for t in found.trials if t.path == ["Accept all"]] == [(["Accept all"],
                                                                                        refusal.CONSENTED)]
    assert app.taps[0] == "Settings" and found.offered is None      # the rest as before: «Settings» unknown


def test_a_purposes_own_caption_is_no_way_out() -> None:
    """bench30 pochta (a wrong not_found, out of its 120 s budget): the refusal search tried each purpose's title
    on Orejime's modal — a <label for> naming its box «… включено» — as a way out after unticking (a launch and
    four steps each) before «Сохранить». A caption naming a box is that purpose, not a way out."""
    def purpose(title: str, y: int) -> list[Element]:
        return [Element(name=f"{title} включено", role="checkbox", checked=True, bounds=(40, y, 40, 40), clickable=True),
                Element(text=title, rid=f"t{y}", bounds=(100, y, 400, 40), clickable=True)]
    layer = _screen([Element(name="Закрыть настройки", role="button", bounds=(950, 380, 100, 100), clickable=True),
                     Element(text="Отключить всё", role="button", bounds=(40, 500, 300, 60), clickable=True),
                     *purpose("Статистика посещений", 600), *purpose("Персональная реклама", 700),
                     Element(text="Сохранить", role="button", bounds=(40, 900, 900, 80), clickable=True)])
    assert [(m.kind, m.label) for m in _ways_out(targets(layer))] == \
        [(FORM, "Закрыть настройки"), (FORM, "Отключить всё"), (FORM, "Сохранить")]
