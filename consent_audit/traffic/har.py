"""HAR 1.2 as the suite stores it: bounded bodies, binary bodies by hash, secrets masked.

`stored_entry(raw, masker, bodies_dir)` turns one captured entry (consent_audit.traffic.cdp or the proxy's
`entries()`; raw bodies in `_requestBody` / `_responseBody` bytes, or HAR `text`) into the entry written to
`traffic.har`: a textual body is kept up to `BODY_CAP` bytes, then cut with `TRUNCATED` and its full size and
SHA-256; a binary body is written once to `bodies_dir/<sha256>` (bounded by `BINARY_CAP`) and referenced by
`_sha256`. Every string of the entry goes through the masker (a typed password, a token in a header).
`har_document(entries, creator)` wraps entries as a HAR 1.2 log.
"""
from __future__ import annotations

from urllib.parse import quote

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..masking import MASK, Masker

BODY_CAP = 16 * 1024          # bytes of a textual body kept in the HAR
BINARY_CAP = 1024 * 1024      # bytes of a binary body kept in bodies/
TRUNCATED = "…[truncated by consent-audit: {size} bytes in all, sha256 {sha}]"
TEXTUAL = ("text/", "json", "javascript", "xml", "x-www-form-urlencoded", "html", "csv")
HAR_VERSION = "1.2"


def is_textual(mime: str, data: bytes) -> bool:
    """A body is text when its MIME type says so, or (no type) when it decodes as UTF-8 without NULs."""
    mime = (mime or "").lower()
    if any(t in mime for t in TEXTUAL):
        return True
    if mime and not mime.startswith("application/octet-stream"):
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text


def masked_bytes(data: bytes, masker: Masker | None) -> bytes:
    """`data` with every secret the masker knows replaced by its mask, as UTF-8 and percent-encoded UTF-8: a
    body is masked *before* it is hashed or stored, so neither a stored binary body nor the SHA-256 beside a cut
    text lets anyone confirm a guessed secret."""
    if masker is None:
        return data
    for secret in sorted(masker.secrets, key=len, reverse=True):
        for form in {secret.encode("utf-8"), quote(secret, safe="").encode("ascii")}:
            data = data.replace(form, MASK.encode("utf-8"))
    return data


def bounded_body(data: bytes | None, mime: str, bodies_dir: Path | None,
                 masker: Masker | None = None) -> dict[str, Any]:
    """The HAR fields for one body: {text} (maybe cut, with `_truncated`, `_size`, `_sha256`), or for a binary
    body {_sha256, _size, _file} with the bytes in `bodies_dir` (no file when `bodies_dir` is None). Secrets
    are masked out of the bytes first (`masked_bytes`): sizes and hashes are those of the masked body."""
    if data is None:
        return {"_unavailable": True}
    data = masked_bytes(data, masker)
    size, sha = len(data), hashlib.sha256(data).hexdigest()
    if not data:
        return {"text": "", "_size": 0}
    if is_textual(mime, data):
        if size <= BODY_CAP:
            return {"text": data.decode("utf-8", errors="replace"), "_size": size}
        cut = data[:BODY_CAP].decode("utf-8", errors="ignore")
        return {"text": cut + TRUNCATED.format(size=size, sha=sha), "_size": size, "_sha256": sha,
                "_truncated": True}
    out: dict[str, Any] = {"_sha256": sha, "_size": size, "encoding": "sha256-ref"}
    if bodies_dir is not None:
        bodies_dir.mkdir(parents=True, exist_ok=True)
        path = bodies_dir / sha
        if not path.exists():
            path.write_bytes(data[:BINARY_CAP])
        out["_file"] = f"{bodies_dir.name}/{sha}"
        if size > BINARY_CAP:
            out["_truncated"] = True
    return out


def _header(headers: Iterable[Mapping[str, str]], name: str) -> str:
    return next((h["value"] for h in headers if h.get("name", "").lower() == name), "")


def _raw(part: Mapping[str, Any], key: str) -> bytes | None:
    """The raw bytes of a request/response body: `_requestBody`-style bytes, or HAR text (base64 or not)."""
    value = part.get(key)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    return None


def stored_entry(raw: Mapping[str, Any], masker: Masker, bodies_dir: Path | None) -> dict[str, Any]:
    """One entry as written to the HAR (a new dict; `raw` is not changed)."""
    entry = {k: v for k, v in raw.items() if k not in ("_requestBody", "_responseBody", "_requestBodyUnavailable")}
    req, res = dict(entry["request"]), dict(entry["response"])
    if isinstance(req.get("headers"), Mapping):
        req["headers"] = [{"name": k, "value": str(v)} for k, v in req["headers"].items()]
    if isinstance(res.get("headers"), Mapping):
        res["headers"] = [{"name": k, "value": str(v)} for k, v in res["headers"].items()]
    req_mime = req.pop("_mimeType", "") or _header(req["headers"], "content-type")
    body = _raw(raw, "_requestBody")
    if body is not None:
        req["postData"] = {"mimeType": req_mime, **bounded_body(body, req_mime, bodies_dir, masker)}
        req["bodySize"] = len(body)
    elif "postData" in req:
        text = str(req["postData"].get("text", ""))
        req["postData"] = {**req["postData"], **bounded_body(text.encode("utf-8"), req_mime, bodies_dir, masker)}
    elif raw.get("_requestBodyUnavailable"):      # it had one, the browser no longer did when asked
        req["postData"] = {"mimeType": req_mime, "_unavailable": True}
    content = dict(res.get("content") or {})
    body = _raw(raw, "_responseBody")
    if body is not None:
        content.update(bounded_body(body, content.get("mimeType", ""), bodies_dir, masker))
        content["size"] = len(body)
    elif "text" in content and content.get("encoding") != "sha256-ref":
        data = str(content["text"]).encode("utf-8")
        content.update(bounded_body(data, content.get("mimeType", ""), bodies_dir, masker))
    elif "_responseBody" in raw:                  # asked for, and the browser no longer had it (page left)
        content["_unavailable"] = True
    res["content"] = content
    entry["request"], entry["response"] = req, res
    return masker.mask_data(entry)  # type: ignore[return-value]


def har_document(entries: list[dict[str, Any]], creator: str, version: str,
                 pages: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A HAR 1.2 log: {"log": {version, creator, pages, entries}}; `pages` are the capture's phases."""
    return {"log": {"version": HAR_VERSION, "creator": {"name": creator, "version": version},
                    "pages": pages or [], "entries": entries}}


def write_har(path: Path, document: Mapping[str, Any], masker: Masker) -> Path:
    """Write the HAR (UTF-8 JSON without whitespace: a quarter smaller; HAR viewers and `python -m json.tool`
    indent it), masked once more as a whole (a secret split across fields stays hidden)."""
    path.write_text(masker.mask(json.dumps(document, ensure_ascii=False, separators=(",", ":"))), encoding="utf-8")
    return path


__all__ = ["BODY_CAP", "BINARY_CAP", "TRUNCATED", "bounded_body", "stored_entry", "har_document", "write_har",
           "is_textual"]
