"""Each screenshot stored once per run: identical captures become hard links, the bag links the run's own
files (a masked text file is the one copy), --no-zip leaves the zip out, and the bag still verifies; the
report's images are reduced while the originals stay."""
from __future__ import annotations

import json
import os
from pathlib import Path

import bagit
import cv2
import numpy as np

from consent_audit.cli import main
from consent_audit.evidence import layout
from consent_audit.evidence.bundle import BundleOptions, make_bundle
from consent_audit.evidence.once import link_duplicates
from consent_audit.masking import Masker
from consent_audit.model import Result
from consent_audit.report_images import reduce_attachments
from consent_audit.run import Run

SECRET = "Once-Secret-4711"


def _png(text: str) -> bytes:
    image = np.full((900, 1080, 3), 250, np.uint8)
    cv2.putText(image, text, (40, 400), cv2.FONT_HERSHEY_SIMPLEX, 3, (0, 0, 0), 5)
    noise = np.random.default_rng(len(text)).integers(0, 255, (200, 1080, 3), dtype=np.uint8)
    image[600:800] = noise                        # big enough to be worth linking
    return cv2.imencode(".png", image)[1].tobytes()


def _run(root: Path) -> Run:
    run = Run(root, "once-run", device_profile="local-chromium", masker=Masker([SECRET]))
    test_dir = run.test_dir("flows/test_deletion.py::test_account_deletion[refapp-fair]")
    (test_dir / "steps").mkdir()
    same = _png("Delete")
    for n in (1, 2, 3):                           # the same screen three times (a relaunch loop)
        (test_dir / "steps" / f"00{n}-tap.png").write_bytes(same)
    (test_dir / "steps" / "004-tap.png").write_bytes(_png("Gone"))
    (test_dir / "steps" / "001-tap.html").write_text(f"<html><input value='{SECRET}'></html>", encoding="utf-8")
    (test_dir / "trace.json").write_text(json.dumps({"steps": [], "trails": []}), encoding="utf-8")
    record = Result(target="refapp-fair", flow="deletion", folder=str(test_dir.relative_to(run.dir)),
                    metrics={"steps": 4})
    record.conclude([])
    run.results.append(record)
    run.write_summary()
    return run


def test_duplicates_become_links_and_keep_their_bytes(tmp_path: Path) -> None:
    run = _run(tmp_path / "reports")
    steps = next((run.dir / "tests").iterdir()) / "steps"
    before = {p.name: p.read_bytes() for p in steps.iterdir()}
    saved = link_duplicates(run.dir / "tests")
    assert saved == 2 * len(before["001-tap.png"])
    assert {p.name: p.read_bytes() for p in steps.iterdir()} == before
    assert os.path.samefile(steps / "001-tap.png", steps / "003-tap.png")
    assert not os.path.samefile(steps / "001-tap.png", steps / "004-tap.png")
    assert link_duplicates(run.dir / "tests") == 0


def test_the_bag_links_the_run_files_and_still_verifies(tmp_path: Path, capsys) -> None:
    run = _run(tmp_path / "reports")
    bundle = make_bundle(run, BundleOptions(operator="tester", pdf=False, zip=False))
    assert bundle.zip is None and not (run.dir / f"{layout.bundle_name(run.run_id)}.zip").exists()
    test = next((run.dir / "tests").iterdir()).name
    own, bagged = run.dir / "tests" / test / "steps", bundle.folder / "data" / "tests" / test / "steps"
    assert os.path.samefile(own / "004-tap.png", bagged / "004-tap.png")
    assert os.path.samefile(own / "002-tap.png", bagged / "001-tap.png")
    masked = bagged / "001-tap.html"                  # a text file that held a secret: the masked copy
    assert not os.path.samefile(own / "001-tap.html", masked) and SECRET not in masked.read_text()
    bagit.Bag(str(bundle.folder)).validate()
    assert main(["verify", str(bundle.folder)]) == 0
    assert bundle.to_dict(run.dir)["zip"] is None


def test_report_attachments_are_reduced_and_renamed(tmp_path: Path) -> None:
    results = tmp_path / "allure-results"
    results.mkdir()
    (results / "a1-attachment.png").write_bytes(_png("Delete"))
    (results / "a2-attachment.txt").write_text("log", encoding="utf-8")
    result = {"name": "t", "steps": [{"name": "s", "attachments": [
        {"name": "after tap", "source": "a1-attachment.png", "type": "image/png"},
        {"name": "log", "source": "a2-attachment.txt", "type": "text/plain"}]}]}
    (results / "r-result.json").write_text(json.dumps(result), encoding="utf-8")
    assert reduce_attachments(results) == 1
    assert sorted(p.name for p in results.iterdir()) == ["a1-attachment.webp", "a2-attachment.txt", "r-result.json"]
    attachments = json.loads((results / "r-result.json").read_text())["steps"][0]["attachments"]
    assert attachments[0] == {"name": "after tap", "source": "a1-attachment.webp", "type": "image/webp"}
    assert attachments[1]["source"] == "a2-attachment.txt"
    small = cv2.imread(str(results / "a1-attachment.webp"))
    assert small.shape[1] == 360 and (results / "a1-attachment.webp").stat().st_size < len(_png("Delete")) / 3


def test_identical_report_screenshots_are_reduced_once_each_under_its_own_name(tmp_path: Path) -> None:
    results = tmp_path / "allure-results"
    results.mkdir()
    for name in ("a1", "a2"):
        (results / f"{name}-attachment.png").write_bytes(_png("Same"))
    (results / "a3-attachment.png").write_bytes(_png("Other"))
    attachments = [{"name": n, "source": f"{n}-attachment.png", "type": "image/png"} for n in ("a1", "a2", "a3")]
    (results / "r-result.json").write_text(json.dumps({"attachments": attachments}), encoding="utf-8")
    assert reduce_attachments(results) == 3
    sources = [a["source"] for a in json.loads((results / "r-result.json").read_text())["attachments"]]
    assert sources == ["a1-attachment.webp", "a2-attachment.webp", "a3-attachment.webp"]   # Allure shows a file once
    assert os.path.samefile(results / "a1-attachment.webp", results / "a2-attachment.webp")
    assert not os.path.samefile(results / "a1-attachment.webp", results / "a3-attachment.webp")
    assert not list(results.glob("*.png"))


def test_bundle_after_no_zip_zips_the_bag_as_made_and_keeps_its_digest(tmp_path: Path, capsys) -> None:
    from consent_audit.evidence.bundle import bundle_run
    run = _run(tmp_path / "reports")
    made = bundle_run(run, BundleOptions(operator="tester", pdf=False, zip=False))
    (run.dir / "diff.json").write_text("{}", encoding="utf-8")          # a file the run wrote after its bag
    assert main(["bundle", str(run.dir)]) == 0
    out = capsys.readouterr().out
    assert "zipped as it was made" in out and made.tagmanifest_sha256 in out
    zipped = run.dir / f"{layout.bundle_name(run.run_id)}.zip"
    assert main(["verify", str(zipped), "--tag-manifest-sha256", made.tagmanifest_sha256]) == 0
    record = json.loads((run.dir / "bundle.json").read_text(encoding="utf-8"))
    assert record["zip"] == zipped.name and record["tagmanifest_sha256"] == made.tagmanifest_sha256
    assert not (made.folder / "data" / "bundle.json").exists()
    assert main(["bundle", str(run.dir), "--operator", "another officer"]) == 0      # made anew, on request
    assert not (made.folder / "data" / "bundle.json").exists() and (made.folder / "data" / "diff.json").exists()


def test_bag_info_names_the_rules_a_run_left_out(tmp_path: Path) -> None:
    run = _run(tmp_path / "reports")
    run.results[0].metrics["not_checked"] = {"tracking_before_consent": "traffic capture off (--traffic off)"}
    run.write_summary()
    bundle = make_bundle(run, BundleOptions(operator="tester", pdf=False, zip=False))
    info = bagit.Bag(str(bundle.folder)).info
    assert info["Not-Checked"] == "refapp-fair/deletion: tracking_before_consent (traffic capture off (--traffic off))"


def test_allure_copies_of_the_run_files_become_links_to_them(tmp_path: Path) -> None:
    run = _run(tmp_path / "reports")
    steps = next((run.dir / "tests").iterdir()) / "steps"
    (steps.parent / "traffic.har").write_text(json.dumps({"log": {"entries": ["x" * 5000]}}), encoding="utf-8")
    results = run.allure_results
    results.mkdir(parents=True, exist_ok=True)
    (results / "a1-attachment.png").write_bytes((steps / "004-tap.png").read_bytes())     # allure.attach: a copy
    (results / "a2-attachment.json").write_bytes((steps.parent / "traffic.har").read_bytes())
    (results / "a3-attachment.png").write_bytes(_png("annotated, only in the report"))
    before = {p.name: p.read_bytes() for p in results.iterdir()}
    link_duplicates(run.dir / "tests", results)
    assert {p.name: p.read_bytes() for p in results.iterdir()} == before
    assert os.path.samefile(results / "a1-attachment.png", steps / "004-tap.png")
    assert os.path.samefile(results / "a2-attachment.json", steps.parent / "traffic.har")
    assert (results / "a3-attachment.png").stat().st_nlink == 1
    assert link_duplicates(run.dir / "tests", results) == 0


def test_the_report_reduces_a_staged_copy_and_allure_results_keep_their_files(tmp_path: Path) -> None:
    from consent_audit.report_images import staged_results
    results = tmp_path / "allure-results"
    results.mkdir()
    original = tmp_path / "001-tap.png"
    original.write_bytes(_png("Delete"))
    os.link(original, results / "a1-attachment.png")            # linked to the run's screenshot
    result = {"name": "t", "attachments": [{"name": "after tap", "source": "a1-attachment.png", "type": "image/png"}]}
    (results / "r-result.json").write_text(json.dumps(result), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in results.iterdir()}
    stage = staged_results(results, tmp_path / ".report-input")
    assert reduce_attachments(stage) == 1
    assert sorted(p.name for p in stage.iterdir()) == ["a1-attachment.webp", "r-result.json"]
    assert json.loads((stage / "r-result.json").read_text())["attachments"][0]["source"] == "a1-attachment.webp"
    assert {p.name: p.read_bytes() for p in results.iterdir()} == before      # Allure's own files, untouched
    assert os.path.samefile(original, results / "a1-attachment.png") and original.read_bytes() == before["a1-attachment.png"]


def test_a_run_without_zip_says_how_to_make_one(tmp_path: Path, capsys) -> None:
    from consent_audit.commands.finish import print_paths
    (tmp_path / "bundle.json").write_text(json.dumps({"folder": "evidence-r", "zip": None}), encoding="utf-8")
    print_paths(tmp_path, {})
    assert f"in one file to send: consent-audit bundle {tmp_path}" in capsys.readouterr().out
    (tmp_path / "bundle.json").write_text(json.dumps({"folder": "evidence-r", "zip": "evidence-r.zip"}), encoding="utf-8")
    print_paths(tmp_path, {})
    assert "in one file to send" not in capsys.readouterr().out


def test_report_images_are_webp_at_most_half_a_jpeg_of_the_same_quality() -> None:
    from consent_audit.report_images import QUALITY, reduce_png
    screen = np.full((2400, 1080, 3), 244, np.uint8)              # an app screen: flat colours and text
    screen[:160] = (120, 130, 0)
    for row, text in enumerate(["Delete account", "Keep my data", "Continue", "Cancel"]):
        cv2.rectangle(screen, (60, 300 + row * 260), (1020, 480 + row * 260), (255, 255, 255), -1)
        cv2.putText(screen, text, (100, 410 + row * 260), cv2.FONT_HERSHEY_SIMPLEX, 2.2, (40, 40, 40), 4)
    small = reduce_png(cv2.imencode(".png", screen)[1].tobytes())
    assert small is not None and small[:4] == b"RIFF" and small[8:12] == b"WEBP"
    resized = cv2.resize(screen, (360, 800), interpolation=cv2.INTER_AREA)
    jpeg = cv2.imencode(".jpg", resized, [int(cv2.IMWRITE_JPEG_QUALITY), QUALITY])[1]
    assert len(small) <= len(jpeg) / 2
    assert cv2.imdecode(np.frombuffer(small, np.uint8), cv2.IMREAD_COLOR).shape[:2] == (800, 360)
