"""What the reference app server serves, as files: the static app, one JSON config per variant (refapp/variants)
with its ground truth beside it (refapp/truth), and the build id naming exactly those files."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

VERSION = "1.0.0"
PACKAGE_DIR = Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"
VARIANTS_DIR = PACKAGE_DIR / "variants"
TRUTH_DIR = PACKAGE_DIR / "truth"
VARIANT_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def load_variants(directory: Path = VARIANTS_DIR) -> dict[str, dict]:
    """All variant configs, keyed by name (the file stem)."""
    variants: dict[str, dict] = {}
    for path in sorted(directory.glob("*.json")):
        config = json.loads(path.read_text(encoding="utf-8"))
        if config.get("name") != path.stem:
            raise ValueError(f"{path.name}: 'name' must be {path.stem!r}")
        if not VARIANT_RE.match(path.stem):
            raise ValueError(f"{path.name}: bad variant name")
        variants[path.stem] = config
    return variants


def compute_build() -> str:
    """refapp-<version>+<short sha256 over the served files (static assets and variant configs)>."""
    digest = hashlib.sha256()
    for base in (STATIC_DIR, VARIANTS_DIR):
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return f"refapp-{VERSION}+{digest.hexdigest()[:12]}"
