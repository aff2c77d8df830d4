"""A consent dialog already rejected is shown again on relaunch. A relaunch whose count is None (a modal
answered at launch that could not be told consent or not; or the dialog not looked for long enough to show: the
app still had something scheduled) leaves the pattern unmeasured unless another relaunch showed the dialog. A
dialog offering no refusal, left unanswered before the relaunches — or, a consent wall, accepted as its only way on
(`consent_refused` False) — was never refused: its showing again is counted, never this pattern.
Rule items: those in assets/rules.yaml listing this pattern; limits: assets/policy.yaml."""
from __future__ import annotations

from typing import Any, Mapping

from ..base import Rule, Unmeasured


class ConsentNagging(Rule):
    pattern = "consent_nagging"
    flows = ("permissions",)
    needs = ("prompts_per_launch",)
    evidence_keys = {"permissions": ("nagging",)}

    def check(self, metrics: Mapping[str, Any], facts: Mapping[str, Any],
              limits: Mapping[str, Any]) -> dict[str, Any] | None:
        per_launch = list(metrics["prompts_per_launch"]["consent"])
        if metrics.get("consent_refused") is False:
            return None      # no refusal offered (left unanswered, or a wall accepted): no refusal to be asked again
        if any(per_launch):
            return {"per_launch": per_launch}
        if None in per_launch:
            raise Unmeasured(self.pattern, ["prompts_per_launch.consent"])
        return None


RULE = ConsentNagging
