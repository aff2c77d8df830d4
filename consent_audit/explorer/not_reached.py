"""What an explored goal not reached means, in words a user can act on (the `not_found` of its audit).

A search that did not reach its goal proves no absence: it knows a privacy policy, an account's deletion, a
consent dialog by their words and structure, within a budget. Where the app's lacking the goal would itself be
a dark pattern (assets/explorer.yaml `absence_breaches`: no privacy policy to reach — MIIT/CAC 2019 1.2 and
1.3, GDPR Art. 12(1) …; no deletion in the app — the stores' account-deletion rules), the sentence names those
rule items (assets/rules.yaml) and says to look in the app: the suite never concludes them from a miss (a
finding on a guess is the worst defect), and the goal stays `not_found` (exit 2, verdict.py), while the other
goals' outcomes stand.
"""
from __future__ import annotations

from ..rules import Catalog, load_catalog
from .config import ExplorerConfig

SHOWN_ITEMS = 5       # rule items named in the sentence, in catalog order (then "…")


def breached_items(patterns: list[str], catalog: Catalog) -> list[str]:
    """The ids of the rule items covering any of `patterns`, in catalog order, each once. KeyError for a
    pattern the catalog does not know (a typo in explorer.yaml fails loudly)."""
    for pattern in patterns:
        catalog.for_pattern(pattern)          # KeyError for an unknown pattern
    wanted = set(patterns)
    return [item.id for item in catalog.items if wanted & set(item.patterns)]


def not_reached(goal: str, detail: str, config: ExplorerConfig, catalog: Catalog | None = None) -> str:
    """The not_found reason of `goal` (an explorer goal, e.g. "privacy-policy") whose search ended with
    `detail` ("nothing promising left to try", "not found within budget (40 actions, 120 s)"). Shapes:
    "<goal>: <detail>" for a goal whose absence is no dark pattern; else "<goal>: not found (<detail>) — a
    search that missed it is no proof the app lacks it: look in the app; if it does, that is <pattern>, …
    under <rule ids> (not concluded from a search)". KeyError for a pattern rules.yaml does not know."""
    patterns = config.absence_breaches(goal)
    if not patterns:
        return f"{goal}: {detail}"
    items = breached_items(patterns, catalog or load_catalog())
    named = ", ".join(items[:SHOWN_ITEMS]) + (", …" if len(items) > SHOWN_ITEMS else "")
    return (f"{goal}: not found ({detail}) — a search that missed it is no proof the app lacks it: look in the "
            f"app; if it does, that is {', '.join(patterns)} under {named or 'no rule item yet'} (not concluded "
            "from a search)")


__all__ = ["breached_items", "not_reached"]
