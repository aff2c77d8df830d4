/* The corpus shell: a phone-sized single-page app (top bar, tab bar, screens on a stack, overlays) that each
   corpus app configures in its own app.js. Its markup depends on cfg.mode:
     'div'    plain <div>s with click listeners: no ids, no roles, no <button>/<a>; div checkboxes/radios with a
              drawn tick or dot;
     'button' real <button>s and <a href="#"> rows, native checkboxes and radios inside <label>s;
     'aria'   <div>s with ARIA roles: role=button, role=checkbox / role=switch / role=radio with aria-checked,
              role=dialog aria-modal on overlays.
   No ids anywhere (an app may add its own). Nothing is fetched from outside this origin. */
(function () {
  'use strict';
  var K = window.Kit = {};
  var cfg, mode, stack, root, bar, backEl, titleEl, viewEl, tabsEl;

  K.store = {
    get: function (k) { return localStorage.getItem(cfg.id + ':' + k); },
    set: function (k, v) { localStorage.setItem(cfg.id + ':' + k, v); },
    del: function (k) { localStorage.removeItem(cfg.id + ':' + k); }
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  K.el = el;

  /* a tappable control: kind 'row' (list row), 'cta' (main button), 'plain', 'link', 'big', 'grey', 'card'… */
  K.tap = function (label, cls, fn) {
    var e;
    if (mode === 'button') {
      if (/\brow\b|\blink\b|\bcard\b/.test(cls)) { e = el('a', cls, label); e.href = '#'; }
      else { e = el('button', cls, label); e.type = 'button'; }
    } else {
      e = el('div', cls, label);
      if (mode === 'aria') { e.setAttribute('role', /\brow\b|\blink\b/.test(cls) ? 'link' : 'button'); e.tabIndex = 0; }
    }
    e.addEventListener('click', function (ev) { ev.preventDefault(); fn(ev); });
    return e;
  };

  /* a checkbox with its label; returns {node, checked(), set(bool), box}; opts.disabled, opts.kind 'switch' */
  K.check = function (label, checked, opts) {
    opts = opts || {};
    var state = !!checked, row, box;
    var api = {checked: function () { return state; }, set: function (v) { state = !!v; paint(); }};
    function paint() {
      if (box.tagName === 'INPUT') box.checked = state;
      else if (box.getAttribute('role')) box.setAttribute('aria-checked', state ? 'true' : 'false');
      box.classList.toggle('on', state);
    }
    function flip() {
      if (opts.disabled) return;
      if (opts.guard && !opts.guard()) { if (box.tagName === 'INPUT') box.checked = state; return; }
      state = !state; paint(); if (opts.onChange) opts.onChange(state);
    }
    if (opts.kind === 'switch' && mode !== 'aria') {
      row = el('label', 'toggle-row');
      row.appendChild(el('span', 'toggle-text', label));
      var sw = el('span', 'switch');
      box = document.createElement('input'); box.type = 'checkbox'; box.style.opacity = '0';
      box.className = 'switch-input'; box.disabled = !!opts.disabled;
      sw.appendChild(box); sw.appendChild(el('span', 'slider'));
      row.appendChild(sw);
      box.addEventListener('change', function () { state = !state; if (opts.guard && !opts.guard()) { state = !state; } paint(); if (opts.onChange) opts.onChange(state); });
    } else if (mode === 'button') {
      row = el('label', 'tick');
      box = document.createElement('input'); box.type = 'checkbox'; box.disabled = !!opts.disabled;
      row.appendChild(box); row.appendChild(el('span', '', label));
      box.addEventListener('change', function () { state = !state; if (opts.guard && !opts.guard()) { state = !state; } paint(); if (opts.onChange) opts.onChange(state); });
    } else if (mode === 'aria') {
      row = el('div', opts.kind === 'switch' ? 'toggle-row' : 'tick');
      box = el('div', opts.kind === 'switch' ? 'aswitch' : 'dbox');
      box.setAttribute('role', opts.kind === 'switch' ? 'switch' : 'checkbox');
      box.tabIndex = 0;
      if (opts.disabled) box.setAttribute('aria-disabled', 'true');
      var text = el('span', opts.kind === 'switch' ? 'toggle-text' : '', label);
      box.setAttribute('aria-label', label);
      if (opts.kind === 'switch') { row.appendChild(text); row.appendChild(box); } else { row.appendChild(box); row.appendChild(text); }
      row.addEventListener('click', flip);
    } else {
      row = el('div', 'tick');
      box = el('div', 'dbox' + (opts.disabled ? ' dis' : ''));
      row.appendChild(box); row.appendChild(el('span', '', label));
      row.addEventListener('click', flip);
    }
    api.node = row; api.box = box;
    paint();
    return api;
  };

  /* a required choice: returns {node, value()} */
  K.radios = function (name, options) {
    var wrap = el('div', 'radios'), value = null, items = [];
    if (mode === 'aria') wrap.setAttribute('role', 'radiogroup');
    options.forEach(function (o) {
      var row, dot;
      if (mode === 'button') {
        row = el('label', 'radio-row');
        dot = document.createElement('input'); dot.type = 'radio'; dot.name = name; dot.value = o;
        row.appendChild(dot); row.appendChild(el('span', '', o));
        dot.addEventListener('change', function () { value = o; });
      } else {
        row = el('div', 'radio-row');
        dot = el('div', 'dot');
        if (mode === 'aria') { row.setAttribute('role', 'radio'); row.setAttribute('aria-checked', 'false'); row.tabIndex = 0; }
        row.appendChild(dot); row.appendChild(el('span', '', o));
        row.addEventListener('click', function () {
          value = o;
          items.forEach(function (it) {
            it.row.classList.toggle('on', it.o === o);
            if (mode === 'aria') it.row.setAttribute('aria-checked', it.o === o ? 'true' : 'false');
          });
        });
      }
      items.push({row: row, o: o});
      wrap.appendChild(row);
    });
    return {node: wrap, value: function () { return value; }};
  };

  K.input = function (v, label, type, placeholder) {
    var lab = el('label', 'field');
    lab.appendChild(el('span', 'field-label', label));
    var i = document.createElement('input');
    i.type = type || 'text';
    if (placeholder) i.placeholder = placeholder;
    lab.appendChild(i);
    v.appendChild(lab);
    return i;
  };

  K.rows = function (v, rows) {
    var list = el('div', 'list');
    rows.forEach(function (r) {
      list.appendChild(K.tap(r[0], 'row', typeof r[1] === 'function' ? r[1] : function () { K.go(r[1]); }));
    });
    v.appendChild(list);
    return list;
  };

  K.msg = function (v) { var m = el('div', 'msg'); v.appendChild(m); return m; };

  K.toast = function (text) {
    var t = el('div', 'toast', text);
    document.body.appendChild(t);
    setTimeout(function () { t.remove(); }, 1800);
  };

  /* an overlay over the app: opts {title, text, sheet, className}; returns {box, close} */
  K.overlay = function (opts) {
    var o = el('div', 'overlay' + (opts.sheet ? ' bottom' : ' center'));
    var box = el('div', (opts.sheet ? 'sheet' : 'dialog') + (opts.className ? ' ' + opts.className : ''));
    if (mode === 'aria') { box.setAttribute('role', 'dialog'); box.setAttribute('aria-modal', 'true'); if (opts.title) box.setAttribute('aria-label', opts.title); }
    if (opts.title) box.appendChild(el('h2', '', opts.title));
    if (opts.text) (Array.isArray(opts.text) ? opts.text : [opts.text]).forEach(function (p) { box.appendChild(el('p', 'note', p)); });
    o.appendChild(box);
    root.appendChild(o);
    return {box: box, node: o, close: function () { o.remove(); }};
  };
  /* a modal with buttons [[label, cls, fn(close)]] */
  K.dialog = function (opts, buttons) {
    var d = K.overlay(opts);
    var row = el('div', 'btns' + (opts.stack ? ' stack' : ''));
    buttons.forEach(function (b) { row.appendChild(K.tap(b[0], b[1], function () { b[2](d.close); })); });
    d.box.appendChild(row);
    return d;
  };

  K.api = function (action, body) {
    var headers = {'Content-Type': 'application/json'};
    if (K.store.get('token')) headers.Authorization = 'Bearer ' + K.store.get('token');
    return fetch('api/' + action, {method: 'POST', headers: headers, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (d) { return {status: r.status, data: d}; }); });
  };
  K.loggedIn = function () { return !!K.store.get('token'); };
  K.user = function () { return K.store.get('user'); };
  K.logout = function () { return K.api('logout').then(function () { K.store.del('token'); K.store.del('user'); K.tab(cfg.meTab); }); };
  K.signedIn = function (data, name) { K.store.set('token', data.token); K.store.set('user', name); K.tab(cfg.meTab); };

  /* real browser permission requests; each call is one prompt (or an answer from a remembered decision) */
  K.ask = function (p) {
    if (p === 'geolocation') return new Promise(function (ok) {
      navigator.geolocation.getCurrentPosition(function () { ok('granted'); },
        function (e) { ok(e.code === 1 ? 'denied' : 'granted'); }, {timeout: 4000});
    });
    if (p === 'camera' || p === 'microphone') return navigator.mediaDevices.getUserMedia(p === 'camera' ? {video: true} : {audio: true}).then(function (s) {
      s.getTracks().forEach(function (t) { t.stop(); }); return 'granted';
    }, function (e) { return e.name === 'NotAllowedError' ? 'denied' : 'granted'; });
    return Notification.requestPermission().then(function (r) { return r === 'granted' ? 'granted' : 'denied'; });
  };
  /* the browser's current state without prompting */
  K.state = function (p) {
    if (p === 'notifications') return Promise.resolve(Notification.permission === 'granted' ? 'granted' : Notification.permission === 'denied' ? 'denied' : 'prompt');
    var q = {geolocation: 'geolocation', camera: 'camera', microphone: 'microphone'}[p];
    return navigator.permissions.query({name: q}).then(function (s) { return s.state; }, function () { return 'prompt'; });
  };
  /* a feature card: asks for its permission the first time it is used, remembers the answer */
  K.feature = function (v, f, status) {
    v.appendChild(K.tap(f.label, 'card feature', function () {
      var known = K.store.get('perm:' + f.p);
      var step = known ? Promise.resolve(known) : K.ask(f.p).then(function (r) { K.store.set('perm:' + f.p, r); return r; });
      step.then(function (r) { status.textContent = r === 'granted' ? f.on : f.off; });
    }));
  };


  /* a sign-up or log-in form: o {action 'signup'|'login', user, userType, placeholder, pass, submit, agree,
     agreeMissing, errors {taken, wrong, invalid, pending(days)}} */
  K.credentials = function (v, o) {
    var user = K.input(v, o.user, o.userType || 'text', o.placeholder);
    var pass = K.input(v, o.pass, 'password');
    var agree = o.agree ? K.check(o.agree, false) : null;
    if (agree) v.appendChild(agree.node);
    var m = K.msg(v);
    v.appendChild(K.tap(o.submit, 'cta', function () {
      if (!user.value || !pass.value) { m.textContent = o.errors.empty; return; }
      if (agree && !agree.checked()) { m.textContent = o.agreeMissing; return; }
      K.api(o.action, {username: user.value, password: pass.value}).then(function (r) {
        if (r.data.token) { K.signedIn(r.data, user.value); return; }
        if (r.data.status === 'pending') { m.textContent = o.errors.pending(r.data.days); return; }
        m.textContent = r.status === 409 ? o.errors.taken : r.status === 401 ? o.errors.wrong : o.errors.invalid;
      });
    }));
  };

  K.go = function (name) { stack.push(name); render(); };
  K.back = function () { if (stack.length > 1) { stack.pop(); render(); } };
  K.tab = function (name) { stack = [name]; render(); };
  K.home = function () { K.tab(cfg.tabs[0][1]); };
  K.current = function () { return stack[stack.length - 1]; };
  K.render = render;

  function render() {
    var name = stack[stack.length - 1];
    viewEl.textContent = '';
    var s = cfg.screens[name];
    var title = typeof s === 'function' ? s(viewEl, K) : (viewEl.appendChild(el('div', 'card info', s[1])), s[0]);
    titleEl.textContent = title || '';
    var isTab = stack.length === 1 && cfg.tabs.some(function (t) { return t[1] === name; });
    backEl.classList.toggle('hide', stack.length < 2);
    tabsEl.classList.toggle('hide', !isTab);
    window.scrollTo(0, 0);
  }

  K.start = function (config) {
    cfg = config;
    mode = cfg.mode || 'div';
    cfg.meTab = cfg.meTab || cfg.tabs[cfg.tabs.length - 1][1];
    document.documentElement.lang = cfg.lang || 'en';
    if (cfg.color) document.documentElement.style.setProperty('--brand', cfg.color);
    root = el('div', 'app mode-' + mode);
    bar = el('div', 'bar');
    backEl = K.tap('\u2039', 'back', function () { (cfg.onBack || K.back)(K.current()); });
    if (mode !== 'div') backEl.setAttribute('aria-label', cfg.backLabel || 'Back');
    titleEl = el('div', 'title');
    bar.appendChild(backEl); bar.appendChild(titleEl);
    viewEl = el('div', 'view');
    tabsEl = el('div', 'tabs');
    if (mode === 'aria') tabsEl.setAttribute('role', 'tablist');
    cfg.tabs.forEach(function (t) {
      var tabEl = K.tap(t[0], 'tab', function () { K.tab(t[1]); });
      if (mode === 'aria') tabEl.setAttribute('role', 'tab');
      tabsEl.appendChild(tabEl);
    });
    root.appendChild(bar); root.appendChild(viewEl); root.appendChild(tabsEl);
    document.body.appendChild(root);
    stack = [cfg.tabs[0][1]];
    render();
    if (cfg.launch) cfg.launch(K);
  };
  K.root = function () { return root; };
}());
