"""The deletion flow demands data that sign-up never collected (ID number, face scan, ...).
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class ExcessiveDataForDeletion(Rule):
    pattern = "excessive_data_for_deletion"
    flows = ("deletion",)
    needs = ("data_demanded",)
    evidence_keys = {"deletion": ("deletion",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        collected = set(facts.get("collected_at_signup", []))
        justified_by = limits["justified_by"]
        excessive = [kind for kind in metrics["data_demanded"]
                     if justified_by.get(kind) and not collected & set(justified_by[kind])]
        if not excessive:
            return None
        return {"demanded": list(metrics["data_demanded"]), "not_collected_at_signup": excessive}


RULE = ExcessiveDataForDeletion
