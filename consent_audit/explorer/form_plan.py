"""Planning a form (nothing is done here): its text fields and the kind of value each wants, the boxes to
tick or untick, a required choice, a drop-down, a "send code" button and the control that submits it — by
purpose (explorer/form_data.py). Filling it is explorer/forms.py."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..detectors.destructive import confirm_word, hint_word
from ..measures import selects_all
from ..screen import Screen
from . import cues
from .elements import Target, Use, nearby_text, refusing_options
from .form_data import ACCOUNT, ACCOUNT_RETRY, FILL, RETRY, RETRY_ALL, UNTICK, FormData, field_kind
from .launch_layer import overlaid
from .refused import free_text_asked, lacking_boxes
from .screens import inside

# What may submit a form, by purpose (a category counts once; the best-scored control submits).
SUBMIT = {
    FILL: {"cancel_account": 100, "delete": 60, "next": 45, "confirm": 45, "agree": 30},
    ACCOUNT: {"log_in": 60, "sign_up": 60, "confirm": 40, "next": 40, "agree": 20},
    UNTICK: {"save": 60, "confirm": 40, "next": 20, "agree": -100},
}
NEVER_SUBMIT = {"send_code", "back", "decline", "support", "log_out", "exit", "verify"}


@dataclass
class FormPlan:
    fields: list[tuple[Target, str]]      # text fields and the kind of value each wants
    ticks: list[Target]                   # boxes to toggle (tick on a fill form, untick on a consent form)
    choice: Target | None                 # the first option of a required choice none of which is chosen
    send: Target | None                   # a "send code" button
    submit: Target | None
    missing: list[str]
    selects: list[Target] = field(default_factory=list)   # drop-downs with no real option chosen (a reason)
    free: list[Target] = field(default_factory=list)      # free-text boxes left empty for the app to judge

    @property
    def work(self) -> bool:
        return bool(self.fields or self.ticks or self.choice or self.selects or self.free)


WAYS_OUT = ("decline", "log_out", "exit")
"""Words of an option that ends the flow instead of giving what it asks (keep my account, cancel, log out)."""


def neutral_option(radios: list[Target]) -> Target | None:
    """The option of a required choice to give: the first enabled one not worded as a way out (`WAYS_OUT`: «I
    changed my mind, keep my account» answers the deletion, it does not give its reason); None when every one is."""
    return next((t for t in radios if t.element.enabled and not cues.has(t.label, *WAYS_OUT)), None)


def submit_score(label: str, purpose: str) -> float:
    found = cues.categories(label)
    if found & NEVER_SUBMIT:
        return -1.0
    kind = FILL if purpose.startswith(RETRY) else ACCOUNT if purpose.startswith(ACCOUNT_RETRY) else purpose
    return sum(w for c, w in SUBMIT[kind].items() if c in found)


def plan(screen: Screen, found: list[Target], purpose: str, data: FormData, sms_known: bool) -> FormPlan:
    """What the screen asks for and what submits it (nothing is done here)."""
    language = cues.language_of(screen.texts())
    fields, ticks, missing, free = [], [], [], []
    lacking: list[Target] = []
    if purpose.startswith(ACCOUNT_RETRY):      # a sign-up again: as ACCOUNT, and the boxes its refusal wants
        lacking = lacking_boxes(found, purpose.partition(":")[2])
        purpose = ACCOUNT
    retry = purpose.startswith(RETRY)
    asked, _, refused = purpose.partition(":")[2].partition("|")
    hints = [k for k in asked.split(",") if k]
    radios = [t for t in found if t.use == Use.CHOOSE]
    send = next((t for t in found if t.use == Use.TAP and cues.has(t.label, "send_code")), None)
    for target in found:
        if target.use == Use.TEXT and target.element.enabled and purpose != UNTICK:
            kind = field_kind(target.label, purpose, target.element.secret_field, target.element.mailbox)
            if kind is None and target.key in data.known:
                kind = data.known[target.key]    # the same field typed into before in this run
            if (purpose == FILL or retry) and kind in (None, "username") and hint_word(target.label):
                kind = "typed_back"          # its own hint names the word («Taip PADAM»): before any label beside it
            elif kind in (None, "username") and target.element.name:   # a placeholder hint; the label may say more
                beside = nearby_text(screen, target.element)
                kind = field_kind(beside, purpose) if beside and field_kind(beside, FILL) else kind
            if (purpose == FILL or retry) and kind in (None, "username") and confirm_word(screen, target.element):
                kind = "typed_back"          # structure, any language: the hint is the word the message quotes
            obtainable = (kind == "sms_code" and (sms_known or send is not None)) or kind == "typed_back"
            if kind is None or (data.value(kind, language) is None and not obtainable):
                if hints and data.value(hints[0], language) is not None:
                    fields.append((target, hints.pop(0)))      # what the refusal asked for
                elif retry and kind is None and data.value("reason", language) is not None \
                        and free_text_asked(target, refused):
                    fields.append((target, "reason"))          # refused empty: a reason, in words none knew
                elif target.element.multiline:   # a box for free text (a reason, a comment, in words none
                    free.append(target)            # knew): left empty, the app says if it wants it; the retry
                    #                                writes it (`free_text_asked`)
                elif not cues.has(target.label, "optional_field"):   # "(optional)" is left empty at first
                    # said as what stops the form: a value the user did not give, or a field whose words tell
                    # no data kind the suite knows (never "not given" for it: the username may have been given)
                    missing.append(f"{kind} (not given)" if kind else
                                   f"'{target.label[:40]}' (a field whose words name no data the suite knows)")
            else:
                fields.append((target, kind))
                if kind in hints:
                    hints.remove(kind)
        elif target.use == Use.TOGGLE:
            if purpose == UNTICK and target.element.checked:
                if target.element.enabled:    # a ticked box that cannot be unticked is mandatory, not a choice
                    ticks.append(target)
            elif purpose != UNTICK and not target.element.checked and (
                    cues.has(target.label, "acknowledge", "agree") or retry or target in lacking
                    or target.element.required):   # marked required: the form is not sent without it, any language
                ticks.append(target)
    if purpose == UNTICK:    # a ticked select-all switch first: unticking it unticks every purpose at once
        ticks.sort(key=lambda t: not selects_all(t.element))
        ticks += refusing_options(found)     # a purpose drawn as radios: its refusing option chosen
    elif purpose.startswith(RETRY_ALL):   # one option box was not enough: every box is a condition to tick
        ticks = _gated_last(ticks)
    elif retry:     # a disabled box (gated by a text to read, `fill`) only where no enabled one will do
        ticks = _least_choice(_gated_last(ticks), found)
    choice = None
    if radios and purpose.startswith((FILL, RETRY)) and not any(t.element.checked for t in radios):
        choice = neutral_option(radios)
    # a drop-down showing no real option (web: `checked` False; a Spinner's state unread: None, chosen on a retry)
    selects = [t for t in found if t.use == Use.SELECT and t.element.enabled and purpose.startswith((FILL, RETRY))
               and (t.element.checked is False or (retry and t.element.checked is None))]
    # a control of a layer laid over the page (a notice's «OK») is no submit of a form outside it: kept only where
    # nothing else could submit (a sticky bar holding the form's own button and a sentence)
    inputs = [t for t in found if t.use in (Use.TEXT, Use.TOGGLE, Use.CHOOSE, Use.SELECT)]
    over = overlaid(screen, inputs) if inputs else []
    apart = [t for t in found if t.use == Use.TAP and any(inside(t.bounds, box) for box in over)]
    taps_ = [(submit_score(t.label, purpose), t) for t in found if t.use == Use.TAP and t is not send
             and t not in apart]
    scored = [(s, t) for s, t in taps_ if s > 0]
    order = {id(e): i for i, e in enumerate(screen.elements)}
    last = max((order.get(id(t.element), -1) for t in found if t.use != Use.TAP), default=-1)
    submit = None
    if scored:   # of the best-worded controls, the one right after the last input (links further down lead away)
        top = max(s for s, _ in scored)
        best = [t for s, t in scored if s >= top - 15]
        after = [t for t in best if order.get(id(t.element), -1) > last]
        submit = min(after or best, key=lambda t: order.get(id(t.element), 0))
    elif purpose in (ACCOUNT, FILL) and any(t.element.secret_field or k == "typed_back" for t, k in fields) or (
            purpose == FILL and (fields or ticks or free or choice or selects or _held_for_a_box(taps_, found, order,
                                                                                              last))):
        # structure, any language: a credentials form (a password field) — or a password asked again to confirm
        # (a deletion entered by structure: explorer/deletion.py) — whose button no lexicon names is sent
        # by the first button right after its last field (a link there, "forgot password?", leads away), unless
        # its words say it leads away (back, help …); so is a type-to-confirm field's («Taip PADAM»), whose
        # button is often disabled until the word is typed; and, in a deletion, any form with something to
        # give (a reason in a box, a box to tick: gcn-dark's «Burahin ang account ko» in no lexicon; one option
        # of a required choice — radios, real or drawn — or a drop-down: warung's «Lanjut» under four reasons)
        after = [t for s, t in taps_ if s == 0 and order.get(id(t.element), -1) > last]
        after = [t for t in after if t.element.role == "button"] or after
        # of them, one the form holds back (disabled until it is filled) is its own; an enabled one beside it
        # does not wait for the form (nom's big «រក្សាគណនីរបស់ខ្ញុំ» above the disabled «លុបជារៀងរហូត»)
        after = [t for t in after if not t.element.enabled or t.element.faded] or after
        submit = min(after, key=lambda t: order.get(id(t.element), 0)) if after else None
    if submit is None and apart:
        submit = max(apart, key=lambda t: submit_score(t.label, purpose))
        submit = submit if submit_score(submit.label, purpose) > 0 else None
    if purpose == FILL and submit is not None and (not submit.element.enabled or submit.element.faded) and not ticks:
        # a way on disabled until a box is ticked («Я розумію, що всі бонуси згорять»), in any language: the
        # box is what it waits for (structure: the button's state, or its look — drawn faded, sahel's «Supprimer»
        # at opacity .45 beside a drawn box «Je comprends que c’est définitif»); of option boxes one, as on a
        # refused form.
        # A box disabled itself (native `disabled` or drawn with aria-disabled) is gated too — by a text to read
        # to its end (hikari: «注意事項を確認しました» aria-disabled until its notice is scrolled): `fill`
        # scrolls before ticking it; enabled boxes come first
        ticks = _least_choice(_gated_last([t for t in found if t.use == Use.TOGGLE and not t.element.checked]),
                              found)
    return FormPlan(fields=fields, ticks=ticks, choice=choice, send=send, submit=submit, missing=missing,
                    selects=selects, free=free)


def _held_for_a_box(taps_: list[tuple[float, Target]], found: list[Target], order: dict[int, int],
                    last: int) -> bool:
    """Whether an unticked box stands before an unworded button held back (disabled, or drawn faded) right after
    the last input: a way on waiting for the box, whatever its words (corpus valna: «Разбирам, че номерът и
    фактурите ще бъдат изтрити» and a disabled «Продължи», neither in a lexicon — before, no form was seen and
    the deletion's search stopped there, 'no way forward'). An enabled button beside an unticked box is no such
    form (an optional box: the button does not wait for it)."""
    if not any(t.use == Use.TOGGLE and t.element.enabled and not t.element.checked for t in found):
        return False
    after = [t for s, t in taps_ if s == 0 and order.get(id(t.element), -1) > last]
    first = min(after, key=lambda t: order.get(id(t.element), 0), default=None)
    return first is not None and (not first.element.enabled or first.element.faded)


def _gated_last(boxes: list[Target]) -> list[Target]:
    """`boxes` with the enabled ones first: a disabled unticked box is ticked only once what gates it (a text
    scrolled to its end, `fill`) lets it; where an enabled box will do, that is the one ticked."""
    return sorted(boxes, key=lambda t: not t.element.enabled)


def _least_choice(ticks: list[Target], found: list[Target]) -> list[Target]:
    """A refused form's boxes, as a careful user ticks them: every agree / "I have read" box, and of the other
    boxes one — several of them are the options of a question ("Why are you leaving? (choose at least one)"),
    one answers it (none more once one is ticked); a single other box is ticked."""
    agree = [t for t in ticks if cues.has(t.label, "acknowledge", "agree")]
    if any(t.use == Use.TOGGLE and t.element.checked and not cues.has(t.label, "acknowledge", "agree")
           for t in found):
        return agree
    return agree + [t for t in ticks if t not in agree][:1]


def is_form(screen: Screen, found: list[Target], purpose: str, data: FormData) -> bool:
    p = plan(screen, found, purpose, data, sms_known=True)
    return p.submit is not None and (p.work or bool(p.missing))

