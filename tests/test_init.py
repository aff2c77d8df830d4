"""`consent-audit init`: a page-object package and a target file for a QA team's own app, from packaged
templates; refuses to overwrite, refuses bad names, one line each. (Running the scaffold against the reference
app, from an installed wheel, is tests/test_wheel.py.)"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from consent_audit.cli import main
from consent_audit.commands.init import SCAFFOLD, scaffold
from consent_audit.platforms.registry import specs

PLATFORMS = {spec.target_kind: spec.name for spec in specs()}   # --platform → the spec the scaffold targets
from consent_audit.journeys import Journeys
from consent_audit.targets import load_target


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_init_writes_a_page_object_package_and_a_target(tmp_path: Path, platform: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    written = scaffold("shop_app", platform, tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {"assets/targets/shop_app.yaml", "pages/__init__.py", "pages/shop_app/__init__.py",
            "pages/shop_app/app.py", "pages/shop_app/README.md"} <= names
    assert not any("__NAME__" in n or n.endswith(".tmpl") for n in names)
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert "${" not in text, path
        if path.suffix == ".py":
            compile(text, str(path), "exec")
    target = load_target("shop_app", tmp_path / "assets" / "targets")
    assert target.platform == PLATFORMS[platform] and target.pages == "pages.shop_app:App"
    monkeypatch.syspath_prepend(str(tmp_path))
    for module in [m for m in sys.modules if m == "pages" or m.startswith("pages.")]:
        monkeypatch.delitem(sys.modules, module)
    app_class = importlib.import_module("pages.shop_app").App
    missing = [name for name in vars(Journeys) if not name.startswith("_") and not hasattr(app_class, name)]
    assert missing == []


def test_templates_ship_as_package_data() -> None:
    assert all((SCAFFOLD / p).is_dir() for p in PLATFORMS)
    assert not list(SCAFFOLD.rglob("*.py")), "templates end in .tmpl, so they are data, not modules"


def test_init_refuses_to_overwrite_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "myapp", "--dir", str(tmp_path)]) == 0
    app = tmp_path / "pages" / "myapp" / "app.py"
    app.write_text("# mine\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["init", "myapp", "--dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not overwriting" in err
    assert app.read_text(encoding="utf-8") == "# mine\n"
    assert main(["init", "other", "--dir", str(tmp_path)]) == 0      # a second app beside the first


@pytest.mark.parametrize("name", ["9lives", "my-app", "class", "a b", ""])
def test_a_bad_name_is_one_line(tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", name, "--dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Python identifier" in err
    assert not any(tmp_path.iterdir())


def _android_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> type:
    scaffold("droid", "android", tmp_path / "project")
    monkeypatch.syspath_prepend(str(tmp_path / "project"))
    for module in [m for m in sys.modules if m == "pages" or m.startswith("pages.")]:
        monkeypatch.delitem(sys.modules, module)
    return importlib.import_module("pages.droid").App


def test_the_android_scaffold_reads_the_reference_apk_on_recorded_screens(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """No Android runtime here: the scaffold's page objects on the hand-written page sources of the reference
    APK (tests/data/android), through the real UiAutomator2 platform over a recorded device."""
    from test_android_dialog import RecordedDevice   # tests/ is on sys.path (rootdir conftest, prepend mode)

    from consent_audit.masking import Masker
    from consent_audit.page import AppContext
    from consent_audit.platforms.android import AndroidPlatform
    from consent_audit.recorder import Kind, Recorder

    app_class = _android_app(tmp_path, monkeypatch)

    def context_for(device: RecordedDevice) -> AppContext:
        platform = AndroidPlatform(device, "org.consentaudit.refapp", timeout=2.0)
        masker = Masker()
        return AppContext(platform=platform, recorder=Recorder(platform, tmp_path / "out", masker), masker=masker,
                          data={"refapp_url": "http://127.0.0.1:8765"}, timeout=2.0)

    context = context_for(RecordedDevice("refapp-consent-asymmetric-en.xml"))
    app = app_class(context)
    assert context.platform.launch_extras == [["s", "org.consentaudit.refapp.URL", "http://127.0.0.1:8765/app/fair/"]]
    assert app.consent_shown and not app.core_reached
    accept_id, _reject_id = app.consent_choices()
    assert context.recorder.observe().find(accept_id) is not None

    device = RecordedDevice("permission-location-api34-en.xml", "refapp-blocker-zh.xml", "refapp-blocker-zh.xml")
    context = context_for(device)
    app = app_class(context)
    context.platform.decide_permission("geolocation", "denied")
    assert app.reach_core(budget=8) is False            # denied → blocker; retried once, then given up
    assert [s.kind for s in context.recorder.steps] == [Kind.PERMISSION, Kind.TAP]
    assert device.taps[-1] == ("xpath", "//*[@resource-id='blocker-retry']")
