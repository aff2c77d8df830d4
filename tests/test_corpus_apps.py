"""The explorer's corpus (tests/corpus): every app is present and served on loopback only, and every truth file
is well formed and adds up. No browser: fast."""
from __future__ import annotations

import importlib.util
import json
import re
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "corpus"
PATTERNS = set(yaml.safe_load((REPO / "consent_audit" / "assets" / "rules.yaml").read_text(encoding="utf-8"))["patterns"])
POLICY = yaml.safe_load((REPO / "consent_audit" / "assets" / "policy.yaml").read_text(encoding="utf-8"))
APPS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
OUTCOMES = {"usable", "degraded", "blocked", "exited", "loop"}
PERMISSIONS = {"geolocation", "notifications", "camera", "microphone"}
ACTIONS = {"tap", "text", "toggle", "scroll"}
FLOWS = ("deletion", "permissions", "consent")


def _corpus_module(name: str = "server") -> Any:
    """A module of tests/corpus by its file name (the corpus server; `walk_truth`)."""
    spec = importlib.util.spec_from_file_location(f"corpus_{name}", CORPUS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def truth(app: str) -> dict[str, Any]:
    return json.loads((CORPUS / app / "truth.json").read_text(encoding="utf-8"))


def counts(path: list[dict[str, str]]) -> dict[str, int]:
    got = {a: sum(1 for s in path if s["action"] == a) for a in ACTIONS}
    return {"taps": got["tap"], "text_inputs": got["text"], "toggles": got["toggle"], "scrolls": got["scroll"],
            "steps": got["tap"] + got["text"] + got["toggle"]}


def test_corpus_size_and_spread() -> None:
    assert len(APPS) >= 12
    languages = {truth(a)["language"] for a in APPS}
    assert {"en", "zh", "de", "fr", "es", "ja", "pt", "ko", "it"} <= languages
    markup = " ".join(truth(a)["markup"] for a in APPS)
    for library in ("Klaro", "tarteaucitron", "vanilla-cookieconsent"):
        assert markup.count(library) >= 2, library
    assert "Osano Cookie Consent" in markup
    assert any(truth(a)["findings_by_flow"] == {f: [] for f in FLOWS} for a in APPS), "no fair control"


@pytest.mark.parametrize("app", APPS)
def test_app_files(app: str) -> None:
    assert (CORPUS / app / "index.html").is_file()
    assert (CORPUS / app / "truth.json").is_file()
    data = truth(app)
    assert data["app"] == app
    for key in ("language", "markup", "credentials", "deletion", "signup", "collected_at_signup", "permissions", "consent",
                "findings_by_flow"):
        assert key in data, key
    has_account = data.get("account", True)
    assert (CORPUS / app / "app.json").is_file() == has_account


def test_walk_notes_are_known_keys() -> None:
    """Each app's optional walk.json (tests/corpus/walk_truth.py `walk_notes`) holds only keys the walk reads, and
    a word to type names a text step of the app's truth."""
    walker = _corpus_module("walk_truth")
    for app in APPS:
        notes = walker.walk_notes(app)          # ValueError on an unknown key
        steps = {s["label"] for part in ("signup", "deletion") for s in truth(app)[part]["path"] if s["action"] == "text"}
        assert set(notes.get("typed", {})) <= steps, app


@pytest.mark.parametrize("app", APPS)
def test_paths_well_formed(app: str) -> None:
    data = truth(app)
    for path in (data["deletion"]["path"], data["signup"]["path"], data["consent"]["accept_path"], data["consent"]["reject_path"]):
        for step in path:
            assert set(step) == {"action", "label"}, step
            assert step["action"] in ACTIONS and step["label"].strip()


@pytest.mark.parametrize("app", APPS)
def test_deletion_figures_add_up(app: str) -> None:
    data = truth(app)
    d = data["deletion"]
    c = counts(d["path"])
    for key in ("taps", "text_inputs", "toggles", "scrolls", "steps"):
        assert d[key] == c[key], key
    assert d["steps"] == d["taps"] + d["text_inputs"] + d["toggles"]
    assert d["signup_steps"] == counts(data["signup"]["path"])["steps"]
    assert d["delete_to_signup_ratio"] == (round(d["steps"] / d["signup_steps"], 2) if d["signup_steps"] else 0.0)
    assert d["data_demanded"] == sorted(d["data_demanded"])
    assert isinstance(d["shaming_text"], list) and d.get("note")
    if data.get("account", True):
        assert d["deletion_in_app"] in (True, False)
        assert d["login_after_deletion"] in ("rejected", "accepted", "pending")
        # a log-in answered "pending" says a waiting period; a period may also be announced by an app whose account
        # goes on working meanwhile (log-in accepted: corpus ferenj, a request that never leaves the device)
        assert d["login_after_deletion"] != "pending" or d["waiting_period_days"]
        assert not d["waiting_period_days"] or d["login_after_deletion"] in ("pending", "accepted")
        assert data["credentials"]["username"]
    else:
        assert d["path"] == [] and data["signup"]["path"] == [] and d["steps"] == 0
        assert d["deletion_in_app"] is None and d["login_after_deletion"] is None


@pytest.mark.parametrize("app", APPS)
def test_permission_figures_add_up(app: str) -> None:
    p = truth(app)["permissions"]
    assert set(p["requested"]) <= PERMISSIONS and set(p["at_launch"]) <= set(p["requested"])
    assert set(p["outcomes"]) == set(p["requested"]) | {"all"}
    assert set(p["outcomes"].values()) <= OUTCOMES
    assert set(p["prompts_per_launch"]) == {"permission", "consent"}
    for series in p["prompts_per_launch"].values():
        assert len(series) == 3 and all(isinstance(n, int) and n >= 0 for n in series)
    assert isinstance(p["bundled_demand"], bool) and p.get("note")
    if p["bundled_demand"]:
        assert len(p["at_launch"]) >= POLICY["permissions"]["bundled_min"]


@pytest.mark.parametrize("app", APPS)
def test_consent_figures_add_up(app: str) -> None:
    c = truth(app)["consent"]
    assert c["accept_steps"] == counts(c["accept_path"])["steps"] >= 1
    if c["reject_path"] == []:     # a notice with no refusal at all: no count of steps exists, nothing to compare
        assert c["reject_steps"] is None and c["design"]["visually_equal"] is None
    else:
        assert c["reject_steps"] == counts(c["reject_path"])["steps"] >= 1
        assert isinstance(c["design"]["visually_equal"], bool)
    assert isinstance(c["preticked"], int) and isinstance(c["mandatory"], int)
    assert isinstance(c["shaming_text"], list) and c.get("note")
    assert set(c["design"]) == {"accept", "reject", "visually_equal"}
    assert "screens" not in truth(app)["deletion"] and "prominence" not in c


@pytest.mark.parametrize("app", APPS)
def test_findings_follow_the_policy(app: str) -> None:
    """Known pattern ids only, sorted, and exactly those the figures call for under assets/policy.yaml (the refapp's
    rules: tests/test_refapp_server.py::expected_findings)."""
    data = truth(app)
    found = data["findings_by_flow"]
    assert set(found) == set(FLOWS)
    for flow, patterns in found.items():
        assert patterns == sorted(set(patterns)) and set(patterns) <= PATTERNS, (flow, patterns)
    d, p, c = data["deletion"], data["permissions"], data["consent"]
    limits = POLICY["deletion"]
    in_app = d["deletion_in_app"] is True
    assert ("obstructed_deletion" in found["deletion"]) == (
        in_app and (d["steps"] > limits["max_steps"] or d["delete_to_signup_ratio"] > limits["max_ratio_to_signup"]))
    justified = limits["justified_by"]
    excessive = [k for k in d["data_demanded"] if k in justified and justified[k]
                 and not set(justified[k]) & set(data["collected_at_signup"])]
    assert ("excessive_data_for_deletion" in found["deletion"]) == bool(excessive)
    assert ("deletion_not_in_app" in found["deletion"]) == (d["deletion_in_app"] is False)
    assert ("deletion_not_effective" in found["deletion"]) == (in_app and d["login_after_deletion"] == "accepted")
    assert ("confirmshaming" in found["deletion"]) == bool(d["shaming_text"])
    decision = d.get("decision")      # the last decision before deletion, when keep and confirm are drawn unequal
    assert ("visual_interference" in found["deletion"]) == bool(decision and not decision["visually_equal"])
    acceptable = set(POLICY["permissions"]["acceptable_outcomes"])
    assert ("forced_permission" in found["permissions"]) == any(o not in acceptable for o in p["outcomes"].values())
    assert ("permission_nagging" in found["permissions"]) == any(p["prompts_per_launch"]["permission"])
    # consent_nagging: "A consent choice already made is asked for again" — with no refusal no choice is made
    # on the way the permissions flow walks (the notice left unanswered is the same notice, not a choice asked again)
    refusal = c["reject_steps"] is not None
    assert ("consent_nagging" in found["permissions"]) == (refusal and any(p["prompts_per_launch"]["consent"]))
    assert ("bundled_permission_demand" in found["permissions"]) == p["bundled_demand"]
    # "Declining takes more steps or is less available than accepting": no refusal at all is less available
    assert ("asymmetric_choice" in found["consent"]) == (not refusal or c["reject_steps"] > c["accept_steps"])
    assert ("preticked_consent" in found["consent"]) == (c["preticked"] > 0)
    assert ("confirmshaming" in found["consent"]) == bool(c["shaming_text"])
    assert ("visual_interference" in found["consent"]) == (c["design"]["visually_equal"] is False)


URL = re.compile(r"""https?://([A-Za-z0-9.\-\[\]:]+)""")


@pytest.mark.parametrize("app", APPS + ["_kit"])
def test_no_outside_url(app: str) -> None:
    """Nothing in a corpus app names a host other than loopback (the libraries come from node_modules through the
    corpus server; the server's Content-Security-Policy also stops the browser loading anything else)."""
    for f in sorted((CORPUS / app).rglob("*")):
        if f.suffix in (".html", ".js", ".css", ".json") and f.name != "truth.json":
            for host in URL.findall(f.read_text(encoding="utf-8")):
                assert host.split(":")[0] in ("127.0.0.1", "localhost", "[::1]"), f"{f.name}: {host}"


@pytest.fixture(scope="module")
def server() -> Iterator[Any]:
    srv = _corpus_module().CorpusServer(0).start()
    try:
        yield srv
    finally:
        srv.stop()


def _get(url: str) -> tuple[int, bytes, Any]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, b"", e.headers


def test_server_on_loopback(server: Any) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    assert server.httpd.server_address[0] == "127.0.0.1"
    assert server.apps == APPS
    assert _get(server.url + "/nothing-here/")[0] == 404
    assert _get(server.url + "/vendor/appium/package.json")[0] == 404
    assert _get(server.url + "/kettle/../server.py")[0] == 404


@pytest.mark.parametrize("app", APPS)
def test_app_served(server: Any, app: str) -> None:
    status, body, headers = _get(server.app_url(app))
    assert status == 200 and b"<html" in body
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    # every local file the page names (scripts, stylesheets, frames) is served too
    for ref in re.findall(rb"""(?:src|href)=["']([^"'#]+)["']""", body):
        ref = ref.decode()
        if ref.startswith(("http:", "https:", "javascript:")) or ref == "#":
            continue
        url = server.url + ref if ref.startswith("/") else server.app_url(app) + ref
        assert _get(url)[0] == 200, url


@pytest.mark.parametrize("app", [a for a in APPS if (CORPUS / a / "app.json").is_file()])
def test_accounts_api(server: Any, app: str) -> None:
    config = json.loads((CORPUS / app / "app.json").read_text(encoding="utf-8"))
    deletion = config.get("deletion", {})

    def post(action: str, body: dict[str, Any], token: str | None = None) -> tuple[int, dict[str, Any]]:
        req = urllib.request.Request(f"{server.app_url(app)}api/{action}", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})})
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")

    name = "13700137000" if config.get("phone_username") else f"probe@{app}.test"
    status, answer = post("signup", {"username": name, "password": "secret1"})
    assert status == 201
    token = answer["token"]
    assert post("signup", {"username": name, "password": "secret1"})[0] == 409
    assert post("login", {"username": name, "password": "wrong!!"})[0] == 401
    if deletion.get("reason"):
        assert post("delete", {"password": "secret1", "reason": ""}, token) == (400, {"error": "reason"})
    if deletion.get("password"):
        assert post("delete", {"password": "nope", "reason": "x"}, token)[0] == 400
    status, answer = post("delete", {"password": "secret1", "reason": "not used"}, token)
    assert status == 200
    login = post("login", {"username": name, "password": "secret1"})
    expected = truth(app)["deletion"]["login_after_deletion"]
    if expected == "pending":
        assert login[1]["status"] == "pending" and login[1]["days"] == truth(app)["deletion"]["waiting_period_days"]
    else:
        assert login[0] == 401


def test_a_taken_port_is_one_line_not_a_traceback(server: Any) -> None:
    import subprocess
    import sys
    port = int(server.url.rsplit(":", 1)[1])
    proc = subprocess.run([sys.executable, str(Path(__file__).parent / "corpus" / "server.py"), str(port)],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [f"corpus server: cannot listen on 127.0.0.1:{port} (Address already "
                                                "in use); choose another port or none (any free one)"]


def test_an_app_copied_in_after_the_server_started_is_served_with_its_accounts(tmp_path: Path) -> None:
    """fresh9: the server read its app list once at start, so an app copied in later answered 404."""
    module = _corpus_module()
    module.ROOT = tmp_path
    (tmp_path / "first").mkdir()
    (tmp_path / "first" / "index.html").write_text("<p>first</p>", encoding="utf-8")
    srv = module.CorpusServer(0).start()
    try:
        later = tmp_path / "later"
        later.mkdir()
        (later / "index.html").write_text("<p>later</p>", encoding="utf-8")
        (later / "app.json").write_text("{}", encoding="utf-8")
        status, body, _ = _get(srv.url + "/later/")
        assert (status, body) == (200, b"<p>later</p>") and srv.apps == ["first", "later"]
        request = urllib.request.Request(srv.url + "/later/api/signup", method="POST",
                                         data=json.dumps({"username": "u", "password": "secret-1"}).encode())
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 201
        assert _get(srv.url + "/_kit/")[0] == 404 and _get(srv.url + "/gone/")[0] == 404
    finally:
        srv.stop()
