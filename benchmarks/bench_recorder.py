"""Overhead of the page objects + recorder against a hand-written Appium script doing the same actions and
the same screenshots: the obstructed-deletion path of the reference app (14 actions), alternating, several
repetitions, one Appium server and one browser session. Prints the medians and the ratio (target ≤ 1.03),
the WebDriver commands (round trips) each side sends per action, and the cost of one captured step split into
its parts: screenshot, page source with the element tree (one script), parsing the element tree, and the
recorder's own work (masking, redaction, files).

    .venv/bin/python benchmarks/bench_recorder.py [--reps 7] [--captures 15]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from appium import webdriver  # noqa: E402
from appium.options.common.base import AppiumOptions  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from consent_audit.appium_server import AppiumServer, free_port  # noqa: E402
from consent_audit.masking import Masker  # noqa: E402
from consent_audit.page import AppContext  # noqa: E402
from consent_audit.platforms import WebChromiumPlatform  # noqa: E402
from consent_audit.profiles import load_profile  # noqa: E402
from consent_audit.recorder import Recorder  # noqa: E402
from consent_audit.targets import load_target  # noqa: E402
from refapp.pages.web import RefApp  # noqa: E402
from refapp.server import RefAppServer  # noqa: E402

VARIANT = "obstructed-deletion"


def prepare(platform: WebChromiumPlatform, context: AppContext, username: str) -> RefApp:
    """Untimed: fresh install, permissions granted, consent accepted, a new account signed up, relaunched."""
    platform.reset()
    for name in ("geolocation", "notifications", "camera"):
        platform.decide_permission(name, "granted")
    context.data["username"] = username
    app = RefApp(context)
    app.launch()
    app.accept_consent()
    app.sign_up()
    app.relaunch()
    return app


def by_script(driver, path: list[dict], values: dict[str, str], shots: list[bytes], platform) -> None:
    """What a QA engineer would write by hand: wait, act, screenshot — for each action of the path. The scroll
    is the same finger swipe the platform makes (`platform.swipe`), so both sides make the same gestures."""
    def scroll_into_view(element, container) -> None:
        while not platform.in_view(element, container) and platform.swipe(container, "down"):
            pass

    wait = WebDriverWait(driver, 10, poll_frequency=0.05)
    for action in path:
        element = wait.until(lambda d: (lambda e: e if e.is_displayed() and e.is_enabled() else False)(
            d.find_element(By.CSS_SELECTOR, f"#{action['id']}")) if d.find_elements(By.CSS_SELECTOR, f"#{action['id']}") else False,
            message=f"#{action['id']} not actionable")
        if action["action"] == "scroll":
            scroll_into_view(element.find_element(By.XPATH, "./*[last()]"), element)
        elif action["action"] == "text":
            element.clear()
            element.send_keys(values[action["id"]])
        else:
            element.click()
        shots.append(driver.get_screenshot_as_png())
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#screen-delete-result").is_displayed())


class Counted:
    """Counts the WebDriver commands a driver sends (each one HTTP round trip to Appium), by mode."""

    def __init__(self, driver) -> None:
        self.mode = "untimed"
        self.counts: dict[str, int] = {}
        original = driver.execute

        def execute(command, params=None):
            self.counts[self.mode] = self.counts.get(self.mode, 0) + 1
            return original(command, params)

        driver.execute = execute


def capture_cost(driver, platform: WebChromiumPlatform, recorder: Recorder, n: int) -> dict[str, float]:
    """Median milliseconds of each part of one captured step, on the screen the path ended on."""
    from consent_audit.platforms.web.dom import screen_from_dom
    from consent_audit.platforms.web.snapshot_script import DOM_SNAPSHOT_JS
    parts: dict[str, list[float]] = {"screenshot": [], "page source + element tree (1 script)": [],
                                     "parse the element tree": [], "whole capture (recorder)": []}
    for i in range(n):
        began = time.perf_counter()
        png = driver.get_screenshot_as_png()
        parts["screenshot"].append(time.perf_counter() - began)
        began = time.perf_counter()
        snap = driver.execute_script(DOM_SNAPSHOT_JS)
        parts["page source + element tree (1 script)"].append(time.perf_counter() - began)
        began = time.perf_counter()
        screen_from_dom(snap, screenshot=png, origin=platform.origin)
        parts["parse the element tree"].append(time.perf_counter() - began)
        began = time.perf_counter()
        recorder._capture(f"cost-{i:03d}")
        parts["whole capture (recorder)"].append(time.perf_counter() - began)
    return {name: 1000 * statistics.median(values) for name, values in parts.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--captures", type=int, default=15)
    args = parser.parse_args()
    import json
    truth = json.loads((ROOT / "refapp" / "truth" / f"{VARIANT}.json").read_text(encoding="utf-8"))
    target = load_target(f"refapp-{VARIANT}")
    data = target.data()
    values = {"sms-code": data["sms_code"], "id-number": data["id_number"]}
    masker = Masker(target.secrets())
    with tempfile.TemporaryDirectory() as tmp, RefAppServer() as refapp, \
            AppiumServer(Path(tmp) / "appium.log", masker=masker) as server:
        caps = load_profile("local-chromium").capabilities
        caps["appium:chromedriverPort"] = free_port()
        driver = webdriver.Remote(server.url, options=AppiumOptions().load_capabilities(caps))
        counted = Counted(driver)
        try:
            platform = WebChromiumPlatform(driver, f"{refapp.url}/app/{VARIANT}/")
            times: dict[str, list[float]] = {"page objects + recorder": [], "hand-written script": []}
            for rep in range(args.reps):
                order = ["pages", "script"] if rep % 2 == 0 else ["script", "pages"]
                for mode in order:
                    recorder = Recorder(platform, Path(tmp) / f"{mode}-{rep}", masker)
                    context = AppContext(platform=platform, recorder=recorder, masker=masker, data=dict(data))
                    app = prepare(platform, context, f"139{rep:04d}{len(mode):04d}")
                    shots: list[bytes] = []
                    began = time.perf_counter()
                    counted.mode = mode
                    if mode == "pages":
                        with recorder.journey("delete account"):
                            app.delete_account()
                        times["page objects + recorder"].append(time.perf_counter() - began)
                    else:
                        by_script(driver, truth["deletion"]["path"], values, shots, platform)
                        times["hand-written script"].append(time.perf_counter() - began)
                    counted.mode = "untimed"
            cost = capture_cost(driver, platform, recorder, args.captures)
        finally:
            driver.quit()
    pages = statistics.median(times["page objects + recorder"])
    script = statistics.median(times["hand-written script"])
    print(f"{VARIANT} deletion path, {len(truth['deletion']['path'])} actions, {args.reps} repetitions, alternating")
    print(f"  page objects + recorder  median {pages:.3f} s")
    print(f"  hand-written script      median {script:.3f} s")
    print(f"  ratio                    {pages / script:.3f}   (target <= 1.03)")
    actions = len(truth["deletion"]["path"]) * args.reps
    print(f"  WebDriver commands per action: page objects + recorder {counted.counts.get('pages', 0) / actions:.1f}, "
          f"hand-written script {counted.counts.get('script', 0) / actions:.1f}")
    print(f"cost of one captured step (median of {args.captures}, ms):")
    for name, ms in cost.items():
        print(f"  {name:40s} {ms:7.1f}")
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
