"""A tracker is contacted, or planted personal data goes to a third party, before the user answered the consent
dialog: the requests of the consent flow's phases while consent was "unanswered" (first launch until the
choice; consent_audit/traffic/measure.py). MIIT/CAC 2019 identification method 3.1; GDPR Art. 6(1)(a)/7 with
ePrivacy Art. 5(3). Rule items: assets/rules.yaml; the requests are the evidence (figures `requests`) with the
HAR file and the dialog's screenshot."""
from __future__ import annotations

from ..traffic import RequestsRule


class TrackingBeforeConsent(RequestsRule):
    pattern = "tracking_before_consent"
    flows = ("consent",)
    needs = ("sent_before_consent",)
    evidence_keys = {"consent": ("traffic", "dialog")}


RULE = TrackingBeforeConsent
