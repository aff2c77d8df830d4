"""What an Android session needs before it starts: capability defaults and the preflight check (a device)."""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

from ...errors import UsageError

if TYPE_CHECKING:
    from ...profiles import Profile
    from ...targets import Target


def check_android_device(timeout: float = 5.0) -> None:
    """Fail fast (seconds, not the driver's 20 s) when no device or emulator is attached."""
    adb = shutil.which("adb")
    if adb is None:
        raise UsageError("adb is not installed: install Android platform-tools (Debian: apt-get install adb) "
                         "and start an emulator (emulator -avd NAME), or use --appium-url for a device farm")
    try:
        out = subprocess.run([adb, "devices"], capture_output=True, text=True, timeout=timeout).stdout
    except (subprocess.TimeoutExpired, OSError) as exc:
        raise UsageError(f"`adb devices` did not answer ({exc}); restart adb (adb kill-server) or use --appium-url") \
            from None
    devices = [line.split()[0] for line in out.splitlines()[1:] if line.strip().endswith("device")]
    if not devices:
        raise UsageError("no Android device attached (`adb devices` lists none): start an emulator "
                         "(emulator -avd NAME) or point --appium-url at a device farm")


DEVICES_ENV = "CONSENT_AUDIT_DEVICES"
"""Comma-separated adb serials (emulator-5554,emulator-5556): parallel worker gwN drives the Nth."""


def capability_defaults(profile: "Profile", target: "Target") -> dict[str, Any]:
    """The target's package as `appium:appPackage` (unless the profile names one). A session of a local
    Appium server also gets free ports of its own for the UiAutomator2 server on the device
    (`appium:systemPort`), its MJPEG stream (`appium:mjpegServerPort`) and WebView's chromedriver
    (`appium:chromedriverPort`), so parallel workers never share one; and, when $CONSENT_AUDIT_DEVICES lists
    devices, the one of this pytest-xdist worker (`appium:udid`; gw0 the first). Remote servers (a Grid node,
    a cloud farm) choose their own ports and devices."""
    defaults: dict[str, Any] = {"appium:appPackage": target.start}
    if profile.server != "local":
        return defaults
    from ...appium_server import free_ports
    system, mjpeg, chromedriver = free_ports(3)
    defaults.update({"appium:systemPort": system, "appium:mjpegServerPort": mjpeg, "appium:chromedriverPort": chromedriver})
    devices = [d.strip() for d in os.environ.get(DEVICES_ENV, "").split(",") if d.strip()]
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    if devices:
        index = int(worker) if worker.isdigit() else 0
        if index >= len(devices):
            raise UsageError(f"worker gw{index} has no device: ${DEVICES_ENV} lists {len(devices)}; "
                             f"give one per worker or fewer --workers")
        defaults["appium:udid"] = devices[index]
    return defaults


def preflight(profile: "Profile", args: argparse.Namespace) -> None:
    """A profile that needs a device on this machine (no --appium-url) fails in seconds without one:
    UsageError, one line saying how to start an emulator."""
    if profile.requires_device and not getattr(args, "appium_url", None):
        check_android_device()


__all__ = ["DEVICES_ENV", "capability_defaults", "check_android_device", "preflight"]
