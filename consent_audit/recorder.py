"""The recorder: every user action a page performs becomes a counted, captured, Allure-visible step."""
from __future__ import annotations

import contextlib
import json
import logging
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

import allure
import cv2
import numpy as np

from . import interrupts
from .errors import AutomationError
from .masking import MASK, Masker
from .model import USER_ACTIONS, Kind, Step, Trail
from .platforms.base import Platform
from .screen import Element, Screen
from .inert import inert_html
from .allure_steps import attach_late, step_results

log = logging.getLogger(__name__)


class Recorder:
    """Counts steps, captures the screen after each (once), attaches it to Allure, masks secrets."""

    def __init__(self, platform: Platform, out_dir: Path, masker: Masker, screenshots: str = "on") -> None:
        """`screenshots`: "on" (every capture), "off", or "new" (only of a screen whose structural signature
        no screenshot showed yet, kept as evidence only: the Screen carries none, so what reads screenshots
        decides the same on every visit)."""
        self.platform = platform
        self.out_dir = out_dir
        self.masker = masker
        self.screenshots = screenshots
        self.steps: list[Step] = []
        self.trails: list[Trail] = []
        self._open: list[Trail] = []
        self._last: Screen | None = None
        self._last_files: dict[str, str] = {}
        self._captures = 0
        self._shown: set[str] = set()     # signatures a kept screenshot shows
        self._unreadable: AutomationError | None = None   # a capture that said the screen cannot be read
        self.unread_frames: list[str] = []   # every frame a capture could not read (Screen.unread_frames), once
        self.traffic: Any = None        # a consent_audit.traffic.log.TrafficLog when traffic is captured
        self._allure_steps: dict[int, list[Any]] = {}   # step index -> its Allure step results (with a capture)
        (out_dir / "steps").mkdir(parents=True, exist_ok=True)

    # --- capture ---
    def _capture(self, stem: str) -> tuple[Screen, dict[str, str]]:
        take_png = self.screenshots == "on"
        raw = self.platform.capture(screenshot=take_png)
        screen = raw.screen
        self._captures += 1
        self.unread_frames += [f for f in screen.unread_frames if f not in self.unread_frames]
        screen.source = self.masker.mask(screen.source)
        redact = [b for b, value in raw.values if self.masker.contains_secret(value)]
        redact += [e.bounds for e in screen.elements if e.text and self.masker.contains_secret(e.text)]
        if redact and screen.screenshot:
            screen.screenshot = redact_png(screen.screenshot, redact)
        png = screen.screenshot
        if not png and self.screenshots == "new" and screen.signature not in self._shown:
            png = self.platform.screenshot()      # a screen no kept screenshot shows yet: evidence of the search
            png = redact_png(png, redact) if redact and png else png
        if png:
            self._shown.add(screen.signature)
        if any(self.masker.contains_secret(e.text) or self.masker.contains_secret(e.name) for e in screen.elements):
            screen.elements = [Element(**{**e.__dict__, "text": self.masker.mask(e.text),
                                          "name": self.masker.mask(e.name)}) for e in screen.elements]
        files: dict[str, str] = {}
        base = self.out_dir / "steps" / stem
        if png:
            base.with_suffix(".png").write_bytes(png)
            files["screenshot"] = f"steps/{stem}.png"
        ext = ".xml" if screen.source_kind == "xml" else ".html"
        base.with_suffix(ext).write_text(inert_html(screen.source) if ext == ".html" else screen.source,
                                         encoding="utf-8")
        files["source"] = f"steps/{stem}{ext}"
        self._last, self._last_files = screen, files
        return screen, files

    def observe(self) -> Screen:
        """The current screen: the last capture if nothing happened since, else a new one (kept as the last
        step's `looked`: the screen as the next action meets it)."""
        interrupts.check()
        if self._last is None:
            screen, files = self._capture(f"{len(self.steps):03d}-start")
            if self.steps:               # looked at again after the last step: what the next action meets
                self.steps[-1].looked = screen
            if screen.screenshot:
                allure.attach(screen.screenshot, name="start screen", attachment_type=allure.attachment_type.PNG)
        return self._last  # type: ignore[return-value]

    def look(self, name: str) -> tuple[Screen, dict[str, str]]:
        """The current screen captured as evidence (steps/NNN-<name>.png and its source: the files' paths, relative
        to the test folder), no step recorded and no step's `looked` changed: what a relaunch showed, read for a
        measure."""
        return self._capture(f"{len(self.steps):03d}-{name}")

    def invalidate(self) -> None:
        """Something changed the screen outside a recorded action (a timer, the OS)."""
        self._last = None

    @property
    def last_screen(self) -> Screen | None:
        return self._last

    # --- journeys ---
    @contextlib.contextmanager
    def journey(self, name: str) -> Iterator[Trail]:
        """Record a named journey; its start is the current screen (captured only if stale)."""
        start = self.observe()
        trail = Trail(name=name, start=start, start_files=dict(self._last_files))
        self._open.append(trail)
        try:
            with allure.step(f"Journey: {name}"):
                yield trail
        finally:
            self._open.remove(trail)
            self.trails.append(trail)

    # --- actions ---
    def act(self, kind: Kind, title: str, action: Callable[[], Any], target: Element | dict | None = None,
            capture: bool = True) -> Step:
        """Perform one user action inside an Allure step, then capture the screen after it once."""
        interrupts.check()            # a stop swallowed where it was raised is raised again here
        title = self.masker.mask(title)
        info = target.to_dict() if isinstance(target, Element) else dict(target or {})
        info = self.masker.mask_data(info)  # type: ignore[assignment]
        at = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
        began = time.perf_counter()
        index = len(self.steps) + 1
        self._unreadable = None
        if self.traffic is not None:
            self._traffic_step(kind, index)
        allure_step = allure.step(title)
        with allure_step:
            if self.traffic is not None:     # its requests are attached when the test ends (attach_requests)
                self._allure_steps[index] = step_results(allure_step.uuid)
            self._last = None
            try:
                action()
            finally:
                seconds = time.perf_counter() - began
                if capture:
                    screen, files = self._safe_capture(f"{index:03d}-{kind.value}")
                else:
                    screen, files = Screen(elements=[], signature="-"), {}
                if screen.screenshot:
                    allure.attach(screen.screenshot, name=f"after {kind.value}",
                                  attachment_type=allure.attachment_type.PNG)
                elif files.get("screenshot"):     # "new" mode: evidence kept on disk only
                    allure.attach.file(self.out_dir / files["screenshot"], name=f"after {kind.value} (first seen)",
                                       attachment_type=allure.attachment_type.PNG)
            step = Step(index=index, kind=kind, title=title, target=info, at=at, seconds=seconds,
                        screen=screen, files=files)
        self.steps.append(step)
        for trail in self._open:
            trail.steps.append(step)
        log.info("step %d %s: %s", index, kind.value, title)
        unreadable, self._unreadable = self._unreadable, None
        if unreadable is not None:   # the action went through but what followed cannot be read: broken, not measured
            raise unreadable
        return step

    # --- traffic ---
    def _traffic_step(self, kind: Kind, index: int) -> None:
        """A step begins: a launch opens the phase "launch" (nothing answered yet), a relaunch a new phase
        keeping the choices in force. Before either, what the page sent is read with its bodies (the browser
        forgets them with the page) unless a settle read it since the last step began."""
        if kind in (Kind.LAUNCH, Kind.RELAUNCH):
            self.traffic.before_navigation()
        self.traffic.step_started(index, time.time())
        if kind == Kind.LAUNCH:
            denied = self._denied()
            self.traffic.phase("launch" + _denied_note(denied), step=index, consent="unanswered", denied=denied)
        elif kind == Kind.RELAUNCH:
            self.relaunched(step=index)

    def _denied(self) -> list[str]:
        return [p for p, state in self.platform.decided.items() if state == "denied"]

    def relaunched(self, step: int | None = None) -> None:
        """A relaunch (recorded or not) opens a new traffic phase keeping the choices in force."""
        if self.traffic is None:
            return
        if step is None:                 # not a recorded step: _traffic_step did not read before it
            self.traffic.before_navigation()
        current = self.traffic.current
        base = current.notes.get("base", current.name)
        denied = self._denied()
        note = _denied_note(denied) if sorted(denied) != sorted(current.denied) else ""
        self.traffic.phase(f"relaunch, {base}{note}", step=step, denied=denied, base=base + note)

    def attach_requests(self) -> None:
        """Each step's requests, as one text attachment of its Allure step, when the test ends (the capture is
        read at the settles and at the end, not after every step: consent_audit.traffic.log attributes every
        request to its step and phase by time). A step that sent nothing gets none."""
        if self.traffic is None:
            return
        from .traffic.log import summary_line
        for index, results in self._allure_steps.items():
            entries = self.traffic.of_step(index)
            if not entries:
                continue
            phases = list(dict.fromkeys(str(e.get("_phaseName", "")) for e in entries))
            attach_late(results, self.masker.mask("\n".join(summary_line(e) for e in entries)),
                        f"network ({len(entries)} requests, {'; '.join(phases)})")

    def settle_traffic(self) -> None:
        """Wait until the app's traffic is quiet (consent_audit.traffic.measure.settle, STEP_QUIET_S), so that
        what an action set off is sent before the flow moves on (a reset or a relaunch would cut it short)."""
        if self.traffic is not None:
            from .traffic.measure import STEP_QUIET_S, STEP_SETTLE_TIMEOUT_S, settle
            settle(self.traffic, quiet=STEP_QUIET_S, timeout=STEP_SETTLE_TIMEOUT_S)

    def phase(self, name: str, since: Step | None = None, **state: Any) -> None:
        """Open a traffic phase (consent_audit.traffic.log) from the step `since` (default: now), e.g.
        `recorder.phase("after reject", since=reject.steps[-1], consent="rejected")`. Without a capture: nothing."""
        if self.traffic is None:
            return
        self.settle_traffic()
        wall = self.traffic.step_started_at(since.index) if since is not None else None
        self.traffic.phase(name, since=wall, step=since.index if since is not None else None, **state)

    def _safe_capture(self, stem: str) -> tuple[Screen, dict[str, str]]:
        try:
            return self._capture(stem)
        except Exception as exc:  # a capture error must never hide the action's own failure
            log.warning("capture after %s failed: %s", stem, exc)
            files: dict[str, str] = {}
            if isinstance(exc, AutomationError):   # raised by act() once the step is recorded
                self._unreadable = exc
                png = getattr(exc, "screenshot", b"")   # what the user saw, when the error carries it
                if png:
                    (self.out_dir / "steps" / f"{stem}.png").write_bytes(png)
                    files["screenshot"] = f"steps/{stem}.png"
                    allure.attach(png, name=f"unreadable screen: {exc}"[:120], attachment_type=allure.attachment_type.PNG)
            return Screen(elements=[], signature="capture-failed"), files

    # --- output ---
    def write_trace(self) -> Path:
        path = self.out_dir / "trace.json"
        data = {"steps": [s.to_dict() for s in self.steps], "trails": [t.to_dict() for t in self.trails],
                "captures": self._captures}
        path.write_text(self.masker.mask(json.dumps(data, ensure_ascii=False, indent=1)), encoding="utf-8")
        return path


def _denied_note(denied: list[str]) -> str:
    """'; camera, geolocation denied' for a phase name ('' when nothing is denied)."""
    return f"; {', '.join(sorted(denied))} denied" if denied else ""


def redact_png(png: bytes, boxes: list[tuple[int, int, int, int]]) -> bytes:
    """Black out the given boxes (secret values shown on screen) in a PNG screenshot."""
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        return png
    height, width = image.shape[:2]
    for x, y, w, h in boxes:
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(width, x + w), min(height, y + h)
        if x1 > x0 and y1 > y0:
            image[y0:y1, x0:x1] = 0
            cv2.putText(image, "REDACTED", (x0 + 6, min(y1 - 6, y0 + 40)), cv2.FONT_HERSHEY_SIMPLEX, 1.0,
                        (255, 255, 255), 2, cv2.LINE_AA)
    ok, encoded = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    return encoded.tobytes() if ok else png


__all__ = ["Kind", "Step", "Trail", "Recorder", "USER_ACTIONS", "MASK"]
