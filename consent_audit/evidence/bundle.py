"""Make a run's evidence bundle: a BagIt bag (RFC 8493, made by the bagit library) and its zip.

reports/<run>/evidence-<run>/      bagit.txt, bag-info.txt (custody), manifest-sha256.txt, tagmanifest-sha256.txt,
                                   [timestamp/…] and data/ = a masked copy of the run folder + run.json + summary
reports/<run>/evidence-<run>.zip   the same bag in one file
The bag is built under a hidden temporary name and renamed when complete, so a bag that exists is whole."""
from __future__ import annotations

import gzip
import json
import logging
import os
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import bagit

from ..errors import UsageError
from ..masking import Masker
from ..run import Run
from . import custody as custody_facts
from . import layout
from .bagpath import bag_path
from .once import file_digest, link_duplicates, link_or_copy
from .summary_page import LANGUAGES, SummaryPage, render_pdf
from .timestamp import Stamp, TimestampError, load_certificates, request
from .verify import verify_folder

log = logging.getLogger(__name__)
logging.getLogger("bagit").setLevel(logging.WARNING)     # it logs every file it hashes at INFO

SKIP_TOP = {"allure-results", "allure-report"}      # raw Allure data: report.html holds it all, masked
SKIP_FILES = {"bundle.json"}                        # the bundle's own descriptor: written after it, never in it
TEXT_SUFFIXES = {".json", ".html", ".htm", ".xml", ".log", ".txt", ".yaml", ".yml", ".properties", ".csv", ".md"}
PACKED_TEXT = (".log.gz",)                           # Appium's log, compressed when its server stopped
STORED_SUFFIXES = {".png", ".jpg", ".jpeg", ".pdf", ".zip", ".tsr", ".gz"}


@dataclass(frozen=True)
class BundleOptions:
    operator: str
    language: str = "en"
    tsa_url: str | None = None
    tsa_certs: Path | None = None
    pdf: bool = True
    policy: Path | None = None
    zip: bool = True                      # also the bag in one file (--no-zip: the folder only)

    @classmethod
    def from_config(cls, config: Any, environ: dict[str, str] | None = None) -> "BundleOptions":
        """From the pytest options, falling back to CONSENT_AUDIT_* environment variables."""
        env = dict(os.environ if environ is None else environ)
        language = config.getoption("--summary-lang") or env.get("CONSENT_AUDIT_SUMMARY_LANG") or "en"
        if language not in LANGUAGES:
            raise UsageError(f"summary language must be one of {', '.join(LANGUAGES)}, not '{language}'")
        tsa_url = config.getoption("--tsa-url") or env.get("CONSENT_AUDIT_TSA_URL") or None
        if tsa_url and not tsa_url.startswith(("http://", "https://")):
            raise UsageError(f"--tsa-url must be an http(s) URL of an RFC 3161 authority, not '{tsa_url}'")
        certs = config.getoption("--tsa-cert") or env.get("CONSENT_AUDIT_TSA_CERT") or None
        if certs:
            load_certificates(Path(certs))      # one clear line now rather than at the end of the run
        policy = config.getoption("--policy")
        return cls(operator=custody_facts.operator_name(config.getoption("--operator"), env), language=language,
                   tsa_url=tsa_url, tsa_certs=Path(certs) if certs else None,
                   policy=Path(policy) if policy else None, zip=bool(config.getoption("zip", True)))


@dataclass
class Bundle:
    folder: Path
    zip: Path | None                      # None: made without a zip (--no-zip)
    tagmanifest_sha256: str
    files: int
    stamp: Stamp | None = None
    notes: list[str] = field(default_factory=list)

    def describe(self) -> list[str]:
        """What to print about the bundle after its path: the tag manifest digest, trusted time, notes."""
        lines = [f"tag manifest sha256 {self.tagmanifest_sha256}"]
        if self.stamp is not None:
            lines.append(f"trusted time {self.stamp.describe()}")
        return lines + [f"note: {note}" for note in self.notes]

    def to_dict(self, run_dir: Path) -> dict[str, Any]:
        data: dict[str, Any] = {"folder": str(self.folder.relative_to(run_dir)),
                                "zip": str(self.zip.relative_to(run_dir)) if self.zip is not None else None,
                                "tagmanifest_sha256": self.tagmanifest_sha256, "files": self.files}
        if self.stamp is not None:
            data["trusted_time"] = self.stamp.describe()
        if self.notes:
            data["notes"] = self.notes
        return data


def _holds_secret(data: bytes, masker: Masker) -> bool:
    return any(value.encode("utf-8") in data for value in masker.secrets)


def _stage(run_dir: Path, stage: Path, masker: Masker) -> list[str]:
    """Copy the run folder into the stage, secrets masked in text; returns files withheld for holding one."""
    withheld: list[str] = []
    for dirpath, dirnames, filenames in os.walk(run_dir):
        here = Path(dirpath)
        if here == run_dir:
            dirnames[:] = [d for d in dirnames if d not in SKIP_TOP and not d.startswith((".", "evidence-"))]
            filenames = [f for f in filenames if not f.startswith((".", "evidence-")) and f not in SKIP_FILES]
        dirnames.sort()
        for name in sorted(filenames):
            source = here / name
            if source.is_symlink() or not source.is_file() or name.endswith((".tmp", ".partial")):
                continue
            rel = source.relative_to(run_dir)
            target = stage / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            raw = source.read_bytes()
            if source.suffix.lower() in TEXT_SUFFIXES:
                text = raw.decode("utf-8", "surrogateescape")
                masked = masker.mask(text).encode("utf-8", "surrogateescape")
                if masked == raw:
                    link_or_copy(source, target)        # nothing to mask: the run's own file, not a copy
                else:
                    target.write_bytes(masked)
            elif name.endswith(PACKED_TEXT):                  # a compressed log: masked inside, like any text
                text = gzip.decompress(raw).decode("utf-8", "surrogateescape")
                masked = masker.mask(text).encode("utf-8", "surrogateescape")
                if masked == text.encode("utf-8", "surrogateescape"):
                    link_or_copy(source, target)
                else:
                    target.write_bytes(gzip.compress(masked, mtime=0))
            elif _holds_secret(raw, masker):
                withheld.append(str(rel))
            else:
                link_or_copy(source, target)
    return withheld


def _scrub(stage: Path, masker: Masker) -> list[str]:
    """Last line of defence: drop any staged file that still holds a secret value."""
    dropped = []
    for path in sorted(p for p in stage.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        if _holds_secret(gzip.decompress(raw) if path.name.endswith(PACKED_TEXT) else raw, masker):
            path.unlink()
            dropped.append(str(path.relative_to(stage)))
    return dropped


def _summary_page(stage: Path, facts: dict[str, Any], options: BundleOptions, zip_name: str,
                  masker: Masker) -> list[str]:
    from ..findings import patterns_of
    from ..rules import load_catalog

    summary = json.loads((stage / "summary.json").read_text(encoding="utf-8")) if (stage / "summary.json").is_file() else {}
    flows = {flow: patterns_of(flow) for flow in {r.get("flow", "") for r in summary.get("results", [])}}
    page = SummaryPage(stage, facts, options.language, zip_name, load_catalog(), flows).render()
    html_path = stage / layout.SUMMARY_HTML
    html_path.write_text(masker.mask(page), encoding="utf-8")
    if options.pdf:
        why = render_pdf(html_path, stage / layout.SUMMARY_PDF)
        if why:
            return [f"summary PDF not made: {why}"]
    return []


def _zip(folder: Path, out: Path) -> None:
    partial = out.with_name(f".{out.name}.partial")
    try:
        with zipfile.ZipFile(partial, "w", allowZip64=True) as archive:
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                method = zipfile.ZIP_STORED if path.suffix.lower() in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}", compress_type=method)
        os.replace(partial, out)
    except BaseException:      # safe: cleanup only, the same error raised
        partial.unlink(missing_ok=True)      # no half-written zip left to be mistaken for the bundle
        raise


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def make_bundle(run: Run, options: BundleOptions) -> Bundle:
    """Bag everything the run captured (masked), with custody fields, summary page and optional trusted time."""
    name = layout.bundle_name(run.run_id)
    final, zipped = run.dir / name, run.dir / f"{name}.zip"
    stage = run.dir / f".{name}.partial"
    for leftover in (stage, final, zipped):
        _remove(leftover)
    stage.mkdir()
    link_duplicates(run.dir / "tests", run.allure_results)    # identical captures, Allure's copies: stored once
    notes: list[str] = []
    try:
        masker = run.masker
        password = urlsplit(str((run.meta.get("appium") or {}).get("url") or "")).password
        if password and len(password) >= 3:      # a grid URL given as https://user:key@host
            masker.add(password)
        withheld = _stage(run.dir, stage, masker)
        facts: dict[str, Any] = masker.mask_data(custody_facts.collect(run, options.operator))  # type: ignore[assignment]
        try:
            notes += _summary_page(stage, facts, options, zipped.name if options.zip else name, masker)
        except Exception as exc:   # the bag is worth more than its summary page
            notes.append(f"summary page not made: {exc.__class__.__name__}: {exc}")
            log.warning("summary page failed: %s", exc, exc_info=True)
        withheld += _scrub(stage, masker)
        if withheld:
            notes.append(f"{len(withheld)} files withheld because they held a secret value: {', '.join(withheld)}")
        metadata = {"custody": facts, "meta": masker.mask_data(run.meta), "language": options.language,
                    "withheld": withheld, "notes": notes}
        (stage / layout.RUN_METADATA).write_text(json.dumps(metadata, ensure_ascii=False, indent=1), encoding="utf-8")

        info = {k: masker.mask_data(v) for k, v in custody_facts.bag_info(facts, options.language).items()}
        info["Bagging-Date"] = datetime.now(timezone.utc).strftime("%Y-%m-%d")
        if notes:
            info["Bundle-Note"] = list(notes)
        with bag_path(stage) as where:
            bagit.make_bag(where, bag_info=info, checksums=[layout.ALGORITHM])
            (stage / "bagit.txt").write_text(f"BagIt-Version: {layout.BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n",
                                             encoding="utf-8")
            bag = bagit.Bag(where)
            bag.info["Payload-Manifest-SHA256"] = file_digest(stage / layout.MANIFEST)
            certificates = load_certificates(options.tsa_certs) if options.tsa_certs else None
            if options.tsa_url:
                bag.info["Timestamp-Authority"] = options.tsa_url
                bag.info[layout.TOKEN_FIELD] = layout.TOKEN
                if options.tsa_certs:
                    (stage / layout.TSA_CERTS).parent.mkdir(exist_ok=True)
                    shutil.copyfile(options.tsa_certs, stage / layout.TSA_CERTS)
                    bag.info[layout.TSA_CERTS_FIELD] = layout.TSA_CERTS
            bag.save()
            stamp = None
            if options.tsa_url:
                try:
                    token, stamp = request(options.tsa_url, (stage / layout.TAGMANIFEST).read_bytes(), certificates)
                    (stage / layout.TOKEN).parent.mkdir(exist_ok=True)
                    (stage / layout.TOKEN).write_bytes(token)
                except TimestampError as exc:
                    notes.append(f"no trusted timestamp: {exc}")
                    del bag.info[layout.TOKEN_FIELD]
                    bag.info["Timestamp-Error"] = str(exc)
                    bag.save()
        verdict = verify_folder(stage, certificates if stamp is not None else None)
        if not verdict.ok:
            raise RuntimeError("the new bundle does not verify: " + "; ".join(p.line() for p in verdict.problems[:5]))
        os.replace(stage, final)
        if options.zip:
            _zip(final, zipped)
    except BaseException:      # safe: cleanup only (no half-made bundle left in the run folder), the same error raised
        _remove(stage)
        raise
    return Bundle(folder=final, zip=zipped if options.zip else None, tagmanifest_sha256=file_digest(final / layout.TAGMANIFEST),
                  files=verdict.files, stamp=stamp, notes=notes)


def zip_existing(run: Run) -> Bundle | None:
    """The run's bag as the run made it (--no-zip), zipped as it is — not made again, so the tag manifest digest
    the run printed stays the bundle's — and bundle.json updated; None when there is no bag to zip (none, or one
    that does not verify: `bundle_run` makes it anew) or its zip exists already."""
    name = layout.bundle_name(run.run_id)
    folder, zipped = run.dir / name, run.dir / f"{name}.zip"
    if zipped.exists() or not (folder / layout.TAGMANIFEST).is_file():
        return None
    verdict = verify_folder(folder)
    if not verdict.ok:
        return None
    _zip(folder, zipped)
    bundle = Bundle(folder=folder, zip=zipped, tagmanifest_sha256=file_digest(folder / layout.TAGMANIFEST),
                    files=verdict.files, stamp=verdict.stamp)
    run.write_json("bundle.json", bundle.to_dict(run.dir))
    return bundle


def bundle_run(run: Run, options: BundleOptions) -> Bundle:
    """Make the run's bundle (make_bundle) and record its descriptor in the run folder's bundle.json, which
    `consent-audit run` reads back (summary.json, inside the bag, cannot name the bag's own digest)."""
    bundle = make_bundle(run, options)
    run.write_json("bundle.json", bundle.to_dict(run.dir))
    return bundle
