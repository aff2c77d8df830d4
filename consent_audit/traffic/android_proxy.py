"""The adb commands that send an Android emulator's traffic through the suite's mitmproxy and make the device
trust its CA; docs/android.md ("Traffic through mitmproxy") shows the same commands (a test checks they match).

- Proxy: mitmproxy listens on the host's 127.0.0.1:PORT only; `adb reverse tcp:PORT tcp:PORT` makes the device's
  127.0.0.1:PORT the host's, and `settings put global http_proxy 127.0.0.1:PORT` is the device-wide proxy that
  apps using the platform's HTTP stack follow. Cleared with `settings put global http_proxy :0` (Android keeps
  an emptied proxy cached until reboot; ":0" is the value that switches it off at once) and
  `adb reverse --remove tcp:PORT`.
- CA: Android trusts user-installed CAs only in apps that opt in (Network Security Config, Android 7+), so the
  CA must be a *system* CA, named `<subject_hash_old>.0` (OpenSSL's old subject hash, as the store's files are):
  * `writable-system` (Android 7-13, an emulator started with `-writable-system`, a userdebug/eng image):
    `adb root`, `adb remount`, push into /system/etc/security/cacerts, chmod 644, reboot (which ends adb
    forwards, so the proxy commands come after it). From API 29 the
    first `adb remount` may ask to disable verity (`adb shell avbctl disable-verification`, reboot, remount).
    After the reboot the commands wait for `sys.boot_completed` (BOOT_WAIT): `adb wait-for-device` returns
    when adbd is up, before the settings service that `settings put` needs.
  * `apex` (Android 14+: the store is read from the APEX module /apex/com.android.conscrypt/cacerts, one
    mount per process namespace): `adb root`, push the CA and consent_audit/assets/android/system_ca_apex.sh,
    run it (a tmpfs copy of the store with the CA, bind-mounted in zygote's and each app's namespace; lasts
    until reboot). Alternatives: a userdebug image with the CA built in, or a Magisk module on a rooted device.
  * `none`: the proxy only (for an app that trusts user CAs, or to see plain HTTP and which hosts refuse).
Apps that ignore the system proxy (own sockets, some cross-platform frameworks) or pin certificates are not
seen; the proxy records a refused certificate as an entry, and an app that never uses the proxy is
"unmeasured", never clean. Nothing here was run against a device on the machine this was written on.

Shapes: a command is a list of argv strings starting with "adb" (with `-s SERIAL` when given).
Errors: ValueError (one line) for a port outside 1-65535 or an unknown CA mode; UsageError from `run`.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..errors import UsageError
from ..paths import ASSETS

CA_MODES = ("none", "writable-system", "apex")
SYSTEM_CACERTS = "/system/etc/security/cacerts"
DEVICE_TMP = "/data/local/tmp"
APEX_SCRIPT = ASSETS / "android" / "system_ca_apex.sh"
APEX_SCRIPT_ON_DEVICE = f"{DEVICE_TMP}/consent-audit-system-ca.sh"
BOOT_WAIT = 'until [ "$(getprop sys.boot_completed)" = 1 ]; do sleep 1; done'
"""Run on the device after a reboot: returns once Android has booted (the settings service is up)."""


def subject_hash_old(cert_pem: bytes) -> str:
    """OpenSSL's `x509 -subject_hash_old` of a PEM certificate: the first 4 bytes of the MD5 of the subject
    name's DER, read little-endian, as 8 hex digits - the file name stem Android's CA store uses."""
    import hashlib

    from cryptography import x509
    subject = x509.load_pem_x509_certificate(cert_pem).subject.public_bytes()
    return f"{int.from_bytes(hashlib.md5(subject).digest()[:4], 'little'):08x}"


def _adb(serial: str | None, *args: str) -> list[str]:
    return ["adb", *(("-s", serial) if serial else ()), *args]


def _check(port: int, ca_mode: str) -> None:
    if not 0 < port < 65536:
        raise ValueError(f"proxy port {port} is outside 1-65535; give the port mitmproxy listens on")
    if ca_mode not in CA_MODES:
        raise ValueError(f"CA mode {ca_mode!r} is unknown; use one of {', '.join(CA_MODES)}")


def setup_commands(port: int, ca_cert: Path, ca_hash: str, ca_mode: str = "none",
                   serial: str | None = None, disable_verification: bool = False) -> list[list[str]]:
    """The adb commands, in order, that (per `ca_mode`) install `ca_cert` (PEM on the host) as the system CA
    `<ca_hash>.0`, then route the device through 127.0.0.1:`port`. `disable_verification` (writable-system
    only, API 29+): first switch off verified boot and reboot, so that `adb remount` can make /system
    writable. ValueError for a bad port or mode, or `disable_verification` with another mode."""
    _check(port, ca_mode)
    if disable_verification and ca_mode != "writable-system":
        raise ValueError("disabling verification is for --ca-mode writable-system only (remount needs it)")
    name = f"{ca_hash}.0"
    commands: list[list[str]] = []
    if disable_verification:
        commands += [_adb(serial, "root"), _adb(serial, "wait-for-device"),
                     _adb(serial, "shell", "avbctl", "disable-verification"), _adb(serial, "reboot"),
                     _adb(serial, "wait-for-device"), _adb(serial, "shell", BOOT_WAIT)]
    if ca_mode == "writable-system":
        commands += [_adb(serial, "root"), _adb(serial, "wait-for-device"), _adb(serial, "remount"),
                     _adb(serial, "push", str(ca_cert), f"{SYSTEM_CACERTS}/{name}"),
                     _adb(serial, "shell", "chmod", "644", f"{SYSTEM_CACERTS}/{name}"),
                     _adb(serial, "reboot"), _adb(serial, "wait-for-device"), _adb(serial, "shell", BOOT_WAIT)]
    elif ca_mode == "apex":
        commands += [_adb(serial, "root"), _adb(serial, "wait-for-device"),
                     _adb(serial, "push", str(ca_cert), f"{DEVICE_TMP}/{name}"),
                     _adb(serial, "push", str(APEX_SCRIPT), APEX_SCRIPT_ON_DEVICE),
                     _adb(serial, "shell", "sh", APEX_SCRIPT_ON_DEVICE, name)]
    commands += [_adb(serial, "reverse", f"tcp:{port}", f"tcp:{port}"),     # after any reboot: it ends forwards
                 _adb(serial, "shell", "settings", "put", "global", "http_proxy", f"127.0.0.1:{port}")]
    return commands


def clear_commands(port: int, serial: str | None = None) -> list[list[str]]:
    """The adb commands that switch the device proxy off and remove the port forward."""
    _check(port, "none")
    return [_adb(serial, "shell", "settings", "put", "global", "http_proxy", ":0"),
            _adb(serial, "reverse", "--remove", f"tcp:{port}")]


def shell_line(command: list[str]) -> str:
    """One command as a shell line (arguments with spaces or shell characters quoted)."""
    import shlex
    return " ".join(shlex.quote(part) for part in command)


def run(commands: list[list[str]], timeout: float = 300.0) -> None:
    """Run the commands with the `adb` on PATH, in order, each within `timeout` s (a reboot's boot wait
    included); the first that fails stops with one line."""
    adb = shutil.which("adb")
    if adb is None:
        raise UsageError("adb is not installed: install Android platform-tools (Debian: apt-get install adb)")
    for command in commands:
        try:
            done = subprocess.run([adb, *command[1:]], capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise UsageError(f"`{shell_line(command)}` did not finish within {timeout:g}s; is the device "
                             "attached (adb devices)?") from None
        if done.returncode != 0:
            said = ((done.stderr or done.stdout).strip().splitlines() or ["no output"])[-1][:200]
            raise UsageError(f"`{shell_line(command)}` failed (status {done.returncode}): {said}")
