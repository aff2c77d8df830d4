"""Layers that come while the app is in use (`LateLayers`, a mixin of `ExploredApp`): a consent sheet that
slides up a few seconds after load or at the first scroll, a late prompt. One that covers a control about to
be tapped (the browser refuses the tap) or that came by itself just as a control was tapped is answered as a
launch modal is — the consent dialog accepted, another modal by its close, decline or continue — and the
search or the walk goes on behind it — or refused, while a journey keeps refusing (`refusing_in_use`: the
permissions audit's use of each feature by a user who refused the dialog). Never inside the consent goal or a
consent journey, where the dialog is what is measured. The operator calls these (`Operator.on_cover`,
`Operator.after_tap`)."""
from __future__ import annotations

from ..screen import Screen
from . import consent, cues
from .gone import perform_if_there
from .moves import Move, perform
from .screens import modal_answer


ASKED_FOR = ("privacy", "privacy_policy", "consent_context", "manage", "settings", "delete", "cancel_account",
             "next", "confirm", "agree")
"""Lexicon categories of a tapped control that may itself open a consent-like layer (goals.yaml, explorer.yaml)."""
DECISION = ("delete", "cancel_account")
"""Words of a layer that is a step of the deletion, never a consent dialog to answer by the way."""


class LateLayers:
    """See the module doc; the state it reads (`op`, `data`, `accept`, `answering_consent`) is `ExploredApp`'s."""

    refusing_in_use = False
    """A consent dialog met while the app is in use is refused (as the user who refused it at launch), not
    accepted: set by a journey that counts what the app does to that user (flows/test_permissions.py, the
    nagging journey after use) — accepted there, a dialog nagging for consent is silenced before it is counted."""

    def answer_consent_in_use(self) -> None:
        """The consent dialog on screen while the app is in use: refused when `refusing_in_use` and a refusal is
        offered and read (one offering none, or a consent wall, is accepted as a user must to go on), else
        accepted."""
        if self.refusing_in_use and self.refusal_offered is not False and not self.refusal_unread \
                and not self.consent_walled:
            self.reject_consent()
        else:
            self.accept_consent()

    def _answer_cover(self, screen: Screen) -> bool:
        """A layer that came over the control about to be tapped (a consent sheet sliding up seconds after load
        or at the first scroll, a late prompt), answered as a launch modal is: the consent dialog accepted (as
        learnt, else by its words), any other modal by its close, decline or continue. True when answered;
        never inside the consent goal or a consent journey (there the dialog is what is measured)."""
        if self.answering_consent or not self.op.in_foreground:
            return False
        if consent.shown(self.op, screen):
            self._answer_late(screen)
            return True
        target = modal_answer(screen, self.op.targets(screen), self.op.covered(screen))
        if target is None:
            return False
        perform_if_there(self.op, Move.tap(target), self.data)    # None: it went by itself, nothing to answer
        return True

    def _answer_late_consent(self, before: Screen, label: str, after: Screen) -> bool:
        """A consent dialog that came over the app by itself just as a control was tapped (shown a few seconds
        after load or at the first gesture): accepted as at launch, so the search goes on behind it. Only a
        dialog the tap did not ask for — not on screen before, covering the app, the tapped control neither
        about privacy, cookies or consent settings nor a step of a decision (delete, next, confirm, agree) —
        that says nothing of deleting an account (a deletion's own "I agree" confirmation is never answered
        here), and never in the consent goal or a consent journey, nor while a launch's modals are answered (the
        dialog behind a splash is the launch's own: a flow decides what to do with it). Nor once the app holds an
        answer given since the fresh install while its launch left no timer pending (`looked_long`): the dialog
        back then came from the tap (a settings row re-opening it, in words no lexicon knows), not by itself —
        the search leaves it unanswered (explorer/consent_reopened.py)."""
        if self.answering_consent or self.at_launch:     # at launch (a splash skipped) it is the launch's own
            return False
        if getattr(self.op, "consent_answered", False) and self.op.looked_long:
            return False
        if consent.shown(self.op, before) or not consent.shown(self.op, after):
            return False
        if not self.op.covered(after) or cues.has(label, *ASKED_FOR):
            return False
        shown = " ".join(t for i, e in enumerate(after.elements) if (t := e.text) and i not in self.op.covered(after))
        if cues.has(shown, *DECISION):
            return False
        self._answer_late(after)
        return True

    def _answer_late(self, screen: Screen) -> None:
        if self.refusing_in_use:
            self.answer_consent_in_use()
            return
        known = self.accept.moves if self.accept is not None and self.accept.moves else None
        if known and self.op.find(known[0].key, screen) is not None:
            self._walk(known, "accept the consent dialog that came over the app")  # type: ignore[attr-defined]
        else:
            found = consent.answer(self.op, consent.ACCEPT, self.data)
            self.accept = self.accept or found
        self.op.consent_answered = True
        self.op.consent_data_question = consent.data_question(self.accept)
