"""A flow module that cannot be imported: pytest stops the session itself ("Interrupted: 1 error during
collection"); the plugin says why in the run folder and never claims the user pressed Ctrl-C (before: it printed
«interrupted by the user (Ctrl-C); writing what was captured so far»)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_module_that_cannot_be_collected_is_not_a_ctrl_c(tmp_path: Path) -> None:
    (tmp_path / "test_broken_flow.py").write_text("import no_such_module_here\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "consent_audit.plugin", "-p", "no:cacheprovider",
                           "-q", str(tmp_path / "test_broken_flow.py"), "--reports-dir", str(tmp_path / "reports"),
                           "--run-id", "r"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    said = proc.stdout + proc.stderr
    assert proc.returncode == 2, said
    assert "Ctrl-C" not in said and "interrupted by the user" not in said, said
    why = (tmp_path / "reports" / "r" / ".setup-error").read_text(encoding="utf-8")
    assert "test_broken_flow.py could not be loaded" in why and "no_such_module_here" in why, why
