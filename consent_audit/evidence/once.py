"""Each file stored once per run: identical captures in a run folder become hard links to one file, and the
evidence bag links the run's own files instead of copying them (consent_audit.evidence.bundle).

A hard link is the same bytes under a second name: the bag's manifest still lists every path with its own
SHA-256, `verify` and any BagIt validator read them as separate files, and nothing of the evidence is lost.
Where the file system cannot link (another device, a FAT stick, a link limit) the file is copied."""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

MIN_BYTES = 4096
"""Files smaller than this are left alone (linking saves nothing worth a hash)."""


def link_or_copy(source: Path, target: Path) -> None:
    """`target` as a hard link to `source`, or a copy (with its times) when linking is not possible."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def file_digest(path: Path, algorithm: str = "sha256") -> str:
    """The hex digest of a file's bytes, read in blocks (hashlib.file_digest): the one file hash of the evidence
    code (bag manifests, duplicate screenshots, the APK's SHA-256 in the custody record)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, algorithm).hexdigest()


def link_duplicates(*folders: Path, min_bytes: int = MIN_BYTES) -> int:
    """Replace every file under `folders` whose bytes equal an earlier one's (same size, same SHA-256) by a
    hard link to it; returns the bytes saved. Files are taken folder by folder in the order given (the first
    copy met is the one kept), so `link_duplicates(run / "tests", run / "allure-results")` turns Allure's
    copies of the screenshots and HAR files into links to the run's own. Symbolic links are skipped; a file
    already linked is hashed once; a file that cannot be linked stays as it is."""
    by_size: dict[int, list[Path]] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_symlink() or not path.is_file():
                continue
            size = path.stat().st_size
            if size >= min_bytes:
                by_size.setdefault(size, []).append(path)
    saved = 0
    digests: dict[tuple[int, int], str] = {}          # (device, inode) → SHA-256: linked names hashed once
    for size, paths in by_size.items():
        if len(paths) < 2:
            continue
        first: dict[str, Path] = {}
        for path in paths:
            stat = path.stat()
            inode = (stat.st_dev, stat.st_ino)
            key = digests.get(inode) or digests.setdefault(inode, file_digest(path))
            original = first.setdefault(key, path)
            if original is path or os.path.samefile(original, path):
                continue
            spare = path.with_name(f".{path.name}.link")
            try:
                os.link(original, spare)
                os.replace(spare, path)
                saved += size
            except OSError:
                spare.unlink(missing_ok=True)
    return saved
