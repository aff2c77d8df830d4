"""The evidence bundle of a real run (a fair and a dark reference target, deletion flow, through Appium):
it verifies, every tampering is named, no secret is in it, and its summary page is offline and says what
was found, with the rule items in English and Chinese."""
from __future__ import annotations

import gzip
import hashlib
import html
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any, Iterator

import bagit
import pytest
import yaml

from plain_files import plain_bytes
from consent_audit.cli import main
from consent_audit.evidence import layout
from consent_audit.evidence.summary_page import STRINGS, SummaryPage
from consent_audit.paths import ROOT
from consent_audit.findings import patterns_of
from consent_audit.findings.registry import all_rules
from consent_audit.report import third_party_references
from consent_audit.rules import load_catalog
from consent_audit.targets import load_target

pytestmark = pytest.mark.e2e

FAIR, DARK = "refapp-fair", "refapp-obstructed-deletion"
RUN_ID = "bundle-test"
OPERATOR = "Case Officer Test 7"
CLI = [str(Path(sys.executable).with_name("consent-audit"))]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, local_tsa: dict) -> Iterator[dict[str, Any]]:
    """One real run (≈30 s): both targets' deletion flow, summary in Chinese, stamped by the local authority."""
    reports = tmp_path_factory.mktemp("reports")
    env = dict(os.environ, CONSENT_AUDIT_OPERATOR=OPERATOR, CONSENT_AUDIT_SUMMARY_LANG="zh",
               CONSENT_AUDIT_TSA_URL=str(local_tsa["url"]), CONSENT_AUDIT_TSA_CERT=str(local_tsa["ca"]))
    proc = subprocess.run(CLI + ["run", "--target", FAIR, "--target", DARK, "--flow", "deletion", "--quiet",
                                 "--reports-dir", str(reports), "--run-id", RUN_ID],
                          capture_output=True, text=True, timeout=400, env=env, cwd=ROOT)
    run_dir = reports / RUN_ID
    folder, zipped = run_dir / layout.bundle_name(RUN_ID), run_dir / f"{layout.bundle_name(RUN_ID)}.zip"
    assert folder.is_dir() and zipped.is_file(), proc.stdout[-3000:] + proc.stderr[-3000:]
    yield {"proc": proc, "run_dir": run_dir, "folder": folder, "zip": zipped, "ca": local_tsa["ca"]}


def _verify(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["verify", *args])
    out = capsys.readouterr()
    return code, (out.out + out.err).strip().splitlines()


# --- round trip ---------------------------------------------------------------------------------------

def test_bundle_verifies_as_folder_and_zip(made: dict[str, Any]) -> None:
    for path in (made["folder"], made["zip"]):
        proc = subprocess.run(CLI + ["verify", str(path), "--tsa-cert", str(made["ca"])],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        lines = proc.stdout.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"consent-audit: OK {path}"), lines
        assert "trusted time" in lines[0]
    # any BagIt validator agrees: the bag library itself, on an RFC 8493 (1.0) bag
    bag = bagit.Bag(str(made["folder"]))
    assert bag.validate(processes=1) and bag.version_info == (1, 0)


def test_the_run_prints_and_records_the_bundle(made: dict[str, Any]) -> None:
    bundle = json.loads((made["run_dir"] / "bundle.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256((made["folder"] / layout.TAGMANIFEST).read_bytes()).hexdigest()
    assert bundle["tagmanifest_sha256"] == digest and bundle["zip"] == made["zip"].name
    bagged = (made["folder"] / "data" / "summary.json").read_bytes()
    assert bagged == (made["run_dir"] / "summary.json").read_bytes()     # summary.json is written once
    assert f"tag manifest sha256 {digest}" in made["proc"].stdout
    assert made["proc"].returncode == 0, made["proc"].stdout[-2000:]    # both reference targets as expected


def test_bag_holds_every_capture_of_the_run(made: dict[str, Any]) -> None:
    data = made["folder"] / "data"
    for name in ("summary.json", "report.html", "appium.log.gz", layout.RUN_METADATA, layout.SUMMARY_HTML,
                 layout.SUMMARY_PDF):
        assert (data / name).is_file() and (data / name).stat().st_size > 0, name
    assert (data / layout.SUMMARY_PDF).read_bytes().startswith(b"%PDF")
    assert not (data / "allure-results").exists()
    summary = json.loads((data / "summary.json").read_text(encoding="utf-8"))
    assert {r["target"] for r in summary["results"]} == {FAIR, DARK}
    for result in summary["results"]:
        trace = json.loads((data / result["folder"] / "trace.json").read_text(encoding="utf-8"))
        assert trace["steps"], result["target"]
        for step in trace["steps"]:
            assert {"kind", "title", "target", "at", "screen"} <= set(step) and step["at"].endswith("+00:00")
            for file in step["files"].values():
                assert (data / result["folder"] / file).is_file(), file
        for finding in result["findings"]:
            assert finding["evidence"] and all((data / e).is_file() for e in finding["evidence"])
    assert b"Appium" in plain_bytes(data / "appium.log.gz")


def test_custody_fields(made: dict[str, Any]) -> None:
    info = bagit.Bag(str(made["folder"])).info
    assert info["Run-Id"] == RUN_ID == info["External-Identifier"]
    assert info["Run-Started-UTC"].endswith("+00:00") and info["Run-Finished-UTC"].endswith("+00:00")
    assert info["Run-Started-UTC"] <= info["Run-Finished-UTC"]
    assert info["Operator"] == OPERATOR == info["Contact-Name"]
    assert info["Tool-Version"].startswith("consent-audit ")
    assert "bagit 1.9.0" in info["Dependency"] and any(d.startswith("appium ") for d in info["Dependency"])
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    assert info["Git-Commit"].startswith(head)
    assert json.loads(info["Device-Profile"])["profile"] == "local-chromium"
    assert json.loads(info["Device-Capabilities"])["browserName"] == "chrome"
    targets = {line.split(": ", 1)[0]: json.loads(line.split(": ", 1)[1]) for line in info["Target"]}
    assert set(targets) == {FAIR, DARK}
    for name, identity in targets.items():
        assert identity["url"].startswith("http://127.0.0.1:") and identity["title"], identity
        assert identity["build"].startswith("refapp-") and "Chrome/" in identity["user_agent"]
    manifest = (made["folder"] / layout.MANIFEST).read_bytes()
    assert info["Payload-Manifest-SHA256"] == hashlib.sha256(manifest).hexdigest()
    assert info["Results"].startswith("2 audits")
    assert "Interrupted" not in info


# --- tampering --------------------------------------------------------------------------------------

def _first_screenshot(folder: Path) -> str:
    return sorted(p.relative_to(folder).as_posix() for p in (folder / "data" / "tests").rglob("001-*.png"))[0]


def _tamper(folder: Path, action: str, rel: str) -> None:
    path = folder / rel
    if action == "change":
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
    elif action == "add":
        path.write_text("added after the run\n", encoding="utf-8")
    else:
        path.unlink()


def _rezip(folder: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")


CASES = [("change", "data/summary.json", "changed"), ("change", "SCREENSHOT", "changed"),
         ("add", "data/extra-evidence.txt", "added"), ("remove", "data/appium.log.gz", "removed"),
         ("change", "bag-info.txt", "changed"), ("add", "notes.txt", "added"),
         ("remove", layout.TAGMANIFEST, "removed"), ("remove", f"data/{layout.SUMMARY_HTML}", "removed")]


@pytest.mark.parametrize("form", ["folder", "zip"])
@pytest.mark.parametrize(("action", "rel", "kind"), CASES, ids=[f"{a}-{r}" for a, r, _ in CASES])
def test_tampering_is_named(made: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            form: str, action: str, rel: str, kind: str) -> None:
    copy = tmp_path / made["folder"].name
    shutil.copytree(made["folder"], copy)
    rel = _first_screenshot(copy) if rel == "SCREENSHOT" else rel
    _tamper(copy, action, rel)
    target = copy
    if form == "zip":
        target = tmp_path / made["zip"].name
        _rezip(copy, target)
    code, lines = _verify(capsys, str(target))
    assert code == 1, lines
    assert any(line.startswith(f"consent-audit: {kind}: {rel}") for line in lines), lines
    assert not any(" OK " in line for line in lines)


def test_a_damaged_zip_names_the_file(made: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = tmp_path / made["zip"].name
    shutil.copyfile(made["zip"], damaged)
    with zipfile.ZipFile(damaged) as archive:
        member = next(m for m in archive.infolist() if m.filename.endswith(".png") and m.compress_type == zipfile.ZIP_STORED)
    offset = member.header_offset + 30 + len(member.filename.encode()) + len(member.extra) + member.compress_size // 2
    data = bytearray(damaged.read_bytes())
    data[offset] ^= 0xFF
    damaged.write_bytes(bytes(data))
    code, lines = _verify(capsys, str(damaged))
    inside = member.filename.split("/", 1)[1]
    assert code == 1 and any(line.startswith(f"consent-audit: changed: {inside} (damaged in the zip") for line in lines), lines


def test_what_is_not_a_bundle_is_one_line_exit_2(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello\n", encoding="utf-8")
    for path in (tmp_path, text, tmp_path / "missing.zip"):
        proc = subprocess.run(CLI + ["verify", str(path)], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2 and not proc.stdout, proc.stdout
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("consent-audit: ") and "Traceback" not in proc.stderr


# --- secrets ----------------------------------------------------------------------------------------

def test_no_secret_in_any_bundle_file(made: dict[str, Any]) -> None:
    secrets = {s for name in (FAIR, DARK) for s in load_target(name).secrets()}
    assert secrets
    files = [p for p in made["folder"].rglob("*") if p.is_file()]
    for path in files:
        data = plain_bytes(path)
        for secret in secrets:
            assert secret.encode() not in data, (path, "holds a secret")
    with zipfile.ZipFile(made["zip"]) as archive:
        assert len([m for m in archive.infolist() if not m.is_dir()]) == len(files)
        for member in archive.infolist():
            data = archive.read(member)
            data = gzip.decompress(data) if member.filename.endswith(".gz") else data
            assert not any(secret.encode() in data for secret in secrets), member.filename
    # secrets were typed in this run (password at sign-up, ID number to delete) and show up masked
    traces = " ".join(p.read_text(encoding="utf-8") for p in (made["folder"] / "data").rglob("trace.json"))
    assert traces.count('Type \\"•••\\"') >= 3


# --- the summary page ---------------------------------------------------------------------------------

def _page(made: dict[str, Any], language: str) -> str:
    data = made["folder"] / "data"
    if language == "zh":                                      # the run asked for Chinese
        return (data / layout.SUMMARY_HTML).read_text(encoding="utf-8")
    custody = json.loads((data / layout.RUN_METADATA).read_text(encoding="utf-8"))["custody"]
    return SummaryPage(data, custody, "en", made["zip"].name, load_catalog(),
                       {f: patterns_of(f) for f in ("deletion", "permissions", "consent")}).render()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_summary_page_is_offline_and_complete(made: dict[str, Any], language: str) -> None:
    page = _page(made, language)
    strings = yaml.safe_load(STRINGS.read_text(encoding="utf-8"))[language]
    assert third_party_references(page) == []
    assert third_party_references((made["folder"] / "data" / "report.html").read_text(encoding="utf-8")) == []
    assert html.escape(OPERATOR) in page and RUN_ID in page
    summary = json.loads((made["folder"] / "data" / "summary.json").read_text(encoding="utf-8"))
    fair = next(r for r in summary["results"] if r["target"] == FAIR)
    dark = next(r for r in summary["results"] if r["target"] == DARK)
    assert fair["outcome"] == "clean" and not fair["findings"] and dark["findings"] and dark["outcome"] == "found"
    sections = page.split("<h2>")
    fair_section = next(s for s in sections if s.startswith(html.escape(strings["flows"]["deletion"]))
                        and html.escape(FAIR) in s.split("</h2>")[0])
    assert html.escape(strings["status_clean"]) in fair_section.split("</h2>")[0]
    assert html.escape(strings["nothing_found"]) in fair_section and html.escape(strings["checked"]) in fair_section
    def title(pattern: str, flow: str) -> str:      # a pattern checked in several flows is named per flow
        return strings["patterns_in_flow"].get(flow, {}).get(pattern) or strings["patterns"][pattern]

    for pattern in patterns_of("deletion"):          # what was checked on the fair target
        assert html.escape(title(pattern, "deletion")) in fair_section
    assert html.escape(strings["result_found"].format(audits=1, total=2, findings=len(dark["findings"]))) in page
    catalog = load_catalog()
    for finding in dark["findings"]:
        assert html.escape(title(finding["pattern"], dark["flow"])) in page
        for ref in finding["rule_refs"]:
            item = catalog.get(ref)
            assert html.escape(item.summary_en) in page and html.escape(item.summary_zh) in page
        for evidence in finding["evidence"]:
            assert f'href="{html.escape(evidence)}"' in page
    assert page.count("src=\"data:image/jpeg;base64,") >= len({e for f in dark["findings"] for e in f["evidence"]})


def test_summary_strings_cover_catalog_and_flows() -> None:
    strings = yaml.safe_load(STRINGS.read_text(encoding="utf-8"))
    assert set(strings) == {"en", "zh"}

    def keys(node: Any, prefix: str = "") -> set[str]:
        return {k for key, value in node.items() for k in ({prefix + key} | (keys(value, prefix + key + ".")
                                                                             if isinstance(value, dict) else set()))}
    assert keys(strings["en"]) == keys(strings["zh"])
    for language in strings.values():
        assert set(load_catalog().patterns) <= set(language["patterns"])
        assert {flow for rule in all_rules() for flow in rule.flows} <= set(language["flows"])


@pytest.mark.parametrize(("env", "message"), [
    ({"CONSENT_AUDIT_SUMMARY_LANG": "fr"}, "consent-audit: summary language must be one of en, zh, not 'fr'"),
    ({"CONSENT_AUDIT_TSA_URL": "ftp://tsa.invalid"}, "consent-audit: --tsa-url must be an http(s) URL"),
    ({"CONSENT_AUDIT_TSA_CERT": "/nonexistent/root.pem"}, "consent-audit: TSA certificate file /nonexistent/root.pem"),
])
def test_bad_bundle_options_stop_the_run_in_one_line(tmp_path: Path, env: dict[str, str], message: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "pytest", str(ROOT / "consent_audit" / "flows" / "test_deletion.py"), "--collect-only",
                           "-q", "-p", "no:cacheprovider", "--reports-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, env=dict(os.environ, **env))
    assert proc.returncode == pytest.ExitCode.USAGE_ERROR and "Traceback" not in proc.stdout + proc.stderr
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"ERROR: {message}"), lines
    assert not any(tmp_path.iterdir()), "no run folder for a run that never started"
