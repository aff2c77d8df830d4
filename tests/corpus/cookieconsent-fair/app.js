/* さんぽ日和: a walking-route app (Japanese). Consent by vanilla-cookieconsent (index.html), fair. Location asked
   on use. Deletion: アカウント → 設定 → アカウントを削除 → 削除する (dialog キャンセル / 削除する, equal). */
(function () {
  var ERR = {empty: '両方の欄を入力してください。', taken: 'このメールアドレスは登録済みです。', wrong: 'メールアドレスまたはパスワードが違います。',
             invalid: 'パスワードは6文字以上にしてください。', pending: function (d) { return 'アカウントは' + d + '日後に削除されます。'; }};
  var screens = {
    home: function (v, K) {
      v.appendChild(K.el('h2', '', '今日のおすすめコース'));
      v.appendChild(K.tap('川沿いの桜並木 4.2km', 'card', function () { K.go('course'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: '近くのコースを探す', p: 'geolocation', on: '近くに3つのコースがあります。', off: '位置情報がオフのため、近くのコースを探せません。'}, status);
      v.appendChild(status);
      return 'さんぽ日和';
    },
    course: ['コース', '約1時間、ゆるやかな坂があります。'],
    account: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['ログイン', 'login'], ['新規登録', 'signup'], ['ヘルプ', 'help']]); return 'アカウント'; }
      v.appendChild(K.el('p', 'note', K.user() + ' でログイン中'));
      K.rows(v, [['歩いた記録', 'log'], ['設定', 'settings'], ['ヘルプ', 'help'], ['ログアウト', function () { K.logout(); }]]);
      return 'アカウント';
    },
    settings: function (v, K) {
      K.rows(v, [['通知', 'notif'], ['プライバシー', 'privacy'], ['アカウントを削除', function () {
        K.dialog({title: 'アカウントを削除しますか？', text: '歩いた記録はすぐに削除され、元に戻せません。'}, [
          ['キャンセル', 'plain', function (close) { close(); }],
          ['削除する', 'plain', function (close) { K.api('delete').then(function (r) { close(); if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('deleted'); } }); }]]);
      }]]);
      return '設定';
    },
    deleted: function (v, K) { v.appendChild(K.el('div', 'card', 'アカウントを削除しました。')); v.appendChild(K.tap('完了', 'cta', function () { K.home(); })); return '削除完了'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'メールアドレス', userType: 'email', pass: 'パスワード', submit: 'ログイン', errors: ERR}); return 'ログイン'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'メールアドレス', userType: 'email', pass: 'パスワード', submit: '登録する', errors: ERR}); return '新規登録'; },
    help: ['ヘルプ', 'よくある質問'], log: ['歩いた記録', 'まだ記録がありません。'], notif: ['通知', 'オフ'], privacy: ['プライバシー', 'データ利用の設定はいつでも変更できます。']
  };
  Kit.start({id: 'sanpo', lang: 'ja', mode: 'aria', color: '#ad1457', backLabel: '戻る', tabs: [['ホーム', 'home'], ['アカウント', 'account']], screens: screens});
}());
