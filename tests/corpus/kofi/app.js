/* Kofi Haraka: screens drawn into <main>; accounts through the corpus server's api/.
   Launch: getCurrentPosition at every launch; refused (PERMISSION_DENIED) the wall #ukuta with only «Washa eneo»
   covers everything (its button asks again). Another error (no fix) is no refusal: the home lists every café.
   The cookie sheet (#laha, plain divs) slides up 1.5 s after load unless «Kubali» was stored; «Kataa» is stored
   (kofi:idhini=kataa) and changes nothing at the next launch. */
(function () {
  'use strict';
  var P = 'kofi:';
  var skrini = document.getElementById('skrini');
  var kichwa = document.getElementById('kichwa');
  var ukuta = document.getElementById('ukuta');
  var eneo = 'subiri';      // subiri (asking) | ndiyo (a position) | hakuna (no fix)

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
  function safu(text, fn) {
    var b = el('button', 'safu', text); b.type = 'button'; b.addEventListener('click', fn); skrini.appendChild(b);
  }

  var MIKAHAWA = [['Java House Kariakoo', 'Dakika 15'], ['Kahawa Bora Mwenge', 'Dakika 20'],
                  ['Bahari Coffee Masaki', 'Dakika 25'], ['Mama Kahawa Sinza', 'Dakika 12']];
  var SKRINI = {
    nyumbani: ['Kofi Haraka', function () {
      if (eneo === 'subiri') { skrini.appendChild(el('p', 'dokezo', 'Inatafuta eneo lako… / Finding your location…')); return; }
      skrini.appendChild(el('h2', '', eneo === 'ndiyo' ? 'Mikahawa karibu nawe' : 'Mikahawa yote'));
      MIKAHAWA.forEach(function (m) {
        var d = el('div', 'mkahawa', m[0]); d.appendChild(el('small', '', 'Inafika ndani ya ' + m[1])); skrini.appendChild(d);
      });
    }],
    oda: ['Oda', function () { skrini.appendChild(el('p', 'dokezo', 'Bado huna oda. / No orders yet.')); }],
    akaunti: ['Akaunti', function () {
      if (!token()) {
        safu('Ingia', function () { onyesha('ingia'); });
        safu('Jisajili', function () { onyesha('jisajili'); });
        return;
      }
      skrini.appendChild(el('p', '', 'Karibu, ' + localStorage.getItem(P + 'user')));
      safu('Anwani zangu', function () { onyesha('anwani'); });
      safu('Malipo (M-Pesa)', function () { onyesha('malipo'); });
      safu('Futa akaunti', function () { onyesha('futa'); });
      safu('Toka', function () { api('logout'); localStorage.removeItem(P + 'token'); onyesha('akaunti'); });
    }],
    anwani: ['Anwani zangu', function () { skrini.appendChild(el('p', 'dokezo', 'Hakuna anwani iliyohifadhiwa.')); }],
    malipo: ['Malipo', function () { skrini.appendChild(el('p', 'dokezo', 'Lipa kwa M-Pesa unapoagiza.')); }],
    futa: ['Futa akaunti', function () { fomuFuta(); }],
    imefutwa: ['Akaunti imefutwa', function () {
      skrini.appendChild(el('p', 'tayari', 'Akaunti yako imefutwa. Your account has been deleted.'));
    }],
    ingia: ['Ingia', function () { fomuAkaunti('login', 'Ingia'); }],
    jisajili: ['Jisajili', function () { fomuAkaunti('signup', 'Fungua akaunti'); }]
  };

  function fomuAkaunti(action, lebo) {
    var f = el('form');
    var lu = el('label', '', 'Barua pepe'); lu.htmlFor = action + '-barua'; f.appendChild(lu);
    var u = el('input'); u.id = action + '-barua'; u.type = 'email'; f.appendChild(u);
    var lp = el('label', '', 'Nenosiri'); lp.htmlFor = action + '-siri'; f.appendChild(lp);
    var p = el('input'); p.id = action + '-siri'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'kitufe', lebo); b.type = 'submit'; f.appendChild(b);
    var k = el('p', 'kosa'); f.appendChild(k);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { k.textContent = 'Jaza barua pepe na nenosiri.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); onyesha('akaunti'); return; }
        k.textContent = {401: 'Barua pepe au nenosiri si sahihi.', 409: 'Barua pepe hii tayari ina akaunti.',
                         400: 'Nenosiri liwe na herufi 6 au zaidi.'}[r.status] || 'Hitilafu, jaribu tena.';
      });
    });
    skrini.appendChild(f);
  }

  function fomuFuta() {
    skrini.appendChild(el('p', 'dokezo', 'Kufuta akaunti kunaondoa historia ya oda na anwani zako. / Deleting your account removes your order history and addresses.'));
    var f = el('form'); f.noValidate = true;
    var ls = el('label', '', 'Sababu ya kufuta (Reason)'); ls.htmlFor = 'sababu'; f.appendChild(ls);
    var s = el('select'); s.id = 'sababu'; s.required = true;
    [['', 'Chagua sababu'], ['sinywi', 'Sinywi kahawa tena'], ['bei', 'Bei ni ghali mno'],
     ['faragha', 'Nina wasiwasi kuhusu faragha'], ['nyingine', 'Sababu nyingine']].forEach(function (o) {
      var op = el('option', '', o[1]); op.value = o[0]; s.appendChild(op);
    });
    f.appendChild(s);
    var lw = el('label', '', 'Andika FUTA ili kuthibitisha'); lw.htmlFor = 'neno'; f.appendChild(lw);
    var w = el('input'); w.id = 'neno'; w.type = 'text'; w.autocomplete = 'off'; f.appendChild(w);
    var b = el('button', 'kitufe', 'Futa akaunti yangu'); b.type = 'submit'; f.appendChild(b);
    var k = el('p', 'kosa'); f.appendChild(k);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!s.value) { k.textContent = 'Tafadhali chagua sababu.'; return; }
      if (w.value.trim() !== 'FUTA') { k.textContent = 'Andika FUTA kwa herufi kubwa ili kuthibitisha.'; return; }
      api('delete', {reason: s.value}).then(function (r) {
        if (r.status !== 200) { k.textContent = 'Hitilafu, jaribu tena.'; return; }
        localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
        onyesha('imefutwa');
      });
    });
    skrini.appendChild(f);
  }

  function onyesha(jina) {
    var s = SKRINI[jina];
    skrini.textContent = ''; kichwa.textContent = s[0];
    document.querySelectorAll('[data-tab]').forEach(function (b) {
      if (b.dataset.tab === jina) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    s[1]();
  }
  document.querySelectorAll('[data-tab]').forEach(function (b) { b.addEventListener('click', function () { onyesha(b.dataset.tab); }); });

  // location: asked at every launch; a refusal puts the wall up (its one button asks again)
  function ulizaEneo() {
    if (!navigator.geolocation) { eneo = 'hakuna'; onyesha('nyumbani'); return; }
    navigator.geolocation.getCurrentPosition(function () {
      ukuta.hidden = true; eneo = 'ndiyo'; if (kichwa.textContent === 'Kofi Haraka') onyesha('nyumbani');
    }, function (err) {
      if (err && err.code === 1) { ukuta.hidden = false; return; }
      ukuta.hidden = true; eneo = 'hakuna'; if (kichwa.textContent === 'Kofi Haraka') onyesha('nyumbani');
    }, {timeout: 8000});
  }
  document.getElementById('washa').addEventListener('click', ulizaEneo);

  // the cookie sheet: plain divs, no roles; only Kubali is remembered
  var laha = document.getElementById('laha');
  function fichaLaha() { laha.classList.remove('juu'); }
  document.getElementById('kubali').addEventListener('click', function () {
    localStorage.setItem(P + 'idhini', 'kubali');
    localStorage.setItem(P + 'takwimu', 'k' + Date.now().toString(36));
    fichaLaha();
  });
  document.getElementById('kataa').addEventListener('click', function () {
    localStorage.setItem(P + 'idhini', 'kataa');
    fichaLaha();
  });
  if (localStorage.getItem(P + 'idhini') !== 'kubali') {
    setTimeout(function () { laha.classList.add('juu'); }, 1500);
  }

  onyesha('nyumbani');
  ulizaEneo();
}());
