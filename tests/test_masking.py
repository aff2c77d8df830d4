"""Secrets are masked in every form they take in text: plain, JSON-escaped, sent as key arrays."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from consent_audit.masking import MASK, Masker, MaskingFilter


def test_plain_json_and_key_array_forms_are_masked() -> None:
    masker = Masker(["Tr0ub4dor&3", "测试密码123"])
    text = ('{"text":"Tr0ub4dor&3","value":["T","r","0","u","b","4","d","o","r","&","3"]} '
            + json.dumps({"p": "测试密码123"}) + ' ["测", "试", "密", "码", "1", "2", "3"]')
    masked = masker.mask(text)
    assert "Tr0ub4dor" not in masked and "测试密码" not in masked and "\\u6d4b" not in masked
    assert '"r","0","u"' not in masked.replace(" ", "")
    assert masked.count(MASK) == 4


def test_short_secrets_are_refused() -> None:
    with pytest.raises(ValueError):
        Masker(["12"])


def test_nested_data_and_files(tmp_path) -> None:
    masker = Masker(["246810"])
    assert masker.mask_data({"a": ["code 246810", {"246810": 1}]}) == {"a": [f"code {MASK}", {MASK: 1}]}
    path = tmp_path / "log.txt"
    path.write_text("sent 246810\nnothing\n", encoding="utf-8")
    assert masker.mask_file(path) is True
    assert path.read_text(encoding="utf-8") == f"sent {MASK}\nnothing\n"
    assert masker.mask_file(path) is False


def test_logging_filter_masks_messages(caplog) -> None:
    masker = Masker(["s3cret-pass"])
    logger = logging.getLogger("test-masking")
    logger.addFilter(MaskingFilter(masker))
    with caplog.at_level(logging.INFO, logger="test-masking"):
        logger.info("typing %s now", "s3cret-pass")
    assert "s3cret-pass" not in caplog.text and MASK in caplog.text


def test_masking_a_file_never_writes_through_its_hard_links(tmp_path: Path) -> None:
    masker = Masker(["Link-Secret-99"])
    kept = tmp_path / "steps.html"
    kept.write_text("<p>Link-Secret-99</p>", encoding="utf-8")
    linked = tmp_path / "attachment.html"
    os.link(kept, linked)
    assert masker.mask_file(linked) is True
    assert "Link-Secret-99" not in linked.read_text() and kept.read_text() == "<p>Link-Secret-99</p>"
    assert not list(tmp_path.glob(".*"))


def test_a_code_inside_a_json_number_is_masked_without_breaking_the_json(tmp_path: Path) -> None:
    """test_audit_truth's Allure reader once met a JSONDecodeError in a `*-result.json`: the late masking
    (explorer/plugin.py, report.py) rewrote the JSON as text, and a one-time code that a step's timestamp
    happened to contain ("start": 1764581234567, code 581234) became `"start": 1764•••567` — no JSON."""
    masker = Masker(["581234", "Corpus-pass-1"])
    path = tmp_path / "r-result.json"
    raw = {"name": "deletion", "start": 1764581234567, "stop": 1764590000000,
           "steps": [{"name": "Type Corpus-pass-1", "start": 17645812345, "parameters": [{"value": "581234"}]}],
           "keys": list("581234")}
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert masker.mask_file(path) is True
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "581234" not in path.read_text(encoding="utf-8") and "Corpus-pass-1" not in path.read_text(encoding="utf-8")
    assert data["stop"] == 1764590000000 and data["steps"][0]["name"] == f"Type {MASK}"
    assert data["start"] == MASK and data["steps"][0]["parameters"] == [{"value": MASK}] and data["keys"] == [MASK]
    assert not list(tmp_path.glob(".*"))
