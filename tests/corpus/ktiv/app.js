/* Ktiv: a hash router over <template>s (consent routes) and screens drawn into <main>. The consent answer is
   localStorage ktiv:haskama = {"ofen": "maskim"|"dahe"|"shmor", "matarot": {5 purposes: bool},
   "shutafim": {4 partners' legitimate interest: bool}}; while it is missing every route leads to #/haskama.
   ktiv:hatraot-nishal: the notification pre-prompt was answered (either way: never shown again).
   Accounts through the corpus server's api/ (ktiv:token, ktiv:user). */
(function () {
  'use strict';
  var K = 'ktiv:';
  var shoresh = document.getElementById('shoresh');
  var app = document.getElementById('app');
  var tochen = document.getElementById('tochen');
  var koteret = document.getElementById('koteret');
  var giliyon = document.getElementById('hatraot');

  var MATAROT = [['pirsum', 'פרסום מותאם אישית', 'בחירת מודעות לפי תחומי העניין שלכם'],
                 ['profil', 'בניית פרופיל פרסומי', 'שילוב מידע מאתרים ואפליקציות אחרים'],
                 ['medida', 'מדידת ביצועי פרסום', 'כמה פעמים מודעה הוצגה ונלחצה'],
                 ['tochen', 'התאמת תוכן', 'כתבות מומלצות לפי מה שקראתם'],
                 ['mechkar', 'מחקר שוק', 'הבנת קהל הקוראים']];
  var SHUTAFIM = [['adnet', 'AdNet Israel'], ['kolmedia', 'קול מדיה בע״מ'], ['datapulse', 'DataPulse'], ['merkaz', 'מרכז הפרסום הדיגיטלי']];

  function haskama() { try { return JSON.parse(localStorage.getItem(K + 'haskama') || 'null'); } catch (e) { return null; } }
  function token() { return localStorage.getItem(K + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }
  function shura(text, fn) { var b = el('button', 'shura-kaftor', text); b.type = 'button'; b.addEventListener('click', fn); tochen.appendChild(b); return b; }
  function lech(route) { location.hash = '#/' + route; }

  function shmorHaskama(ofen, matarot, shutafim) {
    localStorage.setItem(K + 'haskama', JSON.stringify({ofen: ofen, matarot: matarot, shutafim: shutafim}));
    lech('rashi');
  }
  function kulam(keys, v) { var o = {}; keys.forEach(function (k) { o[k[0]] = v; }); return o; }

  function amudHaskama(id) {
    app.hidden = true; giliyon.hidden = true;
    shoresh.textContent = '';
    shoresh.appendChild(document.getElementById(id).content.cloneNode(true));
    window.scrollTo(0, 0);
  }

  var haskamaRoutes = {
    'haskama': function () {
      amudHaskama('t-haskama');
      shoresh.querySelector('[data-pe=maskim]').addEventListener('click', function () {
        shmorHaskama('maskim', kulam(MATAROT, true), kulam(SHUTAFIM, true));
      });
      shoresh.querySelector('[data-pe=minui]').addEventListener('click', function () { lech('minui'); });
    },
    'haskama/havarim': function () {
      amudHaskama('t-havarim');
      function matheg(list, key, title, sub, on) {
        var row = el('div', 'shura'); var t = el('div'); t.appendChild(el('span', '', title)); t.appendChild(el('small', '', sub));
        var m = el('label', 'matheg'); var i = el('input'); i.type = 'checkbox'; i.setAttribute('role', 'switch');
        i.checked = on; i.dataset.key = key; i.setAttribute('aria-label', title + (sub === 'אינטרס לגיטימי' ? ' – אינטרס לגיטימי' : ''));
        m.appendChild(i); m.appendChild(el('span')); row.appendChild(t); row.appendChild(m); list.appendChild(row);
      }
      var m = shoresh.querySelector('[data-reshima=matarot]'), s = shoresh.querySelector('[data-reshima=shutafim]');
      MATAROT.forEach(function (p) { matheg(m, p[0], p[1], p[2], false); });
      SHUTAFIM.forEach(function (p) { matheg(s, p[0], p[1], 'אינטרס לגיטימי', true); });
      function read(list) { var o = {}; list.querySelectorAll('input').forEach(function (i) { o[i.dataset.key] = i.checked; }); return o; }
      shoresh.querySelector('[data-pe=dahe]').addEventListener('click', function () {
        shmorHaskama('dahe', kulam(MATAROT, false), kulam(SHUTAFIM, false));
      });
      shoresh.querySelector('[data-pe=shmor]').addEventListener('click', function () { shmorHaskama('shmor', read(m), read(s)); });
    },
    'minui': function () {
      amudHaskama('t-minui');
      var f = shoresh.querySelector('[data-tofes=tashlum]');
      f.addEventListener('submit', function (ev) {
        ev.preventDefault();
        f.querySelector('.shgia').textContent = 'לא הצלחנו לאמת את הכרטיס. נסו כרטיס אחר.';
      });
    }
  };

  var KATAVOT = [['הכנסת אישרה בקריאה ראשונה את תקציב המדינה', 'פוליטיקה · לפני שעה'],
                 ['גשם ראשון בצפון: אזהרה מפני הצפות בנחלים', 'מזג אוויר · לפני שעתיים'],
                 ['מכבי תל אביב ניצחה בדרבי', 'ספורט · הבוקר']];

  var screens = {
    'rashi': ['כתיב', function () {
      KATAVOT.forEach(function (k) { var d = el('div', 'katava'); d.appendChild(el('b', '', k[0])); d.appendChild(el('small', '', k[1])); tochen.appendChild(d); });
    }],
    'shmurim': ['שמורים', function () { tochen.appendChild(el('p', '', token() ? 'עוד לא שמרתם כתבות.' : 'התחברו כדי לשמור כתבות.')); }],
    'hagdarot': ['הגדרות', function () {
      var n = ('Notification' in window) ? Notification.permission : 'default';
      shura('התראות: ' + (n === 'granted' ? 'פעילות' : 'כבויות'), function () {});
      shura('גודל גופן', function () { document.body.style.fontSize = document.body.style.fontSize ? '' : '18px'; });
      if (token()) { shura('חשבון', function () { lech('heshbon'); }); }
      else { shura('התחברות', function () { lech('hithabrut'); }); shura('הרשמה', function () { lech('harshama'); }); }
      shura('מדיניות פרטיות', function () { lech('mediniyut'); });
    }],
    'mediniyut': ['מדיניות פרטיות', function () {
      tochen.appendChild(el('p', '', 'אנו אוספים כתובת אימייל וסיסמה לצורך החשבון. מחיקת חשבון מתבצעת בתוך 30 יום מהבקשה.'));
    }],
    'heshbon': ['חשבון', function () {
      if (!token()) { lech('hagdarot'); return; }
      tochen.appendChild(el('p', '', 'מחובר/ת כ־' + (localStorage.getItem(K + 'user') || '')));
      shura('שינוי סיסמה', function () { tochen.appendChild(el('p', '', 'שלחנו קישור לאימייל שלכם.')); });
      shura('מחיקת חשבון', function () { lech('mechika'); });
      shura('התנתקות', function () { api('logout'); localStorage.removeItem(K + 'token'); localStorage.removeItem(K + 'user'); lech('hagdarot'); });
    }],
    'mechika': ['מחיקת חשבון', function () {
      if (!token()) { lech('hagdarot'); return; }
      var f = el('form');
      f.appendChild(el('p', '', 'לפני שנמחק את החשבון, ספרו לנו למה אתם עוזבים.'));
      var l = el('label', '', 'סיבת המחיקה'); l.htmlFor = 'siba'; f.appendChild(l);
      var s = el('select'); s.id = 'siba'; s.required = true;
      [['', 'בחרו סיבה'], ['lo-kore', 'אני לא קורא מספיק'], ['pirsumot', 'יש יותר מדי פרסומות'], ['acher', 'עברתי לאתר אחר'], ['other', 'סיבה אחרת']]
        .forEach(function (o) { var op = el('option', '', o[1]); op.value = o[0]; s.appendChild(op); });
      f.appendChild(s);
      var lp = el('label', '', 'סיסמה'); lp.htmlFor = 'mechika-sisma'; f.appendChild(lp);
      var p = el('input'); p.type = 'password'; p.id = 'mechika-sisma'; f.appendChild(p);
      var b = el('button', 'kaftor', 'מחק'); b.type = 'submit'; f.appendChild(b);
      var e = el('p', 'shgia'); e.setAttribute('aria-live', 'polite'); f.appendChild(e);
      f.addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (!s.value) { e.textContent = 'יש לבחור סיבה.'; return; }
        if (!p.value) { e.textContent = 'יש להזין סיסמה.'; return; }
        api('delete', {password: p.value, reason: s.value}).then(function (r) {
          if (r.status !== 200) { e.textContent = r.body.error === 'password' ? 'הסיסמה שגויה.' : 'משהו השתבש. נסו שוב.'; return; }
          localStorage.removeItem(K + 'token'); localStorage.removeItem(K + 'user');
          localStorage.setItem(K + 'yamim', String(r.body.days || ''));
          lech('nimchak');
        });
      }, false);
      s.required = false;            // the app checks it itself, with its own message
      tochen.appendChild(f);
    }],
    'nimchak': ['החשבון נמחק', function () {
      var d = localStorage.getItem(K + 'yamim');
      tochen.appendChild(el('p', 'sof', d ? 'החשבון שלך יימחק בעוד ' + d + ' יום.' : 'החשבון שלך נמחק.'));
    }],
    'hithabrut': ['התחברות', function () { tofes('login', 'התחברות'); }],
    'harshama': ['הרשמה', function () { tofes('signup', 'יצירת חשבון'); }]
  };

  function tofes(action, label) {
    var f = el('form');
    var lu = el('label', '', 'אימייל'); lu.htmlFor = action + '-email'; f.appendChild(lu);
    var u = el('input'); u.type = 'email'; u.id = action + '-email'; u.dir = 'ltr'; f.appendChild(u);
    var lp = el('label', '', 'סיסמה'); lp.htmlFor = action + '-sisma'; f.appendChild(lp);
    var p = el('input'); p.type = 'password'; p.id = action + '-sisma'; f.appendChild(p);
    var b = el('button', 'kaftor', label); b.type = 'submit'; f.appendChild(b);
    var e = el('p', 'shgia'); e.setAttribute('aria-live', 'polite'); f.appendChild(e);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.status === 200 && r.body.status === 'pending') { e.textContent = 'החשבון ממתין למחיקה (עוד ' + r.body.days + ' יום).'; return; }
        if (r.status !== 200 && r.status !== 201) {
          e.textContent = action === 'login' ? 'אימייל או סיסמה שגויים.' : r.body.error === 'taken' ? 'כבר קיים חשבון עם האימייל הזה.' : 'בדקו את האימייל והסיסמה (6 תווים לפחות).';
          return;
        }
        localStorage.setItem(K + 'token', r.body.token); localStorage.setItem(K + 'user', r.body.username);
        lech('rashi');
      });
    });
    tochen.appendChild(f);
  }

  function preprompt() {
    if (localStorage.getItem(K + 'hatraot-nishal')) return;
    giliyon.hidden = false;
  }
  document.getElementById('lo-achshav').addEventListener('click', function () {
    localStorage.setItem(K + 'hatraot-nishal', 'lo'); giliyon.hidden = true;
  });
  document.getElementById('ken').addEventListener('click', function () {
    localStorage.setItem(K + 'hatraot-nishal', 'ken'); giliyon.hidden = true;
    if ('Notification' in window) Notification.requestPermission();
  });

  function route() {
    var r = location.hash.replace(/^#\/?/, '');
    var answered = !!haskama();
    if (!answered) {
      if (!haskamaRoutes[r]) { location.replace('#/haskama'); return; }
      haskamaRoutes[r](); return;
    }
    if (!screens[r]) { location.replace('#/rashi'); return; }
    shoresh.textContent = ''; app.hidden = false;
    tochen.textContent = '';
    koteret.textContent = screens[r][0];
    document.querySelectorAll('.tafrit a').forEach(function (a) { a.classList.toggle('pail', a.getAttribute('href') === '#/' + r); });
    screens[r][1]();
    window.scrollTo(0, 0);
    preprompt();
  }
  window.addEventListener('hashchange', route);
  route();
}());
