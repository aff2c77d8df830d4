/* Kaas Nieuws: screens drawn into <main>; accounts through the corpus server's api/.
   Consent (kaas:cookies = JSON {keuze, doelen}): the bottom banner until answered; «Alles accepteren» all on,
   «Doorgaan zonder te accepteren» all off (legitimate interest too), «Keuzes bevestigen» what the switches show.
   Notifications: once consent is answered, the sheet «Meldingen aanzetten?» at every launch until kaas:meldingen is
   set (either answer sets it); only «Aanzetten» calls Notification.requestPermission. */
(function () {
  'use strict';
  var P = 'kaas:';
  var scherm = document.getElementById('scherm');
  var titel = document.getElementById('titel');
  var lade = document.getElementById('lade');
  var doek = document.getElementById('lade-doek');

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
  function rij(text, fn, cls) {
    var a = el('a', 'rij' + (cls ? ' ' + cls : ''), text); a.href = '#';
    a.addEventListener('click', function (ev) { ev.preventDefault(); fn(); });
    scherm.appendChild(a);
  }

  var NIEUWS = {
    voorpagina: [['Kabinet presenteert plannen voor betaalbare huizen', 'Politiek · 12 min geleden'],
                 ['Storm trekt over het noorden: code oranje', 'Weer · 40 min geleden'],
                 ['Kaasmarkt Alkmaar trekt recordaantal bezoekers', 'Regio · 1 uur geleden']],
    binnenland: [['Treinen rijden weer tussen Utrecht en Arnhem', 'Verkeer · 20 min geleden'],
                 ['Gemeente test autovrije zondag', 'Regio · 2 uur geleden']],
    sport: [['Oranje wint oefenduel met 2-1', 'Voetbal · 3 uur geleden'],
            ['Schaatsseizoen begint in Thialf', 'Schaatsen · 5 uur geleden']]
  };
  function lijst(naam) {
    return function () {
      NIEUWS[naam].forEach(function (n) {
        var a = el('a', 'artikel', n[0]); a.href = '#'; a.appendChild(el('small', '', n[1]));
        a.addEventListener('click', function (ev) { ev.preventDefault(); });
        scherm.appendChild(a);
      });
    };
  }
  var SCHERMEN = {
    voorpagina: ['Kaas Nieuws', lijst('voorpagina')],
    binnenland: ['Binnenland', lijst('binnenland')],
    sport: ['Sport', lijst('sport')],
    account: ['Account', function () {
      if (!token()) {
        scherm.appendChild(el('p', '', 'Log in om artikelen te bewaren en te reageren.'));
        rij('Inloggen', function () { toon('inloggen'); });
        rij('Registreren', function () { toon('registreren'); });
        return;
      }
      scherm.appendChild(el('p', '', 'Ingelogd als ' + localStorage.getItem(P + 'gebruiker')));
      rij('Bewaarde artikelen', function () { toon('bewaard'); });
      rij('Nieuwsbrieven', function () { toon('nieuwsbrieven'); });
      rij('Uitloggen', function () { api('logout'); localStorage.removeItem(P + 'token'); toon('account'); });
      rij('Account verwijderen', function () { document.getElementById('bevestig').showModal(); }, 'rood');
    }],
    bewaard: ['Bewaarde artikelen', function () { scherm.appendChild(el('p', '', 'Je hebt nog niets bewaard.')); }],
    nieuwsbrieven: ['Nieuwsbrieven', function () { scherm.appendChild(el('p', '', 'Je bent op geen nieuwsbrief geabonneerd.')); }],
    verwijderd: ['Account verwijderd', function () { scherm.appendChild(el('p', 'klaar', 'Je account is verwijderd.')); }],
    inloggen: ['Inloggen', function () { formulier('login', 'Inloggen'); }],
    registreren: ['Registreren', function () { formulier('signup', 'Account aanmaken'); }]
  };

  function formulier(action, knop) {
    var f = el('form');
    var lu = el('label', 'veld', 'E-mailadres'); lu.htmlFor = action + '-mail'; f.appendChild(lu);
    var u = el('input', 'invoer'); u.id = action + '-mail'; u.type = 'email'; f.appendChild(u);
    var lp = el('label', 'veld', 'Wachtwoord'); lp.htmlFor = action + '-ww'; f.appendChild(lp);
    var p = el('input', 'invoer'); p.id = action + '-ww'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'vol', knop); b.type = 'submit'; f.appendChild(b);
    var fout = el('p', 'fout'); f.appendChild(fout);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { fout.textContent = 'Vul je e-mailadres en wachtwoord in.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'gebruiker', u.value.trim());
          toon('account'); return;
        }
        fout.textContent = {401: 'E-mailadres of wachtwoord klopt niet.', 409: 'Dit e-mailadres heeft al een account.',
                            400: 'Kies een wachtwoord van minstens 6 tekens.'}[r.status] || 'Er ging iets mis. Probeer het opnieuw.';
      });
    });
    scherm.appendChild(f);
  }

  function toon(naam) {
    var s = SCHERMEN[naam];
    scherm.textContent = ''; titel.textContent = s[0];
    sluitLade();
    s[1]();
  }
  function sluitLade() { lade.hidden = true; doek.hidden = true; }
  document.getElementById('menu-knop').addEventListener('click', function () { lade.hidden = false; doek.hidden = false; });
  doek.addEventListener('click', sluitLade);
  lade.querySelectorAll('[data-ga]').forEach(function (a) {
    a.addEventListener('click', function (ev) { ev.preventDefault(); toon(a.dataset.ga); });
  });

  // deletion: the confirm <dialog>
  var bevestig = document.getElementById('bevestig');
  document.getElementById('annuleren').addEventListener('click', function () { bevestig.close(); });
  document.getElementById('verwijderen').addEventListener('click', function () {
    api('delete', {}).then(function (r) {
      bevestig.close();
      if (r.status !== 200) { toon('account'); return; }
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'gebruiker');
      toon('verwijderd');
    });
  });

  // notifications: the app's own sheet, until answered
  var meldingen = document.getElementById('meldingen');
  function vraagMeldingen() { if (!localStorage.getItem(P + 'meldingen')) meldingen.hidden = false; }
  document.getElementById('nu-niet').addEventListener('click', function () {
    localStorage.setItem(P + 'meldingen', 'nu-niet'); meldingen.hidden = true;
  });
  document.getElementById('aanzetten').addEventListener('click', function () {
    localStorage.setItem(P + 'meldingen', 'gevraagd'); meldingen.hidden = true;
    if (window.Notification) Notification.requestPermission();
  });

  // consent
  var banner = document.getElementById('banner');
  var paneel = document.getElementById('paneel');
  var schakels = paneel.querySelectorAll('.schakel');
  function bewaar(keuze, doelen) {
    localStorage.setItem(P + 'cookies', JSON.stringify({keuze: keuze, doelen: doelen}));
    if (doelen.meting) localStorage.setItem(P + 'meet-id', 'm' + Date.now().toString(36));
    banner.hidden = true; paneel.hidden = true;
    vraagMeldingen();
  }
  function alle(waarde) {
    var d = {}; schakels.forEach(function (s) { d[s.dataset.doel] = waarde; }); return d;
  }
  document.getElementById('alles').addEventListener('click', function () { bewaar('alles', alle(true)); });
  document.getElementById('zonder').addEventListener('click', function (ev) { ev.preventDefault(); bewaar('geweigerd', alle(false)); });
  document.getElementById('instellingen').addEventListener('click', function () { banner.hidden = true; paneel.hidden = false; });
  document.getElementById('bevestigen').addEventListener('click', function () {
    var d = {}; schakels.forEach(function (s) { d[s.dataset.doel] = s.checked; }); bewaar('eigen', d);
  });
  function tab(toestemming) {
    document.getElementById('tab-toestemming').classList.toggle('actief', toestemming);
    document.getElementById('tab-belang').classList.toggle('actief', !toestemming);
    document.getElementById('deel-toestemming').hidden = !toestemming;
    document.getElementById('deel-belang').hidden = toestemming;
  }
  document.getElementById('tab-toestemming').addEventListener('click', function () { tab(true); });
  document.getElementById('tab-belang').addEventListener('click', function () { tab(false); });

  toon('voorpagina');
  if (localStorage.getItem(P + 'cookies')) vraagMeldingen(); else banner.hidden = false;
}());
