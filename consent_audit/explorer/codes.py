"""One-time codes the app shows (a test app prints the SMS code it "sent": 测试验证码：246810): found next to a
code word, read by the operator right after the tap that asks for one, registered as a secret before the screen
is captured (Operator.tap with `peek_code`; the sign-up form types it, explorer/forms.py)."""
from __future__ import annotations

import re
from typing import Any

from ..waits import wait_until
from .cues import data_kinds

_CODE = re.compile(r"(?<![\d])(\d{4,8})(?![\d])")
_CODE_WORDS = re.compile(r"验证码|校验码|动态码|\bcode\b|\botp\b|one-time", re.I)


def find_code(texts: list[str], exclude: set[str]) -> str | None:
    """A one-time code the app shows (a test app prints it: 测试验证码：246810), next to code words."""
    for text in texts:
        if not _CODE_WORDS.search(text) and "sms_code" not in data_kinds(text):
            continue
        for match in _CODE.finditer(text):
            if match.group(1) not in exclude:
                return match.group(1)
    return None


def wait_for_code(platform: Any, exclude: set[str], timeout: float) -> str | None:
    """The one-time code the platform's screen shows within `timeout` seconds (read without a screenshot,
    every 0.1 s), not one of `exclude`; None when none shows."""
    def shown() -> str | None:
        return find_code(platform.capture(screenshot=False).screen.texts(), exclude)

    try:
        return wait_until(shown, timeout=timeout, interval=0.1, message="a one-time code on screen")
    except TimeoutError:
        return None


__all__ = ["find_code", "wait_for_code"]
