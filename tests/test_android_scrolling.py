"""The Android adapter's scrolling on a hand-made UiAutomator2 page source (tools/android_page_sources.py): a
control in an inner list is scrolled to by swiping that list — its nearest ancestor marked scrollable that moves
up and down — not the middle of a screen that does not move; a carousel (marked scrollable too) is never the
one swiped down."""
from __future__ import annotations

from types import SimpleNamespace

from android_device import Device

from consent_audit.platforms.android.adapter import AndroidAdapter
from consent_audit.platforms.android.scrolling import scroller_bounds
from consent_audit.platforms.android.uiautomator import screen_from_uiautomator_xml

APP = "com.example.shop"
SETTINGS = "settings-inner-list-en.xml"


def adapter() -> AndroidAdapter:
    return AndroidAdapter(SimpleNamespace(driver=Device(SETTINGS)))


def live(adapter: AndroidAdapter, words: str):
    screen = screen_from_uiautomator_xml(adapter.driver.page_source, app_package=APP)
    return adapter.locate(next(e for e in screen.elements if e.text == words))


def test_a_row_at_the_end_of_an_inner_list_is_scrolled_in_that_list() -> None:
    found = adapter()
    box = found.scroller_of(live(found, "Delete account"))
    assert box is not None and box.get_attribute("resource-id") == f"{APP}:id/settings_list"


def test_a_carousel_on_the_way_is_passed_over_and_one_alone_is_not_swiped_down() -> None:
    found = adapter()
    chip = found.scroller_of(live(found, "Export my data"))      # chips in a HorizontalScrollView in the list
    assert chip is not None and chip.get_attribute("resource-id") == f"{APP}:id/settings_list"
    assert found.scroller_of(live(found, "Tip: share your list")) is None   # only a horizontal list above it
    assert found.scroller_of(live(found, "Me")) is None                      # the bar: the screen


def test_only_views_that_scroll_up_and_down_are_scroll_containers() -> None:
    assert [c.get_attribute("resource-id") for c in adapter().scroll_containers()] == [f"{APP}:id/settings_list"]


def test_the_scroller_of_a_node_the_source_no_longer_shows_is_the_screen() -> None:
    assert scroller_bounds(Device(SETTINGS).page_source, "[1,2][3,4]") is None
