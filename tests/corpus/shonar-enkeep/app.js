/* সোনার খবর — a Bengali news reader. Screens are functions drawing into <main>; a stack gives «ফিরে যান».
   Launch: the consent popup (react-cookie-consent-popup, see index.html) until answered; then, once, the app's own
   notification pre-prompt (a big «চালু করুন» that alone calls Notification.requestPermission, a small grey link
   «এখন না»). Deletion: সেটিংস → গোপনীয়তা → «অ্যাকাউন্ট ও তথ্য মুছে ফেলুন» → the password again → an optional
   reason → «আপনি কি নিশ্চিত?» (big blue «অ্যাকাউন্ট রেখে দিন», small grey «মুছে ফেলুন») → scheduled for 14 days,
   logged out. */
(function () {
  'use strict';
  var KEY = 'shonar:';
  var view = document.getElementById('view'), titleEl = document.getElementById('title');
  var backEl = document.getElementById('back'), tabsEl = document.getElementById('tabs');
  var stack = [];

  function get(k) { return localStorage.getItem(KEY + k); }
  function put(k, v) { localStorage.setItem(KEY + k, v); }
  function drop(k) { localStorage.removeItem(KEY + k); }
  function make(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function button(text, cls, fn) { var b = make('button', cls, text); b.type = 'button'; b.addEventListener('click', fn); return b; }
  function row(text, fn) { var a = make('a', 'row', text); a.href = '#'; a.addEventListener('click', function (e) { e.preventDefault(); fn(); }); return a; }
  function field(parent, label, type, id) {
    var l = make('label', 'field'); l.htmlFor = id; l.appendChild(make('span', '', label));
    var i = document.createElement(type === 'area' ? 'textarea' : 'input'); i.id = id; if (type !== 'area') i.type = type;
    l.appendChild(i); parent.appendChild(l); return i;
  }
  function api(action, body) {
    var headers = {'Content-Type': 'application/json'};
    if (get('token')) headers.Authorization = 'Bearer ' + get('token');
    return fetch('api/' + action, {method: 'POST', headers: headers, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }

  function show(name, arg, keep) {
    if (!keep) stack.push([name, arg]);
    view.innerHTML = '';
    titleEl.textContent = SCREENS[name](view, arg);
    backEl.hidden = stack.length < 2;
    Array.prototype.forEach.call(tabsEl.children, function (t) { t.classList.toggle('on', t.dataset.root === stack[0][0]); });
    view.scrollTop = 0;
  }
  function root(name) { stack = []; show(name); }
  function back() { if (stack.length > 1) { stack.pop(); var top = stack[stack.length - 1]; show(top[0], top[1], true); } }
  backEl.addEventListener('click', back);

  var NEWS = [
    ['পদ্মার চরে নতুন ধানের জাত, কৃষকের মুখে হাসি', 'কৃষি', 'রাজশাহীর চরাঞ্চলে এবার খরা সহনশীল নতুন জাতের ধান চাষ করে ভালো ফলন পেয়েছেন কৃষকেরা।'],
    ['ঢাকায় মেট্রোরেলের নতুন স্টেশন চালু', 'নগর', 'আজ সকাল থেকে নতুন দুটি স্টেশনে যাত্রী ওঠানামা শুরু হয়েছে।'],
    ['টেস্টে শেষ দিনে জয়ের স্বপ্ন', 'খেলা', 'শেষ দিনে দরকার ২১০ রান, হাতে সাত উইকেট।'],
    ['বইমেলায় তরুণ লেখকদের ভিড়', 'সংস্কৃতি', 'এবারের মেলায় প্রথম বই নিয়ে এসেছেন দুই শতাধিক তরুণ লেখক।']
  ];

  var SCREENS = {
    home: function (v) {
      v.appendChild(make('p', 'date', 'আজকের প্রধান খবর'));
      NEWS.forEach(function (n, i) {
        var card = make('a', 'card'); card.href = '#';
        card.appendChild(make('span', 'tag', n[1])); card.appendChild(make('strong', '', n[0]));
        card.addEventListener('click', function (e) { e.preventDefault(); show('article', i); });
        v.appendChild(card);
      });
      return 'সোনার খবর';
    },
    article: function (v, i) {
      v.appendChild(make('h2', '', NEWS[i][0])); v.appendChild(make('p', 'body', NEWS[i][2]));
      return NEWS[i][1];
    },
    sections: function (v) {
      ['জাতীয়', 'আন্তর্জাতিক', 'খেলা', 'বিনোদন', 'কৃষি'].forEach(function (s) { v.appendChild(row(s, function () { show('section', s); })); });
      return 'বিভাগ';
    },
    section: function (v, s) { v.appendChild(make('p', 'body', s + ' বিভাগে এখন নতুন কোনো খবর নেই।')); return s; },
    settings: function (v) {
      if (get('token')) {
        v.appendChild(make('p', 'who', 'লগ ইন করা আছে: ' + get('user')));
        v.appendChild(row('নোটিফিকেশন', function () { show('notif'); }));
        v.appendChild(row('লেখার আকার', function () { show('font'); }));
        v.appendChild(row('গোপনীয়তা', function () { show('privacy'); }));
        v.appendChild(row('লগ আউট', function () { api('logout').then(function () { drop('token'); drop('user'); root('settings'); }); }));
      } else {
        v.appendChild(row('লগ ইন', function () { show('login'); }));
        v.appendChild(row('নতুন অ্যাকাউন্ট খুলুন', function () { show('signup'); }));
        v.appendChild(row('লেখার আকার', function () { show('font'); }));
      }
      return 'সেটিংস';
    },
    notif: function (v) {
      var state = window.Notification ? Notification.permission : 'denied';
      v.appendChild(make('p', 'body', state === 'granted' ? 'ব্রেকিং নিউজের নোটিফিকেশন চালু আছে।' : 'নোটিফিকেশন বন্ধ। খবর পড়তে কোনো সমস্যা নেই।'));
      return 'নোটিফিকেশন';
    },
    font: function (v) { v.appendChild(make('p', 'body', 'লেখার আকার: মাঝারি')); return 'লেখার আকার'; },
    privacy: function (v) {
      v.appendChild(make('p', 'body', 'আপনার তথ্য কীভাবে ব্যবহার হয় তা আমাদের গোপনীয়তা নীতিতে লেখা আছে।'));
      v.appendChild(row('অ্যাকাউন্ট ও তথ্য মুছে ফেলুন', function () { show('delPassword'); }));
      return 'গোপনীয়তা';
    },
    delPassword: function (v) {
      v.appendChild(make('p', 'body', 'নিরাপত্তার জন্য আবার আপনার পাসওয়ার্ড দিন।'));
      var pw = field(v, 'পাসওয়ার্ড', 'password', 'del-pw');
      var msg = make('p', 'msg'); v.appendChild(msg);
      v.appendChild(button('এগিয়ে যান', 'primary', function () {
        if (!pw.value) { msg.textContent = 'পাসওয়ার্ড লিখুন।'; return; }
        api('login', {username: get('user'), password: pw.value}).then(function (r) {
          if (r.status !== 200) { msg.textContent = 'পাসওয়ার্ড ঠিক নয়।'; return; }
          if (r.body.token) { put('token', r.body.token); }
          show('delReason', {password: pw.value});
        });
      }));
      return 'অ্যাকাউন্ট মুছে ফেলা';
    },
    delReason: function (v, d) {
      v.appendChild(make('p', 'body', 'কেন চলে যাচ্ছেন জানালে আমরা উন্নতি করতে পারি। না লিখলেও চলবে।'));
      var why = field(v, 'কারণ (ঐচ্ছিক)', 'area', 'del-why');
      v.appendChild(button('এগিয়ে যান', 'primary', function () { show('delConfirm', {password: d.password, reason: why.value}); }));
      return 'অ্যাকাউন্ট মুছে ফেলা';
    },
    delConfirm: function (v, d) {
      v.appendChild(make('h2', 'ask', 'আপনি কি নিশ্চিত?'));
      v.appendChild(make('p', 'body', 'মুছে ফেললে আপনার সংরক্ষিত খবর, মন্তব্য ও পছন্দের বিভাগ আর ফিরে পাবেন না।'));
      v.appendChild(button('Keep my account', 'keep', function () { root('home'); }));
      var msg = make('p', 'msg');
      v.appendChild(button('Delete', 'faint', function () {
        api('delete', {password: d.password, reason: d.reason}).then(function (r) {
          if (r.status !== 200) { msg.textContent = 'এখন মুছে ফেলা গেল না। আবার চেষ্টা করুন।'; return; }
          drop('token'); drop('user');
          stack = [['settings']]; show('deleted', r.body.days, true);
        });
      }));
      v.appendChild(msg);
      return 'নিশ্চিত করুন';
    },
    deleted: function (v) {
      v.appendChild(make('p', 'done', 'অনুরোধ গৃহীত। আপনার অ্যাকাউন্ট ১৪ দিন পরে মুছে ফেলা হবে।'));
      v.appendChild(make('p', 'body', 'এর মধ্যে লগ ইন করলে অনুরোধ বাতিল হবে না; মত বদলালে আমাদের লিখুন।'));
      return 'অনুরোধ গৃহীত';
    },
    login: function (v) { return account(v, 'login'); },
    signup: function (v) { return account(v, 'signup'); }
  };

  function account(v, action) {
    var user = field(v, 'ইমেল', 'email', action + '-user'), pw = field(v, 'পাসওয়ার্ড', 'password', action + '-pw');
    var msg = make('p', 'msg'); v.appendChild(msg);
    var label = action === 'login' ? 'লগ ইন করুন' : 'অ্যাকাউন্ট খুলুন';
    v.appendChild(button(label, 'primary', function () {
      if (!user.value || !pw.value) { msg.textContent = 'ইমেল ও পাসওয়ার্ড দুটোই লিখুন।'; return; }
      api(action, {username: user.value.trim(), password: pw.value}).then(function (r) {
        if (r.status === 200 && r.body.status === 'pending') { msg.textContent = 'এই অ্যাকাউন্ট মুছে ফেলার অপেক্ষায় আছে।'; return; }
        if (r.status !== 200 && r.status !== 201) {
          msg.textContent = {taken: 'এই ইমেলে আগেই অ্যাকাউন্ট আছে।', wrong: 'ইমেল বা পাসওয়ার্ড ভুল।', invalid: 'পাসওয়ার্ড অন্তত ৬ অক্ষরের হতে হবে।'}[r.body.error] || 'আবার চেষ্টা করুন।';
          return;
        }
        put('token', r.body.token); put('user', r.body.username); root('settings');
      });
    }));
    return action === 'login' ? 'লগ ইন' : 'নতুন অ্যাকাউন্ট';
  }

  [['খবর', 'home'], ['বিভাগ', 'sections'], ['সেটিংস', 'settings']].forEach(function (t) {
    var b = button(t[0], 'tab', function () { root(t[1]); }); b.dataset.root = t[1]; tabsEl.appendChild(b);
  });
  root('home');

  /* the app's own pre-prompt, once, after the consent choice: only «চালু করুন» asks the browser */
  function prePrompt() {
    if (get('notif-asked')) return;
    var shade = make('div', 'shade'), box = make('div', 'sheet');
    box.setAttribute('role', 'dialog'); box.setAttribute('aria-modal', 'true');
    box.appendChild(make('div', 'bell', '🔔'));
    box.appendChild(make('h2', '', 'ব্রেকিং নিউজ সবার আগে পেতে চান?'));
    box.appendChild(make('p', 'body', 'বড় খবর এলেই আমরা আপনাকে জানিয়ে দেব।'));
    box.appendChild(button('চালু করুন', 'keep', function () {
      put('notif-asked', '1'); shade.remove();
      if (window.Notification) Notification.requestPermission().then(function (r) { put('notif', r); });
    }));
    var later = make('span', 'later', 'এখন না');
    later.addEventListener('click', function () { put('notif-asked', '1'); shade.remove(); });
    box.appendChild(later);
    shade.appendChild(box); document.body.appendChild(shade);
  }

  var lib = window.ConsentPopupLib, h = React.createElement;
  var services = [
    {id: 'dorkari', name: 'প্রয়োজনীয়', description: 'লগ ইন ও সাইট চালানোর জন্য লাগে।', mandatory: true},
    {id: 'porisonkhyan', name: 'পাঠক পরিসংখ্যান', description: 'কোন খবর বেশি পড়া হয় তা মাপা।', localStorage: ['shonar:stats']},
    {id: 'bigyapon', name: 'বিজ্ঞাপন', description: 'আপনার আগ্রহ অনুযায়ী বিজ্ঞাপন দেখানো।', localStorage: ['shonar:ads']}
  ];
  var answered = !!localStorage.getItem('rcc-popup-consent');
  ReactDOM.createRoot(document.getElementById('cookie-root')).render(
    h(lib.ConsentProvider, {options: {services: services, theme: 'light', onConsentChange: function () { setTimeout(prePrompt, 300); }}},
      h(lib.ConsentPopup, {
        decline: {label: 'প্রত্যাখ্যান করুন'},
        settings: {label: 'সেটিংস', modal: {title: 'কুকি সেটিংস', approve: 'পছন্দ সংরক্ষণ করুন', decline: 'সব বাতিল করুন', close: 'বন্ধ'}},
        approve: {label: 'সব মেনে নিন'}
      }, 'সোনার খবর আপনার অভিজ্ঞতা ভালো করতে, পাঠক গুনতে ও বিজ্ঞাপন দেখাতে কুকি ব্যবহার করে।')));
  if (answered) setTimeout(prePrompt, 300);
}());
