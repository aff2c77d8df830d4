"""The first run neither shows the privacy policy nor links to it (MIIT/CAC 2019 identification method 1.2).
Rule items: those in assets/rules.yaml listing this pattern.

Figures: `prompts_before_policy` (permission prompts of the first run before the policy was shown; all of
them when it never was) and `data_sent_before_policy` (one line per request to a tracker or carrying planted
data to a third party over the same steps, consent_audit/traffic/policy_data.py; None when the traffic was not
captured: unmeasured, never 'no')."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule
from ..traffic import said


class PolicyNotShownFirstRun(Rule):
    pattern = "policy_not_shown_first_run"
    flows = ("policy",)
    absence = True      # an app without it: named when an explored goal is not reached
    needs = ("policy_at_first_run",)
    evidence_keys = {"policy": ("first_launch",)}

    def evidence(self, flow: str, figures: Mapping[str, Any], evidence: Mapping[str, list[str]]) -> list[str]:
        """The first screen; the HAR too when data went out before the policy."""
        files = super().evidence(flow, figures, evidence)
        if figures.get("requests"):
            files += [f for f in evidence.get("traffic", []) if f not in files]
        return files

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        if metrics["policy_at_first_run"]:
            return None
        sent = metrics.get("data_sent_before_policy")
        return {"prompts_before_policy": metrics.get("prompts_before_policy"),
                "data_sent_before_policy": said(sent) if sent is not None else None,
                "requests": list(sent) if sent is not None else None}


RULE = PolicyNotShownFirstRun
