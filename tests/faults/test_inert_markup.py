"""Defect 2: captured markup never makes the reviewer's browser contact the audited app. Page sources are
stored under a policy that forbids every remote load, shown in the report as text, and the report check
looks inside base64-embedded attachments."""
from __future__ import annotations

import base64
from pathlib import Path
from types import SimpleNamespace

import pytest

from consent_audit.inert import INERT_META, inert_html
from consent_audit.report import third_party_references

HOSTILE = ['<img src=http://127.0.0.1:9/pixel.gif>', '<img src="https://app.example/track.png">',
           '<link rel=stylesheet href=//app.example/x.css>', '<iframe src="http://app.example/"></iframe>',
           '<script src="https://app.example/a.js"></script>', '<div style="background:url(http://app.example/a)">',
           '<video src=https://app.example/v.mp4>', '<embed src="//app.example/e">']


def _attachment(name: str, text: str) -> str:
    return f'd("data/attachments/{name}","{base64.b64encode(text.encode()).decode()}")'


@pytest.mark.area_injection
@pytest.mark.parametrize("markup", HOSTILE, ids=[f"load{i}" for i in range(len(HOSTILE))])
def test_report_check_sees_markup_inside_base64_attachments(markup: str) -> None:
    report = f"<html><script>{_attachment('a1.html', '<html>' + markup + '</html>')}</script></html>"
    assert third_party_references(report), markup
    uri = f'<iframe src="data:text/html;base64,{base64.b64encode(markup.encode()).decode()}"></iframe>'
    assert third_party_references(uri), markup


@pytest.mark.area_injection
def test_text_and_inert_attachments_are_not_loads() -> None:
    markup = "".join(HOSTILE)
    report = f"<script>{_attachment('a.txt', markup)}{_attachment('b.html', inert_html(markup))}</script>"
    assert third_party_references(report) == []


@pytest.mark.area_injection
def test_stored_page_source_is_inert(tmp_path: Path) -> None:
    """The recorder writes HTML sources with the policy first; a browser applies it to the whole page."""
    from consent_audit.masking import Masker
    from consent_audit.recorder import Recorder
    from consent_audit.screen import Screen

    source = "<html><body>" + "".join(HOSTILE) + "</body></html>"
    screen = Screen(elements=[], signature="s", source=source)
    platform = SimpleNamespace(capture=lambda **_: SimpleNamespace(screen=screen, values=[]), name="web")
    rec = Recorder(platform, tmp_path, Masker([]), screenshots="off")  # type: ignore[arg-type]
    rec.observe()
    stored = next((tmp_path / "steps").glob("*.html")).read_text(encoding="utf-8")
    assert stored.startswith(INERT_META) and "default-src 'none'" in stored and source in stored


@pytest.mark.area_injection
def test_page_source_at_failure_is_attached_as_text(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import allure

    from consent_audit import failure_evidence
    from consent_audit.masking import Masker

    attached: list[tuple[str, object]] = []
    monkeypatch.setattr(allure, "attach", lambda body, name, attachment_type: attached.append((name, attachment_type)))
    screen = SimpleNamespace(screenshot=b"", source="".join(HOSTILE), source_kind="html")
    rec = SimpleNamespace(last_screen=screen, invalidate=lambda: None, observe=lambda: screen, screenshots="off")
    run = SimpleNamespace(appium_log=tmp_path / "appium.log")
    failure_evidence.attach_failure(rec, "off", tmp_path, run, Masker([]))  # type: ignore[arg-type]
    kinds = dict(attached)
    assert kinds["page source at failure"] == allure.attachment_type.TEXT
