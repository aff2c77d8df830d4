"""A permission asked from the app's own pre-prompt that showed while the app was used: a feature only when the
tap before it raises it each time — told by using it again from a fresh install.

The permissions search meets a question over the app (two or three answers, «ახლა არა» / «დაშვება») after a tap,
and its agreeing answer makes the app ask (explorer/beyond_core.py `answers_deep`). When that tap raises the
question each time (a scanner's own sheet before the camera: corpus sudar), the answer is part of using the
feature: a feature like any other, its refusal measured by using it. When it showed because of what was done
before — after every third article read while notifications are undecided (corpus mtsvane; web.dev's advice is to
ask after engagement) — the same taps from a fresh install show no question: kept as a feature, every journey
refusing it stopped at a control not on screen. Such a feature's route is then the whole use since the launch
that raised the question (every tap the search made in that page load, `Operator.walked`), kept when replaying it
from a fresh install shows the question again: its refusal is walked with the permission refused *when asked*
(undecided to the page until it asks, so the question shows; `refused_when_asked`). When that use holds more than
taps (text typed, a toggle, the system back) or its replay shows no question, the permission is requested (asked
on use) and its refusal not walked: said in what the search did not cover, so the verdict is never clean on it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..errors import FeatureUnmeasured
from ..screen import Screen
from .elements import targets
from .beyond_found import Beyond
from .moves import TAP, Move
from .operator import NotOnScreen, Operator
from .permissions import Feature, use


def raised_by_use(op: Operator, start: Callable[[], None], feature: Feature) -> bool:
    """Whether using `feature` from a fresh start (`start`: a fresh install, granted when asked, launch answered)
    shows its question again and asks: its route walked and its answer tapped. False when a control of the way
    or the answer is not on screen — the question was raised by earlier use, not by this tap."""
    start()
    before = sum(op.screen().prompts.values())
    try:
        use(op, feature)
    except (FeatureUnmeasured, NotOnScreen):
        return False
    return sum(op.screen().prompts.values()) > before


@dataclass
class Answered(Feature):
    """A feature that is the agreeing answer of the app's own question that earlier use raised: it works when
    the app goes on after it as after a granted answer — the same controls on screen (`controls`: their words
    then) — whatever words come and go (a toast «შეტყობინებები ჩართულია.» confirming a grant: a line reading the
    state, as the corpus's `usable` allows). A refusal that blocks or takes the app elsewhere changes them."""

    controls: frozenset[str] = frozenset()

    def works(self, before: Screen, after: Screen) -> bool:
        return frozenset(t.label for t in targets(after)) == self.controls


def replayed_use(op: Operator, start: Callable[[], None], feature: Feature,
                 walked: list[tuple[str, str] | None] | None, seen: frozenset[str] | None = None) -> Feature | None:
    """`feature` with the whole use that raised its question as its route (`walked`: the taps since the launch
    before its answer, `Operator.walked`), when that use replayed from a fresh start (`start`) shows the
    question again and its answer asks (`raised_by_use`): an `Answered` feature, its controls those on screen
    after that granted answer. `seen`: those controls' words when the use was itself walked from a fresh install
    (`Beyond.fresh_walks`) — it was that replay, none is made (corpus mtsvane: fifteen actions again). None when
    the use holds anything but taps, or the replay shows no question (what raised it is not a sequence of taps)."""
    if not walked or any(step is None for step in walked):
        return None
    fields = {**{name: getattr(feature, name) for name in Feature.__dataclass_fields__},    # as they are (no copies)
              "route": tuple(Move(TAP, key, label) for key, label in walked if key)}
    again = Answered(**fields)
    if seen is not None:
        again.controls = seen
        return again
    if not raised_by_use(op, start, again):
        return None
    again.controls = frozenset(t.label for t in op.targets())
    return again


def raised_earlier(beyond: Beyond, permission: str) -> None:
    """`permission`'s feature (in `beyond.features`) is no feature: its question came of earlier use. Requested
    all the same (`Beyond.unwalkable`), its refusal not measured (said in `Beyond.unsearched`): the use that raised
    it could not be replayed (`replayed_use`)."""
    feature = beyond.features.pop(permission)
    beyond.unwalkable[permission] = f"'{feature.label}'"
    beyond.unsearched.append(
        f"{permission} was asked from the app's own question answered by '{feature.label}', which earlier use "
        "raised (the same taps from a fresh install do not show it, nor could that use be replayed): its refusal "
        "was not walked")
