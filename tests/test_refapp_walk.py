"""The reference app itself: every variant's shortest paths can be walked by a plain Appium script (no page
objects, no recorder), with exactly the truth's counts, and end where the truth says."""
from __future__ import annotations

import json
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import pytest
from appium import webdriver
from appium.options.common.base import AppiumOptions
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from consent_audit.appium_server import free_port
from consent_audit.profiles import load_profile
from consent_audit.targets import load_target

pytestmark = pytest.mark.e2e

TRUTH = Path(__file__).resolve().parent.parent / "refapp" / "truth"
VARIANTS = sorted(p.stem for p in TRUTH.glob("*.json"))


@pytest.fixture
def session(appium_url: str) -> Iterator[Any]:
    caps = load_profile("local-chromium").capabilities
    caps["appium:chromedriverPort"] = free_port()
    driver = webdriver.Remote(appium_url, options=AppiumOptions().load_capabilities(caps))
    try:
        yield driver
    finally:
        driver.quit()


def grant(driver: Any, origin: str, permissions: list[str]) -> None:
    """Grant through the DevTools protocol, proxied by Appium (the user said yes to every prompt)."""
    driver.command_executor.add_command("cdp", "POST", "/session/$sessionId/goog/cdp/execute")
    for name in permissions:
        driver.execute("cdp", {"cmd": "Browser.setPermission", "params": {
            "permission": {"name": name}, "setting": "granted", "origin": origin}})
    driver.execute("cdp", {"cmd": "Emulation.setGeolocationOverride",
                           "params": {"latitude": 31.23, "longitude": 121.47, "accuracy": 20}})


def shown(driver: Any, element_id: str) -> bool:
    found = driver.find_elements(By.CSS_SELECTOR, f"#{element_id}")
    return bool(found) and found[0].is_displayed()


def walk(driver: Any, path: list[dict[str, str]], values: dict[str, str]) -> Counter:
    """Do each action of the path on its element once it is displayed and enabled; count actions by kind."""
    done: Counter = Counter()
    wait = WebDriverWait(driver, 10, poll_frequency=0.05)
    for action in path:
        element = wait.until(lambda d: (lambda e: e if e.is_displayed() and e.is_enabled() else False)(
            d.find_element(By.CSS_SELECTOR, f"#{action['id']}")) if d.find_elements(By.CSS_SELECTOR, f"#{action['id']}") else False,
            message=f"#{action['id']} not actionable")
        if action["action"] == "scroll":
            driver.execute_script("arguments[0].scrollTop = arguments[0].scrollHeight;"
                                  "arguments[0].dispatchEvent(new Event('scroll'));", element)
        elif action["action"] == "text":
            element.send_keys(values[action["id"]])
        else:
            element.click()
        done[action["action"]] += 1
    return done


@pytest.mark.parametrize("variant", VARIANTS)
def test_truth_paths_walk_with_the_truth_counts(session: Any, refapp_server: Any, variant: str) -> None:
    truth = json.loads((TRUTH / f"{variant}.json").read_text(encoding="utf-8"))
    target = load_target(f"refapp-{variant}")
    data = target.data()
    values = {"signup-username": data["username"], "signup-password": data["password"],
              "sms-code": data["sms_code"], "id-number": data["id_number"], "delete-password": data["password"]}
    url = f"{refapp_server.url}/app/{variant}/"
    grant(session, refapp_server.url, target.permissions)
    session.get(url)
    wait = WebDriverWait(session, 10, poll_frequency=0.05)

    consent = walk(session, truth["consent"]["accept_path"], values)
    assert sum(consent.values()) == truth["consent"]["accept_steps"]
    wait.until(lambda d: d.execute_script("return document.body.dataset.launch") == "done")

    signup = walk(session, truth["signup"]["path"], values)
    assert sum(signup.values()) == truth["deletion"]["signup_steps"]
    wait.until(lambda d: shown(d, "me-username"))

    session.get(url)                   # relaunch, logged in
    wait.until(lambda d: shown(d, "screen-home"))
    deletion = truth["deletion"]
    done = walk(session, deletion["path"], values)
    assert (done["tap"], done["text"], done["toggle"], done["scroll"]) == (
        deletion["taps"], deletion["text_inputs"], deletion["toggles"], deletion["scrolls"])
    if deletion["deletion_in_app"]:
        wait.until(lambda d: shown(d, "screen-delete-result"))
        text = session.find_element(By.CSS_SELECTOR, "#delete-result-text").text
        if deletion["waiting_period_days"]:
            assert str(deletion["waiting_period_days"]) in text
    else:
        wait.until(lambda d: d.execute_script(
            "return [...document.querySelectorAll('section.screen')].some(s => getComputedStyle(s).display !== 'none'"
            " && /e-?mail|邮件/i.test(s.innerText))"))

    # the server answers the login question, independently of the UI
    request = urllib.request.Request(f"{refapp_server.url}/api/{variant}/login", method="POST",
                                     data=json.dumps({"username": data["username"], "password": data["password"]}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status = json.loads(response.read())["status"]
            login = "pending" if status == "pending" else "accepted"
    except urllib.error.HTTPError as error:
        assert error.code == 401
        login = "rejected"
    assert login == deletion["login_after_deletion"]


@pytest.mark.parametrize("variant", ["consent-asymmetric"])
def test_reject_path_walks_with_the_truth_count(session: Any, refapp_server: Any, variant: str) -> None:
    truth = json.loads((TRUTH / f"{variant}.json").read_text(encoding="utf-8"))["consent"]
    session.get(f"{refapp_server.url}/app/{variant}/")
    done = walk(session, truth["reject_path"], {})
    assert sum(done.values()) == truth["reject_steps"]
    WebDriverWait(session, 10).until(lambda d: d.execute_script("return localStorage.length > 0 && "
        "Object.keys(localStorage).some(k => localStorage[k] === 'rejected')"))
