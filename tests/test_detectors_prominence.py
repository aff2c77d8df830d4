"""Prominence detector on synthetic phone-size screenshots drawn with OpenCV."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from coloraide import Color

from consent_audit.detectors.annotate import annotate
from consent_audit.detectors.prominence import (
    ChoiceLook,
    contrast_ratio,
    dominant_colours,
    measure_choice,
    prominence,
)

W, H = 1082, 2402
WHITE = (255, 255, 255)
BLUE = (0, 102, 204)      # saturated fill
GREY = (118, 118, 118)    # link text, ~4.5:1 on white
FONT = cv2.FONT_HERSHEY_SIMPLEX


def wcag(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """Reference value straight from coloraide."""
    return Color("srgb", [c / 255 for c in a]).contrast(Color("srgb", [c / 255 for c in b]),
                                                          method="wcag21")


def bgr(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    return (rgb[2], rgb[1], rgb[0])


def page() -> np.ndarray:
    return np.full((H, W, 3), 255, np.uint8)


def button(img: np.ndarray, bounds, fill, label: str, ink, scale: float = 2.0) -> None:
    x, y, w, h = bounds
    cv2.rectangle(img, (x, y), (x + w - 1, y + h - 1), bgr(fill), cv2.FILLED)
    text(img, bounds, label, ink, scale)


def text(img: np.ndarray, bounds, label: str, ink, scale: float = 2.0, thick: int = 5) -> None:
    x, y, w, h = bounds
    (tw, th), _ = cv2.getTextSize(label, FONT, scale, thick)
    org = (x + (w - tw) // 2, y + (h + th) // 2)
    cv2.putText(img, label, org, FONT, scale, bgr(ink), thick, cv2.LINE_AA)


ACCEPT = (91, 1850, 900, 170)
LINK = (436, 2080, 210, 70)


@pytest.fixture
def consent_screen() -> np.ndarray:
    img = page()
    button(img, ACCEPT, BLUE, "Accept all", WHITE, scale=2.2)
    text(img, LINK, "Reject", GREY, scale=1.4, thick=4)
    return img


def test_button_versus_text_link(consent_screen: np.ndarray) -> None:
    result = prominence(consent_screen, ACCEPT, LINK)
    assert result["area_ratio"] > 3
    assert result["accept_filled"] is True
    assert result["reject_filled"] is False
    assert result["reject_is_text_link"] is True
    assert result["contrast_accept"] == pytest.approx(wcag(WHITE, BLUE), abs=0.05)
    assert result["contrast_reject"] == pytest.approx(wcag(GREY, WHITE), abs=0.05)
    assert result["saturation_accept"] > 0.9
    assert result["saturation_reject"] == 0.0
    assert result["luminance_diff"] > 0.5
    assert all(v == round(v, 3) for v in result.values() if isinstance(v, float))


def test_measure_choice_colours(consent_screen: np.ndarray) -> None:
    accept = measure_choice(consent_screen, ACCEPT)
    link = measure_choice(consent_screen, LINK)
    assert isinstance(accept, ChoiceLook)
    assert accept.bg_rgb == BLUE                     # large clean fill: exact
    assert accept.fg_rgb == pytest.approx(WHITE, abs=8)
    assert accept.page_rgb == WHITE
    assert accept.area_px == ACCEPT[2] * ACCEPT[3]
    assert link.bg_rgb == WHITE
    assert link.fg_rgb == pytest.approx(GREY, abs=8)
    assert not link.filled


def test_equal_buttons_are_balanced() -> None:
    img = page()
    left, right = (60, 2000, 460, 150), (562, 2000, 460, 150)
    button(img, left, BLUE, "Accept", WHITE)
    button(img, right, BLUE, "Reject", WHITE)
    result = prominence(img, left, right)
    assert result["area_ratio"] == pytest.approx(1.0)
    assert result["contrast_accept"] == result["contrast_reject"]
    assert result["contrast_accept"] == pytest.approx(wcag(WHITE, BLUE), abs=0.05)
    assert result["luminance_diff"] == 0.0
    assert result["reject_filled"] is True
    assert result["reject_is_text_link"] is False


def test_rounded_button_and_light_fill() -> None:
    img = page()
    x, y, w, h = bounds = (141, 1700, 800, 160)
    r = h // 2
    cv2.rectangle(img, (x + r, y), (x + w - r, y + h - 1), bgr(BLUE), cv2.FILLED)
    for cx in (x + r, x + w - r):
        cv2.circle(img, (cx, y + r), r, bgr(BLUE), cv2.FILLED, cv2.LINE_AA)
    text(img, bounds, "Agree", WHITE)
    light = (300, 1950, 480, 140)
    button(img, light, (240, 240, 240), "Not now", (51, 51, 51))
    look = measure_choice(img, bounds)
    assert look.bg_rgb == BLUE and look.filled
    grey = measure_choice(img, light)
    assert grey.bg_rgb == (240, 240, 240) and grey.filled
    assert grey.contrast == pytest.approx(wcag((51, 51, 51), (240, 240, 240)), abs=0.05)


def test_dominant_colours_is_deterministic(consent_screen: np.ndarray) -> None:
    x, y, w, h = ACCEPT
    crop = consent_screen[y:y + h, x:x + w]
    first = dominant_colours(crop)
    assert first == dominant_colours(crop) == dominant_colours(crop.copy())
    bg, fg, share = first
    assert bg == BLUE and share > 0.5


def test_uniform_crop() -> None:
    bg, fg, share = dominant_colours(np.full((20, 30, 3), 7, np.uint8))
    assert bg == fg == (7, 7, 7) and share == 1.0


def test_contrast_ratio_is_wcag() -> None:
    assert contrast_ratio((0, 0, 0), WHITE) == pytest.approx(21.0)
    assert contrast_ratio(WHITE, WHITE) == pytest.approx(1.0)
    assert contrast_ratio(GREY, WHITE) == pytest.approx(wcag(GREY, WHITE))


def test_bounds_partly_off_image_are_clipped(consent_screen: np.ndarray) -> None:
    look = measure_choice(consent_screen, (ACCEPT[0], ACCEPT[1], ACCEPT[2], H))  # runs off the bottom
    assert look.area_px == ACCEPT[2] * (H - ACCEPT[1])
    edge = page()
    button(edge, (-40, 300, 400, 150), BLUE, "OK", WHITE)
    look = measure_choice(edge, (-40, 300, 400, 150))
    assert look.area_px == 360 * 150 and look.bg_rgb == BLUE and look.filled


@pytest.mark.parametrize("bounds, message", [
    ((10, 10, 0, 50), "zero or negative size"),
    ((10, 10, 50, -1), "zero or negative size"),
    ((W + 5, 10, 50, 50), "outside"),
    ((-100, -100, 50, 50), "outside"),
])
def test_bad_bounds_raise(consent_screen: np.ndarray, bounds, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        measure_choice(consent_screen, bounds)


def test_other_channel_layouts(consent_screen: np.ndarray) -> None:
    bgra = cv2.cvtColor(consent_screen, cv2.COLOR_BGR2BGRA)
    assert measure_choice(bgra, ACCEPT).bg_rgb == BLUE
    grey = cv2.cvtColor(consent_screen, cv2.COLOR_BGR2GRAY)
    assert measure_choice(grey, LINK).bg_rgb == WHITE


def test_annotate_changes_only_around_the_box(consent_screen: np.ndarray) -> None:
    before = consent_screen.copy()
    out = annotate(consent_screen, [(ACCEPT, "accept 5.57:1", (0, 200, 0))])
    assert np.array_equal(consent_screen, before), "input must not be modified"
    assert out.shape == consent_screen.shape and out.dtype == consent_screen.dtype
    changed = np.any(out != consent_screen, axis=2)
    x, y, w, h = ACCEPT
    near = np.zeros_like(changed)
    near[y - 80:y + h + 80, x - 5:x + w + 5] = True   # tag sits just above the box
    assert changed[y - 80:y].any(), "label expected above the box"
    assert changed[y:y + h, x:x + 2].all(), "outline expected on the left edge"
    assert not (changed & ~near).any()


def test_annotate_several_boxes(consent_screen: np.ndarray) -> None:
    boxes = [(ACCEPT, "accept  area 153k\ncontrast 5.57", (0, 200, 0)),
             (LINK, "reject 拒绝 contrast 4.54", (220, 0, 0)),    # CJK becomes '?'
             ((0, 0, 300, 80), "top edge", (255, 200, 0))]       # no room above: tag goes below
    out = annotate(consent_screen, boxes)
    changed_rows = np.any(out != consent_screen, axis=(1, 2))
    near_rows = np.zeros_like(changed_rows)
    for (x, y, w, h), _, _ in boxes:
        near_rows[max(0, y - 120):y + h + 120] = True
        assert changed_rows[y:y + h].any()
    assert not (changed_rows & ~near_rows).any()
    assert np.any(out[80:140, 0:150] != 255), "top-edge tag expected below its box"


def outlined(img: np.ndarray, bounds, line, label: str, ink, width: int = 3, radius: int = 0) -> None:
    """A button with a transparent fill, a visible border and padding (a "secondary" / ghost button)."""
    x, y, w, h = bounds
    if radius:
        cv2.rectangle(img, (x + radius, y), (x + w - 1 - radius, y + h - 1), bgr(line), width)
        cv2.rectangle(img, (x, y + radius), (x + w - 1, y + h - 1 - radius), bgr(line), width)
        cv2.rectangle(img, (x + width, y + width), (x + w - 1 - width, y + h - 1 - width), bgr(WHITE), cv2.FILLED)
    else:
        cv2.rectangle(img, (x + width // 2, y + width // 2), (x + w - 1 - width // 2, y + h - 1 - width // 2),
                      bgr(line), width)
    text(img, bounds, label, ink)


def test_an_outlined_button_is_no_text_link() -> None:
    """A border box around padded words is a button's visual weight: an outlined reject beside an outlined accept
    drawn alike (the reject a link by its role), or beside a filled accept, is no bare text link. Before: no fill,
    so it was measured as a link — a false text-link reason on two buttons drawn alike. A bare (underlined) link
    stays a link; an outlined accept beside a bare link still makes it one."""
    img = page()
    left, right = (60, 2000, 460, 150), (562, 2000, 460, 150)
    outlined(img, left, BLUE, "Accept", BLUE)
    outlined(img, right, BLUE, "Reject", BLUE, radius=20)
    result = prominence(img, left, right, "button", "link")
    assert result["reject_is_text_link"] is False
    assert result["accept_filled"] is False and result["reject_filled"] is False
    filled = page()
    button(filled, left, BLUE, "Accept", WHITE)
    outlined(filled, right, (156, 163, 175), "Reject", (51, 51, 51), width=2)
    assert prominence(filled, left, right, "button", "button")["reject_is_text_link"] is False
    bare = page()
    outlined(bare, ACCEPT, BLUE, "Accept all", BLUE)
    text(bare, LINK, "Reject", BLUE, scale=1.4, thick=4)
    x, y, w, h = LINK
    cv2.line(bare, (x, y + h - 4), (x + w - 1, y + h - 4), bgr(BLUE), 3)      # its underline
    assert prominence(bare, ACCEPT, LINK, "button", "button")["reject_is_text_link"] is True
    assert measure_choice(bare, LINK).outlined is False
    assert measure_choice(img, right).outlined is True
