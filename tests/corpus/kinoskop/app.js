/* Kinoskop: buying cinema tickets. Screens are <div>s switched by the hidden attribute; every control a <div> with a
   click listener (no role). Accounts through the corpus server's api/ (token in localStorage kinoskop:token).
   Launch: the promo splash «Přeskočit (3)» (3 s or a tap), then gdpr-cookie (cookie kinoskop_cookies: a JSON array
   of the accepted types; an answer with «statistika» also stores localStorage kinoskop:analytika-id).
   Camera: only «Naskenovat vstupenku» asks (getUserMedia video); refused, the code is typed by hand. */
(function () {
  'use strict';
  var P = 'kinoskop:';
  function q(s) { return document.querySelector(s); }
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function odhlasitMistne() { localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); }

  var FILMY = [
    {id: 'projekce', titul: 'Poslední projekce', popis: 'Drama · 118 min · Sál 1', casy: ['17:30', '20:15']},
    {id: 'lomnice', titul: 'Vlak do Tatranské Lomnice', popis: 'Komedie · 96 min · Sál 2', casy: ['16:00', '18:45']},
    {id: 'mlha', titul: 'Mlha nad Vltavou', popis: 'Thriller · 104 min · Sál 3', casy: ['19:00', '21:30']}
  ];

  /* screens */
  var TITULY = {program: 'Kinoskop', film: 'Program', vstupenky: 'Vstupenky', profil: 'Profil', klub: 'Kinoskop Klub',
    napoveda: 'Nápověda', nastaveni: 'Nastavení', jazyk: 'Jazyk', soukromi: 'Soukromí', smazat: 'Smazat účet',
    heslo: 'Smazat účet', smazano: 'Účet smazán', prihlaseni: 'Přihlášení', registrace: 'Nový účet'};
  var ZPET = {film: 'program', klub: 'profil', napoveda: 'profil', nastaveni: 'profil', jazyk: 'nastaveni',
    soukromi: 'nastaveni', smazat: 'nastaveni', heslo: 'smazat', prihlaseni: 'profil', registrace: 'profil'};
  var LIST = {program: 'program', film: 'program', vstupenky: 'vstupenky'};
  var nyni = 'program', film = null;

  function ukaz(jmeno) {
    if (nyni === 'vstupenky' && jmeno !== 'vstupenky') zastavKameru();
    if (jmeno === 'vstupenky' && nyni !== 'vstupenky') {       // each visit starts without a scan under way
      q('#kamera-stav').textContent = ''; q('#rucne').hidden = true; q('#kod-zprava').textContent = '';
    }
    nyni = jmeno;
    document.querySelectorAll('.obr').forEach(function (o) { o.hidden = o.dataset.obr !== jmeno; });
    var list = LIST[jmeno] || 'profil';
    document.querySelectorAll('.list').forEach(function (l) { l.classList.toggle('aktivni', l.dataset.list === list); });
    q('#nazev').textContent = TITULY[jmeno];
    q('#zpet').hidden = !ZPET[jmeno];
    if (jmeno === 'program') kresliProgram();
    if (jmeno === 'film') kresliFilm();
    if (jmeno === 'vstupenky') kresliVstupenky();
    if (jmeno === 'profil') {
      var dovnitr = !!token();
      q('#venku').hidden = dovnitr; q('#uvnitr').hidden = !dovnitr;
      q('#kdo').textContent = dovnitr ? 'Přihlášeni jako ' + localStorage.getItem(P + 'user') : '';
    }
    if ((jmeno === 'nastaveni' || jmeno === 'smazat' || jmeno === 'heslo' || jmeno === 'klub') && !token()) { ukaz('profil'); return; }
    if (jmeno === 'heslo') { q('#smazat-heslo').value = ''; q('#smazat-chyba').textContent = ''; }
    window.scrollTo(0, 0);
  }
  document.querySelectorAll('.list').forEach(function (l) { l.addEventListener('click', function () { ukaz(l.dataset.list); }); });
  document.querySelectorAll('[data-jdi]').forEach(function (r) { r.addEventListener('click', function () { ukaz(r.dataset.jdi); }); });
  q('#zpet').addEventListener('click', function () { if (ZPET[nyni]) ukaz(ZPET[nyni]); });

  /* programme and tickets (kept on the device) */
  function moje() { try { return JSON.parse(localStorage.getItem(P + 'vstupenky') || '[]'); } catch (e) { return []; } }
  function pridej(v) { var m = moje(); m.push(v); localStorage.setItem(P + 'vstupenky', JSON.stringify(m)); }
  function div(cls, text) { var d = document.createElement('div'); d.className = cls; if (text) d.textContent = text; return d; }
  function kresliProgram() {
    var box = q('#filmy'); box.textContent = '';
    FILMY.forEach(function (f) {
      var r = div('film-radek');
      r.appendChild(div('film-nazev', f.titul));
      r.appendChild(div('film-info', f.popis + ' · ' + f.casy.join(', ')));
      r.addEventListener('click', function () { film = f; ukaz('film'); });
      box.appendChild(r);
    });
  }
  function kresliFilm() {
    if (!film) film = FILMY[0];
    q('#film-titul').textContent = film.titul;
    q('#film-popis').textContent = film.popis;
    q('#film-zprava').textContent = '';
    var box = q('#film-casy'); box.textContent = '';
    film.casy.forEach(function (c) {
      var t = div('cas', c);
      t.addEventListener('click', function () {
        pridej({film: film.titul, cas: c, kod: 'KS-' + Math.floor(100000 + Math.random() * 900000)});
        q('#film-zprava').textContent = 'Vstupenka na ' + c + ' zakoupena. Najdete ji v záložce Vstupenky.';
      });
      box.appendChild(t);
    });
  }
  function kresliVstupenky() {
    var box = q('#moje'), m = moje(); box.textContent = '';
    if (!m.length) { box.appendChild(div('text', 'Zatím nemáte žádné vstupenky.')); return; }
    m.forEach(function (v) { box.appendChild(div('vstupenka', v.film + ' · dnes ' + v.cas + ' · ' + v.kod)); });
  }

  /* camera: asked only when «Naskenovat vstupenku» is used */
  var proud = null;
  function zastavKameru() {
    if (proud) { proud.getTracks().forEach(function (t) { t.stop(); }); proud = null; }
    q('#skener').hidden = true;
  }
  q('#skenovat').addEventListener('click', function () {
    var stav = q('#kamera-stav');
    stav.textContent = 'Spouštím kameru…';
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { rucne('Kamera není k dispozici.'); return; }
    navigator.mediaDevices.getUserMedia({video: true}).then(function (s) {
      zastavKameru();
      proud = s;
      q('#video').srcObject = s;
      q('#skener').hidden = false;
      q('#rucne').hidden = true;
      stav.textContent = 'Kamera připravena — namiřte ji na QR kód vstupenky.';
    }, function (err) {
      rucne(err && err.name === 'NotAllowedError' ? 'Přístup ke kameře nebyl povolen. Kód vstupenky můžete zadat ručně.'
                                                  : 'Kameru se nepodařilo spustit. Kód vstupenky můžete zadat ručně.');
    });
  });
  function rucne(text) {
    q('#kamera-stav').textContent = text;
    q('#skener').hidden = true;
    q('#rucne').hidden = false;
  }
  q('#overit').addEventListener('click', function () {
    var kod = q('#kod').value.trim().toUpperCase(), z = q('#kod-zprava');
    if (!/^KS-?\d{6}$/.test(kod) && !/^\d{6}$/.test(kod)) { z.textContent = 'Kód má tvar KS-123456. Zkontrolujte ho prosím.'; return; }
    var cislo = kod.replace(/\D/g, '');
    pridej({film: FILMY[0].titul, cas: FILMY[0].casy[1], kod: 'KS-' + cislo});
    z.textContent = 'Vstupenka KS-' + cislo + ' je platná a byla přidána do vašich vstupenek.';
    q('#kod').value = '';
    kresliVstupenky();
  });

  /* accounts */
  document.querySelectorAll('.formular').forEach(function (f) {
    f.querySelector('.odeslat').addEventListener('click', function () {
      var pole = f.querySelectorAll('input'), z = f.querySelector('.zprava');
      var u = pole[0].value.trim(), h = pole[1].value;
      if (!u || !h) { z.textContent = 'Vyplňte e-mail a heslo.'; return; }
      z.textContent = '';
      api(f.dataset.akce, {username: u, password: h}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u);
          pole[0].value = ''; pole[1].value = '';
          ukaz('profil'); return;
        }
        z.textContent = {401: 'Nesprávný e-mail nebo heslo.', 409: 'Účet s tímto e-mailem už existuje.',
          400: 'Heslo musí mít alespoň 6 znaků.'}[r.status] || 'Něco se nepovedlo. Zkuste to znovu.';
      });
    });
  });
  q('#odhlasit').addEventListener('click', function () { api('logout'); odhlasitMistne(); ukaz('profil'); });

  /* deletion: Nastavení → Smazat účet → retention (Ponechat si účet / Přesto smazat) → password → Smazat natrvalo */
  q('#ponechat').addEventListener('click', function () { ukaz('nastaveni'); });
  q('#presto').addEventListener('click', function () { ukaz('heslo'); });
  q('#natrvalo').addEventListener('click', function () {
    var h = q('#smazat-heslo').value, chyba = q('#smazat-chyba');
    if (!h) { chyba.textContent = 'Zadejte heslo.'; return; }
    api('delete', {password: h}).then(function (r) {
      if (r.status === 400) { chyba.textContent = 'Nesprávné heslo.'; return; }
      if (r.status !== 200) { chyba.textContent = 'Něco se nepovedlo. Zkuste to znovu.'; return; }
      odhlasitMistne(); localStorage.removeItem(P + 'vstupenky');
      ukaz('smazano');
    });
  });

  /* consent: gdpr-cookie, configured by its documented options only */
  function analytika() {
    if (jQuery.gdprcookie.preference('statistika') && !localStorage.getItem(P + 'analytika-id')) {
      localStorage.setItem(P + 'analytika-id', 'a-' + Math.random().toString(36).slice(2, 12));
    }
  }
  jQuery('body').on('gdpr:accept', analytika);
  function souhlas() {
    jQuery.gdprcookie.init({
      title: 'Vaše soukromí',
      message: 'Kinoskop používá cookies, aby aplikace fungovala, abychom měřili návštěvnost a ukazovali vám reklamu na míru. Volbou „Přijmout a pokračovat“ s nimi souhlasíte.',
      subtitle: 'Vyberte, které cookies povolíte',
      delay: 0,
      expires: 180,
      cookieName: 'kinoskop_cookies',
      acceptBeforeAdvanced: false,
      acceptBtnLabel: 'Přijmout a pokračovat',
      advancedBtnLabel: 'Upravit předvolby',
      cookieTypes: [
        {type: 'Nezbytné', value: 'essential', description: 'Přihlášení a nákup vstupenek.', checked: true},
        {type: 'Statistika návštěvnosti', value: 'statistika', description: 'Měříme, které filmy a obrazovky lidé navštěvují.', checked: true},
        {type: 'Reklama na míru', value: 'reklama', description: 'Nabídky partnerů podle toho, na co chodíte do kina.', checked: true}
      ]
    });
  }
  /* launch: the promo splash, then the consent */
  var zbyva = 3, hotovo = false;
  var odpocet = setInterval(function () {
    zbyva -= 1;
    if (zbyva <= 0) konecUvodu(); else document.getElementById('preskocit').textContent = 'Přeskočit (' + zbyva + ')';
  }, 1000);
  function konecUvodu() {
    if (hotovo) return;
    hotovo = true;
    clearInterval(odpocet);
    document.getElementById('uvodni').remove();
    souhlas();
  }
  document.getElementById('preskocit').addEventListener('click', konecUvodu);

  /* a stored session the server no longer knows is dropped */
  if (token()) api('me').then(function (r) { if (r.status === 401) odhlasitMistne(); });

  ukaz('program');
}());
