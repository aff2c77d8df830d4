"""Web apps in headless Chromium (mobile emulation) through Appium's chromium driver, as a platform
plug-in (`SPEC`).

platform.py the session (DevTools protocol for permissions and storage; touch.py its touch gestures),
snapshot_script.py the DOM snapshot script (accname.py the accessible names it reads, painted.py a canvas UI's
accessibility layer), dom.py its parser, adapter.py the explorer's adapter, session.py capability defaults and the binaries check.
"""
from ..spec import PlatformSpec
from .adapter import WebAdapter
from .dom import screen_from_dom
from .platform import WebChromiumPlatform
from .session import capability_defaults, fresh_state, preflight

SPEC = PlatformSpec(
    name=WebChromiumPlatform.name,          # "web-chromium"
    platform_class=WebChromiumPlatform,
    parse_screen=screen_from_dom,
    adapter_class=WebAdapter,
    capability_defaults=capability_defaults,
    preflight=preflight,
    platform_names=("linux", "mac", "windows"),
    automation_names=("Chromium",),
    target_kind="web",
    default_profile="local-chromium",
    explore_hint="--url needs a web profile",
    fresh_state=fresh_state,
)

__all__ = ["SPEC", "WebAdapter", "WebChromiumPlatform", "screen_from_dom"]
