"""The reject path leaves consent given: what the app stored after refusing (read back after a relaunch:
cookies, local storage, the TCF CMP's getTCData answer) is consent (consent_audit/readback.py).
Figures: `reasons` — one of tcf, same_record, all_on, all_listed, fewer_off, kept_on (readback.judge's `basis`) —, `stored`
(what the refusal left consenting), `optional` and `locked` (fewer_off: the purposes it switched off, those locked on).
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class RejectNotHonoured(Rule):
    pattern = "reject_not_honoured"
    flows = ("consent",)
    evidence_keys = {"consent": ("reject", "dialog")}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        if metrics.get("reject_honoured") is not False:
            return None       # honoured, or not readable (stored_choices says why): never a finding on a guess
        stored = metrics.get("stored_choices") or {}
        given = stored.get("reject_consents") or stored.get("reject_on") or stored.get("reject_listed") \
            or stored.get("reject_stored") or []
        return {"reasons": [stored.get("basis") or "same_record"], "stored": given,
                "optional": stored.get("optional"), "locked": stored.get("locked")}


RULE = RejectNotHonoured
