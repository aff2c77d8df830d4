/* 茶館 — a tea-shop loyalty app (points for receipts) on the corpus shell in 'div' mode: plain <div>s with click
   listeners, div checkboxes with a drawn tick, no inputs but the text fields.
   Launch: a splash advert for 3 s at every launch («跳過 3», counting down; tapping it ends it at once); then, while no
   answer is stored, the consent banner in a same-origin <iframe> (consent.html) docked at the bottom.
   The camera is asked only when 掃描收據 is tapped; refused, the receipt code is typed instead.
   Deletion: 我的 → 設定 → 帳號與安全 → 註銷帳號 → three conditions, each a div tick → 申請註銷 → «確定要註銷帳號嗎？»
   (取消 / 確定註銷 alike) → deleted at once. */
(function () {
  var ERR = {empty: '請輸入電子郵件與密碼', taken: '此電子郵件已註冊', wrong: '電子郵件或密碼錯誤', invalid: '密碼至少需要 6 個字元',
             pending: function () { return '帳號註銷處理中'; }};
  var CONDITIONS = ['帳號內的點數與優惠券將全部作廢，且無法恢復', '帳號內沒有尚未領取的訂單', '我已閱讀並同意《茶館帳號註銷須知》'];

  function points(K) { return Number(K.store.get('points') || 0); }
  function addPoint(K, status) { K.store.set('points', String(points(K) + 1)); status.textContent = '收據已登錄，點數 +1'; }

  var screens = {
    home: function (v, K) {
      var card = K.el('div', 'points');
      card.appendChild(K.el('div', '', '我的點數'));
      card.appendChild(K.el('div', 'n', String(points(K))));
      v.appendChild(card);
      var status = K.el('p', 'status');
      v.appendChild(K.tap('掃描收據', 'card feature', function () {
        K.ask('camera').then(function (r) {
          if (r === 'granted') { status.textContent = '請將收據上的 QR Code 對準框內'; setTimeout(function () { addPoint(K, status); }, 800); return; }
          status.textContent = '未取得相機權限，請手動輸入收據編號';
          K.go('code');
        });
      }));
      v.appendChild(status);
      v.appendChild(K.tap('本月新品：桂花烏龍', 'card', function () { K.go('news'); }));
      return '茶館';
    },
    code: function (v, K) {
      var input = K.input(v, '收據編號', 'text', '例如 AB-12345678');
      var status = K.el('p', 'status');
      v.appendChild(K.tap('登錄收據', 'cta', function () { if (input.value.trim()) addPoint(K, status); else status.textContent = '請輸入收據編號'; }));
      v.appendChild(status);
      return '輸入收據編號';
    },
    news: ['新品', '桂花烏龍，微甜花香，限時加點 2 倍。'],
    stores: ['門市', '大安店、信義店、中山店'],
    me: function (v, K) {
      if (!K.loggedIn()) {
        v.appendChild(K.el('p', 'note', '登入後即可累積點數'));
        K.rows(v, [['登入', 'login'], ['註冊', 'signup'], ['常見問題', 'faq']]);
        return '我的';
      }
      v.appendChild(K.el('p', 'note', '會員 ' + K.user()));
      K.rows(v, [['我的優惠券', 'coupons'], ['消費紀錄', 'history'], ['設定', 'settings'], ['常見問題', 'faq']]);
      return '我的';
    },
    settings: function (v, K) {
      K.rows(v, [['帳號與安全', 'security'], ['通知設定', 'notif'], ['語言', 'lang'], ['關於茶館', 'about']]);
      v.appendChild(K.tap('登出', 'plain', function () { K.logout(); }));
      return '設定';
    },
    security: function (v, K) { K.rows(v, [['修改密碼', 'pwd'], ['綁定手機', 'phone'], ['註銷帳號', 'conditions']]); return '帳號與安全'; },
    conditions: function (v, K) {
      v.appendChild(K.el('p', 'note', '申請註銷前，請確認以下條件：'));
      var wrap = K.el('div', 'conds');
      var ticks = CONDITIONS.map(function (c) { var t = K.check(c, false); wrap.appendChild(t.node); return t; });
      v.appendChild(wrap);
      var m = K.msg(v);
      v.appendChild(K.tap('申請註銷', 'cta', function () {
        if (!ticks.every(function (t) { return t.checked(); })) { m.textContent = '請確認並勾選所有條件'; return; }
        K.dialog({title: '確定要註銷帳號嗎？', text: '註銷後將無法恢復。'}, [
          ['取消', 'plain', function (close) { close(); }],
          ['確定註銷', 'plain', function (close) {
            K.api('delete', {}).then(function (r) {
              close();
              if (r.status !== 200) { K.toast('發生錯誤，請稍後再試'); return; }
              K.store.del('token'); K.store.del('user'); K.store.del('points');
              K.tab('deleted');
            });
          }]]);
      }));
      return '註銷帳號';
    },
    deleted: function (v, K) {
      v.appendChild(K.el('div', 'card', '帳號已註銷，感謝您曾經光臨茶館。'));
      v.appendChild(K.tap('回首頁', 'cta', function () { K.home(); }));
      return '註銷完成';
    },
    login: function (v, K) { K.credentials(v, {action: 'login', user: '電子郵件', userType: 'email', pass: '密碼', submit: '登入', errors: ERR}); return '登入'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: '電子郵件', userType: 'email', pass: '密碼', submit: '註冊', errors: ERR}); return '註冊'; },
    coupons: ['我的優惠券', '目前沒有優惠券'], history: ['消費紀錄', '尚無紀錄'], faq: ['常見問題', '點數一年內有效。'],
    notif: ['通知設定', '推播通知：關閉'], lang: ['語言', '繁體中文'], about: ['關於茶館', '茶館 2.4.0（語料測試應用）'],
    pwd: ['修改密碼', '請透過電子郵件驗證後修改'], phone: ['綁定手機', '尚未綁定']
  };

  function splash(K, then) {
    var s = K.el('div', 'splash');
    s.appendChild(K.el('div', 'ad', '買一送一'));
    s.appendChild(K.el('div', 'sub', '全品項手搖茶 本週限定'));
    var n = 3, skip = K.tap('跳過 3', 'skip', finish);
    s.appendChild(skip); document.body.appendChild(s);
    var timer = setInterval(function () { n -= 1; if (n <= 0) finish(); else skip.textContent = '跳過 ' + n; }, 1000);
    function finish() { if (!s.parentNode) return; clearInterval(timer); s.remove(); then(); }
  }
  function consent(K) {
    if (K.store.get('consent')) return;
    var f = document.createElement('iframe');
    f.className = 'consent-frame';
    f.src = 'consent.html';
    f.title = '隱私設定';
    window.chaguanConsentTall = function () { f.classList.add('tall'); };
    window.chaguanConsentDone = function () { f.remove(); };
    document.body.appendChild(f);
  }
  Kit.start({id: 'chaguan', lang: 'zh-TW', mode: 'div', color: '#33691e',
    tabs: [['首頁', 'home'], ['門市', 'stores'], ['我的', 'me']], screens: screens,
    launch: function (K) { splash(K, function () { consent(K); }); }});
}());
