"""Veld: the corpus's server-rendered app (multi-page, no client-side routing), loaded by ../server.py.

handle(request) answers every request under /veld/ except its static files (veld.css, atm.js): full pages built
into index.html, classic form posts answered with 303 redirects, the session (veld_sessie, HttpOnly) and the
consent answer (veld_toestemming: "alles", "geen" or "analyse=0;marketing=1"-like choices) in cookies set here.
request: server.SiteRequest (method, path, query, form, cookies, accounts). Answer: (status, headers, body bytes)
or None to let the server serve a static file. All words Dutch, written for this corpus.
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
BASE = "/veld/"
STATIC = {"veld.css", "atm.js"}
POSTCODES = {"10": ["Damrak 70", "Leidseplein 12", "Wibautstraat 150"], "35": ["Stationsplein 9, Utrecht"],
             "30": ["Coolsingel 40, Rotterdam"]}
Answer = tuple[int, list[tuple[str, str]], bytes]


def _page(request: Any, title: str, body: str, banner: bool = True) -> Answer:
    html = (HERE / "index.html").read_text(encoding="utf-8")
    html = html.replace("<!--titel-->", escape(title)).replace("<!--inhoud-->", body)
    if banner and "veld_toestemming" not in request.cookies:
        back = escape(BASE + request.path)
        html = html.replace("<!--banner-->", f"""<section class="banner" role="region" aria-label="Cookies">
<p>Veld gebruikt cookies om de app te laten werken en, als je dat goed vindt, om het gebruik te meten en je
relevante aanbiedingen te tonen.</p>
<form method="post" action="{BASE}toestemming" class="drie"><input type="hidden" name="terug" value="{back}">
<button type="submit" name="keuze" value="alles">Alles accepteren</button>
<button type="submit" name="keuze" value="geen">Alles weigeren</button>
<button type="submit" name="keuze" value="instellingen">Instellingen</button></form></section>""")
    return 200, [("Content-Type", "text/html; charset=utf-8")], html.encode("utf-8")


def _redirect(to: str, cookies: list[str] | None = None) -> Answer:
    headers = [("Location", to)] + [("Set-Cookie", c) for c in cookies or []]
    return 303, headers, b""


def _cookie(name: str, value: str, http_only: bool = False, clear: bool = False) -> str:
    age = "Max-Age=0" if clear else "Max-Age=31536000"
    return f"{name}={quote(value)}; Path={BASE}; SameSite=Lax; {age}" + ("; HttpOnly" if http_only else "")


def _user(request: Any) -> str | None:
    token = request.cookies.get("veld_sessie")
    if not token or request.accounts is None:
        return None
    status, answer = request.accounts.handle("me", {}, token)
    return str(answer["username"]) if status == 200 else None


def _back(value: str) -> str:
    return value if value.startswith(BASE) and "//" not in value else BASE


def _account_form(action: str, button: str, error: str = "") -> str:
    fout = f'<p class="fout" role="alert">{escape(error)}</p>' if error else ""
    return f"""<form method="post" action="{BASE}{action}" class="kaart">{fout}
<label for="email">E-mailadres</label><input id="email" name="email" type="email" autocomplete="username">
<label for="wachtwoord">Wachtwoord</label><input id="wachtwoord" name="wachtwoord" type="password">
<button type="submit" class="knop">{button}</button></form>"""


def handle(request: Any) -> Answer | None:
    """The page or redirect for one request; None for the static files."""
    path, user = request.path, _user(request)
    if path in STATIC:
        return None
    if request.method == "POST":
        return _post(request, path, user)
    if path == "":
        if user is None:
            return _page(request, "Welkom bij Veld", f"""<div class="kaart"><p>Bankieren zonder gedoe: je rekening,
betalen en sparen in één app.</p></div>
<a class="knop" href="{BASE}inloggen">Inloggen</a><a class="knop" href="{BASE}rekening-openen">Rekening openen</a>
<a class="rij" href="{BASE}geldautomaat">Geldautomaat zoeken</a>""")
        return _page(request, "Overzicht", f"""<div class="kaart"><p>Betaalrekening NL00 VELD 0123 4567 89</p>
<p class="saldo">€ 1.284,50</p></div>
<a class="rij" href="{BASE}betalen">Overschrijven</a><a class="rij" href="{BASE}geldautomaat">Geldautomaat zoeken</a>""")
    if path == "inloggen":
        return _page(request, "Inloggen", _account_form("inloggen", "Inloggen"))
    if path == "rekening-openen":
        return _page(request, "Rekening openen", _account_form("rekening-openen", "Rekening openen"))
    if path == "betalen":
        text = "Log eerst in om te betalen." if user is None else "Kies een rekening om geld naar over te maken."
        return _page(request, "Betalen", f'<div class="kaart"><p>{text}</p></div>')
    if path == "profiel":
        if user is None:
            return _page(request, "Profiel", f"""<div class="kaart"><p>Log in om je profiel te zien.</p></div>
<a class="knop" href="{BASE}inloggen">Inloggen</a><a class="rij" href="{BASE}privacy">Privacyverklaring</a>""")
        return _page(request, "Profiel", f"""<div class="kaart"><p>Ingelogd als {escape(user)}</p></div>
<a class="rij" href="{BASE}gegevens">Persoonlijke gegevens</a><a class="rij" href="{BASE}cookies">Cookie-instellingen</a>
<a class="rij" href="{BASE}account-opzeggen">Account opzeggen</a><a class="rij" href="{BASE}privacy">Privacyverklaring</a>
<form method="post" action="{BASE}uitloggen"><button type="submit" class="knop">Uitloggen</button></form>""")
    if path == "gegevens":
        return _page(request, "Persoonlijke gegevens", f'<div class="kaart"><p>E-mailadres: {escape(user or "—")}</p></div>')
    if path == "account-opzeggen":
        return _page(request, "Account opzeggen", """<div class="kaart"><p>Je account en je rekening kun je niet
in de app opzeggen. Neem contact op met onze klantenservice:</p>
<p><strong>Bel 020 555 0147</strong> (maandag tot en met vrijdag, 8.00–18.00 uur), of stuur een ondertekende brief
met je naam, je rekeningnummer en je handtekening naar:</p>
<address class="adres">Veld Bank N.V.
Afdeling Opzeggingen
Postbus 4821
1000 BX Amsterdam</address></div>""")
    if path == "privacy":
        return _page(request, "Privacyverklaring", """<div class="kaart"><p>Veld bewaart je e-mailadres, je wachtwoord
(versleuteld) en je transacties zolang je klant bent, en daarna zo lang als de wet voorschrijft.</p>
<p>Je locatie gebruiken we alleen om een geldautomaat te zoeken, en alleen als je dat toestaat.</p>
<p>Cookies voor analyse en marketing plaatsen we alleen als je daarvoor kiest.</p></div>""")
    if path in ("instellingen", "cookies"):
        return _settings(request)
    if path == "geldautomaat":
        return _atm(request)
    return _page(request, "Niet gevonden", '<div class="kaart"><p>Deze pagina bestaat niet.</p></div>')


def _settings(request: Any) -> Answer:
    back = escape(_back(request.query.get("terug", BASE)))
    chosen = request.cookies.get("veld_toestemming", "")
    rows = "".join(
        f'<label class="vink"><input type="checkbox" name="{key}" value="1"'
        f'{" checked" if chosen == "alles" or f"{key}=1" in chosen else ""}>{label}</label>'
        for key, label in (("analyse", "Analyse: meten hoe de app gebruikt wordt"),
                           ("marketing", "Marketing: aanbiedingen op basis van je gebruik")))
    return _page(request, "Cookie-instellingen", f"""<form method="post" action="{BASE}instellingen" class="kaart">
<p>Noodzakelijke cookies (inloggen, beveiliging) staan altijd aan. Kies welke andere cookies je toestaat.</p>
<input type="hidden" name="terug" value="{back}">{rows}
<button type="submit" class="knop">Keuze opslaan</button></form>""", banner=False)


def _atm(request: Any) -> Answer:
    code = request.query.get("postcode", "").replace(" ", "").upper()
    found = ""
    if code:
        hits = POSTCODES.get(code[:2], [])
        found = ("".join(f'<p class="kaart">{escape(h)}</p>' for h in hits) if hits
                 else '<p class="melding">Geen geldautomaat gevonden bij deze postcode.</p>')
        found = f"<h2>Geldautomaten bij {escape(code)}</h2>{found}"
    script = "" if code else f'<script src="{BASE}atm.js"></script>'
    return _page(request, "Geldautomaat zoeken", f"""<div id="dichtbij"></div>
<form method="get" action="{BASE}geldautomaat" class="kaart"><label for="postcode">Postcode</label>
<input id="postcode" name="postcode" type="text" inputmode="text" placeholder="1012 AB" value="{escape(code)}">
<button type="submit" class="knop">Zoeken</button></form>{found}{script}""")


def _post(request: Any, path: str, user: str | None) -> Answer:
    form = request.form
    if path == "toestemming":
        back = _back(form.get("terug", BASE))
        keuze = form.get("keuze", "")
        if keuze == "instellingen":
            return _redirect(f"{BASE}instellingen?terug={quote(back)}")
        if keuze not in ("alles", "geen"):
            return _redirect(back)
        return _redirect(back, [_cookie("veld_toestemming", keuze)])
    if path == "instellingen":
        value = ";".join(f"{k}={1 if form.get(k) else 0}" for k in ("analyse", "marketing"))
        return _redirect(_back(form.get("terug", BASE)), [_cookie("veld_toestemming", value)])
    if path in ("inloggen", "rekening-openen") and request.accounts is not None:
        action = "login" if path == "inloggen" else "signup"
        email, password = form.get("email", "").strip(), form.get("wachtwoord", "")
        status, answer = request.accounts.handle(action, {"username": email, "password": password}, None)
        if "token" in answer:
            return _redirect(BASE, [_cookie("veld_sessie", str(answer["token"]), http_only=True)])
        error = {401: "E-mailadres of wachtwoord klopt niet.", 409: "Er is al een rekening met dit e-mailadres.",
                 400: "Vul een e-mailadres en een wachtwoord van minstens 6 tekens in."}.get(status, "Probeer het opnieuw.")
        title, button = ("Inloggen", "Inloggen") if action == "login" else ("Rekening openen", "Rekening openen")
        return _page(request, title, _account_form(path, button, error))
    if path == "uitloggen":
        if request.accounts is not None and user is not None:
            request.accounts.handle("logout", {}, request.cookies.get("veld_sessie"))
        return _redirect(BASE, [_cookie("veld_sessie", "", clear=True)])
    return _redirect(BASE)
