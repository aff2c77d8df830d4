"""Trackers still contacted, or planted data still sent to third parties, after the user rejected: the
requests of the consent flow's phases after the reject (and the relaunch that follows it). MIIT/CAC 2019
identification method 3.2; GDPR Art. 7(3). Rule items: assets/rules.yaml; the requests are the evidence."""
from __future__ import annotations

from ..traffic import RequestsRule


class TrackingAfterReject(RequestsRule):
    pattern = "tracking_after_reject"
    flows = ("consent",)
    needs = ("sent_after_reject",)
    evidence_keys = {"consent": ("traffic", "reject")}


RULE = TrackingAfterReject
