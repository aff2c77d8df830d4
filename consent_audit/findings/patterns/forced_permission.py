"""Denying a permission the core screen does not need blocks, exits or loops the app ("no permission, no use").
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class ForcedPermission(Rule):
    pattern = "forced_permission"
    flows = ("permissions",)
    needs = ("outcomes",)

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        acceptable = set(limits["acceptable_outcomes"])
        forced = {p: o for p, o in metrics["outcomes"].items() if o not in acceptable}
        return {"outcomes": forced} if forced else None

    def evidence(self, flow: str, figures: Mapping[str, Any], evidence: Mapping[str, list[str]]) -> list[str]:
        files = [f for permission in figures["outcomes"] for f in evidence.get(f"deny {permission}", [])]
        return sorted(set(files))


RULE = ForcedPermission
