"""Rejecting takes more actions than accepting.
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class AsymmetricChoice(Rule):
    pattern = "asymmetric_choice"
    flows = ("consent",)
    needs = ("accept_steps", "reject_steps")
    evidence_keys = {"consent": ("dialog", "reject")}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        accept, reject = metrics["accept_steps"], metrics["reject_steps"]
        return {"accept_steps": accept, "reject_steps": reject} if reject > accept else None


RULE = AsymmetricChoice
