/* Zastávka: views rendered into #obsah from the hash route; accounts through the corpus server's api/.
   At every launch, before anything is answered, an analytics id is made once and kept (localStorage
   "zastavka:analytika-id") and the launch counted ("zastavka:analytika-spustenia"): the notice changes nothing.
   The notice: cookie-notice 1.3.9 (its cookie "cookie_notice=1", Path=/, once OK is pressed). */
(function () {
  'use strict';
  var K = 'zastavka:';
  if (!localStorage.getItem(K + 'analytika-id')) {
    localStorage.setItem(K + 'analytika-id', 'ZA-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10));
  }
  localStorage.setItem(K + 'analytika-spustenia', String(Number(localStorage.getItem(K + 'analytika-spustenia') || 0) + 1));

  var SPRAVA = 'Používame súbory cookie, aby sme vám zaistili čo najlepší zážitok z aplikácie. Ak ju budete používať ďalej, ' +
               'budeme predpokladať, že s tým súhlasíte.';
  new cookieNoticeJS({
    messageLocales: {sk: SPRAVA, en: SPRAVA},
    buttonLocales: {sk: 'OK', en: 'OK'},
    cookieNoticePosition: 'top',
    learnMoreLinkEnabled: true,
    learnMoreLinkHref: '#sukromie',
    learnMoreLinkText: {sk: 'Viac informácií', en: 'Viac informácií'},
    linkTarget: '',
    expiresIn: 365,
    fontSize: '13px'
  });

  function token() { return localStorage.getItem(K + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }

  var ZASTAVKY = ['Hlavná stanica', 'Námestie SNP', 'Zochova', 'Most SNP', 'Hodžovo námestie'];
  var formular = function (akcia, tlacidlo) {
    return '<form data-akcia="' + akcia + '">' +
      '<label class="pole"><span>E-mail</span><input type="email" name="email" autocomplete="username"></label>' +
      '<label class="pole"><span>Heslo</span><input type="password" name="heslo" autocomplete="' +
      (akcia === 'signup' ? 'new-password' : 'current-password') + '"></label>' +
      '<button type="submit" class="tlacidlo">' + tlacidlo + '</button><p class="chyba"></p></form>';
  };
  var POHLADY = {
    odchody: ['Odchody', function () {
      return '<h2>Najbližšie odchody</h2>' +
        '<div class="odchod"><span><span class="linka">4</span>Dúbravka</span><span>2 min</span></div>' +
        '<div class="odchod"><span><span class="linka">9</span>Karlova Ves</span><span>5 min</span></div>' +
        '<div class="odchod"><span><span class="linka">31</span>Cintorín Slávičie údolie</span><span>8 min</span></div>' +
        '<button type="button" class="tlacidlo" id="okolie">Zastávky v mojom okolí</button><p id="poloha"></p><ul id="zoznam" hidden></ul>';
    }],
    listky: ['Lístky', function () {
      return '<h2>Lístky</h2><p>Nemáte žiadny platný lístok.</p><p>Lístky si kúpite po prihlásení v Profile.</p>';
    }],
    profil: ['Profil', function () {
      if (!token()) {
        return '<p>Prihláste sa, aby ste mohli kupovať lístky.</p>' +
          '<a class="polozka" href="#prihlasenie">Prihlásiť sa</a><a class="polozka" href="#registracia">Registrácia</a>' +
          '<a class="polozka" href="#sukromie">Ochrana súkromia</a>';
      }
      return '<p>Prihlásený: <b>' + (localStorage.getItem(K + 'email') || '') + '</b></p>' +
        '<a class="polozka" href="#listky">Moje lístky</a><a class="polozka" href="#nastavenia">Nastavenia účtu</a>' +
        '<a class="polozka" href="#sukromie">Ochrana súkromia</a><a class="polozka" href="#" id="odhlasit">Odhlásiť sa</a>';
    }],
    nastavenia: ['Nastavenia účtu', function () {
      return '<a class="polozka" href="#heslo">Zmena hesla</a><a class="polozka" href="#zrusit">Zrušiť účet</a>';
    }, true],
    heslo: ['Zmena hesla', function () { return '<p>Heslo si zmeníte cez odkaz, ktorý vám pošleme e-mailom.</p>'; }, true],
    zrusit: ['Zrušiť účet', function () {
      return '<h2>Naozaj chcete zrušiť účet?</h2><p>Váš účet a história lístkov sa hneď vymažú. Túto akciu nemožno vrátiť.</p>' +
        '<div class="dvojica"><a class="tlacidlo svetle" href="#nastavenia">Nie, späť</a>' +
        '<button type="button" class="tlacidlo" id="zrusit-ano">Áno, zrušiť účet</button></div><p class="chyba" id="zrusit-chyba"></p>';
    }, true],
    zrusene: ['Účet zrušený', function () { return '<h2>Váš účet bol zrušený.</h2><p>Ďakujeme, že ste cestovali so Zastávkou.</p>'; }],
    prihlasenie: ['Prihlásiť sa', function () { return formular('login', 'Prihlásiť sa'); }],
    registracia: ['Registrácia', function () { return formular('signup', 'Zaregistrovať sa'); }],
    sukromie: ['Ochrana súkromia', function () {
      return '<h2>Ochrana súkromia</h2><p>Zastávka uchováva váš e-mail a heslo pre účet a vaše lístky. Na meranie používania ' +
        'aplikácie si v zariadení ukladá anonymný identifikátor. Po zrušení účtu vymažeme všetky vaše údaje.</p>';
    }]
  };

  function zobraz() {
    var meno = location.hash.slice(1) || 'odchody';
    var p = POHLADY[meno];
    if (!p) { meno = 'odchody'; p = POHLADY.odchody; }
    if (p[2] && !token()) { location.hash = '#profil'; return; }
    document.getElementById('nadpis').textContent = p[0];
    document.getElementById('obsah').innerHTML = p[1]();
    document.querySelectorAll('.menu a').forEach(function (a) {
      if (a.getAttribute('href') === '#' + meno) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
  }
  window.addEventListener('hashchange', zobraz);

  var obsah = document.getElementById('obsah');
  obsah.addEventListener('submit', function (ev) {
    var f = ev.target; ev.preventDefault();
    var email = f.elements.email.value.trim(), heslo = f.elements.heslo.value, chyba = f.querySelector('.chyba');
    if (!email || !heslo) { chyba.textContent = 'Zadajte e-mail aj heslo.'; return; }
    api(f.dataset.akcia, {username: email, password: heslo}).then(function (r) {
      if (r.body.token) {
        localStorage.setItem(K + 'token', r.body.token); localStorage.setItem(K + 'email', email);
        location.hash = '#profil'; zobraz(); return;
      }
      chyba.textContent = {401: 'Nesprávny e-mail alebo heslo.', 409: 'Tento e-mail už má účet.',
                           400: 'Heslo musí mať aspoň 6 znakov.'}[r.status] || 'Niečo sa pokazilo. Skúste znova.';
    });
  });
  obsah.addEventListener('click', function (ev) {
    var t = ev.target;
    if (t.id === 'odhlasit') {
      ev.preventDefault(); api('logout'); localStorage.removeItem(K + 'token'); localStorage.removeItem(K + 'email'); zobraz();
    } else if (t.id === 'zrusit-ano') {
      api('delete').then(function (r) {
        if (r.status !== 200) { document.getElementById('zrusit-chyba').textContent = 'Účet sa nepodarilo zrušiť. Skúste znova.'; return; }
        localStorage.removeItem(K + 'token'); localStorage.removeItem(K + 'email'); location.hash = '#zrusene';
      });
    } else if (t.id === 'okolie') {
      var poloha = document.getElementById('poloha'), zoznam = document.getElementById('zoznam');
      var vsetky = function (text) {
        poloha.textContent = text;
        zoznam.innerHTML = ZASTAVKY.map(function (z) { return '<li>' + z + '</li>'; }).join(''); zoznam.hidden = false;
      };
      if (!navigator.geolocation) { vsetky('Polohu nemožno zistiť. Všetky zastávky:'); return; }
      navigator.geolocation.getCurrentPosition(function () {
        poloha.textContent = 'Najbližšia zastávka: Zochova, 180 m.'; zoznam.hidden = true;
      }, function () { vsetky('Polohu ste nezdieľali. Všetky zastávky:'); }, {timeout: 8000});
    }
  });

  zobraz();
}());
