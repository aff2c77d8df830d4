/* سفر (safar). Consent: the app's own bottom sheet; «پذیرش همه» works at once, «رد همه» is disabled for 5 seconds
   with the seconds left in its label, then one tap refuses (safar:kuki, honoured; never shown again).
   First launch only (safar:mojavez-porsideh): geolocation and notifications requested together before anything
   is used; nothing in the app depends on either answer. Deletion: پروفایل → تنظیمات → حساب کاربری → حذف حساب →
   three confirmation screens whose confirm button is on the other side each time → deleted at once. */
(function () {
  'use strict';
  var P = 'safar:';
  var FA = '۰۱۲۳۴۵۶۷۸۹';
  function $(s) { return document.querySelector(s); }
  function faDigits(n) { return String(n).replace(/[0-9]/g, function (d) { return FA[+d]; }); }
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function boro(nam) {
    document.querySelectorAll('main section').forEach(function (s) { s.hidden = s.dataset.safhe !== nam; });
    document.querySelectorAll('[data-zabane]').forEach(function (b) {
      if (b.dataset.zabane === nam) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    $('#birun').hidden = !!token(); $('#darun').hidden = !token();
    $('#ki').textContent = token() ? 'وارد شده با ' + localStorage.getItem(P + 'user') : '';
    var n = window.Notification ? Notification.permission : 'denied';
    $('#vaziat-eelan').textContent = n === 'granted' ? 'اعلان‌ها روشن است.' : 'اعلان‌ها خاموش است.';
  }
  document.querySelectorAll('[data-boro]').forEach(function (b) { b.addEventListener('click', function () { boro(b.dataset.boro); }); });
  document.querySelectorAll('[data-zabane]').forEach(function (b) { b.addEventListener('click', function () { boro(b.dataset.zabane); }); });
  $('#jostoju').addEventListener('click', function () { $('#natayej').hidden = false; });

  document.querySelectorAll('form[data-amal]').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var k = f.querySelectorAll('input'), khata = f.querySelector('.khata');
      var u = k[0].value.trim(), p = k[1].value;
      if (!u || !p) { khata.textContent = 'ایمیل و رمز عبور را وارد کنید.'; return; }
      api(f.dataset.amal, {username: u, password: p}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u); boro('profile'); return; }
        khata.textContent = {401: 'ایمیل یا رمز عبور نادرست است.', 409: 'با این ایمیل قبلاً حساب ساخته شده است.', 400: 'رمز عبور باید دست‌کم ۶ نویسه باشد.'}[r.status] || 'دوباره تلاش کنید.';
      });
    });
  });
  $('#khoruj').addEventListener('click', function () { api('logout'); localStorage.removeItem(P + 'token'); boro('profile'); });
  $('#hazf-nahayi').addEventListener('click', function () {
    api('delete', {}).then(function (r) {
      if (r.status !== 200) return;
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      boro('hazfshod');
    });
  });

  // consent: the refusal counts down from 5 while the accept works at once
  var kuki = $('#kuki'), rad = $('#rad');
  function zakhire(hame) {
    localStorage.setItem(P + 'kuki', JSON.stringify({amar: hame, tablighat: hame}));
    kuki.hidden = true;
  }
  $('#paziresh').addEventListener('click', function () { zakhire(true); });
  rad.addEventListener('click', function () { if (!rad.disabled) zakhire(false); });
  if (!localStorage.getItem(P + 'kuki')) {
    kuki.hidden = false;
    var baghi = 5;
    var saat = setInterval(function () {
      baghi -= 1;
      if (baghi > 0) { rad.textContent = 'رد همه (' + faDigits(baghi) + ')'; return; }
      clearInterval(saat);
      rad.textContent = 'رد همه';
      rad.disabled = false;
    }, 1000);
  }

  // first launch only: location and notifications together, before anything is used
  if (!localStorage.getItem(P + 'mojavez-porsideh')) {
    localStorage.setItem(P + 'mojavez-porsideh', '1');
    if (navigator.geolocation) navigator.geolocation.getCurrentPosition(function () {}, function () {});
    if (window.Notification) Notification.requestPermission().then(function () { boro(document.querySelector('main section:not([hidden])').dataset.safhe); });
  }
  boro('khane');
}());
