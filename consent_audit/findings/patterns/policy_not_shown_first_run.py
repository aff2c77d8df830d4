"""The first run neither shows the privacy policy nor links to it (MIIT/CAC 2019 identification method 1.2).
Rule items: those in assets/rules.yaml listing this pattern.

Figures: `prompts_before_policy` (permission prompts of the first run before the policy was shown; all of
them when it never was) and `data_sent_before_policy` (None until the traffic capture exists: unmeasured,
never 'no')."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class PolicyNotShownFirstRun(Rule):
    pattern = "policy_not_shown_first_run"
    flows = ("policy",)
    needs = ("policy_at_first_run",)
    evidence_keys = {"policy": ("first_launch",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        if metrics["policy_at_first_run"]:
            return None
        return {"prompts_before_policy": metrics.get("prompts_before_policy"),
                "data_sent_before_policy": metrics.get("data_sent_before_policy")}


RULE = PolicyNotShownFirstRun
