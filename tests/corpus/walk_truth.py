"""Walks every truth path of the corpus in headless Chromium (Selenium + Debian's chromedriver, Pixel 7 emulation;
not the suite): accept consent, sign up, delete; and, in a fresh profile, the reject path. A step is found by the
words a user reads (its own text, a button's first line, its aria-label or a field's placeholder; shadow roots
included, the topmost match wins). Prints one line per path; exit 1 if any step is not found or an end screen checked
is not the one the truth names. Chromium is started with --disable-blink-features=AutomationControlled so libraries
hiding from webdriver show what a user sees.

What "ok" proves: every step of the path was found by its words and taken. For the deletion, where the truth's
deletion note names its end screen (its last "→" begins with the quoted words the screen shows: «…», "…", 「…」),
those words must be on screen at the end ("end screen checked"); where the note names none, the line says "end
screen not checked". Not checked at all: the layout, what the app stored, that a consent dialog went away after the
reject path, and the counts (tests/test_corpus_apps.py checks the arithmetic).

    .venv/bin/python tests/corpus/walk_truth.py [app …]

What an app needs beyond its truth (a launch wait, a prompt after consent, a word to type, sign-up first, a
prelude, not walked and why) is in its optional `walk.json` (`walk_notes`; yuedu is not walked: its consent in an
<iframe>, checked by hand). A tap found in no document is looked for inside each
same-origin <iframe> of the page (chaguan's consent banner). A <option> of a native <select> is chosen
(its select's value set, input and change fired); a tap whose control is not there yet, or disabled, waits
for it up to WAIT_FOR_CONTROL seconds (a confirm counting down on its face); a tap that opens a new tab or window
(a link with target=_blank) goes on in it; "signup_first" apps sign up before the consent path, "prelude" taps come first.
A scroll step scrolls the `.scrollbox` it names by its aria-label (else the first) to its end, down and sideways; a
tap on a control lying beyond the screen's side in a strip scrolling sideways fails (the truth lacks a scroll).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from typing import Any
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

HERE = Path(__file__).resolve().parent
FIND = r"""
const label = arguments[0];
function* all(root) { for (const e of root.querySelectorAll('*')) { yield e; if (e.shadowRoot) yield* all(e.shadowRoot); } }
function vis(e) { if (e.tagName === 'OPTION') e = e.closest('select'); const r = e.getBoundingClientRect(), s = getComputedStyle(e); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; }
function own(e) { return [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim(); }
const hits = [];
for (const e of all(document)) {
  if (vis(e) && (own(e) === label || (e.tagName === 'BUTTON' && e.innerText.trim().split('\n')[0] === label) || e.getAttribute('aria-label') === label || e.getAttribute('placeholder') === label)) hits.push(e);
}
return hits.length ? hits[hits.length - 1] : null;
"""
TEXT = r"""
function* all(root) { for (const e of root.querySelectorAll('*')) { yield e; if (e.shadowRoot) yield* all(e.shadowRoot); } }
const parts = [document.body.innerText];
for (const e of all(document)) if (e.shadowRoot) parts.push(e.shadowRoot.textContent);
return parts.join(' ');
"""
# A scroll step: the scroll box the step names (its aria-label: a tab strip «Stillingar»), else the first, to its end
# along both axes (a strip scrolling sideways, right to left in an RTL page).
SCROLL = r"""
const boxes = [...document.querySelectorAll('.scrollbox')];
const b = boxes.find(x => x.getAttribute('aria-label') === arguments[0]) || boxes[0];
if (!b) return false;
b.scrollTop = b.scrollHeight;
b.scrollLeft = getComputedStyle(b).direction === 'rtl' ? -b.scrollWidth : b.scrollWidth;
return true;
"""
# Whether a control's middle lies beyond a side of the window inside a box scrolling sideways (a tab of a strip past
# the right edge): a user swipes the strip first, so the truth needs a scroll step before the tap.
BEYOND = r"""
const e = arguments[0], r = e.getBoundingClientRect(), mid = r.left + r.width / 2;
if (mid >= 0 && mid <= innerWidth) return false;
for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
  if (/(auto|scroll)/.test(getComputedStyle(a).overflowX) && a.scrollWidth > a.clientWidth + 2) return true;
return false;
"""
QUOTED = re.compile(r"^\s*(?:«([^»]+)»|\"([^\"]+)\"|“([^”]+)”|「([^」]+)」)")
WAIT_FOR_CONTROL = 12.0                                    # s a tap waits for its control to show up enabled (daftar's 10 s countdown)
WALK_KEYS = {"launch_wait", "after_consent", "typed", "signup_first", "prelude", "skip"}


def walk_notes(app: str) -> dict[str, Any]:
    """What the walk needs to know of an app beyond its truth, from its optional `walk.json` (copies of an app
    carry theirs): "launch_wait" (s before the first step: a splash's countdown, a banner shown late; default 2),
    "after_consent" (labels of a launch prompt the app shows after the consent answer, tapped then), "typed"
    (a field's label → the word it asks to be typed), "signup_first" (the consent banner shows only once signed
    in), "prelude" (taps before anything: a canvas app's accessibility switch), "skip" (why the app is not
    walked). Raises ValueError on a key it does not know."""
    path = HERE / app / "walk.json"
    notes = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    unknown = set(notes) - WALK_KEYS
    if unknown:
        raise ValueError(f"{path}: unknown keys {sorted(unknown)} (known: {sorted(WALK_KEYS)})")
    return notes


def browser() -> webdriver.Chrome:
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--use-fake-device-for-media-stream", "--disable-blink-features=AutomationControlled"):
        o.add_argument(a)
    o.add_experimental_option("mobileEmulation", {"deviceName": "Pixel 7"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    for p in ("geolocation", "notifications", "camera", "microphone"):
        d.execute_cdp_cmd("Browser.setPermission", {"permission": {"name": p}, "setting": "granted"})
    d.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": 50.1, "longitude": 8.6, "accuracy": 10})
    return d


def step(d: webdriver.Chrome, s: dict[str, str], phone: bool, typed: dict[str, str]) -> None:
    action, label = s["action"], s["label"]
    if action == "scroll":
        if not d.execute_script(SCROLL, label):
            raise LookupError(f"not found: scroll {label!r} (no .scrollbox on the screen)")
        time.sleep(0.3)
        return
    e = d.execute_script(FIND, label)
    if e is None and action != "text":     # a control inside a same-origin <iframe> (chaguan's consent banner)
        for frame in d.find_elements("css selector", "iframe"):
            d.switch_to.frame(frame)
            try:
                # found and clicked in one script, the click after it returns: the frame may go with it
                if d.execute_script(f"const hit = (function () {{ {FIND} }}).apply(null, arguments);"
                                    "if (hit) setTimeout(() => hit.click(), 0); return !!hit;", label):
                    time.sleep(0.5)
                    return
            finally:
                d.switch_to.default_content()
    deadline = time.monotonic() + WAIT_FOR_CONTROL
    while action != "text" and (e is None or not e.is_enabled()) and time.monotonic() < deadline:
        time.sleep(0.5)                    # a control that shows up or is enabled later (a countdown on its face)
        e = d.execute_script(FIND, label)
    if e is None:
        raise LookupError(f"not found: {action} {label!r}")
    if action == "text":
        field = d.execute_script("const e = arguments[0], l = e.closest('label');"
                                 "if (/^(INPUT|TEXTAREA)$/.test(e.tagName)) return e;"
                                 "const f = e.htmlFor && document.getElementById(e.htmlFor); if (f) return f;"
                                 "return (l && l.querySelector('input, textarea')) || e.parentElement.querySelector('input, textarea');", e)
        kind = field.get_attribute("type")
        field.send_keys(typed[label] if label in typed else "13700137001" if kind == "tel" else "walker@corpus.test" if kind == "email" else
                        "leaving" if field.tag_name == "textarea" else "corpus-pass-1")
    elif e.tag_name == "option":       # a native <select>: choose the option as a user's pick does
        d.execute_script("const o = arguments[0], s = o.closest('select'); s.value = o.value;"
                         "s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));", e)
    else:
        if d.execute_script(BEYOND, e):
            raise LookupError(f"{action} {label!r} lies beyond the screen's side in a strip scrolling sideways "
                              "(a scroll step missing before it)")
        before = set(d.window_handles)
        d.execute_script("arguments[0].click()", e)
        time.sleep(0.5)
        opened = [h for h in d.window_handles if h not in before]
        if opened:          # a link with target=_blank (sudar's privacy centre): the walk goes on in the new tab
            d.switch_to.window(opened[-1])
    time.sleep(0.5)


def end_words(note: str) -> list[str]:
    """The words the deletion's end screen shows, as the truth's note names them: the quote that begins its last
    "→" step (a quote cut by "…" gives its pieces); [] when that step begins with no quote (a dialog, a page
    described in words) — the end screen is then not checked."""
    if "→" not in note:
        return []
    found = QUOTED.match(note.rsplit("→", 1)[1])
    if found is None:
        return []
    quote = next(g for g in found.groups() if g)
    return [_plain(piece) for piece in quote.split("…") if piece.strip()]


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def end_check(d: webdriver.Chrome, wanted: list[str]) -> str:
    """"" when every piece of `wanted` is on screen (shadow roots included); else what is missing."""
    shown = _plain(d.execute_script(TEXT) or "")
    missing = [w for w in wanted if w not in shown]
    return f"the end screen does not show «{' … '.join(missing)}» (the truth's deletion note)" if missing else ""


def walk(base: str, app: str) -> bool:
    truth = json.loads((HERE / app / "truth.json").read_text(encoding="utf-8"))
    phone = (truth["credentials"].get("username") or "").isdigit()
    ok = True
    notes = walk_notes(app)
    prelude = [{"action": "tap", "label": x} for x in notes.get("prelude", [])]
    after = [{"action": "tap", "label": x} for x in notes.get("after_consent", [])]
    if notes.get("signup_first"):
        plans = (("sign up, accept, delete", [prelude, truth["signup"]["path"], truth["consent"]["accept_path"], after,
                                               truth["deletion"]["path"]]),
                 ("sign up, reject", [prelude, truth["signup"]["path"], truth["consent"]["reject_path"]]))
    else:
        plans = (("accept, sign up, delete", [prelude, truth["consent"]["accept_path"], after, truth["signup"]["path"],
                                               truth["deletion"]["path"]]),
                 ("reject", [prelude, truth["consent"]["reject_path"]]))
    deletion_end = end_words(truth["deletion"].get("note", ""))
    for name, paths in plans:
        if notes.get("skip"):
            print(f"{app:20} {name:24} skipped ({notes['skip']})")
            continue
        d = browser()
        try:
            d.get(f"{base}/{app}/")
            time.sleep(float(notes.get("launch_wait", 2.0)))
            for path in paths:
                for s in path:
                    step(d, s, phone, notes.get("typed", {}))
            end = d.execute_script("const t = document.querySelector('.title, .ttl, header h1, section:not([hidden])');"
                                   "return t ? t.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60) : ''")
            deleting = truth["deletion"]["path"] in paths
            if deleting and deletion_end and (wrong := end_check(d, deletion_end)):
                raise LookupError(wrong)
            checked = ("end screen checked" if deleting and deletion_end else
                       "end screen not checked: the truth names none" if deleting else
                       "what the app stored and the dialog's going not checked")
            print(f"{app:20} {name:24} ok   (every step found and taken; {checked}; ends on: {end or 'no title or section found to name it'})")
        except LookupError as e:
            ok = False
            print(f"{app:20} {name:24} FAIL {e}")
        finally:
            d.quit()
    return ok


def main(apps: list[str]) -> int:
    spec = importlib.util.spec_from_file_location("corpus_server", HERE / "server.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    with module.CorpusServer(0) as server:
        results = [walk(server.url, app) for app in (apps or server.apps)]
    return 0 if all(results) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("apps", nargs="*", help="corpus apps to walk (default: all)")
    names = parser.parse_args().apps
    unknown = [a for a in names if not (HERE / a / "truth.json").is_file()]
    if unknown:
        parser.exit(2, f"walk_truth: no corpus app {', '.join(unknown)} (apps: folders of tests/corpus with a "
                       f"truth.json)\n")
    sys.exit(main(names))
