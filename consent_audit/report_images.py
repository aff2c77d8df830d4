"""Reduced screenshots for the single-file HTML report. The report is built from a staged copy of the run's
allure-results (`staged_results`: hard links, no bytes copied) in which every PNG attachment becomes a small
WebP image (REPORT_WIDTH pixels wide; WebP holds a screenshot's flat colours and text in half the bytes of a
JPEG of the same quality, and every current browser and Allure 3 show it) and the results that name it are
rewritten to point at it. Identical screenshots (the same screen after a relaunch) are reduced once, but each
attachment keeps a file of its own (a hard link to the one image): Allure 3 shows a result file for the first
attachment that names it only and marks every other one "missed", so a shared file would hide those steps'
screenshots in the report. Images are reduced on every core (OpenCV releases the GIL).
The report stays readable and a fraction of the size; allure-results itself keeps Allure's own files (its PNG
attachments are links to the run's screenshots, consent_audit.evidence.once), and the original screenshots
stay untouched in the run's tests/ folders and in the evidence bag, which is what a finding cites."""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import cv2
import numpy as np

REPORT_WIDTH = 360
"""Pixels; a phone screenshot (1080 wide) shows at a third of its size; its text stays legible."""
QUALITY = 60
"""WebP quality (0–100): at 360 px, a screenshot's text stays sharp; about 8 KB a screen (a JPEG of quality 60:
about 17 KB, measured on the reference audit's screens)."""
SUFFIX, MEDIA_TYPE = ".webp", "image/webp"


def reduce_png(png: bytes, width: int = REPORT_WIDTH, quality: int = QUALITY) -> bytes | None:
    """The PNG as a WebP image at most `width` pixels wide; None when the bytes are no readable image."""
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        return None
    if image.shape[1] > width:
        height = max(1, round(image.shape[0] * width / image.shape[1]))
        image = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
    ok, encoded = cv2.imencode(SUFFIX, image, [int(cv2.IMWRITE_WEBP_QUALITY), quality])
    return np.asarray(encoded).tobytes() if ok else None


def _rename(data: Any, renamed: dict[str, str]) -> bool:
    """Point every attachment of a result or container at its reduced image; True when something changed."""
    changed = False
    if isinstance(data, dict):
        source = data.get("source")
        if isinstance(source, str) and source in renamed:
            data["source"], data["type"] = renamed[source], MEDIA_TYPE
            changed = True
        for value in data.values():
            changed = _rename(value, renamed) or changed
    elif isinstance(data, list):
        for value in data:
            changed = _rename(value, renamed) or changed
    return changed


def reduce_attachments(results: Path, width: int = REPORT_WIDTH) -> int:
    """Replace the PNG attachments in an allure-results folder by reduced WebP images; returns how many. A PNG
    that cannot be read is left as it is. Files are replaced or unlinked, never written into, so a folder of
    hard links (`staged_results`) leaves the files it links to as they were."""
    renamed: dict[str, str] = {}
    first: dict[str, Path] = {}        # SHA-256 of a PNG → its first attachment: the same screen reduced once
    digests: dict[Path, str] = {}
    for png in sorted(results.glob("*-attachment.png")):
        digests[png] = hashlib.sha256(png.read_bytes()).hexdigest()
        first.setdefault(digests[png], png)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        reduced = dict(zip(first.values(), pool.map(lambda png: reduce_png(png.read_bytes(), width), first.values())))
    from .evidence.once import link_or_copy

    for png, digest in digests.items():         # the first of identical screens comes first (sorted)
        original = first[digest]
        if reduced[original] is None:
            continue
        small = png.with_suffix(SUFFIX)
        if original is png:
            small.write_bytes(reduced[original])    # type: ignore[arg-type]
        else:                                   # its own name (Allure shows a file once), the same bytes
            link_or_copy(original.with_suffix(SUFFIX), small)
        renamed[png.name] = small.name
    if not renamed:
        return 0
    for path in sorted(results.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if _rename(data, renamed):
            tmp = path.with_name(f".{path.name}.tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
    for name in renamed:
        (results / name).unlink(missing_ok=True)
    return len(renamed)


def staged_results(results: Path, stage: Path) -> Path:
    """`stage` (made anew) holding every file of the allure-results folder `results` as a hard link (a copy
    where linking fails), for `reduce_attachments` to work on while `results` keeps its own files; returns
    `stage`. The caller removes it once the report is built."""
    from .evidence.once import link_or_copy

    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    for path in sorted(results.iterdir()):
        if path.is_file() and not path.is_symlink():
            link_or_copy(path, stage / path.name)
    return stage


_DATA_CALL = re.compile(r"""d\(\s*"(data/attachments/[^"\\]+)"\s*,\s*"([A-Za-z0-9+/=]+)"\s*\)""")
_LOADER = "window.allureReportData[name] = value"
"""Allure 3's single-file loader, `function d(name, value)`: stores each embedded file's base64 by name, at
once, as its list of calls is evaluated in order."""


def embed_once(html: str) -> str:
    """The single-file report with each attachment's bytes embedded once. Allure embeds every attachment file
    as d("data/attachments/<id>.<ext>", "<base64>"), so the same screen under a second name (see
    `reduce_attachments`) is embedded again; a later copy becomes d("<name>", window.allureReportData["<first
    name>"]), which the loader has stored by then. HTML without Allure's loader is returned unchanged."""
    if _LOADER not in html:
        return html
    first: dict[str, str] = {}         # SHA-256 of the base64 → the first name embedding it

    def alias(match: re.Match[str]) -> str:
        name, data = match.group(1), match.group(2)
        earlier = first.setdefault(hashlib.sha256(data.encode("ascii")).hexdigest(), name)
        return match.group(0) if earlier == name else f'd("{name}",window.allureReportData["{earlier}"])'

    return _DATA_CALL.sub(alias, html)
