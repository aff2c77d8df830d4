"""Trusted time: an RFC 3161 timestamp of a message (the bag's tag manifest), requested and checked with
rfc3161-client; the HTTP exchange is RFC 3161 §3.4 (application/timestamp-query → timestamp-reply)."""
from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from rfc3161_client import (HashAlgorithm, TimestampRequestBuilder, VerificationError, Verifier, VerifierBuilder,
                            decode_timestamp_response)
from rfc3161_client.tsp import PKIStatus, TimeStampResponse

from ..errors import UsageError

_DIGESTS = {"2.16.840.1.101.3.4.2.1": "sha256", "2.16.840.1.101.3.4.2.2": "sha384",
            "2.16.840.1.101.3.4.2.3": "sha512"}


class TimestampError(Exception):
    """The authority did not answer with a usable token, or a token does not hold."""


class DigestMismatch(TimestampError):
    """The token is for other content than the file it should cover."""


@dataclass(frozen=True)
class Stamp:
    """What a checked token says."""

    time: datetime
    authority: str
    serial: int
    signature_checked: bool

    def describe(self) -> str:
        when = self.time.strftime("%Y-%m-%dT%H:%M:%SZ")
        return f"{when} by {self.authority} (serial {self.serial})"


def load_certificates(path: Path) -> list[x509.Certificate]:
    """Certificates from a PEM file (the authority's root, and intermediates if any)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"TSA certificate file {path} cannot be read ({exc.strerror or exc})") from None
    try:
        certs = x509.load_pem_x509_certificates(data)
    except ValueError:
        certs = []
    if not certs:
        raise UsageError(f"{path} holds no PEM certificate (expected the timestamp authority's root)")
    return certs


def _authority(response: TimeStampResponse) -> str:
    try:
        name = response.tst_info.name
        value = getattr(name, "value", name)
        return value.rfc4514_string() if hasattr(value, "rfc4514_string") else str(value)
    except Exception:   # the name is optional in a token
        return "unnamed authority"


def _verifier(certificates: list[x509.Certificate], builder: VerifierBuilder | None = None) -> Verifier:
    builder = builder or VerifierBuilder()
    roots = [c for c in certificates if c.issuer == c.subject] or certificates
    for cert in certificates:
        builder = builder.add_root_certificate(cert) if cert in roots else builder.add_intermediate_certificate(cert)
    return builder.build()


def check(token: bytes, message: bytes, certificates: list[x509.Certificate] | None = None) -> Stamp:
    """Check a stored token against the message it should cover; with certificates, also its signature.

    Raises TimestampError naming what does not hold."""
    try:
        response = decode_timestamp_response(token)
    except Exception as exc:
        raise TimestampError(f"not an RFC 3161 timestamp response ({exc})") from None
    if response.status not in (PKIStatus.GRANTED, PKIStatus.GRANTED_WITH_MODS):
        raise TimestampError(f"the authority refused the request (status {response.status})")
    imprint = response.tst_info.message_imprint
    algorithm = _DIGESTS.get(imprint.hash_algorithm.dotted_string)
    if algorithm is None:
        raise TimestampError(f"unsupported digest {imprint.hash_algorithm.dotted_string}")
    if hashlib.new(algorithm, message).digest() != imprint.message:
        raise DigestMismatch("the timestamped digest differs from the file's")
    if certificates:
        try:
            _verifier(certificates).verify_message(response, message)
        except VerificationError as exc:
            raise TimestampError(f"signature does not verify: {exc}") from None
    return Stamp(time=response.tst_info.gen_time, authority=_authority(response),
                 serial=response.tst_info.serial_number, signature_checked=bool(certificates))


def request(url: str, message: bytes, certificates: list[x509.Certificate] | None = None,
            timeout: float = 30.0) -> tuple[bytes, Stamp]:
    """Ask the authority at url to timestamp SHA-256(message); returns the DER response and what it says."""
    if not url.startswith(("http://", "https://")):
        raise TimestampError(f"timestamp authority URL must be http(s): {url}")
    query = TimestampRequestBuilder().data(message).hash_algorithm(HashAlgorithm.SHA256).build()
    http = urllib.request.Request(url, data=query.as_bytes(), method="POST",
                                  headers={"Content-Type": "application/timestamp-query",
                                           "Accept": "application/timestamp-reply"})
    try:
        with urllib.request.urlopen(http, timeout=timeout) as answer:
            body = answer.read(1 << 20)
    except (urllib.error.URLError, OSError) as exc:
        raise TimestampError(f"{url} did not answer ({getattr(exc, 'reason', exc)})") from None
    stamp = check(body, message)
    response = decode_timestamp_response(body)
    if query.nonce is not None and response.tst_info.nonce != query.nonce:
        raise TimestampError("the authority's answer carries another nonce than the request")
    if certificates:
        try:
            _verifier(certificates, VerifierBuilder.from_request(query)).verify_message(response, message)
        except VerificationError as exc:
            raise TimestampError(f"the authority's signature does not verify: {exc}") from None
        stamp = Stamp(stamp.time, stamp.authority, stamp.serial, True)
    return body, stamp
