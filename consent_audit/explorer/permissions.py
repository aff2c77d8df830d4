"""Deny-paths on an app nobody described: which permissions it asks for (at launch, or when a control is
used — on the core screen here, beyond it in explorer/beyond_core.py), what its core screen is, and whether a
feature still works without its permission; how a user gets back to the core screen when a permission is refused is
explorer/refused_reach.py."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..errors import FeatureUnmeasured
from ..platforms.base import PERMISSIONS
from ..screen import Screen
from . import cues
from .counts import counted_alike
from .elements import Target, Use
from .gone import tap_if_there
from .moves import TAP, Move
from .operator import Operator
from .path_layers import passed_by_itself
from .screens import asks_decision, centre, holds, taps

FEATURE = {p: f"feature_{p}" for p in PERMISSIONS}
_DIGITS = re.compile(r"\d+")


def state_of(screen: Screen) -> list[tuple]:
    """What the screen shows, for comparing uses of a feature: (text, name, checked, enabled) per element, digits
    masked."""
    return [(_DIGITS.sub("#", e.text), _DIGITS.sub("#", e.name), e.checked, e.enabled) for e in screen.elements]


MANUAL_EXTRA = 2      # new controls a manual way in brings beside the core screen's (a field's button, a hint)


@dataclass
class Core:
    """The screen the app settles on when nothing is refused: what 'usable' means."""

    signature: str
    labels: frozenset[str]
    points: frozenset[tuple[int, int]] = frozenset()    # the centres of its controls (device px)
    fields: int = 0                                     # the text fields a user can type in
    shown: frozenset[str] = frozenset()                 # the texts it shows (digits masked)
    filled: frozenset[str] = frozenset()                # the keys of the text fields it showed filled in
    current: frozenset[str] = frozenset()               # its tab bar's current tab (aria-current, Android selected)

    @classmethod
    def of(cls, screen: Screen, found: list[Target]) -> "Core":
        return cls(screen.signature, frozenset(cues.norm_label(t.label) for t in taps(found) if t.label),
                   frozenset(centre(t.bounds) for t in taps(found)), _fields(found), _shown(screen),
                   _filled(found), _current(found))

    def by_hand(self, screen: Screen, found: list[Target]) -> bool:
        """Whether a screen `matches` took for the core offers a manual way in where the granted core showed
        what the permission gave: a text field more than the granted core had, and some of the texts it showed
        gone (a city field and its button where the nearby list was; corpus vstup). The feature is then
        replaced by a form: `degraded`, even when no control's words or use named the feature. A refused screen
        that only lost texts (other tips today) or only gained a field is not one.
        A field the granted core showed filled in by the app (a pickup point "your current location") and that
        is there again, empty, is one too: what the permission gave is left to the user to type (corpus
        daftar), whatever any message beside it says."""
        emptied = {t.key for t in found if t.use == Use.TEXT and not t.element.filled} & self.filled
        return bool(emptied) or (_fields(found) > self.fields and bool(self.shown - _shown(screen)))

    def matches(self, screen: Screen, found: list[Target]) -> bool:
        """Whether the screen is the core screen a user can use: its controls there to touch (`found` leaves out
        what a layer covers, by hit testing on the settled page). The same structure is not enough — a wall
        that slides over the app leaves the app's DOM underneath it, covered — so at least half of the places
        where the core's controls were must still hold a control a finger can reach (whatever its words now
        say: "Nearby On" may read "Nearby Off" with the permission refused); another structure must offer much
        the same controls (80 %, digits masked), or all of them and a manual way in (a text field and at most
        MANUAL_EXTRA new controls), and not be a small decision."""
        if not screen.in_app:
            return False
        labels = {cues.norm_label(t.label) for t in taps(found) if t.label}
        if screen.signature == self.signature:
            reachable = [t.bounds for t in taps(found)]
            touched = sum(1 for p in self.points if any(holds(b, p) for b in reachable))
            return not self.points or touched * 2 >= len(self.points)
        if asks_decision(found):
            return False
        now = _current(found)
        if self.current and now and not now & self.current:
            return False      # another tab of the app marked current (its orders, where only the tab bar is the
                              # same): another screen, not the core screen with a feature refused (corpus bep)
        union = labels | self.labels
        if bool(union) and len(labels & self.labels) / len(union) >= 0.8:
            return True
        # a refused feature offering a manual way in beside the app's own controls (a city or postcode field and
        # its button where the nearby list was): every control of the core screen still offered, at most
        # MANUAL_EXTRA new ones, and a text field among what is new — degraded, not a wall (a wall takes the
        # app's controls away or covers them: then they are not in `found`)
        extra = labels - self.labels
        return bool(self.labels) and self.labels <= labels and len(extra) <= MANUAL_EXTRA \
            and any(t.use == Use.TEXT for t in found)


@dataclass
class Feature:
    """A control whose use asks for a permission, and what using it shows when granted: on the core screen, or
    on a screen the taps of `route` lead to from it (explorer/beyond_core.py). `start`: that screen as a `Core`
    (None: the core screen itself) — the app where the feature is used, behind any launch layer the route
    answered: once the refused feature was used, a way back there is a way back to the usable app."""

    permission: str
    key: str
    label: str
    signature_after: str
    before: list[tuple]
    after: list[tuple]
    route: tuple[Move, ...] = ()
    start: Core | None = None
    way_in: tuple[Move, ...] = ()
    """A log-in inside the app walked from the core screen before `route` (explorer/signed_in.py): a feature
    only the signed-in app offers; () for one offered signed out."""
    way_mode: str | None = None      # how `way_in` gets the account: log_in | sign_up (a new username each walk)

    def works(self, before: Screen, after: Screen) -> bool:
        """Whether using it now changes the screen as it did with the permission granted."""
        if after.signature != self.signature_after:
            return False
        return change(state_of(before), state_of(after)) == change(self.before, self.after)


def _fields(found: list[Target]) -> int:
    return sum(1 for t in found if t.use == Use.TEXT)


def _current(found: list[Target]) -> frozenset[str]:
    return frozenset(cues.norm_label(t.label) for t in taps(found) if t.element.selected and t.label)


def _filled(found: list[Target]) -> frozenset[str]:
    return frozenset(t.key for t in found if t.use == Use.TEXT and t.element.filled)


def _shown(screen: Screen) -> frozenset[str]:
    return frozenset(_DIGITS.sub("#", e.text) for e in screen.elements if e.text and e.text.strip())


def change(before: list[tuple], after: list[tuple]) -> Counter:
    """What using a control made appear on screen (element states new after it)."""
    return Counter(after) - Counter(before)


def feature_controls(found: list[Target]) -> list[Target]:
    """Controls whose words say they use a permission (nearby, scan, alerts …), most specific first."""
    return [t for t in taps(found) if t.element.enabled and cues.categories(t.label) & set(FEATURE.values())]


Used = tuple[Target, Screen, Screen]
"""A control used while probing, the screen before and the screen after."""


def probe(op: Operator, core: Core, limit: int) -> tuple[dict[str, Feature], list[Used]]:
    """Use the core screen's permission-looking controls one by one; note which asks for what. Returns the
    features found by their prompts and the controls used that asked for nothing (see `named_features`). Every
    other control, and the screens beyond, are searched by structure in explorer/beyond_core.py."""
    features: dict[str, Feature] = {}
    tried: set[str] = set()
    quiet: list[Used] = []
    for _ in range(limit):
        screen = op.screen()
        found = op.targets(screen)
        if not core.matches(screen, found):
            screen = op.relaunch()
            found = op.targets(screen)
            if not core.matches(screen, found):
                break
        todo = [t for t in feature_controls(found) if t.key not in tried]
        if not todo:
            break
        target = todo[0]
        tried.add(target.key)
        after = op.tap(target)
        if after.prompts == screen.prompts and asks_decision(op.targets(after)):
            allow = next((t for t in taps(op.targets(after)) if cues.has(t.label, "permission_request", "agree")
                          and not cues.has(t.label, "decline")), None)
            if allow is not None:     # the app explains first ("Allow location to find stores?"), then asks
                after = op.tap(allow)
        asking = [p for p in PERMISSIONS if after.prompts.get(p, 0) > screen.prompts.get(p, 0)]
        for permission in asking:
            if permission not in features:
                features[permission] = Feature(permission, target.key, target.label, after.signature,
                                               state_of(screen), state_of(after))
        if not asking:
            quiet.append((target, screen, after))
    return features, quiet


def named_features(quiet: list[Used], asked: set[str]) -> dict[str, Feature]:
    """Features of permissions the app asked for before any use (at launch, or at a launch while refused):
    granted, they are remembered and using the feature asks nothing, so no prompt tells which control needs
    them. Each one's feature is the first control used quietly whose words name it ("Take a photo" for
    camera, 更新提醒 for notifications), with what using it showed while granted."""
    features: dict[str, Feature] = {}
    for permission in sorted(asked):
        named = [(t, b, a) for t, b, a in quiet if FEATURE[permission] in cues.categories(t.label)]
        if named:
            target, before, after = named[0]
            features[permission] = Feature(permission, target.key, target.label, after.signature,
                                           state_of(before), state_of(after))
    return features


def use(op: Operator, feature: Feature) -> bool:
    """Use the feature from the core screen now (its route's taps first); whether it works as it did with the
    permission granted. FeatureUnmeasured when a control of its route or the feature's own control is not on
    screen: what the refusal does to it is not seen (never read as "works")."""
    walk = [*feature.route, Move(TAP, feature.key, feature.label)]
    walked = False
    for index, move in enumerate(feature.route, 1):
        found = [t for t in op.targets() if t.use == Use.TAP]
        step = next((t for t in found if t.key == move.key), None) or counted_alike(found, move.key)  # «Kosár 1»
        if step is None or tap_if_there(op, step) is None:     # not there, or gone as it was tapped
            if not walked and passed_by_itself(op, walk, index):
                continue      # a launch layer's control (a splash's «跳過 3») gone with its layer
            raise FeatureUnmeasured(f"the way to the {feature.permission} feature «{feature.label}»: step {index} "
                                    f"(«{move.label}») was not on screen")
        walked = True
    before = op.screen()
    # a setting switched on (a voice coach's switch) is used as the search used it: tapped (explorer/beyond_core.py)
    found = [t for t in op.targets(before) if t.use in (Use.TAP, Use.TOGGLE)]
    target = next((t for t in found if t.key == feature.key), None) or counted_alike(found, feature.key)
    if target is None:
        raise FeatureUnmeasured(f"the {feature.permission} feature's control «{feature.label}» was not on screen")
    after = op.tap(target)
    return feature.works(before, after)
