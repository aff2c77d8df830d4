"""Visual prominence of the accept choice versus the reject choice on a screenshot.

Images are BGR ``uint8`` arrays (as from ``cv2.imdecode``); bounds are ``(x, y, w, h)``
in device pixels; colours in this module's API are RGB tuples of ints 0..255.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from coloraide import Color

Bounds = tuple[int, int, int, int]
RGB = tuple[int, int, int]

KMEANS_SEED = 20191219
KMEANS_CRITERIA = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_MAX_ITER, 20, 0.5)
MAX_SAMPLES = 20_000
"""Pixels fed to k-means; larger crops are sampled on a fixed stride."""
RING_PX = 4
"""Width of the ring just outside the bounds that stands for the page background."""
FILL_DELTA_E = 1.5
"""CIEDE2000 distance between element and page background above which it counts as filled."""
DELTA_E_FLOOR = FILL_DELTA_E
"""Smallest fill distance a ratio divides by: below FILL_DELTA_E a fill is the surface (a bare link), and
a ratio over a near-zero distance would be noise."""


@dataclass(frozen=True)
class ChoiceLook:
    """How one choice (button or link) looks on the screenshot."""

    area_px: int
    """Visible area, after clipping to the image."""
    bg_rgb: RGB
    fg_rgb: RGB
    contrast: float
    """WCAG 2.1 contrast of the label against the element's own background."""
    saturation: float
    """HSV saturation of the background fill, 0..1."""
    luminance: float
    """Relative luminance of the background fill, 0..1."""
    filled: bool
    """The element has a fill distinct from the page around it (a bare text link has not)."""
    page_rgb: RGB | None
    """Dominant colour of the ring just outside the bounds; None if the ring is off-image."""
    fill_delta_e: float | None
    """CIEDE2000 distance of the fill from the surface it sits on (page_rgb): how far the button stands out
    as a shape, whatever its label. 0 for a bare link; None when the surface is off-image (unmeasured)."""
    outlined: bool = False
    """The element's box is drawn by a border on all four sides (a colour distinct from the surface and from
    its own fill along each edge): an outlined button, whatever its fill — never a bare text link."""


def _color(rgb: RGB) -> Color:
    return Color("srgb", [c / 255 for c in rgb])


def contrast_ratio(rgb_a: RGB, rgb_b: RGB) -> float:
    """WCAG 2.x contrast ratio of two colours (1..21), computed by coloraide."""
    return float(_color(rgb_a).contrast(_color(rgb_b), method="wcag21"))


def _as_bgr(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.ndim == 3 and image.shape[2] == 4:
        return image[:, :, :3]
    if image.ndim == 3 and image.shape[2] == 3:
        return image
    raise ValueError(f"expected a BGR, BGRA or grey image, got shape {image.shape}")


def _clip(image: np.ndarray, bounds: Bounds) -> tuple[int, int, int, int]:
    """Bounds clipped to the image as (x0, y0, x1, y1); ValueError if empty."""
    x, y, w, h = (int(v) for v in bounds)
    if w <= 0 or h <= 0:
        raise ValueError(f"bounds {bounds} have zero or negative size (w={w}, h={h})")
    height, width = image.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(width, x + w), min(height, y + h)
    if x0 >= x1 or y0 >= y1:
        raise ValueError(f"bounds {bounds} lie entirely outside the {width}x{height} image")
    return x0, y0, x1, y1


def _pack(pixels: np.ndarray) -> np.ndarray:
    """Nx3 uint8 BGR → N uint32 keys."""
    p = pixels.astype(np.uint32)
    return (p[:, 0] << 16) | (p[:, 1] << 8) | p[:, 2]


def _mode_rgb(pixels: np.ndarray) -> RGB:
    """Most frequent exact colour of Nx3 BGR pixels, as RGB."""
    keys, counts = np.unique(_pack(pixels), return_counts=True)
    k = int(keys[np.argmax(counts)])
    return (k & 0xFF, (k >> 8) & 0xFF, (k >> 16) & 0xFF)


def _border(crop: np.ndarray, width: int = 2) -> np.ndarray:
    """Pixels of the crop's frame, Nx3: the middle halves of its four sides, a little inside.

    Rounded corners (pills, cards) and anti-aliased, partly covered edge rows would otherwise
    outvote the fill: a blue pill's bounding box has white corners and light-blue edge rows.
    """
    h, w = crop.shape[:2]
    d = min(max(width, round(0.08 * min(h, w))), h // 2, w // 2)
    t = max(1, min(width, h // 4, w // 4))
    x0, x1 = w // 4, max(w // 4 + 1, 3 * w // 4)
    y0, y1 = h // 4, max(h // 4 + 1, 3 * h // 4)
    parts = [crop[d:d + t, x0:x1].reshape(-1, 3), crop[h - d - t:h - d, x0:x1].reshape(-1, 3),
             crop[y0:y1, d:d + t].reshape(-1, 3), crop[y0:y1, w - d - t:w - d].reshape(-1, 3)]
    return np.concatenate([p for p in parts if p.size])


def dominant_colours(crop: np.ndarray) -> tuple[RGB, RGB, float]:
    """Background and foreground colour of a crop, and the background's share of it.

    k-means (k=2, seeded: it reseeds OpenCV's global RNG) splits the pixels; the background
    is the cluster holding most of the crop's border (ties: the larger cluster). Each colour
    is the most frequent exact colour of its cluster, so anti-aliased edges do not shift it.
    """
    crop = _as_bgr(crop)
    if crop.size == 0:
        raise ValueError("empty crop")
    pixels = crop.reshape(-1, 3)
    stride = max(1, -(-len(pixels) // MAX_SAMPLES))
    sample = np.ascontiguousarray(pixels[::stride])
    if len(sample) < 2 or bool(np.all(sample == sample[0])):
        only = _mode_rgb(sample)
        return only, only, 1.0
    cv2.setRNGSeed(KMEANS_SEED)
    _, best, centres = cv2.kmeans(sample.astype(np.float32), 2,
                                  np.zeros((len(sample), 1), np.int32), KMEANS_CRITERIA,
                                  1, cv2.KMEANS_PP_CENTERS)
    labels = np.asarray(best).ravel()
    centres = np.asarray(centres)
    shares = np.bincount(labels, minlength=2) / len(labels)
    border = _border(crop).astype(np.float32)
    dist = ((border[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
    border_votes = np.bincount(dist.argmin(axis=1), minlength=2)
    if border_votes[0] != border_votes[1]:
        bg = int(np.argmax(border_votes))
    else:
        bg = int(np.argmax(shares))
    fg = 1 - bg
    bg_rgb = _mode_rgb(sample[labels == bg])
    fg_pixels = sample[labels == fg]
    fg_rgb = _mode_rgb(fg_pixels) if len(fg_pixels) else bg_rgb
    return bg_rgb, fg_rgb, float(shares[bg])


def _ring(image: np.ndarray, box: tuple[int, int, int, int], width: int = RING_PX) -> np.ndarray:
    """Pixels in a band `width` px wide just outside the clipped box, Nx3 (maybe empty)."""
    x0, y0, x1, y1 = box
    height, img_w = image.shape[:2]
    ox0, oy0 = max(0, x0 - width), max(0, y0 - width)
    ox1, oy1 = min(img_w, x1 + width), min(height, y1 + width)
    outer = image[oy0:oy1, ox0:ox1]
    mask = np.ones(outer.shape[:2], dtype=bool)
    mask[y0 - oy0:y1 - oy0, x0 - ox0:x1 - ox0] = False
    return outer[mask]


OUTLINE_DELTA_E = 3.0
"""CIEDE2000 distance from both the surface and the fill above which an edge line of the box is a border."""
OUTLINE_DEPTH_PX = 4
"""How far inside the bounds a border line is looked for (a CSS border lies inside the element's box)."""


def _outlined(crop: np.ndarray, page_rgb: RGB | None, bg_rgb: RGB) -> bool:
    """Whether each of the crop's four sides carries a border: in the middle half of the side (rounded corners
    left out), one of its outermost OUTLINE_DEPTH_PX lines has a dominant colour distinct from the surface
    (`page_rgb`) and from the element's fill (`bg_rgb`). A link's underline is one side, its words none."""
    h, w = crop.shape[:2]
    if page_rgb is None or h < 8 or w < 8:
        return False
    page, fill = _color(page_rgb), _color(bg_rgb)
    x0, x1, y0, y1 = w // 4, max(w // 4 + 1, 3 * w // 4), h // 4, max(h // 4 + 1, 3 * h // 4)
    depth = min(OUTLINE_DEPTH_PX, h // 4, w // 4)

    def bordered(lines: list[np.ndarray]) -> bool:
        for line in lines:
            c = _color(_mode_rgb(line.reshape(-1, 3)))
            if c.delta_e(page, method="2000") > OUTLINE_DELTA_E and c.delta_e(fill, method="2000") > OUTLINE_DELTA_E:
                return True
        return False

    sides = ([crop[i, x0:x1] for i in range(depth)], [crop[h - 1 - i, x0:x1] for i in range(depth)],
             [crop[y0:y1, i] for i in range(depth)], [crop[y0:y1, w - 1 - i] for i in range(depth)])
    return all(bordered(side) for side in sides)


def measure_choice(image: np.ndarray, bounds: Bounds) -> ChoiceLook:
    """Measure one choice element: size, colours, contrast, saturation, fill."""
    image = _as_bgr(image)
    box = _clip(image, bounds)
    x0, y0, x1, y1 = box
    bg_rgb, fg_rgb, _ = dominant_colours(image[y0:y1, x0:x1])
    bg = _color(bg_rgb)
    ring = _ring(image, box)
    page_rgb = _mode_rgb(ring) if len(ring) else None
    fill_delta_e = None if page_rgb is None else float(bg.delta_e(_color(page_rgb), method="2000"))
    filled = fill_delta_e is not None and fill_delta_e > FILL_DELTA_E
    return ChoiceLook(
        area_px=(x1 - x0) * (y1 - y0),
        bg_rgb=bg_rgb,
        fg_rgb=fg_rgb,
        contrast=contrast_ratio(fg_rgb, bg_rgb),
        saturation=float(bg.convert("hsv")["saturation"]),
        luminance=float(bg.luminance()),
        filled=bool(filled),
        page_rgb=page_rgb,
        fill_delta_e=fill_delta_e,
        outlined=_outlined(image[y0:y1, x0:x1], page_rgb, bg_rgb),
    )


BUTTON_ROLES = frozenset({"button"})
"""Roles of a control drawn as a button (web <button>, Android Button / ImageButton)."""
TEXT_ROLES = frozenset({"text", "link", ""})
"""Roles of bare text: a link, an Android TextView, a generic element."""


def reject_is_text_link(accept: ChoiceLook, reject: ChoiceLook, accept_role: str | None = None,
                        reject_role: str | None = None) -> bool:
    """The reject choice is a bare text link beside a button: it has no fill and no border box (an outlined
    button is a button, whatever its role), and either the accept choice has one (the pixels tell), or —
    neither, as with borderless dialog buttons — the reject choice is bare text (TextView, link) while the
    accept choice is a button (the node class tells). Roles unknown: pixels only."""
    if reject.filled or reject.outlined:
        return False
    if accept.filled or accept.outlined:
        return True
    return accept_role in BUTTON_ROLES and reject_role in TEXT_ROLES


def fill_ratio(first: float | None, second: float | None) -> float | None:
    """How much further the first fill stands out from its surface than the second: the ratio of their
    CIEDE2000 distances (`ChoiceLook.fill_delta_e`), each floored at DELTA_E_FLOOR; None if either is."""
    if first is None or second is None:
        return None
    return max(first, DELTA_E_FLOOR) / max(second, DELTA_E_FLOOR)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def prominence(image: np.ndarray, accept_bounds: Bounds, reject_bounds: Bounds, accept_role: str | None = None,
               reject_role: str | None = None) -> dict[str, Any]:
    """Compare the accept and reject choices; floats rounded to 3 places. `accept_role` / `reject_role`: the
    elements' roles (screen.Element.role), used with the pixels to tell a text link from a button.

    `fill_delta_e_accept` / `fill_delta_e_reject`: each fill's CIEDE2000 distance from the surface around it
    (None: unmeasured) — a near-black accept beside a light-grey reject on a white bar has labels of equal
    contrast and no colour, and differs only there."""
    accept = measure_choice(image, accept_bounds)
    reject = measure_choice(image, reject_bounds)
    return {
        "area_ratio": round(accept.area_px / reject.area_px, 3),
        "contrast_accept": round(accept.contrast, 3),
        "contrast_reject": round(reject.contrast, 3),
        "saturation_accept": round(accept.saturation, 3),
        "saturation_reject": round(reject.saturation, 3),
        "luminance_diff": round(abs(accept.luminance - reject.luminance), 3),
        "fill_delta_e_accept": _round(accept.fill_delta_e),
        "fill_delta_e_reject": _round(reject.fill_delta_e),
        "accept_filled": accept.filled,
        "reject_filled": reject.filled,
        "accept_outlined": accept.outlined,
        "reject_outlined": reject.outlined,
        "reject_is_text_link": reject_is_text_link(accept, reject, accept_role, reject_role),
    }
