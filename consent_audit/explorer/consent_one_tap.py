"""One-step refusals tried from a fresh launch, told by what the app stores (`OneTapRefusals`, a mixin of
`ConsentExplorations`): a control no lexicon names where the worded refusal takes longer (`_shorter_refusal`),
and the accept's twin on a bar of two answers drawn alike (`_twin_refusal`, consent_twin)."""
from __future__ import annotations

from ..readback import judge
from ..screen import Screen
from . import consent, refusal
from .consent_twin import drawn_first, twin
from .elements import Target as Control, purpose_targets, targets
from .moves import Move
from .operator import NotOnScreen


class OneTapRefusals:
    """Each candidate tapped from a fresh launch; the first whose answer is a refusal becomes `self.reject`. Uses
    the explorer's `op`, `data`, `accept`, `reject`, `_dialog_fresh` and `_unnamed` (ConsentExplorations)."""

    layer_seen: tuple[Screen, frozenset[int]] | None = None     # the settings layer a trial opened (ExploredApp)

    def _shorter_refusal(self, kept: tuple | None = None, unnamed: list | None = None) -> None:
        """The refusal its words told takes more steps than accepting (what would be measured as an asymmetric
        choice): before it is, each control of the dialog's first layer that no lexicon names — neither an
        answer, nor a way to the settings, a close or a link the words tell — is tried from a fresh launch as a
        one-step refusal (the TCF layout's «I do not accept» in a language whose negation the words miss). One
        is the refusal measured instead when, after it, the dialog is gone and stays gone at a relaunch and what
        the app kept is a refusal against what accepting kept (readback.judge: honoured). A dialog whose first
        layer holds no such control costs nothing; otherwise the worded path stays. `unnamed`: those controls as
        the accept's launch showed them (else looked for on a fresh launch); `kept`: the (unanswered, accepted)
        records of the accept walked and relaunched (else walked again here: refusal.records)."""
        assert self.accept is not None and self.reject is not None
        if unnamed is None:
            first = self._dialog_fresh()
            unnamed = self._unnamed(first) if first is not None else []
        if not unnamed:
            return
        # each trial a one-step refusal: worth its actions only while none as short is known — so the controls
        # drawn as the answers are go first, and the first that refuses ends the trials (none can be shorter)
        self._one_tap_refusal(drawn_first(unnamed, self.accept.entry), kept)

    def _twin_refusal(self, dialog: Screen, kept: tuple | None) -> bool:
        """No refusal the words tell, on a dialog of two answers drawn alike, one the accept (`consent_twin.twin`,
        on `dialog`: the fresh launch the accept was walked from; one leaving the app usable, a bar): its twin
        tried from a fresh launch as the refusal (`_one_tap_refusal`: gone, and still gone at a relaunch) before
        every way out of the dialog is (explorer/refusal.py). True when it refused (it is `self.reject`, drawn
        on `dialog`). `kept`: as `_shorter_refusal`'s."""
        assert self.accept is not None
        covered = self.op.covered(dialog)
        other = twin(dialog, self.op.targets(dialog), covered, self.accept.moves)
        if other is None or not self._one_tap_refusal([other], kept):
            return False
        assert self.reject is not None
        self.reject.dialog, self.reject.covered = dialog, covered
        return True

    def _one_tap_refusal(self, controls: list[Control], kept: tuple | None) -> bool:
        """Each of `controls` (of the dialog's first layer) tapped in turn from a fresh launch; the first after
        which the dialog is gone and stays gone at a relaunch, and what the app kept is a refusal against what
        accepting kept (readback.judge: honoured), becomes the reject path (`self.reject`): True. `kept`: the
        (unanswered, accepted) records of the accept walked and relaunched (else walked again: refusal.records).
        False, nothing changed, when none refuses or the dialog does not show."""
        assert self.accept is not None
        if not controls or self.op.platform.stored_state() is None:
            return False
        unanswered, accepted = kept if kept is not None else refusal.records(self.op, self.accept.moves, self.data)
        for target in controls:
            if self._dialog_fresh() is None:
                return False
            try:
                after = self.op.tap(target)
            except NotOnScreen:
                continue
            if consent.shown(self.op, after) and self.layer_seen is None:
                covered = self.op.covered(after)
                if purpose_targets(targets(after, covered)):     # it opened the settings layer: kept to count
                    self.layer_seen = (after, covered)
            if consent.shown(self.op, after) or not self.op.in_foreground:
                continue
            if consent.shown(self.op, self.op.relaunch()):
                continue
            if judge(unanswered, accepted, self.op.platform.stored_state()).get("reject_honoured"):
                self.reject = consent.ConsentPath(consent.REJECT, [Move.tap(target)], target.element)
                return True
        return False
