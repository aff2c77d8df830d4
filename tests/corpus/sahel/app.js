/* Sahel Budget: <div>s with click listeners only; screens drawn into #ecran; accounts through the corpus server's
   api/. Consent (sahel:consentement = JSON {choix, finalites}) until answered. The rationale sheet (#raison) at the
   first signed-in screen while sahel:raison is unset (either answer sets it); only «Tout autoriser» calls
   getUserMedia (video), getCurrentPosition and Notification.requestPermission, together. Nothing else in the app
   uses a permission. */
(function () {
  'use strict';
  var P = 'sahel:';
  var ecran = document.getElementById('ecran');
  var titre = document.getElementById('titre');

  function jeton() { return localStorage.getItem(P + 'jeton'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (jeton()) h.Authorization = 'Bearer ' + jeton();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function clic(e, fn) { e.addEventListener('click', fn); return e; }
  function ligne(text, fn, cls) { ecran.appendChild(clic(el('div', 'ligne' + (cls ? ' ' + cls : ''), text), fn)); }

  var ECRANS = {
    budget: ['Sahel Budget', function () {
      [['Courses', '312 € sur 400 €'], ['Transport', '58 € sur 90 €'], ['Loisirs', '120 € sur 100 €']].forEach(function (c) {
        var d = el('div', 'carte', c[0]); d.appendChild(el('small', '', c[1])); ecran.appendChild(d);
      });
    }],
    depenses: ['Dépenses', function () {
      [['Marché du samedi', '−23,40 €'], ['Pass Navigo', '−86,40 €'], ['Cinéma', '−11,50 €']].forEach(function (c) {
        var d = el('div', 'carte', c[0]); d.appendChild(el('small', '', c[1])); ecran.appendChild(d);
      });
    }],
    profil: ['Profil', function () {
      if (!jeton()) {
        ecran.appendChild(el('p', 'note', 'Créez un compte pour retrouver votre budget sur tous vos appareils.'));
        ligne('Se connecter', function () { aller('connexion'); });
        ligne('Créer un compte', function () { aller('inscription'); });
        return;
      }
      ecran.appendChild(el('p', 'note', 'Connecté : ' + localStorage.getItem(P + 'utilisateur')));
      ligne('Mes comptes bancaires', function () { aller('banques'); });
      ligne('Sécurité', function () { aller('securite'); });
      ligne('Se déconnecter', function () { api('logout'); localStorage.removeItem(P + 'jeton'); aller('profil'); });
    }],
    banques: ['Mes comptes bancaires', function () { ecran.appendChild(el('p', 'note', 'Aucun compte bancaire relié.')); }],
    securite: ['Sécurité', function () {
      ligne('Changer le mot de passe', function () { aller('motdepasse'); });
      ligne('Appareils connectés', function () { aller('appareils'); });
      ligne('Supprimer le compte', function () { aller('suppression'); }, 'rouge');
    }],
    motdepasse: ['Changer le mot de passe', function () { ecran.appendChild(el('p', 'note', 'Bientôt disponible.')); }],
    appareils: ['Appareils connectés', function () { ecran.appendChild(el('p', 'note', 'Cet appareil uniquement.')); }],
    suppression: ['Supprimer le compte', etapeMotDePasse],
    rester: ['Avant de partir…', etapeRester],
    definitif: ['Dernière étape', etapeDefinitif],
    supprime: ['Compte supprimé', function () { ecran.appendChild(el('p', 'fait', 'Votre compte a été supprimé.')); }],
    connexion: ['Se connecter', function () { formulaire('login', 'Se connecter'); }],
    inscription: ['Créer un compte', function () { formulaire('signup', 'Créer mon compte'); }]
  };

  function champ(f, id, texte, type) {
    var l = el('label', '', texte); l.htmlFor = id; f.appendChild(l);
    var i = el('input'); i.id = id; i.type = type; f.appendChild(i); return i;
  }
  function formulaire(action, texte) {
    var f = el('div');
    var u = champ(f, action + '-courriel', 'Adresse e-mail', 'email');
    var p = champ(f, action + '-mdp', 'Mot de passe', 'password');
    var err = el('p', 'erreur');
    f.appendChild(clic(el('div', 'principal', texte), function () {
      if (!u.value.trim() || !p.value) { err.textContent = 'Indiquez votre e-mail et votre mot de passe.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(P + 'jeton', r.body.token); localStorage.setItem(P + 'utilisateur', u.value.trim());
          aller('budget'); raison(); return;
        }
        err.textContent = {401: 'E-mail ou mot de passe incorrect.', 409: 'Un compte existe déjà avec cet e-mail.',
                           400: 'Le mot de passe doit contenir au moins 6 caractères.'}[r.status] || 'Une erreur est survenue.';
      });
    }));
    f.appendChild(err);
    ecran.appendChild(f);
  }

  var motDePasse = '';
  function etapeMotDePasse() {
    ecran.appendChild(el('p', 'note', 'Pour continuer, confirmez votre mot de passe.'));
    var p = champ(ecran, 'suppr-mdp', 'Mot de passe', 'password');
    var err = el('p', 'erreur');
    ecran.appendChild(clic(el('div', 'principal', 'Continuer'), function () {
      if (!p.value) { err.textContent = 'Saisissez votre mot de passe.'; return; }
      api('login', {username: localStorage.getItem(P + 'utilisateur'), password: p.value}).then(function (r) {
        if (r.status !== 200) { err.textContent = 'Mot de passe incorrect.'; return; }
        motDePasse = p.value; aller('rester');
      });
    }));
    ecran.appendChild(err);
  }
  function etapeRester() {
    ['Vous perdrez l’historique de vos dépenses depuis votre inscription.',
     'Vos objectifs d’épargne et vos alertes seront effacés.',
     'Vos comptes bancaires reliés seront déconnectés.'].forEach(function (t) { ecran.appendChild(el('div', 'carte', t)); });
    ecran.appendChild(clic(el('div', 'garder', 'Conserver mon compte'), function () { aller('profil'); }));
    ecran.appendChild(clic(el('div', 'discret', 'Continuer la suppression'), function () { aller('definitif'); }));
  }
  function etapeDefinitif() {
    var coche = el('div', 'coche');
    coche.appendChild(el('span', 'case'));
    coche.appendChild(document.createTextNode('Je comprends que c’est définitif'));
    var bouton = el('div', 'principal inactif', 'Supprimer');
    var err = el('p', 'erreur');
    clic(coche, function () {
      coche.classList.toggle('on'); bouton.classList.toggle('inactif', !coche.classList.contains('on'));
    });
    clic(bouton, function () {
      if (!coche.classList.contains('on')) return;
      api('delete', {password: motDePasse}).then(function (r) {
        if (r.status !== 200) { err.textContent = 'La suppression a échoué.'; return; }
        localStorage.removeItem(P + 'jeton'); localStorage.removeItem(P + 'utilisateur');
        aller('supprime');
      });
    });
    ecran.appendChild(el('p', 'note', 'Toutes vos données seront supprimées immédiatement.'));
    ecran.appendChild(coche); ecran.appendChild(bouton); ecran.appendChild(err);
  }

  function aller(nom) {
    var e = ECRANS[nom];
    ecran.textContent = ''; titre.textContent = e[0];
    document.querySelectorAll('[data-onglet]').forEach(function (o) { o.classList.toggle('actif', o.dataset.onglet === nom); });
    e[1]();
  }
  document.querySelectorAll('[data-onglet]').forEach(function (o) { clic(o, function () { aller(o.dataset.onglet); }); });

  // the rationale sheet, once signed in, until answered
  var feuille = document.getElementById('raison');
  function raison() { if (jeton() && !localStorage.getItem(P + 'raison')) feuille.hidden = false; }
  clic(document.getElementById('plus-tard'), function () { localStorage.setItem(P + 'raison', 'plus-tard'); feuille.hidden = true; });
  clic(document.getElementById('tout-autoriser'), function () {
    localStorage.setItem(P + 'raison', 'demande'); feuille.hidden = true;
    if (navigator.mediaDevices) {
      navigator.mediaDevices.getUserMedia({video: true})
        .then(function (s) { s.getTracks().forEach(function (t) { t.stop(); }); }, function () {});
    }
    if (navigator.geolocation) navigator.geolocation.getCurrentPosition(function () {}, function () {});
    if (window.Notification) Notification.requestPermission();
  });

  // consent
  var boite = document.getElementById('consentement');
  var choix = document.getElementById('choix');
  function garder(c, f) {
    localStorage.setItem(P + 'consentement', JSON.stringify({choix: c, finalites: f}));
    if (f.mesure) localStorage.setItem(P + 'audience', 'a' + Date.now().toString(36));
    boite.hidden = true; choix.hidden = true;
  }
  clic(document.getElementById('accepter'), function () { garder('accepte', {mesure: true, publicite: true, contenu: true}); });
  clic(document.getElementById('refuser'), function () { garder('refuse', {mesure: false, publicite: false, contenu: false}); });
  clic(document.getElementById('personnaliser'), function () { boite.hidden = true; choix.hidden = false; });
  choix.querySelectorAll('.finalite').forEach(function (f) { clic(f, function () { f.classList.toggle('on'); }); });
  clic(document.getElementById('enregistrer'), function () {
    var f = {}; choix.querySelectorAll('.finalite').forEach(function (x) { f[x.dataset.finalite] = x.classList.contains('on'); });
    garder('personnalise', f);
  });

  aller('budget');
  if (!localStorage.getItem(P + 'consentement')) boite.hidden = false;
  raison();
}());
