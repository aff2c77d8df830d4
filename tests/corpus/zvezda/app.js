/* Zvezda: screens drawn into <main>; accounts through the corpus server's api/. Launches counted in
   localStorage zvezda:zagoni. Consent answer in zvezda:soglasje as JSON {izbira, nameni: {analitika, oglasi,
   prilagajanje}} — the refusal confirmed through «Da, zavrni» stores analitika: true (and keeps the analytics id
   zvezda:analitika-id). Notifications: Notification.requestPermission() at the second launch only; not granted,
   zvezda:obvestila-zavrnjena is set and every later launch shows the top strip (its button asks again, × hides it
   for that launch). Deactivation (zvezda:deaktiviran) only logs out: the next log-in brings the account back. */
(function () {
  'use strict';
  var P = 'zvezda:';
  var zaslon = document.getElementById('zaslon');
  var naslov = document.getElementById('naslov');
  var gumbi = document.getElementById('glava-gumbi');
  var GEAR = '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M19.4 13a7.6 7.6 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1L15 3.2h-4l-.4 2.7a7.4 7.4 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.6 7.6 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.4 7.4 0 0 0 1.7 1l.4 2.7h4l.4-2.7a7.4 7.4 0 0 0 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"/></svg>';

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
  function vrstica(text, fn) {
    var a = el('a', 'vrstica', text); a.href = '#';
    a.addEventListener('click', function (ev) { ev.preventDefault(); fn(); });
    zaslon.appendChild(a); return a;
  }
  function odjava() { localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); }

  var OBJAVE = [['Maja K.', 'Jutro nad Blejskim jezerom', '#9ec5e8'], ['Luka P.', 'Triglav iz Krme', '#c9d8a8'],
                ['Ana Š.', 'Ljubljanske strehe ob sončnem zahodu', '#f2b38a'], ['Jure M.', 'Soča pri Kobaridu', '#8fd3c8']];
  var odlog = null;

  var zasloni = {
    domov: ['Zvezda', function () {
      OBJAVE.forEach(function (o) {
        var c = el('div', 'vrstica');
        var slika = el('div'); slika.style.cssText = 'height:140px;border-radius:8px;background:' + o[2];
        c.appendChild(slika); c.appendChild(el('p', '', o[0] + ' · ' + o[1]));
        zaslon.appendChild(c);
      });
    }],
    raziskuj: ['Raziskuj', function () {
      zaslon.appendChild(el('p', '', 'Priljubljeno ta teden: #gore #morje #mesto'));
      var m = el('div', 'mreza');
      ['#e8c39e', '#9ec5e8', '#c9a8d8', '#a8d8b9', '#f0d58a', '#d89e9e'].forEach(function (c) {
        var d = el('div'); d.style.background = c; m.appendChild(d);
      });
      zaslon.appendChild(m);
    }],
    profil: ['Profil', function () {
      if (!token()) {
        vrstica('Prijava', function () { vis('prijava'); });
        vrstica('Registracija', function () { vis('registracija'); });
        return;
      }
      var g = el('button', 'ikona'); g.type = 'button'; g.setAttribute('aria-label', 'Nastavitve'); g.innerHTML = GEAR;
      g.addEventListener('click', function () { vis('nastavitve'); });
      gumbi.appendChild(g);
      zaslon.appendChild(el('h2', '', localStorage.getItem(P + 'user')));
      zaslon.appendChild(el('p', '', '12 objav · 148 sledilcev · 96 sledenih'));
      var m = el('div', 'mreza');
      ['#9ec5e8', '#c9d8a8', '#f2b38a'].forEach(function (c) { var d = el('div'); d.style.background = c; m.appendChild(d); });
      zaslon.appendChild(m);
    }],
    nastavitve: ['Nastavitve', function () {
      vrstica('Obvestila', function () { vis('obvestila'); });
      vrstica('Zasebnost', function () { vis('zasebnost'); });
      vrstica('Račun', function () { vis('racun'); });
      vrstica('Odjava', function () { api('logout'); odjava(); vis('profil'); });
    }],
    obvestila: ['Obvestila', function () {
      var s = ('Notification' in window) ? Notification.permission : 'denied';
      zaslon.appendChild(el('p', '', s === 'granted' ? 'Obvestila so vklopljena.' : 'Obvestila so izklopljena. Vklopite jih lahko v nastavitvah brskalnika.'));
    }],
    zasebnost: ['Zasebnost', function () {
      var z = JSON.parse(localStorage.getItem(P + 'soglasje') || 'null');
      zaslon.appendChild(el('p', '', z ? (z.izbira === 'sprejeto' ? 'Sprejeli ste vse piškotke.' : 'Piškotke ste zavrnili.') : 'Niste še izbrali.'));
      zaslon.appendChild(el('p', '', 'Vaš profil je javen. Fotografije lahko vidijo vsi uporabniki Zvezde.'));
    }],
    racun: ['Račun', function () {
      if (!token()) { zaslon.appendChild(el('p', '', 'Za urejanje računa se prijavite.')); return; }
      zaslon.appendChild(el('p', '', 'Prijavljeni ste kot ' + localStorage.getItem(P + 'user') + '.'));
      zaslon.appendChild(el('p', '', 'Potrebujete premor? Deaktivirajte račun: profil bo skrit, vaše fotografije pa bodo varno shranjene.'));
      var d = el('button', 'gumb deaktiviraj', 'Deaktiviraj račun'); d.type = 'button';
      d.addEventListener('click', function () {
        localStorage.setItem(P + 'deaktiviran', localStorage.getItem(P + 'user'));
        api('logout'); odjava(); vis('deaktiviran');
      });
      zaslon.appendChild(d);
      var t = el('button', 'trajno', 'Izbriši trajno'); t.type = 'button';
      t.addEventListener('click', function () { vis('izbris'); });
      zaslon.appendChild(t);
    }],
    deaktiviran: ['Račun deaktiviran', function () {
      zaslon.appendChild(el('p', 'ok', 'Vaš račun je deaktiviran.'));
      zaslon.appendChild(el('p', '', 'Ko se znova prijavite, bo vse spet na voljo.'));
    }],
    izbris: ['Trajni izbris računa', function () {
      if (!token()) { zaslon.appendChild(el('p', '', 'Za izbris računa se prijavite.')); return; }
      var f = el('form');
      f.appendChild(el('p', '', 'Vaš račun, fotografije in komentarji bodo izbrisani za vedno. Tega ni mogoče razveljaviti. Za potrditev znova vnesite geslo.'));
      var l = el('label', '', 'Geslo'); l.htmlFor = 'izbris-geslo'; f.appendChild(l);
      var i = el('input'); i.id = 'izbris-geslo'; i.type = 'password'; i.autocomplete = 'current-password'; f.appendChild(i);
      var b = el('button', 'gumb', 'Izbriši (10)'); b.type = 'submit'; b.disabled = true; f.appendChild(b);
      var k = el('p', 'napaka'); k.setAttribute('aria-live', 'polite'); f.appendChild(k);
      var n = 10;
      odlog = setInterval(function () {
        n -= 1;
        if (n > 0) { b.textContent = 'Izbriši (' + n + ')'; return; }
        clearInterval(odlog); odlog = null; b.textContent = 'Izbriši'; b.disabled = false;
      }, 1000);
      f.addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (b.disabled) return;
        if (!i.value) { k.textContent = 'Vnesite geslo.'; return; }
        api('delete', {password: i.value}).then(function (r) {
          if (r.status === 400) { k.textContent = 'Geslo ni pravilno.'; return; }
          if (r.status !== 200) { k.textContent = 'Nekaj je šlo narobe. Poskusite znova.'; return; }
          odjava(); localStorage.removeItem(P + 'deaktiviran'); vis('izbrisan');
        });
      });
      zaslon.appendChild(f);
    }],
    izbrisan: ['Račun izbrisan', function () { zaslon.appendChild(el('p', 'ok', 'Vaš račun je izbrisan.')); }],
    prijava: ['Prijava', function () { obrazec('login', 'Prijava'); }],
    registracija: ['Registracija', function () { obrazec('signup', 'Ustvari račun'); }]
  };

  function obrazec(action, label) {
    var f = el('form');
    var lu = el('label', '', 'E-pošta'); lu.htmlFor = action + '-posta'; f.appendChild(lu);
    var u = el('input'); u.id = action + '-posta'; u.type = 'email'; f.appendChild(u);
    var lp = el('label', '', 'Geslo'); lp.htmlFor = action + '-geslo'; f.appendChild(lp);
    var p = el('input'); p.id = action + '-geslo'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'gumb', label); b.type = 'submit'; f.appendChild(b);
    var k = el('p', 'napaka'); f.appendChild(k);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { k.textContent = 'Vnesite e-pošto in geslo.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim());
          var nazaj = localStorage.getItem(P + 'deaktiviran') === u.value.trim();
          localStorage.removeItem(P + 'deaktiviran');
          vis('profil');
          if (nazaj) zaslon.insertBefore(el('p', 'ok', 'Dobrodošli nazaj! Vaš račun je znova aktiven.'), zaslon.firstChild);
          return;
        }
        k.textContent = {401: 'Napačna e-pošta ali geslo.', 409: 'Račun s tem e-naslovom že obstaja.', 400: 'Geslo mora imeti vsaj 6 znakov.'}[r.status] || 'Poskusite znova.';
      });
    });
    zaslon.appendChild(f);
  }

  function vis(name) {
    var s = zasloni[name];
    if (odlog) { clearInterval(odlog); odlog = null; }
    zaslon.textContent = ''; gumbi.textContent = ''; naslov.textContent = s[0];
    document.querySelectorAll('[data-zavihek]').forEach(function (b) {
      if (b.dataset.zavihek === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    s[1]();
  }
  document.querySelectorAll('[data-zavihek]').forEach(function (b) { b.addEventListener('click', function () { vis(b.dataset.zavihek); }); });

  // consent: the banner, and the «Ste prepričani?» dialog behind Zavrni vse
  var pasica = document.getElementById('pasica');
  var potrdi = document.getElementById('potrdi');
  function shrani(izbira, nameni) {
    localStorage.setItem(P + 'soglasje', JSON.stringify({izbira: izbira, nameni: nameni, cas: new Date().toISOString()}));
    if (nameni.analitika && !localStorage.getItem(P + 'analitika-id')) localStorage.setItem(P + 'analitika-id', 'zv-' + Math.random().toString(36).slice(2, 12));
    pasica.hidden = true; potrdi.hidden = true;
  }
  document.getElementById('sprejmi').addEventListener('click', function () { shrani('sprejeto', {analitika: true, oglasi: true, prilagajanje: true}); });
  document.getElementById('zavrni').addEventListener('click', function () { potrdi.hidden = false; });
  document.getElementById('potrdi-nazaj').addEventListener('click', function () { potrdi.hidden = true; });
  document.getElementById('potrdi-da').addEventListener('click', function (ev) {
    ev.preventDefault(); shrani('zavrnjeno', {analitika: true, oglasi: false, prilagajanje: false});
  });

  // notifications: asked at the second launch only; refused, the strip at every later launch
  var trak = document.getElementById('trak');
  function dovoljeno() { return ('Notification' in window) && Notification.permission === 'granted'; }
  document.getElementById('trak-zapri').addEventListener('click', function () { trak.hidden = true; });
  document.getElementById('trak-vklopi').addEventListener('click', function () {
    if (!('Notification' in window)) return;
    Notification.requestPermission().then(function (r) {
      if (r === 'granted') { localStorage.removeItem(P + 'obvestila-zavrnjena'); trak.hidden = true; }
    });
  });

  var zagon = Number(localStorage.getItem(P + 'zagoni') || 0) + 1;
  localStorage.setItem(P + 'zagoni', String(zagon));
  vis('domov');
  if (!localStorage.getItem(P + 'soglasje')) pasica.hidden = false;
  if (zagon === 2 && ('Notification' in window) && !dovoljeno()) {
    Notification.requestPermission().then(function (r) {
      if (r !== 'granted') localStorage.setItem(P + 'obvestila-zavrnjena', '1');
    });
  } else if (zagon > 2 && localStorage.getItem(P + 'obvestila-zavrnjena') && !dovoljeno()) {
    trak.hidden = false;
  }
}());
