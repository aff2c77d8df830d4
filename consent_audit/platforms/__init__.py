"""Everything that differs between the web target and Android lives behind `Platform`."""
from __future__ import annotations

from .base import Platform, PERMISSIONS
from .web import WebChromiumPlatform
from .android import AndroidPlatform, check_android_device

__all__ = ["Platform", "PERMISSIONS", "WebChromiumPlatform", "AndroidPlatform", "check_android_device",
           "platform_for"]


def platform_for(name: str):
    return {"web-chromium": WebChromiumPlatform, "android-uiautomator2": AndroidPlatform}[name]
