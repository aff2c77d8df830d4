"""The README says how the consent nagging figure is measured (which audit, the refusal, the relaunches, the
storage kept, what is counted) — new users could not tell — and what it says matches the code."""
from __future__ import annotations

import re
from pathlib import Path

from consent_audit.findings.patterns.consent_nagging import ConsentNagging

ROOT = Path(__file__).resolve().parents[1]


def _paragraph() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("**How the nagging figures are counted**")
    return " ".join(readme[start:readme.index("\n\n", start)].split())


def test_the_readme_says_how_consent_nagging_is_counted() -> None:
    said = _paragraph()
    for words in ("permissions** audit", "rejected", "keeping its storage", "consent` = 1", "unmeasured"):
        assert words in said, words
    assert ConsentNagging.flows == ("permissions",) and "`consent_nagging` is reported under permissions" in said


def test_what_it_says_matches_the_code() -> None:
    said = _paragraph()
    flow = (ROOT / "consent_audit/flows/test_permissions.py").read_text(encoding="utf-8")
    assert '"nagging" + label)' in flow and "with recorder.journey(name) as nagging" in flow
    assert '"nagging after use" + label)' in flow and "_tried(app, permissions, reach_budget)" in flow
    assert "max(a, b) for a, b in zip(per_launch[\"permission\"], counts)" in flow
    for words in ("tried each feature", "the more of the two journeys' permission requests",
                  "consent counts stay those of the journey without use"):
        assert words in said, words
    assert "app.reject_consent()" in flow and "app.relaunch()" in flow and "late |=" in flow
    assert "first asks for at a relaunch" in said
    plugin = (ROOT / "consent_audit/plugin.py").read_text(encoding="utf-8")
    default = re.search(r'"--relaunches", type=int, default=(\d+)', plugin)
    assert default and f"(default {default.group(1)})" in said
