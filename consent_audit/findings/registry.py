"""The findings registry: every Rule under `findings/patterns/`, found by module, chosen by flow."""
from __future__ import annotations

import functools
import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Any, Mapping

from ..model import Finding
from . import patterns as _patterns
from .base import Rule, Unmeasured


@functools.lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """One instance of each rule module's `RULE` class, ordered by pattern id."""
    found: list[Rule] = []
    for info in pkgutil.iter_modules(_patterns.__path__):
        module = importlib.import_module(f"{_patterns.__name__}.{info.name}")
        rule_class = getattr(module, "RULE", None)
        if rule_class is None:
            raise ImportError(f"{module.__name__} defines no RULE")
        if rule_class.pattern != info.name:
            raise ImportError(f"{module.__name__}: RULE.pattern {rule_class.pattern!r} must equal the module name")
        found.append(rule_class())
    return tuple(sorted(found, key=lambda r: r.pattern))


def rules_for(flow: str) -> list[Rule]:
    """The rules that judge a flow's metrics."""
    return [rule for rule in all_rules() if flow in rule.flows]


def patterns_of(flow: str) -> list[str]:
    """The pattern ids a flow can find, sorted."""
    return [rule.pattern for rule in rules_for(flow)]


@dataclass
class Evaluation:
    """What the rules of one flow concluded: the findings, and per pattern the figures it needed but that were
    not measured (such a pattern is neither found nor cleared)."""

    flow: str
    findings: list[Finding] = field(default_factory=list)
    unmeasured: dict[str, list[str]] = field(default_factory=dict)
    not_checked: dict[str, str] = field(default_factory=dict)
    """Pattern → why it was left out of this audit by the run's own scope (`--traffic off`, a goal not
    explored): every figure it lacks was left out on purpose, so it is neither found, cleared nor broken."""

    @property
    def patterns(self) -> list[str]:
        return sorted({f.pattern for f in self.findings})


def evaluate(flow: str, metrics: Mapping[str, Any], evidence: Mapping[str, list[str]] | None = None,
             facts: Mapping[str, Any] | None = None, policy: Any = None,
             out_of_scope: Mapping[str, str] | None = None) -> Evaluation:
    """Run every rule of `flow` over its metrics. `evidence` maps the flow's evidence groups to screenshot
    paths (relative to the run folder); `facts` holds what the target file says (e.g. collected_at_signup);
    `policy` is a consent_audit.policy.Policy (default: the policy file); `out_of_scope` maps figures the run
    chose not to measure to why (a rule lacking only such figures is `not_checked`, one lacking any other
    figure is `unmeasured`)."""
    if policy is None:
        from ..policy import load_policy
        policy = load_policy()
    limits = policy.section(flow)
    result = Evaluation(flow)
    scope = dict(out_of_scope or {})
    for rule in rules_for(flow):
        try:
            finding = rule.evaluate(flow, metrics, evidence or {}, facts or {}, limits)
        except Unmeasured as missing:
            if missing.figures and all(name in scope for name in missing.figures):
                result.not_checked[missing.pattern] = "; ".join(dict.fromkeys(scope[n] for n in missing.figures))
            else:
                result.unmeasured[missing.pattern] = missing.figures
            continue
        if finding is not None:
            result.findings.append(finding)
    return result


__all__ = ["all_rules", "rules_for", "patterns_of", "evaluate", "Evaluation", "Unmeasured"]
