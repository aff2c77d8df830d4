/* Lauks — a farmers'-market app on Material Web (md-* custom elements, each its own open shadow root; the real
   <button>/<input> inside). Screens rendered into <main id=view> on a stack (back = the top bar's arrow); accounts
   through the corpus server's api/.
   Consent: md-dialog#consent at every launch until answered (its Escape / scrim "cancel" refused): a filled
   «Pieņemt visu», a text «Iestatījumi» opening md-dialog#prefs (a locked Nepieciešamās, Statistika and
   Personalizēti piedāvājumi on, Reklāma off, «Saglabāt izvēli» storing the switches as shown). Stored in
   localStorage lauks:sikdatnes.
   Camera: only on Tirgi → a market → a stall → «Skenēt cenu zīmi» (getUserMedia); refused, the typed code works.
   Deletion: every new account holds an active paid Lauks+ (lauks:plus:<user> = 'atcelts' once cancelled); while
   it is active «Dzēst kontu» shows only «Vispirms atceliet abonementu» and a link to the subscription; cancelling
   passes md-dialog#offer and md-dialog#confirm, then goes back one screen. */
import '@material/web/dialog/dialog.js';
import '@material/web/button/filled-button.js';
import '@material/web/button/text-button.js';
import '@material/web/button/outlined-button.js';
import '@material/web/switch/switch.js';
import '@material/web/list/list.js';
import '@material/web/list/list-item.js';
import '@material/web/textfield/outlined-text-field.js';
import '@material/web/iconbutton/icon-button.js';
import '@material/web/divider/divider.js';

const P = 'lauks:';
const $ = (id) => document.getElementById(id);
const view = $('view'), title = $('title'), back = $('back');
let stack = [];

const token = () => localStorage.getItem(P + 'token');
const user = () => localStorage.getItem(P + 'user') || '';
const plusActive = () => localStorage.getItem(P + 'plus:' + user()) !== 'atcelts';
async function api(action, body) {
  const headers = {'Content-Type': 'application/json'};
  if (token()) headers.Authorization = 'Bearer ' + token();
  const r = await fetch('api/' + action, {method: 'POST', headers, body: JSON.stringify(body || {})});
  return {status: r.status, body: await r.json()};
}
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
function snack(text) {
  const s = $('snack'); s.textContent = text; s.hidden = false;
  clearTimeout(snack.t); snack.t = setTimeout(() => { s.hidden = true; }, 2500);
}
const item = (to, head, sub) => `<md-list-item type="button" data-to="${to}"><div slot="headline">${head}</div>` +
  (sub ? `<div slot="supporting-text">${sub}</div>` : '') + '</md-list-item>';

const MARKETS = {
  centraltirgus: ['Rīgas Centrāltirgus', [['darzeni', 'Dārzeņi — Bērziņu saimniecība'], ['medus', 'Medus — Dravnieki'], ['siers', 'Siers — Kalna mājas']]],
  kalnciems: ['Kalnciema kvartāla tirdziņš', [['maize', 'Rupjmaize — Lejas ceptuve'], ['ogas', 'Ogas — Saulrīti']]],
  agenskalns: ['Āgenskalna tirgus', [['zivis', 'Kūpinātas zivis — Jūrmalnieki'], ['puķes', 'Puķes — Rozītes']]]
};
const CODES = {'LV-1024': 'Burkāni, 1 kg — 1,20 €', 'LV-2048': 'Liepu medus, 500 g — 7,50 €', 'LV-4096': 'Kūpināts siers — 4,90 €'};

const SCREENS = {
  home: () => ['Lauks', `<h2>Labrīt!</h2><p>Svaigākais no tuvējām saimniecībām šonedēļ.</p><md-list>
    ${item('markets', 'Tirgi tuvumā', 'Trīs tirgi atvērti šodien')}
    <md-list-item><div slot="headline">Jaunie kartupeļi</div><div slot="supporting-text">no 0,90 €/kg</div></md-list-item>
    <md-list-item><div slot="headline">Meža zemenes</div><div slot="supporting-text">no 4,00 € par litru</div></md-list-item></md-list>`],
  markets: () => ['Tirgi', '<md-list>' + Object.entries(MARKETS).map(([k, m]) => item('market:' + k, m[0], m[1].length + ' stendi')).join('') + '</md-list>'],
  market: (k) => [MARKETS[k][0], '<md-list>' + MARKETS[k][1].map(([s, name]) => item('stall:' + s, name, 'Atvērts līdz 15:00')).join('') + '</md-list>'],
  stall: (s) => ['Stends', `<p>Cenas stendā var pārbaudīt, noskenējot cenu zīmi vai ievadot tās kodu.</p>
    <div class="form"><md-filled-button id="scan">Skenēt cenu zīmi</md-filled-button></div><div id="scanout"></div>`],
  profile: () => token()
    ? ['Profils', `<p>${esc(user())}</p><md-list>${item('account', 'Konts', 'E-pasts, abonements, dzēšana')}
        ${item('plus', 'Lauks+ abonements', plusActive() ? 'Aktīvs · 4,99 €/mēn.' : 'Nav aktīvs')}
        ${item('orders', 'Mani pasūtījumi')}${item('privacy', 'Privātums')}</md-list><md-divider></md-divider>
        <md-list>${item('logout', 'Iziet')}</md-list>`]
    : ['Profils', `<p>Pieslēdzieties, lai pasūtītu un saņemtu piegādi.</p><div class="form">
        <md-filled-button data-to="login">Pieslēgties</md-filled-button>
        <md-outlined-button data-to="signup">Izveidot kontu</md-outlined-button></div>`],
  login: () => ['Pieslēgties', `<div class="form"><md-outlined-text-field id="f-user" label="E-pasts" type="email"></md-outlined-text-field>
    <md-outlined-text-field id="f-pass" label="Parole" type="password"></md-outlined-text-field>
    <p class="note" id="err"></p><md-filled-button id="do-login">Ienākt</md-filled-button></div>`],
  signup: () => ['Izveidot kontu', `<div class="form"><md-outlined-text-field id="f-user" label="E-pasts" type="email"></md-outlined-text-field>
    <md-outlined-text-field id="f-pass" label="Parole" type="password" supporting-text="Vismaz 6 rakstzīmes"></md-outlined-text-field>
    <p class="note">Jaunam kontam pirmo mēnesi ieslēgts Lauks+ (4,99 €/mēn.; maksājums pēc 30 dienām).</p>
    <p class="note" id="err"></p><md-filled-button id="do-signup">Reģistrēties</md-filled-button></div>`],
  account: () => ['Konts', `<md-list><md-list-item><div slot="headline">E-pasts</div><div slot="supporting-text">${esc(user())}</div></md-list-item>
    ${item('password', 'Mainīt paroli')}${item('delete', 'Dzēst kontu')}</md-list>`],
  password: () => ['Mainīt paroli', '<p>Paroles maiņa drīzumā būs pieejama.</p>'],
  orders: () => ['Mani pasūtījumi', '<p>Jums vēl nav pasūtījumu.</p>'],
  privacy: () => ['Privātums', `<md-list>${item('cookies', 'Sīkdatņu iestatījumi')}</md-list>`],
  plus: () => ['Lauks+ abonements', plusActive()
    ? `<p><b>Lauks+</b> · 4,99 €/mēn. · aktīvs</p><p class="note">Nākamais maksājums: 1. janvārī. Bezmaksas piegāde no visiem tirgiem.</p>
       <div class="form"><md-outlined-button id="plus-cancel">Atcelt abonementu</md-outlined-button></div>`
    : '<p>Lauks+ nav aktīvs.</p>'],
  'delete': () => ['Dzēst kontu', plusActive()
    ? `<div class="warn"><b>Vispirms atceliet abonementu.</b><br>Kamēr Lauks+ abonements ir aktīvs, kontu dzēst nevar.
       <br><a href="#" data-to="plus">Pārvaldīt abonementu</a></div>`
    : `<p>Konts, pasūtījumu vēsture un saglabātie tirgi tiks dzēsti uzreiz un neatgriezeniski.</p><div class="form">
       <md-outlined-text-field id="f-pass" label="Parole" type="password"></md-outlined-text-field><p class="note" id="err"></p>
       <md-filled-button id="do-delete" class="danger">Dzēst neatgriezeniski</md-filled-button></div>`],
  deleted: () => ['Konts dzēsts', '<p>Jūsu konts ir dzēsts. Paldies, ka iepirkāties Laukā.</p>']
};

function render() {
  const [name, arg] = stack[stack.length - 1].split(':');
  const [t, html] = SCREENS[name](arg);
  title.textContent = t; view.innerHTML = html; back.hidden = stack.length < 2;
  window.scrollTo(0, 0);
}
function go(to) { stack.push(to); render(); }
function tab(to) { stack = [to]; render(); }
back.addEventListener('click', () => { if (stack.length > 1) { stack.pop(); render(); } });
$('tabs').addEventListener('click', (e) => { const b = e.target.closest('[data-tab]'); if (b) tab(b.dataset.tab); });

const val = (id) => ($(id) ? $(id).value.trim() : '');
view.addEventListener('click', async (e) => {
  const to = e.target.closest('[data-to]');
  if (to) {
    e.preventDefault();
    const where = to.dataset.to;
    if (where === 'logout') { await api('logout'); localStorage.removeItem(P + 'token'); tab('profile'); return; }
    if (where === 'cookies') { openPrefs(); return; }
    go(where); return;
  }
  const b = e.target.closest('[id]');
  if (!b) return;
  if (b.id === 'do-signup' || b.id === 'do-login') {
    const r = await api(b.id === 'do-signup' ? 'signup' : 'login', {username: val('f-user'), password: $('f-pass').value});
    if (r.status < 300 && r.body.token) {
      localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', r.body.username);
      if (b.id === 'do-signup') localStorage.removeItem(P + 'plus:' + r.body.username);
      tab('profile'); snack(b.id === 'do-signup' ? 'Konts izveidots. Lauks+ ir aktīvs.' : 'Sveicināti!');
    } else $('err').textContent = b.id === 'do-signup' ? 'Ievadiet e-pastu un paroli (vismaz 6 rakstzīmes).' : 'Nepareizs e-pasts vai parole.';
  } else if (b.id === 'plus-cancel') {
    $('offer').show();
  } else if (b.id === 'do-delete') {
    if (!$('f-pass').value) { $('err').textContent = 'Ievadiet paroli.'; return; }
    const r = await api('delete', {password: $('f-pass').value});
    if (r.status === 200) {
      localStorage.removeItem(P + 'plus:' + user());
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      stack = ['deleted']; render();
    } else $('err').textContent = 'Nepareiza parole.';
  } else if (b.id === 'scan') {
    const out = $('scanout');
    const field = '<div class="form"><md-outlined-text-field id="f-code" label="Cenu zīmes kods" placeholder="LV-1024"></md-outlined-text-field>' +
      '<md-filled-button id="do-code">Meklēt</md-filled-button></div><p id="found" class="price"></p>';
    try {
      const stream = await navigator.mediaDevices.getUserMedia({video: true});
      stream.getTracks().forEach((t) => t.stop());
      out.innerHTML = '<p>Kamera gatava: tuviniet cenu zīmi. Vai ievadiet kodu:</p>' + field;
    } catch (err) {
      out.innerHTML = '<p>Bez kameras piekļuves cenu zīmi nevar noskenēt. Ievadiet kodu, kas rakstīts zem svītrkoda:</p>' + field;
    }
  } else if (b.id === 'do-code') {
    $('found').textContent = CODES[val('f-code').toUpperCase()] || 'Kods nav atrasts. Piemērs: LV-1024';
  }
});

/* consent */
const stored = () => JSON.parse(localStorage.getItem(P + 'sikdatnes') || 'null');
function store(choice) {
  localStorage.setItem(P + 'sikdatnes', JSON.stringify(Object.assign({nepieciesamas: true, laiks: Date.now()}, choice)));
}
function openPrefs() {
  const s = stored();
  if (s) for (const k of ['statistika', 'personalizacija', 'reklama']) $('p-' + k).selected = !!s[k];
  $('prefs').show();
}
for (const d of ['consent', 'prefs', 'offer', 'confirm']) {
  // the layers are answered only by their buttons: Escape and the scrim do nothing
  $(d).addEventListener('cancel', (e) => e.preventDefault());
}
$('c-accept').addEventListener('click', () => {
  store({statistika: true, personalizacija: true, reklama: true}); $('consent').close();
});
$('c-settings').addEventListener('click', () => { $('consent').close(); openPrefs(); });
$('p-save').addEventListener('click', () => {
  store({statistika: $('p-statistika').selected, personalizacija: $('p-personalizacija').selected, reklama: $('p-reklama').selected});
  $('prefs').close(); snack('Izvēle saglabāta.');
});

/* the subscription's cancellation */
$('o-keep').addEventListener('click', () => { $('offer').close(); snack('Lieliski! Nākamos 3 mēnešus 2,49 €/mēn.'); });
$('o-cancel').addEventListener('click', () => { $('offer').close(); $('confirm').show(); });
$('k-back').addEventListener('click', () => { $('confirm').close(); });
$('k-yes').addEventListener('click', () => {
  localStorage.setItem(P + 'plus:' + user(), 'atcelts');
  $('confirm').close();
  if (stack.length > 1) stack.pop();
  render(); snack('Abonements atcelts.');
});

async function start() {
  await Promise.all(['md-dialog', 'md-filled-button', 'md-list-item'].map((n) => customElements.whenDefined(n)));
  if (token()) {
    const me = await api('me');
    if (me.status !== 200) { localStorage.removeItem(P + 'token'); }
  }
  tab('home');
  if (!stored()) $('consent').show();
}
start();
