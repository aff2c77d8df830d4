/* Mkoba: screens drawn into <main>; accounts through the corpus server's api/ (app.json: password re-entry, a
   reason required, 14 days pending). Consent by vue-cookie-accept-decline (localStorage
   "vue-cookie-accept-decline-mkoba": accept / decline / postpone); a stored "postpone" is removed at the next launch
   (what the library's removeCookie() does), so the box is back. Location + camera asked together at the first
   launch (no earlier answer stored); refused, the map takes a typed area and the QR payment a typed merchant number. */
(function () {
  'use strict';
  var P = 'mkoba:';
  var KEY = 'vue-cookie-accept-decline-mkoba';
  if (localStorage.getItem(KEY) === 'postpone') localStorage.removeItem(KEY);
  Vue.createApp({
    render: function () {
      return Vue.h(VueCookieAcceptDecline.default, {
        elementId: 'mkoba', type: 'floating', position: 'bottom', transitionName: 'slideFromBottom',
        disableDecline: false, showPostponeButton: true
      }, {
        message: function () { return 'Tunatumia vidakuzi kukuletea ofa bora na kupima matumizi. Ukikubali, utapata punguzo la kipekee kila wiki.'; },
        declineContent: function () { return 'Hapana, sitaki kuokoa pesa'; },
        acceptContent: function () { return 'Kubali na uendelee'; },
        postponeContent: function () { return '×'; }
      });
    }
  }).mount('#vidakuzi');

  var ukurasa = document.getElementById('ukurasa'), kichwa = document.getElementById('kichwa');
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function el(tag, cls, text, parent) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; (parent || ukurasa).appendChild(e); return e; }
  function kitufe(cls, text, fn, parent) { var b = el('button', cls, text, parent); b.type = 'button'; b.addEventListener('click', fn); return b; }
  function uga(lebo, tag, aina) {
    var l = el('label', 'uga', lebo); var i = document.createElement(tag); if (aina) i.type = aina; l.appendChild(i); return i;
  }
  function kadi(grid, jina, maelezo, kitendo, fn) {
    var a = el('article', '', '', grid); el('h2', '', jina, a); el('p', '', maelezo, a); kitufe('kitendo', kitendo, fn, a); return a;
  }

  var kurasa = {
    nyumbani: ['Mkoba', function () {
      el('p', '', 'Salio: TSh 0. Ongeza pesa au lipa kwa QR.');
      var g = el('div', 'gridi');
      kadi(g, 'Mawakala karibu', 'Tafuta wakala wa kutoa pesa.', 'Tafuta mawakala', function () { mawakala(); });
      kadi(g, 'Lipa kwa QR', 'Piga picha ya msimbo wa duka.', 'Changanua QR', function () { changanua(); });
      el('p', '', '', null).id = 'jibu';
    }],
    historia: ['Historia', function () { el('p', '', 'Hakuna miamala bado.'); }],
    wasifu: ['Wasifu', function () {
      if (!token()) { kitufe('safu', 'Ingia', function () { onyesha('ingia'); }); kitufe('safu', 'Jisajili', function () { onyesha('jisajili'); }); return; }
      el('p', '', 'Umeingia kama ' + localStorage.getItem(P + 'user'));
      kitufe('safu', 'Usalama', function () { onyesha('usalama'); });
      kitufe('safu', 'Toka', function () { api('logout'); localStorage.removeItem(P + 'token'); onyesha('wasifu'); });
    }],
    usalama: ['Usalama', function () {
      kitufe('safu', 'Badilisha PIN', function () {});
      kitufe('safu', 'Vifaa vilivyounganishwa', function () {});
      kitufe('safu', 'Funga akaunti', function () { onyesha('funga'); });
    }],
    funga: ['Funga akaunti', function () {
      el('p', '', 'Akaunti yako itafungwa na kufutwa baada ya siku 14.');
      var s = uga('Kwa nini unaondoka?', 'textarea');
      var p = uga('Nenosiri', 'input', 'password');
      var k = el('p', 'kosa', '');
      kitufe('kitendo', 'Funga akaunti yangu', function () {
        if (!s.value.trim()) { k.textContent = 'Tafadhali tuambie sababu.'; return; }
        if (!p.value) { k.textContent = 'Weka nenosiri lako.'; return; }
        api('delete', {password: p.value, reason: s.value.trim()}).then(function (r) {
          if (r.status === 400 && r.body.error === 'password') { k.textContent = 'Nenosiri si sahihi.'; return; }
          if (r.status !== 200) { k.textContent = 'Hitilafu. Jaribu tena.'; return; }
          localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); onyesha('imefungwa');
        });
      });
    }],
    imefungwa: ['Akaunti imefungwa', function () { el('p', '', 'Akaunti yako imefungwa na itafutwa kabisa baada ya siku 14.'); }],
    ingia: ['Ingia', function () { fomu('login', 'Ingia'); }],
    jisajili: ['Jisajili', function () { fomu('signup', 'Fungua akaunti'); }]
  };
  function fomu(action, lebo) {
    var u = uga('Barua pepe', 'input', 'email'), p = uga('Nenosiri', 'input', 'password');
    var k = el('p', 'kosa', '');
    kitufe('kitendo', lebo, function () {
      if (!u.value.trim() || !p.value) { k.textContent = 'Jaza barua pepe na nenosiri.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); onyesha('wasifu'); return; }
        if (r.body.status === 'pending') { k.textContent = 'Akaunti hii inasubiri kufutwa (siku ' + r.body.days + ').'; return; }
        k.textContent = {401: 'Barua pepe au nenosiri si sahihi.', 409: 'Barua pepe hii tayari imesajiliwa.', 400: 'Nenosiri liwe na herufi 6 au zaidi.'}[r.status] || 'Jaribu tena.';
      });
    });
  }
  function onyesha(jina) { var s = kurasa[jina]; ukurasa.textContent = ''; kichwa.textContent = s[0]; s[1](); }
  document.querySelectorAll('[data-ukurasa]').forEach(function (b) { b.addEventListener('click', function () { onyesha(b.dataset.ukurasa); }); });

  function jibu(text) { var j = document.getElementById('jibu'); if (j) j.textContent = text; }
  function mawakala() {
    navigator.geolocation.getCurrentPosition(function () { jibu('Wakala wa karibu: Duka la Mama Neema, mita 300.'); },
      function () { jibu('Eneo lako halijashirikiwa. Andika jina la mtaa wako:'); var i = el('input'); i.type = 'text'; i.placeholder = 'Mtaa'; },
      {timeout: 8000});
  }
  function changanua() {
    navigator.mediaDevices.getUserMedia({video: true}).then(function (s) { s.getTracks().forEach(function (t) { t.stop(); }); jibu('Kamera iko tayari: elekeza kwenye msimbo wa QR.'); },
      function () { jibu('Kamera haipatikani. Andika nambari ya mfanyabiashara:'); var i = el('input'); i.type = 'text'; i.placeholder = 'Nambari ya mfanyabiashara'; });
  }
  onyesha('nyumbani');
  // both permissions demanded together at the first launch, before anything is used
  if (!localStorage.getItem(P + 'ruhusa-imeulizwa')) {
    localStorage.setItem(P + 'ruhusa-imeulizwa', '1');
    navigator.geolocation.getCurrentPosition(function () {}, function () {}, {timeout: 8000});
    navigator.mediaDevices.getUserMedia({video: true}).then(function (s) { s.getTracks().forEach(function (t) { t.stop(); }); }, function () {});
  }
}());
