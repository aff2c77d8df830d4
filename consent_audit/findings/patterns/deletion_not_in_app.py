"""The deletion path ends outside the app (an e-mail address, a phone line, a web form) or nowhere.
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class DeletionNotInApp(Rule):
    pattern = "deletion_not_in_app"
    flows = ("deletion",)
    absence = True      # an app without it: named when an explored goal is not reached
    needs = ("deletion_in_app",)
    evidence_keys = {"deletion": ("deletion",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        if metrics["deletion_in_app"]:
            return None
        return {"steps": metrics.get("steps")}


RULE = DeletionNotInApp
