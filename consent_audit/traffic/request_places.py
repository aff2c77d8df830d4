"""The places of a HAR 1.2 entry's request where what an app sends can be found, and the parts of it that could
not be searched (consent_audit.traffic.honey searches these places).

Shapes: `places(entry)` -> [(where, text)] with where 'url' | 'header:<name>' (lowercase) | 'cookie:<name>' |
'body'; `unsearched(entry)` -> [phrase], empty when the whole request was searchable. An entry is a HAR 1.2
`entries[]` dict; a capture's raw entry may also carry `_requestBody` bytes (with `_requestBodyTruncated` and
`_requestBodySize` from the proxy), a stored one `postData` fields `_sha256`/`encoding: sha256-ref` (binary kept
by reference), `_truncated`, `_unavailable` (consent_audit.traffic.har).
"""
from __future__ import annotations

from collections.abc import Mapping


def _cookie_pairs(header: str) -> list[tuple[str, str]]:
    """name=value pairs of a Cookie header, split by hand (http.cookies refuses values browsers send)."""
    return [(name.strip(), value.strip()) for name, _, value in (part.partition("=") for part in header.split(";"))
            if name.strip()]


def places(entry: Mapping) -> list[tuple[str, str]]:
    """Each searchable place of a HAR 1.2 entry's request as (where, text); the Cookie header is read as
    cookies (its pairs join request.cookies), not as a header."""
    request = entry.get("request") or {}
    found: list[tuple[str, str]] = [("url", str(request.get("url") or ""))]
    cookies = [(str(c.get("name", "")), str(c.get("value", ""))) for c in request.get("cookies") or []]
    for header in request.get("headers") or []:
        name = str(header.get("name", "")).lower()
        value = str(header.get("value", ""))
        if name == "cookie":
            cookies += [pair for pair in _cookie_pairs(value) if pair not in cookies]
        else:
            found.append((f"header:{name}", value))
    found += [(f"cookie:{name}", value) for name, value in cookies]
    post = request.get("postData") or {}
    raw = entry.get("_requestBody")
    if isinstance(raw, (bytes, bytearray)):     # a capture's raw body: the whole of it, binary ones too
        body = [bytes(raw).decode("utf-8", "replace")]
    else:
        body = [str(post.get("text") or "")]
        body += [f"{p.get('name', '')}={p.get('value', '')}" for p in post.get("params") or []]
    found.append(("body", "\n".join(part for part in body if part)))
    return [(where, text) for where, text in found if text]


def unsearched(entry: Mapping) -> list[str]:
    """What of an entry's request could not be searched, one phrase each (empty when all of it was): a body
    kept by reference or cut, a body the capture could not read, a request the client never let the proxy see.
    A finding must call such a request unmeasured for those parts, never clean."""
    gaps: list[str] = []
    if str(entry.get("_error") or "").startswith("client TLS handshake failed"):
        gaps.append("request: the client refused the proxy's certificate, its content was not seen")
    if isinstance(entry.get("_requestBody"), (bytes, bytearray)):
        if entry.get("_requestBodyTruncated"):
            gaps.append(f"body: only the first {len(entry['_requestBody'])} of {entry.get('_requestBodySize')} "
                        "bytes were kept")
        return gaps
    post = (entry.get("request") or {}).get("postData") or {}
    if post.get("_unavailable"):
        gaps.append("body: not available to the capture")
    elif "text" not in post and (post.get("_sha256") or post.get("encoding") == "sha256-ref"):
        gaps.append("body: binary, kept by reference, not searched")
    elif post.get("_truncated"):
        gaps.append("body: truncated, only its first part searched")
    return gaps
