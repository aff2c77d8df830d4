"""What the reference APK's page objects read from the variant: its configuration (from the refapp server
the APK talks to) and the on/off labels of its home-screen features (feature_labels.yaml, per language)."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from consent_audit.detectors.lexicon import normalise

LABELS = Path(__file__).with_name("feature_labels.yaml")


@lru_cache(maxsize=1)
def _default_labels() -> dict[str, dict[str, str]]:
    return yaml.safe_load(LABELS.read_text(encoding="utf-8"))


def feature_labels(config: dict[str, Any]) -> tuple[str, str]:
    """The variant's (on, off) labels of a home-screen feature."""
    language = config.get("language", "en")
    labels = dict(_default_labels().get(language) or _default_labels()["en"])
    strings = config.get("strings") or {}
    return strings.get("state_on", labels["on"]), strings.get("state_off", labels["off"])


def feature_state(text: str, labels: tuple[str, str]) -> str | None:
    """"on" / "off" from a feature button's text (its label, then its state), None when unreadable."""
    compact = normalise(text).replace(" ", "")
    on, off = (normalise(label).replace(" ", "") for label in labels)
    for state, label in (("off", off), ("on", on)):
        if label and compact.endswith(label):
            return state
    return None


def fetch_config(server: str, variant: str, timeout: float = 10.0) -> dict[str, Any]:
    """The variant's configuration from the refapp server the APK talks to."""
    url = f"{server}/api/{variant}/config"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise RuntimeError(f"the reference app server does not answer at {url} ({getattr(exc, 'reason', exc)}): "
                           f"start `python -m refapp --port 8765` and `adb reverse tcp:8765 tcp:8765`, or set "
                           f"CONSENT_AUDIT_REFAPP_URL") from None
