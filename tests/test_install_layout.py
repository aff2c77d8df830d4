"""The engine/reference-app split and the installable layout, without a browser: targets name the fixture that
serves them, no engine module imports the reference app, the plugins are entry points."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from consent_audit.errors import UsageError
from consent_audit.targets import load_target

ROOT = Path(__file__).resolve().parent.parent


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


BASE = "kind: web\nplatform: web-chromium\npages: x:Y\n"


def test_a_served_target_joins_its_start_path_to_the_servers_url(tmp_path: Path) -> None:
    _write(tmp_path, "t", BASE + "start: /app/fair/\nserved_by: refapp_server\n")
    target = load_target("t", tmp_path)
    assert target.served_by == "refapp_server"
    assert target.start_url("http://127.0.0.1:4000/") == "http://127.0.0.1:4000/app/fair/"
    with pytest.raises(UsageError, match="refapp_server"):
        target.start_url()


def test_an_unserved_web_target_starts_at_its_url(tmp_path: Path) -> None:
    _write(tmp_path, "t", BASE + "start: https://example.test/app\n")
    assert load_target("t", tmp_path).start_url() == "https://example.test/app"


@pytest.mark.parametrize("extra, message", [("start: /app/\n", "is a path"),
                                             ("start: /app/\nserved_by: 'not a name'\n", "served_by")])
def test_bad_serving_is_one_line(tmp_path: Path, extra: str, message: str) -> None:
    _write(tmp_path, "t", BASE + extra)
    with pytest.raises(UsageError, match=message) as caught:
        load_target("t", tmp_path)
    assert "\n" not in str(caught.value)


def test_every_reference_target_names_its_server() -> None:
    for path in sorted((ROOT / "refapp" / "targets").glob("refapp-*.yaml")):
        target = load_target(path.stem)
        assert (target.served_by == "refapp_server") == (target.platform == "web-chromium"), path.name


def test_no_engine_module_imports_the_reference_app() -> None:
    pattern = re.compile(r"^\s*(from|import)\s+refapp\b|import_module\(['\"]refapp", re.M)
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "consent_audit").rglob("*.py")
                 if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_plugins_are_pytest11_entry_points_named_by_their_modules() -> None:
    import tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    plugins = project["entry-points"]["pytest11"]
    assert plugins == {name: name for name in plugins}
    assert {"consent_audit.plugin", "consent_audit.explorer.plugin", "refapp.plugin"} <= set(plugins)


def test_the_reference_app_plugin_serves_it_and_records_its_build(pytestconfig: pytest.Config) -> None:
    assert pytestconfig.pluginmanager.get_plugin("refapp.plugin") is not None


def test_a_run_uses_the_packaged_settings_not_a_checkout_file() -> None:
    import argparse

    from consent_audit.commands.checks import engine_args
    from consent_audit.paths import ENGINE_INI, PACKAGE
    args = argparse.Namespace(profile="local-chromium", screenshot="on", relaunches=3, reports_dir="r", capability=[],
                              appium_url=None, appium_port=None, run_id=None, quiet=True)
    out = engine_args(args, ["flow.py"])
    assert out[out.index("-c") + 1] == str(ENGINE_INI) and ENGINE_INI.is_file()
    assert ENGINE_INI.is_relative_to(PACKAGE)
    assert out[out.index("--confcutdir") + 1] == str(PACKAGE.parent)


def test_appium_is_found_locally_then_on_path_else_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from consent_audit.appium_server import NOT_INSTALLED, AppiumServer, find_appium
    local = tmp_path / "node_modules"
    (local / "appium").mkdir(parents=True)
    (local / "appium" / "index.js").write_text("", encoding="utf-8")
    if shutil.which("node"):
        assert find_appium(local)[-1] == str(local / "appium" / "index.js")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "appium").write_text("#!/bin/sh\n", encoding="utf-8")
    (bin_dir / "appium").chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    assert find_appium(tmp_path / "none") == [str(bin_dir / "appium")]
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert find_appium(tmp_path / "none") is None
    with pytest.raises(UsageError) as caught:
        AppiumServer(tmp_path / "appium.log", node_modules=tmp_path / "none").start()
    assert str(caught.value) == NOT_INSTALLED and "\n" not in NOT_INSTALLED


def test_allure_is_found_locally_then_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from consent_audit.report import find_allure
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_allure(tmp_path / "none") is None
    (tmp_path / "allure").write_text("#!/bin/sh\n", encoding="utf-8")
    (tmp_path / "allure").chmod(0o755)
    assert find_allure(tmp_path / "none") == tmp_path / "allure"
