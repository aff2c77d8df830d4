"""What a target's page objects provide so the generic flows can measure it.

A target's `pages:` entry names a class implementing this protocol; the flows call only these
journeys, and every action inside them goes through the base page, so the recorder counts it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from .errors import AutomationError

if TYPE_CHECKING:
    from typing import Callable

    from .screen import Element, Screen

LOGIN_RESULTS = ("accepted", "rejected", "pending")


@runtime_checkable
class Journeys(Protocol):
    def launch(self) -> None:
        """Launch (one recorded step) and wait until the app settled on its first screen."""

    def relaunch(self) -> None:
        """Close and reopen (one recorded step), keeping stored data; wait until settled."""

    @property
    def consent_shown(self) -> bool:
        """Whether a consent / privacy dialog is on screen now."""

    def consent_choices(self) -> tuple[str, str]:
        """Element ids of the accept choice and of the first element of the reject path, on the dialog."""

    def accept_consent(self) -> None:
        """The shortest path that accepts everything."""

    def reject_consent(self) -> None:
        """The shortest path that refuses everything (through manage screens where needed)."""

    def sign_up(self) -> None:
        """From the first screen after consent to a created, logged-in account."""

    def delete_account(self) -> None:
        """From the home screen of a logged-in user along the shortest known path to the final screen."""

    def log_in(self) -> str | None:
        """Try to log in with the test account; one of LOGIN_RESULTS, or None when it cannot be told (the
        figure is then unmeasured, never "rejected")."""

    def reach_core(self, budget: int) -> bool:
        """Try, as a user would (declining re-asks, retrying once), to reach the core screen."""

    @property
    def core_reached(self) -> bool:
        """Whether the app's core screen is shown."""

    def feature_on(self, permission: str) -> bool | None:
        """Whether the core screen's feature needing `permission` works (None: no such feature is known).
        Raises errors.FeatureUnmeasured when such a feature is known but could not be used (not on screen)."""


@runtime_checkable
class PolicyJourneys(Protocol):
    """What the policy flow needs beyond `Journeys` (a target without it: the flow says 'not found')."""

    @property
    def policy_at_first_run(self) -> bool:
        """Whether the screen shown now, at the first launch, shows the privacy policy or links to it."""

    def open_policy(self) -> bool:
        """From the home screen along the shortest known path to the policy text; whether it was reached."""

    def policy_paragraphs(self) -> list[tuple[str, str]]:
        """The policy as the app shows it: (place, text) per paragraph, place being the element's id."""


def has_policy_journeys(app: object) -> bool:
    """Whether the page objects implement PolicyJourneys, looked up on the class (an isinstance check would
    evaluate `policy_at_first_run`, a property that reads the screen)."""
    return all(hasattr(type(app), name) for name in ("policy_at_first_run", "open_policy", "policy_paragraphs"))


def walks(app: object, journey: str) -> bool:
    """Whether the page objects can walk `journey` ('sign_up', 'delete_account', 'features': the controls that
    use each permission): page objects written for the app walk them all; an explored app only those its
    exploration found (its `knows`). A flow leaves the figures of a journey it cannot walk unmeasured."""
    knows = getattr(app, "knows", None)
    return True if knows is None else bool(knows(journey))


def consent_elements(app: object, dialog: "Screen") -> tuple["Element", "Element"]:
    """The accept choice and the first element of the reject path as drawn on `dialog`: by the app's own
    `consent_elements(dialog)` where it has one (an explored app's controls often have no id), else by the ids
    from `consent_choices()`."""
    own = getattr(app, "consent_elements", None)
    if own is not None:
        return own(dialog)
    accept_id, reject_id = app.consent_choices()  # type: ignore[attr-defined]
    accept, reject = dialog.find(accept_id), dialog.find(reject_id)
    if accept is None or reject is None:
        raise AutomationError(f"consent choices #{accept_id} / #{reject_id} are not on the dialog screen")
    return accept, reject


def leaves_path(app: object) -> "Callable[[Screen, Element, Element], bool] | None":
    """The app's own `leaves_path(screen, went_on, other)` — whether `other`, beside the control a deletion
    path tapped to go on, is the other answer of that decision (an explored app tells it by structure and by what
    the way on did: a retention offer); None for page objects, whose last decision is told by the words of its way back
    (decision.final_decision)."""
    return getattr(app, "leaves_path", None)

