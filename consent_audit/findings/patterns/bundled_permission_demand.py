"""Several permissions are demanded together at launch, before the core screen.
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class BundledPermissionDemand(Rule):
    pattern = "bundled_permission_demand"
    flows = ("permissions",)
    needs = ("requested_at_launch",)
    evidence_keys = {"permissions": ("first_launch",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        asked = list(metrics["requested_at_launch"])
        if len(asked) < limits["bundled_min"]:
            return None
        return {"requested_at_launch": asked, "bundled_min": limits["bundled_min"]}


RULE = BundledPermissionDemand
