"""`python -m refapp [--port N] [--tracker-port N]`: serve the reference app and its third parties (the tracker
server, refapp.trackers) on 127.0.0.1 until Ctrl-C. `python -m refapp --tracker-hosts`: print the trackers' host
names, comma-separated, and exit (for `consent-audit run --proxy-loopback-hosts`)."""
from __future__ import annotations

import argparse
import sys
import threading

from refapp.catalog import load_variants
from refapp.server import RefAppServer
from refapp.trackers import TrackerServer, tracker_hosts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m refapp", description=__doc__)
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0 = any free port; default 8765)")
    parser.add_argument("--db", default=None, help="SQLite file (default: in memory, fresh each run)")
    parser.add_argument("--tracker-port", type=int, default=8766,
                        help="port of the tracker server on 127.0.0.1 (0 = any free port; default 8766)")
    parser.add_argument("--tracker-hosts", action="store_true",
                        help="print the tracker host names (comma-separated) and exit")
    args = parser.parse_args(argv)
    if args.tracker_hosts:
        print(",".join(tracker_hosts(load_variants())))
        return 0
    trackers = TrackerServer(tracker_hosts(load_variants()), port=args.tracker_port)
    trackers.start()
    server = RefAppServer(port=args.port, db_path=args.db, tracker_port=trackers.port)
    url = server.start()
    try:        # a Ctrl-C while the lines below are printed stops the servers as cleanly as one after them
        print(f"refapp {server.build} serving on {url}/", flush=True)
        print(f"  its trackers ({', '.join(server.loopback_hosts)}) on 127.0.0.1:{trackers.port}: resolve those "
              f"names to 127.0.0.1 (a hosts entry on the emulator, or the proxy's host map)", flush=True)
        for name in sorted(server.variants):
            print(f"  {url}/app/{name}/", flush=True)
        print("Ctrl-C to stop", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        trackers.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
