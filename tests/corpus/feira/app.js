/* Feira: a pt-BR marketplace for used things. One page; screens drawn into <main> by `ir(nome)`; the session token
   in localStorage (feira:sessao). Consent: django-cookie-consent's showCookieBar, fed by a status answer built from
   what this app stored (feira:cookies) — the library asks a status URL and posts the answer to the URLs that status
   names; here both are data: URLs on this page, the answer itself kept by onAccept / onDecline.
   Notifications: the app's own sheet «Ativar notificações?» after the cookie answer, at every launch until Ativar
   is tapped (only Ativar calls the browser). Deletion: avatar menu → Conta → Privacidade e dados → Excluir conta. */
import { showCookieBar } from '/vendor/django-cookie-consent/lib/index.js';

const CHAVE = 'feira:';
const guardar = (k, v) => localStorage.setItem(CHAVE + k, v);
const ler = (k) => localStorage.getItem(CHAVE + k);
const apagar = (k) => localStorage.removeItem(CHAVE + k);
const $ = (s, r = document) => r.querySelector(s);
const tela = $('#tela');
const titulo = $('.topo h1');
const voltar = $('.voltar');
const menuConta = $('#menu-conta');
const OPCIONAIS = ['anuncios', 'estatisticas'];
const ANUNCIOS = [
  ['Bicicleta aro 26, revisada', 'R$ 350', 'Campinas'],
  ['Sofá retrátil 3 lugares', 'R$ 620', 'Santo André'],
  ['Câmera analógica Olympus', 'R$ 280', 'Curitiba'],
  ['Mesa de jantar de madeira', 'R$ 450', 'Niterói'],
  ['Violão Giannini usado', 'R$ 190', 'Recife'],
];
let historico = [];

function api(acao, corpo) {
  const h = {'Content-Type': 'application/json'};
  if (ler('sessao')) h.Authorization = 'Bearer ' + ler('sessao');
  return fetch('api/' + acao, {method: 'POST', headers: h, body: JSON.stringify(corpo || {})})
    .then((r) => r.json().then((b) => ({status: r.status, b})));
}

function el(tag, attrs, ...filhos) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'on') e.addEventListener('click', v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const f of filhos) e.append(f);
  return e;
}

function recado(texto) {
  const r = $('.recado');
  r.textContent = texto;
  r.hidden = false;
  clearTimeout(recado.t);
  recado.t = setTimeout(() => { r.hidden = true; }, 2500);
}

function linhas(itens) {
  return el('ul', {class: 'lista'}, ...itens.map(([rotulo, fn]) => el('li', {}, el('button', {type: 'button', text: rotulo, on: fn}))));
}

function montarMenu() {
  menuConta.replaceChildren();
  const logado = !!ler('sessao');
  $('.inicial').textContent = logado ? (ler('usuario') || '?').charAt(0).toUpperCase() : '?';
  const opcao = (rotulo, fn) => el('button', {type: 'button', text: rotulo, on: () => { menuConta.hidePopover(); fn(); }});
  if (logado) {
    menuConta.append(el('p', {class: 'quem', text: ler('usuario')}),
      opcao('Meus anúncios', () => ir('meus')), opcao('Favoritos', () => ir('favoritos')),
      opcao('Conta', () => ir('conta')), opcao('Sair', sair));
  } else {
    menuConta.append(opcao('Entrar', () => ir('entrar')), opcao('Criar conta', () => ir('criar')));
  }
}

const TELAS = {
  inicio() {
    const lista = el('div', {});
    ANUNCIOS.forEach(([nome, preco, cidade], i) => {
      lista.append(el('div', {class: 'anuncio'}, el('div', {class: 'foto'}),
        el('div', {class: 'info'}, el('h3', {text: nome}), el('div', {class: 'preco', text: preco}), el('small', {text: cidade})),
        el('button', {type: 'button', class: 'ver', text: 'Ver', on: () => ir('anuncio', i)}),
        el('button', {type: 'button', class: 'mais', popovertarget: 'menu-anuncio', 'aria-label': 'Mais opções', text: '⋯'})));
    });
    return ['Feira', el('p', {text: 'Perto de você'}), lista];
  },
  anuncio(i) {
    const [nome, preco, cidade] = ANUNCIOS[i];
    return [nome, el('div', {class: 'anuncio'}, el('div', {class: 'foto'}),
      el('div', {class: 'info'}, el('div', {class: 'preco', text: preco}), el('small', {text: cidade}))),
      el('p', {text: 'Em bom estado. Retirada no local ou envio combinado pelo chat.'}),
      el('button', {type: 'button', class: 'primario', text: 'Fazer oferta', on: () => {
        if (!ler('sessao')) { recado('Entre na sua conta para fazer ofertas.'); return; }
        $('#fazer-oferta').showModal();
      }})];
  },
  meus: () => ['Meus anúncios', el('p', {text: 'Você ainda não anunciou nada.'})],
  favoritos: () => ['Favoritos', el('p', {text: 'Nenhum favorito por enquanto.'})],
  conta() {
    if (!ler('sessao')) return TELAS.entrar();
    return ['Conta', el('p', {text: ler('usuario')}), linhas([
      ['Dados pessoais', () => ir('dados')], ['Endereços', () => ir('enderecos')],
      ['Privacidade e dados', () => ir('privacidade')], ['Notificações', () => ir('notificacoes')], ['Sair', sair]])];
  },
  dados: () => ['Dados pessoais', el('p', {text: 'E-mail: ' + (ler('usuario') || '')})],
  enderecos: () => ['Endereços', el('p', {text: 'Nenhum endereço salvo.'})],
  privacidade: () => ['Privacidade e dados', linhas([
    ['Preferências de cookies', () => ir('cookies')], ['Baixar meus dados', () => recado('Pedido recebido: enviaremos um arquivo por e-mail.')],
    ['Excluir conta', () => ir('excluir')]])],
  cookies() {
    const resp = JSON.parse(ler('cookies') || 'null');
    const txt = !resp ? 'Você ainda não respondeu.' : resp.aceitos.length ? 'Você aceitou todos os cookies.' : 'Você recusou os cookies opcionais.';
    return ['Preferências de cookies', el('p', {text: txt}), el('button', {type: 'button', class: 'secundario', text: 'Responder de novo', on: () => {
      apagar('cookies');
      perguntarCookies();
    }})];
  },
  notificacoes() {
    const estado = 'Notification' in window ? Notification.permission : 'denied';
    const aviso = el('p', {class: 'erro'});
    return ['Notificações', el('p', {text: estado === 'granted' ? 'Notificações ativadas.' : 'Notificações desativadas.'}),
      el('button', {type: 'button', class: 'primario', text: 'Ativar notificações', on: () => pedirNavegador().then((r) => {
        aviso.textContent = r === 'granted' ? 'Pronto! Você receberá avisos.' : 'O navegador não permitiu. Os avisos continuam aparecendo dentro do app.';
      })}), aviso];
  },
  excluir() {
    if (!ler('sessao')) return TELAS.entrar();
    const campo = el('input', {id: 'palavra', type: 'text', autocomplete: 'off', autocapitalize: 'characters'});
    const botao = el('button', {type: 'submit', class: 'primario', text: 'Excluir minha conta'});
    botao.disabled = true;
    campo.addEventListener('input', () => { botao.disabled = campo.value.trim() !== 'EXCLUIR'; });
    const motivos = ['Não uso mais a Feira', 'Já vendi o que queria', 'Prefiro outro app', 'Preocupação com privacidade', 'Outro motivo']
      .map((m) => el('label', {class: 'motivo'}, el('input', {type: 'radio', name: 'motivo', value: m}), el('span', {text: m})));
    const erro = el('p', {class: 'erro', role: 'alert'});
    const form = el('form', {}, el('p', {text: 'Sua conta, seus anúncios e suas conversas serão apagados. Para confirmar, digite a palavra abaixo:'}),
      el('span', {class: 'palavra', text: 'EXCLUIR'}), el('label', {for: 'palavra', text: 'Palavra de confirmação'}), campo,
      el('fieldset', {}, el('legend', {text: 'Por que você está saindo? (obrigatório)'}), ...motivos), erro, botao);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const escolhido = form.querySelector('input[name=motivo]:checked');
      if (!escolhido) { erro.textContent = 'Escolha um motivo para continuar.'; return; }
      botao.disabled = true;
      api('delete', {reason: escolhido.value}).then((r) => {
        if (r.status !== 200) { erro.textContent = 'Não foi possível excluir agora. Tente de novo.'; botao.disabled = false; return; }
        apagar('sessao'); apagar('usuario');
        historico = [];
        ir('agendada', r.b.days || 14);
      });
    });
    return ['Excluir conta', form];
  },
  agendada: (dias) => ['Exclusão agendada', el('div', {class: 'fim'},
    el('p', {text: `Sua conta será excluída em ${dias} dias.`}),
    el('p', {text: 'Você saiu da sua conta em todos os aparelhos.'}),
    el('a', {href: '#', text: 'Cancelar exclusão', on: (ev) => { ev.preventDefault(); $('#como-cancelar').showModal(); }}))],
  entrar() {
    const aviso = el('p', {class: 'erro', role: 'alert'});
    const form = el('form', {}, el('label', {for: 'e-mail', text: 'E-mail'}), el('input', {id: 'e-mail', type: 'email', autocomplete: 'username'}),
      el('label', {for: 'senha', text: 'Senha'}), el('input', {id: 'senha', type: 'password', autocomplete: 'current-password'}),
      aviso, el('button', {type: 'submit', class: 'primario', text: 'Entrar'}),
      el('button', {type: 'button', class: 'secundario', text: 'Criar conta', on: () => ir('criar')}));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const u = $('#e-mail').value.trim();
      api('login', {username: u, password: $('#senha').value}).then((r) => {
        if (r.b.status === 'pending') { aviso.textContent = `Esta conta está agendada para exclusão em ${r.b.days} dias.`; return; }
        if (!r.b.token) { aviso.textContent = 'E-mail ou senha incorretos.'; return; }
        entrou(r.b.token, u);
      });
    });
    return ['Entrar', form];
  },
  criar() {
    const aviso = el('p', {class: 'erro', role: 'alert'});
    const form = el('form', {}, el('label', {for: 'novo-e-mail', text: 'E-mail'}), el('input', {id: 'novo-e-mail', type: 'email', autocomplete: 'username'}),
      el('label', {for: 'nova-senha', text: 'Senha'}), el('input', {id: 'nova-senha', type: 'password', autocomplete: 'new-password'}),
      el('small', {text: 'Pelo menos 6 caracteres.'}), aviso, el('button', {type: 'submit', class: 'primario', text: 'Criar conta'}));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const u = $('#novo-e-mail').value.trim();
      api('signup', {username: u, password: $('#nova-senha').value}).then((r) => {
        if (!r.b.token) { aviso.textContent = r.status === 409 ? 'Este e-mail já tem conta.' : 'Confira o e-mail e a senha.'; return; }
        entrou(r.b.token, u);
      });
    });
    return ['Nova conta', form];
  },
};

function entrou(token, usuario) {
  guardar('sessao', token); guardar('usuario', usuario);
  historico = [];
  ir('inicio');
}

function sair() {
  api('logout');
  apagar('sessao'); apagar('usuario');
  historico = [];
  ir('inicio');
}

function ir(nome, arg, deVolta) {
  if (!deVolta && tela.dataset.tela && tela.dataset.tela !== nome) historico.push([tela.dataset.tela, tela.dataset.arg]);
  if (nome === 'inicio') historico = [];
  const [t, ...conteudo] = TELAS[nome](arg);
  tela.dataset.tela = nome;
  tela.dataset.arg = arg == null ? '' : arg;
  titulo.textContent = t;
  tela.replaceChildren(...conteudo);
  voltar.hidden = historico.length === 0;
  montarMenu();
  window.scrollTo(0, 0);
}

voltar.addEventListener('click', () => {
  const [nome, arg] = historico.pop() || ['inicio', ''];
  ir(nome, arg === '' ? undefined : arg, true);
});

document.querySelectorAll('#menu-anuncio button').forEach((b) => b.addEventListener('click', () => {
  $('#menu-anuncio').hidePopover();
  recado(b.dataset.acao === 'compartilhar' ? 'Link copiado.' : 'Obrigado, vamos analisar o anúncio.');
}));
$('#fazer-oferta').addEventListener('close', (ev) => {
  if (ev.target.returnValue === 'enviar') recado('Oferta enviada ao vendedor.');
});
$('#como-cancelar [data-fechar]').addEventListener('click', () => $('#como-cancelar').close());

/* the app's own notification soft-ask: only «Ativar» asks the browser; «Agora não» (or Esc) stores nothing */
function pedirNavegador() {
  if (!('Notification' in window)) return Promise.resolve('denied');
  return Notification.requestPermission().then((r) => { guardar('notificacoes', r); return r; });
}
const folha = $('#pedir-notificacoes');
folha.addEventListener('click', (ev) => {
  const r = ev.target.dataset && ev.target.dataset.resposta;
  if (!r) return;
  folha.close();
  if (r === 'ativar') { guardar('notif-perguntado', '1'); pedirNavegador(); }
});
function talvezPedirNotificacoes() {
  if (!ler('notif-perguntado') && !folha.open) folha.showModal();
}

/* consent through the library: the status it reads and the URLs it posts to are data: URLs made here */
function statusAtual() {
  const resp = JSON.parse(ler('cookies') || 'null');
  const status = {
    csrftoken: 'feira', acceptUrl: 'data:text/plain,ok', declineUrl: 'data:text/plain,ok',
    acceptedCookieGroups: resp ? resp.aceitos : [],
    declinedCookieGroups: resp ? resp.recusados : [],
    notAcceptedOrDeclinedCookieGroups: resp ? [] : OPCIONAIS.slice(),
  };
  return 'data:application/json,' + encodeURIComponent(JSON.stringify(status));
}
function perguntarCookies() {
  return showCookieBar({
    statusUrl: statusAtual(),
    onShow() {
      const d = document.querySelector('dialog.cookies');
      d.addEventListener('cancel', (ev) => ev.preventDefault());    // Esc does not answer it
      d.showModal();
    },
    onAccept(grupos, ev) {
      if (!ev) return;                                   // called at launch for groups answered before
      guardar('cookies', JSON.stringify({aceitos: grupos.map((g) => g.varname), recusados: [], em: Date.now()}));
      setTimeout(talvezPedirNotificacoes, 300);
    },
    onDecline(grupos, ev) {
      if (!ev) return;
      guardar('cookies', JSON.stringify({aceitos: [], recusados: grupos.map((g) => g.varname), em: Date.now()}));
      setTimeout(talvezPedirNotificacoes, 300);
    },
  });
}

ir('inicio');
perguntarCookies().then(() => { if (ler('cookies')) talvezPedirNotificacoes(); });
