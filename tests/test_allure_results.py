"""The e2e tests' Allure reader (tests/allure_results.py): test_audit_truth's deletion-steps test once failed on
a bare JSONDecodeError reading a `*-result.json` (a one-time code masked inside a timestamp broke the file:
tests/test_masking.py); a broken file is now named with the text where it breaks, and a writer's temporary
file is never read."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from allure_results import allure_results


def test_every_result_is_read_once_and_a_writers_temporary_file_never(tmp_path: Path) -> None:
    (tmp_path / "b-result.json").write_text(json.dumps({"name": "b"}), encoding="utf-8")
    (tmp_path / "a-result.json").write_text(json.dumps({"name": "a"}), encoding="utf-8")
    (tmp_path / "c-result.json.tmp").write_text('{"name": "c", "st', encoding="utf-8")     # Allure's, mid-write
    (tmp_path / ".d-result.json.masked").write_text('{"na', encoding="utf-8")              # the masker's
    (tmp_path / "e-container.json").write_text("{}", encoding="utf-8")
    assert [r["name"] for r in allure_results(tmp_path)] == ["a", "b"]


def test_a_result_that_is_no_json_is_named_with_where_it_breaks(tmp_path: Path) -> None:
    (tmp_path / "x-result.json").write_text('{"name": "deletion", "start": 1764•••567}', encoding="utf-8")
    with pytest.raises(AssertionError, match=r"x-result\.json is no JSON .*1764•••567"):
        allure_results(tmp_path)
