/* ルーメン写真プリント: screens drawn into <main>, a stack for the in-app back, accounts through the corpus
   server's api/. Consent: @stormid/cookie-banner (global CookieBanner from its UMD build) with our templates. */
(function () {
  'use strict';
  var P = 'lumen-ja:';
  var view = document.getElementById('view');
  var title = document.getElementById('title');
  var back = document.getElementById('back');
  var stack = [];
  var photos = 0;
  var scanMsg = '';

  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function row(text, sub, fn) {
    var b = el('button', 'row', text); b.type = 'button';
    if (sub) b.appendChild(el('small', '', sub));
    b.addEventListener('click', fn); view.appendChild(b); return b;
  }
  function btn(text, cls, fn) {
    var b = el('button', cls, text); b.type = 'button'; b.addEventListener('click', fn); view.appendChild(b); return b;
  }

  var SCREENS = {
    home: ['ルーメン写真プリント', function () {
      var h = el('div', 'hero');
      h.appendChild(el('h2', '', 'スマホの写真を、きれいなプリントに。'));
      h.appendChild(el('p', '', 'L判 1枚 33円から。最短で翌日お届け。'));
      view.appendChild(h);
      btn('プリントを注文する', 'btn', function () { go('size'); });
      view.appendChild(el('p', 'note', '今月のおすすめ：ましかくプリントが 10% オフ'));
    }],
    size: ['サイズを選ぶ', function () {
      row('L判', '89 × 127 mm ・ 1枚 33円', function () { go('photos'); });
      row('2L判', '127 × 178 mm ・ 1枚 88円', function () { go('photos'); });
      row('ましかく', '89 × 89 mm ・ 1枚 45円', function () { go('photos'); });
    }],
    photos: ['写真を追加', function () {
      view.appendChild(el('p', 'note', 'プリントする写真を選ぶか、紙の写真をスキャンして取り込みます。'));
      btn('アルバムから選ぶ', 'btn', function () { photos += 3; go('photos', true); });
      btn('スキャン', 'btn sub', scan);
      if (scanMsg) view.appendChild(el('p', 'warn', scanMsg));
      view.appendChild(el('p', 'note', photos ? photos + '枚選択済み' : 'まだ写真が選ばれていません'));
      if (photos) btn('カートに入れる', 'btn', function () { go('cart'); });
    }],
    cart: ['カート', function () {
      view.appendChild(el('p', 'ok', photos + '枚のプリントをカートに入れました。'));
      btn('ホームに戻る', 'btn sub', function () { stack = []; go('home', true); });
    }],
    history: ['注文履歴', function () { view.appendChild(el('p', 'note', '注文履歴はまだありません。')); }],
    mypage: ['マイページ', function () {
      if (!token()) {
        row('ログイン', '', function () { go('login'); });
        row('新規登録', '', function () { go('signup'); });
        return;
      }
      view.appendChild(el('p', '', 'ようこそ、' + localStorage.getItem(P + 'user') + ' さん'));
      row('お届け先', '', function () { go('address'); });
      row('クーポン', '', function () { go('coupons'); });
      row('ログアウト', '', function () {
        api('logout'); localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); go('mypage', true);
      });
    }],
    address: ['お届け先', function () { view.appendChild(el('p', 'note', 'お届け先はまだ登録されていません。')); }],
    coupons: ['クーポン', function () { view.appendChild(el('p', 'note', '使えるクーポンはありません。')); }],
    settings: ['設定', function () {
      row('通知', 'お届け状況のお知らせ', function () { go('notices'); });
      row('表示言語', '日本語', function () {});
      row('プライバシーポリシー', '', function () { go('policy'); });
      row('アカウント管理', '', function () { go('account'); });
    }],
    notices: ['通知', function () { view.appendChild(el('p', 'note', 'お届け状況はアプリ内の注文履歴でお知らせします。')); }],
    policy: ['プライバシーポリシー', function () {
      ['お預かりした写真はプリントのためだけに使い、発送から30日後に削除します。',
       'メールアドレスは注文のご連絡に使います。アカウントを削除すると、すぐに消去されます。',
       'カメラは「スキャン」を使ったときだけ利用します。'].forEach(function (t) { view.appendChild(el('p', 'note', t)); });
    }],
    account: ['アカウント管理', function () {
      if (!token()) {
        view.appendChild(el('p', 'note', 'ログインするとアカウントを管理できます。'));
        btn('ログイン', 'btn', function () { go('login'); });
        return;
      }
      row('メールアドレスの変更', localStorage.getItem(P + 'user'), function () {});
      row('パスワードの変更', '', function () {});
      row('アカウントを削除', '', function () { go('delete'); });
    }],
    'delete': ['アカウントを削除', function () { deleteForm(); }],
    deleted: ['アカウント削除', function () {
      view.appendChild(el('p', 'ok', 'アカウントを削除しました。ご利用ありがとうございました。'));
    }],
    login: ['ログイン', function () { accountForm('login', 'ログインする'); }],
    signup: ['新規登録', function () { accountForm('signup', '登録する'); }]
  };

  function accountForm(action, label) {
    var f = el('form');
    var lu = el('label', '', 'メールアドレス'); lu.htmlFor = action + '-mail'; f.appendChild(lu);
    var u = el('input'); u.id = action + '-mail'; u.type = 'email'; f.appendChild(u);
    var lp = el('label', '', 'パスワード'); lp.htmlFor = action + '-pw'; f.appendChild(lp);
    var p = el('input'); p.id = action + '-pw'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'btn', label); b.type = 'submit'; f.appendChild(b);
    var e = el('p', 'err'); f.appendChild(e);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { e.textContent = 'メールアドレスとパスワードを入力してください。'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim());
          stack = []; go('mypage', true); return;
        }
        e.textContent = {401: 'メールアドレスまたはパスワードが違います。', 409: 'このメールアドレスは登録済みです。',
                         400: 'パスワードは6文字以上にしてください。'}[r.status] || 'エラーが発生しました。';
      });
    });
    view.appendChild(f);
  }

  var typedPassword = '';
  function deleteForm() {
    view.appendChild(el('p', 'note', 'アカウントを削除すると、注文履歴・アルバム・ポイントがすべて消去されます。'));
    var f = el('form');
    var lp = el('label', '', 'パスワード'); lp.htmlFor = 'del-pw'; f.appendChild(lp);
    var p = el('input'); p.id = 'del-pw'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'btn', '次へ'); b.type = 'submit'; f.appendChild(b);
    var e = el('p', 'err'); e.id = 'del-err'; f.appendChild(e);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!p.value) { e.textContent = 'パスワードを入力してください。'; return; }
      e.textContent = ''; typedPassword = p.value;
      document.getElementById('confirm').hidden = false;
    });
    view.appendChild(f);
  }

  function scan() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      scanMsg = 'この端末ではスキャンを使えません。アルバムから写真を選んでください。'; go('photos', true); return;
    }
    navigator.mediaDevices.getUserMedia({video: true}).then(function (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      scanMsg = ''; photos += 1; go('photos', true);
    }, function (err) {
      scanMsg = err && err.name === 'NotAllowedError'
        ? 'カメラが許可されていないため、スキャンは使えません。アルバムから写真を選んでください。'
        : 'カメラが見つかりません。アルバムから写真を選んでください。';
      go('photos', true);
    });
  }

  function draw(name) {
    var s = SCREENS[name];
    view.textContent = ''; title.textContent = s[0];
    back.hidden = stack.length < 2;
    document.querySelectorAll('[data-tab]').forEach(function (b) {
      if (b.dataset.tab === stack[0]) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    s[1]();
  }
  function go(name, replace) {
    if (replace && stack.length) stack[stack.length - 1] = name; else stack.push(name);
    draw(name);
  }
  back.addEventListener('click', function () { if (stack.length > 1) { stack.pop(); draw(stack[stack.length - 1]); } });
  document.querySelectorAll('[data-tab]').forEach(function (b) {
    b.addEventListener('click', function () { stack = []; go(b.dataset.tab); });
  });
  document.getElementById('gear').addEventListener('click', function () { stack = []; go('settings'); });

  document.getElementById('keep').addEventListener('click', function () { document.getElementById('confirm').hidden = true; });
  document.getElementById('really-delete').addEventListener('click', function () {
    api('delete', {password: typedPassword}).then(function (r) {
      document.getElementById('confirm').hidden = true;
      if (r.status !== 200) {
        var e = document.getElementById('del-err');
        if (e) e.textContent = 'パスワードが正しくありません。';
        return;
      }
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      stack = []; go('deleted');
    });
  });

  // consent: the banner offers only 同意して続ける and 設定を選ぶ; the preferences form (the library's, in our
  // template) sits inside the banner, hidden until 設定を選ぶ, every purpose suggested (許可する pre-selected)
  document.addEventListener('banner.show', function () {
    var opt = document.querySelector('.cb-options');
    var box = document.querySelector('.privacy-banner__form-container');
    if (!opt || !box) return;
    opt.addEventListener('click', function () { box.hidden = false; opt.hidden = true; });
  });
  function mark(name) {
    return function () { document.cookie = name + '=' + Date.now().toString(36) + '; path=/lumen-ja/; max-age=31536000'; };
  }
  var TYPES = {
    analytics: ['アクセス解析', 'アプリの使われ方を計測し、改善に使います。', '解析を許可する', '解析を許可しない', '_lumen_an'],
    ads: ['広告のパーソナライズ', '提携先と情報を共有し、あなたに合った広告を表示します。', '広告を許可する', '広告を許可しない', '_lumen_ad'],
    sns: ['SNS連携', 'SNSのボタンや共有機能を表示します。', 'SNS連携を許可する', 'SNS連携を許可しない', '_lumen_sns']
  };
  var types = {};
  Object.keys(TYPES).forEach(function (k) {
    var t = TYPES[k];
    types[k] = {title: t[0], description: t[1], labels: {yes: t[2], no: t[3]}, suggested: true, fns: [mark(t[4])]};
  });
  if (window.CookieBanner) {
    window.CookieBanner({
      name: 'lumen_cookie_prefs',
      path: '/lumen-ja/',
      secure: false,
      samesite: 'lax',
      policyURL: '#policy',
      savedMessage: '設定を保存しました。',
      types: types,
      bannerTemplate: function (model) {
        return '<section role="dialog" aria-label="Cookieについて" class="' + model.classNames.banner + '">' +
          '<div class="privacy-banner__title">Cookieについて</div>' +
          '<p>ルーメンでは、より快適にご利用いただくために Cookie を使用しています。「同意して続ける」を押すと、' +
          'アクセス解析・広告・SNS連携に Cookie を使うことに同意したものとみなされます。</p>' +
          '<button type="button" class="' + model.classNames.acceptBtn + '">同意して続ける</button>' +
          '<button type="button" class="cb-options">設定を選ぶ</button>' +
          '<div class="' + model.classNames.formContainer + '" hidden></div>' +
          '</section>';
      },
      formTemplate: function (model) {
        var c = model.settings.classNames;
        return '<form id="preferences" class="' + c.form + '" novalidate>' +
          Object.keys(model.settings.types).map(function (type) {
            var t = model.settings.types[type];
            return '<fieldset class="' + c.fieldset + '"><legend class="' + c.legend + '">' +
              '<span class="' + c.title + '">' + t.title + '</span>' +
              '<span class="' + c.description + '">' + t.description + '</span></legend>' +
              '<label class="privacy-banner__label"><input class="' + c.field + '" type="radio" name="privacy-' + type +
              '" value="1"' + (model.consent[type] === 1 ? ' checked' : '') + '><span>' + t.labels.yes + '</span></label>' +
              '<label class="privacy-banner__label"><input class="' + c.field + '" type="radio" name="privacy-' + type +
              '" value="0"' + (model.consent[type] === 0 ? ' checked' : '') + '><span>' + t.labels.no + '</span></label>' +
              '</fieldset>';
          }).join('') +
          '<button class="' + c.submitBtn + '"' +
          (Object.keys(model.consent).length !== Object.keys(model.settings.types).length ? ' disabled' : '') +
          '>選択を保存</button></form>';
      }
    });
  }

  window.addEventListener('hashchange', function () {
    if (location.hash === '#policy') { stack = []; go('policy'); history.replaceState(null, '', location.pathname); }
  });
  go('home');
}());
