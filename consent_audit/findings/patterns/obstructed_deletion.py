"""Deleting the account takes more actions than the policy allows, or more than signing up took.
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class ObstructedDeletion(Rule):
    pattern = "obstructed_deletion"
    flows = ("deletion",)
    needs = ("steps",)
    evidence_keys = {"deletion": ("deletion",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        steps, signup, ratio = metrics["steps"], metrics.get("signup_steps"), metrics.get("delete_to_signup_ratio")
        too_many = steps > limits["max_steps"]
        worse_than_signup = bool(signup) and ratio is not None and ratio > limits["max_ratio_to_signup"]
        if not (too_many or worse_than_signup):
            return None
        return {"steps": steps, "signup_steps": signup, "max_steps": limits["max_steps"]}


RULE = ObstructedDeletion
