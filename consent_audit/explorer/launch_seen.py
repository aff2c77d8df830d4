"""What the launch showed, in words a user can act on, when no consent dialog was recognised there.

The consent goal's not_found said one sentence for every cause (a full-page consent route, a banner behind a
log-in, a canvas, a dialog whose answer asked a permission …: corpus apps ktiv, vstup, grafis, vstup-x3). It now
says what the structural probe (explorer/launch_layer.py, explorer/consent_structure.py) saw instead: the candidate layer it tried — a
dialog, a fixed bar, a layer covering the app — with its buttons and what their answers did (stored nothing,
stored different records, one record with values no structure told apart, the same choice, one setting on or off,
left the app or asked a permission), or why there was no candidate:
a log-in or sign-up first, a full page that is no candidate, nothing readable to tap.
"""
from __future__ import annotations

from ..stored_records import switches
from ..screen import Screen
from . import cues
from .consent_structure import Tried
from .elements import Target, Use, visible
from .consent_choice import judged_candidate
from .flow_notice import flow_notice
from .launch_layer import area, fixed_bar, wall
from .stored_choice import differs
from .screens import DIALOG_ROLES, password_form, taps

SHOWN = 4      # button labels named in the sentence


def _labels(buttons: list[Target] | tuple[Target, ...]) -> str:
    """The buttons' words, quoted; a button with none is said as such (an empty ×), never left out of the
    sentence ("… stayed on screen after ." said nothing)."""
    names = [f"'{b.label[:30]}'" if b.label else f"an unlabelled {b.element.role or 'control'}"
             for b in buttons[:SHOWN]]
    return ", ".join(names) + (", …" if len(buttons) > SHOWN else "")


def _bar_kind(screen: Screen, bounds: tuple[int, int, int, int]) -> str:
    """A layer that stays put, said by its place (bounds and `Screen.size` in device px): a full-screen wall
    (`launch_layer.wall`: at least 3/4 of the screen's height), else a bar or sheet at the foot, at the top, or over the middle."""
    _x, y, _w, h = bounds
    height = screen.size[1]
    if height <= 0:
        return "a fixed bar"
    if wall(screen, bounds):
        return "a full-screen fixed layer"
    middle = y + h / 2
    return ("a fixed bar at the foot of the screen" if middle >= 2 * height / 3
            else "a fixed bar at the top of the screen" if middle <= height / 3 else "a fixed layer mid-screen")


def _count(n: int, what: str) -> str:
    return f"{n} {what}" + ("" if n == 1 else "s")


def _tally(controls: list[Target] | tuple[Target, ...]) -> str:
    """How many controls, named by what they are: "2 buttons", "3 links", "5 controls (2 buttons, 3 links)" —
    a page of links was said as "11 buttons" (a new user looked for eleven buttons)."""
    links = sum(1 for t in controls if t.element.role == "link")
    if not links:
        return _count(len(controls), "button")
    if links == len(controls):
        return _count(links, "link")
    return f"{_count(len(controls), 'control')} ({_count(len(controls) - links, 'button')}, {_count(links, 'link')})"


def _answers(tried: list[Tried], readable: bool) -> str:
    """What the layer's answers did, tried each from a fresh launch (consent_trials._try)."""
    if not readable:
        return "the app's storage could not be read, so its answers could not be told apart by what they store"
    if not tried:
        return "its buttons could not be tried (one was gone from a fresh launch)"
    left = [t for t in tried if t.left]
    if left:
        return f"{_labels([t.target for t in left])} left the app or asked for a permission, so it was taken for no consent choice"
    stored = [t for t in tried if t.stored and not t.settings]
    if not stored:
        return "its answers stored nothing the app keeps (cookies, local or session storage)"
    stayed = [t for t in tried if not t.gone and not t.settings]
    if stayed:
        return f"the layer stayed on screen after {_labels([t.target for t in stayed])}"
    common = frozenset.intersection(*(frozenset(t.stored) for t in stored))
    if differs(stored, common) and not any(switches({k: t.stored[k] for k in common}) for t in stored):
        return _untold_choice(stored, common)
    if len({frozenset(t.stored) for t in stored}) > 1:
        return "its answers stored different records (" + "; ".join(
            f"'{t.label[:20]}': {', '.join(sorted(t.stored))[:60]}" for t in stored[:3]) + "), not one choice"
    on = [switches(t.stored) for t in stored]
    if len({sum(r.values()) for r in on if r}) > 1:     # told apart, but not as a consent (consent_structure)
        names = sorted({n.split(":", 1)[-1] for r in on for n in r})
        return (f"its answers switched one setting on or off ({', '.join(names)[:60]}) rather than a choice over "
                "purposes (two or more, a layer setting them one by one, or a record worded as consent: granted/"
                "denied, accepted/rejected), so it was taken for a setting (a theme, a newsletter), not consent")
    silent = [t for t in tried if not t.stored and not t.settings]
    if silent:      # one record, and answers that stored nothing: said for each, never "every answer"
        kept = ", ".join(sorted({k for t in stored for k in t.stored}))[:60]
        went = " (the layer went, or was replaced by one read with no control)" if all(t.gone for t in silent) else ""
        return (f"only {_labels([t.target for t in stored])} stored a record ({kept}); "
                f"{_labels([t.target for t in silent])} stored nothing{went}, so no refusal was told among them")
    return "every answer stored the same choice, so no refusal was told among them"


def _untold_choice(stored: list[Tried], common: frozenset[str]) -> str:
    """One record written with different values by the answers (`common`: its keys), no switch in it, and no
    accept and refusal told (stored_choice.by_what_kept): said as different choices left untold."""
    values = "; ".join(f"'{t.label[:20]}': {', '.join(t.stored[k][:20] for k in sorted(common))}" for t in stored[:3])
    beside = "; ".join(f"'{t.label[:20]}': {', '.join(sorted(set(t.stored) - common))[:40] or 'nothing else'}"
                       for t in stored[:3])
    return (f"its answers stored one record ({', '.join(sorted(common))[:60]}) with different values ({values}): "
            f"different choices, but which one refuses could not be told — not by what else each kept beside it "
            f"({beside}; an accept keeps more: an id, more purposes) nor by words known, so the consent is "
            "unmeasured")


def launch_seen(screen: Screen, found: list[Target], covered: frozenset[int], tried: list[Tried] | None,
                readable: bool) -> str:
    """One or two sentences on what the launch `screen` showed (`found`: its targets; `covered`: element
    indexes under an open layer; `tried`: the probe's answers when it tried a layer, None when it did not;
    `readable`: whether the platform reads the app's storage). Shapes: "a dialog with 3 buttons ('A', 'B',
    'C') was tried as a consent dialog: its answers stored nothing …"; "a full page with 2 buttons (…) was tried as a consent dialog: …"; "the launch shows a log-in or sign-up first …"; "nothing to tap was read …"."""
    if not screen.in_app:
        return "the launch did not show the app"
    candidate, why = judged_candidate(screen, found, covered)     # 2–3 buttons, or options and one save
    buttons = [t for t in taps(found) if t.element.enabled]
    boxes = [e for e in screen.elements if e.role in DIALOG_ROLES and visible(e)]
    bar = fixed_bar(screen, taps(found))
    kind = ("a dialog" if boxes else _bar_kind(screen, bar[0]) if bar is not None
            else "a layer covering the app" if covered
            else "a notice in the page's flow" if flow_notice(screen, taps(found)) is not None else "a full page")
    if candidate is not None:
        held = (f"; {_labels(candidate.held)} was disabled when the launch was read (held back)"
                if candidate.held else "")
        shown = (f"{_count(len(candidate.options), 'option')} ({_labels(candidate.options)}) and one button "
                 f"saving the choice ({_labels(candidate.buttons)})" if candidate.options
                 else f"{_tally(candidate.buttons)} ({_labels(candidate.buttons)})")
        return f"{kind} with {shown} was tried as a consent dialog: {_answers(tried or [], readable)}{held}"
    if password_form(found) or any(cues.has(t.label, "log_in", "sign_up") and not cues.has(t.label, "purchase")
                                   for t in buttons):
        return (f"the launch shows a log-in or sign-up first ({_labels(buttons) or 'a credentials form'}): "
                "a dialog shown only to an account holder is searched only behind a log-in the goal got past")
    if not buttons:
        fields = sum(1 for t in found if t.use == Use.TEXT)
        return (f"nothing to tap was read on the launch screen ({_count(len(screen.elements), 'element')}, "
                f"{_count(fields, 'field')}): an app drawn on a canvas or with its accessibility layer off "
                "shows no controls to the suite")
    if why and (place := area(screen, found, covered)) is not None:
        inside = taps(place.controls)
        return (f"{kind} with {_tally(inside)} ({_labels(inside)}) that is no consent choice "
                f"by its structure: {why}")
    return (f"a full page with {_tally(buttons)} ({_labels(buttons)}) and no layer over it: a page "
            "is tried as a consent dialog only when it holds 2–3 buttons and a sentence of its own")
