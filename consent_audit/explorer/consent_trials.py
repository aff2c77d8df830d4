"""One answer of a candidate consent layer tried and judged (consent_structure.learn's trials): from a fresh
launch, or where the last trial left the first layer; after ticking or unticking its purposes; then what the tap
did — the layer gone, a second layer opened, the first back with nothing stored — and what the app stored (`Tried`,
explorer/consent_answers.py). A purpose-opting layer's boxes ticked one by one (`_opt_in`)."""
from __future__ import annotations

from typing import Any, Callable

from ..purpose_rows import unswitched
from ..stored_records import changed
from ..screen import Screen
from . import cues
from .elements import Target, purpose_targets
from .flow_notice import in_flow
from .forms import UNTICK, FormData, fill
from .consent_answers import Tried, _made
from .consent_choice import candidate
from .held_back import held_at, tappable
from .launch_layer import Layer
from .layer_scroll import read_layer
from .moves import Move
from .operator import NotOnScreen, Operator


def _try(op: Operator, restart: Callable[[], Screen], via: list[Target], target: Target,
         first: Layer, untick: bool = False, tick: bool = False, then: Target | None = None,
         here: Screen | None = None, one: bool = False) -> Tried:
    """Restart, walk `via` (the settings button), tap `target` — after unticking every ticked purpose on the
    screen when `untick` (forms.fill, purpose untick: one recorded action per box), after ticking every
    unticked one when `tick` (opt-in: what an agreeing user does), after unticking the first purpose switched
    on when `one` (consent_accept_all.told_by_untick) — then, back on the first layer, `then`;
    what it did and stored. `here`: the layer `via` leads to, on screen now and untouched (the trial of `via`
    itself just opened it): tried there, no launch and no walk spent. Raises NotOnScreen when a control is
    gone on the way."""
    from .elements import find
    screen = here if here is not None else restart()
    for step in via if here is None else ():
        live = find(screen, step.key, op.covered(screen))
        if live is None:
            raise NotOnScreen(f"'{step.label}' is not on the layer")
        screen = op.tap(live)
    live = find(screen, target.key, op.covered(screen)) or held_at(op.targets(screen), target)
    if live is None and (read := read_layer(op, screen)) is not None:   # shown once the layer's text is read
        screen = read
        live = find(screen, target.key, op.covered(screen))
    if live is None:
        raise NotOnScreen(f"'{target.label}' is not on the layer")
    if not live.element.enabled:     # held back again at this launch (a countdown): tapped once enabled
        live = tappable(op, live)
        screen = op.screen()
    purposes = frozenset(t.key for t in purpose_targets(op.targets(screen))) if via else frozenset()
    before: dict[str, Any] | None = op.platform.stored_state()
    tried = Tried(target, tuple(via), untick=untick, then=then, purposes=purposes)
    if tick:
        for box in [t for t in purpose_targets(op.targets(screen)) if t.element.enabled and not t.element.checked]:
            if (live_box := find(op.screen(), box.key, op.covered(op.screen()))) is not None:
                op.tap(live_box)
                tried.ticks += (Move.tick(box),)
        live = find(op.screen(), target.key, op.covered(op.screen()))
        if live is None:
            raise NotOnScreen(f"'{target.label}' is not on the layer")
    if one:
        box = next((t for t in purpose_targets(op.targets(screen)) if t.element.checked and t.element.enabled), None)
        live_box = find(screen, box.key, op.covered(screen)) if box is not None else None
        if live_box is None:
            raise NotOnScreen("no purpose switched on to untick on the layer")
        screen = op.tap(live_box)
        tried.one = True
        live = find(screen, target.key, op.covered(screen))
        if live is None:
            raise NotOnScreen(f"'{target.label}' is not on the layer")
    tried.base = before
    after = fill(op, UNTICK, FormData(), submit_key=target.key) if untick else op.tap(live)
    if then is not None:
        after = _tap_then(op, after, then)
    return _judged(op, tried, screen, after, first, tick)


def _then_in_place(op: Operator, done: Tried, then: Target, first: Layer) -> Tried:
    """`done` left the first layer shown with its purposes changed and nothing stored (`Tried.back`): the
    first layer's `then` tapped where the app is now — the state a new launch redoing `done` would reach (its
    base storage read still holds: nothing was stored since). Raises NotOnScreen when `then` is gone."""
    screen = op.screen()
    tried = Tried(done.target, done.via, untick=done.untick, ticks=done.ticks, then=then, base=done.base,
                  purposes=done.purposes)
    after = _tap_then(op, screen, then)
    judged = _judged(op, tried, screen, after, first, bool(done.ticks))
    judged.asked |= done.asked
    return judged


def _tap_then(op: Operator, screen: Screen, then: Target) -> Screen:
    from .elements import find
    live = find(screen, then.key, op.covered(screen))
    if live is None:
        raise NotOnScreen(f"'{then.label}' is not on the layer")
    return op.tap(live)


def _judged(op: Operator, tried: Tried, screen: Screen, after: Screen, first: Layer, tick: bool) -> Tried:
    """What the trial's last tap (from `screen` to `after`) did and stored, against `tried.base`."""
    target, via, untick, then, before = tried.target, list(tried.via), tried.untick, tried.then, tried.base
    tried.asked = frozenset(p for p in after.prompts if after.prompts.get(p, 0) > screen.prompts.get(p, 0))
    if not op.in_foreground or not after.in_app or cues.has(target.label, "purchase"):
        tried.left = True
        return tried
    found = op.targets(after)
    now = candidate(after, found, op.covered(after))
    # what the tap opened: the controls new on the screen (a panel shown inside the same popup), never the page
    # left usable behind a layer that does not cover it — that page is no way out of the layer
    had = {t.key for t in op.targets(screen)}
    opened = [t for t in found if t.key not in had] or found
    toggles = purpose_targets(opened)
    if not via and toggles and (now is None or now.keys != first.keys):
        tried.settings = True
        tried.ticked = sum(1 for t in toggles if t.element.checked and t.element.enabled)
        tried.opened = tuple(opened)
        tried.kept = tuple(t for t in found if t.key in first.keys and t.key != target.key)
        tried.locked = sum(1 for t in toggles if t.element.checked and not t.element.enabled) + unswitched(after)
        return tried
    tried.open = bool(tried.purposes & {t.key for t in toggles})    # the settings layer's purposes still shown
    tried.gone = not tried.open and (now is None or not (now.keys & first.keys))
    tried.boxes = len(toggles)
    tried.stored = changed(before, op.platform.stored_state())
    if (tick or untick) and then is None and not tried.gone and not tried.stored and now is not None:
        tried.back = _back_on_first(now, first, via, untick)
    elif not via and then is None and tried.gone and not tried.stored and not tried.asked and now is not None \
            and not toggles and not now.keys & had \
            and not in_flow(after, found, now.keys):    # new: not a layer beside it before, nor the page's first block
        tried.further = tuple(b for b in now.buttons if b.element.enabled)
    return tried


def further_steps(op: Operator, restart: Callable[[], Screen], tried: list[Tried], first: Layer,
                  made: tuple[Tried, int] | None, done: Callable[[], bool]) -> None:
    """The further layer a first-layer answer opened storing nothing (`Tried.further`: «Ste prepričani?» after
    «Zavrni vse», corpus zvezda — told by structure: a new candidate layer in the first one's place, no purpose
    boxes, nothing stored, whatever its words) is a further step of that answer: each of its buttons tried after
    it (`then`), the first where the answer's trial left it (`made`: no step since), the others from a fresh
    launch — one that brings the first layer back storing nothing is no progress (no answer), one that stores
    is the answer in two taps (every confirmation counts). Added to `tried`; stops once `done()`."""
    for opener in [t for t in tried if t.further]:
        for index, button in enumerate(opener.further):
            if done():
                return
            here = index == 0 and made is not None and made[0] is opener and made[1] == _made(op) and op.in_foreground
            tried.append(_then_in_place(op, opener, button, first) if here else
                         _try(op, restart, [], opener.target, first, then=button))


def _back_on_first(now: Layer, first: Layer, via: list[Target], untick: bool) -> tuple[Target, ...]:
    """Purposes ticked or unticked and the settings layer left storing nothing, back on the first layer (its
    button only closed the second layer: @beyonk's "Close settings"): the first layer's buttons that may give
    the answer now — those the change relabelled ("Accept all" → "Accept selected"); after unticking, then the
    others but the way back to the settings layer (an "Accept" that stores the selection as it now is)."""
    opener = {t.key for t in via}
    relabelled = [b for b in now.buttons if b.key not in first.keys]
    others = [b for b in now.buttons if b.key in first.keys and b.key not in opener] if untick else []
    return tuple(relabelled + others)


def _left_in_place(op: Operator, tried: list[Tried], made: tuple[Tried, int] | None, first: Layer) -> Screen | None:
    """The first layer as a fresh launch shows it, on screen now: the last trial (`made`: it and the steps
    recorded when it ended, none since) was a first-layer control that left the layer in place — not gone, no
    layer or boxes opened, nothing stored, nothing asked, still in the app — and the layer on screen holds the
    same controls and words (a «learn more» link showing the policy under a notice: corpus bep). The next button
    is tried there, no launch spent (behind a launch promotion, each launch costs its skip). None otherwise."""
    last = tried[-1] if tried else None
    if last is None or made is None or made[0] is not last or made[1] != _made(op) or not op.in_foreground:
        return None
    if last.via or last.gone or last.stored or last.settings or last.left or last.boxes or last.asked or last.one:
        return None
    screen = op.screen()
    now = candidate(screen, op.targets(screen), op.covered(screen))
    same = now is not None and now.keys == first.keys and now.texts == first.texts and not now.held
    return screen if same else None


def _opt_in(op: Operator, restart: Callable[[], Screen], opener: Tried, second: list[Target], first: Layer,
            tried: list[Tried]) -> None:
    """Opt-in by default (every optional purpose off, "accept" storing what is ticked: nothing): an agreeing
    user ticks every purpose and saves — or closes the settings layer and takes the first layer's button that
    ticking relabelled ("Accept selected" → "Accept all"). Each tried from a fresh launch; added to `tried`."""
    for button in second:
        done = _try(op, restart, [opener.target], button, first, tick=True)
        tried.append(done)
        for index, then in enumerate(done.back[:2]):
            tried.append(_then_in_place(op, done, then, first) if index == 0 else
                         _try(op, restart, [opener.target], button, first, tick=True, then=then))
