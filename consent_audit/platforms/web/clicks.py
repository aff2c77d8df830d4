"""What the browser answers when a control is clicked or chosen: the element a refused click landed on, a
native `<select>`'s choice (used by platform.py)."""
from __future__ import annotations

import re

from selenium.common.exceptions import (ElementClickInterceptedException, ElementNotInteractableException,
                                        TimeoutException)
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from ...errors import AutomationError, ControlGone, TapIntercepted
from . import touch
from .scripts import REACHED_JS

LATE_SECONDS = 2.0
"""How long a control the browser calls not interactable is waited for (drawn a moment after the capture)."""

_RECEIVER = re.compile(r"Other element would receive the click:\s*(<[^>]{1,400}>)")


def covering_element(message: str) -> str:
    """What covers a refused tap's target, from the browser's own message ("… Other element would receive the
    click: <div id="sheet" class="up">"): that opening tag, shortened; "another element" when not said."""
    found = _RECEIVER.search(message or "")
    if not found:
        return "another element"
    tag = re.sub(r"\s+", " ", found.group(1))
    return tag if len(tag) <= 120 else tag[:117] + "…>"


def click(driver, element: WebElement, seconds: float = LATE_SECONDS) -> None:
    """`element.click()`; a control the browser calls not interactable (not drawn yet: fading in, its layer still
    sliding; or hidden since the capture) is waited for up to `seconds` and clicked once it takes the click.
    Raises ControlGone when it is not shown by then (the app hid it by itself: a splash's countdown ended between
    the look and the tap), ElementNotInteractableException when shown and still refusing; a click another
    element would receive raises as `click` does (ElementClickInterceptedException)."""
    try:
        element.click()
        return
    except ElementNotInteractableException as exc:
        refused = exc

    def taken(_) -> bool:
        try:
            element.click()
        except ElementNotInteractableException:
            return False
        return True

    try:
        WebDriverWait(driver, seconds, poll_frequency=0.1).until(taken)
    except TimeoutException:
        if not element.is_displayed():
            raise ControlGone("the control is no longer shown (the app hid it since the screen was read)") from None
        raise refused from None


def tap_through(driver, element: WebElement) -> None:
    """Click `element` (`click`); one another element intercepted is reached as a finger would (REACHED_JS): its
    own words slotted into it from its host are tapped there (touch.tap_on), a drawing that is no label lets the
    control click itself, a switch's drawing is clicked as the switch. Raises TapIntercepted, naming what covers
    it, when another layer came over it since the capture."""
    try:
        click(driver, element)
    except ElementClickInterceptedException as exc:
        drawn = driver.execute_script(REACHED_JS, element)
        if drawn is None:     # another layer came over it since the capture: said as what covers it
            raise TapIntercepted(covering_element(exc.msg or str(exc))) from None
        if drawn is True:     # its own words, slotted into it from its host: a finger there reaches it
            touch.tap_on(driver, element)
        elif drawn == element:     # its drawing is no label: the control clicked itself
            driver.execute_script("arguments[0].click();", element)
        else:
            drawn.click()     # the user's finger lands on the switch's drawing, which is the switch


def choose_first(element: WebElement) -> str:
    """A native `<select>`: Selenium's Select (through Appium's chromium driver) picks the first enabled
    option with a value (the empty-valued placeholder skipped), firing the page's input and change events
    as a user's choice does; returns the option's words. AutomationError when the element is no <select> or
    offers no option to choose."""
    if (element.tag_name or "").lower() != "select":
        raise AutomationError(f"a drop-down drawn as <{element.tag_name}> cannot be chosen in (only a native "
                              "<select>)")
    choice = Select(element)
    real = [o for o in choice.options if o.is_enabled() and (o.get_attribute("value") or "").strip()]
    if not real:
        raise AutomationError("the drop-down offers no option to choose")
    value = real[0].get_attribute("value") or ""
    words = (real[0].text or value).strip()
    choice.select_by_value(value)     # by value: an option's `index` is a property the driver may not read
    return words


__all__ = ["choose_first", "click", "covering_element", "tap_through"]
