/* 画报: a picture-news app. Launch: a splash advert (跳过 5, gone by itself after 5 s), the privacy page (不同意 /
   同意, equal), then a full-screen location wall whose only control, 去开启, asks the browser again; while
   location is refused the wall never goes away. Deletion: 我的 → 设置 → 账号与安全 → 注销账号 → a notice whose
   agree box refuses (toast) until the notice is scrolled to its end → a reason (required) → a confirmation
   with a big 保留账号 and a small grey 确认注销 under a guilt-tripping title → pending for 7 days. */
(function () {
  var ERR = {empty: '请填写手机号和密码', taken: '该手机号已注册', wrong: '手机号或密码错误', invalid: '请输入11位手机号和至少6位密码',
             pending: function (d) { return '账号注销中，' + d + '天后完成'; }};
  var NOTICE = ['1. 注销后，账号内的收藏、评论、积分将被清空，且无法恢复。', '2. 注销后，您将无法再使用该账号登录画报及关联服务。',
    '3. 账号内若有未完成的订单或未使用的会员权益，注销即视为自愿放弃。', '4. 提交申请后有7天冷静期，期间登录即可撤销注销。',
    '5. 冷静期结束后，我们将删除或匿名化处理您的个人信息，法律法规另有规定的除外。', '6. 注销不代表您在使用期间的行为责任得以豁免。',
    '7. 如对注销有疑问，可在“帮助中心”查看常见问题。'];
  var screens = {
    home: function (v, K) {
      v.appendChild(K.el('h2', '', '今日画报'));
      ['城市夜景：十座桥的灯光', '秋天的银杏大道', '一碗面的七十年'].forEach(function (t) { v.appendChild(K.tap(t, 'card', function () { K.go('story'); })); });
      var status = K.el('p', 'status');
      K.feature(v, {label: '扫一扫', p: 'camera', on: '请将二维码放入框内', off: '未获得相机权限，无法扫码'}, status);
      v.appendChild(status);
      return '画报';
    },
    story: ['正文', '图片故事加载完成。'],
    me: function (v, K) {
      if (!K.loggedIn()) {
        v.appendChild(K.el('p', 'note', '登录后可同步收藏'));
        K.rows(v, [['登录', 'login'], ['注册', 'signup'], ['帮助中心', 'help']]);
        return '我的';
      }
      v.appendChild(K.el('p', 'note', '用户 ' + K.user()));
      K.rows(v, [['我的收藏', 'fav'], ['设置', 'settings'], ['帮助中心', 'help'], ['联系客服', 'contact']]);
      return '我的';
    },
    settings: function (v, K) {
      K.rows(v, [['账号与安全', 'security'], ['消息通知', 'notif'], ['清除缓存', function () { K.toast('缓存已清除'); }], ['关于画报', 'about']]);
      v.appendChild(K.tap('退出登录', 'plain', function () { K.logout(); }));
      return '设置';
    },
    security: function (v, K) { K.rows(v, [['修改密码', 'pwd'], ['绑定手机', 'phone'], ['联系客服', 'contact'], ['注销账号', 'notice']]); return '账号与安全'; },
    notice: function (v, K) {
      var box = K.el('div', 'scrollbox');
      NOTICE.forEach(function (p) { box.appendChild(K.el('p', '', p)); });
      v.appendChild(box);
      var read = false;
      box.addEventListener('scroll', function () { if (box.scrollTop + box.clientHeight >= box.scrollHeight - 4) read = true; });
      var agree = K.check('我已阅读并同意《注销须知》', false, {guard: function () { if (!read) K.toast('请先阅读完注销须知'); return read; }});
      v.appendChild(agree.node);
      var m = K.msg(v);
      v.appendChild(K.tap('下一步', 'cta', function () { if (!agree.checked()) { m.textContent = '请先勾选同意注销须知'; return; } K.go('reason'); }));
      return '注销须知';
    },
    reason: function (v, K) {
      v.appendChild(K.el('p', 'note', '请选择注销原因'));
      var r = K.radios('reason', ['不再使用', '担心隐私', '有其他账号', '体验不好']);
      v.appendChild(r.node);
      var m = K.msg(v);
      v.appendChild(K.tap('下一步', 'cta', function () {
        if (!r.value()) { m.textContent = '请选择注销原因'; return; }
        K.dialog({title: '真的要狠心离开画报吗？', text: '注销后，您收藏的画报和积分将全部清空，我们会很想念您的。', stack: true}, [
          ['保留账号', 'big', function (close) { close(); K.home(); }],
          ['确认注销', 'grey', function (close) {
            K.api('delete', {reason: r.value()}).then(function (res) { close(); if (res.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('done'); } });
          }]]);
      }));
      return '注销原因';
    },
    done: function (v, K) {
      v.appendChild(K.el('div', 'card', '注销申请已提交，账号将在7天后注销。期间登录可撤销。'));
      v.appendChild(K.tap('完成', 'cta', function () { K.home(); }));
      return '注销申请已提交';
    },
    login: function (v, K) { K.credentials(v, {action: 'login', user: '手机号', userType: 'tel', pass: '密码', submit: '登录', errors: ERR}); return '登录'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: '手机号', userType: 'tel', pass: '设置密码', submit: '注册', agree: '我已阅读并同意《用户协议》和《隐私政策》', agreeMissing: '请先同意用户协议', errors: ERR}); return '注册'; },
    fav: ['我的收藏', '还没有收藏'], help: ['帮助中心', '常见问题：如何收藏画报？点右上角的星标。'], contact: ['联系客服', '客服热线：工作日 9:00-18:00'],
    notif: ['消息通知', '推送设置'], about: ['关于画报', '画报 5.1.0（语料测试应用）'], pwd: ['修改密码', '请通过短信验证后修改'], phone: ['绑定手机', '已绑定']
  };
  function splash(K, then) {
    var s = K.el('div', 'splash'); s.appendChild(K.el('div', 'ad', '双十一 画报会员 5 折'));
    var n = 5, skip = K.tap('跳过 5', 'skip', finish);
    s.appendChild(skip); document.body.appendChild(s);
    var timer = setInterval(function () { n -= 1; if (n <= 0) finish(); else skip.textContent = '跳过 ' + n; }, 1000);
    function finish() { if (!s.parentNode) return; clearInterval(timer); s.remove(); then(); }
  }
  function privacy(K, then) {
    if (K.store.get('consent')) return then();
    var p = K.el('div', 'page');
    p.appendChild(K.el('h2', '', '画报隐私保护指引'));
    p.appendChild(K.el('p', 'note', '我们会收集设备信息用于推荐内容，收集位置信息用于本地新闻。您可以选择不同意，仍可浏览公开内容。'));
    var row = K.el('div', 'btns');
    row.appendChild(K.tap('不同意', 'cta', function () { K.store.set('consent', 'none'); p.remove(); then(); }));
    row.appendChild(K.tap('同意', 'cta', function () { K.store.set('consent', 'all'); p.remove(); then(); }));
    p.appendChild(row); document.body.appendChild(p);
  }
  function wall(K) {
    K.state('geolocation').then(function (st) {
      if (st === 'granted') return;
      var w = K.el('div', 'wall');
      w.appendChild(K.el('h2', '', '开启定位权限'));
      var text = K.el('p', 'note', '画报需要获取您的位置，为您推荐本地新闻。请开启定位后使用。');
      w.appendChild(text);
      w.appendChild(K.tap('去开启', 'cta', function () {
        K.ask('geolocation').then(function (r) { if (r === 'granted') w.remove(); else text.textContent = '定位权限未开启，开启后才能继续使用画报。'; });
      }));
      document.body.appendChild(w);
    });
  }
  Kit.start({id: 'huabao', lang: 'zh', mode: 'div', color: '#c2185b', tabs: [['首页', 'home'], ['我的', 'me']], screens: screens,
    launch: function (K) { splash(K, function () { privacy(K, function () { wall(K); }); }); }});
}());
