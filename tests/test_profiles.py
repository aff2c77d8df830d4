"""Capabilities layered: defaults → profile file → command-line overrides; credentials masked."""
from __future__ import annotations

import pytest

from consent_audit.errors import UsageError
from consent_audit.profiles import available_profiles, load_profile, parse_capability


def test_shipped_profiles_load() -> None:
    names = available_profiles()
    assert {"local-chromium", "android-emulator", "grid", "sauce-android", "browserstack-android"} <= set(names)
    local = load_profile("local-chromium")
    caps = local.capabilities
    assert caps["browserName"] == "chrome" and caps["appium:automationName"] == "Chromium"
    assert caps["appium:executable"] == "/usr/bin/chromedriver" and caps["appium:autodownloadEnabled"] is False
    assert "appium:executableDir" not in caps
    android = load_profile("android-emulator")
    assert android.capabilities["appium:autoGrantPermissions"] is False
    assert android.requires_device


def test_cli_overrides_nested_and_typed() -> None:
    profile = load_profile("local-chromium", ["goog:chromeOptions.mobileEmulation.deviceName=Pixel 5",
                                              "appium:newCommandTimeout=300", "appium:extra={\"a\": [1]}"])
    assert profile.capabilities["goog:chromeOptions"]["mobileEmulation"]["deviceName"] == "Pixel 5"
    assert profile.capabilities["goog:chromeOptions"]["binary"] == "/usr/bin/chromium"   # untouched
    assert profile.capabilities["appium:newCommandTimeout"] == 300
    assert profile.capabilities["appium:extra"] == {"a": [1]}


@pytest.mark.parametrize("item", ["novalue", "=3", "a..b=1", ""])
def test_malformed_capability(item: str) -> None:
    with pytest.raises(UsageError, match="malformed --capability"):
        parse_capability(item)


def test_cloud_credentials_from_environment_are_masked() -> None:
    env = {"SAUCE_USERNAME": "qa-team", "SAUCE_ACCESS_KEY": "9f8e7d6c-secret-key"}
    profile = load_profile("sauce-android", environ=env)
    assert profile.capabilities["sauce:options"]["accessKey"] == "9f8e7d6c-secret-key"
    assert "9f8e7d6c-secret-key" in profile.secret_values
    assert "9f8e7d6c-secret-key" not in str(profile.public_capabilities())


def test_missing_environment_variable_is_named() -> None:
    with pytest.raises(UsageError, match="BROWSERSTACK_USERNAME"):
        load_profile("browserstack-android", environ={})
