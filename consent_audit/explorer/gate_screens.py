"""Two screens the permissions search (explorer/beyond_core.py) tells by structure, never by words: a start screen
that is a log-in gate (`log_in_gate`: what was searched is the gate, not the app) and a credentials form's submit
(`empty_submit`: this search types nothing, so that tap only sends the form empty)."""
from __future__ import annotations

from .elements import Use, targets
from .graph import ScreenGraph
from .screens import password_form, taps


def log_in_gate(graph: ScreenGraph) -> list[str]:
    """Whether the screen the search started on is a log-in gate, told by structure (where its controls lead,
    never by their words): itself a credentials form (a password field), or every one of its controls that led
    to another screen led to one, and none was left untried. Returns the labels of those controls (["the start
    screen"] for a form); [] when it is not a gate — then what the search reached is the app itself."""
    root = graph.nodes.get(graph.root)
    if root is None:
        return []
    if password_form(targets(root.screen)):
        return ["the start screen"]
    onward = [e for e in graph.out_of(root.ident) if not e.predicted and e.target != root.ident]
    if not onward or any(not c.tried and not c.why_not and c.score >= 0 for c in root.candidates.values()):
        return []
    forms = [graph.nodes.get(e.target) for e in onward]
    if any(n is None or not password_form(targets(n.screen)) for n in forms):
        return []
    return [e.moves[-1].label or e.moves[-1].key for e in onward]


def empty_submit(screen: Screen) -> str | None:
    """The key of a credentials form's submit (a password field on the screen): the button nearest below its
    last text field. This search types nothing, so that tap only sends the form empty — no screen of the app
    lies behind it for this search (a signed-in app is the log-in gate's matter, `log_in_gate`): leaving it
    untried is no uncovered feature. None when the screen holds no password field, or the control nearest
    below the fields is no button (a "forgot password" link: a way on, still owed)."""
    found = targets(screen)
    if not password_form(found):
        return None
    bottom = max(t.bounds[1] + t.bounds[3] for t in found if t.use == Use.TEXT)
    below = [t for t in taps(found) if t.bounds[1] >= bottom]
    nearest = min(below, key=lambda t: t.bounds[1], default=None)
    return nearest.key if nearest is not None and nearest.element.role == "button" else None
