"""A denied permission is asked for again on relaunch.
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class PermissionNagging(Rule):
    pattern = "permission_nagging"
    flows = ("permissions",)
    needs = ("prompts_per_launch",)
    evidence_keys = {"permissions": ("asked again",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        per_launch = list(metrics["prompts_per_launch"]["permission"])
        return {"per_launch": per_launch} if any(per_launch) else None


RULE = PermissionNagging
