"""The deletion goal: controls are scored toward deleting the account (delete account, 注销账号, settings,
account & security …), away from decoys (log out, contact support, help); inside the deletion flow its
forms are filled and next / confirm lead on. Reached when the screen reports the deletion done or pending."""
from __future__ import annotations

from ..screen import Screen
from . import cues
from .config import ExplorerConfig
from .elements import Target, Use
from .forms import FILL
from .graph import Node
from .moves import FORM, Move
from .screens import PROGRESS, ends_off_app, reached, says, taps
from .goal import Verdict

ENTRY = ("cancel_account", "delete")
WAY_ON = PROGRESS | {"confirm", "agree"}


def refusal(before: Screen, move: Move, after: Screen, found: list[Target]) -> str:
    """The message a tap inside the deletion flow was answered with when the screen stayed in place: a text
    that was not there before and names no control of the screen (an inline «理由を1つ以上選んでください。», a
    toast caught while settling). Structure first — such a new text after a way on (next, confirm, delete …)
    on a screen offering something left undone (an unticked box, an unchosen option, an empty field) is a
    refusal, whatever its language (a "tap again to confirm" with nothing to fill is a step, not a refusal);
    after another control only a text worded as an error or a request ("Please choose a reason") is. '' when
    the tap was not refused."""
    shown = set(before.texts())
    controls = {t.label for t in found} | {t.element.text for t in found}
    new = [t for t in after.texts() + after.flashed if t.strip() and t not in shown and t not in controls]
    worded = next((t for t in new if cues.has(t, "form_error", "form_request")), "")
    if worded or not new:
        return worded
    left = any((t.use in (Use.TOGGLE, Use.CHOOSE) and not t.element.checked) or (t.use == Use.TEXT and not t.element.text)
               for t in found if t.element.enabled)
    return new[0] if left and cues.categories(move.label) & WAY_ON else ""


class DeletionGoal:
    """Toward the account's deletion; reached when the screen says it is done or pending."""

    name = "delete-account"

    def __init__(self, config: ExplorerConfig) -> None:
        self.plain = config.weights("delete-account", "plain")
        self.in_flow = config.weights("delete-account", "in_flow")

    def score(self, node: Node, label: str) -> float:
        weights = self.in_flow if node.in_flow else self.plain
        found = cues.categories(label)
        return sum(w for c, w in weights.items() if c in found)

    def purpose(self, node: Node, screen: Screen, found: list[Target]) -> str | None:
        return FILL if node.in_flow else None

    def enters_flow(self, move: Move) -> bool:
        return cues.has(move.label, *ENTRY)

    def judge(self, parent: Node, move: Move, screen: Screen, found: list[Target], same: bool) -> Verdict | None:
        if not (parent.in_flow or self.enters_flow(move)):
            return None
        if same:   # a form that said no (or a way on answered by a message): retried as asked (kind 8)
            asked = refusal(parent.screen, move, screen, found)
            if move.kind == FORM or asked:
                return Verdict("rejected", asked or says(screen, "form_error") or "the form stayed on screen", True)
        offers_more = any(cues.categories(t.label) & (PROGRESS | {"confirm"}) for t in taps(found)) or any(
            t.use == Use.TEXT for t in found)
        if ends_off_app(screen) and not offers_more:
            return Verdict("off_app", says(screen, "off_app_channel"))
        state = reached(screen, found)
        return Verdict("reached", state) if state else None
