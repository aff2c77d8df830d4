"""The permissions journeys of `ExploredApp` (`PermissionJourneys`, a mixin): reach the core screen as a user
who refuses, and use a refused permission's feature — a feature of the signed-in app after its way in
(explorer/signed_in.py). The state they read is declared in `ExploredApp`."""
from __future__ import annotations

from ..errors import FeatureUnmeasured
from . import permissions, refused_reach
from .reduced_core import reduced
from .operator import NotOnScreen
from .path_layers import PathBroken


class PermissionJourneys:
    """See the module doc."""

    def reach_core(self, budget: int) -> bool:
        """Go for the core screen as a user who refuses (`refused_reach.reach`, at most `budget` turns), a launch
        layer back over the app answered as at launch; whether it was reached. PathBroken when the layer the
        search answered at launch is still over the app (what lies under it cannot be measured)."""
        if self.core is None:           # not explored: still answer the consent dialog, as a user would
            if self.consent_shown and self.accept is not None:
                self.accept_consent()
            return False
        self._in_reach = True
        home = self.used.start if self.used is not None else None      # a refused feature's own screen
        # the consent dialog on the way: accepted, or refused while a journey keeps refusing (late_layers.py)
        go = (self.op, self.core, budget, self.answer_consent_in_use, self._before_each_turn, home)
        try:
            reached = refused_reach.reach(*go)
            if not reached and self._launch_layer_shown():
                self._answer_known_modals()      # a launch layer back over the app: answered as at launch
                reached = refused_reach.reach(*go)
        finally:
            self._in_reach = False
        screen = self.op.recorder.last_screen     # the one `reach` told the core by (no capture of its own)
        found = self.op.targets(screen) if screen else []
        # a manual way in where the feature was, or the core screen with what the permission gave taken away
        self.core_by_hand = bool(reached and screen and (self.core.by_hand(screen, found) or (
            not any(c.matches(screen, found) for c in (self.core, home) if c is not None)
            and reduced(self.core, screen, found))))
        if not reached and self._launch_layer_shown():
            raise PathBroken("the layer the search answered at launch ("
                             + ", ".join(m.label for m in self.passed_layers) + ") is still over the app: what"
                             " the app does with the permission refused cannot be seen under it (not measured)")
        return reached

    def feature_on(self, permission: str) -> bool | None:
        """`permissions.use` of its feature; none known: False on a core reached by hand (Core.by_hand), else None.
        FeatureUnmeasured when one is known but its way in (a log-in), its route or its control is not on screen."""
        feature = self.features.get(permission)
        if feature is None:
            return False if self.core_by_hand else None
        self.used = feature
        if feature.way_in and self.signed_in_install != self.op.installs:
            try:                    # a feature of the signed-in app: its log-in walked first, once per install
                self._walk_in(list(feature.way_in), feature.way_mode)
            except NotOnScreen as gone:
                raise FeatureUnmeasured(f"the log-in before the {permission} feature «{feature.label}» could not "
                                        f"be walked: {gone}") from None
            self.signed_in_install = self.op.installs
        return permissions.use(self.op, feature)
