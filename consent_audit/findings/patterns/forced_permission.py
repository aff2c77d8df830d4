"""Denying a permission the core screen does not need blocks, exits or loops the app ("no permission, no use").
An outcome None (unmeasured: a known feature not on screen) leaves the pattern unmeasured unless another is forced.
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule, Unmeasured


class ForcedPermission(Rule):
    pattern = "forced_permission"
    flows = ("permissions",)
    needs = ("outcomes",)

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        acceptable = set(limits["acceptable_outcomes"])
        forced = {p: o for p, o in metrics["outcomes"].items() if o is not None and o not in acceptable}
        if forced:
            return {"outcomes": forced}
        unmeasured = [f"outcomes.{p}" for p, o in metrics["outcomes"].items() if o is None]
        if unmeasured:      # a refusal not measured clears nothing (a feature known but not on screen)
            raise Unmeasured(self.pattern, unmeasured)
        return None

    def evidence(self, flow: str, figures: Mapping[str, Any], evidence: Mapping[str, list[str]]) -> list[str]:
        files = [f for permission in figures["outcomes"] for f in evidence.get(f"deny {permission}", [])]
        return sorted(set(files))


RULE = ForcedPermission
