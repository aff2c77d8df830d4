"""A target or profile file with several mistakes names every one in its single line, the most relevant first
(a user fixing one at a time would run again and again)."""
from __future__ import annotations

from pathlib import Path

import pytest

from consent_audit.errors import UsageError
from consent_audit.schemas import check

GOOD = {"kind": "web", "platform": "web-chromium", "start": "http://127.0.0.1:1/", "pages": "pages.shop:App"}


def test_every_bad_field_is_named_in_one_line() -> None:
    with pytest.raises(UsageError) as raised:
        check("target", {**GOOD, "start": 5, "language": ["en"], "permissions": "camera"}, Path("shop.yaml"))
    line = str(raised.value)
    assert "\n" not in line and line.startswith("target shop.yaml: field '")
    assert all(f"field '{name}'" in line for name in ("start", "language", "permissions")) and "also:" in line


def test_one_mistake_reads_as_before_and_a_good_file_passes() -> None:
    with pytest.raises(UsageError) as raised:
        check("target", {k: v for k, v in GOOD.items() if k != "pages"}, Path("shop.yaml"))
    assert str(raised.value) == "target shop.yaml lacks 'pages'"
    assert check("target", dict(GOOD), Path("shop.yaml")) == GOOD
