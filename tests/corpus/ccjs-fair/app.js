/* Trampa: hash routes over <section>s; accounts through the corpus server's api/. Consent by cookie-consent-js
   (its cookie "trampa-kakor": "true" = all, "false" = only necessary). Location only on "Hitta cyklar nära mig";
   refused or failing, the station list is shown (degraded, never blocked). */
(function () {
  'use strict';
  var P = 'trampa:';
  window.cookieConsent = new CookieConsent({
    contentUrl: 'lang',
    privacyPolicyUrl: 'integritet.html',
    lang: 'sv',
    defaultLang: 'sv',
    blockAccess: true,
    cookieName: 'trampa-kakor',
    buttonPrimaryClass: 'lika',
    buttonSecondaryClass: 'lika'
  });

  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }

  function visa() {
    var id = location.hash.slice(1) || 'karta';
    var s = document.getElementById(id);
    if (!s || s.tagName !== 'SECTION') { id = 'karta'; s = document.getElementById(id); }
    document.querySelectorAll('main > section').forEach(function (x) { x.hidden = x !== s; });
    document.getElementById('rubrik').textContent = s.dataset.rubrik;
    document.querySelectorAll('.flikar a').forEach(function (a) {
      if (a.getAttribute('href') === '#' + id) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    var inne = !!token();
    document.getElementById('utloggad').hidden = inne;
    document.getElementById('inloggad').hidden = !inne;
    document.getElementById('vem').textContent = localStorage.getItem(P + 'user') || '';
    if (id === 'radera' && !inne) location.hash = '#konto';
  }
  window.addEventListener('hashchange', visa);

  document.querySelectorAll('form[data-action]').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var u = f.querySelector('input[type=email]'), p = f.querySelector('input[type=password]'), fel = f.querySelector('.fel');
      if (!u.value.trim() || !p.value) { fel.textContent = 'Fyll i e-post och lösenord.'; return; }
      api(f.dataset.action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim());
          u.value = ''; p.value = ''; fel.textContent = ''; location.hash = '#konto'; visa(); return;
        }
        fel.textContent = {401: 'Fel e-post eller lösenord.', 409: 'Det finns redan ett konto med den e-postadressen.',
                           400: 'Lösenordet måste ha minst 6 tecken.'}[r.status] || 'Något gick fel. Försök igen.';
      });
    });
  });
  document.getElementById('logga-ut').addEventListener('click', function () {
    api('logout'); localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); visa();
  });
  document.getElementById('radera-ja').addEventListener('click', function () {
    api('delete').then(function (r) {
      if (r.status !== 200) { document.getElementById('radera-fel').textContent = 'Något gick fel. Försök igen.'; return; }
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); location.hash = '#raderat';
    });
  });

  document.getElementById('hitta').addEventListener('click', function () {
    var svar = document.getElementById('plats-svar'), lista = document.getElementById('stationer');
    function utanPlats(text) { svar.textContent = text; lista.hidden = false; }
    if (!navigator.geolocation) { utanPlats('Din position kan inte visas. Välj en station i listan:'); return; }
    navigator.geolocation.getCurrentPosition(function () {
      svar.textContent = 'Närmaste station: Odenplan, 240 m bort – 7 lediga cyklar.'; lista.hidden = false;
    }, function () {
      utanPlats('Du delar inte din position. Välj en station i listan:');
    }, {timeout: 8000});
  });

  visa();
}());
