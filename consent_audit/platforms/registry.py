"""The platform registry: which `PlatformSpec` runs a profile (by its capabilities) or a target (by name).

Specs come from the built-in platform packages and from installed packages that register one under the
entry-point group `consent_audit.platforms` (the entry point names a `PlatformSpec`, e.g.
`mypkg.platforms.ios:SPEC`). The first spec whose `matches(capabilities)` holds wins; names are unique.
"""
from __future__ import annotations

import importlib
import logging
from functools import lru_cache
from typing import Any, Mapping

from ..errors import UsageError
from .spec import PlatformSpec, seen

log = logging.getLogger(__name__)

BUILT_IN = ("consent_audit.platforms.web", "consent_audit.platforms.android")
ENTRY_POINTS = "consent_audit.platforms"


@lru_cache(maxsize=1)
def specs() -> tuple[PlatformSpec, ...]:
    """Every known spec, built-in first. Raises TypeError when a package's SPEC is no PlatformSpec, and
    ValueError when two specs share a name or a spec's platform class goes by another name (the explorer
    finds a session's spec by its platform's name): packaging errors, not a user's."""
    found: list[PlatformSpec] = [importlib.import_module(module).SPEC for module in BUILT_IN]
    found += _plugins()
    names: set[str] = set()
    for spec in found:
        if not isinstance(spec, PlatformSpec):
            raise TypeError(f"a platform package exports {type(spec).__name__} as SPEC, not a PlatformSpec")
        if spec.name in names:
            raise ValueError(f"two platforms are named '{spec.name}'")
        if spec.platform_class.name != spec.name:
            raise ValueError(f"platform '{spec.name}' has a platform class named '{spec.platform_class.name}'")
        names.add(spec.name)
    return tuple(found)


def _plugins() -> list[PlatformSpec]:
    from importlib.metadata import entry_points

    found = []
    for point in sorted(entry_points(group=ENTRY_POINTS), key=lambda p: p.name):
        try:
            found.append(point.load())
        except ImportError as exc:    # an uninstalled extra must not stop audits on the other platforms
            log.warning("platform plug-in %s cannot be loaded: %s", point.name, exc)
    return found


def known() -> str:
    """The known platforms, one phrase: `web-chromium (platformName linux|mac|windows, automationName …)`."""
    return "; ".join(f"{s.name} (platformName {'|'.join(s.platform_names)}, automationName "
                     f"{'|'.join(s.automation_names)})" for s in specs())


def spec_for_capabilities(capabilities: Mapping[str, Any]) -> PlatformSpec:
    """The spec whose platformName / appium:automationName match (case-insensitive); UsageError (one line,
    naming what was seen and what is known) when none does."""
    for spec in specs():
        if spec.matches(capabilities):
            return spec
    platform, automation = seen(capabilities)
    raise UsageError(f"no platform for platformName '{platform or '(none)'}' with automationName "
                     f"'{automation or '(none)'}'; known: {known()}")


def spec_named(name: str) -> PlatformSpec:
    """The spec called `name`; UsageError (one line) naming the known ones when there is none."""
    spec = find_spec(name)
    if spec is None:
        raise UsageError(f"unknown platform '{name}'; known: {', '.join(s.name for s in specs())}")
    return spec


def find_spec(name: str) -> PlatformSpec | None:
    """The spec called `name`, or None."""
    return next((s for s in specs() if s.name == name), None)


def spec_for_target_kind(kind: str) -> PlatformSpec:
    """The spec the explorer uses for a target of this kind ("web" for --url, "android" for --app-package)."""
    spec = next((s for s in specs() if s.target_kind == kind), None)
    if spec is None:
        raise UsageError(f"no platform runs targets of kind '{kind}'; known: {', '.join(s.name for s in specs())}")
    return spec


__all__ = ["specs", "spec_for_capabilities", "spec_named", "find_spec", "spec_for_target_kind", "known"]
