"""Installable for QA engineers: the wheel built from this checkout, installed into a fresh virtual environment
in a temporary folder outside the checkout, scaffolds an app there (`consent-audit init myapp`) and audits the
reference app with it; no file of this checkout is imported (no PYTHONPATH, no conftest).

From the checkout it takes only the Node tools (Appium and its chromium driver, through PATH and APPIUM_HOME,
as a QA team's global `npm install -g appium` would give them); Chromium and chromedriver are Debian's.
Dependencies come from PyPI through pip's cache. Prints the wheel, its size and each stage's time."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "consent_audit", "refapp")
"""What the build needs; copied so the build leaves no build/ or egg-info in the checkout."""


class Stages:
    """Wall-clock time of each stage, for the test output."""

    def __init__(self) -> None:
        self.times: list[tuple[str, float]] = []

    def run(self, name: str, args: list[str], cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
        start = time.monotonic()
        proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
        self.times.append((name, time.monotonic() - start))
        return proc


def _clean_env(extra_path: list[Path]) -> dict[str, str]:
    """The environment of a QA engineer's shell: nothing pointing into this checkout's Python."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "CONSENT_AUDIT_ROOT", "VIRTUAL_ENV", "PYTEST_ADDOPTS", "PYTEST_PLUGINS")}
    env["PATH"] = os.pathsep.join([*map(str, extra_path), env.get("PATH", "/usr/bin:/bin")])
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _tail(proc: subprocess.CompletedProcess) -> str:
    return f"exit {proc.returncode}\n--- stdout\n{proc.stdout[-4000:]}\n--- stderr\n{proc.stderr[-4000:]}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The wheel built and installed into a new venv; returns paths, the stages' times and the wheel."""
    if not (ROOT / "node_modules" / "appium" / "index.js").is_file():
        pytest.skip("Appium is not installed in this checkout (make setup)")
    base = tmp_path_factory.mktemp("wheel")
    assert not base.resolve().is_relative_to(ROOT.resolve())
    stages = Stages()
    source = base / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    env = _clean_env([])
    dist = base / "dist"
    proc = stages.run("build the wheel", [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist),
                                          str(source)], base, env, 600)
    assert proc.returncode == 0, _tail(proc)
    wheel = next(dist.glob("consent_audit-*.whl"))
    venv = base / "venv"
    proc = stages.run("create the venv", [sys.executable, "-m", "venv", str(venv)], base, env, 300)
    assert proc.returncode == 0, _tail(proc)
    proc = stages.run("pip install the wheel", [str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                                                "--disable-pip-version-check", str(wheel)], base, env, 900)
    assert proc.returncode == 0, _tail(proc)
    project = base / "project"
    (project / "node_modules" / "@ghostery").mkdir(parents=True)   # `npm install @ghostery/trackerdb` there
    (project / "node_modules" / "@ghostery" / "trackerdb").symlink_to(ROOT / "node_modules" / "@ghostery" / "trackerdb")
    run_env = _clean_env([venv / "bin", ROOT / "node_modules" / ".bin"])
    run_env["APPIUM_HOME"] = str(ROOT / ".appium")
    return {"base": base, "wheel": wheel, "venv": venv, "project": project, "env": run_env, "stages": stages}


def test_the_wheel_holds_the_engine_and_the_reference_app_and_nothing_else(installed) -> None:
    import zipfile
    names = zipfile.ZipFile(installed["wheel"]).namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"consent_audit", "refapp", installed["wheel"].name.split("-py3")[0] + ".dist-info"}
    for needed in ("consent_audit/assets/policy.yaml", "consent_audit/assets/rules.yaml",
                   "consent_audit/assets/engine.ini", "consent_audit/assets/lexicons/goals.yaml",
                   "consent_audit/assets/profiles/local-chromium.yaml", "consent_audit/flows/test_consent.py",
                   "consent_audit/flows/explore/conftest.py", "consent_audit/assets/scaffold/web/pages/__NAME__/app.py.tmpl",
                   "refapp/static/app.js", "refapp/variants/fair.json", "refapp/truth/fair.json",
                   "refapp/targets/refapp-fair.yaml", "refapp/pages/android/feature_labels.yaml", "refapp/plugin.py"):
        assert needed in names, needed
    assert not [n for n in names if n.startswith(("tests/", "tools/", "docs/", "benchmarks/", "android/"))
                or "__pycache__" in n or n.endswith("conftest.py") and "flows/explore" not in n]
    entry_points = zipfile.ZipFile(installed["wheel"]).read(
        next(n for n in names if n.endswith("entry_points.txt"))).decode()
    for plugin in ("consent_audit.plugin", "consent_audit.explorer.plugin", "refapp.plugin"):
        assert f"{plugin} = {plugin}" in entry_points


def test_a_qa_project_scaffolds_an_app_and_audits_the_reference_app(installed, capsys) -> None:
    project, env, venv, stages = installed["project"], installed["env"], installed["venv"], installed["stages"]
    where = stages.run("import check", [str(venv / "bin" / "python"), "-c",
                                        "import consent_audit, refapp; print(consent_audit.__file__, refapp.__file__)"],
                       project, env, 60)
    assert where.returncode == 0 and str(ROOT) not in where.stdout and str(venv) in where.stdout, _tail(where)

    init = stages.run("consent-audit init myapp", [str(venv / "bin" / "consent-audit"), "init", "myapp"], project, env, 60)
    assert init.returncode == 0, _tail(init)
    assert (project / "pages" / "myapp" / "app.py").is_file() and (project / "assets" / "targets" / "myapp.yaml").is_file()
    again = stages.run("init again", [str(venv / "bin" / "consent-audit"), "init", "myapp"], project, env, 60)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "not overwriting" in again.stderr

    # the flows collect through the pytest11 entry points: no conftest, no pytest.ini in the project
    assert not list(project.rglob("conftest.py")) and not (project / "pytest.ini").exists()
    collect = stages.run("pytest --co --pyargs", [str(venv / "bin" / "pytest"), "--co", "-q", "-p", "no:cacheprovider",
                                                  "--pyargs", "consent_audit.flows", "--target", "myapp"], project, env, 120)
    assert collect.returncode == 0, _tail(collect)
    for flow in ("test_consent.py::test_consent_dialog[myapp]", "test_deletion.py::test_account_deletion[myapp]",
                 "test_permissions.py::test_permissions[myapp]"):
        assert flow in collect.stdout, _tail(collect)
    suite = project / "tests"
    suite.mkdir()
    (suite / "test_audits.py").write_text(       # docs/your-app.md: the flows inside the team's own suite
        "from consent_audit.flows.test_consent import test_consent_dialog  # noqa: F401\n", encoding="utf-8")
    own = stages.run("pytest --co (own suite)", [str(venv / "bin" / "pytest"), "--co", "-q", "-p", "no:cacheprovider",
                                                 "tests", "--target", "myapp"], project, env, 120)
    assert own.returncode == 0 and "tests/test_audits.py::test_consent_dialog[myapp]" in own.stdout, _tail(own)

    # ... and run there, with the team's conftest.py overriding a session fixture (docs/your-app.md)
    (suite / "conftest.py").write_text(
        "import pathlib\nimport pytest\n\n\n@pytest.fixture(scope='session')\ndef ocr():\n"
        "    return lambda png: (pathlib.Path('ocr-was-asked').touch(), [])[1]\n", encoding="utf-8")
    inside = stages.run("pytest (own suite, consent)", [str(venv / "bin" / "pytest"), "-q", "-p", "no:cacheprovider",
                                                        "tests", "--target", "myapp", "--no-bundle",
                                                        "--html-report", "off", "--run-id", "suite"], project, env, 600)
    assert inside.returncode == 0, _tail(inside)
    assert (project / "ocr-was-asked").exists()
    suite_summary = json.loads((project / "reports" / "suite" / "summary.json").read_text(encoding="utf-8"))
    assert [(r["target"], r["flow"], r["status"]) for r in suite_summary["results"]] == [("myapp", "consent", "passed")]

    no_node = {**env, "PATH": os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if "node_modules" not in p
                                              and not (Path(p) / "appium").exists())}
    missing = stages.run("run without Appium", [str(venv / "bin" / "consent-audit"), "run", "--target", "myapp",
                                                "--no-bundle"], project, no_node, 60)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1, _tail(missing)
    assert "Appium is not installed" in missing.stderr

    audit = stages.run("consent-audit run (consent, deletion)",
                       [str(venv / "bin" / "consent-audit"), "run", "--target", "myapp", "--flow", "consent",
                        "--flow", "deletion", "--no-bundle", "--quiet", "--run-id", "wheel"], project, env, 900)
    summary_path = project / "reports" / "wheel" / "summary.json"
    assert summary_path.is_file(), _tail(audit)
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    results = {r["flow"]: r for r in summary["results"]}
    truth = json.loads((ROOT / "refapp" / "truth" / "fair.json").read_text(encoding="utf-8"))
    with capsys.disabled():
        size = installed["wheel"].stat().st_size
        print(f"\n\nwheel: {installed['wheel'].name} ({size / 1024:.0f} KiB), installed into {venv}")
        for name, seconds in stages.times:
            print(f"  {name:40} {seconds:6.1f} s")
        print(f"  consent-audit run said: {audit.stdout.strip().splitlines()[-3] if audit.stdout.strip() else ''}")
    assert audit.returncode == 0, _tail(audit)                # no dark pattern: the fair variant has none
    assert "no dark pattern found" in audit.stdout
    assert sorted(results) == ["consent", "deletion"] and all(r["status"] == "passed" for r in results.values())
    assert all(r["target"] == "myapp" and r["findings"] == [] for r in results.values())
    deletion = {k: v for k, v in truth["deletion"].items() if k not in ("path", "note")}
    assert {k: results["deletion"]["metrics"][k] for k in deletion} == deletion
    for key in ("accept_steps", "reject_steps", "preticked", "shaming_text"):
        assert results["consent"]["metrics"][key] == truth["consent"][key], key
    assert summary.get("reference_app", {}).get("build", "").startswith("refapp-")   # written by refapp's plugin
