"""What an Android session needs before it starts: capability defaults and the preflight check (a device)."""
from __future__ import annotations

import argparse
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


def capability_defaults(profile: "Profile", target: "Target") -> dict[str, Any]:
    """The target's package as `appium:appPackage` (unless the profile names one)."""
    return {"appium:appPackage": target.start}


def preflight(profile: "Profile", args: argparse.Namespace) -> None:
    """A profile that needs a device on this machine (no --appium-url) fails in seconds without one:
    UsageError, one line saying how to start an emulator."""
    if profile.requires_device and not getattr(args, "appium_url", None):
        check_android_device()


__all__ = ["capability_defaults", "check_android_device", "preflight"]
