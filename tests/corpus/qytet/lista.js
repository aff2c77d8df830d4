// Qytet Park — a virtualised list: only the rows inside the list's own viewport (plus a few on either side) are in
// the DOM; the others are created as the list is scrolled. Fixed row height. Rendered in the light DOM so the
// page's stylesheet draws the rows.
import { LitElement, html } from "lit";
import { repeat } from "lit/directives/repeat.js";

const SHTESE = 3;          // rows kept in the DOM above and below the visible ones

class QytetLista extends LitElement {
  static properties = {
    rreshtat: { attribute: false },     // [{id, ...}] — every row's data
    vizato: { attribute: false },       // (row) => template
    lartesia: { type: Number },         // px per row
    _nga: { state: true },
    _deri: { state: true },
  };

  constructor() {
    super();
    this.rreshtat = [];
    this.vizato = () => html``;
    this.lartesia = 56;
    this._nga = 0;
    this._deri = 0;
    this._korniza = 0;
    this._neLevizje = () => {
      if (this._korniza) return;
      this._korniza = requestAnimationFrame(() => {
        this._korniza = 0;
        this.llogarit();
      });
    };
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.setAttribute("role", "list");
    if (!this.hasAttribute("tabindex")) this.tabIndex = 0;
    this.addEventListener("scroll", this._neLevizje, { passive: true });
    this._madhesia = new ResizeObserver(() => this.llogarit());
    this._madhesia.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.removeEventListener("scroll", this._neLevizje);
    this._madhesia.disconnect();
    if (this._korniza) cancelAnimationFrame(this._korniza);
  }

  willUpdate(ndryshuar) {
    if (ndryshuar.has("rreshtat") || ndryshuar.has("lartesia")) this.llogarit();
  }

  /** Which rows the viewport shows now, with SHTESE more on either side. */
  llogarit() {
    const h = this.clientHeight || window.innerHeight;
    const siper = this.scrollTop;
    const nga = Math.max(0, Math.floor(siper / this.lartesia) - SHTESE);
    const deri = Math.min(this.rreshtat.length, Math.ceil((siper + h) / this.lartesia) + SHTESE);
    if (nga !== this._nga) this._nga = nga;
    if (deri !== this._deri) this._deri = deri;
  }

  render() {
    const te = [];
    for (let i = this._nga; i < this._deri; i++) te.push(i);
    const gjithsej = this.rreshtat.length;
    return html`
      <div class="lista-hapesire" style="height: ${gjithsej * this.lartesia}px">
        ${repeat(te, (i) => this.rreshtat[i].id, (i) => html`
          <div class="lista-vend" role="listitem" aria-setsize=${gjithsej} aria-posinset=${i + 1}
               style="transform: translateY(${i * this.lartesia}px)">${this.vizato(this.rreshtat[i])}</div>`)}
      </div>`;
  }
}
customElements.define("qytet-lista", QytetLista);
