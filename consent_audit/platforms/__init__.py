"""Everything that differs between platforms lives behind `Platform`, in one package per platform
(web/, android/), each exporting a `PlatformSpec` as `SPEC`; the registry picks one by capabilities.

The platform packages are imported lazily (by the registry, or by the names below on first use), so that
importing the engine's neutral parts never pulls in a platform's driver code.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

from .base import PERMISSIONS, Platform
from .registry import spec_for_capabilities, spec_named
from .spec import PlatformSpec

_LAZY = {"WebChromiumPlatform": "consent_audit.platforms.web", "AndroidPlatform": "consent_audit.platforms.android",
         "check_android_device": "consent_audit.platforms.android"}

__all__ = ["Platform", "PERMISSIONS", "PlatformSpec", "spec_for_capabilities", "spec_named", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
