/* Meltemi: screens as <section hidden>, a bottom tab bar, accounts through the corpus server's api/.
   Launch: the consent sheet <meltemi-cookies> until answered; then (and at once at every launch after) the app's
   own soft ask «Να σας ειδοποιούμε;» while Notification.permission is not "granted" — only «Ναι, ειδοποιήστε με»
   calls Notification.requestPermission(); «Όχι τώρα» or a refusal changes nothing but the next launch asks again.
   Deletion: Λογαριασμός → Ρυθμίσεις λογαριασμού → Διαγραφή λογαριασμού → password + «Κατανοώ» → Οριστική διαγραφή
   → scheduled (30 days, app.json), logged out. */
(function () {
  'use strict';
  var P = 'meltemi:';
  function $(s) { return document.querySelector(s); }
  function token() { return localStorage.getItem(P + 'token'); }
  function api(energeia, soma) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + energeia, {method: 'POST', headers: h, body: JSON.stringify(soma || {})})
      .then(function (r) { return r.json().then(function (j) { return {katastasi: r.status, soma: j}; }); });
  }
  function aposyndese() { localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'xristis'); }
  function minima(keimeno) {
    var m = $('#minima'); m.textContent = keimeno; m.hidden = false;
    clearTimeout(minima.t); minima.t = setTimeout(function () { m.hidden = true; }, 4000);
  }

  var KARTA = {arxiki: 'arxiki', eisitiria: 'eisitiria', logariasmos: 'logariasmos', syndesi: 'logariasmos', eggrafi: 'logariasmos',
               epivates: 'logariasmos', voitheia: 'logariasmos', rythmiseis: 'logariasmos', glossa: 'logariasmos',
               eidopoiiseis: 'logariasmos', kodikos: 'logariasmos', diagrafi: 'logariasmos', programmatistike: 'logariasmos'};
  function deixe(othoni) {
    document.querySelectorAll('main section').forEach(function (s) { s.hidden = s.dataset.othoni !== othoni; });
    document.querySelectorAll('[data-karta]').forEach(function (b) {
      if (KARTA[othoni] === b.dataset.karta) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    if (othoni === 'logariasmos') {
      $('#ektos').hidden = !!token(); $('#entos').hidden = !token();
      $('#poios').textContent = token() ? 'Συνδεδεμένος ως ' + localStorage.getItem(P + 'xristis') : '';
    }
    if (othoni === 'eidopoiiseis') {
      var k = 'Notification' in window ? Notification.permission : 'default';
      $('#katastasi-eid').textContent = k === 'granted' ? 'Οι ειδοποιήσεις είναι ενεργές.' : 'Οι ειδοποιήσεις είναι ανενεργές.';
    }
    window.scrollTo(0, 0);
  }
  document.querySelectorAll('[data-karta]').forEach(function (b) { b.addEventListener('click', function () { deixe(b.dataset.karta); }); });
  document.querySelectorAll('[data-pros]').forEach(function (b) { b.addEventListener('click', function () { deixe(b.dataset.pros); }); });

  $('#anazitisi').addEventListener('click', function () {
    var apo = $('#apo').value, pros = $('#pros').value;
    $('#dromologia').innerHTML = ['07:25', '12:40', '17:30'].map(function (ora, i) {
      return '<li><b>' + ora + '</b> ' + apo + ' → ' + pros + '<br><small>' + ['Blue Star Delos', 'Champion Jet 2', 'Artemis'][i] +
        ' · από ' + (39 + i * 12) + ' €</small></li>';
    }).join('');
  });

  document.querySelectorAll('form[data-energeia]').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var pedia = f.querySelectorAll('input'), lathos = f.querySelector('.lathos');
      var u = pedia[0].value.trim(), p = pedia[1].value;
      if (!u || !p) { lathos.textContent = 'Συμπληρώστε email και κωδικό πρόσβασης.'; return; }
      api(f.dataset.energeia, {username: u, password: p}).then(function (r) {
        if (r.soma.token) { localStorage.setItem(P + 'token', r.soma.token); localStorage.setItem(P + 'xristis', u); deixe('logariasmos'); return; }
        if (r.soma.status === 'pending') { lathos.textContent = 'Ο λογαριασμός αυτός είναι σε διαδικασία διαγραφής.'; return; }
        lathos.textContent = {401: 'Λάθος email ή κωδικός πρόσβασης.', 409: 'Υπάρχει ήδη λογαριασμός με αυτό το email.',
                              400: 'Ο κωδικός πρέπει να έχει τουλάχιστον 6 χαρακτήρες.'}[r.katastasi] || 'Κάτι πήγε στραβά. Δοκιμάστε ξανά.';
      });
    });
  });
  $('#aposyndesi').addEventListener('click', function () { api('logout'); aposyndese(); deixe('logariasmos'); });

  $('#forma-diagrafis').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var lathos = ev.target.querySelector('.lathos'), kodikos = $('#d-kodikos').value;
    if (!kodikos) { lathos.textContent = 'Πληκτρολογήστε τον κωδικό πρόσβασής σας.'; return; }
    if (!$('#katanoo').checked) { lathos.textContent = 'Επιβεβαιώστε ότι κατανοείτε τι σημαίνει η διαγραφή.'; return; }
    api('delete', {password: kodikos}).then(function (r) {
      if (r.katastasi !== 200) { lathos.textContent = r.soma.error === 'password' ? 'Λάθος κωδικός πρόσβασης.' : 'Κάτι πήγε στραβά.'; return; }
      aposyndese();
      $('#d-kodikos').value = ''; $('#katanoo').checked = false; lathos.textContent = '';
      deixe('programmatistike');
    });
  });

  /* the soft ask: back at every launch while notifications are not granted */
  function malakiErotisi() {
    if (!('Notification' in window) || Notification.permission === 'granted') return;
    $('#erotisi').hidden = false;
  }
  $('#oxi-tora').addEventListener('click', function () { $('#erotisi').hidden = true; });
  $('#nai').addEventListener('click', function () {
    $('#erotisi').hidden = true;
    Notification.requestPermission().then(function (apantisi) {
      minima(apantisi === 'granted' ? 'Θα σας ειδοποιούμε για το ταξίδι σας.'
        : 'Οι ειδοποιήσεις είναι απενεργοποιημένες. Μπορείτε να τις ενεργοποιήσετε από τις ρυθμίσεις του προγράμματος περιήγησης.');
    });
  });

  deixe('arxiki');
  if (localStorage.getItem(P + 'cookies')) {
    malakiErotisi();
  } else {
    document.addEventListener('apantisi', malakiErotisi, {once: true});
    document.body.appendChild(document.createElement('meltemi-cookies'));
  }
}());
