"""A layer over a learnt path's control when the path is walked again (`PathLayers`, a mixin of `ExploredApp`):
a consent popup a fresh launch shows over the tab bar, a pre-prompt, a sheet the exploration never met there.
It is lifted only by what the suite may press without changing what it measures, by what the layer is:

- the consent dialog: answered as the exploration answered it (its learnt accept; never inside the consent
  goal or a consent journey, where the dialog is the subject);
- a modal whose answer was learnt at launch: that answer (a pre-prompt's refusal) — except a pre-prompt whose
  permission is refused under test (the permission journey answers it);
- an unknown layer: its close mark, else its decline, else its continue (`screens.modal_answer`), else the
  way back (the back key) — never a control whose tap would request a runtime permission: one the exploration
  saw ask (`SoftAsks.asks`), one that goes the other way from a modal's dismissal (`SoftAsks.alternatives`),
  one worded as asking or agreeing.

A first step whose control is not drawn yet (a library's banner built once its lazily imported code has loaded,
sliding up after the launch's look) is waited for, as long as a launch waits (`drawn_late`), before it is called
broken. Leading steps whose controls went with their launch layers (a splash advert's countdown «跳過 3» that ended by
itself, a modal answered and stored) are passed when a later step's control is on the screen
(`passed_by_itself`), never a broken path.

A layer it cannot lift is said with what it is (`PathCovered`, a not_found with the reason), never a broken
path. The state it reads (`op`, `data`, `accept`, `launch_moves`, `soft_asks`, `answering_consent`) is
`ExploredApp`'s."""
from __future__ import annotations

from ..errors import GoalNotReached
from ..screen import Screen
from ..waits import wait_until
from . import consent
from .elements import Target, targets
from .moves import TAP, Move, perform
from .screens import modal_answer
from .soft_ask import increments


class PathBroken(Exception):
    """A path the explorer found no longer holds when re-walked (the app changed, or state differs)."""


class PathCovered(GoalNotReached):
    """A learnt path's control lies under a layer the suite may not answer (or could not lift): not reached,
    with the reason (what the layer is and why it was left), never a broken path."""


def covering(screen: Screen, covered: frozenset[int], key: str) -> bool:
    """Whether the control `key` is on the page but under a layer (left out of what can be touched)."""
    return any(t.key == key for t in targets(screen)) and not any(t.key == key for t in targets(screen, covered))


def asking_keys(asks: dict, alternatives: dict) -> frozenset[str]:
    """Keys of the controls a lift never presses: those seen asking for a permission (`SoftAsks.asks`: dismissal
    → (agreeing move, permissions)) and every modal's agreeing control (`SoftAsks.alternatives`)."""
    return frozenset({agree.key for agree, _ in asks.values()} | {agree.key for agree in alternatives.values()})


def safe_answer(screen: Screen, found: list[Target], covered: frozenset[int], asking: frozenset[str]) -> Target | None:
    """The control that closes an unknown layer without agreeing to anything: its close, decline or continue
    (`modal_answer`, which never takes an agreeing or permission-asking word), unless its key is in `asking`."""
    target = modal_answer(screen, found, covered)
    return None if target is None or target.key in asking else target


def passed_by_itself(op, moves: list[Move], index: int) -> bool:
    """Whether the path's step `index` (1-based; a tap whose control is not on the screen, no step before it
    walked yet) was a launch layer's control that went with its layer (a splash advert's countdown «跳過 3» that
    ends by itself; an update modal and a consent banner answered once and stored, gone at the next launch): a
    later step's control is on the screen now (a fresh capture), every tap between them gone too, so nothing is
    missing."""
    if index >= len(moves) or moves[index - 1].kind != TAP:
        return False
    op.recorder.invalidate()
    if not op.in_foreground:
        return False
    screen = op.screen()
    for move in moves[index:]:
        if op.find(move.key, screen) is not None:
            return True
        if move.kind != TAP:
            return False
    return False


def drawn_late(op, move: Move) -> bool:
    """Whether `move`'s control, on no screen yet when a path's first step is due, comes by itself within the
    launch's wait (`op.gestures.timeout`; fresh captures polled by an explicit wait): a layer a library draws after
    the launch's look was quiet (porsche-fair under load: the reject re-walk tapped before its banner was built,
    "Tümünü reddet is not on the screen", the consent goal broken); once drawn, the app is let settle (its
    slide-up ended) before the tap. The wait ends at once when the control is on the page under a layer (lifted
    next) or the app left; False then and when the time runs out."""
    def there() -> str | None:
        op.recorder.invalidate()
        if not op.in_foreground:
            return "left"
        screen = op.screen()
        if op.find(move.key, screen) is not None:
            return "drawn"
        return "covered" if covering(screen, op.covered(screen), move.key) else None
    try:
        drawn = wait_until(there, timeout=op.gestures.timeout, interval=0.1,
                           message=f"«{move.label}» to be drawn") == "drawn"
    except TimeoutError:
        return False
    if drawn:
        op.adapter.settle()         # its slide-up over (a sheet still moving is not where it stops)
        op.recorder.invalidate()
    return drawn


class PathLayers:
    """See the module doc."""

    def _lift_over(self, move: Move, limit: int, where: str) -> bool:
        """Lift the layers over `move`'s control, at most `limit` answers: True once the control can be touched,
        False when it is under no layer (gone: the path is broken). Raises PathCovered, `where` (the step) and
        why: what lies over it and what was left unpressed."""
        for _ in range(limit):
            screen = self.op.screen()
            covered = self.op.covered(screen)
            if self.op.find(move.key, screen) is not None:
                return True
            if not self.op.in_foreground or not screen.in_app or not covering(screen, covered, move.key):
                return False
            why = self._lift_once(screen, covered)
            if why:
                raise PathCovered(f"{where}: {why}")
        if self.op.find(move.key) is None:
            raise PathCovered(f"{where}: «{move.label}» stayed under a layer after {limit} answers")
        return True

    def _lift_once(self, screen: Screen, covered: frozenset[int]) -> str:
        """One answer to the layer on `screen`; '' when given, else why none was."""
        if consent.shown(self.op, screen):
            if self.answering_consent:
                return "the consent dialog lies over it, and its own answer is what is walked"
            self._answer_late(screen)
            return ""
        learnt = next((m for m in self.launch_moves if self.op.find(m.key, screen) is not None), None)
        if learnt is not None:
            if self.soft_asks.under_test(learnt, self._denied()) is not None:
                return (f"a permission pre-prompt lies over it (answered «{learnt.label}» at launch); its "
                        "permission is refused under test, so it is left to the permission journey")
            return self._tap_safely(screen, Move.tap(self.op.find(learnt.key, screen)))
        found = self.op.targets(screen)
        target = safe_answer(screen, found, covered, asking_keys(self.soft_asks.asks, self.soft_asks.alternatives))
        if target is not None:
            return self._tap_safely(screen, Move.tap(target))
        labels = ", ".join(f"«{t.label[:30]}»" for t in found if t.label)[:160] or "no control"
        unsafe = (f"a layer lies over it ({labels}) with no close or refusal the suite may press (its other "
                  "controls may agree to something or ask for a permission)")
        after = self.op.back()      # the way back: lifted when it leaves fewer controls covered, in the app
        if not (self.op.in_foreground and after.in_app):
            return unsafe + "; the way back left the app"
        return "" if len(self.op.covered(after)) < len(covered) else unsafe + ", and the way back did not close it"

    def _tap_safely(self, screen: Screen, move: Move) -> str:
        """`move` made; '' unless the app asked for a permission on it (then said: nothing more is pressed)."""
        after = perform(self.op, move, self.data)
        asked = increments(screen.prompts, after.prompts)
        return (f"«{move.label}», answering the layer over it, asked for {', '.join(sorted(asked))}: nothing more "
                "was pressed") if asked else ""
