"""Figures from what the recorder saw: pure functions over trails and screens (no driver, no platform)."""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from .detectors.text import classify_action, data_demanded, load_lexicon, waiting_period_days
from .purpose_rows import unswitched
from .radio_purposes import purpose_controls, untold_radio_pairs
from .recorder import Kind, Step, Trail
from .screen import Element, Screen

OUTCOMES = ("usable", "degraded", "blocked", "exited", "loop")


# --- deletion ---------------------------------------------------------------------------------------

CHOSEN_BY_TICK = frozenset({"reason"})
"""Data kinds a ticked box can give (a reason among options); never a password, a phone number … — and the kinds a
field whose words name none is counted as demanding when the explorer wrote one there (a step's "gave")."""


def _agreement(target: dict[str, Any]) -> bool:
    """A box that agrees or acknowledges ("I have read the notice", 我已阅读并同意): no data, a consent."""
    label = f'{target.get("name", "")} {target.get("text", "")}'
    return bool({"agree", "acknowledge"} & set(load_lexicon("goals").match(label) + load_lexicon("explorer").match(label)))


def demanded_data(trail: Trail) -> list[str]:
    """Data the path demanded: labels of fields typed into, choices made on a screen asking for a kind of
    data (a radio or a drop-down's option chosen: the kind the screen names, else a reason — the answer a
    deletion path offers to choose; a box ticked that is no agreement, where the screen names a reason), and a
    camera scan (face_scan when the screen speaks of a face, else camera)."""
    kinds: set[str] = set()
    previous = trail.start
    for step in trail.steps:
        if step.kind == Kind.TEXT:
            named = data_demanded([step.target.get("name", ""), step.target.get("text", "")])
            gave = [step.target["gave"]] if step.target.get("gave") in CHOSEN_BY_TICK else []   # a reason written
            kinds.update(named or (["password"] if _secret(previous, step.target) else gave))
        elif step.kind == Kind.TAP and step.target.get("role") in ("radio", "combobox") and previous is not None:
            # one of the offered answers chosen: a reason, whatever the language of the question (ccjs-dark's
            # «Spune-ne de ce:») — unless the screen's words name another kind of data
            kinds.update(data_demanded(previous.shown_texts()) or CHOSEN_BY_TICK)
        elif step.kind == Kind.TOGGLE and previous is not None and not _agreement(step.target):
            # a box ticked among options ("Why are you leaving? choose at least one") gives a choice: a reason
            kinds.update(k for k in data_demanded(previous.shown_texts()) if k in CHOSEN_BY_TICK)
        before = previous.prompts.get("camera", 0) if previous is not None else 0
        if step.screen.prompts.get("camera", 0) > before:
            texts = (previous.shown_texts() if previous else []) + step.screen.shown_texts()
            kinds.add("face_scan" if "face_scan" in data_demanded(texts) else "camera")
        previous = step.screen
    return sorted(kinds)


def _secret(screen: Screen | None, target: dict[str, Any]) -> bool:
    """Whether the field typed into (`target`: the step's element as recorded) is masked on the screen it was
    typed on — a password by structure, whatever its label's language (पासवर्ड)."""
    bounds = list(target.get("bounds") or ())
    return screen is not None and bool(bounds) and any(
        e.secret_field and list(e.bounds) == bounds for e in screen.elements)


def completion(screen: Screen | None) -> str | None:
    """'done' or 'pending' when the final screen says so (goal lexicon; the texts a user reads, not those a
    later layer covers), else None."""
    if screen is None:
        return None
    goals = load_lexicon("goals")
    categories = {c for text in screen.shown_texts() for c in goals.match(text)}
    if "pending" in categories or _stated_period(screen) is not None:
        return "pending"
    if "success" in categories:
        return "done"
    return None


MAILBOX = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
OWN_DIGITS = 6         # a typed value with at least this many digits (and no @) is a number the account holds


def own_identities(steps: Iterable[Step]) -> list[str]:
    """What the suite itself typed that reads as a contact channel (the goal lexicon's `off_app_channel`: an
    e-mail address, a phone number): the test account's own identity — signed up, logged in with, typed again to
    confirm — sorted, each once. Read from the steps' recorded `typed` value (a secret is recorded masked)."""
    goals = load_lexicon("goals")
    values = {str(s.target.get("typed") or "") for s in steps if s.kind == Kind.TEXT}
    return sorted(v for v in values if v and "off_app_channel" in goals.match(v))


def _mailbox(address: str) -> str:
    """An address's mailbox: lower case, a plus tag dropped (tester+1@x.test is tester@x.test's)."""
    local, _, domain = address.lower().partition("@")
    return f"{local.split('+')[0]}@{domain}"


def _without_own(text: str, own: Iterable[str]) -> str:
    """`text` with the account's own identities left out: its addresses (any plus tag, any case) and its
    numbers however grouped (0612 345 678 for 0612345678)."""
    own = list(own)
    mailboxes = {_mailbox(v) for v in own if "@" in v}
    text = MAILBOX.sub(lambda m: " " if _mailbox(m.group()) in mailboxes else m.group(), text)
    for value in own:
        digits = re.sub(r"\D", "", value)
        if "@" not in value and len(digits) >= OWN_DIGITS:
            text = re.sub(r"(?<!\d)" + r"[ ()+.-]{0,2}".join(digits) + r"(?!\d)", " ", text)
    return text


def off_app(screen: Screen | None, own: Iterable[str] = ()) -> bool:
    """The screen sends the user elsewhere: an e-mail address, a phone call, a web form. `own`: the test
    account's own identities (`own_identities`): an address or number shown as the signed-in user names the user,
    not where to write or call."""
    if screen is None:
        return False
    goals = load_lexicon("goals")
    own = list(own)
    return any("off_app_channel" in goals.match(_without_own(text, own)) for text in screen.shown_texts())


LOGGED_OUT = ("rejected", "pending")   # what logging in again answers once the account is deleted (or pending)

PERIOD_CONTEXT = frozenset({"account", "delete", "cancel_account", "pending", "success"})
"""Goal-lexicon categories a sentence stating a period must also speak of to be the deletion's waiting period:
"your account will be deleted in 30 days", not a retention offer's "3 months free" (issue 13, corpus pochta)."""


def _stated_period(screen: Screen) -> int | None:
    goals = load_lexicon("goals")
    for text in screen.shown_texts():
        days = waiting_period_days(text)
        if days is not None and set(goals.match(text)) & PERIOD_CONTEXT:
            return days
    return None


def waiting_period(screen: Screen | None) -> int | None:
    """The deletion's waiting period the screen states, in days (a period in a sentence about the account, its
    deletion or a pending request: `PERIOD_CONTEXT`); None when none."""
    return _stated_period(screen) if screen is not None else None


def deletion_metrics(deletion: Trail, signup: Trail | None, login_after: str | None,
                     own: Iterable[str] = ()) -> dict[str, Any]:
    """The deletion's figures (README) from its trail, the sign-up's and what logging in again answered; `own`:
    the test account's identities (`own_identities`), never read as the channel of an off-app ending.
    `deletion_in_app` is None (unmeasured) when the path ends in the app, sends the user nowhere else, and
    neither its last screen (in words a lexicon has) nor a log-in after it (`login_after` None: not walked)
    tells the deletion done or pending — an unchecked end is no absence."""
    counts = deletion.counts
    final = deletion.last_screen
    # done in the app: its last screen says so, or — whatever it says, in words no lexicon has — the account
    # is refused (or pending) when logged into again after the path, and that screen sends the user nowhere else;
    # neither said nor checked (vayu-later-en: «30 दिनों में हटा दिया जाएगा», the log-in after it not walked): unmeasured
    told = final is not None and (completion(final) is not None or login_after in LOGGED_OUT)
    elsewhere = final is None or not final.in_app or off_app(final, own)
    in_app = False if elsewhere else True if told else None if login_after is None else False
    signup_steps = signup.counts["steps"] if signup is not None else None
    return {
        "steps": counts["steps"], "taps": counts["taps"], "text_inputs": counts["text_inputs"],
        "toggles": counts["toggles"], "scrolls": counts["scrolls"], "screens": deletion.distinct_screens,
        "data_demanded": demanded_data(deletion),
        "waiting_period_days": waiting_period(final) if in_app else None,
        "deletion_in_app": in_app,
        "login_after_deletion": login_after,
        "signup_steps": signup_steps,
        "delete_to_signup_ratio": round(counts["steps"] / signup_steps, 2) if signup_steps else None,
    }


def deletion_untold(metrics: dict[str, Any], gap: str = "") -> dict[str, str]:
    """Figure → why it could not be told, for the deletion's figures left None by `deletion_metrics`: whether the
    deletion was done in the app (its end said nothing known and was not checked) and what logging in again
    answered, when `gap` says why that log-in could not be walked (a step of its path gone). Empty when all
    were told. Such figures end the audit not_found with the reason (Audit.not_told), never a finding."""
    why = "logging in again after the deletion could not be walked" + (f" ({gap})" if gap else "")
    out: dict[str, str] = {}
    if metrics.get("deletion_in_app") is None and "deletion_in_app" in metrics:
        out["deletion_in_app"] = ("whether the account was deleted in the app: its last screen says nothing the "
                                  f"lexicons know of a deletion done or pending, and {why}")
    if metrics.get("login_after_deletion") is None and (gap or out):
        out["login_after_deletion"] = why
    return out


# --- permissions ------------------------------------------------------------------------------------

def declined_reprompts(trail: Trail, permission: str) -> int:
    """How often the prompt for `permission` came back right after the user declined (cancel, not now)."""
    count = 0
    previous = trail.start
    for step in trail.steps:
        label = step.target.get("text") or step.target.get("name") or ""
        before = previous.prompts.get(permission, 0) if previous is not None else 0
        if step.kind == Kind.TAP and classify_action(label) == "decline" \
                and step.screen.prompts.get(permission, 0) > before:
            count += 1
        previous = step.screen
    return count


def screen_actions(screen: Screen | None) -> list[str]:
    """Goal-lexicon categories of what the user can do on a screen (e.g. permission_request, exit)."""
    if screen is None:
        return []
    return sorted({classify_action(e.label) or "other" for e in screen.actionable() if e.label})


def permission_outcome(trail: Trail, permission: str | None, core_reached: bool, feature_on: bool | None,
                       in_foreground: bool, loop_after_declines: int, feature_unmeasured: bool = False) -> str | None:
    """usable / degraded / blocked / exited / loop, from what the deny-path walk saw. On a core reached:
    degraded when a refused feature failed (`feature_on` False); None — unmeasured — when none failed but one
    known to need the permission could not be used (`feature_unmeasured`: its route or control not on screen);
    usable otherwise (it worked, or no feature is known for the permission: the app works without it)."""
    final = trail.last_screen
    if not in_foreground or (final is not None and not final.in_app):
        return "exited"
    if core_reached:
        if feature_on is False:
            return "degraded"
        return None if feature_unmeasured else "usable"
    names = [permission] if permission else sorted({p for s in trail.screens for p in s.prompts})
    if any(declined_reprompts(trail, name) >= loop_after_declines for name in names):
        return "loop"
    return "blocked"


# --- consent ------------------------------------------------------------------------------------------

_SELECT_ALL_ID = re.compile(r"(?:toggle|select|check|disable|enable)[-_ ]?all\b|\ball[-_]?(?:toggle|select)", re.I)


def selects_all(element: Element) -> bool:
    """A box or switch that sets every purpose at once — by its id (toggleAll, select-all, Klaro's disableAll)
    or its words (lexicons/consent_controls.yaml select_all): no purpose of its own."""
    if _SELECT_ALL_ID.search(element.own_id):
        return True
    return "select_all" in load_lexicon("consent_controls").match(f"{element.text} {element.name}")


def _purpose_boxes(trail: Trail) -> list[Element]:
    """The purposes' controls of the first screen of the path that shows any (checkboxes, switches, a radio
    group's consenting option: radio_purposes.purpose_controls), a select-all one left out."""
    for screen in trail.screens:
        boxes = purpose_controls(screen.elements)
        if boxes:
            return [e for e in boxes if not selects_all(e)]
    return []


def purpose_boxes_seen(trail: Trail) -> bool:
    """Whether any screen of the path showed a purpose's control, or a radio pair that may be one (`untold_radio_pairs`)."""
    return any(purpose_controls(screen.elements) for screen in trail.screens) or untold_radio_pairs(trail)


def preticked(trail: Trail) -> int | None:
    """Optional purposes already ticked on the first screen of the path that shows any purpose's control — a
    box or switch ticked, a radio group with its consenting option selected (a ticked box the user cannot untick
    is mandatory: see `mandatory`; a select-all switch is no purpose); None, never 0: `untold_radio_pairs`."""
    if untold_radio_pairs(trail):
        return None
    return sum(1 for e in _purpose_boxes(trail) if e.checked and e.enabled)


def switched_off_at_answer(trail: Trail) -> int:
    """Purposes switched off as the path gave its answer: the boxes enabled and unticked (a select-all one left
    out) on the last screen before its last step that shows any — what the user left off, which the stored
    refusal must keep off (0: no box shown before the answer)."""
    before = ([trail.start] if trail.start else []) + [s.screen for s in trail.steps[:-1]]
    for screen in reversed(before):
        boxes = purpose_controls(screen.elements)
        if boxes:
            return sum(1 for e in boxes if e.enabled and not e.checked and not selects_all(e))
    return 0


def mandatory(trail: Trail) -> int:
    """Purposes ticked and locked (disabled) on that screen, and those it shows as always on with no control
    (`purpose_rows.unswitched`): strictly necessary, reported apart."""
    screen = next((s for s in trail.screens if purpose_controls(s.elements)), None)
    return sum(1 for e in _purpose_boxes(trail) if e.checked and not e.enabled) + (
        unswitched(screen) if screen is not None else 0)


OCR = Callable[[bytes], list[str]]


def texts_of(trails: Iterable[Trail], ocr: OCR | None = None) -> list[str]:
    """Every element text and accessible name on the trails' screens, in order, once each. Where a target
    draws its text into pixels only (canvas, images), pass `ocr` (PNG bytes → lines of text) to read them too."""
    seen: list[str] = []
    for trail in trails:
        for screen in trail.screens:
            found = [t for e in screen.elements for t in (e.text, e.name)]
            if ocr is not None and screen.screenshot:
                found += ocr(screen.screenshot)
            for text in found:
                if text and text not in seen:
                    seen.append(text)
    return seen
