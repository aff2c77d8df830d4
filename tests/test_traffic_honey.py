"""Honey data found in HAR 1.2 request entries: every encoding, every place, and near-misses that must not match."""
from __future__ import annotations

import base64
import hashlib
import json
from urllib.parse import quote, quote_plus

import pytest

from consent_audit.traffic.honey import HoneyMatch, Planted, base64_fragments, find_planted, unsearched

EMAIL = Planted("account e-mail", "email", "Jane.Roe+audit@Example.org")
PHONE = Planted("account phone", "phone", "+49 151 2345 6789")
NAME = Planted("account name", "name", "Jane Roe")
ID_NUMBER = Planted("ID card", "id_number", "L01X00T47")
LOCATION = Planted("set location", "location", "52.520008,13.404954")
GAID = Planted("advertising id", "device_id", "38400000-8cf0-11bd-b23e-10b96e40000d")
PLANTED = [EMAIL, PHONE, NAME, ID_NUMBER, LOCATION, GAID]


def entry(url: str = "https://t.example.net/collect", headers: dict[str, str] | None = None,
          cookies: dict[str, str] | None = None, body: str | None = None) -> dict:
    request: dict = {"method": "POST" if body is not None else "GET", "url": url, "httpVersion": "HTTP/1.1",
                     "headers": [{"name": k, "value": v} for k, v in (headers or {}).items()],
                     "cookies": [{"name": k, "value": v} for k, v in (cookies or {}).items()],
                     "queryString": [], "headersSize": -1, "bodySize": -1}
    if body is not None:
        request["postData"] = {"mimeType": "application/json", "text": body}
    return {"startedDateTime": "2026-11-29T22:00:00.000Z", "time": 1, "request": request}


def found(har_entry: dict, planted: list[Planted] = PLANTED) -> set[tuple[str, str, str]]:
    return {(m.planted, m.encoding, m.where) for m in find_planted(har_entry, planted)}


def sha(algorithm: str, text: str) -> str:
    return hashlib.new(algorithm, text.encode()).hexdigest()


# --- every encoding -------------------------------------------------------------------------------------------

def test_plain_email_case_insensitive_in_body() -> None:
    body = json.dumps({"user": {"mail": "jane.roe+audit@example.org"}})
    assert found(entry(body=body)) == {("account e-mail", "plain", "body")}


def test_url_encoded_email_in_query() -> None:
    url = "https://t.example.net/p?em=" + quote("Jane.Roe+audit@Example.org", safe="")
    assert found(entry(url=url)) == {("account e-mail", "url", "url")}


def test_double_url_encoded_email() -> None:
    url = "https://t.example.net/r?u=" + quote(quote("jane.roe+audit@example.org", safe=""), safe="")
    assert ("account e-mail", "url", "url") in found(entry(url=url))


@pytest.mark.parametrize("algorithm", ["md5", "sha1", "sha256"])
def test_hashed_normalised_email(algorithm: str) -> None:
    digest = sha(algorithm, "jane.roe+audit@example.org")
    assert found(entry(url=f"https://t.example.net/p?ud[em]={digest}")) == {("account e-mail", algorithm, "url")}
    assert ("account e-mail", algorithm, "body") in found(entry(body=json.dumps({"em": digest.upper()})))


def test_gmail_address_hashed_without_dots() -> None:
    gmail = Planted("gmail", "email", " Jane.Roe@gmail.com ")
    digest = sha("sha256", "janeroe@gmail.com")
    assert found(entry(body=digest), [gmail]) == {("gmail", "sha256", "body")}


@pytest.mark.parametrize("form", ["+4915123456789", "4915123456789", "15123456789", "015123456789"])
@pytest.mark.parametrize("algorithm", ["md5", "sha1", "sha256"])
def test_hashed_phone_forms(form: str, algorithm: str) -> None:
    assert found(entry(body=f"ph={sha(algorithm, form)}")) == {("account phone", algorithm, "body")}


@pytest.mark.parametrize("sent", ["+4915123456789", "004915123456789", "0151 2345 6789", "+49 (151) 2345-6789",
                                  "tel:15123456789"])
def test_phone_plain_forms(sent: str) -> None:
    assert found(entry(body=json.dumps({"phone": sent}))) == {("account phone", "plain", "body")}


def test_phone_url_encoded() -> None:
    url = "https://t.example.net/p?ph=" + quote_plus("+49 151 2345 6789")
    assert found(entry(url=url)) == {("account phone", "url", "url")}


@pytest.mark.parametrize("alphabet", ["standard", "urlsafe"])
@pytest.mark.parametrize("prefix", ["", "x", "xy"])
def test_base64_inside_a_larger_blob_at_every_alignment(prefix: str, alphabet: str) -> None:
    payload = (prefix + json.dumps({"gaid": "38400000-8cf0-11bd-b23e-10b96e40000d", "v": "?>?>"})).encode()
    encoder = base64.b64encode if alphabet == "standard" else base64.urlsafe_b64encode
    blob = encoder(payload).decode()
    assert found(entry(url=f"https://t.example.net/c/{blob}")) == {("advertising id", "base64", "url")}


def test_base64_blob_percent_encoded_in_a_form_body() -> None:
    blob = base64.b64encode(json.dumps({"n": "Jane Roe", "k": ">>>???"}).encode()).decode()
    assert "+" in blob or "/" in blob or "=" in blob
    body = "data=" + quote(blob, safe="")
    assert found(entry(body=body)) == {("account name", "base64", "body")}


def test_base64_fragments_cover_three_alignments() -> None:
    fragments = base64_fragments(b"jane roe")
    assert len({f for f in fragments if "-" not in f and "_" not in f}) == 3


def test_location_rounded_and_truncated() -> None:
    assert found(entry(body='{"lat":52.52,"lng":13.40}')) == {("set location", "plain", "body")}
    assert found(entry(url="https://t.example.net/p?ll=52.5200%2C13.4050")) == {("set location", "plain", "url")}
    assert found(entry(body="lat=52.520008000000004&lon=13.404954")) == {("set location", "plain", "body")}


# --- every place ----------------------------------------------------------------------------------------------

def test_header_place_named_lowercase() -> None:
    har = entry(headers={"X-Device-Id": "38400000-8CF0-11BD-B23E-10B96E40000D"})
    assert found(har) == {("advertising id", "plain", "header:x-device-id")}


def test_cookie_place_from_har_cookies_and_cookie_header() -> None:
    assert found(entry(cookies={"uid": "L01X00T47"})) == {("ID card", "plain", "cookie:uid")}
    har = entry(headers={"Cookie": "a=1; em=" + quote("jane.roe+audit@example.org", safe="")})
    assert found(har) == {("account e-mail", "url", "cookie:em")}


def test_form_params_are_body() -> None:
    har = entry()
    har["request"]["postData"] = {"mimeType": "application/x-www-form-urlencoded",
                                  "params": [{"name": "id", "value": "L01X00T47"}]}
    assert found(har) == {("ID card", "plain", "body")}


def test_raw_binary_body_is_searched_whole() -> None:
    """A capture's raw body (protobuf-like bytes around the value) is searched, not the HAR's bounded text."""
    har = entry(body="cut before the value")
    har["_requestBody"] = b"\x0a\x1a" + b"jane.roe+audit@example.org" + b"\x12\x00\xff\xfe" + b"L01X00T47"
    assert found(har) == {("account e-mail", "plain", "body"), ("ID card", "plain", "body")}
    assert unsearched(har) == []


@pytest.mark.parametrize("har_change, gap", [
    ({"_requestBody": b"x" * 10, "_requestBodyTruncated": True, "_requestBodySize": 5000}, "first 10 of 5000"),
    ({"postData": {"mimeType": "application/x-protobuf", "_sha256": "ab" * 32, "encoding": "sha256-ref"}},
     "kept by reference"),
    ({"postData": {"mimeType": "text/plain", "text": "abc…", "_truncated": True}}, "truncated"),
    ({"postData": {"_unavailable": True}}, "not available"),
    ({"_error": "client TLS handshake failed: certificate unknown"}, "refused the proxy's certificate"),
])
def test_unsearched_parts_are_named(har_change: dict, gap: str) -> None:
    har = entry()
    for key, value in har_change.items():
        (har["request"] if key == "postData" else har)[key] = value
    assert len(unsearched(har)) == 1 and gap in unsearched(har)[0]


def test_fully_searched_entry_has_no_gaps() -> None:
    assert unsearched(entry(body='{"a": 1}')) == []


def test_one_value_in_several_places_reported_per_place() -> None:
    har = entry(url="https://t.example.net/p?n=Jane%20Roe", headers={"Referer": "https://app/?n=Jane+Roe"},
                body="name=Jane Roe")
    assert found(har) == {("account name", "url", "url"), ("account name", "url", "header:referer"),
                          ("account name", "plain", "body")}


def test_match_carries_kind() -> None:
    assert find_planted(entry(body="L01X00T47"), PLANTED) == [HoneyMatch("ID card", "id_number", "plain", "body")]


# --- near-misses ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("har", [
    entry(body='{"mail":"jane.roe@example.org"}'),                        # other address (no +audit)
    entry(body='{"mail":"jane.roe+audit@example.com"}'),                  # other domain
    entry(body="ph=4915123456780"),                                       # one digit off
    entry(body="ts=1715123456789012"),                                    # the phone's digits inside a longer number
    entry(body='{"lat":52.53,"lng":13.40}'),                              # latitude off by 1 km
    entry(body='{"lat":52.5,"lng":13.4}'),                                # one decimal only: a city, not the place
    entry(body='{"lat":52.52}'),                                          # one coordinate alone
    entry(body=sha("sha256", "Jane.Roe+audit@Example.org ")),             # digest of a non-normalised form
    entry(body=sha("sha256", "jane.roe+audit@example.org")[:40]),         # a truncated digest
    entry(body=base64.b64encode(b"Jane Rose").decode()),                  # base64 of a different name
    entry(headers={"User-Agent": "Mozilla/5.0 (Linux; Android 14)"}),
])
def test_near_misses_do_not_match(har: dict) -> None:
    assert found(har) == set()


@pytest.mark.parametrize("bad, message", [
    (Planted("x", "colour", "red"), "kind 'colour'"),
    (Planted("x", "phone", "0151 2345 6789"), "no country code"),
    (Planted("x", "location", "52.52"), "lat,lon"),
    (Planted("x", "location", "95.00,13.40"), "out of range"),
    (Planted("x", "location", "52.5,13.4"), "decimals"),
    (Planted("x", "email", "  "), "empty"),
    (Planted("x", "name", "Li"), "too few"),
])
def test_bad_planted_value_is_one_clear_line(bad: Planted, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        find_planted(entry(), [bad])
    assert "\n" not in str(caught.value)
