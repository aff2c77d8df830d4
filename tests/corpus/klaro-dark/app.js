/* Fournil: a bakery click-and-collect app (French). Consent by Klaro (index.html), dark. Notifications asked on
   use. Deletion: Compte → Paramètres → Supprimer mon compte → mot de passe → Supprimer définitivement → a
   dialog "Êtes-vous sûr ?" (Rester / Supprimer) → deleted at once: six actions. */
(function () {
  var ERR = {empty: 'Merci de remplir les deux champs.', taken: 'Cette adresse a déjà un compte.', wrong: 'Adresse ou mot de passe incorrect.',
             invalid: 'Le mot de passe doit faire au moins 6 caractères.', pending: function (d) { return 'Suppression dans ' + d + ' jours.'; }};
  var screens = {
    accueil: function (v, K) {
      v.appendChild(K.el('h2', '', 'Sorti du four ce matin'));
      v.appendChild(K.tap('Commander une baguette', 'card', function () { K.go('commande'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: 'Alertes fournée', p: 'notifications', on: 'Vous serez prévenu à chaque fournée.', off: 'Notifications refusées : pas d’alerte de fournée.'}, status);
      v.appendChild(status);
      return 'Fournil';
    },
    commande: ['Commander', 'Choisissez votre boulangerie.'],
    compte: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['Se connecter', 'login'], ['Créer un compte', 'signup'], ['Aide', 'aide']]); return 'Compte'; }
      v.appendChild(K.el('p', 'note', 'Connecté : ' + K.user()));
      K.rows(v, [['Mes commandes', 'commandes'], ['Paramètres', 'parametres'], ['Aide', 'aide'], ['Se déconnecter', function () { K.logout(); }]]);
      return 'Compte';
    },
    parametres: function (v, K) { K.rows(v, [['Notifications', 'notifs'], ['Moyens de paiement', 'paiement'], ['Supprimer mon compte', 'supprimer']]); return 'Paramètres'; },
    supprimer: function (v, K) {
      v.appendChild(K.el('p', 'note', 'Pour supprimer votre compte, saisissez votre mot de passe.'));
      var pw = K.input(v, 'Mot de passe', 'password');
      var m = K.msg(v);
      v.appendChild(K.tap('Supprimer définitivement', 'cta', function () {
        if (!pw.value) { m.textContent = 'Saisissez votre mot de passe.'; return; }
        K.dialog({title: 'Êtes-vous sûr ?', text: 'Vos commandes et votre carte de fidélité seront supprimées.'}, [
          ['Rester', 'plain', function (close) { close(); }],
          ['Supprimer', 'plain', function (close) { K.api('delete', {password: pw.value}).then(function (r) { close(); if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('supprime'); } else m.textContent = 'Mot de passe incorrect.'; }); }]]);
      }));
      return 'Supprimer mon compte';
    },
    supprime: function (v, K) { v.appendChild(K.el('div', 'card', 'Votre compte a été supprimé.')); v.appendChild(K.tap('Terminer', 'cta', function () { K.home(); })); return 'Compte supprimé'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'E-mail', userType: 'email', pass: 'Mot de passe', submit: 'Se connecter', errors: ERR}); return 'Se connecter'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'E-mail', userType: 'email', pass: 'Mot de passe', submit: 'Créer mon compte', errors: ERR}); return 'Créer un compte'; },
    aide: ['Aide', 'Une question sur une commande ? Voyez votre boulangerie.'], commandes: ['Mes commandes', 'Aucune commande.'],
    notifs: ['Notifications', 'Réglées depuis l’accueil.'], paiement: ['Moyens de paiement', 'Aucun.']
  };
  Kit.start({id: 'fournil', lang: 'fr', mode: 'div', color: '#8d5524', tabs: [['Accueil', 'accueil'], ['Compte', 'compte']], screens: screens});
}());
