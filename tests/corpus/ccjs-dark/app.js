/* Peron: screens drawn into #ecran from plain divs; accounts through the corpus server's api/ (app.json: password
   re-entry and a reason required, 30 days pending). Consent by cookie-consent-js (cookie "peron-cookie").
   Notifications: Notification.requestPermission() at every launch while the permission is not granted. */
(function () {
  'use strict';
  var P = 'peron:';
  window.cookieConsent = new CookieConsent({
    contentUrl: 'lang', privacyPolicyUrl: 'confidentialitate.html', lang: 'ro', defaultLang: 'ro',
    blockAccess: true, cookieName: 'peron-cookie',
    buttonPrimaryClass: 'accept-mare', buttonSecondaryClass: 'refuz-discret'
  });
  if ('Notification' in window && Notification.permission !== 'granted') {
    try { Notification.requestPermission(); } catch (e) { /* old API shape: nothing more to do */ }
  }

  var ecran = document.getElementById('ecran'), titlu = document.getElementById('titlu');
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function div(cls, text) { var d = document.createElement('div'); if (cls) d.className = cls; if (text) d.textContent = text; return d; }
  function rand(text, fn) { var d = div('rand', text); d.addEventListener('click', fn); ecran.appendChild(d); return d; }
  function buton(text, fn, cls) { var d = div('buton' + (cls ? ' ' + cls : ''), text); d.addEventListener('click', fn); ecran.appendChild(d); return d; }
  function camp(eticheta, tip) {
    var l = document.createElement('label'); l.className = 'camp'; l.textContent = eticheta;
    var i = document.createElement('input'); i.type = tip; l.appendChild(i); ecran.appendChild(l); return i;
  }
  var motiv = '';

  var ecrane = {
    acasa: ['Peron', function () {
      ecran.appendChild(div('', 'Următorul tău tren: niciunul. Caută o rută și cumpără bilete fără cozi.'));
      buton('Activează alertele de întârziere', function () {
        var m = div('', ''); ecran.appendChild(m);
        if (!('Notification' in window)) { m.textContent = 'Telefonul tău nu primește notificări. Întârzierile apar mai jos.'; return; }
        Notification.requestPermission().then(function (r) {
          m.textContent = r === 'granted' ? 'Alertele sunt pornite: te anunțăm la fiecare întârziere.'
            : 'Notificările sunt oprite. Vezi întârzierile în lista de mai jos.';
        });
      });
      ecran.appendChild(div('', 'IR 1745 București Nord → Brașov: +10 min'));
      ecran.appendChild(div('', 'R 3012 Cluj-Napoca → Oradea: la timp'));
    }],
    bilete: ['Bilete', function () { ecran.appendChild(div('', 'Nu ai bilete. Biletele cumpărate apar aici.')); }],
    cont: ['Cont', function () {
      if (!token()) { rand('Intră în cont', function () { arata('intra'); }); rand('Creează cont', function () { arata('creeaza'); }); return; }
      ecran.appendChild(div('', 'Conectat ca ' + localStorage.getItem(P + 'user')));
      rand('Biletele mele', function () { arata('bilete'); });
      rand('Setări', function () { arata('setari'); });
      rand('Ieși din cont', function () { api('logout'); localStorage.removeItem(P + 'token'); arata('cont'); });
    }],
    setari: ['Setări', function () {
      rand('Limba aplicației: română', function () {});
      rand('Carduri salvate', function () {});
      rand('Închide contul', function () { arata('motiv'); });
    }],
    motiv: ['Închide contul', function () {
      ecran.appendChild(div('', 'Ne pare rău că pleci. Spune-ne de ce:'));
      ['Nu mai călătoresc cu trenul', 'Prețurile sunt prea mari', 'Aplicația nu funcționează bine', 'Alt motiv'].forEach(function (t) {
        var l = document.createElement('label'); l.className = 'motiv';
        var r = document.createElement('input'); r.type = 'radio'; r.name = 'motiv'; r.value = t;
        r.addEventListener('change', function () { motiv = t; });
        l.appendChild(r); l.appendChild(document.createTextNode(' ' + t)); ecran.appendChild(l);
      });
      var e = div('eroare', ''); ecran.appendChild(e);
      buton('Continuă', function () { if (!motiv) { e.textContent = 'Alege un motiv ca să continui.'; return; } arata('parola'); });
    }],
    parola: ['Confirmă identitatea', function () {
      ecran.appendChild(div('', 'Introdu parola contului ca să confirmi închiderea.'));
      var p = camp('Parola', 'password');
      var e = div('eroare', ''); ecran.appendChild(e);
      buton('Șterge contul', function () {
        if (!p.value) { e.textContent = 'Introdu parola.'; return; }
        var vo = document.getElementById('confirmare'); vo.hidden = false;
        document.getElementById('renunta').onclick = function () { vo.hidden = true; };
        document.getElementById('da-sterge').onclick = function () {
          api('delete', {password: p.value, reason: motiv}).then(function (r) {
            vo.hidden = true;
            if (r.status === 400 && r.body.error === 'password') { e.textContent = 'Parola nu este corectă.'; return; }
            if (r.status !== 200) { e.textContent = 'A apărut o eroare. Încearcă din nou.'; return; }
            localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); arata('programat');
          });
        };
      });
    }],
    programat: ['Cont închis', function () {
      ecran.appendChild(div('gata', 'Contul tău a fost închis și va fi șters definitiv în 30 de zile.'));
      ecran.appendChild(div('', 'Dacă te răzgândești, scrie-ne înainte de termen.'));
    }],
    intra: ['Intră în cont', function () { formular('login', 'Intră'); }],
    creeaza: ['Creează cont', function () { formular('signup', 'Creează cont'); }]
  };

  function formular(action, eticheta) {
    var u = camp('E-mail', 'email'), p = camp('Parola', 'password');
    var e = div('eroare', ''); ecran.appendChild(e);
    buton(eticheta, function () {
      if (!u.value.trim() || !p.value) { e.textContent = 'Completează e-mailul și parola.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); arata('cont'); return; }
        if (r.body.status === 'pending') { e.textContent = 'Contul este programat pentru ștergere în ' + r.body.days + ' de zile.'; return; }
        e.textContent = {401: 'E-mail sau parolă greșită.', 409: 'Există deja un cont cu acest e-mail.', 400: 'Parola trebuie să aibă cel puțin 6 caractere.'}[r.status] || 'Încearcă din nou.';
      });
    });
  }

  function arata(nume) {
    var s = ecrane[nume];
    ecran.textContent = ''; titlu.textContent = s[0];
    document.querySelectorAll('.fila').forEach(function (f) { f.classList.toggle('activ', f.dataset.ecran === nume); });
    s[1]();
  }
  document.querySelectorAll('.fila').forEach(function (f) { f.addEventListener('click', function () { motiv = ''; arata(f.dataset.ecran); }); });
  arata('acasa');
}());
