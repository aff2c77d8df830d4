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
        if same:   # a form that said no (or a plain "next" answering with a request): retried as asked (kind 8)
            before = set(parent.screen.texts())
            asked = next((t for t in screen.texts() if t not in before and cues.has(t, "form_error", "form_request")), "")
            if move.kind == FORM or asked:
                return Verdict("rejected", asked or says(screen, "form_error") or "the form stayed on screen", True)
        offers_more = any(cues.categories(t.label) & (PROGRESS | {"confirm"}) for t in taps(found)) or any(
            t.use == Use.TEXT for t in found)
        if ends_off_app(screen) and not offers_more:
            return Verdict("off_app", says(screen, "off_app_channel"))
        state = reached(screen, found)
        return Verdict("reached", state) if state else None
