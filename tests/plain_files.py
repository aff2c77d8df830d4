"""What a file holds as a reader would see it: a compressed log (`*.gz`) decompressed, anything else as stored —
so secret scans look inside the Appium logs the run compressed when its server stopped."""
from __future__ import annotations

import gzip
from pathlib import Path


def plain_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when its name ends in .gz."""
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.name.endswith(".gz") else raw
