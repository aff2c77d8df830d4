/* Lakbay: pages are <div class=pahina data-p> (one shown, history in location.hash); accounts through the corpus
   server's api/ (deletion needs a reason: app.json). Consent: gdpr-cookie-notice with its defaults (all optional
   categories ticked, refusal only in its settings modal) and a cookie named in each category, so the library shows
   its bar again at every launch while any category is refused. The analytics cookie _lk_an is set once analytics
   is allowed. Notifications only on «Paalalahanan ako». */
(function () {
  'use strict';
  var K = 'lakbay:';
  gdprCookieNotice({
    locale: 'tl',
    statement: '#patakaran',
    performance: ['lk_rehiyon'],
    analytics: ['_lk_an'],
    marketing: ['_lk_ads']
  });
  document.addEventListener('gdprCookiesEnabled', function (e) {
    if (e.detail && e.detail.analytics && document.cookie.indexOf('_lk_an=') < 0) {
      document.cookie = '_lk_an=LK.' + Math.random().toString(36).slice(2, 12) + '; path=/; max-age=' + 365 * 86400;
    }
  });

  function token() { return localStorage.getItem(K + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  var loobLang = {setting: 1, wika: 1, abiso: 1, privacy: 1, burahin: 1};

  function ipakita() {
    var p = location.hash.slice(1) || 'biyahe';
    var el = document.querySelector('.pahina[data-p="' + p + '"]');
    if (!el) { p = 'biyahe'; el = document.querySelector('.pahina[data-p="biyahe"]'); }
    if (loobLang[p] && !token()) { location.hash = '#ako'; return; }
    document.querySelectorAll('.pahina').forEach(function (x) { x.hidden = x !== el; });
    document.getElementById('pamagat').textContent = el.dataset.t;
    document.querySelectorAll('.ibaba div').forEach(function (t) { t.classList.toggle('dito', t.dataset.punta === p); });
    document.getElementById('labas').hidden = !!token();
    document.getElementById('loob').hidden = !token();
    document.getElementById('sino').textContent = localStorage.getItem(K + 'email') || '';
  }
  window.addEventListener('hashchange', ipakita);
  document.addEventListener('click', function (e) {
    var t = e.target.closest('[data-punta]');
    if (t) location.hash = '#' + t.dataset.punta;
  });

  document.querySelectorAll('form[data-aksyon]').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var email = f.elements.email.value.trim(), pw = f.elements.password.value, mali = f.querySelector('.mali');
      if (!email || !pw) { mali.textContent = 'Ilagay ang email at password.'; return; }
      api(f.dataset.aksyon, {username: email, password: pw}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(K + 'token', r.body.token); localStorage.setItem(K + 'email', email);
          f.reset(); mali.textContent = ''; location.hash = '#ako'; ipakita(); return;
        }
        mali.textContent = {401: 'Mali ang email o password.', 409: 'May account na ang email na ito.',
                            400: 'Dapat may 6 na character man lang ang password.'}[r.status] || 'May nangyaring mali. Subukan ulit.';
      });
    });
  });
  document.getElementById('logout').addEventListener('click', function () {
    api('logout'); localStorage.removeItem(K + 'token'); localStorage.removeItem(K + 'email'); ipakita();
  });
  document.getElementById('burahin-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target, mali = document.getElementById('burahin-mali'), dahilan = f.elements.dahilan.value.trim();
    if (!dahilan) { mali.textContent = 'Sabihin sa amin kung bakit ka aalis.'; return; }
    if (!f.elements['sang-ayon'].checked) { mali.textContent = 'Lagyan ng tsek ang kahon para magpatuloy.'; return; }
    api('delete', {reason: dahilan}).then(function (r) {
      if (r.status !== 200) { mali.textContent = 'Hindi nabura. Subukan ulit.'; return; }
      localStorage.removeItem(K + 'token'); localStorage.removeItem(K + 'email'); f.reset(); mali.textContent = '';
      location.hash = '#nabura';
    });
  });

  document.getElementById('paalala').addEventListener('click', function () {
    var s = document.getElementById('paalala-sagot');
    function wala() { s.textContent = 'Naka-off ang mga abiso. Makikita mo pa rin dito ang oras ng alis: 06:30.'; }
    if (!('Notification' in window)) { wala(); return; }
    Notification.requestPermission().then(function (sagot) {
      if (sagot === 'granted') s.textContent = 'Sige! Paaalalahanan ka namin isang oras bago ang alis (05:30).';
      else wala();
    }, wala);
  });

  ipakita();
}());
