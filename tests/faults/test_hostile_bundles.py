"""Defects 6 and 12: `verify` against bundles built to fool it: every trick is a failure with one line
naming the file, nothing of a zip's payload is written to the temporary folder, and a zip bomb is refused."""
from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from consent_audit.evidence import layout
from consent_audit.evidence.bundle import Bundle, BundleOptions, make_bundle

from .conftest import call, small_run


@pytest.fixture
def bundle(tmp_path: Path) -> Bundle:
    return make_bundle(small_run(tmp_path / "reports"), BundleOptions(operator="tester", pdf=False))


def _screenshot(folder: Path) -> str:
    return next(p for p in (folder / "data").rglob("*.png")).relative_to(folder).as_posix()


def _rezip(folder: Path, out: Path, extra: Callable[[zipfile.ZipFile], None] | None = None,
           first: Callable[[zipfile.ZipFile], None] | None = None) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if first is not None:
            first(archive)
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
        if extra is not None:
            extra(archive)
    return out


@pytest.mark.area_tamper
def test_sound_bundle_verifies_both_ways(bundle: Bundle, capsys: pytest.CaptureFixture[str]) -> None:
    for path in (bundle.folder, bundle.zip):
        code, out, err = call(capsys, "verify", str(path))
        assert code == 0 and len(out) == 1 and out[0].startswith("consent-audit: OK"), out + err


@pytest.mark.area_tamper
def test_duplicate_entry_with_the_tampered_copy_first(bundle: Bundle, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The tampered copy first and the original last: Python's zipfile reads the last, unzip tools the first."""
    rel = _screenshot(bundle.folder)
    name = f"{bundle.folder.name}/{rel}"
    with pytest.warns(UserWarning, match="Duplicate name"):      # zipfile warns while the test writes it
        hostile = _rezip(bundle.folder, tmp_path / "dup.zip", first=lambda z: z.writestr(name, b"tampered"))
    code, out, err = call(capsys, "verify", str(hostile))
    assert code == 1, out
    assert f"consent-audit: invalid: {rel} (2 entries of this name in the zip; unzip tools differ on which one they extract)" in out


@pytest.mark.area_tamper
@pytest.mark.parametrize("where", ["data/tests", "data", "timestamp"])
def test_directory_symlink_pointing_outside(bundle: Bundle, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            where: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "planted.png").write_bytes(b"not evidence")
    (bundle.folder / where).mkdir(parents=True, exist_ok=True)
    os.symlink(outside, bundle.folder / where / "more", target_is_directory=True)
    code, out, err = call(capsys, "verify", str(bundle.folder))
    assert code == 1, out
    assert any(line.startswith(f"consent-audit: invalid: {where}/more (a symbolic link") for line in out), out


@pytest.mark.area_tamper
def test_symlink_entry_in_zip(bundle: Bundle, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def link(archive: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo(f"{bundle.folder.name}/data/escape")
        info.external_attr = (0o120777 << 16)
        archive.writestr(info, "/etc")
    code, out, err = call(capsys, "verify", str(_rezip(bundle.folder, tmp_path / "link.zip", extra=link)))
    assert code == 1 and any(line.startswith("consent-audit: invalid: data/escape (a symbolic link") for line in out), out


TAG_EDITS = {
    "flip-a-digest": lambda text: ("0" if text[0] != "0" else "1") + text[1:],
    "list-a-file-not-there": lambda text: text + "0" * 64 + "  notes.txt\n",
    "drop-a-line": lambda text: "".join(line for line in text.splitlines(True) if "manifest-sha256.txt" not in line),
}


@pytest.mark.area_tamper
@pytest.mark.parametrize("form", ["folder", "zip"])
@pytest.mark.parametrize("edit", sorted(TAG_EDITS))
def test_changed_tag_manifest_is_named(bundle: Bundle, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       edit: str, form: str) -> None:
    manifest = bundle.folder / layout.TAGMANIFEST
    manifest.write_text(TAG_EDITS[edit](manifest.read_text(encoding="utf-8")), encoding="utf-8")
    path = bundle.folder if form == "folder" else _rezip(bundle.folder, tmp_path / "edited.zip")
    code, out, err = call(capsys, "verify", str(path))
    assert code == 1
    assert out and all(line.startswith(f"consent-audit: changed: {layout.TAGMANIFEST}") for line in out), out


@pytest.mark.area_tamper
def test_zip_is_verified_without_unpacking_its_payload(bundle: Bundle, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    written: list[str] = []
    real_open = Path.open

    def spy(self: Path, mode: str = "r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if "w" in mode and str(self).startswith(str(temp)):
            written.append(self.name)
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.setattr(Path, "open", spy)
    code, out, err = call(capsys, "verify", str(bundle.zip))
    assert code == 0, out + err
    assert written and not any(name.endswith((".png", ".json", ".html")) for name in written), written


@pytest.mark.area_tamper
def test_zip_bomb_is_refused_in_one_line(bundle: Bundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A member whose header lies about its size: the real bytes are counted against the cap."""
    monkeypatch.setattr("consent_audit.evidence.zipped.MAX_UNZIPPED", 4 << 20)   # the 8 GiB cap, scaled down
    bomb = tmp_path / "bomb.zip"
    shutil.copyfile(bundle.zip, bomb)
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{bundle.folder.name}/data/bomb.bin", b"\0" * (8 << 20))
    code, out, err = call(capsys, "verify", str(bomb))
    assert code == 2 and len(err) == 1 and "GiB" in err[0] and "Traceback" not in "".join(out + err), out + err


@pytest.mark.area_fault
def test_no_temporary_space_is_one_line(bundle: Bundle, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("tempfile.mkdtemp", full)
    code, out, err = call(capsys, "verify", str(bundle.zip))
    assert code == 2 and len(err) == 1 and "No space left on device" in err[0], out + err
