/* Вълна (valna): a mobile operator's self-care app. Screens are <section>s switched by the hidden attribute.
   Accounts through the corpus server's api/ (session token in localStorage valna:token, e-mail in valna:user).
   Launch: the onboarding carousel at the first launch only (valna:onboarded), then <valna-consent> (a CLOSED shadow
   root) at every launch until answered (valna:consent, JSON {"necessary", "analytics", "offers"}; analytics on also
   keeps an id in valna:analytics-id). Geolocation only on Покритие → «Моето местоположение». */
(function () {
  'use strict';
  var P = 'valna:';
  function $(s) { return document.querySelector(s); }
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function forget() { localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); }

  /* ---------- screens ---------- */
  var TITLES = {home: 'Вълна', coverage: 'Покритие', profile: 'Профил', plan: 'Моят план', invoices: 'Фактури',
    settings: 'Настройки', language: 'Език', privacy: 'Поверителност и данни', delete: 'Изтриване на профила',
    'delete-password': 'Изтриване на профила', deleted: 'Профил', login: 'Вход', signup: 'Регистрация'};
  var BACK = {plan: 'profile', invoices: 'profile', settings: 'profile', language: 'settings', privacy: 'settings',
    delete: 'privacy', 'delete-password': 'delete', login: 'profile', signup: 'profile'};
  var TAB = {home: 'home', coverage: 'coverage'};
  var SIGNED_IN_ONLY = ['plan', 'invoices', 'settings', 'language', 'privacy', 'delete', 'delete-password'];
  var current = 'home';

  function show(name) {
    if (SIGNED_IN_ONLY.indexOf(name) >= 0 && !token()) name = 'profile';
    current = name;
    document.querySelectorAll('[data-screen]').forEach(function (s) { s.hidden = s.dataset.screen !== name; });
    var tab = TAB[name] || 'profile';
    document.querySelectorAll('.tab').forEach(function (t) { t.classList.toggle('on', t.dataset.tab === tab); });
    $('#title').textContent = TITLES[name];
    $('#back').hidden = !BACK[name];
    if (name === 'home') {
      $('#hello').textContent = token() ? 'Здравейте, ' + localStorage.getItem(P + 'user') : 'Добре дошли във Вълна';
    }
    if (name === 'profile') {
      var inside = !!token();
      $('#logged-out').hidden = inside;
      $('#logged-in').hidden = !inside;
      $('#who').textContent = inside ? localStorage.getItem(P + 'user') : '';
    }
    if (name === 'privacy') { $('#export-result').hidden = true; }
    if (name === 'delete') { $('#understand').checked = false; $('#go-on').disabled = true; }
    if (name === 'delete-password') { $('#delete-password').value = ''; $('#delete-error').textContent = ''; }
    if (name === 'login' || name === 'signup') {
      document.querySelectorAll('.account-form .error').forEach(function (e) { e.textContent = ''; });
    }
    window.scrollTo(0, 0);
  }
  document.querySelectorAll('.tab').forEach(function (t) { t.addEventListener('click', function () { show(t.dataset.tab); }); });
  document.querySelectorAll('[data-go]').forEach(function (r) { r.addEventListener('click', function () { show(r.dataset.go); }); });
  $('#back').addEventListener('click', function () { if (BACK[current]) show(BACK[current]); });

  /* ---------- coverage: the location asked only here ---------- */
  $('#locate').addEventListener('click', function () {
    var out = $('#geo-result');
    out.hidden = false; out.className = 'result'; out.textContent = 'Определяме местоположението ви…';
    $('#manual').hidden = true;
    if (!navigator.geolocation) { refused(); return; }
    navigator.geolocation.getCurrentPosition(function () {
      out.className = 'result good';
      out.textContent = 'Вие сте в зона с 5G покритие';
    }, refused, {timeout: 10000, maximumAge: 60000});
  });
  function refused() {
    var out = $('#geo-result');
    out.hidden = false; out.className = 'result off';
    out.textContent = 'Местоположението е изключено. Въведете адрес, за да проверите покритието.';
    $('#manual').hidden = false;
    $('#address-result').hidden = true;
  }
  $('#check').addEventListener('click', function () {
    var a = $('#address').value.trim(), out = $('#address-result');
    out.hidden = false;
    if (!a) { out.className = 'result off'; out.textContent = 'Въведете адрес.'; return; }
    out.className = 'result good';
    out.textContent = 'Адрес „' + a + '“: зона с 5G покритие';
  });

  /* ---------- settings and privacy ---------- */
  $('#notify').checked = localStorage.getItem(P + 'notify') !== 'off';
  $('#notify').addEventListener('change', function () {      // the app's own setting: no browser permission
    localStorage.setItem(P + 'notify', this.checked ? 'on' : 'off');
  });
  $('#export').addEventListener('click', function () {
    var out = $('#export-result');
    out.hidden = false; out.className = 'result';
    out.textContent = 'Ще изпратим копие от данните ви на ' + localStorage.getItem(P + 'user') + ' до 48 часа.';
  });

  /* ---------- deletion ---------- */
  $('#understand').addEventListener('change', function () { $('#go-on').disabled = !this.checked; });
  $('#go-on').addEventListener('click', function () { if ($('#understand').checked) show('delete-password'); });
  $('#delete-now').addEventListener('click', function () {
    var pw = $('#delete-password').value, err = $('#delete-error');
    if (!pw) { err.textContent = 'Въведете паролата си.'; return; }
    err.textContent = '';
    if (!window.confirm('Сигурни ли сте, че искате да изтриете профила си?')) return;
    api('delete', {password: pw}).then(function (r) {
      if (r.status === 200) {
        forget();
        show('deleted');
        return;
      }
      if (r.status === 401) { forget(); show('profile'); return; }
      err.textContent = r.body.error === 'password' ? 'Грешна парола.' : 'Нещо се обърка. Опитайте отново.';
    });
  });

  /* ---------- accounts ---------- */
  document.querySelectorAll('.account-form').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var fields = f.querySelectorAll('input[type=email], input[type=password]'), err = f.querySelector('.error');
      var u = fields[0].value.trim(), pw = fields[1].value, terms = f.querySelector('#terms');
      if (!u || !pw) { err.textContent = 'Въведете имейл и парола.'; return; }
      if (terms && !terms.checked) { err.textContent = 'Трябва да приемете общите условия.'; return; }
      err.textContent = '';
      api(f.dataset.action, {username: u, password: pw}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(P + 'token', r.body.token);
          localStorage.setItem(P + 'user', u);
          fields[0].value = ''; fields[1].value = '';
          if (terms) terms.checked = false;
          show('profile');
          return;
        }
        err.textContent = {401: 'Грешен имейл или парола.', 409: 'Вече има профил с този имейл.',
          400: 'Паролата трябва да е поне 6 знака.'}[r.status] || 'Нещо се обърка. Опитайте отново.';
      });
    });
  });
  $('#logout').addEventListener('click', function () {
    api('logout');
    forget();
    show('profile');
  });

  /* ---------- consent: a custom element with a CLOSED shadow root ---------- */
  var SHEET_CSS =
    ':host { position: fixed; left: 0; right: 0; bottom: 0; z-index: 50; }' +
    '.sheet { background: #fff; border-radius: 20px 20px 0 0; box-shadow: 0 -6px 24px rgba(20, 10, 60, .22);' +
    '  padding: 22px 20px 18px; font: 15px/1.45 system-ui, sans-serif; color: #1d1733; }' +
    '.grab { width: 40px; height: 4px; border-radius: 2px; background: #d8d4e4; margin: -8px auto 14px; }' +
    'h2 { font-size: 19px; margin: 0 0 8px; }' +
    'p { margin: 0 0 18px; color: #453d5e; }' +
    '.all { display: block; width: 100%; border: 0; border-radius: 14px; background: #5b2ee0; color: #fff;' +
    '  font: 700 18px system-ui, sans-serif; padding: 17px; box-shadow: 0 6px 16px rgba(91, 46, 224, .35); }' +
    '.more { display: block; margin: 12px auto 0; border: 0; background: none; color: #a29fab;' +
    '  font: 12px system-ui, sans-serif; padding: 4px 8px; }' +
    '.purpose { display: flex; align-items: center; justify-content: space-between; gap: 12px;' +
    '  padding: 12px 0; border-bottom: 1px solid #eeebf5; }' +
    '.purpose small { display: block; color: #7b7590; font-size: 12px; }' +
    'input[type=checkbox] { appearance: none; -webkit-appearance: none; flex: none; width: 46px; height: 28px;' +
    '  margin: 0; border-radius: 14px; background: #cfcbdb; position: relative; transition: background .2s; }' +
    'input[type=checkbox]::after { content: ""; position: absolute; top: 3px; left: 3px; width: 22px; height: 22px;' +
    '  border-radius: 50%; background: #fff; transition: transform .2s; }' +
    'input[type=checkbox]:checked { background: #5b2ee0; }' +
    'input[type=checkbox]:checked::after { transform: translateX(18px); }' +
    'input[type=checkbox]:disabled { opacity: .55; }' +
    '.save { display: block; width: 100%; margin-top: 18px; border: 0; border-radius: 14px; background: #5b2ee0;' +
    '  color: #fff; font: 700 17px system-ui, sans-serif; padding: 15px; }' +
    '[hidden] { display: none !important; }';

  class ValnaConsent extends HTMLElement {
    constructor() {
      super();
      var root = this.attachShadow({mode: 'closed'});          // the page's DOM cannot see into it
      root.innerHTML =
        '<style>' + SHEET_CSS + '</style>' +
        '<div class="sheet">' +
        '  <div class="grab"></div>' +
        '  <h2>Бисквитки във Вълна</h2>' +
        '  <div class="first">' +
        '    <p>Използваме бисквитки, за да анализираме как ползвате приложението и да ви показваме персонализирани оферти.</p>' +
        '    <button class="all">Приемам всички</button>' +
        '    <button class="more">Настройки</button>' +
        '  </div>' +
        '  <div class="second" hidden>' +
        '    <p>Изберете кои бисквитки разрешавате.</p>' +
        '    <label class="purpose"><span>Необходими<small>Винаги активни — нужни са за работата на приложението</small></span>' +
        '      <input type="checkbox" name="necessary" checked disabled></label>' +
        '    <label class="purpose"><span>Анализ<small>Статистика за това как се ползва приложението</small></span>' +
        '      <input type="checkbox" name="analytics" checked></label>' +
        '    <label class="purpose"><span>Персонализирани оферти<small>Пакети и отстъпки според начина, по който ползвате услугите</small></span>' +
        '      <input type="checkbox" name="offers" checked></label>' +
        '    <button class="save">Запази избора</button>' +
        '  </div>' +
        '</div>';
      var self = this;
      root.querySelector('.all').addEventListener('click', function () {
        self.answer({necessary: true, analytics: true, offers: true});
      });
      root.querySelector('.more').addEventListener('click', function () {
        root.querySelector('.first').hidden = true;
        root.querySelector('.second').hidden = false;
      });
      root.querySelector('.save').addEventListener('click', function () {
        self.answer({necessary: true, analytics: root.querySelector('[name=analytics]').checked,
                     offers: root.querySelector('[name=offers]').checked});
      });
    }
    answer(choice) {
      localStorage.setItem(P + 'consent', JSON.stringify(choice));
      if (choice.analytics) {
        if (!localStorage.getItem(P + 'analytics-id')) localStorage.setItem(P + 'analytics-id', 'va-' + Math.random().toString(36).slice(2, 10));
      } else {
        localStorage.removeItem(P + 'analytics-id');
      }
      this.remove();
    }
  }
  customElements.define('valna-consent', ValnaConsent);

  function askConsent() {
    if (localStorage.getItem(P + 'consent')) return;          // answered: never shown again
    document.body.appendChild(document.createElement('valna-consent'));
  }

  /* ---------- onboarding: the first launch only ---------- */
  function onboard(done) {
    if (localStorage.getItem(P + 'onboarded')) { done(); return; }
    var box = $('#onboarding'), slides = box.querySelectorAll('.slide'), dots = box.querySelectorAll('.dots span');
    var next = $('#onb-next'), i = 0;
    function draw() {
      slides.forEach(function (s, k) { s.hidden = k !== i; });
      dots.forEach(function (d, k) { d.classList.toggle('on', k === i); });
      next.textContent = i === slides.length - 1 ? 'Започни' : 'Напред';
    }
    function finish() {
      localStorage.setItem(P + 'onboarded', '1');
      box.hidden = true;
      done();
    }
    next.addEventListener('click', function () { if (i < slides.length - 1) { i += 1; draw(); } else finish(); });
    $('#skip').addEventListener('click', finish);
    draw();
    box.hidden = false;
  }

  /* ---------- launch ---------- */
  show('home');
  if (token()) api('me').then(function (r) { if (r.status === 401) { forget(); show(current); } });
  onboard(askConsent);
})();
