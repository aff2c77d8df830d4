/* Warung Segar — groceries delivered (Indonesian). Plain <div>s with click listeners; switches are
   div role=switch aria-checked; reasons are div rows with a drawn dot (no inputs, no roles).
   Launch: the consent modal until answered (warung:izin), then at every launch until «Beri nilai» the rating
   prompt. Location only on «Gunakan lokasi saya». Deletion: Akun → Pengaturan → Privasi → Hapus akun → a
   reason (required) → Lanjut → type HAPUS → Hapus akun permanen → deleted at once, logged out. */
(function () {
  'use strict';
  var page = document.querySelector('.page'), ttl = document.querySelector('.ttl');
  var backEl = document.querySelector('.back'), tabs = document.querySelector('.tabs');
  var history = [];
  var mem = {
    get: function (k) { return localStorage.getItem('warung:' + k); },
    set: function (k, v) { localStorage.setItem('warung:' + k, v); },
    del: function (k) { localStorage.removeItem('warung:' + k); }
  };
  function div(cls, text) { var e = document.createElement('div'); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function act(text, cls, fn) { var e = div(cls, text); e.addEventListener('click', fn); return e; }
  function input(parent, hint, type) {
    var i = document.createElement('input'); i.type = type || 'text'; i.placeholder = hint; i.className = 'inp';
    parent.appendChild(i); return i;
  }
  function call(action, body) {
    var headers = {'Content-Type': 'application/json'};
    if (mem.get('token')) headers.Authorization = 'Bearer ' + mem.get('token');
    return fetch('api/' + action, {method: 'POST', headers: headers, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {code: r.status, data: j}; }); });
  }
  function open(name, arg, again) {
    if (!again) history.push([name, arg]);
    page.innerHTML = '';
    ttl.textContent = PAGES[name](page, arg);
    backEl.hidden = history.length < 2;
    Array.prototype.forEach.call(tabs.children, function (t) { t.classList.toggle('sel', t.dataset.page === history[0][0]); });
  }
  function reset(name) { history = []; open(name); }
  backEl.addEventListener('click', function () {
    if (history.length > 1) { history.pop(); var t = history[history.length - 1]; open(t[0], t[1], true); }
  });

  var PAGES = {
    beranda: function (p) {
      p.appendChild(div('hello', 'Belanja sayur dan buah segar, diantar hari ini.'));
      var addr = div('addr', 'Kirim ke: ' + (mem.get('alamat') || 'belum ada alamat'));
      addr.appendChild(act('Ubah', 'chip', function () { open('alamat'); }));
      p.appendChild(addr);
      [['Bayam segar', 'Rp 5.000 / ikat'], ['Tomat merah', 'Rp 12.000 / kg'], ['Pisang raja', 'Rp 25.000 / sisir'], ['Telur ayam', 'Rp 28.000 / kg']]
        .forEach(function (g) { var c = act('', 'item', function () { open('produk', g); }); c.appendChild(div('nm', g[0])); c.appendChild(div('pr', g[1])); p.appendChild(c); });
      return 'Warung Segar';
    },
    produk: function (p, g) {
      p.appendChild(div('nm big', g[0])); p.appendChild(div('pr', g[1]));
      p.appendChild(act('Tambah ke keranjang', 'btn', function () { mem.set('keranjang', g[0]); open('keranjang'); }));
      return g[0];
    },
    keranjang: function (p) {
      p.appendChild(div('txt', mem.get('keranjang') ? '1 × ' + mem.get('keranjang') : 'Keranjang masih kosong.'));
      return 'Keranjang';
    },
    alamat: function (p) {
      p.appendChild(div('txt', 'Ke mana belanjaan diantar?'));
      var field = input(p, 'Alamat lengkap');
      field.value = mem.get('alamat') || '';
      var note = div('note');
      p.appendChild(act('Gunakan lokasi saya', 'btn ghost', function () {
        if (!navigator.geolocation) { note.textContent = 'Lokasi tidak tersedia. Ketik alamat Anda.'; return; }
        note.textContent = 'Mencari lokasi…';
        navigator.geolocation.getCurrentPosition(function (pos) {
          field.value = 'Titik ' + pos.coords.latitude.toFixed(3) + ', ' + pos.coords.longitude.toFixed(3) + ' (lokasi Anda)';
          note.textContent = 'Lokasi ditemukan.';
        }, function () { note.textContent = 'Izin lokasi ditolak. Tidak apa-apa: ketik alamat Anda di atas.'; });
      }));
      p.appendChild(note);
      p.appendChild(act('Simpan alamat', 'btn', function () {
        if (!field.value.trim()) { note.textContent = 'Alamat belum diisi.'; return; }
        mem.set('alamat', field.value.trim()); reset('beranda');
      }));
      return 'Alamat pengiriman';
    },
    akun: function (p) {
      if (mem.get('token')) {
        p.appendChild(div('who', 'Masuk sebagai ' + mem.get('user')));
        p.appendChild(act('Pesanan saya', 'line', function () { open('pesanan'); }));
        p.appendChild(act('Alamat pengiriman', 'line', function () { open('alamat'); }));
        p.appendChild(act('Pengaturan', 'line', function () { open('pengaturan'); }));
        p.appendChild(act('Keluar', 'line', function () { call('logout').then(function () { mem.del('token'); mem.del('user'); reset('akun'); }); }));
      } else {
        p.appendChild(act('Masuk', 'line', function () { open('masuk'); }));
        p.appendChild(act('Daftar', 'line', function () { open('daftar'); }));
        p.appendChild(act('Bantuan', 'line', function () { open('bantuan'); }));
      }
      return 'Akun';
    },
    pesanan: function (p) { p.appendChild(div('txt', 'Belum ada pesanan.')); return 'Pesanan saya'; },
    bantuan: function (p) { p.appendChild(div('txt', 'Ada pertanyaan? Tulis ke kami lewat menu ini.')); return 'Bantuan'; },
    pengaturan: function (p) {
      p.appendChild(act('Bahasa', 'line', function () { open('bahasa'); }));
      p.appendChild(act('Notifikasi promo', 'line', function () { open('promo'); }));
      p.appendChild(act('Privasi', 'line', function () { open('privasi'); }));
      return 'Pengaturan';
    },
    bahasa: function (p) { p.appendChild(div('txt', 'Bahasa Indonesia')); return 'Bahasa'; },
    promo: function (p) { p.appendChild(div('txt', 'Promo dikirim lewat email setiap Jumat.')); return 'Notifikasi promo'; },
    privasi: function (p) {
      p.appendChild(act('Pilihan cookie', 'line', function () { consent(true); }));
      p.appendChild(act('Unduh data saya', 'line', function () { open('unduh'); }));
      p.appendChild(act('Hapus akun', 'line', function () { open('alasan'); }));
      return 'Privasi';
    },
    unduh: function (p) { p.appendChild(div('txt', 'Data Anda akan dikirim ke email dalam 3 hari.')); return 'Unduh data saya'; },
    alasan: function (p) {
      p.appendChild(div('txt', 'Kenapa Anda ingin menghapus akun? Pilih satu.'));
      var chosen = null, rows = [];
      ['Jarang belanja online', 'Harga terlalu mahal', 'Pengiriman lambat', 'Alasan lain'].forEach(function (r) {
        var row = act('', 'pick', function () { chosen = r; rows.forEach(function (x) { x.classList.toggle('on', x === row); }); warn.textContent = ''; });
        row.appendChild(div('dot')); row.appendChild(div('lbl', r)); rows.push(row); p.appendChild(row);
      });
      var warn = div('note');
      p.appendChild(act('Lanjut', 'btn', function () {
        if (!chosen) { warn.textContent = 'Pilih salah satu alasan dulu.'; return; }
        open('ketik', chosen);
      }));
      p.appendChild(warn);
      return 'Hapus akun';
    },
    ketik: function (p, reason) {
      p.appendChild(div('txt', 'Semua pesanan, alamat, dan poin Anda akan hilang. Ketik HAPUS untuk melanjutkan.'));
      var word = input(p, 'Ketik HAPUS');
      var go = act('Hapus akun permanen', 'btn danger off', function () {
        if (word.value.trim() !== 'HAPUS') return;
        call('delete', {reason: reason}).then(function (r) {
          if (r.code !== 200) { warn.textContent = 'Gagal menghapus akun. Coba lagi.'; return; }
          mem.del('token'); mem.del('user'); history = [['akun']]; open('terhapus', null, true);
        });
      });
      word.addEventListener('input', function () { go.classList.toggle('off', word.value.trim() !== 'HAPUS'); });
      p.appendChild(go);
      var warn = div('note'); p.appendChild(warn);
      return 'Konfirmasi';
    },
    terhapus: function (p) {
      p.appendChild(div('done', 'Akun Anda telah dihapus.'));
      p.appendChild(div('txt', 'Terima kasih sudah berbelanja di Warung Segar.'));
      return 'Akun dihapus';
    },
    masuk: function (p) { return credentials(p, 'login'); },
    daftar: function (p) { return credentials(p, 'signup'); }
  };

  function credentials(p, action) {
    var email = input(p, 'Email', 'email'), pass = input(p, 'Kata sandi', 'password');
    var note = div('note');
    p.appendChild(act(action === 'login' ? 'Masuk' : 'Buat akun', 'btn', function () {
      if (!email.value || !pass.value) { note.textContent = 'Isi email dan kata sandi.'; return; }
      call(action, {username: email.value.trim(), password: pass.value}).then(function (r) {
        if (r.code === 200 || r.code === 201) {
          if (!r.data.token) { note.textContent = 'Akun ini tidak bisa dipakai.'; return; }
          mem.set('token', r.data.token); mem.set('user', r.data.username); reset('akun'); return;
        }
        note.textContent = {taken: 'Email ini sudah terdaftar.', wrong: 'Email atau kata sandi salah.', invalid: 'Kata sandi minimal 6 huruf.'}[r.data.error] || 'Coba lagi.';
      });
    }));
    p.appendChild(note);
    return action === 'login' ? 'Masuk' : 'Daftar';
  }

  [['Beranda', 'beranda'], ['Keranjang', 'keranjang'], ['Akun', 'akun']].forEach(function (t) {
    var e = act(t[0], 'tab', function () { reset(t[1]); }); e.dataset.page = t[1]; tabs.appendChild(e);
  });
  reset('beranda');

  /* the consent modal: first layer two identical buttons; «Atur pilihan» shows three switches, two on */
  function consent(fromSettings) {
    var stored = mem.get('izin') ? JSON.parse(mem.get('izin')) : null;
    var shade = div('shade'), box = div('modal');
    box.setAttribute('role', 'dialog'); box.setAttribute('aria-modal', 'true');
    function first() {
      box.innerHTML = '';
      box.appendChild(div('mh', 'Kami menghargai privasi Anda'));
      box.appendChild(div('mt', 'Warung Segar memakai cookie untuk statistik, iklan yang sesuai minat Anda, dan berbagi data dengan mitra.'));
      box.appendChild(act('Terima semua', 'mbtn', function () { save({statistik: true, iklan: true, mitra: true}); }));
      box.appendChild(act('Atur pilihan', 'mbtn', layer2));
    }
    function layer2() {
      box.innerHTML = '';
      box.appendChild(div('mh', 'Atur pilihan'));
      var now = stored || {statistik: true, iklan: true, mitra: false};
      var keys = [['statistik', 'Statistik pemakaian'], ['iklan', 'Iklan sesuai minat'], ['mitra', 'Berbagi data dengan mitra']];
      keys.forEach(function (k) {
        var line = div('sw-line'); line.appendChild(div('sw-lbl', k[1]));
        var sw = div('sw'); sw.setAttribute('role', 'switch'); sw.setAttribute('aria-label', k[1]); sw.tabIndex = 0;
        function paint() { sw.setAttribute('aria-checked', now[k[0]] ? 'true' : 'false'); }
        sw.addEventListener('click', function () { now[k[0]] = !now[k[0]]; paint(); });
        paint(); line.appendChild(sw); box.appendChild(line);
      });
      box.appendChild(act('Simpan pilihan', 'mbtn', function () { save({statistik: now.statistik, iklan: now.iklan, mitra: now.mitra}); }));
    }
    function save(choice) {
      choice.waktu = Date.now(); mem.set('izin', JSON.stringify(choice)); shade.remove();
      if (!fromSettings) setTimeout(rating, 400);
    }
    first();
    shade.appendChild(box); document.body.appendChild(shade);
  }

  /* the rating prompt: at every launch (after consent) until «Beri nilai» */
  function rating() {
    if (mem.get('dinilai')) return;
    var shade = div('shade'), box = div('modal small');
    box.appendChild(div('mh', 'Suka aplikasinya?'));
    box.appendChild(div('mt', 'Beri kami bintang lima, hanya butuh sebentar.'));
    var row = div('pair');
    row.appendChild(act('Nanti', 'mbtn plain', function () { shade.remove(); }));
    row.appendChild(act('Beri nilai', 'mbtn', function () { mem.set('dinilai', '1'); shade.remove(); }));
    box.appendChild(row);
    shade.appendChild(box); document.body.appendChild(shade);
  }

  if (mem.get('izin')) setTimeout(rating, 400); else setTimeout(function () { consent(false); }, 200);
}());
