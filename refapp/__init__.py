"""The reference app: a mobile web app (and its Android APK) with deliberate dark patterns and fair twins,
their ground truth, target files and page objects. It is a target like any other: the engine never imports it;
`consent_audit.targets` finds its target files through the entry point naming `TARGETS`, and its server is the
`refapp_server` fixture of its own pytest plugin (`refapp.plugin`), which its target files name in `served_by`."""
from pathlib import Path

TARGETS = Path(__file__).resolve().parent / "targets"
