"""The CLI verdict: an exit status and a plain sentence, read from summary.json's outcomes.

Exit 0: every audit clean. 1: dark patterns found and nothing broken. 2: anything broken, not found or
interrupted (a run that broke cannot claim completeness); the sentence still names the audits that concluded
(clean or found), whose outcomes stand. A reference target (one with ground truth) is a
self-test: it passes when its outcome and findings equal the truth, so the reference demo exits 0 when the
suite measured every variant right and 2 when it did not."""
from __future__ import annotations

from typing import Any

from .figure_words import clipped
from .model import EXIT_CLEAN, EXIT_FOUND, EXIT_INCOMPLETE, Outcome

COMPLETE = (Outcome.CLEAN.value, Outcome.FOUND.value)
MISSING_CHARS = 320       # of a not_found reason in the sentence (it says what the user can do)


def outcome_of(result: dict[str, Any]) -> str:
    """A result's outcome; a result without one (an older or damaged summary) proves nothing: broken."""
    return str(result.get("outcome") or Outcome.BROKEN.value)


def _name(result: dict[str, Any]) -> str:
    return f"{result.get('target', '?')}/{result.get('flow', '?')}"


def verdict(summary: dict[str, Any]) -> tuple[int, str]:
    """(exit status, sentence) for a run's summary."""
    results = summary.get("results", [])
    if summary.get("incomplete"):
        why = f"the run is incomplete ({summary['incomplete']})"
        if summary.get("interrupted"):
            why += f"; it was interrupted ({summary['interrupted']})"
        return EXIT_INCOMPLETE, why + "; nothing can be concluded from what is missing"
    if summary.get("interrupted"):
        return EXIT_INCOMPLETE, (f"the run was interrupted ({summary['interrupted']}); nothing can be concluded "
                                 "from the audits it did not finish; what was captured is in the bundle")
    if not results:
        return EXIT_INCOMPLETE, "no audit ran"
    incomplete = [r for r in results if outcome_of(r) not in COMPLETE]
    broken = [r for r in incomplete if outcome_of(r) != Outcome.NOT_FOUND.value]
    missing = [r for r in incomplete if outcome_of(r) == Outcome.NOT_FOUND.value]
    parts: list[str] = []
    if broken:
        parts.append("the audit broke, nothing can be concluded from: " + "; ".join(
            f"{_name(r)} ({clipped(r.get('message') or 'no reason recorded', 160)})" for r in broken))
    if missing:     # its reason whole: what was not found and what the user can do (explorer/not_reached.py)
        parts.append("not found, the audit is incomplete: " + "; ".join(
            f"{_name(r)} ({clipped(r.get('message') or '', MISSING_CHARS)})" for r in missing))
    reference = [r for r in results if r.get("as_expected") is not None]
    uncompared = [r for r in results if "as_expected" in r and r["as_expected"] is None]
    missed = [r for r in reference if not r["as_expected"] and r not in incomplete]
    if missed:
        parts.append("reference targets measured differently from their ground truth: "
                     + ", ".join(_name(r) for r in missed))
    found = [r for r in results if outcome_of(r) == Outcome.FOUND.value and r not in reference]
    if found:
        parts.append(f"dark patterns found in {len(found)} audits: " + ", ".join(
            f"{_name(r)} ({', '.join(sorted({f['pattern'] for f in r['findings']}))})" for r in found))
    if incomplete or missed:
        # an audit that concluded stands whatever another did: the incomplete ones never mask its outcome
        stand = [r for r in results if outcome_of(r) == Outcome.CLEAN.value and r not in reference]
        if stand:
            parts.append(f"measured in full, no dark pattern found in {len(stand)} audits: "
                         + ", ".join(_name(r) for r in stand))
        return EXIT_INCOMPLETE, "; ".join(parts)
    if reference:
        caught = [r for r in reference if outcome_of(r) == Outcome.FOUND.value]
        said = []
        if caught:
            said.append(f"{len(caught)} audits caught the deliberate dark patterns as expected")
        if len(reference) - len(caught):
            said.append(f"{len(reference) - len(caught)} came out clean as expected")
        parts.insert(0, "reference app (every figure equal to its ground truth): " + ", ".join(said))
    if uncompared:
        parts.append("not compared with their ground truth, the patterns they are built to show were not checked "
                     "in this run: " + ", ".join(_name(r) for r in uncompared))
    if found:
        return EXIT_FOUND, "; ".join(parts)
    if not reference:
        parts.append(f"no dark pattern found in {len(results)} audits")
    return EXIT_CLEAN, "; ".join(parts)
