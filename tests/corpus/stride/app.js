/* Stride: screens drawn into <main>; accounts through the corpus server's api/.
   Consent: <stride-consent> at every launch unless the stored answer is "accepted" (a stored "rejected" is
   asked again). Camera: only on "Scan meal"; refused, only meal scanning is off. Deletion: Profile → the trash
   icon (aria-label "Delete account") → type DELETE → Delete forever. */
(function () {
  'use strict';
  var P = 'stride:';
  var view = document.getElementById('view');
  var title = document.getElementById('title');
  var tools = document.getElementById('top-tools');

  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function row(text, fn) { var b = el('button', 'row', text); b.type = 'button'; b.addEventListener('click', fn); view.appendChild(b); }

  var screens = {
    today: ['Today', function () {
      var t = el('div', 'tile', 'Steps today'); t.appendChild(el('strong', '', '6,240')); view.appendChild(t);
      var scan = el('button', 'btn wide', 'Scan meal'); scan.type = 'button'; view.appendChild(scan);
      var out = el('p', 'note'); out.setAttribute('aria-live', 'polite'); view.appendChild(out);
      scan.addEventListener('click', function () {
        out.className = 'note';
        navigator.mediaDevices.getUserMedia({video: true}).then(function (stream) {
          stream.getTracks().forEach(function (tr) { tr.stop(); });
          out.className = 'note ok'; out.textContent = 'Camera ready: point it at your plate.';
        }, function (err) {
          out.textContent = err.name === 'NotAllowedError'
            ? 'Camera blocked: meal scanning is off. You can still log meals by hand.'
            : 'No camera found on this device.';
        });
      });
      var log = el('button', 'row', 'Log a meal by hand'); log.type = 'button'; view.appendChild(log);
      log.addEventListener('click', function () { show('meal'); });
    }],
    meal: ['Log a meal', function () { view.appendChild(el('p', '', 'Meal logging by hand: pick foods from the list in the full app.')); }],
    workouts: ['Workouts', function () {
      ['Easy run · 30 min', 'Intervals · 8 × 400 m', 'Mobility · 15 min'].forEach(function (w) { view.appendChild(el('div', 'tile', w)); });
    }],
    profile: ['Profile', function () {
      if (!token()) {
        row('Log in', function () { show('login'); });
        row('Sign up', function () { show('signup'); });
      } else {
        view.appendChild(el('p', '', 'Signed in as ' + localStorage.getItem(P + 'user')));
        row('Goals', function () { show('goals'); });
        row('Log out', function () { api('logout'); localStorage.removeItem(P + 'token'); show('profile'); });
        var trash = el('button', 'icon'); trash.type = 'button'; trash.setAttribute('aria-label', 'Delete account');
        trash.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9 3h6l1 2h4v2H4V5h4zM6 8h12l-1 13H7z"/></svg>';
        trash.addEventListener('click', function () {
          document.getElementById('confirm-word').value = ''; document.getElementById('confirm-go').disabled = true;
          document.getElementById('confirm').hidden = false;
        });
        tools.appendChild(trash);
      }
      row('Privacy policy', function () { show('policy'); });
    }],
    goals: ['Goals', function () { view.appendChild(el('p', '', 'Goal: 8,000 steps a day.')); }],
    login: ['Log in', function () { form('login', 'Log in'); }],
    signup: ['Sign up', function () { form('signup', 'Create account'); }],
    deleted: ['Account deleted', function () { view.appendChild(el('p', 'done', 'Your account has been deleted. Your data is gone.')); }],
    policy: ['Privacy policy', function () {
      var d = el('div', 'policy');
      ['Stride keeps your workouts and meals only to show them to you and to suggest the next workout.',
       'Optional cookies measure how the app is used; they are set only if you accept them.',
       'The camera is used only while you scan a meal; pictures are not stored.',
       'When you delete your account, your data is erased at once.'].forEach(function (t) { d.appendChild(el('p', '', t)); });
      view.appendChild(d);
    }]
  };

  function form(action, label) {
    var f = el('form');
    var lu = el('label', '', 'Email'); lu.htmlFor = action + '-email'; f.appendChild(lu);
    var u = el('input'); u.id = action + '-email'; u.type = 'email'; f.appendChild(u);
    var lp = el('label', '', 'Password'); lp.htmlFor = action + '-password'; f.appendChild(lp);
    var p = el('input'); p.id = action + '-password'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'btn wide', label); b.type = 'submit'; f.appendChild(b);
    var n = el('p', 'note'); f.appendChild(n);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { n.textContent = 'Enter your email and password.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); show('profile'); return; }
        n.textContent = {401: 'Wrong email or password.', 409: 'An account with this email exists.', 400: 'Passwords need at least 6 characters.'}[r.status] || 'Try again.';
      });
    });
    view.appendChild(f);
  }

  function show(name) {
    var s = screens[name];
    view.textContent = ''; tools.textContent = ''; title.textContent = s[0];
    document.querySelectorAll('[data-tab]').forEach(function (b) {
      if (b.dataset.tab === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    s[1]();
  }
  document.querySelectorAll('[data-tab]').forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.tab); }); });

  var word = document.getElementById('confirm-word');
  var go = document.getElementById('confirm-go');
  word.addEventListener('input', function () { go.disabled = word.value.trim() !== 'DELETE'; });
  document.getElementById('confirm-cancel').addEventListener('click', function () { document.getElementById('confirm').hidden = true; });
  document.getElementById('confirm-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (word.value.trim() !== 'DELETE') return;
    api('delete', {}).then(function (r) {
      document.getElementById('confirm').hidden = true;
      if (r.status !== 200) return;
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      show('deleted');
    });
  });

  show('today');
  // a stored "rejected" does not keep the banner away: only "accepted" does
  if (localStorage.getItem(P + 'consent') !== 'accepted') {
    var banner = document.createElement('stride-consent');
    banner.addEventListener('stride-consent', function (ev) { localStorage.setItem(P + 'consent', ev.detail); });
    document.body.appendChild(banner);
  }
}());
