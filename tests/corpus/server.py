"""Serves the corpus apps on loopback: every folder of tests/corpus with an index.html is an app at /<folder>/.

- /<app>/…           the app's own files (html, js, css, json, svg);
- /_kit/…            the small shared shell most corpus apps are built on (tests/corpus/_kit);
- /vendor/<pkg>/…    the consent libraries (and the frameworks they need), straight from node_modules — only
                      the packages named in VENDOR below; a scoped package is /vendor/@scope/name/… — nothing is
                      ever loaded from outside 127.0.0.1;
- POST /<app>/api/<action>   that app's accounts (signup, login, logout, me, delete), kept in memory per
                      server instance and configured by the app's app.json (an app without app.json has none);
- an app with a site.py is server-rendered: every other GET or POST under /<app>/ goes first to its
  handle(request) (see SiteRequest), which answers (status, headers, body) or None for the static files.

    python tests/corpus/server.py [port]     # prints the base URL and one URL per app, serves until Ctrl-C
    python tests/corpus/server.py --app-dir /tmp/copies/kettle-nobar    # also an app folder from elsewhere
                                             # (a one-change copy), served at /<its folder name>/
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import threading
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, NamedTuple
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parent
NODE_MODULES = ROOT.parents[1] / "node_modules"
VENDOR = ("cookieconsent", "klaro", "orejime", "tarteaucitronjs", "vanilla-cookieconsent", "react", "react-dom",
          "react-cookie-consent", "@porscheofficial/cookie-consent-banner", "@iabtcf/core", "@iabtcf/cmpapi",
          "cookie-consent-js", "@beyonk/gdpr-cookie-consent-banner", "vue", "vue-cookie-accept-decline",
          "cookies-eu-banner", "cookie-notice", "gdpr-cookie-notice", "@dmstr/cookie-consent",
          "react-cookie-consent-popup", "cookiecraft", "django-cookie-consent", "@demos-europe/dp-consent",
          "@justeattakeaway/pie-cookie-banner", "@justeattakeaway/pie-css", "bootstrap-cookie-alert", "jquery",
          "jquery-cookiebar", "gdpr-cookie", "@palmabit/react-cookie-law",
          "@stormid/cookie-banner", "react-hook-consent", "cookie-though", "cookie-consent-box",
          "@htmlbricks/hb-cookie-law-banner", "@material/web", "lit", "lit-html", "lit-element",
          "@lit/reactive-element", "tslib", "@shoelace-style/shoelace", "@ionic/core", "alpinejs")
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml",
         ".png": "image/png"}


EXTRA: dict[str, Path] = {}
"""App folders served from outside tests/corpus (`add_app`), by name."""


def app_dir(name: str) -> Path:
    """The folder app `name` is served from: one added from elsewhere (`add_app`), else tests/corpus/<name>."""
    return EXTRA.get(name, ROOT / name)


def add_app(folder: Path) -> str:
    """Serve the app folder `folder` (outside tests/corpus: a one-change copy of a corpus app, an app of one's own)
    at /<its folder name>/ too; returns that name. Raises ValueError (one line) when it has no index.html or its
    name is a corpus app's or the shared kit's."""
    folder = Path(folder).resolve()
    if not (folder / "index.html").is_file():
        raise ValueError(f"{folder} holds no index.html: not an app folder")
    if folder.name.startswith("_") or ((ROOT / folder.name).exists() and (ROOT / folder.name).resolve() != folder):
        raise ValueError(f"{folder.name} is already a corpus folder's name: rename the copy")
    EXTRA[folder.name] = folder
    return folder.name


def app_names() -> list[str]:
    """The corpus apps and those added from elsewhere, sorted: folders with an index.html (not the shared _kit)."""
    corpus = {p.name for p in ROOT.iterdir() if (p / "index.html").is_file() and not p.name.startswith("_")}
    return sorted(corpus | set(EXTRA))


def _load(path: Path, name: str) -> Any:
    """The Python file at `path` as a module named `name` (server.py is itself loaded by path: tests/corpus is no
    package, so its neighbours and the apps' site.py are loaded the same way)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


Accounts = _load(ROOT / "accounts.py", "corpus_accounts").Accounts


class Apps:
    """The corpus apps as the folder holds them at each request: an app copied in after the server started is
    served at once (before, the list was read once at start and a new app answered 404). Each app's accounts
    (app.json) and site.py are read at its first request and kept for the server's life (accounts live in memory)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._accounts: dict[str, Accounts | None] = {}
        self._sites: dict[str, Callable[[SiteRequest], "SiteAnswer | None"] | None] = {}

    def __contains__(self, name: object) -> bool:
        return (isinstance(name, str) and name not in ("", ".", "..") and not name.startswith("_")
                and (app_dir(name) / "index.html").is_file())

    def accounts(self, name: str) -> "Accounts | None":
        """The app's accounts, None for an app without app.json."""
        with self.lock:
            if name not in self._accounts:
                config = app_dir(name) / "app.json"
                self._accounts[name] = (Accounts(json.loads(config.read_text(encoding="utf-8")))
                                        if config.is_file() else None)
            return self._accounts[name]

    def site(self, name: str) -> "Callable[[SiteRequest], SiteAnswer | None] | None":
        """The app's site.py handle, None for a static app."""
        with self.lock:
            if name not in self._sites:
                self._sites[name] = load_site(name)
            return self._sites[name]


class SiteRequest(NamedTuple):
    """One request to a server-rendered app (its site.py): method "GET"/"POST", path below /<app>/ ("" = its
    home, no leading slash), query and form fields (first value of each; a form is
    application/x-www-form-urlencoded), the request's cookies, the app's Accounts (None without app.json) and the
    app's base URL path ("/<app>/"). A NamedTuple, not a dataclass: server.py is loaded by path (importlib)."""
    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    cookies: dict[str, str]
    accounts: "Accounts | None"
    app_url: str


SiteAnswer = tuple[int, list[tuple[str, str]], bytes]


def load_site(name: str) -> Callable[[SiteRequest], "SiteAnswer | None"] | None:
    """The handle function of tests/corpus/<name>/site.py, or None when the app has no site.py (a static app)."""
    path = app_dir(name) / "site.py"
    if not path.is_file():
        return None
    return _load(path, f"corpus_site_{name}").handle  # type: ignore[no-any-return]


def _first(raw: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}


class CorpusServer:
    """Every corpus app on 127.0.0.1 (never another interface); port 0 = any free port."""

    def __init__(self, port: int = 0) -> None:
        apps = Apps()

        def framers(name: str) -> bool:
            # app.json "frame_localhost": true — the app's pages may frame http://localhost:<this port> (another
            # origin on loopback, as a CMP served from its own domain is); every other app frames only its own origin
            found = apps.accounts(name) if name in apps else None
            return bool(found and found.config.get("frame_localhost"))

        def resolve(parts: list[str]) -> Path | None:
            if parts[0] == "vendor":
                scoped = len(parts) > 1 and parts[1].startswith("@")   # @scope/name: two parts
                package = "/".join(parts[1:3]) if scoped else (parts[1] if len(parts) > 1 else "")
                rest = parts[3:] if scoped else parts[2:]
                if not rest or package not in VENDOR:
                    return None
                base = (NODE_MODULES / package).resolve()
                path = (base / "/".join(rest)).resolve()
            elif parts[0] == "_kit" or parts[0] in apps:
                base = (ROOT / parts[0] if parts[0] == "_kit" else app_dir(parts[0])).resolve()
                path = (base / ("/".join(parts[1:]) or "index.html")).resolve()
            else:
                return None
            if base not in path.parents or not path.is_file() or path.suffix not in TYPES:
                return None
            return path

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _send(self, status: int, body: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                # the browser itself refuses anything not from this server
                app = self.path.split("?", 1)[0].strip("/").split("/", 1)[0]
                frames = f" http://localhost:{self.server.server_address[1]}" if framers(app) else ""
                self.send_header("Content-Security-Policy",
                                 f"default-src 'self' 'unsafe-inline' data:; frame-src 'self'{frames}")
                self.end_headers()
                self.wfile.write(body)

            def _site(self, method: str) -> bool:
                """Hands the request to the app's site.py if it has one; True when that answered."""
                raw, _, query = self.path.split("#", 1)[0].partition("?")
                parts = [p for p in raw.strip("/").split("/") if p]
                site = apps.site(parts[0]) if parts and parts[0] in apps else None
                if site is None or (len(parts) == 1 and not raw.endswith("/")):
                    return False
                form: dict[str, str] = {}
                if method == "POST":
                    length = int(self.headers.get("Content-Length") or 0)
                    form = _first(self.rfile.read(length).decode("utf-8", "replace"))
                jar = SimpleCookie(self.headers.get("Cookie", ""))
                request = SiteRequest(method, "/".join(parts[1:]), _first(query), form,
                                      {k: m.value for k, m in jar.items()}, apps.accounts(parts[0]),
                                      f"/{parts[0]}/")
                answer = site(request)
                if answer is None:
                    return False
                status, headers, body = answer
                self.send_response(status)
                for key, value in headers:
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Security-Policy",
                                 "default-src 'self' 'unsafe-inline' data:; frame-src 'self'; form-action 'self'")
                self.end_headers()
                self.wfile.write(body)
                return True

            def do_GET(self) -> None:
                if self._site("GET"):
                    return None
                raw = self.path.split("?", 1)[0].split("#", 1)[0]
                parts = [p for p in raw.strip("/").split("/") if p]
                if not parts:
                    listing = "".join(f'<li><a href="/{a}/">{a}</a></li>' for a in app_names())
                    return self._send(200, f"<!doctype html><ul>{listing}</ul>".encode(), TYPES[".html"])
                if parts[0] in apps and len(parts) == 1 and not raw.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", f"/{parts[0]}/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                path = resolve(parts)
                if path is None:
                    return self._send(404, b"not found", "text/plain")
                return self._send(200, path.read_bytes(), TYPES[path.suffix])

            def do_POST(self) -> None:
                parts = self.path.split("?", 1)[0].strip("/").split("/")
                if not (len(parts) == 3 and parts[1] == "api") and self._site("POST"):
                    return None
                found = apps.accounts(parts[0]) if len(parts) == 3 and parts[0] in apps else None
                if found is None or parts[1] != "api":
                    return self._send(404, b"{}", "application/json")
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    body = {}
                if not isinstance(body, dict):
                    body = {}
                auth = self.headers.get("Authorization", "")
                token = auth[7:] if auth.startswith("Bearer ") else None
                status, answer = found.handle(parts[2], body, token)
                return self._send(status, json.dumps(answer).encode(), "application/json")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True, name="corpus-apps")

    @property
    def apps(self) -> list[str]:
        """The corpus apps now (read at each call, as each request reads them)."""
        return app_names()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def app_url(self, name: str) -> str:
        return f"{self.url}/{name}/"

    def start(self) -> "CorpusServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "CorpusServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Serve the corpus apps on 127.0.0.1 (Ctrl-C stops).")
    parser.add_argument("port", nargs="?", type=int, default=0, help="port to listen on (default: any free one)")
    parser.add_argument("--app-dir", action="append", default=[], type=Path, metavar="DIR",
                        help="also serve this app folder from elsewhere at /<its name>/ (repeatable)")
    options = parser.parse_args()
    port = options.port
    for folder in options.app_dir:
        try:
            add_app(folder)
        except ValueError as exc:
            parser.exit(2, f"corpus server: {exc}\n")
    try:
        server = CorpusServer(port).start()
    except OSError as exc:       # the port is taken, or not ours to use
        parser.exit(2, f"corpus server: cannot listen on 127.0.0.1:{port} ({exc.strerror}); choose another port "
                       "or none (any free one)\n")
    print(server.url)
    for app in server.apps:
        print(server.app_url(app))
    sys.stdout.flush()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()
