"""Rejecting takes more actions than accepting, or is not offered at all ("Declining takes more steps or is less
available than accepting": a consent notice whose only answer is «OK», leaving the app usable, every way out
of it tried — `refusal_offered` False, `dialog_covers_app` False — has no refusal to count steps of; lead's
decision on fresh4's notice-only; one covering the app is a consent wall, findings/patterns/consent_wall.py).
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
            # no refusal at all: the least available declining — on a notice leaving the app usable
            # (`dialog_covers_app` False); a dialog covering the app with no refusal is the consent wall's own rule
            if metrics.get("dialog_covers_app") is False:
                return {"accept_steps": accept, "reject_steps": None, "reasons": ["none"]}
            return None
        if reject is None:
            raise Unmeasured(self.pattern, ["reject_steps"])
        return {"accept_steps": accept, "reject_steps": reject, "reasons": ["steps"]} if reject > accept else None


RULE = AsymmetricChoice
