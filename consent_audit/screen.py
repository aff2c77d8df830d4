"""The platform-neutral screen: elements, screenshot and a structural signature.

Built from the DOM on the web and from UiAutomator2 page-source XML on Android. The signature depends on
structure only (element kinds, roles, ids; repeated siblings collapsed), so the same screen after a
scroll, a typed value, a ticked box or a changed number has the same signature, while a new view or an
open modal has another.
"""
from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Iterable

Bounds = tuple[int, int, int, int]  # x, y, width, height in device pixels

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Element:
    """One element on a screen, in device pixels."""

    text: str = ""
    name: str = ""            # accessible name (aria-label) / content-desc
    rid: str = ""             # DOM id / Android resource-id
    role: str = ""            # button, link, checkbox, radio, textbox, dialog, … or the Android class
    bounds: Bounds = (0, 0, 0, 0)
    clickable: bool = False
    checked: bool | None = None
    enabled: bool = True
    focused: bool = False
    secret_field: bool = False

    @property
    def label(self) -> str:
        return self.text or self.name or self.rid

    def to_dict(self) -> dict:
        return {"text": self.text, "name": self.name, "id": self.rid, "role": self.role,
                "bounds": list(self.bounds), "clickable": self.clickable, "checked": self.checked,
                "enabled": self.enabled}


@dataclass
class Screen:
    """A snapshot of what the user saw."""

    elements: list[Element]
    signature: str
    source: str = ""
    screenshot: bytes = b""
    location: str = ""        # web: URL; Android: package/activity
    title: str = ""
    size: tuple[int, int] = (0, 0)   # device pixels
    in_app: bool = True
    source_kind: str = "html"        # html | xml
    prompts: dict[str, int] = field(default_factory=dict)   # permission requests since the (re)launch

    def texts(self) -> list[str]:
        return [e.text for e in self.elements if e.text]

    def find(self, rid: str) -> Element | None:
        return next((e for e in self.elements if e.rid == rid), None)

    def actionable(self) -> list[Element]:
        return [e for e in self.elements if e.clickable and e.enabled]


def signature_of(shape: str) -> str:
    return hashlib.sha1(shape.encode("utf-8")).hexdigest()[:16]


def structural_key(kind: str, role: str, rid: str) -> str:
    """An element's part of the signature: digits in ids are dropped (item-3 == item-7)."""
    return f"{kind}[{role}]#{_DIGITS.sub('', rid)}" if rid else f"{kind}[{role}]"


def collapse(children: Iterable[str]) -> list[str]:
    """Drop consecutive repeats, so a list of 3 or 30 alike items has one shape."""
    out: list[str] = []
    for child in children:
        if not out or out[-1] != child:
            out.append(child)
    return out


# --- web ---------------------------------------------------------------------------------------------

# One round trip: page source, rendered elements and the structural shape of the DOM.
DOM_SNAPSHOT_JS = r"""
const dpr = window.devicePixelRatio || 1;
const CLICK_TAGS = new Set(['A','BUTTON','INPUT','SELECT','TEXTAREA','LABEL','SUMMARY','OPTION']);
const CLICK_ROLES = new Set(['button','link','checkbox','radio','switch','tab','menuitem','option']);
const SKIP = new Set(['SCRIPT','STYLE','NOSCRIPT','TEMPLATE','META','LINK','HEAD']);
const out = [];
function rendered(el) {
  if (el.getClientRects().length === 0) return false;
  const st = getComputedStyle(el);
  return st.visibility !== 'hidden' && st.display !== 'none';
}
function ownText(el) {
  let t = '';
  for (const n of el.childNodes) if (n.nodeType === 3) t += n.textContent;
  return t.replace(/\s+/g, ' ').trim();
}
function role(el) {
  const r = el.getAttribute('role');
  if (r) return r;
  const tag = el.tagName;
  if (tag === 'A') return 'link';
  if (tag === 'BUTTON') return 'button';
  if (tag === 'INPUT') {
    const t = (el.type || 'text').toLowerCase();
    if (t === 'checkbox') return 'checkbox';
    if (t === 'radio') return 'radio';
    if (t === 'button' || t === 'submit') return 'button';
    return 'textbox';
  }
  if (tag === 'TEXTAREA') return 'textbox';
  if (tag === 'IMG') return 'img';
  return '';
}
function clickable(el, r) {
  if (CLICK_TAGS.has(el.tagName) || CLICK_ROLES.has(r)) return true;
  if (typeof el.onclick === 'function') return true;
  if (window.__caClickTargets && window.__caClickTargets.has(el)) return true;
  const cur = getComputedStyle(el).cursor;
  return cur === 'pointer' && !(el.parentElement && getComputedStyle(el.parentElement).cursor === 'pointer');
}
function walk(el) {
  if (SKIP.has(el.tagName) || !rendered(el)) return '';
  const r = role(el);
  const rect = el.getBoundingClientRect();
  const isClickable = clickable(el, r);
  let text = ownText(el);
  if (!text && isClickable && el.tagName !== 'BODY') text = (el.innerText || '').replace(/\s+/g, ' ').trim();
  if (el.tagName === 'INPUT' && ['button','submit'].includes((el.type||'').toLowerCase())) text = el.value;
  const isInput = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';
  const label = el.getAttribute('aria-label') || el.getAttribute('placeholder') ||
                (el.labels && el.labels.length ? el.labels[0].innerText.trim() : '') || '';
  const item = {
    text: text.slice(0, 500), name: label.slice(0, 200), rid: el.id || '', role: r,
    bounds: [Math.round((rect.left) * dpr), Math.round((rect.top) * dpr),
             Math.round(rect.width * dpr), Math.round(rect.height * dpr)],
    clickable: isClickable, checked: (r === 'checkbox' || r === 'radio' || r === 'switch') ?
      (el.checked !== undefined ? !!el.checked : el.getAttribute('aria-checked') === 'true') : null,
    enabled: !(el.disabled || el.getAttribute('aria-disabled') === 'true'),
    focused: document.activeElement === el,
    secret_field: isInput && (el.type || '').toLowerCase() === 'password',
    value: (isInput && !['checkbox','radio','password'].includes((el.type||'').toLowerCase())) ? (el.value || '') : ''
  };
  if (item.text || item.name || item.rid || item.clickable || r) out.push(item);
  const kids = [];
  for (const c of el.children) { const s = walk(c); if (s) kids.push(s); }
  const collapsed = kids.filter((s, i) => i === 0 || s !== kids[i - 1]);
  const id = (el.id || '').replace(/\d+/g, '');
  return el.tagName.toLowerCase() + '[' + r + ']' + (id ? '#' + id : '') +
         (collapsed.length ? '(' + collapsed.join(',') + ')' : '');
}
const shape = walk(document.body || document.documentElement);
return {elements: out, shape: shape, url: location.href, title: document.title, prompts: window.__caPrompts || null,
        width: Math.round(window.innerWidth * dpr), height: Math.round(window.innerHeight * dpr),
        source: document.documentElement ? document.documentElement.outerHTML : ''};
"""


def elements_from_dom(items: list[dict]) -> tuple[list[Element], list[tuple[Bounds, str]]]:
    """Elements from the DOM snapshot, and (bounds, value) of filled inputs (for redaction only)."""
    elements, values = [], []
    for item in items:
        bounds = tuple(int(v) for v in item.get("bounds", (0, 0, 0, 0)))
        elements.append(Element(text=item.get("text", ""), name=item.get("name", ""), rid=item.get("rid", ""),
                                role=item.get("role", ""), bounds=bounds,  # type: ignore[arg-type]
                                clickable=bool(item.get("clickable")), checked=item.get("checked"),
                                enabled=bool(item.get("enabled", True)), focused=bool(item.get("focused")),
                                secret_field=bool(item.get("secret_field"))))
        if item.get("value"):
            values.append((bounds, item["value"]))  # type: ignore[arg-type]
    return elements, values


# --- Android -----------------------------------------------------------------------------------------
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
# The system shows runtime-permission prompts in these packages' windows, over the app that asked:
# the user has not left the app while one is up.
PERMISSION_PROMPT_PACKAGES = ("com.android.permissioncontroller", "com.google.android.permissioncontroller",
                              "com.android.packageinstaller", "com.google.android.packageinstaller")


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

    `location` defaults to the active window's package; `in_app` is whether that window is the app's
    (or a runtime-permission prompt over it) when `app_package` is given.
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

    def walk(node: ET.Element) -> str:
        if node.get("displayed", "true") == "false":
            return ""
        cls = node.get("class") or node.tag
        rid = node.get("resource-id", "")
        checkable = truthy(node, "checkable")
        role = android_role(cls, checkable)
        if node.tag != "hierarchy":
            el = Element(text=node.get("text", ""), name=node.get("content-desc", "") or node.get("hint", ""),
                         rid=rid, role=role, bounds=parse_bounds(node.get("bounds", "")),
                         clickable=truthy(node, "clickable") or truthy(node, "long-clickable") or checkable,
                         checked=truthy(node, "checked") if checkable else None,
                         enabled=node.get("enabled", "true") == "true", focused=truthy(node, "focused"),
                         secret_field=truthy(node, "password"))
            if el.text or el.name or el.rid or el.clickable:
                elements.append(el)
        kids = [s for s in (walk(child) for child in node) if s]
        short_id = rid.split("/", 1)[-1]
        head = structural_key(cls.rsplit(".", 1)[-1], role, short_id)
        return head + ("(" + ",".join(collapse(kids)) + ")" if kids else "")

    shape = walk(root)
    window = next((n.get("package", "") for n in root.iter() if n.get("package")), "")
    packages = {n.get("package") for n in root.iter() if n.get("package")}
    in_app = True
    if app_package:
        in_app = app_package in packages or window in PERMISSION_PROMPT_PACKAGES
    return Screen(elements=elements, signature=signature_of(shape), source=xml, screenshot=screenshot,
                  location=location or window, size=size, in_app=in_app, source_kind="xml")


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
