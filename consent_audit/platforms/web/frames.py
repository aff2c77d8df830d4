"""Cross-origin frames read as a user sees them. A consent management platform (Sourcepoint, TrustArc, some
Didomi or Usercentrics setups) draws its dialog in an <iframe> of another origin: the page's own scripts cannot
read that document (`contentDocument` is null), but the browser automation can switch into the frame
(WebDriver "Switch To Frame"; chromedriver reaches an out-of-process iframe too) and run the same DOM snapshot
there. This module reads every such frame of a snapshot and composes its elements into the page's.

Shapes: a snapshot is what DOM_SNAPSHOT_JS returns; its `frames` list one entry per cross-origin frame
({el: the <iframe> WebElement, left, top, width, height: its viewport on the page in CSS px, src, sandbox,
nested: inside a same-origin frame}), and its `elements` hold a placeholder {frame: k} where the frame's elements
go; its shape holds "@frame<k>@". Bounds are device px: the page's at its `dpr`, a frame's at its own (Chromium
reports 1 inside an out-of-process frame under mobile emulation, the page's scale factor outside).

A cross-origin frame inside same-origin frames (a CMP's frame in a tag container) is reached through them: its
<iframe> element cannot be handed back from the page's context, so the snapshot names the path (`via`).
A frame that cannot be read (switching or its script fails, or its path lies through a shadow root) is listed in the composed snapshot's `unread_frames` (one sentence
each) and never taken for "nothing there": the screen says so, and the consent goal does not conclude clean.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

from selenium.common.exceptions import WebDriverException

log = logging.getLogger(__name__)

MAX_DEPTH = 3
"""Cross-origin frames inside cross-origin frames read this deep (a CMP's dialog is one level, rarely two)."""


@dataclass(frozen=True)
class FramePlace:
    """Where a composed element lives: the <iframe> WebElements to switch through from the page (outermost
    first) and its bounds inside the innermost frame (device px at that frame's scale, as its own snapshot
    reported them, so the frame's locating script finds it exactly)."""

    chain: tuple[Any, ...]
    bounds: tuple[int, int, int, int]


def to_page(bounds: list[int] | tuple[int, ...], left: float, top: float, frame_dpr: float,
            page_dpr: float) -> list[int]:
    """A frame's element bounds (device px at `frame_dpr`, relative to the frame's viewport: its own scroll is
    already in them) → the page's device px at `page_dpr`, the frame's viewport lying at (`left`, `top`) CSS px
    of the page's viewport."""
    x, y, w, h = (float(v) for v in bounds)
    fd = frame_dpr or 1.0
    return [round((left + x / fd) * page_dpr), round((top + y / fd) * page_dpr),
            round(w / fd * page_dpr), round(h / fd * page_dpr)]


def describe(frame: dict[str, Any], reason: str) -> str:
    """One sentence for a frame not read: its address, where it is, and why."""
    src = frame.get("src") or "(no address)"
    box = f"{round(frame.get('width', 0))}x{round(frame.get('height', 0))} CSS px at " \
          f"({round(frame.get('left', 0))}, {round(frame.get('top', 0))})"
    sandbox = f", sandbox=\"{frame['sandbox']}\"" if frame.get("sandbox") is not None else ""
    return f"the frame {src} ({box}{sandbox}) could not be read: {reason}"


def compose(page: dict[str, Any], children: dict[int, dict[str, Any]], unread: dict[int, str],
            chain: tuple[Any, ...] = ()) -> tuple[dict[str, Any], dict[tuple, FramePlace]]:
    """The page snapshot with each read frame's elements in place of its placeholder (bounds moved into the
    page's device px), its shape in the shape, and its source kept after the page's (in a <template> naming the
    frame's address); `unread_frames` lists the frames not read (theirs and those their own frames left unread).
    `children`: frame index → that frame's snapshot, already composed with its own frames; `unread`: frame index
    → why it was not read. Also returns where each frame element lives: (bounds, text) on the page → FramePlace.
    `chain`: the frames the page itself lies in (empty for the top document)."""
    frames = page.get("frames") or []
    dpr = float(page.get("dpr") or 1)
    elements: list[dict[str, Any]] = []
    places: dict[tuple, FramePlace] = {}
    shape = str(page.get("shape", ""))
    sources: list[str] = []
    unread_frames = list(page.get("unread_frames") or [])
    for item in page.get("elements") or []:
        k = item.get("frame") if isinstance(item, dict) else None
        if k is None:
            elements.append(item)
            continue
        frame, child = frames[k], children.get(k)
        if child is None:
            unread_frames.append(describe(frame, unread.get(k, "not read")))
            sources.append(f"<!-- consent-audit: {_comment(unread_frames[-1])} -->")
            shape = shape.replace(f"@frame{k}@", "iframe[unread]")
            continue
        child_places: dict[tuple, FramePlace] = child.get("_places") or {}
        for sub in child.get("elements") or []:
            moved = {**sub, "bounds": to_page(sub.get("bounds", (0, 0, 0, 0)), frame["left"], frame["top"],
                                              float(child.get("dpr") or 1), dpr)}
            elements.append(moved)
            inner = child_places.get((tuple(sub.get("bounds", ())), sub.get("text", "")))
            places[(tuple(moved["bounds"]), moved.get("text", ""))] = FramePlace(
                chain=inner.chain if inner else (*chain, *(child.get("_through") or (frame.get("el"),))),
                bounds=inner.bounds if inner else tuple(int(v) for v in sub.get("bounds", (0, 0, 0, 0))))
        shape = shape.replace(f"@frame{k}@", "iframe(" + str(child.get("shape", "")) + ")")
        unread_frames += child.get("unread_frames") or []
        sources.append(f'<template data-ca-frame="{_attr(child.get("url") or frame.get("src") or "")}">'
                       f'{child.get("source", "")}</template>')
    out = {**page, "elements": elements, "shape": shape, "unread_frames": unread_frames}
    out.pop("frames", None)
    out.pop("_places", None)
    out.pop("_through", None)
    if sources:
        out["source"] = _with_frames(str(page.get("source", "")), sources)
    return out, places


def _comment(text: str) -> str:
    return str(text).replace("--", "- -")


def _attr(text: str) -> str:
    return str(text).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _with_frames(source: str, sources: list[str]) -> str:
    """The page source with the frames' documents before its closing </body> (after it when there is none):
    the evidence holds what the user saw in the frames."""
    note = "<!-- consent-audit: the documents of cross-origin frames, read by switching into each (or why not) -->"
    block = note + "".join(sources)
    at = source.lower().rfind("</body>")
    return source[:at] + block + source[at:] if at >= 0 else source + block


def read(driver: Any, snapshot: dict[str, Any], script: str, chain: tuple[Any, ...] = (),
         enter: Callable[[tuple[Any, ...]], None] | None = None) -> tuple[dict[str, Any], dict[tuple, FramePlace]]:
    """`snapshot` (taken in the context `chain` leads to: the page when empty) composed with every cross-origin
    frame it lists, each read by switching into it and running `script` (DOM_SNAPSHOT_JS), recursively to
    MAX_DEPTH. Leaves the driver in the context `chain` leads to. Never raises for a frame: a frame that
    cannot be read is listed (see `compose`)."""
    enter = enter or (lambda c: _enter(driver, c))
    children: dict[int, dict[str, Any]] = {}
    unread: dict[int, str] = {}
    for k, frame in enumerate(snapshot.get("frames") or []):
        if frame.get("nested") and not frame.get("via"):
            unread[k] = "it lies inside a same-origin frame's shadow root (not reached from the page's context)"
            continue
        if len(chain) >= MAX_DEPTH:
            unread[k] = f"frames nested more than {MAX_DEPTH} deep are not read"
            continue
        try:
            through = _switch_in(driver, frame)
            child = driver.execute_script(script)
            if not isinstance(child, dict):
                raise WebDriverException("its snapshot script returned nothing")
            child, child_places = read(driver, child, script, (*chain, *through), enter)
            child["_places"], child["_through"] = child_places, through
            children[k] = child
        except WebDriverException as exc:
            unread[k] = (str(exc.msg or exc).strip().splitlines() or ["the browser refused"])[0][:200]
            log.info("cross-origin frame %s not read: %s", frame.get("src"), unread[k])
        finally:
            try:
                enter(chain)
            except WebDriverException as exc:     # the page itself is gone: the capture fails as it would
                log.info("could not return from a frame: %s", exc)
    return compose(snapshot, children, unread, chain)


def locate_inside(platform: Any, script: str, place: FramePlace, element: Any) -> Any:
    """The live element captured inside a cross-origin frame: the driver switched into its frame (the gesture
    runs there; the platform's `leave_frame` after it) and `script` (LOCATE_JS) run with its bounds there.
    None, back on the page, when it is not there any more."""
    try:
        platform.enter_frame(place)
        found = platform.driver.execute_script(script, *place.bounds, element.rid, element.text, element.role)
    except WebDriverException:
        found = None
    if found is None or isinstance(found, dict):
        platform.leave_frame()
        return None
    return found


def covered_inside(platform: Any, script: str, where: list[FramePlace | None], hidden: set[int]) -> set[int]:
    """Of the elements (by index into `where`, their places; None: the page's) whose frame the page's hit test
    reached (not in `hidden`), those something inside their own frame covers: `script` (COVERED_JS) run there
    with their bounds there. The driver ends on the page."""
    inner: dict[tuple, list[int]] = {}
    for k, place in enumerate(where):
        if place is not None and k not in hidden:
            inner.setdefault(place.chain, []).append(k)
    out: set[int] = set()
    for ks in inner.values():
        platform.enter_frame(where[ks[0]])
        try:
            boxes = [list(where[k].bounds) for k in ks]    # type: ignore[union-attr]
            out |= {ks[j] for j in platform.driver.execute_script(script, boxes, [None] * len(ks)) or []}
        finally:
            platform.leave_frame()
    return out


def settled_inside(platform: Any, script: str, *args: Any) -> bool:
    """Whether every cross-origin frame an element was captured in since the launch is settled too (`script`,
    SETTLED_JS, run in each: the page's own wait does not see a frame's DOM change or animation — a CMP's
    second layer sliding in). A frame gone (answered and removed) is forgotten; the driver ends on the page."""
    places: dict[tuple, FramePlace] = getattr(platform, "frame_places", {})
    chains = list(dict.fromkeys(p.chain for p in places.values()))
    quiet = True
    for chain in chains:
        try:
            platform.enter_frame(FramePlace(chain, (0, 0, 0, 0)))
            quiet = bool(platform.driver.execute_script(script, *args))
        except WebDriverException:
            for key in [k for k, p in places.items() if p.chain == chain]:
                del places[key]
        finally:
            platform.leave_frame()
        if not quiet:
            return False
    return True


_NTH_FRAME_JS = "return document.querySelectorAll('iframe')[arguments[0]] || null;"


def _switch_in(driver: Any, frame: dict[str, Any]) -> tuple[Any, ...]:
    """Into a cross-origin frame of the current context: directly, or, inside same-origin frames, through each
    (`via`: the outermost <iframe> element, then each next one's index in its document). The <iframe>
    elements switched through, outermost first. Raises WebDriverException when one is not there any more."""
    if not frame.get("nested"):
        driver.switch_to.frame(frame["el"])
        return (frame["el"],)
    outer, *indexes = frame["via"]
    through = [outer]
    driver.switch_to.frame(outer)
    for i in indexes:
        el = driver.execute_script(_NTH_FRAME_JS, i)
        if el is None:
            raise WebDriverException("the frame it lies in changed while it was read")
        driver.switch_to.frame(el)
        through.append(el)
    return tuple(through)


def _enter(driver: Any, chain: tuple[Any, ...]) -> None:
    """The driver into the context the chain of <iframe> elements leads to (the page when empty)."""
    driver.switch_to.default_content()
    for el in chain:
        driver.switch_to.frame(el)


__all__ = ["FramePlace", "MAX_DEPTH", "compose", "covered_inside", "describe", "locate_inside", "read",
           "settled_inside", "to_page"]
