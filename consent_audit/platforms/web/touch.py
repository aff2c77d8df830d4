"""Touch gestures in the web platform: W3C actions with one touch pointer (the page gets pointerdown …
pointerup as from a finger), through the WebDriver session `driver` (Appium's chromium driver)."""
from __future__ import annotations

from typing import Any

from selenium.webdriver.common.actions import interaction
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.remote.webelement import WebElement

from .scripts import AT_END_JS, BOX_JS


def hold(driver: Any, element: WebElement, seconds: float) -> None:
    """W3C actions with one touch pointer: onto the element's centre, down, a pause of `seconds`, up — the
    page gets pointerdown … pointerup as from a finger held on it (a "hold to delete" button filling a bar)."""
    finger = PointerInput(interaction.POINTER_TOUCH, "finger")
    actions = ActionBuilder(driver, mouse=finger)
    finger.create_pointer_move(duration=0, origin=element)
    finger.create_pointer_down()
    finger.create_pause(float(seconds))
    finger.create_pointer_up(0)
    actions.perform()


def tap_at(driver: Any, x: int, y: int) -> None:
    """One touch-pointer tap at (x, y) in device pixels (the screenshot's and the element bounds'), given
    to the browser in CSS pixels (divided by `devicePixelRatio`)."""
    ratio = float(driver.execute_script("return window.devicePixelRatio || 1") or 1)
    finger = PointerInput(interaction.POINTER_TOUCH, "finger")
    actions = ActionBuilder(driver, mouse=finger)
    finger.create_pointer_move(duration=0, x=int(x / ratio), y=int(y / ratio))
    finger.create_pointer_down()
    finger.create_pause(0.05)
    finger.create_pointer_up(0)
    actions.perform()


def tap_on(driver: Any, element: WebElement) -> None:
    """One touch-pointer tap on the element's centre (in view), given as a finger's input: no check of what
    the browser's hit test names there (for an element reached through words slotted into it)."""
    hold(driver, element, 0.05)


def swipe(driver: Any, container: WebElement | None, direction: str = "down") -> bool:
    """One touch-pointer swipe over the container's visible part (the page when None), from 90 % to
    10 % of it, held still before lifting (no fling: the content rests where the finger left it)."""
    x, y, width, height = driver.execute_script(BOX_JS, container)
    width, height = max(width, 40), max(height, 40)
    mid_x, mid_y = x + width // 2, y + height // 2
    start, end = {"down": ((mid_x, y + height * 0.9), (mid_x, y + height * 0.1)),
                  "up": ((mid_x, y + height * 0.1), (mid_x, y + height * 0.9)),
                  "right": ((x + width * 0.9, mid_y), (x + width * 0.1, mid_y)),
                  "left": ((x + width * 0.1, mid_y), (x + width * 0.9, mid_y))}[direction]
    finger = PointerInput(interaction.POINTER_TOUCH, "finger")
    actions = ActionBuilder(driver, mouse=finger)
    finger.create_pointer_move(duration=0, x=int(start[0]), y=int(start[1]))
    finger.create_pointer_down()
    finger.create_pointer_move(duration=200, x=int(end[0]), y=int(end[1]))
    finger.create_pause(0.1)
    finger.create_pointer_up(0)
    actions.perform()
    return not driver.execute_script(AT_END_JS, container, direction)


__all__ = ["hold", "tap_at", "tap_on", "swipe"]
