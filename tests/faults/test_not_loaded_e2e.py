"""Defect 3: a start page that never loaded (the browser's error page) or that answers an HTTP error is not
'clean': the audit is broken, exit 2, and the reason says why."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_cli

pytestmark = pytest.mark.e2e


@pytest.mark.area_fault
@pytest.mark.parametrize("where", ["refused", "http-404"])
def test_page_that_did_not_load_is_broken(tmp_path: Path, static_url: str, where: str) -> None:
    url = "http://127.0.0.1:1/" if where == "refused" else f"{static_url}/no-such-page.html"
    proc = run_cli("explore", "--url", url, "--goal", "consent", "--quiet", "--reports-dir", str(tmp_path),
                   "--run-id", where, timeout=300)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "no dark pattern found" not in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    result = json.loads((tmp_path / where / "summary.json").read_text(encoding="utf-8"))["results"][0]
    assert result["outcome"] == "broken", result
    assert "did not load" in result["message"] and ("404" in result["message"] or "error page" in result["message"])
    assert "did not load" in proc.stderr
