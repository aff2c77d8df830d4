"""Issue 13 on real-world UI: what the explorer tells by structure rather than by words, without a browser, on
hand-made screens in languages the corpus apps do not use (RU, PL, NL, TR, VI, ID, AR) or in none:

- a wall that slides over the app leaves the app's DOM underneath, covered: the core screen is the one whose
  controls can be touched (kind 4);
- a field whose own hint asks for a word in capitals to be typed back, in any language (kind 2);
- the decision words of languages no lexicon had (data: assets/lexicons/*.yaml) and waiting periods stated in
  them (assets/lexicons/periods.yaml);
- screens of one structure told apart by what they show (kind 3);
- a consent dialog told by structure (kind 1)."""
from __future__ import annotations

import json

import pytest

from consent_audit.detectors.destructive import capitals, hint_word
from consent_audit.detectors.text import waiting_period_days
from consent_audit.explorer import cues
from consent_audit.explorer.elements import targets
from consent_audit.explorer.forms import ACCOUNT, FILL, FormData, plan
from consent_audit.explorer.permissions import Core
from consent_audit.screen import Element, Screen


def _button(text: str, y: int, x: int = 10, w: int = 300) -> Element:
    return Element(text=text, role="button", bounds=(x, y, w, 40), clickable=True)


def shop(*, wall: bool = False, count: int = 3) -> Screen:
    """A shop's home (Dutch words), three tabs; with `wall`, a full-screen wall lies over it (the shop's
    elements are still in the DOM, under it). The structure (signature) is the same either way: the wall is
    always in the DOM, slid off-screen when not shown."""
    elements = [Element(text=f"{count} winkels in de buurt", bounds=(10, 10, 300, 30)),
                _button("Aanbiedingen", 60), _button("Winkelwagen", 110),
                _button("Start", 740, 0, 130), _button("Zoeken", 740, 130, 130), _button("Profiel", 740, 260, 130)]
    elements += [Element(text="Locatie vereist", bounds=(10, 300, 300, 30) if wall else (400, 300, 300, 30)),
                 _button("Instellingen openen", 350, 410 if not wall else 10)]
    return Screen(elements=elements, signature="same", size=(400, 800))


def test_a_wall_over_the_core_is_not_the_core_though_the_structure_is_the_same() -> None:
    """Kind 4: what decides is which of the core's controls a finger can reach (the adapter's hit testing
    leaves the covered ones out of `targets`), not their presence in the DOM. A changed counter is still the
    core."""
    home = shop()
    core = Core.of(home, targets(home))
    assert core.matches(home, targets(home))
    assert core.matches(shop(count=7), targets(shop(count=7)))
    walled = shop(wall=True)
    under = frozenset(i for i, e in enumerate(walled.elements) if e.clickable and e.text != "Instellingen openen")
    assert not core.matches(walled, targets(walled, under))
    assert core.matches(walled, targets(walled))      # the same screen with nothing covering it is the core
    refused = Screen(elements=[Element(text=e.text + (" (uit)" if e.clickable else ""), role=e.role,
                                       bounds=e.bounds, clickable=e.clickable) for e in home.elements],
                     signature="same", size=(400, 800))
    assert core.matches(refused, targets(refused))    # its controls' words changed with a refusal: still the core


def test_a_field_asking_for_a_word_in_capitals_is_typed_back_in_any_language() -> None:
    """Kind 2: "type DELETE to confirm" in languages no pattern names: the one run of capitals in a hint of
    otherwise lower-case words; a hint in capitals only, or naming a short code (PIN), is not one."""
    assert hint_word("Введите УДАЛИТЬ, чтобы подтвердить") == "УДАЛИТЬ"
    assert hint_word("Wpisz USUŃ, aby potwierdzić") == "USUŃ"
    assert hint_word("Typ VERWIJDEREN om te bevestigen") == "VERWIJDEREN"
    assert hint_word("Enter your PIN") is None and hint_word("E-MAIL ADRES") is None
    assert capitals("Type DELETE ACCOUNT to confirm") == ["DELETE ACCOUNT"]
    s = Screen(elements=[Element(text="Hesabınız kalıcı olarak silinir.", bounds=(10, 10, 300, 30)),
                         Element(name="Onaylamak için SİLİNSİN yazın", role="textbox", bounds=(10, 60, 300, 40)),
                         Element(text="Hesabımı sil", role="button", bounds=(10, 110, 300, 40), clickable=True,
                                 enabled=False)],
               signature="s", size=(400, 800))
    p = plan(s, targets(s), FILL, FormData(), sms_known=True)
    assert [k for _, k in p.fields] == ["typed_back"] and not p.missing


def test_decision_words_of_languages_the_lexicons_lacked() -> None:
    """Log-in, sign-up, the account menu, deletion, accept, refuse, settings and what a consent screen speaks
    of, in RU, PL, NL, TR, VI, ID and AR (data: goals.yaml, explorer.yaml); a refusal that contains an allow
    ("Nie zezwalaj", "Không cho phép", "İzin verme") is a refusal."""
    expect = {"log_in": ["Войти", "Zaloguj się", "Inloggen", "Giriş yap", "Đăng nhập", "تسجيل الدخول"],
              "sign_up": ["Регистрация", "Załóż konto", "Account aanmaken", "Kayıt ol", "Tạo tài khoản", "Buat akun"],
              "cancel_account": ["Удалить аккаунт", "Usuń konto", "Account verwijderen", "Hesabımı sil",
                                 "Xóa tài khoản", "Hapus akun", "حذف الحساب"],
              "agree": ["Принять все", "Zaakceptuj wszystkie", "Alles accepteren", "Tümünü kabul et", "Đồng ý"],
              "decline": ["Отклонить все", "Odrzuć wszystkie", "Alles weigeren", "Tümünü reddet", "Từ chối",
                          "Tolak semua", "رفض الكل", "Nie zezwalaj", "Không cho phép", "İzin verme"],
              "settings": ["Настройки", "Ustawienia", "Instellingen", "Ayarlar", "Cài đặt", "Pengaturan"],
              "consent_context": ["Мы используем файлы cookie", "Używamy plików cookie", "Wij verwerken persoonsgegevens"],
              "log_out": ["Wyloguj się", "Uitloggen", "Çıkış yap", "Đăng xuất"]}
    for category, labels in expect.items():
        for label in labels:
            assert cues.has(label, category), (label, category)
    for refusal in ("Nie zezwalaj", "Không cho phép", "İzin verme", "Niet toestaan"):
        assert not cues.has(refusal, "permission_request"), refusal
    assert cues.has("Zamknij", "close") and cues.has("Sluiten", "close")      # a bare close is no refusal
    assert cues.data_kinds("Hasło") == ["password"] and cues.data_kinds("Причина удаления") == ["reason"]


@pytest.mark.parametrize("text,days", [("Konto zostanie usunięte za 30 dni.", 30),
                                       ("Ваш аккаунт будет удалён через 14 дней.", 14),
                                       ("Binnen 2 weken verwijderd", 14), ("Hesabınız 48 saat içinde silinir", 2),
                                       ("Tài khoản sẽ bị xóa sau 7 ngày", 7),
                                       ("Openingstijden: 15/3 dagen", None), ("3월 15일 오후 2시", None),
                                       # in the words CLDR writes beside a number (assets/period_units.yaml):
                                       # ccjs-dark's «… în 30 de zile» was read as no period at all
                                       ("Contul este programat pentru ștergere în 30 de zile.", 30),
                                       ("Tili poistetaan 14 päivän kuluttua", 14), ("Akaunti itafutwa baada ya siku 30.", 30), ("siku 1.5", None),
                                       ("บัญชีจะถูกลบภายใน 30 วัน", 30), ("حساب شما ظرف ۳۰ روز حذف می‌شود", 30),
                                       ("A fiókod 2 hét múlva törlődik", 14), ("Ang account ay buburahin sa loob ng 30 na araw", 30),
                                       ("Λογαριασμός διαγράφεται σε 30 ημέρες", 30), ("3月15日に削除", None),
                                       ("Version 2 näkymä", None)])
def test_waiting_periods_in_other_languages(text: str, days: int | None) -> None:
    assert waiting_period_days(text) == days


def test_the_cldr_period_words_are_those_babel_ships() -> None:
    """assets/period_units.yaml is what tools/period_units.py writes from Babel's CLDR data, unedited."""
    import subprocess
    import sys
    from pathlib import Path
    tool = Path(__file__).resolve().parents[1] / "tools" / "period_units.py"
    done = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def _node(graph, ident: str, screen: Screen) -> None:
    from consent_audit.explorer.graph import Node
    offers = frozenset(cues.norm_label(t.label) for t in targets(screen) if t.label)
    titles = frozenset(cues.norm_label(e.text) for e in screen.elements if e.text and not e.clickable)
    graph.nodes[ident] = Node(ident=ident, screen=screen, depth=0, labels=offers, titles=titles)


def menu(heading: str, *rows: str, note: str = "", notes: tuple[str, ...] = ()) -> Screen:
    """A screen of plain rows under a heading and a three-tab bar (Polish words; each tab's word in a span of
    its own, so the tabs' words are among the short texts, as the heading is); every such screen has one
    structure (repeated rows collapse in the signature)."""
    elements = [Element(text=heading, bounds=(60, 10, 200, 30))]
    elements += [_button(r, 60 + 50 * i) for i, r in enumerate(rows)]
    for i, words in enumerate((note,) + notes if note else notes):
        elements.append(Element(text=words, bounds=(10, 400 + 40 * i, 300, 30)))
    for i, tab in enumerate(("Start", "Kategorie", "Moje")):     # a tab: a clickable box, its word in a span
        elements += [Element(text=tab, bounds=(130 * i, 740, 130, 40), clickable=True),
                     Element(text=tab, bounds=(130 * i + 20, 750, 90, 20))]
    return Screen(elements=elements, signature="menu", size=(400, 800))


def test_screens_of_one_structure_are_told_apart_by_what_they_show_of_their_own() -> None:
    """Kind 3: two menus of plain rows under one tab bar share a structure and half their controls (the tabs);
    a placeholder screen shows only the tab bar. Each is its own node; the same menu with a counter changed is
    the same node."""
    from consent_audit.explorer.graph import ScreenGraph
    graph = ScreenGraph("start")
    home = ("Promocje tygodnia", "Nowości", "Dostawa jutro", "Sklepy w pobliżu")
    _node(graph, "start", menu("Sklep", notes=home))
    _node(graph, "settings", menu("Ustawienia", "Powiadomienia", "Konto", "O aplikacji"))

    def ident(s: Screen) -> str:
        offers = frozenset(cues.norm_label(t.label) for t in targets(s) if t.label)
        titles = frozenset(cues.norm_label(e.text) for e in s.elements if e.text and not e.clickable)
        return graph.identify(s.signature, offers, titles)

    assert ident(menu("Ustawienia", "Powiadomienia", "Konto", "O aplikacji")) == "settings"
    assert ident(menu("Ustawienia", "Powiadomienia (3)", "Konto", "O aplikacji")) == "settings"
    assert ident(menu("Sklep", "Wkrótce dostępne")) != "settings"
    assert ident(menu("Sklep", note="Wkrótce dostępne")) not in ("settings", "start")
    assert ident(menu("Kategorie", "Moda", "Elektronika", "Żywność")) != "settings"
    assert ident(menu("Sklep", notes=home)) == "start"
    assert ident(menu("Sklep", notes=("Promocje tygodnia (2)",) + home[1:])) == "start"


class LayerApp:
    """A first-launch layer over an app, driven like an Operator (what consent_structure.learn uses): LAYERS
    maps a layer to its texts and buttons; a button leads to a layer (None: the app), may store a record in
    local storage, leave the app, or open a layer with ticked boxes. Georgian words: no lexicon has them."""

    def __init__(self, layers: dict, start: str = "first") -> None:
        self.layers, self.start = layers, start
        self.at, self.stored, self.in_foreground = start, {}, True
        self.platform = self
        self.consent_keys: frozenset[str] = frozenset()
        self.taps: list[str] = []
        self.unticked: set[str] = set()       # the settings layer's boxes the user unticked
        self.asked: dict[str, int] = {}       # permission requests so far (Screen.prompts)

    # the platform's read-back
    def stored_state(self) -> dict:
        return {"local": dict(self.stored), "session": {}, "cookies": {}, "tcf": None}

    def restart(self) -> Screen:
        self.at, self.stored, self.in_foreground = self.start, {}, True
        self.unticked, self.asked = set(), {}
        return self.screen()

    def screen(self) -> Screen:
        elements = [Element(text="ჩემი მაღაზია", bounds=(10, 10, 300, 30)), _button("მთავარი", 740)]
        if self.at is not None:
            layer = self.layers[self.at]
            if layer.get("page"):       # a page of its own before the app: no dialog, no overlay, no app
                elements = []
            else:
                elements.append(Element(role="dialog", bounds=(0, 300, 400, 440)))
            elements += [Element(text=t, bounds=(10, 310 + 30 * i, 380, 24)) for i, t in enumerate(layer["texts"])]
            elements += [Element(role="switch", name=name, checked=name not in self.unticked, clickable=True,
                                 enabled=name not in layer.get("locked", ()), bounds=(300, 420 + 40 * i, 50, 30))
                         for i, name in enumerate(layer.get("boxes", ()))]
            roles = layer.get("roles", {})     # a control drawn as a link, or as plain text (a title, a label)
            elements += [Element(**{**_button(label, 560 + 45 * i, 20, 360).__dict__, "role": roles.get(label, "button")})
                         for i, label in enumerate(layer["buttons"])]
        return Screen(elements=elements, signature=f"s-{self.at}", size=(400, 800), prompts=dict(self.asked))

    def covered(self, s: Screen) -> frozenset[int]:
        if self.at is None or self.layers[self.at].get("page"):
            return frozenset()
        return frozenset({1})     # the layer covers the app's tab

    def targets(self, s: Screen | None = None):
        s = s or self.screen()
        return targets(s, self.covered(s))

    def find(self, key: str, s: Screen | None = None):
        return next((t for t in self.targets(s) if t.key == key), None)

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        if target.label in self.layers[self.at].get("boxes", ()):
            self.unticked ^= {target.label}
            return self.screen()
        to, store, leaves, *asks = self.layers[self.at]["buttons"][target.label]
        if leaves:
            self.in_foreground = False
        if callable(store):         # a save: what the boxes say now
            store = store(self)
        if isinstance(store, dict):     # the record and what else the answer let the app keep (an analytics id)
            self.stored.update(store)
        elif store is not None:
            self.stored["shop:choice"] = store
        for name in asks:           # the app's own permission request right after the answer
            self.asked[name] = self.asked.get(name, 0) + 1
        self.at = to
        return self.screen()


CONSENT = {"first": {"texts": ["ჩვენ ვიყენებთ ...", ], "buttons": {"ვეთანხმები": (None, '{"stats":true,"ads":true}', False),
                                                                "პარამეტრები": ("settings", None, False)}},
           "settings": {"texts": ["პარამეტრები"], "boxes": ("სტატისტიკა", "რეკლამა"),
                        "buttons": {"ყველაფრის უარყოფა": (None, '{"stats":false,"ads":false}', False),
                                    "შენახვა": (None, '{"stats":true,"ads":true}', False)}}}


def test_a_consent_dialog_in_words_no_lexicon_has_is_told_by_what_its_answers_store() -> None:
    """Kind 1: a first-launch layer with two buttons (Georgian); one stores every purpose on and closes the
    layer, the other opens a layer of ticked switches whose buttons store all off / keep them on. Accept is the
    answer that stores consent; reject goes through the settings layer and takes the one storing the refusal;
    the settings layer's ticked switches are counted."""
    from consent_audit.explorer import consent, consent_structure
    app = LayerApp(CONSENT)
    assert not consent.shown(app, app.restart())      # before: words tell nothing
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == ["ვეთანხმები"]
    assert [m.label for m in learnt.reject.moves] == ["პარამეტრები", "ყველაფრის უარყოფა"]
    assert learnt.settings_ticked == 2
    app.consent_keys = learnt.keys
    assert consent.shown(app, app.restart())


def test_the_locked_purposes_of_a_settings_layer_are_counted_apart_and_unmeasured_where_never_seen() -> None:
    """fresh3 hikari: a locked «必須 Cookie（常に有効）» on the settings layer was reported as mandatory_purposes 0
    when the reject path never showed a box. Counted on the settings layer (apart from the pre-ticked optional
    ones); the flow's figure is the reject path's count when it showed boxes, else the app's count, else None
    (unmeasured) — never 0 for a layer nobody opened."""
    from types import SimpleNamespace

    from consent_audit.explorer import consent_structure
    from consent_audit.flows.test_consent import _mandatory
    from consent_audit.model import Trail
    layers = {**CONSENT, "settings": {**CONSENT["settings"], "boxes": ("აუცილებელი",) + CONSENT["settings"]["boxes"],
                                      "locked": ("აუცილებელი",)}}
    app = LayerApp(layers)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None and learnt.settings_ticked == 2 and learnt.settings_locked == 1
    direct = Trail("reject", start=Screen(elements=[_button("უარი", 600)], signature="d", size=(400, 800)))
    assert _mandatory(SimpleNamespace(), direct) is None                       # a page object that says nothing
    assert _mandatory(SimpleNamespace(settings_mandatory=None), direct) is None   # the layer not opened
    assert _mandatory(SimpleNamespace(settings_mandatory=1), direct) == 1
    app.at = "settings"
    through = Trail("reject", start=app.screen())
    assert _mandatory(SimpleNamespace(settings_mandatory=None), through) == 1


def _saved(app: "LayerApp") -> str:
    """What a settings layer's save stores: each box as it is now."""
    return json.dumps({"stats": "სტატისტიკა" not in app.unticked, "ads": "რეკლამა" not in app.unticked})


# grafis-x2's kind: the settings layer has no refusal button; its save keeps what is ticked (all, by default)
UNTICK_ONLY = {"first": {"texts": ["ჩვენ ვიყენებთ ..."], "buttons": {"ვეთანხმები": (None, '{"stats":true,"ads":true}', False),
                                                                    "პარამეტრები": ("settings", None, False)}},
               "settings": {"texts": ["პარამეტრები"], "boxes": ("სტატისტიკა", "რეკლამა"),
                            "buttons": {"შენახვა": (None, _saved, False)}}}


def test_a_refusal_only_by_unticking_the_settings_layers_purposes_is_found() -> None:
    """fresh1 grafis-x2: the only refusal is unticking the settings layer's pre-ticked purposes and saving.
    Before, the save was tried as it was (all on again: "the same switches") and the dialog was taken for no
    consent dialog — the commonest dark design unmeasured. A refusing user unticks first: the reject path is
    the settings, then untick and save; the pre-ticked purposes are counted."""
    from consent_audit.explorer import consent_structure
    from consent_audit.explorer.forms import UNTICK
    app = LayerApp(UNTICK_ONLY)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == ["ვეთანხმები"]
    assert [(m.label, m.purpose) for m in learnt.reject.moves] == [("პარამეტრები", ""), ("შენახვა", UNTICK)]
    assert learnt.settings_ticked == 2
    # a settings layer with a refusal button of its own is not unticked by hand (no trial spent on it)
    app = LayerApp(CONSENT)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None and not learnt.reject.untick and "სტატისტიკა" not in app.taps


def _saved_partners_off(app: "LayerApp") -> str:
    """kadai's save: each box as it is now, and a third purpose the layer shows off by default."""
    return json.dumps({**json.loads(_saved(app)), "partners": False})


# kadai's kind: the accept stores three purposes on; the settings layer's save, untouched, keeps the two ticked ones
SAVE_KEEPS_SOME = {"first": {"texts": ["ჩვენ ვიყენებთ ..."],
                             "buttons": {"ვეთანხმები": (None, '{"stats":true,"ads":true,"partners":true}', False),
                                         "პარამეტრები": ("settings", None, False)}},
                   "settings": {"texts": ["პარამეტრები"], "boxes": ("სტატისტიკა", "რეკლამა"),
                                "buttons": {"შენახვა": (None, _saved_partners_off, False)}}}


def test_a_save_that_keeps_pre_ticked_purposes_on_is_no_refusal_the_unticked_save_is() -> None:
    """fresh8 kadai (issue #13 kind 14): the settings layer's «save», tapped untouched, stored two purposes of
    three on — fewer than the accept's three, so it was taken for the refusal (2 steps, reject_honoured true)
    and unticking was never tried. A record still consenting to an optional purpose is no refusal: a refusing
    user unticks what is ticked, then saves (4 steps), and that record is all off."""
    from consent_audit.explorer import consent_structure
    from consent_audit.explorer.forms import UNTICK
    from consent_audit.explorer.moves import perform
    app = LayerApp(SAVE_KEEPS_SOME)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == ["ვეთანხმები"]
    assert [(m.label, m.purpose) for m in learnt.reject.moves] == [("პარამეტრები", ""), ("შენახვა", UNTICK)]
    assert learnt.settings_ticked == 2
    app.restart()
    for move in learnt.reject.moves:
        perform(app, move, FormData())
    assert json.loads(app.stored["shop:choice"]) == {"stats": False, "ads": False, "partners": False}
    # a locked purpose stays on in every record: a save leaving only it on is the refusal, no untick tried
    locked = {**SAVE_KEEPS_SOME, "settings": {**SAVE_KEEPS_SOME["settings"], "locked": ("სტატისტიკა",)}}
    app = LayerApp(locked)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None and learnt.settings_locked == 1


# the kind of verdict page untick_ignored: the same layer, its save ignoring the unticks (the two stay on)
SAVE_IGNORES_UNTICKS = {**SAVE_KEEPS_SOME, "settings": {**SAVE_KEEPS_SOME["settings"], "buttons": {
    "შენახვა": (None, '{"stats":true,"ads":true,"partners":false}', False)}}}


def test_a_save_that_ignores_the_unticks_is_the_users_refusal_not_the_untouched_save() -> None:
    """Issue 13 kind 14: untouched or after unticking, the save keeps both pre-ticked purposes on. The untouched
    save (2 steps) was the reject path — and, differing from the accept's all-on, judged honoured. A refusing
    user unticks first: the reject path is the unticked save (4 steps), whose record readback.judge finds still
    consenting."""
    from consent_audit.explorer import consent_structure
    from consent_audit.explorer.forms import UNTICK
    app = LayerApp(SAVE_IGNORES_UNTICKS)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None and learnt.settings_ticked == 2
    assert [(m.label, m.purpose) for m in learnt.reject.moves] == [("პარამეტრები", ""), ("შენახვა", UNTICK)]


def _asking(layers: dict, *which: str) -> dict:
    """The layers with a location request right after the named answers (all answers when none named)."""
    out = {k: {**v, "buttons": dict(v["buttons"])} for k, v in layers.items()}
    for layer in out.values():
        for label, (to, store, leaves) in layer["buttons"].items():
            if to is None and (not which or label in which):
                layer["buttons"][label] = (to, store, leaves, "geolocation")
    return out


def test_an_answer_followed_by_the_apps_permission_request_is_still_an_answer() -> None:
    """fresh1 vstup-x3: each answer of the banner is followed at once by the app's location request (consent
    first, then the OS prompt). Before, a button after which a permission was asked was taken for one that
    asks it, and the banner for no consent dialog. A request that follows every answer alike is what the app
    does after the layer; one that follows only some answers is what a button does (a pre-prompt's "Allow"):
    then no consent dialog."""
    from consent_audit.explorer import consent_structure
    two = {"first": {"texts": ["ჩვენ ვიყენებთ ..."],
                     "buttons": {"ვეთანხმები": (None, '{"stats":true,"ads":true}', False),
                                 "უარყოფა": (None, '{"stats":false,"ads":false}', False)}}}
    app = LayerApp(_asking(two))
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == ["ვეთანხმები"] and [m.label for m in learnt.reject.moves] == ["უარყოფა"]
    app = LayerApp(_asking(CONSENT))       # through the settings layer too
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None and [m.label for m in learnt.reject.moves] == ["პარამეტრები", "ყველაფრის უარყოფა"]
    app = LayerApp(_asking(two, "ვეთანხმები"))      # only "allow" asks: a permission pre-prompt storing its answer
    assert consent_structure.learn(app, app.restart) is None


@pytest.mark.parametrize("layers", [
    # a rating prompt: "rate" leaves for a store, "later" stores a time: no choice stored twice
    {"first": {"texts": ["★★★★★"], "buttons": {"შეაფასე": (None, None, True),
                                               "მოგვიანებით": (None, '{"remind_at":1764480000}', False)}}},
    # an update prompt whose answers store other records (never asks again / remind me at …)
    {"first": {"texts": ["ახალი ვერსია"], "buttons": {"არასოდეს": (None, '{"never":true}', False),
                                                       "მოგვიანებით": (None, '{"remind_at":"1764480000"}', False)}}},
    # the same switches stored by both answers ("OK" twice): not a choice
    {"first": {"texts": ["სიახლეები"], "buttons": {"კარგი": (None, '{"seen":true}', False),
                                                    "დახურვა": (None, '{"seen":true}', False)}}},
    # a permission wall: its words name a device feature (data: explorer.yaml), its buttons store nothing
    {"first": {"texts": ["Location needed"], "buttons": {"გახსნა": (None, None, False),
                                                          "ხელახლა": (None, None, False)}}},
])
def test_a_layer_whose_answers_store_no_choice_is_no_consent_dialog(layers: dict) -> None:
    """Kind 1, the other side: update and rating prompts, a what's-new and a permission wall are no consent
    dialog — nothing is measured on them, so they can never give a finding."""
    from consent_audit.explorer import consent_structure
    app = LayerApp(layers)
    assert consent_structure.learn(app, app.restart) is None


def test_a_dialog_whose_accessible_name_names_a_consent_library_holds_consent_choices() -> None:
    """Osano's banner is a role=dialog named "cookieconsent" (aria-label), whatever its text says: the name
    tells (lexicons/consent_controls.yaml consent_id), as an id does for Klaro's notice; a dialog of another
    name does not."""
    from consent_audit.explorer.screens import consent_container, taps
    words = [Element(text="Wir zählen Besuche.", bounds=(10, 610, 380, 30)),
             _button("Akzeptieren", 650, 20, 170), _button("Ablehnen", 650, 200, 170)]
    named = Screen(elements=[Element(role="dialog", name="cookieconsent", bounds=(0, 600, 400, 120)), *words],
                   signature="s", size=(400, 800))
    assert consent_container(named, taps(targets(named)))
    plain = Screen(elements=[Element(role="dialog", name="Neuigkeiten", bounds=(0, 600, 400, 120)), *words],
                   signature="s", size=(400, 800))
    assert not consent_container(plain, taps(targets(plain)))


def test_what_a_later_layer_covers_is_not_what_the_deletion_ending_says() -> None:
    """Kind 4 on the deletion's last screen: screens pushed on a stack stay in the page under the new one. The
    profile screen below ("E-mail: …", "Wachtwoord wijzigen") is covered: it neither sends the user off the
    app (an e-mail address) nor is it what the ending says; the ending's own words give pending, 14 days."""
    from consent_audit.measures import completion, off_app, waiting_period
    ending = Screen(elements=[Element(text="E-mail: tester@voorbeeld.test", bounds=(10, 60, 300, 30), covered=True),
                              Element(text="Wachtwoord wijzigen", bounds=(10, 100, 300, 30), covered=True,
                                      clickable=True),
                              Element(text="Je aanvraag is ontvangen. Je account wordt over 14 dagen verwijderd.",
                                      bounds=(10, 60, 300, 60))],
                    signature="s", size=(400, 800))
    assert not off_app(ending) and completion(ending) == "pending" and waiting_period(ending) == 14
    shown = Screen(elements=[Element(text=e.text, bounds=e.bounds) for e in ending.elements], signature="s")
    assert off_app(shown)      # the same words in sight: an e-mail address is a way off the app


def test_the_dom_snapshot_carries_what_is_covered_and_what_flashed_by() -> None:
    """The web snapshot's hit-testing verdict (covered) and the words that appeared while the app settled (a
    toast gone before the capture) reach the neutral Screen; an older snapshot without them reads as nothing
    covered, nothing flashed."""
    from consent_audit.platforms.web.dom import screen_from_dom
    snap = {"elements": [{"text": "Profiel", "bounds": [0, 0, 10, 10], "covered": True},
                         {"text": "Verwijderd over 14 dagen", "bounds": [0, 0, 10, 10]}],
            "shape": "x", "url": "http://127.0.0.1/", "flashed": ["Account in behandeling (14 dagen)"]}
    s = screen_from_dom(snap, origin="http://127.0.0.1")
    assert s.shown_texts() == ["Verwijderd over 14 dagen"] and s.texts() == ["Profiel", "Verwijderd over 14 dagen"]
    assert s.flashed == ["Account in behandeling (14 dagen)"]
    old = screen_from_dom({"elements": snap["elements"][:1], "shape": "x", "url": "http://127.0.0.1/"})
    assert old.flashed == [] and old.elements[0].covered


def test_a_heading_with_the_submit_buttons_words_does_not_hide_the_submit() -> None:
    """Kind 2: a log-in screen titled as its button ("Zaloguj się" heading, "Zaloguj się" button, fields named
    by placeholder only). The heading is the text just above the first field, so it was taken for the field's
    label, and every element with the same words — the submit too — was dropped as "a label that only focuses
    the field": the form had no submit and the log-in was never tried."""
    s = Screen(elements=[Element(text="Zaloguj się", bounds=(60, 10, 200, 40)),
                         Element(name="E-mail", role="textbox", bounds=(10, 110, 300, 40)),
                         Element(name="Hasło", role="textbox", bounds=(10, 160, 300, 40), secret_field=True),
                         Element(text="Zaloguj się", bounds=(10, 220, 300, 44), clickable=True),
                         Element(text="Start", bounds=(0, 740, 130, 40), clickable=True)],
               signature="s", size=(400, 800))
    p = plan(s, targets(s), ACCOUNT, FormData(username="a@b.c", password="pw"), sms_known=True)
    assert [k for _, k in p.fields] == ["username", "password"]
    assert p.submit is not None and p.submit.label == "Zaloguj się" and p.submit.element.bounds[1] == 220
    labelled = Screen(elements=[Element(text="E-mail", bounds=(10, 80, 300, 24), clickable=True),    # <label>
                                Element(role="textbox", bounds=(10, 110, 300, 40))], signature="s", size=(400, 800))
    assert [t.use.value for t in targets(labelled)] == ["text"]     # the field's own label is not a control


def test_a_bar_that_stays_put_with_a_sentence_of_its_own_is_a_candidate_a_tab_bar_is_not() -> None:
    """A cookie bar with no role and no backdrop (react-cookie-consent's default, in Hindi) leaves the app usable
    and covers nothing: before, no candidate at all ("no consent dialog was recognised"), so the permission search
    took its refusal for the core screen's only control and concluded clean. It stays put while the app scrolls
    (fixed) and says something of its own: a candidate, tried by what its answers store. A fixed tab bar holds
    buttons and no prose: no candidate."""
    from consent_audit.explorer.launch_layer import layer
    app = [Element(text="पास की दुकानें", role="button", clickable=True, bounds=(10, 100, 300, 40)),
           _button("होम", 700, 0, 130), _button("खोज", 700, 130, 130), _button("प्रोफ़ाइल", 700, 260, 130),
           Element(fixed=True, bounds=(0, 690, 400, 60))]                       # the tab bar
    bar = [Element(fixed=True, bounds=(0, 560, 400, 120)),
           Element(text="हम अपनी साइट को बेहतर बनाने के लिए कुकीज़ का उपयोग करते हैं।", bounds=(10, 570, 380, 40)),
           _button("सभी स्वीकार करें", 620, 10, 180), _button("सभी अस्वीकार करें", 620, 210, 180)]
    with_bar = Screen(elements=app + bar, signature="s", size=(400, 800))
    found = layer(with_bar, targets(with_bar), frozenset())
    assert found is not None and [t.label for t in found.buttons] == ["सभी स्वीकार करें", "सभी अस्वीकार करें"]
    without = Screen(elements=app, signature="s", size=(400, 800))
    assert layer(without, targets(without), frozenset()) is None
    # the bar drawn over the tab bar: the tab buttons it hides (hit testing: covered) are not its buttons
    hidden = [Element(**{**e.__dict__, "covered": True}) if e.text in ("होम", "खोज", "प्रोफ़ाइल") else e for e in app]
    over = Screen(elements=hidden + [Element(fixed=True, bounds=(0, 560, 400, 200)), *bar[1:]], signature="s",
                  size=(400, 800))
    hit = frozenset(i for i, e in enumerate(over.elements) if e.covered)     # what hit testing calls covered
    for covered in (frozenset(), hit):
        found = layer(over, targets(over), covered)
        assert found is not None and [t.label for t in found.buttons] == ["सभी स्वीकार करें", "सभी अस्वीकार करें"]


class _Launches:
    """What `LaunchModals` reads of the explorer, over a LayerApp."""

    def __init__(self, app: LayerApp) -> None:
        from consent_audit.explorer.soft_ask import SoftAsks
        self.op, self.data = app, FormData()
        self.structure_checked, self._holding, self._in_reach = False, False, False
        self.launch_moves, self.launch_kinds, self.soft_asks = [], {}, SoftAsks()
        self.context = type("Context", (), {"platform": app})()


def test_a_candidate_consent_bar_is_left_for_the_probe_not_answered_as_a_launch_modal() -> None:
    """fresh2 vue-fair, beyonk-fair-x1: a bar over the tab bar whose decline the lexicons know («Tolak», "Reject
    all") but whose other words do not make it a consent dialog was answered as an unknown launch modal before the
    structural probe ran — and again at each of the probe's launches, so the probe never saw it: "no consent
    dialog was recognised at launch". Until the probe has tried it the candidate stays; once the probe found it
    is none, it is answered as any modal."""
    from consent_audit.explorer.launch_modals import LaunchModals
    bar = {"first": {"texts": ["We use cookies. Only the necessary ones are on unless you switch others on."],
                     "buttons": {"Reject all": (None, '{"stats":false}', False),
                                 "Accept selected": (None, '{"stats":false}', False)}}}
    app = LayerApp(bar)
    host = type("Host", (LaunchModals, _Launches), {})(app)
    app.restart()
    host._answer_new_modals()
    assert app.taps == [] and app.at == "first"
    host.structure_checked = True          # the probe tried it: no consent dialog (both store the same)
    host._answer_new_modals()
    assert app.taps == ["Reject all"] and app.at is None


class _Beaches(LayerApp):
    """LayerApp whose app under the layer shows feature cards (tidepool's "Beaches near me", "Tide alerts"),
    covered with its tab while the layer is up."""

    def screen(self) -> Screen:
        shown = super().screen()
        cards = [Element(text="Beaches near me", bounds=(10, 60, 380, 40)), Element(text="Tide alerts", bounds=(10, 110, 380, 40))]
        return Screen(elements=shown.elements[:2] + cards + shown.elements[2:], signature=shown.signature,
                      size=shown.size, prompts=shown.prompts)

    def covered(self, s: Screen) -> frozenset[int]:
        return frozenset({1, 2, 3}) if self.at is not None else frozenset()


def test_a_layer_the_consent_answer_brought_is_answered_and_learnt_for_the_re_walk() -> None:
    """corpus tidepool: the app's own "Send usage statistics?" (Don't allow / Allow, a 2-button dialog over the
    tab bar) follows any answer to its consent dialog, which was told by words — so the structural probe never
    runs, and the hold-back for it left the modal to `_open_walls` (which pressed "Allow") and `on_cover`, neither
    learning anything: the deletion's re-walk met it over «Me» (broken at stop 27, then lifted inside the sign-up
    journey: signup_steps 6 for 5). Once the consent dialog was answered at this install, such a layer is
    answered as a launch modal by its decline and learnt, so `_consent_walk` replays it after the consent answer."""
    from consent_audit.explorer.launch_modals import LaunchModals
    stats = {"first": {"texts": ["Send usage statistics?", "Help us improve by sending anonymous usage statistics."],
                       "buttons": {"Don't allow": (None, {"stats": "no"}, False),
                                   "Allow": (None, {"stats": "yes"}, False)}}}
    app = _Beaches(stats)
    host = type("Host", (LaunchModals, _Launches), {})(app)
    app.restart()
    host._answer_new_modals()
    assert app.taps == [] and app.at == "first"      # no consent answered yet: a candidate left for the probe
    app.consent_answered = True                       # the launch's consent dialog answered (by its words)
    host._answer_new_modals()
    assert app.taps == ["Don't allow"] and app.at is None
    assert [m.label for m in host.launch_moves] == ["Don't allow"]


# ktiv's kind: consent or pay, a page before the app; the pay button opens a payment form and stores nothing
PAGE = {"first": {"page": True, "texts": ["ჩვენი ჟურნალისტიკა რეკლამით ფინანსდება, თანხმობა ან გამოწერა."],
                  "buttons": {"ვეთანხმები და ვაგრძელებ": (None, '{"ads":true,"stats":true}', False),
                              "გამოწერა ₪14.90": ("pay", None, False),
                              "პარამეტრები": ("settings", None, False)}},
        "pay": {"page": True, "texts": ["ბარათის ნომერი, ვადა და CVV სავალდებულოა გადახდისთვის."],
                "buttons": {"გადახდა": ("pay", None, False), "უკან": ("first", None, False)}},
        "settings": {"page": True, "texts": ["აირჩიეთ მიზნები, რისთვისაც შეგვიძლია მონაცემების გამოყენება."],
                     "boxes": ("სტატისტიკა", "რეკლამა"),
                     "buttons": {"ყველაფრის უარყოფა": (None, '{"ads":false,"stats":false}', False),
                                 "შენახვა": (None, _saved, False)}}}


def test_a_consent_page_before_the_app_is_a_candidate_and_its_pay_button_no_refusal() -> None:
    """fresh1 ktiv: a consent-or-pay page on a route of its own (no dialog role, no overlay, the app not drawn)
    was no candidate at all: "no consent dialog was recognised at launch". A page holding nothing but 2–3
    buttons and a sentence of its own is tried like a modal layer; its pay button leads to a payment form and
    stores nothing — never the refusal, which goes through the settings."""
    from consent_audit.explorer import consent_structure
    app = LayerApp(PAGE)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == ["ვეთანხმები და ვაგრძელებ"]
    assert [m.label for m in learnt.reject.moves] == ["პარამეტრები", "ყველაფრის უარყოფა"]
    # in words the lexicons know, a button that buys is no answer even if it stored something
    bought = {"first": {**PAGE["first"], "buttons": {**PAGE["first"]["buttons"],
                                                     "Subscribe and pay": (None, '{"ads":false,"stats":false}', False)}}}
    del bought["first"]["buttons"]["გამოწერა ₪14.90"]
    bought["settings"] = {**PAGE["settings"], "buttons": {"შენახვა": (None, _saved, False)}}
    app = LayerApp(bought)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None and "Subscribe and pay" not in [m.label for m in learnt.reject.moves]
    # a priced subscription whose words also read as a sign-up («הרשמה למינוי … ₪14.90»): a way to pay, which
    # does not make the page a log-in (before: no candidate, "the launch shows a log-in or sign-up first")
    priced = {**PAGE, "first": {**PAGE["first"], "buttons": {
        ("Sign up for ad-free ₪14.90/month" if label == "გამოწერა ₪14.90" else label): answer
        for label, answer in PAGE["first"]["buttons"].items()}}}
    app = LayerApp(priced)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None and [m.label for m in learnt.reject.moves] == ["პარამეტრები", "ყველაფრის უარყოფა"]


class OptInApp(LayerApp):
    """beyonk-fair's kind: every optional purpose off by default; the first layer's accept stores what is ticked
    (nothing) until the settings layer's boxes are ticked, which relabels it «accept all»; the settings layer is
    closed by its own button (storing nothing); each box has its own clickable label beside it."""

    SELECTED, ALL = "არჩეულის მიღება", "ყველას მიღება"

    def restart(self) -> Screen:
        super().restart()
        self.unticked = set(self.layers["settings"]["boxes"])
        return self.screen()

    def screen(self) -> Screen:
        s = super().screen()
        elements = [Element(**{**e.__dict__, "text": self.ALL}) if e.text == self.SELECTED and not self.unticked
                    else e for e in s.elements]
        if self.at == "settings":
            elements += [Element(text=name, clickable=True, bounds=(10, 420 + 40 * i, 250, 30))
                         for i, name in enumerate(self.layers["settings"]["boxes"])]
        return Screen(elements=elements, signature=s.signature, size=s.size, prompts=s.prompts)

    def tap(self, target) -> Screen:
        if target.label == self.ALL:
            target = type(target)(**{**target.__dict__, "label": self.SELECTED})
        return super().tap(target)


OPT_IN = {"first": {"texts": ["ჩვენ ვიყენებთ ..."],
                    "buttons": {"პარამეტრები": ("settings", None, False),
                                "ყველას უარყოფა": (None, '{"stats":false,"ads":false}', False),
                                OptInApp.SELECTED: (None, _saved, False)}},
          "settings": {"texts": ["პარამეტრები"], "boxes": ("სტატისტიკა", "რეკლამა"),
                       "buttons": {"დახურვა": ("first", None, False)}}}


def test_an_opt_in_dialog_is_accepted_as_an_agreeing_user_does_ticking_then_the_relabelled_button() -> None:
    """fresh2 beyonk-fair (@beyonk/gdpr-cookie-consent-banner, every optional category off): both first-layer
    answers store everything off, the settings layer's only button closes it, and its boxes' own labels were
    tried as its buttons: "no consent dialog". An agreeing user ticks every purpose, closes the layer and takes
    the first layer's button the ticking relabelled: that is the accept (6 steps), the first «reject» the refusal;
    nothing pre-ticked."""
    from consent_audit.explorer import consent_structure
    app = OptInApp(OPT_IN)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == ["პარამეტრები", "სტატისტიკა", "რეკლამა", "დახურვა",
                                                       OptInApp.ALL]
    assert [m.label for m in learnt.reject.moves] == ["ყველას უარყოფა"]
    assert learnt.settings_ticked == 0


def test_an_opt_in_accept_replayed_on_boxes_already_ticked_leaves_them_ticked() -> None:
    """beyonk-fair, permissions: the search reopened the answered banner (its floating edit button) and replayed
    the accept path; its box taps unticked what the first accept had ticked, the relabelled «accept all» was gone
    and the audit broke. The accept's box moves say the box is to end ticked: one already ticked is left."""
    from consent_audit.explorer import consent_structure
    from consent_audit.explorer.moves import TICK, perform
    app = OptInApp(OPT_IN)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.purpose for m in learnt.accept.moves] == ["", TICK, TICK, "", ""]
    app.restart()
    for move in learnt.accept.moves:
        perform(app, move, FormData())
    stored = app.stored["shop:choice"]
    app.at = "first"                       # reopened, the boxes as the accept left them
    for move in learnt.accept.moves:
        perform(app, move, FormData())
    assert app.stored["shop:choice"] == stored == json.dumps({"stats": True, "ads": True})


def test_an_answer_storing_no_choice_beside_accept_and_decline_is_neither() -> None:
    """fresh2 vue-dark: a floating box whose × stores 'postpone', its faint refusal 'decline', its accept 'accept'
    under one key: before, "every answer stored the same choice" (no switch read in any) — the consent dialog
    went unmeasured. The answers storing a choice decide; the × is neither."""
    from consent_audit.explorer.consent_structure import Tried, answers
    from consent_audit.explorer.elements import Target, Use
    from consent_audit.screen import Element

    def tried(label: str, value: str) -> Tried:
        target = Target(Element(text=label, role="button", clickable=True), "button|" + label + "|0", label, Use.TAP)
        return Tried(target, stored={"local:vcad-x": value}, gone=True)
    close, refuse, accept = tried("×", "postpone"), tried("Hapana, sitaki", "decline"), tried("Kubali", "accept")
    assert answers([close, refuse, accept]) == (accept, refuse)


def _nearby(granted: bool, *, tip: str = "Farmářské trhy každou sobotu") -> Screen:
    """corpus vstup's home: granted, the places nearby as plain texts; refused, a sentence, a city field and its
    button where the list was. The tab bar and the week's tip either way."""
    head = [Element(text="V okolí", role="heading", bounds=(10, 10, 300, 30))]
    if granted:
        body = [Element(text=name, bounds=(10, 50 + 40 * i, 300, 30))
                for i, name in enumerate(("Kavárna Liberál · 350 m", "Letenské sady · 800 m", "Bistro · 1,2 km"))]
    else:
        body = [Element(text="Polohu nesdílíte. Napište město.", bounds=(10, 50, 300, 30)),
                Element(name="Město", role="textbox", bounds=(10, 90, 300, 40), clickable=True),
                _button("Hledat", 140)]
    tail = [Element(text=tip, bounds=(10, 300, 300, 30)),
            _button("Domů", 740, 0, 200), _button("Profil", 740, 200, 200)]
    return Screen(elements=head + body + tail, signature="home-granted" if granted else "home-refused",
                  size=(400, 800))


def test_a_core_screen_offering_a_form_where_the_granted_one_showed_a_list_is_reached_by_hand() -> None:
    """An at-launch permission with no control to use (corpus vstup: location asked at the first home, refused
    the nearby list becomes a city field): the refused screen is the core (every control still there, a field
    and one button more), and what the granted one showed is gone with a field in its place — by hand
    (degraded), whatever the words."""
    granted = _nearby(True)
    core = Core.of(granted, targets(granted))
    refused = _nearby(False)
    assert core.matches(refused, targets(refused))
    assert core.by_hand(refused, targets(refused))
    assert not core.by_hand(granted, targets(granted))                # granted again: the same screen
    other_tip = _nearby(True, tip="Trh na Kampě v neděli")
    assert not core.by_hand(other_tip, targets(other_tip))            # a text changed, no field: usable
    with_field = Screen(elements=[*granted.elements, Element(name="Hledat místo", role="textbox",
                                                             bounds=(10, 200, 300, 40), clickable=True)],
                        signature="home-granted", size=(400, 800))
    assert not core.by_hand(with_field, targets(with_field))          # a field more, nothing it showed gone
    searching = Core.of(with_field, targets(with_field))              # a core that had its field already
    assert not searching.by_hand(refused, targets(refused))


def _pickup(filled: bool, *, note: str = "") -> Screen:
    """corpus daftar's home: granted, the pickup field is filled in by the app ("your current location");
    refused, the same field empty and a line beside it. The same structure (one signature) either way."""
    body = [Element(name="پک اپ کا مقام", rid="pickup", role="textbox", bounds=(10, 50, 300, 40), clickable=True,
                    filled=filled),
            Element(text=note, bounds=(10, 95, 300, 20)),
            Element(name="منزل", rid="manzil", role="textbox", bounds=(10, 120, 300, 40), clickable=True),
            _button("بسیں تلاش کریں", 170), _button("سفر", 740, 0, 200), _button("پروفائل", 740, 200, 200)]
    return Screen(elements=body, signature="home", size=(400, 800))


def test_a_core_screen_whose_field_the_granted_one_filled_in_is_empty_is_reached_by_hand() -> None:
    """An at-launch permission whose result is a value the app fills in (corpus daftar: location → the pickup
    point): refused, the same screen (one signature) with that field empty — before, read as the granted core
    (`usable`); now by hand (degraded), whatever the line beside it says. A field empty in both, or one the user
    left empty that the granted core also showed empty, is no mark."""
    granted = _pickup(True)
    core = Core.of(granted, targets(granted))
    refused = _pickup(False, note="Location permission denied. Type your pickup point.")
    assert core.matches(refused, targets(refused))
    assert core.by_hand(refused, targets(refused))
    assert core.by_hand(_pickup(False), targets(_pickup(False)))     # no message at all: the field tells
    assert not core.by_hand(granted, targets(granted))
    unfilled = Core.of(_pickup(False), targets(_pickup(False)))      # a core that never filled it in
    assert not unfilled.by_hand(refused, targets(refused))


def test_an_at_launch_permission_with_no_feature_known_is_off_when_the_core_was_reached_by_hand() -> None:
    """The explorer's `feature_on` for a permission no control is known for: not measured (None) on a core
    screen like the granted one, off (degraded) on one reached by hand."""
    from consent_audit.explorer.app import ExploredApp
    app = ExploredApp.__new__(ExploredApp)
    app.features, app.core_by_hand = {}, False
    assert app.feature_on("geolocation") is None
    app.core_by_hand = True
    assert app.feature_on("geolocation") is False


class OptOutApp(LayerApp):
    """beyonk-dark's kind: every optional purpose on by default, no refusal on the first layer; the settings
    layer's only button («close settings») hides it and stores nothing — the first layer stays, its accept
    relabelled «accept selected» once a box is unticked, and that stores the selection as it now is."""

    ALL, SELECTED = "ყველას მიღება", "არჩეულის მიღება"

    def screen(self) -> Screen:
        s = super().screen()
        elements = [Element(**{**e.__dict__, "text": self.SELECTED}) if e.text == self.ALL and self.unticked
                    else e for e in s.elements]
        return Screen(elements=elements, signature=s.signature, size=s.size, prompts=s.prompts)

    def tap(self, target) -> Screen:
        if target.label == self.SELECTED:
            target = type(target)(**{**target.__dict__, "label": self.ALL})
        return super().tap(target)


OPT_OUT = {"first": {"texts": ["ჩვენ ვიყენებთ ..."],
                     "buttons": {"პარამეტრები": ("settings", None, False), OptOutApp.ALL: (None, _saved, False)}},
           "settings": {"texts": ["პარამეტრები"], "boxes": ("სტატისტიკა", "რეკლამა"),
                        "buttons": {"დახურვა": ("first", None, False)}}}


def test_a_settings_layer_whose_button_only_closes_it_is_refused_through_the_first_layers_answer() -> None:
    """fresh2 beyonk-dark (@beyonk/gdpr-cookie-consent-banner with its defaults): the settings layer's «Закрити»
    only hides that layer — unticked or not, nothing is stored and the bar stays ("the layer stayed on screen
    after 'Закрити'": no consent dialog, not_found). A refusing user unticks, closes the settings and takes the
    first layer's answer, now «accept selected»: that is the reject path (6 steps), the accept the first layer's."""
    from consent_audit.explorer import consent_structure
    from consent_audit.explorer.moves import perform
    app = OptOutApp(OPT_OUT)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == [OptOutApp.ALL]
    assert [m.label for m in learnt.reject.moves] == ["პარამეტრები", "დახურვა", OptOutApp.SELECTED]
    assert learnt.settings_ticked == 2
    app.restart()
    for move in learnt.reject.moves:
        perform(app, move, FormData())
    assert json.loads(app.stored["shop:choice"]) == {"stats": False, "ads": False} and app.at is None


def _two_answers(on: str, off: str, texts: tuple[str, ...] = ("ჩვენ ვიყენებთ ...",)) -> dict:
    return {"first": {"texts": list(texts), "buttons": {"ჩართვა": (None, on, False), "გამორთვა": (None, off, False)}}}


@pytest.mark.parametrize("on,off,texts,consent", [
    ('{"dark":true}', '{"dark":false}', (), False),                       # a dark theme: one setting on / off
    ('{"newsletter":"yes"}', '{"newsletter":"no"}', (), False),           # a newsletter's yes / no
    ('{"visits":true,"offers":true}', '{"visits":false,"offers":false}', (), True),   # two purposes
    ('{"analytics":"granted"}', '{"analytics":"denied"}', (), True),      # one purpose, worded as consent
    ('{"dark":true}', '{"dark":false}', ("We use cookies to measure visits.",), True),  # its words say consent
])
def test_one_setting_switched_on_or_off_is_no_consent_dialog_a_choice_over_purposes_is(on, off, texts, consent) -> None:
    """fixE item 2: a start dialog whose answers store opposite values of one setting (a dark theme, a
    newsletter) was taken for a consent dialog by structure — the bigger button the accept, a wrong consent
    finding on a setting. A consent dialog asks about purposes: its answers differ in two or more, or a second
    layer sets them one by one, or the record says consent (granted/denied), or its words do."""
    from consent_audit.explorer import consent_structure
    app = LayerApp(_two_answers(on, off, texts or ("ჩვენ ვიყენებთ ...",)))
    learnt = consent_structure.learn(app, app.restart)
    assert (learnt is not None) == consent
    if consent:
        assert [m.label for m in learnt.accept.moves] == ["ჩართვა"] and [m.label for m in learnt.reject.moves] == ["გამორთვა"]


def test_a_setting_is_said_as_such_when_no_consent_dialog_was_told() -> None:
    from consent_audit.explorer import consent_structure
    from consent_audit.explorer.launch_seen import launch_seen
    app = LayerApp(_two_answers('{"dark":true}', '{"dark":false}'))
    tried: list = []
    assert consent_structure.learn(app, app.restart, tried) is None
    screen = app.restart()
    said = launch_seen(screen, app.targets(screen), app.covered(screen), tried, True)
    assert "switched one setting on or off (shop:choice.dark)" in said and "same choice" not in said


def test_a_launch_modal_storing_one_setting_in_unknown_words_is_not_told_consent() -> None:
    from consent_audit.explorer.modal_kind import CONSENT, modal_kind
    assert modal_kind({"local:theme": '{"dark":false}'}, ["მუქი თემა?", "×"]) is None
    assert modal_kind({"local:choice": '{"visits":false,"offers":false}'}, ["ჩვენ ვიყენებთ ...", "×"]) == CONSENT


# @dmstr/cookie-consent's kind (fresh5 rotfai): the record lists the purposes consented to by name, '[]' refused
NAMED = {"first": {"texts": ["ჩვენ ვიყენებთ ..."], "buttons": {"ვეთანხმები": (None, '["stats","ads"]', False),
                                                             "პარამეტრები": ("settings", None, False)}},
         "settings": {"texts": ["პარამეტრები"], "boxes": ("სტატისტიკა", "რეკლამა"),
                      "buttons": {"ყველაფრის უარყოფა": (None, '[]', False),
                                  "შენახვა": (None, lambda app: json.dumps(
                                      [n for b, n in (("სტატისტიკა", "stats"), ("რეკლამა", "ads"))
                                       if b not in app.unticked]), False)}}}


def test_a_record_listing_the_purposes_consented_to_by_name_tells_accept_from_reject() -> None:
    """fresh5 rotfai: @dmstr/cookie-consent stores the names of the purposes consented to (["analytics",
    "marketing"] / []) — no true/false switch. Before: "every answer stored the same choice", no consent dialog
    (the Thai labels no lexicon reads). The answer listing every purpose accepts, the one listing none refuses."""
    from consent_audit.explorer import consent_structure
    from consent_audit.stored_records import listed
    assert listed({"cookie:c": '["a","b"]', "local:x": '{"cats":["a"],"v":1}', "local:y": "1"}) == {
        "cookie:c": frozenset({"a", "b"}), "local:x.cats": frozenset({"a"})}
    learnt = consent_structure.learn(app := LayerApp(NAMED), app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == ["ვეთანხმები"]
    assert [m.label for m in learnt.reject.moves] == ["პარამეტრები", "ყველაფრის უარყოფა"]


class OffByDefaultApp(LayerApp):
    """A settings layer whose purposes are shown unticked (opt-in by default): a box is ticked once tapped."""

    def screen(self) -> Screen:
        s = super().screen()
        boxes = self.layers.get(self.at or "", {}).get("boxes", ()) if self.at else ()
        elements = [Element(**{**e.__dict__, "checked": e.name in self.unticked})
                    if e.role == "switch" and e.name in boxes and e.enabled else e for e in s.elements]
        return Screen(elements=elements, signature=s.signature, size=s.size, prompts=s.prompts)


def _ticked(app: "LayerApp") -> list[str]:
    """The purposes an OffByDefaultApp's settings layer shows ticked now (a box tapped once is ticked)."""
    return [n for b, n in (("რეკლამა", "ads"), ("სტატისტიკა", "stats")) if b in app.unticked]


# gdpr-cookie's kind (corpus ambavi): the settings layer has no button of its own — the first layer's one
# answer stays, still worded as accept, and now saves what is ticked (untouched: the essential type alone)
SAVE_WORDED_AS_ACCEPT = {
    "first": {"texts": ["ჩვენ ვიყენებთ ..."],
              "buttons": {"ვეთანხმები და ვკითხულობ უფასოდ": (None, '["essential","ads","stats"]', False),
                          "პარამეტრები": ("settings", None, False)}},
    "settings": {"texts": ["ჩვენ ვიყენებთ ...", "აირჩიეთ"], "boxes": ("აუცილებელი", "რეკლამა", "სტატისტიკა"),
                 "locked": ("აუცილებელი",),
                 "buttons": {"ვეთანხმები და ვკითხულობ უფასოდ": (
                     None, lambda app: json.dumps(["essential"] + _ticked(app)), False)}}}

# @palmabit/react-cookie-law's kind (corpus begimas): the accept stores the record «given» and one cookie per
# purpose; the settings layer's save, purposes unticked, stores the record «given» alone — the refusal is the
# purpose records' absence
ABSENT_PURPOSES = {
    "first": {"texts": ["ჩვენ ვიყენებთ ..."],
              "buttons": {"პარამეტრები": ("settings", None, False),
                          "ყველას მიღება": (None, {"rcl_consent_given": "true", "rcl_preferences": "true",
                                                   "rcl_statistics": "true", "rcl_marketing": "true"}, False)}},
    "settings": {"texts": ["პარამეტრები"], "boxes": ("აუცილებელი", "რეკლამა", "სტატისტიკა"),
                 "locked": ("აუცილებელი",),
                 "buttons": {"შენახვა და დახურვა": (None, lambda app: {
                     "rcl_consent_given": "true", **{f"rcl_{n}": "true" for n in _ticked(app)}}, False)}}}


def test_a_settings_layer_whose_only_save_is_worded_as_accept_is_refused_through_it() -> None:
    """fixRB ambavi (gdpr-cookie 0.3.0): «პარამეტრები» shows the purposes unticked and hides itself; the one
    button left is the first layer's, still worded as accept, and stores only what is ticked. Before, the
    settings layer's buttons were those not on the first layer — none — so no refusal was tried and the wall
    was no consent dialog (not_found). A settings layer with no button of its own is saved by the first layer's
    answer still shown: judged by what it stored (["essential"]: the refusal, 2 steps)."""
    from consent_audit.explorer import consent_structure
    app = OffByDefaultApp(SAVE_WORDED_AS_ACCEPT)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == ["ვეთანხმები და ვკითხულობ უფასოდ"]
    assert [m.label for m in learnt.reject.moves] == ["პარამეტრები", "ვეთანხმები და ვკითხულობ უფასოდ"]
    assert learnt.settings_locked == 1 and not learnt.settings_ticked


def test_a_refusal_stored_as_the_absence_of_the_accepts_purpose_records_is_told() -> None:
    """fixRB begimas (@palmabit/react-cookie-law 0.7.1): both answers store «rcl_consent_given=true»; only
    the accept stores a record per purpose beside it. Before, the answers were compared on the record both
    wrote — the same — and the sheet was no consent dialog (not_found). The accept's purpose records absent
    after the other answer are those purposes not consented to: that answer is the refusal."""
    from consent_audit.explorer import consent_structure
    from consent_audit.readback import judge
    app = OffByDefaultApp(ABSENT_PURPOSES)
    learnt = consent_structure.learn(app, app.restart)
    assert learnt is not None
    assert [m.label for m in learnt.accept.moves] == ["ყველას მიღება"]
    assert [m.label for m in learnt.reject.moves] == ["პარამეტრები", "შენახვა და დახურვა"]
    verdict = judge({}, {"cookies": {"rcl_consent_given": "true", "rcl_marketing": "true", "rcl_statistics": "true",
                                     "rcl_preferences": "true"}},
                    {"cookies": {"rcl_consent_given": "true"}}, optional=3, locked=1)
    assert verdict["reject_honoured"] is True
    # an id the accept let the app keep beside the record (no switch) tells nothing: still the same choice
    same = {"first": {"texts": ["ჩვენ ვიყენებთ ..."], "buttons": {
        "ა": (None, {"given": "true", "uid": "a81f0c3d9e2b47c6a1d5"}, False), "ბ": (None, {"given": "true"}, False)}}}
    assert consent_structure.learn(app := LayerApp(same), app.restart) is None
