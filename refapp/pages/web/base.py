"""What every reference-app screen shares: the top bar, the tab bar, modals and the launch state."""
from __future__ import annotations

from consent_audit.page import BasePage, Locator, Region

CSS = "css selector"


def css(selector: str) -> Locator:
    return (CSS, selector)


def screen(name: str) -> Locator:
    return css(f"#screen-{name}")


class TabBar(Region):
    _root_locator = css("#tabbar")
    _home = css("#tab-home")
    _me = css("#tab-me")


class RefAppPage(BasePage):
    """A view `#screen-NAME` of the app; `name` is set by subclasses or given when built."""

    name = ""
    _body = css("body")
    _open_modal = css(".modal.open")
    _back = css("#nav-back")

    def __init__(self, context, name: str | None = None) -> None:
        super().__init__(context)
        if name:
            self.name = name

    @property
    def _root_locator(self) -> Locator:  # type: ignore[override]
        return screen(self.name)

    @property
    def loaded(self) -> bool:
        """This view is shown and no dialog covers it (one script call)."""
        return bool(self.driver.execute_script(
            "const e = document.querySelector(arguments[0]);"
            "return !!e && e.getClientRects().length > 0 && !document.querySelector('.modal.open');",
            self._root_locator[1]))

    @property
    def modal_open(self) -> bool:
        return bool(self.find_elements(self._open_modal))

    @property
    def tabbar(self) -> TabBar:
        return TabBar(self)

    def shows(self, name: str) -> bool:
        return self.is_element_displayed(screen(name))

    def modal_shown(self, modal_id: str) -> bool:
        return self.is_element_displayed(css(f"#{modal_id}"))

    @property
    def launch_done(self) -> bool:
        return self.driver.execute_script("return document.body && document.body.dataset.launch === 'done'")
