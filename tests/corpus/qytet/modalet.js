// Qytet Park — modals. Each is a Lit element with an open shadow root, appended to <body> beside the app root.
// While any is open the app root carries the `inert` attribute, so focus, clicks and the accessibility tree stay
// inside the modal; it fades and scales in (.3 s) and out again before it is removed.
import { LitElement, html, css } from "lit";

const hapur = new Set();
let rrenja = null;
let fokusiMePare = null;

/** The element that turns inert while a modal is open (the app root). */
export function vendosRrenjen(element) {
  rrenja = element;
}

function perditesoInert() {
  if (!rrenja) return;
  if (hapur.size) rrenja.setAttribute("inert", "");
  else rrenja.removeAttribute("inert");
}

/** Opens a modal element: appends it to <body>; resolves when it closes. */
export function hapModal(modal) {
  if (!hapur.size) fokusiMePare = document.activeElement;
  document.body.append(modal);
  return new Promise((zgjidh) => modal.addEventListener("mbyllur", (e) => zgjidh(e.detail), { once: true }));
}

export function kaModalTeHapur() {
  return hapur.size > 0;
}

const baza = css`
  :host {
    position: fixed; inset: 0; z-index: 40; display: grid; place-items: center; padding: 16px; box-sizing: border-box;
    background: rgba(10, 24, 36, .5); opacity: 0; transition: opacity .3s ease;
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #15222e;
  }
  :host([shfaqur]) { opacity: 1; }
  .paneli {
    width: 100%; max-width: 420px; max-height: calc(100% - 16px); overflow-y: auto; box-sizing: border-box;
    background: #fff; border-radius: 20px; padding: 22px 20px 18px; box-shadow: 0 12px 40px rgba(0, 0, 0, .3);
    transform: scale(.92); transition: transform .3s ease;
  }
  :host([shfaqur]) .paneli { transform: scale(1); }
  .paneli:focus { outline: none; }
  h2 { margin: 0 0 10px; font-size: 20px; line-height: 1.25; }
  p { margin: 0 0 14px; font-size: 15px; line-height: 1.5; color: #33414d; }
  button { font: inherit; cursor: pointer; }
  .btn { height: 48px; border-radius: 12px; font-size: 16px; font-weight: 650; border: 2px solid #0e4f7e; padding: 0 12px; }
  .btn-mbushur { background: #0e4f7e; color: #fff; }
  .btn-vije { background: #fff; color: #0e4f7e; }
  button:focus-visible, input:focus-visible { outline: 3px solid #f2b705; outline-offset: 2px; }
`;

/** What every modal shares: role=dialog, aria-modal, the fade, inert on the app root, Escape. */
export class QytetModal extends LitElement {
  static properties = { shfaqur: { type: Boolean, reflect: true } };
  static styles = baza;

  constructor() {
    super();
    this.shfaqur = false;
    this.mbyllMeEscape = true;
    this._tasti = (e) => {
      if (e.key === "Escape" && this.mbyllMeEscape) this.mbyll(null);
    };
  }

  connectedCallback() {
    super.connectedCallback();
    this.setAttribute("role", "dialog");
    this.setAttribute("aria-modal", "true");
    hapur.add(this);
    perditesoInert();
    document.addEventListener("keydown", this._tasti);
    // two frames: the first paint at opacity 0, then the transition to 1
    requestAnimationFrame(() => requestAnimationFrame(() => {
      this.shfaqur = true;
      this.updateComplete.then(() => this.fokuso());
    }));
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener("keydown", this._tasti);
    hapur.delete(this);
    perditesoInert();
  }

  /** Focus goes to the panel itself (not to one of the answers, which would draw a ring around it alone). */
  fokuso() {
    const p = this.renderRoot.querySelector(".paneli");
    if (p) p.focus();
  }

  mbyll(pergjigja) {
    if (!hapur.has(this)) return;
    hapur.delete(this);
    perditesoInert();
    document.removeEventListener("keydown", this._tasti);
    this.shfaqur = false;
    this.dispatchEvent(new CustomEvent("mbyllur", { detail: pergjigja }));
    setTimeout(() => {
      this.remove();
      if (!hapur.size && fokusiMePare && fokusiMePare.isConnected) fokusiMePare.focus();
    }, 300);
  }
}

/** The consent modal: a first layer with two equal answers and Personalizo, a second layer of purposes. */
class QytetPelqimi extends QytetModal {
  static properties = {
    shtresa: { type: Number },
    analitika: { type: Boolean },
    personalizimi: { type: Boolean },
    reklamat: { type: Boolean },
  };
  static styles = [baza, css`
    .zgjedhjet { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin-top: 4px; }
    .zgjedhje { height: 48px; border-radius: 12px; border: 2px solid #0e4f7e; background: #0e4f7e; color: #fff;
                font-size: 16px; font-weight: 650; padding: 0 8px; }
    .personalizo { display: block; width: 100%; margin-top: 10px; height: 44px; background: none; border: 0; color: #0e4f7e;
                   font-size: 15px; font-weight: 600; text-decoration: underline; }
    .qellim { display: flex; align-items: center; gap: 12px; padding: 12px 0; border-top: 1px solid #e6ecf1; }
    .qellim:first-of-type { border-top: 0; }
    .qellim span { flex: 1; }
    .qellim strong { display: block; font-size: 16px; }
    .qellim small { display: block; font-size: 13px; color: #5b6b79; line-height: 1.4; margin-top: 2px; }
    input[role="switch"] { appearance: none; -webkit-appearance: none; width: 46px; height: 28px; border-radius: 14px;
                           background: #b9c6d2; position: relative; margin: 0; cursor: pointer; flex: none; transition: background .2s; }
    input[role="switch"]::after { content: ""; position: absolute; top: 3px; left: 3px; width: 22px; height: 22px; border-radius: 50%;
                                  background: #fff; box-shadow: 0 1px 2px rgba(0, 0, 0, .25); transition: transform .2s; }
    input[role="switch"]:checked { background: #0e4f7e; }
    input[role="switch"]:checked::after { transform: translateX(18px); }
    input[role="switch"]:disabled { opacity: .5; cursor: not-allowed; }
    .kryet { display: flex; align-items: center; gap: 6px; margin-bottom: 6px; }
    .kryet h2 { margin: 0; }
    .prapa { width: 40px; height: 40px; border: 0; border-radius: 50%; background: none; color: #0e4f7e; display: grid; place-items: center; padding: 0; }
    .prapa svg { width: 24px; height: 24px; }
    .ruaj { width: 100%; margin-top: 12px; }
  `];

  constructor() {
    super();
    this.mbyllMeEscape = false;     // an answer is needed: Escape and the scrim do nothing
    this.shtresa = 1;
    this.analitika = false;
    this.personalizimi = false;
    this.reklamat = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.setAttribute("aria-label", "Privatësia juaj");
  }

  zgjidh(vlerat) {
    this.mbyll({ ...vlerat, koha: new Date().toISOString() });
  }

  render() {
    return this.shtresa === 1 ? this.shtresaPare() : this.shtresaDyte();
  }

  shtresaPare() {
    return html`
      <div class="paneli" tabindex="-1">
        <h2>Privatësia juaj në Qytet Park</h2>
        <p>Përdorim cookies dhe teknologji të ngjashme që aplikacioni të funksionojë. Vetëm nëse pranoni, i përdorim
          edhe për të matur si përdoret aplikacioni, për t’ju sugjeruar zonat ku parkoni shpesh dhe për oferta nga
          partnerët tanë. Parkimi paguhet njësoj, çfarëdo të zgjidhni; zgjedhjen mund ta ndryshoni te Cilësimet.</p>
        <div class="zgjedhjet">
          <button type="button" class="zgjedhje"
            @click=${() => this.zgjidh({ analitika: true, personalizimi: true, reklamat: true })}>Prano të gjitha</button>
          <button type="button" class="zgjedhje"
            @click=${() => this.zgjidh({ analitika: false, personalizimi: false, reklamat: false })}>Refuzo të gjitha</button>
        </div>
        <button type="button" class="personalizo" @click=${() => this.kalo(2)}>Personalizo</button>
      </div>`;
  }

  shtresaDyte() {
    const celes = (emri, titulli, pershkrimi) => html`
      <label class="qellim">
        <span><strong>${titulli}</strong><small>${pershkrimi}</small></span>
        <input type="checkbox" role="switch" .checked=${this[emri]} aria-label=${titulli}
          @change=${(e) => { this[emri] = e.target.checked; }}>
      </label>`;
    return html`
      <div class="paneli" tabindex="-1">
        <div class="kryet">
          <button type="button" class="prapa" aria-label="Prapa" @click=${() => this.kalo(1)}>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/></svg>
          </button>
          <h2>Zgjidhni vetë</h2>
        </div>
        <label class="qellim">
          <span><strong>Të domosdoshme</strong><small>Ruajnë seancën, biletat dhe këtë zgjedhje. Pa to aplikacioni nuk punon, ndaj janë gjithmonë aktive.</small></span>
          <input type="checkbox" role="switch" checked disabled aria-label="Të domosdoshme">
        </label>
        ${celes("analitika", "Analitika", "Statistika pa emër për faqet që hapni, që ta përmirësojmë aplikacionin.")}
        ${celes("personalizimi", "Personalizimi", "Kujtojmë zonat ku parkoni më shpesh dhe jua sugjerojmë në hartë.")}
        ${celes("reklamat", "Reklamat", "Oferta parkimi dhe shërbimesh nga partnerët, sipas përdorimit tuaj.")}
        <button type="button" class="btn btn-mbushur ruaj"
          @click=${() => this.zgjidh({ analitika: this.analitika, personalizimi: this.personalizimi, reklamat: this.reklamat })}>Ruaj zgjedhjet</button>
      </div>`;
  }

  kalo(shtresa) {
    this.shtresa = shtresa;
    this.updateComplete.then(() => this.fokuso());
  }
}
customElements.define("qytet-pelqimi", QytetPelqimi);

/** The payment confirmation: what is paid, Anulo / Paguaj. */
class QytetPagesa extends QytetModal {
  static properties = { bileta: { attribute: false }, duke: { type: Boolean } };
  static styles = [baza, css`
    dl { display: grid; grid-template-columns: auto 1fr; gap: 8px 16px; margin: 0 0 18px; font-size: 15px; }
    dt { color: #5b6b79; }
    dd { margin: 0; font-weight: 600; text-align: right; }
    .shuma { font-size: 20px; }
    .veprimet { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
  `];

  constructor() {
    super();
    this.bileta = null;
    this.duke = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.setAttribute("aria-label", "Konfirmo pagesën");
  }

  render() {
    const b = this.bileta;
    if (!b) return html``;
    const deri = new Date(b.deri).toLocaleTimeString("sq-AL", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    return html`
      <div class="paneli" tabindex="-1">
        <h2>Konfirmo pagesën</h2>
        <dl>
          <dt>Zona</dt><dd>${b.zona} · ${b.emri}</dd>
          <dt>Targa</dt><dd>${b.targa}</dd>
          <dt>Koha</dt><dd>${kohezgjatja(b.minuta)} · deri në ${deri}</dd>
          <dt>Gjithsej</dt><dd class="shuma">${b.shuma} L</dd>
        </dl>
        <div class="veprimet">
          <button type="button" class="btn btn-vije" @click=${() => this.mbyll(null)}>Anulo</button>
          <button type="button" class="btn btn-mbushur" ?disabled=${this.duke} @click=${this.paguaj}>Paguaj</button>
        </div>
      </div>`;
  }

  paguaj() {
    this.duke = true;
    // the card on file is charged by the payment provider; here the ticket is issued at once
    setTimeout(() => this.mbyll({ ...this.bileta, paguar: new Date().toISOString() }), 400);
  }
}
customElements.define("qytet-pagesa", QytetPagesa);

export function kohezgjatja(minuta) {
  if (minuta < 60) return `${minuta} min`;
  return `${minuta / 60} orë`;
}
