"""A biometric (face, fingerprint, voiceprint) demanded at sign-up, log-in, identity verification or a gate
before a core feature with no other way offered, or taken without a separate consent (PIPL Art. 28-29; SPC
2021 face-recognition provisions; GB/T 35273-2020; GDPR Art. 9). Rule items: assets/rules.yaml.
Deleting by face scan stays with excessive_data_for_deletion (the deletion flow).

Figures: `gates` — the gates at fault, as measured by consent_audit.biometrics."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule


class ForcedBiometric(Rule):
    pattern = "forced_biometric"
    flows = ("policy",)
    needs = ("biometric_gates",)
    evidence_keys = {"policy": ("signup",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        forced = [g for g in metrics["biometric_gates"]
                  if (g["demanded"] and not g["alternatives"])
                  or ((g["demanded"] or g["scanned"]) and not g["separate_consent"])]
        if not forced:
            return None
        return {"journeys": [g["journey"] for g in forced],
                "biometrics": sorted({b for g in forced for b in g["biometrics"]}),
                "alternatives": sorted({a for g in forced for a in g["alternatives"]}),
                "separate_consent": all(g["separate_consent"] for g in forced)}


RULE = ForcedBiometric
