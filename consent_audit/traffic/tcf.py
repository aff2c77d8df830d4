"""Decode an IAB TCF v2 TC string (the `euconsent-v2` cookie, `__tcfapi` getTCData's tcString, a `gdpr_consent=`
URL parameter) into the consent it records.

Decoding is done by the PyPI package iab-tcf (pinned in pyproject.toml), which reads the core segment as the
IAB "Transparency and Consent String with Global Vendor List Format" v2 defines it (version 6 bits, created
and last updated 36 bits each in deciseconds, CMP id 12, CMP version 12, consent screen 6, consent language 12,
vendor list version 12, policy version 6, service specific 1, non-standard texts 1, special feature opt-ins 12,
purposes consent 24, purposes legitimate interest 24, purpose one treatment 1, publisher CC 12, then the
vendor consent and vendor legitimate-interest sections as bit fields or ranges, then publisher restrictions).

This module adds what the library does not check: the string's alphabet (base64url, segments joined by '.'),
its version (2 only; v1.1 "BO..." strings are retired since 2020-08-15), and that the core segment is long
enough for every field the library read (the library reads past the end as ones and zeros without error).

Shape: `TcfConsent` - every id set is 1-based as in the spec (purpose 1 = "Store and/or access information on
a device"; special feature 1 = precise geolocation, 2 = device scanning). Errors: ValueError with one line
saying what is wrong with the string.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ALPHABET = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*")
SUPPORTED_VERSION = 2


@dataclass(frozen=True)
class TcfConsent:
    """The consent a TC string records: cmp_id (IAB CMP list id); purposes_consent / purposes_li: purpose ids
    with consent / with legitimate interest established (transparency given); vendors_consent / vendors_li:
    Global Vendor List ids; special_features: special feature ids opted in; vendor_list_version and
    policy_version: the GVL and TCF policy versions the string was made under; publisher_cc: the publisher's
    country code (two letters)."""
    cmp_id: int
    purposes_consent: frozenset[int]
    purposes_li: frozenset[int]
    vendors_consent: frozenset[int]
    vendors_li: frozenset[int]
    special_features: frozenset[int]
    vendor_list_version: int = 0
    policy_version: int = 0
    publisher_cc: str = ""


def _ids(bits: dict[int, bool]) -> frozenset[int]:
    return frozenset(number for number, on in bits.items() if on)


def _vendor_ids(ranged: bool, ranges: list[tuple[int, int]] | None, bits: dict[int, bool] | None,
                max_id: int) -> frozenset[int]:
    if not ranged:
        return _ids(bits or {})
    ids: set[int] = set()
    for start, end in ranges or []:
        if start < 1 or end < start or end > max_id:
            raise ValueError(f"vendor range {start}-{end} lies outside 1-{max_id} (MaxVendorId)")
        ids.update(range(start, end + 1))
    return frozenset(ids)


def _short(text: str) -> str:
    return text if len(text) <= 24 else text[:20] + "..."


def decode(tc_string: str) -> TcfConsent:
    """The consent in a TCF v2 TC string (core segment; non-core segments are checked for their alphabet only).
    Raises ValueError (one line) for an empty string, a character outside base64url, a version other than 2, a
    core segment too short for its fields or inconsistent vendor ranges."""
    if not isinstance(tc_string, str) or not tc_string.strip():
        raise ValueError("empty TC string; give the euconsent-v2 value or the CMP's tcString")
    text = tc_string.strip()
    if not ALPHABET.fullmatch(text):
        raise ValueError(f"not a TC string ({_short(text)!r}): only base64url characters and '.' between segments")
    from iab_tcf import base64_decode, version
    from iab_tcf.iab_tcf_v2 import ConsentV2
    core = text.split(".")[0]
    try:
        raw = base64_decode(core)
    except ValueError:
        raise ValueError(f"not a TC string ({_short(text)!r}): its core segment is not base64url") from None
    found = version(raw) if raw else 0
    if found != SUPPORTED_VERSION:
        raise ValueError(f"TC string ({_short(text)!r}) has version {found}; only TCF v2 strings can be decoded")
    try:
        consent = ConsentV2(raw)
    except Exception as exc:  # the library raises whatever its bit reader meets (IndexError, ValueError...)
        raise ValueError(f"TC string ({_short(text)!r}) cannot be decoded: {type(exc).__name__}") from None
    read, available = consent._reader._pointer, len(consent._reader._consent)   # pinned iab-tcf 0.2.2
    if read > available:
        raise ValueError(f"TC string ({_short(text)!r}) is truncated: its core segment has {available} bits, "
                         f"its fields need {read}")
    vendors_consent = _vendor_ids(consent.is_consent_range_encoding, getattr(consent, "consented_vendors_range",
                                  None), getattr(consent, "consented_vendors", None), consent.max_consent_vendor_id)
    vendors_li = _vendor_ids(consent.is_interests_range_encoding, getattr(consent, "interests_vendors_range", None),
                             getattr(consent, "interests_vendors", None), consent.max_interests_vendor_id)
    return TcfConsent(
        cmp_id=consent.cmp_id,
        purposes_consent=_ids(consent.purposes_consent),
        purposes_li=_ids(consent.purposes_legitimate_interests),
        vendors_consent=vendors_consent,
        vendors_li=vendors_li,
        special_features=_ids(consent.special_features_optin),
        vendor_list_version=consent.vendor_list_version,
        policy_version=consent.tcf_policy_version,
        publisher_cc=consent.publisher_cc.decode("ascii", "replace"),
    )
