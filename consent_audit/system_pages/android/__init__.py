"""Android system screens as page objects: the runtime-permission dialog (any app, API 23+)."""
from .lexicon import DialogLexicon, load_dialog_lexicon
from .locators import by_resource_id, by_text, resource_id_of, xpath_literal
from .permission_dialog import DialogView, PermissionDialog, read_dialog

__all__ = ["DialogLexicon", "DialogView", "PermissionDialog", "by_resource_id", "by_text", "load_dialog_lexicon",
           "read_dialog", "resource_id_of", "xpath_literal"]
