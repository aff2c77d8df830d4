/* Kedai — ordering from neighbourhood shops, every control a Shoelace element (its words slotted light-DOM
   children; the real <button>/<input> in each element's open shadow root). Screens are drawn into <main id=view>
   and kept on a stack; the top bar's sl-icon-button «Kembali» goes back one screen. Accounts: the corpus
   server's api/.
   Consent: sl-dialog#consent at every launch until answered (Escape and the overlay refused through
   sl-request-close): «Tolak semua» and «Terima semua» drawn alike, «Atur» opens sl-dialog#atur (two sl-switches,
   both off, «Simpan pilihan» stores them as shown). The answer in localStorage kedai:persetujuan; only an allowed
   statistics purpose stores anything more (kedai:statistik-id).
   Camera: only on Toko → a shop → a product → «Pindai kode batang» (getUserMedia video); refused, the product's
   barcode is typed into a field and checked the same way. */
await customElements.whenDefined('sl-dialog');
await Promise.all(['sl-button', 'sl-menu', 'sl-menu-item', 'sl-input', 'sl-switch', 'sl-icon-button']
  .map((n) => customElements.whenDefined(n)));

const KEY = 'kedai:';
const $ = (id) => document.getElementById(id);
const view = $('view'), title = $('title'), back = $('back');
let stack = [];
let camera = null;

const token = () => localStorage.getItem(KEY + 'token');
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));

async function api(action, body) {
  const headers = {'Content-Type': 'application/json'};
  if (token()) headers.Authorization = 'Bearer ' + token();
  const r = await fetch('api/' + action, {method: 'POST', headers, body: JSON.stringify(body || {})});
  return {status: r.status, body: await r.json().catch(() => ({}))};
}

function toast(text) {
  const t = $('toast');
  t.textContent = text;
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 2500);
}

// ---- shops and products -------------------------------------------------------------------------------------
const SHOPS = [
  {id: 'sri', name: 'Warung Bu Sri', note: 'Jl. Melati 12 · buka 06.00–21.00', items: [
    ['beras', 'Beras pandan wangi 5 kg', 'Rp 78.000', '8991002101015'],
    ['minyak', 'Minyak goreng 1 liter', 'Rp 18.500', '8991002102029'],
    ['telur', 'Telur ayam 1 kg', 'Rp 29.000', '8991002103033']]},
  {id: 'makmur', name: 'Toko Kelontong Makmur', note: 'Jl. Kenanga 3 · buka 07.00–22.00', items: [
    ['gula', 'Gula pasir 1 kg', 'Rp 17.000', '8992003201011'],
    ['kopi', 'Kopi bubuk 200 g', 'Rp 24.000', '8992003202025'],
    ['sabun', 'Sabun cuci piring 750 ml', 'Rp 15.500', '8992003203039']]},
  {id: 'darto', name: 'Sayur Segar Pak Darto', note: 'Pasar Pagi blok B · buka 05.00–12.00', items: [
    ['tempe', 'Tempe papan', 'Rp 6.000', '8993004301017'],
    ['tahu', 'Tahu putih isi 10', 'Rp 8.000', '8993004302021']]},
];
const shop = (id) => SHOPS.find((s) => s.id === id);
const product = (s, id) => s.items.find((p) => p[0] === id);

function menu(rows) {
  return '<sl-menu>' + rows.map(([to, words]) =>
    `<sl-menu-item data-to="${esc(to)}">${esc(words)}</sl-menu-item>`).join('') + '</sl-menu>';
}

// ---- screens ------------------------------------------------------------------------------------------------
const SCREENS = {
  beranda: () => ({title: 'Kedai', html:
    '<h2>Selamat datang di Kedai</h2><p>Pesan kebutuhan dapur dari warung di sekitar rumah, ambil sendiri atau ' +
    'diantar oleh pemilik warung.</p><p class="muted">Buka tab Toko untuk melihat warung yang buka hari ini.</p>'}),

  toko: () => ({title: 'Toko', html: '<h2>Toko di sekitar Anda</h2>' +
    menu(SHOPS.map((s) => ['shop:' + s.id, s.name]))}),

  shop: (id) => {
    const s = shop(id);
    return {title: s.name, html: `<p class="muted">${esc(s.note)}</p><h2>Produk</h2>` +
      menu(s.items.map((p) => [`product:${s.id}/${p[0]}`, p[1]]))};
  },

  product: (arg) => {
    const [sid, pid] = arg.split('/');
    const p = product(shop(sid), pid);
    return {title: p[1], html:
      `<p class="price">${esc(p[2])}</p><p class="muted">${esc(shop(sid).name)} · kode batang ${esc(p[3])}</p>` +
      '<div class="stack">' +
      '<sl-button variant="primary" id="tambah">Tambah ke keranjang</sl-button>' +
      '<sl-button variant="default" id="pindai">Pindai kode batang</sl-button>' +
      '</div><div class="scan stack" id="scan"></div>',
    after: () => {
      $('tambah').addEventListener('click', () => toast(`${p[1]} masuk ke keranjang.`));
      $('pindai').addEventListener('click', () => scan(p));
    }};
  },

  akun: () => {
    if (!token()) {
      return {title: 'Akun', html: '<h2>Anda belum masuk</h2><p>Masuk untuk memesan dan melihat riwayat belanja.</p>' +
        '<div class="stack"><sl-button variant="primary" id="ke-masuk">Masuk</sl-button>' +
        '<sl-button variant="default" id="ke-daftar">Daftar</sl-button></div>',
      after: () => {
        $('ke-masuk').addEventListener('click', () => open('masuk'));
        $('ke-daftar').addEventListener('click', () => open('daftar'));
      }};
    }
    return {title: 'Akun', html:
      `<h2>Halo!</h2><p class="muted">Masuk sebagai ${esc(localStorage.getItem(KEY + 'user') || '')}</p>` +
      menu([['pesanan', 'Pesanan saya'], ['pengaturan', 'Pengaturan akun']]) +
      '<div class="stack"><sl-button variant="default" id="keluar">Keluar</sl-button></div>',
    after: () => $('keluar').addEventListener('click', async () => {
      await api('logout');
      localStorage.removeItem(KEY + 'token');
      localStorage.removeItem(KEY + 'user');
      tab('akun');
    })};
  },

  pesanan: () => ({title: 'Pesanan saya', html: '<p>Belum ada pesanan.</p>'}),

  pengaturan: () => ({title: 'Pengaturan akun', html:
    `<p class="muted">Email: ${esc(localStorage.getItem(KEY + 'user') || '')}</p>` +
    menu([['alamat', 'Alamat pengiriman'], ['!hapus', 'Hapus akun']])}),

  alamat: () => ({title: 'Alamat pengiriman', html: '<p>Belum ada alamat tersimpan. Pesanan diambil di warung.</p>'}),

  daftar: () => form('Daftar', 'Buat akun Kedai', 'Buat akun', 'signup'),
  masuk: () => form('Masuk', 'Masuk ke Kedai', 'Masuk', 'login'),

  terhapus: () => ({title: 'Akun', html: '<h2>Akun Anda telah dihapus.</h2><p>Semua data akun sudah kami hapus. ' +
    'Terima kasih telah memakai Kedai.</p>'}),
};

function form(heading, lead, submit, action) {
  return {title: heading, html: `<h2>${esc(lead)}</h2><div class="stack">` +
    '<sl-input id="f-email" type="email" placeholder="Email" autocomplete="username"><span slot="label">Alamat email</span></sl-input>' +
    '<sl-input id="f-sandi" type="password" placeholder="Kata sandi" autocomplete="current-password" password-toggle>' +
    '<span slot="label">Kata sandi (minimal 6 karakter)</span></sl-input>' +
    `<sl-button variant="primary" id="f-kirim">${esc(submit)}</sl-button><p class="muted" id="f-pesan"></p></div>`,
  after: () => $('f-kirim').addEventListener('click', async () => {
    const username = $('f-email').value.trim(), password = $('f-sandi').value;
    if (!username || password.length < 6) {
      $('f-pesan').textContent = 'Isi email dan kata sandi (minimal 6 karakter).';
      return;
    }
    const r = await api(action, {username, password});
    if (r.status === 409) { $('f-pesan').textContent = 'Email ini sudah terdaftar. Silakan masuk.'; return; }
    if (r.status !== 200 && r.status !== 201 || !r.body.token) {
      $('f-pesan').textContent = action === 'login' ? 'Email atau kata sandi salah.' : 'Pendaftaran gagal.';
      return;
    }
    localStorage.setItem(KEY + 'token', r.body.token);
    localStorage.setItem(KEY + 'user', r.body.username);
    toast(action === 'login' ? 'Anda sudah masuk.' : 'Akun Anda sudah dibuat.');
    tab('akun');
  })};
}

function stopCamera() {
  if (camera) camera.getTracks().forEach((t) => t.stop());
  camera = null;
}

function render() {
  stopCamera();
  const [name, arg] = stack[stack.length - 1];
  const screen = SCREENS[name](arg);
  title.textContent = screen.title;
  view.innerHTML = screen.html;
  back.hidden = stack.length < 2;
  view.querySelectorAll('sl-menu-item').forEach((row) => row.addEventListener('click', () => {
    const to = row.dataset.to;
    if (to === '!hapus') { $('hapus').show(); return; }
    const [n, a] = to.split(':');
    open(n, a);
  }));
  if (screen.after) screen.after();
  view.scrollTop = 0;
}

function open(name, arg) { stack.push([name, arg]); render(); }

function tab(name) {
  stack = [[name]];
  document.querySelectorAll('#tabs sl-button').forEach((b) => b.classList.toggle('on', b.dataset.tab === name));
  render();
}

back.addEventListener('click', () => { if (stack.length > 1) { stack.pop(); render(); } });
document.querySelectorAll('#tabs sl-button').forEach((b) => b.addEventListener('click', () => tab(b.dataset.tab)));

// ---- the barcode scan: camera asked only here ---------------------------------------------------------------
function checker(p, box) {
  box.insertAdjacentHTML('beforeend',
    '<sl-input id="kode" inputmode="numeric" placeholder="Kode batang"><span slot="label">Ketik kode batang</span></sl-input>' +
    '<sl-button variant="default" id="cek">Cek kode</sl-button><p class="result" id="hasil" role="status"></p>');
  $('cek').addEventListener('click', () => {
    const typed = $('kode').value.replace(/\D/g, '');
    $('hasil').textContent = typed === p[3] ? `Cocok: ${p[1]}, ${p[2]}.` : 'Kode tidak cocok dengan produk ini.';
  });
}

async function scan(p) {
  const box = $('scan');
  box.innerHTML = '';
  try {
    camera = await navigator.mediaDevices.getUserMedia({video: true});
  } catch (e) {
    const refused = e && (e.name === 'NotAllowedError' || e.name === 'SecurityError');
    box.innerHTML = `<p>${refused ? 'Akses kamera tidak diizinkan. Ketik kode batang yang tertera di kemasan.'
      : 'Kamera tidak ditemukan di perangkat ini. Ketik kode batang yang tertera di kemasan.'}</p>`;
    checker(p, box);
    return;
  }
  box.innerHTML = '<p>Kamera aktif — arahkan ke kode batang.</p><video autoplay muted playsinline></video>' +
    '<p class="result" id="hasil" role="status"></p>';
  box.querySelector('video').srcObject = camera;
  // no decoder ships with the corpus: the camera "reads" the product's own code after a moment
  setTimeout(() => {
    const result = $('hasil');
    if (!result || !camera) return;
    result.textContent = `Terbaca ${p[3]} — cocok: ${p[1]}, ${p[2]}.`;
    stopCamera();
  }, 1200);
}

// ---- account deletion -----------------------------------------------------------------------------------------
$('h-batal').addEventListener('click', () => $('hapus').hide());
$('h-hapus').addEventListener('click', async () => {
  const r = await api('delete', {});
  $('hapus').hide();
  if (r.status !== 200) { toast('Akun tidak dapat dihapus. Coba lagi.'); return; }
  localStorage.removeItem(KEY + 'token');
  localStorage.removeItem(KEY + 'user');
  stack = [['terhapus']];
  render();
});

// ---- consent ----------------------------------------------------------------------------------------------------
function decide(statistik, penawaran) {
  localStorage.setItem(KEY + 'persetujuan', JSON.stringify({statistik, penawaran, waktu: new Date().toISOString()}));
  if (statistik) {
    if (!localStorage.getItem(KEY + 'statistik-id')) localStorage.setItem(KEY + 'statistik-id', crypto.randomUUID());
  } else {
    localStorage.removeItem(KEY + 'statistik-id');
  }
  $('consent').hide();
  $('atur').hide();
}

const consent = $('consent'), layer = $('atur');
consent.addEventListener('sl-request-close', (e) => e.preventDefault());   // answered only by its buttons
layer.addEventListener('sl-request-close', (e) => {                        // Escape here: back to the first layer
  if (e.target !== layer) return;
  e.preventDefault();
  layer.hide();
  consent.show();
});
$('c-terima').addEventListener('click', () => decide(true, true));
$('c-tolak').addEventListener('click', () => decide(false, false));
$('c-atur').addEventListener('click', async () => {
  $('s-statistik').checked = false;
  $('s-penawaran').checked = false;
  await consent.hide();
  layer.show();
});
$('c-simpan').addEventListener('click', () => decide($('s-statistik').checked, $('s-penawaran').checked));

tab('beranda');
if (!localStorage.getItem(KEY + 'persetujuan')) consent.show();
