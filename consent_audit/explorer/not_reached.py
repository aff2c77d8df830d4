"""What an explored goal not reached means, in words a user can act on (the `not_found` of its audit).

A search that did not reach its goal proves no absence: it knows a privacy policy, an account's deletion, a
consent dialog by their words and structure, within a budget. Where the app's lacking the flow's subject would
itself be a dark pattern (the rules marked `absence`: no privacy policy to reach — MIIT/CAC 2019 1.2 and 1.3, GDPR
Art. 12(1) …; no deletion in the app — the stores' account-deletion rules), the sentence names those patterns and
their rule items (assets/rules.yaml) and says to look in the app: the suite never concludes them from a miss (a
finding on a guess is the worst defect), the goal stays `not_found` (exit 2, verdict.py), and the other goals'
outcomes stand.

A search whose dead ends show it found the subject's control and failed to operate it (its words name the goal,
or the search stopped at its form; it could not go on, could not fill or had its form rejected) says so first —
the control, where it was, what failed — and hints no absence: the app has what the suite saw (fresh9: a
«Konto löschen» its scroll did not reach was hinted as in-app deletion missing). A goal control that merely led
nowhere keeps the hint: a «Delete account» page offering no way on may be the app's lack.
"""
from __future__ import annotations

from typing import Any, Iterable

from ..findings.registry import all_rules
from ..rules import Catalog, load_catalog
from . import cues
from .deletion import ENTRY
from .policy import POLICY

SHOWN_ITEMS = 5       # rule items named in the sentence, in catalog order (then "…")
GOAL_WORDS = {"deletion": frozenset(ENTRY), "policy": frozenset({POLICY})}   # lexicon categories naming the subject
FAILED = ("could not go on:", "form:", "form rejected:")   # dead-end kinds: the suite failed to operate a control
FORM_WANTS = "form: "          # the kind of a form it could not fill; the search stopped there says "at a form: …"


def absence_patterns(flow: str) -> list[str]:
    """The patterns an app lacking `flow`'s subject would be (rules with `absence` set), by pattern id."""
    return [rule.pattern for rule in all_rules() if rule.absence and flow in rule.flows]


def breached_items(patterns: list[str], catalog: Catalog) -> list[str]:
    """The ids of the rule items covering any of `patterns`, in catalog order, each once."""
    wanted = set(patterns)
    return [item.id for item in catalog.items if wanted & set(item.patterns)]


def failed_at_goal(flow: str, detail: str, dead_ends: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The dead ends (dicts with label, kind, where, tried) whose control the suite failed to operate (kind in
    `FAILED`) and that read as `flow`'s subject: the search stopped at its form (`detail` ends with what the form
    wants), or its label's words name the goal. Where the search stopped first, then in the given order."""
    words = GOAL_WORDS.get(flow, frozenset())
    ended, named = [], []
    for dead in dead_ends:
        kind = dead.get("kind", "")
        if not kind.startswith(FAILED):
            continue
        if kind.startswith(FORM_WANTS) and detail.endswith(kind[len(FORM_WANTS):]):
            ended.append(dead)
        elif cues.categories(dead.get("label", "")) & words:
            named.append(dead)
    return ended + named


def not_reached(goal: str, flow: str, detail: str, catalog: Catalog | None = None,
                dead_ends: Iterable[dict[str, Any]] = ()) -> str:
    """The not_found reason of the explorer goal `goal` (e.g. "privacy-policy") measured by `flow` ("policy")
    whose search ended with `detail` ("nothing promising left to try", "not found within budget (40 actions,
    120 s)"). Shapes: "<goal>: <detail>" where the subject's absence is no dark pattern (no consent dialog, no
    permission asked); else "<goal>: not found (<detail>) — a search that missed it is no proof the app lacks
    it: look in the app; if it does, that is <pattern>, … under <rule ids> (not concluded from a search)"; where
    `dead_ends` (the search's, dicts with label, kind, where) show the goal's control found and not operated
    (`failed_at_goal`): "<goal>: not found — the search found '<label>' (<where>) and could not operate it:
    <kind> [; also …] (<detail>); the app has it: a limit of the suite, not the app's lack"."""
    failed = failed_at_goal(flow, detail, dead_ends)
    if failed:
        first, rest = failed[0], failed[1:]
        also = "".join(f"; also '{d['label']}' ({d['where']}): {d['kind']}" for d in rest[:2])
        why = "" if detail.endswith(first["kind"][len(FORM_WANTS):]) else f" ({detail})"   # said once
        return (f"{goal}: not found — the search found '{first['label']}' ({first['where']}) and could not operate "
                f"it: {first['kind']}{also}{why}; the app shows it: a limit of the suite, not a sign the app "
                "lacks it (look at that control in the app)")
    patterns = absence_patterns(flow)
    if not patterns:
        return f"{goal}: {detail}"
    items = breached_items(patterns, catalog or load_catalog())
    named = ", ".join(items[:SHOWN_ITEMS]) + (", …" if len(items) > SHOWN_ITEMS else "")
    return (f"{goal}: not found ({detail}) — a search that missed it is no proof the app lacks it: look in the "
            f"app; if it does, that is {', '.join(patterns)} under {named or 'no rule item yet'} (not concluded "
            "from a search)")


__all__ = ["absence_patterns", "breached_items", "not_reached"]
