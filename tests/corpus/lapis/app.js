/* Lapis Bank: screens drawn into <main>; the only way between them is the side drawer (☰). Accounts through the
   corpus server's api/. Consent answer in localStorage lapis:zgody; notifications asked once (flag
   lapis:powiadomienia-pytano). Deletion confirmed by holding a button for 2 s (HOLD_MS). */
(function () {
  'use strict';
  var P = 'lapis:';
  var HOLD_MS = 2000;
  var ekran = document.getElementById('ekran');
  var tytul = document.getElementById('tytul');
  var menu = document.getElementById('menu');
  var szuflada = document.getElementById('szuflada');
  var zaslona = document.getElementById('zaslona');

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
  function wiersz(text, fn) {
    var b = el('button', 'wiersz', text); b.type = 'button'; b.addEventListener('click', fn); ekran.appendChild(b);
  }

  var ekrany = {
    pulpit: ['Pulpit', function () {
      var k = el('div', 'karta'); k.appendChild(el('p', '', 'Konto osobiste'));
      k.appendChild(el('p', 'saldo', token() ? '4 218,37 zł' : '— zł'));
      k.appendChild(el('p', '', token() ? 'Dostępne środki' : 'Zaloguj się, aby zobaczyć saldo.'));
      ekran.appendChild(k);
      var h = el('div', 'karta'); h.appendChild(el('h2', '', 'Ostatnie operacje'));
      [['Biedronka', '−84,12 zł'], ['Przelew od: Anna K.', '+250,00 zł'], ['Orlen', '−196,40 zł']].forEach(function (o) {
        h.appendChild(el('p', '', o[0] + '  ' + o[1]));
      });
      ekran.appendChild(h);
    }],
    przelewy: ['Przelewy', function () {
      ekran.appendChild(el('p', '', 'Nowy przelew, przelew na telefon i zlecenia stałe będą dostępne po zalogowaniu.'));
    }],
    karty: ['Karty', function () {
      var k = el('div', 'karta'); k.appendChild(el('p', '', 'Karta debetowa •••• 4821')); k.appendChild(el('p', '', 'Aktywna'));
      ekran.appendChild(k);
    }],
    konto: ['Konto', function () {
      ekran.appendChild(el('p', '', 'Zalogowano jako ' + (localStorage.getItem(P + 'user') || '')));
      wiersz('Dane osobowe', function () { pokaz('dane'); });
    }],
    dane: ['Dane osobowe', function () { ekran.appendChild(el('p', '', 'Adres e-mail: ' + (localStorage.getItem(P + 'user') || ''))); }],
    ustawienia: ['Ustawienia', function () {
      wiersz('Powiadomienia', function () { pokaz('powiadomienia'); });
      wiersz('Prywatność', function () { pokaz('prywatnosc'); });
      wiersz('Język', function () { pokaz('jezyk'); });
    }],
    powiadomienia: ['Powiadomienia', function () {
      ekran.appendChild(el('p', '', 'Powiadomienia o operacjach: ' +
        (window.Notification && Notification.permission === 'granted' ? 'włączone' : 'wyłączone w ustawieniach przeglądarki') + '.'));
    }],
    jezyk: ['Język', function () { ekran.appendChild(el('p', '', 'Język aplikacji: polski.')); }],
    prywatnosc: ['Prywatność', function () {
      wiersz('Pliki cookie', function () { otworzZgode(true); });
      wiersz('Usuń konto', function () { pokaz('usun'); });
    }],
    usun: ['Usuń konto', function () {
      if (!token()) { ekran.appendChild(el('p', '', 'Zaloguj się, aby usunąć konto.')); return; }
      ekran.appendChild(el('p', '', 'Twoje konto w aplikacji i wszystkie zapisane dane zostaną usunięte od razu. Tej operacji nie można cofnąć.'));
      var b = el('button', 'trzymaj'); b.type = 'button';
      b.appendChild(el('span', 'pasek')); b.appendChild(el('span', '', 'Przytrzymaj, aby usunąć'));
      var hint = el('p', 'podpowiedz'); hint.setAttribute('aria-live', 'polite');
      ekran.appendChild(b); ekran.appendChild(hint);
      var timer = null, done = false;
      function start(ev) {
        if (done || timer) return;
        ev.preventDefault();
        hint.textContent = '';
        b.classList.add('trwa');
        timer = setTimeout(function () {
          timer = null; done = true;
          api('delete', {}).then(function (r) {
            if (r.status !== 200) { done = false; b.classList.remove('trwa'); hint.textContent = 'Nie udało się usunąć konta.'; return; }
            localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
            pokaz('usuniete');
          });
        }, HOLD_MS);
      }
      function stop() {
        if (done) return;
        if (timer) { clearTimeout(timer); timer = null; }
        b.classList.remove('trwa');
        hint.textContent = 'Przytrzymaj przycisk przez 2 sekundy, aby potwierdzić.';
      }
      b.addEventListener('pointerdown', start);
      b.addEventListener('pointerup', stop);
      b.addEventListener('pointerleave', function () { if (timer) stop(); });
      b.addEventListener('pointercancel', function () { if (timer) stop(); });
      b.addEventListener('contextmenu', function (ev) { ev.preventDefault(); });
      b.addEventListener('click', function () { if (!done && !timer) hint.textContent = 'Przytrzymaj przycisk przez 2 sekundy, aby potwierdzić.'; });
    }],
    usuniete: ['Konto usunięte', function () { ekran.appendChild(el('p', 'gotowe', 'Twoje konto zostało usunięte.')); }],
    zaloguj: ['Zaloguj się', function () { formularz('login', 'Zaloguj'); }],
    zaloz: ['Załóż konto', function () { formularz('signup', 'Utwórz konto'); }]
  };

  function formularz(action, label) {
    var f = el('form');
    var lu = el('label', '', 'E-mail'); lu.htmlFor = action + '-email'; f.appendChild(lu);
    var u = el('input'); u.id = action + '-email'; u.type = 'email'; u.autocomplete = 'username'; f.appendChild(u);
    var lp = el('label', '', 'Hasło'); lp.htmlFor = action + '-haslo'; f.appendChild(lp);
    var p = el('input'); p.id = action + '-haslo'; p.type = 'password'; f.appendChild(p);
    var b = el('button', '', label); b.type = 'submit'; f.appendChild(b);
    var k = el('p', 'blad'); f.appendChild(k);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { k.textContent = 'Podaj e-mail i hasło.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); budujMenu(); pokaz('pulpit'); return; }
        k.textContent = {401: 'Nieprawidłowy e-mail lub hasło.', 409: 'Konto z tym adresem już istnieje.', 400: 'Hasło musi mieć co najmniej 6 znaków.'}[r.status] || 'Spróbuj ponownie.';
      });
    });
    ekran.appendChild(f);
  }

  var biezacy = 'pulpit';
  function pokaz(name) {
    var s = ekrany[name];
    biezacy = name;
    ekran.textContent = ''; tytul.textContent = s[0];
    szuflada.querySelectorAll('a').forEach(function (a) {
      if (a.dataset.cel === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    s[1]();
  }

  // the drawer: the app's only navigation
  function budujMenu() {
    var ul = document.getElementById('pozycje'); ul.textContent = '';
    var pozycje = [['Pulpit', 'pulpit'], ['Przelewy', 'przelewy'], ['Karty', 'karty']];
    if (token()) pozycje.push(['Konto', 'konto']);
    pozycje.push(['Ustawienia', 'ustawienia']);
    if (token()) pozycje.push(['Wyloguj się', 'wyloguj']); else pozycje.push(['Zaloguj się', 'zaloguj'], ['Załóż konto', 'zaloz']);
    pozycje.forEach(function (p) {
      var li = el('li'); var a = el('a', '', p[0]); a.href = '#'; a.dataset.cel = p[1];
      a.addEventListener('click', function (ev) {
        ev.preventDefault(); zamknij();
        if (p[1] === 'wyloguj') {
          api('logout'); localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); budujMenu(); pokaz('pulpit'); return;
        }
        pokaz(p[1]);
      });
      li.appendChild(a); ul.appendChild(li);
    });
  }
  function otworz() {
    szuflada.classList.add('otwarta'); zaslona.classList.add('otwarta');
    szuflada.setAttribute('aria-hidden', 'false'); menu.setAttribute('aria-expanded', 'true');
  }
  function zamknij() {
    szuflada.classList.remove('otwarta'); zaslona.classList.remove('otwarta');
    szuflada.setAttribute('aria-hidden', 'true'); menu.setAttribute('aria-expanded', 'false');
  }
  menu.addEventListener('click', function () { if (szuflada.classList.contains('otwarta')) zamknij(); else otworz(); });
  zaslona.addEventListener('click', zamknij);

  // consent: layer 1 accept or more options; layer 2 four purposes on, a locked necessary one
  var CELE = [['niezbedne', 'Niezbędne', 'Potrzebne do logowania i bezpieczeństwa. Zawsze włączone.'],
              ['analityka', 'Analityka', 'Statystyki korzystania z aplikacji.'],
              ['personalizacja', 'Personalizacja ofert', 'Oferty dopasowane do Twoich transakcji.'],
              ['marketing', 'Marketing', 'Komunikaty o produktach Lapis Bank w innych serwisach.'],
              ['partnerzy', 'Partnerzy reklamowi', 'Udostępnianie identyfikatorów zaufanym partnerom.']];
  var zgoda = document.getElementById('zgoda');
  var pola = {};
  function budujCele() {
    var box = document.getElementById('cele'); box.textContent = '';
    var zapisane = JSON.parse(localStorage.getItem(P + 'zgody') || 'null');
    CELE.forEach(function (c) {
      var l = el('label', 'przelacznik');
      var t = el('span'); t.appendChild(el('span', 'opis', c[1])); t.appendChild(el('br')); t.appendChild(el('small', '', c[2]));
      var s = el('span', 'suwak');
      var i = el('input'); i.type = 'checkbox';
      i.checked = c[0] === 'niezbedne' || !zapisane || !!zapisane[c[0]];
      if (c[0] === 'niezbedne') i.disabled = true;
      i.setAttribute('aria-label', c[1]);
      s.appendChild(i); s.appendChild(el('i'));
      l.appendChild(t); l.appendChild(s); box.appendChild(l);
      pola[c[0]] = i;
    });
  }
  function otworzZgode(drugaWarstwa) {
    document.getElementById('warstwa1').hidden = !!drugaWarstwa;
    document.getElementById('warstwa2').hidden = !drugaWarstwa;
    if (drugaWarstwa) budujCele();
    zgoda.hidden = false;
  }
  function zapisz(wybor) { localStorage.setItem(P + 'zgody', JSON.stringify(wybor)); zgoda.hidden = true; }
  document.getElementById('akceptuj').addEventListener('click', function () {
    zapisz({niezbedne: true, analityka: true, personalizacja: true, marketing: true, partnerzy: true});
  });
  document.getElementById('wiecej').addEventListener('click', function () { otworzZgode(true); });
  document.getElementById('zapisz').addEventListener('click', function () {
    var w = {}; CELE.forEach(function (c) { w[c[0]] = pola[c[0]].checked; }); zapisz(w);
  });

  budujMenu();
  pokaz('pulpit');
  if (!localStorage.getItem(P + 'zgody')) otworzZgode(false);
  if (!localStorage.getItem(P + 'powiadomienia-pytano') && window.Notification) {
    localStorage.setItem(P + 'powiadomienia-pytano', '1');
    Notification.requestPermission();
  }
}());
