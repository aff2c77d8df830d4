"""The app said the account was deleted, yet the test account can still log in.
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class DeletionNotEffective(Rule):
    pattern = "deletion_not_effective"
    flows = ("deletion",)
    needs = ("deletion_in_app", "login_after_deletion")
    evidence_keys = {"deletion": ("deletion", "login_after")}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        if not (metrics["deletion_in_app"] and metrics["login_after_deletion"] == "accepted"):
            return None
        return {"login_after_deletion": metrics["login_after_deletion"],
                "waiting_period_days": metrics.get("waiting_period_days")}


RULE = DeletionNotEffective
