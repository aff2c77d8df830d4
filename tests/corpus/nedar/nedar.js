// Nedar — reserves a les piscines municipals. Alpine.js 3 (servit des de node_modules), sense pas de compilació.
// Aquest fitxer es carrega amb defer ABANS d'Alpine: així l'escoltador d'«alpine:init» ja hi és quan Alpine arrenca.
'use strict';

/* ------------------------------------------------------------------------------------------------------------
   Avaluador d'expressions sense eval.
   El servidor envia una Content-Security-Policy sense 'unsafe-eval', i l'avaluador per defecte d'Alpine crea
   funcions a partir del text dels atributs (new AsyncFunction): el navegador el refusaria. En posem un de propi
   amb Alpine.setEvaluator: entén literals, camins (a.b, a[b]), crides (f('x', 2)), ! i - unaris, + -, les
   comparacions, && ||, la condició ?: i l'assignació que fa servir x-model (camí = valor). Res més.
   ------------------------------------------------------------------------------------------------------------ */
const Expressio = (() => {
  const PECA = /\s*(?:(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([A-Za-z_$][\w$]*)|(===|!==|==|!=|<=|>=|&&|\|\||[!<>?:(),.=[\]+-]))/y;
  const CONSTANTS = { true: true, false: false, null: null, undefined: undefined };

  function trosseja(text) {
    const peces = [];
    let pos = 0;
    while (pos < text.length && /\S/.test(text.slice(pos))) {
      PECA.lastIndex = pos;
      const m = PECA.exec(text);
      if (!m) throw new SyntaxError(`no s'entén «${text.slice(pos)}»`);
      pos = PECA.lastIndex;
      if (m[1] !== undefined) peces.push({ t: 'lit', v: Number(m[1]) });
      else if (m[2] !== undefined) peces.push({ t: 'lit', v: m[2].slice(1, -1).replace(/\\(.)/g, '$1') });
      else if (m[3] !== undefined) peces.push({ t: 'nom', v: m[3] });
      else peces.push({ t: 'op', v: m[4] });
    }
    return peces;
  }

  const NIVELLS = [['||'], ['&&'], ['===', '!==', '==', '!='], ['<', '>', '<=', '>='], ['+', '-']];

  function analitza(text) {
    const p = trosseja(text);
    let i = 0;
    const es = (v) => p[i] && p[i].t === 'op' && p[i].v === v;
    const espera = (v) => { if (!es(v)) throw new SyntaxError(`s'esperava «${v}» a «${text}»`); i++; };

    function expressio() {
      const esquerra = condicio();
      if (es('=')) {
        i++;
        if (esquerra.k !== 'nom' && esquerra.k !== 'membre') throw new SyntaxError(`no es pot assignar a «${text}»`);
        return { k: 'assigna', a: esquerra, b: expressio() };
      }
      return esquerra;
    }
    function condicio() {
      const c = binari(0);
      if (!es('?')) return c;
      i++;
      const si = expressio();
      espera(':');
      return { k: 'condicio', c, si, no: expressio() };
    }
    function binari(n) {
      if (n === NIVELLS.length) return unari();
      let a = binari(n + 1);
      while (p[i] && p[i].t === 'op' && NIVELLS[n].includes(p[i].v)) {
        const op = p[i++].v;
        a = { k: 'binari', op, a, b: binari(n + 1) };
      }
      return a;
    }
    function unari() {
      if (es('!') || es('-')) { const op = p[i++].v; return { k: 'unari', op, a: unari() }; }
      return sufix();
    }
    function sufix() {
      let n = primari();
      for (;;) {
        if (es('.')) {
          i++;
          const nom = p[i++];
          if (!nom || nom.t !== 'nom') throw new SyntaxError(`s'esperava un nom després de «.» a «${text}»`);
          n = { k: 'membre', o: n, clau: { k: 'lit', v: nom.v } };
        } else if (es('[')) {
          i++;
          const clau = expressio();
          espera(']');
          n = { k: 'membre', o: n, clau };
        } else if (es('(')) {
          i++;
          const args = [];
          if (!es(')')) { args.push(expressio()); while (es(',')) { i++; args.push(expressio()); } }
          espera(')');
          n = { k: 'crida', f: n, args };
        } else return n;
      }
    }
    function primari() {
      const t = p[i++];
      if (!t) throw new SyntaxError(`expressió incompleta: «${text}»`);
      if (t.t === 'lit') return { k: 'lit', v: t.v };
      if (t.t === 'nom') return Object.hasOwn(CONSTANTS, t.v) ? { k: 'lit', v: CONSTANTS[t.v] } : { k: 'nom', n: t.v };
      if (t.v === '(') { const e = expressio(); espera(')'); return e; }
      throw new SyntaxError(`«${t.v}» inesperat a «${text}»`);
    }

    const arrel = expressio();
    if (i < p.length) throw new SyntaxError(`sobra «${p[i].v}» a «${text}»`);
    return arrel;
  }

  // La funció que un node anomena i l'objecte que n'ha de ser el this.
  function funcio(n, ctx) {
    if (n.k === 'membre') {
      const o = valor(n.o, ctx);
      return [o == null ? undefined : o[valor(n.clau, ctx)], o];
    }
    return [valor(n, ctx), ctx];
  }

  function valor(n, ctx) {
    switch (n.k) {
      case 'lit': return n.v;
      case 'nom': return ctx[n.n];
      case 'membre': { const o = valor(n.o, ctx); return o == null ? undefined : o[valor(n.clau, ctx)]; }
      case 'crida': {
        const [f, jo] = funcio(n.f, ctx);
        if (typeof f !== 'function') throw new TypeError('no és una funció');
        return f.apply(jo, n.args.map((a) => valor(a, ctx)));
      }
      case 'unari': { const a = valor(n.a, ctx); return n.op === '!' ? !a : -a; }
      case 'condicio': return valor(n.c, ctx) ? valor(n.si, ctx) : valor(n.no, ctx);
      case 'assigna': {
        const v = valor(n.b, ctx);
        if (n.a.k === 'nom') ctx[n.a.n] = v;
        else valor(n.a.o, ctx)[valor(n.a.clau, ctx)] = v;
        return v;
      }
      case 'binari': {
        if (n.op === '&&') return valor(n.a, ctx) && valor(n.b, ctx);
        if (n.op === '||') return valor(n.a, ctx) || valor(n.b, ctx);
        const a = valor(n.a, ctx), b = valor(n.b, ctx);
        switch (n.op) {
          case '===': return a === b;
          case '!==': return a !== b;
          case '==': return a == b;   // eslint-disable-line eqeqeq
          case '!=': return a != b;   // eslint-disable-line eqeqeq
          case '<': return a < b;
          case '>': return a > b;
          case '<=': return a <= b;
          case '>=': return a >= b;
          case '+': return a + b;
          default: return a - b;
        }
      }
      default: throw new Error('node desconegut');
    }
  }

  const desades = new Map();
  // Com Alpine: un nom o camí que val una funció es crida (amb l'esdeveniment, a @click="metode").
  function compila(text) {
    if (!desades.has(text)) {
      const arrel = analitza(text.trim());
      desades.set(text, (ctx, params) => {
        if (arrel.k === 'nom' || arrel.k === 'membre') {
          const [f, jo] = funcio(arrel, ctx);
          return typeof f === 'function' ? f.apply(jo, params) : f;
        }
        return valor(arrel, ctx);
      });
    }
    return desades.get(text);
  }
  return { compila };
})();

/* ---------------------------------------------- Dades ---------------------------------------------- */
const CLAU = {
  galetes: 'nedar:galetes', sessio: 'nedar:sessio', ubicacio: 'nedar:ubicacio-demanada',
  analitica: 'nedar:analitica', publicitat: 'nedar:publicitat-id',
};
const clauReserves = (usuari) => 'nedar:reserves:' + usuari;
const llegeix = (k) => { try { return JSON.parse(localStorage.getItem(k)); } catch (_) { return null; } };
const escriu = (k, v) => localStorage.setItem(k, JSON.stringify(v));
const esborra = (...claus) => claus.forEach((k) => localStorage.removeItem(k));

const PISCINES = [
  { id: 'moreres', nom: 'Piscina Municipal Les Moreres', adreca: 'Carrer de les Moreres, 14', lat: 41.3951, lon: 2.1913, horari: 'De 7 a 22 h' },
  { id: 'parc', nom: 'Piscina del Parc Nou', adreca: 'Passeig del Parc Nou, 3', lat: 41.4108, lon: 2.1741, horari: 'De 8 a 21 h' },
  { id: 'estacio', nom: "Piscina Coberta de l'Estació", adreca: "Plaça de l'Estació, 1", lat: 41.3873, lon: 2.1602, horari: 'De 6.30 a 23 h' },
  { id: 'pineda', nom: "Piscina d'Estiu La Pineda", adreca: 'Avinguda de la Pineda, 40', lat: 41.3780, lon: 2.1895, horari: 'De 10 a 20 h (juny–setembre)' },
  { id: 'canvidal', nom: 'Piscina de Can Vidal', adreca: 'Carrer del Molí, 22', lat: 41.4215, lon: 2.1557, horari: 'De 7 a 21.30 h' },
];
const nomDePiscina = (id) => (PISCINES.find((p) => p.id === id) || {}).nom;
const SESSIONS = [
  { id: 's1', piscina: 'estacio', hora: '07.00 – 08.00', tipus: 'Natació lliure · carril ràpid', places: 4 },
  { id: 's2', piscina: 'moreres', hora: '10.00 – 11.00', tipus: 'Bany lliure', places: 12 },
  { id: 's3', piscina: 'parc', hora: '13.30 – 14.30', tipus: 'Natació lliure · carril mitjà', places: 6 },
  { id: 's4', piscina: 'canvidal', hora: '19.00 – 20.00', tipus: 'Aquagim', places: 3 },
];
const MOTIUS = [
  { id: 'sovint', text: 'No vaig a la piscina prou sovint' },
  { id: 'ciutat', text: "M'he canviat de ciutat" },
  { id: 'telefon', text: 'Prefereixo reservar per telèfon' },
  { id: 'altre', text: 'Un altre motiu' },
];
const TITOLS = {
  inici: 'Nedar', reserves: 'Les meves reserves', perfil: 'Perfil', piscines: 'Piscines a prop', registre: 'Registre',
  entrada: 'Accés', dades: 'Les meves dades', ajuda: 'Ajuda i contacte', compte: 'Compte i seguretat',
  baixa: 'Donar de baixa', 'baixa-feta': 'Compte eliminat',
};
const PESTANYES = ['inici', 'reserves', 'perfil'];

async function api(accio, dades, token) {
  const capcaleres = { 'Content-Type': 'application/json' };
  if (token) capcaleres.Authorization = 'Bearer ' + token;
  try {
    const r = await fetch('api/' + accio, { method: 'POST', headers: capcaleres, body: JSON.stringify(dades || {}) });
    let resposta = {};
    try { resposta = await r.json(); } catch (_) { /* resposta buida */ }
    return { codi: r.status, resposta };
  } catch (_) {
    return { codi: 0, resposta: {} };
  }
}

// L'estat del permís d'ubicació, llegit sense demanar res ('granted', 'denied' o 'prompt').
async function estatUbicacio() {
  try {
    if (navigator.permissions) return (await navigator.permissions.query({ name: 'geolocation' })).state;
  } catch (_) { /* navegador sense l'API */ }
  return 'prompt';
}

function distanciaKm(a, b) {
  const rad = (g) => (g * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat), dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(h));
}

// La resposta de galetes desada, complerta: sense analítica no es compten vistes, sense publicitat no hi ha
// identificador publicitari ni anunci patrocinat.
function aplicaGaletes(g) {
  if (!g.analitica) esborra(CLAU.analitica);
  if (g.publicitat) { if (!llegeix(CLAU.publicitat)) escriu(CLAU.publicitat, 'pub-' + Math.random().toString(36).slice(2, 10)); }
  else esborra(CLAU.publicitat);
}

/* -------------------------------------------- Component -------------------------------------------- */
function nedar() {
  return {
    pantalla: 'inici',
    historial: [],
    sessio: null,
    galetes: null,
    galetesObert: false,
    galetesDeInici: false,
    capaGaletes: 1,
    tria: { analitica: true, publicitat: true },
    racionalObert: false,
    racionalDes: 'inici',
    posicio: null,
    correu: '',
    contrasenya: '',
    errorFormulari: '',
    enviant: false,
    motiu: null,
    errorMotiu: '',
    confirmObert: false,
    errorBaixa: '',
    avis: '',
    avisVisible: false,
    avisTemps: null,
    reservesFetes: [],
    motius: MOTIUS,
    sessions: SESSIONS,
    grupsCompte: [],

    init() {
      this.galetes = llegeix(CLAU.galetes);
      this.sessio = llegeix(CLAU.sessio);
      if (this.galetes) aplicaGaletes(this.galetes);
      if (this.sessio) {
        this.carregaReserves();
        api('me', {}, this.sessio.token).then((r) => { if (r.codi === 401) this.oblidaSessio(); });
      }
      this.comptaVista('inici');
      const recordatori = this.calRecordatori();
      setTimeout(async () => {
        if (!this.galetes) {
          this.tria = { analitica: true, publicitat: true };
          this.capaGaletes = 1;
          this.galetesDeInici = true;
          this.galetesObert = true;
        } else if (await recordatori) {
          this.obreRacional('inici');
        }
      }, 1000);
    },

    /* ---- navegació ---- */
    get titol() { return TITOLS[this.pantalla] || 'Nedar'; },
    get subpantalla() { return this.historial.length > 0; },
    esPestanya(p) { return this.pantalla === p || (!PESTANYES.includes(this.pantalla) && this.historial[0] === p); },
    classePestanya(p) { return this.esPestanya(p) ? 'actiu' : ''; },
    ves(p) {
      this.historial.push(this.pantalla);
      this.mostra(p);
    },
    pestanya(p) {
      this.historial = [];
      this.mostra(p);
    },
    enrere() {
      const anterior = this.historial.pop();
      this.mostra(anterior || 'inici');
    },
    mostra(p) {
      if (p === 'compte') this.grupsCompte = this.filesCompte();
      if (p === 'baixa') { this.motiu = null; this.errorMotiu = ''; }
      if (p === 'registre' || p === 'entrada') { this.correu = ''; this.contrasenya = ''; this.errorFormulari = ''; }
      this.pantalla = p;
      this.comptaVista(p);
      this.$nextTick(() => {
        const el = document.querySelector(`[data-pantalla="${p}"]`);
        if (el) el.scrollTop = 0;
      });
    },
    comptaVista(p) {
      if (!this.galetes || !this.galetes.analitica) return;
      const a = llegeix(CLAU.analitica) || { id: 'an-' + Math.random().toString(36).slice(2, 10), vistes: {} };
      a.vistes[p] = (a.vistes[p] || 0) + 1;
      escriu(CLAU.analitica, a);
    },
    avisa(text) {
      this.avis = text;
      this.avisVisible = true;
      clearTimeout(this.avisTemps);
      this.avisTemps = setTimeout(() => { this.avisVisible = false; }, 2600);
    },

    /* ---- galetes ---- */
    get ambPublicitat() { return !!(this.galetes && this.galetes.publicitat); },
    acceptaTot() { this.desaGaletes({ analitica: true, publicitat: true }); },
    obreConfig() { this.capaGaletes = 2; },
    commuta(nom) { this.tria[nom] = !this.tria[nom]; },
    desaSeleccio() { this.desaGaletes({ analitica: this.tria.analitica, publicitat: this.tria.publicitat }); },
    rebutjaTot() {
      this.tria = { analitica: false, publicitat: false };
      this.desaGaletes({ analitica: false, publicitat: false });
    },
    obrePreferencies() {
      const g = this.galetes || { analitica: true, publicitat: true };
      this.tria = { analitica: g.analitica, publicitat: g.publicitat };
      this.capaGaletes = 2;
      this.galetesDeInici = false;
      this.galetesObert = true;
    },
    async desaGaletes(g) {
      const resposta = { analitica: !!g.analitica, publicitat: !!g.publicitat, data: new Date().toISOString() };
      escriu(CLAU.galetes, resposta);
      aplicaGaletes(resposta);
      this.galetes = resposta;
      this.galetesObert = false;
      if (!this.galetesDeInici) { this.avisa('Hem desat les teves preferències de galetes.'); return; }
      this.galetesDeInici = false;
      if (await this.calRecordatori()) setTimeout(() => this.obreRacional('inici'), 400);
    },

    /* ---- ubicació ---- */
    // Un cop vist el missatge de la ubicació, torna a cada arrencada mentre el permís no estigui concedit.
    async calRecordatori() {
      return !!llegeix(CLAU.ubicacio) && (await estatUbicacio()) !== 'granted';
    },
    obreRacional(des) {
      escriu(CLAU.ubicacio, true);
      this.racionalDes = des;
      this.racionalObert = true;
    },
    async obrePiscines() {
      if ((await estatUbicacio()) === 'granted') { this.racionalDes = 'piscines'; this.localitza(); return; }
      this.obreRacional('piscines');
    },
    activaUbicacio() {
      this.racionalObert = false;
      this.localitza();
    },
    araNo() {
      this.racionalObert = false;
      if (this.racionalDes === 'piscines') { this.posicio = null; this.ves('piscines'); }
    },
    localitza() {
      const des = this.racionalDes;
      const fet = (posicio) => {
        this.posicio = posicio;
        if (des === 'piscines' || this.pantalla === 'inici') {
          if (this.pantalla !== 'piscines') this.ves('piscines');
        }
      };
      const fallit = () => {
        this.posicio = null;
        if (des === 'piscines') { if (this.pantalla !== 'piscines') this.ves('piscines'); }
        else this.avisa("No hem pogut fer servir la teva ubicació.");
      };
      if (!navigator.geolocation) { fallit(); return; }
      navigator.geolocation.getCurrentPosition(
        (p) => fet({ lat: p.coords.latitude, lon: p.coords.longitude }),
        fallit,
        { timeout: 10000, maximumAge: 60000 },
      );
    },
    get piscinesOrdenades() {
      if (this.posicio) {
        const aqui = this.posicio;
        return PISCINES
          .map((p) => ({ ...p, km: distanciaKm(aqui, p) }))
          .sort((a, b) => a.km - b.km)
          .map((p) => ({ ...p, distancia: 'a ' + p.km.toLocaleString('ca', { maximumFractionDigits: 1 }) + ' km' }));
      }
      return PISCINES.map((p) => ({ ...p, distancia: '' })).sort((a, b) => a.nom.localeCompare(b.nom, 'ca'));
    },

    /* ---- reserves ---- */
    nomPiscina(id) { return nomDePiscina(id); },
    carregaReserves() { this.reservesFetes = (this.sessio && llegeix(clauReserves(this.sessio.usuari))) || []; },
    reservada(id) { return this.reservesFetes.includes(id); },
    textReserva(id) { return this.reservada(id) ? 'Reservada' : 'Reserva'; },
    reserva(id) {
      if (!this.sessio) { this.avisa('Inicia la sessió per reservar una sessió.'); return; }
      if (this.reservada(id)) return;
      this.reservesFetes = [...this.reservesFetes, id];
      escriu(clauReserves(this.sessio.usuari), this.reservesFetes);
      this.avisa('Reserva feta. Recorda portar el carnet d\'usuari.');
    },
    anulla(id) {
      this.reservesFetes = this.reservesFetes.filter((r) => r !== id);
      escriu(clauReserves(this.sessio.usuari), this.reservesFetes);
      this.avisa('Reserva anul·lada.');
    },
    get lesMevesReserves() { return SESSIONS.filter((s) => this.reservesFetes.includes(s.id)); },

    /* ---- compte ---- */
    async registra() {
      this.errorFormulari = '';
      const correu = this.correu.trim();
      if (!correu.includes('@')) { this.errorFormulari = 'Escriu una adreça de correu vàlida.'; return; }
      if (this.contrasenya.length < 6) { this.errorFormulari = 'La contrasenya ha de tenir almenys 6 caràcters.'; return; }
      this.enviant = true;
      const r = await api('signup', { username: correu, password: this.contrasenya });
      this.enviant = false;
      if (r.codi === 201) { this.obreSessio(r.resposta); this.avisa('Compte creat. Ja pots reservar!'); return; }
      this.errorFormulari = r.codi === 409 ? 'Ja hi ha un compte amb aquest correu.' : "No s'ha pogut crear el compte. Torna-ho a provar.";
    },
    async entra() {
      this.errorFormulari = '';
      this.enviant = true;
      const r = await api('login', { username: this.correu.trim(), password: this.contrasenya });
      this.enviant = false;
      if (r.codi === 200 && r.resposta.token) { this.obreSessio(r.resposta); this.avisa('Has iniciat la sessió.'); return; }
      this.errorFormulari = r.codi === 401 ? 'El correu o la contrasenya no són correctes.' : "No s'ha pogut iniciar la sessió.";
    },
    obreSessio(resposta) {
      this.sessio = { token: resposta.token, usuari: resposta.username };
      escriu(CLAU.sessio, this.sessio);
      this.carregaReserves();
      this.correu = '';
      this.contrasenya = '';
      this.pestanya('perfil');
    },
    oblidaSessio() {
      esborra(CLAU.sessio);
      this.sessio = null;
      this.reservesFetes = [];
    },
    async surt() {
      if (this.sessio) await api('logout', {}, this.sessio.token);
      this.oblidaSessio();
      this.pestanya('perfil');
      this.avisa("Has tancat la sessió.");
    },
    get inicial() { return this.sessio ? this.sessio.usuari.charAt(0).toUpperCase() : ''; },
    filesCompte() {
      const correu = this.sessio ? this.sessio.usuari : '';
      return [
        { titol: 'Accés', files: [
          { nom: 'Correu electrònic', valor: correu, avis: "Per canviar el correu, escriu a l'oficina d'esports." },
          { nom: 'Canvia la contrasenya', valor: '', avis: "T'hem enviat un correu per canviar la contrasenya." },
          { nom: 'Verificació en dos passos', valor: 'Desactivada', avis: 'La verificació en dos passos arribarà aviat.' },
          { nom: 'Dispositius connectats', valor: '1', avis: 'Només aquest telèfon té la sessió oberta.' },
        ] },
        { titol: 'Avisos per correu', files: [
          { nom: 'Recordatori de reserva', valor: 'Activat', avis: "T'enviarem un recordatori el dia abans." },
          { nom: 'Novetats de les piscines', valor: 'Activat', avis: 'Rebràs els canvis d\'horari i els tancaments.' },
          { nom: 'Butlletí mensual', valor: 'Desactivat', avis: 'El butlletí és opcional i ara no el reps.' },
        ] },
        { titol: 'Abonament i pagaments', files: [
          { nom: 'Abonament', valor: 'Cap', avis: "Pots fer-te l'abonament a qualsevol piscina municipal." },
          { nom: 'Targeta desada', valor: 'Cap', avis: 'No tens cap targeta desada.' },
          { nom: 'Rebuts', valor: '', avis: 'Encara no tens cap rebut.' },
        ] },
        { titol: 'Privadesa', files: [
          { nom: 'Descarrega les meves dades', valor: '', avis: 'Rebràs un fitxer amb les teves dades per correu.' },
          { nom: "Historial d'accessos", valor: '', avis: 'Últim accés: avui, des d\'aquest telèfon.' },
        ] },
        { titol: 'Sessió', files: [
          { nom: 'Tanca la sessió a tots els dispositius', valor: '', avis: 'Ja no hi ha cap altra sessió oberta.' },
        ] },
      ];
    },
    filaCompte(f) { this.avisa(f.avis); },

    /* ---- baixa ---- */
    triaMotiu(id) { this.motiu = id; this.errorMotiu = ''; },
    classeMotiu(id) { return this.motiu === id ? 'triat' : ''; },
    continuaBaixa() {
      if (!this.motiu) { this.errorMotiu = 'Tria un motiu per continuar.'; return; }
      this.errorBaixa = '';
      this.confirmObert = true;
    },
    mantenir() {
      this.confirmObert = false;
      this.pestanya('perfil');
      this.avisa('El teu compte continua actiu.');
    },
    async eliminaCompte() {
      if (!this.sessio || this.enviant) return;
      const motiu = (MOTIUS.find((m) => m.id === this.motiu) || {}).text || '';
      this.enviant = true;
      const r = await api('delete', { reason: motiu }, this.sessio.token);
      this.enviant = false;
      if (r.codi === 200) {
        esborra(clauReserves(this.sessio.usuari));
        this.oblidaSessio();
        this.confirmObert = false;
        this.motiu = null;
        this.historial = [];
        this.mostra('baixa-feta');
        return;
      }
      if (r.codi === 401) { this.oblidaSessio(); this.confirmObert = false; this.pestanya('perfil'); this.avisa('La sessió ha caducat.'); return; }
      this.errorBaixa = "No s'ha pogut eliminar el compte. Torna-ho a provar.";
    },
  };
}

document.addEventListener('alpine:init', () => {
  const A = window.Alpine;
  A.setEvaluator((el, expressio) => {
    const magics = {};
    A.injectMagics(magics, el);
    const pila = [magics, ...A.closestDataStack(el)];
    return (receptor = () => {}, { scope = {}, params = [] } = {}) => {
      const ctx = A.mergeProxies([scope, ...pila]);
      let resultat;
      try {
        resultat = typeof expressio === 'function' ? expressio.apply(ctx, params) : Expressio.compila(expressio)(ctx, params);
      } catch (error) {
        console.error(`[nedar] «${expressio}»`, error);
        return;
      }
      receptor(resultat);
    };
  });
  A.data('nedar', nedar);
});
