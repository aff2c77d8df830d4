"""The privacy policy cannot be read by the app's users: it is not text (only an image), or it is not in the
app's language (GDPR Art. 12(1) clear and plain language; EDPB 03/2022 'language discontinuity'; PIPL
Art. 17). Rule items: assets/rules.yaml. The app's language is the target file's `language` (a fact)."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class PolicyUnreadable(Rule):
    pattern = "policy_unreadable"
    flows = ("policy",)
    needs = ("policy_is_text", "policy_languages")
    evidence_keys = {"policy": ("policy",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        app_language = facts.get("language")
        reasons = [] if metrics["policy_is_text"] else ["not_text"]
        if app_language and app_language not in metrics["policy_languages"]:
            reasons.append("language")
        if not reasons:
            return None
        return {"reasons": reasons, "policy_languages": metrics["policy_languages"], "app_language": app_language,
                "policy_chars": metrics.get("policy_chars")}


RULE = PolicyUnreadable
