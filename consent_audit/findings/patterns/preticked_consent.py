"""Consent purposes are ticked before the user chose.
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class PretickedConsent(Rule):
    pattern = "preticked_consent"
    flows = ("consent",)
    needs = ("preticked",)
    evidence_keys = {"consent": ("reject",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        return {"preticked": metrics["preticked"]} if metrics["preticked"] else None


RULE = PretickedConsent
