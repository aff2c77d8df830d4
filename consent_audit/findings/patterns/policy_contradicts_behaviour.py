"""What the privacy policy says against what the app was measured to do: the deletion period it promises
against the measured waiting period; the permissions it declares against those the app requested; the third
parties it names against the third-party hosts the app contacted (consent_audit/traffic/policy_data.py: a
host whose tracker or company the tracker database knows and the policy does not name; None when the traffic
was not captured or the policy not reached: that pair is unmeasured — a contradiction found elsewhere is still
reported, but without one the pattern is not cleared, and the audit is not clean). Rule items:
assets/rules.yaml.

Figures: `reasons` (deletion_period, permissions, third_parties) with both sides of each."""
from __future__ import annotations

from typing import Any, Mapping

from ...traffic.policy_data import undeclared
from ..base import Rule, Unmeasured
from ..traffic import who


class PolicyContradictsBehaviour(Rule):
    pattern = "policy_contradicts_behaviour"
    flows = ("policy",)
    needs = ("policy_permissions", "permissions_requested", "deletion_in_app")
    evidence_keys = {"policy": ("policy", "deletion")}

    def evidence(self, flow: str, figures: Mapping[str, Any], evidence: Mapping[str, list[str]]) -> list[str]:
        """The policy and deletion screens; the HAR too when undeclared recipients are a reason."""
        files = super().evidence(flow, figures, evidence)
        if "third_parties" in figures.get("reasons", []):
            files += [f for f in evidence.get("traffic", []) if f not in files]
        return files

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        reasons: list[str] = []
        promised, waited = metrics.get("policy_deletion_days"), metrics.get("waiting_period_days")
        if promised is not None and metrics["deletion_in_app"] and (waited or 0) > promised:
            reasons.append("deletion_period")
        undeclared_permissions = sorted(set(metrics["permissions_requested"]) - set(metrics["policy_permissions"]))
        if undeclared_permissions:
            reasons.append("permissions")
        hosts, named = metrics.get("hosts_contacted"), metrics.get("policy_third_parties")
        recipients = undeclared(hosts, named) if hosts is not None and named is not None else None
        if recipients:
            reasons.append("third_parties")
        if not reasons:
            if recipients is None:     # the third-party side was not measured: the pattern cannot be cleared
                raise Unmeasured(self.pattern, [name for name, value in (("hosts_contacted", hosts),
                                                                      ("policy_third_parties", named)) if value is None])
            return None
        return {"reasons": reasons, "policy_deletion_days": promised, "waiting_period_days": waited,
                "undeclared_permissions": undeclared_permissions, "policy_permissions": metrics["policy_permissions"],
                "permissions_requested": metrics["permissions_requested"],
                "hosts_contacted": hosts,
                "undeclared_recipients": [who(r) for r in recipients] if recipients is not None else None,
                "policy_third_parties": named}


RULE = PolicyContradictsBehaviour
