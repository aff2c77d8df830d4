"""TCF v2 TC strings built here bit by bit from the IAB spec's core-segment layout, and by IAB Tech Lab's own
encoder (@iabtcf/core through node), decoded by consent_audit.traffic.tcf."""
from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from consent_audit.traffic.tcf import TcfConsent, decode

DEFINED_PURPOSES = range(1, 12)        # TCF v2.2: purposes 1-11
SPECIAL_FEATURES = (1, 2)              # precise geolocation, device scanning


class Bits:
    """A big-endian bit writer for the TC string fields (IAB TCF v2 "TC String Format", core segment)."""

    def __init__(self) -> None:
        self.bits: list[int] = []

    def int(self, value: int, width: int) -> "Bits":
        assert 0 <= value < 1 << width
        self.bits += [(value >> (width - 1 - i)) & 1 for i in range(width)]
        return self

    def field(self, ids: set[int], width: int) -> "Bits":
        self.bits += [1 if i + 1 in ids else 0 for i in range(width)]
        return self

    def letters(self, text: str) -> "Bits":
        for char in text:
            self.int(ord(char) - ord("A"), 6)
        return self

    def vendors(self, ids: set[int], ranged: bool) -> "Bits":
        max_id = max(ids, default=0)
        self.int(max_id, 16).int(1 if ranged else 0, 1)
        if not ranged:
            return self.field(ids, max_id)
        runs: list[tuple[int, int]] = []
        for vendor in sorted(ids):
            if runs and runs[-1][1] == vendor - 1:
                runs[-1] = (runs[-1][0], vendor)
            else:
                runs.append((vendor, vendor))
        self.int(len(runs), 12)
        for start, end in runs:
            self.int(1 if end > start else 0, 1).int(start, 16)
            if end > start:
                self.int(end, 16)
        return self

    def encode(self) -> str:
        padded = self.bits + [0] * (-len(self.bits) % 8)
        data = bytes(int("".join(map(str, padded[i:i + 8])), 2) for i in range(0, len(padded), 8))
        return base64.urlsafe_b64encode(data).decode().rstrip("=")


def tc_string(*, cmp_id: int = 300, purposes: set[int] = set(), li: set[int] = set(), vendors: set[int] = set(),
              vendors_li: set[int] = set(), special: set[int] = set(), ranged: bool = False,
              version: int = 2) -> str:
    when = 17_330_000_000                                   # deciseconds since 1970 (2024-12-01)
    bits = (Bits().int(version, 6).int(when, 36).int(when, 36).int(cmp_id, 12).int(7, 12).int(1, 6)
            .letters("EN").int(80, 12).int(5, 6).int(1, 1).int(0, 1).field(special, 12).field(purposes, 24)
            .field(li, 24).int(0, 1).letters("DE").vendors(vendors, ranged).vendors(vendors_li, ranged)
            .int(0, 12))
    return bits.encode()


@pytest.mark.parametrize("ranged", [False, True])
def test_all_purposes_granted(ranged: bool) -> None:
    vendors = set(range(1, 1201))
    consent = decode(tc_string(purposes=set(DEFINED_PURPOSES), li=set(range(2, 12)), vendors=vendors,
                               vendors_li=vendors - {3}, special=set(SPECIAL_FEATURES), ranged=ranged))
    assert consent == TcfConsent(cmp_id=300, purposes_consent=frozenset(DEFINED_PURPOSES),
                                 purposes_li=frozenset(range(2, 12)), vendors_consent=frozenset(vendors),
                                 vendors_li=frozenset(vendors - {3}), special_features=frozenset(SPECIAL_FEATURES),
                                 vendor_list_version=80, policy_version=5, publisher_cc="DE")


@pytest.mark.parametrize("ranged", [False, True])
def test_none_granted(ranged: bool) -> None:
    consent = decode(tc_string(cmp_id=10, ranged=ranged))
    assert (consent.cmp_id, consent.purposes_consent, consent.purposes_li, consent.vendors_consent,
            consent.vendors_li, consent.special_features) == (10, frozenset(), frozenset(), frozenset(),
                                                              frozenset(), frozenset())


def test_partial_grant_and_sparse_vendor_ranges() -> None:
    consent = decode(tc_string(purposes={1}, li={7, 9}, vendors={2, 5, 6, 7, 755}, ranged=True) + ".YAAAAAAAAAA")
    assert consent.purposes_consent == {1} and consent.purposes_li == {7, 9}
    assert consent.vendors_consent == {2, 5, 6, 7, 755} and consent.vendors_li == frozenset()


@pytest.mark.parametrize("garbage, message", [
    ("", "empty"),
    ("   ", "empty"),
    ("not a tc string!", "base64url"),
    ("CPx$abc", "base64url"),
    (tc_string(version=1), "version 1"),                      # TCF v1.1 strings start with version 1 ("BO...")
    ("AAAA", "version 0"),
    ("A", "not base64url"),
])
def test_garbage_is_one_clear_line(garbage: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        decode(garbage)
    assert "\n" not in str(caught.value)


def test_truncated_string_is_refused() -> None:
    whole = tc_string(purposes=set(DEFINED_PURPOSES), vendors=set(range(1, 400)))
    assert decode(whole).vendors_consent == frozenset(range(1, 400))
    with pytest.raises(ValueError, match="truncated"):
        decode(whole[:40])


def test_range_beyond_max_vendor_id_is_refused() -> None:
    bits = Bits().int(2, 6).int(1, 36).int(1, 36).int(5, 12).int(1, 12).int(0, 6).letters("EN").int(1, 12)
    bits.int(4, 6).int(0, 1).int(0, 1).field(set(), 12).field({1}, 24).field(set(), 24).int(0, 1).letters("FR")
    bits.int(10, 16).int(1, 1).int(1, 12).int(1, 1).int(5, 16).int(90, 16)     # range 5-90 with MaxVendorId 10
    bits.int(0, 16).int(0, 1).int(0, 12)
    with pytest.raises(ValueError, match="outside 1-10"):
        decode(bits.encode())


# --- strings made by IAB Tech Lab's own encoder (@iabtcf/core, npm devDependency) ------------------------------

ENCODER = Path(__file__).parent / "data" / "tcf_encode.cjs"
GVL_VENDORS = {"1": {"purposes": [1, 2], "legIntPurposes": []}, "2": {"purposes": [1], "legIntPurposes": [2]},
               "755": {"purposes": [1, 3], "legIntPurposes": [7]}, "1200": {"purposes": [4], "legIntPurposes": []}}


def official(**spec: object) -> str:
    """A TC string from @iabtcf/core's TCString.encode over a vendor list made up for the test."""
    node = shutil.which("node")
    assert node is not None, "node is needed (make setup installs it with the Node tools)"
    fields = {"cmpId": 300, "cmpVersion": 2, "publisherCC": "DE", "purposes": [], "purposesLI": [],
              "specialFeatures": [], "vendors": [], "vendorsLI": [], "gvlVendors": GVL_VENDORS, **spec}
    done = subprocess.run([node, str(ENCODER)], input=json.dumps(fields), capture_output=True, text=True,
                          timeout=60, cwd=ENCODER.parent)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_official_all_granted() -> None:
    consent = decode(official(purposes=list(DEFINED_PURPOSES), purposesLI=[2, 7, 9], specialFeatures=[1, 2],
                              vendors=[1, 2, 755, 1200], vendorsLI=[2, 755]))
    assert consent == TcfConsent(cmp_id=300, purposes_consent=frozenset(DEFINED_PURPOSES),
                                 purposes_li=frozenset({2, 7, 9}), vendors_consent=frozenset({1, 2, 755, 1200}),
                                 vendors_li=frozenset({2, 755}), special_features=frozenset({1, 2}),
                                 vendor_list_version=80, policy_version=4, publisher_cc="DE")


def test_official_none_granted() -> None:
    consent = decode(official(cmpId=7))
    assert (consent.cmp_id, consent.purposes_consent, consent.purposes_li, consent.vendors_consent,
            consent.vendors_li, consent.special_features) == (7, frozenset(), frozenset(), frozenset(),
                                                              frozenset(), frozenset())


def test_official_drops_legitimate_interest_for_purpose_one() -> None:
    """The encoder never sets LI for purpose 1 (policy: storage needs consent); the decoder reads what is there."""
    assert decode(official(purposesLI=[1, 2])).purposes_li == {2}
