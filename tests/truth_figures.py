"""Comparing measured figure sets with the ones a truth file pins."""
from __future__ import annotations

from typing import Any, Mapping


def pinned(measured: Mapping[str, Any], truth: Mapping[str, Any]) -> dict[str, Any]:
    """The measured figures the truth names, by the truth's keys (a key the measurement lacks is None, so the
    comparison fails on it). A figure added to the detector later (the fill distances of
    detectors/prominence.py) is compared where a truth pins it, never silently dropped from one that does."""
    return {key: measured.get(key) for key in truth}
