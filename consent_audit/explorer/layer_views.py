"""Other views of a consent dialog's settings layer: the tabs or section switches that show another set of
purposes in place of the one first shown (IAB TCF's «Consent» / «Legitimate interest», a «Purposes» / «Vendors»
strip). Purposes on a view the user must open are pre-ticked all the same (EDPB Guidelines 05/2020 §§ 79–80: no
pre-ticked boxes; the legitimate-interest switches a TCF dialog shows ON on its second tab are such boxes): each
view is opened once and counted (corpus kaas: «Gerechtvaardigd belang», two switches ON, counted 0 when only the
first tab was read — a pre-ticked finding lost).

A view switch is told by structure: a tab (role `tab`), else one of two or more plain buttons side by side on the
layer, of one role and height, above every purpose shown, that no lexicon names as an answer or a way out (accept,
refuse, save, confirm, close, back) and that is no purpose's own control or row. A tap is a view switch only if what it shows *replaces* purposes shown before (some
of them gone, others come): a section that unfolds more controls under those shown (a library's per-service
switches under a purpose already counted) adds no view."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..measures import selects_all
from ..purpose_rows import unswitched
from ..screen import Screen
from . import cues
from .consent_layer import own_controls
from .elements import CONTROL_ROLES, Target, purpose_row, purpose_targets, targets
from .wrapping import SLACK
from .screens import in_one_row, taps

# what a control answering or leaving the layer says: never a view switch (a tap on one ends the layer)
ANSWERS = frozenset({"agree", "decline", "save", "confirm", "close", "back", "next", "exit", "manage", "settings",
                     "log_in", "sign_up", "privacy_policy", "legal"})
MOST_VIEWS = 4      # view switches tried on one layer: a strip of tabs is short; more is a list of something else

Opened = tuple[Screen, frozenset[int]]


@dataclass
class Views:
    """What the other views of a layer held: `preticked` optional purposes ON, `mandatory` locked ones, over the
    views other than the first (each purpose once, by its label); `opened` how many views replaced the first."""

    preticked: int = 0
    mandatory: int = 0
    opened: int = 0


def view_switches(screen: Screen, covered: frozenset[int]) -> list[Target]:
    return view_strip(screen, covered)[0]


def view_strip(screen: Screen, covered: frozenset[int]) -> tuple[list[Target], bool]:
    """The controls of the settings layer on `screen` that may show another view of its purposes, last first
    (bottom to top, right to left: the view first shown is most often the first tab's, tried last — and left
    untried once every other switch showed a view of its own) — [] when none: the usual layer, one list of
    purposes and its answers. The one shown as the current tab (`selected`: aria-selected) is left out. With
    them, whether every control of the strip is among them (none left out as the current tab or for its words:
    «Consent» beside «Legitimate interest», an agree word) — only then is the view first shown one of theirs,
    and the last of them left untried once the others each showed a view of its own."""
    found = targets(screen, covered)
    purposes = purpose_targets(found)
    own = own_controls(screen, found, frozenset(t.key for t in purposes))
    plain = [t for t in taps(own) if t.element.enabled and t.element.role not in CONTROL_ROLES
             and not selects_all(t.element) and not purpose_row(t, found)]
    tabs = [t for t in plain if t.element.role == "tab"]
    if not tabs:
        # a strip of plain buttons heads the list it switches: above every purpose shown (a row of buttons under
        # the purposes — «More info» beside «Save» — is the layer's answers and ways out, never its views)
        top = min((t.bounds[1] for t in purposes), default=None)
        quiet = [t for t in plain if t.element.role != "link" and not cues.categories(t.label) & ANSWERS
                 and (top is None or t.bounds[1] + t.bounds[3] <= top + SLACK)]
        tabs = [t for t in quiet if any(o is not t and _strip(t, o) for o in plain)]
    keys = {t.key for t in tabs}
    whole = not any(t.element.selected for t in tabs) and not any(
        o.key not in keys and any(_strip(o, t) for t in tabs) for o in plain)
    shown = sorted((t for t in tabs if not t.element.selected), key=lambda t: (-t.bounds[1], -t.bounds[0]))
    return shown[:MOST_VIEWS], whole and len(shown) <= MOST_VIEWS


def _strip(a: Target, b: Target) -> bool:
    """Two controls of one strip: side by side, of one role and one height (within a tenth, at least 3 px) — a
    purpose's heading beside the badge saying its state (gcn-fair's «Cookie cần thiết» 39 px, «Luôn bật» 57 px) is
    no strip."""
    ha, hb = a.bounds[3], b.bounds[3]
    return a.element.role == b.element.role and abs(ha - hb) <= max(3, min(ha, hb) / 10) \
        and in_one_row(a.bounds, b.bounds)


def _purposes(screen: Screen, covered: frozenset[int]) -> dict[str, Target]:
    return {cues.norm_label(t.label): t for t in purpose_targets(targets(screen, covered))}


def count_views(tap: Callable[[Target], Screen], covered_of: Callable[[Screen], frozenset[int]],
                reopen: Callable[[], Opened | None], opened: Opened) -> Views | None:
    """Each view switch of the layer `opened` (screen, what covers) tapped in turn (`tap`: the operator's, one
    recorded action) and the purposes a view shows in place of the last one counted — pre-ticked (ON, enabled)
    and locked (ON, disabled; rows saying a state with no switch, `purpose_rows.unswitched`, on a view that
    replaced all shown before). A switch gone from the screen after a tap (the tap left the layer) is looked for
    again on the layer opened anew (`reopen`: a fresh launch and the dialog's way there). None when a switch
    cannot be reached again (the layer not reopened): what its view holds is unmeasured, never 0."""
    screen, covered = opened
    switches, whole = view_strip(screen, covered)
    views = Views()
    if not switches:
        return views
    shown = _purposes(screen, covered)
    counted = set(shown)
    for switch in switches:
        if whole and views.opened + 1 >= len(switches):
            break       # as many views seen as there are switches: the one left shows the view first counted
        here = {t.key: t for t in targets(screen, covered)}
        if switch.key not in here:
            again = reopen()
            if again is None:
                return None
            screen, covered = again
            shown = _purposes(screen, covered)
            here = {t.key: t for t in targets(screen, covered)}
            if switch.key not in here:
                return None
        screen = tap(here[switch.key])
        covered = covered_of(screen)
        now = _purposes(screen, covered)
        replaced = bool(set(now) - set(shown)) and (not shown or bool(set(shown) - set(now)))
        if replaced:
            views.opened += 1
            new = [t for label, t in now.items() if label not in counted and t.element.checked]
            views.preticked += sum(1 for t in new if t.element.enabled)
            views.mandatory += sum(1 for t in new if not t.element.enabled)
            if not set(now) & counted:      # a view wholly its own: its rows saying a state are its own too
                views.mandatory += unswitched(screen)
            counted |= set(now)
        shown = now if now else shown
    return views
