"""The surface a control sits on: the colour of the page just around its box, read side by side.

Used by detectors/prominence.py to tell how far a control's fill stands out as a shape. The band around a box
is not a flat colour in general: the box as read may be a pixel or two off what is drawn (device-pixel
rounding leaves a sliver of the control's own fill outside its bounds), a soft shadow (the control's own, or a
neighbour's a few px away) tints it in a gradient with no dominant exact colour, and a neighbour drawn close may
reach into it. So each side of the band gets its own colour — the control's fill when most of the side is that
fill (a bare link on its own background), else the median of what is not — and the surface is the side colour
nearest all the others (one odd side, a neighbour's shadow or its edge, is outvoted). Pixels inside another
control's box are left out. Images are BGR ``uint8``; boxes ``(x0, y0, x1, y1)`` clipped to the image; colours
RGB tuples.
"""
from __future__ import annotations

from typing import Sequence

import cv2
import numpy as np
from coloraide import Color

RGB = tuple[int, int, int]
Box = tuple[int, int, int, int]

GAP_PX = 2
"""Skipped just outside the bounds: where rounding leaves slivers of the control's own fill."""
BAND_PX = 4
"""Width of the band read beyond the gap, on each side."""
NEAR_FILL_DE = 3.0
"""CIE76 distance (Lab) under which a band pixel is the control's own fill colour."""
FILL_SIDE_SHARE = 0.5
"""Share of a side's pixels of the fill's colour above which that side's surface is the fill itself."""


def _lab(pixels: np.ndarray) -> np.ndarray:
    """Nx3 BGR uint8 → Nx3 float CIE Lab (L 0..100)."""
    return cv2.cvtColor(pixels.reshape(-1, 1, 3).astype(np.float32) / 255.0, cv2.COLOR_BGR2Lab).reshape(-1, 3)


def _bands(image: np.ndarray, box: Box, others: Sequence[Box]) -> list[np.ndarray]:
    """The four side bands outside `box` (top, bottom, left, right; corners left out), each Nx3 BGR, without
    pixels inside another control's box (grown by GAP_PX); a side off the image is empty."""
    x0, y0, x1, y1 = box
    height, width = image.shape[:2]
    near, far = GAP_PX, GAP_PX + BAND_PX
    spans = [(x0, max(0, y0 - far), x1, max(0, y0 - near)), (x0, min(height, y1 + near), x1, min(height, y1 + far)),
             (max(0, x0 - far), y0, max(0, x0 - near), y1), (min(width, x1 + near), y0, min(width, x1 + far), y1)]
    bands = []
    for bx0, by0, bx1, by1 in spans:
        if bx0 >= bx1 or by0 >= by1:
            bands.append(np.empty((0, 3), np.uint8))
            continue
        keep = np.ones((by1 - by0, bx1 - bx0), dtype=bool)
        for ox0, oy0, ox1, oy1 in others:
            keep[max(0, oy0 - GAP_PX - by0):max(0, oy1 + GAP_PX - by0),
                 max(0, ox0 - GAP_PX - bx0):max(0, ox1 + GAP_PX - bx0)] = False
        bands.append(image[by0:by1, bx0:bx1][keep])
    return bands


def _side_colour(pixels: np.ndarray, fill_rgb: RGB) -> RGB:
    """One side's surface: the fill when most of the side is of its colour, else the per-channel median of the
    rest (a flat page: its colour exactly; a shadow's gradient: its middle)."""
    fill_bgr = np.array([[fill_rgb[2], fill_rgb[1], fill_rgb[0]]], np.uint8)
    distance = np.linalg.norm(_lab(pixels) - _lab(fill_bgr)[0], axis=1)
    near = distance < NEAR_FILL_DE
    if near.mean() > FILL_SIDE_SHARE:
        return fill_rgb
    b, g, r = (int(v) for v in np.median(pixels[~near], axis=0))
    return (r, g, b)


def _medoid(colours: list[RGB]) -> RGB:
    """The colour with the least summed CIEDE2000 distance to the others (the first on a tie)."""
    seen = [Color("srgb", [c / 255 for c in rgb]) for rgb in colours]
    totals = [sum(a.delta_e(b, method="2000") for b in seen) for a in seen]
    return colours[int(np.argmin(totals))]


def surface_rgb(image: np.ndarray, box: Box, fill_rgb: RGB, others: Sequence[Box] = ()) -> RGB | None:
    """The colour of the surface the control in `box` (its fill `fill_rgb`) sits on, read on the sides of the
    band around it that lie on the image, other controls' boxes (`others`) left out; None when none does."""
    colours = [_side_colour(band, fill_rgb) for band in _bands(image, box, others) if len(band)]
    return _medoid(colours) if colours else None
