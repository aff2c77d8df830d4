/* Kirja: fair on every flow. Consent: a modal <dialog> with a radio group «Vain välttämättömät» / «Kaikki evästeet»
   (none chosen) and «Tallenna valinta», disabled until one is chosen: 2 steps either way (kirja:evasteet).
   Camera only when «Skannaa kirjan viivakoodi» is used; refused, an ISBN field does the search instead.
   Deletion: Profiili → Poista tili → Poista (equal Peruuta / Poista) → deleted at once. */
(function () {
  'use strict';
  var P = 'kirja:';
  function $(s) { return document.querySelector(s); }
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function nayta(nimi) {
    document.querySelectorAll('main section').forEach(function (s) { s.hidden = s.dataset.nakyma !== nimi; });
    document.querySelectorAll('[data-valilehti]').forEach(function (b) {
      if (b.dataset.valilehti === nimi) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    $('#ulos').hidden = !!token(); $('#sisaan').hidden = !token();
    $('#kuka').textContent = token() ? 'Kirjautuneena: ' + localStorage.getItem(P + 'user') : '';
  }
  document.querySelectorAll('[data-nayta]').forEach(function (b) { b.addEventListener('click', function () { nayta(b.dataset.nayta); }); });
  document.querySelectorAll('[data-valilehti]').forEach(function (b) { b.addEventListener('click', function () { nayta(b.dataset.valilehti); }); });

  document.querySelectorAll('form[data-toiminto]').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var kentat = f.querySelectorAll('input'), virhe = f.querySelector('.virhe');
      var u = kentat[0].value.trim(), p = kentat[1].value;
      if (!u || !p) { virhe.textContent = 'Anna sähköposti ja salasana.'; return; }
      api(f.dataset.toiminto, {username: u, password: p}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u); nayta('profiili'); return; }
        virhe.textContent = {401: 'Väärä sähköposti tai salasana.', 409: 'Tällä sähköpostilla on jo tili.', 400: 'Salasanassa on oltava vähintään 6 merkkiä.'}[r.status] || 'Yritä uudelleen.';
      });
    });
  });
  $('#ulos-nappi').addEventListener('click', function () { api('logout'); localStorage.removeItem(P + 'token'); nayta('profiili'); });
  $('#poista').addEventListener('click', function () { $('#vahvista').showModal(); });
  $('#peruuta').addEventListener('click', function () { $('#vahvista').close(); });
  $('#vahvista-poisto').addEventListener('click', function () {
    api('delete', {}).then(function (r) {
      $('#vahvista').close();
      if (r.status !== 200) return;
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      nayta('poistettu');
    });
  });

  $('#skannaa').addEventListener('click', function () {
    var tila = $('#kamera-tila');
    navigator.mediaDevices.getUserMedia({video: true}).then(function (s) {
      s.getTracks().forEach(function (t) { t.stop(); });
      $('#isbn-lohko').hidden = true;
      tila.textContent = 'Kamera valmis: kohdista viivakoodi kehykseen.';
    }, function (err) {
      $('#isbn-lohko').hidden = false;
      tila.textContent = err.name === 'NotAllowedError'
        ? 'Kameran käyttö estetty. Voit hakea kirjan kirjoittamalla sen ISBN-tunnuksen.'
        : 'Kameraa ei löytynyt. Voit hakea kirjan kirjoittamalla sen ISBN-tunnuksen.';
    });
  });
  $('#hae-isbn').addEventListener('click', function () {
    var isbn = $('#isbn').value.replace(/[^0-9X]/gi, '');
    $('#hakutulos').textContent = isbn.length >= 10 ? 'Löytyi: ISBN ' + isbn + ' – saatavilla pääkirjastossa.' : 'Tarkista ISBN (10 tai 13 merkkiä).';
  });

  var ev = $('#evasteet'), tallenna = $('#tallenna');
  ev.addEventListener('cancel', function (e) { e.preventDefault(); });   // Esc is not an answer
  ev.querySelectorAll('input[name=evasteet]').forEach(function (r) {
    r.addEventListener('change', function () { tallenna.disabled = !ev.querySelector('input[name=evasteet]:checked'); });
  });
  tallenna.addEventListener('click', function () {
    var valittu = ev.querySelector('input[name=evasteet]:checked');
    if (!valittu) return;
    var kaikki = valittu.value === 'kaikki';
    localStorage.setItem(P + 'evasteet', JSON.stringify({tilastot: kaikki, suositukset: kaikki}));
    ev.close();
  });
  nayta('koti');
  if (!localStorage.getItem(P + 'evasteet')) ev.showModal();
}());
