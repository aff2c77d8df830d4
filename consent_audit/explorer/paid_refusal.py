"""Consent or pay, told by structure: the refusal is stored, yet the app a user reaches free after accepting is
not reached after refusing — a form stands where it was (a subscription's payment page), at once and at every
launch after. Refusing then leads only to paying: the only free way on is to consent (the consent wall's rule,
assets/rules.yaml). A free refusal that opens the app (corpus ktiv: consent or pay on the first layer, its
«ניהול העדפות → דחה הכל» free) is none.

Measured on two screens the consent flow captures, each read after a relaunch (what the app keeps showing, not
a screen passing by): `accepted`, the app after the accept path — its core screen (explorer/permissions.py
`Core`, by the controls a finger can reach, whatever their words) — and `refused`, the app after the reject path.
The refused screen stands in for the app when it is not that core screen (its controls covered or gone) and it
offers text fields the core does not (a form: the card number, the expiry) — a banner shown again, an app modal
or a notice hold no form and are left to their own rules. Never by the page's words or its currency.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..screen import Screen
from .elements import Target, Use, targets
from .permissions import Core


@dataclass(frozen=True)
class PaidRefusal:
    """What the refused relaunch showed instead of the app: the text fields of its form (their labels) and how
    many of the core screen's controls are still there to touch."""

    fields: tuple[str, ...]
    core_controls: int
    reachable: int

    def describe(self) -> str:
        named = ", ".join(f"'{f[:30]}'" for f in self.fields[:4] if f) or f"{len(self.fields)} unlabelled"
        return (f"after the refusal and a relaunch, a form ({named}) stands where the app the accept path reaches "
                f"was ({self.reachable} of its {self.core_controls} controls reachable): the only free way on is "
                "to consent")


def reachable(screen: Screen) -> list[Target]:
    """The screen's targets a finger can reach: what a later layer lies over (hit testing at the capture,
    `Element.covered`) left out."""
    return targets(screen, frozenset(i for i, e in enumerate(screen.elements) if e.covered))


def paid_refusal(accepted: Screen | None, refused: Screen | None) -> PaidRefusal | None:
    """The form standing in for the app after the refusal (`PaidRefusal`), or None: the refused screen is the
    accepted core screen, holds no text field more than it, or either screen was not read (not in the app) —
    or the accepted one is no core screen to compare with (a layer lies over it: a pre-prompt, a what's-new)."""
    if accepted is None or refused is None or not accepted.in_app or not refused.in_app:
        return None
    if any(e.covered for e in accepted.elements):
        return None      # a layer over the app after accepting (a pre-prompt): no core screen to compare with
    core_found, found = reachable(accepted), reachable(refused)
    core = Core.of(accepted, core_found)
    if not core.labels or core.matches(refused, found):
        return None
    fields = [t for t in found if t.use == Use.TEXT]
    if len(fields) <= core.fields:
        return None
    keys = {t.key for t in found}
    return PaidRefusal(tuple(t.label for t in fields), len(core_found),
                       sum(1 for t in core_found if t.key in keys))
