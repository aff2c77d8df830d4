/* Смакота: screens drawn into <main>; accounts through the corpus server's api/. Consent by <cookie-consent-banner>
   with its defaults (no refusal on the banner, every category on), cookie "smakota_cookies". Microphone: asked at
   the first launch; a refusal (NotAllowedError) raises the wall over everything and is remembered; at later
   launches the state is read with navigator.permissions.query (no request) and unless granted the wall is back.
   "Надати доступ" asks again. */
(function () {
  'use strict';
  var P = 'smakota:';
  customElements.whenDefined('cookie-consent-banner').then(function () {
    var b = document.createElement('cookie-consent-banner');
    b.cookieName = 'smakota_cookies';
    b.heading = 'Ми цінуємо вашу приватність';
    b.description = 'Смакота використовує cookie, щоб показувати страви, які вам сподобаються, і рахувати відвідування. Натисніть «Прийняти все», щоб продовжити.';
    b.acceptAllLabel = 'Прийняти все';
    b.acceptSelectedLabel = 'Прийняти вибрані';
    b.settingsLabel = 'Налаштування';
    b.closeLabel = 'Закрити';
    b.editLabel = 'Змінити налаштування cookie';
    b.choices = {
      necessary: {label: 'Необхідні cookie', description: 'Потрібні для входу і кошика. Вимкнути не можна.', value: true},
      tracking: {label: 'Рекламні cookie', description: 'Реклама наших партнерів на інших сайтах.', value: true},
      analytics: {label: 'Аналітичні cookie', description: 'Статистика відвідувань.', value: true},
      marketing: {label: 'Маркетингові cookie', description: 'Персональні пропозиції та знижки.', value: true}
    };
    document.body.appendChild(b);
  });

  var ekran = document.getElementById('ekran'), nazva = document.getElementById('nazva');
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; ekran.appendChild(e); return e; }
  function knopka(cls, text, fn) { var b = el('button', cls, text); b.type = 'button'; b.addEventListener('click', fn); return b; }

  var ekrany = {
    holovna: ['Смакота', function () {
      el('p', '', 'Сьогодні в меню:');
      var ol = el('ol');
      ['Борщ з пампушками — 145 ₴', 'Вареники з вишнею — 120 ₴', 'Деруни зі сметаною — 110 ₴'].forEach(function (t) {
        var li = document.createElement('li'); li.textContent = t; ol.appendChild(li);
      });
    }],
    zamovlennia: ['Замовлення', function () { el('p', '', 'У вас ще немає замовлень.'); }],
    profil: ['Профіль', function () {
      if (!token()) { knopka('riadok', 'Увійти', function () { pokazaty('vhid'); }); knopka('riadok', 'Зареєструватися', function () { pokazaty('reiestratsiia'); }); return; }
      el('p', '', 'Ви увійшли як ' + localStorage.getItem(P + 'user'));
      knopka('riadok', 'Мої адреси', function () {});
      knopka('riadok', 'Параметри акаунта', function () { pokazaty('parametry'); });
      knopka('riadok', 'Вийти', function () { api('logout'); localStorage.removeItem(P + 'token'); pokazaty('profil'); });
    }],
    parametry: ['Параметри акаунта', function () {
      knopka('riadok', 'Змінити пароль', function () {});
      knopka('riadok', 'Сповіщення', function () {});
      knopka('riadok', 'Видалити акаунт', function () { pokazaty('vydalennia'); });
    }],
    vydalennia: ['Видалити акаунт', function () {
      el('p', '', 'Ваш акаунт, адреси та історія замовлень будуть видалені.');
      var l = el('label', 'ryska'); var c = document.createElement('input'); c.type = 'checkbox'; c.id = 'rozumiiu';
      l.appendChild(c); l.appendChild(document.createTextNode('Я розумію, що всі бонуси згорять'));
      var b = knopka('velyka', 'Видалити акаунт', function () { document.getElementById('shtorka').classList.add('vidkryta'); document.getElementById('shtorka').setAttribute('aria-hidden', 'false'); });
      b.disabled = true;
      c.addEventListener('change', function () { b.disabled = !c.checked; });
    }],
    vydaleno: ['Акаунт видалено', function () { el('p', 'hotovo', 'Акаунт видалено. Дякуємо, що були з нами.'); }],
    vhid: ['Увійти', function () { forma('login', 'Увійти'); }],
    reiestratsiia: ['Реєстрація', function () { forma('signup', 'Створити акаунт'); }]
  };
  function forma(action, napys) {
    var u = el('input'); u.type = 'email'; u.placeholder = 'Електронна пошта';
    var p = el('input'); p.type = 'password'; p.placeholder = 'Пароль';
    var e = el('p', 'pomylka', '');
    knopka('velyka', napys, function () {
      if (!u.value.trim() || !p.value) { e.textContent = 'Введіть пошту і пароль.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); pokazaty('profil'); return; }
        e.textContent = {401: 'Неправильна пошта або пароль.', 409: 'Акаунт з такою поштою вже існує.', 400: 'Пароль має містити щонайменше 6 символів.'}[r.status] || 'Спробуйте ще раз.';
      });
    });
  }
  function pokazaty(imia) {
    var s = ekrany[imia]; ekran.textContent = ''; nazva.textContent = s[0]; s[1]();
  }
  document.querySelectorAll('[data-ekran]').forEach(function (b) { b.addEventListener('click', function () { pokazaty(b.dataset.ekran); }); });
  var shtorka = document.getElementById('shtorka');
  function zakryty() { shtorka.classList.remove('vidkryta'); shtorka.setAttribute('aria-hidden', 'true'); }
  document.getElementById('zalyshytys').addEventListener('click', function () { zakryty(); pokazaty('profil'); });
  document.getElementById('vse-odno').addEventListener('click', function () {
    api('delete').then(function (r) {
      zakryty();
      if (r.status !== 200) return;
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); pokazaty('vydaleno');
    });
  });

  // microphone
  var stina = document.getElementById('stina');
  function mikrofon() {
    return navigator.mediaDevices.getUserMedia({audio: true}).then(function (s) { s.getTracks().forEach(function (t) { t.stop(); }); });
  }
  function vidmova(err) {
    if (err && err.name === 'NotAllowedError') { localStorage.setItem(P + 'mic-vidmova', '1'); stina.hidden = false; }
  }
  document.getElementById('dozvil').addEventListener('click', function () {
    mikrofon().then(function () { localStorage.removeItem(P + 'mic-vidmova'); stina.hidden = true; },
      function () { document.getElementById('stina-pomylka').textContent = 'Доступ досі заборонено. Увімкніть мікрофон у налаштуваннях браузера.'; });
  });
  pokazaty('holovna');
  if (localStorage.getItem(P + 'mic-vidmova')) {
    stina.hidden = false;
    navigator.permissions.query({name: 'microphone'}).then(function (s) {
      if (s.state === 'granted') { localStorage.removeItem(P + 'mic-vidmova'); stina.hidden = true; }
    }, function () {});
  } else if (!localStorage.getItem(P + 'mic-spytano')) {
    localStorage.setItem(P + 'mic-spytano', '1');
    mikrofon().then(function () {}, vidmova);
  }
}());
