"""The traffic variants end to end: `consent-audit run` through the real Appium server and Chromium, once with
the DevTools capture and once through mitmproxy; every traffic figure and finding equals the variant's truth
(which request to which host carries which planted value in which phase), the HAR is in the test folder with
the planted values in it, and the steps' network attachments are in Allure."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from consent_audit.targets import load_target
from refapp.catalog import load_variants
from refapp.trackers import tracker_hosts

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(1500)]

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("tracking-fair", "tracking-before-consent", "tracking-after-reject", "location-after-denial")
TRAFFIC_PATTERNS = {"tracking_before_consent", "tracking_after_reject", "data_after_permission_denied",
                    "consent_string_contradicts_choice"}
TRACKER_HOSTS = set(tracker_hosts(load_variants()))
RUNS = {  # mode → flows; the proxy run covers the consent phases and the revoked permission
    "cdp": ("consent", "permissions"),
    "proxy": ("consent", "permissions"),
}


def run(mode: str, reports: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "consent_audit.cli", "run", "--traffic", mode, "--reports-dir", str(reports),
           "--run-id", mode, "--quiet", "--no-bundle"]
    for variant in VARIANTS:
        cmd += ["--target", f"refapp-{variant}"]
    for flow in RUNS[mode]:
        cmd += ["--flow", flow]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1400,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})
    summary_path = reports / mode / "summary.json"
    assert summary_path.is_file(), proc.stdout[-3000:] + proc.stderr[-3000:]
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    return {"proc": proc, "dir": reports / mode, "summary": summary,
            "results": {(r["target"], r["flow"]): r for r in summary["results"]}}


@pytest.mark.parametrize("mode", sorted(RUNS))
def test_traffic_figures_and_findings_equal_the_truth(mode: str, tmp_path: Path) -> None:
    got = run(mode, tmp_path)
    assert got["proc"].returncode == 0, got["proc"].stdout[-3000:]          # every audit as its truth says
    assert got["summary"]["traffic"]["capture"] == mode
    for variant in VARIANTS:
        target = load_target(f"refapp-{variant}")
        truth = target.truth()
        assert truth is not None
        for flow in RUNS[mode]:
            result = got["results"][(target.name, flow)]
            expected = {k: v for k, v in truth["traffic"][flow].items() if k != "note"}
            measured = {k: result["metrics"].get(k) for k in expected}
            assert measured == expected, (variant, flow)
            found = sorted(f["pattern"] for f in result["findings"])
            assert found == truth["findings_by_flow"][flow], (variant, flow)
            folder = got["dir"] / result["folder"]
            har = json.loads((folder / "traffic.har").read_text(encoding="utf-8"))["log"]
            assert har["version"] == "1.2" and har["entries"]
            for finding in result["findings"]:
                if finding["pattern"] in TRAFFIC_PATTERNS:
                    assert f"{result['folder']}/traffic.har" in finding["evidence"]
            # the tracker hosts still resolve to the tracker server, which answers each (200 pixel, 204 beacon):
            # DevTools, under the rule that leaves the browser nothing but them and loopback (MAP * ~NOTFOUND);
            # the proxy, through its host map
            to_trackers = [e for e in har["entries"] if urlsplit(e["request"]["url"]).hostname in TRACKER_HOSTS]
            assert to_trackers or not expected["data_flows"], (variant, flow)
            assert all(e["response"]["status"] in (200, 204) for e in to_trackers), (variant, flow)
            if flow == "consent" and any(row.get("sent") for row in expected["data_flows"]):
                text = json.dumps(har["entries"])                     # the planted value is in what was sent
                assert any(h["value"] in text or "39.9087" in text for h in target.honey)
    if mode == "cdp":       # each step shows its requests in Allure; the HAR hangs on the recorder's teardown
        results = got["dir"] / "allure-results"
        attachments = [a["name"] for p in [*results.glob("*-result.json"), *results.glob("*-container.json")]
                       for a in _attachments(json.loads(p.read_text(encoding="utf-8")))]
        assert any(name.startswith("traffic.har (") for name in attachments)
        _assert_step_requests(results)


def _assert_step_requests(results: Path) -> None:
    """The requests of a step hang on that step (attached when the test ends, attributed by time): the launch
    step of each test lists the page's own requests in its "launch" phase, the attachment's file exists."""
    launches = 0
    for path in results.glob("*-result.json"):
        steps = json.loads(path.read_text(encoding="utf-8")).get("steps", [])
        for step in (s for s in steps if s["name"].startswith("Launch")):
            network = [a for a in step.get("attachments", []) if a["name"].startswith("network (")]
            assert len(network) == 1, step["name"]
            assert " requests, launch" in network[0]["name"], network[0]["name"]
            text = (results / network[0]["source"]).read_text(encoding="utf-8")
            assert "[1st] GET 200 http://127.0.0.1" in text
            launches += 1
    assert launches


def _attachments(node: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(node.get("attachments", []))
    for step in node.get("steps", []) + node.get("befores", []) + node.get("afters", []):
        found += _attachments(step)
    return found
