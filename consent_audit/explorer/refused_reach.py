"""How a user who refused a permission gets back to the core screen (`reach`): declining re-asks, retrying a
blocker once, taking the app's own way back — never "exit" nor the system Settings; a screen with only those left
is a blocker. Split out of explorer/permissions.py, which says what a core screen and a feature are."""
from __future__ import annotations

from . import cues
from .elements import Target
from .gone import tap_if_there
from .operator import Operator
from .permissions import Core
from .reduced_core import reduced
from .screens import holds, only_way_on, taps


def way_on(buttons: list[Target], retried: set[str]) -> Target | None:
    """The control a user who refuses takes next: a decline, else an in-app retry ("Retry", 重试) once, else an
    in-app re-ask ("Turn on", 去开启) once, else next / confirm once. Never "go to settings" (leaving the app for
    the system Settings) nor exit: a screen with only those is a blocker."""
    leaving = ("exit", "open_settings")
    out = next((t for t in buttons if cues.has(t.label, "decline") and not cues.has(t.label, "open_settings")), None)
    fresh = [t for t in buttons if t.key not in retried and not cues.has(t.label, *leaving)]
    retry = next((t for t in fresh if cues.has(t.label, "retry")), None)
    ask = next((t for t in fresh if cues.has(t.label, "permission_request")), None)
    onward = next((t for t in fresh if cues.has(t.label, "next", "confirm") and not cues.has(t.label, "decline")), None)
    return out or retry or ask or onward


LEAVING = ("exit", "open_settings", "log_out", "delete", "cancel_account")


def way_back(core: Core, buttons: list[Target], tried: set[str]) -> Target | None:
    """When nothing on screen answers a refusal (no decline, retry, re-ask or next): the screen's in-app back
    control ("‹", Terug, 返回), else a control a user can touch now where the core screen had one with the same
    words — the app's own navigation (a tab bar, a home link) still there beside the refusal — once each, never
    one that leaves, logs out or deletes. Whether the app still works is told by where it leads (the core
    screen), never by what the refusal says; a block over the whole app leaves no such control (hit testing),
    so it stays blocked. The core screen's own tab, shown here and not current, is the way home whenever it is
    offered (not once: on the core screen it is current, so never tapped there twice in a row). Last, once
    each, a control named as the core screen titles itself (a text it showed that none of its controls
    carried): the item of a menu the app's navigation opened (corpus paczka: ☰ on the refused camera's screen,
    its drawer's «Moje przesyłki»)."""
    fresh = [t for t in buttons if t.key not in tried and not cues.has(t.label, *LEAVING)]
    back = next((t for t in fresh if cues.has(t.label, "back")), None)
    home = next((t for t in buttons if cues.norm_label(t.label) in core.current and not t.element.selected
                 and not cues.has(t.label, *LEAVING)), None)
    titles = {cues.norm_label(text) for text in core.shown} - core.labels
    return back or home or next((t for t in fresh if cues.norm_label(t.label) in core.labels
                                 and not t.element.selected          # the current tab: nothing to go to
                                 and any(holds(t.element.bounds, p) for p in core.points)), None) \
        or next((t for t in fresh if cues.norm_label(t.label) in titles and not t.element.selected), None)


def reach(op: Operator, core: Core, budget: int, accept_consent, answer=None, home: Core | None = None) -> bool:
    """Go for the core screen as a user who refuses: decline re-asks, retry a blocker once, never exit.
    `answer` (no arguments) first answers, at each turn, what the caller knows better than a decline (an app's
    own pre-prompt whose permission is under test gets its agreeing control: explorer/soft_ask.py). `home`: the
    screen a refused feature was used from (`Feature.start`), as good as the core screen — compared like with
    like: where the core screen was taken under a launch layer (an update modal nothing recognised), the app's
    own screen is only reached again past it, and its tab bar is the way back from the feature's refusal
    (corpus vayu: a city list under «आपका स्थान नहीं मिला», read as blocked)."""
    cores = [core] + ([home] if home is not None else [])
    retried: set[str] = set()
    launched = True       # no move made yet: the screen the app launched to (a reduced core counts: reduced_core.py)
    for _ in range(budget):
        if not op.in_foreground:
            return False
        if answer is not None:
            answer()
        screen = op.screen()
        if not screen.in_app:
            return False
        found = op.targets(screen)
        from .consent import shown
        if shown(op, screen):
            accept_consent()
            continue
        if any(c.matches(screen, found) for c in cores) or (launched and reduced(core, screen, found)):
            return True
        enabled = [t for t in taps(found) if t.element.enabled]
        lone = only_way_on(screen, found)     # a rationale's one «Halda áfram», whatever its words: once
        move = way_on(enabled, retried) or (lone if lone is not None and lone.key not in retried else None) \
            or next(filter(None, (way_back(c, enabled, retried) for c in cores)), None)
        if move is None:
            return False          # only settings / exit left (or retried already): blocked, never left
        if not cues.has(move.label, "decline"):
            retried.add(move.key)
        tap_if_there(op, move)     # gone with its layer (a splash's countdown ended): looked at again next turn
        launched = False
    screen = op.screen()
    return any(c.matches(screen, op.targets(screen)) for c in cores)
