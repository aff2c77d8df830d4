"""A real Selenium Grid 4 (consent_audit/grid.py): a hub and two relay nodes, each to its own Appium server,
all on loopback; `consent-audit run --profile grid-chromium --workers 2` through the hub spreads its audits
over both nodes (each worker's kept session on a node of its own), and every audit still ends as the
reference app's ground truth expects."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consent_audit.appium_server import LOOPBACK
from consent_audit.errors import UsageError
from consent_audit.grid import Grid, find_jar, node_toml
from consent_audit.profiles import load_profile

ROOT = Path(__file__).resolve().parent.parent


def test_a_node_listens_on_loopback_and_relays_to_its_appium() -> None:
    text = node_toml(5555, "http://127.0.0.1:4444", 4442, 4443, "http://127.0.0.1:4723",
                     {"platformName": "linux", "browserName": "chrome"})
    assert f'host = "{LOOPBACK}"' in text and 'publish = "tcp://127.0.0.1:4442"' in text
    assert 'url = "http://127.0.0.1:4723"' in text and "max-sessions = 1" in text
    configs = text.split("configs = ")[1].splitlines()[0]
    assert json.loads(json.loads(configs)[1]) == {"platformName": "linux", "browserName": "chrome"}


def test_no_jar_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="make setup"):
        find_jar(tmp_path)


@pytest.mark.e2e
@pytest.mark.timeout(900)
def test_audits_run_on_both_nodes_of_a_grid(tmp_path: Path) -> None:
    capabilities = load_profile("grid-chromium", environ={"CONSENT_AUDIT_GRID_URL": "http://x"}).capabilities
    with Grid(tmp_path / "grid", capabilities, nodes=2) as grid:
        listening = subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True).stdout
        ours = [line.split()[3] for line in listening.splitlines()
                if any(f"pid={p.pid}," in line for p in grid.java)]          # the hub, its event bus, the nodes
        assert len(ours) >= 5 and all(a.rsplit(":", 1)[0] in ("127.0.0.1", "[::ffff:127.0.0.1]") for a in ours), ours
        proc = subprocess.run([sys.executable, "-m", "consent_audit.cli", "run", "--profile", "grid-chromium",
                               "--appium-url", grid.url, "--workers", "2", "--quiet", "--no-bundle",
                               "--target", "refapp-fair", "--target", "refapp-obstructed-deletion",
                               "--flow", "consent", "--flow", "deletion",
                               "--reports-dir", str(tmp_path / "reports"), "--run-id", "grid"],
                              cwd=ROOT, capture_output=True, text=True, timeout=800,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        sessions = grid.sessions_by_node()
    summary = json.loads((tmp_path / "reports" / "grid" / "summary.json").read_text(encoding="utf-8"))
    assert proc.returncode == 0, proc.stderr[-2000:]          # the reference app: every pattern caught as expected
    assert len(summary["results"]) == 4 and all(r["as_expected"] for r in summary["results"])
    assert sum(sessions.values()) == summary["sessions"]["started"] and all(n >= 1 for n in sessions.values()), sessions
    assert summary["appium"] == {"url": grid.url, "started_here": False}


def test_bad_grid_input_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from consent_audit.grid import main
    assert main(["--nodes", "0"]) == 2
    assert main(["--profile", "no-such-profile"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("consent-audit grid: ") for line in lines)
