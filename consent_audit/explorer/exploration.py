"""What the explorer's search for one goal did and found (`Exploration`: its metrics and explored-path.json) and
the map it drew, for reports."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import allure

from ..errors import TapIntercepted
from .config import Budget
from .moves import Move
from .screens import title_of
from .goal import SearchResult


@dataclass
class Exploration:
    """What the search for one goal did and found."""

    goal: str
    ending: str                      # reached | off_app | budget | exhausted
    detail: str
    actions: int
    seconds: float
    budget: Budget
    dead_ends: list[dict[str, Any]] = field(default_factory=list)
    paths: dict[str, list[Move]] = field(default_factory=dict)
    maps: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    unsearched: list[str] = field(default_factory=list)    # what a search that covers what it reaches left out
    coverage: int | None = None      # a coverage search: the distinct controls it used (by words), else None
    toll: int = 0                    # of `actions`, those signing in at launch (operator.Spend.toll)
    probe: int = 0                   # of `actions`, those of the consent dialog's structural probe (Spend.probe)
    signed_in: bool = False          # a coverage search that signed in to search the app behind a log-in inside it

    @property
    def reached(self) -> bool:
        return self.ending in ("reached", "off_app")

    def metrics(self) -> dict[str, Any]:
        return {"actions_spent": self.actions, "consent_probe_actions": self.probe, "dead_ends": self.dead_ends,
                "explorer": {"goal": self.goal, "result": self.ending, "detail": self.detail,
                             "seconds": round(self.seconds, 1),
                             "budget": {"actions": self.budget.actions, "seconds": self.budget.seconds},
                             "paths": {name: [str(m) for m in moves] for name, moves in self.paths.items()},
                             "not_searched": list(self.unsearched),
                             **({} if self.coverage is None else {"coverage_controls": self.coverage}),
                             **({"actions_signing_in": self.toll} if self.toll else {}),
                             **({"searched_signed_in": True} if self.signed_in else {})}}

    def write(self, folder: Path) -> Path:
        """explored-path.json: each path step with a locator to start a page object from."""
        path = folder / "explored-path.json"
        data = {"goal": self.goal, "result": self.ending, "detail": self.detail, "actions_spent": self.actions,
                "consent_probe_actions": self.probe,
                "paths": {name: [m.to_dict() for m in moves] for name, moves in self.paths.items()},
                "dead_ends": self.dead_ends, "maps": self.maps, "not_searched": self.unsearched}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        lines = [f"# {self.goal}: {self.ending} ({self.detail})", f"actions spent: {self.actions}", ""]
        for name, moves in self.paths.items():
            lines.append(f"## {name}")
            lines += [f"{i}. {m}  —  {m.locator()}" for i, m in enumerate(moves, 1)] + [""]
        allure.attach("\n".join(lines), name=f"explored path: {self.goal}", attachment_type=allure.attachment_type.TEXT)
        return path


def map_of(result: SearchResult) -> list[dict[str, Any]]:
    """The screens a search saw and the moves between them (for reports: how the app hangs together)."""
    graph = result.graph
    if graph is None:
        return []

    def name(sig: str) -> str:
        node = graph.nodes.get(sig.removesuffix("+done"))
        return f"{title_of(node.screen) if node else sig} [{sig[:6]}]"

    return [{"from": name(e.source), "moves": [str(m) for m in e.moves], "to": name(e.target),
             "assumed": e.predicted} for e in graph.edges.values()]


def stopped_at(goal: str, exc: BaseException, step_titles: list[str], actions: int) -> str:
    """Why exploring `goal` broke, said as it happened: after how many of the search's actions, after which
    recorded step of the run, and what failed (said first) — a tap refused because a layer covered its target names the
    control and what covered it (never "could not start" when the search had run). `step_titles`: the run's
    recorded steps so far, in order."""
    if isinstance(exc, TapIntercepted):
        what = (f'tapping "{exc.target}" was refused: {exc.cover} covered it, and it was no layer the explorer '
                f"could answer (no close, decline, continue or consent choice)")
    else:
        lines = str(exc).strip().splitlines()
        what = f"{type(exc).__name__}: {lines[0][:300]}" if lines else type(exc).__name__
    last = f"step {len(step_titles)}, {step_titles[-1]}" if step_titles else "no step recorded yet"
    # what failed first: a message cut short for a summary line still says it
    return f"{what} — exploring {goal}, after {actions} action(s) of its search (the run's last {last})"
