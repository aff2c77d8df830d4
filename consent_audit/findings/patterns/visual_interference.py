"""The accept choice is drawn far more prominently than the reject choice (area, label contrast, fill saturation, a bare text link against a filled button).
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class VisualInterference(Rule):
    pattern = "visual_interference"
    flows = ("consent",)
    needs = ("prominence", "reject_is_text_link")
    evidence_keys = {"consent": ("dialog",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        look = metrics["prominence"]
        contrast_ratio = look["contrast_accept"] / max(look["contrast_reject"], 1e-6)
        reasons = []
        if look["area_ratio"] > limits["max_area_ratio"]:
            reasons.append("area")
        if contrast_ratio > limits["max_contrast_ratio"]:
            reasons.append("contrast")
        if look["saturation_accept"] - look["saturation_reject"] > limits["max_saturation_diff"]:
            reasons.append("saturation")
        if limits["flag_reject_text_link"] and metrics["reject_is_text_link"]:
            reasons.append("text_link")
        if not reasons:
            return None
        return {**look, "reasons": reasons}


RULE = VisualInterference
