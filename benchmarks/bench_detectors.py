"""Screen detectors vs decoding the screenshot they run on. Prints figures; never asserts."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from consent_audit.detectors.prominence import annotate, prominence
from consent_audit.detectors.text import shaming_phrases, waiting_period_days

W, H = 1082, 2402
REPS = 15
TARGET = 2.0
ACCEPT = (91, 1850, 900, 170)
REJECT = (436, 2080, 210, 70)
TEXTS = [
    "We value your privacy", "我们重视您的隐私", "Accept all", "Reject all", "Manage options",
    "同意并继续", "不同意", "以后再说", "残忍拒绝", "No thanks, I prefer paying full price",
    "I don't care about my privacy", "Delete account", "注销账号", "确认注销", "取消",
    "Your request will be processed within 15 working days", "我们将在15个工作日内完成注销",
    "三十天冷静期", "in 2 weeks", "七日内处理", "Settings", "设置", "账号与安全", "隐私政策",
    "Allow", "Don't allow", "去开启", "暂不开启", "退出登录", "退出", "联系客服", "帮助中心",
    "Go to settings", "下一步", "Next", "放弃福利", "我不想要优惠", "Skip", "Not now", "OK",
]


def make_screenshot() -> np.ndarray:
    """A phone-size consent screen (status bar, banner, text, dialog), flat like a real UI."""
    img = np.full((H, W, 3), 248, np.uint8)
    cv2.rectangle(img, (0, 80), (W, 780), (180, 140, 90), cv2.FILLED)   # banner
    for i in range(6):
        cv2.circle(img, (120 + 170 * i, 430), 70, (60 + 30 * i, 160, 220 - 25 * i), cv2.FILLED,
                   cv2.LINE_AA)
    cv2.rectangle(img, (0, 0), (W, 80), (40, 40, 40), cv2.FILLED)
    font = cv2.FONT_HERSHEY_SIMPLEX
    for i in range(18):
        cv2.putText(img, f"Paragraph line {i} about how we use your data and partners",
                    (40, 850 + 48 * i), font, 0.9, (60, 60, 60), 2, cv2.LINE_AA)
    cv2.rectangle(img, (40, 1700), (W - 40, H - 120), (255, 255, 255), cv2.FILLED)
    x, y, w, h = ACCEPT
    cv2.rectangle(img, (x, y), (x + w, y + h), (204, 102, 0), cv2.FILLED)
    cv2.putText(img, "Accept all", (x + 250, y + 110), font, 2.2, (255, 255, 255), 5, cv2.LINE_AA)
    x, y, w, h = REJECT
    cv2.putText(img, "Reject", (x + 20, y + 50), font, 1.4, (118, 118, 118), 4, cv2.LINE_AA)
    return img


def detectors(image: np.ndarray) -> None:
    figures = prominence(image, ACCEPT, REJECT)
    annotate(image, [(ACCEPT, f"accept {figures['contrast_accept']}", (0, 200, 0)),
                     (REJECT, f"reject {figures['contrast_reject']}", (220, 0, 0))])
    shaming_phrases(TEXTS)
    for text in TEXTS:
        waiting_period_days(text)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


STORED = Path(__file__).resolve().parent.parent / "tests" / "data" / "screens" / "consent-consent-asymmetric.png"


def main() -> None:
    global ACCEPT, REJECT
    if STORED.exists():   # a real screenshot the suite took of the reference app's consent dialog
        import json
        meta = json.loads(STORED.with_suffix(".json").read_text(encoding="utf-8"))
        ACCEPT, REJECT = tuple(meta["accept"]["bounds"]), tuple(meta["reject"]["bounds"])
        data = np.frombuffer(STORED.read_bytes(), np.uint8)
        print(f"stored screenshot {STORED.name}")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "screen.png"
            cv2.imwrite(str(path), make_screenshot(), [cv2.IMWRITE_PNG_COMPRESSION, 9])
            data = np.frombuffer(path.read_bytes(), np.uint8)
    image = cv2.imdecode(data, cv2.IMREAD_COLOR)
    if image is None:
        raise SystemExit("could not decode the generated PNG")
    detectors(image)  # warm-up: lexicons load and compile once
    decode_s: list[float] = []
    detect_s: list[float] = []
    for rep in range(REPS):
        steps = [(decode_s, lambda: cv2.imdecode(data, cv2.IMREAD_COLOR)),
                 (detect_s, lambda: detectors(image))]
        for sink, fn in (steps if rep % 2 == 0 else steps[::-1]):
            sink.append(timed(fn))
    ratios = [d / c for d, c in zip(detect_s, decode_s)]
    print(f"screenshot {W}x{H} PNG, {data.size / 1024:.0f} KiB, {len(TEXTS)} texts, {REPS} reps")
    print(f"imdecode   median {statistics.median(decode_s) * 1e3:8.2f} ms")
    print(f"detectors  median {statistics.median(detect_s) * 1e3:8.2f} ms")
    print(f"ratio detectors/decode median {statistics.median(ratios):.2f} (target <= {TARGET})")


if __name__ == "__main__":
    main()
