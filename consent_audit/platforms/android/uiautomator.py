"""The Android platform's screen reader: UiAutomator2 page-source XML → the neutral Screen."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ...screen import Bounds, Element, Screen, collapse, signature_of, structural_key
from .dialog_reader import read_dialog
from .lexicon import load_dialog_lexicon
from .system_dialogs import system_dialog, system_words

# UiAutomator2 page source: `<hierarchy>` root (width/height of the display), one node per view named by
# its class, attributes index, package, class, text, content-desc, resource-id, checkable, checked,
# clickable, enabled, focusable, focused, long-clickable, password, scrollable, selected,
# bounds="[x1,y1][x2,y2]", displayed (newer servers add hint, a11y-important, drawing-order, window-id …).
# Absent values are omitted; only the active window is dumped (a dialog's window when one is up).
# A WebView's content is there too: Chromium names nodes by role (android.widget.Button, CheckBox,
# EditText, TextView, android.app.Dialog for role=dialog, android.view.View for generic elements) and
# gives the HTML id as resource-id, without a package.

_BOUNDS = re.compile(r"\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]")
_ANDROID_ROLES = {
    "android.widget.Button": "button", "android.widget.ImageButton": "button",
    "android.widget.CheckBox": "checkbox", "android.widget.Switch": "switch",
    "androidx.appcompat.widget.SwitchCompat": "switch",
    "com.google.android.material.switchmaterial.SwitchMaterial": "switch",
    "android.widget.RadioButton": "radio", "android.widget.EditText": "textbox",
    "android.widget.AutoCompleteTextView": "textbox", "android.widget.MultiAutoCompleteTextView": "textbox",
    "android.widget.TextView": "text", "android.widget.ImageView": "img", "android.widget.Image": "img",
    "android.widget.ToggleButton": "switch", "android.widget.CheckedTextView": "checkbox",
    "android.widget.Spinner": "combobox", "android.widget.SeekBar": "slider",
    "android.widget.ProgressBar": "progressbar", "android.widget.RadioGroup": "radiogroup",
    "android.widget.ListView": "list", "android.widget.GridView": "list",
    "androidx.recyclerview.widget.RecyclerView": "list", "android.app.Dialog": "dialog",
    "android.webkit.WebView": "document", "android.widget.TabWidget": "tablist",
}
# Plain containers: no role, as a <div> on the web.
_ANDROID_GENERIC = {
    "android.view.View", "android.view.ViewGroup", "android.widget.FrameLayout", "android.widget.LinearLayout",
    "android.widget.RelativeLayout", "android.widget.ScrollView", "android.widget.HorizontalScrollView",
    "androidx.constraintlayout.widget.ConstraintLayout", "androidx.core.widget.NestedScrollView",
}
# The system shows runtime-permission prompts in these packages' windows (and vendors' controllers, see
# assets/lexicons/android_permission_dialog.yaml), over the app that asked: the user has not left the app.
PERMISSION_PROMPT_PACKAGES = load_dialog_lexicon().prompt_packages


def parse_bounds(value: str) -> Bounds:
    """UiAutomator2 `bounds="[x1,y1][x2,y2]"` → (x, y, width, height); (0, 0, 0, 0) when absent or bad."""
    match = _BOUNDS.fullmatch(value.strip()) if value else None
    if not match:
        return (0, 0, 0, 0)
    x1, y1, x2, y2 = (int(g) for g in match.groups())
    return (x1, y1, max(0, x2 - x1), max(0, y2 - y1))


def android_role(cls: str, checkable: bool = False) -> str:
    """The platform-neutral role of an Android (or WebView) node class."""
    if cls in _ANDROID_ROLES:
        return _ANDROID_ROLES[cls]
    if checkable:
        return "checkbox"
    if cls in _ANDROID_GENERIC:
        return ""
    return cls.rsplit(".", 1)[-1].lower()


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (0, 0 when it is not a PNG)."""
    if len(png) >= 24 and png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR":
        return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    return (0, 0)


def screen_from_uiautomator_xml(xml: str, screenshot: bytes = b"", location: str = "",
                                app_package: str | None = None) -> Screen:
    """Parse UiAutomator2 page source (`<hierarchy>` of `android.*` nodes) into a Screen.

    `location` defaults to the active window's package; `in_app` is whether that window is the app's (or a
    runtime-permission dialog, or the system's "isn't responding" dialog, over it) when `app_package` is given:
    a permission controller's other windows (its settings pages, where "Go to settings" leads) are not.
    A multi-window dump (one root per window under <hierarchy>, the status bar first) is read as the focused
    application window alone: see `focused_window`. A toast the server added beside the windows is neither a
    window nor an element (the screen's structure is the same with or without it): its words are `flashed`.
    A clickable view of `app_package` without words of its own is named by its children's (`spoken_words`).
    """
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"not a UiAutomator2 page source: {exc}") from None
    if root.tag != "hierarchy":
        raise ValueError(f"not a UiAutomator2 page source: root <{root.tag}>, expected <hierarchy>")
    elements: list[Element] = []
    size = (_int(root.get("width")), _int(root.get("height")))
    if not all(size):
        size = png_size(screenshot)

    def truthy(node: ET.Element, attr: str) -> bool:
        return node.get(attr, "false") == "true"

    groups: dict[int, str] = {}     # a RadioGroup node → the set its radios choose in (Element.group)

    def walk(node: ET.Element, group: str = "") -> str:
        if node.get("displayed", "true") == "false" or is_toast(node):
            return ""
        cls = node.get("class") or node.tag
        rid = node.get("resource-id", "")
        checkable = truthy(node, "checkable")
        role = android_role(cls, checkable)
        if node.tag != "hierarchy":
            text, prompt, value = node.get("text", ""), node.get("hint", ""), ""
            if role == "textbox":
                text, prompt, value = field_words(node)
            clicks = truthy(node, "clickable") or truthy(node, "long-clickable")
            own = bool(app_package) and node.get("package") == app_package    # the app's view, not the system's
            name = node.get("content-desc", "") or prompt or (spoken_words(node) if clicks and own and not text
                                                              else "")
            el = Element(text=text, name=name,
                         rid=rid, role=role, bounds=parse_bounds(node.get("bounds", "")),
                         clickable=clicks or checkable,
                         checked=truthy(node, "checked") if checkable else None,
                         enabled=node.get("enabled", "true") == "true", focused=truthy(node, "focused"),
                         secret_field=truthy(node, "password"), selected=truthy(node, "selected"),
                         multiline=role == "textbox" and multiline(node), filled=bool(value.strip()),
                         group=group if role == "radio" else "")
            if el.text or el.name or el.rid or el.clickable:
                elements.append(el)
        if role == "radiogroup":
            group = groups.setdefault(id(node), f"radiogroup:{rid or len(groups)}")
        kids = [s for s in (walk(child, group) for child in node) if s]
        short_id = rid.split("/", 1)[-1]
        head = structural_key(cls.rsplit(".", 1)[-1], role, short_id)
        return head + ("(" + ",".join(collapse(kids)) + ")" if kids else "")

    top = focused_window(root)
    shape = walk(root if top is None else top)
    scope = root if top is None else top
    shown = [n for n in scope.iter() if n.get("package") and not is_toast(n)]
    window = next((n.get("package", "") for n in shown), "")
    packages = {n.get("package") for n in shown}
    screen = Screen(elements=elements, signature=signature_of(shape), source=xml, screenshot=screenshot,
                    location=location or window, size=size, in_app=True, source_kind="xml",
                    flashed=[t.get("text", "") for t in root if is_toast(t) and t.get("text", "").strip()])
    screen.tab = selected_tab(screen) or ""
    if app_package:
        screen.in_app = (app_package in packages or read_dialog(screen, app_package=app_package) is not None
                         or system_dialog(screen) is not None)
    return screen


def spoken_words(node: ET.Element) -> str:
    """The words TalkBack speaks for a clickable view that has none of its own (a settings row: a clickable
    LinearLayout around its title and summary TextViews): the texts and descriptions of its shown descendants,
    in order, leaving out those inside a clickable descendant (a control of its own, named by itself). The
    screen names so the app's own views only: the system's windows (permission prompts) are read by their ids
    and layout (dialog_reader.py)."""
    words: list[str] = []

    def gather(parent: ET.Element) -> None:
        for child in parent:
            if child.get("displayed", "true") == "false" or child.get("clickable") == "true":
                continue
            said = child.get("text", "") or child.get("content-desc", "")
            if said.strip():
                words.append(" ".join(said.split()))
            gather(child)
    gather(node)
    return " ".join(words)


# The UiAutomator2 server adds the last toast's words (its NotificationListener) as a node of this class under
# <hierarchy>, beside the windows (text, class, package "com.android.settings", displayed; no bounds).
TOAST_CLASS = "android.widget.Toast"


def is_toast(node: ET.Element) -> bool:
    """Whether a node is a toast message the server added beside the windows: not a window, not an element."""
    return (node.get("class") or node.tag) == TOAST_CLASS


def field_words(node: ET.Element) -> tuple[str, str, str]:
    """(text, prompt, value) of a text field's node: `text` what it shows besides its prompt and value (always
    "": as a web input, a field is named, not worded), `prompt` its hint, `value` what it holds (filled in).

    An empty field's `text` is its hint (TextView.getTextForAccessibility), so `text` alone cannot tell an empty
    field from a filled one: UiAutomator2 dumps `showing-hint` (AccessibilityNodeInfo.isShowingHintText, API 26+)
    and `hint` (getHintText, API 26+, omitted when the field has none). Without `showing-hint`, a text equal to
    the hint is the hint. Without either (API < 26 or an old server) the text cannot be told apart: it is read
    as the field's prompt, never as a value (the field counts as empty)."""
    text, hint, showing = node.get("text", ""), node.get("hint", ""), node.get("showing-hint")
    if showing is None and "hint" not in node.attrib:
        return "", text, ""
    if showing == "true" or (showing is None and text == hint):
        return "", hint or text, ""
    return "", hint, text


# InputType (android.text.InputType): the class bits and the text class's multi-line flag.
_INPUT_CLASS, _TEXT_CLASS, _MULTI_LINE = 0x0000000F, 0x00000001, 0x00020000


def multiline(node: ET.Element) -> bool:
    """Whether a text field takes lines of free text: UiAutomator2's `multiline` (isMultiLine, dumped only for a
    field with a length limit) or its `input-type` (TYPE_CLASS_TEXT with TYPE_TEXT_FLAG_MULTI_LINE)."""
    if node.get("multiline") is not None:
        return node.get("multiline") == "true"
    kind = _int(node.get("input-type"))
    return kind & _INPUT_CLASS == _TEXT_CLASS and bool(kind & _MULTI_LINE)


def field_values(xml: str) -> list[tuple[Bounds, str]]:
    """(bounds, value) of every filled text field of a page source (any window): only to redact secrets from
    screenshots, as the web's input values (the value is never kept in an Element)."""
    root = ET.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
    out = []
    for node in root.iter():
        if node.tag != "hierarchy" and android_role(node.get("class") or node.tag) == "textbox":
            value = field_words(node)[2]
            if value:
                out.append((parse_bounds(node.get("bounds", "")), value))
    return out


def focused_window(root: ET.Element) -> ET.Element | None:
    """In a multi-window dump, the window the user works in: not the system chrome (status and navigation
    bars, keyboards); of the others, the one holding the focused view, else the smallest (a dialog floats over
    the app's full-screen window). None for a single-window dump (read whole, as before)."""
    windows = [w for w in root if w.get("package") and not is_toast(w)]
    if len(windows) < 2:
        return None
    chrome = system_words().chrome_packages
    candidates = [w for w in windows if w.get("package") not in chrome] or windows
    focused = [w for w in candidates if any(n.get("focused") == "true" for n in w.iter())]
    if len(focused) == 1:
        return focused[0]

    def area(w: ET.Element) -> int:
        _, _, width, height = parse_bounds(w.get("bounds", ""))
        return width * height or 1 << 62
    return min(candidates, key=area)


def selected_tab(screen: Screen) -> str | None:
    """The label of the selected item of a bottom navigation (the lowest row of selected, clickable items)."""
    tabs = [e for e in screen.elements if e.selected and e.clickable and (e.name or e.text)]
    if not tabs or not screen.size[1]:
        return None
    tab = max(tabs, key=lambda e: e.bounds[1])
    return (tab.name or tab.text) if tab.bounds[1] > screen.size[1] * 0.7 else None


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


__all__ = ["PERMISSION_PROMPT_PACKAGES", "TOAST_CLASS", "android_role", "field_values", "field_words", "focused_window",
           "spoken_words",
           "is_toast", "multiline", "parse_bounds", "png_size", "screen_from_uiautomator_xml", "selected_tab"]
