"""After the user rejected, requests carry an IAB TCF v2 TC string that grants purposes or vendors (decoded by
consent_audit.traffic.tcf): what the CMP tells the ad chain contradicts the user's choice. MIIT/CAC 2019 3.2;
GDPR Art. 7(3); IAB Europe TCF policy (a CMP must signal the user's choice). Figures: the strings' purposes and
vendors, where they were sent, in which phase."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class ConsentStringContradictsChoice(Rule):
    pattern = "consent_string_contradicts_choice"
    flows = ("consent",)
    needs = ("tc_strings_after_reject",)
    evidence_keys = {"consent": ("traffic", "reject")}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        strings = list(metrics["tc_strings_after_reject"])
        if not strings:
            return None
        return {"strings": strings, "hosts": sorted({s["host"] for s in strings}),
                "purposes": sorted({p for s in strings for p in s["purposes"]}),
                "vendors": sorted({v for s in strings for v in s["vendors"]})}


RULE = ConsentStringContradictsChoice
