"""The privacy policy contains unfair terms (assets/lexicons/policy_terms.yaml): an irrevocable, perpetual,
transferable or sublicensable licence over the user's content or likeness (the Zao case), consent deemed by
mere use, changes without notice, data kept after deletion with no stated period. Each hit is quoted with
its place. Rule items: assets/rules.yaml.

Figures: `terms` — '“sentence” (place; term)' per hit; `count`; `policy_sha256` of the captured text."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class UnfairPolicyTerms(Rule):
    pattern = "unfair_policy_terms"
    flows = ("policy",)
    needs = ("unfair_terms",)
    evidence_keys = {"policy": ("policy",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        hits = metrics["unfair_terms"]
        if not hits:
            return None
        return {"count": len(hits), "kinds": sorted({h["term"] for h in hits}),
                "terms": [f"“{h['sentence']}” ({h['place']}; {h['term']})" for h in hits],
                "policy_sha256": metrics.get("policy_sha256")}


RULE = UnfairPolicyTerms
