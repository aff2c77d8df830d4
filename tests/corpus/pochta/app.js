/* Почтовик: screens drawn into <main> by a small router; accounts through the corpus server's api/.
   Notifications: Notification.requestPermission() once, at the first launch (a flag in localStorage);
   whatever the answer, the app works the same. Deletion: Профиль → Безопасность → Удалить аккаунт →
   retention offer → password → "Ваш аккаунт удалён". */
(function () {
  'use strict';
  var P = 'pochta:';
  var ekran = document.getElementById('ekran');
  var zagolovok = document.getElementById('zagolovok');

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
  function stroka(text, fn) {
    var b = el('button', 'stroka', text); b.type = 'button'; b.addEventListener('click', fn); ekran.appendChild(b); return b;
  }
  function knopka(text, cls, fn) {
    var b = el('button', cls, text); b.type = 'button'; b.addEventListener('click', fn); return b;
  }
  function pole(form, id, text, type) {
    var l = el('label', '', text); l.htmlFor = id; form.appendChild(l);
    var i = el('input'); i.id = id; i.type = type; form.appendChild(i); return i;
  }

  var ekrany = {
    vhodyashchie: ['Входящие', function () {
      [['Команда Почтовика', 'Добро пожаловать! Несколько советов для начала.'],
       ['Книжный клуб', 'Встреча переносится на четверг, 19:00.'],
       ['Доставка', 'Ваш заказ передан курьеру.']].forEach(function (p) {
        var d = el('div', 'pismo'); d.appendChild(el('b', '', p[0])); d.appendChild(el('small', '', p[1])); ekran.appendChild(d);
      });
    }],
    novosti: ['Новости', function () {
      ['Погода: в выходные потеплеет до +5.', 'Город: на набережной открыли новый каток.'].forEach(function (t) {
        ekran.appendChild(el('div', 'pismo', t));
      });
    }],
    profil: ['Профиль', function (msg) {
      if (msg) ekran.appendChild(el('div', 'soobshchenie', msg));
      if (!token()) {
        stroka('Войти', function () { pokazat('vhod'); });
        stroka('Регистрация', function () { pokazat('registraciya'); });
      } else {
        ekran.appendChild(el('p', '', 'Вы вошли как ' + localStorage.getItem(P + 'user')));
        stroka('Подписи и папки', function () { pokazat('papki'); });
        stroka('Безопасность', function () { pokazat('bezopasnost'); });
        stroka('Выйти', function () { api('logout'); localStorage.removeItem(P + 'token'); pokazat('profil'); });
      }
      stroka('Политика конфиденциальности', function () { pokazat('politika'); });
    }],
    papki: ['Подписи и папки', function () { ekran.appendChild(el('p', '', 'Папок пока нет. Подпись: «С уважением».')); }],
    bezopasnost: ['Безопасность', function () {
      stroka('Сменить пароль', function () { pokazat('smena'); });
      stroka('Активные сеансы', function () { pokazat('seansy'); });
      stroka('Удалить аккаунт', function () { pokazat('uderzhanie'); });
    }],
    smena: ['Сменить пароль', function () { ekran.appendChild(el('p', '', 'Смена пароля доступна в веб-версии Почтовика.')); }],
    seansy: ['Активные сеансы', function () { ekran.appendChild(el('p', '', 'Сейчас активен только этот сеанс.')); }],
    uderzhanie: ['Удаление аккаунта', function () {
      var d = el('div', 'uderzhanie');
      d.appendChild(el('div', 'podarok', '🎁'));
      d.appendChild(el('h1', '', 'Подождите! 3 месяца бесплатно'));
      d.appendChild(el('p', '', 'Оставайтесь с нами: Почтовик Премиум без рекламы на 3 месяца в подарок.'));
      d.appendChild(knopka('Получить 3 месяца бесплатно', 'ogromnaya', function () {
        pokazat('profil', 'Премиум подключён на 3 месяца. Спасибо, что остаётесь!');
      }));
      d.appendChild(knopka('Продолжить удаление', 'melkaya', function () { pokazat('parol'); }));
      ekran.appendChild(d);
    }],
    parol: ['Удаление аккаунта', function () {
      var f = el('form');
      f.appendChild(el('p', '', 'Введите пароль, чтобы подтвердить удаление. Письма и контакты будут удалены.'));
      var p = pole(f, 'udal-parol', 'Пароль', 'password');
      var o = el('p', 'oshibka');
      var b = el('button', 'knopka opasno', 'Удалить аккаунт навсегда'); b.type = 'submit';
      f.appendChild(b); f.appendChild(o);
      f.addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (!p.value) { o.textContent = 'Введите пароль.'; return; }
        api('delete', {password: p.value}).then(function (r) {
          if (r.status !== 200) { o.textContent = 'Неверный пароль.'; return; }
          localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
          pokazat('udalen');
        });
      });
      ekran.appendChild(f);
    }],
    udalen: ['Аккаунт удалён', function () { ekran.appendChild(el('p', 'soobshchenie', 'Ваш аккаунт удалён. Все письма и данные стёрты.')); }],
    vhod: ['Вход', function () { forma('login', 'Войти'); }],
    registraciya: ['Регистрация', function () { forma('signup', 'Создать аккаунт'); }],
    politika: ['Политика конфиденциальности', function () {
      var d = el('div', 'politika');
      ['Почтовик хранит ваши письма и контакты только для работы почты.',
       'Статистику посещений и персональную рекламу мы используем, только если вы на это согласились; согласие можно отозвать в настройках cookie.',
       'После удаления аккаунта письма и контакты стираются в течение 30 дней.',
       'Уведомления о новых письмах приходят, только если вы разрешили их в браузере; отказ ничего не меняет в работе почты.',
       'Мы не продаём ваши данные. Вопросы о персональных данных можно задать через раздел «Профиль».'].forEach(function (t) { d.appendChild(el('p', '', t)); });
      ekran.appendChild(d);
    }]
  };

  function forma(action, label) {
    var f = el('form');
    var u = pole(f, action + '-pochta', 'Эл. почта', 'email');
    var p = pole(f, action + '-parol', 'Пароль', 'password');
    var b = el('button', 'knopka', label); b.type = 'submit'; f.appendChild(b);
    var o = el('p', 'oshibka'); f.appendChild(o);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { o.textContent = 'Введите почту и пароль.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); pokazat('profil'); return; }
        o.textContent = {401: 'Неверная почта или пароль.', 409: 'Такой аккаунт уже есть.', 400: 'Пароль — не короче 6 символов.'}[r.status] || 'Попробуйте ещё раз.';
      });
    });
    ekran.appendChild(f);
  }

  function pokazat(name, msg) {
    var e = ekrany[name];
    ekran.textContent = '';
    zagolovok.textContent = e[0];
    document.querySelectorAll('[data-vkladka]').forEach(function (b) {
      if (b.dataset.vkladka === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    e[1](msg);
  }
  document.querySelectorAll('[data-vkladka]').forEach(function (b) {
    b.addEventListener('click', function () { pokazat(b.dataset.vkladka); });
  });
  window.addEventListener('hashchange', function () { if (location.hash === '#politika') pokazat('politika'); });

  pokazat(location.hash === '#politika' ? 'politika' : 'vhodyashchie');
  if ('Notification' in window && !localStorage.getItem(P + 'uvedomleniya-sprosheny')) {
    localStorage.setItem(P + 'uvedomleniya-sprosheny', '1');
    Notification.requestPermission();
  }
}());
