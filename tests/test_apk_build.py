"""The reference app as an APK: built offline by tools/build-apk.sh (Debian aapt, javac, dx, zipalign,
apksigner), verified, and read back with `aapt dump badging`; plus the nightly farm workflow that installs
it. The toolchain comes from `make android-tools` (a prerequisite of `make test`)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

from consent_audit.platforms.android import INSTRUMENTATION_TAG
from consent_audit.targets import available_targets, load_target
from refapp.pages.android.state import ACTIVITY, EXTRA_URL, PACKAGE, WEBVIEW_ID
from refapp.catalog import VERSION, load_variants

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "build-apk.sh"
WORKFLOW = ROOT / ".github" / "workflows" / "nightly-farm.yml"


def build(tmp: Path, name: str, source: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "APK_OUT": str(tmp / f"{name}.apk"), "APK_WORK": str(tmp / f"{name}-work")}
    if source is not None:
        env["APK_SRC"] = str(source)
    return subprocess.run(["bash", str(SCRIPT)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def apk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for tool in ("aapt", "apksigner", "zipalign", "javac"):
        assert shutil.which(tool), f"{tool} missing: run `make android-tools`"
    tmp = tmp_path_factory.mktemp("apk")
    proc = build(tmp, "refapp")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    again = build(tmp, "again")
    assert again.returncode == 0, again.stderr
    path = tmp / "refapp.apk"
    assert path.read_bytes() == (tmp / "again.apk").read_bytes(), "same sources and key → the same APK"
    return path


def run(*args: str) -> str:
    proc = subprocess.run(list(args), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_signed_and_verified(apk: Path) -> None:
    out = run("apksigner", "verify", "--verbose", str(apk))
    assert out.startswith("Verifies")
    assert "Verified using v1 scheme (JAR signing): true" in out
    assert "Verified using v2 scheme (APK Signature Scheme v2): true" in out
    assert "Number of signers: 1" in out


def test_badging_names_package_version_and_permissions(apk: Path) -> None:
    out = run("aapt", "dump", "badging", str(apk))
    package = re.search(r"^package: name='([^']+)' versionCode='(\d+)' versionName='([^']+)'", out, re.M)
    assert package is not None and package.groups() == (PACKAGE, "1", VERSION)
    assert "sdkVersion:'23'" in out                      # runtime permissions exist from API 23
    target = int(re.search(r"targetSdkVersion:'(\d+)'", out).group(1))
    assert target >= 33, "POST_NOTIFICATIONS is a runtime permission only for apps targeting 33+"
    permissions = set(re.findall(r"^uses-permission: name='([^']+)'", out, re.M))
    assert permissions == {"android.permission.INTERNET", "android.permission.CAMERA",
                           "android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_COARSE_LOCATION",
                           "android.permission.POST_NOTIFICATIONS"}
    assert f"launchable-activity: name='{PACKAGE}{ACTIVITY}'" in out


def test_manifest_allows_loopback_http_and_exports_the_launcher(apk: Path) -> None:
    tree = run("aapt", "dump", "xmltree", str(apk), "AndroidManifest.xml")
    assert re.search(r"A: android:usesCleartextTraffic\(0x[0-9a-f]+\)=\(type 0x12\)0xffffffff", tree)
    assert re.search(r"A: android:exported\(0x[0-9a-f]+\)=\(type 0x12\)0xffffffff", tree)
    assert re.search(r"A: android:allowBackup\(0x[0-9a-f]+\)=\(type 0x12\)0x0", tree)


def test_the_code_speaks_the_suites_contract(apk: Path) -> None:
    """The strings the suite relies on are in the dex: the logcat tag and request line the platform counts,
    the intent extra the page objects pass, the JS name of the notification bridge, the WebView's id."""
    with zipfile.ZipFile(apk) as archive:
        assert sorted(archive.namelist())[:3] == ["AndroidManifest.xml", "META-INF/ANDROIDD.RSA",
                                                  "META-INF/ANDROIDD.SF"]
        dex = archive.read("classes.dex")
        resources = archive.read("resources.arsc")
    assert dex.startswith(b"dex\n035\x00")
    for needle in (INSTRUMENTATION_TAG, "permission-request ", EXTRA_URL, "Notification", "requestPermission",
                   "android.permission.POST_NOTIFICATIONS", "Lorg/consentaudit/refapp/MainActivity;",
                   "Lorg/consentaudit/refapp/NotificationBridge;", "Landroid/webkit/JavascriptInterface;",
                   "http://127.0.0.1:8765/", "about:blank"):
        assert needle.encode() in dex, needle
    assert WEBVIEW_ID.split(":id/")[1].encode() in resources


def test_a_build_error_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "android"
    shutil.copytree(ROOT / "android", broken)
    main = broken / "src" / "org" / "consentaudit" / "refapp" / "MainActivity.java"
    main.write_text(main.read_text(encoding="utf-8").replace("return url;", "return url"), encoding="utf-8")
    proc = build(tmp_path, "broken", broken)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("consent-audit build-apk: javac failed"), proc.stderr
    assert not (tmp_path / "broken.apk").exists()


def test_every_variant_has_an_android_target() -> None:
    android = {name for name in available_targets() if name.startswith("refapp-android-")}
    assert android == {f"refapp-android-{v}" for v in load_variants()}
    for name in android:
        target = load_target(name)
        web = load_target(name.replace("refapp-android-", "refapp-"))
        assert (target.kind, target.platform, target.start, target.default) == ("android", "android-uiautomator2",
                                                                                PACKAGE, False)
        assert target.truth_path == web.truth_path and target.permissions == web.permissions
        assert target.data()["variant"] == web.variant and target.secrets() == web.secrets()


def test_the_nightly_farm_workflow_builds_installs_and_audits_the_apk() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]          # YAML 1.1 reads a bare `on` as true
    assert triggers["schedule"][0]["cron"]
    apk_job, audit = flow["jobs"]["apk"], flow["jobs"]["audit"]
    assert "make apk" in "\n".join(s.get("run", "") for s in apk_job["steps"])
    levels = audit["strategy"]["matrix"]["api-level"]
    assert len(set(levels)) >= 2 and min(levels) >= 33
    steps = audit["steps"]
    runners = [s for s in steps if str(s.get("uses", "")).startswith("reactivecircus/android-emulator-runner@")]
    run_step = runners[-1]["with"]
    assert run_step["disable-animations"] is True
    assert "adb reverse tcp:${{ env.REFAPP_PORT }}" in run_step["script"]
    assert "adb install -r build/refapp-android.apk" in run_step["script"]
    assert "consent-audit run $AUDIT_ARGS" in run_step["script"] and "$TARGETS" in run_step["script"]
    assert audit["env"]["AUDIT_ARGS"].startswith("--profile android-emulator --appium-url http://127.0.0.1:4723 ")
    assert "appium:app=${{ github.workspace }}/build/refapp-android.apk" in audit["env"]["AUDIT_ARGS"]
    targets = flow["env"]["TARGETS"].split()
    assert sorted(targets) == sorted(n for n in available_targets() if n.startswith("refapp-android-"))
    cache = next(s for s in steps if str(s.get("uses", "")).startswith("actions/cache@"))
    assert "~/.android/avd/*" in cache["with"]["path"]
    started = "\n".join(s.get("run", "") for s in steps)
    assert "--address 127.0.0.1" in started and '--log "$RUNNER_TEMP/appium.log"' in started
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
    paths = "\n".join(s["with"]["path"] for s in uploads)
    assert "appium.log" in paths and "reports/${{ env.RUN_ID }}/" in paths
    assert all(s.get("if") == "always()" for s in uploads)
    linter = shutil.which("actionlint")
    if linter:                                     # the linter, where it is installed (see docs/android.md)
        proc = subprocess.run([linter, str(WORKFLOW)], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stdout


def test_a_failed_fetch_of_the_debian_11_packages_is_one_line(tmp_path: Path) -> None:
    proc = subprocess.run(["bash", str(SCRIPT), "tools"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "ANDROID_BUILD_SDK": str(tmp_path / "sdk"),
                               "DEBIAN_MIRROR": "http://127.0.0.1:9/debian"})
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("consent-audit build-apk: could not fetch libandroid-23-java"), \
        proc.stderr
    assert "archive.debian.org" in lines[0]
