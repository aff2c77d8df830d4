"""The consent goal's answers told by the structural probe (`ToldByStructure`, a mixin of `ConsentExplorations`):
the goal's end when the probe told them, the probe run for a dialog read by its words whose refusal no word
names, and for one whose accept no word names when another goal must get past it. The state it uses is declared
in `ExploredApp`."""
from __future__ import annotations

from typing import Callable

from .exploration import Exploration
from .operator import NotOnScreen
from .spend import Spend


class ToldByStructure:
    """See the module doc."""

    def _told_by_structure(self, spend: Spend) -> Exploration | None:
        """The goal's end when the structural probe told the dialog's answers (its accept and reject, or a
        notice's one answer and no refusal); None otherwise."""
        if self.op.consent_keys and self.accept is not None and self.reject is not None:
            held = (f"; {', '.join(repr(h) for h in self.structure_held)} disabled when the dialog was shown, "
                    "tapped once enabled (an answer held back, as by a countdown)" if self.structure_held else "")
            return Exploration("consent", "reached", "accept and reject paths told by what each answer stores" + held,
                               spend.actions, spend.seconds, spend.budget, [],
                               {"accept": self.accept.moves, "reject": self.reject.moves})
        if (self.op.consent_keys or self.consent_adopted) and self.accept is not None and self.refusal is not None \
                and self.refusal.offered is False:     # no refusal: every way out tried, here or by an earlier goal
            how = "accept path told by what it stores" if self.op.consent_keys else "accept path found"
            return Exploration("consent", "reached", f"{how}; no refusal offered: {self.refusal.detail}",
                               spend.actions, spend.seconds, spend.budget, [], {"accept": self.accept.moves})
        return None

    def _unworded_refusal_probed(self, untouched: bool) -> bool:
        """The dialog read by its words, its refusal by none: whether the structural probe told its answers
        (consent_structure.learn: each of its 2–3 buttons, and its settings layer's, tried once and what each
        stored read at once) — before, the accept was walked and relaunched, then every way out tried with a
        relaunch after each (daftar: 5 actions for 2). Kept when it told an accept and a refusal, or a notice
        leaving the app usable whose one answer accepts; a dialog covering the app whose buttons hold no refusal
        is left to every way out (its back, its backdrop: refusal.check) — nothing of the probe kept. `untouched`: no step since the launch the goal looked at (the
        probe's first answer tried there). Once per app (`structure_checked`)."""
        if self.structure_checked or not self._consent_by_structure(self.op.screen() if untouched else None):
            return False
        if self.reject is not None or (self.refusal is not None and not self.refusal.covers_app):
            return True
        self.op.consent_keys = frozenset()
        self.accept = self.reject = self.refusal = None
        self.settings_preticked = self.settings_mandatory = None
        return False

    def _accept_past(self, start_again: Callable[[], None]) -> bool:
        """Accept the consent dialog to get past it (every goal but the consent goal starts so); True when the app
        was started again to do so. A dialog read by its words whose accept no word names (corpus hlaup:
        «Samþykkja allt», no Icelandic in the lexicon) is told by the structural probe — each answer tried and
        what it stored read — and `start_again()` starts afresh, walking the accept learnt. Before, the goal
        ended at once, 0 actions («no way to accept on the consent screen»), while the consent goal of the same
        run found the accept by the same probe. Raises NotOnScreen when the probe tells no accept (or ran before)."""
        try:
            self.accept_consent()
            return False
        except NotOnScreen:
            if self.accept is not None or self.structure_checked:
                raise       # a known accept not on screen, or the probe told none already
            if not self._consent_by_structure(None) or self.accept is None:
                raise
        start_again()
        return True
