"""Page objects of the reference app's Android APK (android/): the same journeys as refapp.pages.web, with
UiAutomator2 locators on the WebView's accessibility tree and the system permission dialog."""
from .app import RefAppAndroid

__all__ = ["RefAppAndroid"]
