"""Issue 13's structural decisions without a browser, on hand-made screens: what confirms a refusal (kind 18),
what answers an unknown modal at launch (kind 11), what opens a permission wall (kind 12), when an app's own
"Allow / Don't allow" is consent (kind 10), and that a locked box is never a box to untick (kind 4)."""
from __future__ import annotations

from consent_audit.explorer import consent
from consent_audit.explorer.elements import Target, Use, targets
from consent_audit.explorer.forms import ACCOUNT, UNTICK, FormData, plan
from consent_audit.explorer.screens import allows_data_use, is_consent, modal_answer, wall_opener
from consent_audit.screen import Element, Screen


def screen(*items: tuple[str, str, bool], boxes: tuple[tuple[str, bool, bool], ...] = ()) -> Screen:
    """(text, role, clickable) rows stacked down the screen; boxes: (label, checked, enabled)."""
    elements, y = [], 10
    for text, role, clickable in items:
        elements.append(Element(text=text, role=role, bounds=(10, y, 300, 40), clickable=clickable))
        y += 50
    for label, checked, enabled in boxes:
        elements.append(Element(role="checkbox", name=label, bounds=(10, y, 30, 30), checked=checked,
                                enabled=enabled, clickable=True))
        y += 50
    return Screen(elements=elements, signature="s", size=(400, 800))


def button(text: str) -> tuple[str, str, bool]:
    return (text, "button", True)


def text(words: str) -> tuple[str, str, bool]:
    return (words, "", False)


def test_are_you_sure_after_a_refusal_is_confirmed_by_its_refusing_yes() -> None:
    s = screen(text("Are you sure?"), button("Yes, reject all"), button("Go back"))
    assert consent.confirms_refusal(s, targets(s)).label == "Yes, reject all"
    asked = screen(text("Do you really want to reject all cookies?"), button("Yes"), button("No"))
    assert consent.confirms_refusal(asked, targets(asked)).label == "Yes"
    banner = screen(text("We use cookies."), button("Accept all"), button("Reject all"))
    assert consent.confirms_refusal(banner, targets(banner)) is None


def test_an_unknown_modal_is_answered_by_its_close_decline_or_continue_never_by_agreeing_or_leaving() -> None:
    news = screen(text("What's new"), button("Got it"))
    assert modal_answer(news, targets(news), frozenset({99})).label == "Got it"
    rate = screen(text("Enjoying the app?"), button("Rate now"), button("Not now"))
    assert modal_answer(rate, targets(rate), frozenset({99})).label == "Not now"
    assert modal_answer(news, targets(news), frozenset()) is None          # nothing covered: no modal
    leave = screen(text("Update required"), button("Exit"))
    assert modal_answer(leave, targets(leave), frozenset({99})) is None


def test_a_wall_with_one_turn_on_is_opened_and_a_menu_is_not() -> None:
    wall = screen(text("Location needed"), button("Turn on"))
    assert wall_opener(wall, targets(wall)).label == "Turn on"
    zh = screen(text("需要定位权限"), button("去开启"))
    assert wall_opener(zh, targets(zh)).label == "去开启"
    menu = screen(button("Turn on alerts"), button("Home"), button("Settings"), button("Profile"))
    assert wall_opener(menu, targets(menu)) is None


def test_a_layer_with_a_refusal_is_a_question_not_a_wall() -> None:
    """fixR: an app's own two-button question ("Send statistics? Allow / Don't allow", words no lexicon reads as
    data) was opened as a permission wall with everything granted — a consent the user never gave. A wall has no
    way out but on (its one other control never a refusal); a layer that offers one is a question, answered
    as a modal or a consent, never by its "Allow"."""
    stats = screen(text("Send statistics?"), button("Allow"), button("Don't allow"))
    assert wall_opener(stats, targets(stats)) is None
    later = screen(text("Location needed"), button("Turn on"), button("Not now"))
    assert wall_opener(later, targets(later)) is None
    leave = screen(text("Location needed"), button("Turn on"), button("Exit"))
    assert wall_opener(leave, targets(leave)).label == "Turn on"


def test_an_apps_own_allow_about_data_is_consent_about_a_device_feature_is_not() -> None:
    stats = screen(text("Send usage statistics? Anonymous usage data helps us improve."), button("Allow"),
                   button("Don't allow"))
    assert allows_data_use(stats, targets(stats)) and is_consent(stats, targets(stats))
    camera = screen(text("Allow access to your camera to scan parcels and share usage data?"), button("Allow"),
                    button("Don't allow"))
    assert not allows_data_use(camera, targets(camera))



class _Covered:
    """An operator-like over one recorded screen whose first `under` elements a layer covers."""

    consent_keys: frozenset = frozenset()
    in_foreground = True

    def __init__(self, under: int, answered: bool = False, data_question: bool = False) -> None:
        self.under, self.consent_answered, self.consent_data_question = under, answered, data_question

    def covered(self, screen: Screen) -> frozenset[int]:
        return frozenset(range(self.under))

    def targets(self, screen: Screen) -> list[Target]:
        return targets(screen, self.covered(screen))


def test_a_consent_dialog_under_another_layer_is_not_shown() -> None:
    """`consent.shown` read the covered banner's words (cookies) with the top sheet's controls: an invitation
    sheet's "Accept invitation" over the cookie banner was the consent dialog on screen, its answer the
    consent's (verdict sheet_over_banner)."""
    s = screen(text("We use cookies to personalise ads."), button("Accept all"), button("Reject all"),
               text("Anna invited you to her team"), button("Accept invitation"), button("Later"))
    s = Screen(elements=s.elements, signature="s", size=(400, 800), location="http://app/")
    assert not consent.shown(_Covered(3), s)
    assert consent.shown(_Covered(0), s)          # nothing over the banner: it is on screen


def test_an_apps_own_data_question_after_another_consent_answer_is_no_consent_dialog_shown() -> None:
    """corpus tidepool: "Send usage statistics? Allow / Don't allow" comes over the app (its "near me" card
    covered) once the consent dialog (Consent / Do not consent) was answered: another question, answered as a
    launch modal; the same question as the dialog the launch asked (consent_words?v=stats) is that dialog."""
    s = screen(text("Beaches near me"), text("Send usage statistics?"),
               text("Help us improve by sending anonymous usage statistics."), button("Don't allow"), button("Allow"))
    s = Screen(elements=s.elements, signature="s", size=(400, 800), location="http://app/")
    assert consent.shown(_Covered(1), s)                                    # nothing answered yet: the dialog
    assert not consent.shown(_Covered(1, answered=True), s)                 # after another kind's answer
    assert consent.shown(_Covered(1, answered=True, data_question=True), s)  # it was the dialog answered


def test_a_locked_ticked_box_is_mandatory_not_a_box_to_untick() -> None:
    layer = screen(text("Cookie settings"), button("Save choices"),
                   boxes=(("Strictly necessary", True, False), ("Audience measurement", True, True)))
    found = targets(layer)
    ticks = plan(layer, found, UNTICK, FormData(), True).ticks
    assert [t.label for t in ticks] == ["Audience measurement"]


def test_a_form_refused_once_is_retried_with_what_its_message_asks() -> None:
    """Kind 8: a field labelled optional does not stop the search (it is left empty at first); the refusal's
    words name what to give the second time ("Please give a reason" → the reason typed into it), and every box
    is ticked then, not only the agree boxes."""
    from consent_audit.explorer.forms import FILL, RETRY, retry_purpose
    s = Screen(elements=[
        Element(text="Anything you would like to tell us? (optional)", bounds=(10, 10, 300, 30)),
        Element(role="textbox", bounds=(10, 45, 300, 60), clickable=True),
        Element(role="checkbox", name="Also remove my photos", bounds=(10, 120, 30, 30), checked=False, clickable=True),
        Element(text="Close my account for good", role="button", bounds=(10, 170, 300, 40), clickable=True)],
        signature="s", size=(400, 800))
    data = FormData(username="u", password="p", reason_text={"en": "testing"})
    first = plan(s, targets(s), FILL, data, True)
    assert first.missing == [] and first.fields == [] and first.ticks == []
    assert first.submit is not None and first.submit.label == "Close my account for good"
    purpose = retry_purpose("Please give a reason so we can do better.")
    assert purpose.startswith(f"{RETRY}:reason|")
    again = plan(s, targets(s), purpose, data, True)
    assert [kind for _, kind in again.fields] == ["reason"]
    assert [t.label for t in again.ticks] == ["Also remove my photos"]
    assert again.submit is not None and again.submit.label == "Close my account for good"


def test_a_settings_row_about_the_login_password_is_not_a_way_to_log_in() -> None:
    """Kind 9: 'Login password ›' / 登录密码 name a setting (the longer lexicon hit wins), and the account search
    digs below the first screens only once the app has shown a log-in or sign-up control."""
    from consent_audit.explorer import cues
    from consent_audit.explorer.account import AccountGoal
    from consent_audit.explorer.config import load_config
    from consent_audit.explorer.graph import Node
    for row in ("登录密码 ›", "Login password", "Login devices"):
        assert not cues.has(row, "log_in", "sign_up"), row
    assert cues.has("登录/注册", "log_in") and cues.has("Sign in", "log_in")
    goal = AccountGoal(load_config(), FormData(username="u"))
    top, below = Node("a", screen(), 0), Node("b", screen(), 1)
    assert goal.score(top, "我的") > 0                       # where a user looks for the log-in
    assert goal.score(below, "设置") <= 0 and goal.score(below, "登录密码 ›") <= 0
    assert goal.score(below, "登录") > 0                     # the app asks for a log-in …
    assert goal.score(below, "设置") > 0                     # … so its menus are worth a look now


def test_a_bare_close_on_a_layer_with_purposes_to_untick_is_no_refusal() -> None:
    """vanilla-cookieconsent's preferences layer: 关闭 / Close only returns to the first layer; unticking the
    purposes and saving is the refusal."""
    s = screen(button("关闭"), button("全部同意"), button("保存设置"),
               boxes=(("必要", True, False), ("统计分析", True, True), ("个性化广告", True, True)))
    move, target = consent.next_move(s, targets(s), consent.REJECT, FormData())
    assert target.label == "保存设置" and move.purpose == UNTICK
    plain = screen(text("We use cookies."), button("Accept all"), button("Close"))
    assert consent.next_move(plain, targets(plain), consent.REJECT, FormData())[1].label == "Close"


def test_a_credentials_form_whose_button_no_lexicon_names_is_sent_by_the_button_after_its_fields() -> None:
    """Structure before words: a password field makes a credentials form in any language; its submit is the
    first button after the last field (an Italian 'Accedi', not in any lexicon), not a link before it."""
    s = Screen(elements=[Element(text="", name="Nome utente", role="textbox", bounds=(10, 10, 300, 40)),
                         Element(text="", name="Parola d'ordine", role="textbox", bounds=(10, 60, 300, 40),
                                 secret_field=True),
                         Element(text="Hai dimenticato?", role="link", bounds=(10, 110, 300, 40), clickable=True),
                         Element(text="Accedi", role="button", bounds=(10, 160, 300, 40), clickable=True)],
               signature="s", size=(400, 800))
    p = plan(s, targets(s), ACCOUNT, FormData(username="a@b.c", password="pw"), sms_known=True)
    assert [k for _, k in p.fields] == ["username", "password"]
    assert p.submit is not None and p.submit.label == "Accedi"
    assert plan(s, targets(s), UNTICK, FormData(), sms_known=True).submit is None


def test_account_and_consent_words_of_the_decision_languages() -> None:
    """The explorer's own lexicon in DE, FR, ES and JA as goals.yaml is: log-in, sign-up, saving a selection,
    a settings layer, a refusal and what a consent screen speaks of (issue 13: library pages in those languages)."""
    from consent_audit.explorer import cues
    expect = {"log_in": ["Einloggen", "Connexion", "Acceder", "サインイン"],
              "sign_up": ["Konto anlegen", "S'inscrire", "Registrarse", "会員登録"],
              "save": ["Einstellungen speichern", "Enregistrer mes choix", "Guardar preferencias", "設定を保存"],
              "decline": ["Nur notwendige Cookies", "Solo las necesarias", "必須のみ"],
              "manage": ["Cookie-Einstellungen", "Paramètres des cookies", "詳細設定"],
              "consent_context": ["Wir verarbeiten Ihre Daten", "Nous utilisons vos données", "クッキーを使用します"],
              "username_field": ["Benutzername", "Courriel", "Correo", "ユーザー名"]}
    for category, labels in expect.items():
        for label in labels:
            assert cues.has(label, category), (label, category)
    assert not cues.has("Abmelden", "log_in") and not cues.has("Déconnexion", "log_in")
    assert cues.has("ログインパスワード", "login_setting") and not cues.has("ログインパスワード", "log_in")


def test_a_refusal_repeated_on_every_service_row_answers_one_row_not_the_dialog() -> None:
    """A CMP's panel (tarteaucitron's): "Deny all" once, then "Allow" / "Deny" on each service row. The reject
    path takes the dialog-wide refusal, not the shortest label (which denies one service and leaves the
    banner to come back at the next launch)."""
    rows = [button(w) for _ in range(3) for w in ("Allow", "Deny")]
    s = screen(text("Cookie preferences"), button("Allow all"), button("Deny all"), *rows, button("Close"))
    move, target = consent.next_move(s, targets(s), consent.REJECT, FormData())
    assert target.label == "Deny all"
    move, target = consent.next_move(s, targets(s), consent.ACCEPT, FormData())
    assert target.label == "Allow all"
    one = screen(text("We use cookies."), button("Accept"), button("Reject"), button("Reject all cookies"))
    assert consent.next_move(one, targets(one), consent.REJECT, FormData())[1].label == "Reject"


def test_a_permission_asked_at_launch_has_the_feature_its_words_name() -> None:
    """Asked at launch and granted, the camera is remembered: using "Take a photo" asks nothing, so no prompt
    ties it to the camera. Its words do; what it showed while granted is what `usable` is judged against."""
    from consent_audit.explorer.permissions import named_features
    home = screen(text("Lumen"), button("Take a photo"), button("Edit reminders"), text(""))
    shot = screen(text("Lumen"), button("Take a photo"), button("Edit reminders"), text("Camera ready"))
    refused = screen(text("Lumen"), button("Take a photo"), button("Edit reminders"), text("Camera is off"))
    photo = next(t for t in targets(home) if t.label == "Take a photo")
    features = named_features([(photo, home, shot)], {"camera", "notifications"})
    assert set(features) == {"camera"} and features["camera"].label == "Take a photo"
    assert features["camera"].works(home, shot) and not features["camera"].works(home, refused)
    assert named_features([(photo, home, shot)], {"geolocation"}) == {}


def test_feature_words_of_the_decision_languages() -> None:
    """Controls whose words say they need a permission, in DE, FR, ES and JA: the permission discovery probes
    them (a feature not probed is never tested refused)."""
    from consent_audit.explorer import cues
    expect = {"feature_geolocation": ["Cafés in der Nähe", "Boulangeries à proximité", "Tiendas cercanas", "近くの店舗"],
              "feature_notifications": ["Erinnerungen", "Alertes promo", "Recordatorios", "リマインダー"],
              "feature_camera": ["Code scannen", "Scanner le billet", "Escanear código", "写真を撮る"]}
    for category, labels in expect.items():
        for label in labels:
            assert cues.has(label, category), (label, category)


def test_a_select_all_switch_is_no_purpose_and_unticking_it_comes_first() -> None:
    """Klaro's settings layer: three services switched on and, last, "toggle all services" (id ...disableAll).
    It is not a fourth pre-ticked purpose, and the shortest refusal unticks it first (one toggle, not three)."""
    from consent_audit.measures import preticked, selects_all
    from consent_audit.recorder import Trail
    s = screen(text("Vos préférences"), button("Accepter la sélection"),
               boxes=(("Mesure d'audience", True, True), ("Offres personnalisées", True, True),
                      ("Publicité des partenaires", True, True), ("Activer ou désactiver tous les services", True, True)))
    assert selects_all(s.elements[-1]) and not selects_all(s.elements[-2])
    assert selects_all(Element(role="switch", rid="service-item-disableAll"))
    assert not selects_all(Element(role="switch", rid="enableAllowance", name="Allowance"))
    p = plan(s, targets(s), UNTICK, FormData(), sms_known=True)
    assert [t.label for t in p.ticks][0] == "Activer ou désactiver tous les services"
    assert preticked(Trail("reject", start=s)) == 3


def test_a_dialog_without_a_settings_layer_is_not_relaunched_to_count_one() -> None:
    """Kind 15 opens the settings layer once when the reject path did not; a dialog that has none (同意 /
    不同意 only) costs no launch — the app's own 设置 tab behind the dialog (covered) is not its settings."""
    s = screen(text("隐私保护提示"), button("同意"), button("不同意"), button("设置"))
    bare = consent.ConsentPath(consent.REJECT, dialog=s, covered=frozenset({3}))
    assert not consent.offers_settings(bare)
    assert consent.offers_settings(consent.ConsentPath(consent.REJECT, dialog=s))
    managed = screen(text("We use cookies"), button("Accept all"), button("Reject all"), button("Manage options"))
    assert consent.offers_settings(consent.ConsentPath(consent.REJECT, dialog=managed))


class PanelApp:
    """A CMP's banner and panel, driven like an Operator: "Deny all" marks the rows and the panel stays open
    (same structure, same controls) until Close."""

    LAYERS = {"banner": [("We use cookies to measure the audience.", None), ("Accept and continue", "app"),
                         ("Customise", "panel")],
              "panel": [("These cookies measure the audience.", None), ("Allow all", "panel"), ("Deny all", "panel"),
                        *[(w, "panel") for _ in range(3) for w in ("Allow", "Deny")], ("Close", "app")],
              "app": [("Home", None), ("Deals", "app")]}
    in_foreground = True

    def __init__(self) -> None:
        self.at, self.taps = "banner", []

    def screen(self) -> Screen:
        return screen(*[(label, "button", True) if to else text(label) for label, to in self.LAYERS[self.at]])

    def covered(self, s: Screen) -> frozenset[int]:
        return frozenset()

    def targets(self, s: Screen | None = None):
        return targets(s or self.screen())

    def find(self, key: str, s: Screen | None = None):
        return next((t for t in self.targets(s) if t.key == key), None)

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        self.at = dict(self.LAYERS[self.at])[target.label]
        return self.screen()


def test_a_dialog_wide_refusal_that_leaves_the_panel_open_is_kept_and_the_panel_closed() -> None:
    """tarteaucitron: Customise → Deny all (nothing the structure shows changes) → Close. The refusal is not
    dropped as "no progress", not made again, and the per-row Deny buttons are not tapped after it."""
    app = PanelApp()
    path = consent.answer(app, consent.REJECT, FormData())
    assert [m.label for m in path.moves] == ["Customise", "Deny all", "Close"]
    assert app.taps == ["Customise", "Deny all", "Close"]


def test_a_dialog_whose_id_names_a_consent_library_is_consent_in_words_no_lexicon_has() -> None:
    """Klaro's notice (klaro-fair): its German text speaks of counting and tips, not of data or cookies; its
    id does (klaro-cookie-notice). A dialog of the same words without such an id is not taken for consent."""
    words = screen(text("Wir möchten zählen, wie die App genutzt wird. Beides bleibt aus, solange Sie nicht zustimmen."),
                   button("Einstellungen"), button("Alle ablehnen"), button("Alle akzeptieren"))
    assert not is_consent(words, targets(words))
    notice = Screen(elements=[Element(rid="klaro-cookie-notice", role="dialog", bounds=(0, 0, 400, 400)),
                              *words.elements], signature="s", size=(400, 800))
    assert is_consent(notice, targets(notice))
    elsewhere = Screen(elements=[Element(rid="cookie-icon", role="img", bounds=(0, 700, 20, 20)), *words.elements],
                       signature="s", size=(400, 800))
    assert not is_consent(elsewhere, targets(elsewhere))      # the id must hold the choices


class MarkingPanelApp(PanelApp):
    """The same panel, but "Deny all" marks each row (a "Denied" status appears): the screen after it is not
    the screen before, and "Deny all" is still there."""

    def screen(self) -> Screen:
        s = super().screen()
        if self.at == "panel" and "Deny all" in self.taps:
            s.elements.append(Element(text="Denied", bounds=(10, 700, 100, 20)))
            s.signature = "marked"
        return s


def test_a_dialog_wide_refusal_is_made_once_even_when_the_panel_changes() -> None:
    app = MarkingPanelApp()
    path = consent.answer(app, consent.REJECT, FormData())
    assert [m.label for m in path.moves] == ["Customise", "Deny all", "Close"]
    assert app.taps.count("Deny all") == 1 and "Deny" not in app.taps


class BulkOffApp(PanelApp):
    """Orejime's modal (pochta): «Настроить» opens a layer of two ticked purposes with «Отключить всё» (words no
    lexicon has) and «Сохранить»; «Отключить всё» unticks both and the layer looks the same otherwise (same
    signature, same controls). «Сохранить» stores what the switches show."""

    def __init__(self) -> None:
        super().__init__()
        self.on = {"Статистика": True, "Реклама": True}
        self.stored: dict[str, bool] | None = None

    def screen(self) -> Screen:
        if self.at == "panel":
            return screen(text("Какие файлы cookie и персональные данные мы используем"), button("Отключить всё"),
                          button("Сохранить"),
                          boxes=tuple((name, on, True) for name, on in self.on.items()))
        if self.at == "banner":
            return screen(text("Мы используем файлы cookie."), button("Принять все"), button("Настроить"))
        return screen(text("Почта"), button("Письма"))

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        if target.label in self.on:
            self.on[target.label] = not self.on[target.label]
        elif target.label == "Отключить всё":
            self.on = {name: False for name in self.on}
        elif target.label == "Сохранить":
            self.stored, self.at = dict(self.on), "app"
        elif target.label == "Настроить":
            self.at = "panel"
        elif target.label == "Принять все":
            self.stored, self.at = {name: True for name in self.on}, "app"
        return self.screen()

    def toggle(self, target) -> Screen:
        return self.tap(target)


def test_a_control_that_switches_every_purpose_off_is_a_move_of_the_reject_path_whatever_its_words() -> None:
    """Told by what its tap does; the layer it leaves looks as before but for its switches, which is progress,
    not a way back: the path keeps it, so walking the path again refuses (before: the move was dropped as "back
    where the answer was", and the reject journey tapped «Сохранить» with both purposes on — a false
    reject_not_honoured on pochta)."""
    app = BulkOffApp()
    path = consent.answer(app, consent.REJECT, FormData())
    assert [m.label for m in path.moves] == ["Настроить", "Отключить всё", "Сохранить"]
    assert app.stored == {"Статистика": False, "Реклама": False}
    again = BulkOffApp()
    for move in path.moves:
        again.tap(next(t for t in again.targets() if t.key == move.key))
    assert again.stored == {"Статистика": False, "Реклама": False}


class PurposeRowsApp(BulkOffApp):
    """chaguan's options layer: each purpose a tappable row holding its switch (a tap on the row toggles it), a
    locked one, and «儲存» storing what the switches show; no control switches every purpose off."""

    def __init__(self) -> None:
        super().__init__()
        self.on = {"會員行為分析": True, "個人化優惠": True, "廣告合作夥伴": True}

    def screen(self) -> Screen:
        if self.at != "panel":
            return super().screen()
        elements = [Element(text="隱私偏好設定", bounds=(10, 10, 300, 40))]
        for i, (name, on) in enumerate([("必要功能（一律啟用）", True), *self.on.items()]):
            y = 60 + 60 * i
            elements += [Element(text=name, bounds=(10, y, 300, 50), clickable=True),     # its switch 1 px past
                         Element(name=name, role="switch", checked=on, enabled=i > 0, bounds=(270, y + 10, 41, 30),
                                 clickable=True)]
        elements.append(Element(text="儲存", bounds=(10, 320, 300, 44), clickable=True))
        return Screen(elements=elements, signature="s", size=(400, 800))

    def tap(self, target) -> Screen:
        if self.at == "panel" and target.label == "儲存":
            self.taps.append(target.label)
            self.stored, self.at = dict(self.on), "app"
            return self.screen()
        return super().tap(target)


def test_a_purposes_row_is_no_control_switching_every_purpose_off() -> None:
    """Before (bench27c chaguan): the rows were tried as a "switch all off" one after another; the third row's tap
    left no purpose on (the first two were off already), so that row alone became the move of the reject path —
    «更多選項 → 廣告合作夥伴 → 儲存», 3 steps (truth 5), a walk refusing one purpose of three."""
    from consent_audit.explorer.elements import purpose_row
    app = PurposeRowsApp()
    path = consent.answer(app, consent.REJECT, FormData())
    assert [(m.label, m.purpose) for m in path.moves] == [("Настроить", ""), ("儲存", "untick")]
    assert app.stored == {"會員行為分析": False, "個人化優惠": False, "廣告合作夥伴": False}
    app.at = "panel"
    found = targets(app.screen())     # a row holding its switch (1 px past it: rounding) is the switch
    assert [t.use for t in found] == [Use.TOGGLE] * 4 + [Use.TAP]
    row = Target(Element(text="個人化優惠", bounds=(10, 180, 300, 50), clickable=True), "|个人化优惠|0", "個人化優惠", Use.TAP)
    assert purpose_row(row, found) and not purpose_row(found[-1], found)



class PurposeLabelsApp(BulkOffApp):
    """A settings layer whose purposes are each a <label for> (clickable, no role) beside its own box — two
    ticked, a third off by default — and «Сохранить» storing what the boxes show (verdict untick_ignored?v=en's
    structure): a tap on a label toggles its one box."""

    def __init__(self) -> None:
        super().__init__()
        self.on = {"Статистика": True, "Реклама": True, "Партнёры": False}

    def screen(self) -> Screen:
        if self.at != "panel":
            return super().screen()
        elements = [Element(text="Какие файлы cookie и персональные данные мы используем", bounds=(10, 10, 300, 40))]
        for i, (name, on) in enumerate(self.on.items()):
            y = 60 + 60 * i
            elements += [Element(text=name, rid=f"l{i}", bounds=(10, y, 150, 30), clickable=True),
                         Element(rid=f"p{i}", role="checkbox", checked=on, bounds=(340, y, 24, 24), clickable=True)]
        elements.append(Element(text="Сохранить", role="button", bounds=(10, 300, 380, 44), clickable=True))
        return Screen(elements=elements, signature="s", size=(400, 800))

    def tap(self, target) -> Screen:
        name = next((n for i, n in enumerate(self.on) if target.element.rid in (f"l{i}", f"p{i}")), None)
        if self.at == "panel" and name is not None:
            self.taps.append(target.label)
            self.on[name] = not self.on[name]
            return self.screen()
        return super().tap(target)


def test_a_purposes_own_label_unticks_one_purpose_and_is_no_switch_all_off() -> None:
    """Before (untick_ignored?v=en): the labels were tried as a "switch all off" one after another; the second
    left no purpose ticked (the first had unticked its own), so it alone became the path's move — Manage, one
    label, Save: 3 steps (truth 4), and walking it again stores the first purpose on. What a tap did is read
    from the states before and after it: a tap that changed one purpose is undone, the save unticks them."""
    app = PurposeLabelsApp()
    path = consent.answer(app, consent.REJECT, FormData())
    assert [(m.label, m.purpose) for m in path.moves] == [("Настроить", ""), ("Сохранить", "untick")]
    assert app.stored == {"Статистика": False, "Реклама": False, "Партнёры": False}
    again = PurposeLabelsApp()
    consent.replay(again, path, FormData())
    assert again.stored == {"Статистика": False, "Реклама": False, "Партнёры": False}
    assert len(again.taps) == 4       # Manage, untick 2, Save


def test_a_purposes_own_label_is_never_tried_as_a_switch_all_off() -> None:
    """Before (bench30 klaro-dark, 10 actions for 6): each purpose's <label for> — the caption naming its box —
    was tapped as a "switch all off" and tapped again to undo it, two taps per purpose. A caption naming a box
    (the box's accessible name is its text, or begins with it) is that purpose's, never tried."""
    app = PurposeLabelsApp()
    consent.answer(app, consent.REJECT, FormData())
    assert len(app.taps) == 4         # Manage, untick 2, Save: no caption tapped
    from consent_audit.explorer.elements import purpose_row   # pochta: the box's name is its title and a state
    box = Target(Element(name="Статистика посещений включено", role="checkbox", checked=True, bounds=(340, 60, 24, 24),
                         clickable=True), "#s", "Статистика посещений включено", Use.TOGGLE)
    title = Target(Element(text="Статистика посещений", rid="s-title", bounds=(10, 100, 150, 30), clickable=True),
                   "#s-title", "Статистика посещений", Use.TAP)
    off = Target(Element(text="Статистика", role="button", bounds=(10, 300, 380, 44), clickable=True),
                 "button|статистика|0", "Статистика", Use.TAP)
    assert purpose_row(title, [box, title, off]) and not purpose_row(off, [box, title, off])


NORDIC = {   # Norwegian bokmål, Swedish, Danish, Finnish (corpus fjell: a Norwegian banner read by no lexicon)
    "agree": ["Godta alle", "Godkänn alla", "Accepter alle", "Hyväksy kaikki"],
    "decline": ["Avvis alle", "Avvisa alla", "Afvis alle", "Hylkää kaikki"],
    "manage": ["Tilpass", "Anpassa", "Tilpas", "Mukauta"],
    "save": ["Lagre valg", "Spara val", "Gem valg", "Tallenna valinnat"],
    "consent_context": ["Vi bruker informasjonskapsler", "Vi använder kakor", "Vi behandler personoplysninger",
                        "Käytämme evästeitä"],
    "settings": ["Innstillinger", "Inställningar", "Indstillinger", "Asetukset"],
    "log_in": ["Logg inn", "Logga in", "Log ind", "Kirjaudu sisään"],
    "sign_up": ["Opprett konto", "Skapa konto", "Opret konto", "Luo tili"],
    "log_out": ["Logg ut", "Logga ut", "Log ud", "Kirjaudu ulos"],
    "cancel_account": ["Slett konto", "Radera konto", "Slet konto", "Poista tili"],
    "confirm": ["Bekreft", "Bekräfta", "Bekræft", "Vahvista"],
    "retry": ["Prøv igjen", "Försök igen", "Prøv igen", "Yritä uudelleen"],
    "feature_camera": ["Ta bilde av toppen", "Ta ett foto", "Tag et billede", "Ota kuva"],
    "feature_geolocation": ["Butikker i nærheten", "Butiker i närheten", "Butikker i nærheden", "Lähellä olevat kaupat"],
    "feature_notifications": ["Varsler", "Aviseringar", "Notifikationer", "Ilmoitukset"],
    "username_field": ["Skriv inn e-postadressen din", "E-postadress", "Brugernavn", "Sähköposti"],
    "success": ["Kontoen din er slettet.", "Ditt konto har raderats.", "Din konto er slettet.", "Tilisi on poistettu."],
}


def test_account_consent_and_feature_words_of_the_nordic_languages() -> None:
    from consent_audit.explorer import cues
    missing = [(label, category) for category, labels in NORDIC.items() for label in labels
               if not cues.has(label, category)]
    assert not missing, missing
    assert not cues.has("Kirjaudu ulos", "log_in") and not cues.has("Logg ut", "log_in")
    assert not cues.has("Slett konto", "sign_up")
    assert all(cues.data_kinds(w) == ["password"] for w in ("Passord", "Lösenord", "Adgangskode", "Salasana"))


ACCOUNT_WORDS = {   # the account words of the fresh corpus apps' languages (he, el, cs, hu, ro, uk, ms, sw, sv)
    "log_out": ["התנתקות", "Αποσύνδεση", "Odhlásit se", "Kijelentkezés", "Deconectare", "Вийти", "Log keluar",
                "Toka"],
    "cancel_account": ["מחיקת חשבון", "Διαγραφή λογαριασμού", "Zrušit účet", "Fiók törlése", "Închide contul",
                       "Șterge contul", "Видалити акаунт", "Padam akaun", "Funga akaunti", "Radera konto"],
    "delete": ["מחק", "Διαγραφή", "Törlés", "Șterge", "Видалити", "Padam"],
    "confirm": ["Pokračovat", "המשך", "Συνέχεια", "Tovább", "Continuă", "Продовжити", "Teruskan", "Endelea"],
    "log_in": ["Přihlásit se", "התחברות", "Σύνδεση", "Bejelentkezés", "Conectare", "Увійти", "Log masuk", "Ingia"],
    "sign_up": ["Vytvořit účet", "הרשמה", "Εγγραφή", "Regisztráció", "Creează cont", "Зареєструватися", "Daftar",
                "Jisajili"],
    "success": ["Váš účet byl zrušen.", "A fiókodat töröltük.", "Akaun anda telah dipadam.",
                "Ο λογαριασμός σας διαγράφηκε.", "Ditt konto är raderat."],
}


def test_account_words_of_the_fresh_corpus_languages() -> None:
    """A log-out in these languages is a known decoy (before: «התנתקות», «Odhlásit se», «Αποσύνδεση» were tapped
    as ways on and ended the search logged out), and the deletion's entry and end are read by their words."""
    from consent_audit.explorer import cues
    missing = [(label, category) for category, labels in ACCOUNT_WORDS.items() for label in labels
               if not cues.has(label, category)]
    assert not missing, missing
    assert not any(cues.has(w, "log_in", "cancel_account") for w in ACCOUNT_WORDS["log_out"])
    # a bare cancel / stay is no deletion: «Zrušit» is an answer (decline, as "Cancel" is), «Zůstat» nothing
    assert not cues.has("Zrušit", "cancel_account", "delete") and cues.categories("Zrušit") == {"decline"}
    assert not cues.categories("Zůstat")


class UnwordedPanelApp(PanelApp):
    """A CMP whose first layer speaks of cookies (Accept all / Manage options) and whose second layer, drawn
    over the app as the first was (the app behind it covered), names purposes in words no consent lexicon
    reads, with ticked switches and «Reject all» / «Save»."""

    def __init__(self) -> None:
        super().__init__()
        self.on = {"Audience measurement": True, "Tailored offers": True}
        self.stored: dict[str, bool] | None = None

    def screen(self) -> Screen:
        if self.at == "panel":
            return screen(text("Recipes"), text("Purposes"), button("Reject all"), button("Save"),
                          boxes=tuple((name, on, True) for name, on in self.on.items()))
        if self.at == "banner":
            return screen(text("Recipes"), text("We use cookies to measure the audience."), button("Accept all"),
                          button("Manage options"))
        return screen(text("Recipes"), button("Search"))

    def covered(self, s: Screen) -> frozenset[int]:
        return frozenset({0}) if self.at != "app" else frozenset()     # the app's heading, under the layer

    def tap(self, target) -> Screen:
        self.taps.append(target.label)
        if target.label in self.on:
            self.on[target.label] = not self.on[target.label]
        elif target.label in ("Reject all", "Save"):
            self.stored, self.at = ({name: False for name in self.on} if target.label == "Reject all"
                                    else dict(self.on)), "app"
        elif target.label == "Manage options":
            self.at = "panel"
        elif target.label == "Accept all":
            self.stored, self.at = {name: True for name in self.on}, "app"
        return self.screen()

    def toggle(self, target) -> Screen:
        return self.tap(target)


def test_the_layer_a_consent_dialogs_manage_control_opens_over_the_app_is_its_next_layer_whatever_its_words() -> None:
    """Once the first layer was told consent, what its "manage" control opens over the app (still covered) is
    the dialog's next layer by structure: the reject path goes on there (before: the panel, in no consent word,
    was taken for the app and the path ended at «Manage options», nothing refused)."""
    panel = UnwordedPanelApp()
    panel.at = "panel"
    assert not is_consent(panel.screen(), panel.targets(), panel.covered(panel.screen()))   # no word says consent
    app = UnwordedPanelApp()
    path = consent.answer(app, consent.REJECT, FormData())
    assert [m.label for m in path.moves] == ["Manage options", "Reject all"]
    assert app.stored == {"Audience measurement": False, "Tailored offers": False}
    accepted = UnwordedPanelApp()
    assert [m.label for m in consent.answer(accepted, consent.ACCEPT, FormData()).moves] == ["Accept all"]


THAI_PERSIAN_FINNISH = {   # fresh5's rotfai (th), safar (fa), kirja (fi)
    "log_out": ["ออกจากระบบ", "خروج از حساب", "Kirjaudu ulos"],
    "cancel_account": ["ลบบัญชี", "حذف حساب", "Poista tilini"],
    "account": ["โปรไฟล์", "บัญชีผู้ใช้", "حساب کاربری", "پروفایل", "Profiili"],
}


def test_account_words_of_thai_persian_finnish() -> None:
    """Before: «ออกจากระบบ» (rotfai's log-out) was tapped as a way on by the deletion search and «ลบบัญชี» was no
    deletion entry; a Thai trip-history row («ประวัติการเดินทาง») stays nothing."""
    from consent_audit.explorer import cues
    missing = [(label, category) for category, labels in THAI_PERSIAN_FINNISH.items() for label in labels
               if not cues.has(label, category)]
    assert not missing, missing
    assert not cues.categories("ประวัติการเดินทาง")
    assert cues.categories("ลบบัญชี") == {"cancel_account"} and cues.categories("ออกจากระบบ") == {"log_out"}


class BulkOffCloseApp(BulkOffApp):
    """pochta's Orejime modal as shown: its × («Закрыть настройки», read as a refusal by its words) only closes
    the modal back to the banner, storing nothing."""

    def screen(self) -> Screen:
        shown = super().screen()
        if self.at != "panel":
            return shown
        close = Element(name="Закрыть настройки", role="button", bounds=(300, 5, 40, 40), clickable=True)
        return Screen(elements=[close, *shown.elements], signature=shown.signature, size=shown.size)

    def tap(self, target) -> Screen:
        if target.label == "Закрыть настройки":
            self.taps.append(target.label)
            self.at = "banner"
            return self.screen()
        return super().tap(target)


def test_a_settings_opener_cut_from_the_path_by_a_way_back_is_made_again() -> None:
    """Before (bench30 pochta, a wrong not_found): «Настроить» opened the purposes and was marked never to be
    made again; «Закрыть настройки» led back to the banner, the path was cut there, and the banner had no move
    left — the reject answer gave up and the refusal trials ran out of the time budget."""
    app = BulkOffCloseApp()
    path = consent.answer(app, consent.REJECT, FormData())
    assert [m.label for m in path.moves] == ["Настроить", "Отключить всё", "Сохранить"]
    assert app.stored == {"Статистика": False, "Реклама": False}


def test_an_agreement_negated_in_its_own_label_is_the_refusal_on_the_first_layer() -> None:
    """dalga (tr, the TCF layout): three equal buttons «Kabul ediyorum» / «Kabul etmiyorum» / «Seçenekleri
    yönet». No lexicon read «Kabul etmiyorum» ("I do not accept": Turkish negates the verb, -mıyor-), so the
    worded refusal went through the settings layer (two taps), then each unnamed control was tried as a shorter
    one (consent 6/2). An agree word with a negation in the same label is a decline in any language the
    negations cover; the accept stays the accept."""
    from consent_audit.explorer import cues
    s = screen(text("Çerezleri ve kişisel verilerinizi kullanıyoruz."), button("Kabul ediyorum"),
               button("Kabul etmiyorum"), button("Seçenekleri yönet"))
    assert consent.next_move(s, targets(s), consent.REJECT, FormData())[1].label == "Kabul etmiyorum"
    assert consent.next_move(s, targets(s), consent.ACCEPT, FormData())[1].label == "Kabul ediyorum"
    en = screen(text("We use cookies."), button("I accept"), button("I do not accept"))
    assert consent.next_move(en, targets(en), consent.REJECT, FormData())[1].label == "I do not accept"
    for label in ("Not required", "Kabul etmeden devam et", "Tümünü kabul et ve devam et", "Not now"):
        assert "negation" not in cues.categories(label), label
    assert "agree" in cues.categories("Tümünü kabul et ve devam et")


def test_a_rating_prompt_is_left_by_its_later_never_by_a_star_of_its_choice_among_many() -> None:
    """Before, five stars and «በኋላ» (later, in words no lexicon holds) were six controls, too many for an answer:
    the launch search tapped a ★, rating the app on the user's behalf (corpus ferenj). By structure: the stars are
    a run of alike controls (one role, one size, one row), the one control standing apart is the way out."""
    stars = [Element(text="★", name=f"{n} ኮከብ", role="button", clickable=True, bounds=(40 + 50 * n, 300, 40, 44))
             for n in range(1, 6)]
    rate = Screen(elements=[Element(text="ፈረንጅን ይወዱታል?", bounds=(10, 200, 380, 30)), *stars,
                            Element(text="በኋላ", role="button", clickable=True, bounds=(160, 360, 60, 30))],
                  signature="rate", size=(400, 800))
    assert modal_answer(rate, targets(rate), frozenset({99})).label == "በኋላ"
    only_stars = Screen(elements=rate.elements[:6], signature="stars", size=(400, 800))
    assert modal_answer(only_stars, targets(only_stars), frozenset({99})) is None
