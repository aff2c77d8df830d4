/* கடை: custom elements with open shadow roots. <kadai-shell> holds the screens; <kadai-row> (a button in its
   own shadow root), <kadai-switch> (a native checkbox at opacity 0 under a drawn slider) and <kadai-tick> (a
   drawn box: a div, no input) are the controls; <kadai-consent> is the consent sheet, appended 2 s after load
   and sliding up with a CSS animation. Accounts through the corpus server's api/ (app.json: the password is
   checked again on deletion). */
(function () {
  'use strict';
  var P = 'kadai:';
  var ACCENT = '#b3541e';

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
  function style(root, css) { var s = document.createElement('style'); s.textContent = css; root.appendChild(s); }

  /* <kadai-row label="…" kind="row|cta|keep"> — one button in its own shadow root; click bubbles out of the host */
  class KadaiRow extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var r = this.attachShadow({mode: 'open'});
      style(r, ':host{display:block} button{display:block;width:100%;font:inherit;cursor:pointer}' +
        '.row{text-align:start;background:#fff;border:0;border-bottom:1px solid #efe3d3;padding:15px 14px;color:#2a2118;font-size:16px}' +
        '.cta{margin-top:14px;padding:14px;border:0;border-radius:12px;background:' + ACCENT + ';color:#fff;font-size:17px;font-weight:700}' +
        '.keep{margin-top:18px;padding:20px;border:0;border-radius:14px;background:#1f7a4a;color:#fff;font-size:20px;font-weight:800;box-shadow:0 4px 12px rgba(0,0,0,.18)}');
      var b = el('button', this.getAttribute('kind') || 'row', this.getAttribute('label'));
      b.type = 'button';
      r.appendChild(b);
    }
  }
  customElements.define('kadai-row', KadaiRow);

  /* <kadai-switch label="…" on> — a styled switch: the native checkbox sits at opacity 0 under the slider */
  class KadaiSwitch extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var r = this.attachShadow({mode: 'open'});
      style(r, ':host{display:block} label{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:12px 0;border-bottom:1px solid #efe3d3;cursor:pointer}' +
        '.sw{position:relative;width:48px;height:28px;flex:none} input{position:absolute;inset:0;margin:0;width:100%;height:100%;opacity:0;cursor:pointer}' +
        '.sl{position:absolute;inset:0;border-radius:14px;background:#cbbfae;pointer-events:none;transition:background .2s}' +
        '.sl::after{content:"";position:absolute;top:3px;inset-inline-start:3px;width:22px;height:22px;border-radius:50%;background:#fff;transition:transform .2s}' +
        'input:checked + .sl{background:' + ACCENT + '} input:checked + .sl::after{transform:translateX(20px)}' +
        'small{display:block;color:#7a6a58;font-size:13px}');
      var lab = el('label');
      var t = el('span', 'txt'); t.appendChild(el('span', 'name', this.getAttribute('label')));
      t.appendChild(el('small', '', this.getAttribute('detail') || ''));
      var sw = el('span', 'sw');
      var i = el('input'); i.type = 'checkbox'; i.checked = this.hasAttribute('on');
      sw.appendChild(i); sw.appendChild(el('span', 'sl'));
      lab.appendChild(t); lab.appendChild(sw); r.appendChild(lab);
      this.input = i;
    }
    get checked() { return this.input.checked; }
  }
  customElements.define('kadai-switch', KadaiSwitch);

  /* <kadai-tick label="…"> — a drawn tick box: divs only, the state in a class */
  class KadaiTick extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var r = this.attachShadow({mode: 'open'});
      style(r, ':host{display:block;margin-top:14px} .t{display:flex;align-items:center;gap:10px;cursor:pointer}' +
        '.box{width:22px;height:22px;border:2px solid #8a7a66;border-radius:5px;position:relative;flex:none}' +
        '.t.on .box{background:' + ACCENT + ';border-color:' + ACCENT + '}' +
        '.t.on .box::after{content:"";position:absolute;left:6px;top:1px;width:6px;height:12px;border:solid #fff;border-width:0 3px 3px 0;transform:rotate(45deg)}');
      var t = el('div', 't'); t.appendChild(el('div', 'box')); t.appendChild(el('div', 'lbl', this.getAttribute('label')));
      var self = this;
      t.addEventListener('click', function () { t.classList.toggle('on'); self.on = t.classList.contains('on'); });
      this.on = false;
      r.appendChild(t);
    }
  }
  customElements.define('kadai-tick', KadaiTick);

  /* <kadai-consent> — the consent sheet; answers stored in localStorage kadai:opputhal */
  var PURPOSES = [['paguppaivu', 'பகுப்பாய்வு', 'நீங்கள் செயலியை எப்படிப் பயன்படுத்துகிறீர்கள் என்று அளவிடுகிறோம்.', true],
                  ['salugai', 'தனிப்பயன் சலுகைகள்', 'உங்கள் வாங்குதல்களை வைத்துச் சலுகைகளைத் தேர்கிறோம்.', true],
                  ['kootali', 'கூட்டாளர் விளம்பரங்கள்', 'கூட்டாளர் கடைகளின் விளம்பரங்களுக்குத் தரவு பகிரப்படும்.', false]];
  class KadaiConsent extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var r = this.attachShadow({mode: 'open'});
      style(r, '.scrim{position:fixed;inset:0;background:rgba(30,20,10,.45);z-index:90}' +
        '.sheet{position:fixed;left:0;right:0;bottom:0;z-index:91;background:#fff;border-radius:18px 18px 0 0;padding:20px 18px 22px;box-shadow:0 -6px 24px rgba(0,0,0,.2);animation:up .6s cubic-bezier(.2,.8,.2,1) both}' +
        '@keyframes up{from{transform:translateY(100%)}to{transform:translateY(0)}}' +
        'h2{margin:0 0 6px;font-size:19px} p{margin:0 0 8px;color:#5d4f40;font-size:14px}' +
        '.yes{display:block;width:100%;margin-top:12px;padding:16px;border:0;border-radius:14px;background:' + ACCENT + ';color:#fff;font:inherit;font-size:19px;font-weight:800}' +
        '.more{display:block;margin:12px auto 0;color:#9a8c7c;font-size:12px;text-decoration:none;text-align:center}' +
        '.save{display:block;width:100%;margin-top:14px;padding:12px;border:1px solid ' + ACCENT + ';border-radius:12px;background:#fff;color:' + ACCENT + ';font:inherit;font-size:16px}');
      r.appendChild(el('div', 'scrim'));
      var sheet = el('div', 'sheet');
      sheet.setAttribute('role', 'dialog'); sheet.setAttribute('aria-modal', 'true'); sheet.setAttribute('aria-labelledby', 'op-t');
      r.appendChild(sheet);
      var self = this;
      function first() {
        sheet.textContent = '';
        var h = el('h2', '', 'உங்கள் தனியுரிமை'); h.id = 'op-t'; sheet.appendChild(h);
        sheet.appendChild(el('p', '', 'கடை அட்டை குக்கீகளையும் இதே போன்ற தொழில்நுட்பங்களையும் பயன்படுத்திச் சேவையை மேம்படுத்துகிறது, உங்களுக்கான சலுகைகளைக் காட்டுகிறது.'));
        var yes = el('button', 'yes', 'ஏற்கிறேன்'); yes.type = 'button';
        yes.addEventListener('click', function () {
          var all = {}; PURPOSES.forEach(function (p) { all[p[0]] = true; }); self.save(all);
        });
        sheet.appendChild(yes);
        var more = el('a', 'more', 'மேலும் விருப்பங்கள்'); more.href = '#';
        more.addEventListener('click', function (ev) { ev.preventDefault(); second(); });
        sheet.appendChild(more);
      }
      function second() {
        sheet.textContent = '';
        var h = el('h2', '', 'விருப்பங்கள்'); h.id = 'op-t'; sheet.appendChild(h);
        sheet.appendChild(el('p', '', 'ஒவ்வொரு நோக்கத்தையும் இயக்கலாம் அல்லது அணைக்கலாம்.'));
        var sws = PURPOSES.map(function (p) {
          var s = document.createElement('kadai-switch');
          s.setAttribute('label', p[1]); s.setAttribute('detail', p[2]); if (p[3]) s.setAttribute('on', '');
          sheet.appendChild(s); return [p[0], s];
        });
        var save = el('button', 'save', 'தேர்வைச் சேமி'); save.type = 'button';
        save.addEventListener('click', function () {
          var v = {}; sws.forEach(function (x) { v[x[0]] = x[1].checked; }); self.save(v);
        });
        sheet.appendChild(save);
      }
      first();
    }
    save(v) {
      localStorage.setItem(P + 'opputhal', JSON.stringify(v));
      this.remove();
    }
  }
  customElements.define('kadai-consent', KadaiConsent);

  /* <kadai-shell> — the app */
  class KadaiShell extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var r = this.attachShadow({mode: 'open'});
      style(r, ':host{display:block} header{background:' + ACCENT + ';color:#fff;padding:11px 16px;display:flex;align-items:center;gap:10px}' +
        'header h1{margin:0;font-size:19px;flex:1} .back{background:none;border:0;color:#fff;font-size:26px;line-height:1;padding:0 4px}' +
        'main{padding:12px 14px 90px} nav{position:fixed;left:0;right:0;bottom:0;display:flex;background:#fff;border-top:1px solid #efe3d3}' +
        'nav button{flex:1;border:0;background:none;padding:14px 0;font:inherit;font-size:14px;color:#7a6a58} nav button[aria-current]{color:' + ACCENT + ';font-weight:700}' +
        '.card{background:#fff;border-radius:14px;padding:14px;margin-bottom:10px;box-shadow:0 1px 3px rgba(0,0,0,.08)}' +
        '.big{font-size:28px;font-weight:800;color:' + ACCENT + '} label{display:block;margin-top:12px;font-size:14px;color:#5d4f40}' +
        'input{display:block;width:100%;box-sizing:border-box;padding:12px;font:inherit;border:1px solid #d8c8b4;border-radius:8px;margin-top:4px}' +
        '.err{color:#b3261e;min-height:1.3em;font-size:14px} .ok{background:#e6f4ea;color:#1f5e33;padding:12px;border-radius:10px}' +
        '.del{display:block;text-align:center;margin-top:16px;color:#9a8c7c;font-size:13px}');
      var head = el('header');
      this.backEl = el('button', 'back', '‹'); this.backEl.type = 'button'; this.backEl.setAttribute('aria-label', 'பின்செல்');
      this.titleEl = el('h1');
      head.appendChild(this.backEl); head.appendChild(this.titleEl);
      this.main = el('main');
      var nav = el('nav');
      var self = this;
      this.tabs = [['mugappu', 'முகப்பு'], ['attai', 'அட்டை'], ['amaippu', 'அமைப்புகள்']].map(function (t) {
        var b = el('button', '', t[1]); b.type = 'button';
        b.addEventListener('click', function () { self.stack = [t[0]]; self.draw(); });
        nav.appendChild(b); return [t[0], b];
      });
      this.backEl.addEventListener('click', function () { if (self.stack.length > 1) { self.stack.pop(); self.draw(); } });
      r.appendChild(head); r.appendChild(this.main); r.appendChild(nav);
      this.stack = ['mugappu'];
      this.draw();
    }
    go(name) { this.stack.push(name); this.draw(); }
    tab(name) { this.stack = [name]; this.draw(); }
    row(label, fn, kind) {
      var x = document.createElement('kadai-row'); x.setAttribute('label', label); if (kind) x.setAttribute('kind', kind);
      x.addEventListener('click', fn); this.main.appendChild(x); return x;
    }
    field(label, type) {
      var l = el('label'); l.appendChild(el('span', '', label));
      var i = el('input'); i.type = type || 'text'; l.appendChild(i); this.main.appendChild(l); return i;
    }
    draw() {
      var name = this.stack[this.stack.length - 1], self = this;
      this.main.textContent = '';
      this.backEl.hidden = this.stack.length < 2;
      this.tabs.forEach(function (t) { if (t[0] === name) t[1].setAttribute('aria-current', 'page'); else t[1].removeAttribute('aria-current'); });
      this.titleEl.textContent = SCREENS[name].call(this, self) || '';
    }
  }

  var SCREENS = {
    mugappu: function () {
      var c = el('div', 'card'); c.appendChild(el('div', '', 'உங்கள் புள்ளிகள்'));
      c.appendChild(el('div', 'big', token() ? '1,240' : '0')); this.main.appendChild(c);
      ['இந்த வாரம்: அரிசி 5 கிலோ மீது 10% தள்ளுபடி', 'ஞாயிறு இரட்டைப் புள்ளிகள்'].forEach(function (t) { this.main.appendChild(el('div', 'card', t)); }, this);
      return 'கடை அட்டை';
    },
    attai: function () {
      var self = this, note = el('p', 'err');
      this.main.appendChild(el('div', 'card', 'உங்கள் கடை அட்டையை இணைத்தால் ஒவ்வொரு வாங்குதலுக்கும் புள்ளிகள் கிடைக்கும்.'));
      this.row('அட்டையை ஸ்கேன் செய்', function () {
        navigator.mediaDevices.getUserMedia({video: true}).then(function (s) {
          s.getTracks().forEach(function (t) { t.stop(); });
          note.className = 'ok'; note.textContent = 'அட்டை ஸ்கேன் செய்யப்பட்டது: 4021 7788 1934';
        }, function () {
          note.className = 'err'; note.textContent = 'கேமரா அனுமதி இல்லை. அட்டை எண்ணைத் தட்டச்சு செய்யுங்கள்.';
          if (self.main.querySelector('input')) return;
          var i = self.field('அட்டை எண்', 'text');
          self.row('அட்டையைச் சேர்', function () {
            if (!/^[0-9 ]{8,}$/.test(i.value.trim())) { note.className = 'err'; note.textContent = 'சரியான அட்டை எண்ணை உள்ளிடுங்கள்.'; return; }
            note.className = 'ok'; note.textContent = 'அட்டை சேர்க்கப்பட்டது: ' + i.value.trim();
          }, 'cta');
        });
      }, 'cta');
      this.main.appendChild(note);
      return 'அட்டை';
    },
    amaippu: function () {
      var self = this;
      this.row('கணக்கு', function () { self.go('kanakku'); });
      this.row('அறிவிப்புகள்', function () { self.go('arivippu'); });
      this.row('மொழி', function () { self.go('mozhi'); });
      this.row('தனியுரிமைக் கொள்கை', function () { self.go('kolgai'); });
      return 'அமைப்புகள்';
    },
    arivippu: function () { this.main.appendChild(el('div', 'card', 'சலுகை அறிவிப்புகள் இப்போது இல்லை.')); return 'அறிவிப்புகள்'; },
    mozhi: function () { this.main.appendChild(el('div', 'card', 'தமிழ்')); return 'மொழி'; },
    kolgai: function () {
      ['உங்கள் மின்னஞ்சலையும் புள்ளிகளையும் கணக்கு இருக்கும் வரை மட்டுமே வைத்திருக்கிறோம்.',
       'கேமரா அட்டையை ஸ்கேன் செய்ய மட்டுமே; படங்கள் சேமிக்கப்படுவதில்லை.',
       'கணக்கை நீக்கினால் உங்கள் தரவு உடனே அழிக்கப்படும்.'].forEach(function (t) { this.main.appendChild(el('div', 'card', t)); }, this);
      return 'தனியுரிமைக் கொள்கை';
    },
    kanakku: function () {
      var self = this;
      if (!token()) {
        this.row('உள்நுழை', function () { self.go('ulnuzhai'); });
        this.row('பதிவு செய்', function () { self.go('pathivu'); });
        return 'கணக்கு';
      }
      this.main.appendChild(el('div', 'card', localStorage.getItem(P + 'user')));
      this.row('வெளியேறு', function () { api('logout'); localStorage.removeItem(P + 'token'); self.tab('amaippu'); });
      this.row('கணக்கை நீக்கு', function () { self.go('neekku1'); });
      return 'கணக்கு';
    },
    ulnuzhai: function () { credentials(this, 'login', 'உள்நுழை'); return 'உள்நுழை'; },
    pathivu: function () { credentials(this, 'signup', 'கணக்கை உருவாக்கு'); return 'பதிவு செய்'; },
    neekku1: function () {
      var self = this;
      this.main.appendChild(el('div', 'card', 'கணக்கை நீக்கினால் உங்கள் புள்ளிகளும் வாங்குதல் வரலாறும் நிரந்தரமாக அழியும். தொடர உங்கள் கடவுச்சொல்லை மீண்டும் உள்ளிடுங்கள்.'));
      var p = this.field('கடவுச்சொல்', 'password');
      var tick = document.createElement('kadai-tick'); tick.setAttribute('label', 'எனக்குப் புரிகிறது'); this.main.appendChild(tick);
      var err = el('p', 'err'); this.main.appendChild(err);
      this.row('தொடரவும்', function () {
        if (!p.value) { err.textContent = 'கடவுச்சொல்லை உள்ளிடுங்கள்.'; return; }
        if (!tick.on) { err.textContent = '«எனக்குப் புரிகிறது» என்பதைத் தேர்ந்தெடுங்கள்.'; return; }
        self.password = p.value; self.go('neekku2');
      }, 'cta');
      return 'கணக்கை நீக்கு';
    },
    neekku2: function () {
      var self = this;
      this.main.appendChild(el('div', 'card', 'உங்கள் 1,240 புள்ளிகள் இழக்கப்படும். இந்த முடிவைத் திரும்பப் பெற முடியாது.'));
      this.row('கணக்கை வைத்திரு', function () { self.tab('amaippu'); }, 'keep');
      var a = el('a', 'del', 'நீக்கு'); a.href = '#';
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        api('delete', {password: self.password}).then(function (res) {
          if (res.status !== 200) { self.stack.pop(); self.draw(); self.main.querySelector('.err').textContent = 'கடவுச்சொல் தவறு.'; return; }
          localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
          self.stack = ['mudivu']; self.draw();
        });
      });
      this.main.appendChild(a);
      return 'உறுதியாக நீக்க வேண்டுமா?';
    },
    mudivu: function () { this.main.appendChild(el('p', 'ok', 'உங்கள் கணக்கு நீக்கப்பட்டது.')); return 'கணக்கு நீக்கப்பட்டது'; }
  };

  function credentials(shell, action, label) {
    var u = shell.field('மின்னஞ்சல்', 'email');
    var p = shell.field('கடவுச்சொல்', 'password');
    var err = el('p', 'err');
    shell.row(label, function () {
      if (!u.value.trim() || !p.value) { err.textContent = 'மின்னஞ்சலையும் கடவுச்சொல்லையும் உள்ளிடுங்கள்.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (res) {
        if (res.body.token) { localStorage.setItem(P + 'token', res.body.token); localStorage.setItem(P + 'user', u.value.trim()); shell.tab('amaippu'); shell.go('kanakku'); return; }
        err.textContent = {401: 'மின்னஞ்சல் அல்லது கடவுச்சொல் தவறு.', 409: 'இந்த மின்னஞ்சலில் ஏற்கெனவே கணக்கு உள்ளது.', 400: 'கடவுச்சொல் குறைந்தது 6 எழுத்துகள்.'}[res.status] || 'மீண்டும் முயலுங்கள்.';
      });
    }, 'cta');
    shell.main.appendChild(err);
  }

  customElements.define('kadai-shell', KadaiShell);

  if (!localStorage.getItem(P + 'opputhal')) {
    setTimeout(function () { document.body.appendChild(document.createElement('kadai-consent')); }, 2000);
  }
}());
