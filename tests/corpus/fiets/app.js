/* Fiets: a bike-sharing app drawn by its own custom elements, each with an OPEN shadow root.
   <fiets-app>     the shell: top bar (title, ‹ Terug), the screen, <fiets-tabs>; all inside its shadow root
   <fiets-tabs>    three <button>s inside its own shadow root; fires "tab" (composed) with the tab's id
   <fiets-knop>    a shadow <button> around a <slot> (the label is the host's text); attribute soort:
                   groot (filled), link (small text), gevaar (red); attribute disabled
   <fiets-rij>     a list row: a shadow <button> around a <slot> and a chevron
   <fiets-vinkje>  a shadow <div role=checkbox aria-checked> with a drawn tick and a <slot> for its words; no input
   The host elements take the clicks (a tap on the inner button bubbles out of the shadow root).
   Accounts through the corpus server's api/ (token in localStorage fiets:token). */
(function () {
  'use strict';
  var P = 'fiets:';

  function style(text) { var s = document.createElement('style'); s.textContent = text; return s; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  class FietsKnop extends HTMLElement {
    static get observedAttributes() { return ['disabled', 'soort']; }
    constructor() {
      super();
      var root = this.attachShadow({mode: 'open'});
      root.appendChild(style(
        ':host { display: block; margin: 12px 0; }' +
        'button { width: 100%; font: inherit; border: 0; border-radius: 12px; cursor: pointer; }' +
        'button.gewoon { padding: 14px; background: #1f7a43; color: #fff; font-weight: 600; }' +
        'button.groot { padding: 20px; background: #1f7a43; color: #fff; font-size: 20px; font-weight: 800;' +
        '  box-shadow: 0 6px 16px rgba(31, 122, 67, .35); }' +
        'button.gevaar { padding: 14px; background: #c62828; color: #fff; font-weight: 700; }' +
        'button.link { width: auto; display: block; margin: 0 auto; padding: 4px; background: none; color: #98a39c;' +
        '  font-size: 12px; text-decoration: underline; }' +
        'button:disabled { background: #c9d3cc; color: #7b877f; box-shadow: none; cursor: default; }'));
      this.knop = el('button', 'gewoon');
      this.knop.type = 'button';
      this.knop.setAttribute('part', 'knop');
      this.knop.appendChild(document.createElement('slot'));
      root.appendChild(this.knop);
    }
    attributeChangedCallback() {
      this.knop.disabled = this.hasAttribute('disabled');
      this.knop.className = this.getAttribute('soort') || 'gewoon';
    }
  }

  class FietsRij extends HTMLElement {
    constructor() {
      super();
      var root = this.attachShadow({mode: 'open'});
      root.appendChild(style(
        ':host { display: block; border-bottom: 1px solid #dfe7e1; }' +
        'button { display: flex; width: 100%; align-items: center; justify-content: space-between; padding: 16px 4px;' +
        '  font: inherit; color: inherit; background: none; border: 0; text-align: left; cursor: pointer; }' +
        '.pijl { color: #8fa096; font-size: 22px; }'));
      var b = el('button');
      b.type = 'button';
      b.appendChild(document.createElement('slot'));
      b.appendChild(el('span', 'pijl', '›'));
      root.appendChild(b);
    }
  }

  class FietsVinkje extends HTMLElement {
    constructor() {
      super();
      var root = this.attachShadow({mode: 'open'});
      root.appendChild(style(
        ':host { display: block; margin: 18px 0; }' +
        '.vak-rij { display: flex; gap: 12px; align-items: flex-start; cursor: pointer; }' +
        '.vak { flex: none; width: 24px; height: 24px; border: 2px solid #1f7a43; border-radius: 6px; position: relative; }' +
        '.vak-rij[aria-checked="true"] .vak { background: #1f7a43; }' +
        '.vak-rij[aria-checked="true"] .vak::after { content: ""; position: absolute; left: 7px; top: 2px; width: 6px;' +
        '  height: 12px; border: solid #fff; border-width: 0 3px 3px 0; transform: rotate(45deg); }'));
      this.vak = el('div', 'vak-rij');
      this.vak.setAttribute('role', 'checkbox');
      this.vak.setAttribute('aria-checked', 'false');
      this.vak.tabIndex = 0;
      this.vak.appendChild(el('span', 'vak'));
      this.vak.appendChild(document.createElement('slot'));
      root.appendChild(this.vak);
      var self = this;
      this.addEventListener('click', function () { self.zet(!self.aan()); });
      this.vak.addEventListener('keydown', function (e) {
        if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); self.zet(!self.aan()); }
      });
    }
    aan() { return this.vak.getAttribute('aria-checked') === 'true'; }
    zet(waarde) {
      this.vak.setAttribute('aria-checked', waarde ? 'true' : 'false');
      this.dispatchEvent(new Event('change'));
    }
  }

  var TABS = [['kaart', 'Kaart'], ['ritten', 'Ritten'], ['profiel', 'Profiel']];

  class FietsTabs extends HTMLElement {
    constructor() {
      super();
      var root = this.attachShadow({mode: 'open'});
      root.appendChild(style(
        ':host { display: flex; position: fixed; left: 0; right: 0; bottom: 0; background: #fff;' +
        '  border-top: 1px solid #d5ded8; }' +
        'button { flex: 1; padding: 14px 0 16px; font: inherit; font-size: 14px; color: #5d6d63; background: none; border: 0; }' +
        'button[aria-current="page"] { color: #1f7a43; font-weight: 700; }'));
      var self = this;
      this.knoppen = {};
      TABS.forEach(function (t) {
        var b = el('button', '', t[1]);
        b.type = 'button';
        b.addEventListener('click', function () {
          self.dispatchEvent(new CustomEvent('tab', {detail: t[0], bubbles: true, composed: true}));
        });
        self.knoppen[t[0]] = b;
        root.appendChild(b);
      });
    }
    kies(id) {
      for (var k in this.knoppen) {
        if (k === id) this.knoppen[k].setAttribute('aria-current', 'page');
        else this.knoppen[k].removeAttribute('aria-current');
      }
    }
  }

  customElements.define('fiets-knop', FietsKnop);
  customElements.define('fiets-rij', FietsRij);
  customElements.define('fiets-vinkje', FietsVinkje);
  customElements.define('fiets-tabs', FietsTabs);

  /* ---- accounts ---- */
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }

  var STATIONS = ['Centraal Station', 'Stationsplein Zuid', 'Markt', 'Universiteit', 'Ziekenhuis', 'Havenkade'];

  class FietsApp extends HTMLElement {
    constructor() {
      super();
      var root = this.attachShadow({mode: 'open'});
      root.appendChild(style(
        ':host { display: block; min-height: 100vh; }' +
        'header { position: sticky; top: 0; display: flex; align-items: center; gap: 8px; padding: 14px 16px;' +
        '  background: #1f7a43; color: #fff; z-index: 2; }' +
        'header h1 { margin: 0; font-size: 19px; }' +
        '.terug { font: inherit; color: #fff; background: none; border: 0; padding: 0 6px 0 0; font-size: 17px; }' +
        'main { padding: 16px 18px 96px; }' +
        'h2 { font-size: 22px; margin: 8px 0 12px; }' +
        'p { margin: 8px 0; }' +
        '.klein { color: #5d6d63; font-size: 14px; }' +
        '.kaart { height: 150px; border-radius: 14px; margin: 6px 0 12px;' +
        '  background: repeating-linear-gradient(45deg, #d7e6dc 0 12px, #e4eee7 12px 24px); }' +
        '.uitslag { margin-top: 12px; }' +
        'label.veld { display: block; margin: 12px 0; }' +
        'label.veld span { display: block; font-size: 14px; color: #3d5245; margin-bottom: 4px; }' +
        'label.veld input { width: 100%; box-sizing: border-box; padding: 12px; font: inherit; border: 1px solid #b9c7be;' +
        '  border-radius: 10px; background: #fff; }' +
        '.fout { color: #c62828; min-height: 1.5em; }' +
        '.rit { padding: 12px 0; border-bottom: 1px solid #dfe7e1; }'));
      var kop = el('header');
      this.terug = el('button', 'terug', '‹ Terug');
      this.terug.type = 'button';
      this.titel = el('h1', '', 'Fiets');
      kop.appendChild(this.terug);
      kop.appendChild(this.titel);
      this.scherm = el('main');
      this.tabs = document.createElement('fiets-tabs');
      root.appendChild(kop);
      root.appendChild(this.scherm);
      root.appendChild(this.tabs);
      this.stapel = [];
      var self = this;
      this.terug.addEventListener('click', function () { self.stapel.pop(); self.teken(); });
      this.tabs.addEventListener('tab', function (e) { self.stapel = [e.detail]; self.teken(); });
    }
    connectedCallback() { this.stapel = ['kaart']; this.teken(); }
    ga(naam) { this.stapel.push(naam); this.teken(); }
    tab(naam) { this.stapel = [naam]; this.teken(); }
    teken() {
      var naam = this.stapel[this.stapel.length - 1];
      var s = SCHERMEN[naam];
      this.scherm.textContent = '';
      this.titel.textContent = s[0];
      this.terug.hidden = this.stapel.length < 2;
      this.tabs.kies(this.stapel[0]);
      s[1].call(this, this.scherm);
      window.scrollTo(0, 0);
    }
    knop(doel, label, soort, fn) {
      var k = document.createElement('fiets-knop');
      k.textContent = label;
      if (soort) k.setAttribute('soort', soort);
      k.addEventListener('click', function () { if (!k.hasAttribute('disabled')) fn(); });
      doel.appendChild(k);
      return k;
    }
    rij(doel, label, fn) {
      var r = document.createElement('fiets-rij');
      r.textContent = label;
      r.addEventListener('click', fn);
      doel.appendChild(r);
      return r;
    }
    veld(doel, label, type) {
      var l = el('label', 'veld');
      l.appendChild(el('span', '', label));
      var i = el('input');
      i.type = type;
      l.appendChild(i);
      doel.appendChild(l);
      return i;
    }
    accountFormulier(s, knopLabel, actie) {
      var self = this;
      var mail = this.veld(s, 'E-mailadres', 'email');
      var ww = this.veld(s, 'Wachtwoord', 'password');
      var fout = el('p', 'fout');
      s.appendChild(fout);
      this.knop(s, knopLabel, 'gewoon', function () {
        api(actie, {username: mail.value.trim(), password: ww.value}).then(function (r) {
          if (r.body.token) {
            localStorage.setItem(P + 'token', r.body.token);
            localStorage.setItem(P + 'gebruiker', r.body.username);
            self.tab('profiel');
          } else if (r.status === 409) fout.textContent = 'Dit e-mailadres heeft al een account.';
          else if (r.status === 401) fout.textContent = 'Onjuist e-mailadres of wachtwoord.';
          else fout.textContent = 'Vul een e-mailadres en een wachtwoord van minstens 6 tekens in.';
        });
      });
    }
  }

  var SCHERMEN = {
    kaart: ['Fiets', function (s) {
      s.appendChild(el('h2', '', 'Fietsen in de buurt'));
      s.appendChild(el('div', 'kaart'));
      s.appendChild(el('p', 'klein', 'Vind de dichtstbijzijnde deelfiets en ontgrendel hem met de app.'));
      var uitslag = el('div', 'uitslag');
      var self = this;
      this.knop(s, 'Fiets zoeken', 'gewoon', function () {
        uitslag.textContent = 'Locatie bepalen…';
        navigator.geolocation.getCurrentPosition(function () {
          uitslag.textContent = '';
          uitslag.appendChild(el('p', '', 'Dichtstbijzijnde fiets: Stationsplein Zuid, 140 m.'));
          uitslag.appendChild(el('p', 'klein', '4 fietsen beschikbaar, 2 e-bikes.'));
        }, function () {
          uitslag.textContent = '';
          uitslag.appendChild(el('p', '', 'Je locatie is niet gedeeld. Kies zelf een station:'));
          var info = el('p', 'klein');
          STATIONS.forEach(function (st, i) {
            self.rij(uitslag, st, function () { info.textContent = st + ': ' + (3 + i) + ' fietsen beschikbaar.'; });
          });
          uitslag.appendChild(info);
        });
      });
      s.appendChild(uitslag);
    }],
    ritten: ['Ritten', function (s) {
      if (!token()) { s.appendChild(el('p', '', 'Log in om je ritten te zien.')); return; }
      [['Gisteren', 'Markt → Universiteit, 12 min, € 1,10'], ['Maandag', 'Centraal Station → Havenkade, 9 min, € 0,90'],
       ['Vorige week', 'Ziekenhuis → Markt, 18 min, € 1,60']].forEach(function (r) {
        var d = el('div', 'rit');
        d.appendChild(el('strong', '', r[0]));
        d.appendChild(el('p', 'klein', r[1]));
        s.appendChild(d);
      });
    }],
    profiel: ['Profiel', function (s) {
      var self = this;
      if (!token()) {
        s.appendChild(el('p', '', 'Je bent niet ingelogd.'));
        this.rij(s, 'Inloggen', function () { self.ga('inloggen'); });
        this.rij(s, 'Account aanmaken', function () { self.ga('aanmaken'); });
        return;
      }
      s.appendChild(el('p', '', 'Ingelogd als ' + (localStorage.getItem(P + 'gebruiker') || '')));
      if (localStorage.getItem(P + 'gepauzeerd')) s.appendChild(el('p', 'klein', 'Je account is gepauzeerd.'));
      this.rij(s, 'Abonnement', function () { self.ga('abonnement'); });
      this.rij(s, 'Privacy', function () { self.ga('privacy'); });
      this.rij(s, 'Uitloggen', function () {
        api('logout').then(function () {
          localStorage.removeItem(P + 'token');
          self.tab('profiel');
        });
      });
    }],
    inloggen: ['Inloggen', function (s) { this.accountFormulier(s, 'Inloggen', 'login'); }],
    aanmaken: ['Account aanmaken', function (s) {
      s.appendChild(el('p', 'klein', 'Met een account betaal je per rit en zie je je ritten terug.'));
      this.accountFormulier(s, 'Registreren', 'signup');
    }],
    abonnement: ['Abonnement', function (s) {
      s.appendChild(el('p', '', 'Je fietst op Los: € 0,10 per minuut.'));
      s.appendChild(el('p', 'klein', 'Een maandabonnement komt binnenkort.'));
    }],
    privacy: ['Privacy', function (s) {
      var self = this;
      this.rij(s, 'Cookie-instellingen', function () { toonBanner(); });
      this.rij(s, 'Privacyverklaring', function () { self.ga('verklaring'); });
      this.rij(s, 'Account verwijderen', function () { self.ga('pauze'); });
    }],
    verklaring: ['Privacyverklaring', function (s) {
      s.appendChild(el('p', '', 'Fiets bewaart je e-mailadres, je ritten en je betalingen zolang je een account hebt. ' +
        'Je locatie wordt alleen gebruikt als je een fiets zoekt en niet bewaard.'));
    }],
    pauze: ['Account verwijderen', function (s) {
      var self = this;
      s.appendChild(el('h2', '', 'Even pauze nemen?'));
      s.appendChild(el('p', '', 'Pauzeer je account: je betaalt niets, je ritten en je tegoed blijven bewaard en je ' +
        'fietst weer verder wanneer je wilt.'));
      this.knop(s, 'Account pauzeren', 'groot', function () {
        localStorage.setItem(P + 'gepauzeerd', '1');
        self.ga('gepauzeerd');
      });
      this.knop(s, 'Toch verwijderen', 'link', function () { self.ga('bevestigen'); });
    }],
    gepauzeerd: ['Account gepauzeerd', function (s) {
      s.appendChild(el('p', '', 'Je account is gepauzeerd. Welkom terug wanneer je wilt!'));
    }],
    bevestigen: ['Account verwijderen', function (s) {
      var self = this;
      s.appendChild(el('h2', '', 'Account definitief verwijderen'));
      s.appendChild(el('p', '', 'Je account, al je ritten en je resterende tegoed worden direct verwijderd. ' +
        'Dit kun je niet ongedaan maken.'));
      var vink = document.createElement('fiets-vinkje');
      vink.textContent = 'Ik begrijp dat mijn ritten verloren gaan';
      s.appendChild(vink);
      var fout = el('p', 'fout');
      var knop = this.knop(s, 'Verwijderen', 'gevaar', function () {
        api('delete').then(function (r) {
          if (r.status !== 200) { fout.textContent = 'Verwijderen is niet gelukt. Probeer het opnieuw.'; return; }
          localStorage.removeItem(P + 'token');
          localStorage.removeItem(P + 'gebruiker');
          localStorage.removeItem(P + 'gepauzeerd');
          self.stapel = ['profiel', 'verwijderd'];
          self.teken();
          self.terug.hidden = true;
        });
      });
      knop.setAttribute('disabled', '');
      s.appendChild(fout);
      vink.addEventListener('change', function () {
        if (vink.aan()) knop.removeAttribute('disabled'); else knop.setAttribute('disabled', '');
      });
    }],
    verwijderd: ['Account verwijderd', function (s) {
      s.appendChild(el('h2', '', 'Je account is verwijderd.'));
      s.appendChild(el('p', '', 'Bedankt voor het fietsen met Fiets. Je bent uitgelogd.'));
    }]
  };

  customElements.define('fiets-app', FietsApp);

  /* ---- cookies: the PIE banner draws, this app stores (fiets:cookies) ---- */
  function bewaar(keuze, voorkeuren) {
    localStorage.setItem(P + 'cookies', JSON.stringify({
      keuze: keuze, noodzakelijk: true,
      functioneel: !!voorkeuren.functional, analytisch: !!voorkeuren.analytical, gepersonaliseerd: !!voorkeuren.personalized
    }));
  }
  function toonBanner() {
    var oud = document.querySelector('pie-cookie-banner');
    if (oud) oud.remove();
    var b = document.createElement('pie-cookie-banner');
    b.language = 'nl';
    b.country = 'nl';
    b.openLinksInSameTab = true;
    b.cookieStatementLink = '#cookieverklaring';
    b.cookieTechnologiesLink = '#cookietechnologie';
    b.defaultPreferences = {functional: true, analytical: true, personalized: true};
    b.addEventListener('pie-cookie-banner-accept-all', function () {
      bewaar('alles', {functional: true, analytical: true, personalized: true});
    });
    b.addEventListener('pie-cookie-banner-necessary-only', function () { bewaar('noodzakelijk', {}); });
    b.addEventListener('pie-cookie-banner-prefs-saved', function (e) { bewaar('voorkeuren', e.detail || {}); });
    document.body.appendChild(b);
  }
  if (!localStorage.getItem(P + 'cookies')) toonBanner();
})();
