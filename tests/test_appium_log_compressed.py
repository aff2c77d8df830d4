"""The run's Appium log is compressed when its server stops (it is ~9 MB of debug lines per server), masked again
with every secret known by then; the evidence bundle masks inside it as in any text and its tail stays readable."""
from __future__ import annotations

import gzip
from pathlib import Path

from consent_audit.appium_server import compress, log_tail
from consent_audit.evidence.bundle import _scrub, _stage
from consent_audit.masking import Masker

SECRET = "hunter2-Secret"


def test_compress_masks_again_and_removes_the_plain_log(tmp_path: Path) -> None:
    log = tmp_path / "appium.log"
    log.write_text("[HTTP] --> POST /session\n" + f"typed {SECRET}\n" * 3 + "[HTTP] <-- 200\n", encoding="utf-8")
    packed = compress(log, Masker([SECRET]))
    assert packed == tmp_path / "appium.log.gz" and not log.exists()
    text = gzip.decompress(packed.read_bytes()).decode("utf-8")
    assert SECRET not in text and text.count("typed ") == 3 and text.endswith("[HTTP] <-- 200\n")
    assert log_tail(log, 1) == "[HTTP] <-- 200" == log_tail(packed, 1)     # by either name


def test_the_bag_masks_inside_a_compressed_log(tmp_path: Path) -> None:
    run, stage = tmp_path / "run", tmp_path / "stage"
    run.mkdir()
    (run / "appium-gw0.log.gz").write_bytes(gzip.compress(f"a secret learned late: {SECRET}\n".encode()))
    (run / "appium-gw1.log.gz").write_bytes(gzip.compress(b"nothing to hide\n"))
    masker = Masker([SECRET])
    assert _stage(run, stage, masker) == [] and _scrub(stage, masker) == []
    staged = gzip.decompress((stage / "appium-gw0.log.gz").read_bytes()).decode()
    assert SECRET not in staged and staged.startswith("a secret learned late: ")
    assert (stage / "appium-gw1.log.gz").samefile(run / "appium-gw1.log.gz")      # nothing masked: not a copy


def test_a_compressed_log_with_a_secret_left_is_dropped_by_the_last_check(tmp_path: Path) -> None:
    (tmp_path / "appium.log.gz").write_bytes(gzip.compress(f"{SECRET}\n".encode()))
    assert _scrub(tmp_path, Masker([SECRET])) == ["appium.log.gz"]
