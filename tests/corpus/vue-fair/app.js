/* Kopitiam: a screen stack with an in-app back; accounts through the corpus server's api/. Consent by
   vue-cookie-accept-decline (answer in localStorage "vue-cookie-accept-decline-kopitiam": accept / decline), mounted
   with a render function. Notifications only on «Beritahu bila siap»; refused, the order's status stays on screen. */
(function () {
  'use strict';
  var P = 'kopitiam:';
  Vue.createApp({
    render: function () {
      return Vue.h(VueCookieAcceptDecline.default, {
        elementId: 'kopitiam', type: 'bar', position: 'bottom', transitionName: 'slideFromBottom',
        disableDecline: false, showPostponeButton: false
      }, {
        message: function () { return 'Kopitiam menggunakan kuki untuk mengingati troli anda dan, jika anda setuju, untuk statistik penggunaan.'; },
        declineContent: function () { return 'Tolak'; },
        acceptContent: function () { return 'Terima'; }
      });
    }
  }).mount('#kuki');

  var skrin = document.getElementById('skrin'), tajuk = document.getElementById('tajuk'), kembali = document.getElementById('kembali');
  var tindanan = [];
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function el(tag, cls, text, parent) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; (parent || skrin).appendChild(e); return e; }
  function senarai(items) {
    var ul = el('ul');
    items.forEach(function (it) { var li = el('li', '', it[0], ul); li.addEventListener('click', it[1]); });
  }
  function butang(text, fn) { var b = el('button', 'butang', text); b.type = 'button'; b.addEventListener('click', fn); return b; }

  var skrinSkrin = {
    menu: ['Kopitiam', function () {
      el('p', '', 'Teh tarik RM3.50 · Kopi O RM2.80 · Roti bakar kaya RM4.20');
      el('p', '', 'Pesan di kaunter, kami sediakan dalam 10 minit.');
    }],
    pesanan: ['Pesanan', function () {
      el('p', '', 'Pesanan #2041: teh tarik, roti bakar kaya — sedang disediakan.');
      var m = el('p', '', '');
      butang('Beritahu bila siap', function () {
        if (!('Notification' in window)) { m.textContent = 'Telefon ini tidak menyokong pemberitahuan. Semak status di skrin ini.'; return; }
        Notification.requestPermission().then(function (r) {
          m.textContent = r === 'granted' ? 'Baik, kami akan beritahu bila pesanan siap.' : 'Pemberitahuan disekat. Semak status pesanan di skrin ini.';
        });
      });
    }],
    akaun: ['Akaun', function () {
      if (!token()) { senarai([['Log masuk', function () { pergi('masuk'); }], ['Daftar', function () { pergi('daftar'); }]]); return; }
      el('p', '', 'Log masuk sebagai ' + localStorage.getItem(P + 'user'));
      senarai([['Tetapan akaun', function () { pergi('tetapan'); }], ['Log keluar', function () { api('logout'); localStorage.removeItem(P + 'token'); mula('akaun'); }]]);
    }],
    tetapan: ['Tetapan akaun', function () {
      senarai([['Tukar kata laluan', function () {}], ['Bahasa', function () {}], ['Padam akaun', function () { pergi('padam'); }]]);
    }],
    padam: ['Padam akaun', function () {
      el('p', '', 'Akaun, mata ganjaran dan sejarah pesanan anda akan dipadam serta-merta.');
      var i = el('input'); i.type = 'text'; i.placeholder = 'Taip PADAM';
      var b = butang('Padam akaun kekal', function () {
        api('delete').then(function (r) {
          if (r.status !== 200) return;
          localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); tindanan = []; tunjuk('dipadam');
        });
      });
      b.disabled = true;
      i.addEventListener('input', function () { b.disabled = i.value.trim() !== 'PADAM'; });
    }],
    dipadam: ['Akaun dipadam', function () { el('p', 'siap', 'Akaun anda telah dipadam.'); }],
    masuk: ['Log masuk', function () { borang('login', 'Log masuk'); }],
    daftar: ['Daftar', function () { borang('signup', 'Daftar akaun'); }]
  };
  function borang(action, label) {
    var u = el('input'); u.type = 'email'; u.placeholder = 'E-mel';
    var p = el('input'); p.type = 'password'; p.placeholder = 'Kata laluan';
    var e = el('p', 'ralat', '');
    butang(label, function () {
      if (!u.value.trim() || !p.value) { e.textContent = 'Sila isi e-mel dan kata laluan.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); mula('akaun'); return; }
        e.textContent = {401: 'E-mel atau kata laluan salah.', 409: 'E-mel ini sudah didaftarkan.', 400: 'Kata laluan mesti sekurang-kurangnya 6 aksara.'}[r.status] || 'Cuba lagi.';
      });
    });
  }
  function tunjuk(nama) {
    var s = skrinSkrin[nama]; skrin.textContent = ''; tajuk.textContent = s[0];
    kembali.hidden = tindanan.length === 0;
    document.querySelectorAll('.tab li').forEach(function (t) { t.classList.toggle('aktif', t.dataset.skrin === nama); });
    s[1]();
  }
  function mula(nama) { tindanan = []; tunjuk(nama); }
  function pergi(nama) { tindanan.push(tajuk.dataset.nama || 'akaun'); tunjuk(nama); tajuk.dataset.nama = nama; }
  kembali.addEventListener('click', function () { var n = tindanan.pop(); if (n) { tunjuk(n); tajuk.dataset.nama = n; } });
  document.querySelectorAll('.tab li').forEach(function (t) { t.addEventListener('click', function () { tajuk.dataset.nama = t.dataset.skrin; mula(t.dataset.skrin); }); });
  tajuk.dataset.nama = 'menu';
  mula('menu');
}());
