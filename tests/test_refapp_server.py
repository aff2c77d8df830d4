"""Reference app: server, accounts API, variant configs and truth files (no browser).

The truth files are checked three ways: their own arithmetic, agreement with the variant config they
describe (two independent encodings of one design), and a static walk of each path over the app's
navigation rules. Walking the paths in a real browser is done outside the test suite (see refapp/README.md).
"""
from __future__ import annotations

import http.client
import json
import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from consent_audit.findings.registry import all_rules

from refapp.catalog import STATIC_DIR, TRUTH_DIR, VARIANTS_DIR, compute_build, load_variants
from refapp.server import RefAppServer

REPO = Path(__file__).resolve().parents[1]
VARIANTS = load_variants()
NAMES = sorted(VARIANTS)
ID_NUMBER = "11010519491231002X"

DATA_VOCAB = {"password", "sms_code", "id_number", "reason", "face_scan"}
OUTCOME_VOCAB = {"usable", "degraded", "blocked", "exited", "loop"}
FINDINGS_VOCAB = {rule.pattern for rule in all_rules()}   # the findings registry (tests/test_findings_rules.py)
# ids the app markup itself guarantees (refapp/README.md, "DOM contract"); config-driven ids are checked per variant
FIXED_IDS = [
    "nav-back", "nav-title", "tab-home", "tab-me", "screen-splash", "screen-home", "home-mode",
    "feature-geolocation", "feature-notifications", "feature-camera", "feature-status", "screen-me",
    "me-username", "me-login", "me-signup", "screen-login", "login-username", "login-password", "login-submit",
    "login-message", "screen-signup", "signup-username", "signup-password", "signup-agree", "signup-submit",
    "signup-message", "screen-perm-blocker", "blocker-text", "blocker-retry", "blocker-exit",
    "dlg-perm-rationale", "rationale-text", "rationale-cancel", "rationale-allow", "dlg-consent", "consent-title",
    "consent-text", "consent-accept", "consent-reject", "consent-manage", "screen-consent-manage", "consent-save",
    "dlg-consent-shame", "shame-keep", "shame-decline", "screen-delete-result", "delete-result-text",
    "delete-result-done",
]


# ------------------------------------------------------------------------------------------ helpers
@pytest.fixture(scope="module")
def server():
    with RefAppServer() as srv:
        yield srv


def call(srv, method, path, body=None, token=None, raw=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(srv.url + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            payload = resp.read()
            status, hdrs = resp.status, resp.headers
    except urllib.error.HTTPError as err:
        payload, status, hdrs = err.read(), err.code, err.headers
    ctype = hdrs.get("Content-Type", "")
    return status, (json.loads(payload) if "json" in ctype and payload else payload.decode("utf-8")), hdrs


def signup(srv, variant, username, password="secret123", **extra):
    status, data, _ = call(srv, "POST", f"/api/{variant}/signup",
                           dict({"username": username, "password": password}, **extra))
    assert status == 201, data
    return data["token"]


def login(srv, variant, username, password="secret123"):
    status, data, _ = call(srv, "POST", f"/api/{variant}/login", {"username": username, "password": password})
    return status, data


def static_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(STATIC_DIR.iterdir()) if p.is_file())


def in_markup(ident: str, markup: str) -> bool:
    """The id is written in the static app (as id="x" / a quoted 'x'), or is a view the app adds by name."""
    if re.search(r"""(?:id=|['"])""" + re.escape(ident) + r"""['"]""", markup):
        return True
    return ident.startswith("screen-") and f"addScreen('{ident[7:]}'" in markup


def config_ids(node) -> set[str]:
    """Every element id a variant config declares (values of "id" and "*_id" keys)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if (key == "id" or key.endswith("_id")) and isinstance(value, str):
                found.add(value)
            else:
                found |= config_ids(value)
    elif isinstance(node, list):
        for item in node:
            found |= config_ids(item)
    return found


def truth(name):
    return json.loads((TRUTH_DIR / f"{name}.json").read_text(encoding="utf-8"))


def count(path, action):
    return sum(1 for step in path if step["action"] == action)


# ------------------------------------------------------------------------------------------ server
def test_binds_loopback_only(server):
    assert server.url.startswith("http://127.0.0.1:")
    host, port = server.bound_address[:2]
    assert host == "127.0.0.1" and port == server.port > 0
    # if the machine has a non-loopback address, the port must not answer there
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # no packet is sent: only picks the outgoing interface
        external = probe.getsockname()[0]
    except OSError:
        external = None
    finally:
        probe.close()
    if external and not external.startswith("127."):
        with pytest.raises(OSError):
            socket.create_connection((external, port), timeout=2).close()


@pytest.mark.parametrize("host", ["0.0.0.0", "", "::", "192.168.1.10", "example.com"])
def test_refuses_non_loopback_hosts(host):
    with pytest.raises(ValueError):
        RefAppServer(host=host)


def test_localhost_name_is_loopback_and_stop_closes_the_port():
    srv = RefAppServer(host="localhost")
    with srv:
        assert srv.url.startswith("http://127.0.0.1:")
        status, info, _ = call(srv, "GET", "/api/info")
        assert status == 200
        port = srv.port
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_each_server_has_a_fresh_database():
    with RefAppServer() as one:
        signup(one, "fair", "alice")
    with RefAppServer() as two:
        assert login(two, "fair", "alice")[0] == 401
        signup(two, "fair", "alice")


def test_build_and_info(server):
    assert re.fullmatch(r"refapp-1\.0\.0\+[0-9a-f]{12}", server.build)
    assert server.build == compute_build()
    status, info, _ = call(server, "GET", "/api/info")
    assert status == 200 and info == {"build": server.build, "variants": NAMES}


def test_index_links_every_variant(server):
    status, html, _ = call(server, "GET", "/")
    assert status == 200
    for name in NAMES:
        assert f'href="/app/{name}/"' in html


def test_app_pages_static_and_404(server):
    status, html, headers = call(server, "GET", "/app/fair/")
    assert status == 200 and "/static/app.js" in html and "/static/app.css" in html
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert call(server, "GET", "/app/no-such-variant/")[0] == 404
    assert call(server, "GET", "/nowhere")[0] == 404
    status, js, headers = call(server, "GET", "/static/app.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert call(server, "GET", "/static/missing.js")[0] == 404
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        conn.request("GET", "/static/../server.py")
        assert conn.getresponse().status == 404
        conn.close()
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        conn.request("GET", "/app/fair")
        resp = conn.getresponse()
        assert resp.status == 301 and resp.getheader("Location") == "/app/fair/"
    finally:
        conn.close()


def test_config_endpoint_serves_the_variant_file(server):
    for name in NAMES:
        status, config, _ = call(server, "GET", f"/api/{name}/config")
        assert status == 200 and config == json.loads((VARIANTS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    assert call(server, "GET", "/api/nope/config")[0] == 404


def test_server_is_quiet(server, capfd):
    call(server, "GET", "/app/fair/")
    call(server, "GET", "/missing")
    call(server, "POST", "/api/fair/login", {"username": "nobody", "password": "pw-never-logged"})
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_self_contained_no_outside_requests():
    """No CDN, no external font, no outside URL in the app or its configs (the SVG namespace is not a request)."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in STATIC_DIR.iterdir() if p.is_file()}
    texts.update({p.name: p.read_text(encoding="utf-8") for p in VARIANTS_DIR.glob("*.json")})
    for name, text in texts.items():
        urls = [u for u in re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"')]*", text)
                if u != "http://www.w3.org/2000/svg"]
        assert urls == [], (name, urls)
        assert "@import" not in text and "@font-face" not in text, name
    js = texts["app.js"]
    assert "setTimeout" not in js and "setInterval" not in js  # no fixed delays for the suite to wait out
    assert re.findall(r"(?:transition|animation)\s*:(?!\s*none)", texts["app.css"]) == []


# ------------------------------------------------------------------------------------------ accounts API
def test_signup_login_me_logout(server):
    token = signup(server, "fair", "bob")
    status, me, _ = call(server, "GET", "/api/fair/me", token=token)
    assert status == 200 and me["username"] == "bob"
    assert call(server, "POST", "/api/fair/signup", {"username": "bob", "password": "another1"})[0] == 409
    status, data = login(server, "fair", "bob")
    assert status == 200 and data["status"] == "active" and data["token"]
    assert login(server, "fair", "bob", "wrong-password")[0] == 401
    assert login(server, "fair", "nobody")[0] == 401
    assert call(server, "POST", "/api/fair/logout", token=token)[0] == 200
    assert call(server, "GET", "/api/fair/me", token=token)[0] == 401
    assert call(server, "GET", "/api/fair/me")[0] == 401


def test_signup_validation(server):
    assert call(server, "POST", "/api/fair/signup", {"username": "x", "password": "123"})[0] == 400
    assert call(server, "POST", "/api/fair/signup", {"username": "", "password": "secret123"})[0] == 400
    assert call(server, "POST", "/api/fair/signup", raw=b"{not json")[0] == 400
    # a phone-number variant insists on a phone number as the account name
    assert call(server, "POST", "/api/obstructed-deletion/signup",
                {"username": "not-a-phone", "password": "secret123"})[0] == 400


def test_immediate_deletion_rejects_later_logins(server):
    token = signup(server, "fair", "carol")
    status, data, _ = call(server, "POST", "/api/fair/delete", {}, token=token)
    assert status == 200 and data == {"status": "deleted"}
    assert login(server, "fair", "carol")[0] == 401
    assert call(server, "GET", "/api/fair/me", token=token)[0] == 401
    signup(server, "fair", "carol")  # the name is free again: the account is really gone


def test_pending_deletion_with_sms_and_id_number(server):
    v, phone = "obstructed-deletion", "13800138001"
    token = signup(server, v, phone, phone=phone)
    full = {"reason": "reason-not-used", "sms_code": "246810", "id_number": ID_NUMBER}
    status, data, _ = call(server, "POST", f"/api/{v}/delete", full, token=token)
    assert status == 400 and data["field"] == "sms_code"  # no code was requested yet
    status, data, _ = call(server, "POST", f"/api/{v}/sms", {}, token=token)
    assert status == 200 and data == {"sent": True}
    for wrong, field in ((dict(full, sms_code="000000"), "sms_code"),
                         (dict(full, id_number="12345"), "id_number"),
                         ({k: full[k] for k in ("sms_code", "id_number")}, "reason")):
        status, data, _ = call(server, "POST", f"/api/{v}/delete", wrong, token=token)
        assert status == 400 and data["field"] == field
    assert login(server, v, phone)[1]["status"] == "active"  # nothing happened yet
    status, data, _ = call(server, "POST", f"/api/{v}/delete", full, token=token)
    assert status == 200 and data == {"status": "pending", "waiting_days": 15}
    status, data = login(server, v, phone)
    assert status == 200 and data == {"status": "pending", "waiting_days": 15}  # no token
    assert login(server, v, phone, "wrong-password")[0] == 401
    assert call(server, "GET", f"/api/{v}/me", token=token)[0] == 401


def test_password_demanded_for_deletion(server):
    v = "forced-permissions"
    token = signup(server, v, "dave")
    assert call(server, "POST", f"/api/{v}/delete", {"password": "nope-nope"}, token=token)[0] == 400
    status, data, _ = call(server, "POST", f"/api/{v}/delete", {"password": "secret123"}, token=token)
    assert status == 200 and data["status"] == "deleted"
    assert login(server, v, "dave")[0] == 401


def test_face_scan_demanded_for_deletion(server):
    v = "forced-biometric"
    token = signup(server, v, "erin")
    assert call(server, "POST", f"/api/{v}/delete", {}, token=token)[0] == 400
    assert call(server, "POST", f"/api/{v}/delete", {"face_verified": "yes"}, token=token)[0] == 400
    status, data, _ = call(server, "POST", f"/api/{v}/delete", {"face_verified": True}, token=token)
    assert status == 200 and data["status"] == "deleted"
    assert login(server, v, "erin")[0] == 401


def test_fake_deletion_keeps_the_account(server):
    token = signup(server, "fake-deletion", "frank")
    status, data, _ = call(server, "POST", "/api/fake-deletion/delete", {}, token=token)
    assert status == 200 and data == {"status": "deleted"}  # what the app is told...
    assert call(server, "GET", "/api/fake-deletion/me", token=token)[0] == 401
    status, data = login(server, "fake-deletion", "frank")
    assert status == 200 and data["status"] == "active"  # ...and what is true


def test_no_in_app_deletion(server):
    token = signup(server, "deletion-by-email", "gina")
    assert call(server, "POST", "/api/deletion-by-email/delete", {}, token=token)[0] == 403
    assert login(server, "deletion-by-email", "gina")[1]["status"] == "active"


def test_variant_namespaces(server):
    fair_token = signup(server, "fair", "henry")
    other_token = signup(server, "consent-asymmetric", "henry", password="other-pass")
    assert call(server, "GET", "/api/consent-asymmetric/me", token=fair_token)[0] == 401
    assert call(server, "POST", "/api/fair/delete", {}, token=fair_token)[1]["status"] == "deleted"
    assert login(server, "fair", "henry")[0] == 401
    assert login(server, "consent-asymmetric", "henry", "other-pass")[1]["status"] == "active"
    assert call(server, "GET", "/api/consent-asymmetric/me", token=other_token)[0] == 200
    assert call(server, "POST", "/api/nope/signup", {"username": "a", "password": "secret123"})[0] == 404


def test_passwords_are_hashed(tmp_path):
    db = tmp_path / "refapp.sqlite"
    secret = "Plaintext-Never-Stored-42"
    with RefAppServer(db_path=str(db)) as srv:
        signup(srv, "fair", "ivy", password=secret)
        assert login(srv, "fair", "ivy", secret)[0] == 200
    raw = db.read_bytes()
    assert secret.encode() not in raw and secret.encode("utf-16-le") not in raw


def test_concurrent_requests(server):
    def one(i):
        return call(server, "POST", "/api/fair/signup", {"username": f"user{i}", "password": "secret123"})[0]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert set(pool.map(one, range(24))) == {201}


def test_python_m_refapp_prints_url_and_serves():
    # SIGINT restored in the child: a suite started in the background by a non-interactive shell ignores SIGINT,
    # its children inherit that, and Python then installs no KeyboardInterrupt handler — the server never stops
    proc = subprocess.Popen([sys.executable, "-m", "refapp", "--port", "0", "--tracker-port", "0"], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        first = proc.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)/", first)
        assert match, first
        with urllib.request.urlopen(match.group(1) + "/api/info", timeout=5) as resp:
            assert json.loads(resp.read())["variants"] == NAMES
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=10)
    assert proc.returncode == 0


# ------------------------------------------------------------------------------------------ variants & truth
def test_every_variant_has_a_truth_file_and_back():
    assert NAMES and sorted(p.stem for p in TRUTH_DIR.glob("*.json")) == NAMES
    assert {"fair", "forced-permissions", "obstructed-deletion", "consent-asymmetric", "forced-biometric"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_variant_config_is_well_formed(name):
    c = VARIANTS[name]
    assert c["name"] == name and c["language"] in ("en", "zh") and c["models"]
    p = c["permissions"]
    assert set(p["requested"]) <= {"geolocation", "notifications", "camera"}
    assert set(p["at_launch"]) <= set(p["requested"])
    assert set(p["on_denied"].values()) <= {"degrade", "blocker", "loop", "exit"}
    assert c["consent"]["style"] in ("equal", "asymmetric")
    d = c["deletion"]
    assert d["mode"] in ("immediate", "pending", "none") and set(d["demands"]) <= DATA_VOCAB
    assert {s["type"] for s in d["steps"]} <= {"notice", "reason", "form", "face", "confirm"}
    for target in [i.get("to") for i in c["me"]["items"]] + [
            i.get("to") for s in c["screens"].values() for i in s.get("items", [])]:
        assert target is None or target in c["screens"] or target == "privacy-policy", target   # built-in view
    ids = [i["id"] for i in c["me"]["items"]] + [i["id"] for s in c["screens"].values() for i in s.get("items", [])]
    for step in d["steps"]:
        ids += [v for k, v in step.items() if k.endswith("_id")]
        ids += [o["id"] for o in step.get("options", [])] + [f["input_id"] for f in step.get("fields", [])]
    screens_ = [s.get("screen") or s.get("modal") for s in d["steps"]]
    assert len(set(screens_)) == len(screens_)
    # all views exist in the DOM at once, so element ids must be unique within a variant
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize("name", NAMES)
def test_truth_figures_add_up(name):
    t = truth(name)
    assert t["variant"] == name and t["language"] == VARIANTS[name]["language"]
    d = t["deletion"]
    path = d["path"]
    assert {s["action"] for s in path} <= {"tap", "text", "toggle", "scroll"}
    assert d["taps"] == count(path, "tap") and d["text_inputs"] == count(path, "text")
    assert d["toggles"] == count(path, "toggle") and d["scrolls"] == count(path, "scroll")
    assert d["steps"] == d["taps"] + d["text_inputs"] + d["toggles"] == len([s for s in path if s["action"] != "scroll"])
    signup_path = t["signup"]["path"]
    assert d["signup_steps"] == len([s for s in signup_path if s["action"] != "scroll"]) > 0
    assert d["delete_to_signup_ratio"] == round(d["steps"] / d["signup_steps"], 2)
    assert d["data_demanded"] == sorted(d["data_demanded"]) and set(d["data_demanded"]) <= DATA_VOCAB
    assert d["login_after_deletion"] in ("rejected", "accepted", "pending")
    if not d["deletion_in_app"]:
        # the path ends on the page that sends the user elsewhere (e-mail, phone): nothing was deleted
        assert path and path[-1]["id"] == "delete-account" and d["waiting_period_days"] is None
        assert d["login_after_deletion"] == "accepted"
    c = t["consent"]
    assert c["accept_steps"] == len(c["accept_path"]) and c["reject_steps"] == len(c["reject_path"])
    p = t["permissions"]
    assert set(p["outcomes"]) == set(p["requested"]) | {"all"}     # the permissions the target declares
    assert set(p["outcomes"].values()) <= OUTCOME_VOCAB
    assert all(len(p["prompts_per_launch"][k]) == 3 for k in ("permission", "consent"))
    assert t["findings"] == sorted(t["findings"]) and set(t["findings"]) <= FINDINGS_VOCAB


@pytest.mark.parametrize("name", NAMES)
def test_truth_agrees_with_the_variant_config(name):
    """The truth file and the config are two encodings of one design; they must say the same."""
    t, c = truth(name), VARIANTS[name]
    d, dc = t["deletion"], c["deletion"]
    assert d["data_demanded"] == sorted(dc["demands"])
    assert d["waiting_period_days"] == dc["waiting_days"]
    assert d["deletion_in_app"] == dc["in_app"]
    expected_login = {"immediate": "rejected", "pending": "pending", "none": "accepted"}[dc["mode"]]
    assert d["login_after_deletion"] == (expected_login if dc["in_app"] else "accepted")
    if dc["waiting_days"]:
        assert str(dc["waiting_days"]) in dc["result_text"]
    kinds = {f["kind"] for s in dc["steps"] for f in s.get("fields", [])}
    implied = ({"sms_code"} if "sms" in kinds else set()) | ({"id_number"} if "id_number" in kinds else set()) | (
        {"password"} if "password" in kinds else set()) | (
        {"reason"} if any(s["type"] == "reason" for s in dc["steps"]) else set()) | (
        {"face_scan"} if any(s["type"] == "face" for s in dc["steps"]) else set())
    assert implied == set(dc["demands"])
    if "sms_code" in dc["demands"]:
        assert re.fullmatch(r"\d{6}", dc["sms_code"])

    p, pc = t["permissions"], c["permissions"]
    assert p["requested"] == pc["requested"]
    assert p["bundled_demand"] == (len(pc["at_launch"]) >= 2)
    mode_to_outcome = {"degrade": "degraded", "blocker": "blocked", "loop": "loop", "exit": "exited"}
    for perm in pc["requested"]:
        if perm in pc["at_launch"]:
            want = mode_to_outcome[pc["on_denied"].get(perm, "degrade")]
        else:
            want = "degraded"
        assert p["outcomes"][perm] == want, perm
    first_forced = [mode_to_outcome[pc["on_denied"][x]] for x in pc["at_launch"] if pc["on_denied"].get(x, "degrade") != "degrade"]
    assert p["outcomes"]["all"] == (first_forced[0] if first_forced else ("degraded" if pc["requested"] else "usable"))
    assert p["prompts_per_launch"]["permission"] == [len(pc["at_launch"]) if pc["reask_on_relaunch"] else 0] * 3
    assert p["prompts_per_launch"]["consent"] == [1 if c["consent"]["reshow_after_reject"] else 0] * 3

    cc, ct = c["consent"], t["consent"]
    assert ct["preticked"] == sum(1 for x in cc["purposes"] if x["preticked"])
    assert ct["shaming_text"] == ([cc["shame"]["decline_label"]] if cc["shame"] else [])
    shaming_modals = [s for s in dc["steps"] if s["type"] == "confirm" and s.get("style") == "shaming"]
    assert bool(d["shaming_text"]) == bool(shaming_modals)
    assert all(any(text in s["text"] for s in shaming_modals) for text in d["shaming_text"])
    flows = t["findings_by_flow"]
    assert sorted({p for flow in flows.values() for p in flow}) == t["findings"]
    assert ct["accept_path"] == [{"action": "tap", "id": "consent-accept"}]
    if cc["reject_label"]:
        assert ct["reject_path"] == [{"action": "tap", "id": "consent-reject"}]
    else:
        toggles = [{"action": "toggle", "id": f"purpose-{x['id']}"} for x in cc["purposes"] if x["preticked"]]
        tail = [{"action": "tap", "id": "shame-decline"}] if cc["shame"] else []
        assert ct["reject_path"] == [{"action": "tap", "id": "consent-manage"}, *toggles,
                                     {"action": "tap", "id": "consent-save"}, *tail]
    signup_c = c["signup"]
    assert ("signup-agree" in [s["id"] for s in t["signup"]["path"]]) == bool(signup_c["agree_label"])
    biometric = signup_c.get("biometric") or {}
    assert ("signup-face-start" in [s["id"] for s in t["signup"]["path"]]) == bool(biometric.get("required"))

    pol, pc = t["policy"], c.get("policy") or {}
    assert pol["policy_at_first_run"] == (pc.get("at_first_run", True) is not False)
    assert pol["policy_steps"] == pol["policy_taps"] == len(pol["policy_path"]) and pol["policy_path"][0] == "tab-me"
    assert pol["policy_path"][-1] == ("me-privacy-policy" if pc.get("placement", "me") == "me" else next(
        i["id"] for s in c["screens"].values() for i in s.get("items", []) if i.get("to") == "privacy-policy"))
    if pc.get("paragraphs"):
        assert pol["policy_chars"] == sum(len(p) for p in pc["paragraphs"])
    assert pol["waiting_period_days"] == d["waiting_period_days"] and pol["deletion_in_app"] == d["deletion_in_app"]
    # what went out (the web reference audit captures traffic): only the variant's tracker hosts; before the
    # policy only launch beacons that fire before any consent; a policy names exactly the trackers it shares with
    beacons = (c.get("tracking") or {}).get("beacons", [])
    assert {h["host"] for h in pol["hosts_contacted"]} <= {b["host"] for b in beacons}
    assert {r["host"] for r in pol["data_sent_before_policy"]} <= {
        b["host"] for b in beacons if b["on"] == "launch" and "unanswered" in b["consent"]}
    assert pol["policy_third_parties"] == (None if not pol["policy_reached"] else sorted(
        {h["tracker"] for h in pol["hosts_contacted"]} & set(pol["policy_third_parties"])))
    undeclared = [h for h in pol["hosts_contacted"] if h["tracker"] not in pol["policy_third_parties"]]
    assert ("policy_contradicts_behaviour" in t["findings_by_flow"]["policy"]) == bool(
        undeclared or set(pol["permissions_requested"]) - set(pol["policy_permissions"])
        or (pol["policy_deletion_days"] is not None and (pol["waiting_period_days"] or 0) > pol["policy_deletion_days"]))
    assert [g["demanded"] for g in pol["biometric_gates"]] == ([biometric["required"]] if biometric else [])


@pytest.mark.parametrize("name", NAMES)
def test_every_truth_id_exists_in_the_app_contract(name):
    t, c = truth(name), VARIANTS[name]
    markup = static_text()
    declared = config_ids(c)
    purposes = {f"purpose-{x['id']}" for x in c["consent"]["purposes"]}
    paths = t["deletion"]["path"] + t["signup"]["path"] + t["consent"]["accept_path"] + t["consent"]["reject_path"]
    for step in paths:
        ident = step["id"]
        assert in_markup(ident, markup) or ident in declared or ident in purposes, f"{name}: #{ident} is rendered nowhere"
        # ids rendered only under a condition must have that condition in this variant
        if ident == "consent-reject":
            assert c["consent"]["reject_label"]
        if ident in ("consent-manage", "consent-save"):
            assert c["consent"]["manage_label"]
        if ident.startswith("shame-"):
            assert c["consent"]["shame"]
        if ident == "signup-agree":
            assert c["signup"]["agree_label"]


def test_fixed_contract_ids_are_in_the_markup():
    markup = static_text()
    for ident in FIXED_IDS:
        assert in_markup(ident, markup), ident
    readme = (REPO / "refapp" / "README.md").read_text(encoding="utf-8")
    for ident in FIXED_IDS:
        assert f"#{ident}" in readme, f"#{ident} missing from refapp/README.md"


def _simulate(c, path):
    """Walk a path over the app's navigation rules (config + app.js behaviour); returns distinct screens."""
    steps = c["deletion"]["steps"]
    def node(step):
        return step["modal"] if step["type"] == "confirm" else "screen-" + step["screen"]
    after = {}
    for i, step in enumerate(steps):
        nxt = node(steps[i + 1]) if i + 1 < len(steps) else "screen-delete-result"
        after[step.get("confirm_id") or step["next_id"]] = nxt
    items = list(c["me"]["items"]) + [i for s in c["screens"].values() for i in s.get("items", [])]
    goes = {"tab-me": "screen-me", "tab-home": "screen-home", "me-signup": "screen-signup",
            "me-login": "screen-login", "signup-submit": "screen-me", "login-submit": "screen-me"}
    for item in items:
        if item.get("to"):
            goes[item["id"]] = "screen-" + item["to"]
        elif item.get("action") == "delete" and steps:
            goes[item["id"]] = node(steps[0])
    goes.update(after)
    current, seen = "screen-home", ["screen-home"]
    for step in path:
        if step["action"] == "tap" and step["id"] in goes:
            current = goes[step["id"]]
            if current not in seen:
                seen.append(current)
    return current, seen


@pytest.mark.parametrize("name", NAMES)
def test_paths_walk_statically_to_their_end(name):
    t, c = truth(name), VARIANTS[name]
    d = t["deletion"]
    if d["deletion_in_app"]:
        end, seen = _simulate(c, d["path"])
        assert end == "screen-delete-result" and len(seen) == d["screens"], seen
    else:
        assert not c["deletion"]["steps"] and "delete-info" in c["screens"]
    end, _ = _simulate(c, t["signup"]["path"])
    assert end == "screen-me"
