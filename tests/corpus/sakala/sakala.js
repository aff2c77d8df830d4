/* Sakala — city bikes from docking stations, on Ionic Framework's web components (@ionic/core, its dist/ionic
   lazy-loading build from node_modules; the controllers imported from its index.esm.js as its docs show for use
   without a bundler). Three tabs (ion-tabs + ion-tab-bar), each tab an ion-nav whose pages are the custom
   elements defined below (ion-back-button in each page's toolbar goes back inside that tab). Accounts: the
   corpus server's api/.

   Consent: the inline ion-modal #nousolek, a bottom sheet (breakpoints [0, 1], initial 1, sized to its content),
   at every launch until answered; canDismiss refuses until a choice is stored (dragging it down or the backdrop
   does nothing). «Nõustu kõigega» and «Keeldu kõigest» are the same ion-button (solid, primary, expand=block);
   «Seaded» (outline) opens the ion-modal #nousolek-seaded on top: two ion-toggles, both off, and «Salvesta valik»
   storing them as shown. The answer in localStorage sakala:nousolek; only an allowed purpose stores anything more
   (sakala:statistika-id + sakala:statistika, sakala:pakkumised); a refusal removes those.

   Location: asked only by «Leia lähim jaam» on the Kaart tab. Refused (PERMISSION_DENIED) the refusal is kept
   (sakala:asukoht = keelatud) and a street field finds the nearest station instead. From then on, at every
   launch, as soon as the consent is settled, the app calls getCurrentPosition by itself; refused again, an
   ion-alert «Asukoht on vajalik» asks the user to allow it («Mitte praegu» / «Luba asukoht», the latter calling
   getCurrentPosition once more). Only a granted position ends this (sakala:asukoht = lubatud). */
import {alertController, toastController} from '/vendor/@ionic/core/dist/ionic/index.esm.js';

const K = 'sakala:';
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));

// ---- stations -------------------------------------------------------------------------------------------------
const JAAMAD = [
  {id: 'vabaduse', nimi: 'Vabaduse väljak', aadress: 'Vabaduse väljak 10', lat: 59.4337, lon: 24.7447, rattaid: 6},
  {id: 'balti', nimi: 'Balti jaam', aadress: 'Toompuiestee 37', lat: 59.4398, lon: 24.7372, rattaid: 3},
  {id: 'viru', nimi: 'Viru keskus', aadress: 'Viru väljak 4', lat: 59.4365, lon: 24.7553, rattaid: 8},
  {id: 'sakala', nimi: 'Sakala', aadress: 'Sakala 3', lat: 59.4318, lon: 24.7486, rattaid: 4},
  {id: 'telliskivi', nimi: 'Telliskivi', aadress: 'Telliskivi 60a', lat: 59.4397, lon: 24.7285, rattaid: 5},
  {id: 'kristiine', nimi: 'Tõnismägi', aadress: 'Endla 4', lat: 59.4310, lon: 24.7365, rattaid: 7},
  {id: 'kadriorg', nimi: 'Kadriorg', aadress: 'Weizenbergi 18', lat: 59.4385, lon: 24.7905, rattaid: 2},
];
// streets without a station of their own: a point on each, to find the station nearest to it
const TANAVAD = [
  ['Pärnu maantee', 59.4290, 24.7470], ['Narva maantee', 59.4390, 24.7680], ['Tartu maantee', 59.4300, 24.7620],
  ['Liivalaia', 59.4280, 24.7560], ['Kentmanni', 59.4330, 24.7540], ['Gonsiori', 59.4372, 24.7650],
  ['Kaupmehe', 59.4305, 24.7420], ['Koidu', 59.4270, 24.7330], ['Kopli', 59.4440, 24.7250],
  ['Estonia puiestee', 59.4350, 24.7500], ['Roosikrantsi', 59.4325, 24.7430], ['Rävala puiestee', 59.4325, 24.7520],
];
const jaam = (id) => JAAMAD.find((j) => j.id === id);
const rattad = (n) => `${n} vaba ${n === 1 ? 'ratas' : 'ratast'}`;

function kaugus(lat1, lon1, lat2, lon2) {            // metres, haversine
  const r = Math.PI / 180, dLat = (lat2 - lat1) * r, dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 6371000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}
const meetrid = (m) => (m < 1000 ? `${Math.round(m / 10) * 10} m` : `${(m / 1000).toFixed(1).replace('.', ',')} km`);

function lahim(lat, lon) {
  return JAAMAD.map((j) => ({j, m: kaugus(lat, lon, j.lat, j.lon)})).sort((a, b) => a.m - b.m)[0];
}

const lihtne = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/\b(mnt|maantee|tn|tanav|pst|puiestee)\b\.?/g, '').replace(/[^a-z0-9 -]/g, '').trim();

function tanavalt(sisend) {
  const q = lihtne(sisend);
  if (q.length < 3) return null;
  const tanav = (aadress) => lihtne(aadress.replace(/\s*\d+\w*$/, ''));
  const oma = JAAMAD.find((j) => tanav(j.aadress).startsWith(q) || lihtne(j.nimi).startsWith(q));
  if (oma) return {j: oma, m: null};
  const leitud = TANAVAD.find(([nimi]) => lihtne(nimi).startsWith(q));
  return leitud ? lahim(leitud[1], leitud[2]) : null;
}

// ---- session and storage ----------------------------------------------------------------------------------------
const token = () => localStorage.getItem(K + 'token');
const kasutaja = () => localStorage.getItem(K + 'kasutaja') || '';

async function api(action, body) {
  const headers = {'Content-Type': 'application/json'};
  if (token()) headers.Authorization = 'Bearer ' + token();
  try {
    const r = await fetch('api/' + action, {method: 'POST', headers, body: JSON.stringify(body || {})});
    return {status: r.status, body: await r.json().catch(() => ({}))};
  } catch (e) {
    return {status: 0, body: {}};
  }
}

function loeNousolek() {
  try { return JSON.parse(localStorage.getItem(K + 'nousolek')); } catch (e) { return null; }
}

function salvestaNousolek(statistika, pakkumised) {
  localStorage.setItem(K + 'nousolek', JSON.stringify({statistika, pakkumised, aeg: new Date().toISOString()}));
  if (statistika) {
    if (!localStorage.getItem(K + 'statistika-id')) localStorage.setItem(K + 'statistika-id', crypto.randomUUID());
  } else {
    localStorage.removeItem(K + 'statistika-id');
    localStorage.removeItem(K + 'statistika');
  }
  if (!pakkumised) localStorage.removeItem(K + 'pakkumised');
}

function loenda(vaade) {                     // usage statistics: only with that purpose allowed
  if (!loeNousolek()?.statistika) return;
  const s = JSON.parse(localStorage.getItem(K + 'statistika') || '{}');
  s[vaade] = (s[vaade] || 0) + 1;
  localStorage.setItem(K + 'statistika', JSON.stringify(s));
}

function margi(jaamId) {                     // personal offers: only with that purpose allowed
  if (!loeNousolek()?.pakkumised) return;
  const p = JSON.parse(localStorage.getItem(K + 'pakkumised') || '{}');
  p[jaamId] = (p[jaamId] || 0) + 1;
  localStorage.setItem(K + 'pakkumised', JSON.stringify(p));
}

function pakkumine() {
  if (!loeNousolek()?.pakkumised) return null;
  const p = Object.entries(JSON.parse(localStorage.getItem(K + 'pakkumised') || '{}')).sort((a, b) => b[1] - a[1])[0];
  return p && p[1] >= 2 ? jaam(p[0]) : null;
}

const soidud = () => JSON.parse(localStorage.getItem(K + 'soidud') || '[]');

function lopetaSessioon() {
  localStorage.removeItem(K + 'token');
  localStorage.removeItem(K + 'kasutaja');
  localStorage.removeItem(K + 'soidud');
}

async function teade(message) {
  const t = await toastController.create({message, duration: 2800, position: 'bottom',
    positionAnchor: document.querySelector('ion-tab-bar')});
  await t.present();
}

// ---- location -------------------------------------------------------------------------------------------------
function asukoht() {
  return new Promise((ok, viga) => navigator.geolocation.getCurrentPosition(ok, viga,
    {enableHighAccuracy: false, timeout: 15000, maximumAge: 60000}));
}

async function lubaUuesti() {
  try {
    const p = await asukoht();
    localStorage.setItem(K + 'asukoht', 'lubatud');
    const l = lahim(p.coords.latitude, p.coords.longitude);
    teade(`Asukoht lubatud. Lähim jaam: ${l.j.nimi}, ${meetrid(l.m)}.`);
  } catch (e) {
    teade(e.code === 1 ? 'Brauser ei lubanud asukohta. Saad selle lubada brauseri saidiseadetes.'
      : 'Asukohta ei õnnestunud määrata.');
  }
}

// at every launch after a refusal: ask again at once, then the app's own alert
async function tuletaMeelde() {
  try {
    await asukoht();
    localStorage.setItem(K + 'asukoht', 'lubatud');
    return;
  } catch (e) {
    if (e.code !== 1) return;
  }
  const alert = await alertController.create({
    header: 'Asukoht on vajalik',
    message: 'Sakala vajab sinu asukohta, et leida lähim jaam ja vabad rattad. Ilma selleta pead jaamu otsima ' +
      'tänava nime järgi.',
    backdropDismiss: false,
    buttons: [{text: 'Mitte praegu', role: 'cancel'}, {text: 'Luba asukoht', handler: () => { lubaUuesti(); }}],
  });
  await alert.present();
}

// ---- pages (ion-nav creates them by tag name) ---------------------------------------------------------------------
const pais = (pealkiri) => '<ion-header><ion-toolbar color="primary"><ion-buttons slot="start">' +
  '<ion-back-button aria-label="Tagasi"></ion-back-button></ion-buttons>' +
  `<ion-title>${esc(pealkiri)}</ion-title></ion-toolbar></ion-header>`;

class Leht extends HTMLElement {
  connectedCallback() {
    if (this.valmis) return;
    this.valmis = true;
    this.joonista();
  }

  joonista() {
    const {pealkiri, sisu} = this.leht();
    this.innerHTML = pais(pealkiri) + `<ion-content class="ion-padding">${sisu}</ion-content>`;
    this.querySelectorAll('ion-item[data-leht]').forEach((rida) => rida.addEventListener('click', () =>
      this.closest('ion-nav').push(rida.dataset.leht)));
    this.querySelectorAll('ion-item[data-jaam]').forEach((rida) => rida.addEventListener('click', () =>
      this.closest('ion-nav').push('sakala-jaam', {jaamId: rida.dataset.jaam})));
    this.seo?.();
    loenda(this.localName);
  }

  $(css) { return this.querySelector(css); }
}

const jaamaRida = (j, lisa) => `<ion-item button detail data-jaam="${j.id}"><ion-label><h2>${esc(j.nimi)}</h2>` +
  `<p>${esc(j.aadress)}${lisa ? ' · ' + esc(lisa) : ''}</p></ion-label>` +
  `<ion-note slot="end">${rattad(j.rattaid)}</ion-note></ion-item>`;

function kaardiPilt() {
  const x = (lon) => ((lon - 24.715) / 0.09) * 320, y = (lat) => ((59.447 - lat) / 0.024) * 150;
  const punktid = JAAMAD.map((j) => `<circle cx="${x(j.lon).toFixed(1)}" cy="${y(j.lat).toFixed(1)}" r="6"/>`).join('');
  return '<svg viewBox="0 0 320 150" role="img" aria-label="Jaamade kaart">' +
    '<rect width="320" height="150" class="maa"/>' +
    '<path class="meri" d="M0 0h320v18c-40 8-70 2-110 10S120 40 80 30 20 22 0 26z"/>' +
    '<path class="tee" d="M0 95 C80 90 140 80 320 70 M60 150 C90 110 110 70 125 20 M150 150 C170 110 185 70 200 25 ' +
    'M210 150 C240 120 270 90 320 85 M0 60 C60 62 120 58 170 50"/>' +
    `<g class="jaam">${punktid}</g></svg>`;
}

customElements.define('sakala-kaart', class extends Leht {
  leht() {
    const pakk = pakkumine();
    return {pealkiri: 'Kaart', sisu:
      `<div class="kaart">${kaardiPilt()}</div>` +
      (pakk ? '<ion-note class="pakkumine">Sinu soodustus: esimesed 30 minutit tasuta jaamast ' +
        `${esc(pakk.nimi)}.</ion-note>` : '') +
      '<ion-button expand="block" class="leia"><ion-icon slot="start" src="ikoonid/asukoht.svg" aria-hidden="true">' +
      '</ion-icon>Leia lähim jaam</ion-button>' +
      '<div class="otsing" hidden><p class="miks"></p>' +
      '<ion-input class="tanav" label="Tänav" label-placement="stacked" fill="outline" ' +
      'placeholder="nt Pärnu maantee" enterkeyhint="search"></ion-input>' +
      '<ion-button expand="block" fill="outline" class="otsi">Otsi jaama</ion-button></div>' +
      '<div class="tulemus" role="status"></div>' +
      '<ion-list class="jaamad"><ion-list-header><ion-label>Jaamad</ion-label></ion-list-header>' +
      JAAMAD.map((j) => jaamaRida(j)).join('') + '</ion-list>'};
  }

  seo() {
    this.$('.leia').addEventListener('click', () => this.leia());
    this.$('.otsi').addEventListener('click', () => this.otsi());
    this.$('.tanav').addEventListener('keydown', (e) => { if (e.key === 'Enter') this.otsi(); });
  }

  naita(l, kuidas) {
    const t = this.$('.tulemus');
    t.innerHTML = `<p><strong>Lähim jaam: ${esc(l.j.nimi)}</strong>${l.m != null ? ', ' + meetrid(l.m) : ''} · ` +
      `${rattad(l.j.rattaid)}</p><p class="vaikne">${esc(kuidas)}</p>` +
      '<ion-button size="small" fill="outline" class="vaata">Vaata jaama</ion-button>';
    t.querySelector('.vaata').addEventListener('click', () =>
      this.closest('ion-nav').push('sakala-jaam', {jaamId: l.j.id}));
    margi(l.j.id);
  }

  async leia() {
    const t = this.$('.tulemus');
    t.innerHTML = '<p class="vaikne">Otsin sinu asukohta…</p>';
    try {
      const p = await asukoht();
      localStorage.setItem(K + 'asukoht', 'lubatud');
      this.$('.otsing').hidden = true;
      const {latitude, longitude} = p.coords;
      this.naita(lahim(latitude, longitude), 'Sinu asukoha järgi.');
      const jrk = JAAMAD.map((j) => ({j, m: kaugus(latitude, longitude, j.lat, j.lon)})).sort((a, b) => a.m - b.m);
      this.$('.jaamad').innerHTML = '<ion-list-header><ion-label>Jaamad sinu lähedal</ion-label></ion-list-header>' +
        jrk.map(({j, m}) => jaamaRida(j, meetrid(m))).join('');
      this.$('.jaamad').querySelectorAll('ion-item[data-jaam]').forEach((rida) => rida.addEventListener('click', () =>
        this.closest('ion-nav').push('sakala-jaam', {jaamId: rida.dataset.jaam})));
    } catch (e) {
      if (e.code === 1) localStorage.setItem(K + 'asukoht', 'keelatud');
      t.innerHTML = '';
      this.$('.miks').textContent = (e.code === 1 ? 'Asukoha kasutamine pole lubatud.'
        : 'Asukohta ei õnnestunud määrata.') + ' Sisesta tänava nimi ja leiame sellele lähima jaama.';
      this.$('.otsing').hidden = false;
    }
  }

  otsi() {
    const q = this.$('.tanav').value || '';
    const l = tanavalt(q);
    if (!l) {
      this.$('.tulemus').innerHTML = `<p>Tänavat „${esc(q.trim())}“ ei leitud. Proovi näiteks: Pärnu maantee, ` +
        'Endla, Gonsiori.</p>';
      return;
    }
    this.naita(l, `Tänava „${q.trim()}“ järgi.`);
  }
});

customElements.define('sakala-jaam', class extends Leht {
  leht() {
    const j = jaam(this.jaamId);
    margi(j.id);
    return {pealkiri: j.nimi, sisu: `<h2>${esc(j.nimi)}</h2><p>${esc(j.aadress)}</p>` +
      `<p class="rattad">${rattad(j.rattaid)}</p><p class="vaikne">Sõidu hind 0,15 € minut, esimesed 5 minutit ` +
      'tasuta. Ratta saad tagastada ükskõik millisesse jaama.</p>' +
      '<ion-button expand="block" class="broneeri">Broneeri ratas</ion-button><p class="vastus" role="status"></p>'};
  }

  seo() {
    this.$('.broneeri').addEventListener('click', () => {
      const j = jaam(this.jaamId), vastus = this.$('.vastus');
      if (!token()) { vastus.textContent = 'Ratta broneerimiseks logi sisse: Konto → Logi sisse.'; return; }
      if (j.rattaid === 0) { vastus.textContent = 'Selles jaamas pole praegu vabu rattaid.'; return; }
      j.rattaid -= 1;
      const kood = String(1000 + Math.floor(Math.random() * 9000));
      localStorage.setItem(K + 'soidud', JSON.stringify([{jaam: j.nimi, aeg: new Date().toISOString(), kood},
        ...soidud()]));
      this.$('.rattad').textContent = rattad(j.rattaid);
      vastus.textContent = `Ratas on broneeritud. Avamiskood ${kood} kehtib 15 minutit.`;
    });
  }
});

customElements.define('sakala-soidud', class extends Leht {
  leht() {
    if (!token()) {
      return {pealkiri: 'Sõidud', sisu: '<h2>Sinu sõidud</h2><p>Sõitude nägemiseks logi sisse (Konto).</p>'};
    }
    const s = soidud();
    const aeg = (iso) => new Date(iso).toLocaleString('et-EE', {dateStyle: 'short', timeStyle: 'short'});
    return {pealkiri: 'Sõidud', sisu: '<h2>Sinu sõidud</h2>' + (s.length
      ? '<ion-list>' + s.map((x) => `<ion-item><ion-label><h3>${esc(x.jaam)}</h3><p>${esc(aeg(x.aeg))}</p>` +
        `</ion-label><ion-note slot="end">kood ${esc(x.kood)}</ion-note></ion-item>`).join('') + '</ion-list>'
      : '<p>Sul pole veel sõite. Broneeri ratas Kaardi vahekaardilt.</p>')};
  }
});

customElements.define('sakala-konto', class extends Leht {
  leht() {
    if (!token()) {
      return {pealkiri: 'Konto', sisu: '<h2>Tere tulemast!</h2><p>Logi sisse, et rattaid broneerida ja oma sõite ' +
        'näha.</p><div class="nupud"><ion-button expand="block" class="ava-sisene">Logi sisse</ion-button>' +
        '<ion-button expand="block" fill="outline" class="ava-loo">Loo konto</ion-button></div>' +
        '<ion-list><ion-item button detail class="privaatsus"><ion-label>Privaatsus</ion-label></ion-item>' +
        '<ion-item button detail data-leht="sakala-abi"><ion-label>Abi ja kontakt</ion-label></ion-item></ion-list>'};
    }
    return {pealkiri: 'Konto', sisu: `<h2>Tere!</h2><p class="vaikne">Sisse logitud: ${esc(kasutaja())}</p>` +
      '<ion-list>' +
      '<ion-item button detail data-leht="sakala-makseviis"><ion-label>Makseviis</ion-label></ion-item>' +
      '<ion-item button detail data-leht="sakala-konto-seaded"><ion-label>Konto seaded</ion-label></ion-item>' +
      '<ion-item button detail class="privaatsus"><ion-label>Privaatsus</ion-label></ion-item>' +
      '<ion-item button detail data-leht="sakala-abi"><ion-label>Abi ja kontakt</ion-label></ion-item>' +
      '</ion-list><div class="nupud"><ion-button expand="block" fill="outline" class="logi-valja">Logi välja' +
      '</ion-button></div>'};
  }

  seo() {
    const nav = this.closest('ion-nav');
    this.$('.ava-sisene')?.addEventListener('click', () => nav.push('sakala-sisene'));
    this.$('.ava-loo')?.addEventListener('click', () => nav.push('sakala-registreeru'));
    this.$('.privaatsus').addEventListener('click', () => avaSeaded(false));
    this.$('.logi-valja')?.addEventListener('click', async () => {
      await api('logout');
      lopetaSessioon();
      this.joonista();
      teade('Oled välja logitud.');
    });
  }
});

class Vorm extends Leht {
  leht() {
    const {pealkiri, juhis, nupp, uus} = this.vorm();
    return {pealkiri, sisu: `<h2>${esc(juhis)}</h2><form novalidate><ion-list>` +
      '<ion-item><ion-input type="email" name="epost" label="E-post" label-placement="stacked" ' +
      'placeholder="nimi@domeen.ee" autocomplete="email" inputmode="email"></ion-input></ion-item>' +
      '<ion-item><ion-input type="password" name="parool" label="Parool" label-placement="stacked" ' +
      `${uus ? 'helper-text="Vähemalt 6 märki" autocomplete="new-password"' : 'autocomplete="current-password"'}>` +
      '</ion-input></ion-item></ion-list><p class="viga" role="alert"></p>' +
      `<ion-button type="submit" expand="block">${esc(nupp)}</ion-button></form>`};
  }

  seo() {
    const form = this.$('form'), viga = this.$('.viga');
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const username = (this.$('ion-input[name=epost]').value || '').trim();
      const password = this.$('ion-input[name=parool]').value || '';
      if (!username || password.length < 6) {
        viga.textContent = 'Sisesta e-post ja vähemalt 6-märgiline parool.';
        return;
      }
      viga.textContent = '';
      const r = await api(this.vorm().tegevus, {username, password});
      if (r.status === 409) { viga.textContent = 'Selle e-postiga konto on juba olemas. Logi sisse.'; return; }
      if ((r.status !== 200 && r.status !== 201) || !r.body.token) {
        viga.textContent = r.status === 401 ? 'Vale e-post või parool.' : 'Midagi läks valesti. Proovi uuesti.';
        return;
      }
      localStorage.setItem(K + 'token', r.body.token);
      localStorage.setItem(K + 'kasutaja', r.body.username);
      await this.closest('ion-nav').setRoot('sakala-konto');
      teade(this.vorm().tegevus === 'signup' ? 'Konto on loodud. Head sõitu!' : 'Oled sisse logitud.');
    });
  }
}

customElements.define('sakala-registreeru', class extends Vorm {
  vorm() {
    return {pealkiri: 'Loo konto', juhis: 'Loo Sakala konto', nupp: 'Registreeru', uus: true, tegevus: 'signup'};
  }
});

customElements.define('sakala-sisene', class extends Vorm {
  vorm() {
    return {pealkiri: 'Logi sisse', juhis: 'Logi Sakalasse sisse', nupp: 'Logi sisse', uus: false, tegevus: 'login'};
  }
});

customElements.define('sakala-makseviis', class extends Leht {
  leht() {
    return {pealkiri: 'Makseviis', sisu: '<p>Sul pole veel makseviisi lisatud. Sõidud arveldatakse kuu lõpus.</p>' +
      '<ion-button expand="block" fill="outline" class="lisa">Lisa pangakaart</ion-button>'};
  }

  seo() { this.$('.lisa').addEventListener('click', () => teade('Pangakaardi lisamine avaneb peagi.')); }
});

customElements.define('sakala-abi', class extends Leht {
  leht() {
    return {pealkiri: 'Abi ja kontakt', sisu: '<h2>Kuidas saame aidata?</h2><p>Ratas ei avane või jaam on täis? ' +
      'Helista klienditoele 600 1234 (iga päev 7–23) või kirjuta aadressile tugi@sakala.ee.</p>'};
  }
});

customElements.define('sakala-konto-seaded', class extends Leht {
  leht() {
    return {pealkiri: 'Konto seaded', sisu: '<ion-list>' +
      `<ion-item><ion-label><p>E-post</p><h3>${esc(kasutaja())}</h3></ion-label></ion-item>` +
      '<ion-item button detail data-leht="sakala-parool"><ion-label>Muuda parooli</ion-label></ion-item>' +
      '<ion-item button detail class="kustuta"><ion-label>Kustuta konto</ion-label></ion-item>' +
      '</ion-list>'};
  }

  seo() {
    this.$('.kustuta').addEventListener('click', async () => {
      const kinnitus = await alertController.create({
        header: 'Kustuta konto?',
        message: 'Sinu konto ja sõiduajalugu kustutatakse kohe. Seda ei saa tagasi võtta.',
        buttons: [{text: 'Tühista', role: 'cancel'}, {text: 'Kustuta', handler: () => { kustuta(); }}],
      });
      await kinnitus.present();
    });
  }
});

customElements.define('sakala-parool', class extends Leht {
  leht() {
    return {pealkiri: 'Muuda parooli', sisu: `<p>Saadame parooli muutmise lingi aadressile ${esc(kasutaja())}.</p>` +
      '<ion-button expand="block" class="saada">Saada link</ion-button>'};
  }

  seo() { this.$('.saada').addEventListener('click', () => teade('Link on saadetud. Vaata oma postkasti.')); }
});

customElements.define('sakala-kustutatud', class extends Leht {
  leht() {
    return {pealkiri: 'Konto', sisu: '<h2>Sinu konto on kustutatud.</h2><p>Kõik sinu andmed ja sõiduajalugu on ' +
      'eemaldatud. Aitäh, et sõitsid Sakalaga!</p>' +
      '<ion-button expand="block" fill="outline" class="edasi">Tagasi avalehele</ion-button>'};
  }

  seo() { this.$('.edasi').addEventListener('click', () => this.closest('ion-nav').setRoot('sakala-konto')); }
});

async function kustuta() {
  const r = await api('delete', {});
  if (r.status !== 200) { teade('Konto kustutamine ebaõnnestus. Proovi uuesti.'); return; }
  lopetaSessioon();
  await document.getElementById('nav-konto').setRoot('sakala-kustutatud');
}

// ---- tabs: a tab's root page is drawn again when the tab is opened (the session may have changed meanwhile);
// tapping the open tab goes back to its first page --------------------------------------------------------------
const vahekaardid = document.getElementById('vahekaardid');
const juur = {kaart: 'sakala-kaart', soidud: 'sakala-soidud', konto: 'sakala-konto'};

vahekaardid.addEventListener('ionTabsWillChange', async (e) => {
  const nav = document.getElementById('nav-' + e.detail.tab);
  if (!nav || (await nav.getLength()) !== 1) return;
  const leht = (await nav.getActive())?.element;
  if (leht && leht.localName === juur[e.detail.tab]) leht.joonista();
});

document.addEventListener('ionTabButtonClick', async (e) => {
  const tab = e.detail.tab;
  if (tab !== (await vahekaardid.getSelected())) return;
  const nav = document.getElementById('nav-' + tab);
  const leht = (await nav.getActive())?.element;
  if ((await nav.getLength()) > 1 || (leht && leht.localName !== juur[tab])) nav.setRoot(juur[tab]);
});

// ---- consent ------------------------------------------------------------------------------------------------------
const leht1 = document.getElementById('nousolek'), leht2 = document.getElementById('nousolek-seaded');
let vastatud = !!loeNousolek();
let vastus = null;
const vastuseOotus = new Promise((ok) => { vastus = ok; });

leht1.breakpoints = [0, 1];
leht1.initialBreakpoint = 1;
leht1.backdropDismiss = false;
leht1.canDismiss = async () => vastatud;      // answered only by its buttons

async function vasta(statistika, pakkumised) {
  salvestaNousolek(statistika, pakkumised);
  vastatud = true;
  await Promise.all([leht2.dismiss(), leht1.dismiss()]);
  vastus();
}

async function avaSeaded(esimeneKord) {
  const n = esimeneKord ? null : loeNousolek();
  document.getElementById('s-statistika').checked = !!n?.statistika;
  document.getElementById('s-pakkumised').checked = !!n?.pakkumised;
  await leht2.present();
}

document.getElementById('n-noustu').addEventListener('click', () => vasta(true, true));
document.getElementById('n-keeldu').addEventListener('click', () => vasta(false, false));
document.getElementById('n-seaded').addEventListener('click', () => avaSeaded(true));
document.getElementById('s-tagasi').addEventListener('click', () => leht2.dismiss());
document.getElementById('s-salvesta').addEventListener('click', async () => {
  const statistika = document.getElementById('s-statistika').checked;
  const pakkumised = document.getElementById('s-pakkumised').checked;
  if (vastatud) {                              // changed later from Konto → Privaatsus
    salvestaNousolek(statistika, pakkumised);
    await leht2.dismiss();
    teade('Valik on salvestatud.');
    return;
  }
  vasta(statistika, pakkumised);
});

// ---- launch ---------------------------------------------------------------------------------------------------------
async function kaivita() {
  await customElements.whenDefined('ion-modal');
  if (!vastatud) {
    await leht1.present();
    await vastuseOotus;
  }
  if (localStorage.getItem(K + 'asukoht') === 'keelatud') tuletaMeelde();
}

kaivita();
