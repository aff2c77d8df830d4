/* Vožnja: fair everywhere. Consent by cookie-though (Odbij sve / Prihvati sve equal on the first layer), started after
   the first scroll of the home page or after 3 s; camera only on Foto, notifications only on the bell switch,
   each refused says so politely and nothing else changes (asked again only if tapped again); deletion Profil → ⋮
   → Izbriši račun → a bottom sheet sliding up (0.5 s) → Izbriši → logged out. */
(function () {
  'use strict';
  var P = 'voznja:';
  function $(s) { return document.querySelector(s); }
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  var current = 'pocetna';
  function show(name) {
    current = name;
    document.querySelectorAll('main section').forEach(function (s) { s.hidden = s.dataset.ekran !== name; });
    document.querySelectorAll('.trake button').forEach(function (b) {
      if (b.dataset.kartica === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    var inside = !!token();
    $('#kebab').hidden = !(name === 'profil' && inside);
    $('#izbornik').hidden = true;
    if (name === 'profil') {
      $('#odjavljen').hidden = inside; $('#prijavljen').hidden = !inside; $('#odjava').hidden = !inside;
      $('#tko').textContent = inside ? 'Prijavljeni ste kao ' + localStorage.getItem(P + 'user') : '';
    }
    if (name === 'postavke') $('#zvono').checked = localStorage.getItem(P + 'obavijesti') === 'da' && window.Notification && Notification.permission === 'granted';
    window.scrollTo(0, 0);
  }
  document.querySelectorAll('[data-idi]').forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.idi); }); });
  document.querySelectorAll('[data-kartica]').forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.kartica); }); });

  document.querySelectorAll('form[data-radnja]').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var polja = f.querySelectorAll('input'), poruka = f.querySelector('.poruka');
      var u = polja[0].value.trim(), p = polja[1].value;
      if (!u || !p) { poruka.textContent = 'Unesite e-poštu i lozinku.'; return; }
      api(f.dataset.radnja, {username: u, password: p}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u); show('profil'); return; }
        poruka.textContent = {401: 'Pogrešna e-pošta ili lozinka.', 409: 'Račun s tom e-poštom već postoji.',
          400: 'Lozinka mora imati barem 6 znakova.'}[r.status] || 'Pokušajte ponovno.';
      });
    });
  });
  $('#odjava').addEventListener('click', function () { api('logout'); localStorage.removeItem(P + 'token'); show('profil'); });

  /* camera: only when Foto is tapped */
  $('#foto').addEventListener('click', function () {
    var poruka = $('#foto-poruka');
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { poruka.textContent = 'Kamera nije dostupna na ovom uređaju.'; return; }
    navigator.mediaDevices.getUserMedia({video: true}).then(function (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      $('#avatar').style.background = '#0e7c66';
      poruka.textContent = 'Fotografija je spremljena.';
    }, function (err) {
      poruka.textContent = err && err.name === 'NotAllowedError'
        ? 'Pristup kameri nije dopušten. Fotografiju možete dodati kad god želite, sve ostalo radi normalno.'
        : 'Kamera nije dostupna na ovom uređaju.';
    });
  });

  /* notifications: only when the bell switch is turned on */
  $('#zvono').addEventListener('change', function () {
    var zvono = $('#zvono'), poruka = $('#zvono-poruka');
    if (!zvono.checked) { localStorage.setItem(P + 'obavijesti', 'ne'); poruka.textContent = 'Obavijesti su isključene.'; return; }
    if (!window.Notification) { zvono.checked = false; poruka.textContent = 'Obavijesti nisu dostupne na ovom uređaju.'; return; }
    Promise.resolve(Notification.requestPermission()).then(function (stanje) {
      if (stanje === 'granted') { localStorage.setItem(P + 'obavijesti', 'da'); poruka.textContent = 'Obavijesti su uključene.'; return; }
      zvono.checked = false; localStorage.setItem(P + 'obavijesti', 'ne');
      poruka.textContent = 'Obavijesti nisu dopuštene. Vožnje i dalje možete pratiti u aplikaciji.';
    });
  });

  /* deletion: ⋮ → Izbriši račun → bottom sheet → Izbriši */
  var list = $('#list'), zastor = $('#zastor');
  $('#kebab').addEventListener('click', function () { $('#izbornik').hidden = !$('#izbornik').hidden; });
  function zatvori() { list.classList.remove('otvoren'); list.setAttribute('aria-hidden', 'true'); zastor.hidden = true; }
  $('#izbrisi-racun').addEventListener('click', function () {
    $('#izbornik').hidden = true; zastor.hidden = false;
    list.setAttribute('aria-hidden', 'false');
    requestAnimationFrame(function () { list.classList.add('otvoren'); });
  });
  zastor.addEventListener('click', zatvori);
  $('#odustani').addEventListener('click', zatvori);
  $('#izbrisi').addEventListener('click', function () {
    api('delete', {}).then(function (r) {
      if (r.status !== 200) return;
      zatvori();
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      show('izbrisan');
    });
  });

  /* consent: cookie-though, started after the first scroll of the home page or after 3 s */
  var started = false;
  function startConsent() {
    if (started) return;
    started = true;
    window.removeEventListener('scroll', onScroll);
    window.CookieThough.init({
      policies: [
        {id: 'nuzni', label: 'Nužni kolačići', description: 'Potrebni za prijavu i rezervaciju vožnji.', category: 'essential'},
        {id: 'statistika', label: 'Statistika', description: 'Pomažu nam vidjeti koje se rute najviše traže.', category: 'statistics'},
        {id: 'marketing', label: 'Marketing', description: 'Prikazuju ponude partnera prilagođene vama.', category: 'marketing'}
      ],
      essentialLabel: 'Uvijek uključeno',
      permissionLabels: {accept: 'Prihvati odabrano', acceptAll: 'Prihvati sve', decline: 'Odbij sve'},
      cookiePreferenceKey: 'voznja-kolacici',
      header: {title: 'Kolačići', subTitle: 'Vaša privatnost', description: 'Vožnja koristi nužne kolačiće, a statističke i marketinške samo ako ih prihvatite. Odluku možete promijeniti u bilo kojem trenutku.'},
      customizeLabel: 'Prilagodi'
    });
  }
  function onScroll() { if (current === 'pocetna' && window.scrollY > 0) startConsent(); }
  window.addEventListener('scroll', onScroll, {passive: true});
  setTimeout(startConsent, 3000);

  show('pocetna');
}());
