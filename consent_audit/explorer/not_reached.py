"""What an explored goal not reached means, in words a user can act on (the `not_found` of its audit).

A search that did not reach its goal proves no absence: it knows a privacy policy, an account's deletion, a
consent dialog by their words and structure, within a budget. Where the app's lacking the flow's subject would
itself be a dark pattern (the rules marked `absence`: no privacy policy to reach — MIIT/CAC 2019 1.2 and 1.3, GDPR
Art. 12(1) …; no deletion in the app — the stores' account-deletion rules), the sentence names those patterns and
their rule items (assets/rules.yaml) and says to look in the app: the suite never concludes them from a miss (a
finding on a guess is the worst defect), the goal stays `not_found` (exit 2, verdict.py), and the other goals'
outcomes stand.
"""
from __future__ import annotations

from ..findings.registry import all_rules
from ..rules import Catalog, load_catalog

SHOWN_ITEMS = 5       # rule items named in the sentence, in catalog order (then "…")


def absence_patterns(flow: str) -> list[str]:
    """The patterns an app lacking `flow`'s subject would be (rules with `absence` set), by pattern id."""
    return [rule.pattern for rule in all_rules() if rule.absence and flow in rule.flows]


def breached_items(patterns: list[str], catalog: Catalog) -> list[str]:
    """The ids of the rule items covering any of `patterns`, in catalog order, each once."""
    wanted = set(patterns)
    return [item.id for item in catalog.items if wanted & set(item.patterns)]


def not_reached(goal: str, flow: str, detail: str, catalog: Catalog | None = None) -> str:
    """The not_found reason of the explorer goal `goal` (e.g. "privacy-policy") measured by `flow` ("policy")
    whose search ended with `detail` ("nothing promising left to try", "not found within budget (40 actions,
    120 s)"). Shapes: "<goal>: <detail>" where the subject's absence is no dark pattern (no consent dialog, no
    permission asked); else "<goal>: not found (<detail>) — a search that missed it is no proof the app lacks
    it: look in the app; if it does, that is <pattern>, … under <rule ids> (not concluded from a search)"."""
    patterns = absence_patterns(flow)
    if not patterns:
        return f"{goal}: {detail}"
    items = breached_items(patterns, catalog or load_catalog())
    named = ", ".join(items[:SHOWN_ITEMS]) + (", …" if len(items) > SHOWN_ITEMS else "")
    return (f"{goal}: not found ({detail}) — a search that missed it is no proof the app lacks it: look in the "
            f"app; if it does, that is {', '.join(patterns)} under {named or 'no rule item yet'} (not concluded "
            "from a search)")


__all__ = ["absence_patterns", "breached_items", "not_reached"]
