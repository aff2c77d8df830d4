/* nom: consent dialog asymmetric (no refusal on the first layer, two of three purposes ticked, accept filled and
   customise outlined); location demanded by a full-screen wall at every launch while not granted (the wall calls
   the browser only when its button is tapped; refused, the wall stays); deletion 7 steps with a required reason, a
   typed word and a small grey confirm beside a big keep. */
(function () {
  'use strict';
  var P = 'nom:';
  function $(s) { return document.querySelector(s); }
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function show(name) {
    document.querySelectorAll('main section').forEach(function (s) { s.hidden = s.dataset.screen !== name; });
    document.querySelectorAll('.tabs button').forEach(function (b) {
      if (b.dataset.tab === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    if (name === 'account') {
      $('#out').hidden = !!token(); $('#in').hidden = !token();
      $('#who').textContent = token() ? 'បានចូលជា ' + localStorage.getItem(P + 'user') : '';
    }
    if (name === 'reason') {
      document.querySelectorAll('#reasons [role=radio]').forEach(function (r) { r.setAttribute('aria-checked', 'false'); });
      $('#next').disabled = true;
    }
    if (name === 'confirm') { $('#word').value = ''; $('#delete').disabled = true; $('#del-msg').textContent = ''; }
    window.scrollTo(0, 0);
  }
  document.querySelectorAll('[data-go]').forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.go); }); });
  document.querySelectorAll('[data-tab]').forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.tab); }); });

  document.querySelectorAll('form[data-action]').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var fields = f.querySelectorAll('input'), msg = f.querySelector('.msg');
      var u = fields[0].value.trim(), p = fields[1].value;
      if (!u || !p) { msg.textContent = 'សូមបញ្ចូលអ៊ីមែល និងពាក្យសម្ងាត់។'; return; }
      api(f.dataset.action, {username: u, password: p}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u); show('account'); return; }
        msg.textContent = {401: 'អ៊ីមែល ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ។', 409: 'មានគណនីប្រើអ៊ីមែលនេះរួចហើយ។',
          400: 'ពាក្យសម្ងាត់ត្រូវមានយ៉ាងតិច ៦ តួ។'}[r.status] || 'សូមព្យាយាមម្តងទៀត។';
      });
    });
  });
  $('#logout').addEventListener('click', function () { api('logout'); localStorage.removeItem(P + 'token'); show('account'); });

  /* deletion: reason (div role=radio, none preselected) → បន្ត → type លុប → លុបជារៀងរហូត */
  var reason = '';
  document.querySelectorAll('#reasons [role=radio]').forEach(function (r) {
    function pick() {
      document.querySelectorAll('#reasons [role=radio]').forEach(function (o) { o.setAttribute('aria-checked', o === r ? 'true' : 'false'); });
      reason = r.textContent; $('#next').disabled = false;
    }
    r.addEventListener('click', pick);
    r.addEventListener('keydown', function (ev) { if (ev.key === ' ' || ev.key === 'Enter') { ev.preventDefault(); pick(); } });
  });
  $('#next').addEventListener('click', function () { if (reason) show('confirm'); });
  $('#word').addEventListener('input', function () { $('#delete').disabled = $('#word').value.trim() !== 'លុប'; });
  $('#keep').addEventListener('click', function () { show('account'); });
  $('#delete').addEventListener('click', function () {
    if ($('#word').value.trim() !== 'លុប') return;
    api('delete', {reason: reason}).then(function (r) {
      if (r.status !== 200) { $('#del-msg').textContent = 'មិនអាចលុបបានទេ។ សូមព្យាយាមម្តងទៀត។'; return; }
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      show('gone');
    });
  });

  /* location: the app's own wall while not granted; only its button calls the browser */
  var wall = $('#wall');
  function enter() { wall.hidden = true; }
  function refused() {
    wall.hidden = false;
    $('#wall-msg').textContent = 'ទីតាំងត្រូវបានបដិសេធ។ នំមិនអាចដំណើរការដោយគ្មានទីតាំងបានទេ។';
  }
  $('#locate').addEventListener('click', function () {
    navigator.geolocation.getCurrentPosition(enter, refused, {timeout: 10000});
  });
  function launchWall() {
    if (!navigator.permissions) { wall.hidden = false; return; }
    navigator.permissions.query({name: 'geolocation'}).then(function (s) {
      if (s.state === 'granted') navigator.geolocation.getCurrentPosition(enter, function () { wall.hidden = false; });
      else wall.hidden = false;
    }, function () { wall.hidden = false; });
  }

  /* consent: layer 1 accept / customise; layer 2 three purposes, two ticked, save */
  var dlg = $('#consent');
  function store(choice) {
    choice.at = Date.now();
    localStorage.setItem(P + 'consent', JSON.stringify(choice));
    dlg.close();
    window.nomTcf.changed();
  }
  function openConsent() {
    $('#layer1').hidden = false; $('#layer2').hidden = true;
    var c = null; try { c = JSON.parse(localStorage.getItem(P + 'consent')); } catch (e) { c = null; }
    dlg.querySelector('[name=analytics]').checked = c ? !!c.analytics : true;
    dlg.querySelector('[name=ads]').checked = c ? !!c.ads : true;
    dlg.querySelector('[name=personal]').checked = c ? !!c.personal : false;
    dlg.showModal();
    window.nomTcf.shown();
  }
  dlg.addEventListener('cancel', function (ev) { ev.preventDefault(); });
  $('#accept').addEventListener('click', function () { store({analytics: true, ads: true, personal: true}); });
  $('#custom').addEventListener('click', function () { $('#layer1').hidden = true; $('#layer2').hidden = false; });
  $('#save').addEventListener('click', function () {
    store({analytics: dlg.querySelector('[name=analytics]').checked, ads: dlg.querySelector('[name=ads]').checked,
      personal: dlg.querySelector('[name=personal]').checked});
  });
  $('#reopen').addEventListener('click', openConsent);

  show('home');
  launchWall();
  if (!localStorage.getItem(P + 'consent')) openConsent();
}());
