"""Android apps through Appium's UiAutomator2 driver, as a platform plug-in (`SPEC`).

platform.py the session (`mobile:` commands), uiautomator.py the page-source parser, adapter.py the
explorer's adapter, session.py capability defaults and the device check, and the system's runtime
permission dialog as a page object (permission_dialog.py, with lexicon.py and locators.py) that works
for any app.
"""
from ..spec import PlatformSpec
from .adapter import AndroidAdapter
from .lexicon import DialogLexicon, load_dialog_lexicon
from .locators import by_resource_id, by_text, resource_id_of, xpath_literal
from .permission_dialog import DialogMisread, DialogView, PermissionDialog, read_dialog
from .platform import ANDROID_PERMISSIONS, INSTRUMENTATION_TAG, AndroidPlatform
from .session import capability_defaults, check_android_device, preflight
from .uiautomator import PERMISSION_PROMPT_PACKAGES, screen_from_uiautomator_xml

SPEC = PlatformSpec(
    name=AndroidPlatform.name,              # "android-uiautomator2"
    platform_class=AndroidPlatform,
    parse_screen=screen_from_uiautomator_xml,
    adapter_class=AndroidAdapter,
    capability_defaults=capability_defaults,
    preflight=preflight,
    platform_names=("Android",),
    automation_names=("UiAutomator2",),
    target_kind="android",
    default_profile="android-emulator",
    explore_hint="--app-package needs an Android profile",
    installs_app=True,
)

__all__ = ["SPEC", "ANDROID_PERMISSIONS", "AndroidAdapter", "AndroidPlatform", "DialogLexicon", "DialogMisread", "DialogView", "INSTRUMENTATION_TAG",
           "PERMISSION_PROMPT_PACKAGES", "PermissionDialog", "by_resource_id", "by_text", "check_android_device",
           "load_dialog_lexicon", "read_dialog", "resource_id_of", "screen_from_uiautomator_xml", "xpath_literal"]
