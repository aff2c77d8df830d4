/* Ritmo: booking gym classes. Consent by cookie-though, fair (Rejeitar tudo / Aceitar tudo alike on the first
   layer, nothing pre-ticked), shown at load; the location asked by getCurrentPosition at every launch (no button):
   granted the home shows the nearest gym and its distance, refused a plain list of the three gyms; booking works
   either way. Deletion Perfil → Definições → Eliminar conta → Quero eliminar a minha conta → Eliminar. */
(function () {
  'use strict';
  var P = 'ritmo:';
  function $(s) { return document.querySelector(s); }
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }

  var GINASIOS = [
    {nome: 'Ritmo Saldanha', morada: 'Av. Fontes Pereira de Melo 12, Lisboa', lat: 38.7346, lon: -9.1452},
    {nome: 'Ritmo Alvalade', morada: 'Av. da Igreja 40, Lisboa', lat: 38.7489, lon: -9.1395},
    {nome: 'Ritmo Boavista', morada: 'Av. da Boavista 1500, Porto', lat: 41.1579, lon: -8.6291}
  ];
  var AULAS = [
    {id: 'pilates', nome: 'Pilates', hora: '18:00', sitio: 'Ritmo Saldanha', vagas: 4},
    {id: 'spinning', nome: 'Spinning', hora: '18:30', sitio: 'Ritmo Alvalade', vagas: 9},
    {id: 'zumba', nome: 'Zumba', hora: '19:30', sitio: 'Ritmo Saldanha', vagas: 12},
    {id: 'yoga', nome: 'Yoga', hora: '20:00', sitio: 'Ritmo Boavista', vagas: 6}
  ];

  /* screens */
  var TAB_OF = {inicio: 'inicio', aulas: 'aulas'};
  function show(name) {
    document.querySelectorAll('.ecra').forEach(function (s) { s.hidden = s.dataset.ecra !== name; });
    var tab = TAB_OF[name] || 'perfil';
    document.querySelectorAll('[data-separador]').forEach(function (b) { b.classList.toggle('ativo', b.dataset.separador === tab); });
    if (name === 'perfil') {
      var inside = !!token();
      $('#fora').hidden = inside; $('#dentro').hidden = !inside;
      $('#quem').textContent = inside ? 'Sessão iniciada como ' + localStorage.getItem(P + 'user') : '';
    }
    if (name === 'aulas') drawClasses();
    if (name === 'reservas') drawMine();
    window.scrollTo(0, 0);
  }
  document.querySelectorAll('[data-separador]').forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.separador); }); });
  document.querySelectorAll('[data-vai]').forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.vai); }); });
  document.querySelectorAll('[data-volta]').forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.volta); }); });

  /* bookings: kept on the device, no location needed */
  function booked() { try { return JSON.parse(localStorage.getItem(P + 'reservas') || '[]'); } catch (e) { return []; } }
  function drawClasses() {
    var box = $('#aulas'), mine = booked();
    box.innerHTML = '';
    AULAS.forEach(function (a) {
      var row = document.createElement('div'); row.className = 'aula';
      var info = document.createElement('div'); info.className = 'aula-info';
      var b = document.createElement('b'); b.textContent = a.nome + ' · ' + a.hora;
      var s = document.createElement('span'); s.textContent = a.sitio + ' · ' + a.vagas + ' vagas';
      info.appendChild(b); info.appendChild(s);
      var btn = document.createElement('button'); btn.type = 'button'; btn.className = 'botao';
      var done = mine.indexOf(a.id) >= 0;
      btn.textContent = done ? 'Reservada' : 'Reservar';
      btn.disabled = done;
      btn.addEventListener('click', function () {
        var list = booked();
        if (list.indexOf(a.id) < 0) list.push(a.id);
        localStorage.setItem(P + 'reservas', JSON.stringify(list));
        btn.textContent = 'Reservada'; btn.disabled = true;
        $('#aulas-msg').textContent = 'Reserva confirmada: ' + a.nome + ' às ' + a.hora + ' no ' + a.sitio + '.';
      });
      row.appendChild(info); row.appendChild(btn); box.appendChild(row);
    });
    $('#aulas-msg').textContent = '';
  }
  function drawMine() {
    var box = $('#minhas'), mine = booked();
    box.innerHTML = '';
    if (!mine.length) { box.innerHTML = '<div class="texto">Ainda não tem reservas.</div>'; return; }
    AULAS.filter(function (a) { return mine.indexOf(a.id) >= 0; }).forEach(function (a) {
      var d = document.createElement('div'); d.className = 'destaque';
      d.textContent = a.nome + ' · ' + a.hora + ' · ' + a.sitio;
      box.appendChild(d);
    });
  }

  /* accounts */
  document.querySelectorAll('form[data-acao]').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var campos = f.querySelectorAll('input'), msg = f.querySelector('.mensagem');
      var u = campos[0].value.trim(), p = campos[1].value;
      if (!u || !p) { msg.textContent = 'Indique o e-mail e a palavra-passe.'; return; }
      msg.textContent = '';
      api(f.dataset.acao, {username: u, password: p}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u);
          campos[0].value = ''; campos[1].value = '';
          show('perfil'); return;
        }
        msg.textContent = {401: 'E-mail ou palavra-passe incorretos.', 409: 'Já existe uma conta com este e-mail.',
          400: 'A palavra-passe tem de ter pelo menos 6 caracteres.'}[r.status] || 'Não foi possível. Tente de novo.';
      });
    });
  });
  $('#sair').addEventListener('click', function () {
    api('logout');
    localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
    show('perfil');
  });

  /* deletion: Eliminar conta → Quero eliminar a minha conta → confirm box (Cancelar / Eliminar, alike) */
  function closeBox() { $('#veu').hidden = true; $('#confirmar').hidden = true; }
  $('#quero-eliminar').addEventListener('click', function () { $('#veu').hidden = false; $('#confirmar').hidden = false; });
  $('#veu').addEventListener('click', closeBox);
  $('#cancelar').addEventListener('click', closeBox);
  $('#eliminar-ja').addEventListener('click', function () {
    api('delete', {}).then(function (r) {
      if (r.status !== 200) return;
      closeBox();
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); localStorage.removeItem(P + 'reservas');
      show('eliminada');
    });
  });

  /* location: asked at every launch, at load, by the app itself (nothing remembered) */
  function km(a, b) {
    var r = Math.PI / 180, dLat = (b.lat - a.lat) * r, dLon = (b.lon - a.lon) * r;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 6371 * 2 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
  }
  function distance(d) {
    if (d < 1) return Math.round(d * 1000) + ' m';
    if (d < 100) return d.toFixed(1).replace('.', ',') + ' km';
    return Math.round(d).toLocaleString('pt-PT') + ' km';
  }
  function located(pos) {
    var here = {lat: pos.coords.latitude, lon: pos.coords.longitude};
    var best = GINASIOS.map(function (g) { return {g: g, d: km(here, g)}; }).sort(function (x, y) { return x.d - y.d; })[0];
    $('#perto-nome').textContent = best.g.nome;
    $('#perto-dist').textContent = 'A ' + distance(best.d);
    $('#perto-morada').textContent = best.g.morada;
    $('#local-aguarda').hidden = true; $('#lista-ginasios').hidden = true; $('#perto').hidden = false;
  }
  function notLocated() {
    $('#local-aguarda').hidden = true; $('#perto').hidden = true; $('#lista-ginasios').hidden = false;
  }
  $('#perto-horario').addEventListener('click', function () { show('aulas'); });
  if (navigator.geolocation) {
    navigator.geolocation.getCurrentPosition(located, notLocated, {timeout: 10000, maximumAge: 0});
  } else {
    notLocated();
  }

  /* consent: cookie-though at load, fair */
  window.CookieThough.init({
    policies: [
      {id: 'essenciais', label: 'Essenciais', description: 'Necessários para iniciar sessão e guardar as suas reservas.', category: 'essential'},
      {id: 'estatisticas', label: 'Estatísticas', description: 'Ajudam-nos a perceber que aulas são mais procuradas.', category: 'statistics'},
      {id: 'marketing', label: 'Marketing', description: 'Mostram-lhe campanhas de parceiros do ginásio.', category: 'marketing'}
    ],
    essentialLabel: 'Sempre ativos',
    permissionLabels: {accept: 'Aceitar seleção', acceptAll: 'Aceitar tudo', decline: 'Rejeitar tudo'},
    cookiePreferenceKey: 'ritmo-cookies',
    header: {title: 'Cookies', subTitle: 'A sua privacidade', description: 'O Ritmo usa cookies essenciais e, só se aceitar, cookies de estatísticas e de marketing. Pode mudar de ideias a qualquer momento.'},
    customizeLabel: 'Personalizar'
  });

  /* a stored session that the server no longer knows is dropped */
  if (token()) api('me').then(function (r) { if (r.status === 401) { localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); } });

  show('inicio');
}());
