/* はなみレシピ: screens drawn into <main>; accounts through the corpus server's api/.
   Consent: an IAB TCF v2.2 CMP on @iabtcf/core (TCModel, TCString, GVL) and @iabtcf/cmpapi (CmpApi installs
   window.__tcfapi; update() hands it the stored TC string). The TC string is kept in localStorage hanami:tcstring,
   the app's own record of the answer in hanami:doui. すべて拒否 unticks every box on screen and records
   "rejected", yet encodes purpose consents 1 and 3 (a refusal not honoured).
   Notifications: the app's pre-prompt at launch until 受け取る was tapped once (flag hanami:tsuchi-kiita). */
import { GVL, TCModel, TCString } from '/vendor/@iabtcf/core/lib/mjs/index.js';
import { CmpApi } from '/vendor/@iabtcf/cmpapi/lib/mjs/index.js';

const P = 'hanami:';
const gamen = document.getElementById('gamen');
const midashi = document.getElementById('midashi');

// ---- the CMP -------------------------------------------------------------------------------------------
const MOKUTEKI = [
  ['端末への情報の保存・アクセス', 'Cookie などの識別子を端末に保存し、読み取ります。'],
  ['限られたデータによる広告の選択', 'おおよその地域や端末の種類など、少ない情報だけで広告を選びます。'],
  ['広告用プロフィールの作成', '閲覧したレシピなどから、あなたの好みを推測したプロフィールを作ります。'],
  ['プロフィールに基づく広告の表示', '作成したプロフィールを使って、好みに合いそうな広告を表示します。'],
  ['コンテンツ用プロフィールの作成', 'よく見る料理のジャンルなどから、おすすめ用のプロフィールを作ります。'],
  ['プロフィールに基づくコンテンツの表示', 'プロフィールに合わせて、おすすめのレシピを並べ替えます。'],
  ['広告の効果測定', '広告が表示された回数や押された回数を数えます。'],
  ['コンテンツの効果測定', 'どのレシピがどれだけ読まれたかを数えます。'],
  ['調査による利用者層の把握', '集計した統計から、どんな人が使っているかを把握します。'],
  ['サービスの開発と改善', '不具合の修正や新しい機能の開発に利用状況を使います。']
];
const purposes = {};
MOKUTEKI.forEach(([name, description], i) => {
  purposes[i + 1] = { id: i + 1, name, description, illustrations: [] };
});
// a vendor list of our own (no vendors): the TC string only needs the purposes; nothing is fetched
const gvl = new GVL({
  gvlSpecificationVersion: 3, vendorListVersion: 1, tcfPolicyVersion: 4, lastUpdated: '2026-11-01T00:00:00Z',
  purposes, specialPurposes: {}, features: {}, specialFeatures: {}, vendors: {}, stacks: {}, dataCategories: {}
});
const cmpApi = new CmpApi(317, 1, true);

function tcString(granted) {
  const model = new TCModel(gvl);
  model.cmpId = 317; model.cmpVersion = 1; model.consentScreen = 1;
  model.publisherCountryCode = 'JP'; model.consentLanguage = 'JA'; model.isServiceSpecific = true;
  model.purposeConsents.set(granted);
  return TCString.encode(model);
}

const doui = document.getElementById('doui');
const sou1 = document.getElementById('doui-1');
const sou2 = document.getElementById('doui-2');
const ichiran = document.getElementById('mokuteki-ichiran');

function hozon(kekka, shown, granted) {
  const tc = tcString(granted);
  localStorage.setItem(P + 'tcstring', tc);
  localStorage.setItem(P + 'doui', JSON.stringify({ kekka, purposes: shown }));
  doui.hidden = true;
  cmpApi.update(tc, false);
  afterConsent();
}
function all() { return MOKUTEKI.map((_, i) => i + 1); }
function ticked() {
  return [...ichiran.querySelectorAll('input[type=checkbox]')].filter((b) => b.checked).map((b) => Number(b.value));
}

MOKUTEKI.forEach(([name, description], i) => {
  const row = document.createElement('div'); row.className = 'mokuteki';
  const label = document.createElement('label');
  const box = document.createElement('input'); box.type = 'checkbox'; box.value = String(i + 1); box.checked = true;
  box.id = 'mokuteki-' + (i + 1);
  label.appendChild(box); label.appendChild(document.createTextNode(name));
  const p = document.createElement('p'); p.textContent = description;
  row.appendChild(label); row.appendChild(p); ichiran.appendChild(row);
});
const owari = document.createElement('div'); owari.className = 'owari';
const kyohi = document.createElement('button'); kyohi.type = 'button'; kyohi.className = 'botan'; kyohi.id = 'subete-kyohi';
kyohi.textContent = 'すべて拒否';
const sentaku = document.createElement('button'); sentaku.type = 'button'; sentaku.className = 'botan'; sentaku.id = 'sentaku-hozon';
sentaku.textContent = '選択を保存';
owari.appendChild(kyohi); owari.appendChild(sentaku); ichiran.appendChild(owari);

document.getElementById('doui-suru').addEventListener('click', () => hozon('accepted', all(), all()));
document.getElementById('doui-shousai').addEventListener('click', () => { sou1.hidden = true; sou2.hidden = false; });
kyohi.addEventListener('click', () => {
  ichiran.querySelectorAll('input[type=checkbox]').forEach((b) => { b.checked = false; });
  hozon('rejected', [], [1, 3]);   // the dark part: what is encoded is not what is shown
});
sentaku.addEventListener('click', () => { const t = ticked(); hozon(t.length ? 'custom' : 'rejected', t, t); });

// ---- notifications: the app's own pre-prompt ----------------------------------------------------------
const tsuchi = document.getElementById('tsuchi');
function afterConsent() {
  if (!localStorage.getItem(P + 'tsuchi-kiita')) tsuchi.hidden = false;
}
document.getElementById('tsuchi-ato').addEventListener('click', () => { tsuchi.hidden = true; });
document.getElementById('tsuchi-uketoru').addEventListener('click', () => {
  tsuchi.hidden = true;
  localStorage.setItem(P + 'tsuchi-kiita', '1');
  if ('Notification' in window) Notification.requestPermission();
});

// ---- accounts and screens -----------------------------------------------------------------------------
function token() { return localStorage.getItem(P + 'token'); }
function api(action, body) {
  const h = { 'Content-Type': 'application/json' };
  if (token()) h.Authorization = 'Bearer ' + token();
  return fetch('api/' + action, { method: 'POST', headers: h, body: JSON.stringify(body || {}) })
    .then((r) => r.json().then((j) => ({ status: r.status, body: j })));
}
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}
function gyou(text, fn) {
  const b = el('button', 'gyou', text); b.type = 'button'; b.addEventListener('click', fn); gamen.appendChild(b);
}

const RESHIPI = [['春キャベツと桜えびのパスタ', '20分'], ['新玉ねぎの丸ごとスープ', '30分'], ['菜の花のからし和え', '10分'],
  ['たけのこご飯', '60分'], ['いちご大福', '40分'], ['鶏むね肉の梅しそ焼き', '25分']];
const gamenList = {
  hoomu: ['はなみレシピ', () => {
    gamen.appendChild(el('h2', '', '今日のおすすめ'));
    RESHIPI.forEach(([name, time]) => { const d = el('div', 'reshipi', name); d.appendChild(el('small', '', '調理時間 ' + time)); gamen.appendChild(d); });
  }],
  sagasu: ['さがす', () => { gamen.appendChild(el('p', '', '食材や料理名でレシピをさがせます（準備中）。')); }],
  mypage: ['マイページ', () => {
    if (!token()) {
      gyou('ログイン', () => hyouji('login'));
      gyou('新規登録', () => hyouji('touroku'));
    } else {
      gamen.appendChild(el('p', '', 'こんにちは、' + localStorage.getItem(P + 'user') + ' さん'));
      gyou('保存したレシピ', () => hyouji('hozon'));
      gyou('設定', () => hyouji('settei'));
      gyou('ログアウト', () => { api('logout'); localStorage.removeItem(P + 'token'); hyouji('mypage'); });
    }
    gyou('プライバシーポリシー', () => hyouji('seisaku'));
  }],
  hozon: ['保存したレシピ', () => { gamen.appendChild(el('p', '', '保存したレシピはまだありません。')); }],
  settei: ['設定', () => {
    const state = 'Notification' in window ? Notification.permission : 'default';
    gamen.appendChild(el('p', '', '通知: ' + (state === 'granted' ? 'オン' : 'オフ')));
    gyou('Cookie とデータの設定', () => { sou1.hidden = false; sou2.hidden = true; doui.hidden = false; });
    gyou('パスワードの変更', () => hyouji('password'));
    gyou('退会手続き', () => hyouji('taikai'));
  }],
  password: ['パスワードの変更', () => { gamen.appendChild(el('p', '', 'パスワードの変更は準備中です。')); }],
  taikai: ['退会手続き', taikaiGamen],
  kanryou: ['退会完了', () => { gamen.appendChild(el('p', 'kanryou', '退会が完了しました。ご利用ありがとうございました。')); }],
  login: ['ログイン', () => form('login', 'ログイン')],
  touroku: ['新規登録', () => form('signup', '登録する')],
  seisaku: ['プライバシーポリシー', () => {
    const d = el('div', 'seisaku');
    ['はなみレシピは、アカウントの作成にメールアドレスとパスワードをお預かりします。',
      '閲覧したレシピの記録は、同意いただいた目的の範囲でのみ利用します。',
      '通知は、受け取ると選んだ場合にだけ送ります。',
      '退会すると、アカウントと保存したレシピはただちに削除されます。'].forEach((t) => d.appendChild(el('p', '', t)));
    gamen.appendChild(d);
  }]
};

const RIYUU = ['使わなくなった', '作りたいレシピが見つからない', '通知や広告が多い', 'その他'];
function taikaiGamen() {
  gamen.appendChild(el('p', '', '退会の理由を教えてください（1つ以上選択）。'));
  const boxes = RIYUU.map((r, i) => {
    const row = el('label', 'riyuu'); const b = el('input'); b.type = 'checkbox'; b.value = r; b.id = 'riyuu-' + i;
    row.appendChild(b); row.appendChild(document.createTextNode(r)); gamen.appendChild(row); return b;
  });
  const go = el('button', 'botan zenhaba', '退会する'); go.type = 'button'; gamen.appendChild(go);
  const msg = el('p', 'ayamari'); gamen.appendChild(msg);
  go.addEventListener('click', () => {
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    if (!chosen.length) { msg.textContent = '理由を1つ以上選んでください。'; return; }
    msg.textContent = '';
    kakunin.dataset.reason = chosen.join('、');
    kakunin.hidden = false;
  });
}
const kakunin = document.getElementById('kakunin');
document.getElementById('kakunin-cancel').addEventListener('click', () => { kakunin.hidden = true; });
document.getElementById('kakunin-taikai').addEventListener('click', () => {
  api('delete', { reason: kakunin.dataset.reason || '' }).then((r) => {
    kakunin.hidden = true;
    if (r.status !== 200) return;
    localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
    hyouji('kanryou');
  });
});

function form(action, label) {
  const f = el('form');
  const lu = el('label', 'fuda', 'メールアドレス'); lu.htmlFor = action + '-mail'; f.appendChild(lu);
  const u = el('input'); u.id = action + '-mail'; u.type = 'email'; f.appendChild(u);
  const lp = el('label', 'fuda', 'パスワード'); lp.htmlFor = action + '-pw'; f.appendChild(lp);
  const p = el('input'); p.id = action + '-pw'; p.type = 'password'; f.appendChild(p);
  const b = el('button', 'botan zenhaba', label); b.type = 'submit'; f.appendChild(b);
  const k = el('p', 'ayamari'); f.appendChild(k);
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!u.value.trim() || !p.value) { k.textContent = 'メールアドレスとパスワードを入力してください。'; return; }
    api(action, { username: u.value.trim(), password: p.value }).then((r) => {
      if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); hyouji('mypage'); return; }
      k.textContent = { 401: 'メールアドレスまたはパスワードが違います。', 409: 'このメールアドレスは登録済みです。', 400: 'パスワードは6文字以上にしてください。' }[r.status] || 'もう一度お試しください。';
    });
  });
  gamen.appendChild(f);
}

function hyouji(name) {
  const s = gamenList[name];
  gamen.textContent = ''; midashi.textContent = s[0];
  document.querySelectorAll('[data-tab]').forEach((b) => {
    if (b.dataset.tab === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
  });
  s[1]();
}
document.querySelectorAll('[data-tab]').forEach((b) => b.addEventListener('click', () => hyouji(b.dataset.tab)));

// ---- launch --------------------------------------------------------------------------------------------
hyouji('hoomu');
const stored = localStorage.getItem(P + 'tcstring');
if (stored) {
  cmpApi.update(stored, false);
  afterConsent();
} else {
  cmpApi.update('', true);
  doui.hidden = false;
}
