/* Bếp Nhà: screens drawn into <main>; accounts through the corpus server's api/.
   Launch: the promotion (#quangcao) counts down «Bỏ qua 5…1» and goes by itself at 0 or when tapped; only then
   the cookie notice's script (bootstrap-cookie-alert) is loaded and the location asked with getCurrentPosition —
   at every launch, nothing remembered, so a refusal is asked again on the next launch. Refused, the home shows a
   delivery-address field that lists the same restaurants. */
(function () {
  'use strict';
  var P = 'bep:';
  var manhinh = document.getElementById('manhinh');
  var tieude = document.getElementById('tieude');
  var vitri = 'cho';           // cho (asking) | co (a position) | tuchoi (refused or none)
  var diachi = '';

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
  function dong(text, fn) {
    var b = el('button', 'dong', text); b.type = 'button'; b.addEventListener('click', fn); manhinh.appendChild(b);
  }

  var QUAN = [['Cơm tấm Sà Bì Chưởng', '15 phút'], ['Bún bò Huế Cô Ba', '20 phút'], ['Phở Lý Quốc Sư', '25 phút'],
              ['Bánh mì Hòa Mã', '12 phút']];
  function dsQuan(tieuDe) {
    manhinh.appendChild(el('h2', '', tieuDe));
    QUAN.forEach(function (q) {
      var d = el('div', 'quan', q[0]); d.appendChild(el('small', '', 'Giao trong khoảng ' + q[1])); manhinh.appendChild(d);
    });
  }

  var MAN = {
    trangchu: ['Bếp Nhà', function () {
      if (vitri === 'cho') { manhinh.appendChild(el('p', 'mo', 'Đang xác định vị trí của bạn…')); return; }
      if (vitri === 'co') { dsQuan('Quán gần bạn'); return; }
      manhinh.appendChild(el('p', 'canh', 'Không lấy được vị trí. Hãy nhập địa chỉ giao hàng.'));
      var f = el('form', 'tim');
      var l = el('label', '', 'Địa chỉ giao hàng'); l.htmlFor = 'o-diachi'; f.appendChild(l);
      var o = el('input'); o.id = 'o-diachi'; o.value = diachi; o.placeholder = 'Số nhà, đường, quận'; f.appendChild(o);
      var b = el('button', 'nut', 'Tìm quán'); b.type = 'submit'; f.appendChild(b);
      var loi = el('p', 'loi'); f.appendChild(loi);
      f.addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (!o.value.trim()) { loi.textContent = 'Vui lòng nhập địa chỉ.'; return; }
        diachi = o.value.trim(); hien('trangchu');
      });
      manhinh.appendChild(f);
      if (diachi) dsQuan('Quán giao đến ' + diachi);
    }],
    donhang: ['Đơn hàng', function () { manhinh.appendChild(el('p', 'mo', 'Bạn chưa có đơn hàng nào.')); }],
    taikhoan: ['Tài khoản', function () {
      if (!token()) {
        dong('Đăng nhập', function () { hien('dangnhap'); });
        dong('Đăng ký', function () { hien('dangky'); });
      } else {
        manhinh.appendChild(el('p', 'chao', 'Xin chào, ' + localStorage.getItem(P + 'user')));
        dong('Địa chỉ đã lưu', function () { hien('diachi'); });
        dong('Cài đặt', function () { hien('caidat'); });
        dong('Đăng xuất', function () { api('logout'); localStorage.removeItem(P + 'token'); hien('taikhoan'); });
      }
    }],
    diachi: ['Địa chỉ đã lưu', function () { manhinh.appendChild(el('p', 'mo', 'Chưa có địa chỉ nào được lưu.')); }],
    caidat: ['Cài đặt', function () {
      dong('Thông báo đơn hàng', function () { hien('thongbao'); });
      dong('Ngôn ngữ: Tiếng Việt', function () {});
      dong('Chính sách quyền riêng tư', function () { hien('chinhsach'); });
      dong('Yêu cầu xóa tài khoản', function () { hien('yeucau'); });
    }],
    thongbao: ['Thông báo đơn hàng', function () { manhinh.appendChild(el('p', 'mo', 'Bạn sẽ thấy trạng thái đơn hàng ngay trong ứng dụng.')); }],
    yeucau: ['Yêu cầu xóa tài khoản', function () { formXoa(); }],
    daxoa: ['Đã xóa tài khoản', function () { manhinh.appendChild(el('p', 'xong', 'Tài khoản của bạn đã được xóa vĩnh viễn.')); }],
    dangnhap: ['Đăng nhập', function () { formTaiKhoan('login', 'Đăng nhập'); }],
    dangky: ['Đăng ký', function () { formTaiKhoan('signup', 'Tạo tài khoản'); }],
    chinhsach: ['Chính sách quyền riêng tư', function () {
      var d = el('div', 'chinhsach');
      ['Chúng tôi dùng vị trí của bạn chỉ để tìm quán gần và giao món; bạn có thể nhập địa chỉ thay cho vị trí.',
       'Email và lịch sử đơn hàng được lưu khi tài khoản còn hoạt động và bị xóa ngay khi bạn xóa tài khoản.',
       'Cookie ghi nhớ giỏ hàng và đếm lượt dùng ứng dụng; chúng tôi không bán dữ liệu của bạn.',
       'Địa chỉ giao hàng chỉ được gửi cho quán và tài xế của đơn đó.'].forEach(function (t) { d.appendChild(el('p', '', t)); });
      manhinh.appendChild(d);
    }]
  };

  function formTaiKhoan(action, nhan) {
    var f = el('form');
    var lu = el('label', '', 'Email'); lu.htmlFor = action + '-email'; f.appendChild(lu);
    var u = el('input'); u.id = action + '-email'; u.type = 'email'; f.appendChild(u);
    var lp = el('label', '', 'Mật khẩu'); lp.htmlFor = action + '-matkhau'; f.appendChild(lp);
    var p = el('input'); p.id = action + '-matkhau'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'nut rong', nhan); b.type = 'submit'; f.appendChild(b);
    var loi = el('p', 'loi'); f.appendChild(loi);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { loi.textContent = 'Vui lòng nhập email và mật khẩu.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); hien('taikhoan'); return; }
        loi.textContent = {401: 'Email hoặc mật khẩu không đúng.', 409: 'Email này đã có tài khoản.', 400: 'Mật khẩu cần ít nhất 6 ký tự.'}[r.status] || 'Có lỗi, vui lòng thử lại.';
      });
    });
    manhinh.appendChild(f);
  }

  var lyDoDaChon = '';
  var ghiChu = '';
  function formXoa() {
    var f = el('form');
    f.appendChild(el('p', 'mo', 'Hãy cho chúng tôi biết vì sao bạn muốn rời Bếp Nhà.'));
    var ls = el('label', '', 'Lý do xóa tài khoản'); ls.htmlFor = 'lydo'; f.appendChild(ls);
    var s = el('select'); s.id = 'lydo'; s.required = true;
    [['', 'Chọn lý do'], ['khong-dung', 'Tôi không còn đặt món nữa'], ['phi-cao', 'Phí giao hàng quá cao'],
     ['rieng-tu', 'Tôi lo ngại về quyền riêng tư'], ['khac', 'Lý do khác']].forEach(function (o) {
      var op = el('option', '', o[1]); op.value = o[0]; s.appendChild(op);
    });
    f.appendChild(s);
    var lt = el('label', '', 'Góp ý thêm (không bắt buộc)'); lt.htmlFor = 'gopy'; f.appendChild(lt);
    var t = el('textarea'); t.id = 'gopy'; t.rows = 3; f.appendChild(t);
    var b = el('button', 'nut rong', 'Gửi yêu cầu'); b.type = 'submit'; f.appendChild(b);
    var loi = el('p', 'loi'); f.appendChild(loi);
    f.noValidate = true;
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!s.value) { loi.textContent = 'Vui lòng chọn lý do.'; return; }
      loi.textContent = ''; lyDoDaChon = s.value; ghiChu = t.value;
      document.getElementById('xacnhan').hidden = false;
    });
    manhinh.appendChild(f);
  }

  function hien(ten) {
    var m = MAN[ten];
    manhinh.textContent = ''; tieude.textContent = m[0];
    document.querySelectorAll('[data-tab]').forEach(function (b) {
      if (b.dataset.tab === ten) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    m[1]();
  }
  document.querySelectorAll('[data-tab]').forEach(function (b) { b.addEventListener('click', function () { hien(b.dataset.tab); }); });
  window.addEventListener('hashchange', function () {
    if (location.hash === '#chinhsach') { hien('chinhsach'); history.replaceState(null, '', location.pathname); }
  });

  document.getElementById('giu').addEventListener('click', function () { document.getElementById('xacnhan').hidden = true; });
  document.getElementById('xoa').addEventListener('click', function () {
    api('delete', {reason: lyDoDaChon, comment: ghiChu}).then(function (r) {
      document.getElementById('xacnhan').hidden = true;
      if (r.status !== 200) return;
      localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
      hien('daxoa');
    });
  });

  // after the promotion: the cookie notice's script, then the location
  function sauQuangCao() {
    var sc = document.createElement('script'); sc.src = '/vendor/bootstrap-cookie-alert/cookiealert.js';
    document.body.appendChild(sc);
    if (!navigator.geolocation) { vitri = 'tuchoi'; hien('trangchu'); return; }
    navigator.geolocation.getCurrentPosition(function () {
      vitri = 'co'; if (tieude.textContent === 'Bếp Nhà') hien('trangchu');
    }, function () {
      vitri = 'tuchoi'; if (tieude.textContent === 'Bếp Nhà') hien('trangchu');
    }, {timeout: 10000});
  }

  var qc = document.getElementById('quangcao');
  var nutBoQua = document.getElementById('boqua');
  var con = 5;
  var dem = setInterval(function () {
    con -= 1;
    if (con <= 0) { dongQuangCao(); return; }
    nutBoQua.textContent = 'Bỏ qua ' + con;
  }, 1000);
  function dongQuangCao() {
    if (qc.hidden) return;
    clearInterval(dem); qc.hidden = true; sauQuangCao();
  }
  nutBoQua.addEventListener('click', dongQuangCao);

  hien('trangchu');
}());
