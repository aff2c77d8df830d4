"""A screenshot annotated for the evidence: each measured control outlined, its figures written beside it.

Images are BGR ``uint8`` arrays; bounds ``(x, y, w, h)`` in device pixels; colours RGB tuples of ints 0..255
(as in detectors/prominence.py, whose clipping and contrast it uses)."""
from __future__ import annotations

import cv2
import numpy as np

from .prominence import RGB, Bounds, _as_bgr, _clip, contrast_ratio

FONT = cv2.FONT_HERSHEY_SIMPLEX


def _ascii(text: str) -> str:
    return text.encode("ascii", "replace").decode("ascii")


def annotate(image: np.ndarray, boxes: list[tuple[Bounds, str, RGB]]) -> np.ndarray:
    """Copy of the screenshot with each box outlined and its label written beside it.

    Labels go on a filled tag above the box (below it when there is no room), one line per
    ``\\n``; sizes scale with the image width so text stays readable at about 1080 px.
    Non-ASCII characters become ``?`` (cv2.putText has no CJK glyphs). Colours are RGB.
    """
    out = _as_bgr(image).copy()
    height, width = out.shape[:2]
    scale = max(0.5, width / 900)
    thick = max(1, round(width / 540))
    line_w = max(2, round(width / 360))
    pad = max(3, round(width / 216))
    for bounds, label, rgb in boxes:
        x0, y0, x1, y1 = _clip(out, bounds)
        bgr = (int(rgb[2]), int(rgb[1]), int(rgb[0]))
        cv2.rectangle(out, (x0, y0), (x1 - 1, y1 - 1), bgr, line_w)
        lines = [_ascii(s) for s in label.split("\n") if s] or [""]
        sizes = [cv2.getTextSize(s, FONT, scale, thick) for s in lines]
        line_h = max(sz[0][1] + sz[1] for sz in sizes) + pad
        tag_w = min(width, max(sz[0][0] for sz in sizes) + 2 * pad)
        tag_h = line_h * len(lines) + pad
        top = y0 - tag_h if y0 - tag_h >= 0 else min(y1, height - tag_h)
        top = max(0, top)
        left = min(max(0, x0), max(0, width - tag_w))
        cv2.rectangle(out, (left, top), (left + tag_w - 1, top + tag_h - 1), bgr, cv2.FILLED)
        ink = (0, 0, 0) if contrast_ratio(rgb, (0, 0, 0)) >= contrast_ratio(rgb, (255, 255, 255)) \
            else (255, 255, 255)
        for i, (text, ((_, text_h), _)) in enumerate(zip(lines, sizes)):
            baseline_y = top + pad + i * line_h + text_h
            cv2.putText(out, text, (left + pad, baseline_y), FONT, scale, ink, thick, cv2.LINE_AA)
    return out


__all__ = ["annotate"]
