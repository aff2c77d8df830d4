/* Bếp Nhà: screens are <article data-man> shown one at a time (history kept in location.hash); accounts through
   the corpus server's api/. Consent: gdpr-cookie-notice (cookie "gdprcookienotice": {necessary, performance,
   analytics, marketing}); our «Từ chối tất cả» stores the same record with every optional category false. The
   analytics id (localStorage "bepnha:ma-do-luong") is made only once analytics is allowed. */
(function () {
  'use strict';
  var K = 'bepnha:';
  gdprCookieNotice({
    locale: 'vi',
    expiration: 180,
    statement: '#chinh-sach',
    performance: [], analytics: [], marketing: []   // Bếp Nhà sets no cookie of these kinds: its data is in localStorage
  });

  document.addEventListener('gdprCookiesEnabled', function (e) {
    if (e.detail && e.detail.analytics && !localStorage.getItem(K + 'ma-do-luong')) {
      localStorage.setItem(K + 'ma-do-luong', 'bn-' + Math.random().toString(36).slice(2, 12));
    }
  });
  document.addEventListener('click', function (e) {
    if (!e.target.closest('.bn-tu-choi')) return;
    e.preventDefault();
    var record = {date: new Date(), necessary: true, performance: false, analytics: false, marketing: false};
    document.cookie = 'gdprcookienotice=' + encodeURIComponent(JSON.stringify(record)) + '; path=/; max-age=' + 180 * 86400;
    localStorage.removeItem(K + 'ma-do-luong');
    document.documentElement.classList.remove('gdpr-cookie-notice-loaded');
  });

  function token() { return localStorage.getItem(K + 'phien'); }
  function goi(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }

  function hien() {
    var ten = location.hash.slice(1) || 'trang-chu';
    var man = document.querySelector('article[data-man="' + ten + '"]');
    if (!man) { ten = 'trang-chu'; man = document.querySelector('article[data-man="trang-chu"]'); }
    if (ten === 'xoa' && !token()) { location.hash = '#tai-khoan'; return; }
    document.querySelectorAll('#khung > article').forEach(function (a) { a.hidden = a !== man; });
    document.getElementById('tieu-de').textContent = man.dataset.ten;
    document.querySelectorAll('.tab button').forEach(function (b) {
      if (b.dataset.den === ten) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    document.getElementById('chua-vao').hidden = !!token();
    document.getElementById('da-vao').hidden = !token();
    document.getElementById('ai').textContent = localStorage.getItem(K + 'email') || '';
  }
  window.addEventListener('hashchange', hien);
  document.querySelectorAll('[data-den]').forEach(function (b) {
    b.addEventListener('click', function () { location.hash = '#' + b.dataset.den; });
  });

  document.querySelectorAll('form[data-api]').forEach(function (f) {
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var email = f.elements.email.value.trim(), mk = f.elements.matkhau.value, loi = f.querySelector('.loi');
      if (!email || !mk) { loi.textContent = 'Vui lòng nhập email và mật khẩu.'; return; }
      goi(f.dataset.api, {username: email, password: mk}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(K + 'phien', r.body.token); localStorage.setItem(K + 'email', email);
          f.reset(); loi.textContent = ''; location.hash = '#tai-khoan'; hien(); return;
        }
        loi.textContent = {401: 'Email hoặc mật khẩu không đúng.', 409: 'Email này đã có tài khoản.',
                           400: 'Mật khẩu phải có ít nhất 6 ký tự.'}[r.status] || 'Có lỗi xảy ra. Vui lòng thử lại.';
      });
    });
  });
  document.getElementById('thoat').addEventListener('click', function () {
    goi('logout'); localStorage.removeItem(K + 'phien'); localStorage.removeItem(K + 'email'); hien();
  });
  document.getElementById('xoa-han').addEventListener('click', function () {
    goi('delete').then(function (r) {
      if (r.status !== 200) { document.getElementById('loi-xoa').textContent = 'Không xóa được. Vui lòng thử lại.'; return; }
      localStorage.removeItem(K + 'phien'); localStorage.removeItem(K + 'email'); location.hash = '#da-xoa';
    });
  });

  document.getElementById('tim-bep').addEventListener('click', function () {
    var vt = document.getElementById('vi-tri'), ds = document.getElementById('ds-bep');
    function khongViTri(t) { vt.textContent = t; ds.hidden = false; }
    if (!navigator.geolocation) { khongViTri('Không xác định được vị trí. Đây là tất cả các bếp:'); return; }
    navigator.geolocation.getCurrentPosition(function () {
      vt.textContent = 'Bếp gần bạn nhất: Bếp cô Lan, cách 600 m.'; ds.hidden = false;
    }, function () {
      khongViTri('Bạn chưa chia sẻ vị trí. Đây là tất cả các bếp:');
    }, {timeout: 8000});
  });

  hien();
}());
