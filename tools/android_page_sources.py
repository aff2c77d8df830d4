"""Writes the hand-made UiAutomator2 page sources of tests/data/android/ that are described here.

They are written from the documented format (docs/android.md, the UiAutomator2 server's attribute set and
order: index, package, class, text, content-desc, resource-id, checkable, checked, clickable, enabled,
focusable, focused, long-clickable, password, scrollable, selected, bounds, displayed; absent values
omitted; only the active window unless multi-window is on, then one root per window under <hierarchy>),
not captured from a device. Run: python tools/android_page_sources.py (rewrites the files it describes).
"""
from __future__ import annotations

from android_xml import (APP, BT, FL, GPC, LL, OUT, PC, PI, TV, N, accuracy, alert, anr, app_window, column,
                         grant_dialog, page, system_bars)

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
    # --- text fields as a 2025+ server dumps them on API 26+: an empty field's text is its hint, told by
    # showing-hint (isShowingHintText); a filled one shows its value -------------------------------------
    "signin-filled-api34-en.xml": [app_window([
        N("android.widget.EditText", "ana@example.org", (42, 400, 1038, 547), rid=f"{APP}:id/email", click=True,
          hint="Email", newer={"input-type": "33", "showing-hint": "false"}),
        N("android.widget.EditText", "Password", (42, 568, 1038, 715), rid=f"{APP}:id/password", click=True,
          password=True, hint="Password", newer={"input-type": "129", "showing-hint": "true"}),
        N(TV, "City", (42, 736, 1038, 800)),
        N("android.widget.EditText", "Lisbon", (42, 810, 1038, 957), click=True,
          newer={"input-type": "1", "showing-hint": "false"}),
        N("android.widget.EditText", "Anything else? (optional)", (42, 978, 1038, 1300), click=True,
          hint="Anything else? (optional)", newer={"input-type": "131073", "showing-hint": "true"}),
        N(BT, "Sign in", (42, 1321, 1038, 1468), rid=f"{APP}:id/sign_in", click=True)], title="Sign in")],
    # --- an inner list: the screen does not move, the list in its lower half does; a carousel of tips
    # (a horizontal RecyclerView, also marked scrollable) above it and a row of chips inside it ----------
    "settings-inner-list-en.xml": [app_window([
        N("androidx.recyclerview.widget.RecyclerView", "", (0, 265, 1080, 665), rid=f"{APP}:id/tips", scroll=True,
          kids=[N(FL, "", (42, 265, 742, 665), click=True, kids=[N(TV, "Tip: save your favourite stores",
                                                                  (84, 400, 700, 530))]),
                N(FL, "", (784, 265, 1080, 665), click=True, kids=[N(TV, "Tip: share your list",
                                                                    (826, 400, 1080, 530))])]),
        N(TV, "Settings", (42, 700, 1038, 800)),
        N("androidx.recyclerview.widget.RecyclerView", "", (0, 1200, 1080, 2150), rid=f"{APP}:id/settings_list",
          scroll=True, kids=[
            N(LL, "", (0, 1200, 1080, 1368), click=True, kids=[N(TV, "Notifications", (42, 1240, 1038, 1330))]),
            N(LL, "", (0, 1368, 1080, 1536), click=True, kids=[N(TV, "Privacy", (42, 1408, 1038, 1498))]),
            N("android.widget.HorizontalScrollView", "", (0, 1536, 1080, 1704), scroll=True, kids=[
                N(LL, "", (0, 1536, 1400, 1704), kids=[
                    N(BT, "Export my data", (42, 1560, 500, 1680), rid=f"{APP}:id/chip_export", click=True),
                    N(BT, "Download invoices", (542, 1560, 1080, 1680), rid=f"{APP}:id/chip_invoices",
                      click=True)])]),
            N(LL, "", (0, 1704, 1080, 1872), click=True, kids=[N(TV, "Language", (42, 1744, 1038, 1834))]),
            N(LL, "", (0, 1872, 1080, 2040), click=True, kids=[N(TV, "Help", (42, 1912, 1038, 2002))]),
            N(LL, "", (0, 2040, 1080, 2150), click=True, kids=[N(TV, "Delete account", (42, 2080, 1038, 2150))])])],
        title="Me")],
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
