"""`consent-audit proxy-setup`: the adb commands that route an Android emulator through the suite's mitmproxy
and make it trust the proxy's CA (consent_audit/traffic/android_proxy.py; docs/android.md); and the options
of `consent-audit run` that make the run's proxy the one the device was routed to (a fixed port, the lasting
confdir whose CA the device trusts, the host names sent to 127.0.0.1).

Order on a device (docs/android.md "Traffic through mitmproxy"): `proxy-setup --port P --confdir D --ca-mode M`
(makes D's CA when it has none, installs it, routes the device), then `run --traffic proxy --proxy-port P
--proxy-confdir D`. Errors: UsageError (one line) for a missing or bad CA, a confdir without a CA at `run`,
proxy options with a capture that is not the proxy."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UsageError

CA_FILE = "mitmproxy-ca-cert.pem"


def register(sub: "argparse._SubParsersAction") -> None:
    from ..traffic.android_proxy import CA_MODES
    setup = sub.add_parser("proxy-setup", help="route an Android device through mitmproxy (adb commands)")
    setup.set_defaults(handler=cmd_proxy_setup)
    setup.add_argument("--port", type=int, required=True, help="the port mitmproxy listens on (127.0.0.1)")
    setup.add_argument("--ca", metavar="PEM", help="the proxy's CA certificate (mitmproxy-ca-cert.pem in its "
                                                   "confdir); needed unless --ca-mode none or --confdir")
    setup.add_argument("--confdir", metavar="DIR",
                       help="a lasting mitmproxy confdir: its CA (made there when it has none) is the one "
                            "installed; give the same to `run --proxy-confdir`")
    setup.add_argument("--ca-mode", choices=CA_MODES, default="none",
                       help="how the CA becomes a system CA: writable-system (Android 7-13 emulator started "
                            "with -writable-system), apex (Android 14+, rooted), none (proxy only)")
    setup.add_argument("--disable-verification", action="store_true",
                       help="with --ca-mode writable-system on API 29+: switch off verified boot and reboot "
                            "first (adb remount refuses otherwise)")
    setup.add_argument("--serial", help="the device's adb serial when several are attached")
    setup.add_argument("--clear", action="store_true", help="switch the proxy off and remove the forward")
    setup.add_argument("--print", dest="print_only", action="store_true",
                       help="print the commands instead of running them")


def lasting_ca(confdir: Path) -> Path:
    """The CA certificate of a lasting mitmproxy confdir, made there (as mitmproxy makes its own:
    mitmproxy.certs.CertStore, CN=mitmproxy, 2048-bit RSA) when it has none; the folder is private (0700)."""
    from mitmproxy.certs import CertStore
    confdir.mkdir(parents=True, exist_ok=True)
    confdir.chmod(0o700)
    if not (confdir / CA_FILE).is_file():
        CertStore.create_store(confdir, "mitmproxy", 2048)
    return confdir / CA_FILE


def cmd_proxy_setup(args: argparse.Namespace) -> int:
    from ..traffic import android_proxy
    try:
        if args.clear:
            commands = android_proxy.clear_commands(args.port, args.serial)
        else:
            if args.confdir and args.ca:
                raise UsageError("give --ca or --confdir, not both (--confdir uses its own mitmproxy-ca-cert.pem)")
            ca_hash, ca = "", Path(args.ca or "")
            if args.ca_mode != "none":
                if args.confdir:
                    ca = lasting_ca(Path(args.confdir).expanduser())
                elif not args.ca or not ca.is_file():
                    raise UsageError(f"--ca-mode {args.ca_mode} needs --confdir DIR or --ca with the proxy's CA "
                                     f"certificate (mitmproxy-ca-cert.pem); {args.ca or 'none given'} is not a file")
                try:
                    ca_hash = android_proxy.subject_hash_old(ca.read_bytes())
                except ValueError:
                    raise UsageError(f"{ca} is not a PEM certificate; give mitmproxy-ca-cert.pem") from None
            commands = android_proxy.setup_commands(args.port, ca, ca_hash, args.ca_mode, args.serial,
                                                    args.disable_verification)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.print_only:
        for command in commands:
            print(android_proxy.shell_line(command))
        return 0
    android_proxy.run(commands)
    print(f"consent-audit: {len(commands)} adb commands done")
    return 0


# --- the proxy options of `consent-audit run` ------------------------------------------------------------

def add_run_options(parser: argparse.ArgumentParser) -> None:
    """--proxy-port, --proxy-confdir, --proxy-loopback-hosts (the pytest plugin's options of the same names)."""
    group = parser.add_argument_group("traffic through mitmproxy (--traffic proxy)")
    group.add_argument("--proxy-port", type=int,
                       help="the port mitmproxy listens on (127.0.0.1): the one `proxy-setup --port` routed the "
                            "device to (default: a free port, for a browser the suite starts)")
    group.add_argument("--proxy-confdir", metavar="DIR",
                       help="the lasting mitmproxy confdir whose CA the device trusts (`proxy-setup --confdir`)")
    group.add_argument("--proxy-loopback-hosts", metavar="HOST,...", default="",
                       help="host names the proxy sends to 127.0.0.1, e.g. the reference app's trackers "
                            "(`python -m refapp --tracker-hosts`)")


def run_args(args: argparse.Namespace) -> list[str]:
    """The pytest options for what `add_run_options` parsed; UsageError (one line) for proxy options with a
    capture other than the proxy, a port outside 1-65535 or a confdir without its CA."""
    given = [name for name, value in (("--proxy-port", args.proxy_port), ("--proxy-confdir", args.proxy_confdir),
                                      ("--proxy-loopback-hosts", args.proxy_loopback_hosts)) if value]
    if not given:
        return []
    if getattr(args, "traffic", "auto") in ("cdp", "off"):
        raise UsageError(f"{given[0]} applies to the mitmproxy capture; pass --traffic proxy (or drop {given[0]})")
    out: list[str] = []
    if args.proxy_port is not None:
        if not 0 < args.proxy_port < 65536:
            raise UsageError(f"--proxy-port {args.proxy_port} is outside 1-65535; give the port of proxy-setup")
        out += ["--proxy-port", str(args.proxy_port)]
    if args.proxy_confdir:
        confdir = Path(args.proxy_confdir).expanduser()
        if not (confdir / CA_FILE).is_file():
            raise UsageError(f"--proxy-confdir {confdir} holds no {CA_FILE}: make it and install it on the device "
                             f"first with `consent-audit proxy-setup --confdir {confdir} --ca-mode ...`")
        out += ["--proxy-confdir", str(confdir.resolve())]
    if args.proxy_loopback_hosts:
        out += ["--proxy-loopback-hosts", args.proxy_loopback_hosts]
    return out
