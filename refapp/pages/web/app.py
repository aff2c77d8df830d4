"""The reference app's journeys (see consent_audit.journeys.Journeys), built from its screens.

The app's own configuration (served at /api/<variant>/config, like an app's resource files) tells the page
objects its menu structure and which kinds of deletion step it has; the page objects decide the actions.
"""
from __future__ import annotations

import json
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from selenium.common.exceptions import TimeoutException

from consent_audit.detectors.text import load_lexicon, waiting_period_days
from consent_audit.errors import AutomationError
from consent_audit.page import AppContext

from .base import RefAppPage, css, screen
from .deletion import PAGES, ConfirmDialog, DeletionStepPage
from .structure import route_to_delete, route_to_policy
from .screens import (BlockerPage, ConsentDialog, ConsentManagePage, HomePage, LoginPage, MePage, MenuPage,
                      PolicyPage, RationaleDialog, ShameDialog, SignupPage)


class RefApp:
    """Journeys through the reference app, every action recorded by the base page."""

    def __init__(self, context: AppContext) -> None:
        self.context = context
        parts = urlsplit(context.platform.start)
        self.variant = parts.path.strip("/").split("/")[-1]
        with urllib.request.urlopen(f"{parts.scheme}://{parts.netloc}/api/{self.variant}/config", timeout=10) as r:
            self.config: dict[str, Any] = json.loads(r.read().decode("utf-8"))
        self.page = RefAppPage(context, "home")

    # --- state ---
    @property
    def consent_shown(self) -> bool:
        return self.context.platform.in_foreground() and ConsentDialog(self.context).loaded

    @property
    def core_reached(self) -> bool:
        return self.context.platform.in_foreground() and HomePage(self.context).loaded

    def _settled(self) -> bool:
        """Launch finished: a consent dialog waits, the launch sequence is done, or the app left."""
        if not self.context.platform.in_foreground():
            return True
        return self.consent_shown or self.page.launch_done

    # --- launch ---
    def launch(self) -> None:
        self.context.launch(settled=self._settled)

    def relaunch(self) -> None:
        self.context.launch(settled=self._settled, relaunch=True)

    # --- consent ---
    def consent_choices(self) -> tuple[str, str]:
        return "consent-accept", ConsentDialog(self.context).reject_entry

    def accept_consent(self) -> None:
        ConsentDialog(self.context).tap(ConsentDialog._accept, settle=self._settled)

    def reject_consent(self) -> None:
        dialog = ConsentDialog(self.context)
        if dialog.has_direct_reject:
            dialog.tap(dialog._reject, settle=self._settled)
            return
        manage = ConsentManagePage(self.context)
        dialog.tap(dialog._manage, settle=lambda: manage.loaded)
        for box in manage.ticked_ids:
            manage.toggle(css(f"#{box}"))
        shame = ShameDialog(self.context)
        manage.tap(manage._save, settle=lambda: shame.loaded or self._settled())
        if shame.loaded:
            shame.tap(shame._decline, settle=self._settled)

    # --- account ---
    def _open_me(self) -> MePage:
        me = MePage(self.context)
        if not me.loaded:
            self.page.tap(self.page.tabbar._me, settle=lambda: me.loaded)
        return me

    def sign_up(self) -> None:
        data = self.context.data
        me = self._open_me()
        signup = SignupPage(self.context)
        me.tap(me._signup, settle=lambda: signup.loaded)
        signup.type(signup._username, data["username"])
        signup.type(signup._password, data["password"], name="password", secret=True)
        if signup.face_required:
            signup.scan_face()
        if signup.has_agree:
            signup.toggle(signup._agree)
        signup.tap(signup._submit, settle=lambda: me.logged_in or signup.message)
        if not me.logged_in:
            raise RuntimeError(f"sign-up did not succeed: {signup.message}")

    def log_in(self) -> str:
        """Close and reopen the app, then log in from Me with the same credentials."""
        data = self.context.data
        self.relaunch()
        me = self._open_me()
        if me.logged_in:
            return "accepted"
        login = LoginPage(self.context)
        me.tap(me._login, settle=lambda: login.loaded)
        login.type(login._username, data["username"])
        login.type(login._password, data["password"], name="password", secret=True)
        login.tap(login._submit, settle=lambda: me.logged_in or login.message)
        if me.logged_in:
            return "accepted"
        message = login.message
        if "pending" in load_lexicon("goals").match(message) or waiting_period_days(message):
            return "pending"
        return "rejected"

    # --- privacy policy (consent_audit.journeys.PolicyJourneys) ---
    @property
    def policy_at_first_run(self) -> bool:
        """The screen now (the first run's) shows the policy or links to it."""
        return ConsentDialog(self.context).links_policy or PolicyPage(self.context).loaded

    def open_policy(self) -> bool:
        """From home, the shortest known path through the menus to the policy view; whether it was reached."""
        self._open_me()
        for item in route_to_policy(self.config):
            self.page.tap(css(f"#{item['id']}"), settle=lambda t=item["to"]: self.page.shows(t))
        return PolicyPage(self.context).loaded

    def policy_paragraphs(self) -> list[tuple[str, str]]:
        """The policy as the app shows it: (element id, text) per paragraph."""
        return PolicyPage(self.context).paragraphs

    # --- deletion ---
    def delete_account(self) -> None:
        self._open_me()
        route = route_to_delete(self.config)
        for item in route[:-1]:
            self.page.tap(css(f"#{item['id']}"), settle=lambda t=item["to"]: self.page.shows(t))
        last = route[-1]
        steps = self.config.get("deletion", {}).get("steps", [])
        if last.get("to"):     # the row only leads to a page (e-mail us, call us): nothing to walk further
            self.page.tap(css(f"#{last['id']}"), settle=lambda: self.page.shows(last["to"]))
            return
        first = PAGES[steps[0]["type"]](self.context, steps[0]) if steps else None
        self.page.tap(css(f"#{last['id']}"), settle=(lambda: first.loaded) if first else None)
        for index, step in enumerate(steps):
            page: DeletionStepPage = PAGES[step["type"]](self.context, step)   # loaded: the last tap waited for it
            following = steps[index + 1] if index + 1 < len(steps) else None
            if following is not None:
                nxt = PAGES[following["type"]](self.context, following)
                page.final_settle = lambda n=nxt: n.loaded
            else:
                page.final_settle = lambda p=page: self.page.shows("delete-result") or p.error_message
            page.perform()

    # --- permissions ---
    def reach_core(self, budget: int) -> bool:
        """Go for the core screen as a user would: accept consent, decline re-asks, retry a blocker once."""
        retried = False
        for _ in range(budget):
            if not self.context.platform.in_foreground():
                return False
            if self.consent_shown:
                self.accept_consent()
                continue
            rationale = RationaleDialog(self.context)
            if rationale.loaded:
                rationale.tap(rationale._cancel, settle=self._settled)
                continue
            if self.core_reached:
                return True
            blocker = BlockerPage(self.context)
            if blocker.loaded:
                if retried:
                    return False
                blocker.tap(blocker._retry, settle=self._settled)
                retried = True
                continue
            try:
                self.page.wait().until(lambda _: self._settled(), message="the app to settle")
            except TimeoutException as exc:   # the app neither settled nor left: nothing can be measured
                raise AutomationError("the app did not settle while going for the core screen") from exc
            if not (self.core_reached or self.consent_shown or rationale.loaded or blocker.loaded):
                return False
        return self.core_reached

    def feature_on(self, permission: str) -> bool | None:
        """Use the home screen's feature that needs `permission` and read whether it works."""
        home = HomePage(self.context)
        if not home.loaded or not home.find_elements(home.feature(permission)):
            return None
        before = home.find_element(home._status).text
        home.tap(home.feature(permission), settle=lambda: home.find_element(home._status).text != before)
        return home.feature_state(permission) == "on"


__all__ = ["RefApp", "ConfirmDialog", "screen", "MenuPage"]
