"""Decode an IAB TCF v2 TC string (the `euconsent-v2` cookie, `__tcfapi` getTCData's tcString, a `gdpr_consent=`
URL parameter) into the consent it records.

The core segment is read as IAB Tech Lab's "Transparency and Consent String with Global Vendor List Format"
(TCF v2.0-v2.2) defines it, in bits, big-endian, base64url without padding: Version 6, Created 36,
LastUpdated 36 (deciseconds), CmpId 12, CmpVersion 12, ConsentScreen 6, ConsentLanguage 12 (two 6-bit letters,
A=0), VendorListVersion 12, TcfPolicyVersion 6, IsServiceSpecific 1, UseNonStandardTexts 1,
SpecialFeatureOptIns 12, PurposesConsent 24, PurposesLITransparency 24, PurposeOneTreatment 1, PublisherCC 12,
then the vendor consent section and the vendor legitimate-interest section, each MaxVendorId 16,
IsRangeEncoding 1, then a bit field of MaxVendorId bits or NumEntries 12 and entries (IsARange 1,
StartOrOnlyVendorId 16, [EndVendorId 16]), then NumPubRestrictions 12 (restrictions are not decoded here).
Segments after the core one (disclosed vendors, publisher TC) are only checked for their alphabet.

Why not a library: the PyPI decoders (iab-tcf 0.2.2, iab-tcf-bitarray 0.2.3) install a top-level `tests`
package into site-packages, which shadows this project's own `tests` package; and iab-tcf reads past the end of a
short string as if it held more bits. So the ~60 lines of reading are here, with every length checked.

Shape: `TcfConsent` - every id set is 1-based as in the spec (purpose 1 = "Store and/or access information on
a device"; special feature 1 = precise geolocation, 2 = device scanning). Errors: ValueError with one line
saying what is wrong with the string.
"""
from __future__ import annotations

import base64
import binascii
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


class _Bits:
    """Reads big-endian bit fields; ValueError when a field runs past the end of the segment."""

    def __init__(self, data: bytes, label: str) -> None:
        self.value = int.from_bytes(data, "big") if data else 0
        self.size = len(data) * 8
        self.at = 0
        self.label = label

    def int(self, width: int, field: str) -> int:
        if self.at + width > self.size:
            raise ValueError(f"TC string ({self.label}) is truncated: {field} needs bits {self.at}-"
                             f"{self.at + width - 1}, its core segment has {self.size}")
        self.at += width
        return (self.value >> (self.size - self.at)) & ((1 << width) - 1)

    def ids(self, width: int, field: str) -> frozenset[int]:
        bits = self.int(width, field)
        return frozenset(i + 1 for i in range(width) if bits >> (width - 1 - i) & 1)

    def letters(self, count: int, field: str) -> str:
        return "".join(chr(ord("A") + self.int(6, field)) for _ in range(count))

    def vendors(self, field: str) -> frozenset[int]:
        max_id = self.int(16, f"{field} MaxVendorId")
        if not self.int(1, f"{field} IsRangeEncoding"):
            return self.ids(max_id, f"{field} bit field")
        found: set[int] = set()
        for _ in range(self.int(12, f"{field} NumEntries")):
            ranged = self.int(1, f"{field} IsARange")
            start = self.int(16, f"{field} StartOrOnlyVendorId")
            end = self.int(16, f"{field} EndVendorId") if ranged else start
            if start < 1 or end < start or end > max_id:
                raise ValueError(f"TC string ({self.label}): {field} range {start}-{end} lies outside "
                                 f"1-{max_id} (MaxVendorId)")
            found.update(range(start, end + 1))
        return frozenset(found)


def _short(text: str) -> str:
    return repr(text if len(text) <= 24 else text[:20] + "...")


def decode(tc_string: str) -> TcfConsent:
    """The consent in a TCF v2 TC string. Raises ValueError (one line) for an empty string, a character outside
    base64url, a version other than 2, a core segment too short for its fields, or a vendor range outside
    1-MaxVendorId."""
    if not isinstance(tc_string, str) or not tc_string.strip():
        raise ValueError("empty TC string; give the euconsent-v2 value or the CMP's tcString")
    text = tc_string.strip()
    label = _short(text)
    if not ALPHABET.fullmatch(text):
        raise ValueError(f"not a TC string ({label}): only base64url characters and '.' between segments")
    core = text.split(".")[0]
    try:
        raw = base64.urlsafe_b64decode(core + "=" * (-len(core) % 4))
    except (binascii.Error, ValueError):
        raise ValueError(f"not a TC string ({label}): its core segment is not base64url") from None
    bits = _Bits(raw, label)
    version = bits.int(6, "Version") if raw else 0
    if version != SUPPORTED_VERSION:
        raise ValueError(f"TC string ({label}) has version {version}; only TCF v2 strings can be decoded")
    bits.int(36, "Created")
    bits.int(36, "LastUpdated")
    cmp_id = bits.int(12, "CmpId")
    bits.int(12, "CmpVersion")
    bits.int(6, "ConsentScreen")
    bits.letters(2, "ConsentLanguage")
    vendor_list_version = bits.int(12, "VendorListVersion")
    policy_version = bits.int(6, "TcfPolicyVersion")
    bits.int(1, "IsServiceSpecific")
    bits.int(1, "UseNonStandardTexts")
    special = bits.ids(12, "SpecialFeatureOptIns")
    purposes = bits.ids(24, "PurposesConsent")
    purposes_li = bits.ids(24, "PurposesLITransparency")
    bits.int(1, "PurposeOneTreatment")
    publisher_cc = bits.letters(2, "PublisherCC")
    vendors = bits.vendors("vendor consent")
    vendors_li = bits.vendors("vendor legitimate interest")
    bits.int(12, "NumPubRestrictions")
    return TcfConsent(cmp_id=cmp_id, purposes_consent=purposes, purposes_li=purposes_li, vendors_consent=vendors,
                      vendors_li=vendors_li, special_features=special, vendor_list_version=vendor_list_version,
                      policy_version=policy_version, publisher_cc=publisher_cc)
