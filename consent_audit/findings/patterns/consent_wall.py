"""The consent dialog covers the app and offers no way to refuse: the only way on is to consent.

Measured by what the dialog's controls do, not by their words (consent_audit/explorer/refusal.py for an
explored app; the page object's `consent_choices()` naming no reject for a described one): every control of
the dialog and of the layers it opens, the system back and a tap outside it were tried from a fresh launch,
and each either left the dialog in place or stored what the accept path stores (read back after a relaunch).
Rule items: those in assets/rules.yaml listing this pattern."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class ConsentWall(Rule):
    pattern = "consent_wall"
    flows = ("consent",)
    evidence_keys = {"consent": ("dialog", "accept")}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        if metrics.get("refusal_offered") is not False:
            return None      # the consent flow sets it on every audit it concludes: True once a reject was walked
        if metrics.get("dialog_covers_app") is False:
            return None      # a notice leaving the app usable covers nothing: no wall (its missing refusal is
                             # asymmetric_choice's); unknown (None) as before, a page object's own word
        tried = metrics.get("refusal_trials") or []
        return {"tried": [f"{' → '.join(t['path'])}: {t['outcome']}" for t in tried] or ["the page object's own"]}


RULE = ConsentWall
