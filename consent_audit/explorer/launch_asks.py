"""Permission asks at launch (`LaunchAsks`, a mixin of `LaunchModals`): an app's own pre-prompt whose permission
is refused now gets its agreeing answer; with everything granted, a permission wall's one button is pressed so
the permissions behind it are asked. It uses the app's `op`, `data`, `soft_asks` and `_denied`."""
from __future__ import annotations

from . import consent
from .gone import GONE, tap_if_there
from .moves import perform
from .screens import only_way_on, wall_opener


class LaunchAsks:
    """See the module doc."""

    def _agree_to_pre_prompts(self) -> None:
        """In reach_core: a pre-prompt on screen whose permission is refused now gets its agreeing answer."""
        denied = self._denied()
        for move, (agree, asked) in self.soft_asks.asks.items():
            screen = self.op.screen()
            if asked & denied and self.op.find(agree.key, screen) and self.op.find(move.key, screen):
                try:
                    perform(self.op, agree, self.data)
                except GONE:
                    self.op.recorder.invalidate()

    def _open_walls(self) -> None:
        """With everything granted, press a permission wall's one button ("Turn on") so the permissions behind
        it are asked (and granted) and the app behind it is what the explorer takes for the app."""
        for _ in range(3):
            screen = self.op.screen()
            if not self.op.in_foreground or consent.shown(self.op, screen):
                return
            found = self.op.targets(screen)
            target = wall_opener(screen, found) or only_way_on(screen, found)
            if target is None:
                return
            after = tap_if_there(self.op, target)
            if after is None:        # the wall went by itself as it was pressed: looked at again
                continue
            if after.signature == screen.signature and after.texts() == screen.texts():
                return
