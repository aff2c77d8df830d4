"""Verify an evidence bundle (a bag folder or its zip): name every changed, added or removed file.

bagit checks the manifests; on top of it this names each file (bagit stops at the first failing stage and
reports added or removed payload only as a Payload-Oxum count), catches tag files the tag manifest does not
list (bagit ignores them), requires the tag manifest itself, and checks the RFC 3161 token over it."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import bagit
from cryptography import x509

from ..errors import UsageError
from . import layout
from .bagpath import bag_path
from .once import file_digest
from .timestamp import DigestMismatch, Stamp, TimestampError, check, load_certificates

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


def _declared(info: dict, name: str) -> str | None:
    value = info.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value) if value else None


Payload = dict[str, tuple[int, dict[str, str]]]
"""Payload files read straight from a zip: data/… path → (size in bytes, {algorithm: hex digest})."""


def verify_folder(root: Path, tsa_certificates: list[x509.Certificate] | None = None,
                  tsa_certificates_source: str = "--tsa-cert", payload: Payload | None = None) -> Verdict:
    """Check an unpacked bag; every problem names the file, relative to the bag's top folder. With `payload`
    the folder holds the tag files only and the payload's digests come from there (a zip read in place)."""
    with bag_path(root) as where:
        verdict = _verify_folder(Path(where), tsa_certificates, tsa_certificates_source, payload)
    verdict.path = root
    return verdict


def _links(root: Path) -> list[Problem]:
    """Symbolic links anywhere in the bag: a bag holds files, and a link can lead a reader outside it."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            if path.is_symlink():
                found.append(Problem("invalid", path.relative_to(root).as_posix(),
                                     f"a symbolic link (to {os.readlink(path)}), not a file of the bag"))
    return found


def _tagmanifest_problems(root: Path, bag: bagit.Bag, token: str | None) -> tuple[list[Problem], set[str]]:
    """Changes that only an altered tag manifest explains, named as the tag manifest's; and the tag files
    whose mismatch they explain (not reported again under their own name)."""
    found: list[Problem] = []
    explained: set[str] = set()
    if not (root / layout.TAGMANIFEST).is_file():
        return found, explained
    listed = {rel for rel in bag.entries if not rel.startswith("data/")}
    for name in layout.REQUIRED:
        if name != layout.TAGMANIFEST and name not in listed and (root / name).is_file():
            found.append(Problem("changed", layout.TAGMANIFEST, f"does not list {name}"))
            explained.add(name)
    known = set(layout.REQUIRED) | {layout.TSA_CERTS, token or ""}
    for rel in sorted(listed - known):
        if not (root / rel).exists():
            found.append(Problem("changed", layout.TAGMANIFEST, f"lists {rel}, which is not in the bag"))
            explained.add(rel)
    manifest = root / layout.MANIFEST
    declared = _declared(bag.info, "Payload-Manifest-SHA256")
    listed_digest = bag.entries.get(layout.MANIFEST, {}).get("sha256", "").lower()
    if manifest.is_file() and declared and listed_digest:
        actual = file_digest(manifest, "sha256")
        if actual == declared.lower() and actual != listed_digest:
            found.append(Problem("changed", layout.TAGMANIFEST,
                                 f"its line for {layout.MANIFEST} is not that file's digest"))
            explained.add(layout.MANIFEST)
    return found, explained


def _verify_folder(root: Path, tsa_certificates: list[x509.Certificate] | None,
                   tsa_certificates_source: str, payload: Payload | None = None) -> Verdict:
    verdict = Verdict(path=root)
    problems = verdict.problems
    for name in layout.REQUIRED:
        if not (root / name).is_file():
            problems.append(Problem("removed", name))
    if not (root / "bagit.txt").is_file():
        return verdict
    problems += _links(root)
    try:
        bag = bagit.Bag(str(root))
    except bagit.BagError as exc:
        problems.append(Problem("invalid", "bagit.txt", str(exc)))
        return verdict
    tagmanifest = root / layout.TAGMANIFEST
    if tagmanifest.is_file():
        verdict.tagmanifest_sha256 = file_digest(tagmanifest, "sha256")
    token = _declared(bag.info, layout.TOKEN_FIELD)
    blamed, explained = _tagmanifest_problems(root, bag, token)
    problems += blamed

    if payload is None:
        only_in_manifest, only_on_disk = bag.compare_manifests_with_fs()
    else:
        in_manifest = set(bag.payload_entries())
        only_in_manifest, only_on_disk = sorted(in_manifest - set(payload)), sorted(set(payload) - in_manifest)
    removed = set(only_in_manifest)
    problems += [Problem("removed", p) for p in sorted(only_in_manifest) if p not in explained]
    problems += [Problem("added", p) for p in sorted(only_on_disk)]
    for dirpath, dirnames, filenames in (os.walk(root) if tagmanifest.is_file() else ()):
        relative_dir = Path(dirpath).relative_to(root)
        if relative_dir == Path("."):
            dirnames[:] = [d for d in dirnames if d != "data"]
        for name in filenames:
            rel = str(relative_dir / name) if relative_dir != Path(".") else name
            if rel == layout.TAGMANIFEST or rel == token or rel in bag.entries or rel in explained:
                continue
            detail = "not in the tag manifest" if not _TAGMANIFEST_NAME.match(rel) else "an extra tag manifest"
            problems.append(Problem("added", rel, detail))
    verdict.files = len(bag.payload_entries())
    for rel, hashes in sorted(bag.entries.items()):
        path = root / rel
        if rel in removed or rel in explained:
            continue
        if payload is not None and rel.startswith("data/"):
            digests = payload[rel][1]
        elif path.is_file() and not path.is_symlink():
            digests = {algorithm: file_digest(path, algorithm) for algorithm in hashes}
        else:
            continue
        for algorithm, expected in hashes.items():
            if digests.get(algorithm) != expected.lower():
                where = "manifest" if rel.startswith("data/") else "tag manifest"
                problems.append(Problem("changed", rel, f"{algorithm} differs from the {where}"))
                break
    if not problems and payload is None:
        try:
            bag.validate(processes=1)
        except bagit.BagError as exc:       # anything bagit finds that the checks above did not name
            problems.append(Problem("invalid", ".", str(exc)))
    elif not problems:
        oxum = _declared(bag.info, "Payload-Oxum")
        sizes = f"{sum(size for size, _ in payload.values())}.{len(payload)}"
        if oxum and oxum != sizes:
            problems.append(Problem("invalid", "bag-info.txt", f"Payload-Oxum {oxum}, the payload is {sizes}"))

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
        from .zipped import verify_zip
        verdict = verify_zip(path, tsa_certificates)
    expected = (expected_tagmanifest_sha256 or "").strip().lower()
    if expected and verdict.tagmanifest_sha256 and verdict.tagmanifest_sha256 != expected:
        verdict.problems.append(Problem("changed", layout.TAGMANIFEST,
                                        f"sha256 {verdict.tagmanifest_sha256}, expected {expected}"))
    return verdict
