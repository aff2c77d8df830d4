/* Dalga Radyo: hash routes (#/, #/kitaplik, #/ayarlar, #/giris, #/kayit, #/tara, #/kamera-izni, #/silindi), screens
   cloned from <template>s into <main id=sahne>; accounts through the corpus server's api/.
   Consent: an IAB TCF v2.2 CMP. @iabtcf/core's GVL loads ./vendor-list.json (four made-up vendors, GVL.baseUrl set
   to this folder: nothing leaves 127.0.0.1); TCModel + TCString.encode make the TC string of what the user chose;
   @iabtcf/cmpapi's CmpApi answers window.__tcfapi, update('', true) while the dialog is up, update(tc, false)
   after. The string is kept in localStorage dalga:tcf (read back at every launch), the app's own summary in
   dalga:riza ({"secim": "kabul"|"red"|"ozel", "amaclar": [...], "ortaklar": [...]}).
   Camera (QR scanner, #/tara): the app's own rationale (Şimdi değil / Devam et) before getUserMedia; a refusal is
   remembered (dalga:kamera = "red") and every later tap shows the «Ayarlara git» rationale instead (no new call). */
import { GVL, TCModel, TCString } from '/vendor/@iabtcf/core/lib/mjs/index.js';
import { CmpApi } from '/vendor/@iabtcf/cmpapi/lib/mjs/index.js';

const K = 'dalga:';
const $ = (id) => document.getElementById(id);
const sahne = $('sahne');

// ---- the CMP ------------------------------------------------------------------------------------------
GVL.baseUrl = new URL('./', location.href).href;
const gvl = new GVL();
const cmpApi = new CmpApi(318, 2, true);
const CMP = { perde: $('cmp'), bir: $('cmp-1'), iki: $('cmp-2'), amaclar: $('cmp-amaclar'), ortaklar: $('cmp-ortaklar') };

function tcString(amaclar, ortaklar) {
  const model = new TCModel(gvl);
  model.cmpId = 318; model.cmpVersion = 2; model.consentScreen = 1;
  model.publisherCountryCode = 'TR'; model.consentLanguage = 'TR'; model.isServiceSpecific = true;
  model.purposeConsents.set(amaclar);
  model.vendorConsents.set(ortaklar);
  return TCString.encode(model);
}
function tumAmaclar() { return Object.keys(gvl.purposes).map(Number); }
function tumOrtaklar() { return Object.keys(gvl.vendors).map(Number); }

function kaydet(secim, amaclar, ortaklar) {
  const tc = tcString(amaclar, ortaklar);
  localStorage.setItem(K + 'tcf', tc);
  localStorage.setItem(K + 'riza', JSON.stringify({ secim, amaclar, ortaklar }));
  cmpApi.update(tc, false);
  CMP.perde.hidden = true;
}
function tercihSatiri(ad, aciklama, deger, tur) {
  const label = document.createElement('label'); label.className = 'tercih';
  const metin = document.createElement('span'); metin.textContent = ad;
  if (aciklama) { const s = document.createElement('small'); s.textContent = aciklama; metin.appendChild(s); }
  const kutu = document.createElement('input'); kutu.type = 'checkbox'; kutu.value = String(deger); kutu.dataset.tur = tur;
  label.append(metin, kutu);
  return label;
}
function isaretli(tur) {
  return [...CMP.iki.querySelectorAll(`input[data-tur=${tur}]`)].filter((k) => k.checked).map((k) => Number(k.value));
}
function cmpGoster() {
  CMP.bir.hidden = false; CMP.iki.hidden = true; CMP.perde.hidden = false;
  cmpApi.update('', true);
}

gvl.readyPromise.then(() => {
  for (const p of Object.values(gvl.purposes)) CMP.amaclar.appendChild(tercihSatiri(p.name, p.description, p.id, 'amac'));
  for (const v of Object.values(gvl.vendors)) CMP.ortaklar.appendChild(tercihSatiri(v.name, 'Amaçlar: ' + v.purposes.join(', '), v.id, 'ortak'));
  $('cmp-kabul').onclick = () => kaydet('kabul', tumAmaclar(), tumOrtaklar());
  $('cmp-red').onclick = () => kaydet('red', [], []);
  $('cmp-yonet').onclick = () => { CMP.bir.hidden = true; CMP.iki.hidden = false; };
  $('cmp-ortak-say').onclick = (e) => { e.preventDefault(); $('cmp-yonet').click(); };
  $('cmp-hepsini-reddet').onclick = () => kaydet('red', [], []);
  $('cmp-hepsini-kabul').onclick = () => kaydet('kabul', tumAmaclar(), tumOrtaklar());
  $('cmp-kaydet').onclick = () => kaydet('ozel', isaretli('amac'), isaretli('ortak'));
  const eski = localStorage.getItem(K + 'tcf');
  if (eski) cmpApi.update(eski, false); else cmpGoster();
});

// ---- accounts -----------------------------------------------------------------------------------------
const oturum = () => localStorage.getItem(K + 'oturum');
async function api(islem, govde) {
  const h = { 'Content-Type': 'application/json' };
  if (oturum()) h.Authorization = 'Bearer ' + oturum();
  const r = await fetch('api/' + islem, { method: 'POST', headers: h, body: JSON.stringify(govde || {}) });
  return { durum: r.status, veri: await r.json() };
}

// ---- screens ------------------------------------------------------------------------------------------
function sablon(id) { return $(id).content.cloneNode(true); }
function satir(html) { const d = document.createElement('div'); d.className = 'satir'; d.innerHTML = html; return d; }
function bolum(ad) { const h = document.createElement('h3'); h.textContent = ad; return h; }

function ayarlar() {
  const kap = document.createElement('div'); kap.className = 'ayar';
  const e = localStorage.getItem(K + 'eposta');
  kap.appendChild(bolum('Hesap'));
  if (oturum()) kap.appendChild(satir(`<span>${e}</span><span class="deger">Ücretsiz plan</span>`));
  else { kap.appendChild(satir('<a href="#/giris">Giriş yap</a>')); kap.appendChild(satir('<a href="#/kayit">Kayıt ol</a>')); }
  const anahtar = (ad, acik) => satir(`<span>${ad}</span><input type="checkbox" aria-label="${ad}"${acik ? ' checked' : ''}>`);
  kap.appendChild(bolum('Oynatma'));
  kap.append(anahtar('Otomatik oynat', true), satir('<span>Ses kalitesi</span><span class="deger">Yüksek</span>'),
    satir('<span>Uyku zamanlayıcısı</span><span class="deger">Kapalı</span>'), anahtar('Sessizlikleri atla', false));
  kap.appendChild(bolum('İndirmeler'));
  kap.append(anahtar('Yalnızca Wi-Fi ile indir', true), satir('<span>İndirme kalitesi</span><span class="deger">Standart</span>'),
    anahtar('Dinlenen bölümleri sil', false));
  kap.appendChild(bolum('Bildirimler'));
  kap.append(anahtar('Yeni bölümler', true), anahtar('Canlı yayın hatırlatıcısı', false), anahtar('Öneriler', false));
  kap.appendChild(bolum('Görünüm'));
  kap.append(satir('<span>Tema</span><span class="deger">Sistem</span>'), satir('<span>Yazı boyutu</span><span class="deger">Orta</span>'),
    satir('<span>Dil</span><span class="deger">Türkçe</span>'));
  kap.appendChild(bolum('Gizlilik'));
  const gizlilik = satir('<a href="#/ayarlar" id="gizlilik-tercihleri">Gizlilik tercihleri</a>');
  gizlilik.querySelector('a').onclick = (ev) => { ev.preventDefault(); cmpGoster(); };
  kap.appendChild(gizlilik);
  kap.appendChild(satir('<span>Kamera izni</span><span class="deger">' + ({ red: 'Reddedildi', izin: 'Verildi' }[localStorage.getItem(K + 'kamera')] || 'Sorulmadı') + '</span>'));
  kap.appendChild(bolum('Depolama'));
  kap.append(satir('<span>Önbellek</span><span class="deger">38 MB</span>'), satir('<span>İndirilenler</span><span class="deger">0 MB</span>'));
  kap.appendChild(bolum('Hakkında'));
  kap.append(satir('<span>Sürüm</span><span class="deger">3.4.1</span>'), satir('<span>Lisanslar</span>'));
  if (oturum()) {
    const cik = satir('<a href="#/ayarlar">Çıkış yap</a>');
    cik.querySelector('a').onclick = () => { api('logout'); localStorage.removeItem(K + 'oturum'); };
    kap.appendChild(cik);
  }
  const gel = document.createElement('details'); gel.className = 'gelismis';
  gel.innerHTML = '<summary>Gelişmiş</summary><div class="icerik"><div class="satir"><span>Hata ayıklama günlüğü</span><input type="checkbox" aria-label="Hata ayıklama günlüğü"></div></div>';
  if (oturum()) {
    const sil = document.createElement('button'); sil.type = 'button'; sil.className = 'tehlike'; sil.textContent = 'Hesabı sil';
    sil.onclick = () => { $('sil-onay').hidden = false; };
    gel.querySelector('.icerik').appendChild(sil);
  }
  kap.appendChild(gel);
  return kap;
}

function form(baslik, islem, gonder) {
  const f = sablon('t-form');
  const el = f.querySelector('form');
  el.querySelector('button').textContent = gonder;
  el.onsubmit = async (ev) => {
    ev.preventDefault();
    const eposta = el.eposta.value.trim(), sifre = el.sifre.value;
    if (!eposta || !sifre) { el.querySelector('.hata').textContent = 'E-posta ve şifre gerekli.'; return; }
    const r = await api(islem, { username: eposta, password: sifre });
    if (r.veri.token) { localStorage.setItem(K + 'oturum', r.veri.token); localStorage.setItem(K + 'eposta', eposta); location.hash = '#/ayarlar'; }
    else el.querySelector('.hata').textContent = islem === 'signup' ? 'Kayıt olunamadı (şifre en az 6 karakter).' : 'E-posta veya şifre hatalı.';
  };
  return [baslik, f];
}

const EKRANLAR = {
  '/': () => ['Dalga', sablon('t-ana')],
  '/kitaplik': () => ['Kitaplık', sablon('t-kitaplik')],
  '/ayarlar': () => ['Ayarlar', ayarlar()],
  '/giris': () => form('Giriş yap', 'login', 'Giriş yap'),
  '/kayit': () => form('Kayıt ol', 'signup', 'Hesap oluştur'),
  '/tara': () => ['QR tara', sablon('t-tarayici')],
  '/kamera-izni': () => ['Kamera izni', sablon('t-izin-yardim')],
  '/silindi': () => ['Hesap silindi', sablon('t-silindi')]
};
const KOK = new Set(['/', '/kitaplik', '/ayarlar', '/silindi']);

function ciz() {
  const yol = location.hash.replace(/^#/, '') || '/';
  const [baslik, icerik] = (EKRANLAR[yol] || EKRANLAR['/'])();
  $('baslik').textContent = baslik;
  $('geri').hidden = KOK.has(yol);
  sahne.className = yol === '/ayarlar' ? 'scrollbox' : '';
  sahne.replaceChildren(icerik);
  sahne.scrollTop = 0;
  document.querySelectorAll('.sekmeler a').forEach((a) => a.classList.toggle('acik', a.dataset.sekme === yol));
  if (yol === '/') $('qr-ac').onclick = tarayiciyaDokun;
  if (yol === '/tara') kameraAc();
}
$('geri').onclick = () => history.back();
window.addEventListener('hashchange', ciz);
ciz();

// ---- deletion -----------------------------------------------------------------------------------------
$('sil-vazgec').onclick = () => { $('sil-onay').hidden = true; };
$('sil-evet').onclick = async () => {
  const r = await api('delete', {});
  $('sil-onay').hidden = true;
  if (r.durum === 200) { localStorage.removeItem(K + 'oturum'); localStorage.removeItem(K + 'eposta'); location.hash = '#/silindi'; }
};

// ---- camera -------------------------------------------------------------------------------------------
let akis = null;
function tarayiciyaDokun() {
  if (localStorage.getItem(K + 'kamera') === 'red') { $('ayar-gerekce').hidden = false; return; }
  if (localStorage.getItem(K + 'kamera') === 'izin') { location.hash = '#/tara'; return; }
  $('gerekce').hidden = false;
}
$('gerekce-hayir').onclick = () => { $('gerekce').hidden = true; };
$('gerekce-evet').onclick = async () => {
  $('gerekce').hidden = true;
  try {
    akis = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    localStorage.setItem(K + 'kamera', 'izin');
    location.hash = '#/tara';
  } catch (hata) {
    localStorage.setItem(K + 'kamera', 'red');
    $('ayar-gerekce').hidden = false;
  }
};
$('ayar-gerekce-kapat').onclick = () => { $('ayar-gerekce').hidden = true; };
$('ayar-gerekce-git').onclick = () => { $('ayar-gerekce').hidden = true; location.hash = '#/kamera-izni'; };
async function kameraAc() {
  try {
    if (!akis) akis = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    const v = $('kamera'); if (v) v.srcObject = akis;
  } catch (hata) {
    localStorage.setItem(K + 'kamera', 'red');
    location.hash = '#/';
  }
}
