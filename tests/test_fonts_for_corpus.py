"""Every corpus app's language has a font on this machine (tools/setup-system.sh): without one its screenshots —
the evidence — show boxes for the words (fresh15's Khmer app `nom`: every screen boxes). Asked of fontconfig by
language as the setup asks it; Thai by name (fc-list :lang=th lists DejaVu, which has no Thai glyphs)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
LANGUAGES = sorted({str(json.loads(p.read_text(encoding="utf-8")).get("language", "en")).split("-")[0].lower()
                    for p in CORPUS.glob("*/truth.json")})


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig absent: `make setup` installs it with Chromium")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_corpus_language_has_a_font(lang: str) -> None:
    if lang == "th":
        families = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
        assert "loma" in families.lower(), "no Thai font: run tools/setup-system.sh"
        return
    fonts = subprocess.run(["fc-list", f":lang={lang}"], capture_output=True, text=True, check=True).stdout
    assert fonts.strip(), f"no font for {lang!r}: add one to tools/setup-system.sh's table"
