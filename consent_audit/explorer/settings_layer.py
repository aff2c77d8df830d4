"""The consent dialog's settings layer counted (`SettingsLayerCount`, a mixin of `ConsentExplorations`): its
pre-ticked and locked purposes where the reject path does not count them itself — on a layer the reject path
skips (a direct 'Reject all' beside 'Manage options'), and on the views of the layer a user must open to see
them (its tabs: explorer/layer_views.py), whichever path opens it."""
from __future__ import annotations

from ..measures import selects_all
from ..purpose_rows import unswitched
from ..radio_purposes import untold_pairs
from ..screen import Screen
from . import consent, cues
from .elements import purpose_targets, targets
from .layer_views import Views, count_views, view_switches
from ..errors import TapIntercepted
from .operator import NotOnScreen


def _ticked(screen: Screen, covered: frozenset[int]) -> list:
    """The purposes ticked on a settings layer (a select-all switch is none), locked ones too."""
    return [t for t in purpose_targets(targets(screen, covered)) if t.element.checked and not selects_all(t.element)]


class SettingsLayerCount:
    """Fills `settings_preticked` and `settings_mandatory` (declared in `ExploredApp`)."""

    def _open_settings_layer(self) -> tuple[Screen, frozenset[int]] | None:
        """A fresh launch, the dialog's way to its settings layer tapped: that layer and what it covers (None:
        no dialog shown, or no way there)."""
        self.op.fresh()
        self._grant_all()
        self.launch()
        screen = self.op.screen()
        if not consent.shown(self.op, screen):
            return None
        manage = consent.settings_control(self.op.targets(screen))
        if manage is None:
            return None
        after = self.op.tap(manage)
        return after, self.op.covered(after)

    def _other_views(self, opened: tuple[Screen, frozenset[int]] | None) -> Views | None:
        """The layer's other views counted (layer_views.count_views) from `opened`, live on screen now; None when
        the layer or one of its views could not be opened (unmeasured)."""
        if opened is None:
            return None
        try:
            return count_views(self.op.tap, self.op.covered, self._open_settings_layer, opened)
        except (NotOnScreen, TapIntercepted):
            return None

    def _count_settings_layer(self, seen: tuple[Screen, frozenset[int]] | None = None) -> int | None:
        """Pre-ticked optional purposes on the dialog's settings layer when the reject path never opens it
        (a direct 'Reject all' beside 'Manage options'): opened once from a fresh launch and counted there,
        each of its views (tabs) opened and counted too. When the reject path went through it, its trail counts
        the view it showed: None, unless the layer has other views — then they are opened from a fresh launch
        and the count of the whole layer returned (flows/test_consent._preticked takes the larger). None too
        when the dialog has none. `settings_mandatory` is set beside it: the locked purposes counted there, 0
        where the reject path opens the layer (its trail counts them) or the dialog offers none, None where the
        layer could not be opened (unmeasured, never 0: hikari's «必須 Cookie（常に有効）» on a layer the reject
        path skips). `seen`: that layer as a refusal walked earlier opened it, untouched
        (consent.ConsentPath.settings: a worded refusal through the settings that a shorter one replaced) —
        counted there, no launch and tap spent again unless it has other views."""
        self.settings_mandatory = None
        if self.reject is None or any(cues.has(m.label, "manage", "settings") for m in self.reject.moves):
            self.settings_mandatory = 0 if self.reject is not None else None
            return self._views_beside_trail()
        seen = seen or self.layer_seen      # opened by a one-tap trial: its way needs no words
        if seen is None and not consent.offers_settings(self.reject):
            self.settings_mandatory = 0
            return None         # the dialog as first seen offers no settings layer: no launch spent looking
        opened = seen if seen is not None else self._open_settings_layer()
        if opened is None:
            return None
        after, covered = opened
        if untold_pairs([t.element for t in targets(after, covered)]):
            return None     # a radio pair whose granting option nothing tells: unmeasured, never 0 (mandatory too)
        boxes = _ticked(after, covered)
        mandatory = sum(1 for t in boxes if not t.element.enabled) + unswitched(after)
        preticked = sum(1 for t in boxes if t.element.enabled)
        if view_switches(after, covered):
            views = self._other_views(opened if seen is None else self._open_settings_layer())
            if views is None:
                return None     # a view of the layer not opened: what it holds unmeasured, never 0
            preticked, mandatory = preticked + views.preticked, mandatory + views.mandatory
        self.settings_mandatory = mandatory
        return preticked

    def _views_beside_trail(self) -> int | None:
        """The reject path went through the settings layer (its trail counts the view it showed): when that
        layer, as it opened it (`ConsentPath.settings`), has other views, the whole layer's pre-ticked count
        (the first view's and the others', opened from a fresh launch); None otherwise, or when a view could
        not be opened."""
        layer = self.reject.settings if self.reject is not None else None
        if layer is None or not view_switches(*layer):
            return None
        opened = self._open_settings_layer()
        views = self._other_views(opened)
        if opened is None or views is None:
            return None
        first = sum(1 for t in _ticked(*opened) if t.element.enabled)
        return first + views.preticked
