"""Writes the hand-made UiAutomator2 page sources of tests/data/android/ that are described here.

They are written from the documented format (docs/android.md, the UiAutomator2 server's attribute set and
order: index, package, class, text, content-desc, resource-id, checkable, checked, clickable, enabled,
focusable, focused, long-clickable, password, scrollable, selected, bounds, displayed; absent values
omitted; only the active window unless multi-window is on, then one root per window under <hierarchy>),
not captured from a device. Run: python tools/android_page_sources.py (rewrites the files it describes).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "android"
HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
APP = "com.example.shop"
PC, GPC, PI = "com.android.permissioncontroller", "com.google.android.permissioncontroller", "com.android.packageinstaller"
FL, LL, TV, BT = "android.widget.FrameLayout", "android.widget.LinearLayout", "android.widget.TextView", "android.widget.Button"


@dataclass
class N:
    """One view: class, text, bounds (x1, y1, x2, y2) and the attributes that differ from the defaults."""

    cls: str
    text: str = ""
    b: tuple[int, int, int, int] = (0, 0, 0, 0)
    rid: str | None = None
    desc: str | None = None
    click: bool = False
    check: bool | None = None        # None: not checkable
    enabled: bool = True
    focused: bool = False
    selected: bool = False
    password: bool = False
    scroll: bool = False
    hint: str | None = None
    kids: list["N"] = field(default_factory=list)
    pkg: str | None = None           # set on a window's root: its package, inherited below


def _xml(node: N, index: int, pkg: str, depth: int, legacy: bool) -> str:
    pkg = node.pkg or pkg
    x1, y1, x2, y2 = node.b
    flag = lambda v: "true" if v else "false"   # noqa: E731
    if legacy:   # the Appium 1.x server's shape: every attribute present, another order, no `displayed`
        attrs = [("index", str(index)), ("text", node.text), ("resource-id", node.rid or ""), ("class", node.cls),
                 ("package", pkg), ("content-desc", node.desc or ""), ("checkable", flag(node.check is not None)),
                 ("checked", flag(bool(node.check))), ("clickable", flag(node.click)), ("enabled", flag(node.enabled)),
                 ("focusable", flag(node.click)), ("focused", flag(node.focused)), ("scrollable", flag(node.scroll)),
                 ("long-clickable", "false"), ("password", flag(node.password)), ("selected", flag(node.selected)),
                 ("bounds", f"[{x1},{y1}][{x2},{y2}]")]
    else:
        attrs = [("index", str(index)), ("package", pkg), ("class", node.cls), ("text", node.text)]
        if node.desc is not None:
            attrs.append(("content-desc", node.desc))
        if node.rid is not None:
            attrs.append(("resource-id", node.rid))
        attrs += [("checkable", flag(node.check is not None)), ("checked", flag(bool(node.check))),
                  ("clickable", flag(node.click)), ("enabled", flag(node.enabled)),
                  ("focusable", flag(node.click or node.cls.endswith("EditText"))), ("focused", flag(node.focused)),
                  ("long-clickable", "false"), ("password", flag(node.password)), ("scrollable", flag(node.scroll)),
                  ("selected", flag(node.selected)), ("bounds", f"[{x1},{y1}][{x2},{y2}]"), ("displayed", "true")]
        if node.hint is not None:
            attrs.append(("hint", node.hint))
    pad = "  " * depth
    head = f"{pad}<{node.cls} " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs)
    if not node.kids:
        return head + " />\n"
    body = "".join(_xml(k, i, pkg, depth + 1, legacy) for i, k in enumerate(node.kids))
    return head + ">\n" + body + f"{pad}</{node.cls}>\n"


def page(windows: list[N], size: tuple[int, int] = (1080, 2400), legacy: bool = False) -> str:
    if legacy:
        root = '<?xml version="1.0" encoding="UTF-8"?>\n<hierarchy rotation="0">\n'
    else:
        root = HEAD + f'<hierarchy index="0" class="hierarchy" rotation="0" width="{size[0]}" height="{size[1]}">\n'
    return root + "".join(_xml(w, i, w.pkg or "", 1, legacy) for i, w in enumerate(windows)) + "</hierarchy>\n"


# --- the system permission dialog --------------------------------------------------------------------

def grant_dialog(pkg: str, message: str, buttons: list[tuple[str, str | None]], ids: str | None = PC,
                 row: bool = False, top: int = 700, extra: list[N] | None = None) -> N:
    """A runtime-permission dialog window: message, optional extra views, buttons stacked (10+) or in a row
    (6-9: the negative one on the left). `ids` is the id prefix (None: ids stripped, as on some skins)."""
    rid = (lambda local: f"{ids}:id/{local}") if ids else (lambda local: None)
    y = top + 63
    msg = N(TV, message, (126, y + 126, 954, y + 273), rid=rid("permission_message"))
    icon = N("android.widget.ImageView", "", (498, y, 582, y + 84), rid=rid("permission_icon"))
    y = y + 315
    content = [icon, msg] + (extra or [])
    for view in extra or []:
        y = max(y, view.b[3] + 21)
    if row:
        width = (954 - 126) // len(buttons)
        keys = [N(BT, t, (126 + i * width, y, 126 + (i + 1) * width, y + 126), rid=rid(local) if local else None,
                  click=True) for i, (t, local) in enumerate(buttons)]
        bottom = y + 147
    else:
        keys = [N(BT, t, (126, y + i * 147, 954, y + i * 147 + 126), rid=rid(local) if local else None, click=True)
                for i, (t, local) in enumerate(buttons)]
        bottom = y + len(buttons) * 147
    box = (63, top, 1017, bottom)
    if ids == PI or (ids is None and row):
        inner = N(LL, "", box, rid=rid("dialog_container"), kids=[N(LL, "", (63, top, 1017, y - 21),
                  rid=rid("perm_desc_root"), kids=content), N(LL, "", (63, y, 1017, bottom), kids=keys)])
    else:
        inner = N(FL, "", box, rid=rid("grant_singleton"), click=True, kids=[N(LL, "", box, rid=rid("grant_dialog"),
                  click=True, kids=[N(LL, "", (63, top, 1017, y - 21), rid=rid("content_container"), kids=content),
                                    N(LL, "", (126, y, 954, bottom), kids=keys)])])
    return N(FL, "", box, pkg=pkg, kids=[N(FL, "", box, rid="android:id/content", kids=[inner])])


def accuracy(ids: str, fine: bool, y: int, texts: tuple[str, str] = ("Precise", "Approximate")) -> N:
    return N(LL, "", (126, y, 954, y + 340), rid=f"{ids}:id/permission_location_accuracy", kids=[
        N("android.widget.RadioGroup", "", (126, y, 954, y + 340), rid=f"{ids}:id/permission_location_accuracy_radio_group",
          kids=[N("android.widget.RadioButton", texts[0], (126, y, 540, y + 340),
                  rid=f"{ids}:id/permission_location_accuracy_radio_fine", click=True, check=fine),
                N("android.widget.RadioButton", texts[1], (540, y, 954, y + 340),
                  rid=f"{ids}:id/permission_location_accuracy_radio_coarse", click=True, check=not fine)])])


# --- app screens ----------------------------------------------------------------------------------------

def app_window(views: list[N], pkg: str = APP, title: str = "Shop", tabs: list[tuple[str, bool]] | None = None,
               size: tuple[int, int] = (1080, 2400)) -> N:
    """A native app screen: action bar, content, optional bottom navigation (tabs: label, selected)."""
    w, h = size
    kids = [N(TV, title, (42, 150, 1038, 230), rid=f"{pkg}:id/toolbar_title"),
            N(LL, "", (0, 265, w, h - 250), rid=f"{pkg}:id/content", kids=views)]
    if tabs:
        width = w // len(tabs)
        kids.append(N("android.view.ViewGroup", "", (0, h - 250, w, h - 100), rid=f"{pkg}:id/bottom_navigation", kids=[
            N(FL, "", (i * width, h - 250, (i + 1) * width, h - 100), desc=label, rid=f"{pkg}:id/nav_item_{i}",
              click=True, selected=sel, kids=[N(TV, label, (i * width + 20, h - 160, (i + 1) * width - 20, h - 110),
                                               rid=f"{pkg}:id/navigation_bar_item_large_label_view")])
            for i, (label, sel) in enumerate(tabs)]))
    return N(FL, "", (0, 0, w, h), pkg=pkg, kids=[N(LL, "", (0, 0, w, h), kids=[
        N(FL, "", (0, 118, w, h - 100), rid="android:id/content", kids=kids)])])


def alert(pkg: str, title: str | None, message: str, buttons: list[tuple[str, str]], top: int = 860,
          extra: list[N] | None = None, button_cls: str = BT) -> N:
    """An app's AlertDialog window (android:id/alertTitle, message, button1 positive, button2 negative,
    button3 neutral), buttons in a row, positive on the right."""
    y = top + (147 if title else 63)
    views = ([N(TV, title, (105, top + 63, 975, top + 126), rid="android:id/alertTitle")] if title else [])
    views.append(N(TV, message, (105, y, 975, y + 190), rid="android:id/message"))
    y += 232
    for view in extra or []:
        views.append(view)
        y = max(y, view.b[3] + 42)
    order = {"button2": 1, "button3": 0, "button1": 2}
    placed = sorted(buttons, key=lambda b: order[b[1]])
    width = (975 - 105) // max(1, len(placed))
    keys = [N(button_cls, t, (105 + i * width, y, 105 + (i + 1) * width, y + 126), rid=f"android:id/{local}",
              click=True) for i, (t, local) in enumerate(placed)]
    box = (42, top, 1038, y + 168)
    return N(FL, "", box, pkg=pkg, kids=[N(FL, "", box, rid="android:id/content", kids=[
        N(LL, "", box, rid=f"{pkg}:id/parentPanel", kids=views + [N(LL, "", (105, y, 975, y + 126),
                                                                    rid="android:id/buttonPanel", kids=keys)])])])


def column(texts: list[tuple[str, str, str]], top: int = 400, cls: str = BT) -> list[N]:
    """Full-width rows: (class or '', text, id local name); '' class means `cls`."""
    out = []
    for i, (kind, text, local) in enumerate(texts):
        k = kind or cls
        out.append(N(k, text, (42, top + i * 168, 1038, top + i * 168 + 147), rid=f"{APP}:id/{local}" if local else None,
                     click=k in (BT, "android.widget.ImageButton") or local.startswith("row_")))
    return out


def system_bars(w: int = 1080, h: int = 2400) -> tuple[N, N]:
    status = N(FL, "", (0, 0, w, 118), pkg="com.android.systemui", rid="com.android.systemui:id/status_bar", kids=[
        N(TV, "22:41", (42, 20, 200, 100), rid="com.android.systemui:id/clock"),
        N("android.widget.ImageView", "", (900, 30, 960, 90), desc="Battery 80 percent.",
          rid="com.android.systemui:id/battery")])
    nav = N(FL, "", (0, h - 100, w, h), pkg="com.android.systemui", rid="com.android.systemui:id/navigation_bar_frame",
            kids=[N("android.widget.ImageView", "", (480, h - 90, 600, h - 10), desc="Home",
                    rid="com.android.systemui:id/home", click=True)])
    return status, nav


def anr(pkg_label: str, message: str, close: str, wait: str) -> N:
    """The system's "app isn't responding" dialog (package android, ids aerr_close / aerr_wait)."""
    box = (63, 900, 1017, 1500)
    return N(FL, "", box, pkg="android", kids=[N(FL, "", box, rid="android:id/content", kids=[
        N(LL, "", box, rid="android:id/parentPanel", kids=[
            N(TV, message, (126, 963, 954, 1100), rid="android:id/alertTitle"),
            N(BT, close, (63, 1142, 1017, 1290), rid="android:id/aerr_close", click=True),
            N(BT, wait, (63, 1311, 1017, 1459), rid="android:id/aerr_wait", click=True)])])])


LOC_EN = "Allow Shop to access this device’s location?"
SOURCES: dict[str, list[N] | tuple[list[N], dict]] = {
    # --- permission dialogs, API 23-35 -----------------------------------------------------------------
    "permission-location-api23-en.xml": [grant_dialog(PI, LOC_EN, [("DENY", "permission_deny_button"),
                                                                    ("ALLOW", "permission_allow_button")], ids=PI, row=True)],
    "permission-camera-api26-fr-repeat.xml": [grant_dialog("com.google.android.packageinstaller",
        "Autoriser Shop à prendre des photos et à enregistrer des vidéos ?",
        [("REFUSER", "permission_deny_button"), ("AUTORISER", "permission_allow_button")], ids=PI, row=True,
        extra=[N("android.widget.CheckBox", "Ne plus demander", (105, 1200, 954, 1285), rid=f"{PI}:id/do_not_ask_checkbox",
                 click=True, check=False)])],
    "permission-location-api29-es.xml": [grant_dialog(PC, "¿Permitir que Shop acceda a la ubicación de este dispositivo?",
        [("Permitir todo el tiempo", "permission_allow_always_button"),
         ("Permitir solo mientras se usa la app", "permission_allow_foreground_only_button"),
         ("Denegar", "permission_deny_button")])],
    "permission-microphone-api30-de.xml": [grant_dialog(GPC, "Shop erlauben, Audioaufnahmen zu machen?",
        [("Während der Nutzung der App", "permission_allow_foreground_only_button"),
         ("Nur dieses Mal", "permission_allow_one_time_button"), ("Nicht zulassen", "permission_deny_button")])],
    "permission-notifications-api35-ja.xml": [grant_dialog(GPC, "Shop に通知の送信を許可しますか？",
        [("許可", "permission_allow_button"), ("許可しない", "permission_deny_button")])],
    "permission-photos-api34-en.xml": [grant_dialog(GPC, "Allow Shop to access photos and videos on this device?",
        [("Select photos and videos", "permission_allow_selected_button"), ("Allow all", "permission_allow_all_button"),
         ("Don’t allow", "permission_dont_allow_more_selected_button")])],
    "permission-location-api31-en-approximate-repeat.xml": [grant_dialog(GPC, LOC_EN,
        [("While using the app", "permission_allow_foreground_only_button"),
         ("Only this time", "permission_allow_one_time_button"),
         ("Don’t allow", "permission_deny_and_dont_ask_again_button")], extra=[accuracy(PC, False, 1050)])],
    "permission-location-api35-de-noids.xml": [grant_dialog(GPC, "Shop den Zugriff auf den Standort dieses Geräts erlauben?",
        [("Bei Nutzung der App", None), ("Nur dieses Mal", None), ("Nicht zulassen", None)], ids=None)],
    # vendors: a package nobody listed with the standard ids (the reproduction, in French) ...
    "permission-location-api34-oem-fr.xml": [grant_dialog("com.oem.perms",
        "Autoriser Shop à accéder à la position de cet appareil ?",
        [("Lorsque vous utilisez l'appli", "permission_allow_foreground_only_button"),
         ("Uniquement cette fois-ci", "permission_allow_one_time_button"),
         ("Ne pas autoriser", "permission_deny_button")], ids="com.oem.perms")],
    # ... Samsung's controller with its own id prefix, in Spanish ...
    "permission-camera-api34-samsung-es.xml": [grant_dialog("com.samsung.android.permissioncontroller",
        "¿Permitir que Shop haga fotos y grabe vídeos?",
        [("Mientras la app está en uso", "permission_allow_foreground_only_button"),
         ("Solo esta vez", "permission_allow_one_time_button"), ("No permitir", "permission_deny_button")],
        ids="com.samsung.android.permissioncontroller")],
    # ... MIUI's security app, ids stripped, wording of its own (定位): read by structure and order
    "permission-location-api33-miui-zh.xml": [grant_dialog("com.lbe.security.miui", "要允许“Shop”获取定位信息吗？",
        [("使用中允许", None), ("本次允许", None), ("拒绝", None)], ids=None)],
    # ... and a package nobody listed, ids stripped, in Japanese: by its words and order
    "permission-camera-api34-oem-ja-noids.xml": [grant_dialog("com.oem.perms", "Shop に写真と動画の撮影を許可しますか？",
        [("アプリの使用時のみ", None), ("今回のみ", None), ("許可しない", None)], ids=None)],
    # --- screens shown after a denial -------------------------------------------------------------------
    "blocker-settings-en.xml": [app_window(column([(TV, "Location permission needed", ""),
        (TV, "We can’t show nearby stores without your location.", "blocker_message"),
        ("", "Go to settings", "open_settings"), ("", "Retry", "retry"), ("", "Exit", "exit")]))],
    "blocker-settings-only-en.xml": [app_window(column([(TV, "Notifications are off", ""),
        (TV, "Turn on notifications in Settings to keep using Shop.", "blocker_message"),
        ("", "Open settings", "open_settings"), ("", "Exit app", "exit")]))],
    "blocker-settings-fr.xml": [app_window(column([(TV, "Autorisation de localisation requise", ""),
        (TV, "Shop a besoin de votre position pour afficher les magasins proches.", "blocker_message"),
        ("", "Ouvrir les paramètres", "open_settings"), ("", "Réessayer", "retry"), ("", "Quitter", "exit")]),
        title="Boutique")],
    "blocker-dialog-zh.xml": [alert(APP, "需要定位权限", "未开启定位权限，无法为您推荐附近门店。",
                                    [("去设置", "button1"), ("退出", "button2"), ("再试一次", "button3")])],
    # --- the app's own rationale before the system prompt ---------------------------------------------
    "rationale-continue-en.xml": [alert(APP, None, "To give you a better experience we need access to your location "
                                        "to show stores near you.", [("Continue", "button1")])],
    "rationale-continue-zh.xml": [alert(APP, "温馨提示", "为了给您提供更好的服务，我们需要获取您的位置信息，用于推荐附近门店。",
                                        [("我知道了", "button1")])],
    # --- consent dialogs in other languages -------------------------------------------------------------
    "consent-dialog-de.xml": [alert(APP, "Wir respektieren Ihre Privatsphäre",
        "Wir und unsere Partner verwenden Cookies und verarbeiten personenbezogene Daten für personalisierte Werbung.",
        [("Alle akzeptieren", "button1"), ("Ablehnen", "button2"), ("Einstellungen", "button3")])],
    "consent-dialog-es.xml": [alert(APP, "Tu privacidad es importante",
        "Usamos cookies y tratamos datos personales con nuestros socios para mostrarte publicidad personalizada.",
        [("Aceptar todo", "button1"), ("Rechazar todo", "button2"), ("Configurar", "button3")])],
    "consent-textlink-en.xml": [alert(APP, "We value your privacy",
        "We and our partners use cookies and personal data for personalised ads.",
        [("Accept all", "button1")], extra=[N(TV, "No thanks", (105, 1330, 975, 1390), rid=f"{APP}:id/reject_link",
                                             click=True)])],
    # --- deletion, in other languages ------------------------------------------------------------------
    "profile-ja.xml": [app_window(column([("", "アカウント設定", "row_settings"), ("", "ログアウト", "row_logout"),
                                          ("", "アカウントを削除", "row_delete")], cls=TV), title="マイページ",
                                  tabs=[("ホーム", False), ("検索", False), ("マイページ", True)])],
    "delete-confirm-ja-typed.xml": [alert(APP, "アカウントを削除しますか？",
        "この操作は取り消せません。確認のため「削除」と入力してください。",
        [("削除する", "button1"), ("キャンセル", "button2")],
        extra=[N("android.widget.EditText", "", (105, 1250, 975, 1376), rid=f"{APP}:id/confirm_input", click=True,
                 hint="削除")])],
    "delete-confirm-de.xml": [alert(APP, "Konto endgültig löschen?",
        "Alle Bestellungen und Daten werden gelöscht. Dies kann nicht rückgängig gemacht werden.",
        [("Konto löschen", "button1"), ("Abbrechen", "button2")])],
    "delete-confirm-fr-typed.xml": [alert(APP, "Supprimer votre compte ?",
        "Saisissez SUPPRIMER pour confirmer la suppression définitive de votre compte.",
        [("Supprimer", "button1"), ("Annuler", "button2")],
        extra=[N("android.widget.EditText", "", (105, 1250, 975, 1376), rid=f"{APP}:id/confirm_input", click=True,
                 hint="SUPPRIMER")])],
    "delete-confirm-es.xml": [alert(APP, "¿Eliminar tu cuenta?", "Se borrarán todos tus datos de forma permanente.",
                                    [("Eliminar cuenta", "button1"), ("Cancelar", "button2")])],
    "home-bottom-nav-en.xml": [app_window(column([(TV, "Deals for you", ""), ("", "Find stores nearby", "nearby")]),
                                          tabs=[("Home", True), ("Orders", False), ("Me", False)])],
    # --- several windows (UiAutomator2's enableMultiWindows): status bar first ---------------------------
    "multiwindow-app-en.xml": [system_bars()[0], app_window(column([(TV, "Deals for you", ""),
                                                                    ("", "Find stores nearby", "nearby")])),
                               system_bars()[1]],
    "multiwindow-dialog-en.xml": [system_bars()[0], app_window(column([(TV, "Deals for you", "")])),
                                  grant_dialog(GPC, LOC_EN, [("While using the app", "permission_allow_foreground_only_button"),
                                                              ("Only this time", "permission_allow_one_time_button"),
                                                              ("Don’t allow", "permission_deny_button")]),
                                  system_bars()[1]],
    # --- the permission controller's settings page ("Go to settings" leads there): not a dialog ---------
    "permission-settings-page-api34-en.xml": [app_window([N("android.widget.RadioButton", label, (42, 400 + i * 168,
        1038, 547 + i * 168), rid=f"{PC}:id/{local}", click=True, check=i == 2) for i, (label, local) in enumerate([
            ("Allow only while using the app", "allow_foreground_only_radio_button"),
            ("Ask every time", "ask_radio_button"), ("Don’t allow", "deny_radio_button")])],
        pkg=GPC, title="Location permission")],
    # --- the system's "isn't responding" dialog over the app ---------------------------------------------
    "anr-over-app-en.xml": [anr("Shop", "Shop isn’t responding", "Close app", "Wait")],
    "anr-over-app-zh.xml": [anr("Shop", "“Shop”没有响应", "关闭应用", "等待")],
}
LEGACY = {"appium1/permission-location-api28-en.xml": [grant_dialog(PI, LOC_EN,
          [("DENY", "permission_deny_button"), ("ALLOW", "permission_allow_button")], ids=PI, row=True)]}


def main() -> None:
    for name, windows in SOURCES.items():
        (OUT / name).write_text(page(windows), encoding="utf-8")
    for name, windows in LEGACY.items():
        (OUT / name).parent.mkdir(exist_ok=True)
        (OUT / name).write_text(page(windows, legacy=True), encoding="utf-8")
    print(f"wrote {len(SOURCES) + len(LEGACY)} page sources to {OUT}")


if __name__ == "__main__":
    main()
