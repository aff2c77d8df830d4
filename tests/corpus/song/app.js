/* Sóng: screens drawn into <main>; accounts through the corpus server's api/.
   Permissions: at the first launch (flag song:da-hoi) one getUserMedia({audio, video}) before anything is used;
   refused (NotAllowedError) the wall "Cần quyền truy cập" covers the app: Thử lại asks again, Để sau leaves only a
   blank screen. On later launches the state is read with navigator.permissions.query (no request) and, unless
   both are granted, the wall is back. An error that is not a refusal (no device) does not raise the wall.
   Consent: the sheet slides up after the first scroll or 3 s, unless song:dong-y holds an answer
   ("dong-y" accepted, "tu-choi" refused: nothing else is stored on refusal). */
(function () {
  'use strict';
  var P = 'song:';
  var manHinh = document.getElementById('man-hinh');
  var tieuDe = document.getElementById('tieu-de');
  var tuong = document.getElementById('tuong');

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
    var b = el('button', 'dong', text); b.type = 'button'; b.addEventListener('click', fn); manHinh.appendChild(b);
  }

  var BAI = [['Mưa tháng sáu', 'Nhóm Gió Nam'], ['Phố cũ chiều nay', 'Lam Anh'], ['Cà phê sáng', 'Bảo Trâm'],
    ['Đêm Sài Gòn', 'Minh Khang'], ['Hà Nội mùa thu', 'Thu Hà'], ['Biển gọi', 'Nhóm Sóng Bạc'], ['Về quê', 'Hữu Phước'],
    ['Đường xa', 'Ngọc Diệp'], ['Gió mùa', 'Quang Vinh'], ['Trăng khuyết', 'Mai Phương'], ['Chợ nổi', 'Tấn Lộc'],
    ['Cánh diều', 'Bích Ngân']];
  var MAU = ['#3ddc97', '#ff8a65', '#64b5f6', '#ba68c8', '#ffd54f', '#4db6ac'];
  var manHinhs = {
    trangchu: ['Sóng', function () {
      manHinh.appendChild(el('h2', '', 'Dành cho bạn'));
      var kq = el('p', 'loi');
      var nhan = el('button', 'nut phu', 'Nhận diện bài hát'); nhan.type = 'button';
      nhan.addEventListener('click', function () { kq.textContent = 'Đang nghe… (micro đã bật)'; });
      var kara = el('button', 'nut phu', 'Hát karaoke có quay video'); kara.type = 'button';
      kara.addEventListener('click', function () { kq.textContent = 'Máy ảnh đã sẵn sàng.'; });
      manHinh.appendChild(nhan); manHinh.appendChild(kara); manHinh.appendChild(kq);
      BAI.forEach(function (b, i) {
        var d = el('div', 'bai'); var bia = el('div', 'bia'); bia.style.background = MAU[i % MAU.length];
        var t = el('div', '', b[0]); t.appendChild(el('small', '', b[1])); d.appendChild(bia); d.appendChild(t); manHinh.appendChild(d);
      });
    }],
    timkiem: ['Tìm kiếm', function () { manHinh.appendChild(el('p', '', 'Tìm bài hát, ca sĩ hoặc album (sắp ra mắt).')); }],
    thuvien: ['Thư viện', function () { manHinh.appendChild(el('p', '', 'Bạn chưa lưu bài hát nào.')); }],
    canhan: ['Cá nhân', function () {
      if (!token()) {
        dong('Đăng nhập', function () { hien('dangnhap'); });
        dong('Đăng ký', function () { hien('dangky'); });
      } else {
        manHinh.appendChild(el('p', '', 'Xin chào, ' + localStorage.getItem(P + 'user')));
        dong('Bài hát đã thích', function () { hien('thuvien'); });
        dong('Cài đặt', function () { hien('caidat'); });
        dong('Đăng xuất', function () { api('logout'); localStorage.removeItem(P + 'token'); hien('canhan'); });
      }
      dong('Chính sách quyền riêng tư', function () { hien('chinhsach'); });
    }],
    caidat: ['Cài đặt', function () {
      dong('Chất lượng âm thanh', function () { hien('amthanh'); });
      dong('Thông báo', function () { hien('thongbao'); });
      dong('Tài khoản', function () { hien('taikhoan'); });
    }],
    amthanh: ['Chất lượng âm thanh', function () { manHinh.appendChild(el('p', '', 'Chất lượng: Cao (320 kbps).')); }],
    thongbao: ['Thông báo', function () { manHinh.appendChild(el('p', '', 'Sóng không gửi thông báo.')); }],
    taikhoan: ['Tài khoản', function () {
      manHinh.appendChild(el('p', '', 'Email: ' + (localStorage.getItem(P + 'user') || '')));
      dong('Đổi mật khẩu', function () { hien('doimatkhau'); });
      dong('Xóa tài khoản', function () { hien('xoa'); });
    }],
    doimatkhau: ['Đổi mật khẩu', function () { manHinh.appendChild(el('p', '', 'Tính năng đang được hoàn thiện.')); }],
    xoa: ['Xóa tài khoản', xoaTaiKhoan],
    daxoa: ['Đã gửi yêu cầu', function () {
      manHinh.appendChild(el('p', 'xong', 'Yêu cầu xóa tài khoản đã được ghi nhận. Tài khoản của bạn sẽ bị xóa vĩnh viễn sau 7 ngày.'));
    }],
    dangnhap: ['Đăng nhập', function () { bieuMau('login', 'Đăng nhập'); }],
    dangky: ['Đăng ký', function () { bieuMau('signup', 'Tạo tài khoản'); }],
    chinhsach: ['Chính sách quyền riêng tư', function () {
      ['Sóng lưu email và mật khẩu của bạn để đăng nhập.',
        'Micro chỉ dùng để nhận diện bài hát, máy ảnh chỉ dùng khi bạn quay video karaoke.',
        'Dữ liệu nghe nhạc chỉ dùng cho gợi ý và quảng cáo nếu bạn đồng ý.',
        'Khi bạn xóa tài khoản, dữ liệu sẽ bị xóa sau 7 ngày.'].forEach(function (t) { manHinh.appendChild(el('p', '', t)); });
    }]
  };

  function xoaTaiKhoan() {
    manHinh.appendChild(el('p', '', 'Toàn bộ danh sách phát, bài hát đã thích và lịch sử nghe sẽ bị xóa.'));
    var sw = el('div', 'cong-tac'); sw.setAttribute('role', 'switch'); sw.setAttribute('aria-checked', 'false');
    sw.tabIndex = 0; sw.id = 'hieu-ro';
    sw.appendChild(el('span', 'ray')); sw.appendChild(el('span', '', 'Tôi hiểu rằng dữ liệu sẽ bị xóa vĩnh viễn'));
    manHinh.appendChild(sw);
    var l = el('label', '', 'Nhập email của bạn để xác nhận'); l.htmlFor = 'xac-nhan-email'; manHinh.appendChild(l);
    var e = el('input'); e.id = 'xac-nhan-email'; e.type = 'email'; e.autocomplete = 'off'; manHinh.appendChild(e);
    var nut = el('button', 'nut', 'Xóa vĩnh viễn'); nut.type = 'button'; nut.disabled = true; manHinh.appendChild(nut);
    var loi = el('p', 'loi'); manHinh.appendChild(loi);
    function capNhat() {
      nut.disabled = !(sw.getAttribute('aria-checked') === 'true' && e.value.trim().toLowerCase() === (localStorage.getItem(P + 'user') || '').toLowerCase());
    }
    function doi() { sw.setAttribute('aria-checked', sw.getAttribute('aria-checked') === 'true' ? 'false' : 'true'); capNhat(); }
    sw.addEventListener('click', doi);
    sw.addEventListener('keydown', function (ev) { if (ev.key === ' ' || ev.key === 'Enter') { ev.preventDefault(); doi(); } });
    e.addEventListener('input', capNhat);
    nut.addEventListener('click', function () {
      api('delete', {}).then(function (r) {
        if (r.status !== 200) { loi.textContent = 'Không xóa được, hãy thử lại.'; return; }
        localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user');
        hien('daxoa');
      });
    });
  }

  function bieuMau(action, label) {
    var f = el('form');
    var lu = el('label', '', 'Email'); lu.htmlFor = action + '-email'; f.appendChild(lu);
    var u = el('input'); u.id = action + '-email'; u.type = 'email'; f.appendChild(u);
    var lp = el('label', '', 'Mật khẩu'); lp.htmlFor = action + '-mk'; f.appendChild(lp);
    var p = el('input'); p.id = action + '-mk'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'nut', label); b.type = 'submit'; f.appendChild(b);
    var k = el('p', 'loi'); f.appendChild(k);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { k.textContent = 'Hãy nhập email và mật khẩu.'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); hien('canhan'); return; }
        if (r.body.status === 'pending') { k.textContent = 'Tài khoản này đang chờ xóa (' + r.body.days + ' ngày).'; return; }
        k.textContent = {401: 'Email hoặc mật khẩu không đúng.', 409: 'Email này đã được đăng ký.', 400: 'Mật khẩu cần ít nhất 6 ký tự.'}[r.status] || 'Hãy thử lại.';
      });
    });
    manHinh.appendChild(f);
  }

  function hien(name) {
    var s = manHinhs[name];
    manHinh.textContent = ''; tieuDe.textContent = s[0];
    document.querySelectorAll('[data-tab]').forEach(function (b) {
      if (b.dataset.tab === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    s[1]();
  }
  document.querySelectorAll('[data-tab]').forEach(function (b) { b.addEventListener('click', function () { hien(b.dataset.tab); }); });

  // ---- microphone + camera -----------------------------------------------------------------------------
  function xin() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
    navigator.mediaDevices.getUserMedia({audio: true, video: true}).then(function (s) {
      s.getTracks().forEach(function (t) { t.stop(); }); tuong.hidden = true;
    }, function (err) {
      if (err.name !== 'NotAllowedError') { tuong.hidden = true; return; }   // no device: not the user's answer
      tuong.hidden = false;
      document.getElementById('tuong-loi').textContent = 'Bạn chưa cho phép dùng micro và máy ảnh.';
    });
  }
  document.getElementById('thu-lai').addEventListener('click', xin);
  document.getElementById('de-sau').addEventListener('click', function () {
    tuong.hidden = true; document.getElementById('ung-dung').hidden = true; document.getElementById('trong').hidden = false;
  });

  // ---- consent sheet ----------------------------------------------------------------------------------
  var tam = document.getElementById('dong-y');
  var daHien = false;
  function hienTam() {
    if (daHien || localStorage.getItem(P + 'dong-y')) return;
    daHien = true; tam.hidden = false;
    requestAnimationFrame(function () { requestAnimationFrame(function () { tam.classList.add('hien'); }); });
  }
  function traLoi(v) { localStorage.setItem(P + 'dong-y', v); tam.classList.remove('hien'); tam.hidden = true; }
  document.getElementById('dong-y-nut').addEventListener('click', function () { traLoi('dong-y'); });
  document.getElementById('khong-dong-y').addEventListener('click', function (ev) { ev.preventDefault(); traLoi('tu-choi'); });

  // ---- launch ---------------------------------------------------------------------------------------------
  hien('trangchu');
  if (!localStorage.getItem(P + 'dong-y')) {
    window.addEventListener('scroll', hienTam, {once: true, passive: true});
    setTimeout(hienTam, 3000);
  }
  if (!localStorage.getItem(P + 'da-hoi')) {
    localStorage.setItem(P + 'da-hoi', '1');
    xin();
  } else if (navigator.permissions) {
    Promise.all(['camera', 'microphone'].map(function (n) {
      return navigator.permissions.query({name: n}).then(function (s) { return s.state; }, function () { return 'granted'; });
    })).then(function (st) { if (st.some(function (s) { return s !== 'granted'; })) tuong.hidden = false; });
  }
}());
