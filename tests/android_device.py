"""A stand-in UiAutomator2 session for the Android tests: serves hand-written page sources in order, evaluates
the page objects' locators on them with ElementTree, and keeps the app's runtime permissions as the OS would
(`mobile: getPermissions` / `changePermissions`; tapping an allow choice of the permission dialog grants what
the dialog asks). No Android runtime runs here."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

DATA = Path(__file__).parent / "data" / "android"
LOCATION = ("android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_COARSE_LOCATION")
REQUESTED = [*LOCATION, "android.permission.CAMERA", "android.permission.POST_NOTIFICATIONS",
             "android.permission.RECORD_AUDIO"]


def source(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def find_nodes(xml: str, locator: tuple[str, str]) -> list[ET.Element]:
    root = ET.fromstring(xml.encode("utf-8"))
    how, what = locator
    if how == "id":
        return [n for n in root.iter() if n.get("resource-id") == what]
    assert how == "xpath" and what.startswith("//"), locator
    return root.findall("." + what)


class Node:
    def __init__(self, device: "Device", node: ET.Element, locator: tuple[str, str]) -> None:
        self.device, self.node, self.locator, self.version = device, node, locator, device.position
        self.id = f"el-{device.position}-{node.get('bounds')}"

    def _check(self) -> None:
        if self.device.position != self.version:
            raise StaleElementReferenceException("the recorded screen moved on")

    def is_displayed(self) -> bool:
        self._check()
        return True

    @property
    def text(self) -> str:
        return self.node.get("text", "")

    def get_attribute(self, name: str) -> str | None:
        self._check()
        return self.node.get(name)

    def click(self) -> None:
        self._check()
        self.device.taps.append(self.locator)
        local = self.node.get("resource-id", "").rpartition("/")[2]
        if "allow" in local and "deny" not in local and "dont" not in local and self.device.asks:
            self.device.granted |= set(self.device.asks)
        self.device.position = min(self.device.position + 1, len(self.device.sources) - 1)


class Device:
    """Page sources in order (each tap moves on); `asks`: the Android permissions the dialog on screen asks;
    `current`: what `mobile: getCurrentPackage` answers (default: the window of the page source)."""

    def __init__(self, *sources: str, api: int = 34, asks: tuple[str, ...] = (), granted: set[str] | None = None,
                 current: str | None = None) -> None:
        self.sources = [source(s) if s.endswith(".xml") else s for s in sources]
        self.position, self.taps, self.calls = 0, [], []
        self.capabilities = {"deviceApiLevel": api}
        self.asks, self.granted, self.current = asks, set(granted or ()), current
        ok, png = cv2.imencode(".png", np.full((240, 108, 3), 250, np.uint8))
        self.png = png.tobytes()

    @property
    def page_source(self) -> str:
        return self.sources[self.position]

    def find_elements(self, how: str, what: str) -> list[Node]:
        return [Node(self, n, (how, what)) for n in find_nodes(self.page_source, (how, what))]

    def find_element(self, how: str, what: str) -> Node:
        found = self.find_elements(how, what)
        if not found:
            raise NoSuchElementException(f"{how}={what}")
        return found[0]

    def get_screenshot_as_png(self) -> bytes:
        return self.png

    def get_log(self, kind: str) -> list[dict]:
        return []

    def execute_script(self, script: str, args: dict | None = None) -> Any:
        self.calls.append((script, args))
        args = args or {}
        if script == "mobile: getPermissions":
            return sorted(self.granted) if args.get("type") == "granted" else list(REQUESTED)
        if script == "mobile: changePermissions":
            change = set(args["permissions"])
            self.granted = self.granted | change if args["action"] == "grant" else self.granted - change
            return None
        if script == "mobile: getCurrentPackage":
            if self.current is not None:
                return self.current
            from consent_audit.platforms.android.uiautomator import screen_from_uiautomator_xml
            return screen_from_uiautomator_xml(self.page_source).location
        return None
