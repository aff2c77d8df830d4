"""A launch layer with nothing to tap yet while something on it runs (corpus ferenj: a full-screen advert whose ×
shows after a 5 s countdown, «በ3 ሰከንድ ውስጥ መዝጋት ይችላሉ»): the launch waits (explicitly, bounded by the operator's
`held_wait`) until a control shows on it, instead of every goal judging the bare layer ("a dialog at launch that
no answer lifted (nothing to tap on it)", "nothing to tap … an app drawn on a canvas"). A bare layer on which
nothing moves is not waited for beyond the probe. Told by structure (the cover, no control on it, the screen's
state changing), never by the countdown's words. Simulated app (no browser): a real Operator over stand-ins."""
from __future__ import annotations

import time
from types import SimpleNamespace

from consent_audit.explorer.operator import Operator
from consent_audit.screen import Element, Screen

COUNT = 1.2      # seconds before the advert's × shows


class Advert:
    """Two tabs under a full-screen advert; the advert's text ticks every 0.25 s (`ticking`) and its × shows
    after COUNT s — never when it does not tick (a layer that is still: nothing runs on it)."""

    def __init__(self, ticking: bool) -> None:
        self.ticking, self.began = ticking, time.monotonic()

    def _left(self) -> float:
        return COUNT - (time.monotonic() - self.began) if self.ticking else COUNT

    def screen(self) -> Screen:
        left = self._left()
        rows = [Element(text=tab, role="button", clickable=True, bounds=(10 + 100 * i, 60, 90, 40))
                for i, tab in enumerate(("ቤት", "ጋሪ"))]
        rows.append(Element(text=f"በ{int(left * 4) + 1} ሰከንድ" if left > 0 else "ማስታወቂያ", bounds=(0, 0, 400, 30)))
        if left <= 0:
            rows.append(Element(text="×", name="ዝጋ", role="button", clickable=True, bounds=(360, 0, 40, 40)))
        return Screen(elements=rows, signature="launch", size=(400, 900))


class Adapter:
    def __init__(self) -> None:
        self.prepare = self.settle = lambda: None
        self.launch_settled = lambda: True
        self.late_pending = lambda: 0

    def covered(self, screen: Screen) -> frozenset[int]:      # the advert covers the tabs
        return frozenset({0, 1})


def _operator(app: Advert) -> Operator:
    recorder = SimpleNamespace(last_screen=None)

    def observe() -> Screen:
        recorder.last_screen = app.screen()
        return recorder.last_screen
    recorder.observe, recorder.invalidate = observe, lambda: None
    gestures = SimpleNamespace(launch=lambda settled: SimpleNamespace(screen=observe()))
    context = SimpleNamespace(recorder=recorder, masker=None, gestures=SimpleNamespace(quieted=lambda s: gestures),
                              platform=SimpleNamespace(capture=lambda screenshot=True: SimpleNamespace(
                                  screen=app.screen())))
    op = Operator(context, Adapter())     # type: ignore[arg-type]
    op.held_wait, op.held_probe = 4.0, 0.8
    return op


def test_a_launch_advert_counting_down_is_waited_for_until_its_close_shows() -> None:
    """Before, the launch was read with the countdown still running and the × not there: nothing to tap."""
    op = _operator(Advert(ticking=True))
    screen = op.launch()
    assert [t.element.name for t in op.targets(screen) if t.element.enabled] == ["ዝጋ"]


def test_a_still_bare_layer_is_not_waited_for_beyond_the_probe() -> None:
    op = _operator(Advert(ticking=False))
    began = time.monotonic()
    screen = op.launch()
    assert time.monotonic() - began < 2.0 and not op.targets(screen)
