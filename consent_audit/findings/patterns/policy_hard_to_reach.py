"""The privacy policy is more taps from the home screen than the limit, or cannot be reached at all
(MIIT/CAC 2019 identification method 1.3: more than 4 taps). Rule items: assets/rules.yaml; the limit:
assets/policy.yaml `policy.max_taps_to_policy`."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class PolicyHardToReach(Rule):
    pattern = "policy_hard_to_reach"
    flows = ("policy",)
    absence = True      # an app without it: named when an explored goal is not reached
    needs = ("policy_reached", "policy_taps")
    evidence_keys = {"policy": ("policy",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        limit = limits["max_taps_to_policy"]
        if metrics["policy_reached"] and metrics["policy_taps"] <= limit:
            return None
        return {"policy_taps": metrics["policy_taps"], "max_taps_to_policy": limit,
                "policy_reached": metrics["policy_reached"]}


RULE = PolicyHardToReach
