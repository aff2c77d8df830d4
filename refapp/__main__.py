"""`python -m refapp [--port N]`: serve the reference app on 127.0.0.1 until Ctrl-C."""
from __future__ import annotations

import argparse
import sys
import threading

from refapp.server import RefAppServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m refapp", description=__doc__)
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0 = any free port; default 8765)")
    parser.add_argument("--db", default=None, help="SQLite file (default: in memory, fresh each run)")
    args = parser.parse_args(argv)
    server = RefAppServer(port=args.port, db_path=args.db)
    url = server.start()
    print(f"refapp {server.build} serving on {url}/", flush=True)
    for name in sorted(server.variants):
        print(f"  {url}/app/{name}/", flush=True)
    print("Ctrl-C to stop", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
