"""A permission decided "when asked" on the web platform, through the real Appium server and Chromium: the page
reads it undecided (Notification.permission 'default', navigator.permissions.query 'prompt') until it asks; the
browser then answers as decided and the page reads that answer — in that document and in the next ones — until
the next fresh install makes it undecided again. Decided in advance, the page reads the decision at once (an
app's own pre-prompt shown only while undecided never shows: issue 13, kind 13, corpus mtsvane)."""
from __future__ import annotations

from typing import Any, Iterator

import pytest
from appium import webdriver
from appium.options.common.base import AppiumOptions

from consent_audit.appium_server import AppiumServer, free_port
from consent_audit.platforms.web.platform import WebChromiumPlatform
from consent_audit.profiles import load_profile

pytestmark = pytest.mark.e2e

@pytest.fixture(scope="module")
def platform(static_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebChromiumPlatform]:
    """One Appium server and Chromium session on tests/data/when_asked.html."""
    caps = {**load_profile("local-chromium").capabilities, "appium:chromedriverPort": free_port()}
    with AppiumServer(tmp_path_factory.mktemp("appium") / "appium.log") as appium:
        driver = webdriver.Remote(appium.url, options=AppiumOptions().load_capabilities(caps))
        try:
            yield WebChromiumPlatform(driver, f"{static_url}/when_asked.html")
        finally:
            driver.quit()


def _state(platform: WebChromiumPlatform) -> list[str]:
    return platform.driver.execute_async_script("window.readState().then(arguments[0])")


def _ask(platform: WebChromiumPlatform) -> str:
    return platform.driver.execute_async_script("Notification.requestPermission().then(arguments[0])")


def _fresh(platform: WebChromiumPlatform, state: str, when_asked: bool) -> None:
    platform.reset()
    for name in ("notifications", "camera"):
        platform.decide_permission(name, state, when_asked=when_asked)
    platform.launch()


@pytest.mark.parametrize("state", ["granted", "denied"])
def test_a_permission_decided_when_asked_reads_undecided_until_the_page_asks(platform: Any, state: str) -> None:
    _fresh(platform, state, when_asked=True)
    assert _state(platform) == ["default", "prompt", "prompt"]
    assert _ask(platform) == state                    # the browser answers as decided
    assert _state(platform)[:2] == [{"granted": "granted", "denied": "denied"}[state], state]
    assert _state(platform)[2] == "prompt"            # the camera was not asked for: still undecided
    platform.permission_requests()                    # what the suite reads at each capture
    platform.relaunch()
    assert _state(platform)[:2] == [state, state]     # answered once: the next documents read the answer
    _fresh(platform, state, when_asked=True)
    assert _state(platform) == ["default", "prompt", "prompt"]    # a fresh install: undecided again


def test_a_permission_decided_in_advance_reads_the_decision_at_once(platform: Any) -> None:
    _fresh(platform, "denied", when_asked=False)
    assert _state(platform) == ["denied", "denied", "denied"]
    _fresh(platform, "granted", when_asked=False)
    assert _state(platform) == ["granted", "granted", "granted"]


def test_a_relaunch_keeps_an_answer_given_just_before_it(platform: Any) -> None:
    """Asked, then relaunched before any capture: the relaunch reads what the document asked for first."""
    _fresh(platform, "granted", when_asked=True)
    assert _ask(platform) == "granted"
    platform.relaunch()
    assert _state(platform)[:2] == ["granted", "granted"]
