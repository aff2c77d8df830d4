"""Honey data: the values the suite planted (test account e-mail, phone, name, ID number, the location it set,
device identifiers) searched for in every captured request.

Shapes
- `Planted(name, kind, value)`: kind is one of KINDS; a location's value is "lat,lon" in decimal degrees
  (WGS 84), a phone's value is any form `phonenumbers` parses with its country code ("+49 151 1234 5678").
- `find_planted(entry, planted)`: `entry` is one HAR 1.2 entry dict; searched are `request.url`,
  `request.headers` [{name, value}], `request.cookies` [{name, value}] (and the `Cookie` header, parsed into
  cookies), and the body: a capture's raw `_requestBody` bytes when the entry has them (search the raw entry
  before the HAR writer bounds it: binary bodies such as protobuf are then searched too), else
  `request.postData.text` and `request.postData.params` [{name, value}]. Returns one `HoneyMatch` per
  (planted value, encoding, place), in the order places and planted values were given.
- `unsearched(entry)`: the parts that could not be searched (a body cut or kept by reference, a client that
  refused the proxy's certificate), so a finding says "unmeasured" for them rather than "nothing sent".

Encodings looked for
- plain: the value as planted or normalised (below), case-insensitive for e-mail, names and identifiers;
  a phone's digits also with the separators people type (space, dot, dash, brackets) between them.
- url: found only after percent-decoding the place (once or twice; '+' as space).
- base64: the value's standard or URL-safe base64 at any of the three byte alignments, so it is found
  inside a larger encoded blob (e.g. base64 of a JSON object), also when the blob was percent-encoded.
- md5 / sha1 / sha256: hex digest (either case) of each normalised form of the value.

Normalisation (the forms that are hashed and searched), with their sources
- e-mail: trimmed and lowercased - Google Ads enhanced conversions / Customer Match ("remove leading and
  trailing whitespace, convert to lowercase") and Meta Conversions API customer information parameters
  ("trim any leading and trailing spaces, convert all characters to lowercase"); plus Google's extra form
  for gmail.com/googlemail.com addresses: dots removed before the '@'.
- phone: E.164 ("+4915112345678", Google's and TikTok's normalised form), the same digits without '+'
  (Meta Conversions API: "digits only ... must include the country code"), the national significant number
  ("15112345678") and the national dialling form ("015112345678"); parsed by `phonenumbers` (libphonenumber);
  searched plain also with the international call prefix "00" ("004915112345678").
  A phone's digits must stand alone: a digit right before or after is a different number (a near-miss).
- name, id_number, device_id, text: trimmed; hashed as given and lowercased (Meta hashes lowercased names).
- location: see `location_in`: a match needs both latitude and longitude in the same place, each with at
  least MIN_DECIMALS decimals and equal to the planted coordinate rounded or truncated to the decimals sent.
  Two decimals are a cell of about 1.1 km of latitude (under 1 km2 at European latitudes), finer than Android's
  approximate location (ACCESS_COARSE_LOCATION: "accurate to within about 3 square kilometers",
  developer.android.com "Request location permissions"): a match shows the location the suite set left the
  device at better than city precision (a coarse estimate can still fall in the same cell by chance; the
  HAR keeps the numbers sent). One coordinate alone never matches.

Errors: ValueError (one line) for a Planted of an unknown kind, a value shorter than MIN_LENGTH, an
unparseable phone or a location that is not "lat,lon" in range.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache
from urllib.parse import unquote_plus

from .request_places import places, unsearched

__all__ = ["Planted", "HoneyMatch", "find_planted", "unsearched", "normalised_forms", "base64_fragments",
           "location_in", "KINDS", "ENCODINGS"]

KINDS = ("email", "phone", "name", "id_number", "location", "device_id", "text")
ENCODINGS = ("plain", "url", "base64", "md5", "sha1", "sha256")
HASHES = ("md5", "sha1", "sha256")
MIN_DECIMALS = 2
"""Fewest decimals of a coordinate that counts as the planted location (2 decimals: about 1.1 km)."""
MIN_LENGTH = 6
"""Fewest characters of a planted value (a location excepted): shorter ones ("Li", "Roe") occur in unrelated
text and their base64 fragments in any large blob, so a match would prove nothing."""
GMAIL_DOMAINS = ("gmail.com", "googlemail.com")
PHONE_SEPARATORS = r"[\s.\-()]{0,2}"


@dataclass(frozen=True)
class Planted:
    """One value the suite planted. kind: one of KINDS; value: as planted (location: "lat,lon")."""
    name: str
    kind: str
    value: str


@dataclass(frozen=True)
class HoneyMatch:
    """Where a planted value was found: encoding one of ENCODINGS; where 'url' | 'header:<name>' (lowercase) |
    'cookie:<name>' | 'body'."""
    planted: str
    kind: str
    encoding: str
    where: str


@dataclass(frozen=True)
class _Needles:
    """What to look for one planted value: plain forms (lowercase), regexes for phones, base64 fragments,
    hex digests by algorithm (lowercase)."""
    plain: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    base64: tuple[str, ...]
    digests: tuple[tuple[str, str], ...]


def normalised_forms(item: Planted) -> tuple[str, ...]:
    """The forms of a planted value that are searched plain and hashed (see the module docstring);
    raises ValueError for an unknown kind or an unparseable phone."""
    value = item.value.strip()
    if item.kind not in KINDS:
        raise ValueError(f"planted value {item.name!r} has kind {item.kind!r}; use one of {', '.join(KINDS)}")
    if not value:
        raise ValueError(f"planted value {item.name!r} is empty; give the value the suite planted")
    if len(value) < MIN_LENGTH and item.kind != "location":
        raise ValueError(f"planted value {item.name!r} has {len(value)} characters, too few to tell apart from "
                         f"other text; plant a distinctive value of at least {MIN_LENGTH}")
    if item.kind == "email":
        email = value.lower()
        forms = [email]
        local, _, domain = email.partition("@")
        if domain in GMAIL_DOMAINS and "." in local:
            forms.append(local.replace(".", "") + "@" + domain)
        return tuple(forms)
    if item.kind == "phone":
        return _phone_forms(item.name, value)
    if item.kind == "location":
        lat, lon = parse_location(item)
        return (f"{lat},{lon}",)
    return tuple(dict.fromkeys([value, value.lower()]))


def _phone_forms(name: str, value: str) -> tuple[str, ...]:
    import phonenumbers
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        raise ValueError(f"planted phone {name!r} ({value!r}) has no country code; give it as +<country><number>"
                         ) from None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    national = re.sub(r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
    significant = phonenumbers.national_significant_number(number)
    return tuple(dict.fromkeys([e164, e164[1:], national, significant]))


def parse_location(item: Planted) -> tuple[str, str]:
    """The planted "lat,lon" as two decimal strings; ValueError when it is not two numbers in range."""
    parts = [part.strip() for part in item.value.split(",")]
    try:
        lat, lon = (float(part) for part in parts)
    except ValueError:
        raise ValueError(f"planted location {item.name!r} is {item.value!r}; give it as \"lat,lon\" in decimal "
                         "degrees, e.g. \"52.520008,13.404954\"") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"planted location {item.name!r} ({item.value}) is out of range; latitude -90..90, "
                         "longitude -180..180")
    if min(len(part.partition(".")[2]) for part in parts) < MIN_DECIMALS:
        raise ValueError(f"planted location {item.name!r} ({item.value}) has fewer than {MIN_DECIMALS} decimals; "
                         "plant a precise location, e.g. \"52.520008,13.404954\"")
    return parts[0], parts[1]


def base64_fragments(data: bytes) -> tuple[str, ...]:
    """The base64 characters that encode `data` at each of the three byte alignments inside a larger blob,
    without the edge characters that depend on neighbouring bytes; standard and URL-safe alphabets."""
    fragments: list[str] = []
    for shift, first in ((0, 0), (1, 2), (2, 3)):
        length = shift + len(data)
        encoded = base64.b64encode(b"\0" * shift + data).decode("ascii")
        fragment = encoded[first:4 * (length // 3) + length % 3]
        fragments += [fragment, fragment.replace("+", "-").replace("/", "_")]
    return tuple(dict.fromkeys(fragment for fragment in fragments if len(fragment) >= 4))


@lru_cache(maxsize=256)
def _needles(item: Planted) -> _Needles:
    forms = normalised_forms(item)
    if item.kind == "location":
        return _Needles((), (), (), ())
    patterns: tuple[re.Pattern[str], ...] = ()
    plain = tuple(dict.fromkeys(form.lower() for form in (item.value.strip(), *forms)))
    if item.kind == "phone":
        digit_forms = [form.lstrip("+") for form in forms] + ["00" + forms[0].lstrip("+")]  # 00: intl. prefix
        patterns = tuple(re.compile(r"(?<!\d)" + PHONE_SEPARATORS.join(map(re.escape, digits)) + r"(?!\d)")
                         for digits in dict.fromkeys(digit_forms))
        plain = ()
    hashed = list(dict.fromkeys([item.value.strip(), *forms]))
    digests = tuple((algorithm, hashlib.new(algorithm, form.encode("utf-8")).hexdigest())
                    for form in hashed for algorithm in HASHES)
    fragments = tuple(fragment for form in hashed for fragment in base64_fragments(form.encode("utf-8")))
    return _Needles(plain, patterns, fragments, digests)


def _decoded_views(text: str) -> list[str]:
    """The place's text percent-decoded once and twice, where that changes it."""
    views: list[str] = []
    current = text
    for _ in range(2):
        decoded = unquote_plus(current)
        if decoded == current:
            break
        views.append(decoded)
        current = decoded
    return views


_NUMBER = re.compile(r"(?<![\d.])-?\d{1,3}\.\d+(?![\d.])")


def _coordinate_matches(sent: str, planted: str) -> bool:
    """True when the number sent equals the planted coordinate rounded or truncated to the decimals sent
    (at least MIN_DECIMALS); a number sent with more decimals than planted must round or truncate to it."""
    decimals = len(sent.partition(".")[2])
    if decimals < MIN_DECIMALS:
        return False
    planted_decimals = len(planted.partition(".")[2])
    if decimals > planted_decimals:     # a float printed longer than planted (52.520008000000004)
        sent, planted, decimals = planted, sent, planted_decimals
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(sent) in (Decimal(planted).quantize(quantum, ROUND_HALF_UP),
                             Decimal(planted).quantize(quantum, ROUND_DOWN))


def location_in(text: str, item: Planted) -> bool:
    """Both coordinates of a planted location appear in `text` to at least MIN_DECIMALS decimals."""
    lat, lon = parse_location(item)
    numbers = _NUMBER.findall(text)
    return (any(_coordinate_matches(number, lat) for number in numbers)
            and any(_coordinate_matches(number, lon) for number in numbers))


def _found_in(text: str, needles: _Needles, item: Planted) -> Iterator[str]:
    """Encodings under which one planted value appears in one view of a place (plain, base64, digests)."""
    if item.kind == "location":
        if location_in(text, item):
            yield "plain"
        return
    lowered = text.lower()
    if any(form in lowered for form in needles.plain) or any(p.search(text) for p in needles.patterns):
        yield "plain"
    if any(fragment in text for fragment in needles.base64):
        yield "base64"
    for algorithm, digest in needles.digests:
        if digest in lowered:
            yield algorithm


def _search(text: str, item: Planted) -> list[str]:
    """Encodings of one planted value in one place: found raw as-is, or only after percent-decoding
    ('url' for a plain value; a base64 fragment or digest keeps its own name)."""
    needles = _needles(item)
    found = list(dict.fromkeys(_found_in(text, needles, item)))
    for view in _decoded_views(text):
        for encoding in _found_in(view, needles, item):
            encoding = "url" if encoding == "plain" else encoding
            if encoding not in found and not (encoding == "url" and "plain" in found):
                found.append(encoding)
    return found


def find_planted(entry: Mapping, planted: Sequence[Planted]) -> list[HoneyMatch]:
    """Every planted value found in one HAR 1.2 entry's request (see the module docstring for the places,
    encodings and normalisation); raises ValueError for a malformed Planted."""
    for item in planted:
        normalised_forms(item)
    matches: list[HoneyMatch] = []
    for where, text in places(entry):
        for item in planted:
            for encoding in _search(text, item):
                match = HoneyMatch(item.name, item.kind, encoding, where)
                if match not in matches:
                    matches.append(match)
    return matches

