"""The surface a choice is measured against (detectors/surface.py): shadows, close neighbours and bounds a
pixel or two off what is drawn must not make one of two identical buttons a bare link."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from consent_audit.detectors.prominence import measure_choice, prominence
from consent_audit.detectors.surface import surface_rgb

W, H = 1082, 2402
BLUE = (27, 111, 168)
WHITE = (255, 255, 255)


def _bgr(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    return (rgb[2], rgb[1], rgb[0])


def _shadowed_pair(gap: int, shadow: bool = True, off: int = 2) -> tuple[np.ndarray, tuple, tuple]:
    """Two identical filled buttons stacked `gap` px apart on a white dialog, each with a soft shadow of its own
    colour (CSS `box-shadow: 0 3px 10px rgba(27,111,168,.4)` at 2.6x), their bounds as read `off` px below the
    drawn box (device-pixel rounding): the corpus copy tuuli-hylkaa's pair."""
    img = np.full((H, W, 3), 255, np.float32)
    drawn = [(105, 1176, 872, 147), (105, 1176 + 147 + gap, 872, 147)]
    if shadow:
        mask = np.zeros((H, W), np.float32)
        for x, y, w, h in drawn:
            mask[y + 8:y + 8 + h, x:x + w] = 1.0
        alpha = np.clip(cv2.GaussianBlur(mask, (0, 0), 13) * 0.4, 0, 1)[:, :, None]
        img = img * (1 - alpha) + np.array(_bgr(BLUE), np.float32) * alpha
    img = img.round().astype(np.uint8)
    for x, y, w, h in drawn:
        cv2.rectangle(img, (x, y), (x + w - 1, y + h - 1), _bgr(BLUE), cv2.FILLED)
        cv2.putText(img, "Choose", (x + 300, y + 95), cv2.FONT_HERSHEY_SIMPLEX, 2.0, _bgr(WHITE), 5, cv2.LINE_AA)
    bounds = [(x, y + (off if i else 1), w, h) for i, (x, y, w, h) in enumerate(drawn)]
    return img, bounds[0], bounds[1]


@pytest.mark.parametrize("gap", [26, 104])
@pytest.mark.parametrize("shadow", [True, False])
def test_two_identical_shadowed_buttons_measure_equal(gap: int, shadow: bool) -> None:
    """Failed before (gap 26, shadows): the second button's ring had no dominant exact colour but the sliver of
    its own fill the rounding left outside its bounds — fill ΔE 0, 'a bare text link', a false interference."""
    img, first, second = _shadowed_pair(gap, shadow)
    look = prominence(img, first, second, "button", "button")
    assert look["reject_filled"] and look["accept_filled"]
    assert not look["reject_is_text_link"]
    assert look["fill_delta_e_reject"] > 30
    ratio = look["fill_delta_e_accept"] / look["fill_delta_e_reject"]
    assert 0.8 < ratio < 1.25


def test_a_bare_link_beside_a_close_button_stays_a_link() -> None:
    """The neighbour's fill reaching into one side of a link's band is left out: the link is not 'filled'."""
    img = np.full((H, W, 3), 255, np.uint8)
    accept, link = (105, 1176, 872, 147), (400, 1176 + 147 + 6, 280, 60)
    cv2.rectangle(img, accept[:2], (accept[0] + accept[2] - 1, accept[1] + accept[3] - 1), _bgr(BLUE), cv2.FILLED)
    cv2.putText(img, "no", (link[0] + 100, link[1] + 45), cv2.FONT_HERSHEY_SIMPLEX, 1.4, (118, 118, 118), 4,
                cv2.LINE_AA)
    look = prominence(img, accept, link, "button", "link")
    assert look["reject_is_text_link"] and not look["reject_filled"]
    assert look["fill_delta_e_reject"] == 0.0


def test_surface_of_a_link_on_its_own_background_is_that_background() -> None:
    img = np.full((400, 600, 3), 240, np.uint8)
    assert surface_rgb(img, (100, 100, 300, 160), (240, 240, 240)) == (240, 240, 240)


def test_surface_off_the_image_is_unmeasured() -> None:
    img = np.full((100, 100, 3), 255, np.uint8)
    assert surface_rgb(img, (0, 0, 100, 100), WHITE) is None
    assert measure_choice(img, (0, 0, 100, 100)).fill_delta_e is None
