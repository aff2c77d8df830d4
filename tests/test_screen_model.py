"""The structural signature: same screen after scrolling, typing or a longer list; new screen for a dialog."""
from __future__ import annotations

from consent_audit.platforms.android.uiautomator import parse_bounds, screen_from_uiautomator_xml
from consent_audit.platforms.web.dom import elements_from_dom
from consent_audit.screen import collapse, signature_of

HIERARCHY = """<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<hierarchy index="0" class="hierarchy" rotation="0" width="1080" height="2400">
  <android.widget.FrameLayout index="0" package="com.example" class="android.widget.FrameLayout" text="" resource-id="com.example:id/root" checkable="false" checked="false" clickable="false" enabled="true" focusable="false" focused="false" long-clickable="false" password="false" scrollable="false" selected="false" bounds="[0,0][1080,2400]" displayed="true">
    <android.widget.ListView index="0" package="com.example" class="android.widget.ListView" text="" resource-id="com.example:id/list" checkable="false" checked="false" clickable="false" enabled="true" focusable="true" focused="false" long-clickable="false" password="false" scrollable="true" selected="false" bounds="[0,200][1080,2000]" displayed="true">
      {rows}
    </android.widget.ListView>
    <android.widget.CheckBox index="1" package="com.example" class="android.widget.CheckBox" text="I agree" resource-id="com.example:id/agree" checkable="true" checked="{checked}" clickable="true" enabled="true" focusable="true" focused="false" long-clickable="false" password="false" scrollable="false" selected="false" bounds="[40,2050][1040,2150]" displayed="true" />
  </android.widget.FrameLayout>
</hierarchy>"""
ROW = ('<android.widget.TextView index="{i}" package="com.example" class="android.widget.TextView" text="Item {i}" '
       'resource-id="com.example:id/row" checkable="false" checked="false" clickable="true" enabled="true" focusable="true" '
       'focused="false" long-clickable="false" password="false" scrollable="false" selected="false" '
       'bounds="[0,{top}][1080,{bottom}]" displayed="true" />')


def rows(first: int, count: int) -> str:
    return "".join(ROW.format(i=i, top=200 + k * 150, bottom=350 + k * 150) for k, i in enumerate(range(first, first + count)))


def test_android_signature_stable_under_scroll_ticks_and_counts() -> None:
    a = screen_from_uiautomator_xml(HIERARCHY.format(rows=rows(0, 5), checked="false"), app_package="com.example")
    b = screen_from_uiautomator_xml(HIERARCHY.format(rows=rows(7, 9), checked="true"), app_package="com.example")
    assert a.signature == b.signature
    assert a.in_app and a.size == (1080, 2400)
    agree = a.find("com.example:id/agree")
    assert agree is not None and agree.role == "checkbox" and agree.checked is False and agree.bounds == (40, 2050, 1000, 100)
    other = screen_from_uiautomator_xml(HIERARCHY.format(rows="", checked="false").replace("ListView", "ScrollView"),
                                        app_package="com.example")
    assert other.signature != a.signature
    assert not screen_from_uiautomator_xml(HIERARCHY.format(rows="", checked="false"), app_package="org.other").in_app


def test_helpers() -> None:
    assert parse_bounds("[10,20][110,70]") == (10, 20, 100, 50)
    assert parse_bounds("") == (0, 0, 0, 0)
    assert collapse(["a", "a", "b", "a"]) == ["a", "b", "a"]
    assert signature_of("x") == signature_of("x") != signature_of("y")
    elements, values = elements_from_dom([{"text": "", "rid": "pin", "role": "textbox", "bounds": [1, 2, 3, 4],
                                           "clickable": True, "value": "1234"}])
    assert elements[0].rid == "pin" and values == [((1, 2, 3, 4), "1234")]
    assert not hasattr(elements[0], "value")     # typed values are never kept on the screen model
