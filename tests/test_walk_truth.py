"""tests/corpus/walk_truth.py's "ok" said nothing of where a path ended (a copy of stride whose delete never
happened printed "ok"): the deletion walk now checks the end screen the truth's note names, and says when it cannot."""
from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"


def _walker() -> dict[str, Any]:
    """walk_truth.py's own globals (what its functions look names up in)."""
    return runpy.run_path(str(CORPUS / "walk_truth.py"), run_name="walk_truth")["walk"].__globals__


class _Browser:
    """Every step found; the page shows `shown` at the end."""

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def get(self, url: str) -> None:
        pass

    def execute_script(self, script: str, *args: Any) -> str:
        return self.shown

    def quit(self) -> None:
        pass


def _walk(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], app: str, shown: str) -> tuple[bool, str]:
    walker = _walker()
    monkeypatch.setitem(walker, "browser", lambda: _Browser(shown))
    monkeypatch.setitem(walker, "step", lambda d, s, phone, typed: None)
    monkeypatch.setattr(walker["time"], "sleep", lambda seconds: None)
    ok = walker["walk"]("http://127.0.0.1:1", app)
    return ok, capsys.readouterr().out


def test_a_deletion_that_does_not_end_where_the_truth_says_fails(monkeypatch, capsys) -> None:
    ok, out = _walk(monkeypatch, capsys, "stride", "Profile Settings Delete account")
    assert not ok and "FAIL" in out and "Your account has been deleted." in out


def test_the_end_screen_named_is_checked_and_said(monkeypatch, capsys) -> None:
    ok, out = _walk(monkeypatch, capsys, "stride", "Done  Your account   has been deleted. Back")
    assert ok and "end screen checked" in out and "not checked" in out      # the reject walk says what it skips


def test_a_note_naming_no_end_screen_is_said_unchecked(monkeypatch, capsys) -> None:
    ok, out = _walk(monkeypatch, capsys, "porsche-dark", "anything")
    assert ok and "end screen not checked" in out


def test_end_words_of_every_truth() -> None:
    walker = _walker()
    truths = {app.name: json.loads((app / "truth.json").read_text(encoding="utf-8"))
              for app in CORPUS.iterdir() if (app / "truth.json").is_file()}
    named = {app: walker["end_words"](truth["deletion"].get("note", "")) for app, truth in truths.items()}
    assert named["song"] == ["Yêu cầu xóa tài khoản đã được ghi nhận", "sau 7 ngày"]     # a quote cut by "…"
    assert named["cookieconsent-dark"] == ["账号已注销"] and named["klaro-dark"] == ["Votre compte a été supprimé."]
    assert not named["tidepool"] and not named["veld"]       # the last step is described, not quoted
