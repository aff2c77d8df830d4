/* Cykel — bike sharing in Copenhagen, on the corpus shell in 'aria' mode (role=button, role=switch, role=dialog).
   Launch: the app's own consent sheet (role=dialog) slides up while no answer is stored: «Accepter alle» and «Afvis
   alle» share one class; «Indstillinger» shows three purposes, all off, and «Gem valg». Once answered (at once on
   later launches) the app asks for the location, at every launch; refused, a full-screen wall with one button
   «Prøv igen», which asks again — nothing else of the app is reachable. Deletion: Profil → Konto → Slet konto →
   «Slet kontoen?» (Annuller / Slet) → deleted at once. */
(function () {
  var ERR = {empty: 'Udfyld e-mail og adgangskode', taken: 'Der findes allerede en konto med den e-mail',
             wrong: 'Forkert e-mail eller adgangskode', invalid: 'Adgangskoden skal have mindst 6 tegn',
             pending: function () { return 'Kontoen er ved at blive slettet'; }};
  var PURPOSES = [['stats', 'Statistik'], ['personal', 'Tilpassede tilbud'], ['ads', 'Markedsføring']];

  function consent(K, then) {
    if (K.store.get('samtykke')) return then();
    var layer = K.el('div', 'cc-layer');
    var sheet = K.el('div', 'cc-sheet');
    sheet.setAttribute('role', 'dialog'); sheet.setAttribute('aria-modal', 'true'); sheet.setAttribute('aria-label', 'Cookies og data');
    layer.appendChild(sheet);
    function store(choice) {
      K.store.set('samtykke', JSON.stringify(choice));
      layer.classList.remove('open');
      setTimeout(function () { layer.remove(); then(); }, 450);
    }
    function first() {
      sheet.textContent = '';
      sheet.appendChild(K.el('h2', '', 'Cookies og data'));
      sheet.appendChild(K.el('p', 'note', 'Vi bruger cookies til statistik, tilpassede tilbud og markedsføring. Du kan sige ja eller nej til det hele, eller vælge selv.'));
      sheet.appendChild(K.tap('Accepter alle', 'cc-choice', function () { store({stats: true, personal: true, ads: true}); }));
      sheet.appendChild(K.tap('Afvis alle', 'cc-choice', function () { store({stats: false, personal: false, ads: false}); }));
      sheet.appendChild(K.tap('Indstillinger', 'cc-settings', settings));
    }
    function settings() {
      sheet.textContent = '';
      sheet.appendChild(K.el('h2', '', 'Indstillinger'));
      var checks = PURPOSES.map(function (p) { var c = K.check(p[1], false, {kind: 'switch'}); sheet.appendChild(c.node); return [p[0], c]; });
      sheet.appendChild(K.tap('Gem valg', 'cc-choice', function () {
        var choice = {}; checks.forEach(function (c) { choice[c[0]] = c[1].checked(); }); store(choice);
      }));
    }
    first();
    document.body.appendChild(layer);
    requestAnimationFrame(function () { requestAnimationFrame(function () { layer.classList.add('open'); }); });
  }

  function locate(K) {
    K.ask('geolocation').then(function (r) {
      if (r === 'granted') return;
      var w = K.el('div', 'wall');
      w.setAttribute('role', 'dialog'); w.setAttribute('aria-modal', 'true'); w.setAttribute('aria-label', 'Placering kræves');
      w.appendChild(K.el('div', 'pin'));
      w.appendChild(K.el('h2', '', 'Cykel skal bruge din placering'));
      var text = K.el('p', 'note', 'Vi kan kun vise ledige cykler og låse en cykel op, når vi kender din placering.');
      w.appendChild(text);
      w.appendChild(K.tap('Prøv igen', 'cta', function () {
        K.ask('geolocation').then(function (again) {
          if (again === 'granted') w.remove();
          else text.textContent = 'Placering er stadig slået fra. Giv Cykel adgang til din placering for at fortsætte.';
        });
      }));
      document.body.appendChild(w);
    });
  }

  var screens = {
    map: function (v, K) {
      v.appendChild(K.el('h2', '', 'Ledige cykler i nærheden'));
      [['Nørreport St.', '4 cykler'], ['Torvehallerne', '2 cykler'], ['Israels Plads', '7 cykler']].forEach(function (s) {
        var card = K.tap(s[0], 'card bike', function () { K.go('station'); });
        card.appendChild(K.el('span', 'free', s[1]));
        v.appendChild(card);
      });
      return 'Kort';
    },
    station: ['Station', 'Scan QR-koden på styret for at låse en cykel op.'],
    trips: ['Ture', 'Du har ingen ture endnu.'],
    profile: function (v, K) {
      if (!K.loggedIn()) {
        v.appendChild(K.el('p', 'note', 'Log ind for at leje en cykel.'));
        K.rows(v, [['Log ind', 'login'], ['Opret konto', 'signup'], ['Hjælp', 'help']]);
        return 'Profil';
      }
      v.appendChild(K.el('p', 'note', 'Logget ind som ' + K.user()));
      K.rows(v, [['Konto', 'account'], ['Betaling', 'pay'], ['Privatliv', 'privacy'], ['Hjælp', 'help']]);
      v.appendChild(K.tap('Log ud', 'plain', function () { K.logout(); }));
      return 'Profil';
    },
    account: function (v, K) {
      K.rows(v, [['Skift e-mail', 'email'], ['Skift adgangskode', 'pwd'], ['Slet konto', function () {
        K.dialog({title: 'Slet kontoen?', text: 'Din konto, dine ture og dit betalingskort slettes med det samme.'}, [
          ['Annuller', 'plain', function (close) { close(); }],
          ['Slet', 'plain', function (close) {
            K.api('delete', {}).then(function (r) {
              close();
              if (r.status !== 200) { K.toast('Noget gik galt. Prøv igen.'); return; }
              K.store.del('token'); K.store.del('user');
              K.tab('deleted');
            });
          }]]);
      }]]);
      return 'Konto';
    },
    deleted: function (v, K) {
      v.appendChild(K.el('div', 'card', 'Din konto er slettet. Tak fordi du cyklede med os.'));
      v.appendChild(K.tap('Til kortet', 'cta', function () { K.home(); }));
      return 'Konto slettet';
    },
    privacy: function (v, K) {
      v.appendChild(K.el('p', 'note', 'Dine cookie-valg kan ændres her.'));
      v.appendChild(K.tap('Nulstil cookie-valg', 'plain', function () { K.store.del('samtykke'); consent(K, function () {}); }));
      return 'Privatliv';
    },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'E-mail', userType: 'email', pass: 'Adgangskode', submit: 'Log ind', errors: ERR}); return 'Log ind'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'E-mail', userType: 'email', pass: 'Adgangskode', submit: 'Opret', errors: ERR}); return 'Opret konto'; },
    help: ['Hjælp', 'Ring til kundeservice på 70 00 00 00.'], pay: ['Betaling', 'Intet kort tilknyttet.'],
    email: ['Skift e-mail', 'Kommer snart.'], pwd: ['Skift adgangskode', 'Kommer snart.']
  };

  Kit.start({id: 'cykel', lang: 'da', mode: 'aria', color: '#0b6e4f', backLabel: 'Tilbage',
    tabs: [['Kort', 'map'], ['Ture', 'trips'], ['Profil', 'profile']], screens: screens,
    launch: function (K) { consent(K, function () { locate(K); }); }});
}());
