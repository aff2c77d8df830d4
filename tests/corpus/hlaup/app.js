/* Hlaup: an Icelandic running app. Routes are location hashes; state in localStorage under "hlaup:".
   First launch: the app's own rationale screen (Halda áfram), then navigator.geolocation asks; never again by
   itself. Refused (the Permissions API says denied), «Hefja hlaup» is disabled with a message; Saga, Prófíll and
   the rest work. Consent: cookies-eu-banner (global CookiesEuBanner), answer in localStorage "hlaup:samthykki";
   accepting also stores an analytics id, refusing stores nothing else. */
(function () {
  'use strict';
  var KEY = 'hlaup:';
  var main = document.querySelector('main');
  var back = document.querySelector('header a.back');
  var title = document.querySelector('header h1');
  var intro = document.getElementById('intro');
  var SECTIONS = [['almennt', 'Almennt'], ['tilkynningar', 'Tilkynningar'], ['personuvernd', 'Persónuvernd'],
                  ['einingar', 'Einingar'], ['taeki', 'Tengd tæki'], ['reikningur', 'Reikningur']];

  function token() { return localStorage.getItem(KEY + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function html(s) { main.innerHTML = s; }
  function list(items) {
    return '<ul class="list">' + items.map(function (i) { return '<li><a href="' + i[1] + '">' + i[0] + '</a></li>'; }).join('') + '</ul>';
  }
  function runs() { return JSON.parse(localStorage.getItem(KEY + 'hlaup') || '[]'); }
  function geoState() {
    if (!navigator.permissions) return Promise.resolve(localStorage.getItem(KEY + 'stadsetning') || 'prompt');
    return navigator.permissions.query({name: 'geolocation'}).then(function (p) { return p.state; },
      function () { return localStorage.getItem(KEY + 'stadsetning') || 'prompt'; });
  }

  var routes = {
    '': function () {
      var r = runs(), km = r.reduce(function (a, x) { return a + x.km; }, 0);
      html('<div class="card"><b>Þessi vika</b><p>' + r.length + ' hlaup · ' + km.toFixed(1).replace('.', ',') + ' km</p></div>' +
           '<button type="button" class="primary" id="start">Hefja hlaup</button><p class="msg" id="geo-msg"></p><div id="live"></div>');
      var start = document.getElementById('start'), msg = document.getElementById('geo-msg');
      geoState().then(function (st) {
        if (st === 'denied') {
          start.disabled = true;
          msg.textContent = 'Staðsetning er ekki leyfð. Leyfðu staðsetningu í stillingum vafrans til að hefja hlaup.';
        }
      });
      start.addEventListener('click', function () {
        navigator.geolocation.getCurrentPosition(function (pos) {
          start.hidden = true;
          var live = document.getElementById('live');
          live.innerHTML = '<div class="card"><b>Hlaup í gangi</b><p>Upphafsstaður: ' + pos.coords.latitude.toFixed(4) + ', ' +
            pos.coords.longitude.toFixed(4) + '</p></div><button type="button" class="primary" id="stop">Ljúka hlaupi</button>';
          document.getElementById('stop').addEventListener('click', function () {
            var all = runs(); all.push({km: 5.2, when: new Date().toISOString().slice(0, 10)});
            localStorage.setItem(KEY + 'hlaup', JSON.stringify(all));
            location.hash = '#/saga';
          });
        }, function () {
          localStorage.setItem(KEY + 'stadsetning', 'denied');
          start.disabled = true;
          msg.textContent = 'Staðsetning er ekki leyfð. Leyfðu staðsetningu í stillingum vafrans til að hefja hlaup.';
        });
      });
      return 'Hlaup';
    },
    'saga': function () {
      var r = runs();
      html(r.length ? r.map(function (x) { return '<div class="card">' + x.when + ' · ' + String(x.km).replace('.', ',') + ' km</div>'; }).join('')
                    : '<p>Engin hlaup enn. Farðu út og hlauptu!</p><div class="card">Vikumarkmið: 15 km</div>');
      return 'Saga';
    },
    'profill': function () {
      if (!token()) { html(list([['Innskráning', '#/innskraning'], ['Nýskráning', '#/nyskraning'], ['Stillingar', '#/stillingar']])); return 'Prófíll'; }
      html('<div class="card"><b>' + localStorage.getItem(KEY + 'user') + '</b><p>' + runs().length + ' hlaup skráð</p></div>' +
           list([['Markmið', '#/markmid'], ['Stillingar', '#/stillingar'], ['Skrá út', '#/utskra']]));
      return 'Prófíll';
    },
    'stillingar': function () {
      html('<div class="strip scrollbox" role="tablist" aria-label="Stillingar">' + SECTIONS.map(function (s, i) {
        return '<button type="button" role="tab" aria-selected="' + (i === 0) + '" data-s="' + s[0] + '">' + s[1] + '</button>';
      }).join('') + '</div><div id="panel" role="tabpanel"></div>');
      var panel = document.getElementById('panel');
      function pick(id) {
        main.querySelectorAll('.strip button').forEach(function (b) { b.setAttribute('aria-selected', String(b.dataset.s === id)); });
        panel.innerHTML = {
          almennt: '<div class="card">Tungumál: íslenska</div><div class="card">Þema: ljóst</div>',
          tilkynningar: '<div class="card">Áminningar um hlaup eru óvirkar.</div>',
          personuvernd: '<div class="card">Hver sér hlaupin mín: aðeins ég</div>',
          einingar: '<div class="card">Vegalengd: kílómetrar</div><div class="card">Hraði: mín/km</div>',
          taeki: '<div class="card">Engin tengd tæki.</div>',
          reikningur: token() ? '<div class="card">Netfang: ' + localStorage.getItem(KEY + 'user') + '</div>' +
            '<ul class="list"><li><a href="#/lykilord">Breyta lykilorði</a></li><li><button type="button" class="danger" id="delete">Eyða reikningi</button></li></ul>'
            : '<div class="card">Þú ert ekki skráð(ur) inn.</div>'
        }[id];
        var d = document.getElementById('delete');
        if (d) d.addEventListener('click', function () { location.hash = '#/eyda'; });
      }
      main.querySelectorAll('.strip button').forEach(function (b) { b.addEventListener('click', function () { pick(b.dataset.s); }); });
      pick('almennt');
      return 'Stillingar';
    },
    'eyda': function () {
      if (!token()) { location.hash = '#/profill'; return 'Prófíll'; }
      html('<form><p>Reikningnum þínum og öllum skráðum hlaupum verður eytt eftir 7 daga. Ef þú skráir þig inn áður er hætt við eyðinguna.</p>' +
           '<label class="check"><input type="checkbox" id="skil" required> Ég skil</label>' +
           '<button class="primary" type="submit" id="confirm" disabled>Staðfesta eyðingu (5)</button><p class="msg"></p></form>');
      var btn = document.getElementById('confirm'), left = 5;
      var timer = setInterval(function () {
        left -= 1;
        if (!document.body.contains(btn)) { clearInterval(timer); return; }
        if (left > 0) { btn.textContent = 'Staðfesta eyðingu (' + left + ')'; return; }
        clearInterval(timer); btn.textContent = 'Staðfesta eyðingu'; btn.disabled = false;
      }, 1000);
      main.querySelector('form').addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (!document.getElementById('skil').checked) { main.querySelector('.msg').textContent = 'Hakaðu við «Ég skil» til að halda áfram.'; return; }
        api('delete', {}).then(function (r) {
          if (r.status !== 200) { main.querySelector('.msg').textContent = 'Ekki tókst að eyða reikningnum.'; return; }
          localStorage.removeItem(KEY + 'token'); localStorage.removeItem(KEY + 'user');
          location.hash = '#/eytt';
        });
      });
      return 'Eyða reikningi';
    },
    'eytt': function () { html('<p>Reikningnum þínum verður eytt eftir 7 daga.</p><a class="primary" href="#/">Aftur heim</a>'); return 'Reikningi eytt'; },
    'innskraning': function () { return form('login', 'Innskráning', 'Skrá inn'); },
    'nyskraning': function () { return form('signup', 'Nýskráning', 'Stofna aðgang'); },
    'utskra': function () { api('logout'); localStorage.removeItem(KEY + 'token'); location.hash = '#/profill'; return 'Prófíll'; }
  };
  var texts = {markmid: ['Markmið', 'Vikumarkmið: 15 km.'], lykilord: ['Breyta lykilorði', 'Kemur fljótlega.']};

  function form(action, name, label) {
    html('<form><label for="netfang">Netfang</label><input id="netfang" type="email" autocomplete="username">' +
         '<label for="lykilord">Lykilorð</label><input id="lykilord" type="password" autocomplete="current-password">' +
         '<button class="primary" type="submit">' + label + '</button><p class="msg"></p></form>');
    var msg = main.querySelector('.msg');
    main.querySelector('form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var u = document.getElementById('netfang').value.trim(), p = document.getElementById('lykilord').value;
      if (!u || !p) { msg.textContent = 'Sláðu inn netfang og lykilorð.'; return; }
      api(action, {username: u, password: p}).then(function (r) {
        if (r.body.token) { localStorage.setItem(KEY + 'token', r.body.token); localStorage.setItem(KEY + 'user', u); location.hash = '#/profill'; return; }
        if (r.body.status === 'pending') { msg.textContent = 'Reikningnum verður eytt innan ' + r.body.days + ' daga.'; return; }
        msg.textContent = {401: 'Rangt netfang eða lykilorð.', 409: 'Þetta netfang er þegar skráð.',
          400: 'Lykilorðið þarf að vera minnst 6 stafir.'}[r.status] || 'Reyndu aftur.';
      });
    });
    return name;
  }

  function show() {
    var name = location.hash.replace(/^#\/?/, '');
    var route = routes[name] || (texts[name] && function () { html('<p>' + texts[name][1] + '</p>'); return texts[name][0]; }) || routes[''];
    title.textContent = route();
    back.hidden = name === '';
    document.querySelectorAll('nav.tabs a').forEach(function (a) { a.classList.toggle('now', a.getAttribute('href') === '#/' + name); });
  }
  back.addEventListener('click', function (ev) { ev.preventDefault(); history.back(); });
  window.addEventListener('hashchange', show);
  show();

  if (!localStorage.getItem(KEY + 'kynnt')) {
    intro.hidden = false;
    document.getElementById('intro-go').addEventListener('click', function () {
      localStorage.setItem(KEY + 'kynnt', '1');
      function done() { intro.hidden = true; show(); }
      navigator.geolocation.getCurrentPosition(function () { localStorage.setItem(KEY + 'stadsetning', 'granted'); done(); },
        function () { localStorage.setItem(KEY + 'stadsetning', 'denied'); done(); });
    });
  }

  window.CookiesEuBanner.createCookiesBanner({
    useLocalStorage: true,
    consentCookieName: KEY + 'samthykki',
    onAccept: function () {
      if (!localStorage.getItem(KEY + 'greining')) localStorage.setItem(KEY + 'greining', String(Date.now()));
    },
    onReject: function () {}
  });
}());
