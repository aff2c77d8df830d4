/* Paczka: screens drawn into <main>, navigation through the ☰ drawer; accounts through the corpus server's api/.
   Cookie bar: $.cookieBar with declineButton, autoEnable off (nothing assumed before the answer), its answer in
   the cookie cb-enabled (accepted / declined). Once it is answered (or at launch when it already was), the
   notification sheet shows until one of its buttons is tapped (paczka:pytanie); only «Włącz powiadomienia» calls
   Notification.requestPermission. «Skanuj kod» calls getUserMedia({video}); refused, a field for the code. */
(function () {
  'use strict';
  var P = 'paczka:';
  var ekran = document.getElementById('ekran');
  var tytul = document.getElementById('tytul');
  var szuflada = document.getElementById('szuflada');
  var zaslona = document.getElementById('zaslona');
  var menu = document.getElementById('menu');

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
  function przycisk(rodzic, cls, text, fn) {
    var b = el('button', cls, text); b.type = 'button'; b.addEventListener('click', fn); rodzic.appendChild(b); return b;
  }

  // the drawer
  function otworz() { rysujSzuflade(); szuflada.classList.add('otwarta'); zaslona.classList.add('widoczna'); menu.setAttribute('aria-expanded', 'true'); }
  function zamknij() { szuflada.classList.remove('otwarta'); zaslona.classList.remove('widoczna'); menu.setAttribute('aria-expanded', 'false'); }
  menu.addEventListener('click', function () { if (szuflada.classList.contains('otwarta')) zamknij(); else otworz(); });
  zaslona.addEventListener('click', zamknij);
  function rysujSzuflade() {
    szuflada.textContent = '';
    szuflada.appendChild(el('p', 'logo', 'Paczka'));
    function poz(text, cel) { przycisk(szuflada, 'pozycja', text, function () { zamknij(); pokaz(cel); }); }
    poz('Moje przesyłki', 'przesylki');
    poz('Paczkomaty w pobliżu', 'paczkomaty');
    if (token()) {
      poz('Ustawienia konta', 'ustawienia');
      przycisk(szuflada, 'pozycja', 'Wyloguj się', function () { api('logout'); localStorage.removeItem(P + 'token'); zamknij(); pokaz('przesylki'); });
    } else {
      poz('Zaloguj się', 'logowanie');
      poz('Załóż konto', 'rejestracja');
    }
    poz('Polityka prywatności', 'polityka');
  }

  var kodOdebrany = '';
  var EKRANY = {
    przesylki: ['Moje przesyłki', function () {
      ekran.appendChild(el('p', 'info', token() ? 'Nie masz przesyłek w drodze.' : 'Zaloguj się, aby zobaczyć swoje przesyłki.'));
      przycisk(ekran, 'przycisk szeroki', 'Skanuj kod', function () { pokaz('skan'); });
      if (kodOdebrany) ekran.appendChild(el('p', 'ok', 'Ostatnio otwarta skrytka: kod ' + kodOdebrany));
    }],
    paczkomaty: ['Paczkomaty w pobliżu', function () {
      [['WAW12A', 'ul. Puławska 14'], ['WAW88M', 'ul. Marszałkowska 101'], ['WAW03K', 'al. Niepodległości 22']].forEach(function (p) {
        var d = el('div', 'karta', p[0]); d.appendChild(el('small', '', p[1])); ekran.appendChild(d);
      });
    }],
    skan: ['Skanuj kod', function () { skanuj(); }],
    ustawienia: ['Ustawienia konta', function () { ustawienia(); }],
    usun: ['Usunięcie konta', function () { usun(); }],
    usuniete: ['Konto usunięte', function () { ekran.appendChild(el('p', 'ok', 'Twoje konto zostało usunięte.')); }],
    logowanie: ['Zaloguj się', function () { formularz('login', 'Zaloguj'); }],
    rejestracja: ['Załóż konto', function () { formularz('signup', 'Zarejestruj się'); }],
    polityka: ['Polityka prywatności', function () {
      var d = el('div', 'polityka');
      ['Przetwarzamy Twój e-mail i historię przesyłek, aby doręczać paczki; usuwamy je razem z kontem.',
       'Aparat służy wyłącznie do odczytania kodu QR na paczkomacie; obraz nie opuszcza telefonu.',
       'Powiadomienia wysyłamy tylko o Twoich przesyłkach i tylko wtedy, gdy je włączysz.',
       'Pliki cookie analityczne zapisujemy tylko po Twojej zgodzie.'].forEach(function (t) { d.appendChild(el('p', '', t)); });
      ekran.appendChild(d);
    }]
  };

  function formularz(action, etykieta) {
    var f = el('form');
    var lu = el('label', '', 'E-mail'); lu.htmlFor = action + '-email'; f.appendChild(lu);
    var u = el('input'); u.id = action + '-email'; u.type = 'email'; f.appendChild(u);
    var lp = el('label', '', 'Hasło'); lp.htmlFor = action + '-haslo'; f.appendChild(lp);
    var p = el('input'); p.id = action + '-haslo'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'przycisk szeroki', etykieta); b.type = 'submit'; f.appendChild(b);
    var blad = el('p', 'blad'); f.appendChild(blad);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { blad.textContent = 'Podaj e-mail i hasło.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); pokaz('przesylki'); return; }
        blad.textContent = {401: 'Nieprawidłowy e-mail lub hasło.', 409: 'To konto już istnieje.', 400: 'Hasło musi mieć co najmniej 6 znaków.'}[r.status] || 'Spróbuj ponownie.';
      });
    });
    ekran.appendChild(f);
  }

  function sekcja(tytulSekcji) {
    var d = el('details', 'sekcja'); d.appendChild(el('summary', '', tytulSekcji)); ekran.appendChild(d); return d;
  }
  function ustawienia() {
    var dane = sekcja('Dane konta');
    dane.appendChild(el('p', 'info', 'E-mail: ' + localStorage.getItem(P + 'user')));
    var zmiana = el('p', 'info');
    przycisk(dane, 'wiersz', 'Zmień hasło', function () { zmiana.textContent = 'Wysłaliśmy link do zmiany hasła na Twój e-mail.'; });
    dane.appendChild(zmiana);
    var pow = sekcja('Powiadomienia');
    var stan = window.Notification ? Notification.permission : 'denied';
    pow.appendChild(el('p', 'info', stan === 'granted' ? 'Powiadomienia: włączone' : 'Powiadomienia: wyłączone'));
    var pryw = sekcja('Prywatność');
    przycisk(pryw, 'wiersz', 'Polityka prywatności', function () { pokaz('polityka'); });
    var strefa = sekcja('Strefa niebezpieczna');
    strefa.appendChild(el('p', 'info', 'Usunięcie konta usuwa historię przesyłek i zapisane paczkomaty.'));
    przycisk(strefa, 'wiersz czerwony', 'Usuń konto', function () { pokaz('usun'); });
  }

  function usun() {
    var f = el('form');
    f.appendChild(el('p', 'info', 'Tego nie da się cofnąć. Wpisz hasło, aby potwierdzić usunięcie konta.'));
    var lp = el('label', '', 'Hasło'); lp.htmlFor = 'usun-haslo'; f.appendChild(lp);
    var p = el('input'); p.id = 'usun-haslo'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'przycisk szeroki czerwony', 'Usuń konto na zawsze'); b.type = 'submit'; f.appendChild(b);
    var blad = el('p', 'blad'); f.appendChild(blad);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!p.value) { blad.textContent = 'Wpisz hasło.'; return; }
      api('delete', {password: p.value}).then(function (r) {
        if (r.status !== 200) { blad.textContent = 'Nieprawidłowe hasło.'; return; }
        localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
        pokaz('usuniete');
      });
    });
    ekran.appendChild(f);
  }

  function skanuj() {
    var wynik = el('div', 'skan');
    ekran.appendChild(wynik);
    function recznie(powod) {
      wynik.textContent = '';
      wynik.appendChild(el('p', 'uwaga', powod));
      var f = el('form');
      var l = el('label', '', 'Kod odbioru'); l.htmlFor = 'kod'; f.appendChild(l);
      var k = el('input'); k.id = 'kod'; k.inputMode = 'numeric'; f.appendChild(k);
      var b = el('button', 'przycisk szeroki', 'Otwórz skrytkę'); b.type = 'submit'; f.appendChild(b);
      var blad = el('p', 'blad'); f.appendChild(blad);
      f.addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (!/^\d{6}$/.test(k.value.trim())) { blad.textContent = 'Kod odbioru ma 6 cyfr.'; return; }
        kodOdebrany = k.value.trim(); wynik.textContent = ''; wynik.appendChild(el('p', 'ok', 'Skrytka nr 14 otwarta. Odbierz paczkę.'));
      });
      wynik.appendChild(f);
    }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { recznie('Ten telefon nie obsługuje aparatu. Wpisz kod odbioru ręcznie.'); return; }
    wynik.appendChild(el('p', 'info', 'Uruchamiam aparat…'));
    navigator.mediaDevices.getUserMedia({video: true}).then(function (stream) {
      wynik.textContent = '';
      var v = el('video', 'podglad'); v.muted = true; v.autoplay = true; v.setAttribute('playsinline', ''); v.srcObject = stream;
      wynik.appendChild(v);
      wynik.appendChild(el('p', 'info', 'Nakieruj aparat na kod QR na ekranie paczkomatu.'));
      przycisk(wynik, 'przycisk szeroki', 'Zakończ skanowanie', function () {
        stream.getTracks().forEach(function (t) { t.stop(); });
        wynik.textContent = ''; wynik.appendChild(el('p', 'ok', 'Kod odczytany. Skrytka nr 14 otwarta.'));
      });
    }, function () {
      recznie('Brak dostępu do aparatu. Wpisz kod odbioru ręcznie.');
    });
  }

  function pokaz(nazwa) {
    var e = EKRANY[nazwa];
    ekran.textContent = ''; tytul.textContent = e[0];
    e[1]();
  }

  // the app's own notification sheet, until one of its answers is tapped
  var arkusz = document.getElementById('powiadomienia');
  function zapytaj() { if (!localStorage.getItem(P + 'pytanie')) arkusz.hidden = false; }
  document.getElementById('nie-teraz').addEventListener('click', function () {
    localStorage.setItem(P + 'pytanie', 'nie-teraz'); arkusz.hidden = true;
  });
  document.getElementById('wlacz').addEventListener('click', function () {
    localStorage.setItem(P + 'pytanie', 'wlacz'); arkusz.hidden = true;
    if (window.Notification) Notification.requestPermission();
  });

  pokaz('przesylki');
  // the cookie bar (jquery-cookiebar's documented options); its answer brings the notification sheet
  var odpowiedziano = /(?:^|; )cb-enabled=(accepted|declined)/.test(document.cookie);
  jQuery.cookieBar({
    message: 'Używamy plików cookie, aby mierzyć ruch w aplikacji i zapamiętać Twoje ustawienia. Możesz je zaakceptować albo odrzucić.',
    acceptText: 'Akceptuję',
    declineButton: true,
    declineText: 'Odrzucam',
    autoEnable: false,
    fixed: true,
    bottom: true,
    effect: 'hide',
    acceptFunction: function () { zapytaj(); },
    declineFunction: function () { zapytaj(); }
  });
  if (odpowiedziano) zapytaj();
}());
