"""Prominence on screenshots the suite itself took of the reference app's consent dialogs."""
from __future__ import annotations

import json
from pathlib import Path

import cv2
import pytest

from consent_audit.detectors.prominence import prominence
from consent_audit.policy import load_policy

SCREENS = Path(__file__).parent / "data" / "screens"


def load(name: str):
    meta = json.loads((SCREENS / f"{name}.json").read_text(encoding="utf-8"))
    image = cv2.imread(str(SCREENS / f"{name}.png"), cv2.IMREAD_COLOR)
    assert image is not None and image.shape[:2] == (2402, 1082)
    return image, tuple(meta["accept"]["bounds"]), tuple(meta["reject"]["bounds"])


def past_threshold(look: dict) -> bool:
    limits = load_policy().section("consent")
    return (look["area_ratio"] > limits["max_area_ratio"]
            or look["contrast_accept"] / look["contrast_reject"] > limits["max_contrast_ratio"]
            or look["saturation_accept"] - look["saturation_reject"] > limits["max_saturation_diff"]
            or (limits["flag_reject_text_link"] and look["reject_is_text_link"]))


def test_asymmetric_dialog_is_past_every_threshold() -> None:
    look = prominence(*load("consent-consent-asymmetric"))
    assert look["area_ratio"] > 5
    assert look["reject_is_text_link"] and look["accept_filled"] and not look["reject_filled"]
    assert look["contrast_reject"] < 3 < look["contrast_accept"] + 0.5
    assert look["saturation_accept"] > 0.8 and look["saturation_reject"] < 0.1
    assert past_threshold(look)


@pytest.mark.parametrize("name", ["consent-fair", "consent-obstructed-deletion"])
def test_equal_buttons_measure_equal(name: str) -> None:
    look = prominence(*load(name))
    assert look["area_ratio"] == pytest.approx(1.0, abs=0.02)
    assert look["contrast_accept"] == pytest.approx(look["contrast_reject"], abs=0.05)
    assert look["accept_filled"] and look["reject_filled"] and not look["reject_is_text_link"]
    assert look["saturation_accept"] > 0.5          # both are coloured fills, read from the fill not the corners
    assert not past_threshold(look)
