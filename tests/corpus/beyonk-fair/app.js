/* Kosár: an ARIA-only shell (roles and aria-labels on divs); accounts through the corpus server's api/. Consent by
   <cookie-consent-banner> (its cookie "kosar_suti", base64 JSON of the choices). Camera only on "Blokk beolvasása";
   refused, the receipt's code is typed instead (degraded). */
(function () {
  'use strict';
  var P = 'kosar:';
  // the component's documented props, set as properties before it is put in the page (a Boolean attribute would be
  // true whatever its value; the cookie name must be there when it mounts)
  var banner = null;
  customElements.whenDefined('cookie-consent-banner').then(function () {
    banner = document.createElement('cookie-consent-banner');
    banner.cookieName = 'kosar_suti';
    banner.canRejectCookies = true;
    banner.heading = 'Sütik a Kosárban';
    banner.description = 'A szükséges sütik nélkül nem működik a kosár. Minden más csak akkor kerül a gépedre, ha a Beállításokban bekapcsolod.';
    banner.acceptAllLabel = 'Összes elfogadása';
    banner.acceptSelectedLabel = 'Kiválasztottak elfogadása';
    banner.rejectLabel = 'Összes elutasítása';
    banner.settingsLabel = 'Beállítások';
    banner.closeLabel = 'Bezárás';
    banner.editLabel = 'Süti-beállítások módosítása';
    banner.choices = {
      necessary: {label: 'Szükséges sütik', description: 'A bejelentkezéshez és a kosárhoz kellenek. Nem kapcsolhatók ki.', value: true},
      tracking: {label: 'Követő sütik', description: 'Hirdetéseinkhez más oldalakon.', value: false},
      analytics: {label: 'Statisztikai sütik', description: 'Megmutatják, mely oldalakat nézik a legtöbben.', value: false},
      marketing: {label: 'Marketing sütik', description: 'Személyre szabott ajánlatokhoz.', value: false}
    };
    document.body.appendChild(banner);
  });

  var tartalom = document.getElementById('tartalom'), cim = document.getElementById('cim');
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function div(cls, text, role) {
    var d = document.createElement('div'); if (cls) d.className = cls; if (text) d.textContent = text;
    if (role) { d.setAttribute('role', role); d.tabIndex = 0; }
    return d;
  }
  function gomb(cls, text, fn) {
    var d = div(cls, text, 'button');
    d.addEventListener('click', fn);
    d.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); fn(); } });
    tartalom.appendChild(d); return d;
  }
  function mezo(nev, tipus) { var i = document.createElement('input'); i.type = tipus; i.className = 'mezo'; i.setAttribute('aria-label', nev); tartalom.appendChild(i); return i; }
  function uzenet(cls) { var d = div(cls, ''); d.setAttribute('role', 'status'); tartalom.appendChild(d); return d; }

  var lapok = {
    bolt: ['Kosár', function () {
      tartalom.appendChild(div('', 'Heti ajánlat: friss kifli, tej, alma – ingyenes szállítás 8000 Ft felett.'));
      gomb('gomb', 'Blokk beolvasása', function () { beolvas(); });
      var v = uzenet(''); v.id = 'kamera-valasz';
    }],
    rendelesek: ['Rendelések', function () { tartalom.appendChild(div('', 'Még nincs rendelésed.')); }],
    fiok: ['Fiók', function () {
      if (!token()) { gomb('sor', 'Bejelentkezés', function () { mutat('belepes'); }); gomb('sor', 'Regisztráció', function () { mutat('regisztracio'); }); return; }
      tartalom.appendChild(div('', 'Bejelentkezve: ' + localStorage.getItem(P + 'user')));
      gomb('sor', 'Címeim', function () {});
      gomb('sor', 'Adatvédelem', function () { mutat('adatvedelem'); });
      gomb('sor', 'Kijelentkezés', function () { api('logout'); localStorage.removeItem(P + 'token'); mutat('fiok'); });
    }],
    adatvedelem: ['Adatvédelem', function () {
      gomb('sor', 'Süti-beállítások', function () { banner.show(); });
      gomb('sor', 'Adataim letöltése', function () {});
      gomb('sor', 'Fiók törlése', function () {
        var m = document.getElementById('megerosit'); m.hidden = false;
      });
    }],
    torolve: ['Fiók törölve', function () { tartalom.appendChild(div('kesz', 'A fiókodat töröltük.')); }],
    belepes: ['Bejelentkezés', function () { urlap('login', 'Belépés'); }],
    regisztracio: ['Regisztráció', function () { urlap('signup', 'Fiók létrehozása'); }]
  };
  function urlap(action, felirat) {
    var u = mezo('E-mail-cím', 'email'), p = mezo('Jelszó', 'password');
    var h = uzenet('hiba');
    gomb('gomb', felirat, function () {
      if (!u.value.trim() || !p.value) { h.textContent = 'Add meg az e-mail-címet és a jelszót.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); mutat('fiok'); return; }
        h.textContent = {401: 'Hibás e-mail-cím vagy jelszó.', 409: 'Ezzel az e-mail-címmel már van fiók.', 400: 'A jelszó legalább 6 karakter legyen.'}[r.status] || 'Próbáld újra.';
      });
    });
  }
  function mutat(nev) {
    var l = lapok[nev]; tartalom.textContent = ''; cim.textContent = l[0];
    document.querySelectorAll('[role=tab]').forEach(function (t) { t.setAttribute('aria-selected', String(t.dataset.lap === nev)); });
    l[1]();
  }
  document.querySelectorAll('[role=tab]').forEach(function (t) { t.addEventListener('click', function () { mutat(t.dataset.lap); }); });
  var m = document.getElementById('megerosit');
  document.getElementById('megse').addEventListener('click', function () { m.hidden = true; });
  document.getElementById('torles-igen').addEventListener('click', function () {
    api('delete').then(function (r) {
      m.hidden = true;
      if (r.status !== 200) return;
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); mutat('torolve');
    });
  });

  function beolvas() {
    var v = document.getElementById('kamera-valasz');
    navigator.mediaDevices.getUserMedia({video: true}).then(function (s) {
      s.getTracks().forEach(function (t) { t.stop(); });
      v.textContent = 'Blokk beolvasva: 3 tétel hozzáadva a kosárhoz.';
    }, function () {
      v.textContent = 'A kamera nem érhető el. Írd be a blokk alján lévő kódot:';
      mezo('Blokk kódja', 'text');
    });
  }
  mutat('bolt');
}());
