/* ひかりフォト: screens rendered into <main id=view> from small template functions; a history stack for the ‹
   back control; the corpus server's accounts under api/. Notifications: Notification.requestPermission() at the
   first launch only (flag hikari:tsuchi), straight from the browser, no pre-prompt; the answer only changes the
   line 通知 in 設定. Deletion: マイページ → 設定 → アカウント → 退会する → wizard page 1 (a reason among div
   role=radio rows, 次へ) → page 2 (a notice in .scrollbox; the div role=checkbox tick refuses with a toast until the
   notice was scrolled to its end) → 退会する → 退会が完了しました. */
(function () {
  const P = 'hikari:';
  const view = document.getElementById('view');
  const title = document.getElementById('title');
  let stack = [];

  if (!localStorage.getItem(P + 'tsuchi') && 'Notification' in window) {
    localStorage.setItem(P + 'tsuchi', 'asked');
    Notification.requestPermission();
  }

  function token() { return localStorage.getItem(P + 'token'); }
  async function api(action, body) {
    const headers = { 'Content-Type': 'application/json' };
    if (token()) headers.Authorization = 'Bearer ' + token();
    const r = await fetch('api/' + action, { method: 'POST', headers, body: JSON.stringify(body || {}) });
    return { status: r.status, body: await r.json() };
  }
  function toast(text) {
    const t = document.createElement('div'); t.className = 'toast'; t.setAttribute('role', 'status'); t.textContent = text;
    document.body.appendChild(t); setTimeout(() => t.remove(), 2600);
  }
  function esc(s) { return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c])); }
  function rows(items) {
    return '<ul class="menu">' + items.map(([label, to]) => to
      ? `<li><div role="link" tabindex="0" data-to="${to}">${esc(label)}</div></li>`
      : `<li><div class="info">${label}</div></li>`).join('') + '</ul>';
  }
  const COLORS = ['#f3c98b', '#9ccbe0', '#c5ddb0', '#e8a9a0', '#d7c6e8', '#f0e09a', '#a9d6c8', '#e3b58f', '#b7c4d9'];

  const SCREENS = {
    home: () => ['ひかりフォト', '<p>最近の写真</p><div class="photos">' + COLORS.map((c) => `<div style="background:${c}"></div>`).join('') + '</div>'],
    album: () => ['アルバム', rows([['家族 (24)'], ['旅行 (51)'], ['ごはん (17)']])],
    mypage: () => token()
      ? ['マイページ', `<p>${esc(localStorage.getItem(P + 'user') || '')} さん</p>` + rows([['お気に入り (3)'], ['設定', 'settings'], ['ヘルプ', 'help']])]
      : ['マイページ', '<p>ログインすると写真をバックアップできます。</p><button type="button" class="btn" data-to="login">ログイン</button><button type="button" class="btn sub" data-to="signup">新規登録</button>'],
    help: () => ['ヘルプ', '<p>よくある質問はこちらにまとめています。</p>' + rows([['写真が表示されない'], ['容量について']])],
    settings: () => ['設定', rows([
      ['アカウント', 'account'],
      ['通知 <span>' + ('Notification' in window && Notification.permission === 'granted' ? 'オン' : 'オフ') + '</span>'],
      ['画質 <span>標準</span>'],
      ['ログアウト', 'logout']])],
    account: () => ['アカウント', `<p>メールアドレス: ${esc(localStorage.getItem(P + 'user') || '')}</p>` + rows([['パスワードの変更', 'help'], ['退会する', 'leave1']])],
    login: () => ['ログイン', form('ログインする')],
    signup: () => ['新規登録', form('登録する')],
    leave1: () => ['退会手続き', `<p class="steps">1 / 2</p><p>退会の理由を選んでください。</p>
      <div role="radiogroup" aria-label="退会の理由">${['使う機会が減った', '容量が足りない', 'ほかのアプリを使う', 'その他']
        .map((r) => `<div class="radio" role="radio" aria-checked="false" tabindex="0">${r}</div>`).join('')}</div>
      <p class="err" id="err"></p><button type="button" class="btn" id="next">次へ</button>`],
    leave2: () => ['退会手続き', `<p class="steps">2 / 2</p><p>退会前に以下の注意事項を最後までお読みください。</p>
      <div class="scrollbox" id="notice">${NOTICE.map((t) => `<p>${t}</p>`).join('')}</div>
      <div class="tick" role="checkbox" aria-checked="false" aria-disabled="true" tabindex="0" id="tick">注意事項を確認しました</div>
      <button type="button" class="btn" id="leave" aria-disabled="true">退会する</button>`],
    done: () => ['退会完了', '<div class="done"><h2>退会が完了しました</h2><p>ご利用ありがとうございました。</p></div>']
  };
  const NOTICE = [
    '1. 退会すると、アップロードしたすべての写真と動画は削除され、復元できません。',
    '2. 共有アルバムに参加している場合、あなたが追加した写真もほかのメンバーから見えなくなります。',
    '3. 有料プランをご利用の場合、残りの期間分の料金は返金されません。',
    '4. 同じメールアドレスで再登録しても、以前のデータは引き継がれません。',
    '5. 退会の手続きが完了すると、ログインはできなくなります。',
    '6. 印刷サービスの注文中の商品は、退会後も発送されます。',
    '7. お問い合わせの履歴は法令に基づき一定期間保管されます。',
    '8. 以上の内容を確認のうえ、退会の手続きを進めてください。'
  ];

  function form(submit) {
    return `<div class="form"><label for="mail">メールアドレス</label><input id="mail" type="email" autocomplete="username">
      <label for="pass">パスワード</label><input id="pass" type="password" autocomplete="current-password">
      <p class="err" id="err"></p><button type="button" class="btn" id="send">${submit}</button></div>`;
  }

  // mode: 'push' (a row or button: ‹ comes back here), 'back' (the ‹ control), 'root' (a tab, an end screen)
  function show(name, mode) {
    if (name === 'logout') { api('logout'); localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); mode = 'root'; name = 'mypage'; }
    if (mode === 'push') stack.push(current); else if (mode === 'root') stack = [];
    current = name;
    const [head, html] = SCREENS[name]();
    title.textContent = head;
    const back = document.querySelector('.bar .back');
    if (back) back.remove();
    if (stack.length && name !== 'done') {
      const b = document.createElement('button'); b.type = 'button'; b.className = 'back'; b.setAttribute('aria-label', '戻る'); b.textContent = '‹';
      b.addEventListener('click', () => show(stack.pop(), 'back'));
      title.before(b);
    }
    view.innerHTML = html;
    view.scrollTop = 0;
    document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('now', t.dataset.go === name));
    wire(name);
  }
  let current = 'home';

  function wire(name) {
    view.querySelectorAll('[data-to]').forEach((e) => e.addEventListener('click', () => show(e.dataset.to, 'push')));
    if (name === 'login' || name === 'signup') {
      view.querySelector('#send').addEventListener('click', async () => {
        const username = view.querySelector('#mail').value.trim(), password = view.querySelector('#pass').value;
        if (!username || !password) { view.querySelector('#err').textContent = 'メールアドレスとパスワードを入力してください。'; return; }
        const r = await api(name, { username, password });
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', username); show('mypage', 'root'); }
        else view.querySelector('#err').textContent = name === 'signup' ? '登録できませんでした（パスワードは6文字以上）。' : 'メールアドレスまたはパスワードが違います。';
      });
    }
    if (name === 'leave1') {
      let reason = '';
      view.querySelectorAll('[role=radio]').forEach((r) => r.addEventListener('click', () => {
        view.querySelectorAll('[role=radio]').forEach((o) => o.setAttribute('aria-checked', 'false'));
        r.setAttribute('aria-checked', 'true'); reason = r.textContent; view.querySelector('#err').textContent = '';
      }));
      view.querySelector('#next').addEventListener('click', () => {
        if (!reason) { view.querySelector('#err').textContent = '理由を選んでください。'; return; }
        sessionStorage.setItem(P + 'reason', reason); show('leave2', 'push');
      });
    }
    if (name === 'leave2') {
      const notice = view.querySelector('#notice'), tick = view.querySelector('#tick'), leave = view.querySelector('#leave');
      let read = false;
      notice.addEventListener('scroll', () => {
        if (notice.scrollTop + notice.clientHeight >= notice.scrollHeight - 4) { read = true; tick.setAttribute('aria-disabled', 'false'); }
      });
      tick.addEventListener('click', () => {
        if (!read) { toast('注意事項を最後までスクロールしてください。'); return; }
        const on = tick.getAttribute('aria-checked') !== 'true';
        tick.setAttribute('aria-checked', String(on)); leave.setAttribute('aria-disabled', String(!on));
      });
      leave.addEventListener('click', async () => {
        if (tick.getAttribute('aria-checked') !== 'true') { toast('注意事項の確認にチェックを入れてください。'); return; }
        const r = await api('delete', { reason: sessionStorage.getItem(P + 'reason') || '' });
        if (r.status === 200) { localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); show('done', 'root'); }
        else toast('退会できませんでした。もう一度お試しください。');
      });
    }
  }

  document.querySelectorAll('.tab').forEach((t) => t.addEventListener('click', () => show(t.dataset.go, 'root')));
  show('home', 'root');
})();
