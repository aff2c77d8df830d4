"""The end of a best-first search (explorer/search.py): the `SearchResult` it returns."""
from __future__ import annotations

from typing import Any

from .goal import SearchResult
from .shortcuts import shortened


def result_of(self: Any, ending: str, detail: str) -> SearchResult:
    """What the search `self` (a GoalSearch) returns once it ends (`ending`: exhausted, budget …; `detail`: why):
    the way to the goal's screen as kept on the map, shortened to the shortest known (never the search's own
    detour: explorer/shortcuts.py), or no path with the reason none was kept."""
    target, path = None, []
    detail = getattr(self.goal, "stopped", "") or detail      # a goal that stopped says why
    if self.reached is not None:
        ending, (target, detail) = "reached", self.reached
    elif self.off_app is not None:
        ending, (target, detail) = "off_app", self.off_app
    if target is not None:
        way = self.graph.way_to(target)
        way = shortened(self.graph, way) if way else way     # never the search's own detour
        if way is None and target != self.graph.root:
            # reached, but no way there was kept: nothing the flow could walk again — never an empty path
            # taken for "nothing to do" (fixLX's zvezda: an empty deletion path read as no deletion in the app)
            ending, detail = "exhausted", f"the goal was reached ({detail}) but no way to it was kept to walk again"
            target = None
        path = way or []
    chat_note = getattr(self.goal, "chat_note", "")     # a chat it could not use (explorer/chat.py)
    if ending != "reached" and chat_note:
        detail = f"{detail}; {chat_note}"
    wants = [d["kind"] for d in self.dead.as_list() if d["kind"].startswith("form: it wants")]
    if ending == "exhausted" and self._stranded():
        assert self.logged_out is not None
        detail = (f"logged out by '{self.logged_out[0][:40]}' ({self.logged_out[1]}) and no way to log back "
                  "in with the test account was known")
    elif ending == "exhausted" and wants:
        detail = f"stopped at a form: {wants[0][6:]}"
    return SearchResult(ending=ending, path=path, target=target, detail=detail, dead_ends=self.dead.as_list(),
                        actions=self.spend.actions, seconds=self.spend.seconds, graph=self.graph)
