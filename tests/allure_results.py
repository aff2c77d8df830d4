"""The Allure results of a finished run, for the e2e tests that read them: each `*-result.json` parsed once
(a writer's temporary file — Allure's `….json.tmp`, the masker's `.….masked` — never matches), and one that is
no JSON said with its name and the text where it breaks, never as a bare JSONDecodeError out of a generator."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def allure_results(folder: Path) -> list[dict[str, Any]]:
    """Every `*-result.json` of `folder`, in name order. AssertionError (the file, the error, the text around
    it) for one that is no JSON: the writers replace files whole (temp file + rename), so a broken file was
    written wrong, never read half-written."""
    results = []
    for path in sorted(folder.glob("*-result.json")):
        text = path.read_text(encoding="utf-8")
        try:
            results.append(json.loads(text))
        except json.JSONDecodeError as exc:
            raise AssertionError(f"{path.name} is no JSON ({exc.msg} at {exc.pos}): "
                                 f"…{text[max(0, exc.pos - 60):exc.pos + 60]}…") from None
    return results
