/* Reference app for the consent-flow audit suite.
 *
 * One generic single-page app rendered from the variant config (GET /api/<variant>/config).
 * Nothing here is specific to one variant: a new variant is a new JSON file.
 *
 * DOM contract (see refapp/README.md): every view is <section class="screen" id="screen-NAME">,
 * every modal is <div class="modal" role="dialog" id="dlg-NAME">; only the active view and the
 * open modals are displayed. Within a view nothing is inserted or removed while it is shown:
 * messages go into elements that always exist, only their text changes.
 */
(function () {
  'use strict';

  var STRINGS = {
    en: {
      tab_home: 'Home', tab_me: 'Me', back: 'Back', loading: 'Loading…',
      me_guest: 'Not logged in', me_guest_hint: 'Log in to sync your data across devices.',
      me_user_hint: 'Personal account',
      me_login: 'Log in', me_signup: 'Sign up',
      login_title: 'Log in', signup_title: 'Create account',
      username: 'Username', username_ph: 'Choose a username', phone: 'Phone number', phone_ph: 'Mobile number',
      password: 'Password', password_ph: 'At least 6 characters',
      login_submit: 'Log in', signup_submit: 'Create account',
      fill_all: 'Please fill in all fields.', agree_required: 'Please tick the box to agree first.',
      taken: 'This username is already registered.', login_error: 'Wrong username or password.',
      pending_text: 'This account is scheduled for deletion and will be deleted within {days} days.',
      network_error: 'Something went wrong. Please try again.',
      features_title: 'Quick actions', feed_title: 'For you',
      feature_geolocation: 'Nearby', feature_notifications: 'Alerts', feature_camera: 'Scan',
      state_on: 'On', state_off: 'Off',
      status_geolocation_on: 'Showing places near you.',
      status_geolocation_off: 'Location is off, so Nearby is unavailable.',
      status_notifications_on: 'Alerts are on.',
      status_notifications_off: 'Notifications are off, so you will not get alerts.',
      status_camera_on: 'Scanner ready.',
      status_camera_off: 'Camera access is off, so Scan is unavailable.',
      blocker_title: 'Permission required',
      blocker_geolocation: 'This app cannot be used without access to your location.',
      blocker_notifications: 'This app cannot be used without notifications.',
      blocker_camera: 'This app cannot be used without the camera.',
      blocker_retry: 'Turn on', blocker_exit: 'Exit',
      rationale_title: 'Permission needed',
      rationale_geolocation: 'Location access is required to continue.',
      rationale_notifications: 'Notifications are required to continue.',
      rationale_camera: 'Camera access is required to continue.',
      rationale_cancel: 'Cancel', rationale_allow: 'Turn on',
      manage_title: 'Privacy choices', manage_intro: 'Choose which purposes you allow. You can change this later.',
      consent_save: 'Save choices', result_title: 'Delete account', result_done: 'Done',
      sms_send: 'Send code', next: 'Next', verify_failed: 'Verification failed.',
      policy_title: 'Privacy policy', policy_link: 'Read our privacy policy',
      policy_heading: 'How we handle your data',
      policy_paragraphs: [
        'This policy explains what the app collects and why.',
        'We collect your username and password to run your account, and the data a feature needs when you use it.',
        'The app asks for location, notifications and camera only when you use a feature that needs them; you can say no.',
        'We do not sell your data. You can delete your account in the app at any time.',
        'If we change this policy, we will tell you in the app before the change takes effect.'
      ],
      face_required: 'Please complete the face scan first.',
      face_consent_required: 'Please tick the separate consent for face login first.'
    },
    zh: {
      tab_home: '首页', tab_me: '我的', back: '返回', loading: '加载中…',
      me_guest: '未登录', me_guest_hint: '登录后可同步数据，享受更多服务',
      me_user_hint: '个人账号',
      me_login: '登录', me_signup: '注册',
      login_title: '登录', signup_title: '注册',
      username: '用户名', username_ph: '请输入用户名', phone: '手机号', phone_ph: '请输入手机号',
      password: '密码', password_ph: '请输入密码（至少6位）',
      login_submit: '登录', signup_submit: '注册',
      fill_all: '请填写完整信息', agree_required: '请先阅读并勾选同意协议',
      taken: '该账号已注册', login_error: '账号或密码错误',
      pending_text: '该账号正在注销中，将在{days}个工作日内处理完成',
      network_error: '网络异常，请稍后重试',
      features_title: '常用功能', feed_title: '推荐',
      feature_geolocation: '附近', feature_notifications: '消息提醒', feature_camera: '扫一扫',
      state_on: '已开启', state_off: '未开启',
      status_geolocation_on: '正在为您展示附近的内容',
      status_geolocation_off: '未开启定位权限，无法使用附近功能',
      status_notifications_on: '消息提醒已开启',
      status_notifications_off: '未开启通知权限，将无法收到消息提醒',
      status_camera_on: '扫一扫已就绪',
      status_camera_off: '未开启相机权限，无法使用扫一扫',
      blocker_title: '需要开启权限',
      blocker_geolocation: '需要获取您的位置信息才能使用本应用，请开启定位权限。',
      blocker_notifications: '需要开启通知权限才能使用本应用。',
      blocker_camera: '需要开启相机权限才能使用本应用。',
      blocker_retry: '去开启', blocker_exit: '退出',
      rationale_title: '权限申请',
      rationale_geolocation: '为保证服务正常使用，需要开启定位权限。',
      rationale_notifications: '为及时接收重要消息，需要开启通知权限。',
      rationale_camera: '为保证服务正常使用，需要开启相机权限。',
      rationale_cancel: '取消', rationale_allow: '去开启',
      manage_title: '隐私设置', manage_intro: '请选择您允许的用途，可随时在设置中修改。',
      consent_save: '保存', result_title: '注销账号', result_done: '完成',
      sms_send: '获取验证码', next: '下一步', verify_failed: '验证失败',
      policy_title: '隐私政策', policy_link: '查看《隐私政策》全文',
      policy_heading: '我们如何处理您的个人信息',
      policy_paragraphs: [
        '本政策说明本应用收集哪些个人信息以及用途。',
        '我们收集您的用户名和密码以提供账号服务，并在您使用某项功能时收集该功能所需的信息。',
        '仅在您使用相关功能时，我们才会申请位置权限、通知权限和相机权限，您可以拒绝。',
        '我们不会出售您的个人信息。您可以随时在应用内注销账号。',
        '本政策如有变更，我们会在变更生效前在应用内通知您。'
      ],
      face_required: '请先完成人脸核验',
      face_consent_required: '请先单独勾选同意人脸信息处理'
    }
  };

  var ICONS = {
    back: 'M20 11H7.83l5.59-5.59L12 4l-8 8 8 8 1.41-1.41L7.83 13H20v-2z',
    home: 'M10 20v-6h4v6h5v-8h3L12 3 2 12h3v8z',
    person: 'M12 12c2.21 0 4-1.79 4-4s-1.79-4-4-4-4 1.79-4 4 1.79 4 4 4zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z',
    chevron: 'M10 6L8.59 7.41 13.17 12l-4.58 4.59L10 18l6-6z',
    geolocation: 'M12 2C8.13 2 5 5.13 5 9c0 5.25 7 13 7 13s7-7.75 7-13c0-3.87-3.13-7-7-7zm0 9.5a2.5 2.5 0 1 1 0-5 2.5 2.5 0 0 1 0 5z',
    notifications: 'M12 22c1.1 0 2-.9 2-2h-4c0 1.1.89 2 2 2zm6-6v-5c0-3.07-1.64-5.64-4.5-6.32V4c0-.83-.67-1.5-1.5-1.5s-1.5.67-1.5 1.5v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z',
    camera: 'M12 15.2a3.2 3.2 0 1 0 0-6.4 3.2 3.2 0 0 0 0 6.4zM9 2L7.17 4H4c-1.1 0-2 .9-2 2v12c0 1.1.9 2 2 2h16c1.1 0 2-.9 2-2V6c0-1.1-.9-2-2-2h-3.17L15 2H9z',
    warning: 'M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z',
    face: 'M9 11.75a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5zm6 0a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5zM12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8 0-.29.02-.58.05-.86 2.36-1.05 4.23-2.98 5.21-5.37a9.97 9.97 0 0 0 10.41 3.97c.21.71.33 1.47.33 2.26 0 4.41-3.59 8-8 8z',
    check: 'M9 16.17L4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z',
    shield: 'M12 1L3 5v6c0 5.55 3.84 10.74 9 12 5.16-1.26 9-6.45 9-12V5l-9-4z'
  };

  var PERMS = ['geolocation', 'notifications', 'camera'];
  // element ids of the permission-dependent features on #screen-home (contract: see refapp/README.md)
  var FEATURE_IDS = { geolocation: 'feature-geolocation', notifications: 'feature-notifications', camera: 'feature-camera' };

  var V = null;          // variant config
  var S = null;          // strings (language defaults + variant overrides)
  var NAME = '';         // variant name
  var screens = {};      // name -> {el, title, root, onShow, noTopbar, noBack, onBack}
  var stack = [];        // navigation stack of screen names
  var launchResults = {};
  var consentResolve = null;
  var deletionData = {};
  var pendingFeature = {};

  // ---------------------------------------------------------------- helpers
  function $(id) { return document.getElementById(id); }

  function h(tag, attrs) {
    var el = document.createElement(tag);
    var a = attrs || {};
    Object.keys(a).forEach(function (k) {
      var v = a[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') el.textContent = v;
      else if (k === 'cls') el.className = v;
      else if (k === 'on') Object.keys(v).forEach(function (ev) { el.addEventListener(ev, v[ev]); });
      else if (k === 'data') Object.keys(v).forEach(function (d) { el.dataset[d] = v[d]; });
      else if (k === 'disabled' || k === 'checked') el[k] = !!v;
      else el.setAttribute(k, v === true ? '' : v);
    });
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }

  function icon(name, cls) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('class', 'icon' + (cls ? ' ' + cls : ''));
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', ICONS[name] || ICONS.chevron);
    svg.appendChild(path);
    return svg;
  }

  function fmt(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) {
      return values && values[k] !== undefined ? values[k] : m;
    });
  }

  var store = {
    key: function (k) { return 'refapp:' + NAME + ':' + k; },
    get: function (k) { try { return localStorage.getItem(store.key(k)); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(store.key(k), v); } catch (e) { /* private mode */ } },
    del: function (k) { try { localStorage.removeItem(store.key(k)); } catch (e) { /* ignore */ } }
  };

  function auth() {
    var token = store.get('token');
    return token ? { token: token, username: store.get('username') || '' } : null;
  }

  function api(method, action, body) {
    var headers = { 'Content-Type': 'application/json' };
    var a = auth();
    if (a) headers.Authorization = 'Bearer ' + a.token;
    return fetch('/api/' + encodeURIComponent(NAME) + '/' + action, {
      method: method, headers: headers, body: body ? JSON.stringify(body) : undefined,
      credentials: 'same-origin', cache: 'no-store'
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        return { ok: res.ok, status: res.status, data: data };
      });
    }).catch(function () { return { ok: false, status: 0, data: { error: S.network_error } }; });
  }

  // ---------------------------------------------------------------- navigation
  function addScreen(name, opts, content) {
    var el = h('section', { cls: 'screen' + (opts.cls ? ' ' + opts.cls : ''), id: 'screen-' + name });
    append(el, content);
    $('screens').appendChild(el);
    screens[name] = {
      el: el, title: opts.title || '', root: !!opts.root, onShow: opts.onShow || null,
      noTopbar: !!opts.noTopbar, noBack: !!opts.noBack || !!opts.root, onBack: opts.onBack || null
    };
    return el;
  }

  function render() {
    var name = stack[stack.length - 1];
    var scr = screens[name];
    Object.keys(screens).forEach(function (n) { screens[n].el.classList.toggle('active', n === name); });
    if (scr.onShow) scr.onShow(scr.el);
    document.body.classList.toggle('no-topbar', scr.noTopbar);
    document.body.classList.toggle('no-tabbar', !scr.root);
    $('nav-back').classList.toggle('hidden', scr.noBack);
    $('nav-title').textContent = typeof scr.title === 'function' ? scr.title() : scr.title;
    $('tab-home').classList.toggle('active', name === 'home');
    $('tab-me').classList.toggle('active', name === 'me');
    window.scrollTo(0, 0);
  }

  function go(name) { stack.push(name); render(); }
  function replace(name) { stack = [name]; render(); }
  function back() {
    var scr = screens[stack[stack.length - 1]];
    if (scr && scr.onBack) { scr.onBack(); return; }
    if (stack.length > 1) { stack.pop(); render(); }
  }

  function addModal(id, cls, content) {
    var el = h('div', { cls: 'modal' + (cls ? ' ' + cls : ''), role: 'dialog', 'aria-modal': 'true', id: id },
      h('div', { cls: 'modal-card' }, content));
    $('modals').appendChild(el);
    return el;
  }
  function openModal(id) { $(id).classList.add('open'); document.body.classList.add('modal-open'); }
  function closeModal(id) {
    var el = $(id);
    if (el) el.classList.remove('open');
    if (!document.querySelector('.modal.open')) document.body.classList.remove('modal-open');
  }
  function closeAllModals() {
    Array.prototype.forEach.call(document.querySelectorAll('.modal.open'), function (m) { m.classList.remove('open'); });
    document.body.classList.remove('modal-open');
  }

  // ---------------------------------------------------------------- permissions (real browser APIs)
  function requestPermission(p) {
    if (p === 'geolocation') {
      return new Promise(function (resolve) {
        if (!navigator.geolocation) { resolve('denied'); return; }
        var settled = false;
        var finish = function (r) { if (!settled) { settled = true; resolve(r); } };
        navigator.geolocation.getCurrentPosition(
          function (pos) {
            emit('position', { name: NAME, config: V, lat: pos.coords.latitude, lon: pos.coords.longitude });
            finish('granted');
          },
          function (err) { finish(err && err.code === 1 ? 'denied' : 'granted'); },
          { maximumAge: 600000, timeout: 10000 });
        // The permission decision is known long before a position fix (which may never come without a
        // network): once the permission reads "granted", go on. A denial arrives as error code 1 at once.
        if (navigator.permissions && navigator.permissions.query) {
          navigator.permissions.query({ name: 'geolocation' }).then(function (status) {
            var check = function () { if (status.state === 'granted') finish('granted'); };
            check();
            status.onchange = check;
          }, function () { /* no Permissions API: wait for the callback */ });
        }
      });
    }
    if (p === 'notifications') {
      if (typeof Notification === 'undefined' || !Notification.requestPermission) return Promise.resolve('denied');
      return Promise.resolve(Notification.requestPermission()).then(
        function (r) { return r === 'granted' ? 'granted' : 'denied'; },
        function () { return 'denied'; });
    }
    if (p === 'camera') {
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return Promise.resolve('denied');
      return navigator.mediaDevices.getUserMedia({ video: true }).then(function (stream) {
        stream.getTracks().forEach(function (t) { t.stop(); });
        return 'granted';
      }, function (err) { return err && err.name === 'NotAllowedError' ? 'denied' : 'granted'; });
    }
    return Promise.resolve('denied');
  }

  function perms() { return V.permissions || {}; }
  function requested(p) { return (perms().requested || []).indexOf(p) >= 0; }
  function atLaunch(p) { return (perms().at_launch || []).indexOf(p) >= 0; }

  function featureState(p) {
    if (!requested(p)) return 'on';
    if (atLaunch(p)) return launchResults[p] === 'denied' ? 'off' : 'on';
    return store.get('perm:' + p) === 'denied' ? 'off' : 'on';
  }

  function refreshFeatures() {
    PERMS.forEach(function (p) {
      var el = $(FEATURE_IDS[p]);
      if (!el) return;
      var st = featureState(p);
      el.dataset.state = st;
      el.querySelector('.feature-state').textContent = st === 'on' ? S.state_on : S.state_off;
    });
  }

  function onFeature(p) {
    if (pendingFeature[p]) return;
    var ask = requested(p) && !atLaunch(p) && !store.get('perm:' + p);
    var step = ask ? requestPermission(p).then(function (r) { store.set('perm:' + p, r); }) : Promise.resolve();
    pendingFeature[p] = true;
    step.then(function () {
      pendingFeature[p] = false;
      refreshFeatures();
      $('feature-status').textContent = S['status_' + p + '_' + featureState(p)];
    });
  }

  // ---------------------------------------------------------------- launch
  // the app's events for its third parties (refapp/static/tracking.js), as an SDK would hook them
  function emit(name, detail) {
    try { document.dispatchEvent(new CustomEvent('refapp:' + name, { detail: detail })); } catch (e) { /* none */ }
  }

  function launch() {
    document.body.dataset.launch = 'running';
    emit('launch', { name: NAME, config: V, consent: store.get('consent') || 'unanswered' });
    replace('splash');
    var consentStep = consentDue() ? runConsent() : Promise.resolve();
    return consentStep.then(runLaunchPermissions);
  }

  function launchDone() { document.body.dataset.launch = 'done'; }

  function runLaunchPermissions() {
    var list = perms().at_launch || [];
    var first = !store.get('launched');
    store.set('launched', '1');
    var chain = Promise.resolve();
    if (list.length && (first || perms().reask_on_relaunch)) {
      list.forEach(function (p) {
        chain = chain.then(function () { return requestPermission(p); })
          .then(function (r) { launchResults[p] = r; });
      });
      chain = chain.then(function () { store.set('launch-results', JSON.stringify(launchResults)); });
    } else if (list.length) {
      try { launchResults = JSON.parse(store.get('launch-results') || '{}'); } catch (e) { launchResults = {}; }
    }
    return chain.then(resolveLaunch);
  }

  // The first denied permission in at_launch order decides what happens.
  function resolveLaunch() {
    var list = perms().at_launch || [];
    var onDenied = perms().on_denied || {};
    for (var i = 0; i < list.length; i++) {
      var p = list[i];
      if (launchResults[p] !== 'denied') continue;
      var mode = onDenied[p] || 'degrade';
      if (mode === 'degrade') continue;
      if (mode === 'exit') { location.replace('about:blank'); return; }
      if (mode === 'blocker') { showBlocker(p); launchDone(); return; }
      if (mode === 'loop') { showRationale(p); launchDone(); return; }
    }
    closeModal('dlg-perm-rationale');
    refreshFeatures();
    replace('home');
    launchDone();
  }

  function retryLaunchPermission(p) {
    return requestPermission(p).then(function (r) {
      launchResults[p] = r;
      store.set('launch-results', JSON.stringify(launchResults));
      resolveLaunch();
    });
  }

  function showBlocker(p) {
    $('screen-perm-blocker').dataset.permission = p;
    $('blocker-text').textContent = S['blocker_' + p];
    closeModal('dlg-perm-rationale');
    replace('perm-blocker');
  }

  function showRationale(p) {
    $('dlg-perm-rationale').dataset.permission = p;
    $('rationale-text').textContent = S['rationale_' + p];
    if (stack[stack.length - 1] !== 'splash') replace('splash');
    openModal('dlg-perm-rationale');
  }

  // ---------------------------------------------------------------- consent
  function consentDue() {
    var decision = store.get('consent');
    if (!decision) return true;
    return decision === 'rejected' && !!V.consent.reshow_after_reject;
  }

  function runConsent() {
    return new Promise(function (resolve) {
      consentResolve = resolve;
      openModal('dlg-consent');
    });
  }

  function purposes() { return V.consent.purposes || []; }

  function finishConsent(decision, chosen) {
    store.set('consent', decision);
    emit('consent', { name: NAME, config: V, consent: decision });
    store.set('consent-purposes', JSON.stringify(chosen));
    closeAllModals();
    if (stack[stack.length - 1] !== 'splash') replace('splash');
    updateHomeMode();
    var r = consentResolve;
    consentResolve = null;
    if (r) r();
  }

  function saveConsent(skipShame) {
    var chosen = purposes().filter(function (p) { return $('purpose-' + p.id).checked; }).map(function (p) { return p.id; });
    if (!skipShame && V.consent.shame && chosen.length < purposes().length) { openModal('dlg-consent-shame'); return; }
    var decision = chosen.length === purposes().length ? 'accepted' : (chosen.length === 0 ? 'rejected' : 'custom');
    finishConsent(decision, chosen);
  }

  function updateHomeMode() {
    var el = $('home-mode');
    if (!el) return;
    el.textContent = store.get('consent') === 'rejected' ? (V.consent.reject_mode_text || '') : '';
  }

  function buildConsent() {
    var c = V.consent;
    var asym = c.style === 'asymmetric';
    var buttons;
    if (asym) {
      buttons = h('div', { cls: 'consent-actions consent-actions-stacked' },
        h('button', { type: 'button', cls: 'btn btn-hero', id: 'consent-accept', text: c.accept_label,
          on: { click: function () { finishConsent('accepted', purposes().map(function (p) { return p.id; })); } } }),
        c.reject_label ? h('button', { type: 'button', cls: 'link link-faint', id: 'consent-reject', text: c.reject_label,
          on: { click: function () { finishConsent('rejected', []); } } }) : null,
        c.manage_label ? h('button', { type: 'button', cls: 'link link-faint', id: 'consent-manage', text: c.manage_label,
          on: { click: openManage } }) : null);
    } else {
      buttons = h('div', { cls: 'consent-actions' },
        h('div', { cls: 'btn-row' },
          c.reject_label ? h('button', { type: 'button', cls: 'btn btn-primary', id: 'consent-reject', text: c.reject_label,
            on: { click: function () { finishConsent('rejected', []); } } }) : null,
          h('button', { type: 'button', cls: 'btn btn-primary', id: 'consent-accept', text: c.accept_label,
            on: { click: function () { finishConsent('accepted', purposes().map(function (p) { return p.id; })); } } })),
        c.manage_label ? h('button', { type: 'button', cls: 'link', id: 'consent-manage', text: c.manage_label,
          on: { click: openManage } }) : null);
    }
    addModal('dlg-consent', 'consent ' + (asym ? 'consent-asymmetric' : 'consent-equal'), [
      h('h2', { cls: 'modal-title', id: 'consent-title', text: c.title }),
      h('div', { cls: 'modal-body consent-text', id: 'consent-text' },
        (c.paragraphs || []).map(function (t) { return h('p', { text: t }); }),
        policy().at_first_run ? h('p', { cls: 'consent-policy' },
          h('button', { type: 'button', cls: 'link link-inline', id: 'consent-policy', text: policy().link_label,
            on: { click: openPolicyFromConsent } })) : null),
      buttons
    ]);

    if (c.manage_label) {
      addScreen('consent-manage', {
        title: c.manage_title || S.manage_title,
        onBack: function () { replace('splash'); openModal('dlg-consent'); }
      }, [
        h('p', { cls: 'screen-intro', text: c.manage_intro || S.manage_intro }),
        h('div', { cls: 'card list' }, purposes().map(function (p) {
          return h('label', { cls: 'list-item purpose', 'for': 'purpose-' + p.id },
            h('span', { cls: 'purpose-text' },
              h('span', { cls: 'list-label', text: p.label }),
              h('span', { cls: 'list-sub', text: p.description || '' })),
            h('input', { type: 'checkbox', cls: 'switch', id: 'purpose-' + p.id, checked: !!p.preticked }));
        })),
        h('div', { cls: 'screen-actions' },
          h('button', { type: 'button', cls: 'btn btn-primary btn-block', id: 'consent-save', text: c.save_label || S.consent_save,
            on: { click: function () { saveConsent(false); } } }))
      ]);
    }

    if (c.shame) {
      addModal('dlg-consent-shame', 'shame', [
        h('h2', { cls: 'modal-title', text: c.shame.title }),
        h('p', { cls: 'modal-body', text: c.shame.text }),
        h('div', { cls: 'consent-actions consent-actions-stacked' },
          h('button', { type: 'button', cls: 'btn btn-hero', id: 'shame-keep', text: c.shame.keep_label,
            on: { click: function () {
              purposes().forEach(function (p) { $('purpose-' + p.id).checked = true; });
              closeModal('dlg-consent-shame');
              saveConsent(true);
            } } }),
          h('button', { type: 'button', cls: 'link link-faint', id: 'shame-decline', text: c.shame.decline_label,
            on: { click: function () { closeModal('dlg-consent-shame'); saveConsent(true); } } }))
      ]);
    }
  }

  function openManage() {
    closeModal('dlg-consent');
    go('consent-manage');
  }

  // ---------------------------------------------------------------- fixed screens
  function buildSplash() {
    addScreen('splash', { noTopbar: true, noBack: true, cls: 'splash' }, [
      h('div', { cls: 'splash-logo', text: (V.app.name || '?').slice(0, 1) }),
      h('div', { cls: 'splash-name', text: V.app.name }),
      h('div', { cls: 'splash-tagline', text: V.app.tagline || '' })
    ]);
  }

  function buildHome() {
    var feed = (V.home && V.home.feed) || [];
    addScreen('home', { root: true, title: V.app.name }, [
      h('p', { cls: 'home-mode', id: 'home-mode' }),
      h('h2', { cls: 'section-title', text: S.features_title }),
      h('div', { cls: 'features' }, PERMS.map(function (p) {
        return h('button', { type: 'button', cls: 'feature', id: FEATURE_IDS[p], data: { state: 'on', permission: p },
          on: { click: function () { onFeature(p); } } },
          h('span', { cls: 'feature-icon' }, icon(p)),
          h('span', { cls: 'feature-label', text: S['feature_' + p] }),
          h('span', { cls: 'feature-state', text: S.state_on }));
      })),
      h('p', { cls: 'feature-status', id: 'feature-status', 'aria-live': 'polite' }),
      h('h2', { cls: 'section-title', text: S.feed_title }),
      h('div', { cls: 'feed' }, feed.map(function (item) {
        return h('article', { cls: 'card feed-item' },
          h('div', { cls: 'feed-thumb' }),
          h('div', { cls: 'feed-text' },
            h('h3', { text: item.title }),
            h('p', { text: item.text }),
            h('span', { cls: 'feed-meta', text: item.meta || '' })));
      }))
    ]);
  }

  function menuItem(item) {
    var cls = 'list-item list-button' + (item.style === 'danger' ? ' danger' : '') + (item.style === 'center' ? ' center' : '');
    return h('button', { type: 'button', cls: cls, id: item.id, on: { click: function () { runItem(item); } } },
      h('span', { cls: 'list-label', text: item.label }),
      item.value ? h('span', { cls: 'list-value', text: item.value }) : null,
      item.style === 'center' || item.style === 'danger' ? null : icon('chevron', 'chev'));
  }

  function menuGroups(items) {
    var groups = [];
    var current = null;
    items.forEach(function (item) {
      var g = item.group || 0;
      if (!current || current.g !== g) { current = { g: g, items: [] }; groups.push(current); }
      current.items.push(item);
    });
    return groups.map(function (g) { return h('div', { cls: 'card list' }, g.items.map(menuItem)); });
  }

  function runItem(item) {
    if (item.action === 'logout') { logout(); return; }
    if (item.action === 'delete') { startDeletion(); return; }
    if (item.to) go(item.to);
  }

  function buildMe() {
    addScreen('me', { root: true, title: S.tab_me, onShow: renderMe }, []);
  }

  function renderMe(el) {
    var a = auth();
    var items = ((V.me && V.me.items) || []).filter(function (it) { return !it.auth || a; });
    if (policy().placement === 'me') {
      items = items.concat([{ id: 'me-privacy-policy', label: policy().title, to: 'privacy-policy', group: 99 }]);
    }
    var header;
    if (a) {
      header = h('div', { cls: 'profile' },
        h('div', { cls: 'avatar' }, icon('person')),
        h('div', { cls: 'profile-text' },
          h('div', { cls: 'profile-name', id: 'me-username', text: a.username }),
          h('div', { cls: 'profile-sub', text: S.me_user_hint })));
    } else {
      header = h('div', { cls: 'profile' },
        h('div', { cls: 'avatar' }, icon('person')),
        h('div', { cls: 'profile-text' },
          h('div', { cls: 'profile-name', text: S.me_guest }),
          h('div', { cls: 'profile-sub', text: S.me_guest_hint }),
          h('div', { cls: 'btn-row' },
            h('button', { type: 'button', cls: 'btn btn-primary btn-small', id: 'me-login', text: S.me_login,
              on: { click: function () { resetForm('login'); go('login'); } } }),
            h('button', { type: 'button', cls: 'btn btn-outline btn-small', id: 'me-signup', text: S.me_signup,
              on: { click: function () { resetForm('signup'); go('signup'); } } }))));
    }
    el.textContent = '';
    append(el, [header, menuGroups(items)]);
  }

  function usernameField(prefix) {
    var phone = V.signup && V.signup.username_kind === 'phone';
    return h('label', { cls: 'field' },
      h('span', { cls: 'field-label', text: phone ? S.phone : S.username }),
      h('input', { type: phone ? 'tel' : 'text', id: prefix + '-username', autocomplete: 'username',
        placeholder: phone ? S.phone_ph : S.username_ph, inputmode: phone ? 'numeric' : null, maxlength: 64 }));
  }

  function passwordField(prefix, autocomplete) {
    return h('label', { cls: 'field' },
      h('span', { cls: 'field-label', text: S.password }),
      h('input', { type: 'password', id: prefix + '-password', autocomplete: autocomplete, placeholder: S.password_ph }));
  }

  function resetForm(prefix) {
    ['username', 'password'].forEach(function (f) { $(prefix + '-' + f).value = ''; });
    $(prefix + '-message').textContent = '';
    if ($('signup-agree') && prefix === 'signup') $('signup-agree').checked = false;
    if (prefix === 'signup') resetBiometric();
  }

  function buildLogin() {
    addScreen('login', { title: S.login_title }, [
      h('div', { cls: 'form card' },
        usernameField('login'),
        passwordField('login', 'current-password'),
        h('p', { cls: 'form-message', id: 'login-message', 'aria-live': 'polite' }),
        h('button', { type: 'button', cls: 'btn btn-primary btn-block', id: 'login-submit', text: S.login_submit,
          on: { click: doLogin } }))
    ]);
  }

  function doLogin() {
    var u = $('login-username').value.trim();
    var p = $('login-password').value;
    var msg = $('login-message');
    if (!u || !p) { msg.textContent = S.fill_all; return; }
    api('POST', 'login', { username: u, password: p }).then(function (r) {
      if (r.ok && r.data.status === 'active' && r.data.token) {
        store.set('token', r.data.token);
        store.set('username', u);
        replace('me');
      } else if (r.ok && r.data.status === 'pending') {
        msg.textContent = fmt(V.login_pending_text || S.pending_text, { days: r.data.waiting_days });
      } else {
        msg.textContent = r.status === 401 ? S.login_error : (r.data.error || S.network_error);
      }
    });
  }

  function buildSignup() {
    var agree = V.signup && V.signup.agree_label;
    addScreen('signup', { title: S.signup_title }, [
      h('div', { cls: 'form card' },
        usernameField('signup'),
        passwordField('signup', 'new-password'),
        buildBiometric(),
        agree ? h('label', { cls: 'check-row', 'for': 'signup-agree' },
          h('input', { type: 'checkbox', id: 'signup-agree' }),
          h('span', { text: agree })) : null,
        h('p', { cls: 'form-message', id: 'signup-message', 'aria-live': 'polite' }),
        h('button', { type: 'button', cls: 'btn btn-primary btn-block', id: 'signup-submit', text: S.signup_submit,
          on: { click: doSignup } }))
    ]);
  }

  function doSignup() {
    var u = $('signup-username').value.trim();
    var p = $('signup-password').value;
    var msg = $('signup-message');
    if (!u || !p) { msg.textContent = S.fill_all; return; }
    if ($('signup-agree') && !$('signup-agree').checked) { msg.textContent = S.agree_required; return; }
    if (faceChosen() && !faceVerified) { msg.textContent = S.face_required; return; }
    var body = { username: u, password: p };
    if (V.signup && V.signup.username_kind === 'phone') body.phone = u;
    api('POST', 'signup', body).then(function (r) {
      if (r.status === 201 && r.data.token) {
        store.set('token', r.data.token);
        store.set('username', u);
        replace('me');
      } else {
        msg.textContent = r.status === 409 ? S.taken : (r.data.error || S.network_error);
      }
    });
  }

  function logout() {
    api('POST', 'logout').then(function () {
      store.del('token');
      store.del('username');
      replace('me');
    });
  }

  function buildBlocker() {
    var modes = perms().on_denied || {};
    var needed = Object.keys(modes).some(function (k) { return modes[k] === 'blocker'; });
    if (!needed) return;
    addScreen('perm-blocker', { title: V.app.name, noBack: true, cls: 'blocker' }, [
      h('div', { cls: 'blocker-icon' }, icon('warning')),
      h('h2', { cls: 'blocker-title', text: S.blocker_title }),
      h('p', { cls: 'blocker-text', id: 'blocker-text' }),
      h('div', { cls: 'screen-actions' },
        h('button', { type: 'button', cls: 'btn btn-primary btn-block', id: 'blocker-retry', text: S.blocker_retry,
          on: { click: function () { retryLaunchPermission($('screen-perm-blocker').dataset.permission); } } }),
        h('button', { type: 'button', cls: 'btn btn-outline btn-block', id: 'blocker-exit', text: S.blocker_exit,
          on: { click: function () { location.replace('about:blank'); } } }))
    ]);
  }

  function buildRationale() {
    var modes = perms().on_denied || {};
    var needed = Object.keys(modes).some(function (k) { return modes[k] === 'loop'; });
    if (!needed) return;
    var again = function () { retryLaunchPermission($('dlg-perm-rationale').dataset.permission); };
    addModal('dlg-perm-rationale', 'rationale', [
      h('h2', { cls: 'modal-title', text: S.rationale_title }),
      h('p', { cls: 'modal-body', id: 'rationale-text' }),
      h('div', { cls: 'btn-row' },
        h('button', { type: 'button', cls: 'btn btn-outline', id: 'rationale-cancel', text: S.rationale_cancel, on: { click: again } }),
        h('button', { type: 'button', cls: 'btn btn-primary', id: 'rationale-allow', text: S.rationale_allow, on: { click: again } }))
    ]);
  }

  function buildConfigScreens() {
    var defs = V.screens || {};
    Object.keys(defs).forEach(function (name) {
      var d = defs[name];
      if (d.type === 'menu') {
        addScreen(name, { title: d.title }, [
          d.intro ? h('p', { cls: 'screen-intro', text: d.intro }) : null,
          menuGroups(d.items || [])
        ]);
      } else {
        addScreen(name, { title: d.title }, [
          h('div', { cls: 'card article' },
            d.heading ? h('h2', { text: d.heading }) : null,
            (d.paragraphs || []).map(function (t) { return h('p', { text: t }); }))
        ]);
      }
    });
  }

  // ---------------------------------------------------------------- privacy policy
  // V.policy (optional): {title, heading, paragraphs, link_label, at_first_run (default true),
  // placement 'me' (a row on Me, the default) | 'menu' (the variant's own menus lead to 'privacy-policy')}.
  var policyFromConsent = false;

  function policy() {
    var p = V.policy || {};
    return {
      title: p.title || S.policy_title, heading: p.heading || S.policy_heading,
      paragraphs: p.paragraphs || S.policy_paragraphs, link_label: p.link_label || S.policy_link,
      at_first_run: p.at_first_run !== false, placement: p.placement || 'me'
    };
  }

  function buildPolicy() {
    var p = policy();
    addScreen('privacy-policy', {
      title: p.title,
      onBack: function () {
        if (policyFromConsent) { policyFromConsent = false; replace('splash'); openModal('dlg-consent'); return; }
        if (stack.length > 1) { stack.pop(); render(); }
      }
    }, [
      h('div', { cls: 'card article policy', id: 'policy-text' },
        h('h2', { text: p.heading }),
        p.paragraphs.map(function (t, i) { return h('p', { id: 'policy-p-' + (i + 1), text: t }); }))
    ]);
  }

  function openPolicyFromConsent() {
    policyFromConsent = true;
    closeModal('dlg-consent');
    go('privacy-policy');
  }

  // ---------------------------------------------------------------- sign-up biometric gate
  // V.signup.biometric (optional): {kind 'face', required, intro, start_label, idle_text, ok_text,
  // denied_text, options [{id, label, face}] | null, consent_label | null}
  var faceVerified = false;

  function biometric() { return (V.signup && V.signup.biometric) || null; }

  function buildBiometric() {
    var b = biometric();
    if (!b) return null;
    return h('div', { cls: 'field biometric' },
      h('p', { cls: 'field-label', id: 'signup-face-intro', text: b.intro }),
      (b.options || []).map(function (o, i) {
        return h('label', { cls: 'check-row', 'for': o.id },
          h('input', { type: 'radio', name: 'signup-verify', id: o.id, checked: i === 0 }),
          h('span', { text: o.label }));
      }),
      b.consent_label ? h('label', { cls: 'check-row', 'for': 'signup-face-consent' },
        h('input', { type: 'checkbox', id: 'signup-face-consent' }),
        h('span', { text: b.consent_label })) : null,
      h('div', { cls: 'face-frame' }, icon('face')),
      h('p', { cls: 'face-status', id: 'signup-face-status', 'aria-live': 'polite', text: b.idle_text || '' }),
      h('button', { type: 'button', cls: 'btn btn-outline btn-block', id: 'signup-face-start', text: b.start_label,
        on: { click: function () {
          if (b.consent_label && !$('signup-face-consent').checked) {
            $('signup-face-status').textContent = S.face_consent_required;
            return;
          }
          requestPermission('camera').then(function (r) {
            faceVerified = r === 'granted';
            $('signup-face-status').textContent = faceVerified ? b.ok_text : b.denied_text;
            if (b.required) $('signup-submit').disabled = !faceVerified;
          });
        } } }));
  }

  function faceChosen() {
    var b = biometric();
    if (!b) return false;
    if (b.required) return true;
    return (b.options || []).some(function (o) { return o.face && $(o.id).checked; });
  }

  function resetBiometric() {
    var b = biometric();
    if (!b) return;
    faceVerified = false;
    $('signup-face-status').textContent = b.idle_text || '';
    (b.options || []).forEach(function (o, i) { $(o.id).checked = i === 0; });
    if ($('signup-face-consent')) $('signup-face-consent').checked = false;
    $('signup-submit').disabled = !!b.required;
  }

  // ---------------------------------------------------------------- deletion (generic steps)
  function delSteps() { return (V.deletion && V.deletion.steps) || []; }

  function stepMessageId(step) { return (step.modal || step.screen) + '-message'; }

  function startDeletion() {
    deletionData = {};
    delSteps().forEach(resetStep);
    gotoStep(0);
  }

  function resetStep(step) {
    var msg = $(stepMessageId(step));
    if (msg) msg.textContent = '';
    if (step.type === 'notice') {
      $(step.agree_id).checked = false;
      $(step.agree_id).disabled = true;
      $(step.next_id).disabled = true;
      $(step.hint_id).textContent = step.hint_before;
      $(step.scroll_id).scrollTop = 0;
    } else if (step.type === 'reason') {
      step.options.forEach(function (o) { $(o.id).checked = false; });
      $(step.next_id).disabled = true;
    } else if (step.type === 'form') {
      step.fields.forEach(function (f) {
        $(f.input_id).value = '';
        if (f.status_id) $(f.status_id).textContent = '';
      });
    } else if (step.type === 'face') {
      $(step.status_id).textContent = step.idle_text || '';
      $(step.next_id).disabled = true;
    }
  }

  function gotoStep(i) {
    var steps = delSteps();
    if (i >= steps.length) return;
    var step = steps[i];
    if (step.type === 'confirm') openModal(step.modal);
    else go(step.screen);
  }

  function stepDone(i) {
    var steps = delSteps();
    if (i === steps.length - 1) submitDeletion(steps[i]);
    else gotoStep(i + 1);
  }

  function submitDeletion(step) {
    api('POST', 'delete', deletionData).then(function (r) {
      if (r.ok) {
        store.del('token');
        store.del('username');
        closeAllModals();
        replace('delete-result');
      } else {
        var msg = $(stepMessageId(step));
        if (msg) msg.textContent = r.data.error || S.network_error;
      }
    });
  }

  function stepScreen(step, content) {
    addScreen(step.screen, { title: step.title }, [
      step.heading ? h('h2', { cls: 'step-heading', text: step.heading }) : null,
      content,
      h('p', { cls: 'form-message', id: stepMessageId(step), 'aria-live': 'polite' }),
      h('div', { cls: 'screen-actions' }, h('button', {
        type: 'button', cls: 'btn btn-primary btn-block', id: step.next_id, text: step.next_label || S.next,
        on: { click: step.onNext }
      }))
    ]);
  }

  function atEnd(el) { return el.scrollTop + el.clientHeight >= el.scrollHeight - 2; }

  function buildNotice(step, i) {
    var check = function () {
      var box = $(step.scroll_id);
      if (atEnd(box) && $(step.agree_id).disabled) {
        $(step.agree_id).disabled = false;
        $(step.hint_id).textContent = step.hint_after;
      }
    };
    step.onNext = function () { if ($(step.agree_id).checked) stepDone(i); };
    stepScreen(step, [
      h('div', { cls: 'notice-body card', id: step.scroll_id, tabindex: '0', on: { scroll: check } },
        (step.paragraphs || []).map(function (t) { return h('p', { text: t }); })),
      h('p', { cls: 'notice-hint', id: step.hint_id, text: step.hint_before }),
      h('label', { cls: 'check-row', 'for': step.agree_id },
        h('input', { type: 'checkbox', id: step.agree_id, disabled: true,
          on: { change: function () { $(step.next_id).disabled = !$(step.agree_id).checked; } } }),
        h('span', { text: step.agree_label }))
    ]);
    screens[step.screen].onShow = check;
  }

  function buildReason(step, i) {
    step.onNext = function () {
      var chosen = step.options.filter(function (o) { return $(o.id).checked; })[0];
      if (!chosen) return;
      deletionData.reason = chosen.id;
      stepDone(i);
    };
    stepScreen(step, h('div', { cls: 'card list', role: 'radiogroup' }, step.options.map(function (o) {
      return h('label', { cls: 'list-item radio-item', 'for': o.id },
        h('span', { cls: 'list-label', text: o.label }),
        h('input', { type: 'radio', name: step.screen + '-choice', id: o.id, value: o.id,
          on: { change: function () { $(step.next_id).disabled = false; } } }));
    })));
  }

  function buildForm(step, i) {
    step.onNext = function () {
      var missing = step.fields.some(function (f) { return !$(f.input_id).value.trim(); });
      if (missing) { $(stepMessageId(step)).textContent = S.fill_all; return; }
      step.fields.forEach(function (f) {
        var v = $(f.input_id).value;
        if (f.kind === 'sms') deletionData.sms_code = v.trim();
        else if (f.kind === 'id_number') deletionData.id_number = v.trim();
        else if (f.kind === 'password') deletionData.password = v;
      });
      $(stepMessageId(step)).textContent = '';
      stepDone(i);
    };
    stepScreen(step, h('div', { cls: 'form card' }, step.fields.map(function (f) {
      if (f.kind === 'sms') {
        return h('div', { cls: 'field' },
          h('label', { cls: 'field-label', 'for': f.input_id, text: f.label }),
          h('div', { cls: 'field-row' },
            h('input', { type: 'text', id: f.input_id, inputmode: 'numeric', autocomplete: 'one-time-code',
              maxlength: 6, placeholder: f.placeholder || '' }),
            h('button', { type: 'button', cls: 'btn btn-outline btn-small', id: f.send_id, text: f.send_label || S.sms_send,
              on: { click: function () {
                api('POST', 'sms').then(function (r) {
                  $(f.status_id).textContent = r.ok ? fmt(f.sent_text, { code: V.deletion.sms_code }) : (r.data.error || S.network_error);
                });
              } } })),
          h('p', { cls: 'field-hint', id: f.status_id, 'aria-live': 'polite' }));
      }
      return h('div', { cls: 'field' },
        h('label', { cls: 'field-label', 'for': f.input_id, text: f.label }),
        h('input', { type: f.kind === 'password' ? 'password' : 'text', id: f.input_id,
          autocomplete: f.kind === 'password' ? 'current-password' : 'off',
          maxlength: f.kind === 'id_number' ? 18 : null, placeholder: f.placeholder || '' }));
    })));
  }

  function buildFace(step, i) {
    step.onNext = function () { if (deletionData.face_verified) stepDone(i); };
    stepScreen(step, [
      h('div', { cls: 'face-frame' }, icon('face')),
      h('p', { cls: 'face-status', id: step.status_id, 'aria-live': 'polite', text: step.idle_text || '' }),
      h('div', { cls: 'screen-actions' },
        h('button', { type: 'button', cls: 'btn btn-outline btn-block', id: step.start_id, text: step.start_label,
          on: { click: function () {
            requestPermission('camera').then(function (r) {
              deletionData.face_verified = r === 'granted';
              $(step.status_id).textContent = r === 'granted' ? step.ok_text : step.denied_text;
              $(step.next_id).disabled = r !== 'granted';
            });
          } } }))
    ]);
  }

  function buildConfirm(step, i) {
    var shaming = step.style === 'shaming';
    var confirm = h('button', { type: 'button', cls: shaming ? 'link link-faint' : 'btn btn-danger', id: step.confirm_id,
      text: step.confirm_label, on: { click: function () { stepDone(i); } } });
    var cancel = h('button', { type: 'button', cls: shaming ? 'btn btn-hero' : 'btn btn-outline', id: step.cancel_id,
      text: step.cancel_label, on: { click: function () { closeModal(step.modal); } } });
    addModal(step.modal, 'confirm ' + (shaming ? 'confirm-shaming' : 'confirm-plain'), [
      h('h2', { cls: 'modal-title', text: step.title }),
      h('p', { cls: 'modal-body', text: step.text }),
      h('p', { cls: 'form-message', id: stepMessageId(step), 'aria-live': 'polite' }),
      shaming ? h('div', { cls: 'consent-actions consent-actions-stacked' }, cancel, confirm)
        : h('div', { cls: 'btn-row' }, cancel, confirm)
    ]);
  }

  function buildDeletion() {
    delSteps().forEach(function (step, i) {
      ({ notice: buildNotice, reason: buildReason, form: buildForm, face: buildFace, confirm: buildConfirm })[step.type](step, i);
    });
    delSteps().forEach(resetStep);
    var d = V.deletion || {};
    if (d.in_app === false) return;
    addScreen('delete-result', { title: d.result_title || S.result_title, noBack: true, cls: 'result' }, [
      h('div', { cls: 'result-icon' }, icon('check')),
      h('p', { cls: 'result-text', id: 'delete-result-text', text: d.result_text || '' }),
      h('div', { cls: 'screen-actions' },
        h('button', { type: 'button', cls: 'btn btn-primary btn-block', id: 'delete-result-done', text: S.result_done,
          on: { click: function () { replace('home'); } } }))
    ]);
  }

  // ---------------------------------------------------------------- boot
  function boot() {
    var m = location.pathname.match(/^\/app\/([a-z0-9-]+)\/?/);
    NAME = m ? m[1] : '';
    fetch('/api/' + NAME + '/config', { cache: 'no-store' }).then(function (r) {
      if (!r.ok) throw new Error('unknown variant');
      return r.json();
    }).then(function (config) {
      V = config;
      S = Object.assign({}, STRINGS[V.language] || STRINGS.en, V.strings || {});
      document.documentElement.lang = V.language === 'zh' ? 'zh-CN' : 'en';
      document.body.classList.add('lang-' + V.language);
      document.title = V.app.name;
      if (V.app.color) document.documentElement.style.setProperty('--primary', V.app.color);
      if (V.app.hero_color) document.documentElement.style.setProperty('--hero', V.app.hero_color);
      $('nav-back').appendChild(icon('back'));
      $('nav-back').setAttribute('aria-label', S.back);
      $('nav-back').addEventListener('click', back);
      append($('tab-home'), [icon('home'), h('span', { text: S.tab_home })]);
      append($('tab-me'), [icon('person'), h('span', { text: S.tab_me })]);
      $('tab-home').addEventListener('click', function () { replace('home'); });
      $('tab-me').addEventListener('click', function () { replace('me'); });
      buildSplash();
      buildHome();
      buildMe();
      buildLogin();
      buildSignup();
      buildBlocker();
      buildConfigScreens();
      buildPolicy();
      buildDeletion();
      buildConsent();
      buildRationale();
      updateHomeMode();
      refreshFeatures();
      return launch();
    }).catch(function (err) {
      document.body.dataset.launch = 'error';
      $('screens').textContent = 'Could not start: ' + err.message;
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
}());
