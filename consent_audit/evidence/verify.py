"""Verify an evidence bundle (a bag folder or its zip): name every changed, added or removed file.

bagit checks the manifests; on top of it this names each file (bagit stops at the first failing stage and
reports added or removed payload only as a Payload-Oxum count), catches tag files the tag manifest does not
list (bagit ignores them), requires the tag manifest itself, and checks the RFC 3161 token over it."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import bagit
from cryptography import x509

from ..errors import UsageError
from . import layout
from .bagpath import bag_path
from .timestamp import DigestMismatch, Stamp, TimestampError, check, load_certificates

MAX_UNZIPPED = 8 << 30      # refuse zips that would unpack to more than 8 GiB
_TAGMANIFEST_NAME = re.compile(r"^tagmanifest-.+\.txt$")


@dataclass(frozen=True)
class Problem:
    kind: str          # changed | added | removed | invalid
    path: str          # relative to the bag's top folder
    detail: str = ""

    def line(self) -> str:
        return f"{self.kind}: {self.path}" + (f" ({self.detail})" if self.detail else "")


@dataclass
class Verdict:
    path: Path
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    tagmanifest_sha256: str | None = None
    stamp: Stamp | None = None
    stamp_checked_with: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def ok_line(self) -> str:
        text = (f"OK {self.path}: {self.files} files unchanged, tag manifest sha256 {self.tagmanifest_sha256}")
        if self.stamp is not None:
            how = (f"signature checked against {self.stamp_checked_with}" if self.stamp.signature_checked
                   else "signature not checked: give --tsa-cert")
            text += f"; trusted time {self.stamp.describe()}, {how}"
        return text


def looks_like_bag(root: Path) -> bool:
    return root.is_dir() and any((root / name).is_file() for name in layout.REQUIRED)


def _digest(path: Path, algorithm: str) -> str:
    digest = hashlib.new(algorithm)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _declared(info: dict, name: str) -> str | None:
    value = info.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value) if value else None


def verify_folder(root: Path, tsa_certificates: list[x509.Certificate] | None = None,
                  tsa_certificates_source: str = "--tsa-cert") -> Verdict:
    """Check an unpacked bag; every problem names the file, relative to the bag's top folder."""
    with bag_path(root) as where:
        verdict = _verify_folder(Path(where), tsa_certificates, tsa_certificates_source)
    verdict.path = root
    return verdict


def _verify_folder(root: Path, tsa_certificates: list[x509.Certificate] | None,
                   tsa_certificates_source: str) -> Verdict:
    verdict = Verdict(path=root)
    problems = verdict.problems
    for name in layout.REQUIRED:
        if not (root / name).is_file():
            problems.append(Problem("removed", name))
    if not (root / "bagit.txt").is_file():
        return verdict
    try:
        bag = bagit.Bag(str(root))
    except bagit.BagError as exc:
        problems.append(Problem("invalid", "bagit.txt", str(exc)))
        return verdict
    tagmanifest = root / layout.TAGMANIFEST
    if tagmanifest.is_file():
        verdict.tagmanifest_sha256 = _digest(tagmanifest, "sha256")
    token = _declared(bag.info, layout.TOKEN_FIELD)

    only_in_manifest, only_on_disk = bag.compare_manifests_with_fs()
    removed = set(only_in_manifest)
    problems += [Problem("removed", p) for p in sorted(only_in_manifest)]
    problems += [Problem("added", p) for p in sorted(only_on_disk)]
    for dirpath, dirnames, filenames in (os.walk(root) if tagmanifest.is_file() else ()):
        relative_dir = Path(dirpath).relative_to(root)
        if relative_dir == Path("."):
            dirnames[:] = [d for d in dirnames if d != "data"]
        for name in filenames:
            rel = str(relative_dir / name) if relative_dir != Path(".") else name
            if rel == layout.TAGMANIFEST or rel == token or rel in bag.entries:
                continue
            detail = "not in the tag manifest" if not _TAGMANIFEST_NAME.match(rel) else "an extra tag manifest"
            problems.append(Problem("added", rel, detail))
    verdict.files = len(bag.payload_entries())
    for rel, hashes in sorted(bag.entries.items()):
        path = root / rel
        if rel in removed or not path.is_file():
            continue
        for algorithm, expected in hashes.items():
            if _digest(path, algorithm) != expected.lower():
                where = "manifest" if rel.startswith("data/") else "tag manifest"
                problems.append(Problem("changed", rel, f"{algorithm} differs from the {where}"))
                break
    if not problems:
        try:
            bag.validate(processes=1)
        except bagit.BagError as exc:       # anything bagit finds that the checks above did not name
            problems.append(Problem("invalid", ".", str(exc)))

    certificates = tsa_certificates
    checked_with = tsa_certificates_source
    stored = _declared(bag.info, layout.TSA_CERTS_FIELD)
    if certificates is None and stored and (root / stored).is_file() and stored in bag.entries:
        try:
            certificates = load_certificates(root / stored)
            checked_with = f"the certificate in the bundle ({stored}) — give --tsa-cert to check it against one you trust"
        except UsageError as exc:
            problems.append(Problem("invalid", stored, str(exc)))
    if token:
        if token != layout.TOKEN:
            problems.append(Problem("invalid", "bag-info.txt", f"unexpected {layout.TOKEN_FIELD} {token!r}"))
        elif not (root / token).is_file():
            problems.append(Problem("removed", token, "bag-info.txt declares a trusted timestamp"))
        elif tagmanifest.is_file():
            try:
                verdict.stamp = check((root / token).read_bytes(), tagmanifest.read_bytes(), certificates)
                verdict.stamp_checked_with = checked_with
            except DigestMismatch:
                problems.append(Problem("changed", layout.TAGMANIFEST,
                                        "differs from the digest the timestamp authority signed"))
            except TimestampError as exc:
                problems.append(Problem("invalid", token, str(exc)))
    elif tsa_certificates is not None:
        problems.append(Problem("invalid", layout.TOKEN, "--tsa-cert given, but the bundle has no trusted timestamp"))
    verdict.problems = list(dict.fromkeys(problems))
    return verdict


def _bag_root_in_zip(names: list[str]) -> str | None:
    tops = {PurePosixPath(n).parts[0] for n in names if PurePosixPath(n).parts}
    with_bagit = {PurePosixPath(n).parts[0] for n in names if len(PurePosixPath(n).parts) == 2
                  and PurePosixPath(n).name in layout.REQUIRED}
    if len(with_bagit) == 1:
        return with_bagit.pop()
    if len(tops) == 1:
        top = next(iter(tops))
        if any(len(PurePosixPath(n).parts) > 2 and PurePosixPath(n).parts[1] == "data" for n in names):
            return top
    return None


def verify_zip(path: Path, tsa_certificates: list[x509.Certificate] | None = None) -> Verdict:
    """Unpack a zipped bag into a temporary folder (refusing unsafe names) and check it."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        if path.suffix.lower() == ".zip":
            return Verdict(path=path, problems=[Problem("invalid", path.name, f"not a readable zip: {exc}")])
        raise UsageError(f"{path} is not an evidence bundle (neither a bag folder nor a zip)") from None
    with archive, tempfile.TemporaryDirectory(prefix="consent-audit-verify-") as tmp:
        members = [m for m in archive.infolist() if not m.is_dir()]
        root = _bag_root_in_zip([m.filename for m in members])
        if root is None:
            raise UsageError(f"{path} holds no evidence bundle (no bag folder with bagit.txt inside)")
        if sum(m.file_size for m in members) > MAX_UNZIPPED:
            raise UsageError(f"{path} would unpack to more than {MAX_UNZIPPED >> 30} GiB; unzip it and verify the folder")
        problems: list[Problem] = []
        damaged: set[str] = set()
        base = Path(tmp) / "bag"
        base.mkdir()
        for member in members:
            parts = PurePosixPath(member.filename).parts
            if member.filename.startswith("/") or ".." in parts or "\\" in member.filename or parts[0] != root:
                problems.append(Problem("added", member.filename, "outside the bag folder"))
                continue
            rel = "/".join(parts[1:])
            target = base.joinpath(*parts[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with archive.open(member) as source, target.open("wb") as out:
                    shutil.copyfileobj(source, out, 1 << 20)
            except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
                target.unlink(missing_ok=True)
                damaged.add(rel)
                problems.append(Problem("changed", rel, f"damaged in the zip: {exc}"))
        verdict = verify_folder(base, tsa_certificates)
        verdict.problems = problems + [p for p in verdict.problems if p.path not in damaged]
        verdict.path = path
        return verdict


def verify(path: Path, tsa_certificates: list[x509.Certificate] | None = None,
           expected_tagmanifest_sha256: str | None = None) -> Verdict:
    """Verify a bag folder or zip; UsageError when path is no bundle at all."""
    if not path.exists():
        raise UsageError(f"{path} does not exist")
    if path.is_dir():
        if not looks_like_bag(path):
            inside = sorted(path.glob("evidence-*.zip"))
            hint = f"; did you mean {inside[0]}?" if len(inside) == 1 else ""
            raise UsageError(f"{path} is not an evidence bundle (no bagit.txt, bag-info.txt or manifest in it){hint}")
        verdict = verify_folder(path, tsa_certificates)
    else:
        verdict = verify_zip(path, tsa_certificates)
    expected = (expected_tagmanifest_sha256 or "").strip().lower()
    if expected and verdict.tagmanifest_sha256 and verdict.tagmanifest_sha256 != expected:
        verdict.problems.append(Problem("changed", layout.TAGMANIFEST,
                                        f"sha256 {verdict.tagmanifest_sha256}, expected {expected}"))
    return verdict
