/* Aria: one page load, then every view drawn here and reached by history.pushState (?v=<view>; back/forward by
   popstate). Accounts through the corpus server's api/ (token in localStorage). Microphone only on the voice-search
   button of Cerca (an svg button named only by its title); refused, typing still searches. Deletion: Profilo →
   Centro privacy (a view holding the same-origin <iframe> privacy.html) → inside it Elimina il mio account →
   Continua → Elimina definitivamente (disabled for a 5-second countdown) → deleted at once; the iframe tells the
   page, which logs out and shows «Il tuo account è stato eliminato.». */
(function () {
  'use strict';
  var P = 'aria:';
  var vista = document.getElementById('vista');
  var BRANI = [
    ['Notte di stelle', 'Lucia Ferri'], ['Mare d\u2019inverno', 'I Gabbiani'], ['Ritorno a Napoli', 'Enzo Russo'],
    ['Luce del nord', 'Aurora Band'], ['Vento caldo', 'Marta Colli'], ['Strade di Roma', 'Il Quartetto'],
    ['Canzone lenta', 'Paolo Neri'], ['Primavera', 'Giulia Sole']
  ];

  function token() { return localStorage.getItem(P + 'token'); }
  function api(azione, corpo) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + azione, {method: 'POST', headers: h, body: JSON.stringify(corpo || {})})
      .then(function (r) { return r.json().then(function (j) { return {stato: r.status, corpo: j}; }); });
  }
  function esci() { localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'utente'); }
  function esc(t) { return String(t).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }

  /* ---- the views ---- */
  var VISTE = {
    home: function () {
      return '<h1>Buonasera</h1><div class="griglia">' +
        ['Le tue preferite', 'Novit\u00e0 della settimana', 'Indie italiano', 'Relax serale'].map(function (t, i) {
          return '<div class="copertina"><b>' + t + '</b><span>' + (12 + i * 7) + ' brani</span></div>';
        }).join('') + '</div><h2>Ascoltati di recente</h2><ul class="brani">' +
        BRANI.slice(0, 3).map(function (b) { return '<li>' + b[0] + '<span>' + b[1] + '</span></li>'; }).join('') + '</ul>';
    },
    cerca: function () {
      return '<h1>Cerca</h1><div class="barra-ricerca">' +
        '<input id="testo-ricerca" type="search" placeholder="Artisti, brani o podcast" autocomplete="off">' +
        '<button type="button" class="mic" id="mic" title="Ricerca vocale">' +
        '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11h-2z"/></svg>' +
        '</button></div><p class="esito" id="esito-mic" aria-live="polite"></p><ul class="brani" id="risultati"></ul>';
    },
    libreria: function () {
      return '<h1>La tua libreria</h1>' + (token()
        ? '<ul class="brani"><li>Brani che ti piacciono<span>42 brani</span></li><li>Podcast salvati<span>3 episodi</span></li></ul>'
        : '<p class="nota">Accedi per vedere le tue playlist.</p>');
    },
    profilo: function () {
      if (!token()) {
        return '<h1>Profilo</h1><a class="riga" href="?v=accedi" data-vista="accedi">Accedi</a>' +
          '<a class="riga" href="?v=registrati" data-vista="registrati">Registrati</a>' +
          '<a class="riga" href="?v=aiuto" data-vista="aiuto">Assistenza</a>';
      }
      return '<h1>Profilo</h1><p class="nota">Connesso come ' + esc(localStorage.getItem(P + 'utente')) + '</p>' +
        '<a class="riga" href="?v=abbonamento" data-vista="abbonamento">Abbonamento</a>' +
        '<a class="riga" href="?v=audio" data-vista="audio">Qualit\u00e0 audio</a>' +
        '<a class="riga" href="?v=privacy" data-vista="privacy">Centro privacy</a>' +
        '<a class="riga" href="?v=aiuto" data-vista="aiuto">Assistenza</a>' +
        '<button class="riga" type="button" id="esci">Esci</button>';
    },
    abbonamento: function () { return '<h1>Abbonamento</h1><p>Piano Free. Passa a Premium per ascoltare senza annunci.</p>'; },
    audio: function () { return '<h1>Qualit\u00e0 audio</h1><p>Streaming: automatica. Download: alta.</p>'; },
    aiuto: function () { return '<h1>Assistenza</h1><p>Scrivici da aria.test/aiuto: rispondiamo entro 24 ore.</p>'; },
    accedi: function () { return modulo('login', 'Accedi', 'Accedi'); },
    registrati: function () { return modulo('signup', 'Crea il tuo account', 'Crea account'); },
    privacy: function () {
      return token() ? '<h1>Centro privacy</h1><iframe class="centro" src="privacy.html" title="Centro privacy"></iframe>'
                     : VISTE.profilo();
    },
    eliminato: function () {
      return '<h1>Addio</h1><p>Il tuo account \u00e8 stato eliminato. Le tue playlist e i tuoi dati sono stati cancellati.</p>';
    }
  };
  function modulo(azione, titolo, invio) {
    return '<h1>' + titolo + '</h1><form data-azione="' + azione + '" novalidate>' +
      '<label class="campo" for="f-email">Email<input id="f-email" type="email" autocomplete="username"></label>' +
      '<label class="campo" for="f-pw">Password<input id="f-pw" type="password" autocomplete="current-password"></label>' +
      '<button class="primario" type="submit">' + invio + '</button><p class="esito" aria-live="polite"></p></form>';
  }

  function disegna(nome) {
    if (!VISTE[nome]) nome = 'home';
    vista.innerHTML = VISTE[nome]();
    document.querySelectorAll('.schede a').forEach(function (a) {
      var attiva = a.dataset.vista === nome || (nome === 'privacy' && a.dataset.vista === 'profilo');
      if (attiva) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    document.getElementById('saluto').textContent = token() ? 'Free' : '';
    document.title = 'Aria \u2014 ' + nome;
    legami(nome);
    window.scrollTo(0, 0);
  }
  function vai(nome) {
    history.pushState({v: nome}, '', nome === 'home' ? location.pathname : '?v=' + nome);
    disegna(nome);
  }
  window.addEventListener('popstate', function (ev) { disegna(ev.state && ev.state.v || corrente()); });
  function corrente() { return new URLSearchParams(location.search).get('v') || 'home'; }

  /* every in-app link routes without a page load */
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest('a[data-vista]');
    if (!a) return;
    ev.preventDefault();
    vai(a.dataset.vista);
  });

  function legami(nome) {
    var f = vista.querySelector('form[data-azione]');
    if (f) f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var u = f.querySelector('#f-email').value.trim(), p = f.querySelector('#f-pw').value, esito = f.querySelector('.esito');
      if (!u || !p) { esito.textContent = 'Inserisci email e password.'; return; }
      api(f.dataset.azione, {username: u, password: p}).then(function (r) {
        if (r.corpo.token) { localStorage.setItem(P + 'token', r.corpo.token); localStorage.setItem(P + 'utente', u); vai('profilo'); return; }
        esito.textContent = {401: 'Email o password non corretti.', 409: 'Esiste gi\u00e0 un account con questa email.',
                             400: 'La password deve contenere almeno 6 caratteri.'}[r.stato] || 'Qualcosa \u00e8 andato storto. Riprova.';
      });
    });
    var e = document.getElementById('esci');
    if (e) e.addEventListener('click', function () { api('logout'); esci(); vai('profilo'); });
    if (nome === 'cerca') cerca();
  }

  function cerca() {
    var campo = document.getElementById('testo-ricerca'), lista = document.getElementById('risultati');
    var mic = document.getElementById('mic'), esito = document.getElementById('esito-mic');
    function mostra(q) {
      q = q.trim().toLowerCase();
      var trovati = q ? BRANI.filter(function (b) { return (b[0] + ' ' + b[1]).toLowerCase().indexOf(q) >= 0; }) : [];
      lista.innerHTML = !q ? '' : trovati.length
        ? trovati.map(function (b) { return '<li>' + b[0] + '<span>' + b[1] + '</span></li>'; }).join('')
        : '<li>Nessun risultato per \u00ab' + esc(q) + '\u00bb</li>';
    }
    campo.addEventListener('input', function () { mostra(campo.value); });
    mic.addEventListener('click', function () {
      esito.textContent = '';
      navigator.mediaDevices.getUserMedia({audio: true}).then(function (flusso) {
        mic.classList.add('ascolta');
        esito.style.color = '#1ed760';
        esito.textContent = 'Ti ascolto\u2026 \u00abmare\u00bb';
        setTimeout(function () {
          flusso.getTracks().forEach(function (t) { t.stop(); });
          mic.classList.remove('ascolta');
          campo.value = 'mare'; mostra('mare');
        }, 1200);
      }, function (err) {
        esito.style.color = '';
        esito.textContent = err.name === 'NotAllowedError'
          ? 'Microfono non consentito: la ricerca vocale non \u00e8 disponibile. Puoi sempre scrivere cosa cerchi.'
          : 'Nessun microfono trovato su questo dispositivo.';
      });
    });
  }

  /* the privacy centre (iframe) says the account is gone */
  window.addEventListener('message', function (ev) {
    if (ev.origin !== location.origin || !ev.data || ev.data.aria !== 'account-eliminato') return;
    esci();
    vai('eliminato');
  });

  history.replaceState({v: corrente()}, '', location.href);
  disegna(corrente());
}());
