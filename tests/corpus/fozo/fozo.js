// Fozo – receptdobozok házhoz. Preact 10, h() hívásokkal (nincs JSX, nincs build).
import { h, render } from 'preact';
import { useState, useEffect, useRef } from 'preact/hooks';

const K = {
  sutik: 'fozo:sutik', ertesites: 'fozo:ertesites-kerdes', munkamenet: 'fozo:munkamenet', kosar: 'fozo:kosar',
  rendelesek: 'fozo:rendelesek', stat: 'fozo:stat', hirdetes: 'fozo:hirdetes-id', kedvencek: 'fozo:kedvencek',
};
const olvas = (k) => { try { return JSON.parse(localStorage.getItem(k)); } catch (_) { return null; } };
const ir = (k, v) => localStorage.setItem(k, JSON.stringify(v));
const torol = (...kulcsok) => kulcsok.forEach((k) => localStorage.removeItem(k));
const forint = (n) => n.toLocaleString('hu-HU') + ' Ft';

const RECEPTEK = [
  { id: 'lecso', nev: 'Kolbászos lecsó', leiras: 'Kaliforniai paprika, érett paradicsom, füstölt kolbász', perc: 30, ar: 5490 },
  { id: 'paprikas', nev: 'Csirkepaprikás galuskával', leiras: 'Csirkecomb, tejföl, a galuska lisztje kimérve', perc: 45, ar: 6290 },
  { id: 'fozelek', nev: 'Zöldborsó-főzelék tükörtojással', leiras: 'Fiatal borsó, friss petrezselyem, két tojás', perc: 25, ar: 4390 },
  { id: 'harcsa', nev: 'Harcsapaprikás túrós csuszával', leiras: 'Harcsafilé, pirospaprika, tehéntúró, csusza', perc: 40, ar: 6990 },
  { id: 'rakott', nev: 'Rakott krumpli', leiras: 'Burgonya, főtt tojás, kolbász, bő tejföl', perc: 55, ar: 5190 },
];
const OKOK = ['Túl drágának tartom', 'Nincs időm főzni', 'Nem ízlettek a receptek', 'Más okom van'];
const KUPONOK = { FOZO10: 10, NYAR15: 15 };

async function api(muvelet, adat, token) {
  const fej = { 'Content-Type': 'application/json' };
  if (token) fej.Authorization = 'Bearer ' + token;
  const r = await fetch('api/' + muvelet, { method: 'POST', headers: fej, body: JSON.stringify(adat || {}) });
  let valasz = {};
  try { valasz = await r.json(); } catch (_) { /* üres válasz */ }
  return { kod: r.status, valasz };
}

// A megadott sütiválasz betartása: csak az engedélyezett célok hagynak nyomot.
function sutiValaszAlkalmaz(v) {
  if (!v.statisztika) torol(K.stat);
  if (!v.szemelyre) torol(K.kedvencek);
  if (v.marketing) { if (!olvas(K.hirdetes)) ir(K.hirdetes, 'hx-' + Math.random().toString(36).slice(2, 10)); }
  else torol(K.hirdetes);
}

const ikon = (d) => h('svg', { viewBox: '0 0 24 24', width: 24, height: 24, 'aria-hidden': 'true', class: 'ikon' },
  h('path', { d, fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
const IKONOK = {
  menu: 'M4 6h16M4 12h16M4 18h10M18 16v4',
  kosar: 'M3 4h2l2.4 11h10.2L20 8H6.3M9 20a1 1 0 1 0 0-.01M17 20a1 1 0 1 0 0-.01',
  profil: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 3.6-6 8-6s8 2 8 6',
  vissza: 'M15 5l-7 7 7 7',
};

function Fejlec({ cim, vissza }) {
  return h('header', { class: 'fejlec' },
    vissza ? h('button', { type: 'button', class: 'vissza', 'aria-label': 'Vissza', onClick: vissza }, ikon(IKONOK.vissza)) : null,
    h('h1', null, cim));
}

function Kapcsolo({ nev, leiras, be, zarolt, valt }) {
  return h('label', { class: 'cel' },
    h('span', { class: 'cel-szoveg' }, h('span', { class: 'cel-nev' }, nev), h('span', { class: 'cel-leiras' }, leiras)),
    h('span', { class: 'kapcsolo' },
      h('input', { type: 'checkbox', checked: be, disabled: zarolt, onChange: (e) => valt && valt(e.currentTarget.checked) }),
      h('span', { class: 'csuszka', 'aria-hidden': 'true' })));
}

function SutiLap({ fazis, reteg, celok, setReteg, setCelok, valasz }) {
  const allit = (kulcs) => (ertek) => setCelok({ ...celok, [kulcs]: ertek });
  return h('div', { class: 'lap-hatter' + (fazis === 'nyitva' ? ' nyitva' : '') },
    h('div', { class: 'lap' + (fazis === 'nyitva' ? ' nyitva' : ''), role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'suti-cim' },
      reteg === 1 ? [
        h('h2', { id: 'suti-cim' }, 'Sütik a Fozóban'),
        h('p', null, 'Sütiket használunk, hogy a kosarad megmaradjon, lássuk, hogyan használod az alkalmazást, és hozzád illő receptajánlatokat mutassunk.'),
        h('button', { type: 'button', class: 'gomb teli nagy', onClick: () => valasz({ statisztika: true, szemelyre: true, marketing: true }) }, 'Elfogadom'),
        h('a', { href: '#', class: 'halvany-link', onClick: (e) => { e.preventDefault(); setReteg(2); } }, 'Beállítások'),
      ] : [
        h('h2', { id: 'suti-cim' }, 'Sütibeállítások'),
        h(Kapcsolo, { nev: 'Szükséges', leiras: 'A bejelentkezéshez és a kosárhoz kell, nem kapcsolható ki.', be: true, zarolt: true }),
        h(Kapcsolo, { nev: 'Statisztika', leiras: 'Névtelenül mérjük, mely oldalakat nézed.', be: celok.statisztika, valt: allit('statisztika') }),
        h(Kapcsolo, { nev: 'Személyre szabás', leiras: 'A kedvenc ételeid alapján ajánlunk recepteket.', be: celok.szemelyre, valt: allit('szemelyre') }),
        h(Kapcsolo, { nev: 'Marketing', leiras: 'Hirdetési azonosító a partnereink ajánlataihoz.', be: celok.marketing, valt: allit('marketing') }),
        h('button', { type: 'button', class: 'gomb teli', onClick: () => valasz({ ...celok }) }, 'Kiválasztottak mentése'),
      ]));
}

function ErtesitesModal({ valasz }) {
  return h('div', { class: 'modal-hatter' },
    h('div', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'ert-cim' },
      h('div', { class: 'modal-kep', 'aria-hidden': 'true' }, '🚚'),
      h('h2', { id: 'ert-cim' }, 'Értesítsünk a szállításról?'),
      h('p', null, 'Szólunk, amikor a futár elindult a dobozoddal, és amikor letette az ajtód elé. Az alkalmazás értesítések nélkül is ugyanúgy működik.'),
      h('div', { class: 'gombsor' },
        h('button', { type: 'button', class: 'gomb korvonal', onClick: () => valasz(false) }, 'Most nem'),
        h('button', { type: 'button', class: 'gomb teli', onClick: () => valasz(true) }, 'Igen'))));
}

function MenuOldal({ kosar, setKosar, uzen }) {
  const kedvencek = olvas(K.kedvencek) || [];
  const sutik = olvas(K.sutik);
  const ajanlott = sutik && sutik.szemelyre && kedvencek.length ? RECEPTEK.find((r) => r.id === kedvencek[kedvencek.length - 1]) : null;
  const kosarba = (r) => {
    setKosar([...kosar, r.id]);
    if (sutik && sutik.szemelyre) ir(K.kedvencek, [...kedvencek.filter((x) => x !== r.id), r.id]);
    uzen(r.nev + ' a kosárba került.');
  };
  return h('div', { class: 'tartalom' },
    h('p', { class: 'bevezeto' }, 'Kimérve, recepttel együtt szállítjuk – csütörtökön az ajtódnál. Egy doboz két adag.'),
    ajanlott ? h('p', { class: 'ajanlo' }, 'Neked ajánljuk, mert szereted: ' + ajanlott.nev) : null,
    RECEPTEK.map((r) => h('div', { class: 'recept', key: r.id },
      h('div', { class: 'recept-kep', 'aria-hidden': 'true' }),
      h('div', { class: 'recept-adat' },
        h('h3', null, r.nev), h('p', null, r.leiras),
        h('div', { class: 'recept-lab' }, h('span', null, r.perc + ' perc · ' + forint(r.ar)),
          h('button', { type: 'button', class: 'gomb kicsi', onClick: () => kosarba(r) }, 'Kosárba'))))));
}

function KosarOldal({ kosar, setKosar, munkamenet, uzen }) {
  const [kamera, setKamera] = useState('nincs');      // nincs | fut | tiltva
  const [kod, setKod] = useState('');
  const [kupon, setKupon] = useState(null);
  const [hiba, setHiba] = useState('');
  const video = useRef(null);
  const folyam = useRef(null);
  useEffect(() => () => folyam.current && folyam.current.getTracks().forEach((t) => t.stop()), []);
  useEffect(() => { if (kamera === 'fut' && video.current) video.current.srcObject = folyam.current; }, [kamera]);
  const tetelek = kosar.map((id) => RECEPTEK.find((r) => r.id === id)).filter(Boolean);
  const osszeg = tetelek.reduce((s, r) => s + r.ar, 0);
  const vegosszeg = kupon ? Math.round(osszeg * (100 - KUPONOK[kupon]) / 100) : osszeg;
  const beolvas = async () => {
    setHiba('');
    try {
      folyam.current = await navigator.mediaDevices.getUserMedia({ video: true });
      setKamera('fut');
      setTimeout(() => {          // a kupon QR-kódja „beolvasva”
        folyam.current.getTracks().forEach((t) => t.stop());
        setKamera('nincs'); setKupon('FOZO10'); uzen('Kupon beolvasva: FOZO10, 10% kedvezmény.');
      }, 1500);
    } catch (_) { setKamera('tiltva'); }
  };
  const bevalt = (e) => {
    e.preventDefault();
    const k = kod.trim().toUpperCase();
    if (KUPONOK[k]) { setKupon(k); setHiba(''); uzen('Kupon beváltva: ' + k + ', ' + KUPONOK[k] + '% kedvezmény.'); }
    else setHiba('Ilyen kuponkódot nem ismerünk.');
  };
  const rendel = () => {
    if (!munkamenet) { uzen('A rendeléshez jelentkezz be a Profil fülön.'); return; }
    ir(K.rendelesek, [...(olvas(K.rendelesek) || []), { tetelek: kosar, osszeg: vegosszeg, ido: Date.now() }]);
    setKosar([]); setKupon(null); uzen('Köszönjük! A dobozod csütörtökön érkezik.');
  };
  return h('div', { class: 'tartalom' },
    tetelek.length ? tetelek.map((r, i) => h('div', { class: 'tetel', key: i },
      h('span', null, r.nev), h('span', null, forint(r.ar)),
      h('button', { type: 'button', class: 'szovegGomb', onClick: () => setKosar(kosar.filter((_, j) => j !== i)) }, 'Eltávolítás')))
      : h('p', { class: 'ures' }, 'A kosarad üres. Válassz recepteket a Menü fülön.'),
    h('section', { class: 'kupon' },
      h('h2', null, 'Kupon'),
      kupon ? h('p', { class: 'siker' }, 'Beváltott kupon: ' + kupon + ' (−' + KUPONOK[kupon] + '%)')
        : h('p', null, 'A papírkuponod QR-kódját a kamerával olvashatod be.'),
      h('button', { type: 'button', class: 'gomb korvonal', onClick: beolvas }, 'Kupon beolvasása'),
      kamera === 'fut' ? h('video', { ref: video, autoplay: true, muted: true, playsinline: true, class: 'elonezet' }) : null,
      kamera === 'tiltva' ? h('form', { class: 'kezi', onSubmit: bevalt },
        h('p', { class: 'figyelem' }, 'A kamerához nem kaptunk hozzáférést. Írd be a kupon alján lévő kódot:'),
        h('label', { for: 'kuponkod' }, 'Kuponkód'),
        h('input', { id: 'kuponkod', value: kod, autocomplete: 'off', onInput: (e) => setKod(e.currentTarget.value) }),
        h('button', { type: 'submit', class: 'gomb teli' }, 'Beváltás'),
        hiba ? h('p', { class: 'hiba' }, hiba) : null) : null),
    h('div', { class: 'osszesen' }, h('span', null, 'Összesen'), h('strong', null, forint(vegosszeg))),
    h('button', { type: 'button', class: 'gomb teli nagy', disabled: !tetelek.length, onClick: rendel }, 'Megrendelés'));
}

function Mezo({ id, cimke, tipus, ertek, valt, kitolt }) {
  return h('div', { class: 'mezo' },
    h('label', { for: id }, cimke),
    h('input', { id, type: tipus, value: ertek, autocomplete: kitolt, onInput: (e) => valt(e.currentTarget.value) }));
}

function Belepes({ setMunkamenet, ugrik }) {
  const [email, setEmail] = useState('');
  const [jelszo, setJelszo] = useState('');
  const [hiba, setHiba] = useState('');
  const kuld = async (e) => {
    e.preventDefault();
    const { kod, valasz } = await api('login', { username: email.trim(), password: jelszo });
    if (kod === 200 && valasz.status === 'pending') {
      setHiba('Ennek a fióknak a törlése folyamatban van (' + valasz.days + ' nap). Ez idő alatt nem lehet bejelentkezni vele.');
    } else if (kod === 200) setMunkamenet({ token: valasz.token, email: valasz.username });
    else setHiba('Hibás e-mail-cím vagy jelszó.');
  };
  return h('form', { class: 'tartalom', onSubmit: kuld },
    h('p', { class: 'bevezeto' }, 'Jelentkezz be, hogy rendelhess és lásd a korábbi dobozaidat.'),
    h(Mezo, { id: 'be-email', cimke: 'E-mail', tipus: 'email', ertek: email, valt: setEmail, kitolt: 'email' }),
    h(Mezo, { id: 'be-jelszo', cimke: 'Jelszó', tipus: 'password', ertek: jelszo, valt: setJelszo, kitolt: 'current-password' }),
    hiba ? h('p', { class: 'hiba', role: 'alert' }, hiba) : null,
    h('button', { type: 'submit', class: 'gomb teli' }, 'Bejelentkezés'),
    h('p', { class: 'also' }, 'Nincs még fiókod? ',
      h('button', { type: 'button', class: 'szovegGomb', onClick: () => ugrik('regisztracio') }, 'Fiók létrehozása')));
}

function Regisztracio({ setMunkamenet, ugrik }) {
  const [email, setEmail] = useState('');
  const [jelszo, setJelszo] = useState('');
  const [hiba, setHiba] = useState('');
  const kuld = async (e) => {
    e.preventDefault();
    const { kod, valasz } = await api('signup', { username: email.trim(), password: jelszo });
    if (kod === 201) { setMunkamenet({ token: valasz.token, email: valasz.username }); ugrik('fo'); }
    else if (kod === 409) setHiba('Ezzel az e-mail-címmel már van fiókunk.');
    else setHiba('Adj meg egy e-mail-címet és legalább 6 karakteres jelszót.');
  };
  return h('form', { class: 'tartalom', onSubmit: kuld },
    h('p', { class: 'bevezeto' }, 'Egy fiókkal rendelhetsz, és elmentjük a szállítási címedet.'),
    h(Mezo, { id: 'reg-email', cimke: 'E-mail', tipus: 'email', ertek: email, valt: setEmail, kitolt: 'email' }),
    h(Mezo, { id: 'reg-jelszo', cimke: 'Jelszó', tipus: 'password', ertek: jelszo, valt: setJelszo, kitolt: 'new-password' }),
    h('p', { class: 'tipp' }, 'Legalább 6 karakter.'),
    hiba ? h('p', { class: 'hiba', role: 'alert' }, hiba) : null,
    h('button', { type: 'submit', class: 'gomb teli' }, 'Regisztráció'));
}

function ProfilFo({ munkamenet, setMunkamenet, ugrik, uzen }) {
  const ertesitesBe = 'Notification' in window && Notification.permission === 'granted';
  const kilep = async () => { await api('logout', {}, munkamenet.token); setMunkamenet(null); };
  return h('div', { class: 'tartalom' },
    h('div', { class: 'fiok' }, h('span', { class: 'kicsi' }, 'Bejelentkezve'), h('strong', null, munkamenet.email)),
    h('p', { class: 'allapot' }, 'Szállítási értesítések: ' + (ertesitesBe ? 'bekapcsolva' : 'kikapcsolva')),
    h('button', { type: 'button', class: 'sor', onClick: () => uzen('Leadott rendelések: ' + (olvas(K.rendelesek) || []).length) }, 'Rendeléseim'),
    h('button', { type: 'button', class: 'sor', onClick: () => ugrik('adatvedelem') }, 'Adatvédelem és fiók'),
    h('button', { type: 'button', class: 'sor', onClick: kilep }, 'Kijelentkezés'));
}

function Adatvedelem({ ugrik, uzen, sutiBeallitas }) {
  const sor = useRef(null);
  // A „Fiók törlése” sor egy sima div, kattintásfigyelővel (szerep nélkül).
  useEffect(() => {
    const el = sor.current, fn = () => ugrik('ok');
    el.addEventListener('click', fn);
    return () => el.removeEventListener('click', fn);
  }, []);
  return h('div', { class: 'tartalom' },
    h('p', { class: 'bevezeto' }, 'Itt döntheted el, mit tárolunk rólad, és itt kérheted a fiókod törlését.'),
    h('button', { type: 'button', class: 'sor', onClick: sutiBeallitas }, 'Sütibeállítások'),
    h('button', { type: 'button', class: 'sor', onClick: () => uzen('Az adataidat 48 órán belül elküldjük e-mailben.') }, 'Adataim letöltése'),
    h('div', { class: 'sor piros', ref: sor }, 'Fiók törlése'));
}

function Okok({ ok, setOk, ugrik }) {
  return h('div', { class: 'tartalom' },
    h('p', { class: 'bevezeto' }, 'Sajnáljuk, hogy menni készülsz. Mondd el, miért – ez a válasz kötelező.'),
    h('div', { role: 'radiogroup', 'aria-label': 'A törlés oka', class: 'okok' },
      OKOK.map((o) => h('div', { key: o, role: 'radio', tabindex: 0, 'aria-checked': String(ok === o), class: 'ok', onClick: () => setOk(o) },
        h('span', { class: 'pont', 'aria-hidden': 'true' }), o))),
    h('button', { type: 'button', class: 'gomb teli', disabled: !ok, onClick: () => ugrik('maradj') }, 'Tovább'));
}

function Maradj({ ugrik, uzen }) {
  return h('div', { class: 'tartalom' },
    h('p', { class: 'bevezeto' }, 'Ha törlöd a fiókodat, ezek végleg elvesznek:'),
    h('ul', { class: 'veszteseg' },
      h('li', null, 'a korábbi rendeléseid és számláid'),
      h('li', null, 'az elmentett szállítási címeid'),
      h('li', null, 'a kedvenc receptjeid listája'),
      h('li', null, 'a még be nem váltott kuponjaid')),
    h('div', { class: 'dontes' },
      h('button', { type: 'button', class: 'gomb teli egyforma', onClick: () => { ugrik('fo'); uzen('Örülünk, hogy maradsz!'); } }, 'Maradok'),
      h('button', { type: 'button', class: 'gomb korvonal egyforma', onClick: () => ugrik('megerosites') }, 'Törlés folytatása')));
}

function Megerosites({ ok, munkamenet, vege }) {
  const [szo, setSzo] = useState('');
  const [hiba, setHiba] = useState('');
  const jo = szo.trim() === 'TÖRLÉS';
  const torles = async () => {
    const { kod, valasz } = await api('delete', { reason: ok }, munkamenet.token);
    if (kod === 200) vege(valasz.days || 30);
    else setHiba('A törlés most nem sikerült. Jelentkezz be újra, és próbáld meg ismét.');
  };
  return h('div', { class: 'tartalom' },
    h('p', { class: 'bevezeto' }, 'A törlés megerősítéséhez írd be nagybetűkkel a TÖRLÉS szót.'),
    h('div', { class: 'mezo' },
      h('label', { for: 'torles-szo' }, 'Írd be: TÖRLÉS'),
      h('input', { id: 'torles-szo', value: szo, autocomplete: 'off', onInput: (e) => setSzo(e.currentTarget.value) })),
    hiba ? h('p', { class: 'hiba', role: 'alert' }, hiba) : null,
    h('button', { type: 'button', class: 'gomb veszely', disabled: !jo, onClick: torles }, 'Fiók végleges törlése'));
}

function Torolve({ napok, ugrik }) {
  return h('div', { class: 'tartalom kesz' },
    h('h2', null, 'A fiókodat ' + napok + ' nap múlva véglegesen töröljük.'),
    h('p', null, 'Addig a fiókod zárolva van: nem tudsz vele bejelentkezni, és nem küldünk több dobozt. Kijelentkeztettünk.'),
    h('button', { type: 'button', class: 'gomb korvonal', onClick: () => ugrik('menu') }, 'Vissza a menühöz'));
}

const CIMEK = {
  menu: 'Heti menü', kosar: 'Kosár', fo: 'Profil', regisztracio: 'Új fiók', adatvedelem: 'Adatvédelem és fiók',
  ok: 'Miért mész el?', maradj: 'Mielőtt elmész', megerosites: 'Végleges törlés', torolve: 'Kész',
};
const SZULO = { regisztracio: 'fo', adatvedelem: 'fo', ok: 'adatvedelem', maradj: 'ok', megerosites: 'maradj' };

function App() {
  const [ful, setFul] = useState('menu');
  const [profil, setProfil] = useState('fo');
  const [sutik, setSutik] = useState(() => olvas(K.sutik));
  const [fazis, setFazis] = useState('nincs');         // nincs | be | nyitva
  const [reteg, setReteg] = useState(1);
  const [celok, setCelok] = useState({ statisztika: false, szemelyre: true, marketing: true });
  const [ertesitesKerdes, setErtesitesKerdes] = useState(false);
  const [kosar, setKosarAllapot] = useState(() => olvas(K.kosar) || []);
  const [munkamenet, setMunkamenetAllapot] = useState(() => olvas(K.munkamenet));
  const [ok, setOk] = useState(null);
  const [napok, setNapok] = useState(30);
  const [uzenet, setUzenet] = useState('');

  const setKosar = (k) => { setKosarAllapot(k); ir(K.kosar, k); };
  const setMunkamenet = (m) => { setMunkamenetAllapot(m); if (m) ir(K.munkamenet, m); else torol(K.munkamenet); };
  const uzen = (s) => { setUzenet(s); clearTimeout(uzen.t); uzen.t = setTimeout(() => setUzenet(''), 2600); };
  const ugrik = (hova) => {
    if (hova === 'menu') { setFul('menu'); setProfil('fo'); return; }
    if (hova === 'ok') setOk(null);
    setProfil(hova);
  };

  useEffect(() => {                                    // a sütilap 1,5 mp-cel a betöltés után jön fel
    if (sutik) return undefined;
    const t = setTimeout(() => setFazis('be'), 1500);
    return () => clearTimeout(t);
  }, []);
  useEffect(() => {
    if (fazis !== 'be') return;
    requestAnimationFrame(() => requestAnimationFrame(() => setFazis('nyitva')));
  }, [fazis]);
  useEffect(() => {                                    // statisztika csak hozzájárulással
    if (sutik && sutik.statisztika) ir(K.stat, { ...(olvas(K.stat) || {}), [ful]: ((olvas(K.stat) || {})[ful] || 0) + 1 });
  }, [ful, sutik]);

  const sutiValasz = (v) => {
    const tarolt = { statisztika: !!v.statisztika, szemelyre: !!v.szemelyre, marketing: !!v.marketing, ido: new Date().toISOString() };
    ir(K.sutik, tarolt); sutiValaszAlkalmaz(tarolt); setSutik(tarolt); setFazis('nincs'); setReteg(1);
    if (!olvas(K.ertesites)) { ir(K.ertesites, true); setErtesitesKerdes(true); }   // csak egyszer, az első indításkor
  };
  const ertesitesValasz = async (igen) => {
    setErtesitesKerdes(false);
    if (igen && 'Notification' in window) await Notification.requestPermission();
  };
  const sutiBeallitas = () => {
    if (sutik) setCelok({ statisztika: sutik.statisztika, szemelyre: sutik.szemelyre, marketing: sutik.marketing });
    setReteg(2); setFazis('nyitva');
  };
  const vege = (n) => { setNapok(n); setMunkamenet(null); torol(K.rendelesek, K.kedvencek); setProfil('torolve'); };

  let oldal;
  if (ful === 'menu') oldal = h(MenuOldal, { kosar, setKosar, uzen });
  else if (ful === 'kosar') oldal = h(KosarOldal, { kosar, setKosar, munkamenet, uzen });
  else if (profil === 'torolve') oldal = h(Torolve, { napok, ugrik });
  else if (!munkamenet) oldal = profil === 'regisztracio' ? h(Regisztracio, { setMunkamenet, ugrik }) : h(Belepes, { setMunkamenet, ugrik });
  else oldal = {
    fo: () => h(ProfilFo, { munkamenet, setMunkamenet, ugrik, uzen }),
    adatvedelem: () => h(Adatvedelem, { ugrik, uzen, sutiBeallitas }),
    ok: () => h(Okok, { ok, setOk, ugrik }),
    maradj: () => h(Maradj, { ugrik, uzen }),
    megerosites: () => h(Megerosites, { ok, munkamenet, vege }),
  }[profil]();
  const cim = ful !== 'profil' ? CIMEK[ful] : (!munkamenet && profil === 'fo') ? 'Profil' : CIMEK[profil];
  const szulo = ful === 'profil' && (munkamenet || profil === 'regisztracio') ? SZULO[profil] : null;

  const fulek = [['menu', 'Menü'], ['kosar', 'Kosár'], ['profil', 'Profil']];
  return h('div', { class: 'keret' },
    h(Fejlec, { cim, vissza: szulo ? () => setProfil(szulo) : null }),
    h('main', { key: ful + profil }, oldal),
    uzenet ? h('div', { class: 'uzenet', role: 'status' }, uzenet) : null,
    h('nav', { class: 'fulsor' }, fulek.map(([id, szo]) => h('button', {
      type: 'button', key: id, class: 'ful' + (ful === id ? ' aktiv' : ''), 'aria-current': ful === id ? 'page' : null,
      onClick: () => { setFul(id); setProfil('fo'); },
    }, ikon(IKONOK[id]), h('span', null, szo), id === 'kosar' && kosar.length ? h('span', { class: 'jelveny' }, kosar.length) : null))),
    fazis !== 'nincs' ? h(SutiLap, { fazis, reteg, celok, setReteg, setCelok, valasz: sutiValasz }) : null,
    ertesitesKerdes ? h(ErtesitesModal, { valasz: ertesitesValasz }) : null);
}

render(h(App), document.getElementById('app'));
