/* சுடர் (Sudar): a Tamil recipe app. Routes are location hashes; state in localStorage under "sudar:".
   Consent banner at the top, in the flow: ஏற்கிறேன் stores accepted (+ an analytics id), மறுக்கிறேன் stores
   rejected (nothing else), × hides it for this launch only (nothing stored: back at the next launch).
   Camera only on "scan a recipe card": the app's own sheet first (தொடர்க asks the browser, இப்போது வேண்டாம்
   closes it); refused, the scanner screen keeps a grey notice and the typed card code still works. */
(function () {
  'use strict';
  var KEY = 'sudar:';
  var main = document.querySelector('main');
  var back = document.querySelector('header a.back');
  var title = document.querySelector('header h1');
  var banner = document.getElementById('banner');
  var sheet = document.getElementById('sheet');
  var stream = null;
  var RECIPES = [
    ['1', 'வெண் பொங்கல்', 'பச்சரிசி, பாசிப்பருப்பு, மிளகு, சீரகம், நெய். 25 நிமிடம்.'],
    ['2', 'தக்காளி ரசம்', 'தக்காளி, புளி, ரசப்பொடி, கொத்தமல்லி. 20 நிமிடம்.'],
    ['3', 'காய்கறி குருமா', 'கேரட், பீன்ஸ், உருளைக்கிழங்கு, தேங்காய் விழுது. 35 நிமிடம்.'],
    ['4', 'ரவா கேசரி', 'ரவை, சர்க்கரை, நெய், முந்திரி, ஏலக்காய். 15 நிமிடம்.']
  ];
  var CODES = {'SD101': '1', 'SD102': '2', 'SD103': '3', 'SD104': '4'};

  function token() { return localStorage.getItem(KEY + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function html(s) { main.innerHTML = s; }
  function list(items) {
    return '<ul class="list">' + items.map(function (i) {
      return '<li><a href="' + i[1] + '"' + (i[2] ? ' target="_blank" rel="opener"' : '') + '>' + i[0] + '</a></li>';
    }).join('') + '</ul>';
  }
  function stopCamera() { if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; } }

  var routes = {
    '': function () {
      html('<button type="button" class="primary" id="scan">சமையல் அட்டையை ஸ்கேன் செய்</button>' +
           RECIPES.map(function (r) { return '<article><h2><a href="#/recipe/' + r[0] + '">' + r[1] + '</a></h2><p>' + r[2] + '</p></article>'; }).join(''));
      document.getElementById('scan').addEventListener('click', function () { sheet.hidden = false; });
      return 'சமையல் குறிப்புகள்';
    },
    'scan': function () {
      html('<div id="camera"></div><form id="code"><label for="card">அட்டைக் குறியீடு</label>' +
           '<input id="card" autocomplete="off" placeholder="எ.கா. SD101"><button class="primary" type="submit">தேடு</button>' +
           '<p class="msg"></p></form>');
      var cam = document.getElementById('camera');
      var state = navigator.permissions ? navigator.permissions.query({name: 'camera'}).then(function (p) { return p.state; }, function () { return 'unknown'; })
        : Promise.resolve('unknown');
      state.then(function (st) {
        if (st !== 'granted' || !navigator.mediaDevices) { refused(); return; }
        navigator.mediaDevices.getUserMedia({video: true}).then(function (s) {
          stream = s;
          cam.innerHTML = '<video autoplay muted playsinline></video><p>அட்டையைக் கேமராவின் முன் பிடிக்கவும்.</p>';
          cam.querySelector('video').srcObject = s;
        }, refused);
      });
      function refused() {
        cam.innerHTML = '<p class="notice">கேமரா அனுமதி இல்லை. அட்டையின் கீழே உள்ள குறியீட்டைத் தட்டச்சு செய்தும் குறிப்பைத் திறக்கலாம்.</p>';
      }
      main.querySelector('form').addEventListener('submit', function (ev) {
        ev.preventDefault();
        var id = CODES[document.getElementById('card').value.trim().toUpperCase()];
        if (id) { location.hash = '#/recipe/' + id; return; }
        main.querySelector('.msg').textContent = 'இந்தக் குறியீடு கிடைக்கவில்லை.';
      });
      return 'அட்டை ஸ்கேன்';
    },
    'settings': function () {
      var items = [['மொழி', '#/language'], ['அறிவிப்புகள்', '#/notifications'], ['தனியுரிமை மையம்', 'privacy.html', true], ['உதவி', '#/help']];
      if (token()) items.push(['வெளியேறு', '#/logout']);
      html(list(items));
      return 'அமைப்புகள்';
    },
    'account': function () {
      if (!token()) { html(list([['உள்நுழை', '#/login'], ['பதிவு செய்', '#/signup']])); return 'கணக்கு'; }
      html('<p>' + localStorage.getItem(KEY + 'user') + '</p>' + list([['சேமித்த குறிப்புகள்', '#/saved'], ['அமைப்புகள்', '#/settings']]));
      return 'கணக்கு';
    },
    'login': function () { return form('login', 'உள்நுழை'); },
    'signup': function () { return form('signup', 'கணக்கை உருவாக்கு'); },
    'logout': function () { api('logout'); localStorage.removeItem(KEY + 'token'); location.hash = '#/account'; return 'கணக்கு'; }
  };
  var texts = {language: ['மொழி', 'தமிழ்'], notifications: ['அறிவிப்புகள்', 'புதிய குறிப்புகள் பற்றிய அறிவிப்புகள் விரைவில்.'],
    help: ['உதவி', 'உதவிக்கு help@sudar.example என்ற முகவரிக்கு எழுதவும்.'], saved: ['சேமித்த குறிப்புகள்', 'இன்னும் எதுவும் சேமிக்கப்படவில்லை.']};

  function form(action, label) {
    html('<form><label for="email">மின்னஞ்சல்</label><input id="email" type="email" autocomplete="username">' +
         '<label for="password">கடவுச்சொல்</label><input id="password" type="password" autocomplete="current-password">' +
         '<button class="primary" type="submit">' + label + '</button><p class="msg"></p></form>');
    var msg = main.querySelector('.msg');
    main.querySelector('form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var u = document.getElementById('email').value.trim(), p = document.getElementById('password').value;
      if (!u || !p) { msg.textContent = 'மின்னஞ்சலும் கடவுச்சொல்லும் தேவை.'; return; }
      api(action, {username: u, password: p}).then(function (r) {
        if (r.body.token) { localStorage.setItem(KEY + 'token', r.body.token); localStorage.setItem(KEY + 'user', u); location.hash = '#/account'; return; }
        msg.textContent = {401: 'மின்னஞ்சல் அல்லது கடவுச்சொல் தவறு.', 409: 'இந்த மின்னஞ்சலுக்கு ஏற்கெனவே கணக்கு உள்ளது.',
          400: 'கடவுச்சொல்லில் குறைந்தது 6 எழுத்துகள் வேண்டும்.'}[r.status] || 'மீண்டும் முயலவும்.';
      });
    });
    return label;
  }

  function show() {
    stopCamera();
    var name = location.hash.replace(/^#\/?/, '');
    var m = /^recipe\/(\d)$/.exec(name), route;
    if (m) {
      var r = RECIPES.filter(function (x) { return x[0] === m[1]; })[0] || RECIPES[0];
      route = function () { html('<article><p>' + r[2] + '</p><p>எல்லாப் பொருட்களையும் சேர்த்து மிதமான தீயில் சமைக்கவும்.</p></article>'); return r[1]; };
    } else {
      route = routes[name] || (texts[name] && function () { html('<p>' + texts[name][1] + '</p>'); return texts[name][0]; }) || routes[''];
    }
    title.textContent = route();
    back.hidden = name === '';
    document.querySelectorAll('nav.tabs a').forEach(function (a) { a.classList.toggle('now', a.getAttribute('href') === '#/' + name); });
  }
  back.addEventListener('click', function (ev) { ev.preventDefault(); history.back(); });
  window.addEventListener('hashchange', show);

  document.getElementById('continue').addEventListener('click', function () {
    sheet.hidden = true;
    var ask = navigator.mediaDevices ? navigator.mediaDevices.getUserMedia({video: true}) : Promise.reject(new Error('none'));
    ask.then(function (s) { s.getTracks().forEach(function (t) { t.stop(); }); }, function () {})
      .then(function () { if (location.hash === '#/scan') show(); else location.hash = '#/scan'; });
  });
  document.getElementById('notnow').addEventListener('click', function () { sheet.hidden = true; });

  var consent = localStorage.getItem(KEY + 'consent');
  if (!consent) {
    banner.hidden = false;
    document.getElementById('accept').addEventListener('click', function (ev) {
      ev.preventDefault();
      localStorage.setItem(KEY + 'consent', JSON.stringify({choice: 'accepted', purposes: {analytics: true, personalisation: true}}));
      localStorage.setItem(KEY + 'analytics-id', String(Date.now()));
      banner.hidden = true;
    });
    document.getElementById('reject').addEventListener('click', function (ev) {
      ev.preventDefault();
      localStorage.setItem(KEY + 'consent', JSON.stringify({choice: 'rejected', purposes: {analytics: false, personalisation: false}}));
      banner.hidden = true;
    });
    banner.querySelector('.x').addEventListener('click', function () { banner.hidden = true; });
  }
  show();
}());
