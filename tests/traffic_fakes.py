"""A stand-in for a traffic source (consent_audit.traffic.capture's CDP or proxy source): entries a test puts in
`queue` come out of the next drain / flush, as the real sources hand over what the browser or proxy saw."""
from __future__ import annotations

from typing import Any


class ListSource:
    def __init__(self) -> None:
        self.queue: list[dict[str, Any]] = []

    def drain(self) -> list[dict[str, Any]]:
        out, self.queue = self.queue, []
        return out

    def flush(self) -> list[dict[str, Any]]:
        return self.drain()
