/* 悦读: an e-book reader with no account. At every launch it requests notifications while they are not granted
   (before anything is shown), then the consent iframe unless the user accepted earlier (after a reject it comes
   back on every launch), then an update prompt (以后再说) and, on the first launch, a rating prompt (下次再说). */
(function () {
  var screens = {
    shelf: function (v, K) {
      v.appendChild(K.el('h2', '', '我的书架'));
      ['三体', '活着', '围城'].forEach(function (b) { v.appendChild(K.tap(b, 'card', function () { K.go('read'); })); });
      var status = K.el('p', 'status');
      v.appendChild(K.tap('更新提醒', 'card feature', function () {
        status.textContent = Notification.permission === 'granted' ? '书籍更新时会通知您' : '通知未开启，无法提醒更新';
      }));
      v.appendChild(status);
      return '悦读';
    },
    read: ['阅读', '第一章 ……'],
    mine: function (v, K) { K.rows(v, [['阅读记录', 'history'], ['设置', 'settings'], ['帮助与反馈', 'help']]); return '我的'; },
    settings: function (v, K) {
      K.rows(v, [['登录密码', 'pwd'], ['字体大小', 'font'], ['清除阅读记录', function () { K.store.del('history'); K.toast('阅读记录已清除'); }], ['关于悦读', 'about']]);
      return '设置';
    },
    pwd: ['登录密码', '悦读无需注册登录，阅读记录只保存在本机。'], history: ['阅读记录', '暂无记录'], font: ['字体大小', '中'],
    help: ['帮助与反馈', '常见问题'], about: ['关于悦读', '悦读 3.1.0（语料测试应用）']
  };
  function prompts(K) {
    K.dialog({title: '发现新版本 3.2', text: '新版本优化了翻页动画。'}, [
      ['以后再说', 'plain', function (close) { close(); rating(); }],
      ['立即更新', 'cta', function (close) { close(); K.toast('已是最新测试版本'); rating(); }]]);
    function rating() {
      if (K.store.get('rated')) return;
      K.store.set('rated', '1');
      K.dialog({title: '喜欢悦读吗？', text: '给我们打个分吧。'}, [
        ['下次再说', 'plain', function (close) { close(); }],
        ['去评分', 'cta', function (close) { close(); }]]);
    }
  }
  Kit.start({id: 'yuedu', lang: 'zh', mode: 'button', color: '#ff7a00', backLabel: '返回', tabs: [['书架', 'shelf'], ['我的', 'mine']], screens: screens,
    launch: function (K) {
      if (Notification.permission !== 'granted') Notification.requestPermission();
      if (K.store.get('consent') === 'all') return prompts(K);
      var f = document.createElement('iframe');
      f.className = 'consent'; f.src = 'consent.html'; f.title = '个人信息保护提示';
      window.addEventListener('message', function on(e) {
        if (e.origin !== location.origin || !e.data || !e.data.yueduConsent) return;
        window.removeEventListener('message', on);
        K.store.set('consent', e.data.yueduConsent); f.remove(); prompts(K);
      });
      document.body.appendChild(f);
    }});
}());
