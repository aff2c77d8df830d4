/* Bėgimas: screens rendered into <main id=view>, a history stack for ‹, a tab bar; accounts through api/.
   Geolocation: «Pradėti bėgimą» → the app's own soft ask (Ne dabar / Leisti); only «Leisti» calls
   getCurrentPosition; refused (either), the run is saved from a typed distance. Microphone: switching «Balso
   treneris» on calls getUserMedia({audio}); refused, the switch stays off and a line says so. Deletion wizard
   1/3 (a −50 % offer: «Pasinaudoti nuolaida» keeps the account), 2/3 (a reason: div role=radio rows; «Toliau»
   refuses until one is chosen), 3/3 («Atšaukti» / «Ištrinti visam laikui», equal) under a fixed bottom bar. */
(function () {
  'use strict';
  var P = 'begimas:';
  var view = document.getElementById('view'), title = document.getElementById('title'), back = document.getElementById('back');
  var stack = [], current = 'run';
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var headers = {'Content-Type': 'application/json'};
    if (token()) headers.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: headers, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (b) { return {status: r.status, body: b}; }); });
  }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }
  function toast(t) { var d = document.createElement('div'); d.className = 'toast'; d.setAttribute('role', 'status'); d.textContent = t; document.body.appendChild(d); setTimeout(function () { d.remove(); }, 2600); }
  function runs() { try { return JSON.parse(localStorage.getItem(P + 'begimai') || '[]'); } catch (e) { return []; } }
  function setting(k) { return localStorage.getItem(P + k) === 'on'; }
  function sw(key, label) {
    return '<div class="set"><span id="l-' + key + '">' + label + '</span><button type="button" role="switch" aria-labelledby="l-' + key +
      '" aria-checked="' + setting(key) + '" data-switch="' + key + '"><i></i></button></div>';
  }
  var REASONS = ['Nebebėgioju', 'Naudoju kitą programėlę', 'Per brangu', 'Kita'];
  var SCREENS = {
    run: function () { return ['Bėgimas', '<div class="hero"><p class="km">' + runs().reduce(function (a, r) { return a + r; }, 0).toFixed(1) + ' km</p><p>nubėgta iš viso</p></div>' +
      '<button type="button" class="cta" id="start">Pradėti bėgimą</button>']; },
    history: function () { var r = runs(); return ['Istorija', r.length ? '<ul class="list">' + r.map(function (k, i) { return '<li>Bėgimas ' + (i + 1) + ' — ' + k.toFixed(2) + ' km</li>'; }).join('') + '</ul>' : '<p>Dar nėra bėgimų.</p>']; },
    manual: function () { return ['Naujas bėgimas', '<p>Vieta nenaudojama — įveskite nubėgtą atstumą.</p><label class="lbl" for="km">Atstumas (km)</label><input id="km" inputmode="decimal" placeholder="pvz. 5,2"><p class="err" id="err"></p><button type="button" class="cta" id="save">Išsaugoti bėgimą</button>']; },
    tracking: function () { return ['Bėgimas vyksta', '<div class="hero"><p class="km" id="gps">0.00 km</p><p>GPS seka jūsų maršrutą</p></div><button type="button" class="cta" id="stop">Baigti</button>']; },
    profile: function () {
      return token() ? ['Profilis', '<p class="who">' + esc(localStorage.getItem(P + 'user') || '') + '</p><ul class="rows"><li><a href="#" data-to="settings">Nustatymai</a></li><li><a href="#" data-to="goals">Tikslai</a></li></ul>']
        : ['Profilis', '<p>Prisijunkite, kad bėgimai būtų saugomi debesyje.</p><button type="button" class="cta" data-to="login">Prisijungti</button><button type="button" class="cta alt" data-to="signup">Registruotis</button>'];
    },
    goals: function () { return ['Tikslai', '<p>Savaitės tikslas: 20 km.</p>']; },
    settings: function () {
      return ['Nustatymai', sw('treneris', 'Balso treneris') + '<p class="hint" id="mic"></p>' + sw('pauze', 'Automatinė pauzė') + sw('signalai', 'Signalas kas kilometrą') +
        '<ul class="rows"><li><a href="#" data-to="atsijungti">Atsijungti</a></li><li><a href="#" data-to="w1" class="red">Ištrinti paskyrą</a></li></ul>'];
    },
    w1: function () { return ['Paskyros ištrynimas', '<p class="steps">1/3</p><div class="offer"><h2>Palaukite! −50 %</h2><p>Likite su mumis: metinė „Bėgimas Plius“ prenumerata perpus pigiau — 14,99 € vietoj 29,99 €.</p>' +
      '<button type="button" class="cta alt" id="keep">Pasinaudoti nuolaida</button></div>' + barHtml('Toliau')]; },
    w2: function () { return ['Paskyros ištrynimas', '<p class="steps">2/3</p><p>Kodėl norite ištrinti paskyrą?</p><div role="radiogroup" aria-label="Priežastis">' +
      REASONS.map(function (r) { return '<div class="radio" role="radio" aria-checked="false" tabindex="0">' + r + '</div>'; }).join('') + '</div><p class="err" id="err"></p>' + barHtml('Toliau')]; },
    w3: function () { return ['Paskyros ištrynimas', '<p class="steps">3/3</p><p>Paskyra, visi bėgimai ir tikslai bus ištrinti visam laikui. Šio veiksmo atšaukti negalėsite.</p><p class="err" id="err"></p>' +
      '<div class="bottom two"><button type="button" class="barbtn" id="cancel">Atšaukti</button><button type="button" class="barbtn" id="next">Ištrinti visam laikui</button></div>']; },
    deleted: function () { return ['Paskyra ištrinta', '<div class="done"><h2>Paskyra ištrinta</h2><p>Jūsų duomenys pašalinti. Ačiū, kad bėgote su mumis.</p></div>']; },
    login: function () { return ['Prisijungimas', form('Prisijungti')]; },
    signup: function () { return ['Registracija', form('Sukurti paskyrą')]; },
    privatumas: function () { return ['Privatumo politika', '<p>Renkame el. pašto adresą ir jūsų įvestus bėgimus. Vietą naudojame tik bėgimo metu, jums leidus.</p>']; }
  };
  function barHtml(label) { return '<div class="bottom"><button type="button" class="barbtn" id="next">' + label + '</button></div>'; }
  function form(submit) {
    return '<label class="lbl" for="mail">El. paštas</label><input id="mail" type="email" autocomplete="username"><label class="lbl" for="pass">Slaptažodis</label>' +
      '<input id="pass" type="password" autocomplete="current-password"><p class="err" id="err"></p><button type="button" class="cta" id="send">' + submit + '</button>';
  }
  function show(name, mode) {
    if (name === 'atsijungti') { api('logout'); localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); name = 'profile'; mode = 'root'; }
    if (mode === 'push') stack.push(current); else if (mode === 'root') stack = [];
    current = name;
    var s = SCREENS[name]();
    title.textContent = s[0]; back.hidden = !stack.length || name === 'deleted';
    view.innerHTML = s[1];
    document.querySelectorAll('#tabs button').forEach(function (t) { t.classList.toggle('now', t.dataset.tab === name); });
    wire(name);
  }
  back.addEventListener('click', function () { if (stack.length) show(stack.pop(), 'back'); });
  document.querySelectorAll('#tabs button').forEach(function (t) { t.addEventListener('click', function () { show(t.dataset.tab, 'root'); }); });
  window.addEventListener('hashchange', function () { if (location.hash === '#privatumas') show('privatumas', 'push'); });
  function $(s) { return view.querySelector(s); }
  function saveRun(km) { var r = runs(); r.push(km); localStorage.setItem(P + 'begimai', JSON.stringify(r)); }

  function softAsk() {
    var d = document.createElement('div'); d.className = 'veil';
    d.innerHTML = '<div class="ask" role="dialog" aria-modal="true" aria-labelledby="ask-t"><h2 id="ask-t">Leisti naudoti vietą?</h2>' +
      '<p>Vieta reikalinga, kad Bėgimas matuotų atstumą ir nubrėžtų maršrutą. Galite atstumą įvesti ir patys.</p>' +
      '<div class="two"><button type="button" class="ghost" id="ask-no">Ne dabar</button><button type="button" class="cta" id="ask-yes">Leisti</button></div></div>';
    document.body.appendChild(d);
    d.querySelector('#ask-no').addEventListener('click', function () { d.remove(); show('manual', 'push'); });
    d.querySelector('#ask-yes').addEventListener('click', function () {
      d.remove();
      navigator.geolocation.getCurrentPosition(function () { show('tracking', 'push'); }, function () { show('manual', 'push'); }, {timeout: 8000});
    });
  }

  function wire(name) {
    view.querySelectorAll('[data-to]').forEach(function (e) { e.addEventListener('click', function (ev) { ev.preventDefault(); show(e.dataset.to, 'push'); }); });
    if (name === 'run') $('#start').addEventListener('click', softAsk);
    if (name === 'manual') $('#save').addEventListener('click', function () {
      var km = parseFloat(($('#km').value || '').replace(',', '.'));
      if (!(km > 0)) { $('#err').textContent = 'Įveskite atstumą kilometrais.'; return; }
      saveRun(km); toast('Bėgimas išsaugotas'); show('history', 'root');
    });
    if (name === 'tracking') $('#stop').addEventListener('click', function () { saveRun(3.2); toast('Bėgimas išsaugotas'); show('history', 'root'); });
    if (name === 'settings') view.querySelectorAll('.set span').forEach(function (t) { t.addEventListener('click', function () { t.nextElementSibling.click(); }); });
    if (name === 'settings') view.querySelectorAll('[role=switch]').forEach(function (b) {
      b.addEventListener('click', function () {
        var key = b.dataset.switch, on = b.getAttribute('aria-checked') !== 'true';
        var set = function (v) { b.setAttribute('aria-checked', String(v)); localStorage.setItem(P + key, v ? 'on' : 'off'); };
        if (key === 'treneris' && on) {
          $('#mic').textContent = '';
          navigator.mediaDevices.getUserMedia({audio: true}).then(function (s) { s.getTracks().forEach(function (t) { t.stop(); }); set(true); })
            .catch(function () { set(false); $('#mic').textContent = 'Be mikrofono balso treneris neveiks. Leiskite mikrofoną naršyklės nustatymuose.'; });
        } else set(on);
      });
    });
    if (name === 'login' || name === 'signup') $('#send').addEventListener('click', function () {
      var username = $('#mail').value.trim(), password = $('#pass').value;
      if (!username || !password) { $('#err').textContent = 'Įveskite el. paštą ir slaptažodį.'; return; }
      api(name, {username: username, password: password}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', username); show('profile', 'root'); }
        else $('#err').textContent = name === 'signup' ? 'Nepavyko užsiregistruoti (slaptažodis — bent 6 simboliai).' : 'Neteisingas el. paštas arba slaptažodis.';
      });
    });
    if (name === 'w1') {
      $('#keep').addEventListener('click', function () { toast('Nuolaida pritaikyta — ačiū, kad liekate!'); show('profile', 'root'); });
      $('#next').addEventListener('click', function () { show('w2', 'push'); });
    }
    if (name === 'w2') {
      var reason = '';
      view.querySelectorAll('[role=radio]').forEach(function (r) { r.addEventListener('click', function () {
        view.querySelectorAll('[role=radio]').forEach(function (o) { o.setAttribute('aria-checked', 'false'); });
        r.setAttribute('aria-checked', 'true'); reason = r.textContent; $('#err').textContent = '';
      }); });
      $('#next').addEventListener('click', function () {
        if (!reason) { $('#err').textContent = 'Pasirinkite priežastį.'; return; }
        sessionStorage.setItem(P + 'priezastis', reason); show('w3', 'push');
      });
    }
    if (name === 'w3') {
      $('#cancel').addEventListener('click', function () { show('profile', 'root'); });
      $('#next').addEventListener('click', function () {
        api('delete', {reason: sessionStorage.getItem(P + 'priezastis') || ''}).then(function (r) {
          if (r.status === 200) { localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); show('deleted', 'root'); }
          else $('#err').textContent = 'Nepavyko ištrinti paskyros. Bandykite dar kartą.';
        });
      });
    }
  }
  show('run', 'root');
})();
