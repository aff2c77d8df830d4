"""Which controls the deny-permissions probe tries: by their words first (feature_controls); when no word names a
feature, every enabled control by structure, except those that leave, log out, delete or refuse
(assets/explorer.yaml `search.probe_avoid`)."""
from __future__ import annotations

from consent_audit.explorer.config import load_config
from consent_audit.explorer.elements import targets
from consent_audit.explorer.permissions import any_controls, feature_controls
from consent_audit.screen import Element, Screen

AVOID = frozenset(load_config().search["probe_avoid"])


def _screen(*labels: str, disabled: tuple[str, ...] = ()) -> Screen:
    elements = [Element(text=label, role="button", bounds=(10, 10 + 50 * i, 300, 40), clickable=True,
                        enabled=label not in disabled) for i, label in enumerate(labels)]
    return Screen(elements=elements, signature="s", size=(400, 800))


def test_words_in_no_lexicon_name_no_feature_but_every_control_is_a_candidate() -> None:
    thai = _screen("ข่าววันนี้", "สแกนเช็ค", "ข้อมูลของฉัน")     # Thai: a language no lexicon has
    assert feature_controls(targets(thai)) == []
    assert [t.label for t in any_controls(targets(thai), AVOID)] == ["ข่าววันนี้", "สแกนเช็ค", "ข้อมูลของฉัน"]


def test_controls_that_leave_log_out_delete_or_refuse_are_never_tried() -> None:
    s = _screen("Log out", "Delete account", "Not now", "Open settings", "Exit", "Inbox", "Scan", disabled=("Scan",))
    assert [t.label for t in any_controls(targets(s), AVOID)] == ["Inbox"]
