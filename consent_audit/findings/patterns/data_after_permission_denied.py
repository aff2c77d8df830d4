"""Data a runtime permission gives is still sent while that permission is denied (e.g. the precise location,
kept from an earlier grant, after location was revoked): requests in the permission flow's phases with the
permission denied that carry planted data of the kinds it gives (assets/traffic.yaml permission_gives).
MIIT/CAC 2019 identification method 3.2 (collecting after refusal); GDPR Art. 7(3). Evidence: the requests."""
from __future__ import annotations

from typing import Any, Mapping

from ..traffic import RequestsRule, request_figures


class DataAfterPermissionDenied(RequestsRule):
    pattern = "data_after_permission_denied"
    flows = ("permissions",)
    needs = ("sent_while_denied",)
    evidence_keys = {"permissions": ("traffic", "revoked")}

    def figures(self, rows: list[Mapping[str, Any]]) -> dict[str, Any]:
        return {**request_figures(rows), "permissions": sorted({r["permission"] for r in rows})}


RULE = DataAfterPermissionDenied
