"""Rejecting takes more actions than accepting, or is not offered at all ("Declining takes more steps or is less
available than accepting": a consent dialog with no way out but consenting, every way out of it tried —
`refusal_offered` False — has no refusal to count steps of: declining is not available at all. Whether or not it
covers the app (lead's decisions on fresh4's notice-only and fresh23's ccbox-dark, whose truth names both); one
covering the app is a consent wall as well, findings/patterns/consent_wall.py).
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule, Unmeasured


class AsymmetricChoice(Rule):
    pattern = "asymmetric_choice"
    flows = ("consent",)
    needs = ("accept_steps",)
    evidence_keys = {"consent": ("dialog", "reject")}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        accept, reject = metrics["accept_steps"], metrics.get("reject_steps")
        if metrics.get("refusal_offered") is False:
            # no refusal at all: the least available declining, on a notice leaving the app usable and on a
            # dialog covering it alike (the covering one is also consent_wall)
            return {"accept_steps": accept, "reject_steps": None, "reasons": ["none"]}
        if reject is None:
            raise Unmeasured(self.pattern, ["reject_steps"])
        return {"accept_steps": accept, "reject_steps": reject, "reasons": ["steps"]} if reject > accept else None


RULE = AsymmetricChoice
