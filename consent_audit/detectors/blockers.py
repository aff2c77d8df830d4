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
from typing import Any, Iterable

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
    """What the user can press, by what it says (containers wrapping a labelled control are left out), and can
    reach: a control a later layer lies over (web `covered`: the app under a full-screen wall) is not a way on —
    before, the app's own controls under corpus huabao's location wall (去开启) made it no blocker."""
    labelled = [e for e in screen.actionable()
                if (e.text or e.name) and e.role not in ("textbox", "dialog") and not e.covered]
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
    texts = [e.text for e in screen.elements if e.text and not e.clickable and not e.covered]
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


TITLE_LIMIT = 40       # characters: a text short enough to name a screen (its heading), not a paragraph


@dataclass(frozen=True)
class BlockedBy:
    """How a refused permission blocked the app where no screen said so in words (`read_blocker` None), as
    evidence, not a reading: the core screen's controls (what 'usable' offered with everything granted: `core`),
    the screen the app launched to and the one the search for the core screen ended on after `turns` turns —
    each by its name (its first short text) and the controls it offered."""

    core: list[str]
    launched_to: dict[str, Any]
    ended_on: dict[str, Any]
    turns: int

    def to_dict(self) -> dict:
        return {"core_offers": list(self.core), "launched_to": dict(self.launched_to),
                "ended_on": dict(self.ended_on), "turns": self.turns}


def _named(screen: Screen) -> dict[str, Any]:
    """{"screen": its first short text (else its title), "offers": the labels of its controls a user can reach}."""
    texts = [e.text for e in screen.elements
             if e.text and not e.clickable and not e.covered and len(e.text) <= TITLE_LIMIT]
    offers = list(dict.fromkeys(e.text or e.name for e in _actions(screen)))
    return {"screen": texts[0] if texts else (screen.title or screen.signature), "offers": offers}


def read_blocked_by(core_labels: Iterable[str], first: Screen | None, last: Screen | None,
                    turns: int) -> BlockedBy | None:
    """The evidence of a blocked outcome no screen's words explain (`BlockedBy`): `core_labels`, the core
    screen's control labels as kept (explorer/permissions.py Core.labels: lexicon.label_key); `first`, `last`,
    the screens the deny journey started and ended on; `turns`, the search's bound (assets/policy.yaml
    reach_core_budget). None without a screen to show."""
    if first is None or last is None:
        return None
    return BlockedBy(sorted(core_labels), _named(first), _named(last), turns)

__all__ = ["BlockedBy", "Blocker", "PrePrompt", "categories", "permission_named", "read_blocked_by", "read_blocker", "read_pre_prompt", "way_of"]
