"""Platforms as plug-ins: the registry picks a spec by platformName / automationName, an unknown platform is
one clear line, each spec brings its capability defaults and its preflight check."""
from __future__ import annotations

import argparse
import ast
import os
from dataclasses import replace
from pathlib import Path

import pytest

from consent_audit.errors import UsageError
from consent_audit.platforms import registry
from consent_audit.platforms.registry import spec_for_capabilities, spec_for_target_kind, spec_named
from consent_audit.profiles import Profile, available_profiles, load_profile
from consent_audit.targets import Target, load_target

ENGINE = Path(__file__).resolve().parent.parent / "consent_audit"


def profile(caps: dict, server: str = "local", requires_device: bool = False, name: str = "p") -> Profile:
    return Profile(name=name, platform=spec_for_capabilities(caps).name, capabilities=caps, server=server,
                   requires_device=requires_device)


def args(**given: object) -> argparse.Namespace:
    return argparse.Namespace(**{"appium_url": None, **given})


WEB_CAPS = {"platformName": "linux", "browserName": "chrome", "appium:automationName": "Chromium",
            "appium:executable": "/usr/bin/chromedriver", "goog:chromeOptions": {"binary": "/usr/bin/chromium"}}
ANDROID_CAPS = {"platformName": "Android", "appium:automationName": "UiAutomator2"}
TARGET = Target(name="shop", kind="android", platform="android-uiautomator2", start="com.example.shop", pages="x:y")


# --- choosing ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("caps, name", [
    ({"platformName": "Android", "appium:automationName": "UiAutomator2"}, "android-uiautomator2"),
    ({"platformName": "ANDROID", "appium:automationName": "uiautomator2"}, "android-uiautomator2"),
    ({"platformName": "android", "automationName": "UIAUTOMATOR2"}, "android-uiautomator2"),
    ({"platformName": "linux", "appium:automationName": "Chromium"}, "web-chromium"),
    ({"platformName": "Mac", "appium:automationName": "chromium"}, "web-chromium"),
])
def test_the_registry_picks_by_platform_and_automation_name_ignoring_case(caps: dict, name: str) -> None:
    assert spec_for_capabilities(caps).name == name


@pytest.mark.parametrize("caps, seen", [
    ({"platformName": "iOS", "appium:automationName": "XCUITest"}, ("'iOS'", "'XCUITest'")),
    ({"platformName": "Android", "appium:automationName": "Espresso"}, ("'Android'", "'Espresso'")),
    ({"browserName": "chrome"}, ("'(none)'", "'(none)'")),
])
def test_an_unknown_platform_is_one_line_naming_what_was_seen_and_what_is_known(caps: dict, seen: tuple) -> None:
    with pytest.raises(UsageError) as error:
        spec_for_capabilities(caps)
    message = str(error.value)
    assert "\n" not in message
    for word in (*seen, "web-chromium", "android-uiautomator2", "UiAutomator2", "Chromium"):
        assert word in message, message


def test_specs_by_name_and_by_target_kind() -> None:
    assert spec_named("web-chromium").target_kind == "web"
    assert spec_for_target_kind("android").name == "android-uiautomator2"
    with pytest.raises(UsageError, match="unknown platform 'ios-xcuitest'; known: web-chromium, android-uiautomator2"):
        spec_named("ios-xcuitest")


def test_a_registered_plug_in_is_found_by_its_capabilities(monkeypatch) -> None:
    web = spec_named("web-chromium")
    ios_class = type("IosPlatform", (web.platform_class,), {"name": "ios-xcuitest"})
    ios = replace(web, name="ios-xcuitest", platform_class=ios_class, platform_names=("iOS",),
                  automation_names=("XCUITest",), target_kind="ios")
    monkeypatch.setattr(registry, "_plugins", lambda: [ios])
    registry.specs.cache_clear()
    try:
        assert spec_for_capabilities({"platformName": "ios", "appium:automationName": "xcuitest"}) is ios
        assert spec_named("ios-xcuitest") is ios
    finally:
        registry.specs.cache_clear()


def test_a_spec_and_its_platform_class_share_one_name(monkeypatch) -> None:
    for spec in registry.specs():
        assert spec.platform_class.name == spec.name
    renamed = replace(spec_named("web-chromium"), name="web-firefox", platform_names=("linux",),
                      automation_names=("Gecko",))
    monkeypatch.setattr(registry, "_plugins", lambda: [renamed])
    registry.specs.cache_clear()
    try:
        with pytest.raises(ValueError, match="'web-firefox' has a platform class named 'web-chromium'"):
            registry.specs()
    finally:
        registry.specs.cache_clear()


def test_two_platforms_with_one_name_are_refused(monkeypatch) -> None:
    web = spec_named("web-chromium")
    monkeypatch.setattr(registry, "_plugins", lambda: [web])
    registry.specs.cache_clear()
    try:
        with pytest.raises(ValueError, match="two platforms are named 'web-chromium'"):
            registry.specs()
    finally:
        registry.specs.cache_clear()


# --- profiles and targets ------------------------------------------------------------------------------

def test_every_shipped_profile_gets_its_platform_from_its_capabilities() -> None:
    expected = {"local-chromium": "web-chromium", "android-emulator": "android-uiautomator2",
                "grid": "android-uiautomator2", "sauce-android": "android-uiautomator2",
                "browserstack-android": "android-uiautomator2"}
    env = {"CONSENT_AUDIT_GRID_URL": "http://grid:4444", "SAUCE_USERNAME": "u", "SAUCE_ACCESS_KEY": "key",
           "BROWSERSTACK_USERNAME": "u", "BROWSERSTACK_ACCESS_KEY": "key"}
    for name, platform in expected.items():
        assert name in available_profiles()
        assert load_profile(name, environ=env).platform == platform


def test_a_profile_needs_no_platform_field_but_a_wrong_one_is_caught(tmp_path: Path) -> None:
    (tmp_path / "phone.yaml").write_text("capabilities:\n  platformName: Android\n"
                                         "  appium:automationName: UiAutomator2\n", encoding="utf-8")
    assert load_profile("phone", folder=tmp_path).platform == "android-uiautomator2"
    (tmp_path / "mixed.yaml").write_text("platform: web-chromium\ncapabilities:\n  platformName: Android\n"
                                         "  appium:automationName: UiAutomator2\n", encoding="utf-8")
    with pytest.raises(UsageError, match="platform 'web-chromium' does not match its capabilities, which are "
                                         "for android-uiautomator2"):
        load_profile("mixed", folder=tmp_path)


def test_a_profile_for_an_unknown_platform_is_one_line_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "iphone.yaml").write_text("capabilities:\n  platformName: iOS\n  appium:automationName: XCUITest\n",
                                          encoding="utf-8")
    with pytest.raises(UsageError) as error:
        load_profile("iphone", folder=tmp_path)
    assert "\n" not in str(error.value) and "iphone.yaml" in str(error.value) and "'XCUITest'" in str(error.value)


def test_the_platform_follows_capability_overrides(tmp_path: Path) -> None:
    (tmp_path / "phone.yaml").write_text("capabilities:\n  platformName: Android\n"
                                         "  appium:automationName: UiAutomator2\n", encoding="utf-8")
    overrides = ["platformName=linux", "appium:automationName=Chromium"]
    assert load_profile("phone", overrides, folder=tmp_path).platform == "web-chromium"
    with pytest.raises(UsageError, match="platform 'web-chromium' does not match"):    # the file's cross-check
        load_profile("local-chromium", ["platformName=Android", "appium:automationName=UiAutomator2"])


def test_a_target_on_an_unknown_platform_is_refused(tmp_path: Path) -> None:
    (tmp_path / "watch.yaml").write_text("kind: web\nplatform: watch-os\nstart: http://x/\npages: a:b\n",
                                         encoding="utf-8")
    with pytest.raises(UsageError, match="unknown platform 'watch-os'; known: web-chromium, android-uiautomator2"):
        load_target("watch", folder=tmp_path)


# --- capability defaults ------------------------------------------------------------------------------

def test_web_defaults_give_a_local_session_its_own_chromedriver_port() -> None:
    spec = spec_named("web-chromium")
    defaults = spec.capability_defaults(profile(WEB_CAPS), TARGET)
    assert set(defaults) == {"appium:chromedriverPort", "unhandledPromptBehavior"}
    assert defaults["appium:chromedriverPort"] > 0
    # the browser's own dialogs stay open for the suite to read and answer, on a grid or farm too
    assert spec.capability_defaults(profile(WEB_CAPS, server="remote"), TARGET) == {"unhandledPromptBehavior": "ignore"}


def test_android_defaults_name_the_targets_package(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = spec_named("android-uiautomator2")
    monkeypatch.delenv("CONSENT_AUDIT_DEVICES", raising=False)
    assert spec.capability_defaults(profile(ANDROID_CAPS, server="remote"), TARGET) == {"appium:appPackage": "com.example.shop"}
    local = spec.capability_defaults(profile(ANDROID_CAPS), TARGET)
    ports = ("appium:systemPort", "appium:mjpegServerPort", "appium:chromedriverPort")
    assert local["appium:appPackage"] == "com.example.shop" and set(local) == {"appium:appPackage", *ports}
    assert len({local[p] for p in ports}) == 3                # parallel workers never share a device-side port


def test_each_parallel_worker_drives_its_own_device(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = spec_named("android-uiautomator2")
    monkeypatch.setenv("CONSENT_AUDIT_DEVICES", "emulator-5554, emulator-5556")
    for worker, serial in (("gw0", "emulator-5554"), ("gw1", "emulator-5556")):
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
        assert spec.capability_defaults(profile(ANDROID_CAPS), TARGET)["appium:udid"] == serial
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw2")
    with pytest.raises(UsageError, match="gw2 has no device"):
        spec.capability_defaults(profile(ANDROID_CAPS), TARGET)


# --- preflight ---------------------------------------------------------------------------------------------

@pytest.mark.skipif(not (os.access("/usr/bin/chromium", os.X_OK) and os.access("/usr/bin/chromedriver", os.X_OK)),
                    reason="Debian's chromium and chromedriver are not installed")
def test_web_preflight_passes_with_the_binaries() -> None:
    spec_named("web-chromium").preflight(profile(WEB_CAPS), args())


@pytest.mark.parametrize("change, words", [
    ({"appium:executable": "/nonexistent/chromedriver"}, "chromedriver not found at /nonexistent/chromedriver"),
    ({"goog:chromeOptions": {"binary": "/nonexistent/chromium"}}, "chromium not found at /nonexistent/chromium"),
    ({"appium:executable": ""}, "sets no appium:executable"),
])
def test_web_preflight_names_a_missing_binary(change: dict, words: str) -> None:
    spec = spec_named("web-chromium")
    with pytest.raises(UsageError, match=words):
        spec.preflight(profile({**WEB_CAPS, **change}), args())
    spec.preflight(profile({**WEB_CAPS, **change}), args(appium_url="http://farm:4723"))    # not started here
    spec.preflight(profile({**WEB_CAPS, **change}, server="remote"), args())


def test_android_preflight_wants_a_device_unless_a_farm_is_given(tmp_path: Path, monkeypatch) -> None:
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    adb = fake_bin / "adb"
    adb.write_text("#!/bin/sh\necho 'List of devices attached'\necho\n")
    adb.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake_bin))
    spec = spec_named("android-uiautomator2")
    with pytest.raises(UsageError, match="no Android device attached"):
        spec.preflight(profile(ANDROID_CAPS, requires_device=True), args())
    spec.preflight(profile(ANDROID_CAPS, requires_device=True), args(appium_url="http://farm:4723"))
    spec.preflight(profile(ANDROID_CAPS, requires_device=False), args())


# --- the rest of the engine asks the registry -------------------------------------------------------------

def test_the_explorer_gets_its_adapter_from_the_spec() -> None:
    from consent_audit.explorer.adapters import adapter_for

    class Session:
        driver = object()

    for spec in registry.specs():
        session = Session()
        session.name = spec.name          # type: ignore[attr-defined]
        assert isinstance(adapter_for(session), spec.adapter_class)


def test_the_explorer_settings_name_the_platform_by_kind() -> None:
    from consent_audit.explorer.settings import ExploreSettings
    assert ExploreSettings(url="http://127.0.0.1/", goals=["consent"]).platform == "web-chromium"
    assert ExploreSettings(app_package="com.example.shop", goals=["consent"]).platform == "android-uiautomator2"


def _string_constants(folder: Path, skip: Path) -> list[tuple[str, int, str]]:
    found = []
    for path in folder.rglob("*.py"):
        if skip in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.append((str(path.relative_to(folder)), node.lineno, node.value))
    return found


def test_nothing_outside_the_platform_packages_names_a_platform() -> None:
    names = {spec.name for spec in registry.specs()}
    hits = [(f, line) for f, line, value in _string_constants(ENGINE, ENGINE / "platforms")
            if any(name in value for name in names)]
    assert hits == []


def test_only_the_gesture_service_records_actions() -> None:
    callers = []
    for folder in (ENGINE, ENGINE.parent / "refapp"):
        for path in folder.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "act":
                    callers.append(path.name)
    assert set(callers) == {"gestures.py"}
