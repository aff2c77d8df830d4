"""A deletion whose only way is a support chat (corpus mtsvane, Georgian: პარამეტრები › დახმარება › მხარდაჭერის
ჩატი, a text field «შეტყობინება» and «გაგზავნა» beside it; a message asking for the deletion gets a bot's answer
with «ჩემი ანგარიშის წაშლა» → a confirm → deleted). Before, the chat's send was an unscored control past the
fallback's depth, never tried: "nothing promising left to try", a wrong not_found. A screen whose only input is a
free-text field with a send control beside it is written to — the deletion request in the screen's language,
typed (one step) and sent (one step) — last, once; a language with no known phrase is said, never typed in
another. Simulated apps (no browser), the harness of tests/test_explorer_signup_refusal.py."""
from __future__ import annotations

from consent_audit.explorer.deletion import DeletionGoal
from consent_audit.explorer.elements import targets

from tests.test_explorer_signup_refusal import CONFIG, FormApp, search

FIELD = "შეტყობინება"


def _chat_app(language: str = "ka") -> FormApp:
    """Start › settings › help › chat, three levels down; the bot offers the deletion to a message asking for it."""
    words = {"ka": ("მთავარი ამბები დღეს", "პარამეტრები", "დახმარება", "მხარდაჭერის ჩატი", "გაგზავნა"),
             # Xhosa: a language the identifier tells (the chat's title has letters enough) and the lexicon has
             # no deletion phrase in — the Armenian of before has one since the lexicon grew (e67e356)
             "xh": ("Iindaba eziphambili zanamhlanje", "Iisetingi", "Uncedo", "Incoko yenkxaso yabathengi",
                    "Thumela")}
    news, settings, help_, chat, send = words[language]

    def answer(app: FormApp) -> str:
        said = app.values.get(FIELD, "")
        return "answer" if "წაშ" in said or "delete" in said else "chat"

    def gone(app: FormApp) -> str:
        app.user = None
        return "!done"

    return FormApp({
        "home": lambda a: [("text", news), ("tap", settings, lambda x: "settings")],
        "settings": lambda a: [("text", a.user or ""), ("tap", help_, lambda x: "help")],
        "help": lambda a: [("text", "ხშირი კითხვები" if language == "ka" else "Imibuzo ebuzwa rhoqo"),
                           ("tap", chat, lambda x: "chat")],
        "chat": lambda a: [("text", chat), ("field", FIELD, False), ("tap", send, answer, (80, 40), "beside")],
        "answer": lambda a: [("text", a.values.get(FIELD, "")),
                             ("text", "გასაგებია. ანგარიშის წაშლა შეგიძლიათ აქვე."),
                             ("tap", "ჩემი ანგარიშის წაშლა", lambda x: "confirm"),
                             ("field", FIELD, False), ("tap", "გაგზავნა", answer, (80, 40), "beside")],
        "confirm": lambda a: [("text", "ნამდვილად გსურთ ანგარიშის წაშლა?"), ("tap", "გაუქმება", lambda x: "answer"),
                              ("tap", "წაშლა", gone)],
        "!done": lambda a: [("text", "თქვენი ანგარიში წაიშალა.")],
    }, user="tester@mtsvane.test")


def test_a_deletion_offered_only_through_a_chat_is_asked_for_in_the_apps_language_and_found() -> None:
    result, app = search(_chat_app(), DeletionGoal(CONFIG))
    assert result.ending == "reached", (result.detail, app.taps)
    assert [m.label for m in result.moves][-3:] == ["გაგზავნა", "ჩემი ანგარიშის წაშლა", "წაშლა"], result.moves
    assert app.values[FIELD] == "ანგარიშის წაშლა"        # the lexicon's Georgian phrase, not English
    sent = app.taps.index(f"type {FIELD}")
    assert app.taps[sent + 1] == "გაგზავნა"                # typed: one step; sent: one step
    assert app.taps.count(f"type {FIELD}") == 1            # written once: the answer's composer not again


def test_a_chat_in_a_language_no_deletion_phrase_is_known_for_is_said_never_typed_in() -> None:
    from consent_audit.explorer.chat import _requests
    assert "xh" not in _requests()                         # the premise: no Xhosa phrase in the lexicon
    result, app = search(_chat_app("xh"), DeletionGoal(CONFIG))
    assert result.ending != "reached", result.detail
    assert not any(t.startswith("type ") for t in app.taps), app.taps
    assert "no deletion phrase of the app's language (xh)" in result.detail, result.detail


def test_a_chat_that_answers_nothing_useful_is_said_in_the_not_found() -> None:
    app = _chat_app()
    app.pages["answer"] = lambda a: [("text", "ბოდიში, ვერ გავიგე."), ("field", FIELD, False),
                                     ("tap", "გაგზავნა", lambda x: "answer", (80, 40), "beside")]
    result, app = search(app, DeletionGoal(CONFIG))
    assert result.ending != "reached"
    assert "was asked «ანგარიშის წაშლა» (typed, sent)" in result.detail, result.detail
    assert app.taps.count(f"type {FIELD}") == 1, app.taps


def test_a_search_box_is_not_typed_into_where_the_deletion_is_found_otherwise() -> None:
    """The same shape (one field, a button beside it) on the start screen: the chat's move goes after every
    other control, so a deletion found by the fallback's taps never costs the two actions of typing there."""
    app = FormApp({
        "home": lambda a: [("text", "Zorp blim"), ("field", "Zoek", False), ("tap", "Go", lambda x: "home", (80, 40),
                                                                               "beside"),
                           ("tap", "Plonk", lambda x: "plonk")],
        "plonk": lambda a: [("tap", "Delete account", lambda x: "confirm")],
        "confirm": lambda a: [("text", "Are you sure?"), ("tap", "Delete", lambda x: "!done")],
        "!done": lambda a: [("text", "Your account has been deleted.")],
    }, user="tester@x.test")
    result, app = search(app, DeletionGoal(CONFIG))
    assert result.ending == "reached", (result.detail, app.taps)
    assert not any(t.startswith("type ") for t in app.taps), app.taps


def test_what_a_chat_composer_is() -> None:
    from consent_audit.explorer.chat import composer
    go = lambda a: "x"    # noqa: E731
    cases = (
        ([("field", FIELD, False), ("tap", "გაგზავნა", go, (80, 40), "beside")], True),
        ([("text", "hi"), ("field", FIELD, False), ("tap", "გაგზავნა", go)], False),            # below, not beside
        ([("field", "E-mail", False), ("field", "Password", True), ("tap", "Go", go, (80, 40), "beside")], False),
        ([("field", "Password", True), ("tap", "Go", go, (80, 40), "beside")], False),            # a secret
        ([("field", "E-mail", False), ("tap", "Go", go, (80, 40), "beside")], False),             # names a data kind
        ([("field", FIELD, False), ("tap", "Back", go, (80, 40), "beside")], False),              # leads away
        ([("box", "I agree"), ("field", FIELD, False), ("tap", "Go", go, (80, 40), "beside")], False),
    )
    for rows, expected in cases:
        app = FormApp({"home": lambda a, rows=rows: rows})
        screen = app.screen()
        assert (composer(screen, targets(screen)) is not None) is expected, rows


def test_a_control_right_above_a_field_named_by_itself_is_a_control_not_its_label() -> None:
    """Corpus mtsvane: the bot's answer ends in a button «ჩემი ანგარიშის წაშლა» right above the message field
    (placeholder «შეტყობინება»); before, `targets` took it for the field's label (the nearest text above a
    field) and dropped it — the chat answered, the search saw nothing to tap. A field without a name of its own
    still has the words above it for its label, and an element saying the field's own name still is its label."""
    from consent_audit.screen import Element, Screen
    button = Element(text="ჩემი ანგარიშის წაშლა", rid="chat-delete", clickable=True, bounds=(76, 538, 798, 123))
    field = Element(name=FIELD, rid="say", role="textbox", clickable=True, bounds=(42, 759, 726, 118))
    send = Element(text="გაგზავნა", rid="send", clickable=True, bounds=(789, 759, 251, 118))
    keys = {t.key for t in targets(Screen(elements=[button, field, send], signature="chat", size=(1082, 2402)))}
    assert "#chat-delete" in keys, keys
    said = Element(text=FIELD, clickable=True, bounds=(42, 680, 400, 60))      # a label saying the field's name
    keys = {t.key for t in targets(Screen(elements=[said, field, send], signature="chat", size=(1082, 2402)))}
    assert not any(FIELD in k and "#say" != k for k in keys), keys
    unnamed = Element(rid="mail", role="textbox", clickable=True, bounds=(42, 759, 726, 118))
    label = Element(text="E-mail address", clickable=True, bounds=(42, 680, 400, 60))
    keys = {t.key for t in targets(Screen(elements=[label, unnamed], signature="form", size=(1082, 2402)))}
    assert keys == {"#mail"}, keys


def test_a_chat_that_is_its_screens_only_way_on_is_written_to_while_the_search_stands_there() -> None:
    """Corpus mtsvane: with the chat last of all, the search tapped every other unscored control first — the
    consent banner's «ვეთანხმები» too, whose tap then stood at the head of the deletion's path (steps 8, truth 7) —
    and walked back to the chat (47 actions). The chat being its screen's only way on, it is tried there and then."""
    app = _chat_app()
    rows = app.pages["settings"]
    app.pages["settings"] = lambda a: rows(a) + [("tap", "აპლიკაციის შესახებ", lambda x: "about")]
    app.pages["about"] = lambda a: [("text", "ვერსია 2.4")]
    result, app = search(app, DeletionGoal(CONFIG))
    assert result.ending == "reached", (result.detail, app.taps)
    assert "აპლიკაციის შესახებ" not in app.taps, app.taps
