"""The reference APK's journeys (consent_audit.journeys.Journeys) through UiAutomator2.

The APK (android/) shows the reference app in a WebView; the page objects work in the native context:
the WebView exposes the web app's elements to UiAutomator2 with their HTML ids as resource-ids, and the
system permission dialog, another app's window, is in the same native view. The app is started with the
variant's URL as an intent extra; it reaches the refapp server on the device's loopback (`adb reverse`).
Every system permission prompt the app raises is answered by the dialog page object as the flow decided.
"""
from __future__ import annotations

from typing import Any, cast

from refapp.pages.web.structure import route_to_delete
from selenium.common.exceptions import TimeoutException

from consent_audit.detectors.text import load_lexicon, waiting_period_days
from consent_audit.errors import AutomationError
from consent_audit.page import AppContext
from consent_audit.platforms.android import PermissionDialog

from .base import RefAppAndroidPage, rid
from .config import feature_labels, feature_state, fetch_config
from .deletion import STEPS, DeletionStep
from .policy import PolicyJourneysMixin
from .screens import (FEATURES, BlockerPage, ConsentDialog, ConsentManagePage, HomePage, LoginPage, MePage,
                      RationaleDialog, ShameDialog, SignupPage)
from .state import ACTIVITY, EXTRA_URL, AppState

DEFAULT_SERVER = "http://127.0.0.1:8765"
MAX_PROMPTS = 12                      # permission prompts answered in a row before giving up


class RefAppAndroid(PolicyJourneysMixin):
    """Journeys through the reference APK, every action recorded by the base page (policy journeys: .policy)."""

    def __init__(self, context: AppContext) -> None:
        self.context = context
        data = context.data
        self.server = str(data.get("refapp_url") or DEFAULT_SERVER).rstrip("/")
        self.variant = str(data.get("variant") or "")
        if not self.variant:
            raise RuntimeError("the target's data names no 'variant' of the reference app")
        self.config = fetch_config(self.server, self.variant)
        launch_with = getattr(context.platform, "use_launch_intent", None)
        if launch_with is None:
            raise RuntimeError("the reference APK's page objects need the Android (UiAutomator2) platform")
        launch_with(ACTIVITY, [["s", EXTRA_URL, f"{self.server}/app/{self.variant}/"]])
        self.page = RefAppAndroidPage(context)
        self.dialog = PermissionDialog(context)
        self.labels = feature_labels(self.config)

    # --- state ---
    def state(self) -> AppState:
        return self.page.state()

    @staticmethod
    def settled_in(state: AppState) -> bool:
        """Launch finished: a consent dialog or a permission prompt waits, a final screen shows, or the app left."""
        return (not state.in_app or state.prompt or ConsentDialog.shown_in(state) or HomePage.shown_in(state)
                or BlockerPage.shown_in(state) or RationaleDialog.shown_in(state))

    def _settled(self) -> bool:
        return self.settled_in(self.state())

    def _wait_settled(self) -> AppState:
        def check(_: Any) -> AppState | bool:
            state = self.state()
            return state if self.settled_in(state) else False
        return cast(AppState, self.page.wait().until(check, message="the app to settle"))

    def _answer_prompts(self) -> AppState:
        """Answer system permission prompts (as the flow decided) until the app itself settles."""
        for _ in range(MAX_PROMPTS):
            state = self._wait_settled()
            if not state.prompt:
                return state
            self.dialog.answer()
        raise RuntimeError(f"the app raised {MAX_PROMPTS} permission prompts in a row")

    @property
    def consent_shown(self) -> bool:
        return ConsentDialog.shown_in(self.state())

    @property
    def core_reached(self) -> bool:
        return HomePage.shown_in(self.state())

    def shows(self, state: AppState, name: str) -> bool:
        """View `name` is shown: its container id, else (ids of generic containers may not be exposed) one of
        its menu rows, or its title in the top bar."""
        if state.has(f"screen-{name}"):
            return True
        if name == "delete-result":
            return state.has("delete-result-done")
        conf = self.config.get("screens", {}).get(name, {})
        items = conf.get("items") or []
        if items:
            return any(state.has(item["id"]) for item in items)
        title = conf.get("title")
        return bool(title) and state.text("nav-title") == title and not state.modal

    # --- launch ---
    def launch(self) -> None:
        self.context.launch(settled=self._settled)
        self._answer_prompts()

    def relaunch(self) -> None:
        self.context.launch(settled=self._settled, relaunch=True)
        self._answer_prompts()

    # --- consent ---
    def consent_choices(self) -> tuple[str, str]:
        return "consent-accept", ConsentDialog.reject_entry_in(self.state())

    def accept_consent(self) -> None:
        dialog = ConsentDialog(self.context)
        dialog.tap(dialog._accept, settle=self._settled)
        self._answer_prompts()

    def reject_consent(self) -> None:
        dialog = ConsentDialog(self.context)
        if self.state().has("consent-reject"):
            dialog.tap(dialog._reject, settle=self._settled)
            self._answer_prompts()
            return
        manage = ConsentManagePage(self.context)
        dialog.tap(dialog._manage, settle=lambda: manage.loaded)
        for box in ConsentManagePage.ticked_in(self.state()):
            manage.toggle(rid(box))
        shame = ShameDialog(self.context)
        manage.tap(manage._save, settle=lambda: (lambda s: ShameDialog.shown_in(s) or self.settled_in(s))(self.state()))
        if shame.loaded:
            shame.tap(shame._decline, settle=self._settled)
        self._answer_prompts()

    # --- account ---
    def _open_me(self) -> MePage:
        me = MePage(self.context)
        if not me.loaded:
            me.tap(me._tab, settle=lambda: me.loaded)
        return me

    def sign_up(self) -> None:
        data = self.context.data
        me = self._open_me()
        signup = SignupPage(self.context)
        me.tap(me._signup, settle=lambda: signup.loaded)
        signup.type(signup._username, data["username"])
        signup.type(signup._password, data["password"], name="password", secret=True)
        if self.face_required_on_signup():
            self.scan_face_on_signup()
        if self.state().has("signup-agree"):
            signup.toggle(signup._agree)
        signup.tap(signup._submit,
                   settle=lambda: (lambda s: MePage.logged_in(s) or s.text("signup-message"))(self.state()))
        state = self.state()
        if not MePage.logged_in(state):
            raise RuntimeError(f"sign-up did not succeed: {state.text('signup-message')}")

    def log_in(self) -> str:
        """Close and reopen the app, then log in from Me with the same credentials."""
        data = self.context.data
        self.relaunch()
        me = self._open_me()
        if MePage.logged_in(self.state()):
            return "accepted"
        login = LoginPage(self.context)
        me.tap(me._login, settle=lambda: login.loaded)
        login.type(login._username, data["username"])
        login.type(login._password, data["password"], name="password", secret=True)
        login.tap(login._submit,
                  settle=lambda: (lambda s: MePage.logged_in(s) or s.text("login-message"))(self.state()))
        state = self.state()
        if MePage.logged_in(state):
            return "accepted"
        message = state.text("login-message")
        if "pending" in load_lexicon("goals").match(message) or waiting_period_days(message):
            return "pending"
        return "rejected"

    # --- deletion ---
    def delete_account(self) -> None:
        self._open_me()
        route = route_to_delete(self.config)
        page = self.page
        for item in route[:-1]:
            def opened(name: str = item["to"]) -> bool:
                return self.shows(self.state(), name)
            page.tap(rid(item["id"]), settle=opened)
        last = route[-1]
        if last.get("to"):     # the row only leads to a page (e-mail us, call us): nothing to walk further
            page.tap(rid(last["id"]), settle=lambda: self.shows(self.state(), last["to"]))
            return
        steps = self.config.get("deletion", {}).get("steps", [])
        pages: list[DeletionStep] = [STEPS[step["type"]](self.context, step) for step in steps]
        page.tap(rid(last["id"]), settle=(lambda: pages[0].loaded) if pages else None)
        for index, step_page in enumerate(pages):
            step_page.wait_for_page_to_load()
            following = pages[index + 1] if index + 1 < len(pages) else None
            if following is not None:
                step_page.final_settle = lambda n=following: n.loaded
            else:
                step_page.final_settle = lambda p=step_page: (
                    lambda s: self.shows(s, "delete-result") or p.error_in(s))(self.state())
            step_page.perform()

    # --- permissions ---
    def reach_core(self, budget: int) -> bool:
        """Go for the core screen as a user would: answer prompts as decided, accept consent, decline
        re-asks, retry a blocker once."""
        retried = False
        platform = self.context.platform
        for _ in range(budget):
            state = self.state()
            if not state.in_app:
                return False
            if state.prompt:
                self.dialog.answer()
                continue
            if ConsentDialog.shown_in(state):
                self.accept_consent()
                continue
            if RationaleDialog.shown_in(state):
                rationale = RationaleDialog(self.context)
                before = sum(platform.permission_requests().values())

                def asked_again_or_closed(before: int = before) -> bool:
                    if sum(platform.permission_requests().values()) > before:
                        return True
                    state = self.state()
                    return state.prompt or not RationaleDialog.shown_in(state)
                rationale.tap(rationale._cancel, settle=asked_again_or_closed)
                continue
            if HomePage.shown_in(state):
                return True
            if BlockerPage.shown_in(state):
                if retried:
                    return False
                blocker = BlockerPage(self.context)
                blocker.tap(blocker._retry, settle=self._settled)
                retried = True
                continue
            try:
                self._wait_settled()
            except TimeoutException as exc:   # the app neither settled nor left: nothing can be measured
                raise AutomationError("the app did not settle while going for the core screen") from exc
        return self.core_reached

    def feature_on(self, permission: str) -> bool | None:
        """Use the home screen's feature that needs `permission` and read whether it works."""
        state = self.state()
        fid = FEATURES.get(permission)
        if fid is None or not HomePage.shown_in(state) or not state.has(fid):
            return None
        before = state.text("feature-status")
        home = HomePage(self.context)
        home.tap(home.feature(permission),
                 settle=lambda: (lambda s: s.prompt or s.text("feature-status") != before)(self.state()))
        for _ in range(MAX_PROMPTS):       # a feature asking on first use raises the system prompt
            if not self.state().prompt:
                break
            self.dialog.answer()
        self.page.wait().until(lambda _: self.state().text("feature-status") != before,
                               message="the feature to report its state")
        text = self.state().text(fid)
        found = feature_state(text, self.labels)
        if found is None:
            raise RuntimeError(f"cannot read the state of {fid} from its text {text!r}")
        return found == "on"
