"""Exit status like a scanner's: 0 nothing found, 1 dark patterns found, 2 broken; the reference demo is 0."""
from __future__ import annotations

from consent_audit.commands.run import verdict


def result(status: str, findings: list[str], expected: list[str] | None = None) -> dict:
    r = {"target": "t", "flow": "f", "status": status, "findings": [{"pattern": p} for p in findings]}
    if expected is not None:
        r["expected_findings"] = expected
        r["as_expected"] = sorted(findings) == expected and status != "broken"
    return r


def test_clean_found_broken() -> None:
    assert verdict({"results": [result("passed", [])]})[0] == 0
    code, sentence = verdict({"results": [result("failed", ["obstructed_deletion"])]})
    assert code == 1 and "dark patterns found" in sentence
    assert verdict({"results": [result("broken", [])]})[0] == 2
    assert verdict({"results": []})[0] == 2
    assert verdict({"results": [result("passed", [])], "interrupted": "by the user"})[0] == 2


def test_reference_targets_caught_as_expected_exit_zero_and_say_so() -> None:
    code, sentence = verdict({"results": [result("failed", ["forced_permission"], ["forced_permission"]),
                                          result("passed", [], [])]})
    assert code == 0 and "caught the deliberate dark patterns as expected" in sentence
    code, sentence = verdict({"results": [result("passed", [], ["forced_permission"])]})
    assert code == 2 and "differently from their ground truth" in sentence
