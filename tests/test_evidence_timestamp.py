"""Trusted time: the bundle's tag manifest stamped by a local RFC 3161 authority (openssl ts on loopback),
stored in the bag and checked by `consent-audit verify`; any rewrite of the manifests breaks it."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import bagit
import cv2
import numpy as np
import pytest

from plain_files import plain_bytes
from consent_audit.cli import main
from consent_audit.evidence import layout
from consent_audit.evidence.bundle import BundleOptions, make_bundle
from consent_audit.masking import Masker
from consent_audit.model import Result
from consent_audit.run import Run
from tests.conftest import make_ca

SECRET = "Stamp-Secret-981"


def _small_run(root: Path) -> Run:
    """A run folder as the recorder leaves it: one test with a screenshot, a page source and its trace."""
    run = Run(root, "stamped-run", device_profile="local-chromium", masker=Masker([SECRET]))
    test_dir = run.test_dir("flows/test_deletion.py::test_account_deletion[refapp-fair]")
    (test_dir / "steps").mkdir()
    image = np.full((240, 120, 3), 250, np.uint8)
    cv2.putText(image, "Delete", (10, 120), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (0, 0, 0), 2)
    (test_dir / "steps" / "001-tap.png").write_bytes(cv2.imencode(".png", image)[1].tobytes())
    (test_dir / "steps" / "001-tap.html").write_text(f"<html><input value='{SECRET}'></html>", encoding="utf-8")
    trace = {"steps": [{"index": 1, "kind": "tap", "title": 'Tap "Delete"', "at": "2026-11-28T10:00:00.000+00:00",
                        "files": {"screenshot": "steps/001-tap.png", "source": "steps/001-tap.html"}}],
             "trails": [], "captures": 1}
    (test_dir / "trace.json").write_text(json.dumps(trace), encoding="utf-8")
    record = Result(target="refapp-fair", flow="deletion", folder=str(test_dir.relative_to(run.dir)),
                    metrics={"steps": 1})
    record.conclude([])
    run.results.append(record)
    run.write_summary()
    return run


@pytest.fixture
def stamped(tmp_path: Path, local_tsa: dict) -> Path:
    run = _small_run(tmp_path / "reports")
    bundle = make_bundle(run, BundleOptions(operator="tester", tsa_url=str(local_tsa["url"]),
                                            tsa_certs=Path(str(local_tsa["ca"])), pdf=False))
    assert bundle.stamp is not None and bundle.stamp.signature_checked
    return bundle.folder


def _verify(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["verify", *args])
    out = capsys.readouterr()
    return code, (out.out + out.err).strip().splitlines()


def test_token_is_stored_declared_and_verifies(stamped: Path, local_tsa: dict, capsys: pytest.CaptureFixture[str]) -> None:
    info = bagit.Bag(str(stamped)).info
    assert info[layout.TOKEN_FIELD] == layout.TOKEN and info["Timestamp-Authority"] == local_tsa["url"]
    assert (stamped / layout.TOKEN).is_file() and (stamped / layout.TSA_CERTS).is_file()
    code, lines = _verify(capsys, str(stamped), "--tsa-cert", str(local_tsa["ca"]))
    assert code == 0 and len(lines) == 1
    assert "trusted time" in lines[0] and "consent-audit test TSA" in lines[0]
    assert "signature checked against --tsa-cert" in lines[0]
    # without --tsa-cert the certificate carried in the bundle is used, and the line says so
    code, lines = _verify(capsys, str(stamped.with_suffix(".zip")))
    assert code == 0 and "certificate in the bundle" in lines[0]


def test_openssl_confirms_the_token_independently(stamped: Path, local_tsa: dict) -> None:
    proc = subprocess.run(["openssl", "ts", "-verify", "-data", str(stamped / layout.TAGMANIFEST),
                           "-in", str(stamped / layout.TOKEN), "-CAfile", str(local_tsa["ca"])],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "Verification: OK" in proc.stdout, proc.stderr


def test_rewritten_manifests_pass_bagit_but_not_the_timestamp(stamped: Path, local_tsa: dict,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    summary = stamped / "data" / "summary.json"
    summary.write_text(summary.read_text(encoding="utf-8").replace('"passed"', '"failed"'), encoding="utf-8")
    bag = bagit.Bag(str(stamped))
    bag.save(manifests=True)         # a forger recomputes every manifest: bagit alone finds nothing wrong
    assert bagit.Bag(str(stamped)).is_valid()
    code, lines = _verify(capsys, str(stamped), "--tsa-cert", str(local_tsa["ca"]))
    assert code == 1
    assert any(line.startswith(f"consent-audit: changed: {layout.TAGMANIFEST}") and "timestamp authority signed" in line
               for line in lines), lines


def test_removed_token_is_named(stamped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (stamped / layout.TOKEN).unlink()
    code, lines = _verify(capsys, str(stamped))
    assert code == 1 and lines == [f"consent-audit: removed: {layout.TOKEN} (bag-info.txt declares a trusted timestamp)"]


def test_token_from_another_authority_fails(stamped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = make_ca(tmp_path / "other", "other")
    code, lines = _verify(capsys, str(stamped), "--tsa-cert", str(other))
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(f"consent-audit: invalid: {layout.TOKEN} (signature does not verify")


def test_unreachable_authority_still_makes_a_bundle(tmp_path: Path, local_tsa: dict,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from consent_audit.appium_server import free_port
    run = _small_run(tmp_path / "reports")
    bundle = make_bundle(run, BundleOptions(operator="tester", tsa_url=f"http://127.0.0.1:{free_port()}/tsa",
                                            pdf=False))
    assert bundle.stamp is None and any("no trusted timestamp" in n for n in bundle.notes)
    info = bagit.Bag(str(bundle.folder)).info
    assert "did not answer" in info["Timestamp-Error"] and layout.TOKEN_FIELD not in info
    code, lines = _verify(capsys, str(bundle.zip))
    assert code == 0, lines
    code, lines = _verify(capsys, str(bundle.zip), "--tsa-cert", str(local_tsa["ca"]))
    assert code == 1 and "no trusted timestamp" in lines[0]


def test_secret_in_the_run_folder_is_masked_in_the_bag(stamped: Path) -> None:
    source = stamped / "data" / "tests"
    pages = list(source.rglob("001-tap.html"))
    assert pages and "•••" in pages[0].read_text(encoding="utf-8")
    for path in stamped.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in plain_bytes(path), path
