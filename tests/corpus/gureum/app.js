/* 구름쇼핑 (gureum): every control a <div>/<span> with a click listener. At every launch the app asks for the
   location; refused, a full-screen wall (설정으로 이동 / 다시 시도) stays in front of the shop. The cookie sheet
   offers 동의 and 설정 only; refusing is inside 설정 (모두 거부). 회원탈퇴: 마이 → 설정 → 계정 관리 → 회원 정보 →
   회원탈퇴 (small grey text) → a required reason → 탈퇴 신청 → 탈퇴하기 → pending for 14 days. */
(function () {
  'use strict';
  var P = 'gureum:';
  var deck = document.querySelector('.deck'), chev = document.querySelector('.chev'), ttl = document.querySelector('.ttl');
  var stack = [], located = null;

  function mk(cls, text, parent) {
    var e = document.createElement('div');
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function tap(cls, text, parent, fn) { var e = mk(cls, text, parent); e.addEventListener('click', fn); return e; }
  function toast(text) {
    var t = mk('toast', text, document.body);
    requestAnimationFrame(function () { t.classList.add('show'); });
    setTimeout(function () { t.classList.remove('show'); setTimeout(function () { t.remove(); }, 300); }, 1800);
  }
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function rows(v, list) {
    list.forEach(function (r, i) {
      var cls = 'row' + (i === 0 ? ' first' : '') + (i === list.length - 1 ? ' last' : '');
      tap(cls, r[0], v, typeof r[1] === 'function' ? r[1] : function () { push(r[1]); });
    });
  }

  var screens = {
    home: function (v) {
      var c = mk('card', null, v);
      mk('', located === true ? '내 주변 구름스토어 3곳에서 오늘 픽업 가능해요' : '위치를 확인할 수 없어요', c);
      ['겨울 패딩 최대 40% 할인', '오늘의 특가: 무선 이어폰', '신선식품 새벽배송'].forEach(function (s) {
        var k = mk('card', null, v); mk('', s, k); mk('muted', '지금 보러 가기', k);
      });
      return '구름쇼핑';
    },
    cat: function (v) { rows(v, [['패션', 'none'], ['디지털', 'none'], ['식품', 'none']]); return '카테고리'; },
    none: function (v) { mk('card', '준비 중인 화면이에요.', v); return '구름쇼핑'; },
    my: function (v) {
      if (!token()) { rows(v, [['로그인', 'login'], ['회원가입', 'signup'], ['고객센터', 'help']]); return '마이'; }
      mk('card', localStorage.getItem(P + 'user') + '님, 반가워요', v);
      rows(v, [['주문내역', 'orders'], ['찜한 상품', 'orders'], ['설정', 'settings'], ['고객센터', 'help'],
               ['로그아웃', function () { api('logout'); localStorage.removeItem(P + 'token'); tab('my'); }]]);
      return '마이';
    },
    orders: function (v) { mk('card', '아직 내역이 없어요.', v); return '주문내역'; },
    help: function (v) { mk('card', '고객센터 1588-0000 (평일 9시~18시)', v); return '고객센터'; },
    settings: function (v) { rows(v, [['알림 설정', 'none'], ['계정 관리', 'account'], ['앱 정보', 'none']]); return '설정'; },
    account: function (v) { rows(v, [['회원 정보', 'member'], ['비밀번호 변경', 'none'], ['배송지 관리', 'none']]); return '계정 관리'; },
    member: function (v) {
      var c = mk('card', null, v);
      mk('', '이메일: ' + localStorage.getItem(P + 'user'), c);
      mk('muted', '가입일: 2026.11.30', c);
      rows(v, [['마케팅 정보 수신 설정', 'none']]);
      var out = tap('muted', '회원탈퇴', v, function () { push('leave'); });
      out.style.cssText = 'text-align:right;margin-top:40px;font-size:12px;cursor:pointer;text-decoration:underline';
      return '회원 정보';
    },
    leave: function (v) {
      var c = mk('card', null, v);
      mk('', '탈퇴를 신청하면 14일 동안 대기한 뒤 계정과 적립금, 주문 정보가 삭제돼요. 대기 기간에 로그인하면 탈퇴가 취소돼요.', c);
      mk('muted', '탈퇴 사유를 선택해 주세요 (필수)', v).style.margin = '14px 0 6px';
      var picked = null;
      ['자주 사용하지 않아요', '원하는 상품이 없어요', '개인정보가 걱정돼요', '기타'].forEach(function (s) {
        var o = tap('opt', null, v, function () {
          v.querySelectorAll('.opt').forEach(function (x) { x.classList.remove('on'); });
          o.classList.add('on'); picked = s;
        });
        mk('dot', null, o); mk('', s, o);
      });
      tap('btn', '탈퇴 신청', v, function () {
        if (!picked) { toast('탈퇴 사유를 선택해 주세요'); return; }
        confirmBox(picked);
      });
      return '회원탈퇴';
    },
    done: function (v) {
      mk('card', '탈퇴 신청이 완료되었어요. 14일 후 계정과 정보가 모두 삭제됩니다.', v);
      tap('btn', '확인', v, function () { tab('home'); });
      return '탈퇴 신청 완료';
    },
    login: function (v) { return form(v, 'login', '로그인'); },
    signup: function (v) { return form(v, 'signup', '가입하기'); }
  };

  function form(v, action, label) {
    var u = document.createElement('input'); u.className = 'field'; u.type = 'email'; u.placeholder = '이메일'; v.appendChild(u);
    var p = document.createElement('input'); p.className = 'field'; p.type = 'password'; p.placeholder = '비밀번호 (6자 이상)'; v.appendChild(p);
    tap('btn', label, v, function () {
      if (!u.value.trim() || !p.value) { toast('이메일과 비밀번호를 입력해 주세요'); return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); tab('my'); return; }
        if (r.body.status === 'pending') { toast('탈퇴 대기 중인 계정이에요 (' + r.body.days + '일 후 삭제)'); return; }
        toast({401: '이메일 또는 비밀번호가 맞지 않아요', 409: '이미 가입된 이메일이에요', 400: '비밀번호는 6자 이상이어야 해요'}[r.status] || '다시 시도해 주세요');
      });
    });
    return label === '로그인' ? '로그인' : '회원가입';
  }

  function confirmBox(reason) {
    var dim = mk('dim', null, document.body), m = mk('modal', null, document.body);
    mk('', '정말 탈퇴하시겠어요?', m).style.cssText = 'font-weight:700;font-size:17px';
    mk('muted', '14일 후 계정이 삭제돼요.', m);
    var pair = mk('pair', null, m);
    function close() { dim.remove(); m.remove(); }
    tap('btn grey', '취소', pair, close);
    tap('btn grey', '탈퇴하기', pair, function () {
      api('delete', {reason: reason}).then(function (r) {
        close();
        if (r.status !== 200) { toast('탈퇴를 처리하지 못했어요'); return; }
        localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
        push('done');
      });
    });
    requestAnimationFrame(function () { dim.classList.add('show'); m.classList.add('show'); });
  }

  function render(name) {
    var s = mk('scr');
    var title = screens[name](s);
    deck.appendChild(s);
    return {el: s, title: title};
  }
  function push(name) {
    var top = stack[stack.length - 1], n = render(name);
    stack.push(n);
    ttl.textContent = n.title; chev.classList.add('on');
    requestAnimationFrame(function () { requestAnimationFrame(function () { n.el.classList.add('in'); if (top) top.el.classList.add('under'); }); });
  }
  function pop() {
    if (stack.length < 2) return;
    var gone = stack.pop(), top = stack[stack.length - 1];
    gone.el.classList.remove('in'); top.el.classList.remove('under');
    gone.el.addEventListener('transitionend', function () { gone.el.remove(); }, {once: true});
    ttl.textContent = top.title; chev.classList.toggle('on', stack.length > 1);
  }
  function tab(name) {
    deck.innerHTML = ''; stack = [];
    var n = render(name); n.el.classList.add('in'); stack.push(n);
    ttl.textContent = n.title; chev.classList.remove('on');
    document.querySelectorAll('.tab').forEach(function (t) { t.classList.toggle('cur', t.dataset.tab === name); });
  }
  chev.addEventListener('click', pop);
  document.querySelectorAll('.tab').forEach(function (t) { t.addEventListener('click', function () { tab(t.dataset.tab); }); });

  /* the cookie sheet: 동의 (big) and 설정 (small grey); refusing only on the settings layer */
  function consentSheet() {
    var dim = mk('dim', null, document.body), sh = mk('sheet', null, document.body);
    function close() { sh.classList.remove('show'); dim.classList.remove('show'); setTimeout(function () { sh.remove(); dim.remove(); }, 420); }
    function store(v) { localStorage.setItem(P + 'consent', JSON.stringify(v)); close(); }
    mk('grab', null, sh);
    var h = document.createElement('h3'); h.textContent = '쿠키 및 광고 정보 수집 안내'; sh.appendChild(h);
    mk('muted', '더 나은 쇼핑을 위해 쿠키로 이용 기록을 분석하고 맞춤형 광고를 보여드려요.', sh);
    tap('accept', '동의', sh, function () { store({analytics: true, ads: true}); });
    tap('more', '설정', sh, function () {
      sh.innerHTML = '';
      mk('grab', null, sh);
      var h2 = document.createElement('h3'); h2.textContent = '쿠키 설정'; sh.appendChild(h2);
      var state = {analytics: false, ads: false};
      [['필수 쿠키', null], ['이용 분석', 'analytics'], ['맞춤형 광고', 'ads']].forEach(function (p) {
        var r = mk('sw-row', null, sh); mk('', p[0], r);
        var s = mk('sw' + (p[1] ? '' : ' on lock'), null, r);
        if (p[1]) r.addEventListener('click', function () { state[p[1]] = !state[p[1]]; s.classList.toggle('on', state[p[1]]); });
      });
      var pair = mk('pair', null, sh);
      tap('btn grey', '모두 거부', pair, function () { store({analytics: false, ads: false}); });
      tap('btn', '선택 저장', pair, function () { store(state); });
    });
    requestAnimationFrame(function () { requestAnimationFrame(function () { dim.classList.add('show'); sh.classList.add('show'); }); });
  }

  /* location: asked at every launch; refused, the wall */
  var wall = null;
  function locate() {
    navigator.geolocation.getCurrentPosition(function () {
      located = true; if (wall) { wall.remove(); wall = null; } if (stack.length === 1) tab(stackName());
    }, function (err) {
      located = false;
      if (err.code === 1) showWall(); else if (stack.length === 1) tab(stackName());
    }, {timeout: 8000, maximumAge: 600000});
  }
  function stackName() { var c = document.querySelector('.tab.cur'); return c ? c.dataset.tab : 'home'; }
  function showWall() {
    if (wall) { toast('위치 권한이 아직 꺼져 있어요'); return; }
    wall = mk('wall', null, document.body);
    mk('pin', null, wall);
    mk('', '위치 권한이 필요해요', wall).style.cssText = 'font-size:19px;font-weight:700';
    mk('muted', '구름쇼핑은 내 주변 매장의 재고와 배송 가능 여부를 보여주기 위해 위치 정보가 꼭 필요해요.', wall);
    tap('btn', '설정으로 이동', wall, function () {
      var dim = mk('dim show', null, document.body), m = mk('modal show', null, document.body);
      mk('', '브라우저의 사이트 설정 > 위치에서 구름쇼핑을 허용한 뒤 다시 시도해 주세요.', m);
      tap('btn', '확인', m, function () { dim.remove(); m.remove(); });
    });
    tap('btn grey', '다시 시도', wall, locate);
  }

  tab('home');
  locate();
  if (!localStorage.getItem(P + 'consent')) consentSheet();
}());
