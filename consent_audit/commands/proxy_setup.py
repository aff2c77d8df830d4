"""`consent-audit proxy-setup`: the adb commands that route an Android emulator through the suite's mitmproxy
and make it trust the proxy's CA (consent_audit/traffic/android_proxy.py; docs/android.md)."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UsageError


def register(sub: "argparse._SubParsersAction") -> None:
    from ..traffic.android_proxy import CA_MODES
    setup = sub.add_parser("proxy-setup", help="route an Android device through mitmproxy (adb commands)")
    setup.set_defaults(handler=cmd_proxy_setup)
    setup.add_argument("--port", type=int, required=True, help="the port mitmproxy listens on (127.0.0.1)")
    setup.add_argument("--ca", metavar="PEM", help="the proxy's CA certificate (mitmproxy-ca-cert.pem in its "
                                                   "confdir); needed unless --ca-mode none")
    setup.add_argument("--ca-mode", choices=CA_MODES, default="none",
                       help="how the CA becomes a system CA: writable-system (Android 7-13 emulator started "
                            "with -writable-system), apex (Android 14+, rooted), none (proxy only)")
    setup.add_argument("--serial", help="the device's adb serial when several are attached")
    setup.add_argument("--clear", action="store_true", help="switch the proxy off and remove the forward")
    setup.add_argument("--print", dest="print_only", action="store_true",
                       help="print the commands instead of running them")


def cmd_proxy_setup(args: argparse.Namespace) -> int:
    from ..traffic import android_proxy
    try:
        if args.clear:
            commands = android_proxy.clear_commands(args.port, args.serial)
        else:
            ca_hash, ca = "", Path(args.ca or "")
            if args.ca_mode != "none":
                if not args.ca or not ca.is_file():
                    raise UsageError(f"--ca-mode {args.ca_mode} needs --ca with the proxy's CA certificate "
                                     f"(mitmproxy-ca-cert.pem); {args.ca or 'none given'} is not a file")
                try:
                    ca_hash = android_proxy.subject_hash_old(ca.read_bytes())
                except ValueError:
                    raise UsageError(f"{ca} is not a PEM certificate; give mitmproxy-ca-cert.pem") from None
            commands = android_proxy.setup_commands(args.port, ca, ca_hash, args.ca_mode, args.serial)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.print_only:
        for command in commands:
            print(android_proxy.shell_line(command))
        return 0
    android_proxy.run(commands)
    print(f"consent-audit: {len(commands)} adb commands done")
    return 0
