/* Kanal: a German video-call app in one page. Screens are drawn into <main> by zeige(name); the session token is
   in localStorage (kanal:token). Its own consent: a first layer (Zustimmen / Ablehnen / Einstellungen) and a
   settings layer listing purposes, each with a consent switch (off) and a legitimate-interest switch (on); the
   answer in kanal:einwilligung. Camera and microphone are asked together, in one getUserMedia, only by
   «Anruf starten»; refused, only the call is blocked. Deletion: Profil → (scroll the list) → Konto löschen →
   Endgültig löschen. */
(function () {
  'use strict';
  var P = 'kanal:';
  var inhalt = document.getElementById('inhalt');
  var titel = document.querySelector('.kopf h1');
  var ZWECKE = [
    ['werbung', 'Einfache Werbung auswählen', 'Anzeigen nach Gerät, Ort und Uhrzeit.'],
    ['messung', 'Werbeleistung messen', 'Ob und wie Anzeigen angesehen wurden.'],
    ['forschung', 'Zielgruppen erforschen', 'Berichte über Nutzergruppen für Werbepartner.'],
    ['entwicklung', 'Produkte entwickeln und verbessern', 'Nutzungsdaten für neue Funktionen.']
  ];
  var KONTAKTE = ['Anna Becker', 'Jonas Wolf', 'Leonie Schmitt', 'Mehmet Yılmaz', 'Sophie Krüger'];
  var strom = null;

  function lies(k) { return localStorage.getItem(P + k); }
  function schreib(k, v) { localStorage.setItem(P + k, v); }
  function weg(k) { localStorage.removeItem(P + k); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function knopf(text, cls, fn) {
    var b = el('button', cls, text);
    b.type = 'button';
    b.addEventListener('click', fn);
    return b;
  }
  function api(aktion, body) {
    var h = {'Content-Type': 'application/json'};
    if (lies('token')) h.Authorization = 'Bearer ' + lies('token');
    return fetch('api/' + aktion, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (b) { return {status: r.status, body: b}; }); });
  }

  /* ---- screens ---- */
  var SEITEN = {
    anrufe: function () {
      titel.textContent = 'Anrufe';
      var k = el('div', 'karte');
      k.appendChild(el('p', null, 'Starte einen Videoanruf mit deinen Kontakten.'));
      var bereich = el('div');
      k.appendChild(bereich);
      k.appendChild(knopf('Anruf starten', 'haupt', function () { starteAnruf(bereich); }));
      inhalt.appendChild(k);
      var v = el('div', 'karte');
      v.appendChild(el('h3', null, 'Letzte Anrufe'));
      v.appendChild(el('p', null, 'Anna Becker · gestern, 18:04'));
      v.appendChild(el('p', null, 'Jonas Wolf · Montag, 09:30'));
      inhalt.appendChild(v);
    },
    kontakte: function () {
      titel.textContent = 'Kontakte';
      var k = el('div', 'karte');
      KONTAKTE.forEach(function (n) { k.appendChild(el('p', null, n)); });
      inhalt.appendChild(k);
    },
    profil: function () {
      if (!lies('token')) return SEITEN.anmelden();
      titel.textContent = 'Profil';
      var kopf = el('div', 'karte');
      kopf.appendChild(el('strong', null, lies('nutzer')));
      inhalt.appendChild(kopf);
      var box = el('div', 'scrollbox');
      var GRUPPEN = [
        ['Anrufe', ['Klingelton', 'Vibration', 'Anrufe im Hintergrund', 'Rauschunterdrückung', 'Hintergrund weichzeichnen', 'Standardkamera']],
        ['Benachrichtigungen', ['Verpasste Anrufe', 'Neue Nachrichten', 'Ruhezeiten', 'Töne']],
        ['Darstellung', ['Design', 'Schriftgröße', 'Sprache']],
        ['Datenschutz', ['Datenschutz-Einstellungen', 'Blockierte Kontakte', 'Wer mich finden kann', 'Lesebestätigungen']],
        ['Konto', ['E-Mail-Adresse ändern', 'Passwort ändern', 'Zwei-Faktor-Anmeldung', 'Geräte', 'Daten exportieren', 'Abmelden']],
        ['Hilfe', ['Hilfe-Center', 'Fehler melden', 'Nutzungsbedingungen', 'Datenschutzerklärung', 'Impressum']]
      ];
      GRUPPEN.forEach(function (g) {
        box.appendChild(el('h3', null, g[0]));
        g[1].forEach(function (name) {
          var z = knopf(name, 'zeile', function () { zeile(name); });
          box.appendChild(z);
        });
      });
      box.appendChild(knopf('Konto löschen', 'zeile gefahr', loeschBlatt));
      box.appendChild(el('p', null, 'Kanal 4.2.1'));
      inhalt.appendChild(box);
    },
    anmelden: function () { formular('Anmelden', 'login'); },
    registrieren: function () { formular('Registrieren', 'signup'); },
    geloescht: function () {
      titel.textContent = 'Konto gelöscht';
      var k = el('div', 'karte');
      k.appendChild(el('p', null, 'Dein Konto wurde gelöscht.'));
      k.appendChild(el('p', null, 'Alle Kontakte, Anrufliste und Daten sind entfernt. Du bist abgemeldet.'));
      inhalt.appendChild(k);
    }
  };

  function zeige(name) {
    if (strom) { strom.getTracks().forEach(function (t) { t.stop(); }); strom = null; }
    inhalt.replaceChildren();
    SEITEN[name]();
    document.querySelectorAll('.reiter button').forEach(function (b) {
      b.classList.toggle('aktiv', b.dataset.ziel === name || (b.dataset.ziel === 'profil' && /anmelden|registrieren|geloescht/.test(name)));
    });
  }

  function zeile(name) {
    if (name === 'Abmelden') {
      api('logout'); weg('token'); weg('nutzer'); zeige('profil'); return;
    }
    if (name === 'Datenschutz-Einstellungen') { einstellungen(); return; }
    var k = el('div', 'karte');
    inhalt.replaceChildren(k);
    titel.textContent = name;
    k.appendChild(el('p', null, name + ': Standard'));
    k.appendChild(knopf('Zurück', 'neben', function () { zeige('profil'); }));
  }

  function formular(name, aktion) {
    titel.textContent = name;
    var f = el('form', 'karte');
    var l1 = el('label', 'feld', 'E-Mail'); l1.htmlFor = 'k-mail';
    var i1 = el('input'); i1.id = 'k-mail'; i1.type = 'email'; i1.autocomplete = 'username';
    var l2 = el('label', 'feld', 'Passwort'); l2.htmlFor = 'k-pass';
    var i2 = el('input'); i2.id = 'k-pass'; i2.type = 'password';
    var fehler = el('p', 'fehler');
    var senden = el('button', 'haupt', aktion === 'signup' ? 'Konto erstellen' : 'Anmelden');
    senden.type = 'submit';
    [l1, i1, l2, i2, fehler, senden].forEach(function (x) { f.appendChild(x); });
    if (aktion === 'login') f.appendChild(knopf('Registrieren', 'neben', function () { zeige('registrieren'); }));
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var u = i1.value.trim();
      api(aktion, {username: u, password: i2.value}).then(function (r) {
        if (!r.body.token) {
          fehler.textContent = r.status === 409 ? 'Diese E-Mail ist schon registriert.' :
            aktion === 'signup' ? 'Bitte E-Mail und ein Passwort mit mindestens 6 Zeichen angeben.' : 'E-Mail oder Passwort falsch.';
          return;
        }
        schreib('token', r.body.token); schreib('nutzer', u);
        zeige('anrufe');
      });
    });
    inhalt.appendChild(f);
  }

  /* ---- the call: camera + microphone together, only here ---- */
  function starteAnruf(bereich) {
    bereich.replaceChildren(el('p', null, 'Verbinde …'));
    navigator.mediaDevices.getUserMedia({video: true, audio: true}).then(function (s) {
      strom = s;
      var v = el('video'); v.autoplay = true; v.muted = true; v.playsInline = true; v.srcObject = s;
      bereich.replaceChildren(v, el('p', null, 'Du bist im Anruf.'), knopf('Auflegen', 'neben', function () { zeige('anrufe'); }));
    }).catch(function () {
      bereich.replaceChildren(el('p', 'fehler', 'Kamera und Mikrofon sind blockiert. Ohne sie kann kein Videoanruf starten.'),
        knopf('Erneut versuchen', 'neben', function () { starteAnruf(bereich); }));
    });
  }

  /* ---- deletion: the confirm sheet ---- */
  function loeschBlatt() {
    var s = el('div', 'schleier');
    var b = el('div', 'blatt');
    b.setAttribute('role', 'dialog'); b.setAttribute('aria-modal', 'true'); b.setAttribute('aria-label', 'Konto löschen');
    b.appendChild(el('h2', null, 'Konto endgültig löschen?'));
    b.appendChild(el('p', null, 'Dein Konto, deine Kontakte und deine Anrufliste werden sofort gelöscht.'));
    var paar = el('div', 'paar');
    paar.appendChild(knopf('Abbrechen', 'wahl', function () { s.remove(); }));
    paar.appendChild(knopf('Endgültig löschen', 'wahl', function () {
      api('delete', {}).then(function (r) {
        if (r.status !== 200) return;
        s.remove(); weg('token'); weg('nutzer');
        zeige('geloescht');
      });
    }));
    b.appendChild(paar);
    s.appendChild(b);
    document.body.appendChild(s);
  }

  /* ---- consent: two layers of its own ---- */
  function speichere(antwort, zwecke, interesse) {
    schreib('einwilligung', JSON.stringify({antwort: antwort, zwecke: zwecke, interesse: interesse, zeit: Date.now()}));
    var s = document.querySelector('.schleier.einwilligung');
    if (s) s.remove();
  }
  function alle(wert) {
    var o = {};
    ZWECKE.forEach(function (z) { o[z[0]] = wert; });
    return o;
  }
  function ersteEbene() {
    var s = el('div', 'schleier einwilligung');
    var b = el('div', 'blatt');
    b.setAttribute('role', 'dialog'); b.setAttribute('aria-modal', 'true'); b.setAttribute('aria-labelledby', 'ew-titel');
    var h = el('h2', null, 'Deine Privatsphäre bei Kanal'); h.id = 'ew-titel';
    b.appendChild(h);
    b.appendChild(el('p', null, 'Wir und unsere 4 Partner speichern Informationen auf deinem Gerät und verarbeiten Nutzungsdaten, ' +
      'um Werbung auszuwählen und zu messen und um Kanal zu verbessern. Einige Partner stützen sich dabei auf ein ' +
      'berechtigtes Interesse. Du kannst deine Auswahl jederzeit unter Profil › Datenschutz-Einstellungen ändern.'));
    var drei = el('div', 'drei');
    drei.appendChild(knopf('Zustimmen', 'wahl', function () { speichere('zugestimmt', alle(true), alle(true)); }));
    drei.appendChild(knopf('Ablehnen', 'wahl', function () { speichere('abgelehnt', alle(false), alle(false)); }));
    drei.appendChild(knopf('Einstellungen', 'wahl', function () { s.remove(); einstellungen(); }));
    b.appendChild(drei);
    s.appendChild(b);
    document.body.appendChild(s);
  }
  function schalter(text, an) {
    var l = el('label', 'schalter');
    l.appendChild(el('span', null, text));
    var i = el('input'); i.type = 'checkbox'; i.setAttribute('role', 'switch'); i.checked = an;
    l.appendChild(i);
    return {zeile: l, box: i};
  }
  function einstellungen() {
    var alt = JSON.parse(lies('einwilligung') || 'null');
    var s = el('div', 'schleier einwilligung');
    var b = el('div', 'blatt');
    b.setAttribute('role', 'dialog'); b.setAttribute('aria-modal', 'true'); b.setAttribute('aria-labelledby', 'ew2-titel');
    var h = el('h2', null, 'Datenschutz-Einstellungen'); h.id = 'ew2-titel';
    b.appendChild(h);
    b.appendChild(el('p', null, 'Für jeden Zweck kannst du einwilligen. Partner, die sich auf ein berechtigtes Interesse stützen, ' +
      'verarbeiten deine Daten, solange du nicht widersprichst.'));
    var boxen = [];
    ZWECKE.forEach(function (z) {
      var d = el('div', 'zweck');
      d.appendChild(el('h4', null, z[1]));
      d.appendChild(el('p', null, z[2]));
      var e = schalter('Einwilligung', alt ? !!alt.zwecke[z[0]] : false);
      var i = schalter('Berechtigtes Interesse', alt ? !!alt.interesse[z[0]] : true);
      d.appendChild(e.zeile); d.appendChild(i.zeile);
      boxen.push([z[0], e.box, i.box]);
      b.appendChild(d);
    });
    var paar = el('div', 'paar');
    paar.appendChild(knopf('Alle ablehnen', 'wahl', function () { speichere('abgelehnt', alle(false), alle(false)); }));
    paar.appendChild(knopf('Auswahl speichern', 'wahl', function () {
      var z = {}, i = {};
      boxen.forEach(function (x) { z[x[0]] = x[1].checked; i[x[0]] = x[2].checked; });
      speichere('auswahl', z, i);
    }));
    b.appendChild(paar);
    s.appendChild(b);
    document.body.appendChild(s);
  }

  document.querySelectorAll('.reiter button').forEach(function (b) {
    b.addEventListener('click', function () { zeige(b.dataset.ziel); });
  });
  zeige('anrufe');
  if (!lies('einwilligung')) ersteEbene();
})();
