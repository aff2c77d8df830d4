"""The consent dialog covers the app and offers no way to refuse: the only way on is to consent.

Measured by what the dialog's controls do, not by their words (consent_audit/explorer/refusal.py for an
explored app; the page object's `consent_choices()` naming no reject for a described one): every control of
the dialog and of the layers it opens, the system back and a tap outside it were tried from a fresh launch,
and each either left the dialog in place or stored what the accept path stores (read back after a relaunch).
Consent or pay is one too: the refusal is stored, yet after it and a relaunch a form stands where the app the
accept path reaches was (`paid_refusal`, measured by explorer/paid_refusal.py; evidence "paid": the screens
after the accept's and the refusal's relaunch) — refusing leads only to paying.
Rule items: those in assets/rules.yaml listing this pattern."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class ConsentWall(Rule):
    pattern = "consent_wall"
    flows = ("consent",)
    evidence_keys = {"consent": ("dialog", "accept", "paid")}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        paid = metrics.get("paid_refusal")
        if metrics.get("refusal_offered") is True and paid:
            # consent or pay: the refusal stored, yet a form stands where the app was at every launch after it
            # (explorer/paid_refusal.py): refusing leads only to paying, the only free way on is to consent
            return {"reasons": ["paid"], "paid": paid}
        if metrics.get("refusal_offered") is not False:
            return None      # the consent flow sets it on every audit it concludes: True once a reject was walked
        if metrics.get("dialog_covers_app") is False:
            return None      # a notice leaving the app usable covers nothing: no wall (its missing refusal is
                             # asymmetric_choice's); unknown (None) as before, a page object's own word
        tried = metrics.get("refusal_trials") or []
        return {"reasons": ["no_refusal"],
                "tried": [f"{' → '.join(t['path'])}: {t['outcome']}" for t in tried] or ["the page object's own"]}


RULE = ConsentWall
