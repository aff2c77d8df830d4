"""The deletion goal's half of a conversation as a way (explorer/chat.py): where a chat is offered, what is typed,
that it goes last and once, and what the result says when a chat was there and could not be used."""
from __future__ import annotations

from ..screen import Screen
from . import cues
from .chat import LAST, ONLY, Unsayable, composer, is_chat, purpose, request
from .elements import Target
from .graph import Node
from .moves import FORM, Move


class ChatWay:
    """A mixin of `DeletionGoal`: `chat_move` (read by search_map._analyse), `chat_last` (its tie-break),
    `chat_written` (called as a move is judged) and `chat_note` (read by GoalSearch._result when not reached)."""

    chat_node: str = ""       # the node the chat was written in (once per search)
    chat_note: str = ""       # why a chat seen did not lead to the deletion: added to a not-found's detail

    def chat_move(self, node: Node, screen: Screen, found: list[Target]) -> tuple[Move | None, set[str], bool] | None:
        """On a chat (`chat.composer`) outside the deletion flow: the move writing the deletion request there (None
        when the screen's language has no known phrase: said in `chat_note`), the composer's keys (no plain
        controls of their own) and whether it is spent (a chat was written in elsewhere in this search)."""
        if node.in_flow:
            return None
        chat = composer(screen, found)
        if chat is None:
            return None
        keys = {chat.field.key, chat.send.key}
        said = request(screen)
        if isinstance(said, Unsayable):
            where = " › ".join(node.via) or "the start screen"
            self.chat_note = (f"a chat ('{where}': a text field with '{chat.send.label[:30]}' beside it) could be "
                              f"asked, but no deletion phrase of the app's language ({said.language or 'not told'}) "
                              "is known to type there")
            return None, keys, True
        spent = bool(self.chat_node) and self.chat_node != node.ident
        return Move.form(chat.send, purpose(said)), keys, spent

    def chat_last(self, node: Node, key: str) -> float:
        """Tie-break points of a chat's move: `ONLY` on a screen whose only way on it is — its other controls the
        start screen's (`chrome`: a tab bar, a banner) or worded as a way back, its send not one of the start
        screen's (a search bar there is no chat screen) — else `LAST`, after every other unscored control."""
        cand = node.candidates.get(key)
        if cand is None or cand.move.kind != FORM or not is_chat(cand.move.purpose):
            return 0.0
        chrome: frozenset[str] = getattr(self, "chrome", None) or frozenset()
        only = key not in chrome and all(k in chrome or cues.has(c.move.label, "back")
                                         for k, c in node.candidates.items() if k != key)
        return ONLY if only else LAST

    def chat_written(self, parent: Node, move: Move) -> None:
        """Note a chat written in: once per search, and what a not-found says of it."""
        if move.kind != FORM or not is_chat(move.purpose) or parent.in_flow:
            return
        self.chat_node = parent.ident
        where = " › ".join(parent.via) or "the start screen"
        self.chat_note = (f"the chat at '{where}' was asked «{move.purpose.partition(':')[2]}» (typed, sent): what "
                          "it answered led to no deletion")
