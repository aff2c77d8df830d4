"""Screens around a runtime permission, read from what they say and offer (any platform, any app):

- a *blocker*, shown after a denial: its only ways on are leaving for the system Settings, retrying (asking
  again) and exiting — and it speaks of a permission or sends to Settings;
- a *pre-prompt* (the app's own rationale before the system dialog, "To give you a better experience we
  need your location…" with only Continue): one way on, a confirm/next, and a message naming a permission.

Words come from the goal and explorer lexicons (assets/lexicons/goals.yaml, explorer.yaml: open_settings,
retry, exit, confirm, next, feature_*), in EN, ZH, JA, DE, FR, ES.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..screen import Element, Screen
from .lexicon import Hit, load_lexicon

FEATURES = {"feature_geolocation": "geolocation", "feature_notifications": "notifications",
            "feature_camera": "camera", "feature_microphone": "microphone"}


def categories(text: str) -> frozenset[str]:
    """Categories of goals.yaml and explorer.yaml the text holds (a hit inside a longer one of another is dropped)."""
    if not text:
        return frozenset()
    hits: list[Hit] = load_lexicon("goals").hits(text) + load_lexicon("explorer").hits(text)
    return frozenset(h.category for h in hits if not any(
        g.category != h.category and g.start <= h.start and g.end >= h.end and g.length > h.length for g in hits))


def way_of(label: str) -> str:
    """settings / retry / exit / decline / other: what a control on a screen after a denial does."""
    found = categories(label)
    if "open_settings" in found:
        return "settings"
    if "retry" in found:
        return "retry"
    if found & {"exit", "log_out"}:
        return "exit"
    if "decline" in found:
        return "decline"
    if "permission_request" in found:
        return "retry"          # an in-app re-ask ("去开启", "Turn on"): the app asks again
    return "other"


def permission_named(texts: list[str]) -> str | None:
    """The permission the texts speak of (first named, e.g. 定位 and 位置 are geolocation), else None."""
    for text in texts:
        for category in sorted(categories(text)):
            if category in FEATURES:
                return FEATURES[category]
    return None


def _actions(screen: Screen) -> list[Element]:
    """What the user can press, by what it says (containers wrapping a labelled control are left out)."""
    labelled = [e for e in screen.actionable() if (e.text or e.name) and e.role not in ("textbox", "dialog")]
    return [e for e in labelled if not any(o is not e and _inside(o, e) for o in labelled)]


def _inside(inner: Element, outer: Element) -> bool:
    ox, oy, ow, oh = outer.bounds
    ix, iy, iw, ih = inner.bounds
    return ox <= ix and oy <= iy and ix + iw <= ox + ow and iy + ih <= oy + oh and (iw, ih) != (ow, oh)


@dataclass(frozen=True)
class Blocker:
    """A screen whose only ways on are settings / retry / exit: `ways` maps each to the label that does it."""

    permission: str | None
    message: str
    ways: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"permission": self.permission, "message": self.message, "ways": dict(self.ways)}


def read_blocker(screen: Screen) -> Blocker | None:
    """The blocker on this screen, or None (a screen offering any other way on — a decline, a feature — is not)."""
    actions = _actions(screen)
    ways: dict[str, str] = {}
    for element in actions:
        way = way_of(element.text or element.name)
        if way not in ("settings", "retry", "exit"):
            return None
        ways.setdefault(way, element.text or element.name)
    texts = [e.text for e in screen.elements if e.text and not e.clickable]
    permission = permission_named(texts)
    if not ways or not (permission or "settings" in ways) or set(ways) == {"exit"} and permission is None:
        return None
    return Blocker(permission, max(texts, key=len, default=""), ways)


@dataclass(frozen=True)
class PrePrompt:
    """The app's own rationale before the system's permission dialog."""

    permission: str | None
    message: str
    button: str

    def to_dict(self) -> dict:
        return {"permission": self.permission, "message": self.message, "button": self.button}


def read_pre_prompt(screen: Screen) -> PrePrompt | None:
    """A rationale with one way on (continue, OK, next) whose message names a permission, else None."""
    actions = _actions(screen)
    if len(actions) != 1:
        return None
    label = actions[0].text or actions[0].name
    found = categories(label)
    if not found & {"confirm", "next", "agree"} or found & {"decline", "exit", "open_settings"}:
        return None
    texts = [e.text for e in screen.elements if e.text and not e.clickable]
    permission = permission_named(texts)
    if permission is None:
        return None
    message = max((t for t in texts if permission_named([t])), key=len)
    return PrePrompt(permission, message, label)


__all__ = ["Blocker", "PrePrompt", "categories", "permission_named", "read_blocker", "read_pre_prompt", "way_of"]
