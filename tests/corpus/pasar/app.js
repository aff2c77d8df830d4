/* Pasar: screens drawn into <main>; accounts through the corpus server's api/. The consent dialog is a hosted CMP
   in an iframe from http://localhost:<port> (another origin); its postMessage answer (only from that origin) is
   stored in localStorage pasar:persetujuan and the iframe removed. Location only on Toko terdekat. */
(function () {
  'use strict';
  var P = 'pasar:';
  var layar = document.getElementById('layar');
  var judul = document.getElementById('judul');
  var CMP = 'http://localhost:' + location.port;

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
  function baris(text, fn) {
    var b = el('button', 'baris', text); b.type = 'button'; b.addEventListener('click', fn); layar.appendChild(b); return b;
  }

  var TOKO = [['Pasar Kemang', -6.2607, 106.8137], ['Pasar Tebet', -6.2262, 106.8583], ['Pasar Rawamangun', -6.1956, 106.8881],
              ['Pasar Bintaro', -6.2717, 106.7440], ['Pasar Kelapa Gading', -6.1588, 106.9056]];

  var layarLayar = {
    beranda: ['Pasar', function () {
      baris('Toko terdekat', function () { layar.textContent = ''; judul.textContent = 'Toko terdekat'; cariToko(); });
      layar.appendChild(el('h2', '', 'Promo hari ini'));
      [['Beras premium 5 kg', 'Rp 74.900'], ['Minyak goreng 2 L', 'Rp 35.500'], ['Telur ayam 1 kg', 'Rp 28.000']].forEach(function (p) {
        var d = el('div', 'produk', p[0]); d.appendChild(el('br')); d.appendChild(el('strong', '', p[1])); layar.appendChild(d);
      });
    }],
    keranjang: ['Keranjang', function () { layar.appendChild(el('p', '', 'Keranjang Anda masih kosong.')); }],
    akun: ['Akun', function () {
      if (!token()) {
        baris('Masuk', function () { tampil('masuk'); });
        baris('Daftar', function () { tampil('daftar'); });
        return;
      }
      layar.appendChild(el('p', '', 'Halo, ' + localStorage.getItem(P + 'user')));
      baris('Pesanan saya', function () { tampil('pesanan'); });
      baris('Pengaturan', function () { tampil('pengaturan'); });
      baris('Keluar', function () { api('logout'); localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); tampil('akun'); });
    }],
    pesanan: ['Pesanan saya', function () { layar.appendChild(el('p', '', 'Belum ada pesanan.')); }],
    pengaturan: ['Pengaturan', function () {
      baris('Alamat tersimpan', function () { tampil('alamat'); });
      baris('Bahasa', function () { tampil('bahasa'); });
      baris('Hapus akun', function () { document.getElementById('konfirmasi').hidden = false; });
    }],
    alamat: ['Alamat tersimpan', function () { layar.appendChild(el('p', '', 'Belum ada alamat tersimpan.')); }],
    bahasa: ['Bahasa', function () { layar.appendChild(el('p', '', 'Bahasa aplikasi: Bahasa Indonesia.')); }],
    masuk: ['Masuk', function () { formulir('login', 'Masuk'); }],
    daftar: ['Daftar', function () { formulir('signup', 'Buat akun'); }],
    terhapus: ['Akun dihapus', function () { layar.appendChild(el('p', 'selesai', 'Akun Anda telah dihapus.')); }]
  };

  function daftarToko(urut, catatan) {
    if (catatan) layar.appendChild(el('p', 'info', catatan));
    urut.forEach(function (t) {
      var d = el('div', 'toko', t[0]);
      if (t[3] != null) { d.appendChild(el('br')); d.appendChild(el('small', '', t[3].toFixed(1) + ' km')); }
      layar.appendChild(d);
    });
  }
  function cariToko() {
    var tunggu = el('p', '', 'Mencari lokasi Anda…'); layar.appendChild(tunggu);
    navigator.geolocation.getCurrentPosition(function (pos) {
      tunggu.remove();
      var lat = pos.coords.latitude, lon = pos.coords.longitude;
      daftarToko(TOKO.map(function (t) {
        return [t[0], t[1], t[2], Math.hypot(t[1] - lat, (t[2] - lon) * Math.cos(lat * Math.PI / 180)) * 111.2];
      }).sort(function (a, b) { return a[3] - b[3]; }), null);
    }, function () {
      tunggu.remove();
      daftarToko(TOKO.map(function (t) { return [t[0], t[1], t[2], null]; }),
        'Lokasi tidak diizinkan. Berikut semua toko kami; pilih yang paling dekat dengan Anda.');
    });
  }

  function formulir(action, label) {
    var f = el('form');
    var lu = el('label', '', 'Email'); lu.htmlFor = action + '-email'; f.appendChild(lu);
    var u = el('input'); u.id = action + '-email'; u.type = 'email'; f.appendChild(u);
    var lp = el('label', '', 'Kata sandi'); lp.htmlFor = action + '-sandi'; f.appendChild(lp);
    var p = el('input'); p.id = action + '-sandi'; p.type = 'password'; f.appendChild(p);
    var b = el('button', '', label); b.type = 'submit'; f.appendChild(b);
    var k = el('p', 'galat'); f.appendChild(k);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { k.textContent = 'Isi email dan kata sandi.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); tampil('akun'); return; }
        k.textContent = {401: 'Email atau kata sandi salah.', 409: 'Email ini sudah terdaftar.', 400: 'Kata sandi minimal 6 karakter.'}[r.status] || 'Coba lagi.';
      });
    });
    layar.appendChild(f);
  }

  function tampil(name) {
    var s = layarLayar[name];
    layar.textContent = ''; judul.textContent = s[0];
    document.querySelectorAll('[data-tab]').forEach(function (b) {
      if (b.dataset.tab === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    s[1]();
  }
  document.querySelectorAll('[data-tab]').forEach(function (b) { b.addEventListener('click', function () { tampil(b.dataset.tab); }); });

  document.getElementById('batal').addEventListener('click', function () { document.getElementById('konfirmasi').hidden = true; });
  document.getElementById('hapus').addEventListener('click', function () {
    api('delete', {}).then(function (r) {
      document.getElementById('konfirmasi').hidden = true;
      if (r.status !== 200) return;
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      tampil('terhapus');
    });
  });

  // the hosted CMP: an iframe from another origin; its answer arrives by postMessage
  var bingkai = null;
  window.addEventListener('message', function (ev) {
    if (ev.origin !== CMP || !ev.data || (ev.data.pasarPersetujuan !== 'terima' && ev.data.pasarPersetujuan !== 'tolak')) return;
    localStorage.setItem(P + 'persetujuan', ev.data.pasarPersetujuan);
    if (bingkai) { bingkai.remove(); bingkai = null; }
  });

  tampil('beranda');
  if (!localStorage.getItem(P + 'persetujuan')) {
    bingkai = el('iframe', 'cmp'); bingkai.title = 'Persetujuan cookie';
    bingkai.src = CMP + '/pasar/cmp.html';
    document.body.appendChild(bingkai);
  }
}());
