"""A consent sheet shown beside another layer (corpus song, bench27 permissions: a full-screen permission wall
«Cần quyền truy cập» with «Thử lại» / «Để sau», and a role=dialog consent sheet sliding up over it): the consent
answer's moves are the sheet's own controls (explorer/consent_layer.py), never the wall's — before, the refusal
took the wall's shorter «Để sau» first, and the learnt reject path ["Để sau", "Tiếp tục mà không đồng ý"] broke
where the launch had answered the wall already."""
from __future__ import annotations

from consent_audit.explorer import consent
from consent_audit.explorer.consent_layer import own_controls
from consent_audit.explorer.forms import FormData
from consent_audit.screen import Element, Screen
from test_explorer_structure import LayerApp

WALL_TEXT = "Sóng cần micro và máy ảnh để nhận diện bài hát đang phát và quay video hát karaoke."
SHEET_TEXT = ("Sóng và các đối tác dùng cookie và dữ liệu nghe nhạc của bạn để gợi ý bài hát, đo lường lượt nghe "
              "và hiển thị quảng cáo phù hợp.")


def _button(text: str, bounds: tuple[int, int, int, int], role: str = "button") -> Element:
    return Element(text=text, role=role, bounds=bounds, clickable=True)


class WallAndSheet:
    """An app (a tab bar) under a full-screen wall positioned fixed (no role), and a consent sheet
    (role=dialog, fixed, at the bottom) over the wall; each answer takes its own layer away. Driven like an
    Operator (what consent.answer uses)."""

    def __init__(self, wall: bool = True, wall_role: str = "") -> None:
        self.wall, self.sheet, self.wall_role = wall, True, wall_role
        self.in_foreground = True
        self.taps: list[str] = []
        self.stored: dict[str, str] = {}

    def screen(self) -> Screen:
        elements = [Element(text="Sóng", bounds=(0, 0, 400, 50)),
                    _button("Trang chủ", (0, 740, 100, 60)), _button("Cá nhân", (300, 740, 100, 60))]
        if self.wall:
            elements += [Element(role=self.wall_role, bounds=(0, 0, 400, 800), fixed=True),
                         Element(text="Cần quyền truy cập", bounds=(20, 200, 360, 30)),
                         Element(text=WALL_TEXT, bounds=(20, 240, 360, 60)),
                         _button("Thử lại", (20, 320, 360, 44)), _button("Để sau", (20, 372, 360, 44))]
        if self.sheet:
            elements += [Element(role="dialog", bounds=(0, 560, 400, 240), fixed=True),
                         _button("Tiếp tục mà không đồng ý", (250, 572, 140, 16), role="link"),
                         Element(text="Nghe nhạc hợp gu hơn", bounds=(18, 600, 364, 26)),
                         Element(text=SHEET_TEXT, bounds=(18, 630, 364, 60)),
                         _button("Đồng ý và tiếp tục", (18, 710, 364, 60))]
        return Screen(elements=elements, signature=f"s-{self.wall}-{self.sheet}", size=(400, 800))

    def covered(self, s: Screen) -> frozenset[int]:
        """The app's tabs under the wall (or under the sheet), as hit testing tells."""
        return frozenset({1, 2}) if self.wall or self.sheet else frozenset()

    targets, find = LayerApp.targets, LayerApp.find      # what a finger reaches, by hit testing

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        if target.label in ("Thử lại", "Để sau"):
            self.wall = False
        elif target.label in ("Tiếp tục mà không đồng ý", "Đồng ý và tiếp tục"):
            self.sheet = False
            self.stored["song:dong-y"] = "tu-choi" if target.label.startswith("Tiếp") else "dong-y"
        return self.screen()


def test_the_refusal_is_the_consent_sheets_own_not_the_walls_later() -> None:
    """Before: the reject answer's candidates were every reachable control; «Để sau» (the wall's, decline
    words, 6 letters) beat the sheet's «Tiếp tục mà không đồng ý» and came first in the path."""
    app = WallAndSheet()
    path = consent.answer(app, consent.REJECT, FormData())
    assert [m.label for m in path.moves] == ["Tiếp tục mà không đồng ý"]
    assert app.taps == ["Tiếp tục mà không đồng ý"] and app.wall      # the wall is left for its own answer
    assert path.entry is not None and path.entry.text == "Tiếp tục mà không đồng ý"


def test_a_wall_told_a_dialog_by_its_role_is_still_not_the_consent_layer() -> None:
    """The other layer a role=alertdialog too: the consent layer is the one whose own elements are consent."""
    app = WallAndSheet(wall_role="alertdialog")
    assert [m.label for m in consent.answer(app, consent.REJECT, FormData()).moves] == ["Tiếp tục mà không đồng ý"]


def test_the_accept_is_the_sheets_own_too() -> None:
    app = WallAndSheet()
    assert [m.label for m in consent.answer(app, consent.ACCEPT, FormData()).moves] == ["Đồng ý và tiếp tục"]
    assert app.wall


def test_the_whole_page_when_no_layer_is_the_consent_dialog() -> None:
    """No layer on screen whose own elements are consent (the sheet gone, only the wall): every reachable
    control stays a candidate, as before."""
    app = WallAndSheet()
    app.sheet = False
    screen = app.screen()
    found = app.targets(screen)
    assert own_controls(screen, found) == found
    app.wall = False
    screen = app.screen()
    assert own_controls(screen, app.targets(screen)) == app.targets(screen)


class _Host:
    """What `LaunchModals` reads of the explorer, over WallAndSheet (the refused launch: nothing learnt)."""

    def __init__(self, app: WallAndSheet) -> None:
        from consent_audit.explorer.soft_ask import SoftAsks
        self.op, self.data = app, FormData()
        app.platform = app
        self.structure_checked, self._holding, self._in_reach = False, False, False
        self.launch_moves, self.launch_kinds, self.soft_asks = [], {}, SoftAsks()
        self.context = type("Context", (), {"platform": app})()


def test_a_wall_beside_the_consent_sheet_is_answered_first_as_a_launch_modal() -> None:
    """The refused launch (`_refused_launch`): before, the launch's modals were left alone while a consent
    dialog showed, the dialog was refused with the wall still up, and the wall answered only after — while a
    journey's launch answers the wall first (its learnt launch answer). Now the wall beside the sheet is
    answered by its own modal answer first, the sheet left for the consent answer; alone, the sheet is left."""
    from consent_audit.explorer.launch_modals import LaunchModals
    app = WallAndSheet()
    app.stored_state = lambda: {"local": dict(app.stored), "session": {}, "cookies": {}, "tcf": None}
    host = type("Host", (LaunchModals, _Host), {})(app)
    host._answer_new_modals(learn=False)
    assert app.taps == ["Để sau"] and app.sheet and not app.wall
    host._answer_new_modals(learn=False)
    assert app.taps == ["Để sau"]          # the consent sheet alone: left for the consent answer
    learnt = WallAndSheet()
    learnt.stored_state = lambda: {"local": {}, "session": {}, "cookies": {}, "tcf": None}
    host = type("Host", (LaunchModals, _Host), {})(learnt)
    host._answer_new_modals()
    assert [m.label for m in host.launch_moves] == ["Để sau"]
    assert host.launch_kinds[host.launch_moves[0]] != "consent"     # told by the wall's words, not the sheet's


def test_beside_is_nothing_without_a_consent_layer_or_another_layer() -> None:
    from consent_audit.explorer.consent_layer import beside
    app = WallAndSheet(wall=False)
    screen = app.screen()
    assert beside(screen, app.targets(screen)) == ([], [])
    app = WallAndSheet()
    app.sheet = False
    screen = app.screen()
    assert beside(screen, app.targets(screen)) == ([], [])
    app = WallAndSheet()
    screen = app.screen()
    controls, texts = beside(screen, app.targets(screen))
    assert [t.label for t in controls] == ["Thử lại", "Để sau"] and "Cần quyền truy cập" in texts
    assert not any("cookie" in t for t in texts)
