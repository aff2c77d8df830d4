"""Exit status from the outcomes: 0 all clean, 1 found and nothing broken, 2 anything broken, not found or
interrupted; the reference demo (targets with ground truth) is 0 when every audit equals its truth."""
from __future__ import annotations

from consent_audit.verdict import verdict


def result(outcome: str, findings: list[str], expected: list[str] | None = None, message: str = "") -> dict:
    r = {"target": "t", "flow": "f", "outcome": outcome, "findings": [{"pattern": p} for p in findings],
         "message": message}
    if expected is not None:
        r["expected_findings"] = expected
        r["as_expected"] = sorted(findings) == expected and outcome in ("clean", "found")
    return r


def test_clean_found_broken_not_found_interrupted() -> None:
    assert verdict({"results": [result("clean", [])]})[0] == 0
    code, sentence = verdict({"results": [result("found", ["obstructed_deletion"])]})
    assert code == 1 and "dark patterns found" in sentence
    assert verdict({"results": [result("broken", [], message="boom")]})[0] == 2
    assert verdict({"results": [result("not_found", [])]})[0] == 2
    assert verdict({"results": [result("interrupted", [])]})[0] == 2
    assert verdict({"results": []})[0] == 2
    assert verdict({"results": [result("clean", [])], "interrupted": "by the user"})[0] == 2


def test_found_with_anything_broken_is_incomplete_and_names_both() -> None:
    code, sentence = verdict({"results": [result("found", ["obstructed_deletion"]),
                                          result("broken", [], message="locator time-out")]})
    assert code == 2 and "locator time-out" in sentence and "obstructed_deletion" in sentence


def test_a_result_without_an_outcome_is_broken() -> None:
    assert verdict({"results": [{"target": "t", "flow": "f", "findings": []}]})[0] == 2


def test_reference_targets_caught_as_expected_exit_zero_and_say_so() -> None:
    code, sentence = verdict({"results": [result("found", ["forced_permission"], ["forced_permission"]),
                                          result("clean", [], [])]})
    assert code == 0 and "caught the deliberate dark patterns as expected" in sentence
    code, sentence = verdict({"results": [result("clean", [], ["forced_permission"])]})
    assert code == 2 and "differently from their ground truth" in sentence


def test_reference_targets_whose_patterns_were_not_checked_claim_no_match() -> None:
    unchecked = {**result("clean", [], ["tracking_before_consent"]), "as_expected": None}
    code, sentence = verdict({"results": [unchecked, result("clean", [], [])]})
    assert code == 0 and "1 came out clean as expected" in sentence and "2 came out" not in sentence
    assert "not compared with their ground truth" in sentence and "t/f" in sentence


def test_an_audit_not_found_never_masks_the_outcomes_that_stand() -> None:
    """An app with no privacy-policy link (corpus ccjs-fair): its policy goal not found made the run exit 2 with
    a sentence naming only that goal, though deletion, permissions and consent were each measured clean."""
    reason = ("privacy-policy: not found (nothing promising left to try) — a search that missed it is no proof "
              "the app lacks it: look in the app; if it does, that is policy_not_shown_first_run, "
              "policy_hard_to_reach under miit-2019-1.2, miit-2019-1.3 (not concluded from a search)")
    runs = [{**result("clean", []), "flow": flow} for flow in ("deletion", "permissions", "consent")]
    code, sentence = verdict({"results": [*runs, {**result("not_found", [], message=reason), "flow": "policy"}]})
    assert code == 2 and "not found, the audit is incomplete: t/policy" in sentence
    assert "no dark pattern found in 3 audits: t/deletion, t/permissions, t/consent" in sentence
    assert "look in the app" in sentence and "(not concluded from a search)" in sentence     # said whole
    code, sentence = verdict({"results": [result("found", ["obstructed_deletion"]), result("broken", [], message="x")]})
    assert "no dark pattern found in" not in sentence       # nothing clean: nothing claimed
