"""A section unfolded in place (`unfolded`): a collapsed `<details>` summary, an accordion's header — the tap
showed more of the same page under the control, nothing else changed. The screen it shows is the page it was
tapped on, one level no deeper: its other sections are tried there before the page is left (paczka's four
collapsed sections of «Ustawienia konta»: each opened one deeper than the last, past the search's depth bound, so
the page was left through the drawer and reached again for each — 37 actions for 12)."""
from __future__ import annotations

from .elements import Target
from .wrapping import SLACK


def unfolded(before: list[Target], key: str, after: list[Target]) -> bool:
    """Whether tapping the control `key` among `before` (the controls offered before the tap) unfolded a section
    under it, `after` being those offered after: every control of `before` still offered, the tapped one and
    those above it where they were (no scroll; no layer, which would cover them), those wholly below it moved
    down, all by one distance (what unfolded between pushed them) — or, with none below it, something new offered
    under it. A bar fixed to the window is left out (it stays put whatever unfolds)."""
    now = {t.key: t.bounds for t in after}
    tapped = next((t for t in before if t.key == key), None)
    if tapped is None or any(t.key not in now for t in before):
        return False
    below = tapped.bounds[1] + tapped.bounds[3] - SLACK
    shifts = set()
    for target in before:
        x, y, w, h = target.bounds
        nx, ny, nw, nh = now[target.key]
        if target.element.fixed and target.key != key:
            continue
        if abs(nx - x) > SLACK or abs(nw - w) > SLACK:
            return False
        if y < below:                          # the tapped control and what lies above it (or beside it)
            if abs(ny - y) > SLACK:
                return False
        else:
            shifts.add(ny - y)
    if not shifts:
        known = {t.key for t in before}
        return any(t.key not in known and not t.element.fixed and t.bounds[1] >= below for t in after)
    return min(shifts) > SLACK and max(shifts) - min(shifts) <= 2 * SLACK


__all__ = ["unfolded"]
