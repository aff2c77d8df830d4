"""`PlatformSpec`: everything the engine needs to know about one platform, exported by its package as `SPEC`.

The engine never branches on a platform's name: it asks the registry (consent_audit.platforms.registry)
for the spec that matches a profile's capabilities, or for the spec a target names, and uses its fields.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Mapping

if TYPE_CHECKING:
    from ..profiles import Profile
    from ..targets import Target
    from .base import Platform


def _folded(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(v.casefold() for v in values)


@dataclass(frozen=True)
class PlatformSpec:
    """One platform as a plug-in.

    name                 what profiles and targets call it ("web-chromium"); reports show it.
    platform_class       the `Platform` subclass: one driver session (driver, start, timeout=seconds).
    parse_screen         what the platform reads off the app → the neutral `Screen` (web: the DOM snapshot
                         dict; Android: UiAutomator2 page-source XML), for captures and recorded sources.
    adapter_class        the explorer's adapter (consent_audit.explorer.adapters.Adapter), built as
                         adapter_class(platform, quiet_ms=int, timeout=seconds, late_seconds=seconds).
    capability_defaults  (profile, target) → capabilities a session gets unless the profile sets them.
    preflight            (profile, args) → None, or UsageError (one line) when the machine cannot run it;
                         `args` is the command line (argparse.Namespace: appium_url, …).
    platform_names       accepted `platformName` capabilities; automation_names: `appium:automationName`
                         (both compared case-insensitively, as Appium does).
    target_kind          the kind of target the explorer makes for it ("web": --url, "android": --app-package).
    default_profile      the built-in profile `explore` uses when none is given.
    explore_hint         one sentence for a profile of another platform given to `explore`.
    installs_app         whether the profile's `appium:app` file is the audited app (recorded with its hash).
    fresh_state          driver → None: brings a used session back to the state a new one starts in, so the
                         next audit may reuse it (`--sessions reuse`); raises WebDriverException when the
                         session no longer answers. None: every audit gets a new session.
    """

    name: str
    platform_class: type["Platform"]
    parse_screen: Callable[..., Any]
    adapter_class: type
    capability_defaults: Callable[["Profile", "Target"], dict[str, Any]]
    preflight: Callable[["Profile", argparse.Namespace], None]
    platform_names: tuple[str, ...]
    automation_names: tuple[str, ...]
    target_kind: str
    default_profile: str
    explore_hint: str = ""
    installs_app: bool = False
    fresh_state: Callable[[Any], None] | None = None

    def matches(self, capabilities: Mapping[str, Any]) -> bool:
        """Whether a session with these capabilities runs on this platform: its `platformName` and
        `appium:automationName` (or `automationName`) are among this spec's, ignoring case."""
        platform, automation = seen(capabilities)
        return platform.casefold() in _folded(self.platform_names) and \
            automation.casefold() in _folded(self.automation_names)


def seen(capabilities: Mapping[str, Any]) -> tuple[str, str]:
    """(platformName, automationName) as the capabilities give them ('' when absent)."""
    platform = capabilities.get("platformName") or capabilities.get("appium:platformName") or ""
    automation = capabilities.get("appium:automationName") or capabilities.get("automationName") or ""
    return str(platform), str(automation)


__all__ = ["PlatformSpec", "seen"]
