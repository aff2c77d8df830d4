"""The choice the app wants is drawn far more prominently than the user's own (area, label contrast, fill
saturation, a fill that stands out from the surface far more — a near-black accept beside a light-grey reject on
a white bar —, a bare text link against a filled button): on a consent dialog, accept against reject; on the last
decision before an account's deletion (issue 13, kind 17: a large "keep my account" and a small grey "confirm",
the Xiaomi Finance case), keep against confirm.
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml (consent, deletion)."""
from __future__ import annotations

from typing import Any, Mapping

from ...detectors.prominence import fill_ratio
from ..base import Rule, Unmeasured

FILL = ("fill_delta_e_accept", "fill_delta_e_reject")
"""The fill figures (detectors/prominence.py); a figure set without them predates them and is judged without."""


class VisualInterference(Rule):
    pattern = "visual_interference"
    flows = ("consent", "deletion")
    needs = ("prominence", "reject_is_text_link")
    evidence_keys = {"consent": ("dialog",), "deletion": ("decision",)}

    def evaluate(self, flow, metrics, evidence, facts, limits):  # type: ignore[no-untyped-def]
        if flow != "deletion":
            return super().evaluate(flow, metrics, evidence, facts, limits)
        decision = metrics.get("decision_prominence", {})
        if decision is None:       # a decision was on the path but could not be measured (no screenshot)
            raise Unmeasured(self.pattern, ["decision_prominence"])
        if not decision:           # the path asks no two-way decision (or a figure set older than kind 17)
            return None
        if decision["saturation_reject"] - decision["saturation_accept"] > limits["max_saturation_diff"]:
            return None            # the confirm is the coloured, filled one: the user's way is the prominent one
        confirm_stands_out = fill_ratio(decision.get("fill_delta_e_reject"), decision.get("fill_delta_e_accept"))
        if confirm_stands_out is not None and confirm_stands_out > limits["max_fill_ratio"]:
            return None            # the confirm is the solid one (a black "Delete" beside a pale "Keep")
        look = {k.replace("keep", "accept").replace("confirm", "reject"): v for k, v in decision.items()
                if k not in ("keep", "confirm")}
        return super().evaluate(flow, {"prominence": look, "reject_is_text_link": decision["confirm_is_text_link"]},
                                evidence, facts, limits)

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
        fill = fill_ratio(look.get(FILL[0]), look.get(FILL[1]))
        if fill is not None and fill > limits["max_fill_ratio"]:
            reasons.append("fill")
        if not reasons and fill is None and any(k in look for k in FILL):
            raise Unmeasured(self.pattern, [f"prominence.{k}" for k in FILL if look[k] is None])
        if not reasons:
            return None
        return {**look, "fill_ratio": None if fill is None else round(fill, 2), "reasons": reasons}


RULE = VisualInterference
