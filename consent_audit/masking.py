"""Secret masking: test passwords, SMS codes and ID numbers never reach a report, log or bundle."""
from __future__ import annotations

import json
import logging
import os
import re
import threading
from pathlib import Path
from typing import Iterable

MASK = "•••"


class Masker:
    """Holds the secret values of a run and removes them from any text before it is written."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        for value in secrets:
            self.add(value)

    def add(self, value: str | None) -> None:
        """Register a secret; values shorter than 3 characters are refused (they would mask everything)."""
        if value is None:
            return
        value = str(value)
        if len(value) < 3:
            raise ValueError("a secret must have at least 3 characters to be masked reliably")
        with self._lock:
            if value in self._secrets:
                return
            self._secrets.add(value)
            self._pattern = None

    @property
    def secrets(self) -> frozenset[str]:
        return frozenset(self._secrets)

    def _compiled(self) -> re.Pattern[str] | None:
        with self._lock:
            if self._pattern is None and self._secrets:
                alternatives = []
                for value in sorted(self._secrets, key=len, reverse=True):
                    alternatives.append(re.escape(value))
                    alternatives.append(_char_array_regex(value))
                    escaped = json.dumps(value)[1:-1]
                    if escaped != value:
                        alternatives.append(re.escape(escaped))
                self._pattern = re.compile("|".join(alternatives))
            return self._pattern

    def mask(self, text: str) -> str:
        pattern = self._compiled()
        if pattern is None or not text:
            return text
        return pattern.sub(MASK, text)

    def contains_secret(self, text: str) -> bool:
        pattern = self._compiled()
        return bool(pattern and text and pattern.search(text))

    def mask_data(self, data: object) -> object:
        """Mask every string inside a JSON-like structure."""
        if isinstance(data, str):
            return self.mask(data)
        if isinstance(data, dict):
            return {self.mask(str(k)): self.mask_data(v) for k, v in data.items()}
        if isinstance(data, (list, tuple)):
            return [self.mask_data(v) for v in data]
        return data

    def mask_json(self, data: object) -> object:
        """`mask_data`, and a number whose digits hold a secret replaced by the mask (a string): JSON-like data
        that stays JSON once written, with no secret left in it."""
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            return MASK if self.contains_secret(json.dumps(data)) else data
        if isinstance(data, dict):
            return {self.mask(str(k)): self.mask_json(v) for k, v in data.items()}
        if isinstance(data, (list, tuple)):
            if data and all(isinstance(v, str) and len(v) == 1 for v in data) and self.contains_secret("".join(data)):
                return [self.mask("".join(data))]      # a secret sent as its characters (W3C key actions)
            return [self.mask_json(v) for v in data]
        return self.mask_data(data)

    def mask_file(self, path: Path) -> bool:
        """Rewrite a text file with secrets masked; returns whether anything changed. The masked text is a new
        file put in the old one's place (os.replace), never written into it: a file hard-linked to another name
        (consent_audit.evidence.once) changes under this name only. A JSON file the text masking would leave no
        longer JSON (a one-time code inside a number: a timestamp "start": 1764581234567 holding 581234) is
        masked value by value instead (`mask_json`), so its readers still read it."""
        raw = path.read_text(encoding="utf-8", errors="replace")
        masked = self.mask(raw)
        if masked != raw and path.suffix == ".json" and not _is_json(masked) and _is_json(raw):
            masked = json.dumps(self.mask_json(json.loads(raw)), ensure_ascii=False)
        if masked != raw:
            spare = path.with_name(f".{path.name}.masked")
            spare.write_text(masked, encoding="utf-8")
            os.replace(spare, path)
            return True
        return False


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _char_array_regex(value: str) -> str:
    """Matches a value sent as W3C key actions or a JSON array of characters: "s", "e", "c" …"""
    parts = []
    for ch in value:
        forms = {json.dumps(ch), json.dumps(ch, ensure_ascii=False)}
        parts.append("(?:" + "|".join(re.escape(f) for f in sorted(forms)) + ")")
    return r"\s*,\s*".join(parts)


class MaskingFilter(logging.Filter):
    """A logging filter that masks secrets in every record's message."""

    def __init__(self, masker: Masker) -> None:
        super().__init__()
        self.masker = masker

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = self.masker.mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
