"""An audit that did not conclude (interrupted, broken) shows every screen captured before it stopped on the summary
page — also one whose step was not yet recorded in the trace when the run was interrupted."""
from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np

from consent_audit.evidence.summary_page import SummaryPage
from consent_audit.rules import load_catalog

FOLDER = "tests/test_deletion-refapp-fair"


def _payload(tmp_path: Path, steps: list[dict[str, object]]) -> Path:
    folder = tmp_path / FOLDER
    (folder / "steps").mkdir(parents=True)
    for name in ("000-start.png", "001-tap.png"):
        cv2.imwrite(str(folder / "steps" / name), np.full((80, 60, 3), 200, np.uint8))
    (folder / "trace.json").write_text(json.dumps({"steps": steps, "trails": []}), encoding="utf-8")
    result = {"target": "refapp-fair", "flow": "deletion", "outcome": "interrupted", "folder": FOLDER,
              "message": "interrupted: interrupted by the user (Ctrl-C)", "findings": [], "metrics": {}}
    (tmp_path / "summary.json").write_text(json.dumps({"run_id": "r", "results": [result],
                                                       "interrupted": "Ctrl-C"}), encoding="utf-8")
    return tmp_path


def _page(payload: Path) -> str:
    return SummaryPage(payload, {"run_id": "r"}, "en", "evidence-r.zip", load_catalog(), {}).render()


def test_screens_no_step_names_yet_are_shown(tmp_path: Path) -> None:
    page = _page(_payload(tmp_path, []))
    assert page.count("data:image/jpeg;base64,") == 2
    assert f"{FOLDER}/steps/000-start.png" in page and f"{FOLDER}/steps/001-tap.png" in page


def test_named_screens_come_first_in_step_order(tmp_path: Path) -> None:
    step = {"index": 1, "title": "tap Delete", "at": "2026-11-30T01:00:00Z", "files": {"screenshot": "steps/001-tap.png"}}
    page = _page(_payload(tmp_path, [step]))
    assert page.count("data:image/jpeg;base64,") == 2
    assert page.index("steps/001-tap.png") < page.index("steps/000-start.png") and "tap Delete" in page


def test_a_screen_stored_once_is_reduced_once_and_still_shown_at_every_step(tmp_path: Path, monkeypatch) -> None:
    import os

    from consent_audit.evidence import summary_page
    payload = _payload(tmp_path, [])
    steps = payload / FOLDER / "steps"
    os.link(steps / "001-tap.png", steps / "002-tap.png")         # the same screen again (evidence.once)
    made: list[Path] = []
    real = summary_page.thumbnail_uri
    monkeypatch.setattr(summary_page, "thumbnail_uri", lambda path: made.append(path) or real(path))
    page = _page(payload)
    assert page.count("data:image/jpeg;base64,") == 3 and f"{FOLDER}/steps/002-tap.png" in page
    assert len(made) == 2
