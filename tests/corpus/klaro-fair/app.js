/* Gartenfreund: a gardening diary (German). Consent by Klaro (index.html), fair. A location feature asked on
   use. Deletion: Konto → Einstellungen → Konto löschen → Löschen (dialog Abbrechen / Löschen, equal). */
(function () {
  var ERR = {empty: 'Bitte beide Felder ausfüllen.', taken: 'Diese E-Mail ist schon registriert.', wrong: 'E-Mail oder Passwort falsch.',
             invalid: 'Das Passwort braucht mindestens 6 Zeichen.', pending: function (d) { return 'Konto wird in ' + d + ' Tagen gelöscht.'; }};
  var screens = {
    garten: function (v, K) {
      v.appendChild(K.el('h2', '', 'Heute im Garten'));
      v.appendChild(K.tap('Gießplan ansehen', 'card', function () { K.go('plan'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: 'Gärtnereien in der Nähe', p: 'geolocation', on: 'Drei Gärtnereien im Umkreis von 5 km.', off: 'Ohne Standort können wir keine Gärtnereien in der Nähe finden.'}, status);
      v.appendChild(status);
      return 'Gartenfreund';
    },
    plan: ['Gießplan', 'Tomaten: morgens. Basilikum: jeden zweiten Tag.'],
    konto: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['Anmelden', 'login'], ['Registrieren', 'signup'], ['Hilfe', 'hilfe']]); return 'Konto'; }
      v.appendChild(K.el('p', 'note', 'Angemeldet als ' + K.user()));
      K.rows(v, [['Meine Pflanzen', 'pflanzen'], ['Einstellungen', 'einstellungen'], ['Hilfe', 'hilfe'], ['Abmelden', function () { K.logout(); }]]);
      return 'Konto';
    },
    einstellungen: function (v, K) {
      K.rows(v, [['Benachrichtigungen', 'benachrichtigungen'], ['Datenschutz', 'datenschutz'], ['Konto löschen', function () {
        K.dialog({title: 'Konto löschen?', text: 'Ihr Gartentagebuch und Ihre Pflanzenliste werden sofort gelöscht.'}, [
          ['Abbrechen', 'plain', function (close) { close(); }],
          ['Löschen', 'plain', function (close) { K.api('delete').then(function (r) { close(); if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('geloescht'); } }); }]]);
      }]]);
      return 'Einstellungen';
    },
    geloescht: function (v, K) { v.appendChild(K.el('div', 'card', 'Ihr Konto wurde gelöscht.')); v.appendChild(K.tap('Fertig', 'cta', function () { K.home(); })); return 'Konto gelöscht'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'E-Mail', userType: 'email', pass: 'Passwort', submit: 'Anmelden', errors: ERR}); return 'Anmelden'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'E-Mail', userType: 'email', pass: 'Passwort', submit: 'Konto erstellen', errors: ERR}); return 'Registrieren'; },
    hilfe: ['Hilfe', 'Fragen zum Gießplan? Tippen Sie auf eine Pflanze.'], pflanzen: ['Meine Pflanzen', 'Noch keine Pflanzen.'],
    benachrichtigungen: ['Benachrichtigungen', 'Aus'], datenschutz: ['Datenschutz', 'Ihre Einwilligung können Sie jederzeit ändern.']
  };
  Kit.start({id: 'gartenfreund', lang: 'de', mode: 'button', color: '#2e7d32', backLabel: 'Zurück', tabs: [['Garten', 'garten'], ['Konto', 'konto']], screens: screens});
}());
