"""Findings as rules: one small module per dark pattern under `findings/patterns/`, each a `Rule` with its
pattern id, the flows it judges, the limits it reads from the policy file (assets/policy.yaml), the rule items
it cites from the catalog (assets/rules.yaml) and its messages in EN and ZH (assets/findings.yaml), rendered
from the figures it used.

Flows end with `audit.conclude(evaluate(flow, metrics, evidence, facts, policy))`. Adding a finding is one new
module in `patterns/` plus its catalog items and message templates; docs/findings.md walks through it."""
from __future__ import annotations

from .base import Rule, Unmeasured
from .registry import Evaluation, evaluate, patterns_of, rules_for

__all__ = ["Rule", "Unmeasured", "Evaluation", "evaluate", "patterns_of", "rules_for"]
