/* Diário Aberto: a pt-BR news app. Routes are location hashes; the session token is in localStorage.
   Notifications are asked only when "Ativar alertas de última hora" is used. Deletion: Perfil → Configurações →
   Conta → Encerrar conta → type EXCLUIR (the button stays disabled until then) → deleted at once. */
(function () {
  'use strict';
  var KEY = 'osano-pt:';
  var main = document.querySelector('main');
  var voltar = document.querySelector('header a.voltar');
  var titulo = document.querySelector('header h1');

  function token() { return localStorage.getItem(KEY + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function html(s) { main.innerHTML = s; }
  function lista(itens) {
    return '<ul class="lista">' + itens.map(function (i) { return '<li><a href="' + i[1] + '">' + i[0] + '</a></li>'; }).join('') + '</ul>';
  }

  var rotas = {
    '': function () {
      html('<article><h2>Chuva forte deve atingir o litoral nesta semana</h2><p>Defesa Civil recomenda atenção nas áreas de encosta.</p></article>' +
           '<article><h2>Feira de livros volta ao centro da cidade</h2><p>Mais de cem editoras confirmaram presença.</p></article>' +
           '<article><h2>Time da casa vence e sobe na tabela</h2><p>Gol no fim garantiu a vitória.</p></article>' +
           '<button class="acao" type="button" id="alertas">Ativar alertas de última hora</button><p class="aviso" id="estado-alertas"></p>');
      document.getElementById('alertas').addEventListener('click', function () {
        var estado = document.getElementById('estado-alertas');
        Notification.requestPermission().then(function (r) {
          estado.textContent = r === 'granted' ? 'Alertas ativados: avisaremos quando houver notícia urgente.'
            : 'Alertas indisponíveis: as notificações estão bloqueadas neste navegador.';
        });
      });
      return 'Diário Aberto';
    },
    'perfil': function () {
      if (!token()) { html(lista([['Entrar', '#/entrar'], ['Criar conta', '#/criar'], ['Ajuda', '#/ajuda']])); return 'Perfil'; }
      html('<p>' + localStorage.getItem(KEY + 'user') + '</p>' + lista([['Leituras salvas', '#/salvas'], ['Configurações', '#/configuracoes'], ['Ajuda', '#/ajuda'], ['Sair', '#/sair']]));
      return 'Perfil';
    },
    'configuracoes': function () { html(lista([['Notificações', '#/notificacoes'], ['Aparência', '#/aparencia'], ['Conta', '#/conta']])); return 'Configurações'; },
    'conta': function () { html(lista([['Alterar e-mail', '#/email'], ['Alterar senha', '#/senha'], ['Encerrar conta', '#/encerrar']])); return 'Conta'; },
    'encerrar': function () {
      html('<p>Ao encerrar a conta, suas leituras salvas e assinaturas de newsletter serão apagadas. Esta ação não pode ser desfeita.</p>' +
           '<form><label for="palavra">Digite EXCLUIR para confirmar</label><input id="palavra" autocomplete="off">' +
           '<button class="acao" type="submit" disabled>Encerrar minha conta</button><p class="aviso"></p></form>');
      var campo = document.getElementById('palavra'), botao = main.querySelector('button'), aviso = main.querySelector('.aviso');
      campo.addEventListener('input', function () { botao.disabled = campo.value.trim() !== 'EXCLUIR'; });
      main.querySelector('form').addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (campo.value.trim() !== 'EXCLUIR') return;
        api('delete', {}).then(function (r) {
          if (r.status !== 200) { aviso.textContent = 'Não foi possível encerrar a conta.'; return; }
          localStorage.removeItem(KEY + 'token'); localStorage.removeItem(KEY + 'user');
          location.hash = '#/encerrada';
        });
      });
      return 'Encerrar conta';
    },
    'encerrada': function () { html('<p>Sua conta foi encerrada e seus dados foram apagados.</p><a class="acao" href="#/">Voltar ao início</a>'); return 'Conta encerrada'; },
    'entrar': function () { return formulario('login', 'Entrar', 'Entrar'); },
    'criar': function () { return formulario('signup', 'Criar conta', 'Criar conta'); },
    'sair': function () { api('logout'); localStorage.removeItem(KEY + 'token'); location.hash = '#/perfil'; return 'Perfil'; }
  };
  var textos = {ajuda: ['Ajuda', 'Escreva para a redação pelo formulário do site.'], salvas: ['Leituras salvas', 'Nenhuma leitura salva.'],
    notificacoes: ['Notificações', 'Escolha os assuntos dos alertas.'], aparencia: ['Aparência', 'Tema claro.'],
    email: ['Alterar e-mail', 'Em breve.'], senha: ['Alterar senha', 'Em breve.']};

  function formulario(acao, nome, botao) {
    html('<form><label for="email">E-mail</label><input id="email" type="email" autocomplete="username">' +
         '<label for="senha">Senha</label><input id="senha" type="password" autocomplete="current-password">' +
         '<button class="acao" type="submit">' + botao + '</button><p class="aviso"></p></form>');
    var aviso = main.querySelector('.aviso');
    main.querySelector('form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var u = document.getElementById('email').value.trim(), p = document.getElementById('senha').value;
      if (!u || !p) { aviso.textContent = 'Preencha e-mail e senha.'; return; }
      api(acao, {username: u, password: p}).then(function (r) {
        if (r.body.token) { localStorage.setItem(KEY + 'token', r.body.token); localStorage.setItem(KEY + 'user', u); location.hash = '#/perfil'; return; }
        aviso.textContent = {401: 'E-mail ou senha incorretos.', 409: 'Este e-mail já tem conta.', 400: 'A senha precisa de 6 caracteres ou mais.'}[r.status] || 'Tente de novo.';
      });
    });
    return nome;
  }

  function mostrar() {
    var nome = location.hash.replace(/^#\/?/, '');
    var rota = rotas[nome] || (textos[nome] && function () { html('<p>' + textos[nome][1] + '</p>'); return textos[nome][0]; }) || rotas[''];
    titulo.textContent = rota();
    voltar.hidden = nome === '';
    document.querySelectorAll('nav.abas a').forEach(function (a) { a.classList.toggle('atual', a.getAttribute('href') === '#/' + (nome === 'perfil' ? 'perfil' : '')); });
  }
  voltar.addEventListener('click', function (ev) { ev.preventDefault(); history.back(); });
  window.addEventListener('hashchange', mostrar);
  mostrar();

  window.cookieconsent.initialise({
    type: 'opt-in',
    position: 'bottom',
    theme: 'block',
    showLink: false,
    revokable: false,
    cookie: {name: 'diario_cookies', path: '/osano-pt/'},
    palette: {popup: {background: '#1e1e1e', text: '#ffffff'}, button: {background: '#f2b705', text: '#1e1e1e'}},
    content: {
      message: 'Usamos cookies para medir a audiência e mostrar anúncios de parceiros de acordo com seus interesses.',
      allow: 'Aceitar',
      deny: 'Recusar',
      policy: 'Cookies'
    },
    elements: {
      deny: '<a aria-label="recusar cookies" role=button tabindex="0" class="cc-btn cc-deny recusar-link">{{deny}}</a>'
    }
  });
}());
