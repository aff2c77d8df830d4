"""What the privacy policy says against what the app was measured to do: the deletion period it promises
against the measured waiting period; the permissions it declares against those the app requested; the third
parties it names against the hosts the app contacted (None until the traffic capture exists: that pair is
skipped, never cleared). Rule items: assets/rules.yaml.

Figures: `reasons` (deletion_period, permissions) with both sides of each."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class PolicyContradictsBehaviour(Rule):
    pattern = "policy_contradicts_behaviour"
    flows = ("policy",)
    needs = ("policy_permissions", "permissions_requested", "deletion_in_app")
    evidence_keys = {"policy": ("policy", "deletion")}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        reasons: list[str] = []
        promised, waited = metrics.get("policy_deletion_days"), metrics.get("waiting_period_days")
        if promised is not None and metrics["deletion_in_app"] and (waited or 0) > promised:
            reasons.append("deletion_period")
        undeclared = sorted(set(metrics["permissions_requested"]) - set(metrics["policy_permissions"]))
        if undeclared:
            reasons.append("permissions")
        if not reasons:
            return None
        return {"reasons": reasons, "policy_deletion_days": promised, "waiting_period_days": waited,
                "undeclared_permissions": undeclared, "policy_permissions": metrics["policy_permissions"],
                "permissions_requested": metrics["permissions_requested"],
                "hosts_contacted": metrics.get("hosts_contacted")}


RULE = PolicyContradictsBehaviour
