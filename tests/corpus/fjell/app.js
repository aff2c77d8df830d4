/* Fjell: screens drawn into <main>; accounts through the corpus server's api/. Consent banner answer in
   localStorage fjell:samtykke. Camera only on a tour's "Ta bilde av toppen"; a refusal (NotAllowedError) sets
   fjell:kamera-nektet and raises the wall over every screen; at launch, while that flag is set, the state is read
   with navigator.permissions.query (no request) and unless granted the wall is back. "Gi tilgang" asks again. */
(function () {
  'use strict';
  var P = 'fjell:';
  var skjerm = document.getElementById('skjerm');
  var tittel = document.getElementById('tittel');
  var mur = document.getElementById('mur');

  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function rad(text, fn) {
    var b = el('button', 'rad', text); b.type = 'button'; b.addEventListener('click', fn); skjerm.appendChild(b); return b;
  }

  var TURER = [['Preikestolen', '8 km · 4 t · middels', 'Klassikeren over Lysefjorden, 604 moh.'],
               ['Besseggen', '14 km · 7 t · krevende', 'Eggen mellom Gjende og Bessvatnet, 1743 moh.'],
               ['Romsdalseggen', '10 km · 7 t · krevende', 'Utsikt over Romsdalen og Trollveggen, 1214 moh.']];
  var valgt = 0;

  var skjermer = {
    hjem: ['Fjell', function () {
      skjerm.appendChild(el('h2', '', 'God tur!'));
      skjerm.appendChild(el('p', '', 'Vær oppdatert: sjekk varsom.no og yr før du går. Meld fra hjemme om hvor du skal.'));
      skjerm.appendChild(el('p', '', 'Denne uken: 3 nye turforslag i Rogaland og Innlandet.'));
    }],
    turer: ['Turer', function () {
      TURER.forEach(function (t, i) { rad(t[0] + ' — ' + t[1], function () { valgt = i; vis('tur'); }); });
    }],
    tur: ['Tur', function () {
      var t = TURER[valgt];
      tittel.textContent = t[0];
      skjerm.appendChild(el('p', '', t[1])); skjerm.appendChild(el('p', '', t[2]));
      var b = el('button', 'knapp bred', 'Ta bilde av toppen'); b.type = 'button';
      var svar = el('p', '', ''); svar.setAttribute('aria-live', 'polite');
      b.addEventListener('click', function () { taBilde(svar); });
      skjerm.appendChild(b); skjerm.appendChild(svar);
    }],
    profil: ['Profil', function () {
      if (!token()) {
        rad('Logg inn', function () { vis('logginn'); });
        rad('Registrer deg', function () { vis('registrer'); });
        return;
      }
      skjerm.appendChild(el('p', '', 'Logget inn som ' + localStorage.getItem(P + 'user')));
      rad('Mine turer', function () { vis('mine'); });
      rad('Slett konto', function () { vis('slett'); });
      rad('Logg ut', function () { api('logout'); localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); vis('profil'); });
    }],
    mine: ['Mine turer', function () { skjerm.appendChild(el('p', '', 'Du har ikke lagret noen turer ennå.')); }],
    slett: ['Slett konto', function () {
      if (!token()) { skjerm.appendChild(el('p', '', 'Logg inn for å slette kontoen.')); return; }
      var f = el('form');
      f.appendChild(el('p', '', 'Kontoen og turdagboken din slettes med en gang. Skriv inn e-postadressen din for å bekrefte.'));
      var l = el('label', '', 'E-postadresse'); l.htmlFor = 'slett-epost'; f.appendChild(l);
      var i = el('input'); i.id = 'slett-epost'; i.type = 'email'; i.placeholder = 'Skriv inn e-postadressen din'; f.appendChild(i);
      var b = el('button', 'knapp', 'Slett'); b.type = 'submit'; f.appendChild(b);
      var k = el('p', 'feil'); f.appendChild(k);
      f.addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (i.value.trim().toLowerCase() !== (localStorage.getItem(P + 'user') || '').toLowerCase()) {
          k.textContent = 'E-postadressen stemmer ikke med kontoen din.'; return;
        }
        api('delete', {}).then(function (r) {
          if (r.status !== 200) { k.textContent = 'Noe gikk galt. Prøv igjen.'; return; }
          localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
          vis('slettet');
        });
      });
      skjerm.appendChild(f);
    }],
    slettet: ['Konto slettet', function () { skjerm.appendChild(el('p', 'ferdig', 'Kontoen din er slettet.')); }],
    logginn: ['Logg inn', function () { skjema('login', 'Logg inn'); }],
    registrer: ['Registrer deg', function () { skjema('signup', 'Opprett konto'); }]
  };

  function skjema(action, label) {
    var f = el('form');
    var lu = el('label', '', 'E-post'); lu.htmlFor = action + '-epost'; f.appendChild(lu);
    var u = el('input'); u.id = action + '-epost'; u.type = 'email'; f.appendChild(u);
    var lp = el('label', '', 'Passord'); lp.htmlFor = action + '-passord'; f.appendChild(lp);
    var p = el('input'); p.id = action + '-passord'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'knapp', label); b.type = 'submit'; f.appendChild(b);
    var k = el('p', 'feil'); f.appendChild(k);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { k.textContent = 'Fyll inn e-post og passord.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); vis('profil'); return; }
        k.textContent = {401: 'Feil e-post eller passord.', 409: 'Det finnes allerede en konto med denne e-posten.', 400: 'Passordet må ha minst 6 tegn.'}[r.status] || 'Prøv igjen.';
      });
    });
    skjerm.appendChild(f);
  }

  function vis(name) {
    var s = skjermer[name];
    skjerm.textContent = ''; tittel.textContent = s[0];
    document.querySelectorAll('[data-fane]').forEach(function (b) {
      if (b.dataset.fane === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    s[1]();
  }
  document.querySelectorAll('[data-fane]').forEach(function (b) { b.addEventListener('click', function () { vis(b.dataset.fane); }); });

  // camera: only a refusal (NotAllowedError) raises the wall; no device at all is not the user's answer
  function kamera() {
    return navigator.mediaDevices.getUserMedia({video: true}).then(function (s) { s.getTracks().forEach(function (t) { t.stop(); }); });
  }
  function nektet() { localStorage.setItem(P + 'kamera-nektet', '1'); mur.hidden = false; }
  function taBilde(svar) {
    kamera().then(function () { svar.className = 'ok'; svar.textContent = 'Toppbildet er lagret i turdagboken.'; },
      function (err) {
        if (err && err.name === 'NotAllowedError') { nektet(); return; }
        svar.className = 'feil'; svar.textContent = 'Fant ikke noe kamera på enheten.';
      });
  }
  document.getElementById('gi-tilgang').addEventListener('click', function () {
    kamera().then(function () { localStorage.removeItem(P + 'kamera-nektet'); mur.hidden = true; document.getElementById('mur-feil').textContent = ''; },
      function () { document.getElementById('mur-feil').textContent = 'Kameraet er fortsatt ikke tillatt.'; });
  });

  // consent banner
  var banner = document.getElementById('banner');
  function lagre(v) { localStorage.setItem(P + 'samtykke', v); banner.hidden = true; }
  document.getElementById('godta').addEventListener('click', function () { lagre('godtatt'); });
  document.getElementById('avvis').addEventListener('click', function () { lagre('avvist'); });

  vis('hjem');
  if (!localStorage.getItem(P + 'samtykke')) banner.hidden = false;
  if (localStorage.getItem(P + 'kamera-nektet')) {
    mur.hidden = false;
    navigator.permissions.query({name: 'camera'}).then(function (s) {
      if (s.state === 'granted') { localStorage.removeItem(P + 'kamera-nektet'); mur.hidden = true; }
    }, function () {});
  }
}());
