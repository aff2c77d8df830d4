/* Vstup: a screen stack drawn into #obsah; accounts through the corpus server's api/. Logged out only the welcome
   screen and its two forms exist. localStorage keys (prefix vstup:): token, uzivatel, cookies (the banner's answer,
   {"analytika": bool, "reklama": bool}), poloha-dotaz (location asked once), novinky (the marketing box as sent). */
(function () {
  'use strict';
  var K = 'vstup:';
  var obsah = document.getElementById('obsah');
  var nadpis = document.getElementById('nadpis');
  var zpet = document.getElementById('zpet');
  var profil = document.getElementById('profil');
  var banner = document.getElementById('cookies');
  var zasobnik = [];
  var poloha = null;          // null: not asked yet this launch; 'ano' | 'ne'

  function prihlasen() { return !!localStorage.getItem(K + 'token'); }
  function api(akce, telo) {
    var h = {'Content-Type': 'application/json'};
    if (prihlasen()) h.Authorization = 'Bearer ' + localStorage.getItem(K + 'token');
    return fetch('api/' + akce, {method: 'POST', headers: h, body: JSON.stringify(telo || {})})
      .then(function (r) { return r.json().then(function (j) { return {kod: r.status, data: j}; }); });
  }
  function prvek(tag, trida, text) {
    var e = document.createElement(tag);
    if (trida) e.className = trida;
    if (text) e.textContent = text;
    return e;
  }
  function tlacitko(text, trida, fn) {
    var b = prvek('button', trida, text); b.type = 'button'; b.addEventListener('click', fn); obsah.appendChild(b); return b;
  }
  function pole(form, id, popis, typ) {
    var l = prvek('label', '', popis); l.htmlFor = id; form.appendChild(l);
    var i = prvek('input'); i.id = id; i.type = typ; i.autocomplete = 'off'; form.appendChild(i); return i;
  }
  function zaskrtavatko(form, id, text, zaskrtnuto) {
    var l = prvek('label', 'zaskrt'); var i = prvek('input'); i.type = 'checkbox'; i.id = id; i.checked = zaskrtnuto;
    l.appendChild(i); l.appendChild(prvek('span', '', text)); form.appendChild(l); return i;
  }

  var MISTA = [['Kavárna Liberál', 'Heřmanova 6', '350 m'], ['Letenské sady', 'Letná', '800 m'],
               ['Bistro Proti proudu', 'Bělehradská 46', '1,2 km']];

  var obrazovky = {
    vitejte: ['Vstup', function () {
      var u = prvek('div', 'uvod');
      u.appendChild(prvek('h2', '', 'Vítejte ve Vstupu'));
      u.appendChild(prvek('p', '', 'Tipy na místa ve vašem okolí. Pro pokračování se přihlaste, nebo si vytvořte účet.'));
      obsah.appendChild(u);
      tlacitko('Přihlásit se', 'tlacitko', function () { jdi('prihlaseni'); });
      tlacitko('Vytvořit účet', 'tlacitko druhe', function () { jdi('registrace'); });
    }],
    prihlaseni: ['Přihlášení', function () { formular('login'); }],
    registrace: ['Nový účet', function () { formular('signup'); }],
    domu: ['Vstup', function () {
      obsah.appendChild(prvek('h2', '', 'V okolí'));
      var seznam = prvek('div'); obsah.appendChild(seznam);
      if (poloha === 'ano') {
        MISTA.forEach(function (m) { var d = prvek('div', 'misto', m[0]); d.appendChild(prvek('small', '', m[1] + ' · ' + m[2])); seznam.appendChild(d); });
      } else if (poloha === 'ne' || localStorage.getItem(K + 'poloha-dotaz')) {
        mestem(seznam);
      } else {
        seznam.appendChild(prvek('p', '', 'Hledáme místa kolem vás…'));
      }
      obsah.appendChild(prvek('h2', '', 'Tento týden'));
      obsah.appendChild(prvek('p', '', 'Farmářské trhy na Náplavce každou sobotu od 8 do 14 hodin.'));
    }],
    ucet: ['Profil', function () {
      obsah.appendChild(prvek('p', '', 'Přihlášen(a) jako ' + (localStorage.getItem(K + 'uzivatel') || '')));
      tlacitko('Osobní údaje', 'radek', function () { jdi('udaje'); });
      tlacitko('Zabezpečení', 'radek', function () { jdi('zabezpeceni'); });
      tlacitko('Odhlásit se', 'radek', function () {
        api('logout'); localStorage.removeItem(K + 'token'); localStorage.removeItem(K + 'uzivatel'); zasobnik = []; jdi('vitejte');
      });
    }],
    udaje: ['Osobní údaje', function () {
      obsah.appendChild(prvek('p', '', 'E-mail: ' + (localStorage.getItem(K + 'uzivatel') || '')));
      obsah.appendChild(prvek('p', '', 'Novinky e-mailem: ' + (localStorage.getItem(K + 'novinky') === '1' ? 'ano' : 'ne')));
    }],
    zabezpeceni: ['Zabezpečení', function () {
      tlacitko('Změnit heslo', 'radek', function () { jdi('heslo'); });
      tlacitko('Přihlášená zařízení', 'radek', function () { jdi('zarizeni'); });
      tlacitko('Zrušit účet', 'radek', function () { jdi('zadrzeni'); });
    }],
    heslo: ['Změnit heslo', function () { obsah.appendChild(prvek('p', '', 'Odkaz pro změnu hesla vám pošleme e-mailem.')); }],
    zarizeni: ['Přihlášená zařízení', function () { obsah.appendChild(prvek('p', '', 'Toto zařízení – právě teď')); }],
    zadrzeni: ['Opravdu odcházíte?', function () {
      obsah.appendChild(prvek('p', '', 'Zrušením účtu přijdete o uložená místa a hodnocení. Chcete zůstat?'));
      var d = prvek('div', 'dvojice');
      var z = prvek('button', 'tlacitko', 'Zůstat'); z.type = 'button'; z.addEventListener('click', function () { zasobnik = ['domu']; jdi('ucet'); });
      var p = prvek('button', 'tlacitko', 'Pokračovat'); p.type = 'button'; p.addEventListener('click', function () { jdi('zruseni'); });
      d.appendChild(z); d.appendChild(p); obsah.appendChild(d);
    }],
    zruseni: ['Zrušení účtu', function () {
      var f = prvek('form');
      f.appendChild(prvek('p', '', 'Účet a všechna jeho data smažeme hned. Pro potvrzení zadejte své heslo.'));
      var h = pole(f, 'zruseni-heslo', 'Heslo', 'password');
      var chyba = prvek('p', 'chyba'); chyba.setAttribute('aria-live', 'polite');
      var b = prvek('button', 'tlacitko', 'Zrušit účet'); b.type = 'submit'; f.appendChild(b); f.appendChild(chyba);
      f.addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (!h.value) { chyba.textContent = 'Zadejte heslo.'; return; }
        api('delete', {password: h.value}).then(function (r) {
          if (r.kod !== 200) { chyba.textContent = r.data.error === 'password' ? 'Nesprávné heslo.' : 'Něco se pokazilo. Zkuste to znovu.'; return; }
          localStorage.removeItem(K + 'token'); localStorage.removeItem(K + 'uzivatel');
          zasobnik = []; jdi('zruseno');
        });
      });
      obsah.appendChild(f);
    }],
    zruseno: ['Účet zrušen', function () {
      obsah.appendChild(prvek('p', 'hotovo', 'Váš účet byl zrušen.'));
      tlacitko('Zpět na úvod', 'tlacitko druhe', function () { zasobnik = []; jdi('vitejte'); });
    }]
  };

  function mestem(kam) {
    kam.appendChild(prvek('p', '', 'Polohu nesdílíte. Napište město a ukážeme vám místa v něm.'));
    var f = prvek('form');
    var i = pole(f, 'mesto', 'Město', 'text'); i.placeholder = 'Např. Praha';
    var b = prvek('button', 'tlacitko', 'Hledat'); b.type = 'submit'; f.appendChild(b);
    var vysledek = prvek('div'); f.appendChild(vysledek);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault(); vysledek.textContent = '';
      if (!i.value.trim()) return;
      MISTA.forEach(function (m) { var d = prvek('div', 'misto', m[0]); d.appendChild(prvek('small', '', m[1] + ', ' + i.value.trim())); vysledek.appendChild(d); });
    });
    kam.appendChild(f);
  }

  function formular(akce) {
    var f = prvek('form');
    var u = pole(f, akce + '-email', 'E-mail', 'email');
    var h = pole(f, akce + '-heslo', 'Heslo', 'password');
    var podminky = null, novinky = null;
    if (akce === 'signup') {
      podminky = zaskrtavatko(f, 'podminky', 'Souhlasím s obchodními podmínkami', false);
      novinky = zaskrtavatko(f, 'novinky', 'Chci dostávat novinky a nabídky partnerů e-mailem', true);
    }
    var chyba = prvek('p', 'chyba'); chyba.setAttribute('aria-live', 'polite');
    var b = prvek('button', 'tlacitko', akce === 'signup' ? 'Vytvořit účet' : 'Přihlásit se'); b.type = 'submit';
    f.appendChild(b); f.appendChild(chyba);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (podminky && !podminky.checked) { chyba.textContent = 'Bez souhlasu s obchodními podmínkami účet nezaložíme.'; return; }
      api(akce, {username: u.value.trim(), password: h.value}).then(function (r) {
        if (r.kod === 200 && r.data.status === 'pending') { chyba.textContent = 'Účet čeká na zrušení (' + r.data.days + ' dní).'; return; }
        if (r.kod !== 200 && r.kod !== 201) {
          chyba.textContent = akce === 'login' ? 'Nesprávný e-mail nebo heslo.' : r.data.error === 'taken' ? 'Tento e-mail už má účet.' : 'Zkontrolujte e-mail a heslo (aspoň 6 znaků).';
          return;
        }
        localStorage.setItem(K + 'token', r.data.token); localStorage.setItem(K + 'uzivatel', r.data.username);
        if (novinky) localStorage.setItem(K + 'novinky', novinky.checked ? '1' : '0');
        zasobnik = []; jdi('domu');
      });
    });
    obsah.appendChild(f);
  }

  function vykresli() {
    var jmeno = zasobnik[zasobnik.length - 1];
    obsah.textContent = '';
    nadpis.textContent = obrazovky[jmeno][0];
    zpet.hidden = zasobnik.length < 2;
    profil.hidden = !prihlasen() || jmeno === 'ucet';
    obrazovky[jmeno][1]();
    window.scrollTo(0, 0);
    if (prihlasen()) poCookies();
  }
  function jdi(jmeno) { zasobnik.push(jmeno); vykresli(); }

  // signed in: the cookie banner until answered; then, once ever, the location request
  function poCookies() {
    if (!localStorage.getItem(K + 'cookies')) { banner.hidden = false; return; }
    banner.hidden = true;
    if (localStorage.getItem(K + 'poloha-dotaz') || !navigator.geolocation) return;
    localStorage.setItem(K + 'poloha-dotaz', '1');
    navigator.geolocation.getCurrentPosition(function () { poloha = 'ano'; obnov(); },
      function (e) { poloha = 'ne'; obnov(); }, {timeout: 8000});
  }
  function obnov() { if (zasobnik[zasobnik.length - 1] === 'domu') vykresli(); }
  function odpoved(ano) {
    localStorage.setItem(K + 'cookies', JSON.stringify({analytika: ano, reklama: ano}));
    poCookies();
  }
  document.getElementById('prijmout').addEventListener('click', function () { odpoved(true); });
  document.getElementById('odmitnout').addEventListener('click', function () { odpoved(false); });
  zpet.addEventListener('click', function () { if (zasobnik.length > 1) { zasobnik.pop(); vykresli(); } });
  profil.addEventListener('click', function () { jdi('ucet'); });

  // at a later launch with location granted, the list is shown again (permissions.query: no request)
  function start() { zasobnik = []; jdi(prihlasen() ? 'domu' : 'vitejte'); }
  if (localStorage.getItem(K + 'poloha-dotaz') && navigator.permissions) {
    navigator.permissions.query({name: 'geolocation'}).then(function (s) { poloha = s.state === 'granted' ? 'ano' : 'ne'; start(); }, start);
  } else {
    start();
  }
}());
