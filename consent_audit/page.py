"""Page objects in the manner of PyPOM: locators as class attributes, state as properties, waits that
return `self`, regions for repeated parts. Every action goes through the gesture service (one recorded step
each), so flows never count."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from selenium.common.exceptions import (NoSuchElementException, StaleElementReferenceException,
                                        WebDriverException)
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from .recorder import Step
from .screen import Element

if TYPE_CHECKING:
    from .gestures import Gestures
    from .masking import Masker
    from .platforms.base import Platform
    from .recorder import Recorder

Locator = tuple[str, str]
Settle = Callable[[], Any]
P = TypeVar("P", bound="Actions")


@dataclass
class AppContext:
    """What a page needs: the platform (driver), the recorder, secrets, the target's data, a timeout."""

    platform: "Platform"
    recorder: "Recorder"
    masker: "Masker"
    data: dict[str, Any]
    timeout: float = 10.0

    @property
    def driver(self) -> Any:
        return self.platform.driver

    @property
    def gestures(self) -> "Gestures":
        """The gesture service: every action on the app, one recorded step each."""
        from .gestures import Gestures
        return Gestures(self.platform, self.recorder, self.masker, timeout=self.timeout)

    def launch(self, settled: Any = None, relaunch: bool = False) -> Step:
        """(Re)launch the app as one recorded step; `settled()` is waited for before the capture."""
        return self.gestures.relaunch(settled) if relaunch else self.gestures.launch(settled)


class Actions:
    """Finding and acting, shared by pages and regions; scoped to `_root` when there is one."""

    context: AppContext

    @property
    def driver(self) -> Any:
        return self.context.driver

    @property
    def _scope(self) -> Any:
        return self.driver

    # --- finding ---
    def find_element(self, locator: Locator) -> WebElement:
        return self._scope.find_element(*locator)

    def find_elements(self, locator: Locator) -> list[WebElement]:
        return self._scope.find_elements(*locator)

    def is_element_present(self, locator: Locator) -> bool:
        try:
            self.find_element(locator)
            return True
        except NoSuchElementException:
            return False

    def is_element_displayed(self, locator: Locator) -> bool:
        return self.context.platform.visible_element(self._scope, locator) is not None

    def wait(self, timeout: float | None = None) -> WebDriverWait:
        return WebDriverWait(self.driver, self.context.timeout if timeout is None else timeout,
                             poll_frequency=0.05,
                             ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))

    def wait_for_displayed(self, locator: Locator, timeout: float | None = None) -> WebElement:
        """Wait until the element is displayed and return it (raises TimeoutException, 'automation broken')."""
        return self.wait(timeout).until(
            lambda _: self.context.platform.visible_element(self._scope, locator) or False,
            message=f"{locator[1]} was not displayed within {self.context.timeout if timeout is None else timeout:g}s")

    def wait_for_enabled(self, locator: Locator, timeout: float | None = None) -> WebElement:
        return self.wait(timeout).until(
            lambda _: self.context.platform.visible_element(self._scope, locator, enabled=True) or False,
            message=f"{locator[1]} was not enabled within {self.context.timeout if timeout is None else timeout:g}s")

    # --- describing ---
    def _describe(self, locator: Locator, element: WebElement, name: str | None) -> tuple[str, dict[str, Any]]:
        """A readable name and the element's record, from the last capture when possible (no round trip)."""
        rid = self.context.platform.element_id_of(locator)
        known: Element | None = None
        last = self.context.recorder.last_screen
        if rid and last is not None:
            known = last.find(rid)
        if known is not None:
            info = known.to_dict()
            label = name or known.label
        else:
            try:
                text = element.text.strip()
            except WebDriverException:
                text = ""
            label = name or text or locator[1]
            info = {"text": text, "id": rid or "", "locator": f"{locator[0]}={locator[1]}"}
        info["locator"] = f"{locator[0]}={locator[1]}"
        return label.replace("\n", " ")[:80], info

    # --- acting (each is one recorded step, through the gesture service) ---
    def tap(self, locator: Locator, name: str | None = None, settle: Settle | None = None) -> Step:
        """Tap the element once it is enabled; `settle()` is waited for before the capture."""
        element = self.wait_for_enabled(locator)
        label, info = self._describe(locator, element, name)
        return self.context.gestures.tap(element, label, info, settle=settle)

    def toggle(self, locator: Locator, name: str | None = None, settle: Settle | None = None) -> Step:
        element = self.wait_for_enabled(locator)
        label, info = self._describe(locator, element, name)
        return self.context.gestures.toggle(element, label, info, settle=settle)

    def type(self, locator: Locator, text: str, name: str | None = None, secret: bool = False) -> Step:
        """Type into a field; a secret value is registered first, so it is masked everywhere after."""
        if secret:
            self.context.masker.add(text)
        element = self.wait_for_enabled(locator)
        label, info = self._describe(locator, element, name)
        return self.context.gestures.type(element, text, label, info, secret=secret)

    def scroll_to(self, locator: Locator, container: Locator | None = None, name: str | None = None) -> Step:
        """Scroll (one step, however many gestures) until the element is in view."""
        element = self.wait(None).until(lambda _: self.find_element(locator))
        box = self.find_element(container) if container else None
        label, info = self._describe(locator, element, name)
        return self.context.gestures.scroll_into_view(element, label, container=box, info=info)

    def scroll_to_end(self, container: Locator, what: str, info: dict[str, Any] | None = None) -> Step:
        """Scroll the container until it cannot scroll further (one step, however many gestures)."""
        box = self.find_element(container)
        record = {"locator": f"{container[0]}={container[1]}", **(info or {})}
        return self.context.gestures.scroll_to_end(box, what, record)

    def back(self) -> Step:
        return self.context.gestures.back()


class BasePage(Actions):
    """A screen of the app. Subclasses set `_root_locator` (what shows the page is loaded)."""

    _root_locator: Locator | None = None

    def __init__(self, context: AppContext, **kwargs: Any) -> None:
        self.context = context
        self.kwargs = kwargs

    @property
    def loaded(self) -> bool:
        return self._root_locator is None or self.is_element_displayed(self._root_locator)

    @property
    def is_displayed(self) -> bool:
        return self.loaded

    def wait_for_page_to_load(self: P, timeout: float | None = None) -> P:
        self.wait(timeout).until(lambda _: self.loaded,  # type: ignore[attr-defined]
                                 message=f"{type(self).__name__} did not load")
        return self

    @property
    def root(self) -> WebElement | None:
        return self.find_element(self._root_locator) if self._root_locator else None


class Region(Actions):
    """A repeated or nested part of a page, found relative to its root element."""

    _root_locator: Locator | None = None

    def __init__(self, page: BasePage, root: WebElement | None = None) -> None:
        self.page = page
        self.context = page.context
        self._root_element = root

    @property
    def root(self) -> WebElement:
        if self._root_element is None:
            assert self._root_locator is not None, "a region needs a root element or a _root_locator"
            self._root_element = self.page.find_element(self._root_locator)
        return self._root_element

    @property
    def _scope(self) -> Any:
        return self.root

    @property
    def loaded(self) -> bool:
        try:
            return self.root.is_displayed()
        except (NoSuchElementException, StaleElementReferenceException):
            return False

    def wait_for_region_to_load(self: P, timeout: float | None = None) -> P:
        self.wait(timeout).until(lambda _: self.loaded, message=f"{type(self).__name__} did not load")  # type: ignore[attr-defined]
        return self
