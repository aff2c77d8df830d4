"""The single-file report shows every step's screenshot: Allure 3 gives a result file to the first attachment
that names it only and marks any other "missed", so identical screens (reduced once) must each keep a file of
their own. Runs the project's Allure (node_modules) on a small allure-results folder; no Appium, no browser."""
from __future__ import annotations

import base64
import json
import os
import re
from pathlib import Path

import cv2
import numpy as np
import pytest

from consent_audit.masking import Masker
from consent_audit.report import build_html_report, find_allure
from consent_audit.run import Run


def _png(text: str) -> bytes:
    image = np.full((2400, 1080, 3), 244, np.uint8)
    cv2.putText(image, text, (80, 600), cv2.FONT_HERSHEY_SIMPLEX, 3, (30, 30, 30), 6)
    return cv2.imencode(".png", image)[1].tobytes()


def _links(html: str) -> list[dict]:
    """Every attachment link in the report's embedded test results."""
    links: list[dict] = []
    for name, data in re.findall(r"""d\(\s*["']([^"']+)["']\s*,\s*["']([A-Za-z0-9+/=]+)["']\s*\)""", html):
        if name.startswith("data/test-results/"):
            text = base64.b64decode(data).decode("utf-8")
            links += [json.loads(m) for m in re.findall(r'"link":(\{[^{}]*\})', text)]
    return links


@pytest.mark.skipif(find_allure() is None, reason="Allure Report 3 is not installed (make setup)")
def test_identical_screens_all_show_in_the_report_and_allure_results_keep_the_originals(tmp_path: Path) -> None:
    run = Run(tmp_path / "reports", "images-run", device_profile="local-chromium", masker=Masker([]))
    results = run.allure_results
    results.mkdir(parents=True)
    shots = {"s1": _png("Delete account"), "s2": _png("Delete account"), "s3": _png("Gone")}   # a relaunch loop
    for name, png in shots.items():
        (results / f"{name}-attachment.png").write_bytes(png)
    steps = [{"name": f"Tap {n}", "status": "passed", "start": 1000 + i, "stop": 1001 + i,
              "attachments": [{"name": f"after tap {n}", "source": f"{n}-attachment.png", "type": "image/png"}]}
             for i, n in enumerate(shots)]
    result = {"uuid": "u1", "historyId": "h1", "name": "test_deletion[refapp-fair]", "fullName": "flows.test_deletion",
              "status": "passed", "start": 1000, "stop": 2000, "steps": steps, "labels": []}
    (results / "u1-result.json").write_text(json.dumps(result), encoding="utf-8")
    report = build_html_report(run)
    assert report is not None
    images = [link for link in _links(report.read_text(encoding="utf-8")) if link.get("contentType") == "image/webp"]
    assert len({link["id"] for link in images}) == 3 and not [link for link in images if link.get("missed")]
    assert {p.name: p.read_bytes() for p in results.glob("*.png")} == {f"{n}-attachment.png": b for n, b in shots.items()}
    assert not [p for p in run.dir.iterdir() if p.name.startswith(".")]     # the staged copy is gone
    html = report.read_text(encoding="utf-8")
    embedded = re.findall(r'd\("(data/attachments/[^"]+)","([A-Za-z0-9+/=]+)"\)', html)
    aliases = re.findall(r'd\("(data/attachments/[^"]+)",window\.allureReportData\["(data/attachments/[^"]+)"\]\)', html)
    assert len(embedded) == 2 and len(aliases) == 1          # the two screens of "Delete account": bytes once
    assert aliases[0][1] in {name for name, _ in embedded} and aliases[0][0] not in {name for name, _ in embedded}
    assert os.path.isfile(report)


def test_embed_once_aliases_only_later_copies_of_attachments() -> None:
    from consent_audit.report_images import embed_once
    loader = "<script>function d(name, value){window.allureReportData[name] = value;}</script>"
    calls = ('d("widgets/a.json","QUFB"),d("data/attachments/1.webp","QkJC"),d("data/attachments/2.webp","Q0ND"),'
             'd("data/attachments/3.webp","QkJC"),d("widgets/b.json","QUFB")')
    out = embed_once(loader + calls)
    assert out == loader + calls.replace('d("data/attachments/3.webp","QkJC")',
                                         'd("data/attachments/3.webp",window.allureReportData["data/attachments/1.webp"])')
    assert embed_once(calls) == calls                    # no Allure loader: left as it is
