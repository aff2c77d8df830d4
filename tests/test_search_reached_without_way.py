"""A goal reached on a screen no kept way leads to is no path of nothing: before, `GoalSearch._result` reported
"reached" with an empty path (`way_to(...) or []`), the flow walked nothing, and a deletion that was there read as
no deletion in the app (`deletion_not_in_app`, fixLX's run of corpus zvezda). Now such a search ends not reached,
saying why; a goal reached on the start screen itself keeps its empty way."""
from __future__ import annotations

from types import SimpleNamespace

from consent_audit.explorer.search_result import result_of


def _search(way: list | None, target: str) -> SimpleNamespace:
    graph = SimpleNamespace(root="start", way_to=lambda ident: way)
    return SimpleNamespace(goal=SimpleNamespace(), reached=(target, "deleted"), off_app=None, graph=graph,
                           dead=SimpleNamespace(as_list=lambda: []), spend=SimpleNamespace(actions=9, seconds=3.0),
                           _stranded=lambda: False, logged_out=None)


def test_a_goal_reached_with_no_way_kept_is_not_reached() -> None:
    result = result_of(_search(None, "deleted-screen"), "exhausted", "")  # type: ignore[arg-type]
    assert result.ending != "reached" and result.path == [] and result.target is None
    assert "no way to it was kept" in result.detail


def test_a_goal_reached_on_the_start_screen_keeps_its_empty_way() -> None:
    result = result_of(_search(None, "start"), "exhausted", "")  # type: ignore[arg-type]
    assert result.ending == "reached" and result.path == []
