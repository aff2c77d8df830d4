/* 快递驿站: a parcel-locker app (Chinese). Consent by vanilla-cookieconsent (index.html), dark and hidden from
   webdriver. Camera asked on use (扫码取件). Deletion: 我的 → 设置 → 注销账号 → 确认注销 (dialog 取消 / 确认注销). */
(function () {
  var ERR = {empty: '请填写手机号和密码', taken: '该手机号已注册', wrong: '手机号或密码错误', invalid: '请输入11位手机号和至少6位密码',
             pending: function (d) { return '账号将在' + d + '天后注销'; }};
  var screens = {
    home: function (v, K) {
      v.appendChild(K.el('h2', '', '我的包裹'));
      v.appendChild(K.tap('待取件 2 件', 'card', function () { K.go('parcels'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: '扫码取件', p: 'camera', on: '请对准柜门上的二维码', off: '相机权限未开启，请输入取件码取件'}, status);
      v.appendChild(status);
      return '快递驿站';
    },
    parcels: ['待取件', '取件码 3-2-1105，3-1-0912'],
    me: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['登录', 'login'], ['注册', 'signup'], ['帮助', 'help']]); return '我的'; }
      v.appendChild(K.el('p', 'note', '用户 ' + K.user()));
      K.rows(v, [['取件记录', 'log'], ['设置', 'settings'], ['帮助', 'help'], ['退出登录', function () { K.logout(); }]]);
      return '我的';
    },
    settings: function (v, K) {
      K.rows(v, [['消息通知', 'notif'], ['隐私设置', 'privacy'], ['注销账号', function () {
        K.dialog({title: '注销账号', text: '注销后取件记录将立即删除，且无法恢复。'}, [
          ['取消', 'plain', function (close) { close(); }],
          ['确认注销', 'plain', function (close) { K.api('delete').then(function (r) { close(); if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('deleted'); } }); }]]);
      }]]);
      return '设置';
    },
    deleted: function (v, K) { v.appendChild(K.el('div', 'card', '账号已注销')); v.appendChild(K.tap('完成', 'cta', function () { K.home(); })); return '注销成功'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: '手机号', userType: 'tel', pass: '密码', submit: '登录', errors: ERR}); return '登录'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: '手机号', userType: 'tel', pass: '设置密码', submit: '注册', errors: ERR}); return '注册'; },
    help: ['帮助', '取件码在短信里'], log: ['取件记录', '暂无记录'], notif: ['消息通知', '已开启'], privacy: ['隐私设置', '可在此修改 Cookie 设置']
  };
  Kit.start({id: 'kuaidi', lang: 'zh', mode: 'div', color: '#1565c0', tabs: [['首页', 'home'], ['我的', 'me']], screens: screens});
}());
