"""Ionic Framework's web components (@ionic/core from npm, served by the corpus server: corpus app sakala), through
the real Appium server and Chromium: an `ion-button` is tapped where its words are. Before, the live element found
for the captured button was the last of its box — the `<ion-ripple-effect>` of its shadow root (innerText, in
capitals through the md theme's CSS, did not match the words) — and the host intercepted its click: «covered»,
the permissions and deletion audits broken. Now the host is found by its words as written and its role, and a
click the element's own host receives is a finger on it."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any, Iterator

import pytest

from consent_audit.explorer.adapters import adapter_for
from consent_audit.targets import Target
from consent_audit.waits import wait_until

pytestmark = pytest.mark.e2e
CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def corpus() -> Iterator[Any]:
    spec = importlib.util.spec_from_file_location("corpus_server_ionic", CORPUS / "server.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    srv = module.CorpusServer(0).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def target_name() -> str:
    return "sakala"


@pytest.fixture
def target() -> Target:
    return Target(name="sakala", kind="web", platform="web-chromium", start="",
                  pages="tests.test_recorder_e2e:KnownPage")


@pytest.fixture
def start_location(corpus: Any) -> str:
    return f"{corpus.url}/sakala/"


def test_an_ion_button_is_tapped_on_its_host(platform) -> None:
    adapter = adapter_for(platform, quiet_ms=60, timeout=6.0)
    adapter.prepare()
    platform.launch()
    driver = platform.driver
    refuse = "return [...document.querySelectorAll('ion-button')].find(b => b.textContent.trim() == 'Keeldu kõigest')"
    wait_until(lambda: driver.execute_script(refuse) is not None, timeout=10, interval=0.2, message="the consent sheet")
    driver.execute_script(refuse.replace("return ", "") + ".click()")
    wait_until(lambda: not driver.execute_script("return !!document.querySelector('ion-modal.show-modal')"),
               timeout=10, interval=0.2, message="the sheet to go")
    adapter.settle()
    # the home read once Ionic has drawn it (its page transition may still run on a loaded machine)
    find = wait_until(lambda: next((e for e in platform.capture(screenshot=False).screen.elements
                                    if e.text == "Leia lähim jaam" and e.bounds[2] > 0), None),
                      timeout=15, interval=0.3, message="the home's «Leia lähim jaam»")
    live = adapter.locate(find)
    assert live is not None and live.tag_name.lower() == "ion-button", live and live.tag_name
    platform.tap(live)
    wait_until(lambda: "Lähim jaam:" in driver.execute_script("return document.body.innerText") or
               "Asukoha kasutamine" in driver.execute_script("return document.body.innerText"),
               timeout=10, interval=0.2, message="the nearest dock")
