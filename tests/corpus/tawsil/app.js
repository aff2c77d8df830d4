/* توصيل: screens drawn into <main>; accounts through the corpus server's api/.
   Location: getCurrentPosition at the first launch only (flag tawsil:mawqi-sual); on every later launch the
   state is read with navigator.permissions.query (no request) and, unless granted, the wall covers the app:
   its one button تفعيل الموقع asks again. Cookie bar: equal قبول / رفض, answer in localStorage. */
(function () {
  'use strict';
  var P = 'tawsil:';
  var shasha = document.getElementById('shasha');
  var unwan = document.getElementById('unwan');
  var jidar = document.getElementById('jidar');

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
  function saff(text, fn) {
    var b = el('button', 'saff', text); b.type = 'button'; b.addEventListener('click', fn); shasha.appendChild(b);
  }
  function ayquna(label, path, fn) {
    var b = el('button'); b.type = 'button'; b.setAttribute('aria-label', label);
    b.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="' + path + '"/></svg>';
    b.addEventListener('click', fn); return b;
  }

  var mawqi = null;
  var shashat = {
    raisia: ['توصيل', function () {
      var s = el('div', 'ayqunat');
      var natija = el('p', '', '');
      s.appendChild(ayquna('بحث', 'M10 3a7 7 0 1 0 4.2 12.6l5.6 5.6 1.4-1.4-5.6-5.6A7 7 0 0 0 10 3zm0 2a5 5 0 1 1 0 10 5 5 0 0 1 0-10z',
        function () { natija.textContent = 'اكتب اسم مطعم أو طبق في النسخة الكاملة.'; }));
      s.appendChild(ayquna('تصفية', 'M3 5h18l-7 8v6l-4 2v-8z', function () { natija.textContent = 'التصفية: الأقرب أولًا.'; }));
      shasha.appendChild(s); shasha.appendChild(natija);
      shasha.appendChild(el('h2', '', 'مطاعم قريبة منك'));
      [['مشويات الواحة', 0.8], ['فطائر السنابل', 1.4], ['بيت الكشري', 2.1]].forEach(function (m) {
        var d = el('div', 'mataam', m[0]); d.appendChild(el('small', '', 'على بعد ' + m[1] + ' كم')); shasha.appendChild(d);
      });
    }],
    talabat: ['الطلبات', function () { shasha.appendChild(el('p', '', 'لا توجد طلبات بعد.')); }],
    hisab: ['الحساب', function () {
      if (!token()) {
        saff('تسجيل الدخول', function () { ard('dukhul'); });
        saff('إنشاء حساب', function () { ard('tasjil'); });
      } else {
        shasha.appendChild(el('p', '', 'مرحبًا، ' + localStorage.getItem(P + 'user')));
        saff('العناوين المحفوظة', function () { ard('anawin'); });
        saff('حذف الحساب', function () { document.getElementById('takid').hidden = false; });
        saff('تسجيل الخروج', function () { api('logout'); localStorage.removeItem(P + 'token'); ard('hisab'); });
      }
      saff('سياسة الخصوصية', function () { ard('siyasa'); });
    }],
    anawin: ['العناوين المحفوظة', function () { shasha.appendChild(el('p', '', 'لا توجد عناوين محفوظة.')); }],
    dukhul: ['تسجيل الدخول', function () { namudhaj('login', 'دخول'); }],
    tasjil: ['إنشاء حساب', function () { namudhaj('signup', 'تسجيل'); }],
    tamm: ['تم حذف حسابك', function () { shasha.appendChild(el('p', 'tamm', 'تم حذف حسابك وجميع بياناتك.')); }],
    siyasa: ['سياسة الخصوصية', function () {
      var d = el('div', 'siyasa');
      ['نستخدم موقعك لعرض المطاعم القريبة وتوصيل طلبك فقط، ولا نشاركه مع المعلنين.',
       'نحفظ بريدك الإلكتروني وسجل طلباتك ما دام حسابك قائمًا، ونحذفها فور حذف الحساب.',
       'ملفات تعريف الارتباط الخاصة بالقياس لا تُستخدم إلا إذا قبلتها.',
       'نرسل عنوان التوصيل إلى المطعم وعامل التوصيل فقط، ولا نحتفظ بمواقعك السابقة بعد إتمام الطلب.',
       'لا نبيع بياناتك الشخصية لأي جهة، ويمكنك حذف حسابك في أي وقت من صفحة الحساب.'].forEach(function (t) { d.appendChild(el('p', '', t)); });
      shasha.appendChild(d);
    }]
  };

  function namudhaj(action, label) {
    var f = el('form');
    var lu = el('label', '', 'البريد الإلكتروني'); lu.htmlFor = action + '-barid'; f.appendChild(lu);
    var u = el('input'); u.id = action + '-barid'; u.type = 'email'; f.appendChild(u);
    var lp = el('label', '', 'كلمة المرور'); lp.htmlFor = action + '-sirr'; f.appendChild(lp);
    var p = el('input'); p.id = action + '-sirr'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'zirr kamil', label); b.type = 'submit'; f.appendChild(b);
    var k = el('p', 'khata'); f.appendChild(k);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { k.textContent = 'أدخل البريد الإلكتروني وكلمة المرور.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); ard('hisab'); return; }
        k.textContent = {401: 'البريد أو كلمة المرور غير صحيحة.', 409: 'يوجد حساب بهذا البريد.', 400: 'كلمة المرور ٦ أحرف على الأقل.'}[r.status] || 'حاول مرة أخرى.';
      });
    });
    shasha.appendChild(f);
  }

  function ard(name) {
    var s = shashat[name];
    shasha.textContent = ''; unwan.textContent = s[0];
    document.querySelectorAll('[data-tab]').forEach(function (b) {
      if (b.dataset.tab === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    s[1]();
  }
  document.querySelectorAll('[data-tab]').forEach(function (b) { b.addEventListener('click', function () { ard(b.dataset.tab); }); });

  document.getElementById('takid-ilgha').addEventListener('click', function () { document.getElementById('takid').hidden = true; });
  document.getElementById('takid-hadhf').addEventListener('click', function () {
    api('delete', {}).then(function (r) {
      document.getElementById('takid').hidden = true;
      if (r.status !== 200) return;
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      ard('tamm');
    });
  });

  // location: the wall while it is not granted
  function wusul(pos) { mawqi = pos; jidar.hidden = true; }
  function rafd() { jidar.hidden = false; }
  // only a refusal (PERMISSION_DENIED) raises the wall; a position the device cannot fix is not the user's answer
  function utlub() { navigator.geolocation.getCurrentPosition(wusul, function (err) {
    if (err.code !== err.PERMISSION_DENIED) { jidar.hidden = true; return; }
    rafd(); document.getElementById('jidar-risala').textContent = 'لم يُسمح بالوصول إلى الموقع. لا يمكن المتابعة دونه.';
  }); }
  document.getElementById('tafil').addEventListener('click', utlub);

  // cookie bar
  var kuki = document.getElementById('kuki');
  function hifz(v) { localStorage.setItem(P + 'kuki', v); kuki.hidden = true; }
  document.getElementById('kuki-qabul').addEventListener('click', function () { hifz('qabul'); });
  document.getElementById('kuki-rafd').addEventListener('click', function () { hifz('rafd'); });

  ard('raisia');
  if (!localStorage.getItem(P + 'kuki')) kuki.hidden = false;
  if (!localStorage.getItem(P + 'mawqi-sual')) {
    localStorage.setItem(P + 'mawqi-sual', '1');
    utlub();
  } else {
    navigator.permissions.query({name: 'geolocation'}).then(function (s) {
      if (s.state === 'granted') navigator.geolocation.getCurrentPosition(wusul, function () { jidar.hidden = true; }); else rafd();
    });
  }
}());
