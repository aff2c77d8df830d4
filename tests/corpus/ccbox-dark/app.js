/* Passo: a walking tracker (Italian). Notice by cookie-consent-box (index.html): accept-only, consent by use;
   an analytics id kept from the first launch whatever the answer. Location asked only on «Percorsi vicino a me».
   Deletion: Profilo → Impostazioni → Elimina account → Elimina (equal dialog). */
(function () {
  if (!localStorage.getItem('passo:analisi-id')) localStorage.setItem('passo:analisi-id', 'pa-' + Date.now().toString(36));
  localStorage.setItem('passo:avvii', String(Number(localStorage.getItem('passo:avvii') || 0) + 1));
  var ERR = {empty: 'Compila entrambi i campi.', taken: 'Questa e-mail è già registrata.', wrong: 'E-mail o password errata.',
             invalid: 'La password deve avere almeno 6 caratteri.', pending: function (d) { return 'Account in eliminazione tra ' + d + ' giorni.'; }};
  var screens = {
    oggi: function (v, K) {
      v.appendChild(K.el('h2', '', 'Oggi: 6.420 passi'));
      v.appendChild(K.tap('Storico della settimana', 'card', function () { K.go('storico'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: 'Percorsi vicino a me', p: 'geolocation', on: 'Tre percorsi entro 1 km.', off: 'Senza posizione non possiamo suggerire percorsi vicini.'}, status);
      v.appendChild(status);
      return 'Passo';
    },
    storico: ['Storico', 'Media: 7.100 passi al giorno.'],
    profilo: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['Accedi', 'login'], ['Registrati', 'signup'], ['Aiuto', 'aiuto']]); return 'Profilo'; }
      v.appendChild(K.el('p', 'note', 'Accesso come ' + K.user()));
      K.rows(v, [['I miei obiettivi', 'obiettivi'], ['Impostazioni', 'impostazioni'], ['Esci', function () { K.logout(); }]]);
      return 'Profilo';
    },
    impostazioni: function (v, K) {
      K.rows(v, [['Notifiche', 'notifiche'], ['Privacy', 'privacy'], ['Elimina account', function () {
        K.dialog({title: 'Eliminare l\'account?', text: 'Il tuo storico e i tuoi obiettivi saranno eliminati subito.'}, [
          ['Annulla', 'plain', function (close) { close(); }],
          ['Elimina', 'plain', function (close) { K.api('delete').then(function (r) { close(); if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('eliminato'); } }); }]]);
      }]]);
      return 'Impostazioni';
    },
    eliminato: function (v, K) { v.appendChild(K.el('div', 'card', 'Il tuo account è stato eliminato.')); v.appendChild(K.tap('Fine', 'cta', function () { K.home(); })); return 'Account eliminato'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'E-mail', userType: 'email', pass: 'Password', submit: 'Accedi', errors: ERR}); return 'Accedi'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'E-mail', userType: 'email', pass: 'Password', submit: 'Crea account', errors: ERR}); return 'Registrati'; },
    aiuto: ['Aiuto', 'Tieni il telefono in tasca: contiamo noi i passi.'], obiettivi: ['I miei obiettivi', '8.000 passi al giorno.'],
    notifiche: ['Notifiche', 'Disattivate'], privacy: ['Privacy', 'Cookie di analisi e pubblicità attivi.']
  };
  Kit.start({id: 'passo', lang: 'it', mode: 'button', color: '#e4572e', backLabel: 'Indietro', tabs: [['Oggi', 'oggi'], ['Profilo', 'profilo']], screens: screens});
}());
