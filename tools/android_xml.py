"""Builders of hand-made UiAutomator2 page sources (the node tree, its XML in the server's attribute order, and
the usual screens: a permission dialog, an app window, an alert, the "isn't responding" dialog); the screens
themselves are described in tools/android_page_sources.py."""
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
    newer: dict[str, str] = field(default_factory=dict)   # what a 2025+ server dumps after hint, in its order
    #                                (a11y-important, input-type, drawing-order, showing-hint, multiline …)
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
        attrs += list(node.newer.items())
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
