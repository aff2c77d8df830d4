/* Regał: a home-library diary (Polish). Consent by cookie-consent-box (index.html): Zgadzam się (the library's
   button, stores regal-informacja=true) / Odrzucam (its learn-more link to #odmowa, handled here).
   Location asked only on «Biblioteki w pobliżu». Deletion: Konto → Ustawienia → Usuń konto → Usuń (equal dialog). */
(function () {
  function refuse() {
    if (location.hash !== '#odmowa') return;
    document.cookie = 'regal-informacja=odmowa; max-age=31536000; path=/';
    var box = document.querySelector('.cookie-box'); if (box) box.remove();
    history.replaceState(null, '', location.pathname);
  }
  window.addEventListener('hashchange', refuse);
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('.cookie-box__button') && !localStorage.getItem('regal:statystyki-id'))
      localStorage.setItem('regal:statystyki-id', 'rg-' + Date.now().toString(36));
  });
  var ERR = {empty: 'Wypełnij oba pola.', taken: 'Ten adres e-mail jest już zarejestrowany.', wrong: 'Nieprawidłowy e-mail lub hasło.',
             invalid: 'Hasło musi mieć co najmniej 6 znaków.', pending: function (d) { return 'Konto zostanie usunięte za ' + d + ' dni.'; }};
  var screens = {
    polka: function (v, K) {
      v.appendChild(K.el('h2', '', 'Twoja półka'));
      v.appendChild(K.tap('Teraz czytam: „Lalka”', 'card', function () { K.go('ksiazka'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: 'Biblioteki w pobliżu', p: 'geolocation', on: 'Dwie biblioteki w promieniu 2 km.', off: 'Bez lokalizacji nie znajdziemy bibliotek w pobliżu.'}, status);
      v.appendChild(status);
      return 'Regał';
    },
    ksiazka: ['Lalka', 'Bolesław Prus. Przeczytano 212 z 680 stron.'],
    konto: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['Zaloguj się', 'login'], ['Załóż konto', 'signup'], ['Pomoc', 'pomoc']]); return 'Konto'; }
      v.appendChild(K.el('p', 'note', 'Zalogowano jako ' + K.user()));
      K.rows(v, [['Moje książki', 'ksiazki'], ['Ustawienia', 'ustawienia'], ['Wyloguj się', function () { K.logout(); }]]);
      return 'Konto';
    },
    ustawienia: function (v, K) {
      K.rows(v, [['Powiadomienia', 'powiadomienia'], ['Prywatność', 'prywatnosc'], ['Usuń konto', function () {
        K.dialog({title: 'Usunąć konto?', text: 'Twoja półka i notatki zostaną od razu usunięte.'}, [
          ['Anuluj', 'plain', function (close) { close(); }],
          ['Usuń', 'plain', function (close) { K.api('delete').then(function (r) { close(); if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('usuniete'); } }); }]]);
      }]]);
      return 'Ustawienia';
    },
    usuniete: function (v, K) { v.appendChild(K.el('div', 'card', 'Twoje konto zostało usunięte.')); v.appendChild(K.tap('Gotowe', 'cta', function () { K.home(); })); return 'Konto usunięte'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'E-mail', userType: 'email', pass: 'Hasło', submit: 'Zaloguj się', errors: ERR}); return 'Logowanie'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'E-mail', userType: 'email', pass: 'Hasło', submit: 'Utwórz konto', errors: ERR}); return 'Nowe konto'; },
    pomoc: ['Pomoc', 'Dodaj książkę, skanując jej tytuł na półce.'], ksiazki: ['Moje książki', 'Na razie pusto.'],
    powiadomienia: ['Powiadomienia', 'Wyłączone'], prywatnosc: ['Prywatność', 'Przechowujemy tylko sesję logowania.']
  };
  Kit.start({id: 'regal', lang: 'pl', mode: 'button', color: '#4a3b2a', backLabel: 'Wstecz', tabs: [['Półka', 'polka'], ['Konto', 'konto']], screens: screens});
}());
