"""A refusal through a settings layer that has views (tabs, explorer/layer_views.py): each other view is opened and
its purposes unticked before the layer is saved. A refusal that saved the view first shown would store the
purposes of the others as they were — legitimate-interest switches ON on a second tab (corpus kaas) — and read as
a refusal not honoured: a false finding. The user who refuses through such a layer opens each tab; so does the
walk, and each view switch it taps is a step of the reject path (EDPB Guidelines 03/2022 on refusals spread over
layers)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..screen import Screen
from . import cues
from .elements import Target, purpose_targets, targets
from .forms import UNTICK
from .layer_views import view_strip
from .moves import FORM, TAP, Move


def _labels(screen: Screen, covered: frozenset[int]) -> frozenset[str]:
    return frozenset(cues.norm_label(t.label) for t in purpose_targets(targets(screen, covered)))


@dataclass
class ViewWalk:
    """One refusal's walk over the views of its settings layer. `offered`: the view switches the layer showed when
    its save was first due (None: not yet); `whole`: every control of the strip is among them
    (layer_views.view_strip) — the view first shown is one of theirs, left untried once every other showed a
    view of its own."""

    offered: int | None = None
    whole: bool = False
    used: set[str] = field(default_factory=set)
    opened: int = 0
    pending: frozenset[str] | None = None     # the purposes shown before the switch just tapped

    def before_saving(self, screen: Screen, found: list[Target], covered: frozenset[int], ticked: bool,
                      step: tuple[Move, Target]) -> tuple[Move, Target]:
        """`step` (the refusal's next move on `screen`; `found`: the controls it may use) when it does not save
        the layer or no other view is left to open; else the move opening the next view — the purposes shown
        unticked first when some are ticked (a form whose submit is the view switch)."""
        move, target = step
        saves = (move.kind == FORM and move.purpose == UNTICK) or (
            move.kind == TAP and cues.has(target.label, "save", "confirm"))
        if not saves:
            return step
        usable = {t.key for t in found}
        strip, whole = view_strip(screen, covered)
        switches = [t for t in strip if t.key in usable and t.key not in self.used]
        if self.offered is None:
            self.offered, self.whole = len(switches), whole
        if not switches or (self.whole and self.opened + 1 >= self.offered):
            return step
        view = switches[0]
        self.used.add(view.key)
        self.pending = _labels(screen, covered)
        return (Move.form(view, UNTICK) if ticked else Move.tap(view)), view

    def after(self, screen: Screen, covered: frozenset[int]) -> None:
        """The screen after a move: when it was a view switch, whether it showed a view of its own (purposes
        that replace those shown before it)."""
        if self.pending is None:
            return
        shown, now = self.pending, _labels(screen, covered)
        self.pending = None
        if now - shown and (not shown or shown - now):
            self.opened += 1
