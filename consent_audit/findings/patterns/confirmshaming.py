"""The way out is worded to guilt or shame: on the consent dialog's decline, or on the way to deletion.
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class Confirmshaming(Rule):
    pattern = "confirmshaming"
    flows = ("consent", "deletion")
    needs = ("shaming_text",)
    evidence_keys = {"consent": ("reject",), "deletion": ("deletion",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        phrases = list(metrics["shaming_text"])
        return {"shaming_text": phrases} if phrases else None


RULE = Confirmshaming
