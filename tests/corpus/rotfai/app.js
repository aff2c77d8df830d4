/* รถไฟไทย (rotfai). Consent: @dmstr/cookie-consent reads the popup's classes (index.html); its answer is the cookie
   rotfai_consent (path /rotfai/). Once the consent is answered, the app's own notification pre-prompt, once: only
   «เปิดการแจ้งเตือน» calls Notification.requestPermission; either answer is remembered (rotfai:notif-asked).
   Deletion: โปรไฟล์ → ⋯ (aria-label only) → bottom action sheet → ลบบัญชี → type the word shown → ลบบัญชีถาวร. */
(function () {
  'use strict';
  var P = 'rotfai:';
  var WORD = 'ยืนยัน';
  function $(s) { return document.querySelector(s); }
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function show(name) {
    document.querySelectorAll('main section').forEach(function (s) { s.hidden = s.dataset.screen !== name; });
    document.querySelectorAll('.tabs button').forEach(function (b) {
      if (b.dataset.tab === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    $('#sheet').hidden = true;
    var signed = !!token();
    $('#out').hidden = signed; $('#in').hidden = !signed; $('#more').hidden = !signed;
    $('#who').textContent = signed ? 'บัญชี: ' + localStorage.getItem(P + 'user') : '';
    var n = window.Notification ? Notification.permission : 'denied';
    $('#notif-state').textContent = n === 'granted' ? 'การแจ้งเตือนก่อนรถออก: เปิด' : 'การแจ้งเตือนก่อนรถออก: ปิด';
    if (name === 'confirm') { $('#typed').value = ''; $('#erase').disabled = true; }
  }
  document.querySelectorAll('[data-go]').forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.go); }); });
  document.querySelectorAll('[data-tab]').forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.tab); }); });
  $('#search').addEventListener('click', function () { $('#trips').hidden = false; });

  document.querySelectorAll('form[data-action]').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var fields = f.querySelectorAll('input'), msg = f.querySelector('.msg');
      var u = fields[0].value.trim(), p = fields[1].value;
      if (!u || !p) { msg.textContent = 'กรุณากรอกอีเมลและรหัสผ่าน'; return; }
      api(f.dataset.action, {username: u, password: p}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u); show('profile'); return; }
        msg.textContent = {401: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', 409: 'อีเมลนี้มีบัญชีอยู่แล้ว', 400: 'รหัสผ่านต้องยาวอย่างน้อย 6 ตัวอักษร'}[r.status] || 'ลองอีกครั้ง';
      });
    });
  });

  $('#more').addEventListener('click', function () { $('#sheet').hidden = false; });
  $('#sheet-cancel').addEventListener('click', function () { $('#sheet').hidden = true; });
  $('#sheet').addEventListener('click', function (ev) { if (ev.target === $('#sheet')) $('#sheet').hidden = true; });
  $('#logout').addEventListener('click', function () {
    api('logout'); localStorage.removeItem(P + 'token'); show('profile');
  });
  $('#to-delete').addEventListener('click', function () { show('confirm'); });
  $('#typed').addEventListener('input', function () { $('#erase').disabled = $('#typed').value.trim() !== WORD; });
  $('#erase').addEventListener('click', function () {
    if ($('#typed').value.trim() !== WORD) return;
    api('delete', {}).then(function (r) {
      if (r.status !== 200) return;
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      show('gone');
    });
  });

  function prePrompt() {
    if (localStorage.getItem(P + 'notif-asked')) return;
    $('#pre').hidden = false;
  }
  $('#later').addEventListener('click', function () { localStorage.setItem(P + 'notif-asked', 'later'); $('#pre').hidden = true; });
  $('#enable').addEventListener('click', function () {
    localStorage.setItem(P + 'notif-asked', 'asked');
    $('#pre').hidden = true;
    if (window.Notification) Notification.requestPermission().then(function () { show(document.querySelector('main section:not([hidden])').dataset.screen); });
  });

  show('home');
  var cc = new window.CookieConsent({name: 'rotfai_consent', path: '/rotfai/', expiryDays: 180});
  cc.afterSave = function () { prePrompt(); };
  if (typeof cc.get() !== 'undefined') prePrompt();
}());
