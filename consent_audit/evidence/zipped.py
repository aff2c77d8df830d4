"""Verify a zipped bag in place: the payload is hashed as it streams out of the zip (nothing of it is
written anywhere), only the small tag files are unpacked, and what the zip may unpack to is capped.

A zip a reviewer's unzip tool would read differently from this check is refused with one line per entry:
two entries of one name (tools disagree on which one they extract), symbolic links, names outside the bag."""
from __future__ import annotations

import hashlib
import stat
import tempfile
import zipfile
import zlib
from collections import Counter
from pathlib import Path, PurePosixPath

from cryptography import x509

from ..errors import UsageError
from . import layout
from .verify import Payload, Problem, Verdict, verify_folder

MAX_UNZIPPED = 8 << 30       # bytes the payload may unpack to in all (a bundle is screenshots and text)
MAX_TAG_FILE = 16 << 20      # bytes one tag file (bagit.txt, manifests, bag-info, token) may unpack to
_BLOCK = 1 << 20


class _TooBig(Exception):
    """The zip unpacks to more than the cap."""


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


def _stream(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: list[int], sink=None) -> tuple[int, dict[str, str]]:
    """Read one member block by block: (bytes read, {sha256, sha512, md5: hex}); each block also goes to
    `sink`. Counts real bytes against budget[0] (the header's size is not trusted)."""
    digests = {name: hashlib.new(name) for name in ("sha256", "sha512", "md5", "sha1")}
    size = 0
    with archive.open(member) as source:
        for block in iter(lambda: source.read(_BLOCK), b""):
            size += len(block)
            budget[0] -= len(block)
            if budget[0] < 0:
                raise _TooBig()
            for digest in digests.values():
                digest.update(block)
            if sink is not None:
                sink(block)
    return size, {name: digest.hexdigest() for name, digest in digests.items()}


def _is_link(member: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(member.external_attr >> 16)


def verify_zip(path: Path, tsa_certificates: list[x509.Certificate] | None = None) -> Verdict:
    """Check a zipped bag without unpacking its payload.

    Raises UsageError (one line) when the file is no zip of a bag, would unpack to more than MAX_UNZIPPED,
    or there is no temporary space for its tag files."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        if path.suffix.lower() == ".zip":
            return Verdict(path=path, problems=[Problem("invalid", path.name, f"not a readable zip: {exc}")])
        raise UsageError(f"{path} is not an evidence bundle (neither a bag folder nor a zip)") from None
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        root = _bag_root_in_zip([m.filename for m in members])
        if root is None:
            raise UsageError(f"{path} holds no evidence bundle (no bag folder with bagit.txt inside)")
        if sum(m.file_size for m in members) > MAX_UNZIPPED:
            raise UsageError(f"{path} would unpack to more than {MAX_UNZIPPED >> 30} GiB; not a bundle this suite made")
        try:
            return _check(archive, members, root, path, tsa_certificates)
        except _TooBig:
            raise UsageError(f"{path} unpacks to more than its entries declare (over {MAX_UNZIPPED >> 30} GiB "
                             "in all or a tag file over 16 MiB): a zip bomb, not a bundle") from None
        except OSError as exc:
            raise UsageError(f"cannot check {path}: {exc.strerror or exc} (temporary folder "
                             f"{tempfile.gettempdir()})") from None


def _check(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], root: str, path: Path,
           tsa_certificates: list[x509.Certificate] | None) -> Verdict:
    problems: list[Problem] = []
    counts = Counter(m.filename for m in members)
    for name, count in sorted(counts.items()):
        if count > 1:
            problems.append(Problem("invalid", name.split("/", 1)[-1],
                                    f"{count} entries of this name in the zip; unzip tools differ on which one they extract"))
    damaged: set[str] = set()
    payload: Payload = {}
    budget = [MAX_UNZIPPED]
    with tempfile.TemporaryDirectory(prefix="consent-audit-verify-") as tmp:
        base = Path(tmp) / "bag"
        base.mkdir()
        for member in members:
            parts = PurePosixPath(member.filename).parts
            if member.filename.startswith("/") or ".." in parts or "\\" in member.filename or parts[0] != root:
                problems.append(Problem("added", member.filename, "outside the bag folder"))
                continue
            rel = "/".join(parts[1:])
            if _is_link(member):
                problems.append(Problem("invalid", rel, "a symbolic link in the zip, not a file of the bag"))
                continue
            if counts[member.filename] > 1:
                continue
            try:
                if rel.startswith("data/"):
                    payload[rel] = _stream(archive, member, budget)
                else:
                    target = base.joinpath(*parts[1:])
                    target.parent.mkdir(parents=True, exist_ok=True)
                    tag_budget = [MAX_TAG_FILE]
                    with target.open("wb") as out:
                        _stream(archive, member, tag_budget, out.write)
            except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
                damaged.add(rel)
                payload.pop(rel, None)
                base.joinpath(*parts[1:]).unlink(missing_ok=True)
                problems.append(Problem("changed", rel, f"damaged in the zip: {exc}"))
        verdict = verify_folder(base, tsa_certificates, payload=payload)
    duplicated = {p.path for p in problems}
    verdict.problems = problems + [p for p in verdict.problems if p.path not in damaged | duplicated]
    verdict.path = path
    return verdict
