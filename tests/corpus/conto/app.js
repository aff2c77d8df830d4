/* Conto Chiaro: fair on every flow. Consent: a native <dialog> with equal Rifiuta tutto / Accetta tutto.
   Camera only when "Scansiona assegno" is used; refused, only that feature says it is unavailable.
   Deletion: Profilo → Elimina account → Elimina (a dialog with equal Annulla / Elimina) → deleted at once. */
(function () {
  'use strict';
  var P = 'conto:';
  function $(s) { return document.querySelector(s); }
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function mostra(nome) {
    document.querySelectorAll('section').forEach(function (s) { s.hidden = s.dataset.schermo !== nome; });
    document.querySelectorAll('footer button').forEach(function (b) {
      if (b.dataset.tab === nome) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    if (nome === 'profilo') {
      $('#fuori').hidden = !!token(); $('#dentro').hidden = !token();
      $('#chi').textContent = token() ? 'Connesso come ' + localStorage.getItem(P + 'user') : '';
    }
  }
  document.querySelectorAll('[data-vai]').forEach(function (b) { b.addEventListener('click', function () { mostra(b.dataset.vai); }); });
  document.querySelectorAll('[data-tab]').forEach(function (b) { b.addEventListener('click', function () { mostra(b.dataset.tab); }); });

  document.querySelectorAll('form[data-azione]').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var campi = f.querySelectorAll('input'), esito = f.querySelector('.esito');
      var u = campi[0].value.trim(), p = campi[1].value;
      if (!u || !p) { esito.textContent = 'Inserisci email e password.'; return; }
      api(f.dataset.azione, {username: u, password: p}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u); mostra('profilo'); return; }
        esito.textContent = {401: 'Email o password errate.', 409: 'Esiste già un account con questa email.', 400: 'La password deve avere almeno 6 caratteri.'}[r.status] || 'Riprova.';
      });
    });
  });
  $('#esci').addEventListener('click', function () { api('logout'); localStorage.removeItem(P + 'token'); mostra('profilo'); });
  $('#elimina').addEventListener('click', function () { $('#conferma').showModal(); });
  $('#annulla').addEventListener('click', function () { $('#conferma').close(); });
  $('#conferma-elimina').addEventListener('click', function () {
    api('delete', {}).then(function (r) {
      $('#conferma').close();
      if (r.status !== 200) return;
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      mostra('eliminato');
    });
  });

  $('#scansiona').addEventListener('click', function () {
    var esito = $('#esito-camera');
    esito.className = 'esito';
    navigator.mediaDevices.getUserMedia({video: true}).then(function (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      esito.className = 'esito ok'; esito.textContent = "Fotocamera pronta: inquadra l'assegno nel riquadro.";
    }, function (err) {
      esito.textContent = err.name === 'NotAllowedError'
        ? "Fotocamera non consentita: la scansione degli assegni non è disponibile. Il resto dell'app funziona normalmente."
        : 'Nessuna fotocamera trovata su questo dispositivo.';
    });
  });

  var cookie = $('#cookie');
  function salva(scelta) { localStorage.setItem(P + 'cookie', JSON.stringify(scelta)); cookie.close(); }
  cookie.addEventListener('cancel', function (ev) { ev.preventDefault(); });   // Esc does not answer for the user
  $('#accetta').addEventListener('click', function () { salva({analisi: true, marketing: true}); });
  $('#rifiuta').addEventListener('click', function () { salva({analisi: false, marketing: false}); });
  $('#salva').addEventListener('click', function () {
    salva({analisi: cookie.querySelector('[name=analisi]').checked, marketing: cookie.querySelector('[name=marketing]').checked});
  });
  mostra('home');
  if (!localStorage.getItem(P + 'cookie')) cookie.showModal();
}());
