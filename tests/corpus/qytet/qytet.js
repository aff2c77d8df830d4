// Qytet Park — paying for street parking in the city. Lit 3, no build step; the shell renders into the light DOM,
// the modals (modalet.js) carry open shadow roots. Pages are real URLs changed by history.pushState: the page is
// in the query (?faqja=biletat), so a reload lands on the same page and the server serves one index.html.
import { LitElement, html, svg, nothing } from "lit";
import { hapModal, vendosRrenjen, kaModalTeHapur, kohezgjatja } from "./modalet.js";
import "./lista.js";

/* ---------- storage (localStorage, keys "qytet:…") ---------- */

const ruajtja = {
  lexo(celesi, parazgjedhje = null) {
    try {
      const v = localStorage.getItem(`qytet:${celesi}`);
      return v === null ? parazgjedhje : JSON.parse(v);
    } catch {
      return parazgjedhje;
    }
  },
  shkruaj(celesi, vlera) {
    localStorage.setItem(`qytet:${celesi}`, JSON.stringify(vlera));
  },
  hiq(celesi) {
    localStorage.removeItem(`qytet:${celesi}`);
  },
};

function idRastesishme() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Math.random().toString(16).slice(2) + Date.now().toString(16);
}

/* ---------- the accounts API of the app's server ---------- */

const BAZA = location.pathname.replace(/[^/]*$/, "");      // "/qytet/"

async function thirr(veprimi, trupi, tokeni) {
  const koka = { "Content-Type": "application/json" };
  if (tokeni) koka.Authorization = `Bearer ${tokeni}`;
  try {
    const p = await fetch(`${BAZA}api/${veprimi}`, { method: "POST", headers: koka, body: JSON.stringify(trupi || {}) });
    let te = {};
    try {
      te = await p.json();
    } catch {
      te = {};
    }
    return { kodi: p.status, te };
  } catch {
    return { kodi: 0, te: {} };
  }
}

/* ---------- the city's parking zones ---------- */

const ZONAT = [
  { nr: 1, emri: "Qendra", cmimi: 150, lat: 41.3275, lon: 19.8187, x: 178, y: 92 },
  { nr: 2, emri: "Blloku", cmimi: 150, lat: 41.3197, lon: 19.8165, x: 120, y: 160 },
  { nr: 3, emri: "Pazari i Ri", cmimi: 100, lat: 41.3303, lon: 19.8262, x: 262, y: 70 },
  { nr: 4, emri: "Ish-Ekspozita", cmimi: 100, lat: 41.3388, lon: 19.8040, x: 70, y: 52 },
  { nr: 5, emri: "Liqeni", cmimi: 50, lat: 41.3105, lon: 19.8210, x: 250, y: 190 },
];

function zonaMeEAfert(lat, lon) {
  let me = ZONAT[0];
  let larg = Infinity;
  for (const z of ZONAT) {
    const d = (z.lat - lat) ** 2 + ((z.lon - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;
    if (d < larg) {
      larg = d;
      me = z;
    }
  }
  return me;
}

const KOHET = [30, 60, 120, 180];

function ora(iso) {
  return new Date(iso).toLocaleTimeString("sq-AL", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

/* ---------- pages ---------- */

const FAQET = {
  harta: { titulli: "Qytet Park", skeda: "harta" },
  biletat: { titulli: "Biletat", skeda: "biletat" },
  profili: { titulli: "Profili", skeda: "profili" },
  hyr: { titulli: "Hyr", skeda: "profili", prind: "profili" },
  regjistrohu: { titulli: "Llogari e re", skeda: "profili", prind: "profili" },
  ndihme: { titulli: "Ndihmë dhe kontakt", skeda: "profili", prind: "profili" },
  cilesimet: { titulli: "Cilësimet", skeda: "profili", prind: "profili", llogari: true },
  largohu: { titulli: "Fshi llogarinë", skeda: "profili", prind: "cilesimet", llogari: true },
  fshirja: { titulli: "Fshi llogarinë", skeda: "profili", prind: "largohu", llogari: true },
  "u-fshi": { titulli: "Qytet Park", skeda: "profili" },
};

function faqjaNgaUrl() {
  const f = new URLSearchParams(location.search).get("faqja");
  return f && FAQET[f] ? f : "harta";
}

function urlEFaqes(faqja) {
  return faqja === "harta" ? BAZA : `${BAZA}?faqja=${encodeURIComponent(faqja)}`;
}

/* ---------- icons (inline SVG) ---------- */

const IKONA = {
  logo: html`<svg class="logo" viewBox="0 0 28 28" aria-hidden="true"><rect width="28" height="28" rx="7" fill="#f2b705"/><path d="M10 22V7h5a4.5 4.5 0 0 1 0 9h-5" fill="none" stroke="#0a3a5e" stroke-width="3" stroke-linejoin="round"/></svg>`,
  prapa: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
  harta: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2.5a7 7 0 0 0-7 7c0 5.2 7 12 7 12s7-6.8 7-12a7 7 0 0 0-7-7zm0 9.6a2.6 2.6 0 1 1 0-5.2 2.6 2.6 0 0 1 0 5.2z" fill="currentColor"/></svg>`,
  biletat: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 7a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v2.2a2.8 2.8 0 0 0 0 5.6V17a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-2.2a2.8 2.8 0 0 0 0-5.6z" fill="currentColor"/><path d="M15 6v12" stroke="#fff" stroke-width="1.4" stroke-dasharray="2 2"/></svg>`,
  profili: html`<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="8" r="4.2" fill="currentColor"/><path d="M3.8 21c.9-4.6 4.2-7 8.2-7s7.3 2.4 8.2 7z" fill="currentColor"/></svg>`,
  shigjete: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9 5l7 7-7 7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
  kujdes: html`<svg viewBox="0 0 48 48" width="56" height="56" aria-hidden="true"><circle cx="24" cy="24" r="22" fill="#fdecc8"/><path d="M24 13v14" stroke="#a66a00" stroke-width="4" stroke-linecap="round"/><circle cx="24" cy="34" r="2.6" fill="#a66a00"/></svg>`,
  kryer: html`<svg viewBox="0 0 48 48" width="56" height="56" aria-hidden="true"><circle cx="24" cy="24" r="22" fill="#dcefe3"/><path d="M14 24.5l7 7 13-14" fill="none" stroke="#1d7a45" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
};

/* ---------- the settings list (rendered virtualised) ---------- */

const CILESIMET_FILLESTARE = {
  kohezgjatja: 60,
  kujtoTargen: true,
  zgjatjaAutomatike: false,
  kohaMbetur: true,
  zonaPreferuar: 0,
  faturaEmail: false,
  temaErret: false,
  tekstiMadh: false,
  satelit: false,
  konfirmoPagesen: true,
};

const RRESHTAT = [
  { id: "t-llogaria", lloji: "titull", teksti: "Llogaria" },
  { id: "email", lloji: "vlere", teksti: "E-maili" },
  { id: "fjalekalimi", lloji: "shko", teksti: "Ndrysho fjalëkalimin" },
  { id: "telefoni", lloji: "shko", teksti: "Numri i telefonit", vlera: "Shto" },
  { id: "automjetet", lloji: "shko", teksti: "Automjetet e mia" },
  { id: "kartat", lloji: "shko", teksti: "Mënyrat e pagesës", vlera: "1 kartë" },
  { id: "t-parkimi", lloji: "titull", teksti: "Parkimi" },
  { id: "kohezgjatja", lloji: "vlere", teksti: "Kohëzgjatja e parazgjedhur" },
  { id: "kujtoTargen", lloji: "celes", teksti: "Kujto targën e fundit" },
  { id: "zgjatjaAutomatike", lloji: "celes", teksti: "Zgjate biletën automatikisht" },
  { id: "kohaMbetur", lloji: "celes", teksti: "Shfaq kohën e mbetur në hartë" },
  { id: "zonaPreferuar", lloji: "vlere", teksti: "Zona e preferuar" },
  { id: "faturaEmail", lloji: "celes", teksti: "Faturë me e-mail pas pagesës" },
  { id: "t-pamja", lloji: "titull", teksti: "Pamja" },
  { id: "gjuha", lloji: "vlere", teksti: "Gjuha", vlera: "Shqip" },
  { id: "temaErret", lloji: "celes", teksti: "Tema e errët" },
  { id: "tekstiMadh", lloji: "celes", teksti: "Tekst më i madh" },
  { id: "satelit", lloji: "celes", teksti: "Harta me pamje satelitore" },
  { id: "njesite", lloji: "vlere", teksti: "Njësitë e distancës", vlera: "Kilometra" },
  { id: "t-pagesat", lloji: "titull", teksti: "Pagesat" },
  { id: "monedha", lloji: "vlere", teksti: "Monedha", vlera: "Lek (ALL)" },
  { id: "konfirmoPagesen", lloji: "celes", teksti: "Kërko konfirmim para pagesës" },
  { id: "nipt", lloji: "shko", teksti: "Fatura me NIPT" },
  { id: "historia", lloji: "shko", teksti: "Historia e pagesave" },
  { id: "t-qyteti", lloji: "titull", teksti: "Qyteti" },
  { id: "qyteti", lloji: "vlere", teksti: "Qyteti", vlera: "Tiranë" },
  { id: "tarifat", lloji: "shko", teksti: "Tarifat e zonave" },
  { id: "orari", lloji: "shko", teksti: "Orari i parkimit me pagesë" },
  { id: "t-privatesia", lloji: "titull", teksti: "Privatësia" },
  { id: "pelqimi", lloji: "shko", teksti: "Preferencat e privatësisë" },
  { id: "politika", lloji: "shko", teksti: "Politika e privatësisë" },
  { id: "shkarko", lloji: "shko", teksti: "Shkarko të dhënat e mia" },
  { id: "t-rreth", lloji: "titull", teksti: "Rreth aplikacionit" },
  { id: "ndihme", lloji: "shko", teksti: "Ndihmë dhe kontakt" },
  { id: "kushtet", lloji: "shko", teksti: "Kushtet e përdorimit" },
  { id: "licencat", lloji: "shko", teksti: "Licencat e softuerit" },
  { id: "versioni", lloji: "vlere", teksti: "Versioni", vlera: "3.2.0" },
  { id: "t-fund", lloji: "titull", teksti: "Llogaria juaj" },
  { id: "dil", lloji: "veprim", teksti: "Dil nga llogaria" },
  { id: "fshi", lloji: "rrezik", teksti: "Fshi llogarinë" },
];

/* ---------- the app ---------- */

class QytetApp extends LitElement {
  static properties = {
    faqja: { state: true },
    seanca: { state: true },
    pelqimi: { state: true },
    vendi: { state: true },
    biletat: { state: true },
    cilesimet: { state: true },
    zonaShkruar: { state: true },
    targa: { state: true },
    minuta: { state: true },
    gabimi: { state: true },
    njoftimi: { state: true },
    duke: { state: true },
  };

  constructor() {
    super();
    this.faqja = faqjaNgaUrl();
    this.seanca = ruajtja.lexo("seanca");
    this.pelqimi = ruajtja.lexo("pelqimi");
    this.vendi = { gjendja: "pa-pyetur" };      // asked once per launch, on the map
    this.biletat = ruajtja.lexo("biletat", []);
    this.cilesimet = { ...CILESIMET_FILLESTARE, ...ruajtja.lexo("cilesimet", {}) };
    this.zonaShkruar = "";
    this.targa = this.cilesimet.kujtoTargen ? ruajtja.lexo("targa", "") : "";
    this.minuta = this.cilesimet.kohezgjatja;
    this.gabimi = "";
    this.njoftimi = "";
    this.duke = false;
    this._neKthim = () => {
      this.faqja = faqjaNgaUrl();
      this.gabimi = "";
    };
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    vendosRrenjen(this);
    window.addEventListener("popstate", this._neKthim);
    if (this.seanca) this.kontrolloSeancen();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener("popstate", this._neKthim);
  }

  firstUpdated() {
    if (!this.pelqimi) this.hapPelqimin(1);
    else this.numero(this.faqjaEDukshme());
  }

  updated() {
    // the map asks for the location as soon as it is on screen and no modal covers it (the consent first)
    if (this.faqjaEDukshme() === "harta" && this.pelqimi && this.vendi.gjendja === "pa-pyetur" && !kaModalTeHapur()) {
      this.kerkoVendndodhjen();
    }
  }

  /* --- navigation --- */

  faqjaEDukshme() {
    const f = this.faqja;
    if (FAQET[f].llogari && !this.seanca) return "profili";
    if ((f === "hyr" || f === "regjistrohu") && this.seanca) return "profili";
    return f;
  }

  navigo(faqja, { zevendeso = false } = {}) {
    const u = urlEFaqes(faqja);
    if (zevendeso) history.replaceState({ qytet: faqja }, "", u);
    else if (faqja !== this.faqja) history.pushState({ qytet: faqja }, "", u);
    this.faqja = faqja;
    this.gabimi = "";
    this.numero(this.faqjaEDukshme());
    this.updateComplete.then(() => {
      const m = this.querySelector("main");
      if (m) m.scrollTop = 0;
    });
  }

  skeda(e, faqja) {
    e.preventDefault();
    this.navigo(faqja);
  }

  kthehu() {
    this.navigo(FAQET[this.faqjaEDukshme()].prind || "harta");
  }

  njofto(teksti) {
    this.njoftimi = teksti;
    clearTimeout(this._njoftimKoha);
    this._njoftimKoha = setTimeout(() => { this.njoftimi = ""; }, 3500);
  }

  /* --- consent --- */

  async hapPelqimin(shtresa) {
    const m = document.createElement("qytet-pelqimi");
    m.shtresa = shtresa;
    if (this.pelqimi) {
      m.analitika = !!this.pelqimi.analitika;
      m.personalizimi = !!this.pelqimi.personalizimi;
      m.reklamat = !!this.pelqimi.reklamat;
    }
    const pergjigja = await hapModal(m);
    if (pergjigja) this.ruajPelqimin(pergjigja);
  }

  ruajPelqimin(p) {
    const pelqimi = { analitika: !!p.analitika, personalizimi: !!p.personalizimi, reklamat: !!p.reklamat, koha: p.koha };
    ruajtja.shkruaj("pelqimi", pelqimi);
    this.pelqimi = pelqimi;
    // only what was allowed is kept
    if (!pelqimi.analitika) ruajtja.hiq("analitika");
    if (!pelqimi.personalizimi) ruajtja.hiq("zonat");
    if (!pelqimi.reklamat) ruajtja.hiq("reklama-id");
    else if (!ruajtja.lexo("reklama-id")) ruajtja.shkruaj("reklama-id", idRastesishme());
    this.numero(this.faqjaEDukshme());
  }

  /** Page views, only with the analytics purpose allowed. */
  numero(faqja) {
    if (!this.pelqimi || !this.pelqimi.analitika) return;
    const a = ruajtja.lexo("analitika") || { id: idRastesishme(), faqet: {} };
    a.faqet[faqja] = (a.faqet[faqja] || 0) + 1;
    ruajtja.shkruaj("analitika", a);
  }

  /* --- location --- */

  kerkoVendndodhjen() {
    if (!("geolocation" in navigator)) {
      this.vendi = { gjendja: "refuzuar", kodi: 2 };
      return;
    }
    this.vendi = { gjendja: "duke-pyetur" };
    navigator.geolocation.getCurrentPosition(
      (p) => { this.vendi = { gjendja: "lejuar", zona: zonaMeEAfert(p.coords.latitude, p.coords.longitude) }; },
      (e) => { this.vendi = { gjendja: "refuzuar", kodi: e.code }; },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 120000 },
    );
  }

  zonaAktuale() {
    if (this.vendi.gjendja === "lejuar") return this.vendi.zona;
    if (this.vendi.gjendja === "refuzuar") {
      const nr = Number(String(this.zonaShkruar).trim());
      return ZONAT.find((z) => z.nr === nr) || null;
    }
    return null;
  }

  /* --- paying --- */

  async paguajParkimin() {
    const zona = this.zonaAktuale();
    const targa = this.targa.trim().toUpperCase().replace(/\s+/g, " ");
    if (!zona) {
      this.gabimi = this.vendi.gjendja === "refuzuar"
        ? "Shkruani një numër zone nga 1 deri në 5."
        : "Po presim vendndodhjen tuaj. Provoni pas pak.";
      return;
    }
    if (targa.length < 5) {
      this.gabimi = "Shkruani targën e automjetit (p.sh. AA 123 BB).";
      return;
    }
    this.gabimi = "";
    const nga = new Date();
    const bileta = {
      id: idRastesishme(),
      zona: zona.nr,
      emri: zona.emri,
      targa,
      minuta: this.minuta,
      shuma: Math.round((zona.cmimi * this.minuta) / 60),
      nga: nga.toISOString(),
      deri: new Date(nga.getTime() + this.minuta * 60000).toISOString(),
    };
    let paguar = bileta;
    if (this.cilesimet.konfirmoPagesen) {
      const m = document.createElement("qytet-pagesa");
      m.bileta = bileta;
      paguar = await hapModal(m);
      if (!paguar) return;
    }
    this.biletat = [paguar, ...this.biletat];
    ruajtja.shkruaj("biletat", this.biletat);
    if (this.cilesimet.kujtoTargen) ruajtja.shkruaj("targa", targa);
    if (this.pelqimi && this.pelqimi.personalizimi) {
      const zonat = ruajtja.lexo("zonat", []).filter((n) => n !== zona.nr);
      ruajtja.shkruaj("zonat", [zona.nr, ...zonat].slice(0, 3));
    }
    this.njofto(`Pagesa u krye: Zona ${zona.nr} deri në ${ora(paguar.deri)}. Bileta është te Biletat.`);
  }

  /* --- account --- */

  async kontrolloSeancen() {
    const p = await thirr("me", {}, this.seanca.token);
    if (p.kodi === 401) {
      ruajtja.hiq("seanca");
      this.seanca = null;
    }
  }

  vendosSeancen(email, token) {
    this.seanca = { email, token };
    ruajtja.shkruaj("seanca", this.seanca);
  }

  async hyr(e) {
    e.preventDefault();
    const d = new FormData(e.target);
    const email = String(d.get("email") || "").trim();
    this.duke = true;
    const p = await thirr("login", { username: email, password: String(d.get("fjalekalimi") || "") });
    this.duke = false;
    if (p.kodi === 200 && p.te.token) {
      this.vendosSeancen(email, p.te.token);
      this.navigo("profili", { zevendeso: true });
      this.njofto("Mirë se u kthyet!");
    } else {
      this.gabimi = p.kodi === 0 ? "Nuk ka lidhje. Provoni përsëri." : "E-maili ose fjalëkalimi është i gabuar.";
    }
  }

  async regjistrohu(e) {
    e.preventDefault();
    const d = new FormData(e.target);
    const email = String(d.get("email") || "").trim();
    const fjalekalimi = String(d.get("fjalekalimi") || "");
    if (!d.get("kushtet")) {
      this.gabimi = "Për të krijuar llogari duhet të pranoni kushtet e përdorimit.";
      return;
    }
    if (fjalekalimi.length < 6) {
      this.gabimi = "Fjalëkalimi duhet të ketë të paktën 6 shenja.";
      return;
    }
    this.duke = true;
    const p = await thirr("signup", { username: email, password: fjalekalimi });
    this.duke = false;
    if (p.kodi === 201 && p.te.token) {
      this.vendosSeancen(email, p.te.token);
      this.navigo("profili", { zevendeso: true });
      this.njofto("Llogaria u krijua. Mirë se erdhët!");
    } else if (p.kodi === 409) {
      this.gabimi = "Ky e-mail ka tashmë një llogari. Hyni me të.";
    } else {
      this.gabimi = p.kodi === 0 ? "Nuk ka lidhje. Provoni përsëri." : "Kontrolloni e-mailin dhe fjalëkalimin.";
    }
  }

  async dil() {
    if (this.seanca) await thirr("logout", {}, this.seanca.token);
    ruajtja.hiq("seanca");
    this.seanca = null;
    this.navigo("profili", { zevendeso: true });
    this.njofto("Dolët nga llogaria.");
  }

  async fshi(e) {
    e.preventDefault();
    const d = new FormData(e.target);
    this.duke = true;
    const p = await thirr("delete", { password: String(d.get("fjalekalimi") || "") }, this.seanca.token);
    this.duke = false;
    if (p.kodi === 200) {
      ruajtja.hiq("seanca");
      ruajtja.hiq("targa");
      // the account's history goes with it; a ticket still running stays valid on this phone
      this.biletat = this.biletat.filter((b) => new Date(b.deri) > new Date());
      ruajtja.shkruaj("biletat", this.biletat);
      this.seanca = null;
      this.navigo("u-fshi", { zevendeso: true });
    } else if (p.kodi === 401) {
      ruajtja.hiq("seanca");
      this.seanca = null;
      this.navigo("profili", { zevendeso: true });
      this.njofto("Seanca ka skaduar. Hyni përsëri.");
    } else {
      this.gabimi = p.kodi === 400 ? "Fjalëkalimi nuk është i saktë." : "Nuk ka lidhje. Provoni përsëri.";
    }
  }

  /* --- settings --- */

  ndryshoCilesimin(celesi, vlera) {
    this.cilesimet = { ...this.cilesimet, [celesi]: vlera };
    ruajtja.shkruaj("cilesimet", this.cilesimet);
    if (celesi === "kohezgjatja") this.minuta = vlera;
    if (celesi === "kujtoTargen" && !vlera) ruajtja.hiq("targa");
  }

  rreshtiCilesimeve(r) {
    const c = this.cilesimet;
    switch (r.lloji) {
      case "titull":
        return html`<h2 class="lista-titull">${r.teksti}</h2>`;
      case "celes":
        return html`<label class="rresht"><span>${r.teksti}</span>
          <input type="checkbox" role="switch" .checked=${!!c[r.id]} @change=${(e) => this.ndryshoCilesimin(r.id, e.target.checked)}></label>`;
      case "vlere":
        return html`<button type="button" class="rresht" @click=${() => this.veprimiRreshtit(r)}>
          <span>${r.teksti}</span><span class="vlere">${this.vleraRreshtit(r)}</span></button>`;
      case "veprim":
        return html`<button type="button" class="rresht" @click=${() => this.dil()}><span>${r.teksti}</span></button>`;
      case "rrezik":
        return html`<button type="button" class="rresht rrezik" @click=${() => this.navigo("largohu")}>${r.teksti}</button>`;
      default:
        return html`<button type="button" class="rresht" @click=${() => this.veprimiRreshtit(r)}>
          <span>${r.teksti}</span><span class="vlere">${this.vleraRreshtit(r)}${IKONA.shigjete}</span></button>`;
    }
  }

  vleraRreshtit(r) {
    const c = this.cilesimet;
    if (r.id === "email") return this.seanca ? this.seanca.email : "";
    if (r.id === "kohezgjatja") return kohezgjatja(c.kohezgjatja);
    if (r.id === "zonaPreferuar") {
      const z = ZONAT.find((x) => x.nr === c.zonaPreferuar);
      return z ? `Zona ${z.nr} · ${z.emri}` : "Asnjë";
    }
    if (r.id === "automjetet") return ruajtja.lexo("targa", "") || "Asnjë";
    return r.vlera || "";
  }

  veprimiRreshtit(r) {
    const c = this.cilesimet;
    switch (r.id) {
      case "kohezgjatja":
        this.ndryshoCilesimin("kohezgjatja", KOHET[(KOHET.indexOf(c.kohezgjatja) + 1) % KOHET.length]);
        break;
      case "zonaPreferuar":
        this.ndryshoCilesimin("zonaPreferuar", (c.zonaPreferuar + 1) % (ZONAT.length + 1));
        break;
      case "pelqimi":
        this.hapPelqimin(2);
        break;
      case "historia":
        this.navigo("biletat");
        break;
      case "tarifat":
      case "orari":
      case "politika":
      case "ndihme":
      case "kushtet":
      case "licencat":
        this.navigo("ndihme");
        break;
      case "shkarko":
        this.njofto("Kërkesa u pranua. Do t’ju dërgojmë të dhënat me e-mail brenda 48 orësh.");
        break;
      case "email":
      case "gjuha":
      case "monedha":
      case "qyteti":
      case "njesite":
      case "versioni":
        this.njofto(`${r.teksti}: ${this.vleraRreshtit(r)}`);
        break;
      default:
        this.njofto("Kjo pjesë vjen së shpejti.");
    }
  }

  /* --- rendering --- */

  render() {
    const f = this.faqjaEDukshme();
    const faqja = FAQET[f];
    return html`
      <header class="krye">
        ${faqja.prind
          ? html`<button type="button" class="ikone" aria-label="Kthehu" @click=${this.kthehu}>${IKONA.prapa}</button>`
          : IKONA.logo}
        <h1>${faqja.titulli}</h1>
      </header>
      <main class="permbajtja">${this.faqe(f)}</main>
      <nav class="shirit" aria-label="Navigimi kryesor">
        ${[["harta", "Harta"], ["biletat", "Biletat"], ["profili", "Profili"]].map(([emri, teksti]) => html`
          <a class="skeda" href=${urlEFaqes(emri)} aria-current=${faqja.skeda === emri ? "page" : nothing}
             @click=${(e) => this.skeda(e, emri)}>${IKONA[emri]}<span>${teksti}</span></a>`)}
      </nav>
      <div class="njoftim" role="status" aria-live="polite">${this.njoftimi}</div>`;
  }

  faqe(f) {
    switch (f) {
      case "harta": return this.faqjaHarta();
      case "biletat": return this.faqjaBiletat();
      case "profili": return this.faqjaProfili();
      case "hyr": return this.faqjaHyr();
      case "regjistrohu": return this.faqjaRegjistrohu();
      case "ndihme": return this.faqjaNdihme();
      case "cilesimet": return this.faqjaCilesimet();
      case "largohu": return this.faqjaLargohu();
      case "fshirja": return this.faqjaFshirja();
      case "u-fshi": return this.faqjaUFshi();
      default: return nothing;
    }
  }

  hartaSvg(zona) {
    return html`
      <svg viewBox="0 0 340 240" role="img" aria-label="Harta e zonave të parkimit">
        <rect width="340" height="240" fill="#e7eef2"/>
        <ellipse cx="262" cy="204" rx="70" ry="30" fill="#b9dcf0"/>
        <g stroke="#fff" stroke-width="9" stroke-linecap="round" fill="none">
          <path d="M0 120h340M170 0v240M40 0l110 240M0 40l340 120"/>
        </g>
        <g stroke="#fff" stroke-width="4" fill="none" opacity=".9">
          <path d="M0 80h340M0 200h340M90 0v240M250 0v240"/>
        </g>
        ${ZONAT.map((z) => svg`
          <g>
            <circle cx=${z.x} cy=${z.y} r="20" fill=${zona && zona.nr === z.nr ? "#f2b705" : "#0e4f7e"} opacity=".9"/>
            <text x=${z.x} y=${z.y + 6} text-anchor="middle" font-size="17" font-weight="700"
                  fill=${zona && zona.nr === z.nr ? "#0a3a5e" : "#fff"}>${z.nr}</text>
          </g>`)}
        ${this.vendi.gjendja === "lejuar" ? svg`
          <circle cx=${zona.x + 24} cy=${zona.y + 20} r="9" fill="#1a73e8" stroke="#fff" stroke-width="3"/>` : nothing}
      </svg>`;
  }

  faqjaHarta() {
    const zona = this.zonaAktuale();
    const v = this.vendi;
    const aktive = this.biletat.find((b) => new Date(b.deri) > new Date());
    const zonatEMia = this.pelqimi && this.pelqimi.personalizimi ? ruajtja.lexo("zonat", []) : [];
    const shuma = zona ? `${Math.round((zona.cmimi * this.minuta) / 60)} L` : "—";
    return html`
      <div class="faqe">
        <div class="harta">${this.hartaSvg(zona)}</div>
        ${aktive && this.cilesimet.kohaMbetur ? html`
          <section class="karte">
            <p><strong>Parkimi juaj është aktiv</strong></p>
            <p class="zbehte">Zona ${aktive.zona} · ${aktive.emri}, ${aktive.targa} — skadon në ${ora(aktive.deri)}</p>
          </section>` : nothing}
        <section class="karte">
          ${v.gjendja === "lejuar" ? html`
            <div class="gjendja-vendi">
              <span class="pike">${v.zona.nr}</span>
              <div><strong>Zona ${v.zona.nr} · ${v.zona.emri}</strong><br>
                <span class="zbehte">Sipas vendndodhjes suaj · ${v.zona.cmimi} L/orë</span></div>
            </div>` : nothing}
          ${v.gjendja === "pa-pyetur" || v.gjendja === "duke-pyetur" ? html`
            <p class="zbehte">Po kërkojmë vendndodhjen tuaj…</p>` : nothing}
          ${v.gjendja === "refuzuar" ? html`
            <p>${v.kodi === 1
              ? "Vendndodhja nuk është e lejuar, ndaj nuk e dimë në cilën zonë jeni. Shkruani numrin e zonës nga tabela blu në rrugë."
              : "Vendndodhja juaj nuk u gjet. Shkruani numrin e zonës nga tabela blu në rrugë."}</p>
            <div class="fushe">
              <label for="zona">Numri i zonës</label>
              <input id="zona" name="zona" inputmode="numeric" autocomplete="off" placeholder="p.sh. 3"
                     .value=${this.zonaShkruar} @input=${(e) => { this.zonaShkruar = e.target.value; }}>
              ${zonatEMia.length ? html`<span class="ndihme">Zonat tuaja: ${zonatEMia.map((n) => html`
                <button type="button" class="lidhje" @click=${() => { this.zonaShkruar = String(n); }}>Zona ${n}</button>`)}</span>`
                : html`<span class="ndihme">${zona ? `Zona ${zona.nr} · ${zona.emri}, ${zona.cmimi} L/orë` : "Zonat 1–5: Qendra, Blloku, Pazari i Ri, Ish-Ekspozita, Liqeni"}</span>`}
            </div>` : nothing}
          <div class="fushe">
            <label for="targa">Targa e automjetit</label>
            <input id="targa" name="targa" autocomplete="off" autocapitalize="characters" placeholder="AA 123 BB"
                   .value=${this.targa} @input=${(e) => { this.targa = e.target.value; }}>
          </div>
          <div class="fushe">
            <span class="etikete" id="koha-etiketa">Kohëzgjatja</span>
            <div class="kohet" role="group" aria-labelledby="koha-etiketa">
              ${KOHET.map((m) => html`<button type="button" aria-pressed=${m === this.minuta ? "true" : "false"}
                @click=${() => { this.minuta = m; }}>${kohezgjatja(m)}</button>`)}
            </div>
          </div>
          <p>Për të paguar: <strong>${shuma}</strong></p>
          ${this.gabimi ? html`<p class="gabim" role="alert">${this.gabimi}</p>` : nothing}
          <button type="button" class="btn btn-mbushur btn-madh" @click=${this.paguajParkimin}>Paguaj parkimin</button>
        </section>
      </div>`;
  }

  faqjaBiletat() {
    const tani = new Date();
    const aktive = this.biletat.filter((b) => new Date(b.deri) > tani);
    const vjetra = this.biletat.filter((b) => new Date(b.deri) <= tani);
    const bileta = (b, skaduar) => html`
      <section class="karte bilete ${skaduar ? "skaduar" : ""}">
        <span class="pike">${b.zona}</span>
        <strong>Zona ${b.zona} · ${b.emri} — ${b.targa}</strong>
        <span class="zbehte">${skaduar ? `Skadoi në ${ora(b.deri)}` : `Skadon në ${ora(b.deri)}`} · ${kohezgjatja(b.minuta)} · ${b.shuma} L</span>
      </section>`;
    return html`
      <div class="faqe">
        ${this.pelqimi && this.pelqimi.reklamat ? html`
          <section class="karte oferte">
            <p><strong>Ofertë nga partnerët</strong></p>
            <p class="zbehte">Parkimi i natës në Zonën 5 · Liqeni me 50% zbritje, çdo ditë pas orës 20:00.</p>
          </section>` : nothing}
        <h2 class="titull-seksioni">Aktive</h2>
        ${aktive.length ? aktive.map((b) => bileta(b, false))
          : html`<p class="zbehte">Nuk keni asnjë parkim aktiv. Paguani nga Harta.</p>`}
        <h2 class="titull-seksioni">Të mëparshme</h2>
        ${vjetra.length ? vjetra.map((b) => bileta(b, true))
          : html`<p class="zbehte">Nuk keni ende bileta të mëparshme.</p>`}
      </div>`;
  }

  faqjaProfili() {
    if (!this.seanca) {
      return html`
        <div class="faqe">
          <section class="karte">
            <h2>Hyni në llogarinë tuaj</h2>
            <p>Me një llogari i shihni biletat në çdo telefon dhe merrni faturat me e-mail. Parkimi paguhet edhe pa llogari.</p>
            <div class="dy-butona">
              <button type="button" class="btn btn-mbushur" @click=${() => this.navigo("hyr")}>Hyr</button>
              <button type="button" class="btn btn-vije" @click=${() => this.navigo("regjistrohu")}>Krijo llogari</button>
            </div>
          </section>
        </div>`;
    }
    return html`
      <div class="faqe">
        <section class="karte gjendja-vendi">
          <span class="avatar" aria-hidden="true">${this.seanca.email.slice(0, 1).toUpperCase()}</span>
          <div><strong>${this.seanca.email}</strong><br><span class="zbehte">${this.biletat.length} bileta gjithsej</span></div>
        </section>
        <div class="menu">
          <button type="button" class="rresht" @click=${() => this.navigo("cilesimet")}><span>Cilësimet</span>${IKONA.shigjete}</button>
          <button type="button" class="rresht" @click=${() => this.navigo("ndihme")}><span>Ndihmë dhe kontakt</span>${IKONA.shigjete}</button>
          <button type="button" class="rresht" @click=${() => this.dil()}><span>Dil</span></button>
        </div>
      </div>`;
  }

  faqjaHyr() {
    return html`
      <form class="faqe" @submit=${this.hyr}>
        <section class="karte">
          <h2>Mirë se u kthyet</h2>
          <div class="fushe">
            <label for="email-h">E-mail</label>
            <input id="email-h" name="email" type="email" autocomplete="email" required>
          </div>
          <div class="fushe">
            <label for="fjalekalimi-h">Fjalëkalimi</label>
            <input id="fjalekalimi-h" name="fjalekalimi" type="password" autocomplete="current-password" required>
          </div>
          ${this.gabimi ? html`<p class="gabim" role="alert">${this.gabimi}</p>` : nothing}
          <button type="submit" class="btn btn-mbushur" ?disabled=${this.duke}>Hyr</button>
          <p class="zbehte">Nuk keni llogari?
            <button type="button" class="lidhje" @click=${() => this.navigo("regjistrohu")}>Regjistrohuni</button></p>
        </section>
      </form>`;
  }

  faqjaRegjistrohu() {
    return html`
      <form class="faqe" @submit=${this.regjistrohu}>
        <section class="karte">
          <h2>Krijoni llogarinë tuaj</h2>
          <div class="fushe">
            <label for="email-r">E-mail</label>
            <input id="email-r" name="email" type="email" autocomplete="email" required>
          </div>
          <div class="fushe">
            <label for="fjalekalimi-r">Fjalëkalimi</label>
            <input id="fjalekalimi-r" name="fjalekalimi" type="password" autocomplete="new-password" minlength="6" required>
            <span class="ndihme">Të paktën 6 shenja.</span>
          </div>
          <label class="tik"><input type="checkbox" name="kushtet" required> Pranoj kushtet e përdorimit</label>
          ${this.gabimi ? html`<p class="gabim" role="alert">${this.gabimi}</p>` : nothing}
          <button type="submit" class="btn btn-mbushur" ?disabled=${this.duke}>Krijo llogari</button>
        </section>
      </form>`;
  }

  faqjaNdihme() {
    return html`
      <div class="faqe">
        <section class="karte">
          <h2>Tarifat e zonave</h2>
          ${ZONAT.map((z) => html`<p>Zona ${z.nr} · ${z.emri}: <strong>${z.cmimi} L/orë</strong></p>`)}
        </section>
        <section class="karte">
          <h2>Orari</h2>
          <p>Parkimi paguhet nga e hëna në të shtunën, 08:00–20:00. Të dielave dhe në festat zyrtare parkimi është falas.</p>
        </section>
        <section class="karte">
          <h2>Privatësia dhe kushtet</h2>
          <p>Ruajmë e-mailin dhe fjalëkalimin e llogarisë, biletat dhe targat që shkruani. Vendndodhjen e përdorim vetëm për
            të gjetur zonën dhe nuk e ruajmë. Cookies jo të domosdoshme përdoren vetëm me pëlqimin tuaj.</p>
        </section>
        <section class="karte">
          <h2>Na kontaktoni</h2>
          <p>E-mail: ndihme@qytet-park.test · Telefon: 0800 7275 (falas, 08:00–18:00)</p>
          <p class="zbehte">Qytet Park 3.2.0 · ndërtuar me Lit (BSD-3-Clause).</p>
        </section>
      </div>`;
  }

  faqjaCilesimet() {
    return html`
      <div class="faqe-lista">
        <qytet-lista class="scrollbox" aria-label="Cilësimet" .rreshtat=${RRESHTAT} .lartesia=${56}
          .vizato=${(r) => this.rreshtiCilesimeve(r)}></qytet-lista>
      </div>`;
  }

  faqjaLargohu() {
    return html`
      <div class="faqe">
        <section class="karte qender">
          ${IKONA.kujdes}
          <h2>Para se të shkoni</h2>
          <p>Nëse e fshini llogarinë, këto nuk mund të rikthehen:</p>
          <ul class="humbje">
            <li>historia e biletave dhe faturat</li>
            <li>automjetet dhe karta e ruajtur</li>
            <li>zonat dhe cilësimet tuaja</li>
          </ul>
          <p class="zbehte">Një biletë që po vazhdon mbetet e vlefshme deri sa të skadojë.</p>
          <div class="dy-butona" style="width: 100%">
            <button type="button" class="btn btn-madh btn-mbushur"
              @click=${() => { this.navigo("profili"); this.njofto("Llogaria juaj mbetet aktive."); }}>Qëndro</button>
            <button type="button" class="btn btn-madh btn-vije" @click=${() => this.navigo("fshirja")}>Vazhdo me fshirjen</button>
          </div>
        </section>
      </div>`;
  }

  faqjaFshirja() {
    return html`
      <form class="faqe" @submit=${this.fshi}>
        <section class="karte">
          <h2>Konfirmoni me fjalëkalim</h2>
          <p>Llogaria ${this.seanca.email} dhe të dhënat e saj fshihen menjëherë. Ky veprim nuk kthehet mbrapsht.</p>
          <div class="fushe">
            <label for="fjalekalimi-f">Fjalëkalimi</label>
            <input id="fjalekalimi-f" name="fjalekalimi" type="password" autocomplete="current-password" required>
          </div>
          ${this.gabimi ? html`<p class="gabim" role="alert">${this.gabimi}</p>` : nothing}
          <button type="submit" class="btn btn-rrezik btn-madh" ?disabled=${this.duke}>Fshi përgjithmonë</button>
        </section>
      </form>`;
  }

  faqjaUFshi() {
    return html`
      <div class="faqe">
        <section class="karte qender">
          ${IKONA.kryer}
          <h2>Llogaria u fshi</h2>
          <p>Llogaria dhe të dhënat e saj u hoqën nga Qytet Park. Parkimin mund ta paguani përsëri edhe pa llogari.</p>
          <button type="button" class="btn btn-mbushur" @click=${() => this.navigo("harta")}>Kthehu te harta</button>
        </section>
      </div>`;
  }
}
customElements.define("qytet-app", QytetApp);
