"""What the web platform reads back from the app's page: what it stored (cookies, web storage, a TCF CMP's
`getTCData` answer — the readback every consent path is verified by) and what was audited (its address, title,
build), and whether the start page loaded at all. Used by platform.py."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from selenium.common.exceptions import UnexpectedAlertPresentException, WebDriverException

from ...errors import AutomationError
from .dom import LOAD_STATE_JS
from .scripts import STORED_JS

if TYPE_CHECKING:
    from .platform import WebChromiumPlatform

log = logging.getLogger(__name__)


def check_loaded(platform: "WebChromiumPlatform") -> None:
    """A start page that did not load (the browser's own error page: refused, unknown host …) or that answered
    with an HTTP error is no app to audit: AutomationError, so the audit is broken, never clean."""
    state = platform.driver.execute_script(LOAD_STATE_JS) or {}
    url, status = str(state.get("url", "")), int(state.get("status") or 0)
    if url.startswith("chrome-error:") or state.get("error_page"):
        raise AutomationError(f"the start page {platform.start} did not load (the browser shows its error page: "
                              f"{str(state.get('title') or 'no answer')[:80]})")
    if status >= 400:
        raise AutomationError(f"the start page {platform.start} did not load: it answered HTTP {status}")


def stored_state(platform: "WebChromiumPlatform") -> dict[str, Any] | None:
    """The origin's cookies (HttpOnly ones too, through DevTools), local and session storage, and the
    `__tcfapi('getTCData')` answer of a TCF v2 CMP on the page (None when there is none)."""
    platform.leave_frame()        # the page's own storage (a CMP's frame posts the answer to the page)
    try:
        state = platform.driver.execute_async_script(STORED_JS) or {}
    except WebDriverException as exc:
        log.info("could not read what the app stored: %s", exc)
        return None
    try:
        cookies = platform.cdp("Network.getCookies", {"urls": [platform.start]}).get("cookies", [])
        state["cookies"] = {c["name"]: c.get("value", "") for c in cookies}
    except WebDriverException:
        pass
    return state


def identity(platform: "WebChromiumPlatform") -> dict[str, Any]:
    """What was audited: {"kind": "web", "url", "title", "build", "user_agent"}. `url` is the app's address:
    the page shown when the tab is on the app's origin, else the start address audited (between launches the
    tab shows the browser's blank page; a link may have left for another site) — never about:blank; `title`
    and `build` (meta application-version) are read only from the app's own page (None otherwise)."""
    try:
        info = dict(platform.driver.execute_script(
            "const m = document.querySelector('meta[name=\"application-version\"]');"
            "return {url: location.href, title: document.title, build: m ? m.content : null,"
            " user_agent: navigator.userAgent};") or {})
    except UnexpectedAlertPresentException:      # a dialog of the browser is open: the page cannot be read
        info = {}
    if not platform.on_origin(str(info.get("url") or "")):
        info.update(url=platform.start, title=None, build=None)
    return {"kind": "web", **info}

