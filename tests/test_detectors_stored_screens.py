"""Prominence on screenshots the suite itself took of the reference app's consent dialogs."""
from __future__ import annotations

import json
from pathlib import Path

import cv2
import pytest

from consent_audit.detectors.prominence import prominence
from consent_audit.findings.patterns.visual_interference import VisualInterference
from consent_audit.policy import load_policy

SCREENS = Path(__file__).parent / "data" / "screens"


def load(name: str):
    meta = json.loads((SCREENS / f"{name}.json").read_text(encoding="utf-8"))
    image = cv2.imread(str(SCREENS / f"{name}.png"), cv2.IMREAD_COLOR)
    assert image is not None and image.shape[:2] == (2402, 1082)
    return image, tuple(meta["accept"]["bounds"]), tuple(meta["reject"]["bounds"])


def reasons(look: dict) -> list[str]:
    """The visual_interference rule's reasons over these figures (none: the choices are drawn equal)."""
    found = VisualInterference().check({"prominence": look, "reject_is_text_link": look["reject_is_text_link"]},
                                       {}, load_policy().section("consent"))
    return found["reasons"] if found else []


def past_threshold(look: dict) -> bool:
    return bool(reasons(look))


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


def test_a_near_black_accept_beside_a_light_grey_reject_is_not_drawn_equal() -> None:
    """vanilla-cookieconsent's bar (corpus cookieconsent-dark): same size, labels of near-equal contrast, both
    achromatic — equal by area, label contrast and saturation; only the fills against the white bar differ."""
    look = prominence(*load("consent-cookieconsent-dark"))
    assert look["area_ratio"] == pytest.approx(1.0, abs=0.02)
    assert look["contrast_accept"] / look["contrast_reject"] < 1.1
    assert look["saturation_accept"] - look["saturation_reject"] < 0.35
    assert look["fill_delta_e_accept"] > 60 > 5 > look["fill_delta_e_reject"] > 1.5
    assert reasons(look) == ["fill"]


@pytest.mark.parametrize("name", ["consent-fair", "consent-obstructed-deletion"])
def test_equal_fills_stand_out_equally(name: str) -> None:
    look = prominence(*load(name))
    assert look["fill_delta_e_accept"] == look["fill_delta_e_reject"] > 30
