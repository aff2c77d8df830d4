/* Tuuli: screens drawn into <main>; accounts through the corpus server's api/. Consent answer in localStorage
   tuuli:suostumus as JSON {valinta: kaikki|asetukset, tarkoitukset: {personointi, analytiikka, mainonta,
   kumppanit}}; an answer with analytics on also stores tuuli:analytiikka-id. The location: getCurrentPosition at
   every launch (nothing remembered); refused (PERMISSION_DENIED) the strip #kaista (× hides it for this launch) and
   the home asks for a city; «Käytä sijaintiani» asks again. */
(function () {
  'use strict';
  var P = 'tuuli:';
  var nakyma = document.getElementById('nakyma');
  var otsikko = document.getElementById('otsikko');
  var kaista = document.getElementById('kaista');
  var sijainti = {tila: 'odottaa', lat: null, lon: null, virhe: ''};   // odottaa | ok | evatty | ei-saatavilla
  var kaupunki = '';
  var nykyinen = 'saa';

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
  function nappi(text, cls, fn, parent) {
    var b = el('button', cls, text); b.type = 'button'; b.addEventListener('click', fn); (parent || nakyma).appendChild(b); return b;
  }
  function rivi(text, fn) { return nappi(text, 'rivi', fn); }
  function kentta(parent, id, label, type) {
    var l = el('label', '', label); l.htmlFor = id; parent.appendChild(l);
    var i = el('input'); i.id = id; i.type = type; parent.appendChild(i); return i;
  }
  function ulos() { localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); }

  function saa(nimi, siemen) {
    var s = 0;
    for (var i = 0; i < siemen.length; i++) s = (s * 31 + siemen.charCodeAt(i)) % 997;
    var k = el('div', 'kortti');
    k.appendChild(el('div', 'huom', nimi));
    k.appendChild(el('div', 'lampo', (s % 19 - 4) + ' °C'));
    k.appendChild(el('div', '', ['Selkeää', 'Puolipilvistä', 'Pilvistä', 'Heikkoa sadetta', 'Lumikuuroja'][s % 5] + ' · tuuli ' + (2 + s % 9) + ' m/s'));
    return k;
  }

  var SIVUT = {
    saa: ['Tuuli', function () {
      if (sijainti.tila === 'odottaa') { nakyma.appendChild(el('p', 'huom', 'Haetaan sijaintia…')); return; }
      if (sijainti.tila === 'ok') {
        nakyma.appendChild(saa('Oma sijainti (' + sijainti.lat.toFixed(2) + '°, ' + sijainti.lon.toFixed(2) + '°)', sijainti.lat.toFixed(1) + sijainti.lon.toFixed(1)));
      } else if (kaupunki) {
        nakyma.appendChild(saa(kaupunki, kaupunki.toLowerCase()));
      }
      var f = el('div', 'kortti');
      var i = kentta(f, 'kaupunki', 'Kaupunki', 'search');
      i.value = kaupunki;
      function hae() { if (i.value.trim()) { kaupunki = i.value.trim(); nayta('saa'); } }
      i.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { ev.preventDefault(); hae(); } });
      nappi('Hae', 'nappi', hae, f);
      nappi('Käytä sijaintiani', 'nappi toinen', function () { kysySijainti(true); }, f);
      if (sijainti.virhe) f.appendChild(el('p', 'virhe', sijainti.virhe));
      nakyma.appendChild(f);
    }],
    ennuste: ['Ennuste', function () {
      var paikka = sijainti.tila === 'ok' ? 'oma sijainti' : (kaupunki || 'Helsinki');
      nakyma.appendChild(el('p', 'huom', 'Viiden päivän ennuste: ' + paikka));
      ['Maanantai', 'Tiistai', 'Keskiviikko', 'Torstai', 'Perjantai'].forEach(function (p) { nakyma.appendChild(saa(p, p + paikka)); });
    }],
    asetukset: ['Asetukset', function () {
      rivi('Yksiköt', function () { nayta('yksikot'); });
      rivi('Ilmoitukset', function () { nayta('ilmoitukset'); });
      rivi('Tietosuoja', function () { nayta('tietosuoja'); });
      rivi('Tili', function () { nayta('tili'); });
    }],
    yksikot: ['Yksiköt', function () { nakyma.appendChild(el('p', 'huom', 'Lämpötila: °C · Tuuli: m/s')); }],
    ilmoitukset: ['Ilmoitukset', function () { nakyma.appendChild(el('p', 'huom', 'Tuuli ei lähetä ilmoituksia.')); }],
    tietosuoja: ['Tietosuoja', function () {
      var s = JSON.parse(localStorage.getItem(P + 'suostumus') || 'null');
      nakyma.appendChild(el('p', 'huom', s ? 'Valintasi on tallennettu.' : 'Et ole vielä tehnyt valintaa.'));
    }],
    tili: ['Tili', function () {
      if (!token()) {
        rivi('Kirjaudu sisään', function () { nayta('kirjaudu'); });
        rivi('Luo tili', function () { nayta('luo'); });
        return;
      }
      nakyma.appendChild(el('p', '', 'Kirjautunut: ' + localStorage.getItem(P + 'user')));
      rivi('Kirjaudu ulos', function () { api('logout'); ulos(); nayta('tili'); });
      rivi('Poista tili', function () { nayta('lahdossa'); });
    }],
    lahdossa: ['Poista tili', function () {
      if (!token()) { nakyma.appendChild(el('p', 'huom', 'Kirjaudu ensin sisään.')); return; }
      nakyma.appendChild(el('h2', '', 'Haluatko varmasti lähteä?'));
      nakyma.appendChild(el('p', '', 'Menetät tallennetut paikkasi ja sähkövaroitukset. Tuuli on aina ilmainen.'));
      nappi('Pidä tilini', 'pida', function () { nayta('tili'); });
      var a = el('a', 'silti', 'Poista silti'); a.href = '#';
      a.addEventListener('click', function (ev) { ev.preventDefault(); nayta('salasana'); });
      nakyma.appendChild(a);
    }],
    salasana: ['Poista tili', function () {
      if (!token()) { nakyma.appendChild(el('p', 'huom', 'Kirjaudu ensin sisään.')); return; }
      var f = el('form');
      f.appendChild(el('p', '', 'Vahvista poisto kirjoittamalla salasanasi. Tiliä ei voi palauttaa.'));
      var i = kentta(f, 'poisto-salasana', 'Salasana', 'password');
      var b = el('button', 'nappi', 'Poista pysyvästi'); b.type = 'submit'; f.appendChild(b);
      var v = el('p', 'virhe'); f.appendChild(v);
      f.addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (!i.value) { v.textContent = 'Kirjoita salasana.'; return; }
        api('delete', {password: i.value}).then(function (r) {
          if (r.status === 400) { v.textContent = 'Väärä salasana.'; return; }
          if (r.status !== 200) { v.textContent = 'Jokin meni vikaan. Yritä uudelleen.'; return; }
          ulos(); nayta('poistettu');
        });
      });
      nakyma.appendChild(f);
    }],
    poistettu: ['Tili poistettu', function () { nakyma.appendChild(el('p', 'valmis', 'Tilisi on poistettu.')); }],
    kirjaudu: ['Kirjaudu sisään', function () { lomake('login', 'Kirjaudu'); }],
    luo: ['Luo tili', function () { lomake('signup', 'Rekisteröidy'); }]
  };

  function lomake(action, label) {
    var f = el('form');
    var u = kentta(f, action + '-posti', 'Sähköposti', 'email');
    var p = kentta(f, action + '-salasana', 'Salasana', 'password');
    var b = el('button', 'nappi', label); b.type = 'submit'; f.appendChild(b);
    var v = el('p', 'virhe'); f.appendChild(v);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { v.textContent = 'Kirjoita sähköposti ja salasana.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim());
          nayta('tili'); return;
        }
        v.textContent = {401: 'Väärä sähköposti tai salasana.', 409: 'Tällä sähköpostilla on jo tili.',
                         400: 'Salasanassa on oltava vähintään 6 merkkiä.'}[r.status] || 'Yritä uudelleen.';
      });
    });
    nakyma.appendChild(f);
  }

  function nayta(nimi) {
    var s = SIVUT[nimi];
    nykyinen = nimi;
    nakyma.textContent = ''; otsikko.textContent = s[0];
    document.querySelectorAll('[data-sivu]').forEach(function (b) {
      if (b.dataset.sivu === nimi) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    s[1]();
  }
  document.querySelectorAll('[data-sivu]').forEach(function (b) { b.addEventListener('click', function () { nayta(b.dataset.sivu); }); });

  // the location: asked at every launch; refused, the strip (× hides it) and a typed city
  function kysySijainti(kayttaja) {
    if (!navigator.geolocation) { sijainti.tila = 'ei-saatavilla'; if (nykyinen === 'saa') nayta('saa'); return; }
    navigator.geolocation.getCurrentPosition(function (pos) {
      sijainti = {tila: 'ok', lat: pos.coords.latitude, lon: pos.coords.longitude, virhe: ''};
      kaista.hidden = true;
      if (nykyinen === 'saa') nayta('saa');
    }, function (err) {
      var evatty = err && err.code === 1;
      sijainti = {tila: evatty ? 'evatty' : 'ei-saatavilla', lat: null, lon: null,
                  virhe: kayttaja ? (evatty ? 'Selain ei sallinut sijaintia. Kirjoita kaupunki.' : 'Sijaintia ei löytynyt. Kirjoita kaupunki.') : ''};
      if (evatty && !kayttaja) kaista.hidden = false;
      if (nykyinen === 'saa') nayta('saa');
    }, {timeout: 8000});
  }
  document.getElementById('kaista-sulje').addEventListener('click', function () { kaista.hidden = true; });

  // consent: the centred modal, no refusal on the first layer
  var TARKOITUKSET = [
    ['personointi', 'Sääsisällön personointi', 'Näytämme sinulle kiinnostavia säätietoja aiemman käytön perusteella.', true],
    ['analytiikka', 'Käyttöanalytiikka', 'Mittaamme, miten sovellusta käytetään.', true],
    ['mainonta', 'Kohdennettu mainonta', 'Kumppanimme näyttävät sinulle kohdennettuja mainoksia.', false],
    ['kumppanit', 'Tietojen jakaminen kumppaneille', 'Jaamme käyttötietoja valituille kumppaneille.', false]
  ];
  var suostumus = document.getElementById('suostumus');
  var lista = document.getElementById('tarkoitukset');
  TARKOITUKSET.forEach(function (t) {
    var fs = el('fieldset'); fs.appendChild(el('legend', '', t[1])); fs.appendChild(el('p', 'kuvaus', t[2]));
    var pari = el('div', 'pari');
    [['kylla', 'Kyllä', t[3]], ['ei', 'Ei', !t[3]]].forEach(function (v) {
      var l = el('label'); var r = el('input'); r.type = 'radio'; r.name = 't-' + t[0]; r.value = v[0]; r.checked = v[2];
      r.setAttribute('aria-label', v[1] + ' – ' + t[1]);
      l.appendChild(r); l.appendChild(document.createTextNode(v[1])); pari.appendChild(l);
    });
    fs.appendChild(pari); lista.appendChild(fs);
  });
  function tallenna(valinta, tarkoitukset) {
    localStorage.setItem(P + 'suostumus', JSON.stringify({valinta: valinta, tarkoitukset: tarkoitukset, aika: new Date().toISOString()}));
    if (tarkoitukset.analytiikka && !localStorage.getItem(P + 'analytiikka-id')) localStorage.setItem(P + 'analytiikka-id', 'tu-' + Math.random().toString(36).slice(2, 12));
    suostumus.hidden = true;
  }
  document.getElementById('hyvaksy').addEventListener('click', function () {
    tallenna('kaikki', {personointi: true, analytiikka: true, mainonta: true, kumppanit: true});
  });
  document.getElementById('nayta').addEventListener('click', function () {
    document.getElementById('kerros1').hidden = true; document.getElementById('kerros2').hidden = false;
  });
  document.getElementById('tallenna').addEventListener('click', function () {
    var t = {};
    TARKOITUKSET.forEach(function (x) { t[x[0]] = lista.querySelector('input[name="t-' + x[0] + '"]:checked').value === 'kylla'; });
    tallenna('asetukset', t);
  });

  nayta('saa');
  if (!localStorage.getItem(P + 'suostumus')) suostumus.hidden = false;
  kysySijainti(false);
}());
