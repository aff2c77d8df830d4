"""What the page sees and when the explorer looks, through the real Appium server and Chromium: the
suite's browser does not announce automation (banners that hide from bots must appear), and a sheet that
slides in is captured where it stops, not mid-way with every button 'covered'."""
from __future__ import annotations

import pytest

from consent_audit.explorer.adapters import adapter_for
from consent_audit.targets import Target

pytestmark = pytest.mark.e2e


@pytest.fixture
def target_name() -> str:
    return "sliding-banner"


@pytest.fixture
def target() -> Target:
    return Target(name="sliding-banner", kind="web", platform="web-chromium", start="",
                  pages="tests.test_recorder_e2e:KnownPage")


@pytest.fixture
def start_location(static_url: str) -> str:
    return f"{static_url}/sliding_banner.html"


def test_the_page_sees_no_automation(platform) -> None:
    platform.launch()
    assert platform.driver.execute_script("return navigator.webdriver") is False
    assert platform.driver.find_element("css selector", "#webdriver").text == "false"


def test_a_sliding_sheet_is_captured_where_it_stops(platform) -> None:
    adapter = adapter_for(platform, quiet_ms=60, timeout=6.0)
    adapter.prepare()
    platform.launch()
    adapter.settle()
    screen = platform.capture(screenshot=False).screen
    width, height = platform.driver.execute_script(
        "return [innerWidth * devicePixelRatio, innerHeight * devicePixelRatio].map(Math.round)")
    sheet = next(e for e in screen.elements if e.rid == "sheet")
    x, y, w, h = sheet.bounds
    assert abs((y + h) - height) <= 2, (sheet.bounds, height)          # resting on the bottom edge
    buttons = [i for i, e in enumerate(screen.elements) if e.rid in ("accept", "reject")]
    assert len(buttons) == 2 and not adapter.covered(screen) & frozenset(buttons)
