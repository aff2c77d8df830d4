/* دفتر: screens drawn into <main>; accounts through the corpus server's api/.
   Launch: location + notifications requested together at the first launch (flag daftar:ijazat-puchi), before
   anything is used; the cookie box (CookieCraft) until answered; once it is answered, the update modal at every
   launch until «ابھی اپ ڈیٹ کریں» (flag daftar:updated). */
(function () {
  'use strict';
  var P = 'daftar:';
  var safha = document.getElementById('safha');
  var unwan = document.getElementById('unwan');
  var maqam = null;            // 'granted' | 'denied' | null (not answered yet)

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
  function button(text, cls, fn) {
    var b = el('button', cls, text); b.type = 'button'; b.addEventListener('click', fn); return b;
  }
  function field(parent, id, text, type) {
    var l = el('label', '', text); l.htmlFor = id; parent.appendChild(l);
    var i = el('input'); i.id = id; i.type = type || 'text'; parent.appendChild(i);
    return i;
  }

  var safhat = {
    ghar: ['سفر تلاش کریں', function () {
      var c = el('div', 'card');
      var pickup = field(c, 'pickup', 'پک اپ کا مقام');
      var note = el('p', 'galat');
      if (maqam === 'granted') { pickup.value = 'آپ کا موجودہ مقام'; }
      else if (maqam === 'denied') { note.textContent = 'مقام کی اجازت نہیں دی گئی۔ پک اپ کا مقام خود لکھیں۔'; }
      c.appendChild(note);
      var manzil = field(c, 'manzil', 'منزل');
      var natija = el('div');
      c.appendChild(button('بسیں تلاش کریں', 'bara', function () {
        natija.textContent = '';
        if (!pickup.value.trim()) { note.textContent = 'پک اپ کا مقام لکھیں۔'; return; }
        var jagah = manzil.value.trim() || 'لاہور';
        [['صبح 7:30', 'ڈائیوو ایکسپریس', 2400], ['دوپہر 1:15', 'فیصل موورز', 2100], ['رات 10:00', 'نیازی ایکسپریس', 1900]].forEach(function (b) {
          var d = el('div', 'card', b[0] + ' — ' + b[1] + ' — ' + jagah + ' — ' + b[2] + ' روپے'); natija.appendChild(d);
        });
      }));
      safha.appendChild(c); safha.appendChild(natija);
    }],
    tickat: ['میرے ٹکٹ', function () {
      safha.appendChild(el('p', 'card', token() ? 'ابھی کوئی ٹکٹ نہیں۔' : 'ٹکٹ دیکھنے کے لیے لاگ ان کریں۔'));
      if (window.Notification && Notification.permission !== 'granted') {
        safha.appendChild(el('p', '', 'روانگی کی یاددہانی کے لیے اطلاعات بند ہیں۔'));
      }
    }],
    profile: ['پروفائل', function () {
      if (!token()) {
        safha.appendChild(button('لاگ ان کریں', 'qatar', function () { dikhao('login'); }));
        safha.appendChild(button('اکاؤنٹ بنائیں', 'qatar', function () { dikhao('signup'); }));
        safha.appendChild(button('رازداری کی پالیسی', 'qatar', function () { dikhao('policy'); }));
        return;
      }
      var sar = el('div', 'profile-sar');
      sar.appendChild(el('p', '', 'خوش آمدید، ' + localStorage.getItem(P + 'user')));
      var menu = el('div', 'menu'); menu.hidden = true;
      var nuqte = button('⋮', 'nuqte', function () { menu.hidden = !menu.hidden; nuqte.setAttribute('aria-expanded', String(!menu.hidden)); });
      nuqte.setAttribute('aria-label', 'مزید اختیارات'); nuqte.setAttribute('aria-haspopup', 'menu'); nuqte.setAttribute('aria-expanded', 'false');
      sar.appendChild(nuqte);
      safha.appendChild(sar);
      menu.setAttribute('role', 'menu');
      [['لاگ آؤٹ', function () { api('logout'); localStorage.removeItem(P + 'token'); dikhao('profile'); }],
       ['اکاؤنٹ حذف کریں', function () { menu.hidden = true; tasdeeq(); }]].forEach(function (m) {
        var b = button(m[0], '', m[1]); b.setAttribute('role', 'menuitem'); menu.appendChild(b);
      });
      safha.appendChild(menu);
      safha.appendChild(button('محفوظ مسافر', 'qatar', function () { dikhao('musafir'); }));
      safha.appendChild(button('ادائیگی کے طریقے', 'qatar', function () { dikhao('adaigi'); }));
      safha.appendChild(button('رازداری کی پالیسی', 'qatar', function () { dikhao('policy'); }));
    }],
    musafir: ['محفوظ مسافر', function () { safha.appendChild(el('p', 'card', 'کوئی مسافر محفوظ نہیں۔')); }],
    adaigi: ['ادائیگی کے طریقے', function () { safha.appendChild(el('p', 'card', 'جاز کیش، ایزی پیسہ یا کارڈ۔')); }],
    login: ['لاگ ان کریں', function () { form('login', 'داخل ہوں'); }],
    signup: ['اکاؤنٹ بنائیں', function () { form('signup', 'رجسٹر کریں'); }],
    mitgaya: ['اکاؤنٹ حذف', function () { safha.appendChild(el('p', 'sahi', 'آپ کا اکاؤنٹ حذف کر دیا گیا ہے۔')); }],
    policy: ['رازداری کی پالیسی', function () {
      ['ہم آپ کا ای میل اور ٹکٹوں کی تاریخ صرف بکنگ کے لیے رکھتے ہیں۔',
       'مقام صرف قریب ترین پک اپ تجویز کرنے کے لیے استعمال ہوتا ہے؛ آپ پک اپ خود بھی لکھ سکتے ہیں۔',
       'اکاؤنٹ حذف کرنے پر آپ کا سارا ڈیٹا فوراً مٹا دیا جاتا ہے۔'].forEach(function (t) { safha.appendChild(el('p', 'card', t)); });
    }]
  };

  function form(action, label) {
    var f = el('form');
    var u = field(f, action + '-email', 'ای میل', 'email');
    var p = field(f, action + '-pass', 'پاس ورڈ', 'password');
    var b = el('button', 'bara', label); b.type = 'submit'; f.appendChild(b);
    var k = el('p', 'galat'); f.appendChild(k);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { k.textContent = 'ای میل اور پاس ورڈ دونوں لکھیں۔'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); dikhao('profile'); return; }
        k.textContent = {401: 'ای میل یا پاس ورڈ غلط ہے۔', 409: 'اس ای میل سے اکاؤنٹ پہلے سے موجود ہے۔', 400: 'پاس ورڈ کم از کم 6 حروف کا ہو۔'}[r.status] || 'دوبارہ کوشش کریں۔';
      });
    });
    safha.appendChild(f);
  }

  function dikhao(name) {
    var s = safhat[name];
    safha.textContent = ''; unwan.textContent = s[0];
    document.querySelectorAll('[data-tab]').forEach(function (b) {
      if (b.dataset.tab === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    s[1]();
  }
  document.querySelectorAll('[data-tab]').forEach(function (b) { b.addEventListener('click', function () { dikhao(b.dataset.tab); }); });

  // the deletion confirm: its button counts down 10 seconds before it can be pressed
  var hazf = document.getElementById('hazf'), haan = document.getElementById('hazf-haan'), ginti = null;
  function tasdeeq() {
    var baqi = 10;
    hazf.hidden = false; haan.disabled = true; haan.textContent = 'حذف کریں (' + baqi + ')';
    clearInterval(ginti);
    ginti = setInterval(function () {
      baqi -= 1;
      if (baqi > 0) { haan.textContent = 'حذف کریں (' + baqi + ')'; return; }
      clearInterval(ginti); haan.textContent = 'حذف کریں'; haan.disabled = false;
    }, 1000);
  }
  document.getElementById('hazf-mansookh').addEventListener('click', function () { clearInterval(ginti); hazf.hidden = true; });
  haan.addEventListener('click', function () {
    if (haan.disabled) return;
    api('delete', {}).then(function (r) {
      hazf.hidden = true;
      if (r.status !== 200) return;
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      dikhao('mitgaya');
    });
  });

  // the update modal: after the cookie answer, at every launch until updated
  var update = document.getElementById('update');
  function updateDikhao() { if (!localStorage.getItem(P + 'updated')) update.hidden = false; }
  document.getElementById('update-baad').addEventListener('click', function () { update.hidden = true; });
  document.getElementById('update-abhi').addEventListener('click', function () {
    localStorage.setItem(P + 'updated', '4.2'); update.hidden = true;
    var t = el('div', 'sahi', 'دفتر 4.2 انسٹال ہو گیا۔'); safha.insertBefore(t, safha.firstChild);
  });

  // permissions: location and notifications together, at the first launch only
  function maqamLo() {
    return new Promise(function (ok) {
      navigator.geolocation.getCurrentPosition(function () { ok('granted'); },
        function (e) { ok(e.code === e.PERMISSION_DENIED ? 'denied' : 'granted'); }, {timeout: 4000});
    });
  }
  if (!localStorage.getItem(P + 'ijazat-puchi')) {
    localStorage.setItem(P + 'ijazat-puchi', '1');
    maqamLo().then(function (r) { maqam = r; localStorage.setItem(P + 'maqam', r); if (unwan.textContent === 'سفر تلاش کریں') dikhao('ghar'); });
    if (window.Notification) Notification.requestPermission();
  } else if (navigator.permissions) {
    navigator.permissions.query({name: 'geolocation'}).then(function (s) {
      maqam = s.state === 'granted' ? 'granted' : s.state === 'denied' ? 'denied' : null;
      if (unwan.textContent === 'سفر تلاش کریں') dikhao('ghar');
    });
  }

  dikhao('ghar');

  // the cookie notice (CookieCraft, its documented options)
  var cc = new CookieCraft.CookieConsent({
    layout: 'box',
    position: 'center',
    disablePageInteraction: true,
    theme: 'light',
    primaryColor: '#0b7a4b',
    showWidget: false,
    categories: {
      necessary: {enabled: true, readOnly: true, label: 'ضروری', description: 'ایپ کے چلنے کے لیے لازمی۔'},
      analytics: {enabled: true, readOnly: false, label: 'تجزیات', description: 'یہ سمجھنے میں مدد کہ آپ ایپ کیسے استعمال کرتے ہیں۔'},
      marketing: {enabled: true, readOnly: false, label: 'مارکیٹنگ', description: 'آپ کے سفر کے مطابق پیشکشیں اور اشتہارات۔'}
    },
    translations: {
      title: 'آپ کی رازداری اہم ہے',
      description: 'دفتر کوکیز استعمال کرتا ہے تاکہ ایپ بہتر ہو اور آپ کو پسندیدہ پیشکشیں دکھائی جائیں۔',
      acceptAll: 'سب قبول کریں',
      rejectAll: 'سب مسترد کریں',
      customize: 'ترجیحات منتخب کریں',
      essentialsOnly: 'صرف ضروری',
      savePreferences: 'انتخاب محفوظ کریں',
      preferencesTitle: 'کوکیز کی ترجیحات'
    },
    onAccept: updateDikhao,
    onReject: updateDikhao,
    onChange: updateDikhao
  });
  cc.init();
  if (cc.getConsent()) updateDikhao();
}());
