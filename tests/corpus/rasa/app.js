/* Rasa: screens drawn into <main>; accounts through the corpus server's api/. Every control is a
   <div role=button tabindex=0 aria-label=…> (Enter / Space act as a click). Navigation only through the bottom sheet
   (#helaian) opened by the floating «Menu» button. Consent answer in localStorage rasa:persetujuan as JSON
   {pilihan: terima|tolak, tujuan: {analitik, iklan}}; Terima also stores an analytics id rasa:id-analitik, Tolak
   nothing else. The bar is the last block of the home page, in the flow, until answered. Camera: getUserMedia only
   on «Imbas resipi». */
(function () {
  'use strict';
  var P = 'rasa:';
  var skrin = document.getElementById('skrin');
  var tajuk = document.getElementById('tajuk');
  var fab = document.getElementById('fab');
  var tirai = document.getElementById('tirai');
  var helaian = document.getElementById('helaian');
  var strim = null;

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
  function aktif(e, fn) {
    e.addEventListener('click', function (ev) { ev.preventDefault(); fn(ev); });
    e.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); fn(ev); }
    });
  }
  function butang(text, cls, fn) {
    var b = el('div', cls, text);
    b.setAttribute('role', 'button'); b.tabIndex = 0; b.setAttribute('aria-label', text);
    aktif(b, fn);
    return b;
  }
  function baris(text, fn, cls) { var b = butang(text, 'baris' + (cls ? ' ' + cls : ''), fn); skrin.appendChild(b); return b; }
  function medan(parent, id, label, type) {
    var l = el('label', '', label); l.htmlFor = id; parent.appendChild(l);
    var i = el('input'); i.id = id; i.type = type; i.autocomplete = 'off'; parent.appendChild(i);
    return i;
  }
  function keluar() { localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); }

  var RESIPI = [
    ['Nasi lemak', 'Santan, sambal ikan bilis dan telur rebus · 45 minit', '#f6d7a7'],
    ['Rendang daging', 'Dimasak perlahan dengan kerisik · 3 jam', '#b9773f'],
    ['Laksa Penang', 'Kuah asam ikan kembung · 1 jam', '#e9a36b'],
    ['Roti jala', 'Kuning kunyit, dimakan dengan kari · 30 minit', '#f3e08b'],
    ['Ayam percik', 'Dibakar dengan kuah santan pedas · 1 jam', '#d77a4a'],
    ['Kuih seri muka', 'Pulut dan lapisan pandan · 1 jam 30 minit', '#9fd08a'],
    ['Mee goreng mamak', 'Pedas manis dengan tauhu · 25 minit', '#d9944f'],
    ['Sayur lodeh', 'Sayur campur dalam kuah santan · 40 minit', '#c8dc8f'],
    ['Ikan bakar', 'Dengan air asam · 35 minit', '#8fb9c9'],
    ['Cendol', 'Gula Melaka dan santan · 20 minit', '#a7d8b0']
  ];
  function kad(r) {
    var c = el('div', 'kad');
    var g = el('div', 'gambar'); g.style.background = r[2]; c.appendChild(g);
    c.appendChild(el('h3', '', r[0])); c.appendChild(el('p', '', r[1]));
    return c;
  }

  function barPersetujuan() {
    var bar = el('div', 'persetujuan');
    bar.appendChild(el('p', '', 'Kami menggunakan kuki untuk mengukur penggunaan aplikasi dan memaparkan iklan yang sesuai dengan anda. Anda boleh menerima atau menolaknya.'));
    var pas = el('div', 'pasangan');
    pas.appendChild(butang('Terima', 'pilih', function () { simpan('terima'); }));
    pas.appendChild(butang('Tolak', 'pilih', function () { simpan('tolak'); }));
    bar.appendChild(pas);
    return bar;
  }
  function simpan(pilihan) {
    var ya = pilihan === 'terima';
    localStorage.setItem(P + 'persetujuan', JSON.stringify({pilihan: pilihan, tujuan: {analitik: ya, iklan: ya}, masa: new Date().toISOString()}));
    if (ya && !localStorage.getItem(P + 'id-analitik')) localStorage.setItem(P + 'id-analitik', 'rs-' + Math.random().toString(36).slice(2, 12));
    var bar = document.querySelector('.persetujuan');
    if (bar) bar.remove();
  }

  var SKRIN = {
    utama: ['Rasa', function () {
      skrin.appendChild(el('p', 'nota', 'Resipi pilihan minggu ini'));
      RESIPI.forEach(function (r) { skrin.appendChild(kad(r)); });
      if (!localStorage.getItem(P + 'persetujuan')) skrin.appendChild(barPersetujuan());
      skrin.appendChild(el('p', 'kaki', 'Rasa · resipi dari dapur seluruh Malaysia'));
    }],
    cari: ['Cari', function () {
      var f = el('div');
      var i = medan(f, 'cari-teks', 'Nama resipi', 'search');
      var hasil = el('div');
      function cari(nama) {
        hasil.textContent = '';
        var q = nama.trim().toLowerCase();
        var jumpa = RESIPI.filter(function (r) { return q && r[0].toLowerCase().indexOf(q) >= 0; });
        if (!jumpa.length) { hasil.appendChild(el('p', 'nota', q ? 'Tiada resipi ditemui.' : 'Taip nama resipi.')); return; }
        hasil.appendChild(el('p', 'nota', 'Ditemui ' + jumpa.length + ' resipi:'));
        jumpa.forEach(function (r) { hasil.appendChild(kad(r)); });
      }
      i.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { ev.preventDefault(); cari(i.value); } });
      f.appendChild(butang('Cari resipi', 'butang', function () { cari(i.value); }));
      f.appendChild(butang('Imbas resipi', 'butang kedua', function () {
        hasil.textContent = '';
        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
          hasil.appendChild(el('p', 'ralat', 'Kamera tidak tersedia. Taip nama resipi untuk mencarinya.'));
          return;
        }
        navigator.mediaDevices.getUserMedia({video: true}).then(function (s) {
          strim = s;
          var v = el('video'); v.muted = true; v.setAttribute('playsinline', ''); v.srcObject = s; v.play();
          hasil.appendChild(v);
          hasil.appendChild(el('p', 'nota', 'Halakan kamera ke kad resipi…'));
          setTimeout(function () {
            henti();
            if (!hasil.isConnected) return;
            i.value = 'Nasi lemak'; cari('Nasi lemak');
          }, 1500);
        }, function () {
          hasil.appendChild(el('p', 'ralat', 'Akses kamera ditolak. Anda masih boleh menaip nama resipi di atas untuk mencarinya.'));
        });
      }));
      f.appendChild(hasil);
      skrin.appendChild(f);
    }],
    kegemaran: ['Kegemaran', function () {
      skrin.appendChild(el('p', 'nota', token() ? 'Belum ada resipi kegemaran.' : 'Log masuk untuk menyimpan resipi kegemaran.'));
    }],
    profil: ['Profil', function () {
      if (!token()) {
        baris('Log masuk', function () { papar('masuk'); });
        baris('Daftar', function () { papar('daftar'); });
        return;
      }
      skrin.appendChild(el('h2', '', localStorage.getItem(P + 'user')));
      skrin.appendChild(el('p', 'nota', '3 resipi disimpan · ahli sejak hari ini'));
      baris('Log keluar', function () { api('logout'); keluar(); papar('profil'); });
    }],
    tetapan: ['Tetapan', function () {
      skrin.appendChild(el('div', 'seksyen', 'Umum'));
      baris('Bahasa', function () { papar('bahasa'); });
      baris('Pemberitahuan', function () { papar('pemberitahuan'); });
      skrin.appendChild(el('div', 'seksyen', 'Akaun'));
      if (!token()) { skrin.appendChild(el('p', 'nota', 'Log masuk melalui Profil untuk mengurus akaun anda.')); return; }
      baris('Tukar kata laluan', function () { papar('katalaluan'); });
      baris('Padam akaun', function () { papar('padam'); }, 'merah');
    }],
    bahasa: ['Bahasa', function () { skrin.appendChild(el('p', 'nota', 'Bahasa Melayu (lalai).')); }],
    pemberitahuan: ['Pemberitahuan', function () { skrin.appendChild(el('p', 'nota', 'Tiada pemberitahuan dihantar oleh Rasa.')); }],
    katalaluan: ['Tukar kata laluan', function () { skrin.appendChild(el('p', 'nota', 'Ciri ini akan datang tidak lama lagi.')); }],
    padam: ['Padam akaun', function () {
      if (!token()) { skrin.appendChild(el('p', 'nota', 'Log masuk untuk memadam akaun.')); return; }
      var nama = localStorage.getItem(P + 'user');
      var f = el('div');
      f.appendChild(el('p', '', 'Akaun anda dan semua resipi yang disimpan akan dipadam serta-merta.'));
      var arahan = el('p', '', 'Untuk mengesahkan, taip nama pengguna anda: ');
      arahan.appendChild(el('span', 'nama', nama)); f.appendChild(arahan);
      var i = medan(f, 'sah-nama', 'Nama pengguna', 'text');
      var k = el('p', 'ralat'); k.setAttribute('aria-live', 'polite');
      f.appendChild(butang('Padam', 'butang', function () {
        if (i.value.trim() !== nama) { k.textContent = 'Nama pengguna tidak sepadan.'; return; }
        api('delete', {}).then(function (r) {
          if (r.status !== 200) { k.textContent = 'Ralat. Cuba lagi.'; return; }
          keluar(); papar('dipadam');
        });
      }));
      f.appendChild(k);
      skrin.appendChild(f);
    }],
    dipadam: ['Akaun dipadam', function () { skrin.appendChild(el('p', 'siap', 'Akaun anda telah dipadam.')); }],
    masuk: ['Log masuk', function () { borang('login', 'Log masuk'); }],
    daftar: ['Daftar', function () { borang('signup', 'Cipta akaun'); }]
  };

  function borang(action, label) {
    var f = el('div');
    var u = medan(f, action + '-emel', 'E-mel', 'email');
    var p = medan(f, action + '-kata', 'Kata laluan', 'password');
    var k = el('p', 'ralat');
    function hantar() {
      if (!u.value.trim() || !p.value) { k.textContent = 'Isi e-mel dan kata laluan.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim());
          papar('profil'); return;
        }
        k.textContent = {401: 'E-mel atau kata laluan salah.', 409: 'E-mel ini sudah mempunyai akaun.',
                         400: 'Kata laluan mesti sekurang-kurangnya 6 aksara.'}[r.status] || 'Ralat. Cuba lagi.';
      });
    }
    [u, p].forEach(function (x) { x.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { ev.preventDefault(); hantar(); } }); });
    f.appendChild(butang(label, 'butang', hantar));
    f.appendChild(k);
    skrin.appendChild(f);
  }

  function henti() { if (strim) { strim.getTracks().forEach(function (t) { t.stop(); }); strim = null; } }
  function papar(nama) {
    var s = SKRIN[nama];
    henti();
    skrin.textContent = ''; tajuk.textContent = s[0];
    window.scrollTo(0, 0);
    s[1]();
  }

  function bukaMenu() { tirai.hidden = false; helaian.hidden = false; fab.setAttribute('aria-expanded', 'true'); }
  function tutupMenu() { tirai.hidden = true; helaian.hidden = true; fab.setAttribute('aria-expanded', 'false'); }
  aktif(fab, function () { if (helaian.hidden) bukaMenu(); else tutupMenu(); });
  aktif(tirai, tutupMenu);
  document.querySelectorAll('[data-ke]').forEach(function (b) {
    aktif(b, function () { tutupMenu(); papar(b.dataset.ke); });
  });
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape' && !helaian.hidden) tutupMenu(); });

  papar('utama');
}());
