"""Errors the suite reports to users as one clear line, and the exceptions that carry an audit's outcome to
pytest and Allure (the outcome itself is set explicitly on the result: consent_audit.model.Result)."""
from __future__ import annotations


class UsageError(Exception):
    """Bad input or a missing prerequisite: printed as one line, exit status 2, no traceback."""


class AutomationError(Exception):
    """The automation could not do its job (a control a journey needs is not there, a wait timed out, the
    session died): the audit is 'broken' and proves nothing either way. Journeys raise it; nothing turns it
    into a measurement."""


class GoalNotReached(Exception):
    """What a journey needs could not be reached for a reason that is no failure of the automation (a learnt
    path's control under a layer the suite may not answer: pressing it would agree to something or request a
    permission): the audit is 'not_found' with the reason, never 'broken'."""


class FeatureUnmeasured(Exception):
    """A feature known to need a permission could not be used: its way in, a control of its route or its own
    control was not on screen (the reason says which). What the refusal does to it is not measured — never
    "works" (usable), never "fails" (degraded); the flow reports that case's outcome unmeasured with the reason.
    Distinct from `feature_on` returning None, which says no feature is known for the permission."""


class TapIntercepted(AutomationError):
    """A tap the app refused because something else now covers its target (a layer that arrived after the
    screen was captured: a consent sheet sliding up, a late prompt). Not a crash: the explorer captures the
    screen again and answers the new layer. `cover` names what covers the target, as the browser says it."""

    def __init__(self, cover: str, target: str = "") -> None:
        super().__init__(f'{cover} covered "{target}"' if target else f"{cover} covered it")
        self.cover = cover
        self.target = target     # the control's label, once the explorer knows which it was


class ControlGone(AutomationError):
    """A control seen on the last capture that the app hid by itself before the tap landed (a splash advert whose
    countdown ended, a sheet that slid away): the browser calls it not interactable and it is no longer shown.
    The explorer looks again (explorer/gone.py); uncaught, the audit is broken as any AutomationError."""


class DarkPatternFound(AssertionError):
    """The audit concluded with findings (pytest 'failed', Allure category 'Dark pattern found')."""

    def __init__(self, message: str, findings: list | None = None) -> None:
        super().__init__(message)
        self.findings = findings or []
